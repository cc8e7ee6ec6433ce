//! Validation rules as an office sets them for a regime, and the check a report passes before
//! it is sent: every broken rule refuses it, each named; a figure that stands out against the
//! unit's own history must be explained, and the explanation is kept with the report's step.
//!
//! The rules themselves and their evaluation are the core's (`reporting::validation`); here
//! are what needs names and the actor: reading a rule as typed, and turning findings into
//! problems a reader understands (indicators by name, figures as numbers).

use giamsat_core::reporting::validation::{Check, Findings, Rule, RuleError, Violation};
use giamsat_core::reporting::{Action, RegimeCode, Step};
use giamsat_core::{Engine, IndicatorId, Record, RuleId};
use giamsat_store::Store;
use serde::{Deserialize, Serialize};

use crate::input::{Checker, present};
use crate::{Actor, App, AppError, Batch, FieldError, Problem, Thing};

/// A validation rule as an office sets it. Indicators are named by code (or by name, as
/// everywhere); percentages are written as percent.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleInput {
    /// The regime's code.
    pub regime: Option<String>,
    /// One of [`CHECKS`].
    pub check: Option<String>,
    /// The indicator the rule is about: bounded, required, the part of a total, the month's
    /// figure, or the one whose outliers are looked for (every indicator when absent).
    #[serde(default)]
    pub indicator: Option<String>,
    /// The total of `part_of` and `sum_of`.
    #[serde(default)]
    pub whole: Option<String>,
    /// The parts of `sum_of`.
    #[serde(default)]
    pub parts: Vec<String>,
    /// The year-to-date indicator of `month_within_year_to_date`.
    #[serde(default)]
    pub year_to_date: Option<String>,
    #[serde(default)]
    pub min: Option<String>,
    #[serde(default)]
    pub max: Option<String>,
    /// How far the parts may be off the whole, in percent of it (0 when absent).
    #[serde(default)]
    pub tolerance: Option<String>,
    /// The change that makes an outlier, in percent (30 when neither it nor `z` is given).
    #[serde(default)]
    pub change: Option<String>,
    /// The robust z-score that makes an outlier.
    #[serde(default)]
    pub z: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// The kinds of check a rule may name.
pub const CHECKS: [&str; 6] = [
    "bounds",
    "required",
    "part_of",
    "sum_of",
    "month_within_year_to_date",
    "outliers",
];

impl<S: Store> App<S> {
    /// Sets a validation rule of a regime, replacing the one on the same indicators.
    pub async fn set_rule(
        &self,
        actor: &Actor,
        input: &RuleInput,
        source: &str,
    ) -> Result<RuleId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let (id, _) = self
            .commit_batch(actor, ("validation_rule.set", source), |batch| {
                let rule = rule_of(batch, input)?;
                let id = rule.id;
                let engine = batch.engine();
                if let Err(e) = engine.validation().check(engine, &rule) {
                    return Err(AppError::Invalid(vec![rule_problem(&e)]));
                }
                batch.push(Record::Rule(rule))?;
                Ok(id)
            })
            .await?;
        Ok(id)
    }
}

fn rule_problem(error: &RuleError) -> FieldError {
    let field = match error {
        RuleError::NotOfRegime(_) | RuleError::SameIndicator => "indicator",
        _ => "check",
    };
    FieldError::new(field, Problem::of_rule(error))
}

fn rule_of(batch: &Batch<'_>, input: &RuleInput) -> Result<Rule, AppError> {
    let engine = batch.engine();
    let mut c = Checker::new(&batch.origin);
    let regime = c
        .required("regime", &input.regime)
        .and_then(|text| c.check("regime", text, RegimeCode::parse(text)));
    let regime = match regime {
        Some(code) => match engine.reporting().regime_by_code(&code) {
            Some(r) => Some(r.id),
            None => {
                return Err(AppError::NotFound {
                    what: Thing::Regime,
                    key: code.to_string(),
                });
            }
        },
        None => None,
    };
    let check = c
        .required("check", &input.check)
        .and_then(|kind| check_of(&mut c, engine, kind, input));
    let rule = (|| {
        Some(Rule {
            id: RuleId(engine.validation().next_id()),
            regime: regime?,
            check: check?,
            provenance: batch.origin.provenance(&input.source),
        })
    })();
    c.finish(rule).map_err(AppError::Invalid)
}

