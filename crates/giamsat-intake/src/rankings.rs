//! Locality scorecards (*Quảng Ninh 15/15*, *Quang Ninh achieved 15/15 targets*) and growth
//! rankings (*Bắc Giang (13.45%)*): a known locality's name right before the figures.

use std::sync::OnceLock;

use giamsat_core::Language;
use regex::Regex;

use crate::localities::ending;
use crate::{Fact, Found};

fn patterns() -> &'static (Regex, Regex, Regex) {
    static PATTERNS: OnceLock<(Regex, Regex, Regex)> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        (
            Regex::new(
                r"(?i)(?:^|[^\d/])(\d{1,3})\s*(?:/|\s(?:out of|sur)\s)\s*(\d{1,3})(?P<targets>\s+(?:(?:key|main|major)\s+)?(?:targets?|chỉ tiêu|tiêu chí|objectifs?|indicateurs?))?(?:[^\d/]|$)",
            )
            .expect("scorecard pattern"),
            Regex::new(r"\(\s*([-−–]?\s*\d{1,3}(?:[.,]\d{1,3})?)\s*%\s*\)").expect("growth pattern"),
            // "topped the growth ranking with 13.85%", "dẫn đầu cả nước về tăng trưởng với
            // 13,45%": a percentage after "with", read when its clause ranks growth.
            Regex::new(r"(?:[Ww]ith|[Aa]vec|[Vv]ới)\s+([-−–]?\s*\d{1,3}(?:[.,]\d{1,3})?)\s*%$").expect("growth in words pattern"),
        )
    })
}

/// Words allowed between a name and its scorecard.
const LINKS: &[&str] = &[
    "all",
    "tất cả",
    "toàn bộ",
    "had",
    "has",
    "have",
    "đã",
    "avait",
    "a",
    "achieved",
    "đạt",
    "hoàn thành",
    "a atteint",
    "atteint",
    "with",
    "có",
    ":",
    "completed",
    "reached",
    "met",
    "avec",
];

/// Every scorecard and growth figure that follows a known locality's name.
pub fn find(text: &str, language: Language) -> Vec<Found> {
    let (scorecard, growth, growth_in_words) = patterns();
    let mut found = Vec::new();
    let mut subject_sentence = None;
    for c in scorecard.captures_iter(text) {
        let met_m = c.get(1).expect("met");
        let (Ok(met), Ok(set)) = (met_m.as_str().parse::<u32>(), c[2].parse::<u32>()) else {
            continue;
        };
        if set == 0 || met > set {
            continue;
        }
        let before = strip_links(&text[..met_m.start()]);
        // A sentence's subject has one scorecard: "có 2/10 tiêu chí hoàn thành, 5/10 tiêu chí
        // đạt 60-80%" is one, and a part of another.
        let by_subject = || {
            let sentence = sentence_start(text, met_m.start(), &['.', '!', '?', '\n']);
            if subject_sentence == Some(sentence) {
                return None;
            }
            let found = c
                .name("targets")
                .and(subject_of_sentence(text, met_m.start()));
            if found.is_some() {
                subject_sentence = Some(sentence);
            }
            found
        };
        let Some((start, locality)) = ending(before)
            .or_else(|| named_before(text, before))
            .or_else(by_subject)
        else {
            continue;
        };
        // The span ends after "targets" when it is written.
        let whole = c.get(0).expect("match");
        let tail = whole.as_str();
        let end = whole.start()
            + tail
                .trim_end_matches(|ch: char| !ch.is_alphanumeric())
                .len();
        let end = end.max(c.get(2).expect("set").end());
        found.push(Found {
            start,
            end,
            fact: Fact::Scorecard {
                locality: locality.name.clone(),
                met,
                set,
            },
        });
    }
    for c in growth.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let Some(percent) = read_percent(&c[1], language) else {
            continue;
        };
        let Some((start, locality)) =
            ending(&text[..whole.start()]).or_else(|| ranked(text, whole.start()))
        else {
            continue;
        };
        // "led by Phu Tho (62.4%)" after "disbursed more than 50% of their plans" ranks
        // disbursement, not growth: the sentence must speak of growth.
        if !speaks_of_growth(text, start, whole.end()) || growth_of_another_indicator(text, start) {
            continue;
        }
        found.push(Found {
            start,
            end: whole.end(),
            fact: Fact::Growth {
                locality: locality.name.clone(),
                percent,
            },
        });
    }
    // "the lowest growth forecast are Bac Ninh, down 12.59%; Quang Nam, down 9.16%", "Da
    // Nang 3.74%, ranking 46th": in a list of localities, each name right before its rate.
    let listed = crate::merged(found.iter().map(|f| (f.start, f.end)).collect());
    for (percent_sign, _) in text.match_indices('%') {
        if crate::overlaps(&listed, percent_sign, percent_sign + 1) {
            continue;
        }
        let window = crate::look_back(text, percent_sign, 60);
        let Some(c) = growth_listed().captures(&text[window..=percent_sign]) else {
            continue;
        };
        let whole = c.get(0).expect("match");
        let before = &text[..window + whole.start()];
        let Some((start, locality)) = ending(before) else {
            continue;
        };
        // A list's item: after ";", ":" or a word that opens or joins a list.
        let opening = before[..start].trim_end();
        let in_list = opening.ends_with([';', ':'])
            || ["are", "is", "and", "là", "và", "sont", "et", "gồm"]
                .iter()
                .any(|w| {
                    crate::ends_with_lowercase(opening, w)
                        .is_some_and(|at| crate::starts_word(opening, at))
                });
        let Some(percent) = read_percent(&c["num"], language) else {
            continue;
        };
        if !in_list
            || !speaks_of_growth_near(text, start, percent_sign + 1)
            || indicator_after(text, percent_sign + 1)
            || growth_of_another_indicator(text, start)
        {
            continue;
        }
        let down = c.name("down").is_some();
        found.push(Found {
            start,
            end: percent_sign + 1,
            fact: Fact::Growth {
                locality: locality.name.clone(),
                percent: if down { -percent } else { percent },
            },
        });
    }
    let in_sentences = growth_in_sentences(text, language, &found);
    found.extend(in_sentences);
    // Looked for from each "%" back: "with", "avec" and "với" are too common to be looked
    // for first.
    for (percent_sign, _) in text.match_indices('%') {
        let window = crate::look_back(text, percent_sign, 40);
        let Some(c) = growth_in_words.captures(&text[window..=percent_sign]) else {
            continue;
        };
        let whole = c.get(0).expect("match");
        let start = window + whole.start();
        if !crate::starts_word(text, start) {
            continue;
        }
        let (Some(percent), Some((start, locality))) =
            (read_percent(&c[1], language), ranked(text, start))
        else {
            continue;
        };
        found.push(Found {
            start,
            end: percent_sign + 1,
            fact: Fact::Growth {
                locality: locality.name.clone(),
                percent,
            },
        });
    }
    // The province a text is about, looked for only in a text with growth read.
    let own = found
        .iter()
        .any(|f| matches!(f.fact, Fact::Growth { .. }))
        .then(|| own_province(text))
        .flatten();
    found.retain(|f| match &f.fact {
        Fact::Growth { locality, .. } => {
            !ranked_out_of_all(text, f.start, f.end)
                && own.is_none_or(|own| own.name != *locality)
                && !target_set(text, f.start, f.end)
                && !a_provinces_city(text, f.start, locality)
                && !a_share(text, f.start, f.end)
        }
        _ => true,
    });
    found
}

