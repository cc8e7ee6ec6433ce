//! Periods and dates as people write them, in Vietnamese, English and French: `12/2026`,
//! `tháng 12/2026`, `T4 2026`, `quý IV/2026`, `6 tháng đầu năm 2026`, `9 tháng năm 2026`,
//! `Q4 2026`, `December 2026`, `first half of 2026`, `1er semestre 2026`; dates `20/12/2026`,
//! `20.12.2026`, `ngày 20 tháng 12 năm 2026`, `20 December 2026`. The canonical codes
//! (`2026-Q4`) are read too. Case, diacritics and spacing do not matter.
//!
//! The words are reduced to a shape (one letter a token: `t` the word "month", `q` quarter,
//! `h` half, `f` first, `l` last, `M` a month's name, `N` a small number, `Y` a year) and the
//! shape decides the period, so that each way of writing one is one line below.

use crate::period::{Month, Period, PeriodError};
use crate::text::fold;

/// The period `text` names, in any of the ways people write one.
pub fn read_period(text: &str) -> Result<Period, PeriodError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(PeriodError::Empty);
    }
    if let Ok(period) = trimmed.parse::<Period>() {
        return Ok(period);
    }
    let unrecognised = || PeriodError::Unrecognised(trimmed.to_owned());
    let (shape, numbers) = shape_of(trimmed).ok_or_else(unrecognised)?;
    let n = |i: usize| numbers.get(i).copied().unwrap_or(0);
    let year = |i: usize| i32::try_from(n(i)).map_err(|_| PeriodError::YearOutOfRange(n(i).into()));
    let month = |y: i32, m: u32| month_of(y, m);
    match shape.as_str() {
        "Y" => Period::year(year(0)?),
        "YY" => Period::term(year(0)?, year(1)?),
        "NY" | "tNY" | "MY" => Ok(Period::month(month(year(1)?, n(0))?)),
        "YN" | "YtN" | "YM" => Ok(Period::month(month(year(0)?, n(1))?)),
        "MMY" | "tNNY" => months(month(year(2)?, n(0))?, month(year(2)?, n(1))?),
        "qNY" | "NqY" => quarter(year(1)?, n(0)),
        "YqN" => quarter(year(0)?, n(1)),
        "fqY" => quarter(year(0)?, 1),
        "hNY" | "NhY" => half(year(1)?, n(0)),
        "YhN" => half(year(0)?, n(1)),
        "fhY" => half(year(0)?, 1),
        "lhY" => half(year(0)?, 2),
        "NtY" | "NtfY" | "fNtY" | "NftY" => first_months(year(1)?, n(0)),
        "NtlY" | "lNtY" | "NltY" => last_months(year(1)?, n(0)),
        _ => Err(unrecognised()),
    }
}

/// A civil date as people write it: `20/12/2026`, `20-12-2026`, `20.12.2026`, `2026-12-20`,
/// `ngày 20 tháng 12 năm 2026`, `20 December 2026`, `December 20, 2026`, `20 déc. 2026`.
pub fn read_date(text: &str) -> Result<time::Date, DateError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(DateError::Empty);
    }
    let bad = || DateError::Unrecognised(trimmed.to_owned());
    let (shape, numbers) = shape_of(trimmed).ok_or_else(bad)?;
    let n = |i: usize| numbers.get(i).copied().unwrap_or(0);
    let (year, month, day) = match shape.as_str() {
        // The ISO order is the only one that starts with the year.
        "YNN" => (n(0), n(1), n(2)),
        "NNY" | "NMY" | "NtNY" => (n(2), n(1), n(0)),
        "MNY" => (n(2), n(0), n(1)),
        _ => return Err(bad()),
    };
    // A year written with leading zeros (0012) is no year anyone means.
    let year = i32::try_from(year)
        .ok()
        .filter(|y| (1000..=9999).contains(y))
        .ok_or_else(bad)?;
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .ok_or(DateError::NoSuchMonth(month))?;
    let day = u8::try_from(day).map_err(|_| DateError::NoSuchDay(trimmed.to_owned()))?;
    time::Date::from_calendar_date(year, month, day)
        .map_err(|_| DateError::NoSuchDay(trimmed.to_owned()))
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("no date given: write the day, month and year (20/12/2026)")]
    Empty,
    #[error("\"{0}\" is not a date: write the day, month and year (20/12/2026)")]
    Unrecognised(String),
    #[error("month {0} does not exist: months run from 1 to 12")]
    NoSuchMonth(u32),
    #[error("\"{0}\" is not a day of its month")]
    NoSuchDay(String),
}

fn month_of(year: i32, month: u32) -> Result<Month, PeriodError> {
    let m = u8::try_from(month)
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or(PeriodError::BadMonth(month))?;
    Month::new(year, m).ok_or(PeriodError::YearOutOfRange(year.into()))
}

fn months(first: Month, last: Month) -> Result<Period, PeriodError> {
    if last < first {
        return Err(PeriodError::BackwardsMonths(first, last));
    }
    Period::from_range(first, last)
}

