//! The reporting cycle (*chế độ báo cáo*): the regimes; for a regime and period, which units
//! sent their report on time, late or not at all, with the rates rolled up the tree and over
//! the last periods; one unit's report with its figures, its steps and the forms that send,
//! approve, return or reopen it.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::reporting::{ExplanationInput, StepInput};
use giamsat_core::reporting::{
    ClosingWindow, HeldFigure, Regime, RegimeCode, ReportKey, State as ReportState, completeness,
};
use giamsat_core::{Engine, IndicatorId, Period, UnitId};
use serde::Deserialize;

use super::charts::{LineChart, Series};
use super::forms::{failure, see_other, unit_label};
use super::{Layout, Reader, Tr, respond, today};
use crate::auth::Principal;
use crate::error::PageError;
use crate::i18n::Arg;
use crate::state::AppState;

pub struct RegimeRow {
    code: String,
    name: String,
    frequency: String,
    document: String,
    recipient: String,
    deadline: String,
    period: String,
}

#[derive(Template)]
#[template(path = "reports.html")]
pub struct ReportsPage<'a> {
    page: Layout<'a>,
    rows: Vec<RegimeRow>,
}

/// The period whose report is due now or was due last: the one whose window closed most
/// recently (on the 14th), so that the page opens on the reports being sent.
pub(super) fn latest_closed(regime: &Regime, day: time::Date) -> Option<Period> {
    let open = regime.frequency.period_closing_on(day)?;
    let previous = open.start().shifted(-1)?;
    regime.frequency.period_of_month(previous)
}

fn deadline_text(tr: Tr<'_>, regime: &Regime) -> String {
    tr.t_args(
        "cycle-deadline-days",
        &[("days", Arg::Number(i64::from(regime.deadline_days)))],
    )
}

pub async fn reports<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let layout = Layout::new(
        &state.i18n,
        &reader,
        "/reports",
        state.i18n.t(reader.lang, "cycle-title"),
    );
    let tr = layout.tr;
    let rows = engine
        .reporting()
        .regimes()
        .map(|r| RegimeRow {
            code: r.code.to_string(),
            name: r.name.get(tr.lang).to_owned(),
            frequency: tr.t(&format!("cycle-frequency-{}", r.frequency.as_str())),
            document: engine
                .document(r.document)
                .map(|d| d.title.get(tr.lang).to_owned())
                .unwrap_or_default(),
            recipient: unit_label(&engine, tr, r.recipient),
            deadline: deadline_text(tr, r),
            period: latest_closed(r, today())
                .map(|p| p.code())
                .unwrap_or_default(),
        })
        .collect();
    let page = ReportsPage { page: layout, rows };
    Ok(respond(&reader, StatusCode::OK, page.render()))
}

pub(super) fn regime_by_code<'e>(engine: &'e Engine, code: &str) -> Result<&'e Regime, PageError> {
    RegimeCode::parse(code)
        .ok()
        .and_then(|c| engine.reporting().regime_by_code(&c))
        .ok_or_else(|| PageError::not_found("not-found-regime", code))
}

pub(super) fn period_of(regime: &Regime, text: &str) -> Result<Period, PageError> {
    text.parse::<Period>()
        .ok()
        .filter(|p| regime.has_period(*p))
        .ok_or_else(|| PageError::not_found("not-found-period", text))
}

/// Reports listed on a page of a regime's period, about 200 bytes each.
const REPORT_ROWS: usize = 100;

pub struct UnitReportRow {
    unit: String,
    href: String,
    state: &'static str,
    state_label: String,
    sent_on: String,
    timeliness: &'static str,
    timeliness_label: String,
}

pub struct RatesRow {
    unit: String,
    expected: usize,
    sent: usize,
    on_time: usize,
    completeness: String,
    timeliness: String,
}

#[derive(Template)]
#[template(path = "report_period.html")]
pub struct PeriodPage<'a> {
    page: Layout<'a>,
    regime: String,
    period: String,
    period_name: String,
    window: String,
    deadline: String,
    previous: Option<(String, String)>,
    next: Option<(String, String)>,
    summary: String,
    reports: Vec<UnitReportRow>,
    /// The links to the other pages of a long list of reports.
    pager: super::paging::Pager<'a>,
    rates: Vec<RatesRow>,
    chart: Option<String>,
    chart_title: String,
    history: Vec<(String, String, String)>,
}

