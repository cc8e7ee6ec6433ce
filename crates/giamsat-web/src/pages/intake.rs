//! Reading reports (*đọc báo cáo*): upload a report, review what was read in it with the
//! items highlighted in the text, and accept items one at a time into people, documents and
//! figures. Nothing enters the data without a person accepting it; every record accepted
//! cites the report and the characters it came from.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use giamsat_app::follow_up::{PersonInput, PositionInput};
use giamsat_app::input::{DocumentInput, ObservationInput};
use giamsat_app::input::{ReportedScorecardInput, TargetInput};
use giamsat_app::intake::prefill::{self, Measure};
use giamsat_app::intake::{Became, Report, source_of};
use giamsat_app::{AppError, Store};
use giamsat_core::Engine;
use giamsat_intake::{Fact, Item};
use serde::Deserialize;

use super::{Layout, Reader, Tr, respond};
use crate::auth::Principal;
use crate::error::PageError;
use crate::i18n::Arg;
use crate::state::AppState;

/// A stretch of the report's text, highlighted when an item was read from it.
pub struct Segment {
    text: String,
    item: Option<usize>,
    kind: &'static str,
}

pub struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// One item as the review lists it, with the form that accepts it when it can be recorded.
pub struct ItemView {
    index: usize,
    kind: &'static str,
    kind_label: String,
    quote: String,
    details: Vec<(String, String)>,
    /// The forms that accept the item, in order: `person`, `document`, `figure`, `target`,
    /// `scorecard` or `growth`.
    forms: Vec<&'static str>,
    /// The form the reviewer sent last, opened again with what was typed.
    open: Option<String>,
    /// What the item became when it was accepted, by anyone, at any time: a label and a link.
    became: Vec<(String, String)>,
    fields: HashMap<&'static str, String>,
    positions: String,
    known: Option<String>,
    error: Option<String>,
    /// A figure already recorded for the cell that accepting would replace, in words: the
    /// form then asks to be sent again to replace it.
    replaces: Option<String>,
    /// The figure's unit of measure as read is not the indicator's: the warning, and the
    /// label of the box that confirms the value was converted.
    mismatch: Option<(String, String)>,
    /// The unit pre-selected when the list of units does not hold it (a commune): its code
    /// and name, offered first.
    unit_offered: Option<(String, String)>,
    accepted: bool,
}

impl ItemView {
    fn field(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }
}

#[derive(Template)]
#[template(path = "intake.html")]
pub struct UploadPage<'a> {
    page: Layout<'a>,
    error: Option<String>,
    text: String,
}

#[derive(Template)]
#[template(path = "intake_review.html")]
pub struct ReviewPage<'a> {
    page: Layout<'a>,
    sha256: String,
    language: String,
    segments: Vec<Segment>,
    items: Vec<ItemView>,
    /// This part's number (from 0) and the number of parts.
    part: usize,
    part_count: usize,
    indicators: Vec<Choice>,
    growth_indicators: Vec<Choice>,
    units: Vec<Choice>,
    kinds: Vec<Choice>,
    comparators: Vec<Choice>,
    unit_names: Vec<String>,
    document_names: Vec<String>,
}

impl ReviewPage<'_> {
    /// The link to another part of the text.
    fn part_href(&self, part: &usize) -> String {
        format!("/intake/{}?part={part}", self.sha256)
    }

    /// The parts the navigation links to: the first, the last and those near this one, so
    /// that it stays small however many parts a text has; every part is a few steps away.
    fn nearby_parts(&self) -> Vec<usize> {
        let last = self.part_count.saturating_sub(1);
        let near = self.part.saturating_sub(5)..=(self.part + 5).min(last);
        let mut shown: Vec<usize> = [0].into_iter().chain(near).chain([last]).collect();
        shown.dedup();
        shown
    }

    /// Whether a form of an item is opened: the one sent last, or any with a problem shown.
    fn opens(&self, item: &ItemView, form: &str) -> bool {
        match &item.open {
            Some(open) => open == form,
            None => item.replaces.is_some() && form == "figure",
        }
    }

    /// Whether the reader may send a form: the kind of record it writes is theirs to write.
    fn may(&self, form: &str) -> bool {
        self.page.can(match form {
            "target" => "targets",
            "scorecard" => "scorecards",
            _ => "figures",
        })
    }

    fn summary(&self, form: &str) -> &'static str {
        match form {
            "target" => "review-accept-as-target",
            "scorecard" => "review-accept-as-scorecard",
            "growth" => "review-accept-as-growth",
            "figure" => "review-accept-as-figure",
            _ => "intake-accept",
        }
    }

    fn part_label(&self, part: &usize) -> String {
        self.page.tr.t_args(
            "intake-part",
            &[
                ("number", Arg::Number(count(part + 1))),
                ("count", Arg::Number(count(self.part_count))),
            ],
        )
    }

    /// The units of a figure's form: the list, and the unit pre-selected if the list lacks it.
    fn unit_options(&self, item: &ItemView) -> Vec<(String, String, bool)> {
        let mut options = self.selected(&self.units, item, "unit");
        if let Some((code, name)) = &item.unit_offered
            && !options.iter().any(|(value, _, _)| value == code)
        {
            let chosen = item.field("unit") == code;
            options.insert(0, (code.clone(), name.clone(), chosen));
        }
        options
    }

    fn selected(
        &self,
        choices: &[Choice],
        item: &ItemView,
        field: &str,
    ) -> Vec<(String, String, bool)> {
        let current = item.field(field);
        choices
            .iter()
            .map(|c| {
                let selected = if current.is_empty() {
                    c.selected
                } else {
                    c.value == current
                };
                (c.value.clone(), c.label.clone(), selected)
            })
            .collect()
    }
}

