//! The JSON API under `/api/v1/`. Handlers are thin: they read from the engine or call one
//! use case of the application layer, and shape the answer with codes, never internal ids
//! (except targets and observations, which have no natural code).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use giamsat_app::Store;
use giamsat_app::input::{
    DocumentInput, IndicatorInput, ObservationInput, ReportedScorecardInput, ScenarioInput,
    TargetInput, UnitInput,
};
use giamsat_app::{ImportKind, ImportReport, Validate};
use giamsat_core::evaluation::{self, TargetEvaluation};
use giamsat_core::org::UnitCode;
use giamsat_core::{
    AcrossUnits, Document, DocumentKey, Engine, Indicator, IndicatorCode, Observation, Period,
    Record, Status, Target, TargetId, Translations, Unit,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::{AppState, unit_code};

/// Reads a JSON body into an input. Numbers and booleans are accepted where the input holds
/// text, so that clients may send `"value": 36539` as well as `"value": "36539"`.
pub(crate) fn read_input<T: DeserializeOwned>(body: &Bytes) -> Result<T, ApiError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::BadRequest(format!("the body is not valid JSON: {e}")))?;
    serde_json::from_value(stringify_scalars(value))
        .map_err(|e| ApiError::BadRequest(format!("the body does not fit: {e}")))
}

fn stringify_scalars(value: Value) -> Value {
    match value {
        Value::Number(n) => Value::String(n.to_string()),
        Value::Bool(b) => Value::String(b.to_string()),
        Value::Array(items) => Value::Array(items.into_iter().map(stringify_scalars).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, stringify_scalars(v)))
                .collect(),
        ),
        other => other,
    }
}

async fn create<S: Store, I: Validate>(
    state: &AppState<S>,
    who: &Principal,
    input: &I,
) -> Result<Record, ApiError> {
    Ok(state.app.create(&who.0.actor, input, "API").await?)
}

/// Creates a record from a JSON body and answers 201 with the record as `view` shows it.
async fn create_from<S: Store, I: Validate + DeserializeOwned, V: Serialize>(
    state: &AppState<S>,
    who: &Principal,
    body: &Bytes,
    view: impl FnOnce(&Engine, &Record) -> Option<V>,
) -> Result<Response, ApiError> {
    let input: I = read_input(body)?;
    let record = create(state, who, &input).await?;
    let engine = state.app.engine();
    view(&engine, &record).map(created).ok_or_else(|| {
        ApiError::App(giamsat_app::AppError::Inconsistent(format!(
            "created an unexpected record: {record:?}"
        )))
    })
}

pub(crate) fn created<T: Serialize>(body: T) -> Response {
    (StatusCode::CREATED, Json(body)).into_response()
}

/// How many items a list answers when not told, and at most.
pub const DEFAULT_PAGE: usize = 1_000;
pub const MAX_PAGE: usize = 10_000;

/// Which part of a list to answer: `limit` items from `offset`.
#[derive(Deserialize)]
pub struct Page {
    limit: Option<usize>,
    offset: Option<usize>,
}

/// One page of a list as a JSON array, with the length of the whole list in `X-Total-Count`,
/// so that no request makes the server serialise a whole country's data at once.
fn paged<T: Serialize>(items: Vec<T>, page: &Page) -> Result<Response, ApiError> {
    let limit = page.limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiError::BadRequest(format!(
            "limit must be between 1 and {MAX_PAGE}"
        )));
    }
    let total = items.len();
    let offset = page.offset.unwrap_or(0).min(total);
    let items: Vec<T> = items.into_iter().skip(offset).take(limit).collect();
    let mut response = Json(items).into_response();
    response
        .headers_mut()
        .insert("x-total-count", axum::http::HeaderValue::from(total));
    Ok(response)
}

// ---- Wire types ------------------------------------------------------------------------------

#[derive(Serialize)]
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
#[derive(Serialize)]
pub struct SuccessionView {
    unit: String,
    share: f64,
    from: String,
}

