//! The ranking of localities (*xếp hạng địa phương*): targets met out of targets set, and
//! growth over the same period, each as a bar chart and a table. Localities that met every
//! target, and those whose growth is negative, stand out, as they do in the reviews.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::Store;
use giamsat_core::evaluation::{self, ScorecardSource};
use giamsat_core::indicator::IndicatorCode;
use giamsat_core::{Engine, Indicator, Period, SamePeriodBase};
use serde::Deserialize;

use super::charts::{Bar, BarChart};
use super::exports::{Buttons, List};
use super::tile_map::{LegendEntry, Scale, TileMapChart, TileValue};
use super::{Layout, Reader, respond};
use crate::i18n::{Arg, I18n};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct RankingQuery {
    period: Option<String>,
    indicator: Option<String>,
    /// Whose units: `period` (as they were when the period ended, the default) or a date.
    as_of: Option<String>,
    /// `map` for tile maps of the provinces instead of bar charts.
    view: Option<String>,
}

/// How a ranking draws its localities.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum View {
    Bars,
    /// A tile map of the provinces of the ranking's date.
    Map,
}

pub struct ScoreRow {
    /// Shared by equal results; blank for a partial scorecard, which is not ranked.
    rank: Option<usize>,
    unit: String,
    unit_code: String,
    score: String,
    share: String,
    all_met: bool,
    source: String,
}

pub struct UnmergedRow {
    unit: String,
    unit_code: String,
    former: String,
    former_code: String,
    change: String,
    negative: bool,
}

pub struct GrowthRow {
    rank: usize,
    unit: String,
    unit_code: String,
    change: String,
    negative: bool,
    kind: String,
}

pub struct Choice {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "rankings.html")]
pub struct RankingsPage<'a> {
    page: Layout<'a>,
    periods: Vec<Choice>,
    indicators: Vec<Choice>,
    scores: Vec<ScoreRow>,
    scores_chart: Option<String>,
    scores_title: String,
    /// What the ranking puts together and how it orders, said under its table.
    scores_notes: Vec<String>,
    all_met: Vec<String>,
    growth: Vec<GrowthRow>,
    growth_chart: Option<String>,
    growth_title: String,
    negative: Vec<String>,
    unmerged: Vec<UnmergedRow>,
    unmerged_note: String,
    as_of_choices: Vec<Choice>,
    as_of_note: String,
    /// The review of localities written from this ranking's period and indicator.
    review_href: String,
    scores_downloads: String,
    growth_downloads: String,
    view_choices: Vec<Choice>,
}

/// The periods that have scorecards: those of targets and of reported scorecards, latest first.
pub(super) fn ranked_periods(engine: &Engine) -> Vec<Period> {
    let mut periods: Vec<Period> = engine
        .target_periods()
        .map(|(p, _)| p)
        .chain(engine.reported_scorecards().map(|c| c.period))
        .collect();
    periods.sort_by_key(|p| std::cmp::Reverse((p.end(), p.start())));
    periods.dedup();
    periods
}

pub(super) fn growth_indicators(engine: &Engine) -> Vec<&Indicator> {
    engine
        .indicators()
        .filter(|i| i.same_period_base == Some(SamePeriodBase::GrowthPercent))
        .collect()
}

/// A unit's square on a tile map, when it is a province the map knows by its office code.
pub(super) fn tile(
    engine: &Engine,
    lang: giamsat_core::Language,
    unit: giamsat_core::UnitId,
    value_label: &str,
    class: &'static str,
) -> Option<TileValue> {
    let unit = engine.unit(unit)?;
    Some(TileValue {
        office_code: unit.office_code().to_owned(),
        unit_code: unit.code.to_string(),
        name: unit.name.get(lang).to_owned(),
        value_label: value_label.to_owned(),
        class,
    })
}

/// The legend of a scale in the reader's language.
pub(super) fn legend(tr: super::Tr<'_>, scale: &Scale) -> Vec<LegendEntry> {
    scale
        .legend()
        .iter()
        .map(|(class, id)| LegendEntry {
            class,
            label: tr.t(id),
        })
        .collect()
}

/// Which units a ranking compares: those of the period's end, or those of another day.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AsOf {
    PeriodEnd,
    Date(time::Date),
}

