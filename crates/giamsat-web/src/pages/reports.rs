//! Reports written from data, as the offices write them: a unit's periodic report on its
//! targets (`/units/{code}/report`), a review of localities (`/rankings/review`) and a working
//! session's notice of conclusions (`/supervision/sessions/{id}/notice`). What each states
//! comes from `giamsat_app::reports`; here every sentence is a Fluent message in the reader's
//! language, laid out as an administrative document under Decree 30/2020/NĐ-CP (national
//! title and motto, issuer, number and symbol, place and date), as a page with a print layout
//! (A4, the decree's margins) and as a Word document (`….docx`, [`crate::docx`]).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use giamsat_app::Store;
use giamsat_app::reports::{
    self, Card, Growth, HIGH_SHARE, Issuer, LocalityReview, SessionNotice, UnitReport,
};
use giamsat_core::follow_up::DelegationRole;
use giamsat_core::indicator::IndicatorCode;
use giamsat_core::org::UnitKind;
use giamsat_core::{Engine, FollowUpId, Language, ObservationKind, Period, UnitId};
use serde::Deserialize;

use super::{Layout, Reader, Tr, respond, today, unit_by_code};
use crate::error::PageError;
use crate::i18n::Arg;
use crate::state::AppState;

/// One part of a written report's body.
pub enum Block {
    Heading(String),
    Paragraph(String),
    /// A numbered item of a list (a conclusion), its number written in its text.
    Item(String),
    /// A line under an item (the task it became), set in from it.
    Note(String),
}

/// A report as a document: the heading block of Decree 30/2020/NĐ-CP, then its body.
pub struct Written {
    /// The body the issuer belongs to, upper case ("" when none is named).
    pub superior: String,
    pub issuer: String,
    pub number: String,
    pub national_title: String,
    pub motto: String,
    pub place_date: String,
    /// The kind of document, upper case: BÁO CÁO, THÔNG BÁO.
    pub kind: String,
    pub subject: String,
    pub blocks: Vec<Block>,
    pub recipients_label: String,
    pub recipients: Vec<String>,
    /// A name for the Word file, ASCII.
    pub file_name: String,
}

impl Written {
    /// The whole text, a paragraph a line, as a reader (or the report reader) sees it.
    pub fn text(&self) -> String {
        let mut lines = vec![
            self.superior.clone(),
            self.issuer.clone(),
            self.number.clone(),
            self.national_title.clone(),
            self.motto.clone(),
            self.place_date.clone(),
            self.kind.clone(),
            self.subject.clone(),
        ];
        lines.extend(self.blocks.iter().map(|b| match b {
            Block::Heading(t) | Block::Paragraph(t) | Block::Item(t) | Block::Note(t) => t.clone(),
        }));
        lines.push(self.recipients_label.clone());
        lines.extend(self.recipients.iter().cloned());
        lines.retain(|l| !l.is_empty());
        lines.join("\n")
    }
}

/// Items joined as the language joins a list: "A, B và C", "A, B and C", "A, B et C".
pub fn list(tr: Tr<'_>, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => tr.t_args(
            "report-list",
            &[
                ("head", Arg::Text(head.join(", "))),
                ("last", Arg::Text(last.clone())),
            ],
        ),
    }
}

/// A name or period set inside a sentence: its first letter in lower case, unless the name
/// opens with an abbreviation ("GRDP growth rate" stays as it is).
pub fn inline(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_owned(),
    }
}

fn count(n: usize) -> Arg {
    Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
}

fn text(value: impl Into<String>) -> Arg {
    Arg::Text(value.into())
}

fn name(engine: &Engine, tr: Tr<'_>, unit: UnitId) -> String {
    engine
        .unit(unit)
        .map_or_else(String::new, |u| u.name.get(tr.lang).to_owned())
}

/// The issuer's abbreviation in a document's symbol: the committees' usual ones, else the
/// initials of its Vietnamese name (Sở Công Thương: SCT), what it says in brackets left out.
fn issuer_abbreviation(engine: &Engine, unit: UnitId) -> String {
    let Some(unit) = engine.unit(unit) else {
        return String::new();
    };
    match unit.kind {
        UnitKind::PeoplesCommittee => return "UBND".into(),
        UnitKind::PeoplesCouncil => return "HĐND".into(),
        UnitKind::PartyCommittee => return "TU".into(),
        _ => {}
    }
    let vi = unit.name.get(Language::Vi);
    let vi = vi.split('(').next().unwrap_or(vi);
    // Initials keep Đ (HĐND) and drop tone marks (Tỉnh ủy: TU).
    vi.split_whitespace()
        .filter_map(|w| w.chars().next())
        .map(|c| match c {
            'Đ' | 'đ' => "Đ".to_owned(),
            c => giamsat_core::text::fold(&c.to_string()).to_uppercase(),
        })
        .collect()
}

/// The kinds of written document: each has its name (`report-kind-…`) and the type code of
/// its number's symbol (`report-symbol-…`).
pub const KINDS: [&str; 2] = ["report", "notice"];