/// Whether the sentence of a rate, up to it, gives shares or sizes rather than growth:
/// "Tỷ trọng công nghiệp trong GRDP của Bắc Ninh (72%)", "Quy mô GRDP …, Nghệ An (3,1%) đóng
/// góp", "the share of industry in Bac Ninh's GRDP (72%)". A share of GRDP is no growth of it.
fn a_share(text: &str, start: usize, end: usize) -> bool {
    static SHARES: std::sync::LazyLock<crate::Words> = std::sync::LazyLock::new(|| {
        crate::Words::new(&[
            "tỷ trọng",
            "tỉ trọng",
            "quy mô",
            "chiếm",
            "share",
            "accounts for",
            "accounted for",
            "proportion",
            "part de",
            "proportion de",
        ])
    });
    let sentence = sentence_start(text, start, &['.', '!', '?', '\n', ';']);
    SHARES.any_in(&crate::lowercase(&text[sentence..end]))
}

/// Whether the locality named at `start` is the city or town of a province that bears its
/// name, not the province: "TP Hà Tĩnh (8,5%), huyện Cẩm Xuyên (7,2%)" compares a province's
/// districts, "thị xã Quảng Trị", "Ha Tinh city". A centrally governed city ("Thành phố Hà
/// Nội", "Hai Phong city") is the locality itself.
fn a_provinces_city(text: &str, start: usize, locality: &str) -> bool {
    if crate::localities::is_central_city(locality) {
        return false;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
    let before = crate::lowercase(text[line_start..start].trim_end());
    let named = crate::lowercase(&text[start..crate::look_ahead(text, start, 40)]);
    let town = [
        "tp",
        "tp.",
        "thành phố",
        "thị xã",
        "huyện",
        "quận",
        "thị trấn",
        "town",
    ];
    town.iter().any(|w| {
        crate::ends_with_lowercase(&before, w).is_some_and(|at| crate::starts_word(&before, at))
    }) || named.starts_with("thành phố ")
        || named.starts_with("tp ")
        || {
            // "Ha Tinh city (8.5%)": the English name and "city" in lower case after it.
            let rest = &text[start..crate::look_ahead(text, start, 60)];
            rest.find(" city").is_some_and(|at| {
                !rest[..at].contains(['(', ',', '%']) && rest[..at].split_whitespace().count() <= 4
            })
        }
}

/// Words that set a target rather than report a result: "phấn đấu tăng trưởng 10%", "giao chỉ
/// tiêu tăng trưởng cho các địa phương: Hải Phòng (12%)", "aims for 8%", "vise 9%".
const TARGET_WORDS: &[&str] = &[
    "phấn đấu",
    "mục tiêu",
    "chỉ tiêu tăng trưởng",
    "giao chỉ tiêu",
    "kịch bản",
    "target",
    "targets",
    "targeted",
    "targeting",
    "aims",
    "aim",
    "aiming",
    "scenario",
    "objectif",
    "objectifs",
    "vise",
    "visent",
    "viser",
];

/// Whether the sentence of a growth rate, up to the rate, sets a target: a rate a plan assigns
/// to a locality is a target of that plan, not a comparison of growth achieved (the set's
/// rule: "a target set is not a figure"). A target named after the rate ("vượt mục tiêu")
/// says the rate was reached and leaves it growth.
fn target_set(text: &str, start: usize, end: usize) -> bool {
    let sentence = sentence_start(text, start, &['.', '!', '?', '\n']);
    let lower = crate::lowercase(&text[sentence..end]);
    // "đạt 12/15 mục tiêu", "achieved 12/15 targets": targets counted are a scorecard's.
    TARGET_WORDS.iter().any(|w| {
        lower.match_indices(w).any(|(at, _)| {
            crate::starts_word(&lower, at)
                && crate::ends_word(&lower, at + w.len())
                && !lower[..at]
                    .trim_end()
                    .ends_with(|c: char| c.is_ascii_digit())
        })
    })
}

/// The province a text is about, whose growth is a figure of its own and not a comparison:
/// the one locality its first line names, when the text speaks of "the province" ("của
/// tỉnh", "toàn tỉnh", "the province", "la province"). None in a text that ranks localities
/// under headings ("TOP 1: Quảng Ninh"), where each is one ranked.
fn own_province(text: &str) -> Option<&'static crate::localities::Locality> {
    let mut from = 0;
    let (from, to) = text.split_inclusive('\n').find_map(|line| {
        let start = from;
        from += line.len();
        (!line.trim().is_empty()).then(|| (start, start + line.trim_end().len()))
    })?;
    let named = localities_in(text, from, to);
    let (_, own) = *named.first()?;
    if named.iter().any(|(_, other)| other.name != own.name) {
        return None;
    }
    // As written mid-sentence, in lower case, or opening one: not the whole text lowercased.
    let about_the_province = [
        "của tỉnh",
        "toàn tỉnh",
        "Toàn tỉnh",
        "địa bàn tỉnh",
        "tỉnh ta",
        "tỉnh nhà",
        "của thành phố",
        "toàn thành phố",
        "Toàn thành phố",
        "the province",
        "The province",
        "la province",
        "La province",
    ]
    .iter()
    .any(|w| {
        text.match_indices(w)
            .any(|(at, _)| crate::starts_word(text, at) && crate::ends_word(text, at + w.len()))
    });
    (about_the_province && !ranks_by_headings(text)).then_some(own)
}

