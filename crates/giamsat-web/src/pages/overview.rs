//! The overview (*tổng quan*): targets by status, those needing attention first, and the
//! latest figures reported.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::Store;
use giamsat_core::evaluation;
use giamsat_core::{Engine, Period, TargetGroup};

use super::exports::{Buttons, List};
use super::reporting::{AWAITING_ROWS, AwaitingTable};
use super::tile_map::{Scale, TileMapChart};
use super::{Layout, Reader, StatusCount, TargetTable, Tr, respond};
use crate::i18n::{Arg, I18n};
use crate::state::AppState;

/// A figure as the list of latest reports shows it.
pub struct ReportRow {
    pub(super) indicator: String,
    pub(super) indicator_code: String,
    pub(super) unit: String,
    pub(super) unit_code: String,
    pub(super) period: String,
    pub(super) value: String,
    pub(super) measure: String,
    pub(super) kind: String,
}

/// A province's row in the table beside the overview's map.
pub struct ProvinceRow {
    unit: String,
    unit_code: String,
    score: String,
    share: String,
}

/// The provinces' scorecards of the latest ranked period, as a tile map and a table.
pub struct ProvinceMap {
    title: String,
    chart: String,
    rows: Vec<ProvinceRow>,
    rankings: String,
}

#[derive(Template)]
#[template(path = "overview.html")]
pub struct OverviewPage<'a> {
    page: Layout<'a>,
    map: Option<ProvinceMap>,
    counts: Vec<StatusCount>,
    table: String,
    has_targets: bool,
    /// The periods with targets to choose from: code, label, whether shown.
    periods: Vec<(String, String, bool)>,
    reports: Vec<ReportRow>,
    targets_downloads: String,
    figures_downloads: String,
    /// Figures waiting for approval in the reader's scope, for offices and reporting units.
    awaiting: String,
}

/// How many of the latest figures the overview lists.
const LATEST: usize = 10;

pub fn latest_reports(
    engine: &Engine,
    tr: Tr<'_>,
    unit: Option<giamsat_core::UnitId>,
    count: usize,
) -> Vec<ReportRow> {
    let cells = engine.latest_cells(unit, count);
    cells
        .into_iter()
        .take(count)
        .filter_map(|(indicator, unit, period, _, kind, value)| {
            let indicator = engine.indicator(indicator)?;
            let unit = engine.unit(unit)?;
            Some(ReportRow {
                indicator: indicator.name.get(tr.lang).to_owned(),
                indicator_code: indicator.code.to_string(),
                unit: unit.name.get(tr.lang).to_owned(),
                unit_code: unit.code.to_string(),
                period: tr.period(period),
                value: tr.number(value, indicator.decimals),
                measure: indicator.measure.get(tr.lang).to_owned(),
                kind: tr.t(&format!("kind-{}", kind.as_str())),
            })
        })
        .collect()
}

/// The periods that have targets, latest first, and the one the overview shows: the one
/// asked for, else the one the map beside it shows (the ranking's), else the latest.
fn overview_period(engine: &Engine, asked: Option<Period>) -> (Vec<Period>, Option<Period>) {
    let mut periods: Vec<Period> = engine.target_periods().map(|(p, _)| p).collect();
    periods.sort_by_key(|p| std::cmp::Reverse((p.end(), p.start())));
    let chosen = asked
        .filter(|p| periods.contains(p))
        .or_else(|| evaluation::default_ranking_period(engine, &periods, super::today()))
        .or_else(|| periods.first().copied());
    (periods, chosen)
}

pub fn overview_page(engine: &Engine, i18n: &I18n, reader: &Reader) -> askama::Result<String> {
    let page = Layout::new(i18n, reader, "/", i18n.t(reader.lang, "overview-title"));
    let tr = page.tr;
    // A country's plans set tens of thousands of targets over the years: the overview shows
    // those of one period, a page of rows at a time.
    let asked = reader.query_value("period").and_then(|p| p.parse().ok());
    let (periods, period) = overview_period(engine, asked);
    let (counts, rows, pager) = match period {
        Some(p) => super::paged_group(engine, tr, reader, TargetGroup::InPeriod(p)),
        None => super::paged_targets(engine, tr, reader, std::iter::empty()),
    };
    let has_targets = !rows.is_empty();
    let caption = match period {
        Some(p) => tr.t_args(
            "overview-targets-of",
            &[("period", Arg::Text(tr.period(p)))],
        ),
        None => tr.t("targets-caption"),
    };
    let table = TargetTable::new(&page, caption, rows, true, true)
        .paged(&pager)?
        .render()?;
    let period_code = period.map(|p| p.code()).unwrap_or_default();
    let targets_downloads = Buttons::render(tr, List::Targets, &[])?;
    let figures_downloads = Buttons::render(tr, List::Figures, &[])?;
    let awaiting = AwaitingTable::render_for(engine, &page, reader, |_| true, AWAITING_ROWS)?;
    OverviewPage {
        awaiting,
        targets_downloads,
        figures_downloads,
        map: province_map(engine, tr)?,
        counts,
        has_targets,
        table,
        periods: periods
            .iter()
            .map(|p| (p.code(), tr.period(*p), p.code() == period_code))
            .collect(),
        reports: latest_reports(engine, tr, None, LATEST),
        page,
    }
    .render()
}

/// The share of targets each province met in the period the ranking shows by default, on the
/// provinces of that period's end.
fn province_map(engine: &Engine, tr: Tr<'_>) -> askama::Result<Option<ProvinceMap>> {
    let periods = super::rankings::ranked_periods(engine);
    let Some(period) = evaluation::default_ranking_period(engine, &periods, super::today()) else {
        return Ok(None);
    };
    let Some(date) = period.last_day() else {
        return Ok(None);
    };
    let provinces = engine.provinces_on(date);
    let mut rows = Vec::new();
    let mut tiles = Vec::new();
    for row in evaluation::scorecard_ranking_of(engine, period, provinces.iter().copied()) {
        let card = row.scorecard;
        let share = if card.set == 0 {
            0.0
        } else {
            100.0 * f64::from(card.met) / f64::from(card.set)
        };
        let score = format!("{}/{}", card.met, card.set);
        let Some(unit) = engine.unit(row.unit) else {
            continue;
        };
        tiles.extend(super::rankings::tile(
            engine,
            tr.lang,
            row.unit,
            &score,
            Scale::TargetsMet.class(share),
        ));
        rows.push(ProvinceRow {
            unit: unit.name.get(tr.lang).to_owned(),
            unit_code: unit.code.to_string(),
            score,
            share: tr.percent(share),
        });
    }
    if rows.is_empty() {
        return Ok(None);
    }
    let title = tr.t_args(
        "overview-map-title",
        &[("period", Arg::Text(tr.period(period)))],
    );
    let chart = TileMapChart::new(
        "overview-map",
        title.clone(),
        tr.t("scores-map-description"),
        giamsat_app::tile_map::on(date),
        tiles,
        super::rankings::legend(tr, &Scale::TargetsMet),
        &tr.t("map-no-data"),
    )
    .render()?;
    Ok(Some(ProvinceMap {
        title,
        chart,
        rows,
        rankings: format!("/rankings?period={}&view=map", period.code()),
    }))
}

pub async fn overview<S: Store>(State(state): State<AppState<S>>, reader: Reader) -> Response {
    let rendered = overview_page(&state.app.engine(), &state.i18n, &reader);
    respond(&reader, StatusCode::OK, rendered)
}
