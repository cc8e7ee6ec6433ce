//! Document references: a type word, a number, and the date of issue when given.
//! *Nghị quyết số 21/NQ-TU ngày 25/1/2022*, *Quy định số 96-QĐ/TW*, *Regulation No. 96-QD/TW*,
//! *Conclusion No. 21-KL/TW*, *résolution n° 21/NQ-TU du 25 janvier 2022*, and bare numbers
//! such as *21-NQ/TU* that the foundation's parser accepts.

use std::sync::OnceLock;

use giamsat_core::DocumentNumber;
use regex::Regex;

use crate::time_words::date_at;
use crate::{Fact, Found};

fn patterns() -> &'static (Regex, Regex) {
    static PATTERNS: OnceLock<(Regex, Regex)> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        // A number as documents write it: digits, an optional year, then type and issuer
        // codes joined by / or -.
        let number = r"\d{1,5}(?:/\d{4})?\s?[/\-–]\s?[\p{L}]{1,4}(?:\s?[/\-–]\s?[\p{L}]{1,6}){1,3}";
        let named = format!(
            r"(?i)(?-u:\b)(?:nghị quyết|quyết định|quy định|chỉ thị|kết luận|thông báo|kế hoạch|hướng dẫn|báo cáo|chương trình|nghị định|thông tư|resolution|decision|regulation|directive|conclusion|notice|plan|guidance|report|programme|program|decree|circular|résolution|décision|règlement|conclusions?|avis|décret|circulaire|programme)\s+(?:(?:số|no\.?|number|n°|no|nº|n\.)\s*)?({number})"
        );
        (
            Regex::new(&named).expect("reference pattern"),
            Regex::new(&format!(r"(?:^|[^\w/])({number})")).expect("number pattern"),
        )
    })
}

/// Every reference in the text, named ones first; a bare number inside a named reference is
/// not found twice.
pub fn find(text: &str) -> Vec<Found> {
    let (named, bare) = patterns();
    let mut found: Vec<Found> = Vec::new();
    for captures in named.captures_iter(text) {
        let whole = captures.get(0).expect("match");
        let number = captures.get(1).expect("number");
        if let Some(fact_end) = reference(text, number.as_str(), number.end()) {
            found.push(Found {
                start: whole.start(),
                end: fact_end.1,
                fact: fact_end.0,
            });
        }
    }
    let mut claimed = crate::Claimed::default();
    for f in &found {
        claimed.claim(f.start, f.end);
    }
    for captures in bare.captures_iter(text) {
        let number = captures.get(1).expect("number");
        if !claimed.is_free(number.start(), number.end()) {
            continue;
        }
        if let Some((fact, end)) = reference(text, number.as_str(), number.end()) {
            claimed.claim(number.start(), end);
            found.push(Found {
                start: number.start(),
                end,
                fact,
            });
        }
    }
    found
}

/// The fact of a reference whose number ends at byte `end`, and where the reference ends:
/// after "ngày 25/1/2022" / "dated January 25, 2022" / "du 25 janvier 2022" when it follows.
fn reference(text: &str, number: &str, end: usize) -> Option<(Fact, usize)> {
    let parsed = DocumentNumber::parse(number).ok()?;
    let (issued_on, end) = match date_after(text, end) {
        Some((date, date_end)) => (Some(date), date_end),
        None => (None, end),
    };
    Some((
        Fact::Document {
            number: parsed.to_string(),
            doc_type: parsed.doc_type().code().to_owned(),
            issuer: parsed.issuer().to_owned(),
            issued_on,
        },
        end,
    ))
}

/// A full date of issue introduced right after a number.
fn date_after(text: &str, at: usize) -> Option<(String, usize)> {
    let rest = &text[at..];
    // The date of issue is on the same line: a heading's number is not dated by the next
    // paragraph's first words.
    let rest_of_line = rest.trim_start_matches([' ', '\u{a0}', '\t']);
    let skipped = rest.len() - rest_of_line.len();
    let rest = rest_of_line;
    let lower: String = rest.chars().take(10).collect::<String>().to_lowercase();
    let word = ["ngày ", "dated ", "of ", "du ", "issued on ", "on "]
        .into_iter()
        .find(|w| lower.starts_with(w))?;
    let date_start = at + skipped + word.len();
    let (year, month, day, date_end) = date_at(text, date_start)?;
    let year = year?;
    Some((format!("{year:04}-{month:02}-{day:02}"), date_end))
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn references_are_read_in_every_spelling() {
        assert_eq!(
            documents("thực hiện Nghị quyết số 21/NQ-TU ngày 25/1/2022 của Ban Chấp hành"),
            [(
                "Nghị quyết số 21/NQ-TU ngày 25/1/2022".to_owned(),
                "21-NQ/TU".to_owned(),
                Some("2022-01-25".to_owned())
            )]
        );
        assert_eq!(
            documents("according to Regulation No. 96-QD/TW of the Politburo")[0].1,
            "96-QĐ/TW"
        );
        assert_eq!(
            documents("la résolution n° 21/NQ-TU du 25 janvier 2022")[0],
            (
                "résolution n° 21/NQ-TU du 25 janvier 2022".to_owned(),
                "21-NQ/TU".to_owned(),
                Some("2022-01-25".to_owned())
            )
        );
        assert_eq!(
            documents("Quyết định 123/QĐ-UBND và Nghị định 30/2020/NĐ-CP"),
            [
                (
                    "Quyết định 123/QĐ-UBND".to_owned(),
                    "123/QĐ-UBND".to_owned(),
                    None
                ),
                (
                    "Nghị định 30/2020/NĐ-CP".to_owned(),
                    "30/2020/NĐ-CP".to_owned(),
                    None
                )
            ]
        );
        assert_eq!(
            documents("theo 21-NQ/TU, tăng 15/15"),
            [("21-NQ/TU".to_owned(), "21-NQ/TU".to_owned(), None)]
        );
    }
}
