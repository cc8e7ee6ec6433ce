//! Locality scorecards (*Quảng Ninh 15/15*, *Quang Ninh achieved 15/15 targets*) and growth
//! rankings (*Bắc Giang (13.45%)*): a known locality's name right before the figures.

use std::sync::OnceLock;

use giamsat_core::Language;
use regex::Regex;

use crate::localities::ending;
use crate::{Fact, Found};

fn patterns() -> &'static (Regex, Regex) {
    static PATTERNS: OnceLock<(Regex, Regex)> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        (
            Regex::new(
                r"(?i)(?:^|[^\d/])(\d{1,3})\s*/\s*(\d{1,3})(?:\s+(?:targets?|chỉ tiêu|objectifs?|indicateurs?))?(?:[^\d/]|$)",
            )
            .expect("scorecard pattern"),
            Regex::new(r"\(\s*([-−–]?\s*\d{1,3}(?:[.,]\d{1,3})?)\s*%\s*\)").expect("growth pattern"),
        )
    })
}

/// Words allowed between a name and its scorecard.
const LINKS: &[&str] = &[
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
    let (scorecard, growth) = patterns();
    let mut found = Vec::new();
    for c in scorecard.captures_iter(text) {
        let met_m = c.get(1).expect("met");
        let (Ok(met), Ok(set)) = (met_m.as_str().parse::<u32>(), c[2].parse::<u32>()) else {
            continue;
        };
        if set == 0 || met > set {
            continue;
        }
        let before = strip_links(&text[..met_m.start()]);
        let Some((start, locality)) = ending(before) else {
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
        let written: String = c[1].chars().filter(|ch| !ch.is_whitespace()).collect();
        let written = written.replace(['−', '–'], "-");
        let Some(percent) = read_percent(&written, language) else {
            continue;
        };
        let Some((start, locality)) = ending(&text[..whole.start()]) else {
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
    found
}

/// A percentage by the text's conventions; one the language cannot read (an English
/// quotation in a Vietnamese report) is read by the other convention when that one can.
fn read_percent(written: &str, language: Language) -> Option<f64> {
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
            if let Some(at) = crate::ends_with_lowercase(rest, link) {
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
            "led by Bac Giang (13.45%), Ba Ria - Vung Tau (-1.02%) and Bắc Ninh (−9,28%)",
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
}
