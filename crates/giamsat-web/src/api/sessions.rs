//! `/api/v1/sessions`: working sessions, with their delegation, chair and attendees, the
//! documents reviewed, and the conclusions with the task each became.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::follow_up::SessionInput;
use giamsat_core::follow_up::{FollowUpBook, WorkingSession};
use giamsat_core::{Engine, FollowUpId};
use serde::Serialize;

use super::{JsonBody, created, document_key, read_json};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::{AppState, unit_code};

fn person_name(book: &FollowUpBook, id: FollowUpId) -> String {
    book.person(id).map(|p| p.name.clone()).unwrap_or_default()
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MemberView {
    name: String,
    role: &'static str,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct DelegationView {
    title: String,
    members: Vec<MemberView>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AttendeeView {
    name: String,
    position: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ConclusionView {
    item: usize,
    text: String,
    task: Option<FollowUpId>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SessionView {
    id: FollowUpId,
    body: String,
    unit: String,
    date: time::Date,
    place: String,
    delegation: Option<DelegationView>,
    chair: Option<String>,
    attendees: Vec<AttendeeView>,
    documents: Vec<String>,
    report: String,
    achievements: String,
    limitations: String,
    causes: String,
    conclusions: Vec<ConclusionView>,
    source: String,
}

fn session_view(engine: &Engine, s: &WorkingSession) -> SessionView {
    let book = engine.follow_up();
    SessionView {
        id: s.id,
        body: unit_code(engine, s.body),
        unit: unit_code(engine, s.unit),
        date: s.date,
        place: s.place.clone(),
        delegation: s
            .delegation
            .and_then(|d| book.delegation(d))
            .map(|d| DelegationView {
                title: d.title.clone(),
                members: d
                    .members
                    .iter()
                    .map(|m| MemberView {
                        name: person_name(book, m.person),
                        role: m.role.as_str(),
                    })
                    .collect(),
            }),
        chair: s.chair.map(|p| person_name(book, p)),
        attendees: s
            .attendees
            .iter()
            .map(|a| AttendeeView {
                name: person_name(book, a.person),
                position: a.position.clone(),
            })
            .collect(),
        documents: s
            .documents
            .iter()
            .map(|d| document_key(engine, *d))
            .collect(),
        report: s.report.clone(),
        achievements: s.achievements.clone(),
        limitations: s.limitations.clone(),
        causes: s.causes.clone(),
        conclusions: s
            .conclusions
            .iter()
            .enumerate()
            .map(|(i, text)| ConclusionView {
                item: i + 1,
                text: text.clone(),
                task: book.task_of_conclusion(s.id, i),
            })
            .collect(),
        source: s.provenance.source.clone(),
    }
}

/// Working sessions of the bodies and units the caller's grants are over, the latest first.
#[utoipa::path(get, path = "/api/v1/sessions", tag = "follow-up", summary = "Working sessions of the caller's bodies and units, newest first", responses((status = 200, body = Vec<SessionView>)))]
pub async fn list_sessions<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
) -> Json<Vec<SessionView>> {
    let engine = state.app.engine();
    let grants = who.0.actor.grants.as_deref();
    let mut sessions: Vec<&WorkingSession> = engine
        .follow_up()
        .sessions()
        .filter(|s| giamsat_app::follow_up::lists_session(&engine, grants, s))
        .collect();
    sessions.sort_by_key(|s| std::cmp::Reverse((s.date, s.id)));
    Json(sessions.iter().map(|s| session_view(&engine, s)).collect())
}

#[utoipa::path(get, path = "/api/v1/sessions/{id}", tag = "follow-up", summary = "One working session", params(("id" = u32, Path, description = "The session id")), responses((status = 200, body = SessionView)))]
pub async fn get_session<S: Store>(
    State(state): State<AppState<S>>,
    Path(id): Path<u32>,
) -> Result<Json<SessionView>, ApiError> {
    let engine = state.app.engine();
    let session = engine
        .follow_up()
        .session(FollowUpId(id))
        .ok_or_else(|| ApiError::not_found("working session", id.to_string()))?;
    Ok(Json(session_view(&engine, session)))
}

/// Records a session, with the new people and the delegation it names, as one batch.
#[utoipa::path(post, path = "/api/v1/sessions", tag = "follow-up", summary = "Record a working session with its delegation, attendees, findings and conclusions", request_body = SessionInput, responses((status = 201, body = SessionView)))]
pub async fn record_session<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let input: SessionInput = read_json(&body)?;
    let id = state
        .app
        .record_session(&who.0.actor, &input, "API")
        .await?;
    let engine = state.app.engine();
    let session = engine
        .follow_up()
        .session(id)
        .ok_or_else(|| ApiError::not_found("working session", id.to_string()))?;
    Ok(created(session_view(&engine, session)))
}
