//! The lists of the pages as files for office software: `/exports/{list}.xlsx` and
//! `/exports/{list}.csv` for the targets, the figures, the two rankings and the tasks, with
//! the same choices (unit, document, period, indicator, date) as the page they come from and
//! the words of the reader's language; and the buttons that lead there.
//!
//! Who may read a list may read its file: both are behind the same sign-in, and read the same
//! engine.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::spreadsheet::{self, Cell, CsvStyle, Table};
use giamsat_core::evaluation::{self, ScorecardSource};
use giamsat_core::indicator::IndicatorCode;
use giamsat_core::{DocumentId, Engine, Period, Unit};
use serde::Deserialize;

use super::rankings::{AsOf, growth_indicators, ranked_periods};
use super::{Reader, Tr, evaluated, today};
use crate::download;
use crate::error::PageError;
use crate::i18n::Arg;
use crate::state::AppState;

/// The lists that have files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Targets,
    Figures,
    Scores,
    Growth,
    Tasks,
}

impl List {
    const ALL: [List; 5] = [
        List::Targets,
        List::Figures,
        List::Scores,
        List::Growth,
        List::Tasks,
    ];

    fn name(self) -> &'static str {
        match self {
            List::Targets => "targets",
            List::Figures => "figures",
            List::Scores => "scores",
            List::Growth => "growth",
            List::Tasks => "tasks",
        }
    }
}

/// The choices of a list, as its page's address carries them.
#[derive(Deserialize, Default, Clone)]
pub struct ExportQuery {
    unit: Option<String>,
    document: Option<u32>,
    period: Option<String>,
    indicator: Option<String>,
    as_of: Option<String>,
    /// Every value recorded, not only the current ones (figures).
    #[serde(default)]
    history: bool,
    /// `semicolon` for `;` and decimal commas, `comma` for `,` and points; else as the
    /// reader's language.
    sep: Option<String>,
}

/// The buttons of one list: Excel and CSV, in the page's language, keeping its choices.
#[derive(Template)]
#[template(path = "export_buttons.html")]
pub struct Buttons {
    label: String,
    xlsx: String,
    csv: String,
    xlsx_title: String,
    csv_title: String,
}

impl Buttons {
    /// The buttons of `list`, with `choices` as `name=value` pairs of its page's query.
    pub fn render(tr: Tr<'_>, list: List, choices: &[(&str, String)]) -> askama::Result<String> {
        let mut query: Vec<String> = choices
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        query.push(format!("lang={}", tr.lang.code()));
        let query = query.join("&");
        let sep = if CsvStyle::of(tr.lang).semicolon {
            "&sep=semicolon"
        } else {
            ""
        };
        Buttons {
            label: tr.t("export-label"),
            xlsx: format!("/exports/{}.xlsx?{query}", list.name()),
            csv: format!("/exports/{}.csv?{query}{sep}", list.name()),
            xlsx_title: tr.t("export-xlsx-title"),
            csv_title: tr.t("export-csv-title"),
        }
        .render()
    }
}

/// A query value as an address carries it.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn unit_of<'e>(engine: &'e Engine, code: Option<&str>) -> Result<Option<&'e Unit>, PageError> {
    match code.filter(|c| !c.trim().is_empty()) {
        None => Ok(None),
        Some(code) => super::unit_by_code(engine, code)
            .map(Some)
            .ok_or_else(|| PageError::not_found("not-found-unit", code)),
    }
}

fn number(value: f64, decimals: u8) -> Cell {
    Cell::Number { value, decimals }
}

fn optional(value: Option<f64>, decimals: u8) -> Cell {
    value.map_or(Cell::Empty, |v| number(v, decimals))
}

