//! The audit trail (*nhật ký*) of a unit and everything below it: who changed what, when,
//! from what to what; and the same as CSV. Admins and offices over the unit read it.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use giamsat_app::{AppError, AuditEntry, Store};
use giamsat_core::access::Role;
use giamsat_core::org::UnitCode;
use giamsat_core::{Engine, UnitId};
use serde::Deserialize;

use super::{Layout, Reader, Tr, respond};
use crate::auth::Principal;
use crate::error::PageError;
use crate::state::AppState;

/// Entries a page shows; the CSV holds up to [`CSV_LIMIT`].
const PAGE_LIMIT: u32 = 500;
const CSV_LIMIT: u32 = 100_000;

#[derive(Deserialize)]
pub struct AuditQuery {
    unit: Option<String>,
}

pub struct EntryRow {
    at: String,
    actor: String,
    action: String,
    object: String,
    before: String,
    after: String,
}

pub struct UnitChoice {
    code: String,
    label: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
pub struct AuditPage<'a> {
    page: Layout<'a>,
    unit_label: String,
    unit_code: String,
    choices: Vec<UnitChoice>,
    rows: Vec<EntryRow>,
    shown: String,
}

/// Which trail to read: the unit asked for, or else the reader's own widest scope (`None`
/// for the whole tree).
enum Trail {
    Unit(UnitId),
    Whole,
}

fn trail_of(engine: &Engine, who: &Principal, asked: Option<&str>) -> Result<Trail, String> {
    if let Some(code) = asked.filter(|c| !c.is_empty()) {
        return UnitCode::parse(code)
            .ok()
            .and_then(|c| engine.unit_by_code(&c))
            .map(|u| Trail::Unit(u.id))
            .ok_or_else(|| code.to_owned());
    }
    let grants = who.0.actor.grants.iter().flatten();
    let mut readable = grants.filter(|g| matches!(g.role, Role::Admin | Role::Office));
    Ok(match readable.next().map(|g| g.scope) {
        Some(Some(unit)) => Trail::Unit(unit),
        _ => Trail::Whole,
    })
}

async fn entries<S: Store>(
    state: &AppState<S>,
    who: &Principal,
    trail: &Trail,
    limit: u32,
) -> Result<Vec<AuditEntry>, AppError> {
    match trail {
        Trail::Unit(unit) => {
            state
                .app
                .audit_of_unit(&who.0.actor, *unit, None, limit)
                .await
        }
        Trail::Whole => state.app.audit_trail(&who.0.actor, None, limit).await,
    }
}

fn compact(value: &Option<serde_json::Value>) -> String {
    value.as_ref().map_or_else(String::new, |v| v.to_string())
}

pub async fn audit<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Query(query): Query<AuditQuery>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let trail = trail_of(&state.app.engine(), &who, query.unit.as_deref())
        .map_err(|code| PageError::not_found("not-found-unit", code))?;
    let found = entries(&state, &who, &trail, PAGE_LIMIT)
        .await
        .map_err(|e| PageError::or_forbidden(e, "forbidden-audit"))?;
    let engine = state.app.engine();
    let (unit_label, unit_code) = match trail {
        Trail::Unit(id) => engine.unit(id).map_or_else(Default::default, |u| {
            (
                format!("{} ({})", u.name.get(tr.lang), u.code),
                u.code.to_string(),
            )
        }),
        Trail::Whole => (tr.t("scope-whole-tree"), String::new()),
    };
    // The units the reader may choose: the scopes of its grants that open the trail.
    let choices = who
        .0
        .actor
        .grants
        .iter()
        .flatten()
        .filter(|g| matches!(g.role, Role::Admin | Role::Office))
        .filter_map(|g| g.scope.and_then(|u| engine.unit(u)))
        .map(|u| UnitChoice {
            code: u.code.to_string(),
            label: format!("{} ({})", u.name.get(tr.lang), u.code),
        })
        .collect();
    let rows: Vec<EntryRow> = found
        .iter()
        .map(|e| {
            let local = super::in_vietnam(e.at);
            EntryRow {
                at: format!(
                    "{} {:02}:{:02}:{:02}",
                    tr.date(local.date()),
                    local.hour(),
                    local.minute(),
                    local.second()
                ),
                actor: e.actor.clone(),
                action: e.action.clone(),
                object: e.object.clone(),
                before: compact(&e.before),
                after: compact(&e.after),
            }
        })
        .collect();
    let page = AuditPage {
        page: Layout::new(
            &state.i18n,
            &reader,
            "/audit",
            state.i18n.t(reader.lang, "audit-title"),
        ),
        shown: tr.count("audit-shown", rows.len()),
        unit_label,
        unit_code,
        choices,
        rows,
    };
    Ok(respond(&reader, StatusCode::OK, page.render()))
}

/// The same trail as a CSV file.
pub async fn audit_csv<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Query(query): Query<AuditQuery>,
) -> Result<Response, PageError> {
    let trail = trail_of(&state.app.engine(), &who, query.unit.as_deref())
        .map_err(|code| PageError::not_found("not-found-unit", code))?;
    let found = entries(&state, &who, &trail, CSV_LIMIT).await?;
    let engine = state.app.engine();
    let name = match trail {
        Trail::Unit(id) => engine
            .unit(id)
            .map_or_else(|| "unit".to_owned(), |u| u.code.to_string()),
        Trail::Whole => "all".to_owned(),
    };
    let csv = giamsat_app::exchange::audit_csv(&engine, &found)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"audit-{name}.csv\""),
            ),
        ],
        csv,
    )
        .into_response())
}
