//! Reporting regimes (*chế độ báo cáo*): who reports which indicators, how often, over which
//! data closing window, and by when.
//!
//! The closing windows are those of Decree 09/2019/NĐ-CP art. 12, which ministries and provinces
//! copy into their own rules: a month closes on its 14th and opens on the 15th of the month
//! before; a quarter, a half and a year close on the 14th of their last month and open on the
//! 15th of the month before their first. The deadline is the regime's own: a number of days
//! after closing, kept as the date it falls on (a Saturday stays a Saturday; the regime says
//! what it says, and offices move nothing without a new document).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::engine::Engine;
use crate::org::UnitKind;
use crate::period::{Month, Period, PeriodKind};
use crate::text::Translations;
use crate::{DocumentId, IndicatorId, UnitId};

/// The day of the month a window closes on; the next day opens the next window.
pub const CLOSING_DAY: u8 = 14;

/// How often a regime asks for a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Monthly,
    Quarterly,
    SixMonthly,
    Yearly,
}

impl Frequency {
    pub const ALL: [Frequency; 4] = [
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::SixMonthly,
        Frequency::Yearly,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::SixMonthly => "six_monthly",
            Frequency::Yearly => "yearly",
        }
    }

    pub fn parse(text: &str) -> Option<Frequency> {
        Frequency::ALL
            .into_iter()
            .find(|f| f.as_str() == text.trim())
    }

    /// The kind of period one report of this frequency covers.
    pub fn period_kind(self) -> PeriodKind {
        match self {
            Frequency::Monthly => PeriodKind::Month,
            Frequency::Quarterly => PeriodKind::Quarter,
            Frequency::SixMonthly => PeriodKind::Half,
            Frequency::Yearly => PeriodKind::Year,
        }
    }

    fn months(self) -> u16 {
        match self {
            Frequency::Monthly => 1,
            Frequency::Quarterly => 3,
            Frequency::SixMonthly => 6,
            Frequency::Yearly => 12,
        }
    }

    /// The reporting period of this frequency that contains `month`.
    pub fn period_of_month(self, month: Month) -> Option<Period> {
        let size = self.months();
        let start_index = month.index() - (month.index() % 12) % size;
        let start = Month::from_index(start_index)?;
        let end = start.shifted(i32::from(size) - 1)?;
        Period::from_range(start, end).ok()
    }

    /// The reporting periods of this frequency in `year`, in order.
    pub fn periods_in_year(self, year: i32) -> Vec<Period> {
        let Some(january) = Month::new(year, 1) else {
            return Vec::new();
        };
        (0..12 / self.months())
            .filter_map(|i| january.shifted(i32::from(i * self.months())))
            .filter_map(|m| self.period_of_month(m))
            .collect()
    }

    /// The period whose closing window holds `date`: the 15th and after belong to the next
    /// month's window.
    pub fn period_closing_on(self, date: time::Date) -> Option<Period> {
        let month = Month::new(date.year(), u8::from(date.month()))?;
        let month = if date.day() > CLOSING_DAY {
            month.shifted(1)?
        } else {
            month
        };
        self.period_of_month(month)
    }
}

/// The days whose data a report covers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosingWindow {
    pub first: time::Date,
    pub last: time::Date,
}

impl ClosingWindow {
    /// The default window (Decree 09/2019 art. 12) of a period: the 15th of the month before
    /// its first month to the 14th of its last month. `None` past the supported years.
    pub fn of(period: Period) -> Option<ClosingWindow> {
        let opens = period.start().shifted(-1)?.first_day()?;
        let closes = period.end().first_day()?;
        Some(ClosingWindow {
            first: opens.replace_day(CLOSING_DAY + 1).ok()?,
            last: closes.replace_day(CLOSING_DAY).ok()?,
        })
    }

    pub fn contains(self, date: time::Date) -> bool {
        self.first <= date && date <= self.last
    }
}

/// The stable code of a regime at every boundary (URL, API): `SCT-THANG`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RegimeCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a regime code: use 1 to 48 letters A–Z, digits, '_', '-' or '.'")]
pub struct BadRegimeCode(pub String);

