//! Reading reports: the facts a monitoring office types into records, found in the text of a
//! report, minutes or a press article, each with the character offsets of the words it came
//! from so that a person can check it against the text before accepting it.
//!
//! Pure: bytes in, [`Reading`] out. Vietnamese, English and French, by the conventions of
//! each (`9,63%` and `9.63%`, `18/8` and `June 7, 2023` and `18 août 2023`).
//!
//! What is found, by kind ([`Fact`]): event dates, periods, document references
//! (canonicalised with [`giamsat_core::DocumentNumber`]), locality scorecards (`Quảng Ninh
//! 15/15`) and growth rankings (`Bắc Giang (13.45%)`), and people with their positions (`đồng
//! chí Trần Minh Lực, Phó Chủ tịch HĐND tỉnh`), keyed to match known people, and figures with
//! their subject, scale, unit, change over the same period and share of the plan.

mod date_roles;
mod decode;
mod docx;
mod figures;
mod html;
#[cfg(test)]
mod labelled;
mod language;
mod localities;
mod people;
mod rankings;
mod references;
mod time_words;

use giamsat_core::Language;
use regex::{Captures, Regex};
use serde::Serialize;

pub use date_roles::DateRole;
pub use decode::{DecodeError, MAX_BYTES, NotText};
pub use language::detect as language_of;

/// A reading of one text: its language, the text as read (NFC, markup and boilerplate
/// removed) and the items found in it, in the order of the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    pub language: Language,
    /// How the bytes were decoded: `utf-8` or `windows-1258`.
    pub encoding: &'static str,
    pub text: String,
    pub items: Vec<Item>,
}

/// One fact and where it was read: `start..end` counts characters (Unicode scalar values) of
/// [`Reading::text`], so `text[start..end]` in any language's character indexing is `text`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(flatten)]
    pub fact: Fact,
}

/// What an item says.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fact {
    /// A day: *Ngày 18/8*, *June 7, 2023*, *18 août 2023*, *25-6-2020*, *12.3.2021*, and
    /// what it is to the text (`role`).
    Date {
        /// As written with the day; missing when the text leaves it to the reader.
        year: Option<i32>,
        month: u8,
        day: u8,
        role: DateRole,
        /// For a date written without its year, the year the text gives around it (the
        /// year of its first dateline or event date, else the first year written alone);
        /// none for a dateline, and none when the year is written.
        text_year: Option<i32>,
    },
    /// A period figures refer to: *5 tháng đầu năm 2023*, *the first 5 months of 2023*,
    /// *quý II/2023*, *giai đoạn 2021-2025*. `period` is giamsat's code (`2023-YTD05`) when
    /// the year is given; `first_month..=last_month` otherwise say which months of a year.
    Period {
        period: Option<String>,
        year: Option<i32>,
        first_month: Option<u8>,
        last_month: Option<u8>,
    },
    /// A document named by its number: *Nghị quyết số 21/NQ-TU ngày 25/1/2022*,
    /// *Regulation No. 96-QD/TW*, *résolution n° 21/NQ-TU*.
    Document {
        /// The canonical number (`21-NQ/TU`).
        number: String,
        /// The type code (`NQ`).
        doc_type: String,
        issuer: String,
        /// The date of issue when the reference gives it, as `YYYY-MM-DD`.
        issued_on: Option<String>,
        /// A bare reference, the type and a number without codes (*Nghị quyết số 12*,
        /// *Resolution No. 9*, *la résolution n° 9*): `number` is then the canonical number of
        /// the full reference of the same type and number the text gives (linked), or the
        /// type's code and the number as written (`NQ 12`) when it gives none, and `issuer`
        /// is the linked reference's or empty.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        bare: bool,
    },
    /// A locality's targets met out of those set: *Quảng Ninh 15/15*.
    Scorecard {
        /// The locality's name in the official lists (*Quảng Ninh* for "Quang Ninh").
        locality: String,
        met: u32,
        set: u32,
    },
    /// A locality's growth rate as ranked: *Bắc Giang (13.45%)*.
    Growth { locality: String, percent: f64 },
    /// A figure: *Tổng mức bán lẻ hàng hóa ước đạt 36.539 tỷ đồng, tăng 9,63% so với cùng
    /// kỳ, bằng 42,98% kế hoạch*. Each part is there when the text gives it.
    Figure {
        /// What the figure measures, as written, without the verb and the period.
        subject: Option<String>,
        /// As written, before the scale: 36539 in *36.539 tỷ đồng*.
        value: Option<f64>,
        /// The scale word's multiplier: 10⁹ for *tỷ*, *billion*, *milliard*; 1 without one.
        scale: f64,
        /// `VND`, `USD`, `%`, `t`, `ha`, `km`, `worker`, `enterprise`, `project`,
        /// `household`, `visitor`.
        unit: Option<String>,
        /// The change over the same period of the year before, in percent (−3.1 for *down
        /// 3.1%*, 8.5 for *bằng 108,5% so với cùng kỳ*).
        change_percent: Option<f64>,
        /// The share of the plan reached, in percent.
        plan_percent: Option<f64>,
        /// The period in effect (giamsat's code), when the paragraph names one with its year.
        period: Option<String>,
        /// The first and last months of the period in effect when the text never gives its
        /// year ("in the first six months", and no year anywhere): a reviewer knows the
        /// months and supplies the year.
        months: Option<(u8, u8)>,
        /// Whether the text gives it as an estimate (*ước đạt*, *estimated at*).
        estimated: bool,
    },
    /// A target set by a plan, a resolution or a scenario: *phấn đấu tốc độ tăng trưởng GRDP
    /// đạt 8%*, *aims for a growth rate of 12.05% in 2025*, *vise 1,48 milliard de dollars
    /// d'IDE*. Read by the figure reader where the text sets rather than reports.
    Target {
        /// What the target is set for, as written, without the verb.
        subject: Option<String>,
        /// As written, before the scale; the upper end of a range (*9,5-10,5%*).
        value: f64,
        /// The lower end of a range, when the target is one.
        value_from: Option<f64>,
        /// The scale word's multiplier, as for figures.
        scale: f64,
        /// As for figures: `VND`, `USD`, `%`, `t`, counted things.
        unit: Option<String>,
        /// The period or year it is set for (giamsat's code), when the paragraph names one.
        period: Option<String>,
    },
    /// A person (*cán bộ*) and the positions written beside the name: *đồng chí Trần Minh
    /// Lực, UVTV Tỉnh ủy, Phó Chủ tịch HĐND tỉnh*.
    Person {
        /// As written.
        name: String,
        /// The key that matches the name across spellings: diacritics, NFC or NFD, tone
        /// placement, split or joined syllables.
        key: String,
        /// As written, in the order written.
        positions: Vec<String>,
        /// The id of the known person with the same key, once [`Reading::link_people`] has
        /// looked.
        known: Option<u64>,
    },
}

