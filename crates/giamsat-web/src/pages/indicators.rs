//! One indicator (*chỉ tiêu*) at one unit: a chart of the actual figures against the plan,
//! the scenario and the same period last year, with its values as a table, and every target
//! set on the indicator.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::Store;
use giamsat_core::indicator::IndicatorCode;
use giamsat_core::org::UnitCode;
use giamsat_core::target::expected_by;
use giamsat_core::{Engine, Indicator, Period, Target, Unit, UnitId};
use serde::Deserialize;

use super::charts::{LineChart, Series};
use super::reporting::{AWAITING_ROWS, AwaitingTable};
use super::{Layout, Reader, TargetTable, respond};
use crate::error::PageError;
use crate::i18n::{Arg, I18n};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct IndicatorQuery {
    unit: Option<String>,
}

pub struct UnitChoice {
    code: String,
    name: String,
    selected: bool,
}

/// A published figure of the chosen unit, with where it was published.
pub struct FigureRow {
    period: String,
    value: String,
    kind: String,
    note: String,
    source: String,
    /// Whether the source is a web address, shown as a link.
    link: bool,
    /// Under a cell's oldest figure shown: how many older ones are not.
    earlier: String,
}

/// How many of the unit's latest periods list their figures and sources.
const FIGURE_PERIODS: usize = 12;

/// How many of a cell's latest figures are listed: a cell corrected many times would
/// otherwise make the page as long as its history.
const FIGURE_VERSIONS: u32 = 3;

/// A cell's latest figures, newest first, and how many it has in all.
pub struct CellFigures {
    pub latest: Vec<giamsat_core::Observation>,
    pub all: u64,
}

pub struct ValueRow {
    month: String,
    cells: Vec<String>,
}

#[derive(Template)]
#[template(path = "indicator.html")]
pub struct IndicatorPage<'a> {
    page: Layout<'a>,
    code: String,
    measure: String,
    facts: Vec<(String, String)>,
    units: Vec<UnitChoice>,
    chart: Option<String>,
    chart_title: String,
    /// Why a unit formed from others has no figures: they cannot be combined.
    unmerged: String,
    legend: Vec<(&'static str, String)>,
    columns: Vec<String>,
    values: Vec<ValueRow>,
    figures: Vec<FigureRow>,
    table: String,
    has_targets: bool,
    /// Figures of this indicator waiting for approval, for those who may see them.
    awaiting: String,
    /// Whether the reader may correct the indicator, or define new ones.
    may_edit: bool,
    may_define: bool,
    /// Its corrections, newest first.
    versions: Vec<super::history::VersionRow>,
}

/// Units offered in the choice of an indicator's page beyond those with a target on it: a
/// country's thousands of reporting communes are reached from their province instead.
const REPORTING_CHOICES: usize = 100;

/// The units worth choosing for an indicator: those with a target on it, and those with a
/// figure of it when they are few.
fn units_with_data(engine: &Engine, indicator: &Indicator) -> Vec<UnitId> {
    let mut units: Vec<UnitId> = engine.targets_on(indicator.id).map(|t| t.unit).collect();
    let reporting = engine.units_reporting(indicator.id);
    if reporting.len() <= REPORTING_CHOICES {
        units.extend(reporting);
    }
    // The units formed from them can show the same figures, carried.
    let formed: Vec<UnitId> = units
        .iter()
        .flat_map(|u| engine.successors(*u).map(|s| s.successor))
        .collect();
    units.extend(formed);
    units.sort();
    units.dedup();
    units
}

/// The months a chart covers: the target's period, else the year of the latest figure.
fn chart_period(
    engine: &Engine,
    indicator: &Indicator,
    unit: UnitId,
    target: Option<&Target>,
) -> Option<Period> {
    if let Some(t) = target {
        return Some(t.period);
    }
    // A unit formed from others shows their latest figures, carried onto it.
    let mut sources: Vec<UnitId> = engine.predecessors(unit).map(|s| s.predecessor).collect();
    sources.push(unit);
    let latest = engine.latest_reported_period(indicator.id, &sources)?.end();
    Period::year(latest.year()).ok()
}

pub fn indicator_page(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    indicator: &Indicator,
    unit: Option<&Unit>,
) -> askama::Result<String> {
    indicator_page_with(engine, i18n, reader, indicator, unit, &[])
}

/// The unit a page shows when the reader chose none: the first with a target or a figure.
fn chosen_unit<'e>(
    engine: &'e Engine,
    indicator: &Indicator,
    unit: Option<&'e Unit>,
) -> Option<&'e Unit> {
    unit.or_else(|| {
        units_with_data(engine, indicator)
            .first()
            .and_then(|u| engine.unit(*u))
    })
}

/// The unit's latest periods with a figure on the indicator, newest first.
fn figure_periods(engine: &Engine, indicator: &Indicator, unit: UnitId) -> Vec<Period> {
    let mut periods: Vec<Period> = engine
        .cells_reported(unit, Some(indicator.id))
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    periods.sort_by_key(|p| std::cmp::Reverse((p.end(), p.start())));
    periods.truncate(FIGURE_PERIODS);
    periods
}

