//! HTML pages, rendered on the server in the reader's language.
//!
//! Every page is an askama template that extends `base.html` and holds a [`Layout`]: the
//! reader's language, the navigation and the language switch. Pages read the engine under
//! its read lock, build plain view structs, and render; writes go through the application
//! layer like every other write.

mod account;
mod accounts;
mod audit;
pub mod charts;
mod documents;
mod entry;
pub mod error_page;
pub mod exports;
mod forms;
mod history;
pub mod inbox;
mod indicators;
mod intake;
mod office;
mod overview;
pub mod paging;
mod people;
mod rankings;
mod recommendations;
mod registry;
mod report_form;
mod reporting;
pub mod reports;
mod search;
mod supervision;
mod tasks;
pub mod tile_map;
mod units;
mod validation;

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use giamsat_core::evaluation::{self, Status, TargetEvaluation};
use giamsat_core::text::{Language, format_number, format_percent};
use giamsat_core::{Engine, Period, Target};

use crate::i18n::{Arg, I18n, choose_language};

pub use account::{
    account, change_password, create_token, login_form, login_submit, logout, revoke_token,
};
pub use accounts::{
    accounts as admin_accounts, contact as admin_contact, create_account as admin_create_account,
    disable as admin_disable, grant as admin_grant, new_password as admin_new_password,
};
pub use audit::{audit, audit_csv};
pub use documents::{document, document_page, documents, documents_page};
pub use entry::{entry_form, entry_page, entry_submit};
pub use exports::export;
pub use history::{revise_session, revise_task};
pub use inbox::{inbox, inbox_page};
pub use indicators::{indicator, indicator_page};
pub use intake::{accept as intake_accept, intake_form, intake_submit, review as intake_review};
pub use office::{create_document, create_target, new_document, new_target};
pub use overview::{overview, overview_page};
pub use people::{add_person, add_position, people, person, revise_position};
pub use rankings::{AsOf, View, rankings, rankings_page};
pub use recommendations::{answer_recommendation, recommendations, record_recommendation};
pub use registry::{
    create_indicator, create_unit, edit_document, edit_indicator, new_indicator, new_unit,
    revise_document, revise_indicator, revise_target, target,
};
pub use report_form::{form_download, form_upload, report_form};
pub use reporting::{regime, report, report_step, reports};
pub use reports::{
    notice, notice_docx, review, review_docx, review_page, unit_report, unit_report_docx,
    unit_report_page,
};
pub use search::{search, search_page};
pub use supervision::{
    conclusion_to_task, plan_visit, record_session, session, session_form, supervision,
};
pub use tasks::{evidence, report_progress, task, tasks};
pub use units::{unit, unit_page, units, units_page};
pub use validation::{set_rule, validation};

/// The reader of a page: their language, whether they chose it just now (so it is
/// remembered), and the address they asked for (so the language switch keeps their place).
pub struct Reader {
    pub lang: Language,
    chosen: bool,
    path: String,
    /// The query without `lang`, as sent.
    query: Vec<String>,
    /// Who is signed in (none on the sign-in page).
    pub who: Option<std::sync::Arc<giamsat_app::SignedIn>>,
    /// How many things are due for them (`crate::auth` counts it for pages).
    pub inbox: Option<usize>,
}

impl Reader {
    pub fn new(path: &str, query: Option<&str>, headers: &HeaderMap) -> Reader {
        let pairs: Vec<&str> = query
            .unwrap_or("")
            .split('&')
            .filter(|p| !p.is_empty())
            .collect();
        let asked = pairs.iter().find_map(|p| p.strip_prefix("lang="));
        let accept = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        let lang = choose_language(asked, cookie(headers, "lang"), accept);
        Reader {
            lang,
            chosen: asked.and_then(|l| l.parse::<Language>().ok()).is_some(),
            path: path.to_owned(),
            query: pairs
                .into_iter()
                .filter(|p| !p.starts_with("lang="))
                .map(str::to_owned)
                .collect(),
            who: None,
            inbox: None,
        }
    }

    /// The value of `key` in the address's query, as sent (undecoded).
    pub fn query_value(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find_map(|p| p.strip_prefix(key)?.strip_prefix('='))
    }

    /// This page's address with `key` set to `value` and the rest of the query kept.
    pub fn href_with(&self, key: &str, value: &str) -> String {
        let mut pairs: Vec<String> = self
            .query
            .iter()
            .filter(|p| p.split('=').next() != Some(key))
            .cloned()
            .collect();
        pairs.push(serde_urlencoded::to_string([(key, value)]).unwrap_or_default());
        format!("{}?{}", self.path, pairs.join("&"))
    }

