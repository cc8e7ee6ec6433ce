//! Files both surfaces hand out as downloads (an evidence file, from the API and from the task
//! pages alike; the spreadsheets of the lists and the report form), built here so that neither
//! surface imports the other. Errors are the application's; each surface answers them in its
//! own way.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use giamsat_app::{App, AppError, Store};

/// An evidence file, always as a download: a browser never renders it in giamsat's origin.
/// Its name is given twice, as ASCII for old clients and percent-encoded UTF-8.
pub async fn evidence<S: Store>(app: &App<S>, sha256: &str) -> Result<Response, AppError> {
    let (file, bytes) = app.evidence_file(sha256).await?;
    Ok(attachment(&file.name, file.content_type, bytes))
}

/// The media type of an xlsx workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The media type of a CSV file, always UTF-8.
pub const CSV: &str = "text/csv; charset=utf-8";

/// Bytes as a file to save under `name`, never to render in giamsat's origin. The name is
/// given twice, as ASCII for old clients and percent-encoded UTF-8.
pub fn attachment(name: &str, content_type: impl Into<String>, bytes: Vec<u8>) -> Response {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, content_type.into()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"),
            ),
            (header::CACHE_CONTROL, "private, no-cache".to_owned()),
        ],
        bytes,
    )
        .into_response()
}
