//! `/api/v1/observations` and `/api/v1/values`: the figures recorded (a cell's history, or the
//! current values that match) and the value of a cell as the engine resolves it (summed,
//! carried from former units, or recomputed).

use axum::Json;
use axum::extract::{Query, State};
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::input::ObservationInput;
use giamsat_core::{AcrossUnits, Engine, Observation, Period, Record};
use serde::{Deserialize, Serialize};

use super::{
    JsonBody, Page, create_from, find_indicator, find_unit, indicator_code, paged, parse_period,
};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::{AppState, unit_code};

#[derive(Serialize, utoipa::ToSchema)]
pub struct ObservationView {
    id: giamsat_core::ObservationId,
    indicator: String,
    unit: String,
    period: Period,
    value: f64,
    kind: giamsat_core::ObservationKind,
    reported_by: Option<String>,
    document: Option<String>,
    corrects: Option<giamsat_core::ObservationId>,
    note: Option<String>,
    source: String,
    recorded_by: String,
    recorded_at: String,
    /// Whether this is the value of its cell now: a later estimate does not displace an
    /// official figure, so a new observation is not always current.
    current: bool,
}

/// `current` is decided by the caller from the same state the observation was read in.
fn observation_view(engine: &Engine, o: &Observation, current: bool) -> ObservationView {
    ObservationView {
        id: o.id,
        indicator: indicator_code(engine, o.indicator),
        unit: unit_code(engine, o.unit),
        period: o.period,
        value: o.value,
        kind: o.kind,
        reported_by: o.reported_by.map(|u| unit_code(engine, u)),
        document: o
            .document
            .and_then(|d| engine.document(d))
            .map(|d| d.key.to_string()),
        corrects: o.corrects,
        note: o.note.clone(),
        source: o.provenance.source.clone(),
        recorded_by: o.provenance.recorded_by.clone(),
        recorded_at: o
            .provenance
            .recorded_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        current,
    }
}

/// The current value of a cell, as the engine holds it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CurrentValueView {
    id: giamsat_core::ObservationId,
    indicator: String,
    unit: String,
    period: Period,
    value: f64,
    kind: giamsat_core::ObservationKind,
}

/// An item of the list of observations: the history of one cell (`ObservationView`), or a
/// current value (`CurrentValueView`). Only describes the answer.
pub struct ObservationListItem;

impl utoipa::PartialSchema for ObservationListItem {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::AnyOfBuilder::new()
            .item(utoipa::openapi::Ref::from_schema_name("ObservationView"))
            .item(utoipa::openapi::Ref::from_schema_name("CurrentValueView"))
            .into()
    }
}

impl utoipa::ToSchema for ObservationListItem {
    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        use utoipa::PartialSchema;
        schemas.push(("ObservationView".into(), ObservationView::schema()));
        schemas.push(("CurrentValueView".into(), CurrentValueView::schema()));
        <ObservationView as utoipa::ToSchema>::schemas(schemas);
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ObservationQuery {
    #[param(pattern = r"^\s*[A-Za-z0-9._-]{1,48}\s*$", example = "GRDP_GROWTH")]
    indicator: Option<String>,
    #[param(pattern = r"^\s*[A-Za-z0-9._-]{1,32}\s*$", example = "40")]
    unit: Option<String>,
    #[param(
        pattern = r"^\s*(20|21)\d\d(-(0[1-9]|1[0-2]|[Qq][1-4]|[Hh][12]|[Yy][Tt][Dd](0[1-9]|1[0-2])))?\s*$",
        example = "2023-Q2"
    )]
    period: Option<String>,
}

