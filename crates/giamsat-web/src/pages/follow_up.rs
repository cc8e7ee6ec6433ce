//! Follow-up pages: tasks (a unit's list, overdue first; one task with its progress),
//! supervision (the plans of visits with their clashes, the working sessions, a session with
//! its conclusions turned into tasks), and recommendations with their deadlines.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use giamsat_app::follow_up::{
    AnswerInput, DelegationInput, DelegationMemberInput, NamedPerson, RecommendationInput,
    SessionInput, TaskInput, TaskUpdateInput, VisitInput,
};
use giamsat_app::{AppError, FieldError, Store};
use giamsat_core::follow_up::{DelegationRole, Evidence, TaskOrigin, TaskView};
use giamsat_core::{Engine, FollowUpId, Unit, UnitId};
use serde::Deserialize;

use super::{Layout, Reader, Tr, not_found, respond, today};
use crate::state::{AppState, unit_code};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::i18n::Arg;

fn unit_label(engine: &Engine, tr: Tr<'_>, id: UnitId) -> String {
    engine
        .unit(id)
        .map_or_else(String::new, |u| u.name.get(tr.lang).to_owned())
}

/// Units a form offers by code: every unit down to the departments of provinces (the
/// communes would make the list thousands long; their codes are still accepted).
pub struct UnitChoice {
    code: String,
    label: String,
}

fn unit_choices(engine: &Engine, tr: Tr<'_>) -> Vec<UnitChoice> {
    let depth = |u: &Unit| {
        let mut d = 0;
        let mut p = u.parent;
        while let Some(id) = p {
            d += 1;
            p = engine.unit(id).and_then(|x| x.parent);
            if d > 8 {
                break;
            }
        }
        d
    };
    let day = today();
    engine
        .units()
        .filter(|u| u.exists_on(day))
        .filter(|u| depth(u) <= 1 || u.kind != giamsat_core::UnitKind::Locality)
        .map(|u| UnitChoice {
            code: u.code.to_string(),
            label: u.name.get(tr.lang).to_owned(),
        })
        .collect()
}

/// Problems of a form, by field, in the reader's language where giamsat knows them.
fn problems(tr: Tr<'_>, errors: &[FieldError]) -> HashMap<String, String> {
    errors
        .iter()
        .map(|e| {
            let field = e.field.split('.').next().unwrap_or("").to_owned();
            (
                field,
                tr.t_args(
                    "entry-error-rejected",
                    &[("reason", Arg::Text(e.problem.to_string()))],
                ),
            )
        })
        .collect()
}

/// The form's problems, or a refusal, or a failure, as a message for the top of the form.
fn failure(tr: Tr<'_>, error: &AppError) -> (StatusCode, HashMap<String, String>) {
    match error {
        AppError::Invalid(errors) => (StatusCode::UNPROCESSABLE_ENTITY, problems(tr, errors)),
        AppError::Forbidden(_) => (
            StatusCode::FORBIDDEN,
            HashMap::from([(String::new(), tr.t("follow-error-forbidden"))]),
        ),
        AppError::Conflict(message) => (
            StatusCode::CONFLICT,
            HashMap::from([(
                String::new(),
                tr.t_args(
                    "entry-error-rejected",
                    &[("reason", Arg::Text(message.to_string()))],
                ),
            )]),
        ),
        AppError::NotFound { .. } => (
            StatusCode::NOT_FOUND,
            HashMap::from([(String::new(), tr.t("not-found-title"))]),
        ),
        other => {
            tracing::error!(error = %other, "a follow-up form failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                HashMap::from([(String::new(), tr.t("entry-error-save"))]),
            )
        }
    }
}

fn see_other(location: String) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

// ---- Tasks ---------------------------------------------------------------------------------

pub struct TaskRow {
    id: u32,
    title: String,
    lead: String,
    due: String,
    status: &'static str,
    status_label: String,
    percent: String,
}

