//! `/api/v1/targets`: the targets of documents with their evaluation (those needing attention
//! first), and a target's scenario, the trajectory expected month by month.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::input::{ScenarioInput, TargetInput};
use giamsat_core::evaluation::{self, TargetEvaluation};
use giamsat_core::{DocumentKey, Engine, Period, Record, Status, Target, TargetId};
use serde::{Deserialize, Serialize};

use super::{
    JsonBody, Page, create, create_from, created, find_indicator, find_unit, indicator_code, paged,
    parse_period, read_input,
};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::{AppState, unit_code};

#[derive(Serialize, utoipa::ToSchema)]
pub struct TargetView {
    id: TargetId,
    document: String,
    document_issuer: String,
    indicator: String,
    unit: String,
    period: Period,
    value: f64,
    comparator: giamsat_core::Comparator,
    baseline: Option<giamsat_core::Baseline>,
    /// The trajectory, when one is set: the value expected by the end of each month given.
    scenario: Option<Vec<ScenarioPointView>>,
    source: String,
    evaluation: TargetEvaluation,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ScenarioPointView {
    month: Period,
    value: f64,
}

fn target_view(engine: &Engine, t: &Target) -> TargetView {
    let document = engine.document(t.document);
    TargetView {
        id: t.id,
        document: document.map_or_else(String::new, |d| d.key.to_string()),
        document_issuer: document.map_or_else(String::new, |d| unit_code(engine, d.issued_by)),
        indicator: indicator_code(engine, t.indicator),
        unit: unit_code(engine, t.unit),
        period: t.period,
        value: t.value,
        comparator: t.comparator,
        baseline: t.baseline,
        scenario: engine.scenario(t.id).map(|s| {
            s.points
                .iter()
                .map(|(month, value)| ScenarioPointView {
                    month: Period::month(*month),
                    value: *value,
                })
                .collect()
        }),
        source: t.provenance.source.clone(),
        evaluation: evaluation::evaluate(engine, t),
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TargetQuery {
    #[param(pattern = r"^\s*[A-Za-z0-9._-]{1,32}\s*$", example = "40")]
    unit: Option<String>,
    #[param(pattern = r"^\s*[A-Za-z0-9._-]{1,48}\s*$", example = "GRDP_GROWTH")]
    indicator: Option<String>,
    #[param(
        pattern = r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$",
        min_length = 2,
        max_length = 64,
        example = "21-NQ-TU-2022"
    )]
    document: Option<String>,
    #[param(
        pattern = r"^\s*(20|21)\d\d(-(0[1-9]|1[0-2]|[Qq][1-4]|[Hh][12]|[Yy][Tt][Dd](0[1-9]|1[0-2])))?\s*$",
        example = "2023-Q2"
    )]
    period: Option<String>,
    #[param(value_type = Option<giamsat_core::Status>)]
    status: Option<String>,
}

/// Targets with their evaluation, those needing attention first.
#[utoipa::path(get, path = "/api/v1/targets", tag = "targets", summary = "Targets with their evaluation, those needing attention first", params(TargetQuery, Page), responses((status = 200, body = Vec<TargetView>, headers(("x-total-count" = usize, description = "The length of the whole list")))))]
pub async fn list_targets<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<TargetQuery>,
    Query(page): Query<Page>,
) -> Result<Response, ApiError> {
    let engine = state.app.engine();
    let unit = query
        .unit
        .as_deref()
        .map(|c| find_unit(&engine, c).map(|u| u.id))
        .transpose()?;
    let indicator = query
        .indicator
        .as_deref()
        .map(|c| find_indicator(&engine, c).map(|i| i.id))
        .transpose()?;
    let period = query.period.as_deref().map(parse_period).transpose()?;
    let document = query
        .document
        .as_deref()
        .map(|k| DocumentKey::parse(k).map_err(|e| ApiError::BadRequest(e.to_string())))
        .transpose()?;
    let status = query
        .status
        .as_deref()
        .map(|s| {
            Status::ALL
                .into_iter()
                .find(|x| x.as_str() == s)
                .ok_or_else(|| ApiError::BadRequest(format!("status \"{s}\" is not one of: achieved, on_track, at_risk, off_track, no_data")))
        })
        .transpose()?;
    let mut views: Vec<TargetView> = engine
        .targets()
        .filter(|t| unit.is_none_or(|u| engine.is_within(t.unit, u)))
        .filter(|t| indicator.is_none_or(|i| t.indicator == i))
        .filter(|t| period.is_none_or(|p| t.period == p))
        .filter(|t| {
            document
                .as_ref()
                .is_none_or(|k| engine.document(t.document).is_some_and(|d| &d.key == k))
        })
        .map(|t| target_view(&engine, t))
        .filter(|v| status.is_none_or(|s| v.evaluation.status == s))
        .collect();
    views.sort_by_key(|v| (v.evaluation.status, v.id));
    paged(views, &page)
}

#[utoipa::path(get, path = "/api/v1/targets/{id}", tag = "targets", summary = "One target with its evaluation", params(("id" = u32, Path, description = "The target id")), responses((status = 200, body = TargetView)))]
pub async fn get_target<S: Store>(
    State(state): State<AppState<S>>,
    Path(id): Path<u32>,
) -> Result<Json<TargetView>, ApiError> {
    let engine = state.app.engine();
    let target = engine
        .target(TargetId(id))
        .ok_or_else(|| ApiError::not_found("target", id.to_string()))?;
    Ok(Json(target_view(&engine, target)))
}

#[utoipa::path(post, path = "/api/v1/targets", tag = "targets", summary = "Create a target", request_body = TargetInput, responses((status = 201, body = TargetView)))]
pub async fn create_target<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: JsonBody,
) -> Result<Response, ApiError> {
    create_from::<S, TargetInput, _>(&state, &who, &body, |engine, record| match record {
        Record::Target(x) => Some(target_view(engine, x)),
        _ => None,
    })
    .await
}

/// Sets a target's trajectory (a new version; the earlier one stays in the store).
#[utoipa::path(post, path = "/api/v1/targets/{id}/scenario", tag = "targets", summary = "Set the target's trajectory (a new version)", params(("id" = u32, Path, description = "The target id")), request_body = ScenarioInput, responses((status = 201, body = TargetView)))]
pub async fn set_scenario<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Path(id): Path<u32>,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let mut input: ScenarioInput = read_input(&body)?;
    input.target = Some(id.to_string());
    create(&state, &who, &input).await?;
    let engine = state.app.engine();
    let target = engine
        .target(TargetId(id))
        .ok_or_else(|| ApiError::not_found("target", id.to_string()))?;
    Ok(created(target_view(&engine, target)))
}
