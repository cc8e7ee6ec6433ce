//! Document references: a type word, a number, and the date of issue when given.
//! *Nghị quyết số 21/NQ-TU ngày 25/1/2022*, *Quy định số 96-QĐ/TW*, *Regulation No. 96-QD/TW*,
//! *Conclusion No. 21-KL/TW*, *résolution n° 21/NQ-TU du 25 janvier 2022*, and bare numbers
//! such as *21-NQ/TU* that the foundation's parser accepts.

use std::sync::OnceLock;

use giamsat_core::DocumentNumber;
use regex::Regex;

use crate::time_words::date_at;
use crate::{Fact, Found};

struct Patterns {
    /// Letters between separators ("/NQ-", "-QĐ/"), which every number has: the regex crate
    /// finds them by their first byte, where it would run its slower engine over every digit
    /// for the number itself.
    codes: Regex,
    /// A number as documents write it, after a character that cannot be inside one.
    number: Regex,
    /// The words naming a reference before its number ("Nghị quyết số"), at the end of
    /// what is searched.
    head: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let compile = |pattern: &str| Regex::new(pattern).expect("reference pattern");
        // Digits, an optional year, then type and issuer codes joined by / or - (the
        // Standing Committee's issuer ends with its legislature: NQ-UBTVQH14); or the
        // National Assembly's number, with a year and no type: 98/2023/QH15.
        // Separators: the slash and every dash the press types, the non-breaking hyphen
        // (U+2011) word processors put inside numbers ("15/2020/NĐ‑CP") among them.
        let number = r"\d{1,5}(?:/\d{4})?\s?[/\-–‐‑]\s?[\p{L}]{1,4}(?:\s?[/\-–‐‑]\s?(?:(?:UBTV)?QH\d{1,2}|[\p{L}]{1,6})){1,3}|\d{1,5}/\d{4}/(?:UBTV)?QH\d{1,2}";
        Patterns {
            codes: compile(r"[/\-–‐‑]\s?\p{L}{1,4}\s?[/\-–‐‑]|/(?:UBTV)?QH\d"),
            number: compile(&format!(r"(?:^|[^\w/])({number})")),
            head: compile(
                r"(?i)(?:(?-u:\b)(?:nghị quyết|quyết định|quy định|chỉ thị|kết luận|thông báo|kế hoạch|hướng dẫn|báo cáo|chương trình|nghị định|thông tư|resolution|decision|regulation|directive|conclusion|notice|plan|guidance|report|programme|program|decree|circular|résolution|décision|règlement|conclusions?|avis|décret|circulaire|programme|công điện|official\s+dispatch|dispatch|official\s+telegram|telegram|dépêche(?:\s+officielle)?|télégramme(?:\s+officiel)?|tờ\s+trình|công\s+văn|văn\s+bản|official\s+letter|lettre\s+officielle)|đề\s+án)\s+(?:(?:số|no\.?|number|n°|no|nº|n\.|numéro)\s*)?$",
            ),
        }
    })
}

/// How far before the codes a number's digits may start, and after them it may end: what
/// the number pattern can match, with room to spare.
const DIGITS_BEFORE_CODES: usize = 24;
const NUMBER_AFTER_CODES: usize = 128;

/// Every reference in the text: a number, from its naming words when they come before it.
pub fn find(text: &str) -> Vec<Found> {
    let p = patterns();
    let mut found: Vec<Found> = Vec::new();
    // Where the last number ended: numbers do not overlap.
    let mut next = 0;
    for codes in p.codes.find_iter(text) {
        if codes.start() < next {
            continue;
        }
        let from = crate::look_back(text, codes.start(), DIGITS_BEFORE_CODES).max(next);
        let to = crate::look_ahead(text, codes.start(), NUMBER_AFTER_CODES);
        // The match alone, without its group: the number is the match after the character
        // before it, and no engine is run over the pattern's letters to say so.
        let Some(whole) = p.number.find_at(&text[..to], from) else {
            continue;
        };
        let number = number_of(whole);
        // A number further on has codes of its own.
        if number.start > codes.start() {
            continue;
        }
        next = number.end;
        found.extend(reference_at(text, number));
    }
    let bare = bare(text, &found);
    found.extend(bare);
    found
}

/// The reference a number found in `text` is, with the words before it that name its type.
fn reference_at(text: &str, number: std::ops::Range<usize>) -> Option<Found> {
    let written = &text[number.clone()];
    let head_from = crate::look_back(text, number.start, crate::LOOK_BACK / 4);
    let head = patterns().head.find_at(&text[..number.start], head_from);
    let (fact, end) = match reference(text, written, number.end) {
        Some(read) => read,
        None => letter(text, written, number.end, head.map(|h| h.as_str()))?,
    };
    // The legislature's number holds no type: a law is numbered like a resolution, and
    // only the words before it tell them apart.
    let typeless = !written.contains(['-', '–', '‐', '‑']);
    if typeless && !head.is_some_and(|h| names_a_resolution(h.as_str())) {
        return None;
    }
    let start = head.map_or(number.start, |head| head.start());
    Some(Found { start, end, fact })
}

/// Where the number of a match of the number pattern is: the match without the character
/// it starts with when that is the one before the number (`[^\w/]`), never a digit (`\d`)
/// as the number's first is.
fn number_of(whole: regex::Match<'_>) -> std::ops::Range<usize> {
    static DIGIT: OnceLock<Regex> = OnceLock::new();
    let digit = DIGIT.get_or_init(|| Regex::new(r"^\d").expect("digit pattern"));
    let haystack = whole.as_str();
    let skip = if digit.is_match(haystack) {
        0
    } else {
        haystack.chars().next().map_or(0, char::len_utf8)
    };
    whole.start() + skip..whole.end()
}

/// Type words of a bare reference and their codes; `true` where the number may follow the
/// word without "số", "No." or "n°" ("the Politburo's Resolution 39"), when the word is
/// capitalised.
const BARE_TYPES: &[(&str, &str, bool)] = &[
    ("nghị quyết", "NQ", true),
    ("chỉ thị", "CT", true),
    ("kết luận", "KL", true),
    ("quyết định", "QĐ", false),
    ("quy định", "QĐ", false),
    ("kế hoạch", "KH", false),
    ("hướng dẫn", "HD", false),
    ("thông báo", "TB", false),
    ("nghị định", "NĐ", false),
    ("thông tư", "TT", false),
    ("resolution", "NQ", true),
    ("directive", "CT", true),
    ("conclusion", "KL", true),
    ("decision", "QĐ", false),
    ("regulation", "QĐ", false),
    ("plan", "KH", false),
    ("instruction", "HD", false),
    ("guidance", "HD", false),
    ("notice", "TB", false),
    ("decree", "NĐ", false),
    ("circular", "TT", false),
    ("résolution", "NQ", true),
    ("directive", "CT", true),
    ("décision", "QĐ", false),
    ("instruction", "HD", false),
    ("décret", "NĐ", false),
    ("circulaire", "TT", false),
    // Official dispatches (*công điện*): a type the press cites that giamsat does not follow.
    ("công điện", "CĐ", false),
    ("official dispatch", "CĐ", false),
    ("dispatch", "CĐ", false),
    ("dépêche officielle", "CĐ", false),
    ("dépêche", "CĐ", false),
    ("télégramme", "CĐ", false),
    ("tờ trình", "TTr", false),
    ("đề án", "ĐA", false),
];