/// What a written report is made of besides its heading block, which [`written`] adds.
struct Body {
    /// `report` or `notice`: the kind of document and its symbol.
    kind: &'static str,
    subject: String,
    blocks: Vec<Block>,
    recipients: Vec<String>,
    file_name: String,
}

/// The document with its heading block: issuer, number and symbol, national title and
/// motto, place and date.
fn written(engine: &Engine, tr: Tr<'_>, issuer: Issuer, today: time::Date, body: Body) -> Written {
    let upper = |u: UnitId| name(engine, tr, u).to_uppercase();
    let symbol = format!(
        "{}-{}",
        tr.t(&format!("report-symbol-{}", body.kind)),
        issuer_abbreviation(engine, issuer.unit)
    );
    let place = issuer
        .place
        .map_or_else(|| tr.t("report-capital"), |p| name(engine, tr, p));
    let (day, month) = (today.day(), u8::from(today.month()));
    let place_date = tr.t_args(
        "report-place-date",
        &[
            ("place", text(place)),
            ("day", text(day.to_string())),
            // Decree 30/2020/NĐ-CP: days below 10 and the months January and February are
            // written with a leading zero.
            ("day_padded", text(format!("{day:02}"))),
            (
                "month_padded",
                text(if month < 3 {
                    format!("{month:02}")
                } else {
                    month.to_string()
                }),
            ),
            ("month_name", text(tr.t(&format!("month-{month}")))),
            ("year", text(today.year().to_string())),
        ],
    );
    let mut recipients: Vec<String> = body
        .recipients
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| tr.t_args("report-recipient", &[("name", text(r))]))
        .collect();
    recipients.push(tr.t("report-archive"));
    Written {
        superior: issuer.superior.map(upper).unwrap_or_default(),
        issuer: upper(issuer.unit),
        number: tr.t_args("report-number", &[("symbol", text(symbol))]),
        national_title: tr.t("report-national-title"),
        motto: tr.t("report-motto"),
        place_date,
        kind: tr.t(&format!("report-kind-{}", body.kind)),
        subject: body.subject,
        blocks: body.blocks,
        recipients_label: tr.t("report-recipients"),
        recipients,
        file_name: body.file_name,
    }
}

/// The review of localities in the reader's words.
pub fn review_written(
    engine: &Engine,
    tr: Tr<'_>,
    review: &LocalityReview,
    today: time::Date,
) -> Written {
    let period = inline(&tr.period(review.period));
    let cards = |cards: &[Card]| -> String {
        let items: Vec<String> = cards
            .iter()
            .map(|c| {
                tr.t_args(
                    "report-card",
                    &[
                        ("unit", text(name(engine, tr, c.unit))),
                        ("met", Arg::Number(c.met.into())),
                        ("set", Arg::Number(c.set.into())),
                    ],
                )
            })
            .collect();
        list(tr, &items)
    };
    let growths = |growths: &[Growth]| -> String {
        let items: Vec<String> = growths
            .iter()
            .map(|g| {
                tr.t_args(
                    "report-growth",
                    &[
                        ("unit", text(name(engine, tr, g.unit))),
                        ("percent", text(tr.percent(g.percent))),
                    ],
                )
            })
            .collect();
        list(tr, &items)
    };
    let mut blocks = vec![
        Block::Heading(tr.t("review-heading-targets")),
        Block::Paragraph(tr.t_args(
            "review-scored",
            &[("count", count(review.scored)), ("period", text(&period))],
        )),
    ];
    if review.scored > 0 {
        blocks.push(Block::Paragraph(tr.t_args(
            "review-all-met",
            &[
                ("count", count(review.all_met.len())),
                ("list", text(cards(&review.all_met))),
            ],
        )));
    }
    if !review.most_met.is_empty() {
        blocks.push(Block::Paragraph(tr.t_args(
            "review-most-met",
            &[
                ("count", count(review.most_met.len())),
                (
                    "share",
                    text(giamsat_core::text::format_percent(
                        HIGH_SHARE * 100.0,
                        0,
                        tr.lang,
                    )),
                ),
                ("list", text(cards(&review.most_met))),
            ],
        )));
    }
    if !review.fewer_met.is_empty() {
        blocks.push(Block::Paragraph(tr.t_args(
            "review-fewer-met",
            &[
                ("count", count(review.fewer_met.len())),
                ("list", text(cards(&review.fewer_met))),
            ],
        )));
    }
    let missed = review.most_met.len() + review.fewer_met.len();
    if missed > 0 {
        blocks.push(Block::Paragraph(tr.t_args(
            "review-missed",
            &[("count", count(missed)), ("total", count(review.scored))],
        )));
    }
    let indicator = review
        .growth_indicator
        .and_then(|i| engine.indicator(i))
        .map(|i| inline(i.name.get(tr.lang)));
    if let Some(indicator) = indicator.filter(|_| review.growth_counted > 0) {
        blocks.push(Block::Heading(tr.t("review-heading-growth")));
        blocks.push(Block::Paragraph(tr.t_args(
            "review-growth-counted",
            &[
                ("count", count(review.growth_counted)),
                ("indicator", text(&indicator)),
                ("period", text(&period)),
            ],
        )));
        blocks.push(Block::Paragraph(tr.t_args(
            "review-double-digit",
            &[
                ("count", count(review.double_digit.len())),
                ("indicator", text(&indicator)),
                ("list", text(growths(&review.double_digit))),
            ],
        )));
        blocks.push(Block::Paragraph(tr.t_args(
            "review-negative",
            &[
                ("count", count(review.negative.len())),
                ("list", text(growths(&review.negative))),
            ],
        )));
        if !review.missed_growth_plan.is_empty() {
            let names: Vec<String> = review
                .missed_growth_plan
                .iter()
                .map(|u| name(engine, tr, *u))
                .collect();
            blocks.push(Block::Paragraph(tr.t_args(
                "review-missed-growth",
                &[
                    ("count", count(names.len())),
                    ("indicator", text(&indicator)),
                    ("list", text(list(tr, &names))),
                ],
            )));
        }
    }
    let body = Body {
        kind: "report",
        subject: tr.t_args("review-subject", &[("period", text(&period))]),
        blocks,
        recipients: Vec::new(),
        file_name: format!("review-{}.docx", review.period.code()),
    };
    written(engine, tr, review.issuer, today, body)
}