#[derive(Deserialize)]
pub struct PeriodQuery {
    pub(super) period: Option<String>,
}

fn percent_or_dash(tr: Tr<'_>, value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| tr.percent(v))
}

fn state_label(tr: Tr<'_>, state: ReportState) -> String {
    tr.t(&format!("cycle-status-{}", state.as_str()))
}

pub async fn regime<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    Path(code): Path<String>,
    Query(query): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let regime = regime_by_code(&engine, &code)?;
    let period = match query.period.as_deref().filter(|p| !p.trim().is_empty()) {
        Some(text) => period_of(regime, text)?,
        None => latest_closed(regime, today())
            .ok_or_else(|| PageError::not_found("not-found-period", &code))?,
    };
    let layout = Layout::new(
        &state.i18n,
        &reader,
        "/reports",
        regime.name.get(reader.lang).to_owned(),
    );
    let tr = layout.tr;
    let c = completeness(&engine, regime, period);
    // A regime over a country's communes expects thousands of reports: a page at a time.
    let pager = super::paging::Pager::new(tr, &reader, "page", c.reports.len(), REPORT_ROWS);
    let reports = c.reports[pager.rows.clone()]
        .iter()
        .map(|r| UnitReportRow {
            unit: unit_label(&engine, tr, r.unit),
            href: report_href(&engine, regime, period, r.unit),
            state: r.state.as_str(),
            state_label: state_label(tr, r.state),
            sent_on: r.sent_on.map(|d| tr.date(d)).unwrap_or_default(),
            timeliness: r.timeliness.as_str(),
            timeliness_label: tr.t(&format!("cycle-timeliness-{}", r.timeliness.as_str())),
        })
        .collect();
    let rates = c
        .by_unit
        .iter()
        .map(|(unit, r)| RatesRow {
            unit: unit_label(&engine, tr, *unit),
            expected: r.expected,
            sent: r.sent,
            on_time: r.on_time,
            completeness: percent_or_dash(tr, r.completeness()),
            timeliness: percent_or_dash(tr, r.timeliness()),
        })
        .collect();
    let number = |n: usize| Arg::Number(i64::try_from(n).unwrap_or(i64::MAX));
    let summary = tr.t_args(
        "cycle-summary",
        &[
            ("sent", number(c.total.sent)),
            ("expected", number(c.total.expected)),
            ("on_time", number(c.total.on_time)),
        ],
    );
    let window = ClosingWindow::of(period);
    let step = |delta: i32| {
        let month = if delta < 0 {
            period.start().shifted(-1)
        } else {
            period.end().shifted(1)
        }?;
        let p = regime.frequency.period_of_month(month)?;
        Some((p.code(), tr.period(p)))
    };
    let (chart, chart_title, history) = rates_over_periods(&engine, tr, regime, period);
    let page = PeriodPage {
        pager,
        regime: regime.code.to_string(),
        period: period.code(),
        period_name: tr.period(period),
        window: window
            .map(|w| {
                tr.t_args(
                    "cycle-window",
                    &[
                        ("first", Arg::Text(tr.date(w.first))),
                        ("last", Arg::Text(tr.date(w.last))),
                    ],
                )
            })
            .unwrap_or_default(),
        deadline: regime
            .deadline(period)
            .map(|d| tr.date(d))
            .unwrap_or_default(),
        previous: step(-1),
        next: step(1),
        summary,
        reports,
        rates,
        chart,
        chart_title,
        history,
        page: layout,
    };
    Ok(respond(&reader, StatusCode::OK, page.render()))
}

/// The completeness and timeliness rates of the twelve periods up to `period`, as a line chart
/// and as the rows of the table beside it.
type RatesOverPeriods = (Option<String>, String, Vec<(String, String, String)>);

