//! The data-entry form (*nhập số liệu*): the figures of one unit for one period, as an
//! estimate, preliminary or official. Numbers are read as the reader writes them (36.539,5 in
//! Vietnamese), every problem is shown beside its field, and the figures are saved all at
//! once or not at all, through the application layer.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Form, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use giamsat_app::input::ObservationInput;
use giamsat_app::{AppError, Store};
use giamsat_core::text::{NumberError, parse_number};
use giamsat_core::{Engine, Indicator, IndicatorCode, ObservationKind, Period, Target, Unit};
use serde::Deserialize;

use super::{Layout, Reader, Tr, respond};
use crate::auth::Principal;
use crate::error::PageError;
use crate::i18n::{Arg, I18n};
use crate::state::AppState;

#[derive(Deserialize, Default)]
pub struct EntryQuery {
    unit: Option<String>,
    period: Option<String>,
    kind: Option<String>,
    /// `month` for the month's own figure, `ytd` for the year to date (*lũy kế*).
    span: Option<String>,
}

pub struct UnitOption {
    code: String,
    label: String,
}

pub struct KindOption {
    value: &'static str,
    label: String,
    checked: bool,
}

pub struct ValueField {
    code: String,
    label: String,
    measure: String,
    hint: String,
    value: String,
    error: Option<String>,
    /// The version of the cell the form was made from, sent back so that a figure recorded
    /// meanwhile by someone else is not overwritten unseen.
    version: String,
}

pub struct ErrorLink {
    field: String,
    message: String,
}

#[derive(Template)]
#[template(path = "entry.html")]
pub struct EntryPage<'a> {
    page: Layout<'a>,
    /// Every unit the list suggests, by the name that finds it again.
    unit_names: Vec<String>,
    /// What the reader typed for the unit, kept as typed.
    unit_typed: String,
    spans: Vec<KindOption>,
    /// The kind of figure in words: the month's own, or from January to that month.
    span_label: String,
    unit: String,
    unit_name: String,
    period: String,
    period_label: String,
    unit_error: Option<String>,
    period_error: Option<String>,
    kind_error: Option<String>,
    note_error: Option<String>,
    kinds: Vec<KindOption>,
    fields: Vec<ValueField>,
    note: String,
    errors: Vec<ErrorLink>,
    ready: bool,
    number_example: String,
    /// Whether the reader may enter figures at all: a viewer or supervisor is shown no form.
    may_enter: bool,
    /// The report form of the same unit and period, to fill offline.
    form_link: String,
}

/// What the reader typed, kept to fill the form again when something is wrong.
#[derive(Default)]
struct Typed {
    unit: String,
    period: String,
    span: String,
    kind: String,
    note: String,
    values: HashMap<String, String>,
    versions: HashMap<String, String>,
}

fn unit_options(engine: &Engine, tr: Tr<'_>, selected: Option<&Unit>) -> Vec<UnitOption> {
    let mut out = Vec::new();
    let mut roots: Vec<&Unit> = engine.units().filter(|u| u.parent.is_none()).collect();
    roots.sort_by_key(|u| u.id);
    let mut stack: Vec<(&Unit, usize)> = roots.into_iter().rev().map(|u| (u, 0)).collect();
    // Deeper than the provinces, only the chosen unit's own branch: the 3,321 communes of
    // 2025 would make the list unusable and the page heavy.
    let near = |unit: &Unit| {
        selected.is_some_and(|s| {
            s.id == unit.id
                || unit.parent == Some(s.id)
                || (s.parent.is_some() && unit.parent == s.parent)
        })
    };
    while let Some((unit, depth)) = stack.pop() {
        if depth > 1 && !near(unit) {
            continue;
        }
        out.push(UnitOption {
            code: unit.code.to_string(),
            label: format!(
                "{}{} ({})",
                "\u{a0}\u{a0}\u{a0}".repeat(depth),
                unit.name.get(tr.lang),
                unit.code
            ),
        });
        if depth < 1 || near(unit) {
            for child in engine.children(unit.id).into_iter().rev() {
                stack.push((child, depth + 1));
            }
        }
    }
    out
}

/// The units to choose from (the provinces and the bodies above them), as code and label.
pub(super) fn unit_choices(engine: &Engine, tr: Tr<'_>) -> Vec<(String, String)> {
    unit_options(engine, tr, None)
        .into_iter()
        .map(|u| (u.code, u.label))
        .collect()
}

/// The unit the reader typed (a name, part of one, or a code), looked for in their scope first.
fn typed_unit<'e>(
    engine: &'e Engine,
    reader: &Reader,
    typed: &Typed,
) -> Result<&'e Unit, giamsat_app::Problem> {
    giamsat_app::names::unit(engine, &reader.scope(), &typed.unit).and_then(|id| {
        engine.unit(id).ok_or(giamsat_app::Problem::NoneNamed {
            thing: giamsat_app::Thing::Unit,
            text: typed.unit.clone(),
        })
    })
}

