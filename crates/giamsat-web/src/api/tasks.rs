//! `/api/v1/tasks`: tasks from a document or a session's conclusion, their status on a day
//! (overdue first), and the progress reported on them with its evidence.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::follow_up::{TaskInput, TaskUpdateInput};
use giamsat_core::follow_up::{self, Evidence, TaskOrigin, TaskStatus};
use giamsat_core::{Engine, FollowUpId};
use serde::{Deserialize, Serialize};

use super::{JsonBody, created, day, document_key, find_unit, read_json};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::{AppState, unit_code};

#[derive(Serialize, utoipa::ToSchema)]
pub struct UpdateView {
    id: FollowUpId,
    on: time::Date,
    text: String,
    percent: Option<u8>,
    done: bool,
    evidence: Vec<Evidence>,
    recorded_by: String,
}

#[derive(Serialize, utoipa::ToSchema)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum OriginView {
    Document { document: String },
    Conclusion { session: FollowUpId, item: u16 },
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TaskView {
    id: FollowUpId,
    title: String,
    origin: OriginView,
    lead: String,
    co_owners: Vec<String>,
    due: Option<time::Date>,
    status: TaskStatus,
    done_on: Option<time::Date>,
    percent: Option<u8>,
    updates: Vec<UpdateView>,
    source: String,
}

/// A task as the book sees it on a day (`follow_up::TaskView`: status, progress), on the wire.
fn task_view(engine: &Engine, view: &follow_up::TaskView<'_>) -> TaskView {
    let t = view.task;
    TaskView {
        id: t.id,
        title: t.title.clone(),
        origin: match t.origin {
            TaskOrigin::Document { document } => OriginView::Document {
                document: document_key(engine, document),
            },
            TaskOrigin::Conclusion { session, item } => OriginView::Conclusion {
                session,
                item: item + 1,
            },
        },
        lead: unit_code(engine, t.lead),
        co_owners: t.co_owners.iter().map(|u| unit_code(engine, *u)).collect(),
        due: t.due,
        status: view.status,
        done_on: view.done_on,
        percent: view.percent,
        updates: view
            .updates
            .iter()
            .map(|u| UpdateView {
                id: u.id,
                on: u.on,
                text: u.text.clone(),
                percent: u.percent,
                done: u.done,
                evidence: u.evidence.clone(),
                recorded_by: u.provenance.recorded_by.clone(),
            })
            .collect(),
        source: t.provenance.source.clone(),
    }
}

/// The query of tasks.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TaskQuery {
    #[param(pattern = r"^\s*[A-Za-z0-9._-]{1,32}\s*$", example = "40")]
    unit: Option<String>,
    /// The day statuses are computed for (default: today in Vietnam).
    #[param(value_type = Option<String>, pattern = r"^\s*[1-9]\d{3}-((0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)\s*$", example = "2023-12-31")]
    pub on: Option<String>,
}

/// The day statuses are computed for, alone: a task's own, and recommendations'.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DayQuery {
    /// The day statuses are computed for (default: today in Vietnam).
    #[param(value_type = Option<String>, pattern = r"^\s*[1-9]\d{3}-((0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)\s*$", example = "2023-12-31")]
    pub on: Option<String>,
}

/// Tasks, overdue first, of the units the caller's grants are over; with `unit`, those it
/// leads or shares.
#[utoipa::path(get, path = "/api/v1/tasks", tag = "follow-up", summary = "Tasks of the caller's units, overdue first; with unit, those it leads or shares", params(TaskQuery), responses((status = 200, body = Vec<TaskView>)))]
pub async fn list_tasks<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Query(query): Query<TaskQuery>,
) -> Result<Json<Vec<TaskView>>, ApiError> {
    let today = day(query.on.as_deref())?;
    let engine = state.app.engine();
    let unit = query
        .unit
        .as_deref()
        .map(|c| find_unit(&engine, c).map(|u| u.id))
        .transpose()?;
    let book = engine.follow_up();
    let grants = who.0.actor.grants.as_deref();
    let views = match unit {
        Some(u) => book.tasks_of(u, today),
        None => book.tasks_where(today, |_| true),
    };
    Ok(Json(
        views
            .iter()
            .filter(|v| giamsat_app::follow_up::lists_task(&engine, grants, v.task))
            .map(|v| task_view(&engine, v))
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/tasks/{id}", tag = "follow-up", summary = "One task with its status and progress", params(("id" = u32, Path, description = "The task id"), DayQuery), responses((status = 200, body = TaskView)))]
pub async fn get_task<S: Store>(
    State(state): State<AppState<S>>,
    Path(id): Path<u32>,
    Query(query): Query<DayQuery>,
) -> Result<Json<TaskView>, ApiError> {
    let today = day(query.on.as_deref())?;
    let engine = state.app.engine();
    let view = engine
        .follow_up()
        .task_view(FollowUpId(id), today)
        .ok_or_else(|| ApiError::not_found("task", id.to_string()))?;
    Ok(Json(task_view(&engine, &view)))
}

/// Answers 201 with a task just created or reported on, as it stands today.
fn task_created<S: Store>(state: &AppState<S>, id: FollowUpId) -> Result<Response, ApiError> {
    let engine = state.app.engine();
    let view = engine
        .follow_up()
        .task_view(id, crate::state::today())
        .ok_or_else(|| ApiError::not_found("task", id.to_string()))?;
    Ok(created(task_view(&engine, &view)))
}

#[utoipa::path(post, path = "/api/v1/tasks", tag = "follow-up", summary = "Create a task from a document or from a session's conclusion item", request_body = TaskInput, responses((status = 201, body = TaskView)))]
pub async fn create_task<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let input: TaskInput = read_json(&body)?;
    let id = state.app.create_task(&who.0.actor, &input, "API").await?;
    task_created(&state, id)
}

#[utoipa::path(post, path = "/api/v1/tasks/{id}/updates", tag = "follow-up", summary = "Report progress (done: true marks it finished)", params(("id" = u32, Path, description = "The task id")), request_body = TaskUpdateInput, responses((status = 201, body = TaskView)))]
pub async fn report_progress<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Path(id): Path<u32>,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let input: TaskUpdateInput = read_json(&body)?;
    let task = FollowUpId(id);
    state
        .app
        .report_progress(&who.0.actor, task, &input, crate::state::today(), "API")
        .await?;
    task_created(&state, task)
}