pub fn rankings_page(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    period: Option<Period>,
    indicator: Option<&Indicator>,
    (as_of, view): (AsOf, View),
    today: time::Date,
) -> askama::Result<String> {
    let page = Layout::new(
        i18n,
        reader,
        "/rankings",
        i18n.t(reader.lang, "rankings-title"),
    );
    let tr = page.tr;
    let periods = ranked_periods(engine);
    let defaulted = period.is_none();
    let period = period.or_else(|| evaluation::default_ranking_period(engine, &periods, today));
    let growth_choices = growth_indicators(engine);
    let indicator = indicator.or_else(|| growth_choices.first().copied());
    let period_label = period.map(|p| tr.period(p)).unwrap_or_default();
    let name = |unit| {
        engine
            .unit(unit)
            .map(|u| (u.name.get(tr.lang).to_owned(), u.code.to_string()))
            .unwrap_or_default()
    };

    let date = match (as_of, period) {
        (AsOf::Date(d), _) => Some(d),
        (AsOf::PeriodEnd, Some(p)) => p.last_day(),
        (AsOf::PeriodEnd, None) => None,
    };
    let units = date.map(|d| engine.provinces_on(d)).unwrap_or_default();
    let mut scores = Vec::new();
    let mut bars = Vec::new();
    let mut tiles = Vec::new();
    let mut scores_notes = Vec::new();
    if let Some(period) = period {
        let ranking = evaluation::scorecard_ranking_of(engine, period, units.iter().copied());
        let ranks = evaluation::scorecard_ranks(&ranking);
        scores_notes = scores_notes_of(engine, tr, &ranking, period);
        if defaulted && !ranking.is_empty() {
            scores_notes.push(tr.t_args(
                "rank-default-period",
                &[("period", Arg::Text(period_label.clone()))],
            ));
        }
        for (row, rank) in ranking.iter().zip(ranks) {
            let (unit, unit_code) = name(row.unit);
            let card = row.scorecard;
            let share = if card.set == 0 {
                0.0
            } else {
                100.0 * f64::from(card.met) / f64::from(card.set)
            };
            let score = format!("{}/{}", card.met, card.set);
            tiles.extend(tile(
                engine,
                tr.lang,
                row.unit,
                &score,
                Scale::TargetsMet.class(share),
            ));
            bars.push(Bar {
                label: unit.clone(),
                value: share,
                value_label: score.clone(),
                class: if row.all_met() { "all-met" } else { "" },
            });
            scores.push(ScoreRow {
                rank,
                unit,
                unit_code,
                score,
                share: tr.percent(share),
                all_met: row.all_met(),
                source: match row.source {
                    ScorecardSource::Computed => {
                        let mut text = tr.t("source-computed");
                        if let Some((met, set)) = evaluation::reported_beside(engine, row, period) {
                            text.push_str(&tr.t_args(
                                "rank-reported-beside",
                                &[("score", Arg::Text(format!("{met}/{set}")))],
                            ));
                        }
                        text
                    }
                    ScorecardSource::Reported => tr.t("source-reported"),
                    ScorecardSource::Carried => {
                        let parts: Vec<String> = row
                            .carried_from
                            .iter()
                            .filter_map(|p| {
                                let card = evaluation::unit_scorecard(engine, *p, period)?;
                                let mut part = format!(
                                    "{} {}/{}",
                                    name(*p).0,
                                    card.scorecard.met,
                                    card.scorecard.set
                                );
                                // Parts of different sources are added; each says its own.
                                if mixed_parts(engine, row, period) {
                                    part.push_str(&format!(" ({})", part_source(tr, card.source)));
                                }
                                Some(part)
                            })
                            .collect();
                        let mut text =
                            tr.t_args("source-carried", &[("parts", Arg::Text(parts.join(" + ")))]);
                        let total = row.predecessors.unwrap_or(0);
                        if row.carried_from.len() < total {
                            text.push(' ');
                            text.push_str(&tr.t_args(
                                "source-carried-partial",
                                &[
                                    ("count", Arg::Number(row.carried_from.len() as i64)),
                                    ("total", Arg::Number(total as i64)),
                                ],
                            ));
                        }
                        text
                    }
                },
            });
        }
    }
    let scores_title = tr.t_args(
        "scores-chart-title",
        &[("period", Arg::Text(period_label.clone()))],
    );
    let map = |id: &str, title: &str, description: &str, scale: Scale, tiles| {
        let map = giamsat_app::tile_map::on(date?);
        let legend = legend(tr, &scale);
        let chart = TileMapChart::new(
            id,
            title.to_owned(),
            tr.t(description),
            map,
            tiles,
            legend,
            &tr.t("map-no-data"),
        );
        Some(chart.render())
    };
    let scores_chart = if bars.is_empty() {
        None
    } else if view == View::Map {
        map(
            "scores-map",
            &scores_title,
            "scores-map-description",
            Scale::TargetsMet,
            tiles,
        )
        .transpose()?
    } else {
        Some(
            BarChart::new(
                "scores",
                scores_title.clone(),
                tr.t("scores-chart-description"),
                bars,
            )
            .render()?,
        )
    };

    let mut growth = Vec::new();
    let mut bars = Vec::new();
    let mut tiles = Vec::new();
    let mut growth_title = String::new();
    let mut unmerged = Vec::new();
    if let (Some(period), Some(indicator)) = (period, indicator) {
        let ranked =
            evaluation::change_ranking(engine, indicator.id, units.iter().copied(), period);
        for (unit, former) in evaluation::unmerged(engine, indicator.id, &units, &ranked, period) {
            let (unit_name, unit_code) = name(unit);
            for row in former {
                let (former_name, former_code) = name(row.unit);
                unmerged.push(UnmergedRow {
                    unit: unit_name.clone(),
                    unit_code: unit_code.clone(),
                    former: former_name,
                    former_code,
                    change: tr.change(row.change),
                    negative: row.change < 0.0,
                });
            }
        }
        let ranks = evaluation::shared_ranks(&ranked, |a, b| a.change == b.change);
        for (row, rank) in ranked.iter().zip(ranks) {
            let (unit, unit_code) = name(row.unit);
            let change = tr.change(row.change);
            tiles.extend(tile(
                engine,
                tr.lang,
                row.unit,
                &change,
                Scale::Growth.class(row.change),
            ));
            bars.push(Bar {
                label: unit.clone(),
                value: row.change,
                value_label: change.clone(),
                class: if row.change < 0.0 { "negative" } else { "" },
            });
            growth.push(GrowthRow {
                rank,
                unit,
                unit_code,
                change,
                negative: row.change < 0.0,
                kind: tr.t(&format!("kind-{}", row.kind.as_str())),
            });
        }
        growth_title = tr.t_args(
            "growth-chart-title",
            &[
                (
                    "indicator",
                    Arg::Text(indicator.name.get(tr.lang).to_owned()),
                ),
                ("period", Arg::Text(period_label.clone())),
            ],
        );
    }
    let growth_chart = if bars.is_empty() {
        None
    } else if view == View::Map {
        map(
            "growth-map",
            &growth_title,
            "growth-map-description",
            Scale::Growth,
            tiles,
        )
        .transpose()?
    } else {
        Some(
            BarChart::new(
                "growth",
                growth_title.clone(),
                tr.t("growth-chart-description"),
                bars,
            )
            .render()?,
        )
    };
    let unmerged_note = indicator
        .map(|i| {
            tr.t_args(
                "unmerged-note",
                &[("indicator", Arg::Text(i.name.get(tr.lang).to_owned()))],
            )
        })
        .unwrap_or_default();
    let period_end = period.and_then(Period::last_day);
    let mut as_of_choices = vec![
        Choice {
            value: "period".into(),
            label: tr.t_args(
                "as-of-period-end",
                &[("period", Arg::Text(period_label.clone()))],
            ),
            selected: as_of == AsOf::PeriodEnd,
        },
        Choice {
            value: today.to_string(),
            label: tr.t_args("as-of-today", &[("date", Arg::Text(tr.date(today)))]),
            selected: as_of == AsOf::Date(today),
        },
    ];
    if let AsOf::Date(d) = as_of
        && d != today
    {
        as_of_choices.push(Choice {
            value: d.to_string(),
            label: tr.date(d),
            selected: true,
        });
    }
    let as_of_note = match (date, period_end) {
        (Some(d), Some(end)) if d > end => tr.t_args(
            "as-of-note-later",
            &[
                ("date", Arg::Text(tr.date(d))),
                ("count", Arg::Number(units.len() as i64)),
            ],
        ),
        (Some(d), _) => tr.t_args(
            "as-of-note",
            &[
                ("date", Arg::Text(tr.date(d))),
                ("count", Arg::Number(units.len() as i64)),
            ],
        ),
        _ => String::new(),
    };
    let mut review_href = String::from("/rankings/review");
    if let Some(p) = period {
        review_href.push_str(&format!("?period={}", p.code()));
        if let Some(i) = indicator {
            review_href.push_str(&format!("&indicator={}", i.code));
        }
    }
    let as_of_choice = match as_of {
        AsOf::PeriodEnd => String::new(),
        AsOf::Date(d) => d.to_string(),
    };
    let period_choice = period.map(Period::code).unwrap_or_default();
    let scores_downloads = Buttons::render(
        tr,
        List::Scores,
        &[
            ("period", period_choice.clone()),
            ("as_of", as_of_choice.clone()),
        ],
    )?;
    let growth_downloads = Buttons::render(
        tr,
        List::Growth,
        &[
            ("period", period_choice),
            (
                "indicator",
                indicator.map(|i| i.code.to_string()).unwrap_or_default(),
            ),
            ("as_of", as_of_choice),
        ],
    )?;
    let view_choices = [
        (View::Bars, "bars", "view-bars"),
        (View::Map, "map", "view-map"),
    ]
    .into_iter()
    .map(|(v, value, label)| Choice {
        value: value.into(),
        label: tr.t(label),
        selected: v == view,
    })
    .collect();
    RankingsPage {
        review_href,
        scores_downloads,
        growth_downloads,
        view_choices,
        unmerged,
        unmerged_note,
        as_of_choices,
        as_of_note,
        periods: periods
            .iter()
            .map(|p| Choice {
                value: p.code(),
                label: tr.period(*p),
                selected: Some(*p) == period,
            })
            .collect(),
        indicators: growth_choices
            .iter()
            .map(|i| Choice {
                value: i.code.to_string(),
                label: i.name.get(tr.lang).to_owned(),
                selected: indicator.is_some_and(|x| x.id == i.id),
            })
            .collect(),
        all_met: scores
            .iter()
            .filter(|s| s.all_met)
            .map(|s| format!("{} ({})", s.unit, s.score))
            .collect(),
        negative: growth
            .iter()
            .filter(|g| g.negative)
            .map(|g| format!("{} ({})", g.unit, g.change))
            .collect(),
        scores,
        scores_chart,
        scores_title,
        scores_notes,
        growth,
        growth_chart,
        growth_title,
        page,
    }
    .render()
}

