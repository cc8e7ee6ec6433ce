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

#[derive(Deserialize)]
pub struct AuditQuery {
    object: Option<String>,
    /// The trail of this unit's subtree (an admin or office over it may read it).
    unit: Option<String>,
    limit: Option<u32>,
}

#[derive(Serialize)]
pub struct AuditView {
    at: String,
    actor: String,
    action: String,
    object: String,
    before: Option<Value>,
    after: Option<Value>,
}

pub async fn audit<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Query(query): Query<AuditQuery>,
) -> Result<Json<Vec<AuditView>>, ApiError> {
    let limit = query.limit.unwrap_or(100).min(1000);
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
