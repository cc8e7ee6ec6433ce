//! The checks of a regime's reports for one period: every rule broken and every figure that
//! stands out, unit by unit, with the explanation sent for it; the rules in effect; and, for
//! the office the reports go to, the form that sets a rule.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::validation::{CHECKS, RuleInput, violation_problem};
use giamsat_core::access::RecordKind;
use giamsat_core::reporting::Regime;
use giamsat_core::reporting::validation::{Against, Check, Rule, validation_report};
use giamsat_core::{Engine, IndicatorId, Period};
use serde::Deserialize;

use super::forms::{failure, see_other, unit_label};
use super::reporting::{PeriodQuery, latest_closed, period_of, regime_by_code, report_href};
use super::today;
use super::{Layout, Reader, Tr, respond};
use crate::auth::Principal;
use crate::error::PageError;
use crate::i18n::Arg;
use crate::state::AppState;

pub struct FindingRow {
    unit: String,
    href: String,
    state: &'static str,
    state_label: String,
    /// `violation` or `outlier`.
    kind: &'static str,
    kind_label: String,
    indicator: String,
    detail: String,
    explanation: String,
}

pub struct Choice {
    code: String,
    label: String,
}

#[derive(Template)]
#[template(path = "validation.html")]
pub struct ValidationPage<'a> {
    page: Layout<'a>,
    regime: String,
    period: String,
    period_name: String,
    previous: Option<(String, String)>,
    next: Option<(String, String)>,
    summary: String,
    findings: Vec<FindingRow>,
    clean: String,
    rules: Vec<String>,
    may_set: bool,
    checks: Vec<Choice>,
    indicators: Vec<Choice>,
    /// The number fields: name, label, problem.
    numbers: Vec<(&'static str, String, String)>,
    errors: HashMap<String, String>,
}

/// The period asked for, or the one whose reports were due last.
fn chosen_period(regime: &Regime, text: Option<&str>) -> Result<Period, PageError> {
    match text.filter(|p| !p.trim().is_empty()) {
        Some(text) => period_of(regime, text),
        None => latest_closed(regime, today())
            .ok_or_else(|| PageError::not_found("not-found-period", regime.code.as_str())),
    }
}

/// The period before (`-1`) or after (`1`), as its code and its name.
fn period_step(
    regime: &Regime,
    tr: Tr<'_>,
    period: Period,
    delta: i32,
) -> Option<(String, String)> {
    let month = if delta < 0 {
        period.start().shifted(-1)
    } else {
        period.end().shifted(1)
    }?;
    let p = regime.frequency.period_of_month(month)?;
    Some((p.code(), tr.period(p)))
}

fn indicator_name(engine: &Engine, tr: Tr<'_>, id: IndicatorId) -> String {
    engine
        .indicator(id)
        .map_or_else(|| id.to_string(), |i| i.name.get(tr.lang).to_owned())
}

fn figure(engine: &Engine, tr: Tr<'_>, id: IndicatorId, value: f64) -> String {
    let decimals = engine.indicator(id).map_or(2, |i| i.decimals);
    tr.number(value, decimals)
}

/// Why a figure stands out, in words.
fn against_text(engine: &Engine, tr: Tr<'_>, id: IndicatorId, value: f64, a: &Against) -> String {
    let value = Arg::Text(figure(engine, tr, id, value));
    let (base, extra) = match a {
        Against::PreviousPeriod { value, change }
        | Against::SamePeriodLastYear { value, change } => {
            (*value, ("change", tr.change(change * 100.0)))
        }
        Against::History { median, z } => (*median, ("z", tr.number(*z, 1))),
    };
    tr.t_args(
        &format!("validation-outlier-{}", a.code()),
        &[
            ("value", value),
            ("base", Arg::Text(figure(engine, tr, id, base))),
            (extra.0, Arg::Text(extra.1)),
        ],
    )
}

