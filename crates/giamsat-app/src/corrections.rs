//! Correcting without losing history: a task, a working session or a position is revised by a new
//! record ([`Revision`]) that says what changed, from what to what, who did it, when and
//! why; the record itself is never rewritten. A deadline moved (*gia hạn*) and a new lead are
//! changes of their own, so the history names them.
//!
//! A form sends the fields as they should be and the number of versions it was read at;
//! fields left as they are change nothing, and a form read before someone else's correction
//! is refused rather than silently undoing it.

use giamsat_core::access::Denied;
use giamsat_core::follow_up::{Change, FollowUp, Revision};
use giamsat_core::{Engine, FollowUpId, Record, UnitId};
use giamsat_store::Store;
use serde::{Deserialize, Serialize};

/// A text field of a correction: what was sent, what is recorded, and the change it makes.
type TextChange<'a> = (&'a Option<String>, &'a String, fn(String, String) -> Change);

use crate::input::{Checker, present};
use crate::{Actor, App, AppError, FieldError, Problem, Thing};

/// A task as it should be. Fields left out (or empty) stay as they are.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TaskRevisionInput {
    #[serde(default)]
    pub title: Option<String>,
    /// The lead unit, by code.
    #[serde(default)]
    pub lead: Option<String>,
    /// The co-owners, by code; `None` keeps them.
    #[serde(default)]
    pub co_owners: Option<Vec<String>>,
    /// The new deadline (a later one is an extension, *gia hạn*).
    #[serde(default)]
    pub due: Option<String>,
    /// Why (required).
    #[serde(default)]
    pub reason: Option<String>,
    /// How many revisions the task had when the form was read.
    #[serde(default)]
    pub version: Option<usize>,
    #[serde(default)]
    pub source: Option<String>,
}

/// A working session's minutes as they should be. Fields left out stay as they are.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRevisionInput {
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub report: Option<String>,
    #[serde(default)]
    pub achievements: Option<String>,
    #[serde(default)]
    pub limitations: Option<String>,
    #[serde(default)]
    pub causes: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub version: Option<usize>,
    #[serde(default)]
    pub source: Option<String>,
}

/// A position as it should be: title, its translations, body, first and last day. Fields
/// left out stay as they are; a last day given ends the position.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PositionRevisionInput {
    #[serde(default)]
    pub title: Option<String>,
    /// The titles in English and French as they should be (both sent, emptied included).
    #[serde(default)]
    pub title_en: Option<String>,
    #[serde(default)]
    pub title_fr: Option<String>,
    /// The body, by name or code; sent empty, the position is in no known body.
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub version: Option<usize>,
    #[serde(default)]
    pub source: Option<String>,
}