fn task_row(engine: &Engine, tr: Tr<'_>, view: &TaskView<'_>) -> TaskRow {
    TaskRow {
        id: view.task.id.0,
        title: view.task.title.clone(),
        lead: unit_label(engine, tr, view.task.lead),
        due: view.task.due.map_or_else(|| "—".to_owned(), |d| tr.date(d)),
        status: view.status.as_str(),
        status_label: tr.t(&format!("task-status-{}", view.status.as_str())),
        percent: view.percent.map_or_else(String::new, |p| format!("{p}%")),
    }
}

#[derive(Template)]
#[template(path = "tasks.html")]
pub struct TasksPage<'a> {
    page: Layout<'a>,
    unit: String,
    unit_name: String,
    rows: Vec<TaskRow>,
    counts: Vec<(&'static str, String, usize)>,
    choices: Vec<UnitChoice>,
}

#[derive(Deserialize)]
pub struct TasksQuery {
    unit: Option<String>,
}

pub async fn tasks<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    Query(query): Query<TasksQuery>,
) -> Response {
    let engine = state.app.engine();
    let layout = Layout::new(
        &state.i18n,
        &reader,
        "/tasks",
        state.i18n.t(reader.lang, "tasks-title"),
    );
    let tr = layout.tr;
    let unit = match query.unit.as_deref().filter(|c| !c.trim().is_empty()) {
        None => None,
        Some(code) => match super::unit_by_code(&engine, code) {
            Some(u) => Some(u),
            None => {
                let message = tr.t_args("not-found-unit", &[("key", Arg::Text(code.to_owned()))]);
                drop(engine);
                return not_found(&state, &reader, message);
            }
        },
    };
    let book = engine.follow_up();
    let views = match unit {
        Some(u) => book.tasks_of(u.id, today()),
        None => book.tasks_where(today(), |_| true),
    };
    let counts = giamsat_core::follow_up::TaskStatus::ALL
        .iter()
        .map(|s| {
            (
                s.as_str(),
                tr.t(&format!("task-status-{}", s.as_str())),
                views.iter().filter(|v| v.status == *s).count(),
            )
        })
        .collect();
    let page = TasksPage {
        unit: unit.map(|u| u.code.to_string()).unwrap_or_default(),
        unit_name: unit
            .map(|u| u.name.get(tr.lang).to_owned())
            .unwrap_or_default(),
        rows: views.iter().map(|v| task_row(&engine, tr, v)).collect(),
        counts,
        choices: unit_choices(&engine, tr),
        page: layout,
    };
    respond(&reader, StatusCode::OK, page.render())
}

pub struct UpdateRow {
    on: String,
    text: String,
    percent: String,
    done: bool,
    by: String,
    links: Vec<String>,
    files: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "task.html")]
pub struct TaskPage<'a> {
    page: Layout<'a>,
    id: u32,
    row: TaskRow,
    origin: String,
    origin_href: String,
    co_owners: Vec<String>,
    lead_code: String,
    done_on: String,
    updates: Vec<UpdateRow>,
    errors: HashMap<String, String>,
    typed: ProgressForm,
    today: String,
    source: String,
}

