//! `/api/v1/imports/{kind}` and `/api/v1/exports/{kind}`: the CSV files of the CLI's `import`
//! and `export`, over HTTP.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use giamsat_app::{ImportKind, ImportReport, Store};
use serde::Deserialize;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::AppState;

fn import_kind(kind: &str) -> Result<ImportKind, ApiError> {
    kind.parse().map_err(ApiError::BadRequest)
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    #[serde(default)]
    skip_invalid: bool,
    file: Option<String>,
    /// How the file writes numbers: en (36539.5, the default), vi (36.539,5) or fr (36 539,5).
    #[param(pattern = "^(en|vi|fr)$", example = "vi")]
    number_format: Option<String>,
}

/// Imports a CSV body (see the CLI's `import`): all or nothing unless `skip_invalid=true`.
#[utoipa::path(post, path = "/api/v1/imports/{kind}", tag = "files", summary = "Import a CSV file: all or nothing unless skip_invalid=true", params(("kind" = giamsat_app::ImportKind, Path, description = "What the file holds"), ImportQuery), request_body(content = String, content_type = "text/csv", description = "The CSV file; the delimiter (comma, semicolon or tab) is read from the header line"), responses((status = 200, body = ImportReport)))]
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

#[utoipa::path(get, path = "/api/v1/exports/{kind}", tag = "files", summary = "Export as CSV, in the columns import reads", params(("kind" = giamsat_app::ImportKind, Path, description = "What to export")), responses((status = 200, body = String, content_type = "text/csv")))]
pub async fn export<S: Store>(
    State(state): State<AppState<S>>,
    Path(kind): Path<String>,
) -> Result<Response, ApiError> {
    let kind = import_kind(&kind)?;
    let csv = state.app.export(kind).await?;
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], csv).into_response())
}
