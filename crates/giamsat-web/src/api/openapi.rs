//! The API description (OpenAPI 3.1), derived from the handlers' `#[utoipa::path]` and the
//! wire types' `ToSchema`, and served at `/api/v1/openapi.json`. What every operation shares
//! is added here once: the error answers, the two ways to authenticate, and JSON numbers
//! where an input reads text.

use std::sync::OnceLock;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use utoipa::OpenApi;

use super::{
    audit, documents, evidence, exchange, inbox, indicators, interchange, observations, people,
    rankings, recommendations, regimes, search, sessions, targets, tasks, units, validation,
    visits,
};
use crate::error::ErrorBody;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "giamsat API",
        version = "1",
        description = "Monitoring how resolutions and plans are carried out. Objects are named \
            by their codes (unit codes, indicator codes, document keys). Every error is \
            `{\"error\": {\"code\", \"message\", \"details\"}}` (schema ErrorBody)."
    ),
    paths(
        units::list_units, units::get_unit, units::create_unit,
        indicators::list_indicators, indicators::get_indicator, indicators::create_indicator,
        documents::list_documents, documents::get_document, documents::create_document,
        targets::list_targets, targets::get_target, targets::create_target,
        targets::set_scenario,
        observations::list_observations, observations::record_observation,
        observations::value,
        rankings::report_scorecard, rankings::scorecard_ranking, rankings::growth_ranking,
        exchange::import, exchange::export,
        interchange::export_dhis2, interchange::import_dhis2, interchange::export_sdmx,
        audit::audit,
        inbox::inbox,
        search::search,
        people::list_people, people::record_person,
        tasks::list_tasks, tasks::get_task, tasks::create_task, tasks::report_progress,
        sessions::list_sessions, sessions::get_session, sessions::record_session,
        visits::list_visits, visits::plan_visit,
        recommendations::list_recommendations, recommendations::record_recommendation,
        recommendations::answer_recommendation,
        evidence::put_evidence, evidence::get_evidence,
        regimes::list_regimes, regimes::regime_completeness,
        validation::list_rules, validation::set_rule, validation::validation,
        description,
    ),
    components(schemas(ErrorBody, giamsat_app::ImportKind)),
    security(("bearer" = []), ("session" = [])),
)]
struct ApiDoc;

/// This description.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "meta",
    summary = "This description (OpenAPI 3.1)",
    security(()),
    responses((status = 200, body = Object, content_type = "application/json"))
)]
pub async fn description() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        description_json(),
    )
        .into_response()
}

/// The description as served, built once.
pub fn description_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
        complete(&mut doc);
        doc.to_string()
    })
}

/// The inputs read by `read_input`, which takes a JSON number wherever it reads text.
const NUMBERS_AS_TEXT: &[&str] = &[
    "UnitInput",
    "SuccessionInput",
    "IndicatorInput",
    "DocumentInput",
    "TargetInput",
    "ObservationInput",
    "ScenarioInput",
    "ScenarioPointInput",
    "ReportedScorecardInput",
];

/// The fields an input cannot go without (read as optional, refused as `required` when
/// missing). The integration test posts `{}` to each and compares.
pub const REQUIRED: &[(&str, &[&str])] = &[
    ("UnitInput", &["code", "kind"]),
    (
        "IndicatorInput",
        &["code", "direction", "over_time", "across_units"],
    ),
    ("DocumentInput", &["issued_by", "doc_type"]),
    (
        "TargetInput",
        &["document", "indicator", "unit", "period", "value"],
    ),
    (
        "ObservationInput",
        &["indicator", "unit", "period", "value", "kind"],
    ),
    ("ReportedScorecardInput", &["unit", "period", "met", "set"]),
    ("TaskInput", &["lead"]),
    ("SessionInput", &["body", "unit", "date"]),
    ("VisitInput", &["body", "unit"]),
    (
        "RecommendationInput",
        &["from", "to", "received", "limit_days", "text"],
    ),
    ("AnswerInput", &["text"]),
    ("RuleInput", &["check"]),
];

/// The statuses any operation may answer with the error body, and when.
const ERRORS: &[(&str, &str)] = &[
    (
        "400",
        "The request cannot be read: a malformed parameter or body",
    ),
    ("401", "Not signed in: no valid token or session"),
    ("403", "The account's roles do not allow it"),
    ("404", "Nothing has that code or id"),
    (
        "409",
        "The record's state forbids it: a figure changed since it was read, a task already done",
    ),
    ("405", "The method is not allowed on this path"),
    (
        "422",
        "The input is invalid: the details name each field at fault",
    ),
    (
        "429",
        "Too many requests at once; retry after Retry-After seconds",
    ),
    ("500", "The server failed; the error is logged"),
    ("503", "Not ready: the store cannot be reached"),
];

/// The error answers, the security schemes, and numbers where inputs read text.
fn complete(doc: &mut Value) {
    let components = &mut doc["components"];
    components["securitySchemes"] = json!({
        "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "An API token (gs_…) created on the /account page: it acts with its account's roles until revoked."
        },
        "session": {
            "type": "apiKey",
            "in": "cookie",
            "name": crate::auth::SESSION_COOKIE,
            "description": "A browser's session after signing in at /login. A state-changing request with it must send the session's CSRF token in X-CSRF-Token."
        }
    });
    components["responses"]["Error"] = json!({
        "description": "An error, in the one shape of every API error",
        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } } }
    });
    if let Some(schemas) = components["schemas"].as_object_mut() {
        for (name, fields) in REQUIRED {
            if let Some(schema) = schemas.get_mut(*name) {
                schema["required"] = json!(fields);
            }
        }
        for name in NUMBERS_AS_TEXT {
            if let Some(properties) = schemas
                .get_mut(*name)
                .and_then(|s| s["properties"].as_object_mut())
            {
                properties.values_mut().for_each(text_or_number);
            }
        }
    }
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    for operations in paths.values_mut().filter_map(Value::as_object_mut) {
        for operation in operations.values_mut() {
            let has_body = operation.get("requestBody").is_some();
            let responses = &mut operation["responses"];
            for (status, description) in ERRORS {
                if responses.get(*status).is_none() {
                    responses[*status] = json!({
                        "description": description,
                        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } } }
                    });
                }
            }
            if has_body {
                for (status, description) in [
                    ("413", "The body is larger than the operation accepts"),
                    ("415", "The body is not of the type the operation reads"),
                ] {
                    responses[status] = json!({
                        "description": description,
                        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } } }
                    });
                }
            }
        }
    }
}

/// A property read as text that may also be sent as a number.
fn text_or_number(property: &mut Value) {
    match &mut property["type"] {
        Value::String(t) if t == "string" => property["type"] = json!(["string", "number"]),
        Value::Array(types) if types.iter().any(|t| t == "string") => {
            types.push(json!("number"));
        }
        _ => {}
    }
}