impl Fact {
    /// The names of every kind, as in the JSON; interfaces name each kind from this list.
    pub const KINDS: [&'static str; 8] = [
        "date",
        "period",
        "document",
        "scorecard",
        "growth",
        "person",
        "figure",
        "target",
    ];

    /// The kind's name, as in the JSON.
    pub fn kind(&self) -> &'static str {
        Fact::KINDS[match self {
            Fact::Date { .. } => 0,
            Fact::Period { .. } => 1,
            Fact::Document { .. } => 2,
            Fact::Scorecard { .. } => 3,
            Fact::Growth { .. } => 4,
            Fact::Person { .. } => 5,
            Fact::Figure { .. } => 6,
            Fact::Target { .. } => 7,
        }]
    }
}

impl Reading {
    /// Links every person read to a known one: `known` gives the id of the person with a
    /// person key, if there is one.
    pub fn link_people(&mut self, mut known: impl FnMut(&str) -> Option<u64>) {
        for item in &mut self.items {
            if let Fact::Person {
                key, known: link, ..
            } = &mut item.fact
            {
                *link = known(key);
            }
        }
    }
}

/// An item found at bytes `start..end` of the text, before offsets become characters.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub fact: Fact,
}

/// Reads a file's bytes: decodes them (UTF-8, or Windows-1258 when they are not UTF-8),
/// takes the text out of HTML, and finds the items.
pub fn read(bytes: &[u8]) -> Result<Reading, DecodeError> {
    let (decoded, encoding) = decode::decode(bytes)?;
    let text = if html::looks_like_html(&decoded) {
        html::to_text(&decoded)
    } else {
        html::without_boilerplate(&decoded)
    };
    Ok(read_text(text, encoding))
}

/// Finds the items of a text already decoded.
pub fn read_text(text: String, encoding: &'static str) -> Reading {
    let text = nfc(text);
    let language = language::detect(&text);
    let mut found = references::find(&text);
    let taken = merged(found.iter().map(|f| (f.start, f.end)).collect());
    // A date inside a document reference is an item too: its date of issue.
    let mut times: Vec<Found> = time_words::find(&text)
        .into_iter()
        .filter(|f| matches!(f.fact, Fact::Date { .. }) || !overlaps(&taken, f.start, f.end))
        .collect();
    times.sort_by_key(|f| (f.start, f.end));
    date_roles::settle(&text, &mut times, &taken);
    references::date_issues_without_year(&mut found, &times);
    found.extend(times);
    found.extend(rankings::find(&text, language));
    found.extend(people::find(&text, language));
    let taken = merged(found.iter().map(|f| (f.start, f.end)).collect());
    let periods = periods_in_context(&text, &found);
    found.extend(figures::find(&text, language, &taken, &periods));
    found.sort_by_key(|f| (f.start, f.end));
    let items = to_characters(&text, found);
    Reading {
        language,
        encoding,
        text,
        items,
    }
}

/// The text in NFC, as [`giamsat_core::text::nfc`] gives it. A text of ASCII and the
/// precomposed letters and punctuation of [`TABLED`] that are their own NFC (starters that
/// nothing composes with) is NFC already and is kept as it is without asking for each
/// character's normalization properties, which was a tenth of reading a Vietnamese report.
fn nfc(text: String) -> String {
    static STABLE: std::sync::LazyLock<Vec<bool>> = std::sync::LazyLock::new(|| {
        table_of(|c| {
            let alone = c.to_string();
            giamsat_core::text::nfc(&alone) == alone
        })
    });
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii() {
            at += 1;
            continue;
        }
        let c = text[at..].chars().next().expect("a character");
        if !table_index(c).is_some_and(|i| STABLE[i]) {
            return giamsat_core::text::nfc(&text);
        }
        at += c.len_utf8();
    }
    text
}

/// The periods read, with their codes, for figures to take. A period written without its
/// year ("the first ten months", "as of October 31") takes, as a figure's period, the year of
/// the last period or date written with one shortly before it: the item itself keeps only
/// what is written.
fn periods_in_context(text: &str, found: &[Found]) -> Vec<(usize, usize, Option<String>)> {
    let mut years: Vec<(usize, i32)> = found
        .iter()
        .filter_map(|f| match f.fact {
            Fact::Period { year: Some(y), .. } | Fact::Date { year: Some(y), .. } => {
                Some((f.start, f.end, y))
            }
            _ => None,
        })
        // A period compared with gives no year to the periods after it ("cao hơn mức tăng
        // 11,39% của 9 tháng năm 2020. … 9 tháng đầu năm cũng tăng").
        .filter(|(start, _, _)| !figures::vi_compared_period(text, *start))
        .map(|(_, end, y)| (end, y))
        .collect();
    years.sort_unstable();
    // With no year written shortly before it, a period is of the year the text reports on.
    let text_year = date_roles::reported_year(text, found);
    found
        .iter()
        .filter_map(|f| match &f.fact {
            Fact::Period {
                period: Some(code), ..
            } => Some((f.start, f.end, Some(code.clone()))),
            Fact::Period {
                period: None,
                year: None,
                first_month: Some(first),
                last_month: Some(last),
            } => {
                let near = look_back(text, f.start, 4 * LOOK_BACK);
                let year = years[..years.partition_point(|(end, _)| *end <= f.start)]
                    .last()
                    .filter(|(end, _)| *end >= near)
                    .map(|(_, y)| *y);
                let code = match year.or(text_year) {
                    Some(y) => time_words::months_code(y, *first, *last),
                    None => Some(figures::yearless_code(*first, *last)),
                };
                Some((f.start, f.end, code))
            }
            Fact::Period { .. } => Some((f.start, f.end, None)),
            _ => None,
        })
        .chain(years_named(text, found))
        .chain(vi_months_named(text, found, &years, text_year))
        .collect()
}

