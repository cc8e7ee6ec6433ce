//! `/api/v1/audit`: the audit trail, newest first, of the objects whose key starts with
//! `object`, of a unit's subtree, or of both filters together.

use axum::Json;
use axum::extract::{Query, State};
use giamsat_app::Store;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::find_unit;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    object: Option<String>,
    /// The trail of this unit's subtree (an admin or office over it may read it).
    #[param(pattern = r"^\s*[A-Za-z0-9._-]{1,32}\s*$", example = "40")]
    unit: Option<String>,
    /// How many entries, newest first (default 100).
    #[param(minimum = 1, maximum = 1000)]
    limit: Option<u32>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AuditView {
    at: String,
    actor: String,
    action: String,
    object: String,
    before: Option<Value>,
    after: Option<Value>,
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", summary = "The audit trail, newest first", params(AuditQuery), responses((status = 200, body = Vec<AuditView>)))]
pub async fn audit<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Query(query): Query<AuditQuery>,
) -> Result<Json<Vec<AuditView>>, ApiError> {
    let limit = query.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(ApiError::BadRequest(
            "limit must be between 1 and 1000".into(),
        ));
    }
    let object = query.object.as_deref();
    let entries = match &query.unit {
        Some(code) => {
            let unit = find_unit(&state.app.engine(), code)?.id;
            state
                .app
                .audit_of_unit(&who.0.actor, unit, object, limit)
                .await?
        }
        None => state.app.audit_trail(&who.0.actor, object, limit).await?,
    };
    Ok(Json(
        entries
            .into_iter()
            .map(|e| AuditView {
                at: e
                    .at
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default(),
                actor: e.actor,
                action: e.action,
                object: e.object,
                before: e.before,
                after: e.after,
            })
            .collect(),
    ))
}
