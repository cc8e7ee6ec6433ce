//! The organisation tree (*cơ cấu tổ chức*): every unit, and one unit with its place in the
//! tree, its targets, its scorecards and its latest figures.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::Store;
use giamsat_core::org::UnitCode;
use giamsat_core::{Engine, Unit};
use serde::Deserialize;

use super::overview::{ReportRow, latest_reports};
use super::{
    Layout, Reader, StatusCount, TargetRow, TargetTable, Tr, evaluated, not_found, respond,
    status_counts, target_row,
};
use crate::api::AppState;
use crate::i18n::{Arg, I18n};

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
}

pub fn units_page(engine: &Engine, i18n: &I18n, reader: &Reader) -> askama::Result<String> {
    let page = Layout::new(i18n, reader, "/units", i18n.t(reader.lang, "units-title"));
    let tr = page.tr;
    // Each unit with its children, top-down; leaves appear under their parent only.
    let mut roots: Vec<&Unit> = engine.units().filter(|u| u.parent.is_none()).collect();
    roots.sort_by_key(|u| u.id);
    let mut branches = Vec::new();
    let mut stack: Vec<&Unit> = roots.into_iter().rev().collect();
    while let Some(unit) = stack.pop() {
        let children = engine.children(unit.id);
        if children.is_empty() && unit.parent.is_some() {
            continue;
        }
        for child in children.iter().rev() {
            stack.push(child);
        }
        branches.push(Branch {
            unit: link(tr, unit),
            children: children.iter().map(|c| link(tr, c)).collect(),
        });
    }
    UnitsPage { branches, page }.render()
}

pub async fn units<S: Store>(State(state): State<AppState<S>>, reader: Reader) -> Response {
    let rendered = units_page(&state.app.engine(), &state.i18n, &reader);
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
    names: Vec<(String, String)>,
    parent: Option<UnitLink>,
    children: Vec<UnitLink>,
    valid: String,
    saved: Option<String>,
    counts: Vec<StatusCount>,
    table: String,
    has_targets: bool,
    scorecards: Vec<ScorecardLine>,
    reports: Vec<ReportRow>,
}

#[derive(Deserialize)]
pub struct UnitQuery {
    /// How many figures the data-entry form just saved, to confirm it.
    saved: Option<usize>,
}

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
    let targets = evaluated(engine, engine.targets().filter(|t| t.unit == unit.id));
    let rows: Vec<TargetRow> = targets
        .iter()
        .map(|(t, e)| target_row(engine, tr, t, e))
        .collect();
    let table =
        TargetTable::new(&page, tr.t("unit-targets-caption"), rows, false, true).render()?;
    let mut scorecards: Vec<_> = engine
        .reported_scorecards()
        .filter(|c| c.unit == unit.id)
        .map(|c| (c.period, format!("{}/{}", c.met, c.set)))
        .collect();
    scorecards.sort_by_key(|(p, _)| std::cmp::Reverse(p.end()));
    let valid = match (unit.valid_from, unit.valid_to) {
        (None, None) => String::new(),
        (from, to) => tr.t_args(
            "unit-valid",
            &[
                (
                    "from",
                    Arg::Text(from.map_or_else(|| "…".into(), |d| tr.date(d))),
                ),
                (
                    "to",
                    Arg::Text(to.map_or_else(|| "…".into(), |d| tr.date(d))),
                ),
            ],
        ),
    };
    UnitPage {
        unit: link(tr, unit),
        names: giamsat_core::Language::ALL
            .iter()
            .filter_map(|l| {
                unit.name
                    .exact(*l)
                    .map(|n| (i18n.t(*l, "language-name"), n.to_owned()))
            })
            .collect(),
        parent: unit
            .parent
            .and_then(|p| engine.unit(p))
            .map(|p| link(tr, p)),
        children: engine
            .children(unit.id)
            .iter()
            .map(|c| link(tr, c))
            .collect(),
        valid,
        saved: saved.map(|n| tr.count("entry-saved", n)),
        counts: status_counts(tr, &targets),
        has_targets: !targets.is_empty(),
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
) -> Response {
    let engine = state.app.engine();
    let found = UnitCode::parse(&code)
        .ok()
        .and_then(|c| engine.unit_by_code(&c));
    let Some(unit) = found else {
        drop(engine);
        let message = state
            .i18n
            .t_args(reader.lang, "not-found-unit", &[("key", Arg::Text(code))]);
        return not_found(&state, &reader, message);
    };
    let rendered = unit_page(&engine, &state.i18n, &reader, unit, query.saved);
    respond(&reader, StatusCode::OK, rendered)
}
