//! Validation rules as an office sets them for a regime, and the check a report passes before
//! it is sent: every broken rule refuses it, each named; a figure that stands out against the
//! unit's own history must be explained, and the explanation is kept with the report's step.
//!
//! The rules themselves and their evaluation are the core's (`reporting::validation`); here
//! are what needs names and the actor: reading a rule as typed, and turning findings into
//! problems a reader understands (indicators by name, figures as numbers).

use giamsat_core::reporting::validation::{Check, Findings, Rule, RuleError, Violation};
use giamsat_core::reporting::{Action, RegimeCode, Step};
use giamsat_core::{Engine, IndicatorId, Language, Record, RuleId};
use giamsat_store::Store;
use serde::{Deserialize, Serialize};

use crate::input::{Checker, present};
use crate::{Actor, App, AppError, Batch, FieldError, Problem, Thing};

/// A validation rule as an office sets it. Indicators are named by code (or by name, as
/// everywhere); percentages are written as percent.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
                add_rule(batch, input)
            })
            .await?;
        Ok(id)
    }
}

/// Reads, checks and adds a rule to a batch.
pub(crate) fn add_rule(batch: &mut Batch<'_>, input: &RuleInput) -> Result<RuleId, AppError> {
    let rule = rule_of(batch, input)?;
    let id = rule.id;
    let engine = batch.engine();
    if let Err(e) = engine.validation().check(engine, &rule) {
        return Err(AppError::Invalid(vec![rule_problem(&e)]));
    }
    batch.push(Record::Rule(rule))?;
    Ok(id)
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
        .map(|v| FieldError::new("action", violation_problem(engine, v, Language::Vi)))
        .collect()
}

/// A broken rule as a reader is told it: indicators by name in `language`, figures as
/// numbers. A refusal names them in Vietnamese, the language of record, since a problem is
/// said in whatever language its reader has.
pub fn violation_problem(engine: &Engine, violation: &Violation, language: Language) -> Problem {
    let name = |i: IndicatorId| {
        engine
            .indicator(i)
            .map_or_else(|| i.to_string(), |x| x.name.get(language).to_owned())
    };
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
    Problem::RuleViolated(Box::new(crate::problem::RuleViolation {
        rule: violation.code().to_owned(),
        indicator: name(violation.indicator()),
        other,
        figure,
        bound,
    }))
}