/// A unit's periodic report in the reader's words.
pub fn unit_written(
    engine: &Engine,
    tr: Tr<'_>,
    report: &UnitReport,
    today: time::Date,
) -> Written {
    let period = inline(&tr.period(report.period));
    let unit = name(engine, tr, report.unit);
    let indicator_name = |i| {
        engine
            .indicator(i)
            .map_or_else(String::new, |i| i.name.get(tr.lang).to_owned())
    };
    let mut blocks = vec![Block::Paragraph(tr.t_args(
        "unit-report-intro",
        &[("unit", text(&unit)), ("period", text(&period))],
    ))];
    blocks.push(Block::Heading(tr.t("unit-report-heading-figures")));
    if report.figures.is_empty() {
        blocks.push(Block::Paragraph(
            tr.t_args("unit-report-none", &[("period", text(&period))]),
        ));
    }
    for f in &report.figures {
        let Some(indicator) = engine.indicator(f.indicator) else {
            continue;
        };
        let change = match f.change {
            None => "none",
            Some(c) if c > 0.0 => "up",
            Some(c) if c < 0.0 => "down",
            Some(_) => "flat",
        };
        let span = tr.period(f.span);
        let span = if tr.lang == Language::Vi {
            inline(&span)
        } else {
            span
        };
        let kind = match f.kind {
            ObservationKind::Estimate => "estimate",
            ObservationKind::Preliminary => "preliminary",
            ObservationKind::Official => "official",
        };
        blocks.push(Block::Paragraph(tr.t_args(
            "unit-report-figure",
            &[
                ("indicator", text(indicator.name.get(tr.lang))),
                ("span", text(span)),
                ("kind", text(kind)),
                ("value", text(tr.number(f.value, indicator.decimals))),
                ("measure", text(indicator.measure.get(tr.lang))),
                ("change", text(change)),
                (
                    "change_abs",
                    text(tr.percent(f.change.unwrap_or(0.0).abs())),
                ),
                (
                    "plan",
                    text(if f.percent_of_plan.is_some() {
                        "yes"
                    } else {
                        "no"
                    }),
                ),
                (
                    "percent",
                    text(tr.percent(f.percent_of_plan.unwrap_or(0.0))),
                ),
            ],
        )));
    }
    blocks.push(Block::Heading(tr.t("unit-report-heading-assessment")));
    for (id, indicators) in [
        ("unit-report-on-track", &report.on_track),
        ("unit-report-behind", &report.behind),
        ("unit-report-no-data", &report.no_data),
    ] {
        if id == "unit-report-no-data" && indicators.is_empty() {
            continue;
        }
        let names: Vec<String> = indicators.iter().map(|i| indicator_name(*i)).collect();
        blocks.push(Block::Paragraph(tr.t_args(
            id,
            &[
                ("count", count(names.len())),
                ("list", text(list(tr, &names))),
            ],
        )));
    }
    let parent = engine
        .unit(report.issuer.unit)
        .and_then(|u| u.parent)
        .map(|p| name(engine, tr, p))
        .unwrap_or_default();
    let code = engine
        .unit(report.unit)
        .map(|u| u.code.to_string())
        .unwrap_or_default();
    let body = Body {
        kind: "report",
        subject: tr.t_args(
            "unit-report-subject",
            &[("unit", text(&unit)), ("period", text(&period))],
        ),
        blocks,
        recipients: vec![parent],
        file_name: format!("report-{code}-{}.docx", report.period.code()),
    };
    written(engine, tr, report.issuer, today, body)
}

