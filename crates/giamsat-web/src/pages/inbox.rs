//! `/inbox`: what is due for the reader (`giamsat_core::inbox`), each thing in words (names,
//! periods and dates in the reader's language) with a link to the page where it is done. The
//! same lines make the daily digest (`digest`), so the e-mail says what the page says.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::inbox::Digest;
use giamsat_core::inbox::{Item, REMIND_DAYS, Urgency};
use giamsat_core::{Engine, UnitId};

use super::{Layout, Reader, Tr, respond, today};
use crate::error::PageError;
use crate::i18n::{Arg, I18n};
use crate::state::AppState;

/// One thing to do, as a person reads it.
pub struct InboxLine {
    pub kind: &'static str,
    pub kind_label: String,
    pub title: String,
    pub unit: String,
    pub when: String,
    /// `overdue`, `today`, `soon`, or empty when the item has no deadline to meet.
    pub urgency: &'static str,
    pub urgency_label: String,
    pub reason: Option<String>,
    /// The page where it is done, from the site's root.
    pub href: String,
}

fn unit_name(engine: &Engine, tr: Tr<'_>, unit: UnitId) -> String {
    engine
        .unit(unit)
        .map_or_else(|| unit.to_string(), |u| u.name.get(tr.lang).to_owned())
}

fn unit_code(engine: &Engine, unit: UnitId) -> String {
    engine
        .unit(unit)
        .map(|u| u.code.to_string())
        .unwrap_or_default()
}

fn days(n: u32) -> Arg {
    Arg::Number(i64::from(n))
}

fn urgency_words(tr: Tr<'_>, urgency: Urgency) -> (&'static str, String) {
    match urgency {
        Urgency::Overdue(n) => (
            "overdue",
            tr.t_args("inbox-urgency-overdue", &[("days", days(n))]),
        ),
        Urgency::Today => ("today", tr.t("inbox-urgency-today")),
        Urgency::Soon(n) => (
            "soon",
            tr.t_args("inbox-urgency-soon", &[("days", days(n))]),
        ),
    }
}

fn due_words(tr: Tr<'_>, due: Option<time::Date>) -> String {
    due.map(|d| tr.t_args("inbox-due", &[("date", Arg::Text(tr.date(d)))]))
        .unwrap_or_default()
}

/// The first words of a long text, cut between words.
fn first_words(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let cut: String = text.chars().take(limit).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// The line of a report (to send, sent back or to decide) of a regime, unit and period.
fn report_line(
    engine: &Engine,
    tr: Tr<'_>,
    (regime, unit, period): (giamsat_core::RegimeId, UnitId, giamsat_core::Period),
) -> Option<(String, String)> {
    let regime = engine.reporting().regime(regime)?;
    let title = tr.t_args(
        "inbox-report",
        &[
            ("regime", Arg::Text(regime.name.get(tr.lang).to_owned())),
            ("period", Arg::Text(tr.period(period))),
        ],
    );
    let href = format!(
        "/reports/{}/{}/{}",
        regime.code,
        period.code(),
        unit_code(engine, unit)
    );
    Some((title, href))
}

/// One item in words, or `None` when what it names is gone from the engine.
pub fn line(engine: &Engine, tr: Tr<'_>, item: &Item) -> Option<InboxLine> {
    let kind = item.kind();
    let mut line = InboxLine {
        kind,
        kind_label: tr.t(&format!("inbox-kind-{kind}")),
        title: String::new(),
        unit: unit_name(engine, tr, item.unit()),
        when: due_words(tr, item.due()),
        urgency: "",
        urgency_label: String::new(),
        reason: None,
        href: String::new(),
    };
    match item {
        Item::ReportDue {
            regime,
            unit,
            period,
            urgency,
            ..
        } => {
            (line.title, line.href) = report_line(engine, tr, (*regime, *unit, *period))?;
            (line.urgency, line.urgency_label) = urgency_words(tr, *urgency);
        }
        Item::ReportReturned {
            regime,
            unit,
            period,
            reason,
            ..
        } => {
            (line.title, line.href) = report_line(engine, tr, (*regime, *unit, *period))?;
            line.reason = Some(tr.t_args("inbox-reason", &[("reason", Arg::Text(reason.clone()))]));
        }
        Item::ReportToDecide {
            regime,
            unit,
            period,
            sent_on,
        } => {
            (line.title, line.href) = report_line(engine, tr, (*regime, *unit, *period))?;
            line.when = sent_on
                .map(|d| tr.t_args("inbox-sent-on", &[("date", Arg::Text(tr.date(d)))]))
                .unwrap_or_default();
        }
        Item::TaskDue { task, urgency, .. } => {
            let task = engine.follow_up().task(*task)?;
            line.title = first_words(&task.title, 160);
            line.href = format!("/tasks/{}", task.id);
            (line.urgency, line.urgency_label) = urgency_words(tr, *urgency);
        }
        Item::RecommendationDue {
            recommendation,
            urgency,
            ..
        } => {
            let r = engine
                .follow_up()
                .recommendations()
                .find(|r| r.id == *recommendation)?;
            line.title = first_words(&r.text, 160);
            line.href = format!("/recommendations#recommendation-{}", r.id);
            (line.urgency, line.urgency_label) = urgency_words(tr, *urgency);
        }
    }
    Some(line)
}

/// Every item in words, in the inbox's order.
pub fn lines(engine: &Engine, tr: Tr<'_>, items: &[Item]) -> Vec<InboxLine> {
    items.iter().filter_map(|i| line(engine, tr, i)).collect()
}

#[derive(Template)]
#[template(path = "inbox.html")]
pub struct InboxPage<'a> {
    page: Layout<'a>,
    lede: String,
    empty: String,
    count: String,
    lines: Vec<InboxLine>,
}