    /// This page's address without `key`, the rest of the query kept.
    pub fn href_without(&self, key: &str) -> String {
        let pairs: Vec<&str> = self
            .query
            .iter()
            .filter(|p| p.split('=').next() != Some(key))
            .map(String::as_str)
            .collect();
        if pairs.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, pairs.join("&"))
        }
    }

    /// Whether some grant of the reader lets them write records of `kind` somewhere (the
    /// use case still checks where): what decides which forms and sections a page offers.
    pub fn may(&self, kind: giamsat_core::access::RecordKind) -> bool {
        self.who.as_ref().is_some_and(|w| match &w.actor.grants {
            None => true,
            Some(grants) => grants.iter().any(|g| g.role.may_write(kind)),
        })
    }

    /// Whether the reader administers accounts somewhere.
    pub fn administers(&self) -> bool {
        self.who.as_ref().is_some_and(|w| match &w.actor.grants {
            None => true,
            Some(grants) => grants
                .iter()
                .any(|g| g.role == giamsat_core::access::Role::Admin),
        })
    }

    /// Whether some grant of the reader opens an audit trail (the page still checks which).
    fn reads_audit(&self) -> bool {
        self.who.as_ref().is_some_and(|w| {
            w.actor.grants.iter().flatten().any(|g| {
                matches!(
                    g.role,
                    giamsat_core::access::Role::Admin | giamsat_core::access::Role::Office
                )
            })
        })
    }

    /// Whether the reader holds one of `roles` somewhere (the system holds every role), so
    /// that a page offers only the forms the reader may send.
    pub fn holds(&self, roles: &[giamsat_core::access::Role]) -> bool {
        self.who.as_ref().is_some_and(|w| match &w.actor.grants {
            None => true,
            Some(grants) => grants.iter().any(|g| roles.contains(&g.role)),
        })
    }

    /// Whether the reader sees a unit's figures not yet approved: the unit itself and the
    /// offices and supervisors over it ([`giamsat_core::access::may_see_unpublished`]).
    pub fn sees_unpublished(&self, engine: &Engine, unit: giamsat_core::UnitId) -> bool {
        self.who.as_ref().is_some_and(|w| match &w.actor.grants {
            None => true,
            Some(grants) => giamsat_core::access::may_see_unpublished(engine, grants, unit),
        })
    }

    /// Whether the reader may register documents and targets (an office or an administrator).
    pub fn registers(&self) -> bool {
        use giamsat_core::access::Role;
        self.holds(&[Role::Admin, Role::Office])
    }

    /// Whether the reader may enter figures.
    pub fn enters_figures(&self) -> bool {
        self.holds(&ENTER_FIGURES)
    }

    /// Whether the reader may enter figures for `unit`: a role that enters figures, over it.
    pub fn enters_figures_for(&self, engine: &Engine, unit: giamsat_core::UnitId) -> bool {
        self.who.as_ref().is_some_and(|w| match &w.actor.grants {
            None => true,
            Some(grants) => grants
                .iter()
                .any(|g| ENTER_FIGURES.contains(&g.role) && g.covers(engine, unit)),
        })
    }

    /// The units the reader's grants are over, where what they type is looked for first.
    pub fn scope(&self) -> Vec<giamsat_core::UnitId> {
        self.who
            .as_ref()
            .map(|w| w.actor.scope())
            .unwrap_or_default()
    }

    /// The reader of a request. A page answering a form (a POST) stands for the page the form
    /// was on, as the browser's `Referer` names it on this site: its language switch and its
    /// links back lead there, not to an address that only takes forms.
    pub fn for_request(
        method: &axum::http::Method,
        uri: &axum::http::Uri,
        headers: &HeaderMap,
    ) -> Reader {
        let mut reader = Reader::new(uri.path(), uri.query(), headers);
        if !matches!(*method, axum::http::Method::GET | axum::http::Method::HEAD)
            && let Some((path, query)) = form_page(headers)
        {
            let page = Reader::new(&path, query.as_deref(), headers);
            // The form's page chose its language in its address; the form's own address
            // (its action) seldom repeats it, and the cookie may be gone with the session.
            if !reader.chosen && page.chosen {
                reader.lang = page.lang;
            }
            reader.path = page.path;
            reader.query = page.query;
        }
        reader
    }

    /// The address of this page (without the language), to come back to.
    pub fn here(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, self.query.join("&"))
        }
    }

    /// This page in another language.
    fn href_in(&self, language: Language) -> String {
        let mut query = self.query.clone();
        query.push(format!("lang={}", language.code()));
        format!("{}?{}", self.path, query.join("&"))
    }
}

