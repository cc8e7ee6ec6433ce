//! Errors at the HTTP edge, here and nowhere else, one type per surface:
//! - [`ApiError`]: every failure of an API request becomes one JSON shape,
//!   `{"error": {"code": "...", "message": "...", "details": [...]}}`, with a stable code;
//! - [`PageError`]: every refusal or failure a browser can meet becomes a page in the reader's
//!   language. Page handlers return `Result<_, PageError>` and use `?`; the response carries
//!   the error, and `pages::error_page::render` (a layer over every page) draws it with the
//!   reader's language and header, so no handler maps an error by itself.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use giamsat_app::AppError;
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    App(#[from] AppError),
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{what} {key} does not exist")]
    NotFound { what: &'static str, key: String },
    #[error(
        "sign in first: send an API token as 'Authorization: Bearer gs_…', or a session cookie"
    )]
    Unauthenticated,
    #[error("{0}")]
    Forbidden(String),
    #[error("not ready: {0}")]
    NotReady(#[from] giamsat_app::NotReady),
}

impl ApiError {
    pub fn not_found(what: &'static str, key: impl Into<String>) -> ApiError {
        ApiError::NotFound {
            what,
            key: key.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, message, details) = match &self {
            ApiError::BadRequest(message) => (
                StatusCode::BAD_REQUEST,
                "bad_request",
                message.clone(),
                json!([]),
            ),
            ApiError::UnsupportedMediaType(message) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                message.clone(),
                json!([]),
            ),
            ApiError::NotFound { .. } | ApiError::App(AppError::NotFound { .. }) => (
                StatusCode::NOT_FOUND,
                "not_found",
                self.to_string(),
                json!([]),
            ),
            ApiError::App(AppError::Invalid(errors)) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_input",
                self.to_string(),
                json!(errors),
            ),
            ApiError::App(AppError::Import { errors, .. }) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_file",
                self.to_string(),
                json!(errors),
            ),
            ApiError::App(AppError::Forbidden(_) | AppError::SessionRequired)
            | ApiError::Forbidden(_) => (
                StatusCode::FORBIDDEN,
                "forbidden",
                self.to_string(),
                json!([]),
            ),
            ApiError::Unauthenticated | ApiError::App(AppError::SignInRefused) => (
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                self.to_string(),
                json!([]),
            ),
            ApiError::App(
                AppError::Throttled { seconds } | AppError::ImportsBusy { seconds, .. },
            ) => {
                let code = match &self {
                    ApiError::App(AppError::ImportsBusy { .. }) => "imports_busy",
                    _ => "too_many_attempts",
                };
                let body = json!({ "error": {
                    "code": code, "message": self.to_string(), "details": []
                } });
                return (
                    StatusCode::TOO_MANY_REQUESTS,
                    [(axum::http::header::RETRY_AFTER, seconds.to_string())],
                    axum::Json(body),
                )
                    .into_response();
            }
            // The later of two concurrent edits: the details carry the current value, so the
            // client can show it and decide.
            ApiError::App(AppError::Stale(stale)) => (
                StatusCode::CONFLICT,
                "stale",
                self.to_string(),
                json!([stale]),
            ),
            ApiError::App(AppError::Conflict(message)) => (
                StatusCode::CONFLICT,
                "conflict",
                message.to_string(),
                json!([]),
            ),
            ApiError::NotReady(not_ready) => {
                // The store's own error goes to the log; the answer says only what is wrong.
                if let giamsat_app::NotReady::Store(e) = not_ready {
                    tracing::warn!(error = %e, "not ready");
                }
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "not_ready",
                    self.to_string(),
                    json!([]),
                )
            }
            ApiError::App(AppError::Store(_) | AppError::Inconsistent(_)) => {
                // The cause goes to the log, not to the client.
                tracing::error!(error = %self, "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "the server could not complete the request; the error has been logged"
                        .to_owned(),
                    json!([]),
                )
            }
        };
        let body = json!({ "error": { "code": code, "message": message, "details": details } });
        let mut response = (status, axum::Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer realm=\"giamsat\""),
            );
        }
        response
    }
}

/// The body of every API error, as [`ApiError`] and [`json_errors`] write it. Only describes
/// it, for the API description.
#[derive(utoipa::ToSchema)]
#[schema(example = json!({"error": {"code": "invalid_input", "message": "1 field is invalid",
    "details": [{"field": "unit", "code": "unknown_unit", "message": "no unit has the code 99"}]}}))]
pub struct ErrorBody {
    pub error: ErrorContent,
}

/// What went wrong: a stable code, an English message, and details (for `invalid_input`, one
/// `{"field", "code", "message"}` per field; for `invalid_file`, one per row at fault, with
/// `line` and `column`; for `stale`, the current value).
#[derive(utoipa::ToSchema)]
pub struct ErrorContent {
    pub code: ErrorCode,
    pub message: String,
    pub details: Vec<serde_json::Value>,
}