/// The months from January a Vietnamese report names by their count alone, after what it
/// measures and before the verb ("Kim ngạch xuất khẩu 9 tháng ước đạt", "Trong 9 tháng,
/// …"): not items of their own (a count of months may be a duration elsewhere), but the
/// period of the figure they stand in, of the year written shortly before or the text's.
fn vi_months_named(
    text: &str,
    found: &[Found],
    years: &[(usize, i32)],
    text_year: Option<i32>,
) -> Vec<(usize, usize, Option<String>)> {
    // What follows the months when they are the period of a figure: its verb, or the comma
    // after a period opening the sentence.
    const AFTER: [&str; 11] = [
        "ước",
        "đạt",
        "tăng",
        "giảm",
        "là",
        "có",
        "thực hiện",
        "giải ngân",
        "qua",
        "năm nay",
        ",",
    ];
    // Words before a count of months that make it a duration or a bound.
    const DURATION: [&str; 16] = [
        "sau", "mất", "vòng", "hơn", "gần", "khoảng", "hạn", "dài", "gian", "từ", "đến", "tới",
        "mỗi", "được", "trên", "dưới",
    ];
    let taken = merged(found.iter().map(|f| (f.start, f.end)).collect());
    let mut named = Vec::new();
    for (at, word) in text.match_indices("tháng") {
        if !ends_word(text, at + word.len()) || overlaps(&taken, at, at + word.len()) {
            continue;
        }
        let before = text[..at].trim_end();
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let number_at = before.len() - digits;
        let Ok(count) = before[number_at..].parse::<u8>() else {
            continue;
        };
        if !(2..=12).contains(&count) || !starts_word(text, number_at) {
            continue;
        }
        let previous = before[..number_at].trim_end();
        let previous_word = lowercase(
            previous
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or_default(),
        );
        // "Trong 9 tháng, …" opens its sentence; otherwise a word of what is measured goes
        // before ("xuất khẩu 9 tháng").
        let opening = previous_word == "trong"
            && previous[..previous.len() - "trong".len()]
                .trim_end()
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, '.' | '\n' | ';' | ':'));
        if !opening
            && (previous_word.is_empty()
                || !previous_word.chars().all(char::is_alphabetic)
                || DURATION.contains(&&*previous_word))
        {
            continue;
        }
        let after = lowercase(text[at + word.len()..].trim_start());
        if !AFTER
            .iter()
            .any(|w| after.starts_with(w) && (*w == "," || ends_word(&after, w.len())))
            || (opening && !after.starts_with(','))
        {
            continue;
        }
        let near = look_back(text, number_at, 4 * LOOK_BACK);
        let year = years[..years.partition_point(|(end, _)| *end <= number_at)]
            .last()
            .filter(|(end, _)| *end >= near)
            .map(|(_, y)| *y)
            .or(text_year);
        let code = match year {
            Some(y) => time_words::months_code(y, 1, count),
            None => Some(figures::yearless_code(1, count)),
        };
        named.push((number_at, at + word.len(), code));
    }
    named
}

/// The years a text names as the time of what it reports ("Năm 2023, …", "Trong năm 2023,",
/// "in 2023", "en 2023"): not items of their own, but the period of the figures that follow
/// them. Not a year of comparison ("cùng kỳ năm 2022", "than in 2022"), nor one inside an
/// item (a date, a document's number, a range of years).
fn years_named(text: &str, found: &[Found]) -> Vec<(usize, usize, Option<String>)> {
    const BEFORE: [&str; 6] = ["năm", "in", "en", "during", "durant", "for"];
    const COMPARED: [&str; 8] = [
        "cùng kỳ năm",
        "cùng kì năm",
        "so với năm",
        "than in",
        "compared with",
        "compared to",
        "same period in",
        "to that in",
    ];
    // A growth rate's or a person's words may hold the year ("HCM City led with its GRDP in
    // 2024 …, an increase of 7.17 per cent"): only a date, a period or a reference hides one.
    let taken = merged(
        found
            .iter()
            .filter(|f| {
                matches!(
                    f.fact,
                    Fact::Date { .. } | Fact::Period { .. } | Fact::Document { .. }
                )
            })
            .map(|f| (f.start, f.end))
            .collect(),
    );
    let bytes = text.as_bytes();
    let mut years = Vec::new();
    for (at, _) in text.match_indices(['1', '2']) {
        let Some(digits) = bytes.get(at..at + 4) else {
            continue;
        };
        let year_like = digits.iter().all(u8::is_ascii_digit)
            && (digits.starts_with(b"19") || digits.starts_with(b"20"));
        if !year_like || !starts_word(text, at) || !ends_word(text, at + 4) {
            continue;
        }
        let after = text[at + 4..].trim_start();
        if after.starts_with(['-', '–', '/']) || overlaps(&taken, at, at + 4) {
            continue;
        }
        let before = lowercase(text[look_back(text, at, 24)..at].trim_end());
        let named = BEFORE.iter().any(|w| {
            before.ends_with(w)
                && before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
        if named && !COMPARED.iter().any(|w| before.ends_with(w)) {
            years.push((at, at + 4, Some(text[at..at + 4].to_owned())));
        }
    }
    years
}

/// Turns byte offsets into character offsets, counting the characters between the offsets
/// once.
fn to_characters(text: &str, found: Vec<Found>) -> Vec<Item> {
    let mut bounds: Vec<usize> = found.iter().flat_map(|f| [f.start, f.end]).collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut chars = Vec::with_capacity(bounds.len());
    let (mut byte, mut count) = (0, 0);
    for bound in &bounds {
        count += text[byte..*bound].chars().count();
        byte = *bound;
        chars.push(count);
    }
    let at = |byte: usize| chars[bounds.binary_search(&byte).expect("a bound")];
    found
        .into_iter()
        .map(|f| Item {
            start: at(f.start),
            end: at(f.end),
            text: text[f.start..f.end].to_owned(),
            fact: f.fact,
        })
        .collect()
}

/// The matches of `pattern` that start where a word starts, as a pattern opening with a
/// Unicode `\b` would find them. The boundary is checked here, not in the pattern: a Unicode
/// `\b` keeps the regex crate's DFA off any text that is not ASCII, and a character consumed
/// before the word takes away the literal prefix it looks for first; either makes reading
/// Vietnamese many times slower. `(?-u:\b)` serves in patterns whose word's edge is an ASCII
/// letter; this, where it may not be (*đạt*, *ước*).
pub(crate) fn word_start_captures<'t>(
    pattern: &Regex,
    text: &'t str,
) -> impl Iterator<Item = Captures<'t>> {
    word_start_captures_from(pattern, text, 0)
}