/// Whether the growth item at `start..end` states its locality's rank out of all of them,
/// in its words or the rest of its clause: "đứng thứ 11/34 với 8,61%", "Nghệ An (8,61%) xếp
/// thứ 11/34 tỉnh", "ranked 11th out of 34". That is the standing of the province an article
/// is about, not a comparison of localities the article gives (the real set's rule).
fn ranked_out_of_all(text: &str, start: usize, end: usize) -> bool {
    static RANK: OnceLock<Regex> = OnceLock::new();
    let rank = RANK.get_or_init(|| {
        Regex::new(r"(?i)thứ\s+\d{1,2}\s*/\s*\d{2}|\d{1,2}(?:st|nd|rd|th)\s+(?:out\s+)?of\s+(?:the\s+)?\d{2}|\d{1,2}(?:e|ème)\s+sur\s+\d{2}")
            .expect("rank pattern")
    });
    // What follows, to the end of the sentence or a clause after a semicolon, until another
    // rate or locality: "GRDP của Thanh Hóa tăng 8,61%, đứng thứ 11/34 tỉnh, thành".
    let to = crate::look_ahead(text, end, 120);
    let after = &text[end..to];
    let stop = after
        .match_indices([';', '.', '\n', '%', '('])
        .find(|(i, m)| *m != "." || after[i + 1..].starts_with(char::is_whitespace))
        .map_or(to, |(i, _)| end + i);
    // The localities after the rate are looked up only when a rank is there to be cut off.
    let Some(rank_at) = rank.find(&text[start..stop]).map(|m| start + m.start()) else {
        return false;
    };
    rank_at < end
        || localities_in(text, end, stop)
            .first()
            .is_none_or(|&(other, _)| rank_at < other)
}

/// Whether the sentence of `start..end` speaks of growth, before, within or after it ("Ha
/// Tinh (6.5%) grew faster").
fn speaks_of_growth(text: &str, start: usize, end: usize) -> bool {
    // A sentence ends at a full stop before a space, not at a decimal point.
    let ends_sentence = |s: &str, i: usize, m: &str| {
        m == "\n" || s[i + 1..].starts_with(char::is_whitespace) || i + 1 == s.len()
    };
    let window = crate::look_back(text, start, crate::LOOK_BACK);
    let before = &text[window..start];
    let from = before
        .match_indices(['.', '!', '?', '\n'])
        .filter(|(i, m)| ends_sentence(before, *i, m))
        .map(|(i, _)| i + 1)
        .next_back()
        .unwrap_or(0);
    let after = &text[end..crate::look_ahead(text, end, crate::LOOK_BACK)];
    let to = after
        .match_indices(['.', '!', '?', '\n'])
        .find(|(i, m)| ends_sentence(after, *i, m))
        .map_or(after.len(), |(i, _)| i);
    [&before[from..], &text[start..end], &after[..to]]
        .iter()
        .any(|part| growth_words().is_match(part))
}

/// Whether the sentence of `start..end`, or the one before it, speaks of growth: "…quite
/// modest growth rates. Specifically, Hanoi is forecast to increase by 5.97%; Da Nang 3.74%".
fn speaks_of_growth_near(text: &str, start: usize, end: usize) -> bool {
    if speaks_of_growth(text, start, end) {
        return true;
    }
    let this = sentence_start(text, start, &['.', '!', '?', '\n']);
    this > 0
        && speaks_of_growth(
            text,
            sentence_start(text, this - 1, &['.', '!', '?', '\n']),
            this.saturating_sub(1),
        )
}

/// Where the sentence holding byte `at` starts: after one of `ends`, a full stop only before
/// a space (not a decimal point).
fn sentence_start(text: &str, at: usize, ends: &[char]) -> usize {
    let at = crate::floor_char_boundary(text, at);
    let window = crate::look_back(text, at, crate::LOOK_BACK);
    let before = &text[window..at];
    before
        .match_indices(ends)
        .filter(|(i, m)| *m != "." || before[i + 1..].starts_with(char::is_whitespace))
        .map(|(i, _)| window + i + 1)
        .next_back()
        .unwrap_or(window)
}

/// A rate after a word of growth: "grew by 6.52 per cent", "an increase of 7.17 per cent",
/// "tăng 11,66%", "growth rates of 10.94% and 9.94%" (with the rates after the first).
fn rate_after_growth() -> &'static Regex {
    static RATE: OnceLock<Regex> = OnceLock::new();
    RATE.get_or_init(|| {
        let number = r"\d{1,3}(?:[.,]\d{1,3})?";
        let percent = r"\s*(?:%|per\s?cent|percent|pour\s?cent|phần\s+trăm)";
        Regex::new(&format!(
            r"(?:[Ii]ncrease[sd]?|[Gg]rew|[Gg]row(?:s|th\s+rates?)?|[Rr]ise|[Rr]ose|tăng(?:\s+trưởng)?|croissance|progressé|hausse|(?P<reach>[Rr]each(?:es|ed|ing)?|đạt|atteindre|atteint))(?:\s+(?:by|of|de|là|at|đạt|ước\s+đạt))?\s+(?P<num>{number}){percent}(?P<more>(?:\s*(?:,|and|và|et)\s*{number}{percent})*)"
        ))
        .expect("rate after growth pattern")
    })
}

/// Words that say a rate is not the growth of the economy: "GRDP per capita … an increase of
/// 8.8 per cent", "exports rose by 10%".
const NOT_GROWTH: &[&str] = &[
    "per capita",
    "đầu người",
    "export",
    "exports",
    "xuất khẩu",
    "revenue",
    "revenues",
    "budget",
    "ngân sách",
    "investment",
    "đầu tư",
    "index",
    "chỉ số",
    "retail",
    "bán lẻ",
    "exportations",
    "recettes",
    // The growth of a sector, of credit or of tourism is not the economy's.
    "tín dụng",
    "credit",
    "crédit",
    "du lịch",
    "tourism",
    "tourisme",
    "khu vực công nghiệp",
    "khu vực dịch vụ",
    "khu vực nông",
    "công nghiệp - xây dựng",
    "sector",
    "secteur",
];

/// [`NOT_GROWTH`] looked for in one pass over a clause.
static NOT_GROWTH_WORDS: std::sync::LazyLock<crate::Words> =
    std::sync::LazyLock::new(|| crate::Words::new(NOT_GROWTH));