fn upload_page(
    state: &AppState<impl Store>,
    reader: &Reader,
    status: StatusCode,
    error: Option<String>,
    text: String,
) -> Response {
    let page = Layout::new(
        &state.i18n,
        reader,
        "/intake",
        state.i18n.t(reader.lang, "intake-title"),
    );
    respond(reader, status, UploadPage { page, error, text }.render())
}

pub async fn intake_form<S: Store>(State(state): State<AppState<S>>, reader: Reader) -> Response {
    upload_page(&state, &reader, StatusCode::OK, None, String::new())
}

/// The upload: a file (plain text or HTML, UTF-8 or Windows-1258) or pasted text.
pub async fn intake_submit<S: Store>(
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
    let mut file: Option<(String, axum::body::Bytes)> = None;
    // A file chosen but empty: said as such, not as no file at all.
    let mut empty_file: Option<String> = None;
    let mut pasted = String::new();
    if content_type.starts_with("multipart/form-data") {
        match crate::auth::multipart_parts(content_type, body).await {
            Ok(parts) => {
                for part in parts {
                    match part.name.as_str() {
                        "file" => {
                            if let Some(name) = part.file_name.filter(|n| !n.is_empty()) {
                                if part.bytes.is_empty() {
                                    empty_file = Some(name);
                                } else {
                                    file = Some((name, part.bytes));
                                }
                            }
                        }
                        "text" => pasted = String::from_utf8_lossy(&part.bytes).into_owned(),
                        _ => {}
                    }
                }
            }
            Err(e) => {
                tracing::info!(error = %e, "an upload's form could not be read");
                return Err(PageError::Unreadable(StatusCode::BAD_REQUEST));
            }
        }
    } else if let Ok(form) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body) {
        pasted = form
            .into_iter()
            .find(|(k, _)| k == "text")
            .map(|(_, v)| v)
            .unwrap_or_default();
    }
    let (name, bytes) = match file {
        Some((name, bytes)) => (name, bytes.to_vec()),
        None if !pasted.trim().is_empty() => ("pasted.txt".to_owned(), pasted.clone().into_bytes()),
        None => {
            let message = match empty_file {
                Some(name) => tr.t_args("intake-error-empty-file", &[("name", Arg::Text(name))]),
                None => tr.t("intake-error-nothing"),
            };
            return Ok(upload_page(
                &state,
                &reader,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(message),
                pasted,
            ));
        }
    };
    match state.app.take_report(&who.0.actor, &name, &bytes).await {
        Ok(report) => {
            let location = format!("/intake/{}", report.sha256);
            Ok((StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response())
        }
        Err(error) => {
            let (status, reason) = super::refusal_in_form(tr, error)?;
            let message = tr.t_args(
                "intake-error-file",
                &[("name", Arg::Text(name)), ("reason", Arg::Text(reason))],
            );
            Ok(upload_page(&state, &reader, status, Some(message), pasted))
        }
    }
}

/// The report at `sha256`.
async fn load<S: Store>(state: &AppState<S>, sha256: &str) -> Result<Report, PageError> {
    state.app.report(sha256).await.map_err(|e| match e {
        AppError::NotFound { .. } => PageError::not_found("intake-not-found", sha256),
        other => other.into(),
    })
}

#[derive(Deserialize, Default)]
pub struct ReviewQuery {
    accepted: Option<usize>,
    part: Option<usize>,
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The parts of a report's review.
fn parts_of(report: &Report) -> Vec<Part> {
    parts(
        report.reading.text.chars().count(),
        &report.reading.items,
        PART_CHARS,
        PART_ITEMS,
    )
}

/// The part an item is shown on.
fn part_of_item(parts: &[Part], item: usize) -> usize {
    parts
        .iter()
        .position(|p| p.items.contains(&item))
        .unwrap_or(0)
}

/// One part of the review of a report, `?part=N` (from 0), with links to the others.
pub async fn review<S: Store>(
    State(state): State<AppState<S>>,
    Path(sha256): Path<String>,
    Query(query): Query<ReviewQuery>,
    reader: Reader,
) -> Result<Response, PageError> {
    let report = load(&state, &sha256).await?;
    let parts = parts_of(&report);
    let part = query.part.unwrap_or(0);
    if part >= parts.len() {
        return Err(PageError::not_found("intake-not-found", &sha256));
    }
    let mut views = views_of(&state, &reader, &report, &parts[part].items).await?;
    if let Some(accepted) = query.accepted
        && let Some(view) = views.iter_mut().find(|v| v.index == accepted)
    {
        view.accepted = true;
    }
    Ok(review_page(
        &state,
        &reader,
        StatusCode::OK,
        &report,
        (&parts, part),
        views,
    ))
}

fn review_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    status: StatusCode,
    report: &Report,
    (parts, part): (&[Part], usize),
    items: Vec<ItemView>,
) -> Response {
    let engine = state.app.engine();
    let title = state.i18n.t_args(
        reader.lang,
        "intake-review-title",
        &[("name", Arg::Text(report.name.clone()))],
    );
    let page = Layout::new(&state.i18n, reader, "/intake", title);
    let tr = page.tr;
    let mut indicators: Vec<Choice> = engine
        .indicators()
        .map(|i| Choice {
            value: i.code.to_string(),
            label: format!("{} ({})", i.name.get(tr.lang), i.measure.get(tr.lang)),
            selected: false,
        })
        .collect();
    indicators.sort_by(|a, b| a.label.cmp(&b.label));
    let units = super::entry::unit_choices(&engine, tr)
        .into_iter()
        .map(|(value, label)| Choice {
            value,
            label,
            selected: false,
        })
        .collect();
    let kinds = giamsat_core::ObservationKind::ALL
        .iter()
        .map(|k| Choice {
            value: k.as_str().to_owned(),
            label: tr.t(&format!("kind-{}", k.as_str())),
            selected: false,
        })
        .collect();
    let growth_indicators = indicators
        .iter()
        .filter(|c| {
            giamsat_core::IndicatorCode::parse(&c.value)
                .ok()
                .and_then(|code| engine.indicator_by_code(&code))
                .is_some_and(|i| {
                    i.same_period_base == Some(giamsat_core::SamePeriodBase::GrowthPercent)
                })
        })
        .map(|c| Choice {
            value: c.value.clone(),
            label: c.label.clone(),
            selected: false,
        })
        .collect();
    let comparators = [
        ("", "office-comparator-default"),
        ("at_least", "office-comparator-at-least"),
        ("at_most", "office-comparator-at-most"),
    ]
    .into_iter()
    .map(|(value, label)| Choice {
        value: value.to_owned(),
        label: tr.t(label),
        selected: value.is_empty(),
    })
    .collect();
    let mut document_names: Vec<String> = engine
        .documents()
        .filter_map(|d| d.number.clone())
        .collect();
    document_names.sort();
    document_names.dedup();
    document_names.truncate(400);
    let rendered = ReviewPage {
        page,
        sha256: report.sha256.clone(),
        language: report.reading.language.code().to_owned(),
        segments: segments(&report.reading.text, &report.reading.items, &parts[part]),
        items,
        part,
        part_count: parts.len(),
        indicators,
        growth_indicators,
        units,
        kinds,
        comparators,
        unit_names: super::entry::unit_names(&engine, reader),
        document_names,
    }
    .render();
    respond(reader, status, rendered)
}