pub async fn inbox<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
) -> Result<Response, PageError> {
    let items = match &reader.who {
        Some(who) => state.app.inbox(&who.actor, today()),
        None => Vec::new(),
    };
    let html = inbox_page(&state.app.engine(), &state.i18n, &reader, &items);
    Ok(respond(&reader, StatusCode::OK, html))
}

/// The page of `items` (one person's inbox), rendered.
pub fn inbox_page(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    items: &[Item],
) -> askama::Result<String> {
    let layout = Layout::new(i18n, reader, "/inbox", i18n.t(reader.lang, "inbox-title"));
    let tr = layout.tr;
    let remind = [("days", Arg::Number(i64::from(REMIND_DAYS)))];
    let lines = lines(engine, tr, items);
    InboxPage {
        lede: tr.t_args("inbox-lede", &remind),
        empty: tr.t_args("inbox-empty", &remind),
        count: tr.count("inbox-count", lines.len()),
        lines,
        page: layout,
    }
    .render()
}

/// A digest as an e-mail: its subject and plain text, in the account's language, every link
/// made absolute from `site` (the address people reach the server at).
pub fn digest_text(
    i18n: &I18n,
    engine: &Engine,
    digest: &Digest,
    day: time::Date,
    site: &str,
) -> (String, String) {
    let tr = Tr {
        i18n,
        lang: digest.language,
    };
    let site = site.trim_end_matches('/');
    let date = || Arg::Text(tr.date(day));
    let lines = lines(engine, tr, &digest.items);
    let count = Arg::Number(i64::try_from(lines.len()).unwrap_or(i64::MAX));
    let subject = tr.t_args("digest-subject", &[("count", count), ("date", date())]);
    let mut body = String::new();
    body.push_str(&tr.t_args(
        "digest-greeting",
        &[("name", Arg::Text(digest.display_name.clone()))],
    ));
    body.push_str("\n\n");
    body.push_str(&tr.t_args("digest-intro", &[("date", date())]));
    body.push_str("\n\n");
    for l in &lines {
        let head = tr.t_args(
            "digest-item",
            &[
                ("kind", Arg::Text(l.kind_label.clone())),
                ("title", Arg::Text(l.title.clone())),
            ],
        );
        body.push_str(&format!("* {head}\n  {}", l.unit));
        for part in [&l.when, &l.urgency_label] {
            if !part.is_empty() {
                body.push_str(" · ");
                body.push_str(part);
            }
        }
        body.push('\n');
        if let Some(reason) = &l.reason {
            body.push_str(&format!("  {reason}\n"));
        }
        body.push_str(&format!("  {site}{}\n\n", l.href));
    }
    body.push_str(&tr.t_args(
        "digest-footer",
        &[("link", Arg::Text(format!("{site}/inbox?lang={}", tr.lang)))],
    ));
    body.push('\n');
    (subject, body)
}
