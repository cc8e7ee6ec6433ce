//! Reporting periods (*kỳ báo cáo*) as ranges of months.
//!
//! A month is a small integer (months since January 2000); every other period is a
//! contiguous range of months, so "same period last year" is a shift of −12 and cumulation
//! is a range that starts in January. Two spellings of one range are one period: the first
//! three months of 2023 *are* the first quarter of 2023.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The first year a period may fall in (month index 0 is January of this year).
pub const FIRST_YEAR: i32 = 2000;
/// The last year a period may fall in.
pub const LAST_YEAR: i32 = 2199;

/// One calendar month, counted from January 2000.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Month(u16);

impl Month {
    /// The month of `year` numbered `month` (1–12), if it lies in the supported years.
    pub fn new(year: i32, month: u8) -> Option<Month> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        let index = (year - FIRST_YEAR) * 12 + i32::from(month) - 1;
        u16::try_from(index).ok().map(Month)
    }

    /// The month with this index, if it lies in the supported years.
    pub fn from_index(index: u16) -> Option<Month> {
        (i32::from(index) < (LAST_YEAR - FIRST_YEAR + 1) * 12).then_some(Month(index))
    }

    pub fn index(self) -> u16 {
        self.0
    }

    pub fn year(self) -> i32 {
        FIRST_YEAR + i32::from(self.0 / 12)
    }

    /// 1 for January … 12 for December.
    pub fn month_of_year(self) -> u8 {
        // The remainder is below 12, so the cast cannot truncate.
        (self.0 % 12) as u8 + 1
    }

    /// The month `delta` months later (earlier when negative), if still supported.
    /// The month's first day.
    pub fn first_day(self) -> Option<time::Date> {
        let month = time::Month::try_from(self.month_of_year()).ok()?;
        time::Date::from_calendar_date(self.year(), month, 1).ok()
    }

    pub fn shifted(self, delta: i32) -> Option<Month> {
        let index = i32::from(self.0) + delta;
        u16::try_from(index).ok().and_then(Month::from_index)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month_of_year())
    }
}

/// How a period is named: derived from its range, never stored beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Month,
    /// *Quý* I–IV.
    Quarter,
    /// *6 tháng đầu năm* / *6 tháng cuối năm*.
    Half,
    Year,
    /// *N tháng đầu năm*: January to month N, for N not already a quarter, half or year.
    FirstMonths,
    /// Any other run of months within one year (April–May: how far a second-quarter figure
    /// has got by May).
    Months,
    /// *Nhiệm kỳ*, or any run of whole years (2021–2025).
    Term,
}

/// A reporting period: a contiguous range of months of a recognised shape.
///
/// Invariant: `start <= end`, and the range lies within one year or is a run of whole years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    start: Month,
    end: Month,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error(
        "empty period: write a month (2023-05), a quarter (2023-Q2), a half (2023-H1), a year (2023), the first N months (2023-YTD05), months of a year (2023-04..05) or a term (2021-2025)"
    )]
    Empty,
    #[error(
        "\"{0}\" is not a period: write a month (2023-05), a quarter (2023-Q2), a half (2023-H1), a year (2023), the first N months (2023-YTD05), months of a year (2023-04..05) or a term (2021-2025)"
    )]
    Unrecognised(String),
    #[error("year {0} is outside the supported years {FIRST_YEAR}–{LAST_YEAR}")]
    YearOutOfRange(i64),
    #[error("month {0} does not exist: months run from 1 to 12")]
    BadMonth(u32),
    #[error("quarter {0} does not exist: quarters run from 1 to 4")]
    BadQuarter(u32),
    #[error("half {0} does not exist: halves are 1 and 2")]
    BadHalf(u32),
    #[error("term {0}–{1} ends before it starts")]
    BackwardsTerm(i64, i64),
    #[error("months {0} to {1} end before they start")]
    BackwardsMonths(Month, Month),
    #[error(
        "months {0} to {1} do not form a period: a period is one month, months of one year, or whole years"
    )]
    UnsupportedRange(Month, Month),
}

