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

#[derive(Deserialize)]
pub struct EvidenceQuery {
    name: String,
}

/// Keeps the body as an evidence file named `name`; answers the evidence to cite in a
/// progress report (`files: [sha256]`).
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
pub async fn get_evidence<S: Store>(
    State(state): State<AppState<S>>,
    Path(sha256): Path<String>,
) -> Result<Response, ApiError> {
    Ok(crate::download::evidence(&state.app, &sha256).await?)
}
