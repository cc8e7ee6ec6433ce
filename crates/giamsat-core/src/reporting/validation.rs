//! Validation rules of a regime's reports, and their evaluation on one unit's figures.
//!
//! A rule is stored data an office sets for a regime: bounds and required figures per
//! indicator, relations between the indicators of one report ("of which" ≤ total, parts that
//! add up to the whole, a month within its year to date), and outlier checks against the
//! unit's own history. A violated rule blocks the report; an outlier only asks for an
//! explanation. Rules are append-only like the rest of the cycle: setting a rule again for the
//! same indicators replaces it, and the evaluation here is pure, over a lookup of figures.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::period::Period;
use crate::{Engine, IndicatorId, Provenance, RegimeId, RuleId, UnitId};

/// The change over the previous period or the same period last year that makes a figure an
/// outlier when a rule does not say: 30 %.
pub const DEFAULT_CHANGE: f64 = 0.30;

/// How many earlier periods of the unit's own history a robust z-score reads.
pub const HISTORY_PERIODS: u16 = 24;

/// Fewer earlier figures than this and the median and MAD say nothing: no z-score.
pub const MIN_HISTORY: usize = 6;

/// What a rule checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "check", rename_all = "snake_case")]
pub enum Check {
    /// The figure lies within `min` and `max` (each inclusive, either may be absent).
    Bounds {
        indicator: IndicatorId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
    },
    /// A figure must be given.
    Required { indicator: IndicatorId },
    /// An "of which" figure is at most its total.
    PartOf {
        part: IndicatorId,
        whole: IndicatorId,
    },
    /// The parts add up to the whole, within `tolerance` (a fraction of the whole).
    SumOf {
        whole: IndicatorId,
        parts: Vec<IndicatorId>,
        tolerance: f64,
    },
    /// The month's figure is at most the year to date through that month.
    MonthWithinYearToDate {
        month: IndicatorId,
        year_to_date: IndicatorId,
    },
    /// Figures that change by more than `change` (a fraction) over the previous period or the
    /// same period last year, or whose robust z-score over the unit's history exceeds `z`,
    /// are outliers: of `indicator`, or of every indicator of the regime when absent.
    Outliers {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        indicator: Option<IndicatorId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        change: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        z: Option<f64>,
    },
}

impl Check {
    /// The stable name of the kind of check.
    pub fn kind(&self) -> &'static str {
        match self {
            Check::Bounds { .. } => "bounds",
            Check::Required { .. } => "required",
            Check::PartOf { .. } => "part_of",
            Check::SumOf { .. } => "sum_of",
            Check::MonthWithinYearToDate { .. } => "month_within_year_to_date",
            Check::Outliers { .. } => "outliers",
        }
    }

    /// The indicators it reads, the first being the one it is about.
    pub fn indicators(&self) -> Vec<IndicatorId> {
        match self {
            Check::Bounds { indicator, .. } | Check::Required { indicator } => vec![*indicator],
            Check::PartOf { part, whole } => vec![*part, *whole],
            Check::SumOf { whole, parts, .. } => std::iter::once(*whole)
                .chain(parts.iter().copied())
                .collect(),
            Check::MonthWithinYearToDate {
                month,
                year_to_date,
            } => vec![*month, *year_to_date],
            Check::Outliers { indicator, .. } => indicator.iter().copied().collect(),
        }
    }

    /// What a later rule replaces: the same kind of check on the same indicators (the parts
    /// of a sum may change, its whole may not).
    fn key(&self) -> (&'static str, Vec<IndicatorId>) {
        let indicators = match self {
            Check::SumOf { whole, .. } => vec![*whole],
            other => other.indicators(),
        };
        (self.kind(), indicators)
    }

    /// Why its numbers cannot be used, if they cannot.
    fn problem(&self) -> Option<RuleError> {
        let finite = |v: &Option<f64>| v.is_none_or(f64::is_finite);
        match self {
            Check::Bounds { min, max, .. } => {
                if !finite(min) || !finite(max) {
                    return Some(RuleError::NotFinite);
                }
                match (min, max) {
                    (Some(lo), Some(hi)) if lo > hi => Some(RuleError::Backwards),
                    _ => None,
                }
            }
            Check::PartOf { part, whole } if part == whole => Some(RuleError::SameIndicator),
            Check::MonthWithinYearToDate {
                month,
                year_to_date,
            } if month == year_to_date => Some(RuleError::SameIndicator),
            Check::SumOf {
                whole,
                parts,
                tolerance,
            } => {
                if parts.is_empty() || parts.contains(whole) {
                    Some(RuleError::SameIndicator)
                } else if !tolerance.is_finite() || *tolerance < 0.0 {
                    Some(RuleError::NotFinite)
                } else {
                    None
                }
            }
            Check::Outliers { change, z, .. } => {
                let positive = |v: &Option<f64>| v.is_none_or(|v| v.is_finite() && v > 0.0);
                (!positive(change) || !positive(z)).then_some(RuleError::NotFinite)
            }
            _ => None,
        }
    }
}

