//! Search (*tìm kiếm*): `/search?q=` finds units, documents, targets, tasks, working sessions
//! and people by part of a name, with or without diacritics, and documents by their number as
//! written; results are grouped by kind, each a link to its page. Tasks and sessions are
//! those of the reader's units. The box in every page's header sends here.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::search::{Group, Hit};
use giamsat_core::access::Grant;
use giamsat_core::{Engine, Language, UnitId};
use serde::Deserialize;

use super::{Layout, Reader, Tr, respond};
use crate::i18n::Arg;
use crate::state::AppState;

/// The most results of one kind a page shows.
const PER_KIND: usize = 20;

#[derive(Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
}

/// One thing found, as the page lists it.
pub struct Item {
    pub href: String,
    pub title: String,
    /// The title's language when it is free text in another language than the reader's.
    pub title_lang: &'static str,
    pub details: Vec<Part>,
}

/// A piece of what tells a found thing apart, with its language when it is free text in
/// another language than the reader's (a task or a place recorded from an English article).
pub struct Part {
    pub text: String,
    pub lang: &'static str,
}

/// The language to mark free text with: its own, when it is not the reader's.
fn language_mark(tr: Tr<'_>, text: &str) -> &'static str {
    Some(giamsat_intake::language_of(text))
        .filter(|l| *l != tr.lang)
        .map_or("", |l| l.code())
}

pub struct ItemGroup {
    kind: &'static str,
    heading: String,
    items: Vec<Item>,
    /// "20 of 145 shown" when some were left out.
    more: String,
}

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage<'a> {
    page: Layout<'a>,
    query: String,
    groups: Vec<ItemGroup>,
    /// What the page says when nothing is listed.
    empty: String,
}

/// The grants a reader searches with: `None` for the system (everything), none at all for
/// someone not signed in.
pub fn grants_of(who: Option<&giamsat_app::SignedIn>) -> Option<&[Grant]> {
    match who {
        Some(w) => w.actor.grants.as_deref(),
        None => Some(&[]),
    }
}

fn unit_name(engine: &Engine, lang: Language, unit: UnitId) -> String {
    engine
        .unit(unit)
        .map(|u| u.name.get(lang).to_owned())
        .unwrap_or_default()
}

/// A found thing's link, title and what tells it apart, in the reader's language; a person
/// links to their page (their positions and the sessions they took part in).
pub fn item(engine: &Engine, tr: Tr<'_>, hit: Hit) -> Option<Item> {
    let lang = tr.lang;
    let book = engine.follow_up();
    // Names and dates are the reader's; `free` text is as it was recorded.
    let ours = |text: String| Part { text, lang: "" };
    let free = |text: String| Part {
        lang: language_mark(tr, &text),
        text,
    };
    let join = |parts: Vec<Part>| -> Vec<Part> {
        parts.into_iter().filter(|p| !p.text.is_empty()).collect()
    };
    Some(match hit {
        Hit::Unit(id) => {
            let u = engine.unit(id)?;
            let former = u
                .valid_to
                .map(|d| tr.t_args("search-former", &[("date", Arg::Text(tr.date(d)))]))
                .unwrap_or_default();
            Item {
                href: format!("/units/{}", u.code),
                title: u.name.get(lang).to_owned(),
                title_lang: "",
                details: join(vec![
                    ours(
                        u.parent
                            .map(|p| unit_name(engine, lang, p))
                            .unwrap_or_default(),
                    ),
                    ours(former),
                ]),
            }
        }
        Hit::Document(id) => {
            let d = engine.document(id)?;
            Item {
                href: format!("/documents/{}", d.id.0),
                title: match &d.number {
                    Some(n) => format!("{n} — {}", d.title(lang)),
                    None => d.title(lang).to_owned(),
                },
                title_lang: "",
                details: join(vec![
                    ours(unit_name(engine, lang, d.issued_by)),
                    ours(d.issued_on.map(|day| tr.date(day)).unwrap_or_default()),
                ]),
            }
        }
        Hit::Target(id) => {
            let t = engine.target(id)?;
            let document = engine.document(t.document)?;
            Item {
                href: format!("/documents/{}#target-{}", document.id.0, t.id.0),
                title: engine.indicator(t.indicator)?.name.get(lang).to_owned(),
                title_lang: "",
                details: join(vec![
                    ours(unit_name(engine, lang, t.unit)),
                    ours(tr.period(t.period)),
                    ours(
                        document
                            .number
                            .clone()
                            .unwrap_or_else(|| document.title(lang).to_owned()),
                    ),
                ]),
            }
        }
        Hit::Task(id) => {
            let task = book.task(id)?;
            Item {
                href: format!("/tasks/{}", task.id.0),
                title: task.title.clone(),
                title_lang: language_mark(tr, &task.title),
                details: join(vec![
                    ours(unit_name(engine, lang, task.lead)),
                    ours(task.due.map(|d| tr.date(d)).unwrap_or_default()),
                ]),
            }
        }
        Hit::Session(id) => {
            let s = book.session(id)?;
            Item {
                href: format!("/supervision/sessions/{}", s.id.0),
                title: format!(
                    "{} — {}",
                    unit_name(engine, lang, s.body),
                    unit_name(engine, lang, s.unit)
                ),
                title_lang: "",
                details: join(vec![ours(tr.date(s.date)), free(s.place.clone())]),
            }
        }
        Hit::Person(id) => {
            let p = book.person(id)?;
            let positions: Vec<Part> = book
                .positions_of(p.id)
                .map(|x| free(x.title_in(lang).to_owned()))
                .collect();
            Item {
                href: format!("/people/{}", p.id),
                title: p.name.clone(),
                title_lang: "",
                details: join(positions),
            }
        }
    })
}

/// The search page for `query` (blank: the form alone).
pub fn search_page(
    engine: &Engine,
    i18n: &crate::i18n::I18n,
    reader: &Reader,
    query: &str,
    found: &[Group],
) -> askama::Result<String> {
    let page = Layout::new(i18n, reader, "/search", i18n.t(reader.lang, "search-title"));
    let tr = page.tr;
    let groups: Vec<ItemGroup> = found
        .iter()
        .map(|g| {
            let items: Vec<Item> = g.hits.iter().filter_map(|h| item(engine, tr, *h)).collect();
            let count = |n: usize| Arg::Number(i64::try_from(n).unwrap_or(i64::MAX));
            ItemGroup {
                kind: g.kind.as_str(),
                heading: tr.t_args(
                    &format!("search-kind-{}", g.kind.as_str()),
                    &[("count", count(g.total))],
                ),
                more: if g.total > items.len() {
                    tr.t_args(
                        "search-more",
                        &[("shown", count(items.len())), ("total", count(g.total))],
                    )
                } else {
                    String::new()
                },
                items,
            }
        })
        .collect();
    let empty = if query.trim().is_empty() {
        tr.t("search-empty-query")
    } else {
        tr.t_args("search-none", &[("query", Arg::Text(query.to_owned()))])
    };
    SearchPage {
        query: query.to_owned(),
        groups,
        empty,
        page,
    }
    .render()
}

pub async fn search<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<SearchQuery>,
    reader: Reader,
) -> Response {
    let text: String = query
        .q
        .unwrap_or_default()
        .chars()
        .take(giamsat_app::search::MAX_QUERY_CHARS)
        .collect();
    let grants = grants_of(reader.who.as_deref());
    let found = state.app.search(grants, &text, PER_KIND);
    let engine = state.app.engine();
    let rendered = search_page(&engine, &state.i18n, &reader, &text, &found);
    respond(&reader, StatusCode::OK, rendered)
}