/// The path and query of the page a form was sent from, when the browser names a page of this
/// site as the referrer.
fn form_page(headers: &HeaderMap) -> Option<(String, Option<String>)> {
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let (_, rest) = referer.split_once("://")?;
    let (authority, path) = rest.split_at(rest.find('/')?);
    if authority != host {
        return None;
    }
    let path = path.split('#').next().unwrap_or(path);
    Some(match path.split_once('?') {
        Some((path, query)) => (path.to_owned(), Some(query.to_owned())),
        None => (path.to_owned(), None),
    })
}

impl<S: Send + Sync> FromRequestParts<S> for Reader {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Reader, Self::Rejection> {
        let mut reader = Reader::for_request(&parts.method, &parts.uri, &parts.headers);
        reader.who = parts
            .extensions
            .get::<crate::auth::Principal>()
            .map(|p| p.0.clone());
        reader.inbox = parts
            .extensions
            .get::<crate::auth::InboxCount>()
            .map(|c| c.0);
        Ok(reader)
    }
}

use crate::auth::cookie;

pub use crate::state::{in_vietnam, today};

/// The unit a query or a form names: by its code, else by its name or part of it.
pub(crate) fn unit_by_code<'e>(engine: &'e Engine, code: &str) -> Option<&'e giamsat_core::Unit> {
    giamsat_core::UnitCode::parse(code.trim())
        .ok()
        .and_then(|c| engine.unit_by_code(&c))
        .or_else(|| {
            giamsat_app::names::unit(engine, &[], code)
                .ok()
                .and_then(|id| engine.unit(id))
        })
}

/// The interface strings and number formats of one language.
#[derive(Clone, Copy)]
pub struct Tr<'a> {
    pub i18n: &'a I18n,
    pub lang: Language,
}

/// The roles that enter figures.
const ENTER_FIGURES: [giamsat_core::access::Role; 3] = [
    giamsat_core::access::Role::Admin,
    giamsat_core::access::Role::Office,
    giamsat_core::access::Role::Reporter,
];

/// The source recorded with what a person entered through a form of the pages.
pub const WEB_FORM_SOURCE: &str = "web form";

impl Tr<'_> {
    pub fn t(&self, id: &str) -> String {
        self.i18n.t(self.lang, id)
    }

    /// Where a record came from, as the reader reads it: the forms of giamsat record
    /// themselves under a fixed name, which is shown in the reader's language.
    pub fn source(&self, source: &str) -> String {
        if source == WEB_FORM_SOURCE {
            self.t("source-web-form")
        } else {
            source.to_owned()
        }
    }

    pub fn t_args(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.i18n.t_args(self.lang, id, args)
    }

    pub fn count(&self, id: &str, count: usize) -> String {
        self.t_args(
            id,
            &[(
                "count",
                Arg::Number(i64::try_from(count).unwrap_or(i64::MAX)),
            )],
        )
    }

    /// Why an attempt was held back after failed passwords, and for how long: in seconds
    /// under two minutes (the first delays are of a few), else in minutes.
    pub fn throttled(&self, seconds: u64) -> String {
        let number = |n: u64| Arg::Number(i64::try_from(n).unwrap_or(i64::MAX));
        if seconds < 120 {
            self.t_args("sign-in-throttled-seconds", &[("seconds", number(seconds))])
        } else {
            self.t_args(
                "sign-in-throttled",
                &[("minutes", number(seconds.div_ceil(60)))],
            )
        }
    }

    pub fn number(&self, value: f64, decimals: u8) -> String {
        format_number(value, decimals, self.lang)
    }

    pub fn percent(&self, value: f64) -> String {
        format_percent(value, 2, self.lang)
    }

    /// A change, always signed: +9,63%, −3,1%.
    pub fn change(&self, value: f64) -> String {
        let sign = if value > 0.0 { "+" } else { "" };
        format!("{sign}{}", self.percent(value))
    }

    /// What is wrong with a field, in the reader's language.
    pub fn field_problem(&self, error: &giamsat_app::FieldError) -> String {
        self.i18n.problem(self.lang, &error.problem)
    }

    /// The kind of record a "not found" names.
    pub fn thing(&self, what: giamsat_app::Thing) -> String {
        self.i18n.thing(self.lang, what)
    }

    /// Why a write conflicts with what is recorded.
    pub fn conflict(&self, problem: &giamsat_app::Problem) -> String {
        self.i18n.problem(self.lang, problem)
    }

    pub fn period(&self, period: Period) -> String {
        self.i18n.period(self.lang, period)
    }

    pub fn date(&self, date: time::Date) -> String {
        let (d, m, y) = (date.day(), u8::from(date.month()), date.year());
        match self.lang {
            Language::Vi | Language::Fr => format!("{d:02}/{m:02}/{y}"),
            Language::En => {
                let month = self.t(&format!("month-{m}"));
                format!("{d} {month} {y}")
            }
        }
    }
}