/// A validation rule of a regime.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub id: RuleId,
    pub regime: RegimeId,
    #[serde(flatten)]
    pub check: Check,
    pub provenance: Provenance,
}

/// Why a rule cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("rule {0} exists already")]
    DuplicateId(RuleId),
    #[error("regime {0} does not exist")]
    UnknownRegime(RegimeId),
    #[error("indicator {0} is not one of the regime's")]
    NotOfRegime(IndicatorId),
    #[error("a rule's numbers must be finite, and thresholds above zero")]
    NotFinite,
    #[error("the minimum is above the maximum")]
    Backwards,
    #[error("a relation needs two different indicators")]
    SameIndicator,
}

/// The rules in effect, by regime: the latest for each kind of check and indicators.
#[derive(Debug, Clone, Default)]
pub struct RuleBook {
    rules: BTreeMap<RegimeId, Vec<Rule>>,
    last_id: u32,
}

impl RuleBook {
    /// Checks a rule against the book and the regime it belongs to.
    pub fn check(&self, engine: &Engine, rule: &Rule) -> Result<(), RuleError> {
        if rule.id.0 <= self.last_id && self.all().any(|r| r.id == rule.id) {
            return Err(RuleError::DuplicateId(rule.id));
        }
        let regime = engine
            .reporting()
            .regime(rule.regime)
            .ok_or(RuleError::UnknownRegime(rule.regime))?;
        if let Some(i) = rule
            .check
            .indicators()
            .into_iter()
            .find(|i| !regime.indicators.contains(i))
        {
            return Err(RuleError::NotOfRegime(i));
        }
        rule.check.problem().map_or(Ok(()), Err)
    }

    /// Applies a checked rule, replacing the one it supersedes.
    pub fn insert(&mut self, rule: Rule) {
        self.last_id = self.last_id.max(rule.id.0);
        let rules = self.rules.entry(rule.regime).or_default();
        rules.retain(|r| r.check.key() != rule.check.key());
        rules.push(rule);
    }

    pub fn next_id(&self) -> u32 {
        self.last_id + 1
    }

    /// The rules in effect for a regime, in the order they were set.
    pub fn of_regime(&self, regime: RegimeId) -> &[Rule] {
        self.rules.get(&regime).map_or(&[], Vec::as_slice)
    }

    fn all(&self) -> impl Iterator<Item = &Rule> {
        self.rules.values().flatten()
    }
}

