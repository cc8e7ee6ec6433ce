//! HTTP for giamsat: the JSON API under `/api/v1/`, the HTML pages, and `/healthz`.
//!
//! Only this crate knows HTTP and JSON wire shapes. Handlers read from the engine or call one
//! use case of the application layer; errors become responses in one place ([`error`]).

pub mod api;
pub mod auth;
pub mod download;
pub mod error;
pub mod follow_up_api;
pub mod i18n;
pub mod pages;
pub mod state;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn_with_state, map_response};
use axum::routing::{get, post};
use giamsat_app::App;
use giamsat_app::Store;

pub use state::{AppState, WebState};

/// The paths the API serves, kept beside the router so a test can compare them with the
/// OpenAPI description.
pub const API_PATHS: &[&str] = &[
    "/api/v1/units",
    "/api/v1/units/{code}",
    "/api/v1/indicators",
    "/api/v1/indicators/{code}",
    "/api/v1/documents",
    "/api/v1/documents/{key}",
    "/api/v1/targets",
    "/api/v1/targets/{id}",
    "/api/v1/targets/{id}/scenario",
    "/api/v1/observations",
    "/api/v1/values",
    "/api/v1/scorecards",
    "/api/v1/rankings/scorecards",
    "/api/v1/rankings/growth",
    "/api/v1/imports/{kind}",
    "/api/v1/exports/{kind}",
    "/api/v1/audit",
    "/api/v1/people",
    "/api/v1/tasks",
    "/api/v1/tasks/{id}",
    "/api/v1/tasks/{id}/updates",
    "/api/v1/sessions",
    "/api/v1/sessions/{id}",
    "/api/v1/visits",
    "/api/v1/recommendations",
    "/api/v1/recommendations/{id}/answer",
    "/api/v1/evidence",
    "/api/v1/evidence/{sha256}",
    "/api/v1/openapi.json",
];

/// The largest CSV file the API accepts in one request.
pub const IMPORT_LIMIT: usize = 64 * 1024 * 1024;

pub fn router<S: Store>(app: App<S>) -> Result<Router, i18n::I18nError> {
    Ok(router_with(Arc::new(WebState {
        app,
        i18n: i18n::I18n::new()?,
    })))
}

