//! `/api/v1/indicators`: what is measured, how it combines across units and over time, and the
//! indicators a ratio or a weighted mean is computed from, by code.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::input::IndicatorInput;
use giamsat_core::{AcrossUnits, Engine, Indicator, Record, Translations};
use serde::Serialize;
use serde_json::Value;

use super::{JsonBody, Page, create_from, find_indicator, indicator_code, paged};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Serialize, utoipa::ToSchema)]
pub struct IndicatorView {
    code: String,
    name: Translations,
    measure: Translations,
    decimals: u8,
    direction: giamsat_core::Direction,
    /// How figures combine across units: `{"rule": "sum" | "mean" | "not_combinable"}`,
    /// `{"rule": "weighted_mean", "weight": indicator}` or `{"rule": "ratio", "numerator",
    /// "denominator", "scale"}`.
    #[schema(value_type = Object)]
    across_units: Value,
    over_time: giamsat_core::OverTime,
    same_period_base: Option<giamsat_core::SamePeriodBase>,
}

fn indicator_view(engine: &Engine, i: &Indicator) -> IndicatorView {
    let across_units = match i.across_units {
        AcrossUnits::Sum => serde_json::json!({ "rule": "sum" }),
        AcrossUnits::Mean => serde_json::json!({ "rule": "mean" }),
        AcrossUnits::NotCombinable => serde_json::json!({ "rule": "not_combinable" }),
        AcrossUnits::WeightedMean { weight } => {
            serde_json::json!({ "rule": "weighted_mean", "weight": indicator_code(engine, weight) })
        }
        AcrossUnits::Ratio {
            numerator,
            denominator,
            scale,
        } => serde_json::json!({
            "rule": "ratio",
            "numerator": indicator_code(engine, numerator),
            "denominator": indicator_code(engine, denominator),
            "scale": scale,
        }),
    };
    IndicatorView {
        code: i.code.to_string(),
        name: i.name.clone(),
        measure: i.measure.clone(),
        decimals: i.decimals,
        direction: i.direction,
        across_units,
        over_time: i.over_time,
        same_period_base: i.same_period_base,
    }
}

#[utoipa::path(get, path = "/api/v1/indicators", tag = "indicators", summary = "List indicators", params(Page), responses((status = 200, body = Vec<IndicatorView>, headers(("x-total-count" = usize, description = "The length of the whole list")))))]
pub async fn list_indicators<S: Store>(
    State(state): State<AppState<S>>,
    Query(page): Query<Page>,
) -> Result<Response, ApiError> {
    let engine = state.app.engine();
    paged(
        engine
            .indicators()
            .map(|i| indicator_view(&engine, i))
            .collect(),
        &page,
    )
}

#[utoipa::path(get, path = "/api/v1/indicators/{code}", tag = "indicators", summary = "One indicator", params(("code" = String, Path, description = "The indicator code", pattern = r"^\s*[A-Za-z0-9._-]{1,48}\s*$", example = "GRDP_GROWTH")), responses((status = 200, body = IndicatorView)))]
pub async fn get_indicator<S: Store>(
    State(state): State<AppState<S>>,
    Path(code): Path<String>,
) -> Result<Json<IndicatorView>, ApiError> {
    let engine = state.app.engine();
    Ok(Json(indicator_view(
        &engine,
        find_indicator(&engine, &code)?,
    )))
}

#[utoipa::path(post, path = "/api/v1/indicators", tag = "indicators", summary = "Create an indicator", request_body = IndicatorInput, responses((status = 201, body = IndicatorView)))]
pub async fn create_indicator<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: JsonBody,
) -> Result<Response, ApiError> {
    create_from::<S, IndicatorInput, _>(&state, &who, &body, |engine, record| match record {
        Record::Indicator(x) => Some(indicator_view(engine, x)),
        _ => None,
    })
    .await
}
