//! `/api/v1/exchange/…`: the figures in other systems' formats. DHIS2's `dataValueSets`
//! JSON out and in (answered, like DHIS2, with its import summary: 200 when written, 409
//! with every conflict when nothing was), and SDMX-CSV 2.0 out. The number of figures whose
//! period the format cannot name, and which were left out, is in the
//! `Giamsat-Skipped-Periods` header.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use giamsat_app::Store;
use serde::Deserialize;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::AppState;

/// The header that says how many figures an export left out.
pub const SKIPPED_HEADER: &str = "giamsat-skipped-periods";

#[utoipa::path(get, path = "/api/v1/exchange/dhis2/dataValueSets", tag = "files", summary = "The current figures as a DHIS2 dataValueSets JSON (codes as ids); figures of other periods are counted in the Giamsat-Skipped-Periods header", responses((status = 200, body = Object, headers(("giamsat-skipped-periods" = usize, description = "Figures left out")))))]
pub async fn export_dhis2<S: Store>(
    State(state): State<AppState<S>>,
) -> Result<Response, ApiError> {
    let export = state.app.export_dhis2().await?;
    Ok((
        [(SKIPPED_HEADER, export.skipped.to_string())],
        Json(export.set),
    )
        .into_response())
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Dhis2ImportQuery {
    file: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/exchange/dhis2/dataValueSets", tag = "files", summary = "Import a DHIS2 dataValueSets JSON as official figures, all or nothing; answered with DHIS2's ImportSummary", params(Dhis2ImportQuery), request_body(content = Object, description = "A DHIS2 dataValueSets document"), responses((status = 200, body = Object, description = "Written"), (status = 409, body = Object, description = "Nothing written: the ImportSummary names the conflicts")))]
pub async fn import_dhis2<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Query(query): Query<Dhis2ImportQuery>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let file = query.file.unwrap_or_else(|| "dataValueSets.json".into());
    let summary = state.app.import_dhis2(&who.0.actor, &file, &body).await?;
    let status = if summary.is_success() {
        StatusCode::OK
    } else {
        StatusCode::CONFLICT
    };
    Ok((status, Json(summary)).into_response())
}

#[utoipa::path(get, path = "/api/v1/exchange/sdmx.csv", tag = "files", summary = "The current figures as SDMX-CSV 2.0; figures of periods SDMX has no basic id for are counted in the Giamsat-Skipped-Periods header", responses((status = 200, body = String, content_type = "application/vnd.sdmx.data+csv", headers(("giamsat-skipped-periods" = usize, description = "Figures left out")))))]
pub async fn export_sdmx<S: Store>(State(state): State<AppState<S>>) -> Result<Response, ApiError> {
    let export = state.app.export_sdmx().await?;
    Ok((
        [
            (
                header::CONTENT_TYPE.as_str(),
                "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8".to_owned(),
            ),
            (SKIPPED_HEADER, export.skipped.to_string()),
        ],
        export.csv,
    )
        .into_response())
}