/// Whether the sentence before a locality's rate speaks of the growth of another indicator
/// than the economy's ("tốc độ tăng trưởng thu ngân sách cao nhất là Quảng Ninh (25,1%)",
/// "Export growth was highest in Bac Ninh (15.2%)"), and not of the economy's too.
fn growth_of_another_indicator(text: &str, name_start: usize) -> bool {
    let sentence = sentence_start(text, name_start, &['.', '!', '?', '\n', ';']);
    let lower = crate::lowercase(&text[sentence..name_start]);
    NOT_GROWTH_WORDS.any_in(&lower)
        && ![
            "grdp",
            "gdp",
            "kinh tế",
            "economic",
            "economy",
            "économique",
            "pib",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether the words right after a rate say it is of another indicator than the economy's
/// growth: "Hà Tĩnh tăng 6,2% về chỉ số sản xuất công nghiệp", "rose 5% in exports".
fn indicator_after(text: &str, end: usize) -> bool {
    let tail = &text[end..crate::look_ahead(text, end, 80)];
    let tail = tail
        .split([',', ';', '.', '\n', '('])
        .next()
        .unwrap_or_default();
    let tail = crate::lowercase(tail.trim_start());
    ["về ", "in ", "en ", "de ", "of ", "for "]
        .iter()
        .any(|w| tail.starts_with(w))
        && NOT_GROWTH_WORDS.any_in(&tail)
}

/// Growth rates in sentences that compare localities: "Hà Nội's GRDP grew by 6.52 per cent",
/// "Hanoi is forecast to increase by 5.97%", "Bac Giang and Hai Phong with growth rates of
/// 10.94% and 9.94% respectively", and "tốc độ tăng trưởng … của tỉnh ước tăng 11,66%" after
/// the province's name. Read only in a text that compares two localities' growth at least:
/// the growth of the one province an article is about is a figure.
fn growth_in_sentences(text: &str, language: Language, listed: &[Found]) -> Vec<Found> {
    let taken = crate::merged(listed.iter().map(|f| (f.start, f.end)).collect());
    let mut found = Vec::new();
    for c in rate_after_growth().captures_iter(text) {
        let whole = c.get(0).expect("match");
        if crate::overlaps(&taken, whole.start(), whole.end())
            || !crate::starts_word(text, whole.start())
        {
            continue;
        }
        let sentence = sentence_start(text, whole.start(), &['.', '!', '?', '\n', ';']);
        let clause = &text[sentence..whole.start()];
        let lower = crate::lowercase(clause);
        if NOT_GROWTH_WORDS.any_in(&lower) {
            continue;
        }
        if indicator_after(text, whole.end()) {
            continue;
        }
        let mut rates = vec![c["num"].to_owned()];
        rates.extend(
            rate_number()
                .find_iter(c.name("more").map_or("", |m| m.as_str()))
                .map(|m| m.as_str().to_owned()),
        );
        let names = localities_in(text, sentence, whole.start());
        // "Với mức tăng trưởng 13,45%, Bắc Giang dẫn đầu", "with the growth rate forecast to
        // reach 14.21%, Hau Giang province continues": the locality opens the next clause.
        if names.is_empty() && !of_the_province(&lower) {
            if let Some((end, locality)) = locality_after_comma(text, whole.end())
                && growth_words().is_match(&text[sentence..whole.end()])
                && let Some(percent) = read_percent(&c["num"], language)
            {
                found.push(Found {
                    start: clause_start(text, sentence, whole.start()),
                    end,
                    fact: Fact::Growth {
                        locality: locality.name.clone(),
                        percent,
                    },
                });
            }
            continue;
        }
        // "reach" and "đạt" say a level as often as growth: only with the name after them.
        if c.name("reach").is_some() {
            continue;
        }
        let after = text[whole.end()..].trim_start_matches([',', ' ']);
        let respectively = ["respectively", "lần lượt", "respectivement"]
            .iter()
            .any(|w| crate::starts_with_lowercase(after, w).is_some());
        let pairs: Vec<((usize, &crate::localities::Locality), &String)> =
            if names.len() >= 2 && names.len() == rates.len() && respectively {
                names.into_iter().zip(&rates).collect()
            } else if rates.len() == 1 {
                // "Tốc độ tăng trưởng … của tỉnh": the province the text speaks of as "the
                // province" is the one it is about, whose growth is a figure; but under a
                // heading that ranks it ("TOP 1: Quảng Ninh") the province is one ranked.
                let Some(name) = names.last().copied().or_else(|| {
                    (of_the_province(&lower) && ranks_by_headings(text))
                        .then(|| last_named(text, sentence))
                        .flatten()
                        .map(|(_, l)| (clause_start(text, sentence, whole.start()), l))
                }) else {
                    continue;
                };
                // Without words of growth between them, a rate after another number is that
                // number's change ("đón 17,11 triệu lượt khách, tăng 9%").
                let between = &text[name.0..whole.start()];
                if !growth_words().is_match(&text[name.0..whole.end()])
                    && (between.contains(|c: char| c.is_ascii_digit())
                        || !speaks_of_growth_near(text, name.0, whole.end()))
                {
                    continue;
                }
                vec![(name, &rates[0])]
            } else {
                continue;
            };
        for ((start, locality), rate) in pairs {
            let Some(percent) = read_percent(rate, language) else {
                continue;
            };
            found.push(Found {
                start,
                end: whole.end(),
                fact: Fact::Growth {
                    locality: locality.name.clone(),
                    percent,
                },
            });
        }
    }
    // A text that compares: two localities' growth read at least, here or in lists.
    let mut compared: Vec<&str> = found
        .iter()
        .chain(listed)
        .filter_map(|f| match &f.fact {
            Fact::Growth { locality, .. } => Some(locality.as_str()),
            _ => None,
        })
        .collect();
    compared.sort_unstable();
    compared.dedup();
    if compared.len() < 2 && !ranks_by_headings(text) {
        found.clear();
    }
    found
}

/// The locality a sentence's targets are of, for "N/M chỉ tiêu" with no name before it: the
/// locality opening the sentence ("Hà Tĩnh tập trung …, đến nay có 2/10 tiêu chí"), or the
/// one named last before it when the sentence or the one before speaks of "the province"
/// ("… of the province has seen changes. It is expected to achieve 27 out of 28 key
/// targets"). The item starts at the number.
fn subject_of_sentence(
    text: &str,
    at: usize,
) -> Option<(usize, &'static crate::localities::Locality)> {
    let ends = ['.', '!', '?', '\n'];
    let sentence = sentence_start(text, at, &ends);
    let first = clause_start(text, sentence, sentence);
    // "Thời gian qua, Hà Tĩnh tập trung …": after an opening phrase and its comma.
    if let Some(&(start, locality)) = localities_in(
        text,
        first,
        crate::floor_char_boundary(text, at.min(first + 80)).max(first),
    )
    .first()
    .filter(|(start, _)| *start == first || text[first..*start].trim_end().ends_with(','))
    .filter(|(start, _)| {
        !text[first..*start]
            .trim_end()
            .trim_end_matches(',')
            .contains(',')
    }) {
        return Some((start, locality));
    }
    let before = sentence_start(text, sentence.saturating_sub(1), &ends);
    let lower = crate::lowercase(&text[before..at]);
    let anaphor = [
        "the province",
        "la province",
        "toàn tỉnh",
        "của tỉnh",
        "the city",
    ]
    .iter()
    .any(|w| crate::contains_words(&lower, w));
    anaphor
        .then(|| last_named(text, before))
        .flatten()
        .map(|(_, locality)| (at, locality))
}

/// Whether the text ranks localities under headings, "TOP 1: Quảng Ninh", "TOP 2: Hải Phòng".
fn ranks_by_headings(text: &str) -> bool {
    text.lines()
        .filter(|line| {
            line.strip_prefix("TOP ")
                .or_else(|| line.strip_prefix("Top "))
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
                && ending(line.trim_end()).is_some()
        })
        .take(2)
        .count()
        == 2
}

fn rate_number() -> &'static Regex {
    static NUMBER: OnceLock<Regex> = OnceLock::new();
    NUMBER.get_or_init(|| Regex::new(r"\d{1,3}(?:[.,]\d{1,3})?").expect("rate number"))
}

/// Whether a clause speaks of the growth rate of a province it does not name: "tốc độ tăng
/// trưởng … của tỉnh", "the province's growth rate".
fn of_the_province(lower: &str) -> bool {
    let rate = ["tăng trưởng", "growth rate", "croissance"]
        .iter()
        .any(|w| lower.contains(w));
    rate && [
        "của tỉnh",
        "toàn tỉnh",
        "the province",
        "the province's",
        "the city's",
        "la province",
    ]
    .iter()
    .any(|w| crate::contains_words(lower, w))
}

/// The first letter of the last clause of `text[from..to]`, after its last comma.
fn clause_start(text: &str, from: usize, to: usize) -> usize {
    let at = text[from..to].rfind(',').map_or(from, |i| from + i + 1);
    at + text[at..].len() - text[at..].trim_start().len()
}

/// The last locality named in the paragraphs before byte `at`.
fn last_named(text: &str, at: usize) -> Option<(usize, &'static crate::localities::Locality)> {
    let window = crate::look_back(text, at, 4 * crate::LOOK_BACK);
    text[window..at]
        .char_indices()
        .rev()
        .filter(|(i, c)| !c.is_alphanumeric() && *i > 0)
        .find_map(|(i, _)| ending(&text[..window + i]))
}

/// The locality opening the clause after a comma at byte `at`, and where its name ends.
fn locality_after_comma(
    text: &str,
    at: usize,
) -> Option<(usize, &'static crate::localities::Locality)> {
    let rest = text[at..].strip_prefix(',')?;
    let from = text.len() - rest.trim_start().len();
    let to = crate::floor_char_boundary(text, crate::look_ahead(text, from, 60));
    let words_end = text[from..to]
        .char_indices()
        .filter(|(i, c)| !c.is_alphanumeric() && text[..from + i].ends_with(char::is_alphanumeric))
        .map(|(i, _)| from + i);
    // The longest name that starts at the clause's first word.
    words_end
        .take(crate::localities::MAX_WORDS + 2)
        .filter_map(|end| {
            ending(&text[..end])
                .filter(|(start, _)| *start == from)
                .map(|(_, l)| (end, l))
        })
        .last()
}

/// The localities named in `text[from..to]`, in order, each by its longest name.
fn localities_in(
    text: &str,
    from: usize,
    to: usize,
) -> Vec<(usize, &'static crate::localities::Locality)> {
    let mut names: Vec<(usize, usize, &'static crate::localities::Locality)> = Vec::new();
    let ends = text[from..to]
        .char_indices()
        .filter(|(i, c)| !c.is_alphanumeric() && text[..from + i].ends_with(char::is_alphanumeric))
        .map(|(i, _)| from + i)
        .chain(std::iter::once(to));
    for end in ends {
        let Some((start, locality)) = ending(&text[..end]).filter(|(s, _)| *s >= from) else {
            continue;
        };
        // "Hai Phong city" after "Hai Phong": the longer name is the one named.
        while names
            .last()
            .is_some_and(|(s, e, _)| start <= *s || start < *e)
        {
            names.pop();
        }
        names.push((start, end, locality));
    }
    names.into_iter().map(|(s, _, l)| (s, l)).collect()
}

/// A rate right after a locality's name in a list, "Da Nang 3.74%", "Bac Ninh, down
/// 12.59%", "Hà Nội tăng 5,97%", at the end of what is searched (up to its "%").
fn growth_listed() -> &'static Regex {
    static LISTED: OnceLock<Regex> = OnceLock::new();
    LISTED.get_or_init(|| {
        Regex::new(r"(?:,?\s+(?:(?P<down>down|giảm|en\s+baisse\s+de)|up|tăng|en\s+hausse\s+de))?\s+(?P<num>\d{1,3}(?:[.,]\d{1,3})?)\s*%$")
            .expect("listed growth pattern")
    })
}

/// Words that say a text speaks of growth, in any case.
fn growth_words() -> &'static Regex {
    static GROWTH: OnceLock<Regex> = OnceLock::new();
    GROWTH.get_or_init(|| {
        Regex::new(r"(?i:(?-u:\b)(?:growth|grew|grow|grown|croissances?|grdp|gdp|pib)(?-u:\b))|[Tt]ăng\s+trưởng")
            .expect("growth words")
    })
}