/// A rule a report breaks: it blocks sending.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Violation {
    BelowMin {
        indicator: IndicatorId,
        value: f64,
        min: f64,
    },
    AboveMax {
        indicator: IndicatorId,
        value: f64,
        max: f64,
    },
    Missing {
        indicator: IndicatorId,
    },
    PartOverWhole {
        part: IndicatorId,
        whole: IndicatorId,
        part_value: f64,
        whole_value: f64,
    },
    PartsOffWhole {
        whole: IndicatorId,
        parts: Vec<IndicatorId>,
        sum: f64,
        whole_value: f64,
        tolerance: f64,
    },
    MonthOverYearToDate {
        month: IndicatorId,
        year_to_date: IndicatorId,
        month_value: f64,
        year_to_date_value: f64,
    },
}

impl Violation {
    /// The stable name of the rule broken.
    pub fn code(&self) -> &'static str {
        match self {
            Violation::BelowMin { .. } => "below_min",
            Violation::AboveMax { .. } => "above_max",
            Violation::Missing { .. } => "missing",
            Violation::PartOverWhole { .. } => "part_over_whole",
            Violation::PartsOffWhole { .. } => "parts_off_whole",
            Violation::MonthOverYearToDate { .. } => "month_over_year_to_date",
        }
    }

    /// The indicator it is about.
    pub fn indicator(&self) -> IndicatorId {
        match self {
            Violation::BelowMin { indicator, .. }
            | Violation::AboveMax { indicator, .. }
            | Violation::Missing { indicator } => *indicator,
            Violation::PartOverWhole { part, .. } => *part,
            Violation::PartsOffWhole { whole, .. } => *whole,
            Violation::MonthOverYearToDate { month, .. } => *month,
        }
    }
}

/// Why a figure stands out against the unit's own history.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "against", rename_all = "snake_case")]
pub enum Against {
    /// `change` is the fraction by which it moved from the previous period's `value`.
    PreviousPeriod { value: f64, change: f64 },
    /// The same over the same period last year.
    SamePeriodLastYear { value: f64, change: f64 },
    /// Its robust z-score over the unit's earlier figures, whose median is `median`.
    History { median: f64, z: f64 },
}

impl Against {
    pub fn code(&self) -> &'static str {
        match self {
            Against::PreviousPeriod { .. } => "previous_period",
            Against::SamePeriodLastYear { .. } => "same_period_last_year",
            Against::History { .. } => "history",
        }
    }
}

/// A figure that stands out: it does not block, but asks for an explanation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outlier {
    pub indicator: IndicatorId,
    pub value: f64,
    pub against: Vec<Against>,
}

/// What the rules found in one unit's report for one period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Findings {
    pub violations: Vec<Violation>,
    pub outliers: Vec<Outlier>,
}

impl Findings {
    pub fn is_clean(&self) -> bool {
        self.violations.is_empty() && self.outliers.is_empty()
    }
}

/// Evaluates `rules` on a unit's report for `period`. `figure(indicator, period)` is the
/// unit's own figure, for this period or an earlier one; `indicators` are the regime's.
pub fn evaluate(
    rules: &[Rule],
    indicators: &[IndicatorId],
    period: Period,
    figure: &dyn Fn(IndicatorId, Period) -> Option<f64>,
) -> Findings {
    let now = |i: IndicatorId| figure(i, period);
    let mut findings = Findings::default();
    for rule in rules {
        if let Some(v) = violation(&rule.check, period, now, figure) {
            findings.violations.push(v);
        }
    }
    for indicator in indicators {
        let Some(rule) = outlier_rule(rules, *indicator) else {
            continue;
        };
        if let Some(o) = outlier(rule, *indicator, period, figure) {
            findings.outliers.push(o);
        }
    }
    findings
}