fn task_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    id: u32,
    status: StatusCode,
    errors: HashMap<String, String>,
    typed: ProgressForm,
) -> Response {
    let engine = state.app.engine();
    let Some(view) = engine.follow_up().task_view(FollowUpId(id), today()) else {
        let tr = Tr {
            i18n: &state.i18n,
            lang: reader.lang,
        };
        let message = tr.t_args("not-found-task", &[("key", Arg::Text(id.to_string()))]);
        drop(engine);
        return not_found(state, reader, message);
    };
    let layout = Layout::new(&state.i18n, reader, "/tasks", view.task.title.clone());
    let tr = layout.tr;
    let (origin, origin_href) = match view.task.origin {
        TaskOrigin::Conclusion { session, item } => {
            let date = engine
                .follow_up()
                .session(session)
                .map(|s| tr.date(s.date))
                .unwrap_or_default();
            (
                tr.t_args(
                    "task-from-conclusion",
                    &[
                        ("item", Arg::Number(i64::from(item) + 1)),
                        ("date", Arg::Text(date)),
                    ],
                ),
                format!("/supervision/sessions/{session}"),
            )
        }
        TaskOrigin::Document { document } => (
            engine
                .document(document)
                .map(|d| d.title.get(tr.lang).to_owned())
                .unwrap_or_default(),
            format!("/documents/{document}"),
        ),
    };
    let page = TaskPage {
        id,
        row: task_row(&engine, tr, &view),
        origin,
        origin_href,
        co_owners: view
            .task
            .co_owners
            .iter()
            .map(|u| unit_label(&engine, tr, *u))
            .collect(),
        lead_code: unit_code(&engine, view.task.lead),
        done_on: view.done_on.map(|d| tr.date(d)).unwrap_or_default(),
        updates: view
            .updates
            .iter()
            .map(|u| UpdateRow {
                on: tr.date(u.on),
                text: u.text.clone(),
                percent: u.percent.map_or_else(String::new, |p| format!("{p}%")),
                done: u.done,
                by: u.provenance.recorded_by.clone(),
                links: u
                    .evidence
                    .iter()
                    .filter_map(|e| match e {
                        Evidence::Link { url } => Some(url.clone()),
                        Evidence::File { .. } => None,
                    })
                    .collect(),
                files: u
                    .evidence
                    .iter()
                    .filter_map(|e| match e {
                        Evidence::File { sha256, name, .. } => Some((sha256.clone(), name.clone())),
                        Evidence::Link { .. } => None,
                    })
                    .collect(),
            })
            .collect(),
        errors,
        typed,
        today: today().to_string(),
        source: view.task.provenance.source.clone(),
        page: layout,
    };
    respond(reader, status, page.render())
}

pub async fn task<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    Path(id): Path<u32>,
) -> Response {
    task_page(
        &state,
        &reader,
        id,
        StatusCode::OK,
        HashMap::new(),
        ProgressForm::default(),
    )
}

#[derive(Deserialize, Default)]
pub struct ProgressForm {
    #[serde(default)]
    on: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    percent: String,
    #[serde(default)]
    done: Option<String>,
    #[serde(default)]
    link: String,
}

/// Reads a progress form: url-encoded, or multipart when it carries a file.
async fn read_progress(
    headers: &axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> Result<(ProgressForm, Option<(String, axum::body::Bytes)>), String> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !content_type.starts_with("multipart/form-data") {
        let form = serde_urlencoded::from_bytes(&body).map_err(|e| e.to_string())?;
        return Ok((form, None));
    }
    let mut form = ProgressForm::default();
    let mut file = None;
    for part in crate::auth::multipart_parts(content_type, body).await? {
        let text = || String::from_utf8_lossy(&part.bytes).into_owned();
        match part.name.as_str() {
            "on" => form.on = text(),
            "text" => form.text = text(),
            "percent" => form.percent = text(),
            "done" => form.done = Some(text()),
            "link" => form.link = text(),
            "file" => {
                if let Some(name) = part.file_name.filter(|n| !n.is_empty())
                    && !part.bytes.is_empty()
                {
                    file = Some((name, part.bytes));
                }
            }
            _ => {}
        }
    }
    Ok((form, file))
}