pub struct NavItem {
    href: &'static str,
    label: String,
    current: bool,
    /// How many things the inbox holds, beside its link.
    count: Option<usize>,
}

pub struct LanguageChoice {
    code: &'static str,
    name: String,
    href: String,
    current: bool,
}

/// The signed-in reader as the header shows them, with the token its forms send back.
pub struct AccountBox {
    pub name: String,
    pub csrf: String,
}

/// What every page shares: language, title, navigation, who is signed in.
pub struct Layout<'a> {
    pub tr: Tr<'a>,
    pub title: String,
    nav: Vec<NavItem>,
    languages: Vec<LanguageChoice>,
    pub account: Option<AccountBox>,
    /// What the reader's roles let them write, by the names templates ask with `can`.
    abilities: Vec<&'static str>,
}

/// The sections of the site, in the order of the navigation.
const SECTIONS: [(&str, &str); 14] = [
    ("/", "nav-overview"),
    ("/inbox", "nav-inbox"),
    ("/documents", "nav-documents"),
    ("/rankings", "nav-rankings"),
    ("/units", "nav-units"),
    ("/entry", "nav-entry"),
    ("/reports", "nav-reports"),
    ("/tasks", "nav-tasks"),
    ("/supervision", "nav-supervision"),
    ("/people", "nav-people"),
    ("/recommendations", "nav-recommendations"),
    ("/intake", "nav-intake"),
    ("/audit", "nav-audit"),
    ("/admin/accounts", "nav-accounts"),
];

/// The abilities templates ask for with `page.can(…)`, each the kind of record its forms write.
const ABILITIES: [(&str, giamsat_core::access::RecordKind); 8] = {
    use giamsat_core::access::RecordKind as K;
    [
        ("figures", K::Observation),
        ("targets", K::Target),
        ("scorecards", K::ReportedScorecard),
        ("supervision", K::Supervision),
        ("tasks", K::Task),
        ("progress", K::TaskProgress),
        ("recommendations", K::Recommendation),
        ("answers", K::Answer),
    ]
};

/// Whether the reader sees a section in the navigation: the sections of forms only by whom
/// may send them.
fn shows_section(reader: &Reader, href: &str) -> bool {
    use giamsat_core::access::RecordKind;
    match href {
        "/audit" => reader.reads_audit(),
        "/inbox" => reader.who.is_some(),
        "/admin/accounts" => reader.administers(),
        "/entry" | "/intake" => reader.may(RecordKind::Observation),
        _ => true,
    }
}

impl<'a> Layout<'a> {
    pub fn new(i18n: &'a I18n, reader: &Reader, section: &str, title: String) -> Layout<'a> {
        let tr = Tr {
            i18n,
            lang: reader.lang,
        };
        Layout {
            tr,
            title,
            nav: SECTIONS
                .iter()
                .filter(|(href, _)| shows_section(reader, href))
                .map(|(href, id)| NavItem {
                    href,
                    label: tr.t(id),
                    current: *href == section,
                    count: (*href == "/inbox").then_some(reader.inbox).flatten(),
                })
                .collect(),
            languages: Language::ALL
                .iter()
                .map(|l| LanguageChoice {
                    code: l.code(),
                    name: i18n.t(*l, "language-name"),
                    href: reader.href_in(*l),
                    current: *l == reader.lang,
                })
                .collect(),
            abilities: ABILITIES
                .iter()
                .filter(|(_, kind)| reader.may(*kind))
                .map(|(name, _)| *name)
                .chain(reader.administers().then_some("admin"))
                .collect(),
            account: reader.who.as_ref().map(|w| AccountBox {
                name: w.display_name.clone(),
                csrf: w.csrf.clone().unwrap_or_default(),
            }),
        }
    }

    /// Whether the reader's roles let them send the forms of `ability` (one of
    /// [`ABILITIES`], or `admin`).
    pub fn can(&self, ability: &str) -> bool {
        self.abilities.contains(&ability)
    }

    /// A day written as the reader writes dates in a form, for a field's example.
    pub fn date_example(&self, year: i32, month: u8, day: u8) -> String {
        let date = time::Month::try_from(month)
            .ok()
            .and_then(|m| time::Date::from_calendar_date(year, m, day).ok());
        history::form_date(self.tr.lang, date)
    }

    /// The CSRF token the page's forms send back.
    pub fn csrf(&self) -> &str {
        self.account.as_ref().map_or("", |a| a.csrf.as_str())
    }

    pub fn lang(&self) -> &'static str {
        self.tr.lang.code()
    }

    /// A message of the interface, for templates.
    pub fn t(&self, id: &str) -> String {
        self.tr.t(id)
    }
}

