//! The report form (*biểu mẫu báo cáo*): a unit's indicators for a period as a workbook to
//! fill offline (its last period, the same period last year and the plan beside empty cells),
//! and the page that takes it back. A filled form is recorded as the entry page records its
//! figures, all or nothing, and every problem names its sheet, row and column.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use giamsat_app::Store;
use giamsat_app::spreadsheet::{self, CellProblem, CellReason, FormError, FormWords};
use giamsat_core::{ObservationKind, Period};
use serde::Deserialize;

use super::{Layout, Reader, Tr, respond};
use crate::auth::Principal;
use crate::download;
use crate::error::PageError;
use crate::i18n::Arg;
use crate::state::AppState;

#[derive(Deserialize, Default)]
pub struct FormQuery {
    unit: Option<String>,
    period: Option<String>,
}

pub struct KindChoice {
    value: &'static str,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "report_form.html")]
pub struct FormPage<'a> {
    page: Layout<'a>,
    units: Vec<(String, String)>,
    unit: String,
    period: String,
    download: Option<String>,
    chosen: String,
    kinds: Vec<KindChoice>,
    errors: Vec<String>,
}

fn render<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    query: &FormQuery,
    errors: Vec<String>,
) -> askama::Result<String> {
    let page = Layout::new(
        &state.i18n,
        reader,
        "/entry",
        state.i18n.t(reader.lang, "form-title"),
    );
    let tr = page.tr;
    let engine = state.app.engine();
    let unit_code = query.unit.clone().unwrap_or_default();
    let period_code = query.period.clone().unwrap_or_default();
    let unit = super::unit_by_code(&engine, &unit_code);
    let period = period_code.trim().parse::<Period>().ok();
    let (download, chosen) = match (unit, period) {
        (Some(u), Some(p)) => (
            Some(format!(
                "/entry/form.xlsx?unit={}&period={}&lang={}",
                u.code,
                p.code(),
                tr.lang.code()
            )),
            format!("{} · {}", u.name.get(tr.lang), tr.period(p)),
        ),
        _ => (None, String::new()),
    };
    FormPage {
        units: super::entry::unit_choices(&engine, tr),
        unit: unit_code,
        period: period_code,
        download,
        chosen,
        kinds: ObservationKind::ALL
            .iter()
            .map(|k| KindChoice {
                value: k.as_str(),
                label: tr.t(&format!("kind-{}", k.as_str())),
                checked: *k == ObservationKind::Estimate,
            })
            .collect(),
        errors,
        page,
    }
    .render()
}

/// `/entry/form`: choose a unit and period, download the form, send it back.
pub async fn report_form<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<FormQuery>,
    reader: Reader,
) -> Response {
    let rendered = render(&state, &reader, &query, Vec::new());
    respond(&reader, StatusCode::OK, rendered)
}

/// The words of the form in the reader's language.
fn words(tr: Tr<'_>, unit: &str, period: Period) -> FormWords {
    let previous = spreadsheet::previous_period(period)
        .map(|p| tr.period(p))
        .unwrap_or_default();
    let last_year = period
        .same_period_last_year()
        .map(|p| tr.period(p))
        .unwrap_or_default();
    let with_period = |id: &str, p: String| tr.t_args(id, &[("period", Arg::Text(p))]);
    FormWords {
        sheet: tr.t("form-sheet"),
        title: tr.t_args(
            "form-sheet-title",
            &[
                ("unit", Arg::Text(unit.to_owned())),
                ("period", Arg::Text(tr.period(period))),
            ],
        ),
        hint: tr.t("form-sheet-hint"),
        headers: [
            tr.t("col-indicator"),
            tr.t("col-measure"),
            with_period("form-col-last-period", previous),
            with_period("form-col-last-year", last_year),
            tr.t("col-plan"),
            with_period("form-col-value", tr.period(period)),
            tr.t("export-col-note"),
        ],
    }
}