/// A session's notice of conclusions in the reader's words. What the session recorded (the
/// report, findings, conclusions) is quoted as it was recorded.
pub fn notice_written(
    engine: &Engine,
    tr: Tr<'_>,
    notice: &SessionNotice<'_>,
    today: time::Date,
) -> Written {
    let book = engine.follow_up();
    let s = notice.session;
    let person = |p| book.person(p).map(|p| p.name.clone()).unwrap_or_default();
    let unit = name(engine, tr, s.unit);
    let body = notice
        .delegation
        .map_or_else(|| name(engine, tr, s.body), |d| d.title.clone());
    let documents: Vec<String> = s
        .documents
        .iter()
        .filter_map(|d| engine.document(*d))
        .map(|d| inline(d.title.get(tr.lang)))
        .collect();
    let chair = s.chair.map(person).unwrap_or_default();
    let chair_with_position = s
        .attendees
        .iter()
        .find(|a| Some(a.person) == s.chair && !a.position.is_empty())
        .map_or(chair.clone(), |a| format!("{chair}, {}", a.position));
    let or_none = |t: String| if t.is_empty() { "none".to_owned() } else { t };
    let mut blocks = vec![Block::Paragraph(tr.t_args(
        "notice-opening",
        &[
            ("date", text(tr.date(s.date))),
            ("body", text(&body)),
            ("chair", text(or_none(chair_with_position))),
            ("unit", text(&unit)),
            ("documents", text(or_none(list(tr, &documents)))),
        ],
    ))];
    if let Some(d) = notice.delegation.filter(|d| !d.members.is_empty()) {
        let members: Vec<String> = d
            .members
            .iter()
            .map(|m| {
                let role = tr.t(&format!("delegation-role-{}", m.role.as_str()));
                let role = if m.role == DelegationRole::Member {
                    role
                } else {
                    inline(&role)
                };
                tr.t_args(
                    "notice-member",
                    &[("name", text(person(m.person))), ("role", text(role))],
                )
            })
            .collect();
        blocks.push(Block::Paragraph(
            tr.t_args("notice-members", &[("list", text(members.join("; ")))]),
        ));
    }
    if !s.attendees.is_empty() {
        // Positions hold commas of their own: attendees are set apart by semicolons.
        let attendees: Vec<String> = s
            .attendees
            .iter()
            .map(|a| {
                tr.t_args(
                    "notice-attendee",
                    &[
                        ("name", text(person(a.person))),
                        ("position", text(or_none(a.position.clone()))),
                    ],
                )
            })
            .collect();
        blocks.push(Block::Paragraph(tr.t_args(
            "notice-attendees",
            &[("list", text(attendees.join("; ")))],
        )));
    }
    let findings: Vec<Block> = [
        ("notice-report", &s.report),
        ("notice-achievements", &s.achievements),
        ("notice-limitations", &s.limitations),
        ("notice-causes", &s.causes),
    ]
    .into_iter()
    .filter(|(_, t)| !t.is_empty())
    .map(|(id, t)| Block::Paragraph(tr.t_args(id, &[("text", text(t.as_str()))])))
    .collect();
    if !findings.is_empty() {
        blocks.push(Block::Heading(tr.t("notice-heading-findings")));
        blocks.extend(findings);
    }
    blocks.push(Block::Heading(tr.t("notice-heading-conclusions")));
    blocks.push(Block::Paragraph(tr.t_args(
        "notice-conclusions-intro",
        &[
            ("count", count(notice.items.len())),
            ("body", text(&body)),
            ("chair", text(or_none(chair))),
            ("unit", text(&unit)),
        ],
    )));
    for (i, (item, task)) in notice.items.iter().enumerate() {
        blocks.push(Block::Item(tr.t_args(
            "notice-item",
            &[("number", count(i + 1)), ("text", text(*item))],
        )));
        let note = match task {
            Some(view) => {
                let t = view.task;
                let co: Vec<String> = t.co_owners.iter().map(|u| name(engine, tr, *u)).collect();
                tr.t_args(
                    "notice-task",
                    &[
                        ("lead", text(name(engine, tr, t.lead))),
                        ("co_owners", text(or_none(list(tr, &co)))),
                        (
                            "due",
                            text(t.due.map_or_else(|| "none".into(), |d| tr.date(d))),
                        ),
                        (
                            "status",
                            text(inline(
                                &tr.t(&format!("task-status-{}", view.status.as_str())),
                            )),
                        ),
                    ],
                )
            }
            None => tr.t("notice-no-task"),
        };
        blocks.push(Block::Note(note));
    }
    blocks.push(Block::Paragraph(tr.t_args(
        "notice-closing",
        &[("body", text(&body)), ("unit", text(&unit))],
    )));
    let body = Body {
        kind: "notice",
        subject: tr.t_args("notice-subject", &[("unit", text(&unit))]),
        blocks,
        recipients: vec![unit.clone()],
        file_name: format!("notice-{}.docx", s.id.0),
    };
    written(engine, tr, notice.issuer, today, body)
}

