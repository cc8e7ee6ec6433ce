//! Completeness and timeliness of a regime's reports for a period (DHIS2's reporting rates):
//! which units sent theirs on time, late, or not at all, and the rates per unit rolled up the
//! tree, each ancestor counting the reports of the units below it.

use std::collections::HashMap;

use super::{Regime, State, Timeliness};
use crate::period::Period;
use crate::{Engine, UnitId};

/// One reporting unit's report for the period.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitReport {
    pub unit: UnitId,
    pub state: State,
    pub timeliness: Timeliness,
    /// The day it was first sent (UTC).
    pub sent_on: Option<time::Date>,
}

/// Counts of reports expected, sent and sent on time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rates {
    pub expected: usize,
    pub sent: usize,
    pub on_time: usize,
}

impl Rates {
    fn add(&mut self, timeliness: Timeliness) {
        self.expected += 1;
        self.sent += usize::from(timeliness != Timeliness::Missing);
        self.on_time += usize::from(timeliness == Timeliness::OnTime);
    }

    /// Reports sent, in percent of those expected; `None` when none were expected.
    pub fn completeness(self) -> Option<f64> {
        percent(self.sent, self.expected)
    }

    /// Reports sent on time, in percent of those expected.
    pub fn timeliness(self) -> Option<f64> {
        percent(self.on_time, self.expected)
    }
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// A regime's reports for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Completeness {
    /// Every unit that must report, in tree order.
    pub reports: Vec<UnitReport>,
    pub total: Rates,
    /// Each unit above a reporting unit (and each reporting unit), with the rates of the
    /// reporting units in its subtree, in tree order.
    pub by_unit: Vec<(UnitId, Rates)>,
}

/// Whether reports for `period` were due once the regime was set: a period whose deadline
/// passed before the document that set the regime was issued was asked of nobody.
fn due_under_regime(engine: &Engine, regime: &Regime, period: Period) -> bool {
    let issued = engine.document(regime.document).and_then(|d| d.issued_on);
    match (issued, regime.deadline(period)) {
        (Some(issued), Some(due)) => due >= issued,
        _ => true,
    }
}

/// The reports of `regime` for `period`.
pub fn completeness(engine: &Engine, regime: &Regime, period: Period) -> Completeness {
    let book = engine.reporting();
    let due = due_under_regime(engine, regime, period);
    let reports: Vec<UnitReport> = regime
        .reporting_units(engine, period)
        .into_iter()
        .filter(|_| due)
        .map(|unit| match book.submission(regime.id, unit, period) {
            Some(s) => UnitReport {
                unit,
                state: s.state,
                timeliness: s.timeliness(regime),
                sent_on: s.first_submitted().map(|x| x.provenance.recorded_at.date()),
            },
            None => UnitReport {
                unit,
                state: State::Draft,
                timeliness: Timeliness::Missing,
                sent_on: None,
            },
        })
        .collect();
    let mut total = Rates::default();
    let mut rolled: HashMap<UnitId, Rates> = HashMap::new();
    for report in &reports {
        total.add(report.timeliness);
        let mut current = Some(report.unit);
        // Bounded like every walk up the tree: a broken store cannot loop it.
        for _ in 0..64 {
            let Some(unit) = current else { break };
            rolled.entry(unit).or_default().add(report.timeliness);
            current = engine.unit(unit).and_then(|u| u.parent);
        }
    }
    let mut by_unit: Vec<(UnitId, Rates)> = rolled.into_iter().collect();
    by_unit.sort_by_key(|(unit, _)| engine.position(*unit));
    Completeness {
        reports,
        total,
        by_unit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_percents_of_the_reports_expected() {
        let mut rates = Rates::default();
        assert_eq!(rates.completeness(), None);
        for t in [
            Timeliness::OnTime,
            Timeliness::Late,
            Timeliness::Missing,
            Timeliness::OnTime,
        ] {
            rates.add(t);
        }
        assert_eq!(
            rates,
            Rates {
                expected: 4,
                sent: 3,
                on_time: 2
            }
        );
        assert_eq!(rates.completeness(), Some(75.0));
        assert_eq!(rates.timeliness(), Some(50.0));
    }
}