/// A rule in effect, in words.
fn rule_text(engine: &Engine, tr: Tr<'_>, rule: &Rule) -> Vec<String> {
    let name = |id: IndicatorId| Arg::Text(indicator_name(engine, tr, id));
    let number = |id: IndicatorId, v: f64| Arg::Text(figure(engine, tr, id, v));
    let one = |key: &str, args: &[(&str, Arg)]| vec![tr.t_args(key, args)];
    match &rule.check {
        Check::Bounds {
            indicator,
            min,
            max,
        } => {
            let mut args = vec![("indicator", name(*indicator))];
            args.extend(min.map(|m| ("min", number(*indicator, m))));
            args.extend(max.map(|m| ("max", number(*indicator, m))));
            let key = match (min, max) {
                (Some(_), Some(_)) => "validation-rule-range",
                (Some(_), None) => "validation-rule-min",
                (None, Some(_)) => "validation-rule-max",
                (None, None) => return Vec::new(),
            };
            one(key, &args)
        }
        Check::Required { indicator } => one(
            "validation-rule-required",
            &[("indicator", name(*indicator))],
        ),
        Check::PartOf { part, whole } => one(
            "validation-rule-part_of",
            &[("indicator", name(*part)), ("whole", name(*whole))],
        ),
        Check::SumOf {
            whole,
            parts,
            tolerance,
        } => {
            let parts: Vec<String> = parts
                .iter()
                .map(|p| indicator_name(engine, tr, *p))
                .collect();
            one(
                "validation-rule-sum_of",
                &[
                    ("parts", Arg::Text(parts.join(", "))),
                    ("whole", name(*whole)),
                    ("tolerance", Arg::Text(tr.percent(tolerance * 100.0))),
                ],
            )
        }
        Check::MonthWithinYearToDate {
            month,
            year_to_date,
        } => one(
            "validation-rule-month_within_year_to_date",
            &[("indicator", name(*month)), ("whole", name(*year_to_date))],
        ),
        Check::Outliers {
            indicator,
            change,
            z,
        } => {
            let who = || match indicator {
                Some(i) => name(*i),
                None => Arg::Text(tr.t("validation-every-indicator")),
            };
            let change = match (change, z) {
                (None, None) => Some(giamsat_core::reporting::validation::DEFAULT_CHANGE),
                (c, _) => *c,
            };
            let mut lines = Vec::new();
            if let Some(c) = change {
                lines.extend(one(
                    "validation-rule-change",
                    &[
                        ("indicator", who()),
                        ("change", Arg::Text(tr.percent(c * 100.0))),
                    ],
                ));
            }
            if let Some(z) = z {
                lines.extend(one(
                    "validation-rule-z",
                    &[("indicator", who()), ("z", Arg::Text(tr.number(*z, 1)))],
                ));
            }
            lines
        }
    }
}

fn findings_rows(
    state: &AppState<impl Store>,
    engine: &Engine,
    tr: Tr<'_>,
    regime: &Regime,
    period: Period,
) -> (Vec<FindingRow>, Vec<String>, usize) {
    let mut rows = Vec::new();
    let mut clean = Vec::new();
    let report = validation_report(engine, regime, period);
    let units = report.len();
    for (unit, findings) in report {
        let label = unit_label(engine, tr, unit);
        if findings.is_clean() {
            clean.push(label);
            continue;
        }
        let submission = engine
            .reporting()
            .submission_or_draft(regime.id, unit, period);
        let row =
            |kind: &'static str, indicator: IndicatorId, detail: String, explanation| FindingRow {
                unit: label.clone(),
                href: report_href(engine, regime, period, unit),
                state: submission.state.as_str(),
                state_label: tr.t(&format!("cycle-status-{}", submission.state.as_str())),
                kind,
                kind_label: tr.t(&format!("validation-kind-{kind}")),
                indicator: indicator_name(engine, tr, indicator),
                detail,
                explanation,
            };
        for v in &findings.violations {
            let detail = state
                .i18n
                .problem(tr.lang, &violation_problem(engine, v, tr.lang));
            rows.push(row("violation", v.indicator(), detail, String::new()));
        }
        for o in &findings.outliers {
            let detail: Vec<String> = o
                .against
                .iter()
                .map(|a| against_text(engine, tr, o.indicator, o.value, a))
                .collect();
            let explanation = submission
                .explanation(o.indicator)
                .map_or_else(|| tr.t("validation-unexplained"), str::to_owned);
            rows.push(row("outlier", o.indicator, detail.join("; "), explanation));
        }
    }
    (rows, clean, units)
}

