//! The use cases of the reporting cycle: setting up a regime, and the steps of a unit's
//! report (send, approve, return, reopen).
//!
//! Inputs name things by code, as every boundary does (pages offer them by name). A step is
//! one record; the rules of which step may follow which are the core's, and the rule that
//! only the unit above decides is `access::permits`. What is checked here is what needs the
//! actor's name or the unit's figures: the person who sent a report does not decide on it.

use giamsat_core::reporting::{
    Action, Explanation, Frequency, Regime, RegimeCode, Reporters, Reporting, Step,
};
use giamsat_core::text::Translations;
use giamsat_core::{
    Engine, Language, ObservationId, Period, Record, RegimeId, StepId, UnitId, UnitKind,
};
use giamsat_store::Store;
use serde::{Deserialize, Serialize};

use crate::input::{Checker, present};
use crate::{Actor, App, AppError, Batch, FieldError, Problem, Thing};

/// A reporting regime as an office sets it up.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RegimeInput {
    pub code: Option<String>,
    /// The name in Vietnamese; `name_en` and `name_fr` are optional.
    pub name: Option<String>,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default)]
    pub name_fr: Option<String>,
    /// The key of the document that set the regime.
    pub document: Option<String>,
    #[serde(default)]
    pub document_issuer: Option<String>,
    /// Indicator codes.
    #[serde(default)]
    pub indicators: Vec<String>,
    /// Unit codes that report; or, instead, every unit of `kind` under `under`.
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub under: Option<String>,
    /// monthly, quarterly, six_monthly or yearly.
    pub frequency: Option<String>,
    /// The unit reports are sent to, by code.
    pub recipient: Option<String>,
    /// Days after the closing day (the 14th) by which a report is due.
    pub deadline_days: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// What a reporter says about one figure that stands out.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExplanationInput {
    /// The indicator's code.
    pub indicator: String,
    pub text: String,
}

/// One step of a unit's report for a regime and period.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StepInput {
    /// The regime's code.
    pub regime: Option<String>,
    /// The reporting unit's code.
    pub unit: Option<String>,
    pub period: Option<String>,
    /// submit, approve, return or reopen.
    pub action: Option<String>,
    /// Why it is returned or reopened.
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub explanations: Vec<ExplanationInput>,
    #[serde(default)]
    pub source: Option<String>,
}

/// The actions a step may name, in the order of the cycle.
pub const ACTIONS: [&str; 4] = ["submit", "approve", "return", "reopen"];

impl<S: Store> App<S> {
    /// Sets up a reporting regime.
    pub async fn create_regime(
        &self,
        actor: &Actor,
        input: &RegimeInput,
        source: &str,
    ) -> Result<RegimeId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let (id, _) = self
            .commit_batch(actor, ("regime.create", source), |batch| {
                let regime = regime_of(batch, input)?;
                let id = regime.id;
                batch.report(Reporting::Regime(regime), "code")?;
                Ok(id)
            })
            .await?;
        Ok(id)
    }

    /// Takes one step of a unit's report: sends it, or, as the unit above, approves, returns
    /// or reopens it.
    pub async fn take_step(
        &self,
        actor: &Actor,
        input: &StepInput,
        source: &str,
    ) -> Result<StepId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let (id, _) = self
            .commit_batch(actor, ("report.step", source), |batch| {
                let step = step_of(batch, input)?;
                let id = step.id;
                let own = refuse_own_decision(batch.engine(), actor, &step);
                let unsendable = crate::validation::refuse_unsendable(batch.engine(), &step);
                // The grants are checked first: someone without the right learns only that.
                batch.report(Reporting::Step(step), "action")?;
                own?;
                unsendable?;
                Ok(id)
            })
            .await?;
        Ok(id)
    }
}

