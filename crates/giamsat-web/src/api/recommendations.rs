//! `/api/v1/recommendations`: recommendations sent to a body, their deadline and status on a
//! day, and the answers given.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::follow_up::{AnswerInput, RecommendationInput};
use giamsat_core::follow_up::{Recommendation, RecommendationStatus};
use giamsat_core::{Engine, FollowUpId};
use serde::Serialize;

use super::tasks::DayQuery;
use super::{JsonBody, created, day, read_json};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::{AppState, unit_code};

#[derive(Serialize, utoipa::ToSchema)]
pub struct AnswerView {
    on: time::Date,
    text: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RecommendationView {
    id: FollowUpId,
    from: String,
    to: String,
    received: time::Date,
    limit_days: u16,
    due: Option<time::Date>,
    text: String,
    status: RecommendationStatus,
    answer: Option<AnswerView>,
}

fn recommendation_view(
    engine: &Engine,
    r: &Recommendation,
    today: time::Date,
) -> RecommendationView {
    let (answer, due, status) = engine.follow_up().recommendation_state(r, today);
    RecommendationView {
        id: r.id,
        from: unit_code(engine, r.from),
        to: unit_code(engine, r.to),
        received: r.received,
        limit_days: r.limit_days,
        due,
        text: r.text.clone(),
        status,
        answer: answer.map(|a| AnswerView {
            on: a.on,
            text: a.text.clone(),
        }),
    }
}

/// Recommendations with their status on `on` (default: today in Vietnam). Other parameters
/// (the tasks' `unit`) are ignored, as they always were, so a request valid before stays valid.
#[utoipa::path(get, path = "/api/v1/recommendations", tag = "follow-up", summary = "Recommendations with their deadline and status", params(DayQuery), responses((status = 200, body = Vec<RecommendationView>)))]
pub async fn list_recommendations<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<DayQuery>,
) -> Result<Json<Vec<RecommendationView>>, ApiError> {
    let today = day(query.on.as_deref())?;
    let engine = state.app.engine();
    Ok(Json(
        engine
            .follow_up()
            .recommendations()
            .map(|r| recommendation_view(&engine, r, today))
            .collect(),
    ))
}

/// Answers 201 with a recommendation just recorded or answered, as it stands today.
fn recommendation_created<S: Store>(
    state: &AppState<S>,
    id: FollowUpId,
) -> Result<Response, ApiError> {
    let engine = state.app.engine();
    let r = engine
        .follow_up()
        .recommendations()
        .find(|r| r.id == id)
        .ok_or_else(|| ApiError::not_found("recommendation", id.to_string()))?;
    Ok(created(recommendation_view(
        &engine,
        r,
        crate::state::today(),
    )))
}

#[utoipa::path(post, path = "/api/v1/recommendations", tag = "follow-up", summary = "Record a recommendation", request_body = RecommendationInput, responses((status = 201, body = RecommendationView)))]
pub async fn record_recommendation<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let input: RecommendationInput = read_json(&body)?;
    let id = state
        .app
        .record_recommendation(&who.0.actor, &input, "API")
        .await?;
    recommendation_created(&state, id)
}

#[utoipa::path(post, path = "/api/v1/recommendations/{id}/answer", tag = "follow-up", summary = "Record the answer to a recommendation", params(("id" = u32, Path, description = "The recommendation id")), request_body = AnswerInput, responses((status = 201, body = RecommendationView)))]
pub async fn answer_recommendation<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Path(id): Path<u32>,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let input: AnswerInput = read_json(&body)?;
    let recommendation = FollowUpId(id);
    state
        .app
        .answer_recommendation(
            &who.0.actor,
            recommendation,
            &input,
            crate::state::today(),
            "API",
        )
        .await?;
    recommendation_created(&state, recommendation)
}