/// [`word_start_captures`] from byte `from` of `text` on.
pub(crate) fn word_start_captures_from<'t>(
    pattern: &Regex,
    text: &'t str,
    from: usize,
) -> impl Iterator<Item = Captures<'t>> {
    let mut at = from;
    std::iter::from_fn(move || {
        while at <= text.len() {
            let found = pattern.find_at(text, at)?;
            // The groups are read once the match is known to start a word: the match found
            // is the one they are read in.
            if starts_word(text, found.start()) {
                let captures = captures_of(pattern, text, found)?;
                let whole = captures.get(0).expect("a match");
                at = if whole.is_empty() {
                    after_char(text, whole.end())
                } else {
                    whole.end()
                };
                return Some(captures);
            }
            // The leftmost match starts inside a word: look again from its next character.
            at = after_char(text, found.start());
        }
        None
    })
}

/// The captures of a match found. Found first, then read within the match and the character
/// after it (what an assertion at its end looks at): the regex crate reads groups over the
/// rest of a long text with its slowest engine.
fn captures_of<'t>(
    pattern: &Regex,
    text: &'t str,
    found: regex::Match<'t>,
) -> Option<Captures<'t>> {
    let end = if found.end() < text.len() {
        after_char(text, found.end())
    } else {
        found.end()
    };
    pattern.captures_at(&text[..end], found.start())
}

/// The byte after the character at `at`; past the end at the end.
pub(crate) fn after_char(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

/// Whether `c` belongs to a word: a letter, a digit or `_`. The letters of Vietnamese,
/// English and French are answered from their Latin blocks: std's general Unicode look-up
/// is the slowest step of reading a Vietnamese report.
pub(crate) fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '_' => true,
        '\0'..='\u{7f}' | '\u{d7}' | '\u{f7}' => false,
        '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// Whether a word starts at byte `at`: what comes before is not a letter, a digit or `_`.
pub(crate) fn starts_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c))
}

/// Whether `words` (lowercase, one word or several) occur in `lower` as whole words.
/// The occurrences are those `str::match_indices` gives (none overlapping the one before),
/// found by their first character: a reader asks this of dozens of words at every item, and
/// `match_indices` builds a searcher each time.
pub(crate) fn contains_words(lower: &str, words: &str) -> bool {
    let Some(first) = words.chars().next() else {
        return lower
            .match_indices(words)
            .any(|(at, _)| starts_word(lower, at) && ends_word(lower, at));
    };
    let mut from = 0;
    while from + words.len() <= lower.len() {
        let Some(i) = lower[from..].find(first) else {
            return false;
        };
        let at = from + i;
        if lower[at..].starts_with(words) {
            if starts_word(lower, at) && ends_word(lower, at + words.len()) {
                return true;
            }
            from = at + words.len();
        } else {
            from = at + first.len_utf8();
        }
    }
    false
}

/// A list of words (lowercase) looked for together as whole words: what
/// `words.iter().any(|w| contains_words(text, w))` answers, in one pass over the text
/// instead of one a word. Readers ask it of every date's sentence and every growth rate's
/// clause.
pub(crate) struct Words {
    /// The words that may start at a byte, by that byte.
    by_first_byte: Vec<Vec<&'static str>>,
    /// Words whose occurrences may overlap one that `match_indices` skips: asked one by one,
    /// as [`contains_words`] asks.
    apart: Vec<&'static str>,
}

impl Words {
    pub fn new(words: &[&'static str]) -> Words {
        let mut by_first_byte = vec![Vec::new(); 256];
        let mut apart = Vec::new();
        for w in words {
            match w.as_bytes().first() {
                Some(b) if hides_no_whole_word(w) => by_first_byte[usize::from(*b)].push(*w),
                _ => apart.push(*w),
            }
        }
        Words {
            by_first_byte,
            apart,
        }
    }

    /// Whether any of the words occurs in `lower` as a whole word.
    pub fn any_in(&self, lower: &str) -> bool {
        let bytes = lower.as_bytes();
        let mut after_word = false;
        for (at, c) in lower.char_indices() {
            if !after_word {
                let rest = &lower[at..];
                if self.by_first_byte[usize::from(bytes[at])]
                    .iter()
                    .any(|w| rest.starts_with(w) && ends_word(lower, at + w.len()))
                {
                    return true;
                }
            }
            after_word = is_word_char(c);
        }
        self.apart.iter().any(|w| contains_words(lower, w))
    }
}

/// Whether a whole word's occurrence of `word` can never overlap another occurrence found
/// before it: `match_indices` skips an occurrence that overlaps the one before, and a text
/// searched at every word's start must find no more than it does. Two occurrences overlap
/// only by a period of the word, and the later one starts a word only if the word has no
/// letter before that period's end.
fn hides_no_whole_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    (1..bytes.len())
        .filter(|d| word.is_char_boundary(*d) && bytes[*d..] == bytes[..bytes.len() - d])
        .all(|d| word[..d].chars().next_back().is_some_and(is_word_char))
}

