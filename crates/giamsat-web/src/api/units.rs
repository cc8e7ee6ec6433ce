//! `/api/v1/units`: the organisation tree, its units found by code or name, as of a date, and
//! the successions of the reform.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::input::UnitInput;
use giamsat_core::{Engine, Record, Translations, Unit};
use serde::{Deserialize, Serialize};

use super::{JsonBody, Page, create_from, find_unit, paged, parse_as_of};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::{AppState, unit_code};

#[derive(Serialize, utoipa::ToSchema)]
pub struct UnitView {
    code: String,
    /// The statistics office's code, without giamsat's `-2025` where the office reused one.
    office_code: String,
    kind: &'static str,
    parent: Option<String>,
    name: Translations,
    valid_from: Option<String>,
    valid_to: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    predecessors: Vec<SuccessionView>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    successors: Vec<SuccessionView>,
}

/// One side of a succession: the other unit, the share of the predecessor's additive figures
/// it carries, and the first day of the successor.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SuccessionView {
    unit: String,
    share: f64,
    from: String,
}

fn unit_view(engine: &Engine, unit: &Unit) -> UnitView {
    UnitView {
        code: unit.code.to_string(),
        office_code: unit.office_code().to_owned(),
        kind: unit.kind.as_str(),
        parent: unit.parent.map(|p| unit_code(engine, p)),
        name: unit.name.clone(),
        valid_from: unit.valid_from.map(|d| d.to_string()),
        valid_to: unit.valid_to.map(|d| d.to_string()),
        predecessors: engine
            .predecessors(unit.id)
            .map(|x| SuccessionView {
                unit: unit_code(engine, x.predecessor),
                share: x.share,
                from: x.from.to_string(),
            })
            .collect(),
        successors: engine
            .successors(unit.id)
            .map(|x| SuccessionView {
                unit: unit_code(engine, x.successor),
                share: x.share,
                from: x.from.to_string(),
            })
            .collect(),
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UnitQuery {
    /// A code or a name in any spelling, compared without diacritics.
    q: Option<String>,
    /// Only the units that exist on this date.
    #[param(value_type = Option<String>, pattern = r"^\s*([1-9]\d{3}-((0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31))?\s*$", example = "2023-12-31")]
    as_of: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/units", tag = "units", summary = "List units, or find them by code or any spelling of a name", params(UnitQuery, Page), responses((status = 200, body = Vec<UnitView>, headers(("x-total-count" = usize, description = "The length of the whole list")))))]
pub async fn list_units<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<UnitQuery>,
    Query(page): Query<Page>,
) -> Result<Response, ApiError> {
    let engine = state.app.engine();
    let as_of = parse_as_of(query.as_of.as_deref())?;
    let units: Vec<&Unit> = match query.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) => engine.find_units(q),
        None => engine.units().collect(),
    };
    let units: Vec<&Unit> = units
        .into_iter()
        .filter(|u| as_of.is_none_or(|d| u.exists_on(d)))
        .collect();
    paged(
        units.into_iter().map(|u| unit_view(&engine, u)).collect(),
        &page,
    )
}

#[utoipa::path(get, path = "/api/v1/units/{code}", tag = "units", summary = "One unit", params(("code" = String, Path, description = "The unit code", pattern = r"^\s*[A-Za-z0-9._-]{1,32}\s*$", example = "01")), responses((status = 200, body = UnitView)))]
pub async fn get_unit<S: Store>(
    State(state): State<AppState<S>>,
    Path(code): Path<String>,
) -> Result<Json<UnitView>, ApiError> {
    let engine = state.app.engine();
    Ok(Json(unit_view(&engine, find_unit(&engine, &code)?)))
}

#[utoipa::path(post, path = "/api/v1/units", tag = "units", summary = "Create a unit", request_body = UnitInput, responses((status = 201, body = UnitView)))]
pub async fn create_unit<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: JsonBody,
) -> Result<Response, ApiError> {
    create_from::<S, UnitInput, _>(&state, &who, &body, |engine, record| match record {
        Record::Unit(x) => Some(unit_view(engine, x)),
        _ => None,
    })
    .await
}