impl Batch<'_> {
    /// Checks and adds a reporting record; the engine's refusal names `field`.
    pub(crate) fn report(&mut self, record: Reporting, field: &str) -> Result<(), AppError> {
        let record = Record::Reporting(record);
        self.engine().check(&record).map_err(|e| {
            use giamsat_core::EngineError;
            use giamsat_core::reporting::{ReportingError, StepError};
            match e {
                // A step that does not follow the report's state was overtaken by another
                // person's step: a conflict, not a mistake in the form.
                EngineError::Reporting(ReportingError::Step(StepError::NotFrom { .. })) => {
                    AppError::Conflict(Problem::of_engine(&e))
                }
                other => {
                    AppError::Invalid(vec![FieldError::new(field, Problem::of_engine(&other))])
                }
            }
        })?;
        self.push(record)
    }
}

/// The person who sent a report cannot approve or return it, whatever their grants: four
/// eyes see a report before it is published.
fn refuse_own_decision(engine: &Engine, actor: &Actor, step: &Step) -> Result<(), AppError> {
    if !matches!(step.action, Action::Approve { .. } | Action::Return { .. }) {
        return Ok(());
    }
    let sent_by = engine
        .reporting()
        .submission(step.regime, step.unit, step.period)
        .and_then(|s| s.last_submitted())
        .map(|s| s.provenance.recorded_by.as_str());
    if sent_by == Some(actor.name.as_str()) {
        return Err(AppError::Invalid(vec![FieldError::new(
            "action",
            Problem::OwnReport,
        )]));
    }
    Ok(())
}

pub(crate) fn regime_of(batch: &Batch<'_>, input: &RegimeInput) -> Result<Regime, AppError> {
    let engine = batch.engine();
    let mut c = Checker::new(&batch.origin);
    let code = c
        .required("code", &input.code)
        .and_then(|text| c.check("code", text, RegimeCode::parse(text)));
    let name = c.required("name", &input.name).map(|vi| {
        let mut name = Translations::vi(&giamsat_core::text::nfc(vi));
        for (language, text) in [
            (Language::En, &input.name_en),
            (Language::Fr, &input.name_fr),
        ] {
            if let Some(text) = present(text) {
                name = name.with(language, &giamsat_core::text::nfc(text));
            }
        }
        name
    });
    let document = c
        .required("document", &input.document)
        .and_then(|key| c.document(engine, "document", key, &input.document_issuer));
    let indicators: Vec<_> = input
        .indicators
        .iter()
        .enumerate()
        .filter_map(|(i, code)| {
            c.indicator_id(engine, &format!("indicators.{i}"), &Some(code.clone()))
        })
        .collect();
    let reporters = reporters_of(&mut c, engine, input);
    let frequency = c.required("frequency", &input.frequency).and_then(|text| {
        Frequency::parse(text).or_else(|| {
            c.fail(
                "frequency",
                not_one_of(text, &Frequency::ALL.map(|f| f.as_str())),
            );
            None
        })
    });
    let recipient = c.unit(engine, "recipient", &input.recipient);
    let deadline_days = match present(&input.deadline_days) {
        None => Some(0),
        Some(text) => match text.parse::<u16>() {
            Ok(days) if days <= 366 => Some(days),
            _ => {
                c.fail(
                    "deadline_days",
                    Problem::DaysOutOfRange {
                        days: text.parse().unwrap_or(i64::MAX),
                    },
                );
                None
            }
        },
    };
    let regime = (|| {
        Some(Regime {
            id: RegimeId(engine.reporting().next_id()),
            code: code?,
            name: name?,
            document: document?,
            indicators,
            reporters: reporters?,
            frequency: frequency?,
            recipient: recipient?,
            deadline_days: deadline_days?,
            holds_after: ObservationId(engine.last_observation_id()),
            provenance: batch.origin.provenance(&input.source),
        })
    })();
    c.finish(regime).map_err(AppError::Invalid)
}

fn reporters_of(c: &mut Checker, engine: &Engine, input: &RegimeInput) -> Option<Reporters> {
    if let Some(kind) = present(&input.kind) {
        let kind = UnitKind::parse(kind).or_else(|| {
            c.fail("kind", not_one_of(kind, &UnitKind::ALL.map(|k| k.as_str())));
            None
        });
        let under = c.unit(engine, "under", &input.under);
        return Some(Reporters::KindUnder {
            kind: kind?,
            under: under?,
        });
    }
    let units: Vec<UnitId> = input
        .units
        .iter()
        .enumerate()
        .filter_map(|(i, code)| c.unit_code(engine, &format!("units.{i}"), code))
        .collect();
    Some(Reporters::Units { units })
}