fn quarter(year: i32, q: u32) -> Result<Period, PeriodError> {
    Period::quarter(
        year,
        u8::try_from(q).map_err(|_| PeriodError::BadQuarter(q))?,
    )
}

fn half(year: i32, h: u32) -> Result<Period, PeriodError> {
    Period::half(year, u8::try_from(h).map_err(|_| PeriodError::BadHalf(h))?)
}

fn first_months(year: i32, count: u32) -> Result<Period, PeriodError> {
    Ok(Period::year_to_date(month_of(year, count)?))
}

fn last_months(year: i32, count: u32) -> Result<Period, PeriodError> {
    let count = (1..=12)
        .contains(&count)
        .then_some(count)
        .ok_or(PeriodError::BadMonth(count))?;
    months(month_of(year, 13 - count)?, month_of(year, 12)?)
}

/// The shape of `text` and its numbers in order (a month's name counts as its number), or
/// `None` when a word is not one periods and dates are written with.
fn shape_of(text: &str) -> Option<(String, Vec<u32>)> {
    let mut shape = String::new();
    let mut numbers = Vec::new();
    for token in tokens(text) {
        if token.bytes().all(|b| b.is_ascii_digit()) {
            // Leading zeros aside, a period or date has no number longer than a year.
            let digits = token.trim_start_matches('0');
            if digits.len() > 4 {
                return None;
            }
            let value: u32 = if digits.is_empty() {
                0
            } else {
                digits.parse().ok()?
            };
            shape.push(if token.len() == 4 { 'Y' } else { 'N' });
            numbers.push(value);
            continue;
        }
        match word(&token)? {
            Word::Filler => {}
            Word::Letter(c) => shape.push(c),
            Word::Number(value) => {
                shape.push('N');
                numbers.push(value);
            }
            Word::MonthName(value) => {
                shape.push('M');
                numbers.push(value);
            }
        }
        if shape.len() > 8 {
            return None;
        }
    }
    Some((shape, numbers))
}

enum Word {
    /// Words that carry nothing: "năm", "of", "de", ordinal endings.
    Filler,
    Letter(char),
    /// Roman numerals and ordinals (quý IV, second semestre).
    Number(u32),
    MonthName(u32),
}

const MONTH_NAMES: [&[&str]; 12] = [
    &["january", "jan", "janvier", "janv"],
    &["february", "feb", "fevrier", "fevr", "fev"],
    &["march", "mar", "mars"],
    &["april", "apr", "avril", "avr"],
    &["may", "mai"],
    &["june", "jun", "juin"],
    &["july", "jul", "juillet", "juil"],
    &["august", "aug", "aout"],
    &["september", "sep", "sept", "septembre"],
    &["october", "oct", "octobre"],
    &["november", "nov", "novembre"],
    &["december", "dec", "decembre"],
];

fn word(token: &str) -> Option<Word> {
    if let Some(i) = MONTH_NAMES.iter().position(|names| names.contains(&token)) {
        return u32::try_from(i + 1).ok().map(Word::MonthName);
    }
    Some(match token {
        "nam" | "year" | "annee" | "an" | "of" | "the" | "in" | "de" | "du" | "d" | "en"
        | "giai" | "doan" | "period" | "periode" | "nhiem" | "ky" | "term" | "mandat" | "ngay"
        | "day" | "le" | "er" | "re" | "e" | "eme" | "st" | "nd" | "rd" | "th" => Word::Filler,
        "thang" | "t" | "month" | "months" | "mois" => Word::Letter('t'),
        "quy" | "q" | "quarter" | "trimestre" => Word::Letter('q'),
        "h" | "s" | "half" | "semestre" => Word::Letter('h'),
        "dau" | "first" | "premiers" | "premieres" => Word::Letter('f'),
        "cuoi" | "last" | "derniers" | "dernieres" => Word::Letter('l'),
        "i" | "premier" | "premiere" => Word::Number(1),
        "ii" | "second" | "seconde" | "deuxieme" => Word::Number(2),
        "iii" | "third" | "troisieme" => Word::Number(3),
        "iv" | "fourth" | "quatrieme" => Word::Number(4),
        _ => return None,
    })
}