/// Whether a word ends at byte `at`: what follows is not a letter, a digit or `_`. What a
/// pattern cannot say after a word whose last letter is not ASCII (*tỷ*, *hộ*), the reader
/// checks with this.
pub(crate) fn ends_word(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(|c| !is_word_char(c))
}

/// Where `suffix` (lowercase) ends `text`, whatever the case of `text`. Readers compare
/// many words at every item, so this allocates nothing.
pub(crate) fn ends_with_lowercase(text: &str, suffix: &str) -> Option<usize> {
    // An ASCII word against ASCII letters: byte by byte, the letters compared being the
    // same ones the loop below compares.
    let (tail, wanted) = (text.as_bytes(), suffix.as_bytes());
    if suffix.is_ascii() && tail.len() >= wanted.len() {
        let tail = &tail[tail.len() - wanted.len()..];
        if tail.is_ascii() {
            let same = tail
                .iter()
                .zip(wanted)
                .all(|(c, w)| c.to_ascii_lowercase() == *w);
            return same.then_some(text.len() - wanted.len());
        }
    }
    let mut at = text.len();
    let mut letters = text.char_indices().rev();
    for wanted in suffix.chars().rev() {
        let (i, c) = letters.next()?;
        if !same_letter(c, wanted) {
            return None;
        }
        at = i;
    }
    Some(at)
}

/// The byte length of `prefix` (lowercase) when it starts `text`, whatever the case of `text`.
pub(crate) fn starts_with_lowercase(text: &str, prefix: &str) -> Option<usize> {
    // As in `ends_with_lowercase`: ASCII against ASCII, byte by byte.
    let (head, wanted) = (text.as_bytes(), prefix.as_bytes());
    if prefix.is_ascii() && head.len() >= wanted.len() {
        let head = &head[..wanted.len()];
        if head.is_ascii() {
            let same = head
                .iter()
                .zip(wanted)
                .all(|(c, w)| c.to_ascii_lowercase() == *w);
            return same.then_some(wanted.len());
        }
    }
    let mut end = 0;
    let mut letters = text.char_indices();
    for wanted in prefix.chars() {
        let (i, c) = letters.next()?;
        if !same_letter(c, wanted) {
            return None;
        }
        end = i + c.len_utf8();
    }
    Some(end)
}

/// Whether `word` is `lowercase` in either case.
pub(crate) fn same_word(word: &str, lowercase: &str) -> bool {
    starts_with_lowercase(word, lowercase) == Some(word.len())
}

/// The text in lower case; most words of a report are, and are not copied.
pub(crate) fn lowercase(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    // Up to the first letter that changes, nothing is copied.
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii() {
            if b.is_ascii_uppercase() {
                break;
            }
            at += 1;
            continue;
        }
        let c = text[at..].chars().next().expect("a character");
        match table_lowercase(c) {
            Some(lower) if lower == c => at += c.len_utf8(),
            Some(_) => break,
            None if c.to_lowercase().eq(std::iter::once(c)) => at += c.len_utf8(),
            None => break,
        }
    }
    if at == bytes.len() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..at]);
    let rest = &text[at..];
    let mut run = 0;
    for (i, c) in rest.char_indices() {
        if c.is_ascii() {
            continue;
        }
        // ASCII between the other letters goes over in one copy.
        let ascii = out.len();
        out.push_str(&rest[run..i]);
        out[ascii..].make_ascii_lowercase();
        run = i + c.len_utf8();
        match table_lowercase(c) {
            Some(lower) => out.push(lower),
            // Σ's lower case depends on the letters around it: std decides for the text.
            None if c == 'Σ' => return std::borrow::Cow::Owned(text.to_lowercase()),
            None => out.extend(c.to_lowercase()),
        }
    }
    let ascii = out.len();
    out.push_str(&rest[run..]);
    out[ascii..].make_ascii_lowercase();
    std::borrow::Cow::Owned(out)
}

/// `f` of the word in lower case, written on the stack when it is short and changes: a word
/// looked up in a list is lowercased at every word of a clause, and a copy on the heap cost
/// more than the look-up.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 64];
    let mut len = 0;
    for c in word.chars() {
        let lower = match table_lowercase(c) {
            Some(lower) if len + lower.len_utf8() <= buffer.len() => lower,
            // Σ, İ, letters of other scripts, long words: as `lowercase` does it.
            _ => return f(&lowercase(word)),
        };
        len += lower.encode_utf8(&mut buffer[len..]).len();
    }
    f(std::str::from_utf8(&buffer[..len]).expect("letters written as UTF-8"))
}

/// The code points looked up from tables: the letters
/// Vietnamese, English and French are written in (ASCII, Latin-1, Latin Extended-A and -B,
/// Latin Extended Additional) and the punctuation and currency signs between their words.
const TABLED: [std::ops::Range<u32>; 3] = [0..0x250, 0x1e00..0x1f00, 0x2000..0x20d0];

/// Where a code point's entry is in a table of [`TABLED`] blocks.
fn table_index(c: char) -> Option<usize> {
    let u = u32::from(c);
    let mut before = 0;
    for block in &TABLED {
        if block.contains(&u) {
            return Some((before + u - block.start) as usize);
        }
        before += block.end - block.start;
    }
    None
}

/// A table of every [`TABLED`] code point.
fn table_of<T>(entry: impl Fn(char) -> T) -> Vec<T> {
    TABLED
        .iter()
        .flat_map(|block| block.clone())
        .map(|u| entry(char::from_u32(u).expect("a character")))
        .collect()
}

/// The lower case of a character of the [`TABLED`] blocks, when it is one character;
/// `None` for any other (std's look-up answers). A report asks for the lower case of every
/// letter of the words around each item: std's binary search over all of Unicode was the
/// costliest step of lowercasing.
fn table_lowercase(c: char) -> Option<char> {
    static TABLE: std::sync::LazyLock<Vec<Option<char>>> = std::sync::LazyLock::new(|| {
        table_of(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => Some(l),
                // İ lowers to two characters.
                _ => None,
            }
        })
    });
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    TABLE[table_index(c)?]
}