fn rates_over_periods(
    engine: &Engine,
    tr: Tr<'_>,
    regime: &Regime,
    period: Period,
) -> RatesOverPeriods {
    let mut periods = vec![period];
    while periods.len() < 12 {
        let Some(earlier) = periods
            .last()
            .and_then(|p| p.start().shifted(-1))
            .and_then(|m| regime.frequency.period_of_month(m))
        else {
            break;
        };
        periods.push(earlier);
    }
    periods.reverse();
    let rates: Vec<_> = periods
        .iter()
        .map(|p| completeness(engine, regime, *p).total)
        .collect();
    let labels: Vec<String> = periods.iter().map(|p| short_period(tr, *p)).collect();
    let title = tr.t("cycle-chart-title");
    let history = periods
        .iter()
        .zip(&rates)
        .map(|(p, r)| {
            (
                tr.period(*p),
                percent_or_dash(tr, r.completeness()),
                percent_or_dash(tr, r.timeliness()),
            )
        })
        .collect();
    let known = rates.iter().any(|r| r.expected > 0);
    let chart = known
        .then(|| {
            LineChart::new(
                "rates",
                title.clone(),
                tr.t("cycle-chart-description"),
                &labels,
                vec![
                    Series {
                        name: tr.t("cycle-col-completeness"),
                        class: "s-actual",
                        values: rates.iter().map(|r| r.completeness()).collect(),
                        dotted: true,
                    },
                    Series {
                        name: tr.t("cycle-col-timeliness"),
                        class: "s-plan",
                        values: rates.iter().map(|r| r.timeliness()).collect(),
                        dotted: false,
                    },
                ],
                |v| tr.percent(v),
            )
            .render()
            .map_err(|e| tracing::error!(error = %e, "drawing the reporting rates failed"))
            .ok()
        })
        .flatten();
    (chart, title, history)
}

/// A period as an axis label: the month's short name, or the period's code.
fn short_period(tr: Tr<'_>, period: Period) -> String {
    match period.kind() {
        giamsat_core::PeriodKind::Month => format!(
            "{} {}",
            tr.t(&format!("month-short-{}", period.start().month_of_year())),
            period.start().year() % 100
        ),
        _ => period.code(),
    }
}

pub(super) fn report_href(
    engine: &Engine,
    regime: &Regime,
    period: Period,
    unit: UnitId,
) -> String {
    let unit = engine
        .unit(unit)
        .map(|u| u.code.to_string())
        .unwrap_or_default();
    format!("/reports/{}/{}/{unit}", regime.code, period.code())
}

pub struct FigureRow {
    indicator: String,
    code: String,
    /// The number shown, and the lines under it (not yet approved, what is published).
    value: (String, Vec<String>),
    explanation: String,
}

pub struct StepRow {
    at: String,
    by: String,
    action: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "report.html")]
pub struct ReportPage<'a> {
    page: Layout<'a>,
    regime: String,
    regime_name: String,
    period: String,
    period_name: String,
    unit: String,
    unit_name: String,
    state: &'static str,
    state_label: String,
    pending_reason: String,
    deadline: String,
    figures: Vec<FigureRow>,
    steps: Vec<StepRow>,
    may_submit: bool,
    may_decide: bool,
    may_reopen: bool,
    /// Whether the figures shown include those not yet approved (marked as such).
    sees_unpublished: bool,
    errors: HashMap<String, String>,
    entry_href: String,
}