fn validation_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    code: &str,
    period: Option<&str>,
    status: StatusCode,
    errors: HashMap<String, String>,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let regime = regime_by_code(&engine, code)?;
    let period = chosen_period(regime, period)?;
    let layout = Layout::new(
        &state.i18n,
        reader,
        "/reports",
        format!(
            "{} — {}",
            state.i18n.t(reader.lang, "validation-title"),
            regime.name.get(reader.lang)
        ),
    );
    let tr = layout.tr;
    let (findings, clean, units) = findings_rows(state, &engine, tr, regime, period);
    let tally = |kind: &str| {
        let n = findings.iter().filter(|f| f.kind == kind).count();
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    };
    let summary = tr.t_args(
        "validation-summary",
        &[
            ("violations", tally("violation")),
            ("outliers", tally("outlier")),
            (
                "units",
                Arg::Number(i64::try_from(units).unwrap_or(i64::MAX)),
            ),
        ],
    );
    let clean = if clean.is_empty() || findings.is_empty() {
        String::new()
    } else {
        tr.t_args(
            "validation-clean-units",
            &[("units", Arg::Text(clean.join(", ")))],
        )
    };
    let rules = engine
        .validation()
        .of_regime(regime.id)
        .iter()
        .flat_map(|r| rule_text(&engine, tr, r))
        .collect();
    let page = ValidationPage {
        regime: regime.code.to_string(),
        period: period.code(),
        period_name: tr.period(period),
        previous: period_step(regime, tr, period, -1),
        next: period_step(regime, tr, period, 1),
        summary,
        findings,
        clean,
        rules,
        may_set: reader.may(RecordKind::Regime),
        checks: CHECKS
            .iter()
            .map(|c| Choice {
                code: (*c).to_owned(),
                label: tr.t(&format!("validation-check-{c}")),
            })
            .collect(),
        indicators: regime
            .indicators
            .iter()
            .filter_map(|i| engine.indicator(*i))
            .map(|i| Choice {
                code: i.code.to_string(),
                label: i.name.get(tr.lang).to_owned(),
            })
            .collect(),
        numbers: ["min", "max", "tolerance", "change", "z"]
            .into_iter()
            .map(|name| {
                let error = errors.get(name).cloned().unwrap_or_default();
                (name, tr.t(&format!("validation-field-{name}")), error)
            })
            .collect(),
        errors,
        page: layout,
    };
    Ok(respond(reader, status, page.render()))
}

pub async fn validation<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    Path(code): Path<String>,
    Query(query): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    validation_page(
        &state,
        &reader,
        &code,
        query.period.as_deref(),
        StatusCode::OK,
        HashMap::new(),
    )
}

/// The rule form: the fields of [`RuleInput`], `parts` once for each part chosen, and the
/// period the page showed, to return to.
#[derive(Deserialize)]
pub struct RuleForm {
    #[serde(default)]
    period: Option<String>,
}

pub async fn set_rule<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Path(code): Path<String>,
    Query(query): Query<RuleForm>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.clone())
    };
    let input = RuleInput {
        regime: Some(code.clone()),
        check: field("check"),
        indicator: field("indicator"),
        whole: field("whole"),
        parts: fields
            .iter()
            .filter(|(k, _)| k == "parts")
            .map(|(_, v)| v.clone())
            .collect(),
        year_to_date: field("whole")
            .filter(|_| field("check").as_deref() == Some("month_within_year_to_date")),
        min: field("min"),
        max: field("max"),
        tolerance: field("tolerance"),
        change: field("change"),
        z: field("z"),
        source: None,
    };
    let input = RuleInput {
        whole: input.whole.clone().filter(|_| input.year_to_date.is_none()),
        ..input
    };
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let period = query.period.filter(|p| !p.trim().is_empty());
    match state
        .app
        .set_rule(&who.0.actor, &input, super::WEB_FORM_SOURCE)
        .await
    {
        Ok(_) => Ok(see_other(match &period {
            Some(p) => format!("/reports/{code}/validation?period={p}"),
            None => format!("/reports/{code}/validation"),
        })),
        Err(e) => {
            let (status, mut errors) = failure(tr, e)?;
            // The form's one total field stands for the year to date too.
            if let Some(m) = errors.remove("year_to_date") {
                errors.insert("whole".into(), m);
            }
            validation_page(&state, &reader, &code, period.as_deref(), status, errors)
        }
    }
}
