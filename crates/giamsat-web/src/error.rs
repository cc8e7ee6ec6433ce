//! Errors at the HTTP edge: every failure of a request becomes one JSON shape,
//! `{"error": {"code": "...", "message": "...", "details": [...]}}`, with a stable code, here
//! and nowhere else.

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
    #[error("{what} {key} does not exist")]
    NotFound { what: &'static str, key: String },
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
            ApiError::App(AppError::Conflict(message)) => {
                (StatusCode::CONFLICT, "conflict", message.clone(), json!([]))
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
        (status, axum::Json(body)).into_response()
    }
}
