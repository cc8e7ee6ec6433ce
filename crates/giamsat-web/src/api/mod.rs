//! The JSON API under `/api/v1/`: [`routes`] is its router, and each resource has its own
//! module (units, indicators, documents, targets, observations and values, rankings, imports
//! and exports, audit, people, tasks, sessions, visits, recommendations, evidence, reporting
//! regimes with their completeness, validation rules and reports). Handlers
//! are thin: they read from the engine or call one use case of the application layer, and
//! shape the answer with codes, never internal ids (except targets, observations and
//! follow-up records, which have no natural code).
//!
//! Wire types are named one way: what the API answers is a `…View` (`UnitView`, `TaskView`),
//! built by a function of the same name in snake case (`unit_view`, `task_view`); what it
//! reads is the application's `…Input` (`UnitInput`, `TaskInput`), and what a query string
//! carries a `…Query`. A core type of the same name is written with its module
//! (`follow_up::TaskView`).
//!
//! This module holds what the resources share: reading a JSON body, creating a record and
//! answering 201, paging, finding a unit or an indicator by its code, and the OpenAPI
//! description and the answer to an unknown path.

mod audit;
mod documents;
mod evidence;
mod exchange;
mod inbox;
mod indicators;
mod interchange;
mod observations;
mod openapi;
mod people;
mod rankings;
mod recommendations;
mod regimes;
mod search;
mod sessions;
mod targets;
mod tasks;
mod units;
mod validation;
mod visits;

use axum::body::Bytes;
use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, header};
use axum::middleware::map_response;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use axum::{Json, Router};
use giamsat_app::{Store, Validate};
use giamsat_core::org::UnitCode;
use giamsat_core::{Engine, Indicator, IndicatorCode, Period, Record, Unit};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::auth::Principal;
use crate::error::{self, ApiError};
use crate::state::AppState;

/// The largest CSV file the API accepts in one request.
pub const IMPORT_LIMIT: usize = 64 * 1024 * 1024;

/// The API's router, to be nested under `/api/v1`: every failure it answers, axum's own
/// rejections included, has the API's error shape.
pub fn routes<S: Store>() -> Router<AppState<S>> {
    api_router::<S>()
        .router
        .fallback(not_found)
        .layer(map_response(error::json_errors))
}

/// Every path the API serves, as the router has them (`/api/v1/units/{code}`): a test compares
/// them with the description, so a route cannot be added without being described.
pub fn api_paths<S: Store>() -> Vec<String> {
    api_router::<S>()
        .paths
        .iter()
        .map(|p| format!("/api/v1{p}"))
        .collect()
}

/// The router as it is built, with the paths given to it (axum does not list its routes).
struct ApiRouter<S: Store> {
    router: Router<AppState<S>>,
    paths: Vec<&'static str>,
}

impl<S: Store> ApiRouter<S> {
    fn route(mut self, path: &'static str, methods: MethodRouter<AppState<S>>) -> Self {
        self.paths.push(path);
        self.router = self.router.route(path, methods);
        self
    }
}