fn indicator_code(engine: &Engine, id: giamsat_core::IndicatorId) -> String {
    engine
        .indicator(id)
        .map_or_else(|| id.to_string(), |i| i.code.to_string())
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

#[derive(Serialize)]
pub struct DocumentView {
    key: String,
    number: Option<String>,
    doc_type: giamsat_core::DocumentType,
    issued_by: String,
    issued_on: Option<String>,
    title: Translations,
    horizon: giamsat_core::Horizon,
    source: String,
}

fn document_view(engine: &Engine, d: &Document) -> DocumentView {
    DocumentView {
        key: d.key.to_string(),
        number: d.number.clone(),
        doc_type: d.doc_type,
        issued_by: unit_code(engine, d.issued_by),
        issued_on: d.issued_on.map(|x| x.to_string()),
        title: d.title.clone(),
        horizon: d.horizon,
        source: d.provenance.source.clone(),
    }
}

#[derive(Serialize)]
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
    scenario: Option<Vec<ScenarioPoint>>,
    source: String,
    evaluation: TargetEvaluation,
}

#[derive(Serialize)]
pub struct ScenarioPoint {
    month: Period,
    value: f64,
}

pub fn target_view(engine: &Engine, t: &Target) -> TargetView {
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
                .map(|(month, value)| ScenarioPoint {
                    month: Period::month(*month),
                    value: *value,
                })
                .collect()
        }),
        source: t.provenance.source.clone(),
        evaluation: evaluation::evaluate(engine, t),
    }
}

#[derive(Serialize)]
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

fn observation_view(engine: &Engine, o: &Observation) -> ObservationView {
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
        current: engine
            .reported(o.indicator, o.unit, o.period)
            .is_some_and(|(id, ..)| id == o.id),
    }
}

/// The current value of a cell, as the engine holds it.
#[derive(Serialize)]
pub struct CurrentValueView {
    id: giamsat_core::ObservationId,
    indicator: String,
    unit: String,
    period: Period,
    value: f64,
    kind: giamsat_core::ObservationKind,
}

// ---- Lookups by code -----------------------------------------------------------------------

fn parse_unit_code(text: &str) -> Result<UnitCode, ApiError> {
    UnitCode::parse(text).map_err(|e| ApiError::BadRequest(e.to_string()))
}

pub(crate) fn find_unit<'e>(engine: &'e Engine, code: &str) -> Result<&'e Unit, ApiError> {
    engine
        .unit_by_code(&parse_unit_code(code)?)
        .ok_or_else(|| ApiError::not_found("unit", code))
}

fn find_indicator<'e>(engine: &'e Engine, code: &str) -> Result<&'e Indicator, ApiError> {
    let parsed = IndicatorCode::parse(code).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    engine
        .indicator_by_code(&parsed)
        .ok_or_else(|| ApiError::not_found("indicator", code))
}

fn parse_period(text: &str) -> Result<Period, ApiError> {
    text.parse()
        .map_err(|e: giamsat_core::period::PeriodError| {
            ApiError::BadRequest(format!("period: {e}"))
        })
}

// ---- Units ---------------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct UnitQuery {
    /// A code or a name in any spelling, compared without diacritics.
    q: Option<String>,
    /// Only the units that exist on this date.
    as_of: Option<String>,
}

/// A date given as `as_of`: ISO (2023-12-31) or day/month/year.
pub fn parse_as_of(text: Option<&str>) -> Result<Option<time::Date>, ApiError> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => giamsat_app::input::parse_date(t)
            .map(Some)
            .map_err(|e| ApiError::BadRequest(format!("as_of: {e}"))),
    }
}

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

pub async fn get_unit<S: Store>(
    State(state): State<AppState<S>>,
    Path(code): Path<String>,
) -> Result<Json<UnitView>, ApiError> {
    let engine = state.app.engine();
    Ok(Json(unit_view(&engine, find_unit(&engine, &code)?)))
}

pub async fn create_unit<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: Bytes,
) -> Result<Response, ApiError> {
    create_from::<S, UnitInput, _>(&state, &who, &body, |engine, record| match record {
        Record::Unit(x) => Some(unit_view(engine, x)),
        _ => None,
    })
    .await
}

// ---- Indicators ----------------------------------------------------------------------------

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
    body: Bytes,
) -> Result<Response, ApiError> {
    create_from::<S, IndicatorInput, _>(&state, &who, &body, |engine, record| match record {
        Record::Indicator(x) => Some(indicator_view(engine, x)),
        _ => None,
    })
    .await
}

// ---- Documents -----------------------------------------------------------------------------

pub async fn list_documents<S: Store>(
    State(state): State<AppState<S>>,
    Query(page): Query<Page>,
) -> Result<Response, ApiError> {
    let engine = state.app.engine();
    paged(
        engine
            .documents()
            .map(|d| document_view(&engine, d))
            .collect(),
        &page,
    )
}