/// With indicator, unit and period: every value recorded for that cell, oldest first. With
/// fewer: the current values that match.
#[utoipa::path(get, path = "/api/v1/observations", tag = "figures", summary = "With indicator, unit and period: every value recorded for the cell, oldest first; otherwise the current values that match", params(ObservationQuery, Page), responses((status = 200, body = Vec<ObservationListItem>, headers(("x-total-count" = usize, description = "The length of the whole list")))))]
pub async fn list_observations<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Query(query): Query<ObservationQuery>,
    Query(page): Query<Page>,
) -> Result<Response, ApiError> {
    let (indicator, unit, period) = {
        let engine = state.app.engine();
        (
            query
                .indicator
                .as_deref()
                .map(|c| find_indicator(&engine, c).map(|i| i.id))
                .transpose()?,
            query
                .unit
                .as_deref()
                .map(|c| find_unit(&engine, c).map(|u| u.id))
                .transpose()?,
            query.period.as_deref().map(parse_period).transpose()?,
        )
    };
    if let (Some(i), Some(u), Some(p)) = (indicator, unit, period) {
        let history = state.app.observation_history(i, u, p).await?;
        let engine = state.app.engine();
        // Figures not yet approved are for the unit and the offices over it.
        let sees_unpublished = who
            .0
            .actor
            .grants
            .as_ref()
            .is_none_or(|grants| giamsat_core::access::may_see_unpublished(&engine, grants, u));
        let views: Vec<ObservationView> = history
            .observations
            .iter()
            .filter(|o| sees_unpublished || !engine.reporting().is_held(o))
            .map(|o| observation_view(&engine, o, history.current == Some(o.id)))
            .collect();
        return paged(views, &page);
    }
    let engine = state.app.engine();
    let mut views: Vec<CurrentValueView> = engine
        .current_cells()
        .filter(|(i, u, p, ..)| {
            indicator.is_none_or(|x| x == *i)
                && unit.is_none_or(|x| x == *u)
                && period.is_none_or(|x| x == *p)
        })
        .map(|(i, u, p, id, kind, value)| CurrentValueView {
            id,
            indicator: indicator_code(&engine, i),
            unit: unit_code(&engine, u),
            period: p,
            value,
            kind,
        })
        .collect();
    views.sort_by(|a, b| (&a.indicator, &a.unit, a.period).cmp(&(&b.indicator, &b.unit, b.period)));
    paged(views, &page)
}

#[utoipa::path(post, path = "/api/v1/observations", tag = "figures", summary = "Record an observation (append-only)", request_body = ObservationInput, responses((status = 201, body = ObservationView)))]
pub async fn record_observation<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: JsonBody,
) -> Result<Response, ApiError> {
    create_from::<S, ObservationInput, _>(&state, &who, &body, |engine, record| match record {
        // The engine the write was just applied to: whether it displaced the current value.
        Record::Observation(x) => {
            let current = engine
                .reported(x.indicator, x.unit, x.period)
                .is_some_and(|(id, ..)| id == x.id);
            Some(observation_view(engine, x, current))
        }
        _ => None,
    })
    .await
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ValueQuery {
    #[param(pattern = r"^\s*[A-Za-z0-9._-]{1,48}\s*$", example = "GRDP_GROWTH")]
    indicator: String,
    #[param(pattern = r"^\s*[A-Za-z0-9._-]{1,32}\s*$", example = "40")]
    unit: String,
    #[param(
        pattern = r"^\s*(20|21)\d\d(-(0[1-9]|1[0-2]|[Qq][1-4]|[Hh][12]|[Yy][Tt][Dd](0[1-9]|1[0-2])))?\s*$",
        example = "2023-Q2"
    )]
    period: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ValueView {
    indicator: String,
    unit: String,
    period: String,
    value: Option<f64>,
    kind: Option<giamsat_core::ObservationKind>,
    /// Computed (summed, carried, recomputed) rather than reported as is.
    derived: bool,
    /// For a unit formed after the period began: the former units its value comes from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    carried_from: Vec<String>,
    /// Why there is no value: `no_data`, or `not_combinable` when the unit was formed from
    /// several units and the indicator cannot be added across them.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
}

/// The value of an indicator for a unit and period, as the engine resolves it.
#[utoipa::path(get, path = "/api/v1/values", tag = "figures", summary = "The value of an indicator for a unit and period as giamsat resolves it", params(ValueQuery), responses((status = 200, body = ValueView)))]
pub async fn value<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<ValueQuery>,
) -> Result<Json<ValueView>, ApiError> {
    let period = parse_period(&query.period)?;
    let engine = state.app.engine();
    let indicator = find_indicator(&engine, &query.indicator)?;
    let unit = find_unit(&engine, &query.unit)?;
    let resolved = engine.value(indicator.id, unit.id, period);
    let before_unit = unit
        .valid_from
        .zip(period.start().first_day())
        .is_some_and(|(from, start)| start < from);
    let carried_from: Vec<String> = if before_unit {
        engine
            .predecessors(unit.id)
            .map(|s| unit_code(&engine, s.predecessor))
            .collect()
    } else {
        Vec::new()
    };
    let reason = match resolved {
        Some(_) => None,
        None if carried_from.len() > 1
            && !matches!(
                indicator.across_units,
                AcrossUnits::Sum | AcrossUnits::Ratio { .. }
            ) =>
        {
            Some("not_combinable")
        }
        None => Some("no_data"),
    };
    Ok(Json(ValueView {
        indicator: indicator.code.to_string(),
        unit: unit.code.to_string(),
        period: period.code(),
        value: resolved.map(|r| r.value),
        kind: resolved.map(|r| r.kind),
        derived: resolved.is_some_and(|r| r.derived),
        carried_from,
        reason,
    }))
}