impl<S: Store> App<S> {
    /// Revises a task: title, lead, co-owners, deadline, with a reason. Returns the
    /// revision's id.
    pub async fn revise_task(
        &self,
        actor: &Actor,
        task: FollowUpId,
        input: &TaskRevisionInput,
        source: &str,
    ) -> Result<FollowUpId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let (id, _) = self
            .commit_batch(actor, ("task.revise", source), |batch| {
                let engine = batch.engine();
                let Some(current) = engine.follow_up().task(task).cloned() else {
                    return Err(AppError::NotFound {
                        what: Thing::Task,
                        key: task.to_string(),
                    });
                };
                may_revise(actor, engine, task, true)?;
                let mut c = Checker::new(&batch.origin);
                let mut changes = Vec::new();
                if let Some(title) = present(&input.title).map(giamsat_core::text::nfc) {
                    changes.push(Change::Title {
                        before: current.title.clone(),
                        after: title,
                    });
                }
                if present(&input.lead).is_some()
                    && let Some(lead) = c.unit(engine, "lead", &input.lead)
                {
                    changes.push(Change::Lead {
                        before: current.lead,
                        after: lead,
                    });
                }
                if let Some(codes) = &input.co_owners {
                    let after: Vec<UnitId> = codes
                        .iter()
                        .enumerate()
                        .filter(|(_, code)| !code.trim().is_empty())
                        .filter_map(|(i, code)| {
                            c.unit(engine, &format!("co_owners.{i}"), &Some(code.clone()))
                        })
                        .collect();
                    changes.push(Change::CoOwners {
                        before: current.co_owners.clone(),
                        after,
                    });
                }
                if let Some(Some(due)) = c.date("due", &input.due) {
                    changes.push(Change::Due {
                        before: current.due,
                        after: Some(due),
                    });
                }
                let revision = revision(
                    &mut c,
                    batch,
                    task,
                    changes,
                    input.version,
                    &input.reason,
                    &input.source,
                )?;
                batch.follow(FollowUp::Revision(revision), "")
            })
            .await?;
        Ok(id)
    }

    /// Revises a working session's day, place, report and findings, with a reason.
    pub async fn revise_session(
        &self,
        actor: &Actor,
        session: FollowUpId,
        input: &SessionRevisionInput,
        source: &str,
    ) -> Result<FollowUpId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let (id, _) = self
            .commit_batch(actor, ("session.revise", source), |batch| {
                let engine = batch.engine();
                let Some(current) = engine.follow_up().session(session).cloned() else {
                    return Err(AppError::NotFound {
                        what: Thing::WorkingSession,
                        key: session.to_string(),
                    });
                };
                may_revise(actor, engine, session, false)?;
                let mut c = Checker::new(&batch.origin);
                let mut changes = Vec::new();
                if let Some(Some(date)) = c.date("date", &input.date) {
                    changes.push(Change::Date {
                        before: current.date,
                        after: date,
                    });
                }
                // A text sent is the field as it should be, emptied included.
                let texts: [TextChange<'_>; 5] = [
                    (&input.place, &current.place, |before, after| {
                        Change::Place { before, after }
                    }),
                    (&input.report, &current.report, |before, after| {
                        Change::Report { before, after }
                    }),
                    (
                        &input.achievements,
                        &current.achievements,
                        |before, after| Change::Achievements { before, after },
                    ),
                    (&input.limitations, &current.limitations, |before, after| {
                        Change::Limitations { before, after }
                    }),
                    (&input.causes, &current.causes, |before, after| {
                        Change::Causes { before, after }
                    }),
                ];
                for (sent, before, change) in texts {
                    if let Some(text) = sent {
                        changes.push(change(before.clone(), giamsat_core::text::nfc(text.trim())));
                    }
                }
                let revision = revision(
                    &mut c,
                    batch,
                    session,
                    changes,
                    input.version,
                    &input.reason,
                    &input.source,
                )?;
                batch.follow(FollowUp::Revision(revision), "")
            })
            .await?;
        Ok(id)
    }
}

impl<S: Store> App<S> {
    /// Corrects or ends a position, with a reason. Returns the revision's id.
    pub async fn revise_position(
        &self,
        actor: &Actor,
        position: FollowUpId,
        input: &PositionRevisionInput,
        source: &str,
    ) -> Result<FollowUpId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let (id, _) = self
            .commit_batch(actor, ("position.revise", source), |batch| {
                let engine = batch.engine();
                let Some(FollowUp::Position(current)) = engine.follow_up().get(position).cloned()
                else {
                    return Err(AppError::NotFound {
                        what: Thing::Record,
                        key: position.to_string(),
                    });
                };
                may_revise_as(actor, engine, position, position_probe())?;
                let mut c = Checker::new(&batch.origin);
                let changes = position_changes(&mut c, engine, &current, input);
                let revision = revision(
                    &mut c,
                    batch,
                    position,
                    changes,
                    input.version,
                    &input.reason,
                    &input.source,
                )?;
                batch.follow(FollowUp::Revision(revision), "to")
            })
            .await?;
        Ok(id)
    }
}

