//! Files both surfaces hand out as downloads (today an evidence file, from the API and from
//! the task pages alike), built here so that neither surface imports the other. Errors are
//! the application's; each surface answers them in its own way.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use giamsat_app::{App, AppError, Store};

/// An evidence file, always as a download: a browser never renders it in giamsat's origin.
/// Its name is given twice, as ASCII for old clients and percent-encoded UTF-8.
pub async fn evidence<S: Store>(app: &App<S>, sha256: &str) -> Result<Response, AppError> {
    let (file, bytes) = app.evidence_file(sha256).await?;
    let ascii: String = file
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = file
        .name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    Ok((
        [
            (header::CONTENT_TYPE, file.content_type),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"),
            ),
            (header::CACHE_CONTROL, "private, no-cache".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