fn api_router<S: Store>() -> ApiRouter<S> {
    ApiRouter {
        router: Router::new(),
        paths: Vec::new(),
    }
    .route(
        "/units",
        get(units::list_units::<S>).post(units::create_unit::<S>),
    )
    .route("/units/{code}", get(units::get_unit::<S>))
    .route(
        "/indicators",
        get(indicators::list_indicators::<S>).post(indicators::create_indicator::<S>),
    )
    .route("/indicators/{code}", get(indicators::get_indicator::<S>))
    .route(
        "/documents",
        get(documents::list_documents::<S>).post(documents::create_document::<S>),
    )
    .route("/documents/{key}", get(documents::get_document::<S>))
    .route(
        "/targets",
        get(targets::list_targets::<S>).post(targets::create_target::<S>),
    )
    .route("/targets/{id}", get(targets::get_target::<S>))
    .route("/targets/{id}/scenario", post(targets::set_scenario::<S>))
    .route(
        "/observations",
        get(observations::list_observations::<S>).post(observations::record_observation::<S>),
    )
    .route("/values", get(observations::value::<S>))
    .route("/scorecards", post(rankings::report_scorecard::<S>))
    .route(
        "/rankings/scorecards",
        get(rankings::scorecard_ranking::<S>),
    )
    .route("/rankings/growth", get(rankings::growth_ranking::<S>))
    .route(
        "/imports/{kind}",
        post(exchange::import::<S>).layer(DefaultBodyLimit::max(IMPORT_LIMIT)),
    )
    .route("/exports/{kind}", get(exchange::export::<S>))
    .route(
        "/exchange/dhis2/dataValueSets",
        get(interchange::export_dhis2::<S>)
            .post(interchange::import_dhis2::<S>)
            .layer(DefaultBodyLimit::max(IMPORT_LIMIT)),
    )
    .route("/exchange/sdmx.csv", get(interchange::export_sdmx::<S>))
    .route("/audit", get(audit::audit::<S>))
    .route("/inbox", get(inbox::inbox::<S>))
    .route("/search", get(search::search::<S>))
    .route(
        "/people",
        get(people::list_people::<S>).post(people::record_person::<S>),
    )
    .route(
        "/tasks",
        get(tasks::list_tasks::<S>).post(tasks::create_task::<S>),
    )
    .route("/tasks/{id}", get(tasks::get_task::<S>))
    .route("/tasks/{id}/updates", post(tasks::report_progress::<S>))
    .route(
        "/sessions",
        get(sessions::list_sessions::<S>).post(sessions::record_session::<S>),
    )
    .route("/sessions/{id}", get(sessions::get_session::<S>))
    .route(
        "/visits",
        get(visits::list_visits::<S>).post(visits::plan_visit::<S>),
    )
    .route(
        "/recommendations",
        get(recommendations::list_recommendations::<S>)
            .post(recommendations::record_recommendation::<S>),
    )
    .route(
        "/recommendations/{id}/answer",
        post(recommendations::answer_recommendation::<S>),
    )
    .route(
        "/evidence",
        post(evidence::put_evidence::<S>).layer(DefaultBodyLimit::max(
            giamsat_app::follow_up::MAX_EVIDENCE_BYTES + 1,
        )),
    )
    .route("/evidence/{sha256}", get(evidence::get_evidence::<S>))
    .route("/regimes", get(regimes::list_regimes::<S>))
    .route(
        "/regimes/{code}/completeness",
        get(regimes::regime_completeness::<S>),
    )
    .route(
        "/regimes/{code}/rules",
        get(validation::list_rules::<S>).post(validation::set_rule::<S>),
    )
    .route(
        "/regimes/{code}/validation",
        get(validation::validation::<S>),
    )
    .route("/openapi.json", get(openapi::description))
}

// ---- Reading bodies, creating records ------------------------------------------------------

/// A request body sent as JSON (`Content-Type: application/json`, or a `+json` type). A body
/// of another type is refused with 415 before it is read: a form or a text posted by mistake
/// is not guessed at.
pub struct JsonBody(pub Bytes);

impl<S: Send + Sync> axum::extract::FromRequest<S> for JsonBody {
    type Rejection = Response;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, Response> {
        let media_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            });
        let is_json = media_type
            .as_deref()
            .is_some_and(|m| m == "application/json" || m.ends_with("+json"));
        if !is_json {
            return Err(ApiError::UnsupportedMediaType(format!(
                "send the body as JSON with 'Content-Type: application/json' (not {})",
                media_type.as_deref().unwrap_or("without a type")
            ))
            .into_response());
        }
        Bytes::from_request(request, state)
            .await
            .map(JsonBody)
            .map_err(IntoResponse::into_response)
    }
}

/// Reads a JSON body into an input. Numbers are accepted where the input holds text, so that
/// clients may send `"value": 36539` as well as `"value": "36539"`; anything else of the
/// wrong type (`true`, an object where text is expected) is refused, as is a key written
/// twice in one object.
pub(crate) fn read_input<T: DeserializeOwned>(body: &JsonBody) -> Result<T, ApiError> {
    let value = parse_strict(body)?;
    let value = texts_of_numbers(value, "")?;
    serde_json::from_value(value)
        .map_err(|e| ApiError::BadRequest(format!("the body does not fit: {e}")))
}

/// Parses a JSON body, refusing a key written twice in one object: which of the two a client
/// meant cannot be known, and taking the last silently would record what nobody checked.
fn parse_strict(body: &JsonBody) -> Result<Value, ApiError> {
    let mut reader = serde_json::Deserializer::from_slice(&body.0);
    serde::Deserialize::deserialize(&mut reader)
        .and_then(|unique: strict_json::UniqueKeys| reader.end().map(|()| unique))
        .map_err(|e| ApiError::BadRequest(format!("the body is not valid JSON: {e}")))?;
    serde_json::from_slice(&body.0)
        .map_err(|e| ApiError::BadRequest(format!("the body is not valid JSON: {e}")))
}