fn figure_rows(tr: super::Tr<'_>, indicator: &Indicator, cells: &[CellFigures]) -> Vec<FigureRow> {
    let mut rows = Vec::new();
    for cell in cells {
        for (n, o) in cell.latest.iter().enumerate() {
            let not_shown = cell.all.saturating_sub(cell.latest.len() as u64);
            rows.push(FigureRow {
                period: tr.period(o.period),
                value: tr.number(o.value, indicator.decimals),
                kind: tr.t(&format!("kind-{}", o.kind.as_str())),
                note: o.note.clone().unwrap_or_default(),
                link: o.provenance.source.starts_with("https://")
                    && !o.provenance.source.contains(char::is_whitespace),
                source: tr.source(&o.provenance.source),
                earlier: if n + 1 == cell.latest.len() && not_shown > 0 {
                    tr.count("realplan-earlier-figures", not_shown as usize)
                } else {
                    String::new()
                },
            });
        }
    }
    rows
}

/// The page, with the chosen unit's published figures and their sources.
pub fn indicator_page_with(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    indicator: &Indicator,
    unit: Option<&Unit>,
    figures: &[CellFigures],
) -> askama::Result<String> {
    let page = Layout::new(i18n, reader, "", indicator.name.get(reader.lang).to_owned());
    let tr = page.tr;
    let number = |v: f64| tr.number(v, indicator.decimals);
    let mut candidates = units_with_data(engine, indicator);
    let unit = unit.or_else(|| candidates.first().and_then(|u| engine.unit(*u)));
    if let Some(u) = unit.filter(|u| !candidates.contains(&u.id)) {
        candidates.push(u.id);
    }
    // The target the chart follows: the unit's latest on this indicator.
    let target = unit.and_then(|u| {
        engine
            .targets_of(u.id)
            .filter(|t| t.indicator == indicator.id)
            .max_by_key(|t| (t.period.end(), t.id))
    });
    let mut chart = None;
    let mut legend = Vec::new();
    let mut columns = Vec::new();
    let mut values = Vec::new();
    let mut chart_title = String::new();
    let mut unmerged = String::new();
    if let Some((u, period)) =
        unit.and_then(|u| Some((u, chart_period(engine, indicator, u.id, target)?)))
    {
        let months: Vec<_> = period.months().collect();
        let labels: Vec<String> = months
            .iter()
            .map(|m| {
                let short = tr.t(&format!("month-short-{}", m.month_of_year()));
                if period.month_count() > 12 {
                    format!("{short} {}", m.year() % 100)
                } else {
                    short
                }
            })
            .collect();
        let span = |m: giamsat_core::Month| Period::from_range(period.start(), m).ok();
        let mut series = vec![Series {
            name: tr.t("series-actual"),
            class: "s-actual",
            dotted: true,
            values: months
                .iter()
                .map(|m| {
                    span(*m)
                        .and_then(|s| engine.value(indicator.id, u.id, s))
                        .map(|r| r.value)
                })
                .collect(),
        }];
        if let Some(t) = target {
            series.push(Series {
                name: tr.t("series-plan"),
                class: "s-plan",
                dotted: false,
                values: months
                    .iter()
                    .map(|m| expected_by(t, indicator.over_time, None, *m))
                    .collect(),
            });
            if let Some(scenario) = engine.scenario(t.id) {
                series.push(Series {
                    name: tr.t("series-scenario"),
                    class: "s-scenario",
                    dotted: false,
                    values: months
                        .iter()
                        .map(|m| expected_by(t, indicator.over_time, Some(scenario), *m))
                        .collect(),
                });
            }
        }
        series.push(Series {
            name: tr.t("series-last-year"),
            class: "s-last",
            dotted: true,
            values: months
                .iter()
                .map(|m| {
                    let last = span(*m)?.same_period_last_year()?;
                    engine.value(indicator.id, u.id, last).map(|r| r.value)
                })
                .collect(),
        });
        chart_title = tr.t_args(
            "indicator-chart-title",
            &[
                (
                    "indicator",
                    Arg::Text(indicator.name.get(tr.lang).to_owned()),
                ),
                ("unit", Arg::Text(u.name.get(tr.lang).to_owned())),
                ("period", Arg::Text(tr.period(period))),
            ],
        );
        legend = series.iter().map(|s| (s.class, s.name.clone())).collect();
        columns = series.iter().map(|s| s.name.clone()).collect();
        values = months
            .iter()
            .enumerate()
            .filter(|(i, _)| series.iter().any(|s| s.values[*i].is_some()))
            .map(|(i, m)| ValueRow {
                month: span(*m).map_or_else(String::new, |s| tr.period(s)),
                cells: series
                    .iter()
                    .map(|s| s.values[i].map_or_else(|| "—".into(), number))
                    .collect(),
            })
            .collect();
        let description = tr.t("indicator-chart-description");
        let known = series.iter().any(|s| s.values.iter().any(Option::is_some));
        let formers: Vec<String> = engine
            .predecessors(u.id)
            .filter_map(|p| engine.unit(p.predecessor))
            .map(|p| p.name.get(tr.lang).to_owned())
            .collect();
        if !known && !formers.is_empty() {
            // Formed from several units, on an indicator that cannot be added across them.
            unmerged = tr.t_args(
                "indicator-unmerged",
                &[
                    ("unit", Arg::Text(u.name.get(tr.lang).to_owned())),
                    ("formers", Arg::Text(formers.join(", "))),
                ],
            );
        }
        chart = known
            .then(|| {
                LineChart::new(
                    "trend",
                    chart_title.clone(),
                    description,
                    &labels,
                    series,
                    number,
                )
                .render()
            })
            .transpose()?;
    }
    let (_, rows, pager) = super::paged_group(
        engine,
        tr,
        reader,
        giamsat_core::TargetGroup::OnIndicator(indicator.id),
    );
    let has_targets = !rows.is_empty();
    let table = TargetTable::new(&page, tr.t("indicator-targets-caption"), rows, true, true)
        .paged(&pager)?
        .render()?;
    let facts = vec![
        (
            tr.t("col-measure"),
            indicator.measure.get(tr.lang).to_owned(),
        ),
        (
            tr.t("indicator-direction"),
            tr.t(&format!("direction-{}", direction_id(indicator.direction))),
        ),
        (
            tr.t("indicator-over-time"),
            tr.t(&format!("over-time-{}", over_time_id(indicator.over_time))),
        ),
    ];
    let awaiting = AwaitingTable::render_for(
        engine,
        &page,
        reader,
        |f| f.indicator == indicator.id,
        AWAITING_ROWS,
    )?;
    let of = giamsat_core::amendment::Amended::Indicator(indicator.id);
    IndicatorPage {
        awaiting,
        may_edit: super::registry::may_edit(reader, engine, of),
        may_define: super::registry::may_define(reader, engine),
        versions: super::registry::versions(engine, tr, &engine.amendments_of(of)),
        code: indicator.code.to_string(),
        measure: indicator.measure.get(tr.lang).to_owned(),
        facts,
        units: candidates
            .iter()
            .filter_map(|id| engine.unit(*id))
            .map(|c| UnitChoice {
                code: c.code.to_string(),
                name: c.name.get(tr.lang).to_owned(),
                selected: unit.is_some_and(|u| u.id == c.id),
            })
            .collect(),
        chart,
        chart_title,
        unmerged,
        legend,
        columns,
        values,
        figures: figure_rows(tr, indicator, figures),
        has_targets,
        table,
        page,
    }
    .render()
}