/// Bare references: a type word and a number without codes, "Nghị quyết số 12", "Chỉ thị số
/// 05", "Resolution No. 9", "la résolution n° 9". Each takes the canonical number of the full
/// reference of the same type and number the text gives anywhere (`full`), else the type's
/// code and the number as written (`NQ 12`).
fn bare(text: &str, full: &[Found]) -> Vec<Found> {
    static BARE: OnceLock<Regex> = OnceLock::new();
    let pattern = BARE.get_or_init(|| {
        let words: Vec<String> = BARE_TYPES
            .iter()
            .map(|(w, ..)| regex::escape(w).replace(' ', r"\s+"))
            .collect();
        Regex::new(&format!(
            r"(?P<word>(?i:{}))(?P<plural>s)?\s+(?P<no>(?i:số|no\.?|n°|nº|n\.|numéro|nos\.?|n°s)\s*)?(?P<num>\d{{1,4}})",
            words.join("|")
        ))
        .expect("bare reference pattern")
    });
    // The full references by type code and number, for the bare ones to link to: parsed
    // again only when a text has a bare reference, which most do not.
    let linked = std::cell::OnceCell::new();
    let linked = || -> &Vec<(&str, u32, &Fact)> {
        linked.get_or_init(|| {
            full.iter()
                .filter_map(|f| match &f.fact {
                    fact @ Fact::Document {
                        number, doc_type, ..
                    } => DocumentNumber::parse(number)
                        .ok()
                        .map(|n| n.number())
                        .or_else(|| number.split(['/', '-']).next()?.parse().ok())
                        .map(|n| (doc_type.as_str(), n, fact)),
                    _ => None,
                })
                .collect()
        })
    };
    let spans = crate::merged(full.iter().map(|f| (f.start, f.end)).collect());
    let mut found = Vec::new();
    for c in crate::word_start_captures(pattern, text) {
        let (word, num) = (&c["word"], c.name("num").expect("number"));
        // A number with codes or a year after it is a full reference, a date or a law's.
        if text[num.end()..].chars().next().is_some_and(|ch| {
            crate::is_word_char(ch) || matches!(ch, '/' | '-' | '–' | '‐' | '‑' | '.' | ',')
        }) && !text[num.end()..].starts_with(". ")
            && !text[num.end()..].starts_with(", ")
        {
            continue;
        }
        let folded = crate::lowercase(word);
        let folded: Vec<&str> = folded.split_whitespace().collect();
        let folded = folded.join(" ");
        let Some((_, code, without_no)) = BARE_TYPES.iter().find(|(w, ..)| *w == folded) else {
            continue;
        };
        // Without "số", "No." or "n°", a capital names the document ("Resolution 57"), and so
        // does its issuer or its subject after the number: French writes the type in lower
        // case ("la résolution 57 du Bureau politique"), where "the resolution 12 delegates
        // adopted" counts.
        let named_after = || {
            let next = text[num.end()..]
                .trim_start_matches([' ', '\u{a0}'])
                .split(|ch: char| !crate::is_word_char(ch))
                .next()
                .unwrap_or_default();
            ["du", "de", "des", "sur", "of", "on", "của", "về"]
                .iter()
                .any(|w| crate::same_word(next, w))
        };
        // "les résolutions 57, 59, 66 et 68", "Resolutions 57 and 68", "các Nghị quyết số 57,
        // 59": the numbers a type word in the plural lists, each a reference.
        let listed = listed_numbers(text, num.end());
        let plural = c.name("plural").is_some()
            || crate::lowercase(
                &text[crate::look_back(text, c.get(0).expect("match").start(), 12)
                    ..c.get(0).expect("match").start()],
            )
            .trim_end()
            .ends_with("các");
        let listed = if plural { listed } else { Vec::new() };
        if c.name("plural").is_some() && listed.is_empty() {
            continue;
        }
        // A type and a number the text has given in full before ("la décision n° 1234/QĐ-TTg
        // … Selon la décision 1234, …"): the same document named again, whatever follows.
        let named_in_full = || {
            num.as_str()
                .parse::<u32>()
                .is_ok_and(|n| linked().iter().any(|(t, m, _)| t == code && *m == n))
        };
        if c.name("no").is_none()
            && listed.is_empty()
            && !(*without_no && (word.starts_with(char::is_uppercase) || named_after()))
            && !issuer_after(text, num.end())
            && !named_in_full()
        {
            continue;
        }
        let start = c.get(0).expect("match").start();
        if crate::overlaps(&spans, start, num.end()) {
            continue;
        }
        let mut numbers = vec![(start, num.end(), num.as_str())];
        numbers.extend(listed.iter().map(|&(s, e)| (s, e, &text[s..e])));
        let last = numbers.len() - 1;
        for (i, (start, num_end, num)) in numbers.into_iter().enumerate() {
            let Ok(n) = num.parse::<u32>() else {
                continue;
            };
            let (issued_on, end) = match date_after(text, num_end).filter(|_| i == last) {
                Some((date, end)) => (Some(date), end),
                None => (None, num_end),
            };
            found.push(Found {
                start,
                end,
                fact: bare_fact(linked(), code, n, num, issued_on),
            });
        }
    }
    found
}