pub async fn report_progress<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Path(id): Path<u32>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let (form, file) = match read_progress(&headers, body).await {
        Ok(read) => read,
        Err(e) => {
            return ApiError::BadRequest(format!("the form cannot be read: {e}")).into_response();
        }
    };
    let percent = match form.percent.trim().trim_end_matches('%').trim() {
        "" => None,
        text => match text.parse::<u8>() {
            Ok(p) if p <= 100 => Some(p),
            _ => {
                let errors = HashMap::from([(
                    "percent".to_owned(),
                    tr.t_args(
                        "progress-error-percent",
                        &[("text", Arg::Text(form.percent.clone()))],
                    ),
                )]);
                return task_page(
                    &state,
                    &reader,
                    id,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    errors,
                    form,
                );
            }
        },
    };
    // The file is kept first (by its content, so a refused report leaves at most one unused
    // copy), then cited by the report.
    let mut files = Vec::new();
    if let Some((name, bytes)) = file {
        match state
            .app
            .put_evidence_file(&who.0.actor, &name, &bytes)
            .await
        {
            Ok(Evidence::File { sha256, .. }) => files.push(sha256),
            Ok(Evidence::Link { .. }) => {}
            Err(e) => {
                let (status, mut errors) = failure(tr, &e);
                if let Some(m) = errors.remove("file") {
                    errors.insert("file".into(), m);
                }
                return task_page(&state, &reader, id, status, errors, form);
            }
        }
    }
    let input = TaskUpdateInput {
        on: Some(form.on.clone()).filter(|d| !d.trim().is_empty()),
        text: Some(form.text.clone()),
        percent,
        done: form.done.is_some(),
        links: vec![form.link.clone()],
        files,
        ..TaskUpdateInput::default()
    };
    match state
        .app
        .report_progress(&who.0.actor, FollowUpId(id), &input, today(), "web form")
        .await
    {
        Ok(_) => see_other(format!("/tasks/{id}")),
        Err(e) => {
            let (status, errors) = failure(tr, &e);
            task_page(&state, &reader, id, status, errors, form)
        }
    }
}

// ---- Supervision ---------------------------------------------------------------------------

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
    let mut visits: Vec<_> = book.visits().collect();
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
    let mut sessions: Vec<_> = book.sessions().collect();
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
) -> Response {
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
    match state.app.plan_visit(&who.0.actor, &input, "web form").await {
        Ok(_) => see_other("/supervision".to_owned()),
        Err(e) => {
            let (status, errors) = failure(tr, &e);
            supervision_page(&state, &reader, status, errors, form)
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
) -> Response {
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
        .record_session(&who.0.actor, &input, "web form")
        .await
    {
        Ok(id) => see_other(format!("/supervision/sessions/{id}")),
        Err(e) => {
            let (status, errors) = failure(tr, &e);
            session_form_page(&state, &reader, status, errors, form)
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
}

fn session_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    id: u32,
    status: StatusCode,
    errors: HashMap<String, String>,
) -> Response {
    let engine = state.app.engine();
    let book = engine.follow_up();
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let Some(s) = book.session(FollowUpId(id)) else {
        let message = tr.t_args("not-found-session", &[("key", Arg::Text(id.to_string()))]);
        drop(engine);
        return not_found(state, reader, message);
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
    let page = SessionPage {
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
        source: s.provenance.source.clone(),
        page: layout,
    };
    respond(reader, status, page.render())
}

pub async fn session<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    Path(id): Path<u32>,
) -> Response {
    session_page(&state, &reader, id, StatusCode::OK, HashMap::new())
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
) -> Response {
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
        .create_task(&who.0.actor, &input, "web form")
        .await
    {
        Ok(task) => see_other(format!("/tasks/{task}")),
        Err(e) => {
            let (status, mut errors) = failure(tr, &e);
            // Shown beside the item it concerns.
            let message = errors.values().next().cloned().unwrap_or_default();
            errors.insert(format!("item-{}", form.item), message);
            session_page(&state, &reader, id, status, errors)
        }
    }
}

// ---- Recommendations -----------------------------------------------------------------------

pub struct RecommendationRow {
    id: u32,
    from: String,
    to: String,
    received: String,
    due: String,
    text: String,
    status: &'static str,
    status_label: String,
    answer: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "recommendations.html")]
pub struct RecommendationsPage<'a> {
    page: Layout<'a>,
    rows: Vec<RecommendationRow>,
    choices: Vec<UnitChoice>,
    errors: HashMap<String, String>,
    typed: RecommendationForm,
    today: String,
}

fn recommendations_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    status: StatusCode,
    errors: HashMap<String, String>,
    typed: RecommendationForm,
) -> Response {
    let engine = state.app.engine();
    let layout = Layout::new(
        &state.i18n,
        reader,
        "/recommendations",
        state.i18n.t(reader.lang, "recommendations-title"),
    );
    let tr = layout.tr;
    let book = engine.follow_up();
    let mut rows: Vec<(u8, RecommendationRow)> = book
        .recommendations()
        .map(|r| {
            let (answer, due, state) = book.recommendation_state(r, today());
            use giamsat_core::follow_up::RecommendationStatus as R;
            let rank = match state {
                R::Overdue => 0,
                R::Pending => 1,
                R::AnsweredLate => 2,
                R::Answered => 3,
            };
            (
                rank,
                RecommendationRow {
                    id: r.id.0,
                    from: unit_label(&engine, tr, r.from),
                    to: unit_label(&engine, tr, r.to),
                    received: tr.date(r.received),
                    due: due.map(|d| tr.date(d)).unwrap_or_default(),
                    text: r.text.clone(),
                    status: state.as_str(),
                    status_label: tr.t(&format!("recommendation-status-{}", state.as_str())),
                    answer: answer.map(|a| (tr.date(a.on), a.text.clone())),
                },
            )
        })
        .collect();
    rows.sort_by_key(|(rank, row)| (*rank, row.id));
    let page = RecommendationsPage {
        rows: rows.into_iter().map(|(_, r)| r).collect(),
        choices: unit_choices(&engine, tr),
        errors,
        typed,
        today: today().to_string(),
        page: layout,
    };
    respond(reader, status, page.render())
}