fn targets(engine: &Engine, tr: Tr<'_>, query: &ExportQuery) -> Result<Table, PageError> {
    let unit = unit_of(engine, query.unit.as_deref())?;
    let document = query.document.map(DocumentId);
    let rows = evaluated(
        engine,
        engine.targets().filter(|t| {
            unit.is_none_or(|u| t.unit == u.id) && document.is_none_or(|d| t.document == d)
        }),
    );
    let headers = [
        "col-status",
        "col-indicator",
        "col-measure",
        "col-unit",
        "col-period",
        "col-plan",
        "col-actual",
        "export-col-actual-period",
        "col-kind",
        "col-percent-of-plan",
        "export-col-change",
        "col-document",
        "col-issued-on",
        "export-col-indicator-code",
        "export-col-unit-code",
    ];
    let rows = rows
        .iter()
        .map(|(target, e)| {
            let indicator = engine.indicator(target.indicator);
            let decimals = indicator.map_or(0, |i| i.decimals);
            let unit = engine.unit(target.unit);
            let document = engine.document(target.document);
            vec![
                Cell::text(tr.t(&format!("status-{}", e.status.as_str()))),
                Cell::text(indicator.map(|i| i.name.get(tr.lang)).unwrap_or_default()),
                Cell::text(
                    indicator
                        .map(|i| i.measure.get(tr.lang))
                        .unwrap_or_default(),
                ),
                Cell::text(unit.map(|u| u.name.get(tr.lang)).unwrap_or_default()),
                Cell::text(tr.period(target.period)),
                number(target.value, decimals),
                optional(e.actual.as_ref().map(|a| a.value), decimals),
                e.actual
                    .as_ref()
                    .map_or(Cell::Empty, |a| Cell::text(tr.period(a.span))),
                e.actual.as_ref().map_or(Cell::Empty, |a| {
                    Cell::text(tr.t(&format!("kind-{}", a.kind.as_str())))
                }),
                e.percent_of_plan.map_or(Cell::Empty, Cell::Percent),
                e.change_over_same_period.map_or(Cell::Empty, Cell::Percent),
                Cell::text(document.map(|d| d.title.get(tr.lang)).unwrap_or_default()),
                document
                    .and_then(|d| d.issued_on)
                    .map_or(Cell::Empty, Cell::Date),
                Cell::text(indicator.map(|i| i.code.to_string()).unwrap_or_default()),
                Cell::text(unit.map(|u| u.code.to_string()).unwrap_or_default()),
            ]
        })
        .collect();
    Ok(table(tr, "export-sheet-targets", &headers, rows))
}

fn table(tr: Tr<'_>, sheet: &str, headers: &[&str], rows: Vec<Vec<Cell>>) -> Table {
    Table {
        sheet: tr.t(sheet),
        headers: headers.iter().map(|h| tr.t(h)).collect(),
        rows,
    }
}

/// The figures of a unit (or of every unit): the current value of each cell, or with
/// `history` every value recorded, oldest first.
async fn figures<S: Store>(
    state: &AppState<S>,
    tr: Tr<'_>,
    query: &ExportQuery,
) -> Result<Table, PageError> {
    let history = if query.history {
        Some(state.app.recorded_figures().await?)
    } else {
        None
    };
    let engine = state.app.engine();
    let unit = unit_of(&engine, query.unit.as_deref())?.map(|u| u.id);
    let mut cells: Vec<_> = match &history {
        // Exports hold published figures only: a draft waits for its report's approval.
        Some(observations) => observations
            .iter()
            .filter(|o| !engine.reporting().is_held(o))
            .map(|o| (o.indicator, o.unit, o.period, o.kind, o.value, Some(o)))
            .collect(),
        None => engine
            .current_cells()
            .map(|(i, u, p, _, kind, value)| (i, u, p, kind, value, None))
            .collect(),
    };
    cells.retain(|c| unit.is_none_or(|wanted| c.1 == wanted));
    if history.is_none() {
        let code = |u| {
            engine
                .unit(u)
                .map(|u| u.code.to_string())
                .unwrap_or_default()
        };
        cells.sort_by_cached_key(|c| (c.0, code(c.1), c.2.start(), c.2.end()));
    }
    let mut headers = vec![
        "col-indicator",
        "col-measure",
        "col-unit",
        "col-period",
        "col-value",
        "col-kind",
    ];
    if history.is_some() {
        headers.extend(["export-col-recorded-on", "export-col-note"]);
    }
    headers.extend([
        "export-col-indicator-code",
        "export-col-unit-code",
        "export-col-period-code",
    ]);
    let rows = cells
        .into_iter()
        .filter_map(|(indicator, unit, period, kind, value, observation)| {
            let indicator = engine.indicator(indicator)?;
            let unit = engine.unit(unit)?;
            let mut row = vec![
                Cell::text(indicator.name.get(tr.lang)),
                Cell::text(indicator.measure.get(tr.lang)),
                Cell::text(unit.name.get(tr.lang)),
                Cell::text(tr.period(period)),
                number(value, indicator.decimals),
                Cell::text(tr.t(&format!("kind-{}", kind.as_str()))),
            ];
            if let Some(o) = observation {
                row.push(Cell::Date(o.provenance.recorded_at.date()));
                row.push(o.note.clone().map_or(Cell::Empty, Cell::Text));
            }
            row.extend([
                Cell::text(indicator.code.to_string()),
                Cell::text(unit.code.to_string()),
                Cell::text(period.code()),
            ]);
            Some(row)
        })
        .collect();
    Ok(table(tr, "export-sheet-figures", &headers, rows))
}