/// The changes a position's correction makes, each field as sent against what is recorded.
fn position_changes(
    c: &mut Checker,
    engine: &Engine,
    current: &giamsat_core::follow_up::Position,
    input: &PositionRevisionInput,
) -> Vec<Change> {
    let mut changes = Vec::new();
    if let Some(title) = present(&input.title).map(giamsat_core::text::nfc) {
        changes.push(Change::Post {
            before: current.title.clone(),
            after: title,
        });
    }
    if input.title_en.is_some() || input.title_fr.is_some() {
        let text = |t: &Option<String>| present(t).unwrap_or("").to_owned();
        changes.push(Change::PostTranslated {
            before: current.translated.clone(),
            after: giamsat_core::Translations::default()
                .with(giamsat_core::Language::En, &text(&input.title_en))
                .with(giamsat_core::Language::Fr, &text(&input.title_fr)),
        });
    }
    if input.unit.is_some()
        && let Some(unit) = c.optional_unit(engine, "unit", &input.unit)
    {
        changes.push(Change::PostUnit {
            before: current.unit,
            after: unit,
        });
    }
    if let Some(Some(from)) = c.date("from", &input.from) {
        changes.push(Change::Starts {
            before: current.from,
            after: Some(from),
        });
    }
    if let Some(Some(to)) = c.date("to", &input.to) {
        changes.push(Change::Ends {
            before: current.to,
            after: Some(to),
        });
    }
    changes
}

/// Whether the actor may correct or end the position `of`: the right to record it.
pub fn may_correct_position(actor: &Actor, engine: &Engine, of: FollowUpId) -> bool {
    may_revise_as(actor, engine, of, position_probe()).is_ok()
}

fn position_probe() -> Change {
    Change::Ends {
        before: None,
        after: None,
    }
}

/// Refuses, before anything of the input is read back, an actor who may not correct the
/// record: the same right as writing it.
fn may_revise(actor: &Actor, engine: &Engine, of: FollowUpId, task: bool) -> Result<(), AppError> {
    // A probe with one change of the record's kind: the rules look at the kind and at the
    // units of the record revised, not at the values.
    let change = if task {
        Change::Title {
            before: String::new(),
            after: String::new(),
        }
    } else {
        Change::Place {
            before: String::new(),
            after: String::new(),
        }
    };
    may_revise_as(actor, engine, of, change)
}

fn may_revise_as(
    actor: &Actor,
    engine: &Engine,
    of: FollowUpId,
    change: Change,
) -> Result<(), AppError> {
    let Some(grants) = &actor.grants else {
        return Ok(());
    };
    giamsat_core::access::permits(engine, grants, &probe(actor, of, change))
        .map_err(|d: Denied| AppError::Forbidden(d))
}

/// Whether the actor may correct the task (or, `task` false, the working session) `of`.
pub fn may_correct(actor: &Actor, engine: &Engine, of: FollowUpId, task: bool) -> bool {
    may_revise(actor, engine, of, task).is_ok()
}

fn probe(actor: &Actor, of: FollowUpId, change: Change) -> Record {
    Record::FollowUp(FollowUp::Revision(Revision {
        id: FollowUpId(0),
        of,
        changes: vec![change],
        reason: String::new(),
        provenance: giamsat_core::Provenance {
            source: String::new(),
            recorded_by: actor.name.clone(),
            recorded_at: time::OffsetDateTime::UNIX_EPOCH,
        },
    }))
}

/// The revision of `of` with the changes that change something, its reason required, and the
/// version the form was read at checked.
fn revision(
    c: &mut Checker,
    batch: &crate::Batch<'_>,
    of: FollowUpId,
    changes: Vec<Change>,
    version: Option<usize>,
    reason: &Option<String>,
    source: &Option<String>,
) -> Result<Revision, AppError> {
    let book = batch.engine().follow_up();
    if version.is_some_and(|v| v != book.revisions_of(of).len()) {
        return Err(AppError::Conflict(Problem::EditedMeanwhile));
    }
    let reason = present(reason).map(giamsat_core::text::nfc);
    if reason.is_none() {
        c.fail("reason", Problem::ReasonRequired);
    }
    let changes: Vec<Change> = changes.into_iter().filter(|ch| !ch.is_none()).collect();
    let checker = std::mem::replace(c, Checker::new(&batch.origin));
    let reason = checker.finish(reason).map_err(AppError::Invalid)?;
    if changes.is_empty() {
        return Err(AppError::Invalid(vec![FieldError::new(
            "",
            Problem::NothingChanged,
        )]));
    }
    Ok(Revision {
        id: book.next_id(),
        of,
        changes,
        reason,
        provenance: batch.origin.provenance(source),
    })
}

#[cfg(test)]
mod tests {
    use giamsat_core::access::{Grant, Role};
    use giamsat_core::follow_up::Change;
    use giamsat_core::{FollowUpId, UnitCode};
    use giamsat_store::SqlStore;
    use time::macros::date;