impl Period {
    /// The period covering months `start..=end`, if that range has a recognised shape.
    pub fn from_range(start: Month, end: Month) -> Result<Period, PeriodError> {
        let period = Period { start, end };
        if start <= end && period.classify().is_some() {
            Ok(period)
        } else {
            Err(PeriodError::UnsupportedRange(start, end))
        }
    }

    pub fn month(month: Month) -> Period {
        Period {
            start: month,
            end: month,
        }
    }

    pub fn year(year: i32) -> Result<Period, PeriodError> {
        let start = Month::new(year, 1).ok_or(PeriodError::YearOutOfRange(year.into()))?;
        let end = Month::new(year, 12).ok_or(PeriodError::YearOutOfRange(year.into()))?;
        Ok(Period { start, end })
    }

    pub fn quarter(year: i32, quarter: u8) -> Result<Period, PeriodError> {
        if !(1..=4).contains(&quarter) {
            return Err(PeriodError::BadQuarter(quarter.into()));
        }
        let start =
            Month::new(year, quarter * 3 - 2).ok_or(PeriodError::YearOutOfRange(year.into()))?;
        Ok(Period {
            start,
            end: Month(start.0 + 2),
        })
    }

    pub fn half(year: i32, half: u8) -> Result<Period, PeriodError> {
        if !(1..=2).contains(&half) {
            return Err(PeriodError::BadHalf(half.into()));
        }
        let start =
            Month::new(year, half * 6 - 5).ok_or(PeriodError::YearOutOfRange(year.into()))?;
        Ok(Period {
            start,
            end: Month(start.0 + 5),
        })
    }

    /// January to `through` of its year: the cumulative figure "first N months" (*lũy kế*).
    pub fn year_to_date(through: Month) -> Period {
        Period {
            start: Month(through.0 - (through.0 % 12)),
            end: through,
        }
    }

    pub fn term(first_year: i32, last_year: i32) -> Result<Period, PeriodError> {
        if last_year < first_year {
            return Err(PeriodError::BackwardsTerm(
                first_year.into(),
                last_year.into(),
            ));
        }
        let start =
            Month::new(first_year, 1).ok_or(PeriodError::YearOutOfRange(first_year.into()))?;
        let end = Month::new(last_year, 12).ok_or(PeriodError::YearOutOfRange(last_year.into()))?;
        Ok(Period { start, end })
    }

    /// The period's last day.
    pub fn last_day(self) -> Option<time::Date> {
        self.end().shifted(1)?.first_day()?.previous_day()
    }

    pub fn start(self) -> Month {
        self.start
    }

    pub fn end(self) -> Month {
        self.end
    }

    pub fn month_count(self) -> u16 {
        self.end.0 - self.start.0 + 1
    }

    pub fn months(self) -> impl DoubleEndedIterator<Item = Month> + Clone {
        (self.start.0..=self.end.0).map(Month)
    }

    pub fn contains(self, month: Month) -> bool {
        self.start <= month && month <= self.end
    }

    /// Whether every month of `other` lies in this period.
    pub fn covers(self, other: Period) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn kind(self) -> PeriodKind {
        // Construction guarantees a recognised shape; Term is the widest shape left.
        self.classify().unwrap_or(PeriodKind::Term)
    }

    fn classify(self) -> Option<PeriodKind> {
        let first = self.start.month_of_year();
        let last = self.end.month_of_year();
        let same_year = self.start.year() == self.end.year();
        let count = self.month_count();
        Some(match (same_year, first, last, count) {
            (true, _, _, 1) => PeriodKind::Month,
            (true, 1, 12, _) => PeriodKind::Year,
            (true, 1 | 7, _, 6) => PeriodKind::Half,
            (true, 1 | 4 | 7 | 10, _, 3) => PeriodKind::Quarter,
            (true, 1, _, _) => PeriodKind::FirstMonths,
            (true, _, _, _) => PeriodKind::Months,
            (false, 1, 12, _) => PeriodKind::Term,
            _ => return None,
        })
    }

