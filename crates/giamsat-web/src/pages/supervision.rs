//! Supervision (*giám sát*): the plans of visits with their clashes, the working sessions,
//! the form that records a session with its delegation, and a session with its conclusions,
//! each of which can become a task in one step.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::follow_up::{
    DelegationInput, DelegationMemberInput, NamedPerson, SessionInput, TaskInput, VisitInput,
};
use giamsat_core::FollowUpId;
use giamsat_core::follow_up::DelegationRole;
use serde::Deserialize;

use super::forms::{UnitChoice, failure, see_other, unit_choices, unit_label};
use super::history::{SessionEdit, VersionRow, form_date, versions};
use super::tasks::{TaskRow, task_row};
use super::{Layout, Reader, Tr, respond, today};
use crate::auth::Principal;
use crate::error::PageError;
use crate::i18n::Arg;
use crate::state::{AppState, unit_code};

pub struct ClashRow {
    other_body: String,
    other_kind: String,
    days: String,
    subjects: String,
}

pub struct VisitRow {
    kind: String,
    body: String,
    unit: String,
    subjects: String,
    window: String,
    clashes: Vec<ClashRow>,
}

pub struct SessionRow {
    id: u32,
    date: String,
    body: String,
    unit: String,
    conclusions: usize,
    tasks: usize,
}

#[derive(Template)]
#[template(path = "supervision.html")]
pub struct SupervisionPage<'a> {
    page: Layout<'a>,
    visits: Vec<VisitRow>,
    sessions: Vec<SessionRow>,
    choices: Vec<UnitChoice>,
    errors: HashMap<String, String>,
    typed: VisitForm,
}

fn supervision_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    status: StatusCode,
    errors: HashMap<String, String>,
    typed: VisitForm,
) -> Response {
    let engine = state.app.engine();
    let layout = Layout::new(
        &state.i18n,
        reader,
        "/supervision",
        state.i18n.t(reader.lang, "supervision-title"),
    );
    let tr = layout.tr;
    let book = engine.follow_up();
    let subjects = |documents: &[giamsat_core::DocumentId], topics: &[String]| {
        documents
            .iter()
            .filter_map(|d| engine.document(*d).map(|d| d.title.get(tr.lang).to_owned()))
            .chain(topics.iter().cloned())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let window = |first: time::Date, last: time::Date| {
        if first == last {
            tr.date(first)
        } else {
            format!("{} – {}", tr.date(first), tr.date(last))
        }
    };
    // A reader's lists hold the visits and sessions of their own bodies and units.
    let grants = super::search::grants_of(reader.who.as_deref());
    let mut visits: Vec<_> = book
        .visits()
        .filter(|v| giamsat_app::follow_up::lists_visit(&engine, grants, v))
        .collect();
    visits.sort_by_key(|v| (v.plan.window.first, v.id));
    let visits = visits
        .into_iter()
        .map(|v| VisitRow {
            kind: tr.t(&format!("visit-kind-{}", v.kind.as_str())),
            body: unit_label(&engine, tr, v.plan.body),
            unit: unit_label(&engine, tr, v.plan.unit),
            subjects: subjects(&v.plan.subjects.documents, &v.plan.subjects.topics),
            window: window(v.plan.window.first, v.plan.window.last),
            clashes: book
                .clashes_with(v)
                .into_iter()
                .map(|(other, clash)| ClashRow {
                    other_body: unit_label(&engine, tr, other.plan.body),
                    other_kind: tr.t(&format!("visit-kind-{}", other.kind.as_str())),
                    days: window(clash.days.first, clash.days.last),
                    subjects: subjects(&clash.shared.documents, &clash.shared.topics),
                })
                .collect(),
        })
        .collect();
    let mut sessions: Vec<_> = book
        .sessions()
        .filter(|s| giamsat_app::follow_up::lists_session(&engine, grants, s))
        .collect();
    sessions.sort_by_key(|s| std::cmp::Reverse((s.date, s.id)));
    let sessions = sessions
        .into_iter()
        .map(|s| SessionRow {
            id: s.id.0,
            date: tr.date(s.date),
            body: unit_label(&engine, tr, s.body),
            unit: unit_label(&engine, tr, s.unit),
            conclusions: s.conclusions.len(),
            tasks: (0..s.conclusions.len())
                .filter(|i| book.task_of_conclusion(s.id, *i).is_some())
                .count(),
        })
        .collect();
    let page = SupervisionPage {
        visits,
        sessions,
        choices: unit_choices(&engine, tr),
        errors,
        typed,
        page: layout,
    };
    respond(reader, status, page.render())
}

pub async fn supervision<S: Store>(State(state): State<AppState<S>>, reader: Reader) -> Response {
    supervision_page(
        &state,
        &reader,
        StatusCode::OK,
        HashMap::new(),
        VisitForm::default(),
    )
}

#[derive(Deserialize, Default)]
pub struct VisitForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    topics: String,
    #[serde(default)]
    first: String,
    #[serde(default)]
    last: String,
}