/// Numbers as the text of a number written in full (`1.797e308` as its 309 digits, so that
/// the input's own reading calls it too large rather than unreadable); a boolean where a
/// field holds text is a client's mistake, named by its path.
fn texts_of_numbers(value: Value, path: &str) -> Result<Value, ApiError> {
    Ok(match value {
        Value::Number(n) => Value::String(match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), ..) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            (.., Some(f)) => format!("{f}"),
            _ => n.to_string(),
        }),
        Value::Bool(b) => {
            return Err(ApiError::BadRequest(format!(
                "{}: {b} is not text or a number",
                if path.is_empty() { "the body" } else { path }
            )));
        }
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| texts_of_numbers(v, &format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let inner = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    texts_of_numbers(v, &inner).map(|v| (k, v))
                })
                .collect::<Result<_, _>>()?,
        ),
        other => other,
    })
}

/// Reads a JSON body into a follow-up input as it is, numbers as numbers: those inputs type
/// their fields themselves. A key written twice is refused here too.
fn read_json<T: DeserializeOwned>(body: &JsonBody) -> Result<T, ApiError> {
    let value = integral_numbers(parse_strict(body)?);
    serde_json::from_value(value)
        .map_err(|e| ApiError::BadRequest(format!("the body does not fit: {e}")))
}

/// Numbers written with a zero fraction (`3.0`) as integers: JSON Schema counts them as
/// integers, and so do clients that write every number as a float, but serde refuses them
/// where an input holds a whole number.
fn integral_numbers(value: Value) -> Value {
    match value {
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 9.0e15 => Value::from(f as i64),
            _ => Value::Number(n),
        },
        Value::Array(items) => Value::Array(items.into_iter().map(integral_numbers).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, integral_numbers(v)))
                .collect(),
        ),
        other => other,
    }
}

mod strict_json {
    //! A JSON document walked only to find a key written twice in one object.

    use std::collections::HashSet;
    use std::fmt;

    use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

    pub struct UniqueKeys;

    impl<'de> de::Deserialize<'de> for UniqueKeys {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(UniqueKeys)
        }
    }

    impl<'de> Visitor<'de> for UniqueKeys {
        type Value = UniqueKeys;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON value")
        }

        fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
            Ok(UniqueKeys)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
            Ok(UniqueKeys)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
            Ok(UniqueKeys)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
            Ok(UniqueKeys)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self, E> {
            Ok(UniqueKeys)
        }
        fn visit_unit<E>(self) -> Result<Self, E> {
            Ok(UniqueKeys)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
            while seq.next_element::<UniqueKeys>()?.is_some() {}
            Ok(UniqueKeys)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
            let mut seen = HashSet::new();
            while let Some(key) = map.next_key::<String>()? {
                if !seen.insert(key.clone()) {
                    return Err(de::Error::custom(format_args!(
                        "the key \"{key}\" is written twice"
                    )));
                }
                map.next_value::<UniqueKeys>()?;
            }
            Ok(UniqueKeys)
        }
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
    body: &JsonBody,
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

// ---- Paging --------------------------------------------------------------------------------

/// How many items a list answers when not told, and at most.
pub const DEFAULT_PAGE: usize = 1_000;
pub const MAX_PAGE: usize = 10_000;

/// Which part of a list to answer: `limit` items from `offset`.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Page {
    /// Items per page (default 1000); the length of the whole list is in `X-Total-Count`.
    #[param(minimum = 1, maximum = 10000)]
    limit: Option<usize>,
    /// Items to skip (default 0).
    #[param(minimum = 0, maximum = 4294967295_u64)]
    offset: Option<u64>,
}

/// The largest `offset` a list answers: no list holds more items.
const MAX_OFFSET: u64 = u32::MAX as u64;

/// One page of a list as a JSON array, with the length of the whole list in `X-Total-Count`,
/// so that no request makes the server serialise a whole country's data at once.
fn paged<T: Serialize>(items: Vec<T>, page: &Page) -> Result<Response, ApiError> {
    let limit = page.limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiError::BadRequest(format!(
            "limit must be between 1 and {MAX_PAGE}"
        )));
    }
    let offset = page.offset.unwrap_or(0);
    if offset > MAX_OFFSET {
        return Err(ApiError::BadRequest(format!(
            "offset must be between 0 and {MAX_OFFSET}"
        )));
    }
    let total = items.len();
    let offset = usize::try_from(offset).unwrap_or(usize::MAX).min(total);
    let items: Vec<T> = items.into_iter().skip(offset).take(limit).collect();
    let mut response = Json(items).into_response();
    response
        .headers_mut()
        .insert("x-total-count", axum::http::HeaderValue::from(total));
    Ok(response)
}