    /// The same span one year earlier (*cùng kỳ năm trước*), if still supported.
    pub fn same_period_last_year(self) -> Option<Period> {
        self.shifted_years(-1)
    }

    /// The same span `years` years later (earlier when negative), if still supported.
    pub fn shifted_years(self, years: i32) -> Option<Period> {
        let delta = years.checked_mul(12)?;
        Some(Period {
            start: self.start.shifted(delta)?,
            end: self.end.shifted(delta)?,
        })
    }

    /// The canonical code of this period, as used in CSV files, URLs and the API.
    pub fn code(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let year = self.start.year();
        match self.kind() {
            PeriodKind::Month => write!(f, "{}", self.start),
            PeriodKind::Quarter => write!(f, "{year}-Q{}", self.start.month_of_year().div_ceil(3)),
            PeriodKind::Half => write!(f, "{year}-H{}", self.start.month_of_year().div_ceil(6)),
            PeriodKind::Year => write!(f, "{year}"),
            PeriodKind::FirstMonths => write!(f, "{year}-YTD{:02}", self.end.month_of_year()),
            PeriodKind::Months => write!(
                f,
                "{year}-{:02}..{:02}",
                self.start.month_of_year(),
                self.end.month_of_year()
            ),
            PeriodKind::Term => write!(f, "{year}-{}", self.end.year()),
        }
    }
}

impl FromStr for Period {
    type Err = PeriodError;

    /// Reads the canonical codes: `2023-05`, `2023-Q2`, `2023-H1`, `2023`, `2023-YTD05`,
    /// `2023-04..05`, `2021-2025`. Letters may be in either case and surrounding spaces are ignored.
    fn from_str(text: &str) -> Result<Period, PeriodError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(PeriodError::Empty);
        }
        let unrecognised = || PeriodError::Unrecognised(text.to_owned());
        let upper = text.to_ascii_uppercase();
        let (year_text, rest) = match upper.split_once('-') {
            Some((year, rest)) => (year, Some(rest)),
            None => (upper.as_str(), None),
        };
        let year = parse_year(year_text).ok_or_else(unrecognised)?;
        let Some(rest) = rest else {
            return Period::year(year);
        };
        let number = |digits: &str| -> Option<u32> {
            (!digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| digits.parse().ok())
                .flatten()
        };
        if let Some(q) = rest.strip_prefix('Q') {
            let q = number(q).ok_or_else(unrecognised)?;
            return Period::quarter(
                year,
                u8::try_from(q).map_err(|_| PeriodError::BadQuarter(q))?,
            );
        }
        if let Some(h) = rest.strip_prefix('H') {
            let h = number(h).ok_or_else(unrecognised)?;
            return Period::half(year, u8::try_from(h).map_err(|_| PeriodError::BadHalf(h))?);
        }
        if let Some(n) = rest.strip_prefix("YTD") {
            let n = number(n).ok_or_else(unrecognised)?;
            let month = month_of(year, n)?;
            return Ok(Period::year_to_date(month));
        }
        if let Some((first, last)) = rest.split_once("..") {
            let first = month_of(year, number(first).ok_or_else(unrecognised)?)?;
            let last = month_of(year, number(last).ok_or_else(unrecognised)?)?;
            if last < first {
                return Err(PeriodError::BackwardsMonths(first, last));
            }
            return Period::from_range(first, last);
        }
        if rest.len() == 4 {
            let last_year = parse_year(rest).ok_or_else(unrecognised)?;
            return Period::term(year, last_year);
        }
        let m = number(rest).ok_or_else(unrecognised)?;
        Ok(Period::month(month_of(year, m)?))
    }
}