/// A rendered page as a response: HTML, varied by language, remembering a language just
/// chosen.
pub fn respond(reader: &Reader, status: StatusCode, rendered: askama::Result<String>) -> Response {
    let mut response = match rendered {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "rendering a page failed");
            return (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response();
        }
    };
    let headers = response.headers_mut();
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if reader.chosen {
        let cookie = format!(
            "lang={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
            reader.lang.code()
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            headers.insert(header::SET_COOKIE, value);
        }
    }
    response
}

/// How a form says that a use case refused what it sent: the status and the reason in the
/// reader's language, shown on the form itself beside what the reader typed. Anything that is
/// not a refusal of the input (a failure of the server, a sign-in to redo) is the error page.
pub fn refusal_in_form(
    tr: Tr<'_>,
    error: giamsat_app::AppError,
) -> Result<(StatusCode, String), crate::error::PageError> {
    use giamsat_app::AppError;
    let reason = match &error {
        AppError::Invalid(problems) => problems
            .iter()
            .map(|p| tr.field_problem(p))
            .collect::<Vec<_>>()
            .join("; "),
        // A figure of a sent or approved report says which report holds it.
        AppError::Forbidden(denied @ giamsat_core::access::Denied::Locked { .. }) => {
            tr.conflict(&giamsat_app::Problem::of_denied(denied))
        }
        AppError::Forbidden(_) => tr.t("error-forbidden"),
        AppError::Conflict(problem) => tr.conflict(problem),
        AppError::Stale(_) => tr.t("error-stale"),
        AppError::NotFound { what, key } => tr.t_args(
            "not-found-thing",
            &[
                ("thing", Arg::Text(tr.thing(*what))),
                ("key", Arg::Text(key.clone())),
            ],
        ),
        _ => return Err(error.into()),
    };
    let status = crate::error::PageError::App(error).status();
    Ok((status, reason))
}

/// An address no page answers.
pub async fn unknown_address(uri: axum::http::Uri) -> crate::error::PageError {
    crate::error::PageError::not_found("not-found-page", uri.path())
}

/// One target as the tables of the overview, document and unit pages show it.
pub struct TargetRow {
    pub id: u32,
    pub status: &'static str,
    pub status_label: String,
    pub indicator: String,
    pub indicator_code: String,
    pub measure: String,
    pub unit: String,
    pub unit_code: String,
    pub period: String,
    pub plan: String,
    pub actual: String,
    pub actual_note: String,
    pub percent: String,
    /// Percent of plan for the progress bar, within 0..=100.
    pub progress: String,
    pub change: String,
    pub change_class: &'static str,
    pub document: String,
    pub document_id: u32,
}

/// Evaluates targets and orders them worst first (off track, at risk, on track, no data,
/// achieved), then in the order they were set.
pub fn evaluated<'e>(
    engine: &'e Engine,
    targets: impl Iterator<Item = &'e Target>,
) -> Vec<(&'e Target, TargetEvaluation)> {
    let mut rows: Vec<_> = targets
        .map(|t| (t, evaluation::evaluate(engine, t)))
        .collect();
    rows.sort_by_key(|(t, e)| (e.status, t.id));
    rows
}

pub fn target_row(engine: &Engine, tr: Tr<'_>, target: &Target, e: &TargetEvaluation) -> TargetRow {
    let indicator = engine.indicator(target.indicator);
    let decimals = indicator.map_or(0, |i| i.decimals);
    let (actual, actual_note) = match &e.actual {
        Some(a) => (
            tr.number(a.value, decimals),
            format!(
                "{} · {}",
                tr.period(a.span),
                tr.t(&format!("kind-{}", a.kind.as_str()))
            ),
        ),
        None => ("—".to_owned(), why_no_value(engine, tr, target)),
    };
    let unit = engine.unit(target.unit);
    TargetRow {
        id: target.id.0,
        status: e.status.as_str(),
        status_label: tr.t(&format!("status-{}", e.status.as_str())),
        indicator: indicator
            .map(|i| i.name.get(tr.lang).to_owned())
            .unwrap_or_default(),
        indicator_code: indicator.map(|i| i.code.to_string()).unwrap_or_default(),
        measure: indicator
            .map(|i| i.measure.get(tr.lang).to_owned())
            .unwrap_or_default(),
        unit: unit
            .map(|u| u.name.get(tr.lang).to_owned())
            .unwrap_or_default(),
        unit_code: unit.map(|u| u.code.to_string()).unwrap_or_default(),
        period: tr.period(target.period),
        plan: tr.number(target.value, decimals),
        actual,
        actual_note,
        percent: e
            .percent_of_plan
            .map_or_else(|| "—".into(), |p| tr.percent(p)),
        progress: format!("{:.1}", e.percent_of_plan.unwrap_or(0.0).clamp(0.0, 100.0)),
        change: e
            .change_over_same_period
            .map_or_else(|| "—".into(), |c| tr.change(c)),
        change_class: match e.change_over_same_period {
            Some(c) if c < 0.0 => "down",
            Some(c) if c > 0.0 => "up",
            _ => "",
        },
        document: engine
            .document(target.document)
            .map(|d| d.title.get(tr.lang).to_owned())
            .unwrap_or_default(),
        document_id: target.document.0,
    }
}