/// Words that say a clause ranks first or high.
const RANKING_WORDS: &[&str] = &[
    "led",
    "leads",
    "topped",
    "tops",
    "ranked",
    "highest",
    "fastest",
    "plus forte",
    "plus rapide",
    "en tête",
    "dẫn đầu",
    "đứng đầu",
    "cao nhất",
    "xếp thứ",
];

/// The locality that opens a clause ranking growth and ends at `at`: "Bac Giang topped the
/// growth ranking", "La ville de Hai Phong a enregistré la plus forte croissance du pays".
fn ranked(text: &str, at: usize) -> Option<(usize, &'static crate::localities::Locality)> {
    let window = crate::look_back(text, at, 200);
    let clause_start = text[window..at]
        .rfind(['.', ';', ',', '\n', '!', '?', ':'])
        .map_or(window, |i| window + i + 1);
    let clause = &text[clause_start..at];
    if !growth_words().is_match(clause) {
        return None;
    }
    let lower = crate::lowercase(clause);
    static RANKING: std::sync::LazyLock<crate::Words> =
        std::sync::LazyLock::new(|| crate::Words::new(RANKING_WORDS));
    if !RANKING.any_in(&lower) {
        return None;
    }
    // The locality is among the clause's first words: "while Bac Giang", "La ville de Hai
    // Phong".
    clause
        .char_indices()
        .filter(|(i, c)| c.is_whitespace() && crate::ends_word(clause, *i) && *i > 0)
        .map(|(i, _)| i)
        .take(8)
        .find_map(|end| ending(&clause[..end]).filter(|(start, _)| *start < end))
        .map(|(start, locality)| (clause_start + start, locality))
}