/// The router over a state the caller keeps a handle on (tests create accounts through it).
pub fn router_with<S: Store>(state: Arc<WebState<S>>) -> Router {
    let api = Router::new()
        .route(
            "/units",
            get(api::list_units::<S>).post(api::create_unit::<S>),
        )
        .route("/units/{code}", get(api::get_unit::<S>))
        .route(
            "/indicators",
            get(api::list_indicators::<S>).post(api::create_indicator::<S>),
        )
        .route("/indicators/{code}", get(api::get_indicator::<S>))
        .route(
            "/documents",
            get(api::list_documents::<S>).post(api::create_document::<S>),
        )
        .route("/documents/{key}", get(api::get_document::<S>))
        .route(
            "/targets",
            get(api::list_targets::<S>).post(api::create_target::<S>),
        )
        .route("/targets/{id}", get(api::get_target::<S>))
        .route("/targets/{id}/scenario", post(api::set_scenario::<S>))
        .route(
            "/observations",
            get(api::list_observations::<S>).post(api::record_observation::<S>),
        )
        .route("/values", get(api::value::<S>))
        .route("/scorecards", post(api::report_scorecard::<S>))
        .route("/rankings/scorecards", get(api::scorecard_ranking::<S>))
        .route("/rankings/growth", get(api::growth_ranking::<S>))
        .route(
            "/imports/{kind}",
            post(api::import::<S>).layer(DefaultBodyLimit::max(IMPORT_LIMIT)),
        )
        .route("/exports/{kind}", get(api::export::<S>))
        .route("/audit", get(api::audit::<S>))
        .route(
            "/people",
            get(follow_up_api::list_people::<S>).post(follow_up_api::record_person::<S>),
        )
        .route(
            "/tasks",
            get(follow_up_api::list_tasks::<S>).post(follow_up_api::create_task::<S>),
        )
        .route("/tasks/{id}", get(follow_up_api::get_task::<S>))
        .route(
            "/tasks/{id}/updates",
            post(follow_up_api::report_progress::<S>),
        )
        .route(
            "/sessions",
            get(follow_up_api::list_sessions::<S>).post(follow_up_api::record_session::<S>),
        )
        .route("/sessions/{id}", get(follow_up_api::get_session::<S>))
        .route(
            "/visits",
            get(follow_up_api::list_visits::<S>).post(follow_up_api::plan_visit::<S>),
        )
        .route(
            "/recommendations",
            get(follow_up_api::list_recommendations::<S>)
                .post(follow_up_api::record_recommendation::<S>),
        )
        .route(
            "/recommendations/{id}/answer",
            post(follow_up_api::answer_recommendation::<S>),
        )
        .route(
            "/evidence",
            post(follow_up_api::put_evidence::<S>).layer(DefaultBodyLimit::max(
                giamsat_app::follow_up::MAX_EVIDENCE_BYTES + 1,
            )),
        )
        .route("/evidence/{sha256}", get(follow_up_api::get_evidence::<S>))
        .route("/openapi.json", get(api::openapi))
        .fallback(api::not_found)
        .layer(map_response(error::json_errors));
    Router::new()
        .route("/", get(pages::overview::<S>))
        .route("/documents", get(pages::documents::<S>))
        .route("/documents/{id}", get(pages::document::<S>))
        .route("/indicators/{code}", get(pages::indicator::<S>))
        .route("/rankings", get(pages::rankings::<S>))
        .route("/units", get(pages::units::<S>))
        .route("/units/{code}", get(pages::unit::<S>))
        .route(
            "/entry",
            get(pages::entry_form::<S>).post(pages::entry_submit::<S>),
        )
        .route(
            "/login",
            get(pages::login_form::<S>).post(pages::login_submit::<S>),
        )
        .route("/logout", post(pages::logout::<S>))
        .route("/account", get(pages::account::<S>))
        .route("/account/tokens", post(pages::create_token::<S>))
        .route("/account/password", post(pages::change_password::<S>))
        .route(
            "/account/tokens/{id}/revoke",
            post(pages::revoke_token::<S>),
        )
        .route("/tasks", get(pages::tasks::<S>))
        .route("/tasks/{id}", get(pages::task::<S>))
        .route(
            "/tasks/{id}/progress",
            post(pages::report_progress::<S>).layer(DefaultBodyLimit::max(auth::MULTIPART_LIMIT)),
        )
        .route("/supervision", get(pages::supervision::<S>))
        .route("/supervision/visits", post(pages::plan_visit::<S>))
        .route("/supervision/sessions", post(pages::record_session::<S>))
        .route("/supervision/sessions/new", get(pages::session_form::<S>))
        .route("/supervision/sessions/{id}", get(pages::session::<S>))
        .route(
            "/supervision/sessions/{id}/tasks",
            post(pages::conclusion_to_task::<S>),
        )
        .route(
            "/recommendations",
            get(pages::recommendations::<S>).post(pages::record_recommendation::<S>),
        )
        .route(
            "/recommendations/{id}/answer",
            post(pages::answer_recommendation::<S>),
        )
        .route(
            "/intake",
            get(pages::intake_form::<S>)
                .post(pages::intake_submit::<S>)
                .layer(DefaultBodyLimit::max(auth::MULTIPART_LIMIT)),
        )
        .route("/intake/{sha256}", get(pages::intake_review::<S>))
        .route("/intake/{sha256}/accept", post(pages::intake_accept::<S>))
        .route("/evidence/{sha256}", get(pages::evidence::<S>))
        .route("/audit", get(pages::audit::<S>))
        .route("/audit.csv", get(pages::audit_csv::<S>))
        .route("/assets/app.css", get(pages::stylesheet))
        .route("/assets/icon.svg", get(pages::icon))
        .route("/healthz", get(|| async { "ok" }))
        .nest("/api/v1", api)
        // Who is asking is settled here, once, for pages and API alike.
        .layer(from_fn_with_state(state.clone(), auth::authenticate::<S>))
        .layer(map_response(error::security_headers))
        .with_state(state)
}