/// Lines or semicolons separate the items a text area holds.
fn items(text: &str) -> Vec<String> {
    text.split(['\n', ';'])
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect()
}

pub async fn plan_visit<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Form(form): Form<VisitForm>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let input = VisitInput {
        kind: Some(form.kind.clone()),
        body: Some(form.body.clone()),
        unit: Some(form.unit.clone()),
        topics: items(&form.topics),
        first: Some(form.first.clone()),
        last: Some(form.last.clone()),
        ..VisitInput::default()
    };
    match state
        .app
        .plan_visit(&who.0.actor, &input, super::WEB_FORM_SOURCE)
        .await
    {
        Ok(_) => Ok(see_other("/supervision".to_owned())),
        Err(e) => {
            let (status, errors) = failure(tr, e)?;
            Ok(supervision_page(&state, &reader, status, errors, form))
        }
    }
}

#[derive(Deserialize, Default)]
pub struct SessionForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    documents: String,
    #[serde(default)]
    chair: String,
    #[serde(default)]
    delegation: String,
    #[serde(default)]
    members: String,
    #[serde(default)]
    attendees: String,
    #[serde(default)]
    report: String,
    #[serde(default)]
    achievements: String,
    #[serde(default)]
    limitations: String,
    #[serde(default)]
    causes: String,
    #[serde(default)]
    conclusions: String,
}

#[derive(Template)]
#[template(path = "session_form.html")]
pub struct SessionFormPage<'a> {
    page: Layout<'a>,
    typed: SessionForm,
    errors: HashMap<String, String>,
    choices: Vec<UnitChoice>,
    roles: Vec<(&'static str, String)>,
}

fn session_form_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    status: StatusCode,
    errors: HashMap<String, String>,
    typed: SessionForm,
) -> Response {
    let engine = state.app.engine();
    let layout = Layout::new(
        &state.i18n,
        reader,
        "/supervision",
        state.i18n.t(reader.lang, "session-new-title"),
    );
    let tr = layout.tr;
    let page = SessionFormPage {
        typed,
        errors,
        choices: unit_choices(&engine, tr),
        roles: DelegationRole::ALL
            .iter()
            .map(|r| (r.as_str(), tr.t(&format!("delegation-role-{}", r.as_str()))))
            .collect(),
        page: layout,
    };
    respond(reader, status, page.render())
}

pub async fn session_form<S: Store>(State(state): State<AppState<S>>, reader: Reader) -> Response {
    session_form_page(
        &state,
        &reader,
        StatusCode::OK,
        HashMap::new(),
        SessionForm::default(),
    )
}

/// "Name — position" (or "Name, position…" after the first dash or colon).
fn named(line: &str) -> NamedPerson {
    let (name, position) = line
        .split_once(" — ")
        .or_else(|| line.split_once(" - "))
        .or_else(|| line.split_once(':'))
        .unwrap_or((line, ""));
    NamedPerson {
        name: name.trim().to_owned(),
        position: Some(position.trim().to_owned()).filter(|p| !p.is_empty()),
        unit: None,
    }
}