    use super::*;
    use crate::follow_up::{SessionInput, TaskInput};

    async fn app_at(path: &std::path::Path) -> App<SqlStore> {
        let store = SqlStore::open(path.to_str().expect("utf-8 path"))
            .await
            .expect("open store");
        App::open(store).await.expect("open app")
    }

    fn unit_id(app: &App<SqlStore>, code: &str) -> UnitId {
        app.engine()
            .unit_by_code(&UnitCode::parse(code).expect("code"))
            .expect("unit")
            .id
    }

    fn as_role(app: &App<SqlStore>, role: Role, code: &str) -> Actor {
        Actor::with_grants(role.as_str(), vec![Grant::over(role, unit_id(app, code))])
    }

    /// The demo, with a session of the province's People's Committee and a task of the
    /// department of industry due on 30/9/2023 from its first conclusion.
    async fn with_a_task(path: &std::path::Path) -> (App<SqlStore>, FollowUpId, FollowUpId) {
        let app = app_at(path).await;
        let system = Actor::named("tester");
        app.load_demo(&system).await.expect("demo");
        let session = app
            .record_session(
                &system,
                &SessionInput {
                    body: Some("40-UBND".into()),
                    unit: Some("40-SCT".into()),
                    date: Some("1/9/2023".into()),
                    place: Some("Hội trường Sở".into()),
                    conclusions: vec!["Rà soát quy hoạch".into()],
                    ..SessionInput::default()
                },
                "test",
            )
            .await
            .expect("session");
        let task = app
            .create_task(
                &system,
                &TaskInput {
                    session: Some(session.0),
                    item: Some(1),
                    lead: Some("40-SCT".into()),
                    due: Some("30/9/2023".into()),
                    ..TaskInput::default()
                },
                "test",
            )
            .await
            .expect("task");
        (app, session, task)
    }

    fn extension(due: &str, reason: &str, version: usize) -> TaskRevisionInput {
        TaskRevisionInput {
            due: Some(due.into()),
            reason: Some(reason.into()),
            version: Some(version),
            ..TaskRevisionInput::default()
        }
    }

    #[tokio::test]
    async fn an_extension_and_a_new_lead_are_versions_with_who_when_and_why_kept_across_a_restart()
    {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("giamsat.db");
        let (app, _, task) = with_a_task(&path).await;
        let office = as_role(&app, Role::Office, "40");
        app.revise_task(
            &office,
            task,
            &extension("31/12/2023", "Quyết định 88/QĐ-UBND gia hạn", 0),
            "test",
        )
        .await
        .expect("extended");
        let lead = TaskRevisionInput {
            lead: Some("40-UBND".into()),
            // The same deadline again changes nothing and is not recorded as a change.
            due: Some("31/12/2023".into()),
            reason: Some("Sở sáp nhập".into()),
            version: Some(1),
            ..TaskRevisionInput::default()
        };
        app.revise_task(&office, task, &lead, "test")
            .await
            .expect("new lead");
        let check = |app: &App<SqlStore>| {
            let engine = app.engine();
            let book = engine.follow_up();
            let current = book.task(task).expect("task");
            assert_eq!(current.due, Some(date!(2023 - 12 - 31)));
            assert_eq!(current.lead, unit_id(app, "40-UBND"));
            let history = book.revisions_of(task);
            assert_eq!(history.len(), 2);
            assert_eq!(
                history[0].changes,
                vec![Change::Due {
                    before: Some(date!(2023 - 09 - 30)),
                    after: Some(date!(2023 - 12 - 31)),
                }]
            );
            assert_eq!(history[0].reason, "Quyết định 88/QĐ-UBND gia hạn");
            assert_eq!(history[0].provenance.recorded_by, "office");
            assert_eq!(
                history[1].changes,
                vec![Change::Lead {
                    before: unit_id(app, "40-SCT"),
                    after: unit_id(app, "40-UBND"),
                }]
            );
            // The new lead's list holds the task; the old lead's does not.
            let today = date!(2023 - 10 - 15);
            assert!(
                book.tasks_of(unit_id(app, "40-UBND"), today)
                    .iter()
                    .any(|v| v.task.id == task)
            );
            assert!(
                !book
                    .tasks_of(unit_id(app, "40-SCT"), today)
                    .iter()
                    .any(|v| v.task.id == task)
            );
            // Extended, the task is no longer overdue in October.
            assert_eq!(
                book.task_view(task, today).map(|v| v.status),
                Some(giamsat_core::follow_up::TaskStatus::NotStarted)
            );
        };
        check(&app);
        let trail = app
            .audit_trail(&Actor::named("tester"), Some(&format!("task:{task}")), 10)
            .await
            .expect("trail");
        let revision = trail
            .iter()
            .find(|e| {
                e.action == "task.revision"
                    && e.after.as_ref().is_some_and(|a| a["due"].is_string())
            })
            .expect("the extension is audited");
        assert_eq!(
            revision.before.as_ref().map(|b| b["due"].clone()),
            Some(serde_json::json!("2023-09-30"))
        );
        assert_eq!(
            revision.after.as_ref().map(|a| a["reason"].clone()),
            Some(serde_json::json!("Quyết định 88/QĐ-UBND gia hạn"))
        );
        drop(app);
        check(&app_at(&path).await);
    }