/// The codes of [`ApiError`] and [`json_errors`].
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum ErrorCode {
    BadRequest,
    UnsupportedMediaType,
    NotFound,
    MethodNotAllowed,
    TooLarge,
    InvalidInput,
    InvalidFile,
    Forbidden,
    Unauthenticated,
    TooManyAttempts,
    ImportsBusy,
    Stale,
    Conflict,
    NotReady,
    Internal,
}

/// Why a browser's request was refused or failed. It becomes a page, never JSON: the
/// response carries it in its extensions until the page layer renders it.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// A use case refused the request or failed.
    #[error(transparent)]
    App(#[from] AppError),
    /// The address names nothing: the page's own "there is no …" message (with `$key`).
    #[error("{message}: {key}")]
    NotFound { message: &'static str, key: String },
    /// The reader's roles do not open this page or action: the message that says which.
    #[error("forbidden: {message}")]
    Forbidden { message: &'static str },
    /// A write relying on the session cookie failed its CSRF check: why, as a message id.
    #[error("CSRF check failed: {reason}")]
    Csrf { reason: &'static str },
    /// A write without a session.
    #[error("sign in first")]
    Unauthenticated,
    /// An error status that came without a page of its own: the request itself cannot be read
    /// (a form that is not a form, a query that does not fit, a method not allowed), or a
    /// page failed to render.
    #[error("the request cannot be read ({0})")]
    Unreadable(StatusCode),
}

/// A page error on its way to the page layer. Shared, because response extensions are cloned.
#[derive(Clone)]
pub struct PageFailure(pub std::sync::Arc<PageError>);

impl PageError {
    pub fn not_found(message: &'static str, key: impl Into<String>) -> PageError {
        PageError::NotFound {
            message,
            key: key.into(),
        }
    }

    /// A use case's error, where a refusal of the reader's roles is said by `message` (which
    /// says what the roles would have to be).
    pub fn or_forbidden(error: AppError, message: &'static str) -> PageError {
        match error {
            AppError::Forbidden(_) => PageError::Forbidden { message },
            other => PageError::App(other),
        }
    }

    /// The HTTP status of the page that says it.
    pub fn status(&self) -> StatusCode {
        match self {
            PageError::App(error) => app_status(error),
            PageError::NotFound { .. } => StatusCode::NOT_FOUND,
            PageError::Forbidden { .. } | PageError::Csrf { .. } => StatusCode::FORBIDDEN,
            PageError::Unauthenticated => StatusCode::UNAUTHORIZED,
            PageError::Unreadable(status) => *status,
        }
    }
}

/// The status every surface gives a use case's error.
fn app_status(error: &AppError) -> StatusCode {
    match error {
        AppError::Invalid(_) | AppError::Import { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::NotFound { .. } => StatusCode::NOT_FOUND,
        AppError::Forbidden(_) | AppError::SessionRequired => StatusCode::FORBIDDEN,
        AppError::Stale(_) | AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::SignInRefused => StatusCode::UNAUTHORIZED,
        AppError::Throttled { .. } | AppError::ImportsBusy { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::Store(_) | AppError::Inconsistent(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        if let PageError::App(AppError::Store(_) | AppError::Inconsistent(_)) = &self {
            // The cause goes to the log, not to the reader.
            tracing::error!(error = %self, "a page failed");
        }
        let mut response = self.status().into_response();
        if let PageError::App(
            AppError::Throttled { seconds } | AppError::ImportsBusy { seconds, .. },
        ) = &self
            && let Ok(value) = seconds.to_string().parse()
        {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, value);
        }
        response
            .extensions_mut()
            .insert(PageFailure(std::sync::Arc::new(self)));
        response
    }
}

/// Gives the rejections axum produces itself (a malformed path parameter or query, a wrong
/// method, a body over the limit) the API's error shape, so that clients see one shape only.
pub async fn json_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let message = axum::body::to_bytes(response.into_body(), 64 * 1024)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
        .ok()
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| status.canonical_reason().unwrap_or("error").to_owned());
    let code = match status {
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY => "invalid_input",
        s if s.is_server_error() => "internal",
        _ => "bad_request",
    };
    let body = json!({ "error": { "code": code, "message": message, "details": [] } });
    (status, axum::Json(body)).into_response()
}

/// Headers every response carries: no sniffing, no framing, no referrer to other sites, and a
/// content policy that allows only the server's own resources: no inline style or script.
pub async fn security_headers(mut response: Response) -> Response {
    use axum::http::HeaderValue;
    let headers = response.headers_mut();
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
        (
            "content-security-policy",
            "default-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}