pub async fn record_session<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Form(form): Form<SessionForm>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    // Members are "role | Name — position"; the role as a code or as the page names it.
    let role_of = |text: &str| {
        let folded = giamsat_core::text::fold(text);
        DelegationRole::ALL
            .into_iter()
            .find(|r| {
                r.as_str() == text.trim()
                    || giamsat_core::text::fold(&tr.t(&format!("delegation-role-{}", r.as_str())))
                        == folded
            })
            .map_or_else(|| text.trim().to_owned(), |r| r.as_str().to_owned())
    };
    let members: Vec<DelegationMemberInput> = form
        .members
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (role, rest) = line.split_once('|').unwrap_or(("member", line));
            let person = named(rest);
            DelegationMemberInput {
                name: person.name,
                role: role_of(role),
                position: person.position,
            }
        })
        .collect();
    let input = SessionInput {
        body: Some(form.body.clone()),
        unit: Some(form.unit.clone()),
        date: Some(form.date.clone()).filter(|d| !d.trim().is_empty()),
        place: Some(form.place.clone()),
        delegation: (!form.delegation.trim().is_empty()).then(|| DelegationInput {
            title: form.delegation.trim().to_owned(),
            visit: None,
            members,
        }),
        chair: (!form.chair.trim().is_empty()).then(|| named(&form.chair)),
        attendees: form
            .attendees
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(named)
            .collect(),
        documents: form
            .documents
            .split([',', ';', '\n'])
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty())
            .collect(),
        report: Some(form.report.clone()),
        achievements: Some(form.achievements.clone()),
        limitations: Some(form.limitations.clone()),
        causes: Some(form.causes.clone()),
        conclusions: form
            .conclusions
            .lines()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect(),
        source: None,
    };
    match state
        .app
        .record_session(&who.0.actor, &input, super::WEB_FORM_SOURCE)
        .await
    {
        Ok(id) => Ok(see_other(format!("/supervision/sessions/{id}"))),
        Err(e) => {
            let (status, errors) = failure(tr, e)?;
            Ok(session_form_page(&state, &reader, status, errors, form))
        }
    }
}

pub struct ConclusionRow {
    item: usize,
    text: String,
    task: Option<TaskRow>,
}

#[derive(Template)]
#[template(path = "session.html")]
pub struct SessionPage<'a> {
    page: Layout<'a>,
    id: u32,
    date: String,
    place: String,
    body: String,
    unit: String,
    unit_code: String,
    delegation: String,
    members: Vec<(String, String, String)>,
    chair: String,
    attendees: Vec<(String, String)>,
    documents: Vec<(u32, String)>,
    report: String,
    achievements: String,
    limitations: String,
    causes: String,
    conclusions: Vec<ConclusionRow>,
    choices: Vec<UnitChoice>,
    errors: HashMap<String, String>,
    source: String,
    /// Whether the reader may turn a conclusion into a task, and correct the minutes.
    may_make_tasks: bool,
    may_revise: bool,
    versions: Vec<VersionRow>,
    edit: SessionEdit,
    /// The texts of the minutes in the correction form: field, label, value.
    edit_texts: Vec<(&'static str, &'static str, String)>,
    edit_errors: HashMap<String, String>,
}

/// The session's page; `edited` is a refused correction, its problems and what was typed.
pub(super) fn session_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    id: u32,
    status: StatusCode,
    edited: Option<(HashMap<String, String>, SessionEdit)>,
) -> Result<Response, PageError> {
    session_page_with(state, reader, id, status, HashMap::new(), edited)
}