impl RegimeCode {
    pub fn parse(text: &str) -> Result<RegimeCode, BadRegimeCode> {
        let code = text.trim();
        let ok = (1..=48).contains(&code.len())
            && code
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
        if ok {
            Ok(RegimeCode(code.to_ascii_uppercase()))
        } else {
            Err(BadRegimeCode(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for RegimeCode {
    type Error = BadRegimeCode;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        RegimeCode::parse(&value)
    }
}

impl From<RegimeCode> for String {
    fn from(code: RegimeCode) -> String {
        code.0
    }
}

impl fmt::Display for RegimeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who must report under a regime.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reporters {
    /// These units, named one by one.
    Units { units: Vec<UnitId> },
    /// Every unit of a kind in a unit's subtree (every department of a province), as the tree
    /// stands on the period's closing day, so a unit formed or ended since counts where it
    /// existed.
    KindUnder { kind: UnitKind, under: UnitId },
}

/// A reporting regime: a child of the document that set it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Regime {
    pub id: crate::RegimeId,
    pub code: RegimeCode,
    pub name: Translations,
    /// The document that set the regime (a decision of the People's Committee, a circular).
    pub document: DocumentId,
    pub indicators: Vec<IndicatorId>,
    pub reporters: Reporters,
    pub frequency: Frequency,
    /// The unit reports are sent to, whose office approves them.
    pub recipient: UnitId,
    /// Days after the closing day by which a report is due.
    pub deadline_days: u16,
    /// The last figure recorded before the regime was set. Figures up to it were published
    /// as recorded; the regime holds back only those recorded after it until approved.
    #[serde(default = "before_any", skip_serializing_if = "is_before_any")]
    pub holds_after: crate::ObservationId,
    pub provenance: crate::Provenance,
}

/// Regimes set before they said which figures they hold hold every figure.
fn before_any() -> crate::ObservationId {
    crate::ObservationId(0)
}

// serde passes a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_before_any(id: &crate::ObservationId) -> bool {
    *id == before_any()
}

impl Regime {
    /// Whether `period` is one of this regime's reporting periods.
    pub fn has_period(&self, period: Period) -> bool {
        period.kind() == self.frequency.period_kind()
    }

    /// The data closing window of one of its periods.
    pub fn window(&self, period: Period) -> Option<ClosingWindow> {
        self.has_period(period)
            .then(|| ClosingWindow::of(period))
            .flatten()
    }

    /// The last day a report for `period` is on time.
    pub fn deadline(&self, period: Period) -> Option<time::Date> {
        let window = self.window(period)?;
        window
            .last
            .checked_add(time::Duration::days(i64::from(self.deadline_days)))
    }

    /// The units that must report for `period`, in tree order: those named, or every unit of
    /// the kind in the subtree (one range of the depth-first numbering), that exist on the
    /// period's closing day.
    pub fn reporting_units(&self, engine: &Engine, period: Period) -> Vec<UnitId> {
        let Some(window) = ClosingWindow::of(period) else {
            return Vec::new();
        };
        let on = window.last;
        match &self.reporters {
            Reporters::Units { units } => {
                let mut units: Vec<UnitId> = units
                    .iter()
                    .copied()
                    .filter(|u| engine.unit(*u).is_some_and(|unit| unit.exists_on(on)))
                    .collect();
                units.sort_by_key(|u| engine.position(*u));
                units.dedup();
                units
            }
            Reporters::KindUnder { kind, under } => engine
                .subtree_units(*under)
                .filter(|unit| unit.kind == *kind && unit.exists_on(on))
                .map(|unit| unit.id)
                .collect(),
        }
    }

    /// Whether `unit` must report for `period`: [`Regime::reporting_units`] for one unit,
    /// without walking the subtree, as it is asked of every figure recorded.
    pub fn reports(&self, engine: &Engine, unit: UnitId, period: Period) -> bool {
        let Some(window) = ClosingWindow::of(period) else {
            return false;
        };
        let Some(found) = engine.unit(unit).filter(|u| u.exists_on(window.last)) else {
            return false;
        };
        match &self.reporters {
            Reporters::Units { units } => units.contains(&unit),
            Reporters::KindUnder { kind, under } => {
                found.kind == *kind && engine.is_within(unit, *under)
            }
        }
    }

    /// Every unit the regime names or reaches, whatever the date.
    pub fn units_referred(&self) -> Vec<UnitId> {
        let mut units = vec![self.recipient];
        match &self.reporters {
            Reporters::Units { units: list } => units.extend(list),
            Reporters::KindUnder { under, .. } => units.push(*under),
        }
        units
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn month(year: i32, m: u8) -> Period {
        Period::month(Month::new(year, m).expect("month"))
    }

    fn window(period: Period) -> (time::Date, time::Date) {
        let w = ClosingWindow::of(period).expect("window");
        (w.first, w.last)
    }

    #[test]
    fn monthly_windows_run_from_the_15th_to_the_14th() {
        assert_eq!(
            window(month(2024, 3)),
            (date!(2024 - 02 - 15), date!(2024 - 03 - 14))
        );
        // January's window opens in December of the year before.
        assert_eq!(
            window(month(2024, 1)),
            (date!(2023 - 12 - 15), date!(2024 - 01 - 14))
        );
        assert_eq!(
            window(month(2023, 12)),
            (date!(2023 - 11 - 15), date!(2023 - 12 - 14))
        );
    }

    #[test]
    fn quarter_half_and_year_windows_follow_article_12() {
        let q1 = Period::quarter(2024, 1).expect("q");
        assert_eq!(window(q1), (date!(2023 - 12 - 15), date!(2024 - 03 - 14)));
        let q3 = Period::quarter(2024, 3).expect("q");
        assert_eq!(window(q3), (date!(2024 - 06 - 15), date!(2024 - 09 - 14)));
        let h1 = Period::half(2024, 1).expect("h");
        assert_eq!(window(h1), (date!(2023 - 12 - 15), date!(2024 - 06 - 14)));
        let h2 = Period::half(2024, 2).expect("h");
        assert_eq!(window(h2), (date!(2024 - 06 - 15), date!(2024 - 12 - 14)));
        let year = Period::year(2024).expect("y");
        assert_eq!(window(year), (date!(2023 - 12 - 15), date!(2024 - 12 - 14)));
    }

    #[test]
    fn the_14th_closes_and_the_15th_opens() {
        let f = Frequency::Monthly;
        assert_eq!(
            f.period_closing_on(date!(2024 - 05 - 14)),
            Some(month(2024, 5))
        );
        assert_eq!(
            f.period_closing_on(date!(2024 - 05 - 15)),
            Some(month(2024, 6))
        );
        assert_eq!(
            f.period_closing_on(date!(2023 - 12 - 14)),
            Some(month(2023, 12))
        );
        assert_eq!(
            f.period_closing_on(date!(2023 - 12 - 15)),
            Some(month(2024, 1))
        );
        assert_eq!(
            f.period_closing_on(date!(2023 - 12 - 31)),
            Some(month(2024, 1))
        );
        let y = Frequency::Yearly;
        assert_eq!(
            y.period_closing_on(date!(2023 - 12 - 15)),
            Period::year(2024).ok()
        );
        assert_eq!(
            y.period_closing_on(date!(2023 - 12 - 14)),
            Period::year(2023).ok()
        );
        let q = Frequency::Quarterly;
        assert_eq!(
            q.period_closing_on(date!(2024 - 03 - 14)),
            Period::quarter(2024, 1).ok()
        );
        assert_eq!(
            q.period_closing_on(date!(2024 - 03 - 15)),
            Period::quarter(2024, 2).ok()
        );
    }

    #[test]
    fn leap_years_add_a_day_to_february_windows() {
        let (first, last) = window(month(2024, 3));
        // 15–29 February and 1–14 March: 29 days, both ends counted.
        assert_eq!((last - first).whole_days() + 1, 29);
        let (first, last) = window(month(2023, 3));
        assert_eq!((last - first).whole_days() + 1, 28);
        assert_eq!(
            Frequency::Monthly.period_closing_on(date!(2024 - 02 - 29)),
            Some(month(2024, 3))
        );
    }

    fn regime(frequency: Frequency, deadline_days: u16) -> Regime {
        Regime {
            id: crate::RegimeId(1),
            code: RegimeCode::parse("sct-thang").expect("code"),
            name: Translations::vi("Báo cáo tháng"),
            document: DocumentId(1),
            indicators: vec![IndicatorId(1)],
            reporters: Reporters::Units {
                units: vec![UnitId(2)],
            },
            frequency,
            recipient: UnitId(1),
            deadline_days,
            holds_after: crate::ObservationId(0),
            provenance: crate::Provenance {
                source: "test".into(),
                recorded_by: "test".into(),
                recorded_at: time::OffsetDateTime::UNIX_EPOCH,
            },
        }
    }

    #[test]
    fn deadlines_count_days_after_closing_and_stay_on_weekends() {
        let r = regime(Frequency::Monthly, 3);
        // 14 December 2024 + 3 = Tuesday 17 December.
        assert_eq!(r.deadline(month(2024, 12)), Some(date!(2024 - 12 - 17)));
        // 14 September 2024 + 0 is a Saturday, and stays one.
        let same_day = regime(Frequency::Monthly, 0);
        let deadline = same_day.deadline(month(2024, 9)).expect("deadline");
        assert_eq!(deadline, date!(2024 - 09 - 14));
        assert_eq!(deadline.weekday(), time::Weekday::Saturday);
        // A yearly report due 20 days after 14 December runs into the next year.
        let y = regime(Frequency::Yearly, 20);
        assert_eq!(
            y.deadline(Period::year(2024).expect("y")),
            Some(date!(2025 - 01 - 03))
        );
        // A period of another frequency has no deadline under this regime.
        assert_eq!(r.deadline(Period::quarter(2024, 1).expect("q")), None);
    }

    #[test]
    fn codes_are_checked() {
        assert_eq!(
            RegimeCode::parse(" sct-thang ").expect("ok").as_str(),
            "SCT-THANG"
        );
        assert!(RegimeCode::parse("").is_err());
        assert!(RegimeCode::parse("báo cáo").is_err());
    }

    #[test]
    fn periods_in_a_year_are_in_order() {
        let q: Vec<String> = Frequency::Quarterly
            .periods_in_year(2024)
            .iter()
            .map(|p| p.code())
            .collect();
        assert_eq!(q, ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]);
        assert_eq!(Frequency::Monthly.periods_in_year(2024).len(), 12);
        assert_eq!(Frequency::SixMonthly.periods_in_year(2024).len(), 2);
        assert_eq!(Frequency::Yearly.periods_in_year(2024).len(), 1);
    }

    fn unit(id: u32, code: &str, kind: UnitKind, parent: Option<u32>) -> crate::Record {
        crate::Record::Unit(crate::Unit {
            id: UnitId(id),
            code: crate::UnitCode::parse(code).expect("code"),
            kind,
            name: Translations::vi(code),
            parent: parent.map(UnitId),
            valid_from: None,
            valid_to: (code == "40-OLD").then_some(date!(2024 - 06 - 30)),
            provenance: regime(Frequency::Monthly, 0).provenance,
        })
    }

    #[test]
    fn every_department_under_a_province_reports_while_it_exists() {
        let engine = Engine::from_records([
            unit(1, "40", UnitKind::Locality, None),
            unit(2, "40-UBND", UnitKind::PeoplesCommittee, Some(1)),
            unit(3, "40-SCT", UnitKind::Department, Some(2)),
            unit(4, "40-OLD", UnitKind::Department, Some(2)),
            unit(5, "40-SYT", UnitKind::Department, Some(2)),
            unit(6, "42", UnitKind::Locality, None),
            unit(7, "42-SCT", UnitKind::Department, Some(6)),
        ])
        .expect("engine");
        let mut r = regime(Frequency::Monthly, 5);
        r.reporters = Reporters::KindUnder {
            kind: UnitKind::Department,
            under: UnitId(1),
        };
        assert_eq!(
            r.reporting_units(&engine, month(2024, 6)),
            [UnitId(4), UnitId(3), UnitId(5)]
        );
        // The department that ended on 30 June no longer reports for July.
        assert_eq!(
            r.reporting_units(&engine, month(2024, 7)),
            [UnitId(3), UnitId(5)]
        );
        r.reporters = Reporters::Units {
            units: vec![UnitId(7), UnitId(3), UnitId(3), UnitId(99)],
        };
        assert_eq!(
            r.reporting_units(&engine, month(2024, 7)),
            [UnitId(3), UnitId(7)]
        );
    }

    proptest! {
        /// Every day of a year lies in exactly one window of each frequency, and it is the
        /// window of the period `period_closing_on` names.
        #[test]
        fn every_day_falls_in_exactly_one_window(year in 2001i32..2198, day in 0u16..366) {
            let Some(date) = time::Date::from_ordinal_date(year, day + 1).ok() else {
                return Ok(());
            };
            for frequency in Frequency::ALL {
                // The windows that can hold a day of `year`: those of this year and the next.
                let candidates: Vec<Period> = [year, year + 1]
                    .into_iter()
                    .flat_map(|y| frequency.periods_in_year(y))
                    .collect();
                let holding: Vec<Period> = candidates
                    .into_iter()
                    .filter(|p| ClosingWindow::of(*p).is_some_and(|w| w.contains(date)))
                    .collect();
                prop_assert_eq!(holding.len(), 1, "{} {:?}", date, frequency);
                prop_assert_eq!(Some(holding[0]), frequency.period_closing_on(date));
            }
        }
    }
}