/// Characters of the report's text on one part of the review at most (unless an item runs
/// over the end): a 10 MB report on one page would be tens of megabytes of HTML.
const PART_CHARS: usize = 20_000;
/// Items on one part at most (unless items overlap at the cut): each carries its form.
const PART_ITEMS: usize = 40;

/// One part of the review: characters `start..end` of the text and the items that begin
/// there (by their place in the reading), in the order they begin.
#[derive(Debug, Clone, PartialEq)]
struct Part {
    start: usize,
    end: usize,
    items: Vec<usize>,
}

/// The text cut into parts of at most `max_chars` characters and `max_items` items, never
/// inside an item, so that each item is whole on the one part it begins on. One sweep over
/// the items in the order they begin.
fn parts(length: usize, items: &[Item], max_chars: usize, max_items: usize) -> Vec<Part> {
    let mut order: Vec<usize> = (0..items.len())
        .filter(|&n| items[n].start <= items[n].end && items[n].end <= length)
        .collect();
    order.sort_by_key(|&n| (items[n].start, items[n].end));
    let mut parts = Vec::new();
    let mut part = Part {
        start: 0,
        end: 0,
        items: Vec::new(),
    };
    // The furthest end of the items on the part so far: no cut may fall before it.
    let mut reach = 0;
    let mut cut = |part: &mut Part, reach: &mut usize, at: usize| {
        let next = Part {
            start: at,
            end: at,
            items: Vec::new(),
        };
        let mut done = std::mem::replace(part, next);
        done.end = at;
        parts.push(done);
        *reach = at;
    };
    for n in order.into_iter().map(Some).chain([None]) {
        let next_start = n.map_or(length, |n| items[n].start);
        // Text without items is cut every `max_chars` characters.
        while next_start - part.start > max_chars {
            let at = (part.start + max_chars).max(reach);
            if at >= next_start {
                break;
            }
            cut(&mut part, &mut reach, at);
        }
        let Some(n) = n else { break };
        let full = part.items.len() >= max_items || next_start - part.start >= max_chars;
        if full && next_start >= reach && next_start > part.start {
            cut(&mut part, &mut reach, next_start);
        }
        part.items.push(n);
        reach = reach.max(items[n].end);
    }
    if part.start < length || parts.is_empty() {
        part.end = length;
        parts.push(part);
    }
    parts
}

/// The part's text cut at every item's ends; each stretch is marked with the narrowest item
/// over it, so that a period inside a figure is still its own mark. One sweep: the items
/// over a stretch are those begun and not yet ended, kept ordered by length.
fn segments(text: &str, items: &[Item], part: &Part) -> Vec<Segment> {
    use std::collections::BTreeSet;
    let chars: Vec<char> = text
        .chars()
        .skip(part.start)
        .take(part.end - part.start)
        .collect();
    let mut cuts: Vec<usize> = part
        .items
        .iter()
        .flat_map(|&n| [items[n].start, items[n].end])
        .collect();
    cuts.push(part.start);
    cuts.push(part.end);
    cuts.sort_unstable();
    cuts.dedup();
    // `part.items` is in the order the items begin.
    let mut begun = part.items.iter().peekable();
    let mut open: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut ends: BTreeSet<(usize, usize)> = BTreeSet::new();
    cuts.windows(2)
        .map(|w| {
            let (from, to) = (w[0], w[1]);
            while let Some(&&n) = begun.peek().filter(|&&&n| items[n].start <= from) {
                open.insert((items[n].end - items[n].start, n));
                ends.insert((items[n].end, n));
                begun.next();
            }
            while let Some(&(end, n)) = ends.first().filter(|(end, _)| *end <= from) {
                ends.remove(&(end, n));
                open.remove(&(end - items[n].start, n));
            }
            let over = open.first().map(|&(_, n)| n);
            Segment {
                text: chars[from - part.start..to - part.start].iter().collect(),
                item: over,
                kind: over.map_or("", |n| items[n].fact.kind()),
            }
        })
        .collect()
}