/// A choice of the period selector.
pub struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// What the page shows around the document: where it came from, the period selector, the
/// Word download. None of it is printed.
pub struct Tools {
    back_href: String,
    back_label: String,
    action: String,
    periods: Vec<Choice>,
    /// Fields the selector sends back unchanged (the growth indicator of a review).
    hidden: Vec<(String, String)>,
    docx_href: String,
}

#[derive(Template)]
#[template(path = "written.html")]
pub struct WrittenPage<'a> {
    page: Layout<'a>,
    tools: Tools,
    doc: Written,
}

fn choices(tr: Tr<'_>, periods: &[Period], chosen: Period) -> Vec<Choice> {
    periods
        .iter()
        .map(|p| Choice {
            value: p.code(),
            label: tr.period(*p),
            selected: *p == chosen,
        })
        .collect()
}

#[derive(Deserialize, Default)]
pub struct ReportQuery {
    period: Option<String>,
    indicator: Option<String>,
}

fn chosen_period(query: &ReportQuery, periods: &[Period]) -> Option<Period> {
    query
        .period
        .as_deref()
        .and_then(|p| p.parse::<Period>().ok())
        .or_else(|| periods.first().copied())
}

/// A unit's report and the tools around it.
fn unit_document(
    engine: &Engine,
    tr: Tr<'_>,
    code: &str,
    query: &ReportQuery,
) -> Result<(String, Written, Tools), PageError> {
    let Some(unit) = unit_by_code(engine, code) else {
        return Err(PageError::not_found("not-found-unit", code));
    };
    let mut years = reports::report_years(engine, unit.id);
    let year = chosen_period(query, &years)
        .and_then(|p| Period::year(p.start().year()).ok())
        .or_else(|| Period::year(today().year()).ok())
        .ok_or(PageError::Unreadable(StatusCode::BAD_REQUEST))?;
    if !years.contains(&year) {
        years.insert(0, year);
    }
    let report = reports::unit_report(engine, unit.id, year);
    let doc = unit_written(engine, tr, &report, today());
    let unit_name = unit.name.get(tr.lang).to_owned();
    let code = unit.code.to_string();
    let tools = Tools {
        back_href: format!("/units/{code}"),
        back_label: unit_name.clone(),
        action: format!("/units/{code}/report"),
        periods: choices(tr, &years, year),
        hidden: Vec::new(),
        docx_href: format!("/units/{code}/report.docx?period={}", year.code()),
    };
    let title = tr.t_args("unit-report-title", &[("unit", text(unit_name))]);
    Ok((title, doc, tools))
}

/// The review of localities and the tools around it.
fn review_document(
    engine: &Engine,
    tr: Tr<'_>,
    query: &ReportQuery,
) -> Result<(String, Written, Tools), PageError> {
    let periods = super::rankings::ranked_periods(engine);
    let period = chosen_period(query, &periods)
        .or_else(|| Period::year(today().year()).ok())
        .ok_or(PageError::Unreadable(StatusCode::BAD_REQUEST))?;
    let growth = query
        .indicator
        .as_deref()
        .and_then(|c| IndicatorCode::parse(c).ok())
        .and_then(|c| engine.indicator_by_code(&c))
        .or_else(|| super::rankings::growth_indicators(engine).first().copied());
    // The localities as they were when the period ended, as the rankings compare them.
    let units = period
        .last_day()
        .map(|d| engine.provinces_on(d))
        .unwrap_or_default();
    let review = reports::locality_review(engine, period, &units, growth.map(|g| g.id));
    let doc = review_written(engine, tr, &review, today());
    let mut query = format!("period={}", period.code());
    let mut hidden = Vec::new();
    if let Some(g) = growth {
        query.push_str(&format!("&indicator={}", g.code));
        hidden.push(("indicator".to_owned(), g.code.to_string()));
    }
    let tools = Tools {
        back_href: format!("/rankings?{query}"),
        back_label: tr.t("rankings-title"),
        action: "/rankings/review".into(),
        periods: choices(tr, &periods, period),
        hidden,
        docx_href: format!("/rankings/review.docx?{query}"),
    };
    Ok((tr.t("review-title"), doc, tools))
}

/// A session's notice and the tools around it.
fn notice_document(
    engine: &Engine,
    tr: Tr<'_>,
    id: u32,
) -> Result<(String, Written, Tools), PageError> {
    let Some(notice) = reports::session_notice(engine, FollowUpId(id), today()) else {
        return Err(PageError::not_found("not-found-session", id.to_string()));
    };
    let doc = notice_written(engine, tr, &notice, today());
    let tools = Tools {
        back_href: format!("/supervision/sessions/{id}"),
        back_label: tr.t_args(
            "session-title",
            &[
                ("unit", text(name(engine, tr, notice.session.unit))),
                ("date", text(tr.date(notice.session.date))),
            ],
        ),
        action: String::new(),
        periods: Vec::new(),
        hidden: Vec::new(),
        docx_href: format!("/supervision/sessions/{id}/notice.docx"),
    };
    Ok((tr.t("notice-title"), doc, tools))
}