fn parse_year(text: &str) -> Option<i32> {
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn month_of(year: i32, month: u32) -> Result<Month, PeriodError> {
    let m = u8::try_from(month)
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or(PeriodError::BadMonth(month))?;
    Month::new(year, m).ok_or(PeriodError::YearOutOfRange(year.into()))
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Period, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_ends_on_its_last_day() {
        let last = |code: &str| code.parse::<Period>().expect("period").last_day();
        assert_eq!(last("2023"), Some(time::macros::date!(2023 - 12 - 31)));
        assert_eq!(last("2023-02"), Some(time::macros::date!(2023 - 02 - 28)));
        assert_eq!(
            last("2024-YTD02"),
            Some(time::macros::date!(2024 - 02 - 29))
        );
        assert_eq!(last("2021-2025"), Some(time::macros::date!(2025 - 12 - 31)));
    }
    use proptest::prelude::*;

    fn p(text: &str) -> Period {
        text.parse().expect("valid period in test")
    }

    #[test]
    fn reads_every_canonical_shape() {
        for (text, kind, months) in [
            ("2023-05", PeriodKind::Month, 1),
            ("2023-Q2", PeriodKind::Quarter, 3),
            ("2023-H1", PeriodKind::Half, 6),
            ("2023", PeriodKind::Year, 12),
            ("2023-YTD05", PeriodKind::FirstMonths, 5),
            ("2023-04..05", PeriodKind::Months, 2),
            ("2023-07..11", PeriodKind::Months, 5),
            ("2021-2025", PeriodKind::Term, 60),
        ] {
            let period = p(text);
            assert_eq!(period.kind(), kind, "{text}");
            assert_eq!(period.month_count(), months, "{text}");
            assert_eq!(period.to_string(), text);
        }
    }

    #[test]
    fn one_range_has_one_name() {
        assert_eq!(p("2023-YTD03"), p("2023-Q1"));
        assert_eq!(p("2023-YTD03").to_string(), "2023-Q1");
        assert_eq!(p("2023-YTD06").to_string(), "2023-H1");
        assert_eq!(p("2023-YTD12").to_string(), "2023");
        assert_eq!(p("2023-YTD01").to_string(), "2023-01");
        assert_eq!(p(" 2023-q4 ").to_string(), "2023-Q4");
        assert_eq!(p("2023-04..06").to_string(), "2023-Q2");
        assert_eq!(p("2023-01..05").to_string(), "2023-YTD05");
        assert_eq!(p("2023-07..12").to_string(), "2023-H2");
        assert_eq!(p("2023-05..05").to_string(), "2023-05");
    }

    #[test]
    fn five_months_of_2023_is_january_to_may() {
        let period = p("2023-YTD05");
        assert_eq!(period.start().to_string(), "2023-01");
        assert_eq!(period.end().to_string(), "2023-05");
        assert_eq!(
            period.same_period_last_year().map(|p| p.to_string()),
            Some("2022-YTD05".into())
        );
    }

    #[test]
    fn rejects_malformed_periods_with_reasons() {
        assert_eq!("".parse::<Period>(), Err(PeriodError::Empty));
        assert_eq!("2023-13".parse::<Period>(), Err(PeriodError::BadMonth(13)));
        assert_eq!("2023-Q5".parse::<Period>(), Err(PeriodError::BadQuarter(5)));
        assert_eq!("2023-H3".parse::<Period>(), Err(PeriodError::BadHalf(3)));
        assert_eq!(
            "1999".parse::<Period>(),
            Err(PeriodError::YearOutOfRange(1999))
        );
        assert_eq!(
            "2025-2021".parse::<Period>(),
            Err(PeriodError::BackwardsTerm(2025, 2021))
        );
        assert!(matches!(
            "May 2023".parse::<Period>(),
            Err(PeriodError::Unrecognised(_))
        ));
        assert!(matches!(
            "2023-".parse::<Period>(),
            Err(PeriodError::Unrecognised(_))
        ));
        assert!(matches!(
            "2023-Q".parse::<Period>(),
            Err(PeriodError::Unrecognised(_))
        ));
        assert!(matches!(
            "2023-05..04".parse::<Period>(),
            Err(PeriodError::BackwardsMonths(..))
        ));
        assert!(matches!(
            "2023-04..13".parse::<Period>(),
            Err(PeriodError::BadMonth(13))
        ));
        // Across a year's end, only whole years make a period.
        let (a, b) = (
            Month::new(2022, 11).expect("m"),
            Month::new(2023, 2).expect("m"),
        );
        assert!(matches!(
            Period::from_range(a, b),
            Err(PeriodError::UnsupportedRange(..))
        ));
    }

    #[test]
    fn the_first_month_has_no_same_period() {
        assert_eq!(p("2000-03").same_period_last_year(), None);
    }

    fn any_period() -> impl Strategy<Value = Period> {
        let year = FIRST_YEAR..=LAST_YEAR;
        prop_oneof![
            (year.clone(), 1u8..=12).prop_map(|(y, m)| Period::month(Month::new(y, m).expect("m"))),
            (year.clone(), 1u8..=4).prop_map(|(y, q)| Period::quarter(y, q).expect("q")),
            (year.clone(), 1u8..=2).prop_map(|(y, h)| Period::half(y, h).expect("h")),
            year.clone().prop_map(|y| Period::year(y).expect("y")),
            (year.clone(), 1u8..=12)
                .prop_map(|(y, m)| Period::year_to_date(Month::new(y, m).expect("m"))),
            (year.clone(), 1u8..=12, 1u8..=12).prop_map(|(y, a, b)| {
                let (a, b) = (a.min(b), a.max(b));
                Period::from_range(Month::new(y, a).expect("m"), Month::new(y, b).expect("m"))
                    .expect("within a year")
            }),
            (year, 0i32..10).prop_filter_map("term inside range", |(y, len)| Period::term(
                y,
                y + len
            )
            .ok()),
        ]
    }

    proptest! {
        #[test]
        fn code_round_trips(period in any_period()) {
            prop_assert_eq!(period.to_string().parse::<Period>(), Ok(period));
        }

        #[test]
        fn same_period_keeps_shape_and_goes_back_twelve_months(period in any_period()) {
            if let Some(last) = period.same_period_last_year() {
                prop_assert_eq!(last.kind(), period.kind());
                prop_assert_eq!(last.month_count(), period.month_count());
                prop_assert_eq!(i32::from(period.start().index()) - i32::from(last.start().index()), 12);
                prop_assert_eq!(last.shifted_years(1), Some(period));
            } else {
                prop_assert_eq!(period.start().year(), FIRST_YEAR);
            }
        }

        #[test]
        fn cumulation_runs_from_january_and_partitions_into_months(year in FIRST_YEAR..=LAST_YEAR, m in 1u8..=12) {
            let month = Month::new(year, m).expect("m");
            let ytd = Period::year_to_date(month);
            prop_assert_eq!(ytd.start().month_of_year(), 1);
            prop_assert_eq!(ytd.end(), month);
            prop_assert_eq!(ytd.month_count(), u16::from(m));
            prop_assert!(ytd.months().all(|x| x.year() == year && ytd.contains(x)));
            // Extending by one month within the year adds exactly that month.
            if let Some(next) = month.shifted(1).filter(|n| n.year() == year) {
                let bigger = Period::year_to_date(next);
                prop_assert!(bigger.covers(ytd));
                prop_assert_eq!(bigger.month_count(), ytd.month_count() + 1);
            }
        }

        #[test]
        fn parser_never_panics(text in "\\PC{0,16}") {
            let _ = text.parse::<Period>();
        }

        #[test]
        fn parser_never_panics_on_near_misses(text in "[0-9]{1,5}(-[QqHhYTD0-9.]{0,7})?") {
            let _ = text.parse::<Period>();
        }
    }
}