/// [`giamsat_core::text::fold`]: the same key, made without a copy in lower case or a
/// decomposition for the letters of Vietnamese, English and French. Names are folded at
/// every word a locality or a person may end at.
pub(crate) fn fold(text: &str) -> String {
    fold_spacing(text, |_| false)
}

/// [`fold`] of `text` with the characters `spacing` picks written as spaces, without copying
/// the text to write them.
pub(crate) fn fold_spacing(text: &str, spacing: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        let folded = if spacing(c) {
            Folded::Space
        } else if c.is_ascii() {
            if c.is_whitespace() {
                Folded::Space
            } else {
                Folded::Letter(c.to_ascii_lowercase())
            }
        } else {
            latin_folded(c)
        };
        match folded {
            Folded::Space => pending_space = !out.is_empty(),
            Folded::Letter(letter) => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(letter);
            }
            Folded::Other => {
                let spaced: String = text
                    .chars()
                    .map(|c| if spacing(c) { ' ' } else { c })
                    .collect();
                return giamsat_core::text::fold(&spaced);
            }
        }
    }
    out
}

/// What [`giamsat_core::text::fold`] makes of one character, when it can be told alone.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Folded {
    /// White space: one space between words, none at the ends.
    Space,
    /// One letter, marks dropped and in lower case.
    Letter(char),
    /// Anything else: the whole text is folded by `giamsat_core`.
    Other,
}

/// The fold of a character of the [`TABLED`] blocks. Folding is lowercasing, decomposing
/// and dropping the marks: character by character for these blocks, so each character's
/// fold is looked up once.
fn latin_folded(c: char) -> Folded {
    static TABLE: std::sync::LazyLock<Vec<Folded>> = std::sync::LazyLock::new(|| {
        table_of(|c| {
            if c.is_whitespace() {
                return Folded::Space;
            }
            let folded = giamsat_core::text::fold(&c.to_string());
            let mut letters = folded.chars();
            match (letters.next(), letters.next()) {
                (Some(l), None) if !l.is_whitespace() => Folded::Letter(l),
                _ => Folded::Other,
            }
        })
    });
    table_index(c).map_or(Folded::Other, |i| TABLE[i])
}

/// Whether `c` is the lowercase letter `wanted` in either case.
pub(crate) fn same_letter(c: char, wanted: char) -> bool {
    if c.is_ascii() {
        c.to_ascii_lowercase() == wanted
    } else if c == wanted {
        true
    } else if let Some(lower) = table_lowercase(c) {
        lower == wanted
    } else {
        c.to_lowercase().eq(std::iter::once(wanted))
    }
}

/// How far back a reader looks from an item for the words before it (a name, a form of
/// address, a clause's start): bounded, so that reading stays linear in the text's length.
pub(crate) const LOOK_BACK: usize = 600;

