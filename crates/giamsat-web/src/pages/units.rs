//! The organisation tree (*cơ cấu tổ chức*): every unit, and one unit with its place in the
//! tree, its targets, its scorecards and its latest figures.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::Store;
use giamsat_core::org::UnitCode;
use giamsat_core::{Engine, Unit, UnitId};
use serde::Deserialize;

use super::exports::{Buttons, List};
use super::overview::{ReportRow, latest_reports};
use super::paging::Pager;
use super::reporting::{AWAITING_ROWS, AwaitingTable};
use super::{Layout, Reader, StatusCount, TargetTable, Tr, paged_group, respond};
use crate::error::PageError;
use crate::i18n::{Arg, I18n};
use crate::state::AppState;

pub struct UnitLink {
    code: String,
    name: String,
    kind: String,
}

fn link(tr: Tr<'_>, unit: &Unit) -> UnitLink {
    UnitLink {
        code: unit.code.to_string(),
        name: unit.name.get(tr.lang).to_owned(),
        kind: tr.t(&format!("unit-kind-{}", unit.kind.as_str())),
    }
}

pub struct Branch {
    unit: UnitLink,
    children: Vec<UnitLink>,
}

#[derive(Template)]
#[template(path = "units.html")]
pub struct UnitsPage<'a> {
    page: Layout<'a>,
    branches: Vec<Branch>,
    query: String,
    searched: bool,
    found: Vec<Found>,
    as_of: String,
    as_of_label: String,
}

pub struct Found {
    unit: UnitLink,
    valid: String,
    became: Vec<UnitLink>,
}

pub fn units_page(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    query: &str,
    as_of: time::Date,
) -> askama::Result<String> {
    let page = Layout::new(i18n, reader, "/units", i18n.t(reader.lang, "units-title"));
    let tr = page.tr;
    // The roots and the units directly under them that exist on the date; a province's
    // communes are listed on its own page, not here (there are 3,321 of them).
    let mut roots: Vec<&Unit> = engine
        .units()
        .filter(|u| u.parent.is_none() && u.exists_on(as_of))
        .collect();
    roots.sort_by_key(|u| u.id);
    let mut branches = Vec::new();
    let mut stack: Vec<(&Unit, usize)> = roots.into_iter().rev().map(|u| (u, 0)).collect();
    while let Some((unit, depth)) = stack.pop() {
        let children: Vec<&Unit> = engine
            .children(unit.id)
            .into_iter()
            .filter(|c| c.exists_on(as_of))
            .collect();
        if children.is_empty() || (depth > 0 && unit.kind == giamsat_core::UnitKind::Locality) {
            continue;
        }
        if depth == 0 {
            for child in children.iter().rev() {
                stack.push((child, 1));
            }
        }
        branches.push(Branch {
            unit: link(tr, unit),
            children: children.iter().map(|c| link(tr, c)).collect(),
        });
    }
    let found = if query.trim().is_empty() {
        Vec::new()
    } else {
        engine
            .find_units(query)
            .into_iter()
            .take(50)
            .map(|u| Found {
                unit: link(tr, u),
                valid: validity(tr, u),
                became: engine
                    .successors(u.id)
                    .filter_map(|s| engine.unit(s.successor))
                    .map(|s| link(tr, s))
                    .collect(),
            })
            .collect()
    };
    UnitsPage {
        branches,
        query: query.to_owned(),
        searched: !query.trim().is_empty(),
        found,
        as_of: as_of.to_string(),
        as_of_label: tr.date(as_of),
        page,
    }
    .render()
}

fn validity(tr: Tr<'_>, unit: &Unit) -> String {
    let date = |d: time::Date| Arg::Text(tr.date(d));
    match (unit.valid_from, unit.valid_to) {
        (None, None) => String::new(),
        (Some(from), None) => tr.t_args("unit-valid-since", &[("from", date(from))]),
        (None, Some(to)) => tr.t_args("unit-valid-until", &[("to", date(to))]),
        (Some(from), Some(to)) => {
            tr.t_args("unit-valid", &[("from", date(from)), ("to", date(to))])
        }
    }
}

#[derive(Deserialize)]
pub struct UnitsQuery {
    q: Option<String>,
    as_of: Option<String>,
}

pub async fn units<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<UnitsQuery>,
    reader: Reader,
) -> Response {
    let as_of = query
        .as_of
        .as_deref()
        .and_then(|d| giamsat_app::input::parse_date(d).ok())
        .unwrap_or_else(super::today);
    let q = query.q.unwrap_or_default();
    let rendered = units_page(&state.app.engine(), &state.i18n, &reader, &q, as_of);
    respond(&reader, StatusCode::OK, rendered)
}

pub struct ScorecardLine {
    period: String,
    score: String,
}