/// Words that stand for a locality named before: "the province had achieved 10/12 targets".
const ANAPHORS: &[&str] = &[
    "the province",
    "the city",
    "la province",
    "la ville",
    "toàn tỉnh",
    "tỉnh",
    "thành phố",
];

/// When `before` ends with words standing for a locality, the last locality named in the
/// paragraphs before them, and where those words start.
fn named_before(text: &str, before: &str) -> Option<(usize, &'static crate::localities::Locality)> {
    let at = ANAPHORS
        .iter()
        .find_map(|w| crate::ends_with_lowercase(before, w))
        .filter(|at| crate::starts_word(before, *at))?;
    let window = crate::look_back(text, at, 4 * crate::LOOK_BACK);
    // From the nearest word end back: the name nearest the words wins.
    text[window..at]
        .char_indices()
        .rev()
        .filter(|(i, c)| !c.is_alphanumeric() && *i > 0)
        .find_map(|(i, _)| ending(&text[..window + i]))
        .map(|(_, locality)| (at, locality))
}

/// A percentage as captured ("- 1.02", "−9,28") by the text's conventions; one the language
/// cannot read (an English quotation in a Vietnamese report) is read by the other convention
/// when that one can.
fn read_percent(captured: &str, language: Language) -> Option<f64> {
    let written: String = captured
        .chars()
        .filter(|ch| !ch.is_whitespace())
        .map(|ch| if matches!(ch, '−' | '–') { '-' } else { ch })
        .collect();
    let written = written.as_str();
    giamsat_core::text::parse_number(written, language)
        .ok()
        .or_else(|| {
            let other = if language == Language::En {
                Language::Vi
            } else {
                Language::En
            };
            giamsat_core::text::parse_number(written, other).ok()
        })
}

