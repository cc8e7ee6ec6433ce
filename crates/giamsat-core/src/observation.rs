//! Observations (*số liệu*): values reported for an indicator, a unit and a period.
//!
//! Observations are append-only. The current value of (indicator, unit, period) is the most
//! recently recorded value of the highest kind present: official over preliminary over
//! estimate. A correction is a new row that says what it corrects and why.

use serde::{Deserialize, Serialize};

use crate::period::Period;
use crate::{DocumentId, IndicatorId, ObservationId, Provenance, UnitId};

/// How final a value is. The order matters: a later kind outranks an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ObservationKind {
    /// *Ước, ước đạt, ước tính*.
    Estimate,
    /// *Sơ bộ*.
    Preliminary,
    /// *Chính thức*.
    Official,
}

impl ObservationKind {
    pub const ALL: [ObservationKind; 3] = [
        ObservationKind::Estimate,
        ObservationKind::Preliminary,
        ObservationKind::Official,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ObservationKind::Estimate => "estimate",
            ObservationKind::Preliminary => "preliminary",
            ObservationKind::Official => "official",
        }
    }

    pub fn parse(text: &str) -> Option<ObservationKind> {
        ObservationKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text.trim())
    }
}

/// A flow's month from two cumulative figures (*lũy kế*): the year to the month less the year
/// to the month before. With [`cumulative_of`] it lets a reporter enter whichever of the two
/// the department has.
pub fn month_from_cumulative(through_month: f64, through_month_before: f64) -> f64 {
    through_month - through_month_before
}

/// A flow's cumulative figure to a month: the cumulative figure to the month before plus the
/// month's own.
pub fn cumulative_of(through_month_before: f64, month: f64) -> f64 {
    through_month_before + month
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub id: ObservationId,
    pub indicator: IndicatorId,
    pub unit: UnitId,
    pub period: Period,
    pub value: f64,
    pub kind: ObservationKind,
    /// The unit that reported it, when not the unit it is about (a department reporting the
    /// province's retail sales).
    pub reported_by: Option<UnitId>,
    /// The report or document it was published in.
    pub document: Option<crate::DocumentId>,
    /// The observation this one corrects, when it is a correction.
    pub corrects: Option<ObservationId>,
    /// Why it was recorded over an earlier value (required for a correction).
    pub note: Option<String>,
    pub provenance: Provenance,
}

impl Observation {
    /// Whether this observation takes the place of `current` as the value of its cell.
    pub fn supersedes(&self, current: &Observation) -> bool {
        (self.kind, self.id) > (current.kind, current.id)
    }

    /// The current one of a cell's observations: the one no other supersedes, the rule the
    /// engine places figures by, applied to rows read together.
    pub fn current_of(history: &[Observation]) -> Option<&Observation> {
        history.iter().max_by_key(|o| (o.kind, o.id))
    }
}

/// A scorecard as a review reported it (seed 004: "Quảng Ninh achieved 15/15 targets"), for
/// units whose individual targets are not in giamsat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportedScorecard {
    pub unit: UnitId,
    pub period: Period,
    pub met: u32,
    pub set: u32,
    pub document: Option<DocumentId>,
    pub provenance: Provenance,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Months summed into cumulative figures and taken apart again give the months back.
        #[test]
        fn months_and_cumulative_figures_are_one_another(
            months in proptest::collection::vec(-1.0e9f64..1.0e9, 1..=12)
        ) {
            let mut through = 0.0;
            let mut cumulative = Vec::new();
            for m in &months {
                through = cumulative_of(through, *m);
                cumulative.push(through);
            }
            let mut before = 0.0;
            for (m, c) in months.iter().zip(&cumulative) {
                let back = month_from_cumulative(*c, before);
                prop_assert!((back - m).abs() <= 1e-6 * m.abs().max(1.0), "{} {}", back, m);
                before = *c;
            }
        }
    }
}
