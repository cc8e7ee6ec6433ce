//! The audit trail (*nhật ký*) of a unit and everything below it: who changed what, when,
//! from what to what; and the same as CSV. Admins and offices over the unit read it.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use giamsat_app::{AppError, AuditEntry, Store};
use giamsat_core::access::Role;
use giamsat_core::{Engine, UnitId};
use serde::Deserialize;

use super::{Layout, Reader, Tr, respond};
use crate::auth::Principal;
use crate::error::PageError;
use crate::state::AppState;

/// Entries a page shows; the CSV holds up to [`CSV_LIMIT`].
const PAGE_SIZE: u32 = 50;
const CSV_LIMIT: u32 = 100_000;

/// What the trail is filtered by, as the form sends it: the unit by code (from a list of
/// names), who, what kind of change and of object, which days, which page.
#[derive(Deserialize, Default)]
pub struct AuditQuery {
    unit: Option<String>,
    #[serde(default)]
    who: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    object: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: u32,
}

pub struct EntryRow {
    at: String,
    actor: String,
    action: String,
    object: String,
    href: String,
    changes: Vec<(String, String, String)>,
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
    actions: Vec<(&'static str, String)>,
    objects: Vec<(&'static str, String)>,
    query: AuditQuery,
    rows: Vec<EntryRow>,
    shown: String,
    previous: String,
    next: String,
    date_error: String,
    /// Whether the reader may read the whole trail (an admin of the whole tree).
    whole: bool,
}

/// Which trail to read: the unit asked for, or else the reader's own widest scope (`None`
/// for the whole tree).
enum Trail {
    Unit(UnitId),
    Whole,
}

fn trail_of(engine: &Engine, who: &Principal, asked: Option<&str>) -> Result<Trail, String> {
    if let Some(code) = asked.filter(|c| !c.is_empty()) {
        // Chosen by name on the page, by code in a link.
        return super::unit_by_code(engine, code)
            .map(|u| Trail::Unit(u.id))
            .ok_or_else(|| code.to_owned());
    }
    let grants = who.0.actor.grants.iter().flatten();
    let mut readable = grants.filter(|g| matches!(g.role, Role::Admin | Role::Office));
    Ok(match readable.next().map(|g| (g.role, g.scope)) {
        Some((_, Some(unit))) => Trail::Unit(unit),
        // An office over the whole tree reads the trail of its units (from the first in tree
        // order, the root); the records of no unit are an administrator's.
        Some((Role::Office, None)) => engine
            .units()
            .filter(|u| u.parent.is_none())
            .min_by_key(|u| engine.position(u.id))
            .map_or(Trail::Whole, |u| Trail::Unit(u.id)),
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

/// The actions the form filters by, each a prefix of the stable action names, with the
/// message that names it.
const ACTIONS: [(&str, &str); 14] = [
    ("observation.", "audit-action-observation"),
    ("target.", "audit-action-target"),
    ("document.", "audit-action-document"),
    ("unit.", "audit-action-unit"),
    ("indicator.", "audit-action-indicator"),
    ("task.revision", "audit-action-task-revision"),
    ("task", "audit-action-task"),
    ("working_session.revision", "audit-action-session-revision"),
    ("import.", "audit-action-import"),
    ("account.", "audit-action-account"),
    ("session.", "audit-action-sign-in"),
    ("recommendation", "audit-action-recommendation"),
    ("report.", "audit-action-report"),
    ("regime.", "audit-action-regime"),
];

/// The kinds of object the form filters by: the prefix of the object's key and its name.
const OBJECTS: [(&str, giamsat_app::Thing); 12] = {
    use giamsat_app::Thing as T;
    [
        ("observation:", T::Observation),
        ("target:", T::Target),
        ("document:", T::Document),
        ("unit:", T::Unit),
        ("indicator:", T::Indicator),
        ("task:", T::Task),
        ("working_session:", T::WorkingSession),
        ("person:", T::Person),
        ("recommendation:", T::Recommendation),
        ("account:", T::Account),
        ("report:", T::Report),
        ("regime:", T::Regime),
    ]
};

/// An action in the reader's words: its own message when it has one (`task.revision` is
/// `audit-action-task-revision`), else the words of its family.
fn action_words(tr: Tr<'_>, action: &str) -> String {
    let own = format!("audit-action-{}", action.replace(['.', '_'], "-"));
    if tr.i18n.has(tr.lang, &own) {
        return tr.t(&own);
    }
    ACTIONS
        .iter()
        .find(|(prefix, _)| action.starts_with(prefix))
        .map_or_else(|| tr.t("audit-action-other"), |(_, id)| tr.t(id))
}

/// An object in the reader's words, and the page that shows it when there is one.
fn object_words(engine: &Engine, tr: Tr<'_>, object: &str) -> (String, String) {
    let (kind, key) = object.split_once(':').unwrap_or((object, ""));
    // A position is said as the person who holds it.
    let thing = OBJECTS
        .iter()
        .find(|(prefix, _)| prefix.trim_end_matches(':') == kind)
        .map(|(_, t)| tr.thing(*t))
        .or_else(|| (kind == "position").then(|| tr.thing(giamsat_app::Thing::Person)));
    let id = || key.parse::<u32>().ok().map(giamsat_core::FollowUpId);
    let book = engine.follow_up();
    let named = match kind {
        "task" => id()
            .and_then(|i| book.task(i))
            .map(|t| (t.title.clone(), format!("/tasks/{}", t.id))),
        "working_session" => id().and_then(|i| book.session(i)).map(|s| {
            (
                format!(
                    "{} · {}",
                    super::forms::unit_label(engine, tr, s.unit),
                    tr.date(s.date)
                ),
                format!("/supervision/sessions/{}", s.id),
            )
        }),
        "person" => id()
            .and_then(|i| book.person(i))
            .map(|p| (p.name.clone(), format!("/people/{}", p.id))),
        "position" => id().and_then(|i| match book.get(i) {
            Some(giamsat_core::follow_up::FollowUp::Position(x)) => {
                book.person(x.person).map(|p| {
                    (
                        format!("{} · {}", p.name, x.title_in(tr.lang)),
                        format!("/people/{}#position-{}", p.id, x.id),
                    )
                })
            }
            _ => None,
        }),
        "unit" => super::unit_by_code(engine, key.split('/').next().unwrap_or(key))
            .map(|u| (u.name.get(tr.lang).to_owned(), format!("/units/{}", u.code))),
        "observation" => {
            let mut parts = key.split('/');
            let (indicator, unit, period) = (parts.next(), parts.next(), parts.next());
            let indicator = indicator
                .and_then(|c| giamsat_core::IndicatorCode::parse(c).ok())
                .and_then(|c| engine.indicator_by_code(&c));
            let unit = unit.and_then(|c| super::unit_by_code(engine, c));
            let period = period.and_then(|p| p.parse::<giamsat_core::Period>().ok());
            match (indicator, unit, period) {
                (Some(i), Some(u), Some(p)) => Some((
                    format!(
                        "{} · {} · {}",
                        i.name.get(tr.lang),
                        u.name.get(tr.lang),
                        tr.period(p)
                    ),
                    format!("/indicators/{}?unit={}", i.code, u.code),
                )),
                _ => None,
            }
        }
        "report" => report_words(engine, tr, key),
        "regime" => {
            let code = key.split('/').next().unwrap_or(key);
            giamsat_core::reporting::RegimeCode::parse(code)
                .ok()
                .and_then(|c| engine.reporting().regime_by_code(&c))
                .map(|r| {
                    (
                        r.name.get(tr.lang).to_owned(),
                        format!("/reports/{}", r.code),
                    )
                })
        }
        _ => None,
    };
    match (thing, named) {
        (Some(thing), Some((name, href))) => (format!("{thing}: {name}"), href),
        (Some(thing), None) => (format!("{thing} {key}"), String::new()),
        (None, _) => (object.to_owned(), String::new()),
    }
}

/// A unit's report (`QN-SO-THANG/22-SXD/2026-11`): the regime, the unit and the period in
/// words, and the report's page.
fn report_words(engine: &Engine, tr: Tr<'_>, key: &str) -> Option<(String, String)> {
    let mut parts = key.split('/');
    let (regime, unit, period) = (parts.next()?, parts.next()?, parts.next()?);
    let regime = giamsat_core::reporting::RegimeCode::parse(regime)
        .ok()
        .and_then(|c| engine.reporting().regime_by_code(&c))?;
    let unit = super::unit_by_code(engine, unit)?;
    let period = period.parse::<giamsat_core::Period>().ok()?;
    Some((
        format!(
            "{} · {} · {}",
            regime.name.get(tr.lang),
            unit.name.get(tr.lang),
            tr.period(period)
        ),
        format!("/reports/{}/{}/{}", regime.code, period.code(), unit.code),
    ))
}

/// Fields of stored records that are internal numbers the reader has no use for: the
/// object of the entry names what they point at.
const HIDDEN_FIELDS: [&str; 5] = ["id", "provenance", "record", "through", "holds_after"];

/// A field's value in the reader's words where the field says what it is: a unit, an
/// indicator, a regime or a document by its name rather than its internal number; a report's
/// step, state and kind of figure in words; roles granted and explanations given as sentences.
fn field_words(
    engine: &Engine,
    tr: Tr<'_>,
    field: &str,
    value: Option<&serde_json::Value>,
) -> String {
    use serde_json::Value;
    let id = || {
        value
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
    };
    let named = match field {
        "unit" | "lead" | "issued_by" | "recipient" | "parent" | "under" => id()
            .and_then(|n| engine.unit(giamsat_core::UnitId(n)))
            .map(|u| u.name.get(tr.lang).to_owned()),
        "indicator" => id()
            .and_then(|n| engine.indicator(giamsat_core::IndicatorId(n)))
            .map(|i| i.name.get(tr.lang).to_owned()),
        "document" => id()
            .and_then(|n| engine.document(giamsat_core::DocumentId(n)))
            .map(|d| d.title(tr.lang).to_owned()),
        "regime" => id()
            .and_then(|n| engine.reporting().regime(giamsat_core::RegimeId(n)))
            .map(|r| r.name.get(tr.lang).to_owned()),
        "indicators" => value.and_then(Value::as_array).map(|ids| {
            ids.iter()
                .filter_map(|v| v.as_u64().and_then(|n| u32::try_from(n).ok()))
                .filter_map(|n| engine.indicator(giamsat_core::IndicatorId(n)))
                .map(|i| i.name.get(tr.lang).to_owned())
                .collect::<Vec<_>>()
                .join("; ")
        }),
        "name" | "title" => value
            .filter(|v| v.is_object())
            .and_then(|v| serde_json::from_value::<giamsat_core::Translations>(v.clone()).ok())
            .map(|t| t.get(tr.lang).to_owned()),
        "action" | "state" | "kind" | "role" | "frequency" => {
            let prefix = match field {
                "action" => "cycle-action",
                "state" => "cycle-status",
                "kind" => "kind",
                "role" => "role",
                _ => "cycle-frequency",
            };
            value
                .and_then(Value::as_str)
                .map(|v| format!("{prefix}-{v}"))
                .filter(|id| tr.i18n.has(tr.lang, id))
                .map(|id| tr.t(&id))
        }
        "grants" => value.and_then(Value::as_array).map(|grants| {
            grants
                .iter()
                .map(|g| {
                    let role = g["role"]
                        .as_str()
                        .map_or_else(String::new, |r| tr.t(&format!("role-{r}")));
                    let scope = g["scope"]
                        .as_str()
                        .and_then(|c| super::unit_by_code(engine, c));
                    match scope {
                        Some(u) => format!("{role} · {}", u.name.get(tr.lang)),
                        None => format!("{role} · {}", tr.t("audit-scope-all")),
                    }
                })
                .collect::<Vec<_>>()
                .join("; ")
        }),
        "reporters" => value.map(|r| match r["type"].as_str() {
            Some("kind_under") => {
                let kind = r["kind"]
                    .as_str()
                    .map_or_else(String::new, |k| tr.t(&format!("unit-kind-{k}")));
                let under = r["under"]
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .and_then(|n| engine.unit(giamsat_core::UnitId(n)))
                    .map_or_else(String::new, |u| u.name.get(tr.lang).to_owned());
                format!("{kind} · {under}")
            }
            _ => r["units"]
                .as_array()
                .map(|units| {
                    units
                        .iter()
                        .filter_map(|v| v.as_u64().and_then(|n| u32::try_from(n).ok()))
                        .filter_map(|n| engine.unit(giamsat_core::UnitId(n)))
                        .map(|u| u.name.get(tr.lang).to_owned())
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default(),
        }),
        "explanations" => value.and_then(Value::as_array).map(|given| {
            given
                .iter()
                .map(|e| {
                    let indicator = e["indicator"]
                        .as_u64()
                        .and_then(|n| u32::try_from(n).ok())
                        .and_then(|n| engine.indicator(giamsat_core::IndicatorId(n)))
                        .map_or_else(String::new, |i| i.name.get(tr.lang).to_owned());
                    format!("{indicator}: {}", e["text"].as_str().unwrap_or_default())
                })
                .collect::<Vec<_>>()
                .join("; ")
        }),
        _ => None,
    };
    named
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| value_words(tr, value))
}

/// A value of a field as the reader reads it: text as written, numbers in their format.
fn value_words(tr: Tr<'_>, value: Option<&serde_json::Value>) -> String {
    use serde_json::Value;
    match value {
        None | Some(Value::Null) => tr.t("history-none"),
        Some(Value::String(s)) if s.is_empty() => tr.t("history-none"),
        // A stored day (ISO) in the reader's form.
        Some(Value::String(s)) if s.len() == 10 && s.as_bytes()[4] == b'-' => {
            giamsat_app::input::read_date(s).map_or_else(|_| s.clone(), |d| tr.date(d))
        }
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.as_f64().map_or_else(
            || n.to_string(),
            |v| tr.number(v, if v.fract() == 0.0 { 0 } else { 2 }),
        ),
        Some(Value::Bool(b)) => tr.t(if *b { "audit-yes" } else { "audit-no" }),
        Some(other) => other.to_string(),
    }
}

/// The fields an entry changed, each with its value before and after: every field of either
/// state whose value differs (a record made has only its after), its id and provenance aside.
fn changes(engine: &Engine, tr: Tr<'_>, entry: &AuditEntry) -> Vec<(String, String, String)> {
    let fields = |v: &Option<serde_json::Value>| match v {
        Some(serde_json::Value::Object(m)) => m.clone(),
        _ => serde_json::Map::new(),
    };
    let (before, after) = (fields(&entry.before), fields(&entry.after));
    let mut keys: Vec<&String> = after.keys().chain(before.keys()).collect();
    keys.dedup();
    let mut seen = std::collections::HashSet::new();
    keys.into_iter()
        .filter(|k| seen.insert(k.as_str()))
        .filter(|k| !HIDDEN_FIELDS.contains(&k.as_str()))
        .filter(|k| before.get(*k) != after.get(*k))
        .map(|k| {
            let id = format!("change-field-{k}");
            let label = if tr.i18n.has(tr.lang, &id) {
                tr.t(&id)
            } else {
                k.clone()
            };
            (
                label,
                field_words(engine, tr, k, before.get(k)),
                field_words(engine, tr, k, after.get(k)),
            )
        })
        .collect()
}

/// A day typed in the filter (as the reader writes dates), or the problem with it.
fn day(text: &str) -> Result<Option<time::Date>, giamsat_app::Problem> {
    match text.trim() {
        "" => Ok(None),
        t => giamsat_app::input::read_date(t).map(Some),
    }
}

/// The address of this trail at another page.
fn page_href(query: &AuditQuery, page: u32) -> String {
    let pairs = [
        ("unit", query.unit.clone().unwrap_or_default()),
        ("who", query.who.clone()),
        ("action", query.action.clone()),
        ("object", query.object.clone()),
        ("from", query.from.clone()),
        ("to", query.to.clone()),
        ("page", page.to_string()),
    ];
    let encoded = serde_urlencoded::to_string(pairs).unwrap_or_default();
    format!("/audit?{encoded}")
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
    let (from, to, date_error) = match (day(&query.from), day(&query.to)) {
        (Ok(from), Ok(to)) => (from, to, String::new()),
        (Err(p), _) | (_, Err(p)) => (None, None, tr.conflict(&p)),
    };
    let present = |t: &str| Some(t.trim().to_owned()).filter(|t| !t.is_empty());
    let filter = giamsat_app::AuditFilter {
        units: None,
        actor: present(&query.who),
        action: present(&query.action),
        object: present(&query.object),
        from,
        to,
        offset: query.page.saturating_mul(PAGE_SIZE),
        // One more than shown tells whether there is a next page.
        limit: PAGE_SIZE + 1,
    };
    let unit = match trail {
        Trail::Unit(u) => Some(u),
        Trail::Whole => None,
    };
    let mut found = state
        .app
        .audit_search(&who.0.actor, unit, filter)
        .await
        .map_err(|e| PageError::or_forbidden(e, "forbidden-audit"))?;
    let more = found.len() > PAGE_SIZE as usize;
    found.truncate(PAGE_SIZE as usize);
    let engine = state.app.engine();
    let (unit_label, unit_code) = match trail {
        // The unit is chosen by its label, which also finds it again in the CSV's link.
        Trail::Unit(id) => engine.unit(id).map_or_else(Default::default, |u| {
            (
                u.name.get(tr.lang).to_owned(),
                giamsat_app::names::unit_label(&engine, u),
            )
        }),
        Trail::Whole => (tr.t("scope-whole-tree"), String::new()),
    };
    // The units the reader may choose, by name: those within the grants that open a trail.
    let readable: Vec<giamsat_core::access::Grant> = who
        .0
        .actor
        .grants
        .iter()
        .flatten()
        .filter(|g| matches!(g.role, Role::Admin | Role::Office))
        .copied()
        .collect();
    let everything = who.0.actor.grants.is_none();
    let choices = super::forms::unit_choices(&engine, tr)
        .into_iter()
        .filter_map(|c| {
            (everything || readable.iter().any(|g| g.covers(&engine, c.unit))).then_some(
                UnitChoice {
                    label: c.shown().to_owned(),
                    code: c.code,
                },
            )
        })
        .collect();
    let rows: Vec<EntryRow> = found
        .iter()
        .map(|e| {
            let local = super::in_vietnam(e.at);
            let (object, href) = object_words(&engine, tr, &e.object);
            EntryRow {
                at: format!(
                    "{} {:02}:{:02}:{:02}",
                    tr.date(local.date()),
                    local.hour(),
                    local.minute(),
                    local.second()
                ),
                actor: e.actor.clone(),
                action: action_words(tr, &e.action),
                object,
                href,
                changes: changes(&engine, tr, e),
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
        actions: ACTIONS.iter().map(|(a, id)| (*a, tr.t(id))).collect(),
        objects: OBJECTS.iter().map(|(o, t)| (*o, tr.thing(*t))).collect(),
        previous: if query.page > 0 {
            page_href(&query, query.page - 1)
        } else {
            String::new()
        },
        next: if more {
            page_href(&query, query.page + 1)
        } else {
            String::new()
        },
        date_error,
        whole: who
            .0
            .actor
            .grants
            .as_deref()
            .is_none_or(giamsat_core::access::may_read_all_audit),
        query,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_and_object_of_the_filter_has_its_words() {
        let i18n = crate::i18n::I18n::new().expect("locales");
        for language in giamsat_core::Language::ALL {
            for (_, id) in ACTIONS {
                assert!(i18n.has(language, id), "{language}: {id}");
            }
            let tr = Tr {
                i18n: &i18n,
                lang: language,
            };
            // Actions with words of their own, and one of a family only.
            for action in ["task.revision", "account.grant", "import.observations"] {
                let words = action_words(tr, action);
                assert!(
                    !words.contains('.') && !words.is_empty(),
                    "{language}: {words}"
                );
            }
        }
        let tr = Tr {
            i18n: &i18n,
            lang: giamsat_core::Language::Vi,
        };
        assert_eq!(action_words(tr, "task.revision"), "Sửa nhiệm vụ, gia hạn");
        assert_eq!(action_words(tr, "import.targets"), "Nhập tệp dữ liệu");
        let entry = AuditEntry {
            at: time::OffsetDateTime::UNIX_EPOCH,
            actor: "lan".into(),
            action: "task.revision".into(),
            object: "task:1".into(),
            before: Some(serde_json::json!({"due": "2026-12-31", "title": "A"})),
            after: Some(serde_json::json!({"due": "2027-03-31", "title": "A", "reason": "QĐ 88"})),
            unit: None,
        };
        assert_eq!(
            changes(&giamsat_core::Engine::default(), tr, &entry),
            vec![
                (
                    "Hạn hoàn thành".to_owned(),
                    "31/12/2026".to_owned(),
                    "31/03/2027".to_owned()
                ),
                ("Lý do".to_owned(), "(trống)".to_owned(), "QĐ 88".to_owned()),
            ]
        );
        // A report's step: its step and state in words, the figure it published through left
        // out (an internal number the object's page already accounts for).
        let step = AuditEntry {
            action: "report.approve".into(),
            object: "report:QN-SO-THANG/22-SXD/2026-11".into(),
            before: Some(serde_json::json!({"state": "submitted"})),
            after: Some(serde_json::json!({"action": "approve", "through": 110})),
            ..entry
        };
        assert_eq!(action_words(tr, &step.action), "Duyệt báo cáo");
        assert_eq!(
            changes(&giamsat_core::Engine::default(), tr, &step),
            vec![
                ("Bước".to_owned(), "(trống)".to_owned(), "duyệt".to_owned()),
                (
                    "Trạng thái".to_owned(),
                    "Đã gửi, chờ duyệt".to_owned(),
                    "(trống)".to_owned()
                ),
            ]
        );
    }
}