/// `/entry/form.xlsx?unit=…&period=…`: the form, pre-filled.
pub async fn form_download<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<FormQuery>,
    reader: Reader,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let code = query.unit.unwrap_or_default();
    let text = query.period.unwrap_or_default();
    let engine = state.app.engine();
    let unit = super::unit_by_code(&engine, &code)
        .ok_or_else(|| PageError::not_found("not-found-unit", code.clone()))?;
    let period = text
        .trim()
        .parse::<Period>()
        .map_err(|_| PageError::not_found("form-not-a-period", text.clone()))?;
    let mut lines = spreadsheet::form_lines(&engine, unit, period);
    for line in &mut lines {
        if let Some(indicator) = giamsat_core::IndicatorCode::parse(&line.code)
            .ok()
            .and_then(|c| engine.indicator_by_code(&c))
        {
            line.name = indicator.name.get(tr.lang).to_owned();
            line.measure = indicator.measure.get(tr.lang).to_owned();
        }
    }
    let name = unit.name.get(tr.lang).to_owned();
    let bytes = spreadsheet::form_xlsx(
        &words(tr, &name, period),
        &unit.code.to_string(),
        period,
        &lines,
        tr.lang,
    )
    .map_err(|e| {
        tracing::error!(error = %e, "writing a report form failed");
        PageError::Unreadable(StatusCode::INTERNAL_SERVER_ERROR)
    })?;
    let file = format!("{} {} {}.xlsx", tr.t("form-sheet"), name, period.code());
    Ok(download::attachment(&file, download::XLSX, bytes))
}

/// A problem of a cell, in the reader's language: "Sheet Biểu mẫu, row 7, column F: …".
fn cell_message(tr: Tr<'_>, problem: &CellProblem) -> String {
    let reason = match &problem.reason {
        CellReason::NotANumber { text } => tr.t_args(
            "entry-error-number",
            &[
                ("text", Arg::Text(text.clone())),
                ("example", Arg::Text(tr.number(36_539.5, 1))),
            ],
        ),
        CellReason::TooLarge => tr.t("entry-error-too-large"),
        CellReason::NotAValue => tr.t("form-error-not-a-value"),
        CellReason::NoteWithoutValue => tr.t("form-error-note-without-value"),
        CellReason::NotInForm => tr.t("form-error-not-in-form"),
        CellReason::Field(error) => tr.field_problem(error),
    };
    tr.t_args(
        "form-error-cell",
        &[
            ("sheet", Arg::Text(problem.sheet.clone())),
            ("row", Arg::Number(i64::from(problem.row))),
            ("column", Arg::Text(problem.column.to_string())),
            ("reason", Arg::Text(reason)),
        ],
    )
}

/// `POST /entry/form`: a filled form, as a multipart upload (`file`, `kind`).
pub async fn form_upload<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let parts = crate::auth::multipart_parts(content_type, body)
        .await
        .map_err(|_| PageError::Unreadable(StatusCode::BAD_REQUEST))?;
    let mut file = None;
    let mut kind = ObservationKind::Estimate;
    for part in parts {
        match part.name.as_str() {
            "file" if !part.bytes.is_empty() => file = Some(part.bytes),
            "kind" => {
                kind =
                    ObservationKind::parse(&String::from_utf8_lossy(&part.bytes)).unwrap_or(kind);
            }
            _ => {}
        }
    }
    let outcome = match file {
        None => Err(vec![tr.t("form-error-no-file")]),
        Some(bytes) => match state
            .app
            .record_form(&who.0.actor, &bytes, kind, tr.lang)
            .await
        {
            Ok(count) => Ok(count),
            Err(error) => Err(form_errors(tr, error)?),
        },
    };
    match outcome {
        Ok((unit, count)) => Ok((
            StatusCode::SEE_OTHER,
            [(header::LOCATION, format!("/units/{unit}?saved={count}"))],
        )
            .into_response()),
        Err(errors) => {
            let rendered = render(&state, &reader, &FormQuery::default(), errors);
            Ok(respond(&reader, StatusCode::UNPROCESSABLE_ENTITY, rendered))
        }
    }
}

/// Why a form was refused, as the lines the page lists; failures of the server are the error
/// page.
fn form_errors(tr: Tr<'_>, error: FormError) -> Result<Vec<String>, PageError> {
    Ok(match error {
        FormError::Unreadable => vec![tr.t("form-error-unreadable")],
        FormError::NotAForm => vec![tr.t("form-error-not-a-form")],
        FormError::Empty => vec![tr.t("form-error-empty")],
        FormError::Cells(problems) => problems.iter().map(|p| cell_message(tr, p)).collect(),
        FormError::App(error) => vec![super::refusal_in_form(tr, error)?.1],
    })
}