/// A number as the reader writes it, with the decimals it has (up to four).
fn plain_number(tr: Tr<'_>, value: f64) -> String {
    let decimals = (0..=4u8)
        .find(|d| {
            let scaled = value * 10f64.powi(i32::from(*d));
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(4);
    tr.number(value, decimals)
}

/// The items shown, each with what it became if it was accepted already (by anyone, at any
/// time: read from the records that cite it).
async fn views_of<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    report: &Report,
    shown: &[usize],
) -> Result<Vec<ItemView>, PageError> {
    let accepted = state.app.accepted_from(&report.sha256).await?;
    let engine = state.app.engine();
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let mut views = item_views(&engine, state, reader, report, shown);
    for view in &mut views {
        let Some(item) = report.reading.items.get(view.index) else {
            continue;
        };
        view.became = accepted
            .iter()
            .filter(|(span, _)| *span == (item.start, item.end))
            .filter_map(|(_, became)| became_link(&engine, tr, became))
            .collect();
    }
    Ok(views)
}

/// A record an item became, in words, with the page that shows it.
fn became_link(engine: &Engine, tr: Tr<'_>, became: &Became) -> Option<(String, String)> {
    let cell = |indicator, unit, period, value: f64| {
        let indicator = engine.indicator(indicator)?;
        let unit = engine.unit(unit)?;
        Some(format!(
            "{} · {} · {}: {} {}",
            indicator.name.get(tr.lang),
            unit.name.get(tr.lang),
            tr.period(period),
            tr.number(value, indicator.decimals),
            indicator.measure.get(tr.lang)
        ))
    };
    let said = |id: &str, what: String| tr.t_args(id, &[("what", Arg::Text(what))]);
    Some(match became {
        Became::Person(id) => {
            let person = engine.follow_up().person(*id)?;
            (
                said("review-became-person", person.name.clone()),
                format!("/people/{}", id.0),
            )
        }
        Became::Document(id) => {
            let document = engine.document(*id)?;
            let name = document
                .number
                .clone()
                .unwrap_or_else(|| document.title.get(tr.lang).to_owned());
            (
                said("review-became-document", name),
                format!("/documents/{}", id.0),
            )
        }
        Became::Target(id) => {
            let t = engine.target(*id)?;
            (
                said(
                    "review-became-target",
                    cell(t.indicator, t.unit, t.period, t.value)?,
                ),
                format!("/targets/{}", id.0),
            )
        }
        Became::Scorecard { unit, period } => {
            let card = engine
                .reported_scorecards()
                .find(|c| c.unit == *unit && c.period == *period)?;
            let unit = engine.unit(*unit)?;
            (
                said(
                    "review-became-scorecard",
                    format!(
                        "{} · {}: {}/{}",
                        unit.name.get(tr.lang),
                        tr.period(*period),
                        card.met,
                        card.set
                    ),
                ),
                format!("/units/{}", unit.code),
            )
        }
        Became::Figure {
            indicator,
            unit,
            period,
            value,
        } => (
            said(
                "review-became-figure",
                cell(*indicator, *unit, *period, *value)?,
            ),
            format!("/units/{}", engine.unit(*unit)?.code),
        ),
    })
}

/// The period the text last named before `start`, as written there: what a scorecard or a
/// growth rate read without one most likely counts over.
fn period_before(report: &Report, start: usize) -> Option<String> {
    report
        .reading
        .items
        .iter()
        .filter(|i| i.start <= start)
        .filter_map(|i| match &i.fact {
            Fact::Period {
                period: Some(p), ..
            } if p.parse::<giamsat_core::Period>().is_ok() => Some((i.start, p.clone())),
            _ => None,
        })
        .max_by_key(|(at, _)| *at)
        .map(|(_, p)| p)
}

/// The number of the document the text last named before `start`, for a target's form.
fn document_before(report: &Report, start: usize) -> Option<String> {
    report
        .reading
        .items
        .iter()
        .filter(|i| i.start <= start)
        .filter_map(|i| match &i.fact {
            Fact::Document { number, bare, .. } if !bare => Some((i.start, number.clone())),
            _ => None,
        })
        .max_by_key(|(at, _)| *at)
        .map(|(_, n)| n)
}

/// A scale as a report writes it, "8.537,18 tỷ VND", not "× 1.000.000.000"; one with no
/// word of its own as a multiplication.
fn scale_in_words(tr: Tr<'_>, scale: f64) -> String {
    let named = [
        (1e3, "intake-scale-thousand"),
        (1e6, "intake-scale-million"),
        (1e9, "intake-scale-billion"),
        (1e12, "intake-scale-trillion"),
    ]
    .into_iter()
    .find(|(s, _)| (s - scale).abs() < 0.5);
    match named {
        Some((_, word)) => format!(" {}", tr.t(word)),
        None if scale > 1.0 => format!(" × {}", tr.number(scale, 0)),
        None => String::new(),
    }
}

fn item_views<S: Store>(
    engine: &Engine,
    state: &AppState<S>,
    reader: &Reader,
    report: &Report,
    shown: &[usize],
) -> Vec<ItemView> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let book = engine.follow_up();
    // The units the text names, looked for once for all the figures shown.
    let mentions = shown
        .iter()
        .filter_map(|&n| report.reading.items.get(n))
        .any(|i| matches!(i.fact, Fact::Figure { value: Some(_), .. }))
        .then(|| report.mentions(engine));
    shown
        .iter()
        .filter_map(|&index| Some((index, report.reading.items.get(index)?)))
        .map(|(index, item)| {
            let kind = item.fact.kind();
            let mut unit_offered = None;
            let mut details = Vec::new();
            let mut fields = HashMap::new();
            let mut forms = Vec::new();
            let mut positions = String::new();
            let mut known = None;
            let mut detail = |label: &str, value: String| details.push((tr.t(label), value));
            match &item.fact {
                Fact::Date {
                    year,
                    month,
                    day,
                    role,
                    text_year,
                } => {
                    detail(
                        "intake-date",
                        match year.or(*text_year).and_then(|y| {
                            time::Month::try_from(*month)
                                .ok()
                                .and_then(|m| time::Date::from_calendar_date(y, m, *day).ok())
                        }) {
                            Some(date) => tr.date(date),
                            None => format!("{day}/{month}"),
                        },
                    );
                    detail(
                        "intake-date-role",
                        tr.t(&format!("intake-date-role-{}", role.name())),
                    );
                }
                Fact::Period { period, .. } => detail(
                    "col-period",
                    period
                        .as_deref()
                        .and_then(|p| p.parse().ok())
                        .map_or_else(|| item.text.clone(), |p| tr.period(p)),
                ),
                Fact::Document {
                    number, issued_on, ..
                } => {
                    detail("col-number", number.clone());
                    if let Some(on) = issued_on {
                        let shown = giamsat_app::input::parse_date(on)
                            .map_or_else(|_| on.clone(), |d| tr.date(d));
                        detail("col-issued-on", shown);
                    }
                    // A bare reference the text links to no full one ("NQ 12") has no number
                    // to record, nor has a kind of document giamsat does not keep (an
                    // official dispatch, 12/CĐ-TTg): the form would only be refused.
                    if giamsat_core::DocumentNumber::parse(number).is_ok() {
                        forms.push("document");
                    }
                    fields.insert("number", number.clone());
                    // Prefilled as the reader types dates (the form's example), not as stored.
                    let typed_on = issued_on.as_deref().map_or_else(String::new, |on| {
                        giamsat_app::input::parse_date(on).map_or_else(
                            |_| on.to_owned(),
                            |d| super::history::form_date(tr.lang, Some(d)),
                        )
                    });
                    fields.insert("issued_on", typed_on);
                    fields.insert("title", item.text.clone());
                }
                // A target set informs the review; there is no record to accept it as.
                Fact::Target {
                    subject,
                    value,
                    value_from,
                    scale,
                    unit,
                    period,
                } => {
                    if let Some(s) = subject {
                        detail("intake-subject", s.clone());
                    }
                    let scale = scale_in_words(tr, *scale);
                    let from = value_from
                        .map(|v| format!("{}–", plain_number(tr, v)))
                        .unwrap_or_default();
                    detail(
                        "col-value",
                        format!(
                            "{from}{}{scale} {}",
                            plain_number(tr, *value),
                            unit.clone().unwrap_or_default()
                        ),
                    );
                    if let Some(p) = period {
                        match p.parse() {
                            Ok(parsed) => detail("col-period", tr.period(parsed)),
                            Err(_) => detail("col-period", p.clone()),
                        }
                    }
                }
                Fact::Scorecard { locality, met, set } => {
                    detail("col-locality", locality.clone());
                    detail("col-met-set", format!("{met}/{set}"));
                    forms.push("scorecard");
                    fields.insert("unit", locality.clone());
                    fields.insert("met", met.to_string());
                    fields.insert("set", set.to_string());
                    fields.insert(
                        "period",
                        period_before(report, item.start).unwrap_or_default(),
                    );
                }
                Fact::Growth { locality, percent } => {
                    detail("col-locality", locality.clone());
                    detail("col-growth", tr.change(*percent));
                    forms.push("growth");
                    fields.insert("unit", locality.clone());
                    fields.insert("value", plain_number(tr, *percent));
                    fields.insert(
                        "period",
                        period_before(report, item.start).unwrap_or_default(),
                    );
                    fields.insert("kind", "official".to_owned());
                }
                Fact::Person {
                    name,
                    positions: written,
                    known: link,
                    ..
                } => {
                    detail("intake-name", name.clone());
                    if !written.is_empty() {
                        detail("intake-positions", written.join("; "));
                    }
                    forms.push("person");
                    fields.insert("name", name.clone());
                    positions = written.join("\n");
                    known = link.and_then(|id| {
                        book.person(giamsat_core::FollowUpId(u32::try_from(id).ok()?))
                            .map(|p| p.name.clone())
                    });
                }
                Fact::Figure {
                    subject,
                    value,
                    scale,
                    unit,
                    change_percent,
                    plan_percent,
                    period,
                    months,
                    estimated,
                } => {
                    if let Some(s) = subject {
                        detail("intake-subject", s.clone());
                    }
                    if let Some(v) = value {
                        let written = plain_number(tr, *v);
                        let scale = scale_in_words(tr, *scale);
                        detail(
                            "col-value",
                            format!("{written}{scale} {}", unit.clone().unwrap_or_default()),
                        );
                        fields.insert("value", written);
                    }
                    if let Some(c) = change_percent {
                        detail("intake-change", tr.change(*c));
                    }
                    if let Some(p) = plan_percent {
                        detail("col-percent-of-plan", tr.percent(*p));
                    }
                    if let Some(p) = period {
                        // Offered in the reader's words, which the form reads back as the
                        // same period: a person never meets giamsat's period codes.
                        match p.parse() {
                            Ok(parsed) => {
                                fields.insert("period", tr.period(parsed));
                                detail("col-period", tr.period(parsed));
                            }
                            Err(_) => {
                                fields.insert("period", p.clone());
                            }
                        }
                    } else if let Some((first, last)) = months {
                        // The reviewer supplies the year the text leaves out.
                        let words = if first == last {
                            tr.t_args(
                                "intake-month-without-year",
                                &[("month", Arg::Number(i64::from(*first)))],
                            )
                        } else {
                            tr.t_args(
                                "intake-months-without-year",
                                &[
                                    ("first", Arg::Number(i64::from(*first))),
                                    ("last", Arg::Number(i64::from(*last))),
                                ],
                            )
                        };
                        detail("col-period", words);
                    }
                    fields.insert(
                        "kind",
                        if *estimated { "estimate" } else { "official" }.to_owned(),
                    );
                    if value.is_some() {
                        forms.extend(["figure", "target"]);
                        fields.insert(
                            "document",
                            document_before(report, item.start).unwrap_or_default(),
                        );
                        // What the figure is most likely of, offered for the reviewer to
                        // check rather than chosen from long lists every time.
                        if let Some(named) = mentions
                            .as_ref()
                            .and_then(|m| m.unit_for(item.end))
                            .and_then(|id| engine.unit(id))
                        {
                            let label = giamsat_app::names::unit_label(engine, named);
                            fields.insert("unit", named.code.to_string());
                            fields.insert("unit_name", label.clone());
                            unit_offered = Some((named.code.to_string(), label));
                        }
                        let read = Measure::read(unit.as_deref(), *scale);
                        if let Some(indicator) = subject
                            .as_deref()
                            .and_then(|s| {
                                prefill::indicator_for(engine, s, report.reading.language, read)
                            })
                            .and_then(|id| engine.indicator(id))
                        {
                            fields.insert("indicator", indicator.code.to_string());
                        }
                    }
                }
            }
            ItemView {
                index,
                kind,
                kind_label: tr.t(&format!("intake-kind-{kind}")),
                quote: item.text.clone(),
                details,
                forms,
                open: None,
                became: Vec::new(),
                fields,
                positions,
                known,
                error: None,
                replaces: None,
                mismatch: None,
                unit_offered,
                accepted: false,
            }
        })
        .collect()
}