/// The period the figures are for: the period typed, or, for a year-to-date figure of a
/// month, January to that month.
fn typed_period(typed: &Typed) -> Result<Period, giamsat_core::period::PeriodError> {
    let period = giamsat_core::written::read_period(&typed.period)?;
    Ok(if typed.span == "ytd" && period.month_count() == 1 {
        Period::year_to_date(period.start())
    } else {
        period
    })
}

/// The names the unit field suggests: the units of the reader's scope and the provinces.
pub(super) fn unit_names(engine: &Engine, reader: &Reader) -> Vec<String> {
    let scope = reader.scope();
    let mut units: Vec<&Unit> = engine
        .units()
        .filter(|u| {
            u.parent
                .is_none_or(|p| engine.unit(p).is_some_and(|p| p.parent.is_none()))
                || scope
                    .iter()
                    .any(|s| giamsat_core::access::is_under(engine, u.id, *s))
        })
        .collect();
    units.sort_by_key(|u| (u.valid_to.is_some(), u.id));
    units.truncate(400);
    giamsat_app::names::unit_labels(engine, &units)
}

/// The indicators to ask for: those with a target at the unit first, then the rest.
fn indicators_for<'e>(engine: &'e Engine, unit: &Unit) -> Vec<&'e Indicator> {
    let with_target: std::collections::HashSet<giamsat_core::IndicatorId> =
        engine.targets_of(unit.id).map(|t| t.indicator).collect();
    let mut list: Vec<&Indicator> = engine.indicators().collect();
    list.sort_by_key(|i| (!with_target.contains(&i.id), i.id));
    list
}

fn render(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    typed: &Typed,
    errors: &HashMap<String, String>,
) -> askama::Result<String> {
    let page = Layout::new(i18n, reader, "/entry", i18n.t(reader.lang, "entry-title"));
    let tr = page.tr;
    let unit = typed_unit(engine, reader, typed).ok();
    let period = typed_period(typed).ok();
    let mut fields = Vec::new();
    if let (Some(unit), Some(period)) = (unit, period) {
        // The plan each field's hint quotes: the latest target covering the period, found
        // in one pass over the unit's targets (a province has thousands, one per indicator
        // and year, and the form asks for every indicator).
        let mut plans: HashMap<giamsat_core::IndicatorId, &Target> = HashMap::new();
        for target in engine
            .targets_of(unit.id)
            .filter(|t| t.period.covers(period))
        {
            let plan = plans.entry(target.indicator).or_insert(target);
            if target.id > plan.id {
                *plan = target;
            }
        }
        let sees_unpublished = reader.sees_unpublished(engine, unit.id);
        for indicator in indicators_for(engine, unit) {
            let code = indicator.code.to_string();
            let mut hint = Vec::new();
            // The form is filled over the figure the unit works on: a draft its report holds
            // back, marked as such, or the published one.
            let held = sees_unpublished
                .then(|| engine.unpublished(indicator.id, unit.id, period))
                .flatten();
            let current = held.or_else(|| engine.reported(indicator.id, unit.id, period));
            let version = typed.versions.get(&code).cloned().unwrap_or_else(|| {
                current.map_or_else(|| "0".to_owned(), |(id, ..)| id.0.to_string())
            });
            if let Some((_, kind, value)) = current {
                hint.push(tr.t_args(
                    if held.is_some() {
                        "publish-entry-held"
                    } else {
                        "entry-current"
                    },
                    &[
                        ("value", Arg::Text(tr.number(value, indicator.decimals))),
                        ("kind", Arg::Text(tr.t(&format!("kind-{}", kind.as_str())))),
                    ],
                ));
            }
            if let Some(target) = plans.get(&indicator.id) {
                hint.push(tr.t_args(
                    "entry-plan",
                    &[
                        (
                            "value",
                            Arg::Text(tr.number(target.value, indicator.decimals)),
                        ),
                        ("period", Arg::Text(tr.period(target.period))),
                    ],
                ));
            }
            let field = format!("value.{code}");
            fields.push(ValueField {
                label: indicator.name.get(tr.lang).to_owned(),
                measure: indicator.measure.get(tr.lang).to_owned(),
                hint: hint.join(" · "),
                value: typed.values.get(&code).cloned().unwrap_or_default(),
                error: errors.get(&field).cloned(),
                version,
                code,
            });
        }
    }
    let kind = if typed.kind.is_empty() {
        "estimate"
    } else {
        typed.kind.as_str()
    };
    let mut error_links: Vec<ErrorLink> = ["unit", "period", "kind", "note"]
        .iter()
        .filter_map(|f| errors.get(*f).map(|m| (f.to_string(), m.clone())))
        .chain(fields.iter().filter_map(|f| {
            f.error
                .as_ref()
                .map(|m| (format!("value-{}", f.code), format!("{}: {m}", f.label)))
        }))
        .map(|(field, message)| ErrorLink { field, message })
        .collect();
    if let Some(m) = errors.get("values") {
        error_links.push(ErrorLink {
            field: fields
                .first()
                .map_or_else(|| "period".into(), |f| format!("value-{}", f.code)),
            message: m.clone(),
        });
    }
    let span = if typed.span == "ytd" { "ytd" } else { "month" };
    EntryPage {
        unit_names: unit_names(engine, reader),
        unit_typed: unit.map_or_else(
            || typed.unit.clone(),
            |u| giamsat_app::names::unit_label(engine, u),
        ),
        spans: ["month", "ytd"]
            .iter()
            .map(|s| KindOption {
                value: s,
                label: tr.t(&format!("office-span-{s}")),
                checked: *s == span,
            })
            .collect(),
        span_label: if span == "ytd" {
            tr.t("office-span-ytd")
        } else {
            String::new()
        },
        unit: unit
            .map(|u| u.code.to_string())
            .unwrap_or_else(|| typed.unit.clone()),
        unit_name: unit
            .map(|u| u.name.get(tr.lang).to_owned())
            .unwrap_or_default(),
        period: period.map_or_else(|| typed.period.clone(), |p| p.code()),
        period_label: period.map(|p| tr.period(p)).unwrap_or_default(),
        unit_error: errors.get("unit").cloned(),
        period_error: errors.get("period").cloned(),
        kind_error: errors.get("kind").cloned(),
        note_error: errors.get("note").cloned(),
        kinds: ObservationKind::ALL
            .iter()
            .map(|k| KindOption {
                value: k.as_str(),
                label: tr.t(&format!("kind-{}", k.as_str())),
                checked: k.as_str() == kind,
            })
            .collect(),
        ready: unit.is_some() && period.is_some(),
        fields,
        note: typed.note.clone(),
        errors: error_links,
        number_example: tr.number(36_539.5, 1),
        may_enter: reader.enters_figures(),
        form_link: format!(
            "/entry/form?unit={}&period={}",
            unit.map(|u| u.code.to_string()).unwrap_or_default(),
            period.map(Period::code).unwrap_or_default()
        ),
        page,
    }
    .render()
}