fn violation(
    check: &Check,
    period: Period,
    now: impl Fn(IndicatorId) -> Option<f64>,
    figure: &dyn Fn(IndicatorId, Period) -> Option<f64>,
) -> Option<Violation> {
    match check {
        Check::Bounds {
            indicator,
            min,
            max,
        } => {
            let value = now(*indicator)?;
            match (min, max) {
                (Some(min), _) if value < *min => Some(Violation::BelowMin {
                    indicator: *indicator,
                    value,
                    min: *min,
                }),
                (_, Some(max)) if value > *max => Some(Violation::AboveMax {
                    indicator: *indicator,
                    value,
                    max: *max,
                }),
                _ => None,
            }
        }
        Check::Required { indicator } => now(*indicator).is_none().then_some(Violation::Missing {
            indicator: *indicator,
        }),
        Check::PartOf { part, whole } => {
            let (part_value, whole_value) = (now(*part)?, now(*whole)?);
            (part_value > whole_value).then_some(Violation::PartOverWhole {
                part: *part,
                whole: *whole,
                part_value,
                whole_value,
            })
        }
        Check::SumOf {
            whole,
            parts,
            tolerance,
        } => {
            let whole_value = now(*whole)?;
            let values: Option<Vec<f64>> = parts.iter().map(|p| now(*p)).collect();
            let sum = values?.iter().sum();
            (!sums_to(sum, whole_value, *tolerance)).then(|| Violation::PartsOffWhole {
                whole: *whole,
                parts: parts.clone(),
                sum,
                whole_value,
                tolerance: *tolerance,
            })
        }
        Check::MonthWithinYearToDate {
            month,
            year_to_date,
        } => {
            let month_value = now(*month)?;
            let ytd = Period::year_to_date(period.end());
            let year_to_date_value = figure(*year_to_date, ytd).or_else(|| now(*year_to_date))?;
            (month_value > year_to_date_value).then_some(Violation::MonthOverYearToDate {
                month: *month,
                year_to_date: *year_to_date,
                month_value,
                year_to_date_value,
            })
        }
        Check::Outliers { .. } => None,
    }
}

/// Whether parts adding up to `sum` make `whole`, within `tolerance` of the whole (and of a
/// rounding's worth when the whole is zero).
pub fn sums_to(sum: f64, whole: f64, tolerance: f64) -> bool {
    let allowed = (tolerance * whole.abs()).max(1e-9 * sum.abs().max(whole.abs()).max(1.0));
    (sum - whole).abs() <= allowed
}

/// The outlier rule for an indicator: its own, else the regime's.
fn outlier_rule(rules: &[Rule], indicator: IndicatorId) -> Option<&Check> {
    let of = |target: Option<IndicatorId>| {
        rules
            .iter()
            .rev()
            .map(|r| &r.check)
            .find(|c| matches!(c, Check::Outliers { indicator: i, .. } if *i == target))
    };
    of(Some(indicator)).or_else(|| of(None))
}

fn outlier(
    check: &Check,
    indicator: IndicatorId,
    period: Period,
    figure: &dyn Fn(IndicatorId, Period) -> Option<f64>,
) -> Option<Outlier> {
    let Check::Outliers { change, z, .. } = check else {
        return None;
    };
    let value = figure(indicator, period)?;
    let threshold = match (change, z) {
        (None, None) => Some(DEFAULT_CHANGE),
        (change, _) => *change,
    };
    let mut against = Vec::new();
    if let Some(threshold) = threshold {
        let earlier = [
            (shifted(period, -1), true),
            (period.same_period_last_year(), false),
        ];
        for (p, previous) in earlier {
            let Some(base) = p.and_then(|p| figure(indicator, p)) else {
                continue;
            };
            match relative_change(value, base) {
                Some(change) if change.abs() > threshold && previous => {
                    against.push(Against::PreviousPeriod {
                        value: base,
                        change,
                    })
                }
                Some(change) if change.abs() > threshold => {
                    against.push(Against::SamePeriodLastYear {
                        value: base,
                        change,
                    })
                }
                _ => {}
            }
        }
    }
    if let Some(limit) = z {
        let history: Vec<f64> = (1..=i32::from(HISTORY_PERIODS))
            .filter_map(|n| shifted(period, -n).and_then(|p| figure(indicator, p)))
            .collect();
        if let Some((median, z)) = robust_z(value, &history)
            && z.abs() > *limit
        {
            against.push(Against::History { median, z });
        }
    }
    (!against.is_empty()).then_some(Outlier {
        indicator,
        value,
        against,
    })
}