fn session_page_with<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    id: u32,
    status: StatusCode,
    errors: HashMap<String, String>,
    edited: Option<(HashMap<String, String>, SessionEdit)>,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let book = engine.follow_up();
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let Some(s) = book.session(FollowUpId(id)) else {
        return Err(PageError::not_found("not-found-session", id.to_string()));
    };
    let title = tr.t_args(
        "session-title",
        &[
            ("unit", Arg::Text(unit_label(&engine, tr, s.unit))),
            ("date", Arg::Text(tr.date(s.date))),
        ],
    );
    let layout = Layout::new(&state.i18n, reader, "/supervision", title);
    let name = |p| book.person(p).map(|p| p.name.clone()).unwrap_or_default();
    let delegation = s.delegation.and_then(|d| book.delegation(d));
    let actor = reader.who.as_ref().map(|w| &w.actor);
    let may_revise =
        actor.is_some_and(|a| giamsat_app::corrections::may_correct(a, &engine, s.id, false));
    // Whoever may write a task from this session's conclusions: a probe of its first item.
    let may_make_tasks = actor.is_some_and(|a| {
        giamsat_app::may_write(a, &engine, &conclusion_task_probe(s.id, s.unit, &a.name))
    });
    let revisions = book.revisions_of(s.id);
    let (edit_errors, edit) = edited.unwrap_or_else(|| {
        (
            HashMap::new(),
            SessionEdit {
                date: form_date(tr.lang, Some(s.date)),
                place: s.place.clone(),
                report: s.report.clone(),
                achievements: s.achievements.clone(),
                limitations: s.limitations.clone(),
                causes: s.causes.clone(),
                reason: String::new(),
                version: revisions.len(),
            },
        )
    });
    let edit_texts = vec![
        ("report", "session-report", edit.report.clone()),
        (
            "achievements",
            "session-achievements",
            edit.achievements.clone(),
        ),
        (
            "limitations",
            "session-limitations",
            edit.limitations.clone(),
        ),
        ("causes", "session-causes", edit.causes.clone()),
    ];
    let page = SessionPage {
        edit_texts,
        may_make_tasks,
        may_revise,
        versions: versions(&engine, tr, &revisions),
        edit,
        edit_errors,
        id,
        date: tr.date(s.date),
        place: s.place.clone(),
        body: unit_label(&engine, tr, s.body),
        unit: unit_label(&engine, tr, s.unit),
        unit_code: unit_code(&engine, s.unit),
        delegation: delegation.map(|d| d.title.clone()).unwrap_or_default(),
        members: delegation
            .map(|d| {
                d.members
                    .iter()
                    .map(|m| {
                        let positions = book
                            .positions_on(m.person, s.date)
                            .iter()
                            .map(|p| p.title.clone())
                            .collect::<Vec<_>>()
                            .join(", ");
                        (
                            tr.t(&format!("delegation-role-{}", m.role.as_str())),
                            name(m.person),
                            positions,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
        chair: s.chair.map(name).unwrap_or_default(),
        attendees: s
            .attendees
            .iter()
            .map(|a| (name(a.person), a.position.clone()))
            .collect(),
        documents: s
            .documents
            .iter()
            .filter_map(|d| {
                engine
                    .document(*d)
                    .map(|x| (d.0, x.title.get(tr.lang).to_owned()))
            })
            .collect(),
        report: s.report.clone(),
        achievements: s.achievements.clone(),
        limitations: s.limitations.clone(),
        causes: s.causes.clone(),
        conclusions: s
            .conclusions
            .iter()
            .enumerate()
            .map(|(i, text)| ConclusionRow {
                item: i + 1,
                text: text.clone(),
                task: book
                    .task_of_conclusion(s.id, i)
                    .and_then(|t| book.task_view(t, today()))
                    .map(|v| task_row(&engine, tr, &v)),
            })
            .collect(),
        choices: unit_choices(&engine, tr),
        errors,
        source: tr.source(&s.provenance.source),
        page: layout,
    };
    Ok(respond(reader, status, page.render()))
}

pub async fn session<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    Path(id): Path<u32>,
) -> Result<Response, PageError> {
    session_page(&state, &reader, id, StatusCode::OK, None)
}

/// A task from a session's first conclusion item, to ask whether the reader may make one.
fn conclusion_task_probe(
    session: FollowUpId,
    lead: giamsat_core::UnitId,
    by: &str,
) -> giamsat_core::Record {
    giamsat_core::Record::FollowUp(giamsat_core::follow_up::FollowUp::Task(
        giamsat_core::follow_up::Task {
            id: FollowUpId(0),
            title: String::new(),
            origin: giamsat_core::follow_up::TaskOrigin::Conclusion { session, item: 0 },
            lead,
            co_owners: Vec::new(),
            due: None,
            provenance: giamsat_core::Provenance {
                source: String::new(),
                recorded_by: by.to_owned(),
                recorded_at: time::OffsetDateTime::UNIX_EPOCH,
            },
        },
    ))
}

#[derive(Deserialize, Default)]
pub struct ConclusionTaskForm {
    #[serde(default)]
    item: u16,
    #[serde(default)]
    lead: String,
    #[serde(default)]
    co_owners: String,
    #[serde(default)]
    due: String,
}

/// Turns one conclusion item into a task, in one step.
pub async fn conclusion_to_task<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Path(id): Path<u32>,
    Form(form): Form<ConclusionTaskForm>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let input = TaskInput {
        session: Some(id),
        item: Some(form.item),
        lead: Some(form.lead.clone()),
        co_owners: form
            .co_owners
            .split([',', ';'])
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect(),
        due: Some(form.due.clone()).filter(|d| !d.trim().is_empty()),
        ..TaskInput::default()
    };
    match state
        .app
        .create_task(&who.0.actor, &input, super::WEB_FORM_SOURCE)
        .await
    {
        Ok(task) => Ok(see_other(format!("/tasks/{task}"))),
        Err(e) => {
            let (status, mut errors) = failure(tr, e)?;
            // Shown beside the item it concerns.
            let message = errors.values().next().cloned().unwrap_or_default();
            errors.insert(format!("item-{}", form.item), message);
            session_page_with(&state, &reader, id, status, errors, None)
        }
    }
}
