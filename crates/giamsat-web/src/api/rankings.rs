//! `/api/v1/rankings/…` and `/api/v1/scorecards`: units ranked by their scorecards (targets
//! met of targets set) or by growth over the same period last year, as of a date whose units
//! are compared; and a review's scorecard recorded as reported.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use giamsat_app::Store;
use giamsat_app::input::ReportedScorecardInput;
use giamsat_core::evaluation;
use giamsat_core::{Engine, Period, Translations};
use serde::{Deserialize, Serialize};

use super::{JsonBody, create, find_indicator, find_unit, parse_as_of, parse_period, read_input};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::{AppState, unit_code};

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RankingQuery {
    #[param(
        pattern = r"^\s*(20|21)\d\d(-(0[1-9]|1[0-2]|[Qq][1-4]|[Hh][12]|[Yy][Tt][Dd](0[1-9]|1[0-2])))?\s*$",
        example = "2023-Q2"
    )]
    period: String,
    /// Rank only the units directly under this one (default: the provinces of `as_of`).
    #[param(pattern = r"^\s*[A-Za-z0-9._-]{1,32}\s*$", example = "40")]
    within: Option<String>,
    /// The date whose units are ranked (default: the last day of the period). A later date
    /// ranks today's provinces, with the figures of those since merged carried onto them.
    #[param(value_type = Option<String>, pattern = r"^\s*([1-9]\d{3}-((0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31))?\s*$", example = "2023-12-31")]
    as_of: Option<String>,
}

/// The indicator growth is ranked by.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GrowthQuery {
    #[param(pattern = r"^\s*[A-Za-z0-9._-]{1,48}\s*$", example = "GRDP_GROWTH")]
    indicator: String,
}

/// The units a ranking compares, as of its date.
fn ranked_units(
    engine: &Engine,
    query: &RankingQuery,
    period: Period,
) -> Result<Vec<giamsat_core::UnitId>, ApiError> {
    let as_of = parse_as_of(query.as_of.as_deref())?
        .or_else(|| period.last_day())
        .ok_or_else(|| ApiError::BadRequest("as_of: give a date".into()))?;
    Ok(match &query.within {
        Some(code) => engine
            .children(find_unit(engine, code)?.id)
            .iter()
            .filter(|u| u.exists_on(as_of))
            .map(|u| u.id)
            .collect(),
        None => engine.provinces_on(as_of),
    })
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ScorecardView {
    /// Equal results share a rank (1, 2, 2, 4). Absent for a partial scorecard (`complete`
    /// false), which is listed after the ranked ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    rank: Option<usize>,
    unit: String,
    name: Translations,
    met: u32,
    set: u32,
    source: giamsat_core::ScorecardSource,
    all_met: bool,
    /// False for a carried scorecard to which some former units contributed nothing.
    complete: bool,
    /// For a carried scorecard, the former units whose scorecards were added.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    carried_from: Vec<String>,
    /// For a carried scorecard, how many former units it has in all.
    #[serde(skip_serializing_if = "Option::is_none")]
    predecessors: Option<usize>,
    /// For a scorecard counted from the unit's targets: what a review reported for the same
    /// unit and period, if it did, `[met, set]`; ranked by the counted one, never added.
    #[serde(skip_serializing_if = "Option::is_none")]
    reported: Option<[u32; 2]>,
}

#[utoipa::path(get, path = "/api/v1/rankings/scorecards", tag = "rankings", summary = "Units ranked by targets met out of set", params(RankingQuery), responses((status = 200, body = Vec<ScorecardView>)))]
pub async fn scorecard_ranking<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<RankingQuery>,
) -> Result<Json<Vec<ScorecardView>>, ApiError> {
    let period = parse_period(&query.period)?;
    let engine = state.app.engine();
    let units = ranked_units(&engine, &query, period)?;
    let rows = evaluation::scorecard_ranking_of(&engine, period, units);
    let ranks = evaluation::scorecard_ranks(&rows);
    Ok(Json(
        rows.iter()
            .zip(ranks)
            .map(|(r, rank)| ScorecardView {
                rank,
                unit: unit_code(&engine, r.unit),
                name: engine
                    .unit(r.unit)
                    .map(|u| u.name.clone())
                    .unwrap_or_default(),
                met: r.scorecard.met,
                set: r.scorecard.set,
                source: r.source,
                all_met: r.all_met(),
                complete: r.is_complete(),
                carried_from: r
                    .carried_from
                    .iter()
                    .map(|u| unit_code(&engine, *u))
                    .collect(),
                predecessors: r.predecessors,
                reported: evaluation::reported_beside(&engine, r, period)
                    .map(|(met, set)| [met, set]),
            })
            .collect(),
    ))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ChangeView {
    /// Absent for a former unit shown unmerged under the unit it became part of.
    #[serde(skip_serializing_if = "Option::is_none")]
    rank: Option<usize>,
    unit: String,
    name: Translations,
    value: f64,
    change: f64,
    kind: giamsat_core::ObservationKind,
    /// For a former unit: the unit of `as_of` it became part of, whose own figure cannot be
    /// computed because the indicator cannot be combined across units.
    #[serde(skip_serializing_if = "Option::is_none")]
    unmerged_into: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/rankings/growth", tag = "rankings", summary = "Units ranked by change over the same period", params(RankingQuery, GrowthQuery), responses((status = 200, body = Vec<ChangeView>)))]
pub async fn growth_ranking<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<RankingQuery>,
    Query(growth): Query<GrowthQuery>,
) -> Result<Json<Vec<ChangeView>>, ApiError> {
    let period = parse_period(&query.period)?;
    let engine = state.app.engine();
    let indicator = find_indicator(&engine, &growth.indicator)?.id;
    let units = ranked_units(&engine, &query, period)?;
    let rows = evaluation::change_ranking(&engine, indicator, units.iter().copied(), period);
    let view = |rank, r: &evaluation::ChangeRow, into: Option<String>| ChangeView {
        rank,
        unit: unit_code(&engine, r.unit),
        name: engine
            .unit(r.unit)
            .map(|u| u.name.clone())
            .unwrap_or_default(),
        value: r.value,
        change: r.change,
        kind: r.kind,
        unmerged_into: into,
    };
    let ranks = evaluation::shared_ranks(&rows, |a, b| a.change == b.change);
    let mut out: Vec<ChangeView> = rows
        .iter()
        .zip(ranks)
        .map(|(r, rank)| view(Some(rank), r, None))
        .collect();
    for (unit, former) in evaluation::unmerged(&engine, indicator, &units, &rows, period) {
        let into = unit_code(&engine, unit);
        out.extend(former.iter().map(|r| view(None, r, Some(into.clone()))));
    }
    Ok(Json(out))
}

/// Records a scorecard as a review reported it ("15/15"), for when the targets are not in
/// giamsat.
#[utoipa::path(post, path = "/api/v1/scorecards", tag = "rankings", summary = "Record a scorecard as a review reported it", request_body = ReportedScorecardInput, responses((status = 201, description = "Recorded")))]
pub async fn report_scorecard<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let input: ReportedScorecardInput = read_input(&body)?;
    create(&state, &who, &input).await?;
    Ok(StatusCode::CREATED.into_response())
}