/// The period, indicator and units a ranking compares, chosen as the rankings page does.
fn ranking_choice<'e>(
    engine: &'e Engine,
    query: &ExportQuery,
) -> (
    Option<Period>,
    Option<&'e giamsat_core::Indicator>,
    Vec<giamsat_core::UnitId>,
) {
    let period = query
        .period
        .as_deref()
        .and_then(|p| p.parse::<Period>().ok())
        .or_else(|| {
            evaluation::default_ranking_period(engine, &ranked_periods(engine), super::today())
        });
    let indicator = query
        .indicator
        .as_deref()
        .and_then(|c| IndicatorCode::parse(c).ok())
        .and_then(|c| engine.indicator_by_code(&c))
        .or_else(|| growth_indicators(engine).first().copied());
    let as_of = match query.as_of.as_deref() {
        None | Some("" | "period") => AsOf::PeriodEnd,
        Some(text) => giamsat_app::input::parse_date(text).map_or(AsOf::PeriodEnd, AsOf::Date),
    };
    let date = match (as_of, period) {
        (AsOf::Date(d), _) => Some(d),
        (AsOf::PeriodEnd, Some(p)) => p.last_day(),
        (AsOf::PeriodEnd, None) => None,
    };
    let units = date.map(|d| engine.provinces_on(d)).unwrap_or_default();
    (period, indicator, units)
}

fn scores(engine: &Engine, tr: Tr<'_>, query: &ExportQuery) -> Table {
    let (period, _, units) = ranking_choice(engine, query);
    let name = |id| {
        engine
            .unit(id)
            .map(|u| u.name.get(tr.lang).to_owned())
            .unwrap_or_default()
    };
    let code = |id| {
        engine
            .unit(id)
            .map(|u| u.code.to_string())
            .unwrap_or_default()
    };
    let ranked = period
        .map(|p| evaluation::scorecard_ranking_of(engine, p, units.iter().copied()))
        .unwrap_or_default();
    let ranks = evaluation::scorecard_ranks(&ranked);
    let rows = ranked
        .iter()
        .zip(ranks)
        .map(|(row, rank)| {
            let card = row.scorecard;
            let share = (card.set > 0).then(|| 100.0 * f64::from(card.met) / f64::from(card.set));
            let source = match row.source {
                ScorecardSource::Computed => tr.t("source-computed"),
                ScorecardSource::Reported => tr.t("source-reported"),
                ScorecardSource::Carried => {
                    let parts: Vec<String> = row.carried_from.iter().map(|p| name(*p)).collect();
                    tr.t_args("source-carried", &[("parts", Arg::Text(parts.join(" + ")))])
                }
            };
            vec![
                rank.map_or(Cell::Empty, Cell::count),
                Cell::text(name(row.unit)),
                Cell::count(card.met as usize),
                Cell::count(card.set as usize),
                share.map_or(Cell::Empty, Cell::Percent),
                Cell::text(source),
                Cell::text(code(row.unit)),
            ]
        })
        .collect();
    let headers = [
        "col-rank",
        "col-locality",
        "export-col-met",
        "export-col-set",
        "col-share",
        "col-source",
        "export-col-unit-code",
    ];
    table(tr, "export-sheet-scores", &headers, rows)
}