/// The figure recorded for the cell a figure's form names (indicator and unit by code, the
/// period as written), in words, when accepting the new one of `kind` would replace it as the
/// current value: one of the same kind or a lower one (official over preliminary over
/// estimate). `None` when the cell is empty, the form names no whole cell, or the recorded
/// figure outranks the new one (which is then kept beside it without replacing it).
fn replaced_figure(engine: &Engine, tr: Tr<'_>, form: &HashMap<String, String>) -> Option<String> {
    let text = |name: &str| form.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let indicator = giamsat_core::IndicatorCode::parse(text("indicator")?)
        .ok()
        .and_then(|c| engine.indicator_by_code(&c))?;
    let unit = giamsat_core::UnitCode::parse(text("unit")?)
        .ok()
        .and_then(|c| engine.unit_by_code(&c))?;
    let period = giamsat_core::written::read_period(text("period")?).ok()?;
    let kind = giamsat_core::ObservationKind::ALL
        .into_iter()
        .find(|k| Some(k.as_str()) == text("kind"))?;
    let (_, recorded_kind, value) = engine.reported(indicator.id, unit.id, period)?;
    (recorded_kind <= kind).then(|| {
        tr.t_args(
            "intake-replaces",
            &[
                (
                    "value",
                    Arg::Text(format!(
                        "{} {}",
                        tr.number(value, indicator.decimals),
                        indicator.measure.get(tr.lang)
                    )),
                ),
                (
                    "kind",
                    Arg::Text(tr.t(&format!("kind-{}", recorded_kind.as_str()))),
                ),
                ("unit", Arg::Text(unit.name.get(tr.lang).to_owned())),
                ("period", Arg::Text(tr.period(period))),
            ],
        )
    })
}