/// The form for a unit and period, empty, as a first visit shows it.
pub fn entry_page(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    unit: &str,
    period: &str,
) -> askama::Result<String> {
    let typed = Typed {
        unit: unit.to_owned(),
        period: period.to_owned(),
        ..Typed::default()
    };
    render(engine, i18n, reader, &typed, &HashMap::new())
}

/// Checks the choice of unit and period, in the reader's language.
fn check_place(
    engine: &Engine,
    tr: Tr<'_>,
    reader: &Reader,
    typed: &Typed,
    errors: &mut HashMap<String, String>,
) {
    if typed.unit.trim().is_empty() {
        errors.insert("unit".into(), tr.t("entry-error-unit-missing"));
    } else if let Err(problem) = typed_unit(engine, reader, typed) {
        errors.insert("unit".into(), tr.i18n.problem(tr.lang, &problem));
    }
    if typed.period.trim().is_empty() {
        errors.insert("period".into(), tr.t("entry-error-period-missing"));
    } else if let Err(e) = typed_period(typed) {
        let problem = giamsat_app::Problem::NotAPeriod {
            text: typed.period.trim().to_owned(),
            detail: e.to_string(),
        };
        errors.insert("period".into(), tr.i18n.problem(tr.lang, &problem));
    }
}

pub async fn entry_form<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<EntryQuery>,
    reader: Reader,
) -> Response {
    let engine = state.app.engine();
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let typed = Typed {
        unit: query.unit.unwrap_or_default(),
        period: query.period.unwrap_or_default(),
        kind: query.kind.unwrap_or_default(),
        span: query.span.unwrap_or_default(),
        ..Typed::default()
    };
    // A first visit asks for the unit and period without complaining that they are missing.
    let mut errors = HashMap::new();
    if !typed.unit.is_empty() || !typed.period.is_empty() {
        check_place(&engine, tr, &reader, &typed, &mut errors);
    }
    let rendered = render(&engine, &state.i18n, &reader, &typed, &errors);
    respond(&reader, StatusCode::OK, rendered)
}