fn growth(engine: &Engine, tr: Tr<'_>, query: &ExportQuery) -> Table {
    let (period, indicator, units) = ranking_choice(engine, query);
    let ranked = match (period, indicator) {
        (Some(p), Some(i)) => evaluation::change_ranking(engine, i.id, units.iter().copied(), p),
        _ => Vec::new(),
    };
    let ranks = evaluation::shared_ranks(&ranked, |a, b| a.change == b.change);
    let rows = ranked
        .iter()
        .zip(ranks)
        .filter_map(|(row, rank)| {
            let unit = engine.unit(row.unit)?;
            Some(vec![
                Cell::count(rank),
                Cell::text(unit.name.get(tr.lang)),
                Cell::Percent(row.change),
                Cell::text(tr.t(&format!("kind-{}", row.kind.as_str()))),
                Cell::text(unit.code.to_string()),
            ])
        })
        .collect();
    let headers = [
        "col-rank",
        "col-locality",
        "export-col-growth",
        "col-kind",
        "export-col-unit-code",
    ];
    table(tr, "export-sheet-growth", &headers, rows)
}

/// The tasks list as the reader's page shows it: of their own units.
fn tasks(
    engine: &Engine,
    tr: Tr<'_>,
    reader: &Reader,
    query: &ExportQuery,
) -> Result<Table, PageError> {
    let unit = unit_of(engine, query.unit.as_deref())?;
    let book = engine.follow_up();
    let grants = super::search::grants_of(reader.who.as_deref());
    let views: Vec<_> = match unit {
        Some(u) => book.tasks_of(u.id, today()),
        None => book.tasks_where(today(), |_| true),
    }
    .into_iter()
    .filter(|v| giamsat_app::follow_up::lists_task(engine, grants, v.task))
    .collect();
    let rows = views
        .iter()
        .map(|view| {
            let lead = engine.unit(view.task.lead);
            vec![
                Cell::text(&view.task.title),
                Cell::text(lead.map(|u| u.name.get(tr.lang)).unwrap_or_default()),
                view.task.due.map_or(Cell::Empty, Cell::Date),
                Cell::text(tr.t(&format!("task-status-{}", view.status.as_str()))),
                view.percent
                    .map_or(Cell::Empty, |p| Cell::Percent(f64::from(p))),
                view.done_on.map_or(Cell::Empty, Cell::Date),
                Cell::count(view.task.id.0 as usize),
                Cell::text(lead.map(|u| u.code.to_string()).unwrap_or_default()),
            ]
        })
        .collect();
    let headers = [
        "col-task",
        "col-lead",
        "col-due",
        "col-status",
        "col-progress",
        "export-col-done-on",
        "export-col-task-id",
        "export-col-unit-code",
    ];
    Ok(table(tr, "export-sheet-tasks", &headers, rows))
}

/// `/exports/{list}.{xlsx|csv}`.
pub async fn export<S: Store>(
    State(state): State<AppState<S>>,
    Path(file): Path<String>,
    Query(query): Query<ExportQuery>,
    reader: Reader,
) -> Result<Response, PageError> {
    let not_found = || PageError::not_found("not-found-page", format!("/exports/{file}"));
    let (name, extension) = file.rsplit_once('.').ok_or_else(not_found)?;
    let list = List::ALL
        .into_iter()
        .find(|l| l.name() == name)
        .ok_or_else(not_found)?;
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let table = match list {
        List::Figures => figures(&state, tr, &query).await?,
        List::Targets => targets(&state.app.engine(), tr, &query)?,
        List::Scores => scores(&state.app.engine(), tr, &query),
        List::Growth => growth(&state.app.engine(), tr, &query),
        List::Tasks => tasks(&state.app.engine(), tr, &reader, &query)?,
    };
    let file_name = format!("{}.{extension}", table.sheet);
    let failed = |e: spreadsheet::WriteError| {
        tracing::error!(error = %e, "writing a spreadsheet failed");
        PageError::Unreadable(axum::http::StatusCode::INTERNAL_SERVER_ERROR)
    };
    match extension {
        "xlsx" => {
            let bytes = spreadsheet::xlsx(&[table], reader.lang).map_err(failed)?;
            Ok(download::attachment(&file_name, download::XLSX, bytes))
        }
        "csv" => {
            let style = match query.sep.as_deref() {
                Some("semicolon") => CsvStyle { semicolon: true },
                Some("comma") => CsvStyle { semicolon: false },
                _ => CsvStyle::of(reader.lang),
            };
            let bytes = spreadsheet::csv(&table, style).map_err(failed)?;
            Ok(download::attachment(&file_name, download::CSV, bytes))
        }
        _ => Err(not_found()),
    }
}