/// The figure's unit of measure as read, when it is not that of the indicator the form names
/// (another currency, a percent into money, another scale): the warning naming both, and the
/// label of the box that confirms the value was converted. `None` when they are the same, or
/// when either cannot be told (no unit read, an index).
fn unit_mismatch(
    engine: &Engine,
    tr: Tr<'_>,
    item: &Item,
    form: &HashMap<String, String>,
) -> Option<(String, String)> {
    let Fact::Figure { unit, scale, .. } = &item.fact else {
        return None;
    };
    let read = Measure::read(unit.as_deref(), *scale)?;
    let indicator = giamsat_core::IndicatorCode::parse(form.get("indicator")?.trim())
        .ok()
        .and_then(|c| engine.indicator_by_code(&c))?;
    if read.same(Measure::of_indicator(indicator)?) {
        return None;
    }
    let measure = indicator.measure.get(tr.lang).to_owned();
    let warning = tr.t_args(
        "intake-unit-mismatch",
        &[
            (
                "read",
                Arg::Text(measure_in_words(tr, unit.as_deref()?, *scale)),
            ),
            (
                "indicator",
                Arg::Text(indicator.name.get(tr.lang).to_owned()),
            ),
            ("measure", Arg::Text(measure.clone())),
        ],
    );
    let confirm = tr.t_args("intake-converted", &[("measure", Arg::Text(measure))]);
    Some((warning, confirm))
}