fn render(
    i18n: &crate::i18n::I18n,
    reader: &Reader,
    section: &str,
    made: Result<(String, Written, Tools), PageError>,
) -> Result<String, PageError> {
    let (title, doc, tools) = made?;
    let page = Layout::new(i18n, reader, section, title);
    WrittenPage { page, tools, doc }.render().map_err(|e| {
        tracing::error!(error = %e, "rendering a report failed");
        PageError::Unreadable(StatusCode::INTERNAL_SERVER_ERROR)
    })
}

fn page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    section: &str,
    made: Result<(String, Written, Tools), PageError>,
) -> Result<Response, PageError> {
    let html = render(&state.i18n, reader, section, made)?;
    Ok(respond(reader, StatusCode::OK, Ok(html)))
}

/// The page of a unit's report, as a request for it renders it (benchmarks use it).
pub fn unit_report_page(
    engine: &Engine,
    i18n: &crate::i18n::I18n,
    reader: &Reader,
    code: &str,
    period: Option<&str>,
) -> Result<String, PageError> {
    let tr = Tr {
        i18n,
        lang: reader.lang,
    };
    let query = ReportQuery {
        period: period.map(str::to_owned),
        indicator: None,
    };
    render(
        i18n,
        reader,
        "/units",
        unit_document(engine, tr, code, &query),
    )
}

/// The page of the review of localities, as a request for it renders it.
pub fn review_page(
    engine: &Engine,
    i18n: &crate::i18n::I18n,
    reader: &Reader,
    period: Option<&str>,
) -> Result<String, PageError> {
    let tr = Tr {
        i18n,
        lang: reader.lang,
    };
    let query = ReportQuery {
        period: period.map(str::to_owned),
        indicator: None,
    };
    render(
        i18n,
        reader,
        "/rankings",
        review_document(engine, tr, &query),
    )
}

fn docx(made: Result<(String, Written, Tools), PageError>) -> Result<Response, PageError> {
    let (_, doc, _) = made?;
    let bytes = crate::docx::written_docx(&doc).map_err(|e| {
        tracing::error!(error = %e, "writing a Word document failed");
        PageError::Unreadable(StatusCode::INTERNAL_SERVER_ERROR)
    })?;
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", doc.file_name))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(crate::docx::CONTENT_TYPE),
            ),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        bytes,
    )
        .into_response())
}

pub async fn unit_report<S: Store>(
    State(state): State<AppState<S>>,
    Path(code): Path<String>,
    Query(query): Query<ReportQuery>,
    reader: Reader,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    page(
        &state,
        &reader,
        "/units",
        unit_document(&engine, tr, &code, &query),
    )
}

pub async fn unit_report_docx<S: Store>(
    State(state): State<AppState<S>>,
    Path(code): Path<String>,
    Query(query): Query<ReportQuery>,
    reader: Reader,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    docx(unit_document(&engine, tr, &code, &query))
}

pub async fn review<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<ReportQuery>,
    reader: Reader,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    page(
        &state,
        &reader,
        "/rankings",
        review_document(&engine, tr, &query),
    )
}

pub async fn review_docx<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<ReportQuery>,
    reader: Reader,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    docx(review_document(&engine, tr, &query))
}

pub async fn notice<S: Store>(
    State(state): State<AppState<S>>,
    Path(id): Path<u32>,
    reader: Reader,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    page(
        &state,
        &reader,
        "/supervision",
        notice_document(&engine, tr, id),
    )
}

