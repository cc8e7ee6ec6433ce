//! `/api/v1/regimes` and `/api/v1/regimes/{code}/completeness`: the reporting regimes
//! (*chế độ báo cáo*) and, for one period, which units sent their report on time, late or not
//! at all, with the rates rolled up the tree and over the last twelve periods (DHIS2's
//! reporting rates).

use axum::Json;
use axum::extract::{Path, Query, State};
use giamsat_app::Store;
use giamsat_core::reporting::{ClosingWindow, Rates, Regime, RegimeCode, completeness};
use giamsat_core::{Engine, Period, Translations};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::state::{AppState, unit_code};

#[derive(Serialize, utoipa::ToSchema)]
pub struct RegimeView {
    code: String,
    name: Translations,
    /// The key of the document that set it, as `/api/v1/documents/{key}` takes it.
    document: String,
    /// `monthly`, `quarterly`, `six_monthly` or `yearly`.
    frequency: &'static str,
    indicators: Vec<String>,
    /// The unit reports are sent to, whose office approves them.
    recipient: String,
    /// Days after the closing day by which a report is due.
    deadline_days: u16,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RatesView {
    expected: usize,
    sent: usize,
    on_time: usize,
    /// Reports sent, in percent of those expected; null when none were expected.
    completeness: Option<f64>,
    /// Reports sent by their deadline, in percent of those expected.
    timeliness: Option<f64>,
}

impl From<Rates> for RatesView {
    fn from(r: Rates) -> Self {
        RatesView {
            expected: r.expected,
            sent: r.sent,
            on_time: r.on_time,
            completeness: r.completeness(),
            timeliness: r.timeliness(),
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct UnitReportView {
    unit: String,
    /// `draft`, `submitted`, `returned`, `approved` or `reopened`.
    state: &'static str,
    /// `on_time`, `late` or `missing`.
    timeliness: &'static str,
    /// The day it was first sent.
    sent_on: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct UnitRatesView {
    unit: String,
    #[serde(flatten)]
    rates: RatesView,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PeriodRatesView {
    period: String,
    #[serde(flatten)]
    rates: RatesView,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CompletenessView {
    regime: String,
    period: String,
    /// The data closing window's first and last days (Decree 09/2019/NĐ-CP art. 12).
    window_first: Option<String>,
    window_last: Option<String>,
    deadline: Option<String>,
    total: RatesView,
    /// Every unit that must report, in tree order.
    reports: Vec<UnitReportView>,
    /// Each reporting unit and each unit above one, with the rates of its subtree.
    by_unit: Vec<UnitRatesView>,
    /// The twelve periods up to this one, oldest first.
    history: Vec<PeriodRatesView>,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// A reporting period of the regime (`2026-11`); by default the one due last.
    #[param(
        pattern = r"^\s*([1-9]\d{3}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?)?\s*$",
        example = "2026-11"
    )]
    pub(super) period: Option<String>,
}

pub(super) fn regime_of<'e>(engine: &'e Engine, code: &str) -> Result<&'e Regime, ApiError> {
    RegimeCode::parse(code)
        .ok()
        .and_then(|c| engine.reporting().regime_by_code(&c))
        .ok_or_else(|| ApiError::not_found("regime", code))
}

/// The period asked for, which must be one of the regime's, or else the one whose reports
/// were due last.
pub(super) fn period_of(regime: &Regime, period: Option<&str>) -> Result<Period, ApiError> {
    match period.filter(|p| !p.trim().is_empty()) {
        Some(text) => text
            .parse::<Period>()
            .ok()
            .filter(|p| regime.has_period(*p))
            .ok_or_else(|| {
                ApiError::BadRequest(format!(
                    "{text} is not a reporting period of {}",
                    regime.code
                ))
            }),
        None => regime
            .frequency
            .period_closing_on(crate::state::today())
            .and_then(|open| open.start().shifted(-1))
            .and_then(|m| regime.frequency.period_of_month(m))
            .ok_or_else(|| ApiError::BadRequest("give a period".into())),
    }
}

fn regime_view(engine: &Engine, regime: &Regime) -> RegimeView {
    RegimeView {
        code: regime.code.to_string(),
        name: regime.name.clone(),
        document: engine
            .document(regime.document)
            .map(|d| d.key.to_string())
            .unwrap_or_default(),
        frequency: regime.frequency.as_str(),
        indicators: regime
            .indicators
            .iter()
            .filter_map(|i| engine.indicator(*i))
            .map(|i| i.code.to_string())
            .collect(),
        recipient: unit_code(engine, regime.recipient),
        deadline_days: regime.deadline_days,
    }
}

/// Every reporting regime, in the order they were set.
#[utoipa::path(get, path = "/api/v1/regimes", tag = "reporting", summary = "The reporting regimes: who reports what, how often, by when", responses((status = 200, body = Vec<RegimeView>)))]
pub async fn list_regimes<S: Store>(State(state): State<AppState<S>>) -> Json<Vec<RegimeView>> {
    let engine = state.app.engine();
    Json(
        engine
            .reporting()
            .regimes()
            .map(|r| regime_view(&engine, r))
            .collect(),
    )
}

/// Completeness and timeliness of a regime's reports for a period.
#[utoipa::path(get, path = "/api/v1/regimes/{code}/completeness", tag = "reporting", summary = "Which units sent their report on time, late or not at all, and the rates per unit, rolled up the tree and over the last twelve periods", params(("code" = String, Path, description = "The regime's code", example = "QN-SO-THANG"), PeriodQuery), responses((status = 200, body = CompletenessView)))]
pub async fn regime_completeness<S: Store>(
    State(state): State<AppState<S>>,
    Path(code): Path<String>,
    Query(query): Query<PeriodQuery>,
) -> Result<Json<CompletenessView>, ApiError> {
    let engine = state.app.engine();
    let regime = regime_of(&engine, &code)?;
    let period = period_of(regime, query.period.as_deref())?;
    let c = completeness(&engine, regime, period);
    let window = ClosingWindow::of(period);
    let mut history = vec![PeriodRatesView {
        period: period.code(),
        rates: c.total.into(),
    }];
    let mut earlier = period;
    while history.len() < 12 {
        let Some(p) = earlier
            .start()
            .shifted(-1)
            .and_then(|m| regime.frequency.period_of_month(m))
        else {
            break;
        };
        history.push(PeriodRatesView {
            period: p.code(),
            rates: completeness(&engine, regime, p).total.into(),
        });
        earlier = p;
    }
    history.reverse();
    Ok(Json(CompletenessView {
        regime: regime.code.to_string(),
        period: period.code(),
        window_first: window.map(|w| w.first.to_string()),
        window_last: window.map(|w| w.last.to_string()),
        deadline: regime.deadline(period).map(|d| d.to_string()),
        total: c.total.into(),
        reports: c
            .reports
            .iter()
            .map(|r| UnitReportView {
                unit: unit_code(&engine, r.unit),
                state: r.state.as_str(),
                timeliness: r.timeliness.as_str(),
                sent_on: r.sent_on.map(|d| d.to_string()),
            })
            .collect(),
        by_unit: c
            .by_unit
            .iter()
            .map(|(unit, rates)| UnitRatesView {
                unit: unit_code(&engine, *unit),
                rates: (*rates).into(),
            })
            .collect(),
        history,
    }))
}