/// A unit of measure the reader read (`USD` and 10⁶), in the reader's words: "triệu USD",
/// "million USD", "millions de dollars US".
fn measure_in_words(tr: Tr<'_>, unit: &str, scale: f64) -> String {
    let key = match unit {
        "%" => "percent",
        "tạ" => "quintal",
        "VND" | "USD" | "EUR" | "t" | "ha" | "km" | "enterprise" | "worker" | "household"
        | "visitor" | "project" | "cooperative" | "establishment" | "room" => unit,
        _ => "count",
    };
    let scale_key = if key == "percent" {
        "one"
    } else {
        [
            (1.0, "one"),
            (1e3, "thousand"),
            (1e6, "million"),
            (1e9, "billion"),
            (1e12, "trillion"),
        ]
        .into_iter()
        .find(|(s, _)| (s - scale).abs() < 0.5)
        .map_or("other", |(_, k)| k)
    };
    let word = tr.t_args("intake-unit-word", &[("unit", Arg::Text(key.to_owned()))]);
    let of = tr.t_args(
        "intake-unit-of",
        &[
            ("unit", Arg::Text(key.to_owned())),
            ("word", Arg::Text(word.clone())),
        ],
    );
    tr.t_args(
        "intake-read-measure",
        &[
            ("scale", Arg::Text(scale_key.to_owned())),
            ("word", Arg::Text(word)),
            ("of", Arg::Text(of)),
            ("factor", Arg::Text(tr.number(scale, 0))),
        ],
    )
}

/// Records one input as the data-entry form does: numbers read as the reader writes them.
async fn create_one<S: Store, I: giamsat_app::Validate>(
    state: &AppState<S>,
    actor: &giamsat_app::Actor,
    input: &I,
    source: &str,
    numbers: giamsat_core::Language,
) -> Result<(), AppError> {
    state
        .app
        .create_all(actor, std::slice::from_ref(input), source, numbers)
        .await
        .map(|_| ())
}