/// The period `n` periods of the same length away.
pub fn shifted(period: Period, n: i32) -> Option<Period> {
    let months = i32::from(period.month_count()) * n;
    Period::from_range(
        period.start().shifted(months)?,
        period.end().shifted(months)?,
    )
    .ok()
}

/// The change from `base` to `value` as a fraction of `base`; none from zero, where every
/// change is infinite and says nothing.
pub fn relative_change(value: f64, base: f64) -> Option<f64> {
    (base != 0.0).then(|| (value - base) / base.abs())
}

/// The median of figures (none of none).
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    })
}

/// The robust z-score of `value` over `history` (Iglewicz and Hoaglin's modified z:
/// 0.6745 (x − median) / MAD), with the median; none for a short history or one whose
/// figures are nearly all equal (MAD of zero), where any change would be infinite.
pub fn robust_z(value: f64, history: &[f64]) -> Option<(f64, f64)> {
    if history.len() < MIN_HISTORY {
        return None;
    }
    let median = median(history)?;
    let deviations: Vec<f64> = history.iter().map(|v| (v - median).abs()).collect();
    let mad = self::median(&deviations)?;
    (mad > 0.0).then(|| (median, 0.6745 * (value - median) / mad))
}

/// The findings of every unit of a regime for a period, in the order of its reporting units.
pub fn validation_report(
    engine: &Engine,
    regime: &super::Regime,
    period: Period,
) -> Vec<(UnitId, Findings)> {
    let rules = engine.validation().of_regime(regime.id);
    regime
        .reporting_units(engine, period)
        .into_iter()
        .map(|unit| {
            // A report is checked on the figures it sends, held back until it is approved.
            let figure = |i: IndicatorId, p: Period| engine.latest(i, unit, p).map(|f| f.2);
            (unit, evaluate(rules, &regime.indicators, period, &figure))
        })
        .collect()
}

/// The findings of one unit's report.
pub fn findings_of(
    engine: &Engine,
    regime: &super::Regime,
    unit: UnitId,
    period: Period,
) -> Findings {
    // The figures the report sends, held back until it is approved.
    let figure = |i: IndicatorId, p: Period| engine.latest(i, unit, p).map(|f| f.2);
    evaluate(
        engine.validation().of_regime(regime.id),
        &regime.indicators,
        period,
        &figure,
    )
}