#[derive(Deserialize)]
pub struct DocumentQuery {
    issued_by: Option<String>,
}

pub async fn get_document<S: Store>(
    State(state): State<AppState<S>>,
    Path(key): Path<String>,
    Query(query): Query<DocumentQuery>,
) -> Result<Json<DocumentView>, ApiError> {
    let engine = state.app.engine();
    let parsed = DocumentKey::parse(&key).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let found: Vec<&Document> = match &query.issued_by {
        Some(issuer) => {
            let issuer = find_unit(&engine, issuer)?;
            engine
                .document_by_issuer_key(issuer.id, &parsed)
                .into_iter()
                .collect()
        }
        None => engine.documents_by_key(&parsed),
    };
    match found.as_slice() {
        [one] => Ok(Json(document_view(&engine, one))),
        [] => Err(ApiError::not_found("document", key)),
        many => Err(ApiError::BadRequest(format!(
            "{} documents have the key {key}; add ?issued_by= one of: {}",
            many.len(),
            many.iter()
                .map(|d| unit_code(&engine, d.issued_by))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

pub async fn create_document<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: Bytes,
) -> Result<Response, ApiError> {
    create_from::<S, DocumentInput, _>(&state, &who, &body, |engine, record| match record {
        Record::Document(x) => Some(document_view(engine, x)),
        _ => None,
    })
    .await
}

// ---- Targets -------------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct TargetQuery {
    unit: Option<String>,
    indicator: Option<String>,
    document: Option<String>,
    period: Option<String>,
    status: Option<String>,
}

/// Targets with their evaluation, those needing attention first.
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

pub async fn create_target<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: Bytes,
) -> Result<Response, ApiError> {
    create_from::<S, TargetInput, _>(&state, &who, &body, |engine, record| match record {
        Record::Target(x) => Some(target_view(engine, x)),
        _ => None,
    })
    .await
}

/// Sets a target's trajectory (a new version; the earlier one stays in the store).
pub async fn set_scenario<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Path(id): Path<u32>,
    body: Bytes,
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

// ---- Observations --------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct ObservationQuery {
    indicator: Option<String>,
    unit: Option<String>,
    period: Option<String>,
}

/// With indicator, unit and period: every value recorded for that cell, oldest first. With
/// fewer: the current values that match.
pub async fn list_observations<S: Store>(
    State(state): State<AppState<S>>,
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
        let views: Vec<ObservationView> = history
            .iter()
            .map(|o| observation_view(&engine, o))
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

pub async fn record_observation<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: Bytes,
) -> Result<Response, ApiError> {
    create_from::<S, ObservationInput, _>(&state, &who, &body, |engine, record| match record {
        Record::Observation(x) => Some(observation_view(engine, x)),
        _ => None,
    })
    .await
}

// ---- Rankings ------------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct RankingQuery {
    period: String,
    indicator: Option<String>,
    /// Rank only the units directly under this one (default: the provinces of `as_of`).
    within: Option<String>,
    /// The date whose units are ranked (default: the last day of the period). A later date
    /// ranks today's provinces, with the figures of those since merged carried onto them.
    as_of: Option<String>,
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

#[derive(Serialize)]
pub struct ScorecardView {
    rank: usize,
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
}

pub async fn scorecard_ranking<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<RankingQuery>,
) -> Result<Json<Vec<ScorecardView>>, ApiError> {
    let period = parse_period(&query.period)?;
    let engine = state.app.engine();
    let units = ranked_units(&engine, &query, period)?;
    let rows = evaluation::scorecard_ranking_of(&engine, period, units);
    Ok(Json(
        rows.iter()
            .enumerate()
            .map(|(i, r)| ScorecardView {
                rank: i + 1,
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
            })
            .collect(),
    ))
}

#[derive(Serialize)]
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

pub async fn growth_ranking<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<RankingQuery>,
) -> Result<Json<Vec<ChangeView>>, ApiError> {
    let period = parse_period(&query.period)?;
    let engine = state.app.engine();
    let code = query
        .indicator
        .as_deref()
        .ok_or_else(|| ApiError::BadRequest("indicator is required".into()))?;
    let indicator = find_indicator(&engine, code)?.id;
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
    let mut out: Vec<ChangeView> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| view(Some(i + 1), r, None))
        .collect();
    for (unit, former) in evaluation::unmerged(&engine, indicator, &units, &rows, period) {
        let into = unit_code(&engine, unit);
        out.extend(former.iter().map(|r| view(None, r, Some(into.clone()))));
    }
    Ok(Json(out))
}