/// Accepts one item: the fields as the reviewer corrected them, recorded through the
/// application layer with the report and the item's characters as the source.
pub async fn accept<S: Store>(
    State(state): State<AppState<S>>,
    Path(sha256): Path<String>,
    reader: Reader,
    who: Principal,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let report = load(&state, &sha256).await?;
    let no_such_item = || Err(PageError::not_found("intake-error-item", ""));
    let form: HashMap<String, String> = form.into_iter().collect();
    let field = |name: &str| {
        form.get(name)
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    let index: Option<usize> = field("item").parse().ok();
    let Some((index, item)) = index.and_then(|i| report.reading.items.get(i).map(|it| (i, it)))
    else {
        return no_such_item();
    };
    let source = source_of(&report.sha256, item.start, item.end);
    let actor = &who.0.actor;
    let present = |name: &str| Some(field(name)).filter(|v| !v.is_empty());
    // A figure that would replace one already recorded is recorded only once the reviewer,
    // shown the recorded value, sends the form again to replace it.
    let accepted_as = field("as");
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let replaces = match &item.fact {
        Fact::Figure { .. } if field("replace") != "1" && accepted_as != "target" => {
            replaced_figure(&state.app.engine(), tr, &form)
        }
        _ => None,
    };
    // A figure written in another unit than the indicator's (another currency, a percent,
    // another scale) is recorded only once the reviewer confirms it was converted: recorded
    // as read, 892,3 million USD would stand as 892,3 billion đồng.
    let mismatch = if field("converted") == "1" {
        None
    } else {
        unit_mismatch(&state.app.engine(), tr, item, &form)
    };
    if replaces.is_some() || mismatch.is_some() {
        let parts = parts_of(&report);
        let part = part_of_item(&parts, index);
        let mut views = views_of(&state, &reader, &report, &parts[part].items).await?;
        if let Some(view) = views.iter_mut().find(|v| v.index == index) {
            typed_back(view, &form);
            view.replaces = replaces;
            view.mismatch = mismatch;
            let open = if accepted_as == "target" {
                "target"
            } else {
                "figure"
            };
            view.open = Some(open.to_owned());
        }
        return Ok(review_page(
            &state,
            &reader,
            StatusCode::CONFLICT,
            &report,
            (&parts, part),
            views,
        ));
    }
    let result: Result<(), AppError> = match &item.fact {
        Fact::Person { .. } => {
            let input = PersonInput {
                name: field("name"),
                positions: field("positions")
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|title| PositionInput {
                        title: title.to_owned(),
                        ..PositionInput::default()
                    })
                    .collect(),
                source: Some(source.clone()),
            };
            state
                .app
                .record_person(actor, &input, &source)
                .await
                .map(|_| ())
        }
        Fact::Document { .. } => {
            let title = field("title");
            let title_in = |language| {
                (report.reading.language == language && !title.is_empty()).then(|| title.clone())
            };
            let input = DocumentInput {
                number: present("number"),
                issued_by: present("issued_by"),
                issued_on: present("issued_on"),
                // The title as typed, in the report's language.
                title_vi: title_in(giamsat_core::Language::Vi),
                title_en: title_in(giamsat_core::Language::En),
                title_fr: title_in(giamsat_core::Language::Fr),
                source: Some(source.clone()),
                ..DocumentInput::default()
            };
            create_one(&state, actor, &input, &source, reader.lang).await
        }
        Fact::Figure { .. } if accepted_as == "target" => {
            let input = TargetInput {
                document: present("document"),
                indicator: present("indicator"),
                unit: present("unit"),
                period: present("period"),
                value: present("value"),
                comparator: present("comparator"),
                source: Some(source.clone()),
                ..TargetInput::default()
            };
            create_one(&state, actor, &input, &source, reader.lang).await
        }
        // A growth rate is a figure of an indicator counted against the same period before.
        Fact::Figure { .. } | Fact::Growth { .. } => {
            let input = ObservationInput {
                indicator: present("indicator"),
                unit: present("unit"),
                period: present("period"),
                value: present("value"),
                kind: present("kind"),
                source: Some(source.clone()),
                ..ObservationInput::default()
            };
            create_one(&state, actor, &input, &source, reader.lang).await
        }
        Fact::Scorecard { .. } => {
            let input = ReportedScorecardInput {
                unit: present("unit"),
                period: present("period"),
                met: present("met"),
                set: present("set"),
                source: Some(source.clone()),
                ..ReportedScorecardInput::default()
            };
            create_one(&state, actor, &input, &source, reader.lang).await
        }
        // Dates, periods and rankings inform the review; they have no record of their own.
        _ => return no_such_item(),
    };
    match result {
        Ok(()) => {
            let part = part_of_item(&parts_of(&report), index);
            let location = format!(
                "/intake/{}?part={part}&accepted={index}#item-{index}",
                report.sha256
            );
            Ok((StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response())
        }
        Err(error) => {
            let (status, why) = super::refusal_in_form(tr, error)?;
            let parts = parts_of(&report);
            let part = part_of_item(&parts, index);
            let mut views = views_of(&state, &reader, &report, &parts[part].items).await?;
            if let Some(view) = views.iter_mut().find(|v| v.index == index) {
                typed_back(view, &form);
                view.open = Some(accepted_as.clone()).filter(|a| !a.is_empty());
                view.error = Some(tr.t_args("entry-error-rejected", &[("reason", Arg::Text(why))]));
            }
            Ok(review_page(
                &state,
                &reader,
                status,
                &report,
                (&parts, part),
                views,
            ))
        }
    }
}

/// Puts what the reviewer typed back in an item's form.
fn typed_back(view: &mut ItemView, form: &HashMap<String, String>) {
    for (name, value) in form {
        if let Some(key) = [
            "name",
            "number",
            "issued_on",
            "issued_by",
            "title",
            "indicator",
            "unit",
            "period",
            "value",
            "kind",
            "document",
            "comparator",
            "met",
            "set",
            "replace",
            "converted",
        ]
        .into_iter()
        .find(|k| k == name)
        {
            view.fields.insert(key, value.clone());
        }
    }
    // The target's form names its unit in words: what was typed there is shown there.
    if form.get("as").map(String::as_str) == Some("target")
        && let Some(unit) = form.get("unit")
    {
        view.fields.insert("unit_name", unit.clone());
    }
    if let Some(p) = form.get("positions") {
        view.positions = p.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(start: usize, end: usize) -> Item {
        Item {
            start,
            end,
            text: String::new(),
            fact: Fact::Date {
                year: None,
                month: 1,
                day: 1,
                role: giamsat_intake::DateRole::Other,
                text_year: None,
            },
        }
    }

    /// Items nested, overlapping, adjacent and of equal length, in no particular order.
    fn tangle() -> (String, Vec<Item>) {
        let text: String = "abcdefghij".repeat(12);
        let mut items = Vec::new();
        for n in 0..30usize {
            let start = (n * 37) % 110;
            items.push(item(start, start + 1 + (n * 7) % 9));
        }
        items.push(item(0, 120));
        items.push(item(50, 52));
        items.push(item(50, 52));
        (text, items)
    }

    /// The all-pairs marking the sweep replaced: each stretch between cuts is marked with the
    /// narrowest item over it, the first in reading order among equals.
    fn marks_by_all_pairs(text: &str, items: &[Item]) -> Vec<(String, Option<usize>)> {
        let chars: Vec<char> = text.chars().collect();
        let mut cuts: Vec<usize> = items.iter().flat_map(|i| [i.start, i.end]).collect();
        cuts.extend([0, chars.len()]);
        cuts.sort_unstable();
        cuts.dedup();
        cuts.windows(2)
            .map(|w| {
                let over = items
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| i.start <= w[0] && w[1] <= i.end)
                    .min_by_key(|(_, i)| i.end - i.start)
                    .map(|(n, _)| n);
                (chars[w[0]..w[1]].iter().collect(), over)
            })
            .collect()
    }

    #[test]
    fn the_sweep_marks_what_comparing_every_pair_marked() {
        let (text, items) = tangle();
        let whole = parts(text.chars().count(), &items, usize::MAX, usize::MAX);
        assert_eq!(whole.len(), 1);
        let swept: Vec<(String, Option<usize>)> = segments(&text, &items, &whole[0])
            .into_iter()
            .map(|s| (s.text, s.item))
            .collect();
        assert_eq!(swept, marks_by_all_pairs(&text, &items));
    }

    #[test]
    fn parts_are_bounded_cut_between_items_and_hold_every_item_once() {
        let text = "x".repeat(1_000);
        let mut items: Vec<Item> = (0..90).map(|n| item(n * 11, n * 11 + 5)).collect();
        // One item that runs over where a cut would fall.
        items.push(item(95, 130));
        let parts = parts(1_000, &items, 100, 4);
        let mut seen: Vec<usize> = parts.iter().flat_map(|p| p.items.clone()).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..items.len()).collect::<Vec<_>>());
        assert_eq!(parts.first().map(|p| p.start), Some(0));
        assert_eq!(parts.last().map(|p| p.end), Some(1_000));
        for (part, next) in parts.iter().zip(parts.iter().skip(1)) {
            assert_eq!(part.end, next.start, "parts follow each other");
        }
        for part in &parts {
            for &n in &part.items {
                assert!(part.start <= items[n].start && items[n].end <= part.end);
            }
            // Over the bounds only where the item over the cut made it so.
            assert!(part.items.len() <= 5, "{part:?}");
            assert!(part.end - part.start <= 130, "{part:?}");
        }
        // The marks of every part are the marks of the whole text, cut at the parts' ends.
        let joined: String = parts
            .iter()
            .flat_map(|p| segments(&text, &items, p))
            .map(|s| s.text)
            .collect();
        assert_eq!(joined, text);
    }
}