/// The words and numbers of `text`, folded, with letters and digits written together split
/// apart (`T12` is "t" and "12", `1er` is "1" and "er").
fn tokens(text: &str) -> Vec<String> {
    // Superscript ordinal endings (1ᵉʳ) do not decompose to letters.
    let text: String = text
        .chars()
        .map(|c| match c {
            'ᵉ' => 'e',
            'ʳ' => 'r',
            'ᵈ' => 'd',
            other => other,
        })
        .collect();
    let folded = fold(&text);
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut digits = false;
    for c in folded.chars() {
        let is_digit = c.is_ascii_digit();
        if !(is_digit || c.is_alphabetic()) {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() && is_digit != digits {
            out.push(std::mem::take(&mut current));
        }
        digits = is_digit;
        current.push(c);
        if out.len() > 16 || current.len() > 16 {
            // No period or date is written with this much; stop reading.
            out.push(std::mem::take(&mut current));
            out.push("\u{0}".into());
            return out;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn code(text: &str) -> String {
        read_period(text)
            .map(|p| p.to_string())
            .unwrap_or_else(|e| format!("error: {e:?}"))
    }

    #[test]
    fn reads_periods_as_people_write_them() {
        for (text, expected) in [
            ("12/2026", "2026-12"),
            ("tháng 12/2026", "2026-12"),
            ("Tháng 12 năm 2026", "2026-12"),
            ("T12/2026", "2026-12"),
            ("T4 2026", "2026-04"),
            ("t4/2026", "2026-04"),
            ("12-2026", "2026-12"),
            ("quý IV/2026", "2026-Q4"),
            ("Quy iv/2026", "2026-Q4"),
            ("quý 4 năm 2026", "2026-Q4"),
            ("6 tháng đầu năm 2026", "2026-H1"),
            ("6 thang dau nam 2026", "2026-H1"),
            ("6 tháng cuối năm 2026", "2026-H2"),
            ("9 tháng năm 2026", "2026-YTD09"),
            ("9 tháng đầu năm 2026", "2026-YTD09"),
            ("năm 2026", "2026"),
            ("Năm 2026", "2026"),
            ("2026", "2026"),
            ("Q4 2026", "2026-Q4"),
            ("2026-Q4", "2026-Q4"),
            ("2026 Q4", "2026-Q4"),
            ("December 2026", "2026-12"),
            ("Dec 2026", "2026-12"),
            ("first half of 2026", "2026-H1"),
            ("second half of 2026", "2026-H2"),
            ("9 months of 2026", "2026-YTD09"),
            ("First 5 months of 2023", "2023-YTD05"),
            ("January–September 2026", "2026-YTD09"),
            ("April–May 2023", "2023-04..05"),
            ("décembre 2026", "2026-12"),
            ("DECEMBRE 2026", "2026-12"),
            ("déc. 2026", "2026-12"),
            ("1er semestre 2026", "2026-H1"),
            ("Second semestre 2023", "2023-H2"),
            ("1ᵉʳ trimestre 2023", "2023-Q1"),
            ("3e trimestre 2023", "2023-Q3"),
            ("5 premiers mois de 2023", "2023-YTD05"),
            ("avril–mai 2023", "2023-04..05"),
            ("Tháng 4–5/2023", "2023-04..05"),
            ("Giai đoạn 2021–2025", "2021-2025"),
            ("2021–2025", "2021-2025"),
            ("2023-YTD05", "2023-YTD05"),
            ("H1 2026", "2026-H1"),
        ] {
            assert_eq!(code(text), expected, "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_period_with_a_reason() {
        assert_eq!(read_period("  "), Err(PeriodError::Empty));
        assert_eq!(read_period("13/2026"), Err(PeriodError::BadMonth(13)));
        assert_eq!(read_period("quý 5/2026"), Err(PeriodError::BadQuarter(5)));
        assert_eq!(read_period("1990"), Err(PeriodError::YearOutOfRange(1990)));
        for text in [
            "tháng 12",
            "sometime",
            "20/12/2026",
            "12/2026/2027",
            "99999 2026",
        ] {
            assert!(
                matches!(read_period(text), Err(PeriodError::Unrecognised(_))),
                "{text}"
            );
        }
    }

    #[test]
    fn reads_dates_as_people_write_them() {
        let d = time::macros::date!(2026 - 12 - 20);
        for text in [
            "20/12/2026",
            "20-12-2026",
            "20.12.2026",
            "2026-12-20",
            "ngày 20 tháng 12 năm 2026",
            "Ngay 20 thang 12 nam 2026",
            "20 December 2026",
            "December 20, 2026",
            "20 déc. 2026",
            "le 20 décembre 2026",
        ] {
            assert_eq!(read_date(text), Ok(d), "{text}");
        }
        assert_eq!(
            read_date("1/2/2026"),
            Ok(time::macros::date!(2026 - 02 - 01))
        );
        assert_eq!(read_date(""), Err(DateError::Empty));
        assert_eq!(read_date("20/13/2026"), Err(DateError::NoSuchMonth(13)));
        assert!(matches!(
            read_date("31/2/2026"),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(
            read_date("12/2026"),
            Err(DateError::Unrecognised(_))
        ));
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,40}") {
            let _ = read_period(&text);
            let _ = read_date(&text);
        }

        #[test]
        fn dates_written_day_first_read_back(y in 2000i32..2100, m in 1u8..=12, d in 1u8..=28, sep in "[/.-]") {
            let date = time::Date::from_calendar_date(y, time::Month::try_from(m).expect("m"), d).expect("date");
            let written = format!("{d:02}{sep}{m:02}{sep}{y}");
            prop_assert_eq!(read_date(&written), Ok(date));
        }
    }
}
