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

#[derive(Serialize)]
pub struct IndicatorView {
    code: String,
    name: Translations,
    measure: Translations,
    decimals: u8,
    direction: giamsat_core::Direction,
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