// ---- Lookups by code -----------------------------------------------------------------------

fn indicator_code(engine: &Engine, id: giamsat_core::IndicatorId) -> String {
    engine
        .indicator(id)
        .map_or_else(|| id.to_string(), |i| i.code.to_string())
}

fn document_key(engine: &Engine, id: giamsat_core::DocumentId) -> String {
    engine
        .document(id)
        .map_or_else(|| id.to_string(), |d| d.key.to_string())
}

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

/// A date given as `as_of`: ISO (2023-12-31) or day/month/year.
pub fn parse_as_of(text: Option<&str>) -> Result<Option<time::Date>, ApiError> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => giamsat_app::input::parse_date(t)
            .map(Some)
            .map_err(|e| ApiError::BadRequest(format!("as_of: {e}"))),
    }
}

/// The day follow-up statuses are computed for: the date given, else today in Vietnam.
fn day(text: Option<&str>) -> Result<time::Date, ApiError> {
    match text {
        None => Ok(crate::state::today()),
        Some(t) => giamsat_app::input::parse_date(t).map_err(ApiError::BadRequest),
    }
}

pub use openapi::{REQUIRED as REQUIRED_FIELDS, description_json};

// ---- The description and unknown paths -----------------------------------------------------

/// Answers an unknown path under the API in the API's own error shape.
pub async fn not_found(axum::extract::OriginalUri(uri): axum::extract::OriginalUri) -> ApiError {
    ApiError::not_found(
        "endpoint",
        format!("{} (see /api/v1/openapi.json)", uri.path()),
    )
}

#[cfg(test)]
mod tests {
    use giamsat_app::input::ObservationInput;

    use super::*;

    fn body(json: &'static str) -> JsonBody {
        JsonBody(Bytes::from_static(json.as_bytes()))
    }

    #[test]
    fn json_numbers_are_read_as_text_fields() {
        let input: ObservationInput = read_input(&body(
            r#"{"indicator":"X","value":36539.5,"kind":"estimate"}"#,
        ))
        .expect("reads");
        assert_eq!(input.value.as_deref(), Some("36539.5"));
        let err = read_input::<ObservationInput>(&body(r#"{"indicator":"X","colour":"red"}"#))
            .expect_err("unknown field");
        assert!(err.to_string().contains("colour"), "{err}");
        assert!(read_input::<ObservationInput>(&body("{")).is_err());
    }

    #[test]
    fn a_key_written_twice_or_a_boolean_for_text_is_refused() {
        let err = read_input::<ObservationInput>(&body(r#"{"value":"7","value":"8"}"#))
            .expect_err("a key twice");
        assert!(
            err.to_string().contains("\"value\" is written twice"),
            "{err}"
        );
        // Nested objects too, and in the bodies of follow-up inputs.
        let err =
            read_json::<serde_json::Value>(&body(r#"{"a":{"b":1,"b":2}}"#)).expect_err("nested");
        assert!(err.to_string().contains("\"b\""), "{err}");
        let err = read_input::<ObservationInput>(&body(r#"{"kind":true}"#)).expect_err("a boolean");
        assert!(err.to_string().contains("kind: true"), "{err}");
    }

    #[test]
    fn a_whole_number_written_as_a_float_is_a_whole_number() {
        use giamsat_app::follow_up::TaskInput;
        let input: TaskInput =
            read_json(&body(r#"{"session":1831126.0,"item":2.0}"#)).expect("reads");
        assert_eq!((input.session, input.item), (Some(1_831_126), Some(2)));
        assert!(read_json::<TaskInput>(&body(r#"{"item":2.5}"#)).is_err());
        assert!(read_json::<TaskInput>(&body(r#"{"item":-1.0}"#)).is_err());
    }

    #[test]
    fn a_huge_json_number_reaches_the_input_in_full_digits() {
        let input: ObservationInput = read_input(&body(r#"{"value":1.797e308}"#)).expect("reads");
        let value = input.value.expect("value");
        assert_eq!(value.len(), 309, "{value}");
        assert!(value.bytes().all(|b| b.is_ascii_digit()));
    }
}
