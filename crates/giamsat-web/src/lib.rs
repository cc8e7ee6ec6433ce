//! HTTP for giamsat: the JSON API under `/api/v1/`, the HTML pages, and for operators
//! `/healthz` (liveness), `/readyz` (readiness) and `/metrics`.
//!
//! Only this crate knows HTTP and JSON wire shapes. Handlers read from the engine or call one
//! use case of the application layer; errors become responses in one place ([`error`]).

pub mod api;
pub mod auth;
pub mod docx;
pub mod download;
pub mod error;
pub mod i18n;
pub mod metrics;
pub mod pages;
pub mod proxies;
pub mod state;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware::{from_fn_with_state, map_response};
use axum::routing::{get, post};
use giamsat_app::App;
use giamsat_app::Store;

pub use api::{IMPORT_LIMIT, REQUIRED_FIELDS, api_paths, description_json};
pub use state::{AppState, WebState};

pub fn router<S: Store>(app: App<S>) -> Result<Router, i18n::I18nError> {
    Ok(router_with(Arc::new(WebState {
        app,
        i18n: i18n::I18n::new()?,
        trusted_proxies: proxies::TrustedProxies::default(),
        metrics: metrics::Metrics::default(),
    })))
}

/// The router over a state the caller keeps a handle on (tests create accounts through it):
/// the pages, `/healthz` and the API under `/api/v1`, behind the one authentication.
pub fn router_with<S: Store>(state: Arc<WebState<S>>) -> Router {
    page_routes::<S>()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(metrics::readyz::<S>))
        .route("/metrics", get(metrics::metrics::<S>))
        .fallback(pages::unknown_address)
        .nest("/api/v1", api::routes::<S>())
        // Who is asking is settled here, once, for pages and API alike.
        .layer(from_fn_with_state(state.clone(), auth::authenticate::<S>))
        // Outside the sign-in check, so that its refusals are pages too.
        .layer(from_fn_with_state(
            state.clone(),
            pages::error_page::layer::<S>,
        ))
        .layer(map_response(error::security_headers))
        // Outermost, so refusals count too. Layers of a router run after routing, so the
        // matched route is known here.
        .layer(from_fn_with_state(state.clone(), metrics::track::<S>))
        .with_state(state)
}

/// The HTML pages at their readable paths, and the assets they use.
fn page_routes<S: Store>() -> Router<AppState<S>> {
    Router::new()
        .route("/", get(pages::overview::<S>))
        .route(
            "/documents",
            get(pages::documents::<S>)
                .post(pages::create_document::<S>)
                .layer(DefaultBodyLimit::max(auth::MULTIPART_LIMIT)),
        )
        .route("/documents/new", get(pages::new_document::<S>))
        .route("/documents/{id}", get(pages::document::<S>))
        .route("/documents/{id}/targets/new", get(pages::new_target::<S>))
        .route("/documents/{id}/targets", post(pages::create_target::<S>))
        .route("/indicators", post(pages::create_indicator::<S>))
        .route("/indicators/new", get(pages::new_indicator::<S>))
        .route("/indicators/{code}", get(pages::indicator::<S>))
        .route(
            "/indicators/{code}/edit",
            get(pages::edit_indicator::<S>).post(pages::revise_indicator::<S>),
        )
        .route(
            "/documents/{id}/edit",
            get(pages::edit_document::<S>).post(pages::revise_document::<S>),
        )
        .route(
            "/targets/{id}",
            get(pages::target::<S>).post(pages::revise_target::<S>),
        )
        .route("/rankings", get(pages::rankings::<S>))
        .route("/search", get(pages::search::<S>))
        .route("/units", get(pages::units::<S>))
        .route(
            "/units/new",
            get(pages::new_unit::<S>).post(pages::create_unit::<S>),
        )
        .route("/units/{code}", get(pages::unit::<S>))
        .route("/units/{code}/report", get(pages::unit_report::<S>))
        .route(
            "/units/{code}/report.docx",
            get(pages::unit_report_docx::<S>),
        )
        .route("/rankings/review", get(pages::review::<S>))
        .route("/rankings/review.docx", get(pages::review_docx::<S>))
        .route(
            "/entry",
            get(pages::entry_form::<S>).post(pages::entry_submit::<S>),
        )
        .route(
            "/entry/form",
            get(pages::report_form::<S>)
                .post(pages::form_upload::<S>)
                .layer(DefaultBodyLimit::max(auth::MULTIPART_LIMIT)),
        )
        .route("/entry/form.xlsx", get(pages::form_download::<S>))
        .route("/exports/{file}", get(pages::export::<S>))
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
        .route("/inbox", get(pages::inbox::<S>))
        .route("/reports", get(pages::reports::<S>))
        .route("/reports/{code}", get(pages::regime::<S>))
        .route(
            "/reports/{code}/validation",
            get(pages::validation::<S>).post(pages::set_rule::<S>),
        )
        .route(
            "/reports/{code}/{period}/{unit}",
            get(pages::report::<S>).post(pages::report_step::<S>),
        )
        .route("/tasks", get(pages::tasks::<S>))
        .route("/tasks/{id}", get(pages::task::<S>))
        .route(
            "/tasks/{id}/progress",
            post(pages::report_progress::<S>).layer(DefaultBodyLimit::max(auth::MULTIPART_LIMIT)),
        )
        .route("/tasks/{id}/revise", post(pages::revise_task::<S>))
        .route(
            "/people",
            get(pages::people::<S>).post(pages::add_person::<S>),
        )
        .route("/people/{id}", get(pages::person::<S>))
        .route("/people/{id}/positions", post(pages::add_position::<S>))
        .route(
            "/people/positions/{id}/revise",
            post(pages::revise_position::<S>),
        )
        .route("/supervision", get(pages::supervision::<S>))
        .route("/supervision/visits", post(pages::plan_visit::<S>))
        .route("/supervision/sessions", post(pages::record_session::<S>))
        .route("/supervision/sessions/new", get(pages::session_form::<S>))
        .route("/supervision/sessions/{id}", get(pages::session::<S>))
        .route("/supervision/sessions/{id}/notice", get(pages::notice::<S>))
        .route(
            "/supervision/sessions/{id}/notice.docx",
            get(pages::notice_docx::<S>),
        )
        .route(
            "/supervision/sessions/{id}/revise",
            post(pages::revise_session::<S>),
        )
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
        .route(
            "/admin/accounts",
            get(pages::admin_accounts::<S>).post(pages::admin_create_account::<S>),
        )
        .route(
            "/admin/accounts/{username}/grant",
            post(pages::admin_grant::<S>),
        )
        .route(
            "/admin/accounts/{username}/contact",
            post(pages::admin_contact::<S>),
        )
        .route(
            "/admin/accounts/{username}/disable",
            post(pages::admin_disable::<S>),
        )
        .route(
            "/admin/accounts/{username}/password",
            post(pages::admin_new_password::<S>),
        )
        .route("/audit", get(pages::audit::<S>))
        .route("/audit.csv", get(pages::audit_csv::<S>))
        .route("/assets/app.css", get(pages::stylesheet))
        .route("/assets/icon.svg", get(pages::icon))
}

/// Serves giamsat on `listener` until `shutdown` completes, then lets the requests under way
/// finish. Every request knows the address it came from (`ConnectInfo<SocketAddr>`), which
/// signing in and changing a password read (failed attempts are throttled by address, or by
/// the forwarded client behind a trusted proxy). The binary's `serve` and the tests' server
/// both run this.
pub async fn serve<S: Store>(
    state: AppState<S>,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let service = router_with(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown)
        .await
}
