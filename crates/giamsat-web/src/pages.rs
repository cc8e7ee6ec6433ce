//! HTML pages, rendered on the server in the reader's language.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{Html, IntoResponse, Response};
use giamsat_app::Store;
use giamsat_core::evaluation::{self, Status};
use giamsat_core::text::{Language, format_number, format_percent};
use serde::Deserialize;

use crate::api::AppState;
use crate::i18n::{Arg, I18n, choose_language};

#[derive(Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

pub struct LanguageChoice {
    code: &'static str,
    name: String,
    current: bool,
}

pub struct SummaryItem {
    status: &'static str,
    label: String,
    count: String,
}

pub struct TargetRow {
    status: &'static str,
    status_label: String,
    indicator: String,
    measure: String,
    unit: String,
    period: String,
    plan: String,
    actual: String,
    actual_note: String,
    percent: String,
    change: String,
    document: String,
}

#[derive(Template)]
#[template(path = "targets.html")]
pub struct TargetsPage {
    lang: &'static str,
    app_name: String,
    tagline: String,
    title: String,
    language_switch: String,
    languages: Vec<LanguageChoice>,
    summary_title: String,
    summary: Vec<SummaryItem>,
    caption: String,
    empty: String,
    col_status: String,
    col_indicator: String,
    col_unit: String,
    col_period: String,
    col_plan: String,
    col_actual: String,
    col_percent: String,
    col_change: String,
    col_document: String,
    rows: Vec<TargetRow>,
    footer: String,
}

fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then_some(v)
        })
}

/// The reader's language, and whether it was chosen just now (and so should be remembered).
pub fn language(headers: &HeaderMap, query: &LangQuery) -> (Language, bool) {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let language = choose_language(query.lang.as_deref(), cookie(headers, "lang"), accept);
    let chosen = query
        .lang
        .as_deref()
        .and_then(|l| l.parse::<Language>().ok())
        .is_some();
    (language, chosen)
}

pub fn targets_page(engine: &giamsat_core::Engine, i18n: &I18n, lang: Language) -> TargetsPage {
    let t = |id: &str| i18n.t(lang, id);
    let mut evaluated: Vec<_> = engine
        .targets()
        .map(|target| (target, evaluation::evaluate(engine, target)))
        .collect();
    evaluated.sort_by_key(|(target, e)| (e.status, target.id));
    let rows = evaluated
        .iter()
        .map(|(target, e)| {
            let indicator = engine.indicator(target.indicator);
            let decimals = indicator.map_or(0, |i| i.decimals);
            let number = |v: f64| format_number(v, decimals, lang);
            let (actual, actual_note) = match &e.actual {
                Some(a) => (
                    number(a.value),
                    format!(
                        "{} · {}",
                        i18n.period(lang, a.span),
                        t(&format!("kind-{}", a.kind.as_str()))
                    ),
                ),
                None => ("—".to_owned(), String::new()),
            };
            TargetRow {
                status: e.status.as_str(),
                status_label: t(&format!("status-{}", e.status.as_str())),
                indicator: indicator
                    .map(|i| i.name.get(lang).to_owned())
                    .unwrap_or_default(),
                measure: indicator
                    .map(|i| i.measure.get(lang).to_owned())
                    .unwrap_or_default(),
                unit: engine
                    .unit(target.unit)
                    .map(|u| u.name.get(lang).to_owned())
                    .unwrap_or_default(),
                period: i18n.period(lang, target.period),
                plan: number(target.value),
                actual,
                actual_note,
                percent: e
                    .percent_of_plan
                    .map_or_else(|| "—".into(), |p| format_percent(p, 2, lang)),
                change: e.change_over_same_period.map_or_else(
                    || "—".into(),
                    |c| {
                        let sign = if c > 0.0 { "+" } else { "" };
                        format!("{sign}{}", format_percent(c, 2, lang))
                    },
                ),
                document: engine
                    .document(target.document)
                    .map(|d| d.title.get(lang).to_owned())
                    .unwrap_or_default(),
            }
        })
        .collect();
    let summary = Status::ALL
        .iter()
        .map(|status| {
            let count = evaluated
                .iter()
                .filter(|(_, e)| e.status == *status)
                .count();
            SummaryItem {
                status: status.as_str(),
                label: t(&format!("status-{}", status.as_str())),
                count: i18n.t_args(
                    lang,
                    "status-count",
                    &[("count", Arg::Number(count as i64))],
                ),
            }
        })
        .collect();
    TargetsPage {
        lang: lang.code(),
        app_name: t("app-name"),
        tagline: t("app-tagline"),
        title: t("targets-title"),
        language_switch: t("language-switch"),
        languages: Language::ALL
            .iter()
            .map(|l| LanguageChoice {
                code: l.code(),
                name: i18n.t(*l, "language-name"),
                current: *l == lang,
            })
            .collect(),
        summary_title: t("summary-title"),
        summary,
        caption: t("targets-caption"),
        empty: t("targets-empty"),
        col_status: t("col-status"),
        col_indicator: t("col-indicator"),
        col_unit: t("col-unit"),
        col_period: t("col-period"),
        col_plan: t("col-plan"),
        col_actual: t("col-actual"),
        col_percent: t("col-percent-of-plan"),
        col_change: t("col-change"),
        col_document: t("col-document"),
        rows,
        footer: t("footer-api"),
    }
}

pub async fn targets<S: Store>(
    State(state): State<AppState<S>>,
    headers: HeaderMap,
    Query(query): Query<LangQuery>,
) -> Response {
    let (lang, chosen) = language(&headers, &query);
    let rendered = {
        let engine = state.app.engine();
        targets_page(&engine, &state.i18n, lang).render()
    };
    let mut response = match rendered {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "rendering the targets page failed");
            (
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "internal error",
            )
                .into_response()
        }
    };
    response.headers_mut().insert(
        header::VARY,
        header::HeaderValue::from_static("Accept-Language, Cookie"),
    );
    if chosen {
        let cookie = format!(
            "lang={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
            lang.code()
        );
        if let Ok(value) = header::HeaderValue::from_str(&cookie) {
            response.headers_mut().insert(header::SET_COOKIE, value);
        }
    }
    response
}
