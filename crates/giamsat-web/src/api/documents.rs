//! `/api/v1/documents`: resolutions, plans and decisions, found by their canonical key and, when
//! several issuers share one, by issuer.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::input::DocumentInput;
use giamsat_core::{Document, DocumentKey, Engine, Record, Translations};
use serde::{Deserialize, Serialize};

use super::{JsonBody, Page, create_from, find_unit, paged};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::{AppState, unit_code};

#[derive(Serialize, utoipa::ToSchema)]
pub struct DocumentView {
    key: String,
    number: Option<String>,
    doc_type: giamsat_core::DocumentType,
    issued_by: String,
    issued_on: Option<String>,
    title: Translations,
    horizon: giamsat_core::Horizon,
    source: String,
}

fn document_view(engine: &Engine, d: &Document) -> DocumentView {
    DocumentView {
        key: d.key.to_string(),
        number: d.number.clone(),
        doc_type: d.doc_type,
        issued_by: unit_code(engine, d.issued_by),
        issued_on: d.issued_on.map(|x| x.to_string()),
        title: d.title.clone(),
        horizon: d.horizon,
        source: d.provenance.source.clone(),
    }
}

#[utoipa::path(get, path = "/api/v1/documents", tag = "documents", summary = "List documents", params(Page), responses((status = 200, body = Vec<DocumentView>, headers(("x-total-count" = usize, description = "The length of the whole list")))))]
pub async fn list_documents<S: Store>(
    State(state): State<AppState<S>>,
    Query(page): Query<Page>,
) -> Result<Response, ApiError> {
    let engine = state.app.engine();
    paged(
        engine
            .documents()
            .map(|d| document_view(&engine, d))
            .collect(),
        &page,
    )
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocumentQuery {
    #[param(pattern = r"^\s*[A-Za-z0-9._-]{1,32}\s*$", example = "40")]
    issued_by: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/documents/{key}", tag = "documents", summary = "One document by key", params(("key" = String, Path, description = "The document key", pattern = r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$", min_length = 2, max_length = 64, example = "21-NQ-TU-2022"), DocumentQuery), responses((status = 200, body = DocumentView)))]
pub async fn get_document<S: Store>(
    State(state): State<AppState<S>>,
    Path(key): Path<String>,
    Query(query): Query<DocumentQuery>,
) -> Result<Json<DocumentView>, ApiError> {
    let engine = state.app.engine();
    let parsed = DocumentKey::parse(&key).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let found: Vec<&Document> = match &query.issued_by {
        Some(issuer) => {
            let issuer = find_unit(&engine, issuer)?;
            engine
                .document_by_issuer_key(issuer.id, &parsed)
                .into_iter()
                .collect()
        }
        None => engine.documents_by_key(&parsed),
    };
    match found.as_slice() {
        [one] => Ok(Json(document_view(&engine, one))),
        [] => Err(ApiError::not_found("document", key)),
        many => Err(ApiError::BadRequest(format!(
            "{} documents have the key {key}; add ?issued_by= one of: {}",
            many.len(),
            many.iter()
                .map(|d| unit_code(&engine, d.issued_by))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

#[utoipa::path(post, path = "/api/v1/documents", tag = "documents", summary = "Register a document", request_body = DocumentInput, responses((status = 201, body = DocumentView)))]
pub async fn create_document<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: JsonBody,
) -> Result<Response, ApiError> {
    create_from::<S, DocumentInput, _>(&state, &who, &body, |engine, record| match record {
        Record::Document(x) => Some(document_view(engine, x)),
        _ => None,
    })
    .await
}