pub(super) fn direction_id(direction: giamsat_core::Direction) -> &'static str {
    match direction {
        giamsat_core::Direction::HigherIsBetter => "higher",
        giamsat_core::Direction::LowerIsBetter => "lower",
    }
}

pub(super) fn over_time_id(over_time: giamsat_core::OverTime) -> &'static str {
    match over_time {
        giamsat_core::OverTime::Flow => "flow",
        giamsat_core::OverTime::Stock => "stock",
        giamsat_core::OverTime::Rate => "rate",
    }
}

pub async fn indicator<S: Store>(
    State(state): State<AppState<S>>,
    Path(code): Path<String>,
    Query(query): Query<IndicatorQuery>,
    reader: Reader,
) -> Result<Response, PageError> {
    // The engine is not held across the reads of the figures' histories.
    let (indicator_id, unit_id, cells) = {
        let engine = state.app.engine();
        let found = IndicatorCode::parse(&code)
            .ok()
            .and_then(|c| engine.indicator_by_code(&c));
        let Some(indicator) = found else {
            return Err(PageError::not_found("not-found-indicator", code));
        };
        let unit = match query.unit.as_deref().filter(|u| !u.is_empty()) {
            None => None,
            Some(text) => match UnitCode::parse(text)
                .ok()
                .and_then(|c| engine.unit_by_code(&c))
            {
                Some(unit) => Some(unit),
                None => return Err(PageError::not_found("not-found-unit", text)),
            },
        };
        let cells: Vec<(UnitId, Period)> = match chosen_unit(&engine, indicator, unit) {
            Some(u) => figure_periods(&engine, indicator, u.id)
                .into_iter()
                .map(|p| (u.id, p))
                .collect(),
            None => Vec::new(),
        };
        (indicator.id, unit.map(|u| u.id), cells)
    };
    let mut figures = Vec::new();
    for (u, p) in cells {
        let (latest, all) = state
            .app
            .latest_figures(indicator_id, u, p, FIGURE_VERSIONS)
            .await?;
        figures.push(CellFigures { latest, all });
    }
    let engine = state.app.engine();
    let Some(indicator) = engine.indicator(indicator_id) else {
        return Err(PageError::not_found("not-found-indicator", code));
    };
    let unit = unit_id.and_then(|u| engine.unit(u));
    let rendered = indicator_page_with(&engine, &state.i18n, &reader, indicator, unit, &figures);
    Ok(respond(&reader, StatusCode::OK, rendered))
}