fn check_of(c: &mut Checker, engine: &Engine, kind: &str, input: &RuleInput) -> Option<Check> {
    let indicator =
        |c: &mut Checker, field: &str, value: &Option<String>| c.indicator_id(engine, field, value);
    let optional = |c: &mut Checker, field: &str, value: &Option<String>| match present(value) {
        None => Some(None),
        Some(_) => c.number(field, value).map(Some),
    };
    let percent = |v: Option<Option<f64>>| v.map(|v| v.map(|p| p / 100.0));
    match kind {
        "bounds" => {
            let id = indicator(c, "indicator", &input.indicator);
            let min = optional(c, "min", &input.min);
            let max = optional(c, "max", &input.max);
            Some(Check::Bounds {
                indicator: id?,
                min: min?,
                max: max?,
            })
        }
        "required" => Some(Check::Required {
            indicator: indicator(c, "indicator", &input.indicator)?,
        }),
        "part_of" => {
            let part = indicator(c, "indicator", &input.indicator);
            let whole = indicator(c, "whole", &input.whole);
            Some(Check::PartOf {
                part: part?,
                whole: whole?,
            })
        }
        "sum_of" => {
            let whole = indicator(c, "whole", &input.whole);
            if input.parts.iter().all(|p| p.trim().is_empty()) {
                c.fail("parts", Problem::Required);
            }
            let parts: Vec<Option<IndicatorId>> = input
                .parts
                .iter()
                .filter(|p| !p.trim().is_empty())
                .enumerate()
                .map(|(i, p)| indicator(c, &format!("parts.{i}"), &Some(p.clone())))
                .collect();
            let tolerance = percent(optional(c, "tolerance", &input.tolerance));
            Some(Check::SumOf {
                whole: whole?,
                parts: parts.into_iter().collect::<Option<Vec<_>>>()?,
                tolerance: tolerance?.unwrap_or(0.0),
            })
        }
        "month_within_year_to_date" => {
            let month = indicator(c, "indicator", &input.indicator);
            let ytd = indicator(c, "year_to_date", &input.year_to_date);
            Some(Check::MonthWithinYearToDate {
                month: month?,
                year_to_date: ytd?,
            })
        }
        "outliers" => {
            let id = match present(&input.indicator) {
                None => Some(None),
                Some(_) => indicator(c, "indicator", &input.indicator).map(Some),
            };
            let change = percent(optional(c, "change", &input.change));
            let z = optional(c, "z", &input.z);
            Some(Check::Outliers {
                indicator: id?,
                change: change?,
                z: z?,
            })
        }
        other => {
            c.fail(
                "check",
                Problem::NotOneOf {
                    text: other.to_owned(),
                    allowed: CHECKS.join(", "),
                },
            );
            None
        }
    }
}

/// Refuses to send a report whose figures break a rule of its regime, or whose figures that
/// stand out are not explained; other steps pass.
pub(crate) fn refuse_unsendable(engine: &Engine, step: &Step) -> Result<(), AppError> {
    let Action::Submit { explanations } = &step.action else {
        return Ok(());
    };
    let Some(regime) = engine.reporting().regime(step.regime) else {
        return Ok(());
    };
    let findings =
        giamsat_core::reporting::validation::findings_of(engine, regime, step.unit, step.period);
    let explained = |i: IndicatorId| explanations.iter().any(|e| e.indicator == i);
    let mut errors = violation_problems(engine, &findings);
    errors.extend(
        findings
            .outliers
            .iter()
            .filter(|o| !explained(o.indicator))
            .map(|o| {
                FieldError::new(
                    &format!("explanations.{}", indicator_code(engine, o.indicator)),
                    Problem::ExplanationRequired {
                        indicator: indicator_name(engine, o.indicator),
                    },
                )
            }),
    );
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

/// Each broken rule as a problem of the step's action.
pub fn violation_problems(engine: &Engine, findings: &Findings) -> Vec<FieldError> {
    findings
        .violations
        .iter()
        .map(|v| FieldError::new("action", violation_problem(engine, v)))
        .collect()
}

/// A broken rule as a reader is told it: indicators by name, figures as numbers.
pub fn violation_problem(engine: &Engine, violation: &Violation) -> Problem {
    let name = |i: IndicatorId| indicator_name(engine, i);
    let number = |v: f64| v.to_string();
    let (other, figure, bound) = match violation {
        Violation::BelowMin { value, min, .. } => (String::new(), number(*value), number(*min)),
        Violation::AboveMax { value, max, .. } => (String::new(), number(*value), number(*max)),
        Violation::Missing { .. } => Default::default(),
        Violation::PartOverWhole {
            whole,
            part_value,
            whole_value,
            ..
        } => (name(*whole), number(*part_value), number(*whole_value)),
        Violation::PartsOffWhole {
            parts,
            sum,
            whole_value,
            ..
        } => (
            parts
                .iter()
                .map(|p| name(*p))
                .collect::<Vec<_>>()
                .join(", "),
            number(*sum),
            number(*whole_value),
        ),
        Violation::MonthOverYearToDate {
            year_to_date,
            month_value,
            year_to_date_value,
            ..
        } => (
            name(*year_to_date),
            number(*month_value),
            number(*year_to_date_value),
        ),
    };
    Problem::RuleViolated {
        rule: violation.code().to_owned(),
        indicator: name(violation.indicator()),
        other,
        figure,
        bound,
    }
}

/// An indicator's name as data gives it (Vietnamese, the language of record).
fn indicator_name(engine: &Engine, id: IndicatorId) -> String {
    engine.indicator(id).map_or_else(
        || id.to_string(),
        |i| i.name.get(giamsat_core::Language::Vi).to_owned(),
    )
}

fn indicator_code(engine: &Engine, id: IndicatorId) -> String {
    engine
        .indicator(id)
        .map_or_else(|| id.to_string(), |i| i.code.to_string())
}
