//! The page that says why a request was refused or failed, in the reader's language, with the
//! site's header: the one place a [`PageError`] becomes HTML.
//!
//! [`layer`] runs around every page handler (and the sign-in check): a response that carries a
//! [`PageFailure`] is replaced by this page, and so is any other error that has no page of its
//! own (axum's rejection of a form or query that does not fit, a method not allowed), so a
//! browser never receives JSON or a bare status text.

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use giamsat_app::{AppError, Store};

use super::{Layout, Reader, Tr, respond};
use crate::auth::Principal;
use crate::error::{PageError, PageFailure};
use crate::i18n::Arg;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    page: Layout<'a>,
    message: String,
    details: Vec<String>,
    /// Where the reader goes from here, and what the link says.
    next: (String, String),
}

/// Title, message and details of an error, in the reader's language.
fn words(tr: Tr<'_>, error: &PageError) -> (String, String, Vec<String>) {
    let say = |title: &str, message: String| (tr.t(title), message, Vec::new());
    match error {
        PageError::NotFound { message, key } => say(
            "not-found-title",
            tr.t_args(message, &[("key", Arg::Text(key.clone()))]),
        ),
        PageError::Forbidden { message } => say("forbidden-title", tr.t(message)),
        PageError::Csrf { reason } => say("error-csrf-title", tr.t(reason)),
        PageError::Unauthenticated => say("sign-in-title", tr.t("error-sign-in-first")),
        PageError::Unreadable(StatusCode::NOT_FOUND) => {
            say("not-found-title", tr.t("error-no-page"))
        }
        PageError::Unreadable(StatusCode::PAYLOAD_TOO_LARGE) => {
            say("error-request-title", tr.t("error-too-large"))
        }
        PageError::Unreadable(status) if status.is_server_error() => {
            say("error-internal-title", tr.t("error-internal"))
        }
        PageError::Unreadable(_) => say("error-request-title", tr.t("error-unreadable")),
        PageError::App(error) => app_words(tr, error),
    }
}

fn app_words(tr: Tr<'_>, error: &AppError) -> (String, String, Vec<String>) {
    match error {
        AppError::Invalid(problems) => (
            tr.t("error-invalid-title"),
            tr.t("error-invalid"),
            problems.iter().map(|p| tr.field_problem(p)).collect(),
        ),
        AppError::Import { errors, .. } => (
            tr.t("error-invalid-title"),
            tr.count("error-import", errors.len()),
            Vec::new(),
        ),
        AppError::NotFound { what, key } => (
            tr.t("not-found-title"),
            tr.t_args(
                "not-found-thing",
                &[
                    ("thing", Arg::Text(tr.thing(*what))),
                    ("key", Arg::Text(key.clone())),
                ],
            ),
            Vec::new(),
        ),
        AppError::Forbidden(_) => (tr.t("forbidden-title"), tr.t("error-forbidden"), Vec::new()),
        AppError::SessionRequired => (
            tr.t("forbidden-title"),
            tr.t("error-session-required"),
            Vec::new(),
        ),
        AppError::Conflict(problem) => (
            tr.t("error-conflict-title"),
            tr.conflict(problem),
            Vec::new(),
        ),
        AppError::Stale(_) => (
            tr.t("error-conflict-title"),
            tr.t("error-stale"),
            Vec::new(),
        ),
        AppError::SignInRefused => (tr.t("sign-in-title"), tr.t("sign-in-error"), Vec::new()),
        AppError::Throttled { seconds } => {
            (tr.t("sign-in-title"), tr.throttled(*seconds), Vec::new())
        }
        AppError::ImportsBusy { running, seconds } => {
            let number = |n: u64| Arg::Number(i64::try_from(n).unwrap_or(i64::MAX));
            (
                tr.t("imports-busy-title"),
                tr.t_args(
                    "imports-busy",
                    &[
                        ("running", number(*running as u64)),
                        ("seconds", number(*seconds)),
                    ],
                ),
                Vec::new(),
            )
        }
        AppError::Store(_) | AppError::Inconsistent(_) => (
            tr.t("error-internal-title"),
            tr.t("error-internal"),
            Vec::new(),
        ),
    }
}

/// The page for `error`, as `reader` reads.
pub fn render<S: Store>(state: &AppState<S>, reader: &Reader, error: &PageError) -> Response {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let (title, message, details) = words(tr, error);
    // A form refused for its session goes back to its page (reloaded, with a new token), or
    // through the sign-in to it; anything else to the overview.
    let next = match error {
        PageError::Csrf { .. } if reader.who.is_some() => {
            (reader.here(), tr.t("error-reload-form"))
        }
        _ if reader.who.is_none() => {
            let next = serde_urlencoded::to_string([("next", reader.here())]).unwrap_or_default();
            (format!("/login?{next}"), tr.t("sign-in-title"))
        }
        _ => ("/".to_owned(), tr.t("back-to-overview")),
    };
    let page = ErrorPage {
        page: Layout::new(&state.i18n, reader, "", title),
        message,
        details,
        next,
    };
    respond(reader, error.status(), page.render())
}

fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"))
}

/// The layer over every page: draws the page of an error a handler, the sign-in check or axum
/// returned. The API (`/api/…`) keeps its JSON errors.
pub async fn layer<S: Store>(
    State(state): State<AppState<S>>,
    request: Request,
    next: Next,
) -> Response {
    if request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let mut reader = Reader::for_request(request.method(), request.uri(), request.headers());
    let reads = matches!(
        *request.method(),
        axum::http::Method::GET | axum::http::Method::HEAD
    );
    let response = next.run(request).await;
    reader.who = response
        .extensions()
        .get::<Principal>()
        .map(|p| p.0.clone());
    let status = response.status();
    let failure = response.extensions().get::<PageFailure>().cloned();
    let error = match failure {
        Some(PageFailure(error)) => error,
        // An address whose parts do not fit its page (`/tasks/abc`) names no page.
        None if reads && status == StatusCode::BAD_REQUEST && !is_html(&response) => {
            std::sync::Arc::new(PageError::Unreadable(StatusCode::NOT_FOUND))
        }
        None if (status.is_client_error() || status.is_server_error()) && !is_html(&response) => {
            std::sync::Arc::new(PageError::Unreadable(status))
        }
        None => return response,
    };
    let mut page = render(&state, &reader, &error);
    for name in [header::RETRY_AFTER, header::SET_COOKIE] {
        for value in response.headers().get_all(&name) {
            page.headers_mut().append(&name, value.clone());
        }
    }
    page
}