pub async fn entry_submit<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let mut typed = Typed::default();
    for (name, value) in form {
        match name.as_str() {
            "unit" => typed.unit = value,
            "period" => typed.period = value,
            "span" => typed.span = value,
            "kind" => typed.kind = value,
            "note" => typed.note = value,
            other => {
                if let Some(code) = other.strip_prefix("value.") {
                    typed.values.insert(code.to_owned(), value);
                } else if let Some(code) = other.strip_prefix("version.") {
                    typed.versions.insert(code.to_owned(), value);
                }
            }
        }
    }
    let mut errors = HashMap::new();
    let mut inputs = Vec::new();
    let mut codes = Vec::new();
    {
        let engine = state.app.engine();
        check_place(&engine, tr, &reader, &typed, &mut errors);
        if ObservationKind::parse(&typed.kind).is_none() {
            errors.insert("kind".into(), tr.t("entry-error-kind"));
        }
        let mut entered: Vec<(&String, &String)> = typed
            .values
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .collect();
        entered.sort();
        for (code, text) in entered {
            let field = format!("value.{code}");
            match parse_number(text, reader.lang) {
                Ok(_) => {}
                Err(NumberError::TooLarge { .. }) => {
                    errors.insert(field, tr.t("entry-error-too-large"));
                    continue;
                }
                Err(_) => {
                    errors.insert(
                        field,
                        tr.t_args(
                            "entry-error-number",
                            &[
                                ("text", Arg::Text(text.clone())),
                                ("example", Arg::Text(tr.number(36_539.5, 1))),
                            ],
                        ),
                    );
                    continue;
                }
            }
            codes.push(code.clone());
            inputs.push(ObservationInput {
                indicator: Some(code.clone()),
                unit: Some(typed.unit.trim().to_owned()),
                period: Some(typed.period.trim().to_owned()),
                value: Some(text.trim().to_owned()),
                kind: Some(typed.kind.clone()),
                note: Some(typed.note.trim().to_owned()).filter(|n| !n.is_empty()),
                source: Some(super::WEB_FORM_SOURCE.into()),
                expected_version: typed.versions.get(code).cloned(),
                ..ObservationInput::default()
            });
        }
        if inputs.is_empty() && errors.is_empty() {
            errors.insert("values".into(), tr.t("entry-error-empty"));
        }
    }
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if errors.is_empty() {
        match state
            .app
            .create_all(&who.0.actor, &inputs, super::WEB_FORM_SOURCE, reader.lang)
            .await
        {
            Ok(records) => {
                let location = format!("/units/{}?saved={}", typed.unit.trim(), records.len());
                return Ok((StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response());
            }
            Err(AppError::Invalid(problems)) => {
                for problem in problems {
                    // "2.value" is the third figure's value field; the note is shared by
                    // every figure, so its problem is shown beside it once.
                    let (index, rest) = problem.field.split_once('.').unwrap_or(("", ""));
                    let field = if rest == "note" {
                        "note".to_owned()
                    } else {
                        index
                            .parse::<usize>()
                            .ok()
                            .and_then(|i| codes.get(i))
                            .map_or_else(|| "values".to_owned(), |c| format!("value.{c}"))
                    };
                    errors.insert(
                        field,
                        tr.t_args(
                            "entry-error-rejected",
                            &[("reason", Arg::Text(tr.field_problem(&problem)))],
                        ),
                    );
                }
            }
            // A figure of a sent or approved report: the report that holds it says why.
            Err(AppError::Forbidden(denied @ giamsat_core::access::Denied::Locked { .. })) => {
                status = StatusCode::FORBIDDEN;
                let problem = giamsat_app::Problem::of_denied(&denied);
                errors.insert("unit".into(), tr.conflict(&problem));
            }
            Err(AppError::Forbidden(_)) => {
                status = StatusCode::FORBIDDEN;
                errors.insert("unit".into(), tr.t("entry-error-forbidden"));
            }
            Err(AppError::Stale(stale)) => {
                // "observation:CODE/UNIT/PERIOD": the field of CODE shows what it holds now,
                // and the form now carries the version just shown.
                status = StatusCode::CONFLICT;
                let code = stale
                    .object
                    .strip_prefix("observation:")
                    .and_then(|rest| rest.split('/').next())
                    .unwrap_or("")
                    .to_owned();
                let decimals = {
                    let engine = state.app.engine();
                    IndicatorCode::parse(&code)
                        .ok()
                        .and_then(|c| engine.indicator_by_code(&c).map(|i| i.decimals))
                        .unwrap_or(2)
                };
                let message = match &stale.current {
                    Some(current) => tr.t_args(
                        "entry-error-stale",
                        &[
                            ("value", Arg::Text(tr.number(current.value, decimals))),
                            (
                                "kind",
                                Arg::Text(tr.t(&format!("kind-{}", current.kind.as_str()))),
                            ),
                        ],
                    ),
                    None => tr.t("entry-error-stale-empty"),
                };
                typed.versions.remove(&code);
                errors.insert(format!("value.{code}"), message);
            }
            Err(other) => return Err(other.into()),
        }
    }
    let rendered = render(&state.app.engine(), &state.i18n, &reader, &typed, &errors);
    Ok(respond(&reader, status, rendered))
}