fn report_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    (code, period, unit): (&str, &str, &str),
    status: StatusCode,
    errors: HashMap<String, String>,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let regime = regime_by_code(&engine, code)?;
    let period = period_of(regime, period)?;
    let unit = super::unit_by_code(&engine, unit)
        .filter(|u| regime.reporting_units(&engine, period).contains(&u.id))
        .ok_or_else(|| PageError::not_found("not-found-unit", unit))?;
    let layout = Layout::new(
        &state.i18n,
        reader,
        "/reports",
        format!(
            "{} — {}",
            unit.name.get(reader.lang),
            regime.name.get(reader.lang)
        ),
    );
    let tr = layout.tr;
    let submission = engine
        .reporting()
        .submission_or_draft(regime.id, unit.id, period);
    let sees_unpublished = reader.sees_unpublished(&engine, unit.id);
    // The forms offered are those the reader's grants would let through: a probe of the step.
    let may_take = |action: &str| {
        reader.who.as_ref().is_some_and(|w| {
            giamsat_app::may_write(
                &w.actor,
                &engine,
                &step_probe(regime, unit.id, period, action),
            )
        })
    };
    let figures = regime
        .indicators
        .iter()
        .filter_map(|i| engine.indicator(*i))
        .map(|i| FigureRow {
            indicator: i.name.get(tr.lang).to_owned(),
            code: i.code.to_string(),
            value: figure_text(tr, &engine, sees_unpublished, (i, unit.id, period)),
            explanation: submission.explanation(i.id).unwrap_or_default().to_owned(),
        })
        .collect();
    let steps = submission
        .steps
        .iter()
        .map(|s| StepRow {
            at: tr.date(crate::state::in_vietnam(s.provenance.recorded_at).date()),
            by: s.provenance.recorded_by.clone(),
            action: tr.t(&format!("cycle-step-{}", s.action.name())),
            reason: s.action.reason().unwrap_or_default().to_owned(),
        })
        .collect();
    let page = ReportPage {
        regime: regime.code.to_string(),
        regime_name: regime.name.get(tr.lang).to_owned(),
        period: period.code(),
        period_name: tr.period(period),
        unit: unit.code.to_string(),
        unit_name: unit.name.get(tr.lang).to_owned(),
        state: submission.state.as_str(),
        state_label: state_label(tr, submission.state),
        pending_reason: submission.pending_reason().unwrap_or_default().to_owned(),
        deadline: regime
            .deadline(period)
            .map(|d| tr.date(d))
            .unwrap_or_default(),
        figures,
        steps,
        may_submit: submission.state.may_submit() && may_take("submit"),
        may_decide: submission.state == ReportState::Submitted && may_take("approve"),
        may_reopen: submission.state == ReportState::Approved && may_take("reopen"),
        sees_unpublished,
        errors,
        entry_href: format!("/entry?unit={}&period={}", unit.code, period.code()),
        page: layout,
    };
    Ok(respond(reader, status, page.render()))
}

/// A step of a unit's report, to ask whether a reader's grants would let it through.
fn step_probe(regime: &Regime, unit: UnitId, period: Period, action: &str) -> giamsat_core::Record {
    use giamsat_core::reporting::{Action, Reporting, Step};
    let action = match action {
        "submit" => Action::Submit {
            explanations: Vec::new(),
        },
        "approve" => Action::Approve {
            through: giamsat_core::ObservationId(0),
        },
        _ => Action::Reopen {
            reason: String::new(),
        },
    };
    giamsat_core::Record::Reporting(Reporting::Step(Step {
        id: giamsat_core::StepId(0),
        regime: regime.id,
        unit,
        period,
        action,
        provenance: giamsat_core::Provenance {
            source: String::new(),
            recorded_by: String::new(),
            recorded_at: time::OffsetDateTime::UNIX_EPOCH,
        },
    }))
}

/// A figure of a report: the published one, and for the unit and the offices over it the one
/// waiting for approval, marked as such, above the published one it will replace. Returns
/// the number shown and the lines under it.
fn figure_text(
    tr: Tr<'_>,
    engine: &Engine,
    sees_unpublished: bool,
    (indicator, unit, period): (&giamsat_core::Indicator, UnitId, Period),
) -> (String, Vec<String>) {
    let number = |v: f64| tr.number(v, indicator.decimals);
    let published = engine
        .reported(indicator.id, unit, period)
        .map(|(.., v)| number(v));
    let held = sees_unpublished
        .then(|| engine.unpublished(indicator.id, unit, period))
        .flatten()
        .map(|(.., v)| number(v));
    let unpublished = format!("({})", tr.t("publish-unpublished"));
    match (held, published) {
        (Some(held), Some(published)) => (
            held,
            vec![
                unpublished,
                tr.t_args(
                    "publish-published",
                    &[("value", crate::i18n::Arg::Text(published))],
                ),
            ],
        ),
        (Some(held), None) => (held, vec![unpublished]),
        (None, Some(published)) => (published, Vec::new()),
        (None, None) => ("—".to_owned(), Vec::new()),
    }
}

pub async fn report<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    Path((code, period, unit)): Path<(String, String, String)>,
) -> Result<Response, PageError> {
    report_page(
        &state,
        &reader,
        (&code, &period, &unit),
        StatusCode::OK,
        HashMap::new(),
    )
}