/// The sources a carried scorecard's parts came from, when they differ.
fn mixed_parts(engine: &Engine, row: &evaluation::ScorecardRow, period: Period) -> bool {
    let sources: Vec<ScorecardSource> = row
        .carried_from
        .iter()
        .filter_map(|p| evaluation::unit_scorecard(engine, *p, period).map(|c| c.source))
        .collect();
    sources.windows(2).any(|w| w[0] != w[1])
}

fn part_source(tr: super::Tr<'_>, source: ScorecardSource) -> String {
    match source {
        ScorecardSource::Reported => tr.t("rank-part-reported"),
        ScorecardSource::Computed | ScorecardSource::Carried => tr.t("rank-part-computed"),
    }
}

/// What a scorecard ranking says under its table: how it orders and shares ranks, that
/// partial scorecards are not ranked, and, when it puts scorecards counted by giamsat beside
/// scorecards a review reported, how many of each.
fn scores_notes_of(
    engine: &Engine,
    tr: super::Tr<'_>,
    ranking: &[evaluation::ScorecardRow],
    period: Period,
) -> Vec<String> {
    if ranking.is_empty() {
        return Vec::new();
    }
    let mut notes = vec![tr.t("rank-ties-note")];
    if ranking.iter().any(|r| !r.is_complete()) {
        notes.push(tr.t("rank-partial-note"));
    }
    let (mut computed, mut reported) = (0i64, 0i64);
    let mut count = |source| match source {
        ScorecardSource::Reported => reported += 1,
        _ => computed += 1,
    };
    for row in ranking {
        if row.source == ScorecardSource::Carried {
            for p in &row.carried_from {
                if let Some(card) = evaluation::unit_scorecard(engine, *p, period) {
                    count(card.source);
                }
            }
        } else {
            count(row.source);
        }
    }
    if computed > 0 && reported > 0 {
        notes.push(tr.t_args(
            "rank-mixed-note",
            &[
                ("computed", Arg::Number(computed)),
                ("reported", Arg::Number(reported)),
            ],
        ));
    }
    notes
}

pub async fn rankings<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<RankingQuery>,
    reader: Reader,
) -> Response {
    let engine = state.app.engine();
    // A period or indicator that does not parse or exist falls back to the default choice,
    // which the page's selectors then show.
    let period = query
        .period
        .as_deref()
        .and_then(|p| p.parse::<Period>().ok());
    let today = super::today();
    let as_of = match query.as_of.as_deref() {
        None | Some("" | "period") => AsOf::PeriodEnd,
        Some(text) => giamsat_app::input::parse_date(text).map_or(AsOf::PeriodEnd, AsOf::Date),
    };
    let indicator = query
        .indicator
        .as_deref()
        .and_then(|c| IndicatorCode::parse(c).ok())
        .and_then(|c| engine.indicator_by_code(&c));
    let view = match query.view.as_deref() {
        Some("map") => View::Map,
        _ => View::Bars,
    };
    let rendered = rankings_page(
        &engine,
        &state.i18n,
        &reader,
        period,
        indicator,
        (as_of, view),
        today,
    );
    respond(&reader, StatusCode::OK, rendered)
}