/// Figures by indicator and period, for tests and callers that hold them in a map.
pub type FigureMap = HashMap<(IndicatorId, Period), f64>;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn p(code: &str) -> Period {
        code.parse().expect("period")
    }

    fn rule(check: Check) -> Rule {
        Rule {
            id: RuleId(1),
            regime: RegimeId(1),
            check,
            provenance: Provenance {
                source: "test".into(),
                recorded_by: "lan".into(),
                recorded_at: time::OffsetDateTime::UNIX_EPOCH,
            },
        }
    }

    const A: IndicatorId = IndicatorId(1);
    const B: IndicatorId = IndicatorId(2);
    const C: IndicatorId = IndicatorId(3);

    fn run(checks: Vec<Check>, figures: &[(IndicatorId, &str, f64)]) -> Findings {
        let map: FigureMap = figures.iter().map(|(i, q, v)| ((*i, p(q)), *v)).collect();
        let rules: Vec<Rule> = checks.into_iter().map(rule).collect();
        evaluate(&rules, &[A, B, C], p("2025-06"), &|i, q| {
            map.get(&(i, q)).copied()
        })
    }

    fn bounds(min: Option<f64>, max: Option<f64>) -> Check {
        Check::Bounds {
            indicator: A,
            min,
            max,
        }
    }

    #[test]
    fn bounds_are_inclusive_and_either_may_be_absent() {
        let at = |v: f64| run(vec![bounds(Some(0.0), Some(100.0))], &[(A, "2025-06", v)]);
        assert!(at(0.0).is_clean());
        assert!(at(100.0).is_clean());
        assert_eq!(
            at(-0.5).violations,
            [Violation::BelowMin {
                indicator: A,
                value: -0.5,
                min: 0.0
            }]
        );
        assert_eq!(at(100.01).violations[0].code(), "above_max");
        let only_max = run(vec![bounds(None, Some(5.0))], &[(A, "2025-06", -1e9)]);
        assert!(only_max.is_clean());
        // A bound on a figure not given is the required rule's business, not the bound's.
        assert!(run(vec![bounds(Some(1.0), None)], &[]).is_clean());
    }

    #[test]
    fn a_required_figure_must_be_given_and_zero_counts() {
        let required = || vec![Check::Required { indicator: B }];
        assert_eq!(
            run(required(), &[(A, "2025-06", 1.0)]).violations,
            [Violation::Missing { indicator: B }]
        );
        assert!(run(required(), &[(B, "2025-06", 0.0)]).is_clean());
        // Last month's figure is not this month's.
        assert!(!run(required(), &[(B, "2025-05", 3.0)]).is_clean());
    }

    #[test]
    fn an_of_which_figure_may_equal_its_total_but_not_exceed_it() {
        let part_of = || vec![Check::PartOf { part: B, whole: A }];
        assert!(run(part_of(), &[(A, "2025-06", 10.0), (B, "2025-06", 10.0)]).is_clean());
        let over = run(part_of(), &[(A, "2025-06", 10.0), (B, "2025-06", 10.5)]);
        assert_eq!(over.violations[0].code(), "part_over_whole");
        assert_eq!(over.violations[0].indicator(), B);
        assert!(run(part_of(), &[(B, "2025-06", 10.5)]).is_clean());
    }

    #[test]
    fn parts_sum_to_the_whole_within_the_tolerance() {
        let sum = |tolerance| {
            vec![Check::SumOf {
                whole: A,
                parts: vec![B, C],
                tolerance,
            }]
        };
        let figures = |c: f64| {
            [
                (A, "2025-06", 100.0),
                (B, "2025-06", 60.0),
                (C, "2025-06", c),
            ]
        };
        assert!(run(sum(0.0), &figures(40.0)).is_clean());
        assert!(run(sum(0.01), &figures(41.0)).is_clean());
        assert!(run(sum(0.01), &figures(39.0)).is_clean());
        let off = run(sum(0.01), &figures(41.5));
        assert_eq!(
            off.violations,
            [Violation::PartsOffWhole {
                whole: A,
                parts: vec![B, C],
                sum: 101.5,
                whole_value: 100.0,
                tolerance: 0.01
            }]
        );
        // Sums in floating point that should be exact are: 0.1 + 0.2 makes 0.3.
        assert!(sums_to(0.1 + 0.2, 0.3, 0.0));
        assert!(run(sum(0.0), &[(A, "2025-06", 100.0), (B, "2025-06", 60.0)]).is_clean());
    }

    #[test]
    fn a_month_is_within_its_year_to_date() {
        let rule = || {
            vec![Check::MonthWithinYearToDate {
                month: A,
                year_to_date: B,
            }]
        };
        assert!(run(rule(), &[(A, "2025-06", 5.0), (B, "2025-YTD06", 30.0)]).is_clean());
        assert!(run(rule(), &[(A, "2025-06", 30.0), (B, "2025-YTD06", 30.0)]).is_clean());
        let over = run(rule(), &[(A, "2025-06", 31.0), (B, "2025-YTD06", 30.0)]);
        assert_eq!(over.violations[0].code(), "month_over_year_to_date");
        // A year to date reported as the month's figure of a cumulative indicator also counts.
        assert!(!run(rule(), &[(A, "2025-06", 31.0), (B, "2025-06", 30.0)]).is_clean());
        // In January the year to date is the month itself.
        assert_eq!(Period::year_to_date(p("2025-01").end()), p("2025-01"));
    }

    fn outliers(change: Option<f64>, z: Option<f64>) -> Vec<Check> {
        vec![Check::Outliers {
            indicator: None,
            change,
            z,
        }]
    }

    #[test]
    fn a_change_beyond_the_threshold_over_the_previous_period_or_last_year_stands_out() {
        let at = |v: f64| {
            run(
                outliers(None, None),
                &[(A, "2025-05", 100.0), (A, "2025-06", v)],
            )
        };
        assert!(at(130.0).is_clean());
        assert!(at(70.0).is_clean());
        let up = at(130.5);
        assert_eq!(up.outliers.len(), 1);
        assert_eq!(
            up.outliers[0].against[0].code(),
            "previous_period",
            "{up:?}"
        );
        assert_eq!(at(69.0).outliers.len(), 1);
        let year = run(
            outliers(Some(0.1), None),
            &[
                (A, "2024-06", 100.0),
                (A, "2025-05", 118.0),
                (A, "2025-06", 120.0),
            ],
        );
        assert_eq!(
            year.outliers[0].against,
            [Against::SamePeriodLastYear {
                value: 100.0,
                change: 0.2
            }]
        );
        // From zero nothing is said; without history, nothing either.
        assert!(
            run(
                outliers(None, None),
                &[(A, "2025-05", 0.0), (A, "2025-06", 9.0)]
            )
            .is_clean()
        );
        assert!(run(outliers(None, None), &[(A, "2025-06", 9.0)]).is_clean());
        // Without an outlier rule, no figure stands out.
        assert!(run(vec![], &[(A, "2025-05", 1.0), (A, "2025-06", 900.0)]).is_clean());
    }

    #[test]
    fn an_indicators_own_outlier_rule_overrides_the_regimes() {
        let checks = vec![
            Check::Outliers {
                indicator: None,
                change: Some(0.1),
                z: None,
            },
            Check::Outliers {
                indicator: Some(A),
                change: Some(0.5),
                z: None,
            },
        ];
        let found = run(
            checks,
            &[
                (A, "2025-05", 100.0),
                (A, "2025-06", 140.0),
                (B, "2025-05", 100.0),
                (B, "2025-06", 140.0),
            ],
        );
        let flagged: Vec<IndicatorId> = found.outliers.iter().map(|o| o.indicator).collect();
        assert_eq!(flagged, [B]);
    }

    #[test]
    fn a_robust_z_score_flags_a_figure_far_from_the_units_history() {
        let mut figures: Vec<(IndicatorId, String, f64)> = (1..=12)
            .map(|m| (A, format!("2024-{m:02}"), 96.0 + f64::from(m)))
            .collect();
        figures.extend((1..=5).map(|m| (A, format!("2025-{m:02}"), 100.0 + f64::from(m))));
        let with = |v: f64| {
            let mut all: Vec<(IndicatorId, &str, f64)> = figures
                .iter()
                .map(|(i, q, v)| (*i, q.as_str(), *v))
                .collect();
            all.push((A, "2025-06", v));
            run(outliers(Some(10.0), Some(3.5)), &all)
        };
        assert!(with(106.0).is_clean());
        let far = with(130.0);
        assert!(
            matches!(far.outliers[0].against[0], Against::History { median, z } if median == 103.0 && z > 3.5),
            "{far:?}"
        );
        assert_eq!(robust_z(5.0, &[1.0; 5]), None, "too short a history");
        assert_eq!(robust_z(5.0, &[1.0; 8]), None, "no spread");
    }

    #[test]
    fn a_later_rule_replaces_the_earlier_one_on_the_same_indicators() {
        let mut book = RuleBook::default();
        book.insert(rule(bounds(Some(0.0), None)));
        let mut later = rule(bounds(None, Some(9.0)));
        later.id = RuleId(2);
        book.insert(later);
        book.insert(rule(Check::Required { indicator: A }));
        let kinds: Vec<_> = book
            .of_regime(RegimeId(1))
            .iter()
            .map(|r| (r.check.kind(), r.id))
            .collect();
        assert_eq!(kinds, [("bounds", RuleId(2)), ("required", RuleId(1))]);
        assert_eq!(book.next_id(), 3);
        assert_eq!(
            bounds(Some(2.0), Some(1.0)).problem(),
            Some(RuleError::Backwards)
        );
        assert_eq!(
            Check::PartOf { part: A, whole: A }.problem(),
            Some(RuleError::SameIndicator)
        );
        assert_eq!(
            outliers(Some(0.0), None)[0].problem(),
            Some(RuleError::NotFinite)
        );
    }

    proptest! {
        #[test]
        fn a_robust_z_score_ignores_a_constant_added_to_everything(
            history in prop::collection::vec(-1e6f64..1e6, 6..30),
            value in -1e6f64..1e6,
            shift in -1e6f64..1e6,
        ) {
            let moved: Vec<f64> = history.iter().map(|v| v + shift).collect();
            match (robust_z(value, &history), robust_z(value + shift, &moved)) {
                (Some((m1, z1)), Some((m2, z2))) => {
                    prop_assert!((m1 + shift - m2).abs() <= 1e-6 * (1.0 + m2.abs()));
                    prop_assert!((z1 - z2).abs() <= 1e-6 * (1.0 + z1.abs()), "{} {}", z1, z2);
                }
                (None, None) => {}
                // A MAD at the edge of zero may round either way after the shift.
                (a, b) => prop_assert!(a.is_none_or(|(_, z)| z.abs() > 1e6) || b.is_none_or(|(_, z)| z.abs() > 1e6)),
            }
        }

        #[test]
        fn a_robust_z_score_scales_with_nothing(
            history in prop::collection::vec(1f64..1e3, 6..30),
            value in 1f64..1e3,
            scale in 0.01f64..100.0,
        ) {
            let scaled: Vec<f64> = history.iter().map(|v| v * scale).collect();
            if let (Some((_, z1)), Some((_, z2))) =
                (robust_z(value, &history), robust_z(value * scale, &scaled))
            {
                prop_assert!((z1 - z2).abs() <= 1e-6 * (1.0 + z1.abs()));
            }
        }

        #[test]
        fn the_parts_sum_rule_ignores_the_order_of_the_parts(
            parts in prop::collection::vec(0f64..1e6, 1..6),
            whole in 0f64..5e6,
            tolerance in 0f64..0.2,
        ) {
            let sum: f64 = parts.iter().sum();
            let reversed: f64 = parts.iter().rev().sum();
            prop_assert_eq!(sums_to(sum, whole, tolerance), sums_to(reversed, whole, tolerance));
        }

        #[test]
        fn parts_that_make_the_whole_always_pass(
            parts in prop::collection::vec(0f64..1e9, 1..8),
            tolerance in 0f64..0.2,
        ) {
            let whole: f64 = parts.iter().rev().sum();
            prop_assert!(sums_to(parts.iter().sum(), whole, tolerance));
        }

        #[test]
        fn a_figure_within_its_bounds_never_breaks_them(
            lo in -1e9f64..1e9, span in 0f64..1e9, t in 0f64..=1.0,
        ) {
            let hi = lo + span;
            let value = lo + span * t;
            let value = value.clamp(lo, hi);
            let map: FigureMap = [((A, p("2025-06")), value)].into_iter().collect();
            let found = evaluate(&[rule(bounds(Some(lo), Some(hi)))], &[A], p("2025-06"), &|i, q| map.get(&(i, q)).copied());
            prop_assert!(found.is_clean());
        }
    }
}
