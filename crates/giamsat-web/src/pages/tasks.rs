//! Tasks (*nhiệm vụ*): a unit's list, overdue first, with counts by status; one task with its
//! progress reports and evidence, and the form that reports progress; evidence files as
//! downloads.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use giamsat_app::follow_up::TaskUpdateInput;
use giamsat_app::{AppError, Store};
use giamsat_core::follow_up::{Evidence, TaskOrigin, TaskView};
use giamsat_core::{Engine, FollowUpId};
use serde::Deserialize;

use super::forms::{UnitChoice, failure, see_other, unit_choices, unit_label};
use super::history::{TaskEdit, VersionRow, form_date, versions};
use super::{Layout, Reader, Tr, respond, today};
use crate::auth::Principal;
use crate::error::PageError;
use crate::i18n::Arg;
use crate::state::{AppState, unit_code};

pub struct TaskRow {
    pub(super) id: u32,
    pub(super) title: String,
    /// The title's language when it is not the reader's (a task recorded from an English
    /// article), for its `lang` attribute.
    pub(super) lang: &'static str,
    pub(super) lead: String,
    pub(super) due: String,
    pub(super) status: &'static str,
    pub(super) status_label: String,
    pub(super) percent: String,
}

pub(super) fn task_row(engine: &Engine, tr: Tr<'_>, view: &TaskView<'_>) -> TaskRow {
    TaskRow {
        id: view.task.id.0,
        title: view.task.title.clone(),
        lang: Some(giamsat_intake::language_of(&view.task.title))
            .filter(|l| *l != tr.lang)
            .map_or("", |l| l.code()),
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
    downloads: String,
}

#[derive(Deserialize)]
pub struct TasksQuery {
    unit: Option<String>,
}

pub async fn tasks<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    Query(query): Query<TasksQuery>,
) -> Result<Response, PageError> {
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
            None => return Err(PageError::not_found("not-found-unit", code)),
        },
    };
    let book = engine.follow_up();
    // A reader's list holds the tasks of their own units, as search finds them.
    let grants = super::search::grants_of(reader.who.as_deref());
    let views: Vec<_> = match unit {
        Some(u) => book.tasks_of(u.id, today()),
        None => book.tasks_where(today(), |_| true),
    }
    .into_iter()
    .filter(|v| giamsat_app::follow_up::lists_task(&engine, grants, v.task))
    .collect();
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
    let downloads = super::exports::Buttons::render(
        tr,
        super::exports::List::Tasks,
        &[("unit", unit.map(|u| u.code.to_string()).unwrap_or_default())],
    )
    .map_err(|_| PageError::Unreadable(StatusCode::INTERNAL_SERVER_ERROR))?;
    let page = TasksPage {
        downloads,
        unit: unit.map(|u| u.code.to_string()).unwrap_or_default(),
        unit_name: unit
            .map(|u| u.name.get(tr.lang).to_owned())
            .unwrap_or_default(),
        rows: views.iter().map(|v| task_row(&engine, tr, v)).collect(),
        counts,
        choices: unit_choices(&engine, tr),
        page: layout,
    };
    Ok(respond(&reader, StatusCode::OK, page.render()))
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
    /// What the reader may do here: a form is shown only to whom it will not refuse.
    may_report: bool,
    may_revise: bool,
    versions: Vec<VersionRow>,
    edit: TaskEdit,
    edit_errors: HashMap<String, String>,
    choices: Vec<UnitChoice>,
}

/// The task's page; `edited` is a refused correction, its problems and what was typed.
pub(super) fn task_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    id: u32,
    status: StatusCode,
    errors: HashMap<String, String>,
    typed: ProgressForm,
    edited: Option<(HashMap<String, String>, TaskEdit)>,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let Some(view) = engine.follow_up().task_view(FollowUpId(id), today()) else {
        return Err(PageError::not_found("not-found-task", id.to_string()));
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
    let actor = reader.who.as_ref().map(|w| &w.actor);
    let may_report = actor.is_some_and(|a| {
        giamsat_app::may_write(a, &engine, &progress_probe(view.task.id, &a.name))
    });
    let may_revise = actor
        .is_some_and(|a| giamsat_app::corrections::may_correct(a, &engine, view.task.id, true));
    let revisions = engine.follow_up().revisions_of(view.task.id);
    let (edit_errors, edit) = edited.unwrap_or_else(|| {
        (
            HashMap::new(),
            TaskEdit {
                title: view.task.title.clone(),
                // The choices are labelled by name: the current lead is selected by its label.
                lead: engine
                    .unit(view.task.lead)
                    .map(|u| giamsat_app::names::unit_label(&engine, u))
                    .unwrap_or_default(),
                due: form_date(tr.lang, view.task.due),
                reason: String::new(),
                version: revisions.len(),
            },
        )
    });
    let page = TaskPage {
        may_report,
        may_revise,
        versions: versions(&engine, tr, &revisions),
        edit,
        edit_errors,
        choices: if may_revise {
            unit_choices(&engine, tr)
        } else {
            Vec::new()
        },
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
        today: super::history::form_date(tr.lang, Some(today())),
        source: tr.source(&view.task.provenance.source),
        page: layout,
    };
    Ok(respond(reader, status, page.render()))
}

pub async fn task<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    Path(id): Path<u32>,
) -> Result<Response, PageError> {
    task_page(
        &state,
        &reader,
        id,
        StatusCode::OK,
        HashMap::new(),
        ProgressForm::default(),
        None,
    )
}

/// A progress report on `task`, to ask whether the reader may write one.
fn progress_probe(task: FollowUpId, by: &str) -> giamsat_core::Record {
    giamsat_core::Record::FollowUp(giamsat_core::follow_up::FollowUp::TaskUpdate(
        giamsat_core::follow_up::TaskUpdate {
            id: FollowUpId(0),
            task,
            on: today(),
            text: String::new(),
            percent: None,
            done: false,
            evidence: Vec::new(),
            provenance: giamsat_core::Provenance {
                source: String::new(),
                recorded_by: by.to_owned(),
                recorded_at: time::OffsetDateTime::UNIX_EPOCH,
            },
        },
    ))
}

#[derive(Deserialize, Default)]
pub(super) struct ProgressForm {
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
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let (form, file) = read_progress(&headers, body).await.map_err(|e| {
        tracing::info!(error = %e, "a progress report's form could not be read");
        PageError::Unreadable(StatusCode::BAD_REQUEST)
    })?;
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
                    None,
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
                let (status, mut errors) = failure(tr, e)?;
                if let Some(m) = errors.remove("file") {
                    errors.insert("file".into(), m);
                }
                return task_page(&state, &reader, id, status, errors, form, None);
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
        .report_progress(
            &who.0.actor,
            FollowUpId(id),
            &input,
            today(),
            super::WEB_FORM_SOURCE,
        )
        .await
    {
        Ok(_) => Ok(see_other(format!("/tasks/{id}"))),
        Err(e) => {
            let (status, errors) = failure(tr, e)?;
            task_page(&state, &reader, id, status, errors, form, None)
        }
    }
}

/// An evidence file, as a download.
pub async fn evidence<S: Store>(
    State(state): State<AppState<S>>,
    Path(path): Path<String>,
) -> Result<Response, PageError> {
    crate::download::evidence(&state.app, &path)
        .await
        .map_err(|e| match e {
            AppError::NotFound { .. } => PageError::not_found("not-found-evidence", path.as_str()),
            other => other.into(),
        })
}