pub async fn notice_docx<S: Store>(
    State(state): State<AppState<S>>,
    Path(id): Path<u32>,
    reader: Reader,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    docx(notice_document(&engine, tr, id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::I18n;
    use giamsat_app::{Actor, App, SqlStore};
    use giamsat_core::text::fold;
    use giamsat_intake::Fact;

    async fn demo() -> (tempfile::TempDir, App<SqlStore>) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("giamsat.db");
        let store = SqlStore::open(path.to_str().expect("utf-8"))
            .await
            .expect("store");
        let app = App::open(store).await.expect("app");
        app.load_demo(&Actor::named("test")).await.expect("demo");
        (dir, app)
    }

    const TODAY: time::Date = time::macros::date!(2026 - 12 - 07);

    fn review_of_2023(engine: &Engine, i18n: &I18n, lang: Language) -> Written {
        let tr = Tr { i18n, lang };
        let year: Period = "2023".parse().expect("period");
        let units = engine.provinces_on(year.last_day().expect("day"));
        let grdp = engine
            .indicators()
            .find(|i| i.code.as_str() == "GRDP_GROWTH")
            .map(|i| i.id);
        let review = reports::locality_review(engine, year, &units, grdp);
        review_written(engine, tr, &review, TODAY)
    }

    #[tokio::test]
    async fn the_review_states_seed_004s_facts_and_the_report_reader_finds_them_again() {
        let (_dir, app) = demo().await;
        let engine = app.engine();
        let i18n = I18n::new().expect("locales");
        let vi = review_of_2023(&engine, &i18n, Language::Vi).text();
        for sentence in [
            "Có 3 địa phương hoàn thành và vượt toàn bộ các chỉ tiêu, gồm: Quảng Ninh 15/15, Phú Thọ 15/15 và Hậu Giang 18/18.",
            "Có 7 địa phương có tốc độ tăng trưởng GRDP đạt hai con số, dẫn đầu là Bắc Giang (13,45%), Hậu Giang (12,27%), Quảng Ninh (11,03%), Khánh Hòa (10,55%), Hải Phòng (10,34%), Nam Định (10,19%) và Hưng Yên (10,05%).",
            "4 địa phương tăng trưởng âm: Bà Rịa - Vũng Tàu (-1,02%), Lai Châu (-2,27%), Quảng Nam (-8,25%) và Bắc Ninh (-9,28%).",
            "Hà Nội, ngày 07 tháng 12 năm 2026",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ] {
            assert!(vi.contains(sentence), "{sentence}\nnot in\n{vi}");
        }
        let en = review_of_2023(&engine, &i18n, Language::En).text();
        for sentence in [
            "3 localities met or exceeded all of their targets: Quang Ninh 15/15, Phu Tho 15/15 and Hau Giang 18/18.",
            "7 localities had a double-digit GRDP growth rate, led by Bac Giang (13.45%)",
            "4 localities had negative growth: Ba Ria - Vung Tau (-1.02%), Lai Chau (-2.27%), Quang Nam (-8.25%) and Bac Ninh (-9.28%).",
        ] {
            assert!(en.contains(sentence), "{sentence}\nnot in\n{en}");
        }
        let fr = review_of_2023(&engine, &i18n, Language::Fr).text();
        assert!(
            fr.contains("3 localités ont atteint ou dépassé tous leurs objectifs"),
            "{fr}"
        );

        // The report reader finds in the written review every scorecard and growth rate the
        // data holds: seed 004's twenty and eleven, and Nghệ An's own three targets.
        let mut cards: Vec<(String, u32, u32)> = giamsat_app::demo::SEED_004_SCORECARDS
            .iter()
            .map(|(_, code, met, set)| (code.to_string(), *met, *set))
            .chain([("40".to_owned(), 0, 3)])
            .collect();
        let mut growth: Vec<(String, i64)> = giamsat_app::demo::SEED_004_GROWTH
            .iter()
            .map(|(_, code, p)| {
                let p: f64 = p.parse().expect("number");
                (code.to_string(), (p * 100.0).round() as i64)
            })
            .collect();
        cards.sort();
        growth.sort();
        let code_of = |locality: &str| {
            let year_end = time::macros::date!(2023 - 12 - 31);
            engine
                .find_units(locality)
                .into_iter()
                .find(|u| u.exists_on(year_end) && u.code.as_str().len() == 2)
                .map(|u| u.code.to_string())
                .unwrap_or_else(|| fold(locality))
        };
        for (language, text) in [("vi", vi), ("en", en)] {
            let reading = giamsat_intake::read_text(text, "utf-8");
            let mut read_cards = Vec::new();
            let mut read_growth = Vec::new();
            for item in &reading.items {
                match &item.fact {
                    Fact::Scorecard { locality, met, set } => {
                        read_cards.push((code_of(locality), *met, *set));
                    }
                    Fact::Growth { locality, percent } => {
                        read_growth.push((code_of(locality), (percent * 100.0).round() as i64));
                    }
                    _ => {}
                }
            }
            read_cards.sort();
            read_growth.sort();
            assert_eq!(read_cards, cards, "{language}: scorecards read back");
            assert_eq!(read_growth, growth, "{language}: growth read back");
        }
    }

    #[tokio::test]
    async fn the_unit_report_and_the_notice_read_as_the_offices_write() {
        let (_dir, app) = demo().await;
        let engine = app.engine();
        let i18n = I18n::new().expect("locales");
        let nghe_an = engine
            .units()
            .find(|u| u.code.as_str() == "40")
            .map(|u| u.id)
            .expect("Nghệ An");
        let year: Period = "2023".parse().expect("period");
        let report = reports::unit_report(&engine, nghe_an, year);
        let tr = |lang| Tr { i18n: &i18n, lang };
        let vi = unit_written(&engine, tr(Language::Vi), &report, TODAY).text();
        for sentence in [
            "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
            "Số:      /BC-UBND",
            "Nghệ An, ngày 07 tháng 12 năm 2026",
            "Tổng mức bán lẻ hàng hóa 5 tháng đầu năm 2023 ước đạt 36.539 tỷ đồng, tăng 9,63% so với cùng kỳ, đạt 42,98% kế hoạch.",
            "Kim ngạch xuất khẩu hàng hóa 5 tháng đầu năm 2023 ước đạt 892,3 triệu USD, giảm 3,10% so với cùng kỳ, đạt 35,70% kế hoạch.",
            "Chỉ số sản xuất công nghiệp 5 tháng đầu năm 2023 ước đạt 101,62 cùng kỳ = 100, tăng 1,62% so với cùng kỳ.",
            "1 chỉ tiêu đạt hoặc vượt tiến độ kế hoạch: Tổng mức bán lẻ hàng hóa.",
            "2 chỉ tiêu chưa bảo đảm tiến độ kế hoạch: Kim ngạch xuất khẩu hàng hóa và Kim ngạch nhập khẩu hàng hóa.",
        ] {
            assert!(vi.contains(sentence), "{sentence}\nnot in\n{vi}");
        }
        let en = unit_written(&engine, tr(Language::En), &report, TODAY).text();
        for sentence in [
            "Nghe An, 7 December 2026",
            "Total retail sales of goods (First 5 months of 2023): 36,539 VND billion (estimate), up 9.63% over the same period, 42.98% of the plan.",
            "One target is meeting or ahead of the plan's pace: Total retail sales of goods.",
            "2 targets are behind the plan's pace: Export turnover of goods and Import turnover of goods.",
        ] {
            assert!(en.contains(sentence), "{sentence}\nnot in\n{en}");
        }
        let fr = unit_written(&engine, tr(Language::Fr), &report, TODAY).text();
        assert!(fr.contains("Nghệ An, le 7 décembre 2026"), "{fr}");
        assert!(
            fr.contains("Ventes au détail de marchandises (5 premiers mois de 2023) : 36\u{202f}539 milliards de VND (estimation), en hausse de 9,63\u{202f}% sur la même période, soit 42,98\u{202f}% du plan."),
            "{fr}"
        );
        assert!(
            fr.contains("Exportations de marchandises et Importations de marchandises"),
            "{fr}"
        );

        let session = engine
            .follow_up()
            .sessions()
            .find(|s| s.conclusions.len() == 5)
            .map(|s| s.id)
            .expect("session of seed 002");
        let notice = reports::session_notice(&engine, session, TODAY).expect("notice");
        let vi = notice_written(&engine, tr(Language::Vi), &notice, TODAY).text();
        for sentence in [
            "THÔNG BÁO",
            "Số:      /TB-BTVTU",
            "Ngày 18/08/2023, Đoàn giám sát của Ban Thường vụ Tỉnh ủy do đồng chí Trần Minh Lực, UVTV Tỉnh ủy, Phó Chủ tịch HĐND tỉnh, Phó Trưởng Đoàn giám sát chủ trì đã làm việc với Sở Công Thương (nguồn 002) về việc thực hiện nghị quyết về tăng cường sự lãnh đạo",
            "Thành phần đoàn: đồng chí Trần Minh Lực, phó trưởng đoàn.",
            "Kết luận buổi làm việc, đồng chí Trần Minh Lực yêu cầu Sở Công Thương (nguồn 002) thực hiện 5 nội dung sau:",
            "3. Rà soát lại hạ tầng các cụm công nghiệp",
            "Chủ trì: Sở Công Thương (nguồn 002); thời hạn: chưa ấn định; tình trạng:",
        ] {
            assert!(vi.contains(sentence), "{sentence}\nnot in\n{vi}");
        }
        let fr = notice_written(&engine, tr(Language::Fr), &notice, TODAY).text();
        assert!(fr.contains("de réaliser les 5 points suivants"), "{fr}");
    }

    #[test]
    fn lists_join_as_each_language_does() {
        let i18n = I18n::new().expect("locales");
        let items: Vec<String> = ["A", "B", "C"].iter().map(|s| s.to_string()).collect();
        for (lang, expected) in [
            (Language::Vi, "A, B và C"),
            (Language::En, "A, B and C"),
            (Language::Fr, "A, B et C"),
        ] {
            let tr = Tr { i18n: &i18n, lang };
            assert_eq!(list(tr, &items), expected);
            assert_eq!(list(tr, &items[..1]), "A");
            assert_eq!(list(tr, &items[..0]), "");
        }
        assert_eq!(inline("Năm 2023"), "năm 2023");
        assert_eq!(inline("GRDP growth rate"), "GRDP growth rate");
    }

    #[tokio::test]
    async fn the_word_document_is_a4_in_times_new_roman() {
        let (_dir, app) = demo().await;
        let engine = app.engine();
        let i18n = I18n::new().expect("locales");
        let doc = review_of_2023(&engine, &i18n, Language::Vi);
        let bytes = crate::docx::written_docx(&doc).expect("docx");
        assert!(bytes.starts_with(b"PK"), "a zip package");
        assert!(bytes.len() > 2_000);
    }
}