/// The numbers listed after a bare reference's number ending at `at`: ", 59, 66 et 68", " and
/// 68", each a number alone (not a figure's, not a full number's), as byte ranges.
fn listed_numbers(text: &str, at: usize) -> Vec<(usize, usize)> {
    static NEXT: OnceLock<Regex> = OnceLock::new();
    let next = NEXT.get_or_init(|| {
        Regex::new(r"^(?:\s*,\s*|\s+(?:et|and|và)\s+|\s*,\s*(?:et|and|và)\s+)(?:(?i:số|no\.?|n°)\s*)?(\d{1,4})")
            .expect("listed numbers pattern")
    });
    let mut numbers = Vec::new();
    let mut from = at;
    while let Some(c) = next.captures(&text[from..]) {
        let m = c.get(1).expect("number");
        let (start, end) = (from + m.start(), from + m.end());
        let after = &text[end..];
        if after.chars().next().is_some_and(|ch| {
            crate::is_word_char(ch) || matches!(ch, '/' | '-' | '–' | '‐' | '‑' | '%')
        }) || after.starts_with([',', '.'])
            && after[1..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            break;
        }
        numbers.push((start, end));
        from = end;
    }
    numbers
}

/// Whether the words after a bare reference's number name its issuer: "la décision 1234 du
/// Premier ministre", "Decision 1234 of the Prime Minister", "Quyết định 1234 của Thủ tướng".
fn issuer_after(text: &str, at: usize) -> bool {
    let rest = crate::lowercase(&text[at..crate::look_ahead(text, at, 40)]);
    let rest = rest.trim_start();
    let Some(rest) = [
        "du ", "de la ", "de l'", "de l’", "des ", "of the ", "of ", "của ",
    ]
    .iter()
    .find_map(|w| rest.strip_prefix(w)) else {
        return false;
    };
    [
        "premier ministre",
        "gouvernement",
        "bureau politique",
        "comité",
        "secrétariat",
        "assemblée nationale",
        "ministère",
        "prime minister",
        "government",
        "politburo",
        "party central committee",
        "secretariat",
        "national assembly",
        "ministry",
        "people's committee",
        "thủ tướng",
        "chính phủ",
        "bộ chính trị",
        "ban chấp hành",
        "ban bí thư",
        "ban thường vụ",
        "quốc hội",
        "ubnd",
        "hđnd",
        "ủy ban",
        "tỉnh ủy",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
}

/// A bare reference's fact: linked to the full reference of its type and number the text
/// gives (`linked`), else its type's code and the number as written.
fn bare_fact(
    linked: &[(&str, u32, &Fact)],
    code: &str,
    n: u32,
    num: &str,
    issued_on: Option<String>,
) -> Fact {
    match linked.iter().find(|(t, m, _)| *t == code && *m == n) {
        Some((
            _,
            _,
            Fact::Document {
                number,
                doc_type,
                issuer,
                ..
            },
        )) => Fact::Document {
            number: number.clone(),
            doc_type: doc_type.clone(),
            issuer: issuer.clone(),
            issued_on,
            bare: true,
        },
        _ => Fact::Document {
            number: format!("{code} {num}"),
            doc_type: code.to_owned(),
            issuer: String::new(),
            issued_on,
            bare: true,
        },
    }
}

fn names_a_resolution(head: &str) -> bool {
    let head = crate::fold(head);
    head.starts_with("nghi quyet") || head.starts_with("resolution")
}

/// The fact of a reference whose number ends at byte `end`, and where the reference ends:
/// after "ngày 25/1/2022" / "dated January 25, 2022" / "du 25 janvier 2022" when it follows.
fn reference(text: &str, number: &str, end: usize) -> Option<(Fact, usize)> {
    let (number, doc_type, issuer) = canonical(number)?;
    let (issued_on, end) = match date_after(text, end) {
        Some((date, date_end)) => (Some(date), date_end),
        None => (None, end),
    };
    Some((
        Fact::Document {
            number,
            doc_type,
            issuer,
            issued_on,
            bare: false,
        },
        end,
    ))
}

/// The canonical number of a number as written, with its type's code and its issuer: as
/// [`DocumentNumber`] writes it, or, for an official dispatch (*công điện*, `123/CĐ-TTg`),
/// a type giamsat does not follow but the press cites, in the State's form.
fn canonical(number: &str) -> Option<(String, String, String)> {
    // The hyphen U+2010 is the one dash the foundation's parser does not take for "-".
    let number = number.replace('‐', "-");
    // "57-NQ/TƯ": the Central Committee (*Trung ương*) spelled with its diacritic is the
    // Party's TW, which the foundation's parser would take for a State issuer "TƯ".
    let number = ["/TƯ", "-TƯ", "/Tư", "-Tư"]
        .iter()
        .find_map(|tail| {
            number
                .strip_suffix(tail)
                .map(|head| format!("{head}{}TW", &tail[..1]))
        })
        .unwrap_or(number);
    if let Ok(parsed) = DocumentNumber::parse(&number) {
        return Some((
            parsed.to_string(),
            parsed.doc_type().code().to_owned(),
            parsed.issuer().to_owned(),
        ));
    }
    dispatch(&number)
}

/// Types the press cites that giamsat does not follow: their codes as typed (folded, upper
/// case) and as written. *Công điện* (an official dispatch), *tờ trình* (a submission),
/// *đề án* (a scheme).
const OTHER_TYPES: [(&str, &str); 3] = [("CD", "CĐ"), ("TTR", "TTr"), ("DA", "ĐA")];

/// A number of one of [`OTHER_TYPES`] (`123/CĐ-TTg`, `123/CD-TTg`, `45/TTr-UBND`,
/// `01-ĐA/TU`): its canonical form, the Party's (`01-ĐA/TU`) for a Party issuer and the
/// State's (`45/TTr-UBND`) otherwise, as [`DocumentNumber`] writes the types it follows.
fn dispatch(number: &str) -> Option<(String, String, String)> {
    let compact: String = number
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if matches!(c, '–' | '—' | '‑') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let digits = compact.find(|c: char| !c.is_ascii_digit())?;
    let sequence: u32 = compact[..digits].parse().ok().filter(|n| *n > 0)?;
    let mut parts = compact[digits..]
        .split(['/', '-'])
        .filter(|part| !part.is_empty());
    let code = parts.next()?;
    let issuer = parts.next()?;
    let folded = crate::fold(code).to_uppercase();
    let (_, code) = OTHER_TYPES.iter().find(|(typed, _)| *typed == folded)?;
    if parts.next().is_some() || !issuer.chars().all(char::is_alphabetic) {
        return None;
    }
    // Issuers with their own spelling keep it however the press types them.
    let issuer = match crate::fold(issuer).to_uppercase().as_str() {
        "TTG" => "TTg".to_owned(),
        "HDND" => "HĐND".to_owned(),
        "DU" => "ĐU".to_owned(),
        _ => issuer.to_owned(),
    };
    let party = ["TW", "TU", "HU", "ĐU", "QU", "BCT", "BBT"].contains(&issuer.as_str());
    let canonical = if party {
        format!("{sequence:02}-{code}/{issuer}")
    } else {
        format!("{sequence:02}/{code}-{issuer}")
    };
    Some((canonical, (*code).to_owned(), issuer))
}

/// An official letter (*công văn*) named so before its number, which writes its issuer and
/// the issuing office instead of a type (`Công văn số 5678/UBND-KT`): the number as written,
/// its dashes made plain, type code `CV`. Without those words such a number is no reference.
fn letter(text: &str, written: &str, end: usize, head: Option<&str>) -> Option<(Fact, usize)> {
    let named = crate::fold(head?);
    if ![
        "cong van",
        "van ban",
        "official letter",
        "lettre officielle",
    ]
    .iter()
    .any(|w| named.starts_with(w))
    {
        return None;
    }
    let number: String = written
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if matches!(c, '–' | '—' | '‑' | '‐') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let (sequence, codes) = number.split_once('/')?;
    let (issuer, _office) = codes.split_once('-')?;
    if sequence.is_empty() || !sequence.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (issued_on, end) = match date_after(text, end) {
        Some((date, date_end)) => (Some(date), date_end),
        None => (None, end),
    };
    Some((
        Fact::Document {
            number: number.clone(),
            doc_type: "CV".to_owned(),
            issuer: issuer.to_owned(),
            issued_on,
            bare: false,
        },
        end,
    ))
}

/// A full date of issue after a number: right after it ("ngày 25/1/2022", "dated January
/// 25, 2022", "du 25 janvier 2022"), or after the issuer named between them ("của UBND tỉnh
/// ngày …", "of the Prime Minister dated …", "de l'Assemblée nationale du …").
fn date_after(text: &str, at: usize) -> Option<(String, usize)> {
    // The date of issue is on the same line: a heading's number is not dated by the next
    // paragraph's first words.
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    // "Nghị định số 111/2022/NĐ-CP, ngày 30/12/2022": the date may follow a comma.
    if let Some(comma) = text[at..line_end].strip_prefix(',') {
        let word_at = line_end - comma.trim_start_matches([' ', '\u{a0}']).len();
        let dated = ["ngày ", "du ", "en date du ", "datée du ", "daté du "]
            .into_iter()
            .chain(ISSUED_ON.iter().copied())
            .any(|w| crate::starts_with_lowercase(&text[word_at..], w).is_some());
        if let Some(date) = dated_at(text, word_at).filter(|_| dated) {
            return Some(date);
        }
        if let Some(date) = issued_by_on(text, word_at, line_end) {
            return Some(date);
        }
    }
    if let Some(date) = issued_by_on(
        text,
        line_end - text[at..line_end].trim_start_matches([' ', '\u{a0}']).len(),
        line_end,
    ) {
        return Some(date);
    }
    // "Quyết định số 456/QĐ-UBND (ngày 2/5/2024)": the date of issue in brackets.
    let opened = text[at..line_end].trim_start_matches([' ', '\u{a0}']);
    if let Some(inside) = opened.strip_prefix('(') {
        // "(ngày 2/5/2024)", and a full date alone: "(22 décembre 2024)".
        let inside_at = line_end - inside.trim_start_matches([' ', '\u{a0}']).len();
        return dated_at(text, inside_at)
            .or_else(|| {
                let (year, month, day, end) = date_at(text, inside_at)?;
                year.map(|year| (issue_date(Some(year), month, day), end))
            })
            .filter(|(_, end)| text[*end..].starts_with(')'))
            .map(|(date, end)| (date, end + 1));
    }
    let mut from = at;
    for words in 0..=ISSUER_WORDS {
        let rest = &text[from..line_end];
        let word_at = from + rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\t']).len();
        if let Some(date) = dated_at(text, word_at) {
            return Some(date);
        }
        let word_end = text[word_at..line_end]
            .find([' ', '\u{a0}', '\t'])
            .map_or(line_end, |i| word_at + i);
        let word = &text[word_at..word_end];
        let in_issuer = if words == 0 {
            ISSUER_OPENINGS.iter().any(|w| crate::same_word(word, w))
                || word.starts_with("d'")
                || word.starts_with("d’")
        } else {
            !NOT_IN_ISSUER.iter().any(|w| crate::same_word(word, w))
        };
        // "la Résolution 57-NQ/TW du Bureau politique, datée du 22 décembre 2024": the
        // issuer's name closed by a comma, then the words of its date.
        if words > 0
            && in_issuer
            && let Some(name) = word.strip_suffix(',')
            && !name.is_empty()
            && !name.contains([',', ';', ':', '(', ')'])
        {
            return dated_after_comma(text, word_end, line_end);
        }
        if word.is_empty() || !in_issuer || word.contains([',', ';', ':', '(', ')']) {
            return None;
        }
        from = word_end;
    }
    None
}

/// A date of issue after a comma at `at` ("…, datée du 22 décembre 2024", "…, promulguée par
/// le Bureau politique le …"): its words say it is one.
fn dated_after_comma(text: &str, at: usize, line_end: usize) -> Option<(String, usize)> {
    let rest = &text[at..line_end];
    let word_at = line_end - rest.trim_start_matches([' ', '\u{a0}']).len();
    let dated = ["ngày ", "en date du ", "datée du ", "daté du "]
        .into_iter()
        .chain(ISSUED_ON.iter().copied())
        .any(|w| crate::starts_with_lowercase(&text[word_at..], w).is_some());
    if dated && let Some(date) = dated_at(text, word_at) {
        return Some(date);
    }
    issued_by_on(text, word_at, line_end)
}

/// How many words may name the issuer between a number and its date.
const ISSUER_WORDS: usize = 7;
/// The words that open an issuer's name after a number.
const ISSUER_OPENINGS: [&str; 6] = ["of", "của", "de", "du", "des", "by"];
/// Words that end the issuer's name and start what the document is about or a deadline, whose
/// date is not the date of issue ("của UBND tỉnh về việc … trước ngày 30/6").
const NOT_IN_ISSUER: [&str; 21] = [
    "về", "trước", "sau", "đến", "từ", "tại", "theo", "và", "on", "to", "before", "after", "and",
    "for", "until", "sur", "avant", "après", "pour", "et", "jusqu'au",
];

/// Words that say a document was dated, issued, signed, adopted or published on the day after
/// them: that day is its date of issue ("la résolution n° 57-NQ/TW, publiée le 22 décembre
/// 2024", "Resolution No. 43/2022/QH15, adopted on January 11, 2022", "Chỉ thị số 05-CT/TW
/// ban hành ngày 15/5/2016").
const ISSUED_ON: &[&str] = &[
    "dated ",
    "issued on ",
    "signed on ",
    "adopted on ",
    "promulgated on ",
    "published on ",
    "publiée le ",
    "publié le ",
    "signée le ",
    "signé le ",
    "adoptée le ",
    "adopté le ",
    "promulguée le ",
    "promulgué le ",
    "émise le ",
    "émis le ",
    "ban hành ngày ",
    "ký ngày ",
    "ký ban hành ngày ",
    // In the passive, right after the number: "La résolution 68-NQ/TW a été publiée le 4 mai
    // 2025", "Decision 245/QD-TTg was signed on March 12".
    "a été publiée le ",
    "a été publié le ",
    "a été adoptée le ",
    "a été adopté le ",
    "a été signée le ",
    "a été signé le ",
    "a été promulguée le ",
    "a été promulgué le ",
    "was issued on ",
    "was signed on ",
    "was adopted on ",
    "was promulgated on ",
    "được ban hành ngày ",
    "được ký ngày ",
    "được ký ban hành ngày ",
];

/// Words saying by whom a document was issued, signed, adopted or published before its day:
/// "promulguée par le Bureau politique le 22 décembre 2024", "adopted by the National
/// Assembly on January 11, 2022".
const ISSUED_BY: &[(&str, &str)] = &[
    ("promulguée par ", "le "),
    ("promulgué par ", "le "),
    ("adoptée par ", "le "),
    ("adopté par ", "le "),
    ("signée par ", "le "),
    ("signé par ", "le "),
    ("publiée par ", "le "),
    ("publié par ", "le "),
    ("émise par ", "le "),
    ("émis par ", "le "),
    ("issued by ", "on "),
    ("adopted by ", "on "),
    ("signed by ", "on "),
    ("promulgated by ", "on "),
    ("published by ", "on "),
];

/// The date of issue after a participle, its issuer and "le" or "on" at byte `at` (see
/// [`ISSUED_BY`]), within a few words on the line.
fn issued_by_on(text: &str, at: usize, line_end: usize) -> Option<(String, usize)> {
    let first = text[at..].chars().next()?.to_lowercase().next()?;
    let (opening, on) = ISSUED_BY
        .iter()
        .filter(|(words, _)| words.starts_with(first))
        .find_map(|(words, on)| Some((crate::starts_with_lowercase(&text[at..], words)?, on)))?;
    let mut from = at + opening;
    for _ in 0..ISSUER_WORDS {
        let rest = &text[from..line_end];
        let word_at = from + rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        if let Some(on) = crate::starts_with_lowercase(&text[word_at..], on)
            && let Some((year, month, day, end)) = date_at(text, word_at + on)
            && (year.is_some() || !text[word_at + on..end].contains('/'))
        {
            return Some((issue_date(year, month, day), end));
        }
        let word_end = text[word_at..line_end]
            .find([' ', '\u{a0}'])
            .map_or(line_end, |i| word_at + i);
        if word_at == word_end || text[word_at..word_end].contains([',', ';', ':', '(', ')']) {
            return None;
        }
        from = word_end;
    }
    None
}

/// A full date introduced by its word at byte `at`.
fn dated_at(text: &str, at: usize) -> Option<(String, usize)> {
    // The French press dates a document "en date du", "datée du" as well as "du".
    // The words are tried only when their first letter is the text's: this runs at every
    // word between a number and its date.
    let first = text[at..].chars().next()?.to_lowercase().next()?;
    let word = [
        "ngày ",
        "of ",
        "du ",
        "on ",
        "en date du ",
        "datée du ",
        "daté du ",
    ]
    .into_iter()
    .chain(ISSUED_ON.iter().copied())
    .filter(|w| w.starts_with(first))
    .find_map(|w| crate::starts_with_lowercase(&text[at..], w))?;
    let (year, month, day, date_end) = date_at(text, at + word)?;
    // A day and month in numbers alone are a date only after "ngày" ("on 5/3" may be a
    // ratio), as the date reader takes them.
    if year.is_none()
        && text[at + word..date_end].contains('/')
        && crate::starts_with_lowercase(&text[at..], "ngày").is_none()
    {
        return None;
    }
    Some((issue_date(year, month, day), date_end))
}

/// A date of issue as `YYYY-MM-DD`, or `--MM-DD` when written without its year, until
/// [`date_issues_without_year`] gives it the text's.
fn issue_date(year: Option<i32>, month: u8, day: u8) -> String {
    match year {
        Some(year) => format!("{year:04}-{month:02}-{day:02}"),
        None => format!("--{month:02}-{day:02}"),
    }
}

/// Gives a date of issue written without its year ("la résolution 57-NQ/TW du 22 décembre",
/// "Quyết định số 12/QĐ-UBND ngày 5/3") the year of the text, as its date item took it
/// (`dates`, their roles settled); without one the reference keeps no date of issue.
pub(crate) fn date_issues_without_year(found: &mut [Found], dates: &[Found]) {
    for f in found.iter_mut() {
        let (start, end) = (f.start, f.end);
        if let Fact::Document {
            issued_on: Some(on),
            ..
        } = &f.fact
            && let Some(month_day) = on.strip_prefix("--")
        {
            let year = dates.iter().find_map(|d| match d.fact {
                Fact::Date {
                    year: None,
                    text_year: Some(y),
                    ..
                } if d.start < end && start < d.end => Some(y),
                _ => None,
            });
            let dated = year.map(|y| format!("{y:04}-{month_day}"));
            if let Fact::Document { issued_on, .. } = &mut f.fact {
                *issued_on = dated;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn documents(text: &str) -> Vec<(String, String, Option<String>)> {
        find(text)
            .into_iter()
            .map(|f| match f.fact {
                Fact::Document {
                    number, issued_on, ..
                } => (text[f.start..f.end].to_owned(), number, issued_on),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    /// A reference as `documents` gives it: its words, its number, its date of issue.
    fn doc(span: &str, number: &str, issued_on: Option<&str>) -> (String, String, Option<String>) {
        (
            span.to_owned(),
            number.to_owned(),
            issued_on.map(str::to_owned),
        )
    }

    #[test]
    fn the_french_press_writes_references_with_n_and_dates_them_en_date_du() {
        assert_eq!(
            documents(
                "Le gouvernement a publié le décret n°15/2019/ND-CP sur la formation. La décision n° 1234/QĐ-TTg en date du 12 octobre 2023 fixe le plan."
            ),
            [
                doc("décret n°15/2019/ND-CP", "15/2019/NĐ-CP", None),
                doc(
                    "décision n° 1234/QĐ-TTg en date du 12 octobre 2023",
                    "1234/QĐ-TTg",
                    Some("2023-10-12")
                ),
            ]
        );
        assert_eq!(
            documents(
                "La résolution n° 18-NQ/TW datée du 25 octobre 2017 porte sur l'appareil. Le décret n° 24/2024/NĐ-CP, daté du 1er mars 2024, fixe les règles."
            ),
            [
                doc(
                    "résolution n° 18-NQ/TW datée du 25 octobre 2017",
                    "18-NQ/TW",
                    Some("2017-10-25")
                ),
                doc(
                    "décret n° 24/2024/NĐ-CP, daté du 1er mars 2024",
                    "24/2024/NĐ-CP",
                    Some("2024-03-01")
                ),
            ]
        );
        assert_eq!(
            documents(
                "L'Assemblée nationale a adopté la résolution n° 43/2022/QH15. Le Bureau politique a publié la résolution 57-NQ/TW, puis la Résolution 57 a été diffusée."
            ),
            [
                doc("résolution n° 43/2022/QH15", "43/2022/QH15", None),
                doc("résolution 57-NQ/TW", "57-NQ/TW", None),
                doc("Résolution 57", "57-NQ/TW", None),
            ]
        );
    }

    #[test]
    fn french_references_with_dispatches_non_breaking_hyphens_and_participles() {
        // An official dispatch (công điện), a type the press cites: its State form.
        assert_eq!(
            documents(
                "Le Premier ministre a signé la dépêche officielle n° 123/CĐ-TTg sur les typhons. The Official Dispatch No. 114/CD-TTg was sent; la dépêche n° 123 insiste."
            ),
            [
                doc("dépêche officielle n° 123/CĐ-TTg", "123/CĐ-TTg", None),
                doc("Official Dispatch No. 114/CD-TTg", "114/CĐ-TTg", None),
                doc("dépêche n° 123", "123/CĐ-TTg", None),
            ]
        );
        // A submission and a scheme, in the State's and the Party's forms.
        assert_eq!(
            documents(
                "Tại kỳ họp, UBND tỉnh trình Tờ trình số 45/TTr-UBND; Đề án số 01-ĐA/TU và Tờ trình số 45 được thông qua."
            ),
            [
                doc("Tờ trình số 45/TTr-UBND", "45/TTr-UBND", None),
                doc("Đề án số 01-ĐA/TU", "01-ĐA/TU", None),
                doc("Tờ trình số 45", "45/TTr-UBND", None),
            ]
        );
        // An official letter, named so: its number as written.
        assert_eq!(
            documents("Theo Công văn số 5678/UBND-KT ngày 3/5/2024 của UBND tỉnh, và 12/UBND-KT."),
            [doc(
                "Công văn số 5678/UBND-KT ngày 3/5/2024",
                "5678/UBND-KT",
                Some("2024-05-03")
            )]
        );
        // Non-breaking hyphens (U+2011) inside numbers, as word processors put them.
        assert_eq!(
            documents("Le décret n° 15/2020/NĐ\u{2011}CP et la résolution n°18\u{2011}NQ/TW."),
            [
                doc("décret n° 15/2020/NĐ\u{2011}CP", "15/2020/NĐ-CP", None),
                doc("résolution n°18\u{2011}NQ/TW", "18-NQ/TW", None),
            ]
        );
        // The day after a participle, with its issuer between them or not, is the date of
        // issue; so is a date in brackets after the number.
        assert_eq!(
            documents(
                "La résolution 57-NQ/TW, promulguée par le Bureau politique le 22 décembre 2024, fixe le cap. La résolution n° 43/2022/QH15 adoptée le 11 janvier 2022 soutient la reprise."
            ),
            [
                doc(
                    "résolution 57-NQ/TW, promulguée par le Bureau politique le 22 décembre 2024",
                    "57-NQ/TW",
                    Some("2024-12-22")
                ),
                doc(
                    "résolution n° 43/2022/QH15 adoptée le 11 janvier 2022",
                    "43/2022/QH15",
                    Some("2022-01-11")
                ),
            ]
        );
        assert_eq!(
            documents(
                "Resolution 57-NQ/TW, issued by the Politburo on December 22, 2024, and Quyết định số 456/QĐ-UBND (ngày 2/5/2024) của UBND tỉnh."
            ),
            [
                doc(
                    "Resolution 57-NQ/TW, issued by the Politburo on December 22, 2024",
                    "57-NQ/TW",
                    Some("2024-12-22")
                ),
                doc(
                    "Quyết định số 456/QĐ-UBND (ngày 2/5/2024)",
                    "456/QĐ-UBND",
                    Some("2024-05-02")
                ),
            ]
        );
        // French writes the type in lower case: its issuer after the number makes it one.
        assert_eq!(
            documents("Selon la résolution 57 du Bureau politique, la science est une percée."),
            [doc("résolution 57", "NQ 57", None)]
        );
    }

    #[test]
    fn a_date_of_issue_without_its_year_takes_the_texts() {
        let issued = |text: &str| -> Vec<(String, Option<String>)> {
            crate::read(text.as_bytes())
                .expect("reads")
                .items
                .into_iter()
                .filter_map(|item| match item.fact {
                    Fact::Document { issued_on, .. } => Some((item.text, issued_on)),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            issued(
                "Sáng 15/3/2024, UBND tỉnh họp. Thực hiện Quyết định số 12/QĐ-UBND ngày 5/3 của UBND tỉnh, các sở triển khai. La résolution 57-NQ/TW du 22 décembre fixe le cap."
            ),
            [
                (
                    "Quyết định số 12/QĐ-UBND ngày 5/3".to_owned(),
                    Some("2024-03-05".to_owned())
                ),
                (
                    "résolution 57-NQ/TW du 22 décembre".to_owned(),
                    Some("2024-12-22".to_owned())
                ),
            ]
        );
        // Without a year anywhere, no date of issue; numbers alone after "on" are no date.
        assert_eq!(
            issued(
                "Quyết định số 12/QĐ-UBND ngày 5/3 của UBND tỉnh. Plan No. 45/KH-UBND on 5/3 of the cases."
            ),
            [
                ("Quyết định số 12/QĐ-UBND ngày 5/3".to_owned(), None),
                ("Plan No. 45/KH-UBND".to_owned(), None),
            ]
        );
    }

    #[test]
    fn a_date_of_issue_after_a_comma_is_the_references() {
        assert_eq!(
            documents("theo Thông tư số 15/2023/TT-BTC, ngày 5/3/2023 của Bộ Tài chính"),
            [(
                "Thông tư số 15/2023/TT-BTC, ngày 5/3/2023".to_owned(),
                "15/2023/TT-BTC".to_owned(),
                Some("2023-03-05".to_owned())
            )]
        );
        // An event's date after a comma is not the reference's.
        assert_eq!(
            documents("Resolution No. 12/NQ-CP, on 3/2/2024 the province met")[0].2,
            None
        );
    }

    #[test]
    fn references_are_read_in_every_spelling() {
        /// A reference read: its span, canonical number and date of issue.
        type Reference<'a> = (&'a str, &'a str, Option<&'a str>);
        let cases: &[(&str, &[Reference])] = &[
            (
                "thực hiện Nghị quyết số 21/NQ-TU ngày 25/1/2022 của Ban Chấp hành",
                &[(
                    "Nghị quyết số 21/NQ-TU ngày 25/1/2022",
                    "21-NQ/TU",
                    Some("2022-01-25"),
                )],
            ),
            (
                "according to Regulation No. 96-QD/TW of the Politburo",
                &[("Regulation No. 96-QD/TW", "96-QĐ/TW", None)],
            ),
            (
                "la résolution n° 21/NQ-TU du 25 janvier 2022",
                &[(
                    "résolution n° 21/NQ-TU du 25 janvier 2022",
                    "21-NQ/TU",
                    Some("2022-01-25"),
                )],
            ),
            (
                "Quyết định 123/QĐ-UBND và Nghị định 30/2020/NĐ-CP",
                &[
                    ("Quyết định 123/QĐ-UBND", "123/QĐ-UBND", None),
                    ("Nghị định 30/2020/NĐ-CP", "30/2020/NĐ-CP", None),
                ],
            ),
            // The issuer between the number and its date of issue.
            (
                "Decision No. 1479/QD-TTg of the Prime Minister dated November 29, 2022, the",
                &[(
                    "Decision No. 1479/QD-TTg of the Prime Minister dated November 29, 2022",
                    "1479/QĐ-TTg",
                    Some("2022-11-29"),
                )],
            ),
            (
                "Quyết định số 12/QĐ-UBND của UBND tỉnh ngày 5/3/2024.",
                &[(
                    "Quyết định số 12/QĐ-UBND của UBND tỉnh ngày 5/3/2024",
                    "12/QĐ-UBND",
                    Some("2024-03-05"),
                )],
            ),
            // A deadline after a number is not its date of issue.
            (
                "Kế hoạch số 45/KH-UBND triển khai trước ngày 30/6/2024",
                &[("Kế hoạch số 45/KH-UBND", "45/KH-UBND", None)],
            ),
            (
                "Kế hoạch số 45/KH-UBND của UBND tỉnh về việc báo cáo trước ngày 30/6/2024",
                &[("Kế hoạch số 45/KH-UBND", "45/KH-UBND", None)],
            ),
            (
                "Plan No. 45/KH-UBND of the province, to report by June 30, 2024",
                &[("Plan No. 45/KH-UBND", "45/KH-UBND", None)],
            ),
            // The legislature's numbers, after a resolution's name only: a law is numbered
            // the same way.
            (
                "la résolution n° 98/2023/QH15 de l'Assemblée nationale du 24 juin 2023",
                &[(
                    "résolution n° 98/2023/QH15 de l'Assemblée nationale du 24 juin 2023",
                    "98/2023/QH15",
                    Some("2023-06-24"),
                )],
            ),
            (
                "Nghị quyết số 35/2023/UBTVQH15 và Luật số 61/2020/QH14",
                &[("Nghị quyết số 35/2023/UBTVQH15", "35/2023/UBTVQH15", None)],
            ),
            (
                "Nghị quyết 21/NQ-TU2022 và 1111/NQ-UBTVQH14",
                &[
                    ("Nghị quyết 21/NQ-TU", "21-NQ/TU", None),
                    ("1111/NQ-UBTVQH14", "1111/NQ-UBTVQH14", None),
                ],
            ),
            (
                "theo 21-NQ/TU, tăng 15/15",
                &[("21-NQ/TU", "21-NQ/TU", None)],
            ),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, String, Option<String>)> = expected
                .iter()
                .map(|(span, number, on)| {
                    (
                        (*span).to_owned(),
                        (*number).to_owned(),
                        on.map(str::to_owned),
                    )
                })
                .collect();
            assert_eq!(documents(text), expected, "{text}");
        }
    }

    const PIECES: &[&str] = &[
        "21/NQ-TU",
        "96-QĐ/TW",
        "30/2020/NĐ-CP",
        "18/8/2023",
        "Nghị quyết số ",
        "12",
        "2022",
        "/",
        "-",
        "–",
        " ",
        "\u{a0}",
        "NQ",
        "ab",
        "Đ",
        ", ",
        "\n",
    ];

    proptest! {
        /// The number read from the match alone is the pattern's group, after any character.
        #[test]
        fn the_number_of_a_match_is_its_group(
            before in "[ a/_.\u{b2}\u{661}\u{e9}-]{0,2}",
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..6)
        ) {
            let text = format!("{before}{}", pieces.concat());
            for c in patterns().number.captures_iter(&text) {
                let number = c.get(1).expect("number");
                prop_assert_eq!(
                    number_of(c.get(0).expect("match")),
                    number.start()..number.end()
                );
            }
        }

        /// Looking for numbers by their codes finds what scanning the whole text for them finds.
        #[test]
        fn the_codes_lead_to_every_number_a_full_scan_finds(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..16)
        ) {
            let text = pieces.concat();
            let scanned: Vec<Fact> = patterns()
                .number
                .captures_iter(&text)
                .filter_map(|c| reference_at(&text, c.get(1)?.range()).map(|f| f.fact))
                .collect();
            // Bare references ("Nghị quyết số 12") have no codes to be led to.
            let found: Vec<Fact> = find(&text)
                .into_iter()
                .map(|f| f.fact)
                .filter(|f| !matches!(f, Fact::Document { bare: true, .. }))
                .collect();
            prop_assert_eq!(found, scanned);
        }
    }

    /// A case the property test below found: a number without a type's dash and with no word
    /// naming a resolution before it is no reference, whichever way it is looked for.
    #[test]
    fn a_code_running_into_a_bare_reference_is_found_as_a_full_scan_finds_it() {
        let text = "12/NQ/Nghị quyết số ";
        let scanned: Vec<Fact> = patterns()
            .number
            .captures_iter(text)
            .filter_map(|c| reference_at(text, c.get(1)?.range()).map(|f| f.fact))
            .collect();
        let found: Vec<Fact> = find(text)
            .into_iter()
            .map(|f| f.fact)
            .filter(|f| !matches!(f, Fact::Document { bare: true, .. }))
            .collect();
        assert_eq!(found, scanned);
    }

    /// Bare references (issue 26): the type's code and the number as written, or the full
    /// reference's canonical number when the text gives one of the same type and number.
    #[test]
    fn bare_references_take_the_full_reference_of_their_type_and_number() {
        let text = "Thực hiện Nghị quyết số 08-NQ/TU ngày 2/3/2023 của Tỉnh ủy, huyện ban hành kế hoạch. Nghị quyết số 08 đặt mục tiêu cao; Chỉ thị số 14 của Ban Thường vụ được quán triệt.";
        let bare: Vec<_> = find(text)
            .into_iter()
            .filter_map(|f| match f.fact {
                Fact::Document {
                    number, bare: true, ..
                } => Some((text[f.start..f.end].to_owned(), number)),
                _ => None,
            })
            .collect();
        assert_eq!(
            bare,
            [
                ("Nghị quyết số 08".to_owned(), "08-NQ/TU".to_owned()),
                ("Chỉ thị số 14".to_owned(), "CT 14".to_owned()),
            ]
        );
        for (text, span, number, issued_on) in [
            (
                "in line with the Government's Resolution 27 on growth",
                "Resolution 27",
                "NQ 27",
                None,
            ),
            (
                "under Instruction No. 12 dated March 3, 2022 of the Front",
                "Instruction No. 12 dated March 3, 2022",
                "HD 12",
                Some("2022-03-03"),
            ),
            (
                "conformément à la résolution n° 7 du Bureau politique",
                "résolution n° 7",
                "NQ 7",
                None,
            ),
        ] {
            assert_eq!(
                documents(text),
                [(
                    span.to_owned(),
                    number.to_owned(),
                    issued_on.map(str::to_owned)
                )],
                "{text}"
            );
        }
        // A plan of five years, a decision about three issues, a law: no references.
        for text in [
            "Kế hoạch 5 năm 2021-2025",
            "các quyết định 3 vấn đề",
            "Luật số 15 về đất đai",
            "the resolution 12 delegates adopted",
        ] {
            assert!(documents(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn references_listed_after_a_plural_type_and_bare_ones_named_by_their_issuer() {
        assert_eq!(
            documents("Hội nghị quán triệt các Nghị quyết số 59, 66 và 68 của Bộ Chính trị."),
            [
                doc("Nghị quyết số 59", "NQ 59", None),
                doc("66", "NQ 66", None),
                doc("68", "NQ 68", None),
            ]
        );
        assert_eq!(
            documents("Les résolutions 57 et 66 du Bureau politique fixent le cap."),
            [
                doc("résolutions 57", "NQ 57", None),
                doc("66", "NQ 66", None),
            ]
        );
        assert_eq!(
            documents("The Resolutions 57, 59 and 68 were discussed."),
            [
                doc("Resolutions 57", "NQ 57", None),
                doc("59", "NQ 59", None),
                doc("68", "NQ 68", None),
            ]
        );
        // A plural type before one number, or numbers that are figures, lists nothing.
        for text in [
            "The resolutions 12 delegates adopted were read.",
            "các nghị quyết 3, 5% số phiếu",
        ] {
            assert!(documents(text).is_empty(), "{text}");
        }
        // Without "n°", a lower-case type is a reference when its issuer follows the number.
        assert_eq!(
            documents("Selon la décision 1789 du Premier ministre, le plan est approuvé."),
            [doc("décision 1789", "QĐ 1789", None)]
        );
        assert!(documents("la décision 12 fois reportée").is_empty());
    }

    #[test]
    fn a_lower_case_bare_reference_the_text_gave_in_full_before() {
        assert_eq!(
            documents(
                "Le ministre a signé la décision n° 2046/QĐ-BNN le 3 mai. Selon la décision 2046, les digues seront renforcées."
            ),
            [
                doc("décision n° 2046/QĐ-BNN", "2046/QĐ-BNN", None),
                doc("décision 2046", "2046/QĐ-BNN", None),
            ]
        );
        // A number the text gave no reference for stays a number.
        assert!(documents("Selon la décision 2046, les digues seront renforcées.").is_empty());
    }

    #[test]
    fn a_date_of_issue_after_a_passive_participle() {
        assert_eq!(
            documents("La directive 45-CT/TW a été signée le 3 avril 2025 par le Secrétariat."),
            [doc(
                "directive 45-CT/TW a été signée le 3 avril 2025",
                "45-CT/TW",
                Some("2025-04-03")
            )]
        );
        assert_eq!(
            documents("Decision 876/QD-UBND was signed on June 2, 2024."),
            [doc(
                "Decision 876/QD-UBND was signed on June 2, 2024",
                "876/QĐ-UBND",
                Some("2024-06-02")
            )]
        );
        assert_eq!(
            documents("Chỉ thị số 07-CT/TU, ngày 4 - 6 - 2024 của Ban Thường vụ Tỉnh ủy."),
            [doc(
                "Chỉ thị số 07-CT/TU, ngày 4 - 6 - 2024",
                "07-CT/TU",
                Some("2024-06-04")
            )]
        );
    }

    #[test]
    fn a_date_of_issue_after_the_issuers_comma_or_alone_in_brackets_and_the_central_committee_with_its_diacritic()
     {
        assert_eq!(
            documents("la Directive n° 45-CT/TW du Secrétariat, datée du 3 avril 2025, porte sur"),
            [doc(
                "Directive n° 45-CT/TW du Secrétariat, datée du 3 avril 2025",
                "45-CT/TW",
                Some("2025-04-03")
            )]
        );
        assert_eq!(
            documents("la directive 45-CT/TW du Secrétariat, signée le 3 avril 2025, porte sur"),
            [doc(
                "directive 45-CT/TW du Secrétariat, signée le 3 avril 2025",
                "45-CT/TW",
                Some("2025-04-03")
            )]
        );
        assert_eq!(
            documents("la directive 45-CT/TW (3 avril 2025) porte sur"),
            [doc(
                "directive 45-CT/TW (3 avril 2025)",
                "45-CT/TW",
                Some("2025-04-03")
            )]
        );
        // An issuer and its comma before other words date nothing.
        assert_eq!(
            documents("la directive 45-CT/TW du Secrétariat, le 3 avril 2025, a été rappelée"),
            [doc("directive 45-CT/TW", "45-CT/TW", None)]
        );
        assert_eq!(
            documents("Chỉ thị số 45-CT/TƯ của Ban Bí thư"),
            [doc("Chỉ thị số 45-CT/TƯ", "45-CT/TW", None)]
        );
    }
}
