//! `/api/v1/search?q=`: units, documents, targets, tasks, working sessions and people found by
//! part of a name, with or without diacritics, or a document's number as written; grouped
//! by kind, at most `limit` of each. Tasks and sessions are those of the caller's units.

use axum::Json;
use axum::extract::{Query, State};
use giamsat_app::Store;
use giamsat_app::search::{Hit, Kind, MAX_LIMIT, MAX_QUERY_CHARS};
use giamsat_core::{Engine, Translations};
use serde::{Deserialize, Serialize};

use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::{AppState, unit_code};

/// How many of each kind when `limit` is not given.
const DEFAULT_LIMIT: usize = 10;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// What to find: part of a name, with or without diacritics, or a document's number as
    /// written. Blank finds nothing.
    #[param(max_length = 200, example = "so cong thuong")]
    q: String,
    /// At most this many of each kind (default 10).
    #[param(minimum = 1, maximum = 50)]
    limit: Option<usize>,
}

/// What kind of thing was found.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FoundKind {
    Unit,
    Document,
    Target,
    Task,
    Session,
    Person,
}

impl From<Kind> for FoundKind {
    fn from(kind: Kind) -> FoundKind {
        match kind {
            Kind::Unit => FoundKind::Unit,
            Kind::Document => FoundKind::Document,
            Kind::Target => FoundKind::Target,
            Kind::Task => FoundKind::Task,
            Kind::Session => FoundKind::Session,
            Kind::Person => FoundKind::Person,
        }
    }
}

/// One thing found.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FoundView {
    /// Its code: a unit's code, a document's key.
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    /// Its id: a target's, a task's, a session's, a person's.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<u32>,
    /// What it is called: a unit's or a document's name, a target's indicator, a task's
    /// title, a session's place, a person's name.
    label: String,
    /// The name in each language, where it has translations.
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<Translations>,
    /// The unit it concerns: a target's, a task's lead, the unit a session met.
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    /// Where the API answers with it.
    href: String,
}

/// The things of one kind found.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FoundGroupView {
    kind: FoundKind,
    /// How many were found in all (more than `items` when the limit cut them).
    total: usize,
    items: Vec<FoundView>,
}

fn found(engine: &Engine, hit: Hit) -> Option<FoundView> {
    let book = engine.follow_up();
    let blank = FoundView {
        code: None,
        id: None,
        label: String::new(),
        name: None,
        unit: None,
        href: String::new(),
    };
    let vi = giamsat_core::Language::Vi;
    Some(match hit {
        Hit::Unit(id) => {
            let u = engine.unit(id)?;
            FoundView {
                code: Some(u.code.to_string()),
                label: u.name.get(vi).to_owned(),
                name: Some(u.name.clone()),
                href: format!("/api/v1/units/{}", u.code),
                ..blank
            }
        }
        Hit::Document(id) => {
            let d = engine.document(id)?;
            FoundView {
                code: Some(d.key.to_string()),
                label: match &d.number {
                    Some(n) => format!("{n} — {}", d.title(vi)),
                    None => d.title(vi).to_owned(),
                },
                name: Some(d.title.clone()),
                unit: Some(unit_code(engine, d.issued_by)),
                href: format!("/api/v1/documents/{}", d.key),
                ..blank
            }
        }
        Hit::Target(id) => {
            let t = engine.target(id)?;
            let indicator = engine.indicator(t.indicator)?;
            FoundView {
                id: Some(t.id.0),
                label: indicator.name.get(vi).to_owned(),
                name: Some(indicator.name.clone()),
                unit: Some(unit_code(engine, t.unit)),
                href: format!("/api/v1/targets/{}", t.id.0),
                ..blank
            }
        }
        Hit::Task(id) => {
            let t = book.task(id)?;
            FoundView {
                id: Some(t.id.0),
                label: t.title.clone(),
                unit: Some(unit_code(engine, t.lead)),
                href: format!("/api/v1/tasks/{}", t.id.0),
                ..blank
            }
        }
        Hit::Session(id) => {
            let s = book.session(id)?;
            FoundView {
                id: Some(s.id.0),
                label: s.place.clone(),
                unit: Some(unit_code(engine, s.unit)),
                href: format!("/api/v1/sessions/{}", s.id.0),
                ..blank
            }
        }
        Hit::Person(id) => {
            let p = book.person(id)?;
            let query =
                serde_urlencoded::to_string([("name", p.name.as_str())]).unwrap_or_default();
            FoundView {
                id: Some(p.id.0),
                label: p.name.clone(),
                href: format!("/api/v1/people?{query}"),
                ..blank
            }
        }
    })
}

#[utoipa::path(get, path = "/api/v1/search", tag = "search", summary = "Units, documents, targets, tasks, sessions and people found by part of a name, without diacritics, or a document number as written", params(SearchQuery), responses((status = 200, body = Vec<FoundGroupView>)))]
pub async fn search<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Query(query): Query<SearchQuery>,
) -> Result<Json<Vec<FoundGroupView>>, ApiError> {
    if query.q.chars().count() > MAX_QUERY_CHARS {
        return Err(ApiError::BadRequest(format!(
            "q: at most {MAX_QUERY_CHARS} characters"
        )));
    }
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::BadRequest(format!(
            "limit must be between 1 and {MAX_LIMIT}"
        )));
    }
    let groups = state
        .app
        .search(who.0.actor.grants.as_deref(), &query.q, limit);
    let engine = state.app.engine();
    Ok(Json(
        groups
            .into_iter()
            .map(|g| FoundGroupView {
                kind: g.kind.into(),
                total: g.total,
                items: g
                    .hits
                    .into_iter()
                    .filter_map(|h| found(&engine, h))
                    .collect(),
            })
            .collect(),
    ))
}