/// Why a target shows no value: no figure of its indicator at its unit within its period
/// yet, or only a figure for part of it (or of a kind that does not make the whole, as a
/// quarter's rate does not make the year's).
fn why_no_value(engine: &Engine, tr: Tr<'_>, target: &Target) -> String {
    let period = target.period;
    let year = period.end().year();
    let mut parts: Vec<Period> = Vec::new();
    for m in (1..=12).rev() {
        if let Some(month) = giamsat_core::Month::new(year, m) {
            parts.push(Period::year_to_date(month));
            parts.push(Period::month(month));
        }
    }
    for q in (1..=4).rev() {
        parts.extend(Period::quarter(year, q).ok());
    }
    for h in (1..=2).rev() {
        parts.extend(Period::half(year, h).ok());
    }
    let reported = parts
        .into_iter()
        .filter(|p| period.covers(*p) && *p != period)
        .find(|p| engine.reported(target.indicator, target.unit, *p).is_some());
    match reported {
        Some(part) => tr.t_args(
            "office-why-part",
            &[("period", crate::i18n::Arg::Text(tr.period(part)))],
        ),
        None => tr.t("office-why-none"),
    }
}

/// How many targets are in each status, worst first, for the summary cards.
pub struct StatusCount {
    pub status: &'static str,
    pub label: String,
    pub count: usize,
    pub count_label: String,
}

pub fn status_counts(tr: Tr<'_>, rows: &[(&Target, TargetEvaluation)]) -> Vec<StatusCount> {
    counts_by_status(tr, rows.iter().map(|(_, e)| e.status))
}

fn counts_by_status(tr: Tr<'_>, statuses: impl Iterator<Item = Status>) -> Vec<StatusCount> {
    let mut counts = [0usize; Status::ALL.len()];
    for status in statuses {
        if let Some(at) = Status::ALL.iter().position(|s| *s == status) {
            counts[at] += 1;
        }
    }
    Status::ALL
        .iter()
        .zip(counts)
        .map(|(status, count)| StatusCount {
            status: status.as_str(),
            label: tr.t(&format!("status-{}", status.as_str())),
            count,
            count_label: tr.count("status-count", count),
        })
        .collect()
}

/// The stylesheet, served from the binary so the pages need nothing from elsewhere.
pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../assets/app.css"),
    )
        .into_response()
}

pub async fn icon() -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../../assets/icon.svg"),
    )
        .into_response()
}

/// The table of targets that several pages share, rendered on its own and placed whole.
#[derive(Template)]
#[template(path = "target_table.html")]
pub struct TargetTable<'p, 'a> {
    page: &'p Layout<'a>,
    caption: String,
    rows: Vec<TargetRow>,
    show_unit: bool,
    show_document: bool,
    /// The links to the list's other pages, when it has more than one.
    pager: String,
}

impl<'p, 'a> TargetTable<'p, 'a> {
    pub fn new(
        page: &'p Layout<'a>,
        caption: String,
        rows: Vec<TargetRow>,
        show_unit: bool,
        show_document: bool,
    ) -> Self {
        TargetTable {
            page,
            caption,
            rows,
            show_unit,
            show_document,
            pager: String::new(),
        }
    }

    /// The table of one page of a longer list: `rows` are that page's, `pager` links to the
    /// others.
    pub fn paged(mut self, pager: &paging::Pager<'_>) -> askama::Result<Self> {
        self.pager = pager.render()?;
        Ok(self)
    }
}

/// One page of targets, worst first: evaluated (the engine remembers evaluations), sorted,
/// and only the rows of the page asked for made into table rows. The counts by status are of
/// the whole list.
pub fn paged_targets<'e, 't>(
    engine: &'e Engine,
    tr: Tr<'t>,
    reader: &Reader,
    targets: impl Iterator<Item = &'e Target>,
) -> (Vec<StatusCount>, Vec<TargetRow>, paging::Pager<'t>) {
    let targets = evaluated(engine, targets);
    let counts = status_counts(tr, &targets);
    let pager = paging::Pager::new(tr, reader, "page", targets.len(), paging::TARGET_ROWS);
    let rows = targets[pager.rows.clone()]
        .iter()
        .map(|(t, e)| target_row(engine, tr, t, e))
        .collect();
    (counts, rows, pager)
}