// ---- Values --------------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct ValueQuery {
    indicator: String,
    unit: String,
    period: String,
}

#[derive(Serialize)]
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

// ---- Scorecards as reported, imports, exports, audit ---------------------------------------

pub async fn report_scorecard<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: Bytes,
) -> Result<Response, ApiError> {
    let input: ReportedScorecardInput = read_input(&body)?;
    create(&state, &who, &input).await?;
    Ok(StatusCode::CREATED.into_response())
}

fn import_kind(kind: &str) -> Result<ImportKind, ApiError> {
    kind.parse().map_err(ApiError::BadRequest)
}

#[derive(Deserialize)]
pub struct ImportQuery {
    #[serde(default)]
    skip_invalid: bool,
    file: Option<String>,
    /// How the file writes numbers: en (36539.5, the default), vi (36.539,5) or fr (36 539,5).
    number_format: Option<String>,
}

/// Imports a CSV body (see the CLI's `import`): all or nothing unless `skip_invalid=true`.
pub async fn import<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Path(kind): Path<String>,
    Query(query): Query<ImportQuery>,
    body: Bytes,
) -> Result<Json<ImportReport>, ApiError> {
    let kind = import_kind(&kind)?;
    let numbers = match query.number_format.as_deref() {
        None => giamsat_core::Language::En,
        Some(text) => text
            .parse()
            .map_err(|e: giamsat_core::text::UnknownLanguage| {
                ApiError::BadRequest(format!("number_format: {e}"))
            })?,
    };
    let options = giamsat_app::ImportOptions {
        skip_invalid: query.skip_invalid,
        numbers,
    };
    let file = query
        .file
        .unwrap_or_else(|| format!("{}.csv", kind.as_str()));
    Ok(Json(
        state
            .app
            .import(&who.0.actor, kind, &file, &body, options)
            .await?,
    ))
}

pub async fn export<S: Store>(
    State(state): State<AppState<S>>,
    Path(kind): Path<String>,
) -> Result<Response, ApiError> {
    let kind = import_kind(&kind)?;
    let csv = state.app.export(kind).await?;
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], csv).into_response())
}

#[derive(Deserialize)]
pub struct AuditQuery {
    object: Option<String>,
    /// The trail of this unit's subtree (an admin or office over it may read it).
    unit: Option<String>,
    limit: Option<u32>,
}

#[derive(Serialize)]
pub struct AuditView {
    at: String,
    actor: String,
    action: String,
    object: String,
    before: Option<Value>,
    after: Option<Value>,
}

pub async fn audit<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Query(query): Query<AuditQuery>,
) -> Result<Json<Vec<AuditView>>, ApiError> {
    let limit = query.limit.unwrap_or(100).min(1000);
    let entries = match &query.unit {
        Some(code) => {
            let unit = find_unit(&state.app.engine(), code)?.id;
            state.app.audit_of_unit(&who.0.actor, unit, limit).await?
        }
        None => {
            state
                .app
                .audit_trail(&who.0.actor, query.object.as_deref(), limit)
                .await?
        }
    };
    Ok(Json(
        entries
            .into_iter()
            .map(|e| AuditView {
                at: e
                    .at
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default(),
                actor: e.actor,
                action: e.action,
                object: e.object,
                before: e.before,
                after: e.after,
            })
            .collect(),
    ))
}

pub async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("../openapi.json"),
    )
        .into_response()
}

/// Answers an unknown path under the API in the API's own error shape.
pub async fn not_found(axum::extract::OriginalUri(uri): axum::extract::OriginalUri) -> ApiError {
    ApiError::not_found(
        "endpoint",
        format!("{} (see /api/v1/openapi.json)", uri.path()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_numbers_are_read_as_text_fields() {
        let body = Bytes::from_static(br#"{"indicator":"X","value":36539.5,"kind":"estimate"}"#);
        let input: ObservationInput = read_input(&body).expect("reads");
        assert_eq!(input.value.as_deref(), Some("36539.5"));
        let unknown = Bytes::from_static(br#"{"indicator":"X","colour":"red"}"#);
        let err = read_input::<ObservationInput>(&unknown).expect_err("unknown field");
        assert!(err.to_string().contains("colour"), "{err}");
        assert!(read_input::<ObservationInput>(&Bytes::from_static(b"{")).is_err());
    }
}