    #[tokio::test]
    async fn a_correction_without_a_reason_or_a_change_or_from_an_old_version_writes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (app, _, task) = with_a_task(&dir.path().join("giamsat.db")).await;
        let office = as_role(&app, Role::Office, "40");
        let head = app.head();
        let no_reason = app
            .revise_task(&office, task, &extension("31/12/2023", "  ", 0), "t")
            .await;
        assert!(
            matches!(&no_reason, Err(AppError::Invalid(e)) if e[0].field == "reason" && e[0].problem == Problem::ReasonRequired),
            "{no_reason:?}"
        );
        let same = app
            .revise_task(&office, task, &extension("30/09/2023", "không đổi", 0), "t")
            .await;
        assert!(
            matches!(&same, Err(AppError::Invalid(e)) if e[0].problem == Problem::NothingChanged),
            "{same:?}"
        );
        let bad_date = app
            .revise_task(&office, task, &extension("31/13/2023", "lý do", 0), "t")
            .await;
        assert!(
            matches!(&bad_date, Err(AppError::Invalid(e)) if e[0].field == "due"),
            "{bad_date:?}"
        );
        assert_eq!(app.head(), head, "nothing was written");
        app.revise_task(&office, task, &extension("31/10/2023", "lần một", 0), "t")
            .await
            .expect("first");
        // A second form read at version 0 would undo the first: refused.
        let stale = app
            .revise_task(&office, task, &extension("15/11/2023", "lần hai", 0), "t")
            .await;
        assert!(
            matches!(stale, Err(AppError::Conflict(Problem::EditedMeanwhile))),
            "{stale:?}"
        );
        assert_eq!(app.engine().follow_up().revisions_of(task).len(), 1);
    }

    #[tokio::test]
    async fn only_who_may_write_the_record_corrects_it_refused_before_the_input_is_judged() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (app, session, task) = with_a_task(&dir.path().join("giamsat.db")).await;
        // Nothing in the input is valid: a refusal for the role must come first, so the
        // answer reveals nothing of the record's state.
        let nonsense = TaskRevisionInput {
            due: Some("không phải ngày".into()),
            version: Some(99),
            ..TaskRevisionInput::default()
        };
        for (role, code) in [
            (Role::Viewer, "40"),
            (Role::Reporter, "40-SCT"),
            (Role::Office, "40-TU"),
        ] {
            let refused = app
                .revise_task(&as_role(&app, role, code), task, &nonsense, "t")
                .await;
            assert!(
                matches!(refused, Err(AppError::Forbidden(_))),
                "{role:?}: {refused:?}"
            );
        }
        let minutes = SessionRevisionInput {
            place: Some("Phòng họp số 2".into()),
            report: Some("Sở đã báo cáo đầy đủ.".into()),
            reason: Some("Biên bản ghi nhầm phòng họp".into()),
            version: Some(0),
            ..SessionRevisionInput::default()
        };
        let refused = app
            .revise_session(
                &as_role(&app, Role::Supervisor, "40-TU"),
                session,
                &minutes,
                "t",
            )
            .await;
        assert!(
            matches!(refused, Err(AppError::Forbidden(_))),
            "{refused:?}"
        );
        app.revise_session(&as_role(&app, Role::Office, "40"), session, &minutes, "t")
            .await
            .expect("the province's office corrects the minutes");
        let engine = app.engine();
        let book = engine.follow_up();
        assert_eq!(
            book.session(session).map(|s| s.place.as_str()),
            Some("Phòng họp số 2")
        );
        let history = book.revisions_of(session);
        assert_eq!(history.len(), 1);
        assert_eq!(
            history[0]
                .changes
                .iter()
                .map(Change::field)
                .collect::<Vec<_>>(),
            vec!["place", "report"]
        );
    }

    #[tokio::test]
    async fn a_position_given_by_name_is_ended_and_corrected_with_its_history_by_its_office_only() {
        use crate::follow_up::{PersonInput, PositionInput};
        let dir = tempfile::tempdir().expect("tempdir");
        let (app, _, _) = with_a_task(&dir.path().join("giamsat.db")).await;
        let office = as_role(&app, Role::Office, "40");
        let person = app
            .record_person(
                &office,
                &PersonInput {
                    name: "Nguyễn Văn Lâm".into(),
                    ..PersonInput::default()
                },
                "t",
            )
            .await
            .expect("person");
        let position = app
            .add_position(
                &office,
                person,
                &PositionInput {
                    title: "Giám đốc".into(),
                    title_en: Some("Director".into()),
                    // The body by part of its name, without diacritics.
                    unit: Some("so cong thuong nghe an".into()),
                    from: Some("1/3/2021".into()),
                    ..PositionInput::default()
                },
                "t",
            )
            .await
            .expect("position");
        let revise = |to: &str, reason: &str, version: usize| PositionRevisionInput {
            to: Some(to.into()),
            reason: Some(reason.into()),
            version: Some(version),
            ..PositionRevisionInput::default()
        };
        // Ending before it began is refused and writes nothing.
        let head = app.head();
        let backwards = app
            .revise_position(&office, position, &revise("1/1/2020", "nghỉ hưu", 0), "t")
            .await;
        assert!(
            matches!(&backwards, Err(AppError::Invalid(e)) if e[0].field == "to"),
            "{backwards:?}"
        );
        assert_eq!(app.head(), head);
        // Another province's office and a viewer may not end it.
        for (role, code) in [(Role::Office, "22"), (Role::Viewer, "40")] {
            let refused = app
                .revise_position(
                    &as_role(&app, role, code),
                    position,
                    &revise("31/5/2024", "x", 0),
                    "t",
                )
                .await;
            assert!(
                matches!(refused, Err(AppError::Forbidden(_))),
                "{refused:?}"
            );
        }
        app.revise_position(&office, position, &revise("31/5/2024", "Nghỉ hưu", 0), "t")
            .await
            .expect("ended");
        let retitle = PositionRevisionInput {
            title: Some("Giám đốc Sở".into()),
            title_fr: Some("Directeur".into()),
            title_en: Some("Director".into()),
            reason: Some("Ghi đúng chức danh".into()),
            version: Some(1),
            ..PositionRevisionInput::default()
        };
        app.revise_position(&office, position, &retitle, "t")
            .await
            .expect("corrected");
        let engine = app.engine();
        let book = engine.follow_up();
        let held: Vec<_> = book.positions_of(person).collect();
        assert_eq!(held.len(), 1);
        assert_eq!(held[0].title, "Giám đốc Sở");
        assert_eq!(held[0].title_in(giamsat_core::Language::Fr), "Directeur");
        assert_eq!(held[0].unit, Some(unit_id(&app, "40-SCT")));
        assert_eq!(held[0].to, Some(date!(2024 - 05 - 31)));
        assert!(!held[0].held_on(date!(2024 - 06 - 01)));
        let history = book.revisions_of(position);
        assert_eq!(history.len(), 2);
        assert_eq!(history[0].reason, "Nghỉ hưu");
        assert_eq!(
            history[1]
                .changes
                .iter()
                .map(Change::field)
                .collect::<Vec<_>>(),
            vec!["post", "post_translated"]
        );
    }
}