/// The start of the last `bytes` bytes before `end`, at a char boundary: where looking back
/// from `end` begins.
pub(crate) fn look_back(text: &str, end: usize, bytes: usize) -> usize {
    let mut at = end.saturating_sub(bytes);
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The end of the first `bytes` bytes from `start`, at a char boundary: where looking ahead
/// from `start` ends.
pub(crate) fn look_ahead(text: &str, start: usize, bytes: usize) -> usize {
    let mut at = start.saturating_add(bytes).min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The hash of the maps readers look words up in (the gazetteer, phrases, family names,
/// people read), FxHash's: std's SipHash took longer than the look-ups it served. The maps
/// hold fixed lists or what one text names, so flooding them takes a text of colliding
/// names, which costs its reader time and nothing else.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        for b in chunks.remainder() {
            self.add(u64::from(*b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

pub(crate) type WordMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;
pub(crate) type WordSet<K> =
    std::collections::HashSet<K, std::hash::BuildHasherDefault<WordHasher>>;

/// Disjoint byte spans of the text that items have claimed: a span is claimed only when it
/// overlaps none already claimed. Readers find thousands of items in a long report, so the
/// test is a look-up in a tree, not a walk over every item found.
#[derive(Debug, Default)]
pub(crate) struct Claimed(std::collections::BTreeMap<usize, usize>);

impl Claimed {
    /// Whether `start..end` overlaps no claimed span.
    pub fn is_free(&self, start: usize, end: usize) -> bool {
        // Claimed spans are disjoint: only the last one starting before `end` can overlap.
        self.0
            .range(..end)
            .next_back()
            .is_none_or(|(_, claimed_end)| *claimed_end <= start)
    }

    /// Claims `start..end` if it is free; whether it was.
    pub fn claim(&mut self, start: usize, end: usize) -> bool {
        let free = self.is_free(start, end);
        if free {
            self.0.insert(start, end);
        }
        free
    }
}

/// Byte spans merged into disjoint ones, in order, for testing overlaps by binary search.
pub(crate) fn merged(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Whether `start..end` overlaps one of the disjoint, ordered `spans`.
pub(crate) fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = spans.partition_point(|(_, e)| *e <= start);
    spans.get(i).is_some_and(|(s, _)| *s < end)
}

/// The largest char boundary at or before byte `at`.
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0)
}

/// Whether every item's offsets point at its text: what each test of reading arbitrary input
/// checks. Says which item does not.
#[cfg(test)]
pub(crate) fn offsets_point_at_items(reading: &Reading) -> Result<(), String> {
    let chars: Vec<char> = reading.text.chars().collect();
    for item in &reading.items {
        if !(item.start < item.end && item.end <= chars.len()) {
            return Err(format!(
                "item {:?} at {}..{}, outside a text of {} characters",
                item.text,
                item.start,
                item.end,
                chars.len()
            ));
        }
        let slice: String = chars[item.start..item.end].iter().collect();
        if slice != item.text {
            return Err(format!(
                "item {:?} at {}..{} points at {slice:?}",
                item.text, item.start, item.end
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn lowercase_is_std_lowercase(text in any::<String>()) {
            prop_assert_eq!(lowercase(&text), text.to_lowercase());
        }

        /// Mostly the Latin letters the table answers, with the ones it leaves to std.
        #[test]
        fn lowercase_of_latin_letters_is_std_lowercase(text in "[A-Za-z0-9 À-ɏḀ-ỿΣσİǅ’–€₫\u{301}\u{2028}\u{200b}]{0,40}") {
            prop_assert_eq!(lowercase(&text), text.to_lowercase());
            let by_std = |c: char, wanted: char| if c.is_ascii() {
                c.to_ascii_lowercase() == wanted
            } else {
                c == wanted || c.to_lowercase().eq(std::iter::once(wanted))
            };
            for (c, wanted) in text.chars().zip(text.to_lowercase().chars()) {
                prop_assert_eq!(same_letter(c, wanted), by_std(c, wanted));
                prop_assert_eq!(same_letter(c, 'a'), by_std(c, 'a'));
            }
        }

        #[test]
        fn fold_is_the_core_fold(text in any::<String>()) {
            prop_assert_eq!(fold(&text), giamsat_core::text::fold(&text));
        }

        #[test]
        fn fold_spacing_is_the_core_fold_of_the_spaced_text(
            text in "[A-Za-z \u{a0}À-ɏḀ-ỿđĐ\u{301}.,-]{0,20}",
        ) {
            let spacing = |c: char| matches!(c, '-' | '.');
            let spaced: String = text.chars().map(|c| if spacing(c) { ' ' } else { c }).collect();
            prop_assert_eq!(fold_spacing(&text, spacing), giamsat_core::text::fold(&spaced));
        }

        #[test]
        fn fold_of_latin_letters_is_the_core_fold(
            text in "[A-Za-z0-9 \t\u{a0}À-ɏḀ-ỿΣσİǅđĐ’–€₫\u{301}\u{2003}\u{2028}\u{200b}\u{20d1}]{0,40}",
        ) {
            prop_assert_eq!(fold(&text), giamsat_core::text::fold(&text));
        }

        /// The byte-by-byte comparison of ASCII answers as the letter-by-letter one.
        #[test]
        fn words_compared_in_either_case_as_letter_by_letter(
            text in "[a-zA-Z \u{212a}\u{130}\u{e9}\u{c9}]{0,8}",
            word in "[a-zA-Z\u{e9}]{0,4}",
        ) {
            let by_letter_end = || {
                let mut at = text.len();
                let mut letters = text.char_indices().rev();
                for wanted in word.chars().rev() {
                    let (i, c) = letters.next()?;
                    if !same_letter(c, wanted) {
                        return None;
                    }
                    at = i;
                }
                Some(at)
            };
            let by_letter_start = || {
                let mut end = 0;
                let mut letters = text.char_indices();
                for wanted in word.chars() {
                    let (i, c) = letters.next()?;
                    if !same_letter(c, wanted) {
                        return None;
                    }
                    end = i + c.len_utf8();
                }
                Some(end)
            };
            prop_assert_eq!(ends_with_lowercase(&text, &word), by_letter_end());
            prop_assert_eq!(starts_with_lowercase(&text, &word), by_letter_start());
        }

        #[test]
        fn with_lowercase_sees_the_lowercase(text in "[A-Za-z À-ɏḀ-ỿΣİ’]{0,40}") {
            prop_assert_eq!(with_lowercase(&text, str::to_owned), text.to_lowercase());
        }

        /// Words looked for together are found where each looked for alone is.
        #[test]
        fn words_together_are_found_as_each_alone(
            lower in r"[ab đ.]{0,30}",
            words in prop::collection::vec(r"[ab đ.]{1,4}", 1..5),
        ) {
            let words: Vec<&'static str> = words
                .into_iter()
                .map(|w| &*Box::leak(w.into_boxed_str()))
                .collect();
            let alone = words.iter().any(|w| contains_words(&lower, w));
            prop_assert_eq!(Words::new(&words).any_in(&lower), alone);
        }

        /// The search without a searcher finds what `match_indices` finds.
        #[test]
        fn contains_words_is_a_whole_word_among_match_indices(
            lower in r"[aàáạb đ.,\-]{0,30}",
            words in r"[aàáạb đ.,\-]{0,4}",
        ) {
            let by_std = lower
                .match_indices(words.as_str())
                .any(|(at, _)| starts_word(&lower, at) && ends_word(&lower, at + words.len()));
            prop_assert_eq!(contains_words(&lower, &words), by_std);
        }
    }

    /// What `nfc` keeps as it is must be what the quick check calls NFC in any context: a
    /// starter (combining class 0) whose check is Yes, so that nothing before or after it
    /// composes with it.
    #[test]
    fn the_characters_kept_as_they_are_are_nfc_starters() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        for (block, c) in TABLED
            .iter()
            .flat_map(|block| block.clone().map(move |u| (block, u)))
            .filter_map(|(block, u)| Some((block, char::from_u32(u)?)))
        {
            let alone = c.to_string();
            if giamsat_core::text::nfc(&alone) == alone {
                assert_eq!(canonical_combining_class(c), 0, "{c:?} in {block:?}");
                assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn nfc_is_the_core_nfc(text in "[a-z \u{e0}-\u{24f}\u{1e00}-\u{1eff}\u{2000}-\u{20cf}\u{300}-\u{36f}\u{1100}-\u{1175}]{0,30}") {
            prop_assert_eq!(nfc(text.clone()), giamsat_core::text::nfc(&text));
        }
    }

    #[test]
    fn words_hidden_by_an_overlapping_occurrence_are_not_found_together_either() {
        // `match_indices` finds "a a" at 1 (inside "xa") and skips the one at 3.
        assert!(!contains_words("xa a a", "a a"));
        assert!(!Words::new(&["a a"]).any_in("xa a a"));
    }

    #[test]
    fn a_word_char_is_what_unicode_calls_a_letter_or_digit_or_an_underscore() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || c == '_', "{c:?}");
        }
    }

    fn figure_periods(text: &str) -> Vec<Option<String>> {
        read_text(text.to_owned(), "utf-8")
            .items
            .into_iter()
            .filter_map(|item| match item.fact {
                Fact::Figure { period, .. } => Some(period),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_year_named_before_figures_is_their_period_but_not_a_year_of_comparison() {
        let text = "Năm 2023, tổng thu ngân sách ước đạt 17.422 tỷ đồng, đạt 92% dự toán.";
        assert_eq!(figure_periods(text), [Some("2023".to_owned())]);
        let text = "In 2023, export turnover reached 4.2 billion USD.";
        assert_eq!(figure_periods(text), [Some("2023".to_owned())]);
        // The year compared with is not the year reported.
        let text = "Doanh thu đạt 1.350 tỷ đồng, cao hơn cùng kỳ năm 2022.";
        assert_eq!(figure_periods(text), [None]);
    }

    #[test]
    fn a_figure_keeps_the_months_of_a_period_whose_year_the_text_never_gives() {
        let items = read_text(
            "Trong 6 tháng đầu năm, thu ngân sách ước đạt 9.504 tỷ đồng.".to_owned(),
            "utf-8",
        )
        .items;
        let months = items.iter().find_map(|i| match &i.fact {
            Fact::Figure { period, months, .. } => Some((period.clone(), *months)),
            _ => None,
        });
        assert_eq!(months, Some((None, Some((1, 6)))));
    }

    #[test]
    fn making_up_a_share_is_no_rise() {
        let items = read_text(
            "Industry making up 18.2 per cent of GRDP.".to_owned(),
            "utf-8",
        )
        .items;
        assert!(
            !items.iter().any(|i| matches!(
                i.fact,
                Fact::Figure {
                    change_percent: Some(_),
                    ..
                }
            )),
            "{items:?}"
        );
    }

    #[test]
    fn a_term_of_office_is_no_period_of_the_figures_after_its_sentence() {
        let text = "Kỳ họp thứ 17 HĐND tỉnh nhiệm kỳ 2021 - 2026 khai mạc.\n\n\
                    Thu ngân sách ước đạt 17.422 tỷ đồng, đạt 92% dự toán.";
        assert_eq!(figure_periods(text), [None]);
        let text = "Giai đoạn 2021 - 2023, tỉnh thu hút 4 dự án, tổng vốn 1.200 tỷ đồng.";
        assert_eq!(figure_periods(text)[0].as_deref(), Some("2021-2023"));
    }

    #[test]
    fn a_period_without_its_year_is_of_the_year_after_the_one_compared_with() {
        let text = "Trong 6 tháng đầu năm, thu ngân sách ước đạt 9.504 tỷ đồng, đạt 67,7% dự toán \
                    (cùng kỳ năm 2020 đạt 50%).";
        assert_eq!(figure_periods(text)[0].as_deref(), Some("2021-H1"));
    }

    /// Pieces of reports, so that random texts often come close to what is read.
    const PIECES: &[&str] = &[
        "Ngày 18/8",
        " ",
        "Nghị quyết số 21/NQ-TU ngày 25/1/2022",
        "Quảng Ninh 15/15",
        "Bac Giang (13.45%)",
        "5 tháng đầu năm 2023",
        "the first 5 months of 2023",
        "quý II/2023",
        "18 août 2023",
        "1er",
        "/",
        "(",
        "%)",
        "<p>",
        "</p>",
        "&amp;",
        "\n",
        "é",
        "\u{301}",
        "ệ",
        "2021-2025",
        "from 2021 to",
        "Tin liên quan\n",
        "Comment (0)\n",
        "<script>",
        "đạt",
        "đồng chí ",
        "Comrade ",
        "Nguyễn Văn An",
        "Le Hong Vinh",
        " - Director of the ",
        ", Phó Chủ tịch ",
        "Chairman of ",
        "Mme ",
        " ước đạt 36.539 tỷ đồng",
        ", tăng 9,63% so với cùng kỳ",
        ", reaching 42.98% of the plan",
        "VND 36,539 billion",
        " 36 539 milliards de dongs",
        "bằng 115,3% so với cùng kỳ",
        " 4 dự án",
        " with ",
        "25-6-2020",
        "12.3.",
        "Từ 6 - 8/12",
        "les 4 et 5 mars",
        " (VNA) - ",
        "trước ngày ",
        "No. 60 dated ",
        "2021",
        "4/01",
    ];

    proptest! {
        /// Whatever the bytes, reading gives a result or an error, never a panic; every
        /// item's offsets point at its text.
        #[test]
        fn any_bytes_are_read_or_refused_and_offsets_point_at_the_item(
            bytes in prop::collection::vec(any::<u8>(), 0..400),
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40),
        ) {
            let _ = read(&bytes);
            let text: String = pieces.concat();
            if let Ok(reading) = read(text.as_bytes()) {
                offsets_point_at_items(&reading).map_err(TestCaseError::fail)?;
            }
        }
    }

    /// The whole reading (`Debug` of [`Reading`]) of every corpus text, one by one and all
    /// joined, as FNV-1a hashes: a change meant only to make reading faster must print the
    /// same lines before and after. `cargo test -p giamsat-intake --lib every_reading_hashed
    /// -- --ignored --nocapture`.
    #[test]
    #[ignore = "prints hashes to compare two codes"]
    fn every_reading_hashed() {
        let fnv = |bytes: &[u8]| {
            bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
            })
        };
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut all = Vec::new();
        for dir in [corpus.clone(), corpus.join("real")] {
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .expect("a corpus directory")
                .map(|e| e.expect("an entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
                .collect();
            files.sort();
            for path in files {
                let bytes = std::fs::read(&path).expect("a text");
                let out = format!("{:?}", read(&bytes));
                println!("{:016x} {}", fnv(out.as_bytes()), path.display());
                // One text in another encoding would make the whole joined text read as it.
                if std::str::from_utf8(&bytes).is_ok() {
                    all.extend_from_slice(&bytes);
                    all.push(b'\n');
                }
            }
        }
        let out = format!("{:?}", read(&all));
        println!(
            "{:016x} all joined ({} bytes)",
            fnv(out.as_bytes()),
            all.len()
        );
    }
}
