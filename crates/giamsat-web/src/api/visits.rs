//! `/api/v1/visits`: planned supervision visits, each with its clashes (other bodies' visits
//! of the same unit on a shared subject in overlapping days).

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::follow_up::VisitInput;
use giamsat_core::follow_up::Visit;
use giamsat_core::{Engine, FollowUpId};
use serde::Serialize;

use super::{JsonBody, created, document_key, read_json};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::{AppState, unit_code};

#[derive(Serialize, utoipa::ToSchema)]
pub struct ClashView {
    visit: FollowUpId,
    body: String,
    kind: &'static str,
    first: time::Date,
    last: time::Date,
    documents: Vec<String>,
    topics: Vec<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct VisitView {
    id: FollowUpId,
    kind: &'static str,
    body: String,
    unit: String,
    documents: Vec<String>,
    topics: Vec<String>,
    first: time::Date,
    last: time::Date,
    /// Other bodies' visits of the same unit on a shared subject in overlapping days.
    clashes: Vec<ClashView>,
}

fn visit_view(engine: &Engine, v: &Visit) -> VisitView {
    let book = engine.follow_up();
    VisitView {
        id: v.id,
        kind: v.kind.as_str(),
        body: unit_code(engine, v.plan.body),
        unit: unit_code(engine, v.plan.unit),
        documents: v
            .plan
            .subjects
            .documents
            .iter()
            .map(|d| document_key(engine, *d))
            .collect(),
        topics: v.plan.subjects.topics.clone(),
        first: v.plan.window.first,
        last: v.plan.window.last,
        clashes: book
            .clashes_with(v)
            .into_iter()
            .map(|(other, clash)| ClashView {
                visit: other.id,
                body: unit_code(engine, other.plan.body),
                kind: other.kind.as_str(),
                first: clash.days.first,
                last: clash.days.last,
                documents: clash
                    .shared
                    .documents
                    .iter()
                    .map(|d| document_key(engine, *d))
                    .collect(),
                topics: clash.shared.topics,
            })
            .collect(),
    }
}

/// Planned visits by the caller's bodies or of their units, the earliest first.
#[utoipa::path(get, path = "/api/v1/visits", tag = "follow-up", summary = "Planned supervision and inspection visits of the caller's bodies and units, with the clashes each must be warned of", responses((status = 200, body = Vec<VisitView>)))]
pub async fn list_visits<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
) -> Json<Vec<VisitView>> {
    let engine = state.app.engine();
    let grants = who.0.actor.grants.as_deref();
    let mut visits: Vec<&Visit> = engine
        .follow_up()
        .visits()
        .filter(|v| giamsat_app::follow_up::lists_visit(&engine, grants, v))
        .collect();
    visits.sort_by_key(|v| (v.plan.window.first, v.id));
    Json(visits.iter().map(|v| visit_view(&engine, v)).collect())
}

#[utoipa::path(post, path = "/api/v1/visits", tag = "follow-up", summary = "Plan a visit", request_body = VisitInput, responses((status = 201, body = VisitView)))]
pub async fn plan_visit<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let input: VisitInput = read_json(&body)?;
    let id = state.app.plan_visit(&who.0.actor, &input, "API").await?;
    let engine = state.app.engine();
    let visit = engine
        .follow_up()
        .visits()
        .find(|v| v.id == id)
        .ok_or_else(|| ApiError::not_found("visit", id.to_string()))?;
    Ok(created(visit_view(&engine, visit)))
}