/// A step from the report's page: `action`, `reason`, and `explain-<INDICATOR>` for each
/// figure explained.
pub async fn report_step<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Path((code, period, unit)): Path<(String, String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let explanations = fields
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix("explain-")
                .map(|indicator| ExplanationInput {
                    indicator: indicator.to_owned(),
                    text: v.clone(),
                })
        })
        .collect();
    let input = StepInput {
        regime: Some(code.clone()),
        unit: Some(unit.clone()),
        period: Some(period.clone()),
        action: field("action"),
        reason: field("reason"),
        explanations,
        source: None,
    };
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    match state
        .app
        .take_step(&who.0.actor, &input, super::WEB_FORM_SOURCE)
        .await
    {
        Ok(_) => Ok(see_other(format!("/reports/{code}/{period}/{unit}"))),
        Err(e) => {
            let e = match e {
                giamsat_app::AppError::Invalid(errors) => giamsat_app::AppError::Invalid(
                    giamsat_app::validation::named_in(&state.app.engine(), errors, reader.lang),
                ),
                other => other,
            };
            let (status, errors) = failure(tr, e)?;
            report_page(&state, &reader, (&code, &period, &unit), status, errors)
        }
    }
}

/// How many figures waiting for approval a dashboard lists before it sends to the reports.
pub const AWAITING_ROWS: usize = 20;

/// A figure recorded but not yet approved, as its unit and the offices over it see it.
pub struct AwaitingRow {
    indicator: String,
    indicator_code: String,
    unit: String,
    unit_code: String,
    period: String,
    value: String,
    measure: String,
    kind: String,
    state: &'static str,
    state_label: String,
    href: String,
}

/// The figures waiting for approval that a reader may see, latest first: the unit's own and
/// those of the units below an office, marked so, beside the published figures the page shows.
#[derive(Template)]
#[template(path = "awaiting.html")]
pub struct AwaitingTable<'p, 'a> {
    page: &'p Layout<'a>,
    rows: Vec<AwaitingRow>,
    more: String,
}

impl AwaitingTable<'_, '_> {
    /// The table of held figures `keep` accepts and the reader may see, at most `limit` rows;
    /// empty when there is none, so that viewers' pages do not change.
    pub fn render_for(
        engine: &Engine,
        page: &Layout<'_>,
        reader: &Reader,
        keep: impl Fn(&HeldFigure) -> bool,
        limit: usize,
    ) -> askama::Result<String> {
        if reader.who.is_none() {
            return Ok(String::new());
        }
        let book = engine.reporting();
        // A cell shows the figure its report would publish: the highest kind, recorded last.
        let mut cells: HashMap<(IndicatorId, UnitId, Period), (ReportKey, &HeldFigure)> =
            HashMap::new();
        let mut sees: HashMap<UnitId, bool> = HashMap::new();
        for (key, figure) in book.awaiting() {
            if !keep(figure)
                || !*sees
                    .entry(figure.unit)
                    .or_insert_with(|| reader.sees_unpublished(engine, figure.unit))
            {
                continue;
            }
            let cell = (figure.indicator, figure.unit, figure.period);
            let replaces = cells
                .get(&cell)
                .is_none_or(|(_, f)| (f.kind, f.id) < (figure.kind, figure.id));
            if replaces {
                cells.insert(cell, (key, figure));
            }
        }
        let mut held: Vec<_> = cells.into_values().collect();
        held.sort_by_key(|(_, f)| std::cmp::Reverse(f.id));
        let total = held.len();
        let tr = page.tr;
        let rows: Vec<AwaitingRow> = held
            .into_iter()
            .filter_map(|((regime, unit, period), f)| {
                let indicator = engine.indicator(f.indicator)?;
                let figure_unit = engine.unit(f.unit)?;
                let regime = book.regime(regime)?;
                let state = book.state(regime.id, unit, period);
                Some(AwaitingRow {
                    indicator: indicator.name.get(tr.lang).to_owned(),
                    indicator_code: indicator.code.to_string(),
                    unit: figure_unit.name.get(tr.lang).to_owned(),
                    unit_code: figure_unit.code.to_string(),
                    period: tr.period(f.period),
                    value: tr.number(f.value, indicator.decimals),
                    measure: indicator.measure.get(tr.lang).to_owned(),
                    kind: tr.t(&format!("kind-{}", f.kind.as_str())),
                    state: state.as_str(),
                    state_label: state_label(tr, state),
                    href: report_href(engine, regime, period, unit),
                })
            })
            .take(limit)
            .collect();
        if rows.is_empty() {
            return Ok(String::new());
        }
        let more = if total > rows.len() {
            tr.count("publish-awaiting-more", total - rows.len())
        } else {
            String::new()
        };
        AwaitingTable { page, rows, more }.render()
    }
}