fn strip_links(before: &str) -> &str {
    let mut rest = before.trim_end();
    'strip: loop {
        for link in LINKS {
            // Whole words only: "Thanh Hóa" does not end with the link "a".
            if let Some(at) =
                crate::ends_with_lowercase(rest, link).filter(|at| crate::starts_word(rest, *at))
            {
                rest = rest[..at].trim_end();
                continue 'strip;
            }
        }
        return rest;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The growth rates read: each span, locality and percent.
    fn growth(text: &str, language: Language) -> Vec<(String, String, f64)> {
        read(text, language)
            .into_iter()
            .filter_map(|(span, fact)| match fact {
                Fact::Growth { locality, percent } => Some((span, locality, percent)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_provinces_rank_out_of_all_and_the_growth_of_the_province_a_text_is_about_are_no_comparison()
     {
        let localities = |text: &str| -> Vec<String> {
            let mut read: Vec<String> = growth(text, Language::Vi)
                .into_iter()
                .map(|(_, locality, _)| locality)
                .collect();
            read.sort();
            read
        };
        assert!(localities("Tăng trưởng GRDP của Nghệ An xếp thứ 11/34 với 8,61%.").is_empty());
        assert_eq!(
            localities(
                "Về tăng trưởng GRDP, Bắc Giang tăng 13,45%, dẫn đầu cả nước; Thanh Hóa tăng trưởng 8,61%, đứng thứ 11/34 tỉnh, thành; Hải Phòng tăng 10,34%."
            ),
            ["Bắc Giang", "Hải Phòng"]
        );
        assert_eq!(
            localities(
                "Tăng trưởng GRDP 9 tháng: Bắc Giang (13,45%) dẫn đầu, Hải Phòng (10,34%) thứ hai; Nghệ An (8,61%) xếp thứ 11/34 tỉnh, thành phố."
            ),
            ["Bắc Giang", "Hải Phòng"]
        );
        // The province of the title, which the text calls "the province": its growth is a
        // figure; the neighbours it is compared with are growth.
        assert_eq!(
            localities(
                "Nghệ An: kinh tế 9 tháng tăng khá\n\nTheo Cục Thống kê Nghệ An, tốc độ tăng trưởng GRDP 9 tháng của tỉnh ước tăng 8,61%. Trong khu vực, Hà Tĩnh tăng 9,12% và Thanh Hóa tăng 8,9%."
            ),
            ["Hà Tĩnh", "Thanh Hóa"]
        );
        // Under headings that rank, each province is one ranked.
        assert_eq!(
            localities(
                "TOP 1: Quảng Ninh\n\nTốc độ tăng trưởng kinh tế (GRDP) 9 tháng của tỉnh ước tăng 11,66%.\n\nTOP 2: Hải Phòng\n\nGRDP của thành phố tăng 10,3%."
            ),
            ["Quảng Ninh"]
        );
    }

    fn read(text: &str, language: Language) -> Vec<(String, Fact)> {
        find(text, language)
            .into_iter()
            .map(|f| (text[f.start..f.end].to_owned(), f.fact))
            .collect()
    }

    #[test]
    fn scorecards_and_growth_follow_a_locality() {
        let text = "including: Quang Ninh achieved 15/15 targets, Phu Tho 15/15, Hau Giang 18/18. Da Nang 4/10 on 17/01/2024.";
        let cards: Vec<(String, String, u32, u32)> = read(text, Language::En)
            .into_iter()
            .map(|(span, fact)| match fact {
                Fact::Scorecard {
                    locality, met, set, ..
                } => (span, locality, met, set),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            cards,
            [
                (
                    "Quang Ninh achieved 15/15 targets".to_owned(),
                    "Quảng Ninh".to_owned(),
                    15,
                    15
                ),
                ("Phu Tho 15/15".to_owned(), "Phú Thọ".to_owned(), 15, 15),
                ("Hau Giang 18/18".to_owned(), "Hậu Giang".to_owned(), 18, 18),
                ("Da Nang 4/10".to_owned(), "Đà Nẵng".to_owned(), 4, 10),
            ]
        );
        let growth = read(
            "growth led by Bac Giang (13.45%), Ba Ria - Vung Tau (-1.02%) and Bắc Ninh (−9,28%)",
            Language::En,
        );
        let percents: Vec<(String, f64)> = growth
            .into_iter()
            .map(|(span, fact)| match fact {
                Fact::Growth { percent, .. } => (span, percent),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            percents,
            [
                ("Bac Giang (13.45%)".to_owned(), 13.45),
                ("Ba Ria - Vung Tau (-1.02%)".to_owned(), -1.02),
                ("Bắc Ninh (−9,28%)".to_owned(), -9.28)
            ]
        );
    }

    #[test]
    fn growth_ranked_in_words_and_scorecards_of_a_locality_named_before() {
        let one = |span: &str, locality: &str, percent: f64| {
            vec![(span.to_owned(), locality.to_owned(), percent)]
        };
        assert_eq!(
            growth(
                "Ho Chi Minh City led in revenue, while Bac Giang topped the growth ranking with 13.85%.",
                Language::En
            ),
            one(
                "Bac Giang topped the growth ranking with 13.85%",
                "Bắc Giang",
                13.85
            )
        );
        assert_eq!(
            growth(
                "La ville de Hai Phong a enregistré la plus forte croissance du pays (10,3 %).",
                Language::Fr
            ),
            one(
                "Hai Phong a enregistré la plus forte croissance du pays (10,3 %)",
                "Hải Phòng",
                10.3
            )
        );
        assert_eq!(
            growth(
                "Bắc Giang dẫn đầu cả nước về tăng trưởng với 13,45%.",
                Language::Vi
            ),
            one(
                "Bắc Giang dẫn đầu cả nước về tăng trưởng với 13,45%",
                "Bắc Giang",
                13.45
            )
        );
        // A clause that ranks nothing, or ranks something other than growth, is no ranking.
        for text in [
            "Bac Giang grew with 13.85% in 2023.",
            "Bac Giang topped the export ranking with 13.85%.",
        ] {
            assert!(growth(text, Language::En).is_empty(), "{text}");
        }
        // A ranking of something else is not one of growth.
        for text in [
            "Eleven localities disbursed more than 50% of their plans, led by Phu Tho (62.4%).",
            "Tỷ lệ giải ngân cao nhất là Phú Thọ (62,4%).",
        ] {
            assert!(growth(text, Language::En).is_empty(), "{text}");
        }
        assert_eq!(
            growth("Ha Tinh (6.5%) grew faster.", Language::En),
            one("Ha Tinh (6.5%)", "Hà Tĩnh", 6.5)
        );
        let cards = |text: &str, language| -> Vec<(String, u32, u32)> {
            read(text, language)
                .into_iter()
                .filter_map(|(_, fact)| match fact {
                    Fact::Scorecard { locality, met, set } => Some((locality, met, set)),
                    _ => None,
                })
                .collect()
        };
        for (text, language, locality, met, set) in [
            (
                "Quang Ninh Province achieved all 15/15 socio-economic targets in 2023.",
                Language::En,
                "Quảng Ninh",
                15,
                15,
            ),
            (
                "Hai Duong was assigned 12 key targets; by the end of September, the province had achieved 10/12 targets.",
                Language::En,
                "Hải Dương",
                10,
                12,
            ),
            (
                "La province de Bac Ninh a attiré des IDE.\n\nIl a souligné que la province avait atteint 14/16 objectifs.",
                Language::Fr,
                "Bắc Ninh",
                14,
                16,
            ),
            (
                "Thanh Hóa đạt 27/30 chỉ tiêu.",
                Language::Vi,
                "Thanh Hóa",
                27,
                30,
            ),
        ] {
            assert_eq!(
                cards(text, language),
                [(locality.to_owned(), met, set)],
                "{text}"
            );
        }
        assert!(
            cards("The province had achieved 10/12 targets.", Language::En).is_empty(),
            "no locality named before"
        );
    }

    /// Growth in a list of localities (issue 26): each name right before its rate, "down"
    /// making it negative, in a sentence that speaks of growth.
    #[test]
    fn growth_in_sentences_of_a_text_comparing_localities() {
        let text = "Provinces in the north grew fastest. Quang Ninh's GRDP grew by 10.2 per cent in 2024. Next came Thai Binh and Nam Dinh with growth rates of 9.8% and 9.1% respectively. Hai Duong is estimated to increase by 8.5%, while exports of Hung Yen rose by 20%. Hanoi welcomed 2.1 million visitors, up 12%.";
        assert_eq!(
            growth(text, Language::En),
            [
                (
                    "Quang Ninh's GRDP grew by 10.2 per cent".to_owned(),
                    "Quảng Ninh".to_owned(),
                    10.2
                ),
                (
                    "Thai Binh and Nam Dinh with growth rates of 9.8% and 9.1%".to_owned(),
                    "Thái Bình".to_owned(),
                    9.8
                ),
                (
                    "Nam Dinh with growth rates of 9.8% and 9.1%".to_owned(),
                    "Nam Định".to_owned(),
                    9.1
                ),
                (
                    "Hai Duong is estimated to increase by 8.5%".to_owned(),
                    "Hải Dương".to_owned(),
                    8.5
                ),
            ]
        );
        let opening = "Với mức tăng trưởng 13,45%, Bắc Giang dẫn đầu cả nước. Hà Nội tăng trưởng 6,5%, đứng thứ 20.";
        assert_eq!(
            growth(opening, Language::Vi),
            [
                (
                    "Với mức tăng trưởng 13,45%, Bắc Giang".to_owned(),
                    "Bắc Giang".to_owned(),
                    13.45
                ),
                (
                    "Hà Nội tăng trưởng 6,5%".to_owned(),
                    "Hà Nội".to_owned(),
                    6.5
                ),
            ]
        );
        // A rate whose indicator follows it is that indicator's, not growth.
        let other = "Với mức tăng trưởng 9,1%, Nghệ An đứng thứ 5. Thanh Hóa tăng trưởng 8,2%; Hà Tĩnh tăng 6,2% về chỉ số sản xuất công nghiệp.";
        assert_eq!(
            growth(other, Language::Vi)
                .into_iter()
                .map(|(_, locality, _)| locality)
                .collect::<Vec<_>>(),
            ["Nghệ An", "Thanh Hóa"]
        );
        // Growth of another indicator than the economy's is no growth ranking.
        assert!(
            growth(
                "Các địa phương có tốc độ tăng trưởng thu ngân sách cao nhất là Quảng Ninh (25,1%), Hải Phòng (20,3%).",
                Language::Vi
            )
            .is_empty()
        );
        assert_eq!(
            growth(
                "Export growth was highest in Bac Ninh (15.2%) and Thai Nguyen (12.1%). GRDP growth was led by Bac Giang (13.45%) and Hai Phong (10.14%).",
                Language::En
            )
            .into_iter()
            .map(|(_, locality, _)| locality)
            .collect::<Vec<_>>(),
            ["Bắc Giang", "Hải Phòng"]
        );
        // One province's growth in an article about it is a figure, not a comparison.
        assert!(
            growth(
                "Quang Ninh's GRDP grew by 10.2 per cent in 2024.",
                Language::En
            )
            .is_empty()
        );
        // Under ranking headings, the growth rate of "the province" is the heading's.
        let ranked = "TOP 1: Bắc Giang\n\nTheo Cục Thống kê, tốc độ tăng trưởng GRDP của tỉnh ước tăng 12,5%, cao nhất cả nước.\n\nTOP 2: Hải Phòng\n\nThành phố có nhiều dự án lớn.";
        assert_eq!(
            growth(ranked, Language::Vi),
            [(
                "tốc độ tăng trưởng GRDP của tỉnh ước tăng 12,5%".to_owned(),
                "Bắc Giang".to_owned(),
                12.5
            )]
        );
    }

    #[test]
    fn targets_met_by_the_locality_a_sentence_or_the_one_before_speaks_of() {
        let cards = |text: &str, language| -> Vec<(String, u32, u32)> {
            read(text, language)
                .into_iter()
                .filter_map(|(_, fact)| match fact {
                    Fact::Scorecard { locality, met, set } => Some((locality, met, set)),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(
            cards(
                "Năm qua, Quảng Trị đẩy mạnh xây dựng nông thôn mới, đến nay đạt 7/9 tiêu chí tỉnh nông thôn mới, 2/9 tiêu chí đạt 80%.",
                Language::Vi
            ),
            [("Quảng Trị".to_owned(), 7, 9)]
        );
        assert_eq!(
            cards(
                "The Thai Binh People's Council met on Monday. The economy of the province grew well. It met 20 out of 24 main targets for 2024.",
                Language::En
            ),
            [("Thái Bình".to_owned(), 20, 24)]
        );
        // Without the words of targets, a ratio is no scorecard of the sentence's locality.
        assert!(
            cards(
                "Quảng Trị đẩy mạnh sản xuất, 7/9 xã đã hoàn thành.",
                Language::Vi
            )
            .is_empty()
        );
    }

    #[test]
    fn growth_listed_locality_by_locality() {
        let text = "The provinces with the slowest GRDP growth are Tuyen Quang, down 2.4%; Kon Tum 1.15%; and Thua Thien Hue, up 0.8%. Exports of Quang Ninh 12% of the total.";
        let listed: Vec<(String, String, f64)> = read(text, Language::En)
            .into_iter()
            .map(|(span, fact)| match fact {
                Fact::Growth { locality, percent } => (span, locality, percent),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            listed,
            [
                (
                    "Tuyen Quang, down 2.4%".to_owned(),
                    "Tuyên Quang".to_owned(),
                    -2.4
                ),
                ("Kon Tum 1.15%".to_owned(), "Kon Tum".to_owned(), 1.15),
                ("Thua Thien Hue, up 0.8%".to_owned(), "Huế".to_owned(), 0.8),
            ]
        );
    }

    #[test]
    fn a_growth_rate_a_plan_sets_or_a_sectors_is_no_comparison_of_growth() {
        // Targets a plan assigns to localities, in a list or in words.
        for (text, language) in [
            (
                "Năm nay, Chính phủ giao chỉ tiêu tăng trưởng cho một số địa phương: Thanh Hóa (11%), Nghệ An (10,5%).",
                Language::Vi,
            ),
            (
                "Theo kịch bản tăng trưởng quý IV, Đà Nẵng phấn đấu tăng 7%, Cần Thơ tăng 7,5%.",
                Language::Vi,
            ),
            (
                "Under the growth scenario, Da Nang aims for 7% and Can Tho targets 7.5%.",
                Language::En,
            ),
            // The growth of credit, of tourism or of a sector, not of the economy.
            (
                "Tăng trưởng tín dụng tại Đà Nẵng (9,5%) và Cần Thơ (8,2%) cao hơn bình quân.",
                Language::Vi,
            ),
            (
                "Tăng trưởng khu vực dịch vụ của Khánh Hòa (12,4%), Lâm Đồng (10,1%) dẫn đầu vùng.",
                Language::Vi,
            ),
        ] {
            assert!(growth(text, language).is_empty(), "{text}");
        }
        // Growth reached and compared stays growth, with a target named after its rate or
        // targets counted before it.
        assert_eq!(
            growth(
                "Bac Giang met 14/15 targets, while Da Nang (6.1%) and Can Tho (5.9%) grew slower.",
                Language::En
            )
            .len(),
            2
        );
        assert_eq!(
            growth(
                "Tăng trưởng GRDP của Thanh Hóa (9,2%) và Nghệ An (8,7%) vượt mục tiêu đề ra.",
                Language::Vi
            )
            .len(),
            2
        );
    }

    #[test]
    fn a_provinces_city_of_its_name_is_no_province_and_a_centrally_governed_city_is() {
        assert!(
            growth(
                "Về tăng trưởng kinh tế, TP Thanh Hóa (9,1%), huyện Quảng Xương (7,4%), thị xã Nghi Sơn (15,2%) dẫn đầu.",
                Language::Vi
            )
            .is_empty()
        );
        assert!(
            growth(
                "Among the districts, Thanh Hoa city (9.1%) and Nghi Son town (15.2%) grew fastest.",
                Language::En
            )
            .is_empty()
        );
        assert_eq!(
            growth(
                "Tăng trưởng GRDP của Thành phố Đà Nẵng (7,5%) và Thành phố Cần Thơ (7,1%) khá cao.",
                Language::Vi
            )
            .len(),
            2
        );
    }

    #[test]
    fn a_share_of_grdp_is_no_growth_of_it() {
        for text in [
            "Tỷ trọng dịch vụ trong GRDP của Khánh Hòa (55%), Lâm Đồng (40%) cao nhất vùng.",
            "The share of services in the GRDP of Khanh Hoa (55%) and Lam Dong (40%) is high.",
        ] {
            let language = if text.starts_with("The") {
                Language::En
            } else {
                Language::Vi
            };
            assert!(growth(text, language).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_province_a_text_is_about_spoken_of_as_tinh_nha_or_dia_ban_tinh() {
        let text = "Quảng Trị đẩy mạnh thu hút đầu tư\nKinh tế trên địa bàn tỉnh tăng trưởng khá. Tăng trưởng GRDP của Quảng Trị (7,2%) cao hơn Quảng Bình (6,1%).";
        assert_eq!(
            growth(text, Language::Vi)
                .into_iter()
                .map(|(_, locality, _)| locality)
                .collect::<Vec<_>>(),
            ["Quảng Bình"]
        );
    }
}