pub async fn recommendations<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
) -> Response {
    recommendations_page(
        &state,
        &reader,
        StatusCode::OK,
        HashMap::new(),
        RecommendationForm::default(),
    )
}

#[derive(Deserialize, Default)]
pub struct RecommendationForm {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    received: String,
    #[serde(default)]
    limit_days: String,
    #[serde(default)]
    text: String,
}

pub async fn record_recommendation<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Form(form): Form<RecommendationForm>,
) -> Response {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let limit = form.limit_days.trim().parse::<u16>().ok();
    if limit.is_none() {
        let errors = HashMap::from([("limit_days".to_owned(), tr.t("recommendation-error-limit"))]);
        return recommendations_page(
            &state,
            &reader,
            StatusCode::UNPROCESSABLE_ENTITY,
            errors,
            form,
        );
    }
    let input = RecommendationInput {
        from: Some(form.from.clone()),
        to: Some(form.to.clone()),
        received: Some(form.received.clone()).filter(|d| !d.trim().is_empty()),
        limit_days: limit,
        text: Some(form.text.clone()),
        ..RecommendationInput::default()
    };
    match state
        .app
        .record_recommendation(&who.0.actor, &input, "web form")
        .await
    {
        Ok(_) => see_other("/recommendations".to_owned()),
        Err(e) => {
            let (status, errors) = failure(tr, &e);
            recommendations_page(&state, &reader, status, errors, form)
        }
    }
}

#[derive(Deserialize, Default)]
pub struct AnswerForm {
    #[serde(default)]
    on: String,
    #[serde(default)]
    text: String,
}

pub async fn answer_recommendation<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Path(id): Path<u32>,
    Form(form): Form<AnswerForm>,
) -> Response {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let input = AnswerInput {
        on: Some(form.on.clone()).filter(|d| !d.trim().is_empty()),
        text: Some(form.text.clone()),
        ..AnswerInput::default()
    };
    match state
        .app
        .answer_recommendation(&who.0.actor, FollowUpId(id), &input, today(), "web form")
        .await
    {
        Ok(_) => see_other("/recommendations".to_owned()),
        Err(e) => {
            let (status, mut errors) = failure(tr, &e);
            let message = errors.values().next().cloned().unwrap_or_default();
            errors.insert(format!("answer-{id}"), message);
            recommendations_page(
                &state,
                &reader,
                status,
                errors,
                RecommendationForm::default(),
            )
        }
    }
}

/// An evidence file, as a download.
pub async fn evidence<S: Store>(
    state: State<AppState<S>>,
    path: Path<String>,
) -> Result<Response, ApiError> {
    crate::follow_up_api::get_evidence(state, path).await
}
