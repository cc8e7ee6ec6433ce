//! `/api/v1/evidence`: evidence files kept for progress reports (uploaded as the body, cited
//! by their SHA-256) and downloaded as attachments.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use giamsat_app::Store;
use serde::Deserialize;

use super::created;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EvidenceQuery {
    name: String,
}

/// Keeps the body as an evidence file named `name`; answers the evidence to cite in a
/// progress report (`files: [sha256]`).
#[utoipa::path(post, path = "/api/v1/evidence", tag = "follow-up", summary = "Keep a file as evidence (PDF, PNG, JPEG, Word, Excel, OpenDocument, CSV, text; at most 10 MB); the body is the file", params(EvidenceQuery), request_body(content = String, content_type = "application/octet-stream", description = "The file"), responses((status = 201, body = giamsat_core::follow_up::Evidence)))]
pub async fn put_evidence<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Query(query): Query<EvidenceQuery>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let evidence = state
        .app
        .put_evidence_file(&who.0.actor, &query.name, &body)
        .await?;
    Ok(created(evidence))
}

/// An evidence file, always as a download (see [`crate::download::evidence`]).
#[utoipa::path(get, path = "/api/v1/evidence/{sha256}", tag = "follow-up", summary = "An evidence file, as a download", params(("sha256" = String, Path, description = "The file's SHA-256 in hex", pattern = "^[0-9a-f]{64}$")), responses((status = 200, body = String, content_type = "*/*", description = "The file, as an attachment, with the media type it was kept with")))]
pub async fn get_evidence<S: Store>(
    State(state): State<AppState<S>>,
    Path(sha256): Path<String>,
) -> Result<Response, ApiError> {
    Ok(crate::download::evidence(&state.app, &sha256).await?)
}