/// The problems of a refused report with its indicators named in `language` rather than in
/// Vietnamese, for a page in that language: a refusal is made before its reader is known.
pub fn named_in(engine: &Engine, errors: Vec<FieldError>, language: Language) -> Vec<FieldError> {
    let rename = |name: &str| -> String {
        name.split(", ")
            .map(|one| {
                engine
                    .indicators()
                    .find(|i| i.name.get(Language::Vi) == one)
                    .map_or_else(|| one.to_owned(), |i| i.name.get(language).to_owned())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    errors
        .into_iter()
        .map(|mut e| {
            match &mut e.problem {
                Problem::ExplanationRequired { indicator } => *indicator = rename(indicator),
                Problem::RuleViolated(v) => {
                    v.indicator = rename(&v.indicator);
                    v.other = rename(&v.other);
                }
                _ => {}
            }
            e
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use giamsat_core::access::{Grant, Role};
    use giamsat_core::reporting::validation::validation_report;
    use giamsat_core::reporting::{RegimeCode, State};
    use giamsat_core::{IndicatorCode, Period, StepId, UnitCode, UnitId};
    use giamsat_store::SqlStore;

    use super::*;
    use crate::demo_cycle::{DISBURSED, FILES, REGIME};
    use crate::input::ObservationInput;
    use crate::reporting::{ExplanationInput, StepInput};

    async fn demo() -> (tempfile::TempDir, App<SqlStore>) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("giamsat.db");
        let store = SqlStore::open(path.to_str().expect("utf-8"))
            .await
            .expect("store");
        let app = App::open(store).await.expect("app");
        app.load_demo(&Actor::named("demo")).await.expect("demo");
        (dir, app)
    }

    fn s(text: &str) -> Option<String> {
        Some(text.to_owned())
    }

    fn unit(app: &App<SqlStore>, code: &str) -> UnitId {
        app.engine()
            .unit_by_code(&UnitCode::parse(code).expect("code"))
            .expect("unit")
            .id
    }

    fn indicator(app: &App<SqlStore>, code: &str) -> IndicatorId {
        app.engine()
            .indicator_by_code(&IndicatorCode::parse(code).expect("code"))
            .expect("indicator")
            .id
    }

    fn november() -> Period {
        "2026-11".parse().expect("period")
    }

    fn figure(indicator: &str, value: &str) -> ObservationInput {
        ObservationInput {
            indicator: s(indicator),
            unit: s("22-STC"),
            period: s("2026-11"),
            value: s(value),
            kind: s("official"),
            ..ObservationInput::default()
        }
    }

    fn send(explanations: Vec<ExplanationInput>) -> StepInput {
        StepInput {
            regime: s(REGIME),
            unit: s("22-STC"),
            period: s("2026-11"),
            action: s("submit"),
            explanations,
            ..StepInput::default()
        }
    }

    fn refused(result: Result<StepId, AppError>) -> Vec<(String, Problem)> {
        match result {
            Err(AppError::Invalid(errors)) => {
                errors.into_iter().map(|e| (e.field, e.problem)).collect()
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    fn violated(rule: &str, indicator: &str, figure: &str, bound: &str) -> (String, Problem) {
        (
            "action".into(),
            Problem::RuleViolated(Box::new(crate::problem::RuleViolation {
                rule: rule.into(),
                indicator: indicator.into(),
                other: String::new(),
                figure: figure.into(),
                bound: bound.into(),
            })),
        )
    }

    const MONEY: &str = "Giải ngân vốn đầu tư công";
    const FILES_NAME: &str = "Hồ sơ thủ tục hành chính được giải quyết";

    #[tokio::test]
    async fn a_report_breaking_a_rule_or_with_an_unexplained_outlier_is_refused_until_explained() {
        let (_dir, app) = demo().await;
        let reporter = Actor::with_grants(
            "thu",
            vec![Grant::over(Role::Reporter, unit(&app, "22-STC"))],
        );
        // November is not entered: both figures are required.
        assert_eq!(
            refused(app.take_step(&reporter, &send(vec![]), "form").await),
            [
                violated("missing", MONEY, "", ""),
                violated("missing", FILES_NAME, "", "")
            ]
        );
        app.create(&reporter, &figure(DISBURSED, "34.5"), "form")
            .await
            .expect("a figure");
        app.create(&reporter, &figure(FILES, "-3"), "form")
            .await
            .expect("a negative figure is entered, and caught when sent");
        assert_eq!(
            refused(app.take_step(&reporter, &send(vec![]), "form").await),
            [
                violated("below_min", FILES_NAME, "-3", "0"),
                // Every problem is named at once: −3 after 170 stands out too.
                (
                    format!("explanations.{FILES}"),
                    Problem::ExplanationRequired {
                        indicator: FILES_NAME.into()
                    }
                )
            ]
        );
        app.create(&reporter, &figure(FILES, "173"), "form")
            .await
            .expect("corrected");
        // Disbursement doubling over October (33) stands out: it must be explained.
        app.create(&reporter, &figure(DISBURSED, "70"), "form")
            .await
            .expect("corrected");
        let field = format!("explanations.{DISBURSED}");
        assert_eq!(
            refused(app.take_step(&reporter, &send(vec![]), "form").await),
            [(
                field.clone(),
                Problem::ExplanationRequired {
                    indicator: MONEY.into()
                }
            )]
        );
        let blank = ExplanationInput {
            indicator: DISBURSED.into(),
            text: "   ".into(),
        };
        assert_eq!(
            refused(app.take_step(&reporter, &send(vec![blank]), "form").await)[0].0,
            field
        );
        let engine_state = |app: &App<SqlStore>| {
            let regime = app
                .engine()
                .reporting()
                .regime_by_code(&RegimeCode::parse(REGIME).expect("code"))
                .expect("regime")
                .id;
            app.engine()
                .reporting()
                .state(regime, unit(app, "22-STC"), november())
        };
        assert_eq!(engine_state(&app), State::Draft, "nothing was sent");
        let because = ExplanationInput {
            indicator: DISBURSED.into(),
            text: "Ứng vốn cho dự án trường học".into(),
        };
        app.take_step(&reporter, &send(vec![because]), "form")
            .await
            .expect("sent once explained");
        assert_eq!(engine_state(&app), State::Submitted);
        let engine = app.engine();
        let regime = engine
            .reporting()
            .regime_by_code(&RegimeCode::parse(REGIME).expect("code"))
            .expect("regime");
        let report = engine
            .reporting()
            .submission(regime.id, unit(&app, "22-STC"), november())
            .expect("the report");
        assert_eq!(
            report.explanation(indicator(&app, DISBURSED)),
            Some("Ứng vốn cho dự án trường học"),
            "the explanation is kept with the figure"
        );
    }

    #[tokio::test]
    async fn the_demos_validation_report_shows_a_missing_report_and_an_explained_outlier() {
        let (_dir, app) = demo().await;
        let engine = app.engine();
        let regime = engine
            .reporting()
            .regime_by_code(&RegimeCode::parse(REGIME).expect("code"))
            .expect("regime");
        let report = validation_report(&engine, regime, november());
        let code = |u: UnitId| {
            engine
                .unit(u)
                .map(|x| x.code.to_string())
                .unwrap_or_default()
        };
        let found: Vec<(String, usize, usize)> = report
            .iter()
            .map(|(u, f)| (code(*u), f.violations.len(), f.outliers.len()))
            .collect();
        assert_eq!(
            found,
            [
                ("22-SCT".to_owned(), 0, 1),
                ("22-STC".to_owned(), 2, 0),
                ("22-SXD".to_owned(), 0, 0),
                ("22-SYT".to_owned(), 0, 0),
            ]
        );
        let october: Period = "2026-10".parse().expect("period");
        assert!(
            validation_report(&engine, regime, october)
                .iter()
                .all(|(_, f)| f.is_clean())
        );
    }

    fn rule(check: &str) -> RuleInput {
        RuleInput {
            regime: s(REGIME),
            check: s(check),
            indicator: s(DISBURSED),
            ..RuleInput::default()
        }
    }

    fn problems(result: Result<RuleId, AppError>) -> Vec<(String, Problem)> {
        match result {
            Err(AppError::Invalid(errors)) => {
                errors.into_iter().map(|e| (e.field, e.problem)).collect()
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn an_office_sets_a_rule_that_replaces_the_last_and_bad_rules_name_their_field() {
        let (_dir, app) = demo().await;
        let office = Actor::with_grants(
            "lan",
            vec![Grant::over(Role::Office, unit(&app, "22-UBND"))],
        );
        let bounds = RuleInput {
            min: s("10"),
            max: s("5"),
            ..rule("bounds")
        };
        assert_eq!(
            problems(app.set_rule(&office, &bounds, "form").await),
            [(
                "check".into(),
                Problem::BadRule {
                    reason: "backwards".into()
                }
            )]
        );
        let part = RuleInput {
            whole: s(DISBURSED),
            ..rule("part_of")
        };
        assert_eq!(
            problems(app.set_rule(&office, &part, "form").await)[0].0,
            "indicator"
        );
        let unknown = rule("ratio");
        assert!(matches!(
            &problems(app.set_rule(&office, &unknown, "form").await)[0],
            (field, Problem::NotOneOf { .. }) if field == "check"
        ));
        let foreign = RuleInput {
            indicator: s("RETAIL_SALES"),
            ..rule("required")
        };
        assert_eq!(
            problems(app.set_rule(&office, &foreign, "form").await),
            [(
                "indicator".into(),
                Problem::BadRule {
                    reason: "not_of_regime".into()
                }
            )]
        );
        let reporter = Actor::with_grants(
            "thu",
            vec![Grant::over(Role::Reporter, unit(&app, "22-STC"))],
        );
        assert!(matches!(
            app.set_rule(&reporter, &rule("required"), "form").await,
            Err(AppError::Forbidden(_))
        ));

        let max = RuleInput {
            max: s("1000"),
            ..rule("bounds")
        };
        app.set_rule(&office, &max, "form").await.expect("set");
        {
            let engine = app.engine();
            let regime = engine
                .reporting()
                .regime_by_code(&RegimeCode::parse(REGIME).expect("code"))
                .expect("regime");
            let bounds: Vec<&Check> = engine
                .validation()
                .of_regime(regime.id)
                .iter()
                .map(|r| &r.check)
                .filter(|c| matches!(c, Check::Bounds { indicator, .. } if *indicator == indicator_id(&engine, DISBURSED)))
                .collect();
            assert_eq!(
                bounds,
                [&Check::Bounds {
                    indicator: indicator_id(&engine, DISBURSED),
                    min: None,
                    max: Some(1000.0)
                }],
                "the new bounds replace the demo's"
            );
        }
        let trail = app
            .store()
            .audit_trail(Some("regime:QN-SO-THANG/rule/bounds"), 5)
            .await
            .expect("trail");
        assert_eq!(trail[0].action, "validation_rule.set");
        assert_eq!(trail[0].actor, "lan");
    }

    fn indicator_id(engine: &Engine, code: &str) -> IndicatorId {
        engine
            .indicator_by_code(&IndicatorCode::parse(code).expect("code"))
            .expect("indicator")
            .id
    }
}