#[derive(Template)]
#[template(path = "unit.html")]
pub struct UnitPage<'a> {
    page: Layout<'a>,
    unit: UnitLink,
    /// The unit's name in each language it has one: the label, the language's code, the name.
    names: Vec<(String, &'static str, String)>,
    parent: Option<UnitLink>,
    children: Vec<UnitLink>,
    /// The links to the other pages of a long list of units below.
    children_pager: String,
    valid: String,
    history: Vec<(String, String)>,
    saved: Option<String>,
    counts: Vec<StatusCount>,
    table: String,
    has_targets: bool,
    scorecards: Vec<ScorecardLine>,
    reports: Vec<ReportRow>,
    targets_downloads: String,
    figures_downloads: String,
    /// Figures of this unit and those below it waiting for approval, for those who may see them.
    awaiting: String,
    /// Whether the reader may add a body under the unit.
    may_add_body: bool,
    /// Whether the reader enters figures for this unit (a role that does, over it).
    may_enter: bool,
}

#[derive(Deserialize)]
pub struct UnitQuery {
    /// How many figures the data-entry form just saved, to confirm it.
    saved: Option<usize>,
}

/// Units below a unit listed a page at a time: a province's hundred-odd communes fit one or
/// two pages of about 10 KB.
const CHILDREN_ROWS: usize = 100;

pub fn unit_page(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    unit: &Unit,
    saved: Option<usize>,
) -> askama::Result<String> {
    let page = Layout::new(
        i18n,
        reader,
        "/units",
        unit.name.get(reader.lang).to_owned(),
    );
    let tr = page.tr;
    // A province has targets for each indicator and year, and a hundred communes or more:
    // both lists are shown a page at a time.
    let (counts, rows, pager) = paged_group(
        engine,
        tr,
        reader,
        giamsat_core::TargetGroup::OfUnit(unit.id),
    );
    let has_targets = !rows.is_empty();
    let table = TargetTable::new(&page, tr.t("unit-targets-caption"), rows, false, true)
        .paged(&pager)?
        .render()?;
    let children = engine.children(unit.id);
    let children_pager = Pager::new(tr, reader, "children", children.len(), CHILDREN_ROWS);
    let children_links = children[children_pager.rows.clone()]
        .iter()
        .map(|c| link(tr, c))
        .collect();
    let children_pager = children_pager.render()?;
    let mut scorecards: Vec<_> = engine
        .reported_scorecards()
        .filter(|c| c.unit == unit.id)
        .map(|c| (c.period, format!("{}/{}", c.met, c.set)))
        .collect();
    scorecards.sort_by_key(|(p, _)| std::cmp::Reverse(p.end()));
    let valid = validity(tr, unit);
    let succession = |other: UnitId, share: f64, from: time::Date, id: &str| {
        let other = engine.unit(other)?;
        let mut text = tr.t_args(
            id,
            &[
                ("unit", Arg::Text(other.name.get(tr.lang).to_owned())),
                ("date", Arg::Text(tr.date(from))),
            ],
        );
        if share < 1.0 {
            text.push_str(&format!(" ({})", tr.percent(share * 100.0)));
        }
        Some((other.code.to_string(), text))
    };
    let mut history: Vec<(String, String)> = engine
        .predecessors(unit.id)
        .filter_map(|s| succession(s.predecessor, s.share, s.from, "unit-formed-from"))
        .collect();
    history.extend(
        engine
            .successors(unit.id)
            .filter_map(|s| succession(s.successor, s.share, s.from, "unit-became")),
    );
    let code = unit.code.to_string();
    let targets_downloads = Buttons::render(tr, List::Targets, &[("unit", code.clone())])?;
    let figures_downloads = Buttons::render(tr, List::Figures, &[("unit", code)])?;
    let awaiting = AwaitingTable::render_for(
        engine,
        &page,
        reader,
        |f| engine.is_within(f.unit, unit.id),
        AWAITING_ROWS,
    )?;
    UnitPage {
        awaiting,
        may_add_body: super::registry::may_add_body(reader, engine, unit.id),
        may_enter: reader.enters_figures_for(engine, unit.id),
        targets_downloads,
        figures_downloads,
        unit: link(tr, unit),
        names: giamsat_core::Language::ALL
            .iter()
            .filter_map(|l| {
                unit.name.exact(*l).map(|n| {
                    (
                        tr.t(&format!("name-in-{}", l.code())),
                        l.code(),
                        n.to_owned(),
                    )
                })
            })
            .collect(),
        parent: unit
            .parent
            .and_then(|p| engine.unit(p))
            .map(|p| link(tr, p)),
        children: children_links,
        children_pager,
        valid,
        history,
        saved: saved.map(|n| tr.count("entry-saved", n)),
        counts,
        has_targets,
        table,
        scorecards: scorecards
            .into_iter()
            .map(|(p, score)| ScorecardLine {
                period: tr.period(p),
                score,
            })
            .collect(),
        reports: latest_reports(engine, tr, Some(unit.id), 20),
        page,
    }
    .render()
}

pub async fn unit<S: Store>(
    State(state): State<AppState<S>>,
    Path(code): Path<String>,
    Query(query): Query<UnitQuery>,
    reader: Reader,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let found = UnitCode::parse(&code)
        .ok()
        .and_then(|c| engine.unit_by_code(&c));
    let Some(unit) = found else {
        return Err(PageError::not_found("not-found-unit", code));
    };
    let rendered = unit_page(&engine, &state.i18n, &reader, unit, query.saved);
    Ok(respond(&reader, StatusCode::OK, rendered))
}