/// [`paged_targets`] of a group the engine keeps in status order (a unit's, a period's, an
/// indicator's or a document's targets): counted from that order, and only the rows of the
/// page shown evaluated.
pub fn paged_group<'t>(
    engine: &Engine,
    tr: Tr<'t>,
    reader: &Reader,
    group: giamsat_core::TargetGroup,
) -> (Vec<StatusCount>, Vec<TargetRow>, paging::Pager<'t>) {
    let order = evaluation::in_status_order(engine, group);
    let counts = counts_by_status(tr, order.iter().map(|(s, _)| *s));
    let pager = paging::Pager::new(tr, reader, "page", order.len(), paging::TARGET_ROWS);
    let rows = order[pager.rows.clone()]
        .iter()
        .filter_map(|(_, id)| engine.target(*id))
        .map(|t| target_row(engine, tr, t, &evaluation::evaluate(engine, t)))
        .collect();
    (counts, rows, pager)
}

#[cfg(test)]
mod tests {
    use super::*;
    use giamsat_core::{DocumentType, ObservationKind, UnitKind};

    /// The literal message ids in a source: the first string argument of `t(`, `t_args(` and
    /// `count(` calls, in Rust code and templates alike, wherever the line breaks.
    fn literal_ids(source: &str) -> Vec<String> {
        let mut ids = Vec::new();
        for call in ["t(", "t_args(", "count("] {
            for (at, _) in source.match_indices(call) {
                let before = source[..at].chars().last();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = source[at + call.len()..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue;
                };
                let Some(end) = rest.find('"') else { continue };
                let id = &rest[..end];
                if !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                {
                    ids.push(id.to_owned());
                }
            }
        }
        ids
    }

    fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        let entries = std::fs::read_dir(dir).expect("readable folder");
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                let text = std::fs::read_to_string(&path).expect("readable file");
                out.push((path.display().to_string(), text));
            }
        }
    }

    /// The prefixes of the message ids a source builds at run time: `"task-status-"` of
    /// `t(&format!("task-status-{}", …))`.
    fn built_prefixes(source: &str) -> Vec<String> {
        source
            .match_indices("t(&format!(\"")
            .filter_map(|(at, call)| {
                let rest = &source[at + call.len()..];
                let prefix = &rest[..rest.find('{')?];
                (prefix.ends_with('-')
                    && prefix.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
                .then(|| prefix.to_owned())
            })
            .collect()
    }

    /// Every family of message ids built at run time, with every id of each.
    fn run_time_families() -> Vec<(String, Vec<String>)> {
        use giamsat_core::access::Role;
        use giamsat_core::follow_up::{
            DelegationRole, RecommendationStatus, TaskStatus, VisitKind,
        };
        use giamsat_core::{Direction, OverTime};
        let family = |prefix: &str, names: Vec<&str>| {
            (
                prefix.to_owned(),
                names.iter().map(|n| format!("{prefix}{n}")).collect(),
            )
        };
        let months: Vec<String> = (1..=12).map(|m| m.to_string()).collect();
        let months: Vec<&str> = months.iter().map(String::as_str).collect();
        vec![
            family("status-", Status::ALL.iter().map(|s| s.as_str()).collect()),
            family(
                "kind-",
                ObservationKind::ALL.iter().map(|k| k.as_str()).collect(),
            ),
            family(
                "doctype-",
                DocumentType::ALL.iter().map(|d| d.name_en()).collect(),
            ),
            family(
                "unit-kind-",
                UnitKind::ALL.iter().map(|k| k.as_str()).collect(),
            ),
            family("office-span-", vec!["month", "ytd"]),
            family("name-in-", vec!["vi", "en", "fr"]),
            family("month-", months.clone()),
            family("month-short-", months),
            family("role-", Role::ALL.iter().map(|r| r.as_str()).collect()),
            family(
                "task-status-",
                TaskStatus::ALL.iter().map(|s| s.as_str()).collect(),
            ),
            family(
                "recommendation-status-",
                RecommendationStatus::ALL
                    .iter()
                    .map(|s| s.as_str())
                    .collect(),
            ),
            family(
                "visit-kind-",
                VisitKind::ALL.iter().map(|k| k.as_str()).collect(),
            ),
            family(
                "delegation-role-",
                DelegationRole::ALL.iter().map(|r| r.as_str()).collect(),
            ),
            family(
                "direction-",
                Direction::ALL
                    .iter()
                    .map(|d| indicators::direction_id(*d))
                    .collect(),
            ),
            family(
                "over-time-",
                OverTime::ALL
                    .iter()
                    .map(|o| indicators::over_time_id(*o))
                    .collect(),
            ),
            family(
                "change-field-",
                vec![
                    "due",
                    "lead",
                    "title",
                    "co_owners",
                    "date",
                    "place",
                    "report",
                    "achievements",
                    "limitations",
                    "causes",
                ],
            ),
            family(
                "cycle-state-",
                giamsat_core::reporting::State::ALL
                    .iter()
                    .map(|s| s.as_str())
                    .collect(),
            ),
            family(
                "cycle-action-",
                vec!["submit", "approve", "return", "reopen"],
            ),
            family("cycle-step-", vec!["submit", "approve", "return", "reopen"]),
            family(
                "cycle-status-",
                giamsat_core::reporting::State::ALL
                    .iter()
                    .map(|s| s.as_str())
                    .collect(),
            ),
            family(
                "cycle-frequency-",
                giamsat_core::reporting::Frequency::ALL
                    .iter()
                    .map(|f| f.as_str())
                    .collect(),
            ),
            family("cycle-timeliness-", ["on_time", "late", "missing"].to_vec()),
            family(
                "validation-check-",
                giamsat_app::validation::CHECKS.to_vec(),
            ),
            family(
                "validation-field-",
                ["min", "max", "tolerance", "change", "z"].to_vec(),
            ),
            family("office-span-", ["month", "ytd"].to_vec()),
            family("validation-kind-", ["violation", "outlier"].to_vec()),
            family(
                "validation-outlier-",
                ["previous_period", "same_period_last_year", "history"].to_vec(),
            ),
            family("intake-kind-", giamsat_intake::Fact::KINDS.to_vec()),
            family(
                "search-kind-",
                giamsat_app::search::Kind::ALL
                    .iter()
                    .map(|k| k.as_str())
                    .collect(),
            ),
            family("inbox-kind-", giamsat_core::inbox::Item::KINDS.to_vec()),
            family("report-kind-", reports::KINDS.to_vec()),
            family("report-symbol-", reports::KINDS.to_vec()),
            family(
                "intake-date-role-",
                giamsat_intake::DateRole::ALL
                    .iter()
                    .map(|r| r.name())
                    .collect(),
            ),
            (
                "thing-".to_owned(),
                giamsat_app::Thing::ALL
                    .iter()
                    .map(|t| crate::i18n::thing_id(*t))
                    .collect(),
            ),
        ]
    }

    #[test]
    fn every_message_the_interface_asks_for_exists_in_every_language() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        sources(&root.join("src"), &mut files);
        sources(&root.join("templates"), &mut files);
        let mut wanted: Vec<(String, String)> = files
            .iter()
            .flat_map(|(file, text)| literal_ids(text).into_iter().map(|id| (file.clone(), id)))
            .collect();
        assert!(
            wanted.len() > 100,
            "the scan finds the calls: {}",
            wanted.len()
        );
        // Ids built at run time (`t(&format!("task-status-{}", …))`), family by family, each
        // from the list of its values, so that a new variant without its messages fails here.
        let families = run_time_families();
        let built: std::collections::BTreeSet<String> = files
            .iter()
            .flat_map(|(_, text)| built_prefixes(text))
            .collect();
        let unknown: Vec<&String> = built
            .iter()
            .filter(|prefix| !families.iter().any(|(family, _)| family == *prefix))
            .collect();
        assert!(
            unknown.is_empty(),
            "message ids built at run time from a family the test does not list: {unknown:?}"
        );
        assert!(built.len() >= 10, "the scan finds the families: {built:?}");
        wanted.extend(families.into_iter().flat_map(|(family, ids)| {
            ids.into_iter()
                .map(move |id| (format!("(built at run time: {family}…)"), id))
        }));
        wanted.extend(
            SECTIONS
                .iter()
                .map(|(_, id)| ("(the navigation)".to_owned(), (*id).to_owned())),
        );
        wanted.extend(
            ["source-computed", "source-reported", "language-name"]
                .map(|id| ("(built at run time)".to_owned(), id.to_owned())),
        );
        let i18n = I18n::new().expect("locales parse");
        let missing: Vec<String> = wanted
            .iter()
            .flat_map(|(file, id)| {
                Language::ALL
                    .iter()
                    .filter(|l| !i18n.has(**l, id))
                    .map(move |l| format!("{l}: {id} (used in {file})"))
            })
            .collect();
        assert!(
            missing.is_empty(),
            "missing messages:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn the_language_switch_keeps_the_readers_place() {
        let reader = Reader::new(
            "/entry",
            Some("unit=40&lang=vi&period=2023-06"),
            &HeaderMap::new(),
        );
        assert_eq!(reader.lang, Language::Vi);
        assert!(reader.chosen);
        assert_eq!(
            reader.href_in(Language::Fr),
            "/entry?unit=40&period=2023-06&lang=fr"
        );
        let plain = Reader::new("/", None, &HeaderMap::new());
        assert!(!plain.chosen);
        assert_eq!(plain.href_in(Language::En), "/?lang=en");
    }
}