fn not_one_of(text: &str, allowed: &[&str]) -> Problem {
    Problem::NotOneOf {
        text: text.to_owned(),
        allowed: allowed.join(", "),
    }
}

fn step_of(batch: &Batch<'_>, input: &StepInput) -> Result<Step, AppError> {
    let engine = batch.engine();
    let mut c = Checker::new(&batch.origin);
    let regime = match c
        .required("regime", &input.regime)
        .and_then(|text| c.check("regime", text, RegimeCode::parse(text)))
    {
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
    let unit = c.unit(engine, "unit", &input.unit);
    let period: Option<Period> = c.period("period", &input.period);
    let action = c
        .required("action", &input.action)
        .and_then(|text| action_of(&mut c, engine, text, input));
    let step = (|| {
        Some(Step {
            id: StepId(engine.reporting().next_id()),
            regime: regime?,
            unit: unit?,
            period: period?,
            action: action?,
            provenance: batch.origin.provenance(&input.source),
        })
    })();
    c.finish(step).map_err(AppError::Invalid)
}

fn action_of(c: &mut Checker, engine: &Engine, text: &str, input: &StepInput) -> Option<Action> {
    let reason = || present(&input.reason).map(giamsat_core::text::nfc);
    let with_reason = |c: &mut Checker| {
        let reason = reason();
        if reason.is_none() {
            c.fail("reason", Problem::ReasonRequired);
        }
        reason
    };
    match text {
        "submit" => {
            let explanations = input
                .explanations
                .iter()
                .enumerate()
                .filter(|(_, e)| !e.text.trim().is_empty())
                .filter_map(|(i, e)| {
                    let field = format!("explanations.{i}.indicator");
                    let indicator = c.indicator_id(engine, &field, &Some(e.indicator.clone()))?;
                    Some(Explanation {
                        indicator,
                        text: giamsat_core::text::nfc(e.text.trim()),
                    })
                })
                .collect();
            Some(Action::Submit { explanations })
        }
        // The approval publishes what the approver saw: the figures recorded until now.
        "approve" => Some(Action::Approve {
            through: ObservationId(engine.last_observation_id()),
        }),
        "return" => with_reason(c).map(|reason| Action::Return { reason }),
        "reopen" => with_reason(c).map(|reason| Action::Reopen { reason }),
        other => {
            c.fail("action", not_one_of(other, &ACTIONS));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use giamsat_core::UnitCode;
    use giamsat_core::access::{Denied, Grant, Role};
    use giamsat_core::reporting::State;
    use giamsat_store::SqlStore;

    use super::*;
    use crate::input::ObservationInput;

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

    fn unit(app: &App<SqlStore>, code: &str) -> UnitId {
        app.engine()
            .unit_by_code(&UnitCode::parse(code).expect("code"))
            .expect("unit")
            .id
    }

    fn s(text: &str) -> Option<String> {
        Some(text.to_owned())
    }

    /// A monthly regime for every department of Nghệ An, sent to its People's Committee.
    fn regime() -> RegimeInput {
        RegimeInput {
            code: s("sct-thang"),
            name: s("Báo cáo tháng của các sở"),
            document: s("40-KH-2023"),
            indicators: vec!["RETAIL_SALES".into()],
            kind: s("department"),
            under: s("40"),
            frequency: s("monthly"),
            recipient: s("40-UBND"),
            deadline_days: s("5"),
            ..RegimeInput::default()
        }
    }

    fn figure(value: &str) -> ObservationInput {
        ObservationInput {
            indicator: s("RETAIL_SALES"),
            unit: s("40-SCT"),
            period: s("2024-05"),
            value: s(value),
            kind: s("estimate"),
            ..ObservationInput::default()
        }
    }

    fn step(action: &str, reason: Option<&str>) -> StepInput {
        StepInput {
            regime: s("SCT-THANG"),
            unit: s("40-SCT"),
            period: s("2024-05"),
            action: s(action),
            reason: reason.map(str::to_owned),
            ..StepInput::default()
        }
    }

    fn problem(result: Result<StepId, AppError>) -> Problem {
        match result {
            Err(AppError::Invalid(errors)) => errors[0].problem.clone(),
            other => panic!("expected a problem, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn a_report_is_sent_returned_corrected_approved_locked_and_reopened() {
        let (_dir, app) = demo().await;
        let system = Actor::named("demo");
        let id = app
            .create_regime(&system, &regime(), "test")
            .await
            .expect("regime");
        let reporter = Actor::with_grants(
            "reporter",
            vec![Grant::over(Role::Reporter, unit(&app, "40-SCT"))],
        );
        let head = Actor::with_grants(
            "head",
            vec![Grant::over(Role::Office, unit(&app, "40-UBND"))],
        );
        let state = |app: &App<SqlStore>| {
            app.engine().reporting().state(
                id,
                unit(app, "40-SCT"),
                "2024-05".parse().expect("period"),
            )
        };

        app.create(&reporter, &figure("3100"), "form")
            .await
            .expect("a draft figure");
        app.take_step(&reporter, &step("submit", None), "form")
            .await
            .expect("sent");
        assert_eq!(state(&app), State::Submitted);
        // Sent figures wait for the decision unchanged.
        let locked = app.create(&reporter, &figure("3200"), "form").await;
        assert!(
            matches!(locked, Err(AppError::Forbidden(Denied::Locked { .. }))),
            "{locked:?}"
        );
        // The reporter does not decide on its own report.
        let refused = app
            .take_step(&reporter, &step("approve", None), "form")
            .await;
        assert!(
            matches!(refused, Err(AppError::Forbidden(_))),
            "{refused:?}"
        );
        assert_eq!(
            problem(
                app.take_step(&head, &step("return", Some("  ")), "form")
                    .await
            ),
            Problem::ReasonRequired
        );
        app.take_step(&head, &step("return", Some("Thiếu số liệu")), "form")
            .await
            .expect("returned");
        assert_eq!(state(&app), State::Returned);
        app.create(&reporter, &figure("3200"), "form")
            .await
            .expect("corrected");
        app.take_step(&reporter, &step("submit", None), "form")
            .await
            .expect("sent again");
        app.take_step(&head, &step("approve", None), "form")
            .await
            .expect("approved");
        assert_eq!(state(&app), State::Approved);
        assert!(matches!(
            app.create(&system, &figure("3300"), "cli").await,
            Err(AppError::Forbidden(Denied::Locked { .. }))
        ));
        assert!(matches!(
            app.take_step(&head, &step("approve", None), "form").await,
            Err(AppError::Conflict(Problem::StepNotAllowed { .. }))
        ));
        app.take_step(&head, &step("reopen", Some("Sai đơn vị tính")), "form")
            .await
            .expect("reopened");
        app.create(&reporter, &figure("3300"), "form")
            .await
            .expect("changed once reopened");

        let trail = app
            .store()
            .audit_trail(Some("report:SCT-THANG/40-SCT/2024-05"), 20)
            .await
            .expect("trail");
        let mut actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
        actions.reverse();
        assert_eq!(
            actions,
            [
                "report.submit",
                "report.return",
                "report.submit",
                "report.approve",
                "report.reopen"
            ]
        );
        assert_eq!(
            trail[0].before,
            Some(serde_json::json!({ "state": "approved" }))
        );
    }

    #[tokio::test]
    async fn the_sender_does_not_approve_and_bad_inputs_name_their_field() {
        let (_dir, app) = demo().await;
        let system = Actor::named("demo");
        app.create_regime(&system, &regime(), "test")
            .await
            .expect("regime");
        let office = Actor::with_grants("lan", vec![Grant::over(Role::Office, unit(&app, "40"))]);
        app.take_step(&office, &step("submit", None), "form")
            .await
            .expect("an office sends for its department");
        assert_eq!(
            problem(app.take_step(&office, &step("approve", None), "form").await),
            Problem::OwnReport
        );
        let again = app.create_regime(&system, &regime(), "test").await;
        assert!(
            matches!(&again, Err(AppError::Invalid(e)) if e[0].problem == Problem::RegimeExists { code: "SCT-THANG".into() }),
            "{again:?}"
        );
        let mut bad = step("approve", None);
        bad.period = s("2024-Q2");
        bad.unit = s("40-UBND");
        let Err(AppError::Invalid(errors)) = app.take_step(&system, &bad, "form").await else {
            panic!("refused")
        };
        assert_eq!(errors[0].field, "action");
        assert!(matches!(
            errors[0].problem,
            Problem::NotAReportingPeriod { .. }
        ));
    }

    /// Department 40-SCT's retail sales for May 2024: the published figure, and the one its
    /// report holds back.
    fn may(app: &App<SqlStore>) -> (Option<f64>, Option<f64>) {
        let engine = app.engine();
        let (indicator, unit, period) = (
            engine
                .indicator_by_code(
                    &giamsat_core::IndicatorCode::parse("RETAIL_SALES").expect("code"),
                )
                .expect("indicator")
                .id,
            unit(app, "40-SCT"),
            "2024-05".parse().expect("period"),
        );
        (
            engine.reported(indicator, unit, period).map(|(.., v)| v),
            engine
                .reporting()
                .held_figure(indicator, unit, period)
                .map(|f| f.value),
        )
    }

    async fn reopened(dir: &tempfile::TempDir) -> App<SqlStore> {
        let path = dir.path().join("giamsat.db");
        let store = SqlStore::open(path.to_str().expect("utf-8"))
            .await
            .expect("store");
        App::open(store).await.expect("app")
    }

    #[tokio::test]
    async fn figures_are_published_by_approval_and_a_restart_publishes_the_same() {
        let (dir, app) = demo().await;
        let system = Actor::named("demo");
        app.create_regime(&system, &regime(), "test")
            .await
            .expect("regime");
        let reporter = Actor::with_grants(
            "reporter",
            vec![Grant::over(Role::Reporter, unit(&app, "40-SCT"))],
        );
        let head = Actor::with_grants(
            "head",
            vec![Grant::over(Role::Office, unit(&app, "40-UBND"))],
        );
        app.create(&reporter, &figure("3200"), "form")
            .await
            .expect("a draft figure");
        assert_eq!(may(&app), (None, Some(3200.0)), "a draft is not published");
        app.take_step(&reporter, &step("submit", None), "form")
            .await
            .expect("sent");
        assert_eq!(may(&app), (None, Some(3200.0)), "nor a submitted report");
        app.take_step(&head, &step("approve", None), "form")
            .await
            .expect("approved");
        assert_eq!(may(&app), (Some(3200.0), None), "the approval publishes");
        app.take_step(&head, &step("reopen", Some("Sai đơn vị tính")), "form")
            .await
            .expect("reopened");
        app.create(&reporter, &figure("3300"), "form")
            .await
            .expect("corrected");
        let waiting = (Some(3200.0), Some(3300.0));
        assert_eq!(may(&app), waiting, "the correction waits for approval");
        drop(app);

        // From the rows, then from a checkpoint taken while the correction is held.
        let app = reopened(&dir).await;
        assert_eq!(may(&app), waiting);
        app.save_checkpoint().await.expect("checkpoint");
        drop(app);
        let app = reopened(&dir).await;
        assert_eq!(
            app.uncheckpointed(),
            0,
            "every figure came from the checkpoint"
        );
        assert_eq!(may(&app), waiting);
        app.take_step(&reporter, &step("submit", None), "form")
            .await
            .expect("sent again");
        app.take_step(&head, &step("approve", None), "form")
            .await
            .expect("approved again");
        assert_eq!(may(&app), (Some(3300.0), None));
        drop(app);
        let app = reopened(&dir).await;
        assert_eq!(
            may(&app),
            (Some(3300.0), None),
            "approved after the checkpoint"
        );
    }
}
