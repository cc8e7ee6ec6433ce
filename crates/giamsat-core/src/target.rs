//! Targets (*chỉ tiêu kế hoạch*) and their trajectories (*kịch bản tăng trưởng*).

use serde::{Deserialize, Serialize};

use crate::indicator::{Direction, OverTime};
use crate::period::{Month, Period};
use crate::{DocumentId, IndicatorId, Provenance, TargetId, UnitId};

/// What counts as meeting the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Comparator {
    /// Met when the actual value reaches the target (more is better).
    AtLeast,
    /// Met when the actual value stays at or under the target (a poverty rate of at most 1%).
    AtMost,
}

impl Comparator {
    pub fn for_direction(direction: Direction) -> Comparator {
        match direction {
            Direction::HigherIsBetter => Comparator::AtLeast,
            Direction::LowerIsBetter => Comparator::AtMost,
        }
    }

    pub fn is_met(self, actual: f64, target: f64) -> bool {
        match self {
            Comparator::AtLeast => actual >= target,
            Comparator::AtMost => actual <= target,
        }
    }
}

/// The value a target starts from: the level at the end of an earlier period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Baseline {
    pub period: Period,
    pub value: f64,
}

/// What a document asks of one unit, for one indicator, over one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub id: TargetId,
    pub document: DocumentId,
    pub indicator: IndicatorId,
    pub unit: UnitId,
    pub period: Period,
    pub value: f64,
    pub comparator: Comparator,
    pub baseline: Option<Baseline>,
    pub provenance: Provenance,
}

/// A target's planned trajectory: the value expected by the end of given months (cumulative
/// for flows, a level for stocks and rates), monthly or quarterly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub target: TargetId,
    /// Sorted by month, one point per month, all inside the target's period.
    pub points: Vec<(Month, f64)>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    #[error("a scenario needs at least one point")]
    Empty,
    #[error("month {month} is outside the target's period {period}")]
    OutsidePeriod { month: Month, period: Period },
    #[error("month {0} appears twice in the scenario")]
    Duplicate(Month),
    #[error("the value for {0} is not a finite number")]
    NotFinite(Month),
}

impl Scenario {
    /// Checks and sorts the points of a scenario for a target over `period`.
    pub fn new(
        target: TargetId,
        period: Period,
        mut points: Vec<(Month, f64)>,
        provenance: Provenance,
    ) -> Result<Scenario, ScenarioError> {
        if points.is_empty() {
            return Err(ScenarioError::Empty);
        }
        points.sort_by_key(|(m, _)| *m);
        for pair in points.windows(2) {
            if pair[0].0 == pair[1].0 {
                return Err(ScenarioError::Duplicate(pair[0].0));
            }
        }
        for (month, value) in &points {
            if !period.contains(*month) {
                return Err(ScenarioError::OutsidePeriod {
                    month: *month,
                    period,
                });
            }
            if !value.is_finite() {
                return Err(ScenarioError::NotFinite(*month));
            }
        }
        Ok(Scenario {
            target,
            points,
            provenance,
        })
    }
}

/// The value a target expects by the end of `month`.
///
/// With a scenario, its points are interpolated linearly (a flow starts from zero before the
/// period; a level holds its first point before it and its last point after the last one).
/// Without one, the rule is linear within the period: a flow accrues evenly; a stock or rate
/// moves evenly from its baseline to the target. A stock or rate with neither scenario nor
/// baseline has no trajectory before the period ends.
pub fn expected_by(
    target: &Target,
    over_time: OverTime,
    scenario: Option<&Scenario>,
    month: Month,
) -> Option<f64> {
    let period = target.period;
    if month >= period.end() {
        return Some(target.value);
    }
    let at = f64::from(month.index());
    if let Some(scenario) = scenario.filter(|s| !s.points.is_empty()) {
        let points = &scenario.points;
        if let Some((_, v)) = points.iter().find(|(m, _)| *m == month) {
            return Some(*v);
        }
        let next = points.iter().position(|(m, _)| *m > month);
        return Some(match next {
            None => points[points.len() - 1].1,
            Some(0) => match over_time {
                OverTime::Flow => {
                    let origin = f64::from(period.start().index()) - 1.0;
                    let (m1, v1) = points[0];
                    v1 * (at - origin) / (f64::from(m1.index()) - origin)
                }
                OverTime::Stock | OverTime::Rate => points[0].1,
            },
            Some(i) => {
                let (m0, v0) = points[i - 1];
                let (m1, v1) = points[i];
                let (x0, x1) = (f64::from(m0.index()), f64::from(m1.index()));
                v0 + (v1 - v0) * (at - x0) / (x1 - x0)
            }
        });
    }
    let end = f64::from(period.end().index());
    match over_time {
        OverTime::Flow => {
            let origin = f64::from(period.start().index()) - 1.0;
            Some(target.value * (at - origin) / (end - origin))
        }
        OverTime::Stock | OverTime::Rate => {
            let baseline = target.baseline?;
            let origin = f64::from(baseline.period.end().index());
            if origin >= end || at < origin {
                return None;
            }
            Some(baseline.value + (target.value - baseline.value) * (at - origin) / (end - origin))
        }
    }
}
