//! The registry's forms: defining an indicator, and correcting an indicator, a document or a
//! target without losing history. A correction is a new version with who, when and why
//! (`giamsat_app::amendments`); the record's page shows its versions. Forms are offered only
//! to whoever the same rule lets write the record, and every field is picked by name or
//! written as people write it (numbers, dates, periods in the reader's form).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::amendments::{
    DocumentRevisionInput, IndicatorRevisionInput, TargetRevisionInput, indicator_code_for,
    may_add_unit, may_amend, may_define_indicator, unit_code_for,
};
use giamsat_app::input::{IndicatorInput, UnitInput};
use giamsat_app::{AppError, Store};
use giamsat_core::amendment::{Amended, Amendment, Edit};
use giamsat_core::{
    AcrossUnits, Comparator, Direction, DocumentId, Engine, IndicatorCode, Language, OverTime,
    Record, SamePeriodBase, TargetId, Translations,
};
use serde::Deserialize;

use super::forms::see_other;
use super::history::{ChangeRow, VersionRow, form_date};
use super::office::refused;
use super::{Layout, Reader, Tr, respond};
use crate::auth::Principal;
use crate::error::PageError;
use crate::i18n::I18n;
use crate::state::{AppState, in_vietnam};

/// One field of a form, as the template draws it: a text field, or a choice when it has
/// options.
pub struct Field {
    name: &'static str,
    label: String,
    hint: String,
    value: String,
    options: Vec<(&'static str, String)>,
    /// The id of a list of names to pick from, or empty.
    list: &'static str,
    decimal: bool,
}

impl Field {
    fn text(name: &'static str, label: String, value: String) -> Field {
        Field {
            name,
            label,
            hint: String::new(),
            value,
            options: Vec::new(),
            list: "",
            decimal: false,
        }
    }

    fn hint(mut self, hint: String) -> Field {
        self.hint = hint;
        self
    }

    fn decimal(mut self) -> Field {
        self.decimal = true;
        self
    }

    fn listed(mut self, list: &'static str) -> Field {
        self.list = list;
        self
    }

    fn choice(mut self, options: Vec<(&'static str, String)>) -> Field {
        self.options = options;
        self
    }
}

/// A form: where it is sent, its fields, the version it was read at (a correction) and its
/// button.
pub struct RecordForm {
    action: String,
    title: String,
    fields: Vec<Field>,
    version: Option<usize>,
    submit: String,
}

#[derive(Template)]
#[template(path = "registry.html")]
pub struct RegistryPage<'a> {
    page: Layout<'a>,
    crumbs: Vec<(String, String)>,
    lede: String,
    facts: Vec<(String, String)>,
    /// Whether the page shows the record's history (a record, not a new one).
    history: bool,
    versions: Vec<VersionRow>,
    form: Option<RecordForm>,
    errors: HashMap<String, String>,
    lists: Vec<(&'static str, Vec<String>)>,
}

impl RegistryPage<'_> {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.get(field)
    }
}

fn actor(reader: &Reader) -> Option<&giamsat_app::Actor> {
    reader.who.as_ref().map(|w| &w.actor)
}

/// Whether the reader may correct `of`, by the rule the correction is checked by.
pub fn may_edit(reader: &Reader, engine: &Engine, of: Amended) -> bool {
    actor(reader).is_some_and(|a| may_amend(a, engine, of))
}

/// Whether the reader may define indicators.
pub fn may_define(reader: &Reader, engine: &Engine) -> bool {
    actor(reader).is_some_and(|a| may_define_indicator(a, engine))
}

fn forbidden() -> PageError {
    PageError::Forbidden {
        message: "registry-forbidden",
    }
}

/// A number as a form field shows it, in a spelling the form reads back: the reader's
/// decimal sign and no grouping.
fn form_number(lang: Language, value: f64) -> String {
    let text = value.to_string();
    match lang {
        Language::En => text,
        Language::Vi | Language::Fr => text.replace('.', ","),
    }
}

/// Enough decimals to show `value` as it was written (at most 6), and at least the
/// indicator's: a plan corrected from 1 234 to 1 234,5 must not read as unchanged.
fn exact(value: f64, decimals: u8) -> u8 {
    let written = value.to_string();
    let shown = written.split_once('.').map_or(0, |(_, d)| d.len()).min(6);
    u8::try_from(shown).unwrap_or(6).max(decimals)
}

fn texts(t: &Translations) -> String {
    Language::ALL
        .iter()
        .filter_map(|l| t.exact(*l))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The versions of a record, newest first, each field in words.
pub fn versions(engine: &Engine, tr: Tr<'_>, amendments: &[&Amendment]) -> Vec<VersionRow> {
    amendments
        .iter()
        .rev()
        .map(|a| {
            let at = in_vietnam(a.provenance.recorded_at);
            VersionRow {
                at: format!("{} {:02}:{:02}", tr.date(at.date()), at.hour(), at.minute()),
                by: a.provenance.recorded_by.clone(),
                reason: a.reason.clone(),
                changes: a
                    .changes
                    .iter()
                    .map(|e| change_row(engine, tr, a.of, e))
                    .collect(),
            }
        })
        .collect()
}

fn comparator_label(tr: Tr<'_>, c: Comparator) -> String {
    match c {
        Comparator::AtLeast => tr.t("office-comparator-at-least"),
        Comparator::AtMost => tr.t("office-comparator-at-most"),
    }
}

fn direction_label(tr: Tr<'_>, d: Direction) -> String {
    match d {
        Direction::HigherIsBetter => tr.t("direction-higher"),
        Direction::LowerIsBetter => tr.t("direction-lower"),
    }
}

fn over_time_label(tr: Tr<'_>, o: OverTime) -> String {
    match o {
        OverTime::Flow => tr.t("over-time-flow"),
        OverTime::Stock => tr.t("over-time-stock"),
        OverTime::Rate => tr.t("over-time-rate"),
    }
}

fn across_label(tr: Tr<'_>, a: AcrossUnits) -> String {
    match a {
        AcrossUnits::Sum => tr.t("registry-across-sum"),
        AcrossUnits::Mean => tr.t("registry-across-mean"),
        AcrossUnits::WeightedMean { .. } => tr.t("registry-across-weighted-mean"),
        AcrossUnits::Ratio { .. } => tr.t("registry-across-ratio"),
        AcrossUnits::NotCombinable => tr.t("registry-across-not-combinable"),
    }
}

fn base_label(tr: Tr<'_>, b: Option<SamePeriodBase>) -> String {
    match b {
        None => tr.t("registry-base-none"),
        Some(SamePeriodBase::Index100) => tr.t("registry-base-index100"),
        Some(SamePeriodBase::GrowthPercent) => tr.t("registry-base-growth-percent"),
    }
}

fn change_row(engine: &Engine, tr: Tr<'_>, of: Amended, edit: &Edit) -> ChangeRow {
    let none = || tr.t("history-none");
    let decimals = match of {
        Amended::Target(t) => engine
            .target(t)
            .and_then(|t| engine.indicator(t.indicator))
            .map_or(2, |i| i.decimals),
        _ => 2,
    };
    let number = |v: f64| tr.number(v, exact(v, decimals));
    let (label, before, after) = match edit {
        Edit::Title { before, after } => {
            (tr.t("registry-field-title"), texts(before), texts(after))
        }
        Edit::Name { before, after } => (tr.t("registry-field-name"), texts(before), texts(after)),
        Edit::Measure { before, after } => (tr.t("col-measure"), texts(before), texts(after)),
        Edit::IssuedOn { before, after } => (
            tr.t("col-issued-on"),
            before.map_or_else(none, |d| tr.date(d)),
            after.map_or_else(none, |d| tr.date(d)),
        ),
        Edit::Value { before, after } => (tr.t("col-plan"), number(*before), number(*after)),
        Edit::Comparator { before, after } => (
            tr.t("office-comparator"),
            comparator_label(tr, *before),
            comparator_label(tr, *after),
        ),
        Edit::Baseline { before, after } => {
            let shown = |b: &Option<giamsat_core::Baseline>| {
                b.map_or_else(none, |b| {
                    format!("{}: {}", tr.period(b.period), number(b.value))
                })
            };
            (tr.t("office-baseline"), shown(before), shown(after))
        }
        Edit::Decimals { before, after } => (
            tr.t("registry-field-decimals"),
            before.to_string(),
            after.to_string(),
        ),
        Edit::Direction { before, after } => (
            tr.t("indicator-direction"),
            direction_label(tr, *before),
            direction_label(tr, *after),
        ),
        Edit::AcrossUnits { before, after } => (
            tr.t("registry-field-across-units"),
            across_label(tr, *before),
            across_label(tr, *after),
        ),
        Edit::OverTime { before, after } => (
            tr.t("indicator-over-time"),
            over_time_label(tr, *before),
            over_time_label(tr, *after),
        ),
        Edit::SamePeriodBase { before, after } => (
            tr.t("registry-field-same-period-base"),
            base_label(tr, *before),
            base_label(tr, *after),
        ),
    };
    ChangeRow {
        label,
        before: if before.trim().is_empty() {
            none()
        } else {
            before
        },
        after: if after.trim().is_empty() {
            none()
        } else {
            after
        },
    }
}

/// A page of the registry, rendered.
struct Draft<'a> {
    page: Layout<'a>,
    crumbs: Vec<(String, String)>,
    lede: String,
    facts: Vec<(String, String)>,
    versions: Option<Vec<VersionRow>>,
    form: Option<RecordForm>,
    errors: HashMap<String, String>,
    lists: Vec<(&'static str, Vec<String>)>,
}

impl Draft<'_> {
    fn render(self) -> askama::Result<String> {
        RegistryPage {
            history: self.versions.is_some(),
            versions: self.versions.unwrap_or_default(),
            page: self.page,
            crumbs: self.crumbs,
            lede: self.lede,
            facts: self.facts,
            form: self.form,
            errors: self.errors,
            lists: self.lists,
        }
        .render()
    }
}

// ------------------------------------------------------------------------------------------
// Indicators: defining one, and correcting one.

/// What the indicator form holds, as typed.
#[derive(Default, Deserialize)]
pub struct IndicatorForm {
    #[serde(default)]
    name_vi: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    measure_vi: String,
    #[serde(default)]
    measure_en: String,
    #[serde(default)]
    measure_fr: String,
    #[serde(default)]
    decimals: String,
    #[serde(default)]
    direction: String,
    #[serde(default)]
    across_units: String,
    #[serde(default)]
    numerator: String,
    #[serde(default)]
    denominator: String,
    #[serde(default)]
    scale: String,
    #[serde(default)]
    weight: String,
    #[serde(default)]
    over_time: String,
    #[serde(default)]
    same_period_base: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    version: usize,
}

impl IndicatorForm {
    fn of(indicator: &giamsat_core::Indicator, version: usize) -> IndicatorForm {
        let text = |t: &Translations, l| t.exact(l).unwrap_or_default().to_owned();
        let spelled = |v: serde_json::Value| v.as_str().unwrap_or_default().to_owned();
        IndicatorForm {
            name_vi: text(&indicator.name, Language::Vi),
            name_en: text(&indicator.name, Language::En),
            name_fr: text(&indicator.name, Language::Fr),
            measure_vi: text(&indicator.measure, Language::Vi),
            measure_en: text(&indicator.measure, Language::En),
            measure_fr: text(&indicator.measure, Language::Fr),
            decimals: indicator.decimals.to_string(),
            direction: spelled(serde_json::json!(indicator.direction)),
            across_units: across_code(indicator.across_units).to_owned(),
            over_time: spelled(serde_json::json!(indicator.over_time)),
            same_period_base: indicator
                .same_period_base
                .map(|b| spelled(serde_json::json!(b)))
                .unwrap_or_default(),
            version,
            ..IndicatorForm::default()
        }
    }
}

fn across_code(a: AcrossUnits) -> &'static str {
    match a {
        AcrossUnits::Sum => "sum",
        AcrossUnits::Mean => "mean",
        AcrossUnits::WeightedMean { .. } => "weighted_mean",
        AcrossUnits::Ratio { .. } => "ratio",
        AcrossUnits::NotCombinable => "not_combinable",
    }
}

/// The indicator form's fields; `new` offers the rules computed from other indicators, which
/// a correction cannot switch to or from.
fn indicator_fields(tr: Tr<'_>, form: &IndicatorForm, new: bool) -> Vec<Field> {
    let t = |id: &str| tr.t(id);
    let mut across = vec![
        ("sum", t("registry-across-sum")),
        ("mean", t("registry-across-mean")),
        ("not_combinable", t("registry-across-not-combinable")),
    ];
    if new {
        across.push(("ratio", t("registry-across-ratio")));
        across.push(("weighted_mean", t("registry-across-weighted-mean")));
    }
    let mut fields = vec![
        Field::text("name_vi", t("registry-name-vi"), form.name_vi.clone())
            .hint(t("registry-name-hint")),
        Field::text("name_en", t("registry-name-en"), form.name_en.clone()),
        Field::text("name_fr", t("registry-name-fr"), form.name_fr.clone()),
        Field::text(
            "measure_vi",
            t("registry-measure-vi"),
            form.measure_vi.clone(),
        )
        .hint(t("registry-measure-hint")),
        Field::text(
            "measure_en",
            t("registry-measure-en"),
            form.measure_en.clone(),
        ),
        Field::text(
            "measure_fr",
            t("registry-measure-fr"),
            form.measure_fr.clone(),
        ),
        Field::text(
            "decimals",
            t("registry-field-decimals"),
            form.decimals.clone(),
        )
        .hint(t("registry-decimals-hint")),
        Field::text(
            "direction",
            t("indicator-direction"),
            form.direction.clone(),
        )
        .choice(vec![
            ("higher_is_better", t("direction-higher")),
            ("lower_is_better", t("direction-lower")),
        ]),
        Field::text(
            "over_time",
            t("indicator-over-time"),
            form.over_time.clone(),
        )
        .choice(vec![
            ("flow", t("over-time-flow")),
            ("stock", t("over-time-stock")),
            ("rate", t("over-time-rate")),
        ]),
    ];
    let parts = matches!(form.across_units.as_str(), "ratio" | "weighted_mean");
    if new || !parts {
        fields.push(
            Field::text(
                "across_units",
                t("registry-field-across-units"),
                form.across_units.clone(),
            )
            .choice(across),
        );
    }
    if new {
        let hint = t("registry-parts-hint");
        fields.extend([
            Field::text("numerator", t("registry-numerator"), form.numerator.clone())
                .hint(hint.clone())
                .listed("indicator-names"),
            Field::text(
                "denominator",
                t("registry-denominator"),
                form.denominator.clone(),
            )
            .listed("indicator-names"),
            Field::text("scale", t("registry-scale"), form.scale.clone())
                .hint(t("registry-scale-hint"))
                .decimal(),
            Field::text("weight", t("registry-weight"), form.weight.clone())
                .hint(t("registry-weight-hint"))
                .listed("indicator-names"),
        ]);
    }
    fields.push(
        Field::text(
            "same_period_base",
            t("registry-field-same-period-base"),
            form.same_period_base.clone(),
        )
        .choice(vec![
            ("", t("registry-base-none")),
            ("index100", t("registry-base-index100")),
            ("growth_percent", t("registry-base-growth-percent")),
        ]),
    );
    if !new {
        fields.push(reason_field(tr, &form.reason));
    }
    fields
}

fn reason_field(tr: Tr<'_>, reason: &str) -> Field {
    Field::text("reason", tr.t("history-reason"), reason.to_owned())
        .hint(tr.t("registry-reason-hint"))
}

fn indicator_names(engine: &Engine, lang: Language) -> Vec<String> {
    let mut names: Vec<String> = engine
        .indicators()
        .map(|i| i.name.get(lang).to_owned())
        .collect();
    names.sort();
    names.dedup();
    names
}

fn new_indicator_page(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    form: &IndicatorForm,
    errors: HashMap<String, String>,
) -> askama::Result<String> {
    let page = Layout::new(
        i18n,
        reader,
        "/",
        i18n.t(reader.lang, "registry-indicator-new"),
    );
    let tr = page.tr;
    Draft {
        crumbs: Vec::new(),
        lede: tr.t("registry-indicator-lede"),
        facts: Vec::new(),
        versions: None,
        form: Some(RecordForm {
            action: "/indicators".into(),
            title: String::new(),
            fields: indicator_fields(tr, form, true),
            version: None,
            submit: tr.t("registry-indicator-save"),
        }),
        errors,
        lists: vec![("indicator-names", indicator_names(engine, tr.lang))],
        page,
    }
    .render()
}

pub async fn new_indicator<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    if !may_define(&reader, &engine) {
        return Err(forbidden());
    }
    let rendered = new_indicator_page(
        &engine,
        &state.i18n,
        &reader,
        &IndicatorForm::default(),
        HashMap::new(),
    );
    Ok(respond(&reader, StatusCode::OK, rendered))
}

pub async fn create_indicator<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    axum::Form(form): axum::Form<IndicatorForm>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let present = |t: &str| Some(t.trim().to_owned()).filter(|t| !t.is_empty());
    let name = Translations::default()
        .with(Language::Vi, &form.name_vi)
        .with(Language::En, &form.name_en)
        .with(Language::Fr, &form.name_fr);
    // A person never types a code: it is made from the name.
    let code = indicator_code_for(&state.app.engine(), &name);
    let input = IndicatorInput {
        code,
        name_vi: present(&form.name_vi),
        name_en: present(&form.name_en),
        name_fr: present(&form.name_fr),
        measure_vi: present(&form.measure_vi),
        measure_en: present(&form.measure_en),
        measure_fr: present(&form.measure_fr),
        decimals: present(&form.decimals),
        direction: present(&form.direction),
        across_units: present(&form.across_units),
        weight: present(&form.weight),
        numerator: present(&form.numerator),
        denominator: present(&form.denominator),
        scale: present(&form.scale),
        over_time: present(&form.over_time),
        same_period_base: present(&form.same_period_base),
        source: Some(super::WEB_FORM_SOURCE.into()),
    };
    match state
        .app
        .create_all(&who.0.actor, &[input], super::WEB_FORM_SOURCE, reader.lang)
        .await
    {
        Ok(records) => match records.first() {
            Some(Record::Indicator(i)) => Ok(see_other(format!("/indicators/{}", i.code))),
            _ => Ok(see_other("/".into())),
        },
        Err(e @ AppError::Forbidden(_)) => Err(e.into()),
        Err(e) => {
            let (status, errors) = refused(tr, e, &[("code", "name_vi")])?;
            let rendered =
                new_indicator_page(&state.app.engine(), &state.i18n, &reader, &form, errors);
            Ok(respond(&reader, status, rendered))
        }
    }
}

fn indicator_of<'e>(
    engine: &'e Engine,
    code: &str,
) -> Result<&'e giamsat_core::Indicator, PageError> {
    IndicatorCode::parse(code)
        .ok()
        .and_then(|c| engine.indicator_by_code(&c))
        .ok_or_else(|| PageError::not_found("not-found-indicator", code))
}

fn edit_indicator_page(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    indicator: &giamsat_core::Indicator,
    form: Option<(IndicatorForm, HashMap<String, String>)>,
) -> askama::Result<String> {
    let title = i18n.t(reader.lang, "registry-indicator-edit");
    let page = Layout::new(i18n, reader, "/", title);
    let tr = page.tr;
    let history = engine.amendments_of(Amended::Indicator(indicator.id));
    let (form, errors) =
        form.unwrap_or_else(|| (IndicatorForm::of(indicator, history.len()), HashMap::new()));
    Draft {
        crumbs: vec![(
            format!("/indicators/{}", indicator.code),
            indicator.name.get(tr.lang).to_owned(),
        )],
        lede: tr.t("registry-edit-lede"),
        facts: Vec::new(),
        versions: Some(versions(engine, tr, &history)),
        form: Some(RecordForm {
            action: format!("/indicators/{}/edit", indicator.code),
            title: String::new(),
            fields: indicator_fields(tr, &form, false),
            version: Some(form.version),
            submit: tr.t("history-save"),
        }),
        errors,
        lists: Vec::new(),
        page,
    }
    .render()
}

pub async fn edit_indicator<S: Store>(
    State(state): State<AppState<S>>,
    Path(code): Path<String>,
    reader: Reader,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let indicator = indicator_of(&engine, &code)?;
    if !may_edit(&reader, &engine, Amended::Indicator(indicator.id)) {
        return Err(forbidden());
    }
    let rendered = edit_indicator_page(&engine, &state.i18n, &reader, indicator, None);
    Ok(respond(&reader, StatusCode::OK, rendered))
}

pub async fn revise_indicator<S: Store>(
    State(state): State<AppState<S>>,
    Path(code): Path<String>,
    reader: Reader,
    who: Principal,
    axum::Form(form): axum::Form<IndicatorForm>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let (id, parts) = {
        let engine = state.app.engine();
        let i = indicator_of(&engine, &code)?;
        (i.id, !i.parts().is_empty())
    };
    let input = IndicatorRevisionInput {
        name_vi: Some(form.name_vi.clone()),
        name_en: Some(form.name_en.clone()),
        name_fr: Some(form.name_fr.clone()),
        measure_vi: Some(form.measure_vi.clone()),
        measure_en: Some(form.measure_en.clone()),
        measure_fr: Some(form.measure_fr.clone()),
        decimals: Some(form.decimals.clone()),
        direction: Some(form.direction.clone()),
        across_units: (!parts).then(|| form.across_units.clone()),
        over_time: Some(form.over_time.clone()),
        same_period_base: Some(form.same_period_base.clone()),
        reason: Some(form.reason.clone()),
        version: Some(form.version),
        source: None,
    };
    match state
        .app
        .revise_indicator(&who.0.actor, id, &input, super::WEB_FORM_SOURCE)
        .await
    {
        Ok(_) => Ok(see_other(format!("/indicators/{code}#history"))),
        Err(e @ AppError::Forbidden(_)) => Err(e.into()),
        Err(e) => {
            let (status, errors) = refused(tr, e, &[])?;
            let engine = state.app.engine();
            let indicator = indicator_of(&engine, &code)?;
            let rendered = edit_indicator_page(
                &engine,
                &state.i18n,
                &reader,
                indicator,
                Some((form, errors)),
            );
            Ok(respond(&reader, status, rendered))
        }
    }
}

// ------------------------------------------------------------------------------------------
// Documents: correcting the titles and the date of issue.

#[derive(Default, Deserialize)]
pub struct DocumentEdit {
    #[serde(default)]
    title_vi: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    title_fr: String,
    #[serde(default)]
    issued_on: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    version: usize,
}

fn document_of(engine: &Engine, id: &str) -> Result<DocumentId, PageError> {
    id.parse::<u32>()
        .ok()
        .map(DocumentId)
        .filter(|d| engine.document(*d).is_some())
        .ok_or_else(|| PageError::not_found("not-found-document", id))
}

fn edit_document_page(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    id: DocumentId,
    form: Option<(DocumentEdit, HashMap<String, String>)>,
) -> askama::Result<String> {
    let page = Layout::new(
        i18n,
        reader,
        "/documents",
        i18n.t(reader.lang, "registry-document-edit"),
    );
    let tr = page.tr;
    let history = engine.amendments_of(Amended::Document(id));
    let Some(document) = engine.document(id) else {
        return Ok(String::new());
    };
    let (form, errors) = form.unwrap_or_else(|| {
        let text = |l| document.title.exact(l).unwrap_or_default().to_owned();
        (
            DocumentEdit {
                title_vi: text(Language::Vi),
                title_en: text(Language::En),
                title_fr: text(Language::Fr),
                issued_on: form_date(tr.lang, document.issued_on),
                reason: String::new(),
                version: history.len(),
            },
            HashMap::new(),
        )
    });
    let t = |id: &str| tr.t(id);
    let fields = vec![
        Field::text("title_vi", t("office-title-vi"), form.title_vi.clone()),
        Field::text("title_en", t("office-title-en"), form.title_en.clone()),
        Field::text("title_fr", t("office-title-fr"), form.title_fr.clone()),
        Field::text("issued_on", t("col-issued-on"), form.issued_on.clone())
            .hint(t("registry-date-hint")),
        reason_field(tr, &form.reason),
    ];
    Draft {
        crumbs: vec![
            ("/documents".into(), t("nav-documents")),
            (
                format!("/documents/{}", id.0),
                document.title.get(tr.lang).to_owned(),
            ),
        ],
        lede: t("registry-edit-lede"),
        facts: Vec::new(),
        versions: Some(versions(engine, tr, &history)),
        form: Some(RecordForm {
            action: format!("/documents/{}/edit", id.0),
            title: String::new(),
            fields,
            version: Some(form.version),
            submit: t("history-save"),
        }),
        errors,
        lists: Vec::new(),
        page,
    }
    .render()
}

pub async fn edit_document<S: Store>(
    State(state): State<AppState<S>>,
    Path(id): Path<String>,
    reader: Reader,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let document = document_of(&engine, &id)?;
    if !may_edit(&reader, &engine, Amended::Document(document)) {
        return Err(forbidden());
    }
    let rendered = edit_document_page(&engine, &state.i18n, &reader, document, None);
    Ok(respond(&reader, StatusCode::OK, rendered))
}

pub async fn revise_document<S: Store>(
    State(state): State<AppState<S>>,
    Path(id): Path<String>,
    reader: Reader,
    who: Principal,
    axum::Form(form): axum::Form<DocumentEdit>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let document = document_of(&state.app.engine(), &id)?;
    let input = DocumentRevisionInput {
        title_vi: Some(form.title_vi.clone()),
        title_en: Some(form.title_en.clone()),
        title_fr: Some(form.title_fr.clone()),
        issued_on: Some(form.issued_on.clone()),
        reason: Some(form.reason.clone()),
        version: Some(form.version),
        source: None,
    };
    match state
        .app
        .revise_document(&who.0.actor, document, &input, super::WEB_FORM_SOURCE)
        .await
    {
        Ok(_) => Ok(see_other(format!("/documents/{id}#history"))),
        Err(e @ AppError::Forbidden(_)) => Err(e.into()),
        Err(e) => {
            let (status, errors) = refused(tr, e, &[])?;
            let rendered = edit_document_page(
                &state.app.engine(),
                &state.i18n,
                &reader,
                document,
                Some((form, errors)),
            );
            Ok(respond(&reader, status, rendered))
        }
    }
}

// ------------------------------------------------------------------------------------------
// Targets: the target's page, its history and its correction.

#[derive(Default, Deserialize)]
pub struct TargetEdit {
    #[serde(default)]
    value: String,
    #[serde(default)]
    comparator: String,
    #[serde(default)]
    baseline_period: String,
    #[serde(default)]
    baseline_value: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    version: usize,
}

fn target_of(engine: &Engine, id: &str) -> Result<TargetId, PageError> {
    id.parse::<u32>()
        .ok()
        .map(TargetId)
        .filter(|t| engine.target(*t).is_some())
        .ok_or_else(|| PageError::not_found("not-found-target", id))
}

fn target_page(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    id: TargetId,
    form: Option<(TargetEdit, HashMap<String, String>)>,
) -> askama::Result<String> {
    let Some(target) = engine.target(id) else {
        return Ok(String::new());
    };
    let lang = reader.lang;
    let indicator = engine.indicator(target.indicator);
    let unit = engine.unit(target.unit);
    let document = engine.document(target.document);
    let name = |t: Option<&Translations>| t.map(|t| t.get(lang).to_owned()).unwrap_or_default();
    let title = format!(
        "{} · {}",
        name(indicator.map(|i| &i.name)),
        name(unit.map(|u| &u.name))
    );
    let page = Layout::new(i18n, reader, "/documents", title);
    let tr = page.tr;
    let decimals = indicator.map_or(2, |i| i.decimals);
    let measure = name(indicator.map(|i| &i.measure));
    let history = engine.amendments_of(Amended::Target(id));
    let facts = vec![
        (tr.t("col-document"), name(document.map(|d| &d.title))),
        (tr.t("col-unit"), name(unit.map(|u| &u.name))),
        (tr.t("col-period"), tr.period(target.period)),
        (
            tr.t("col-plan"),
            format!(
                "{} {measure}",
                tr.number(target.value, exact(target.value, decimals))
            ),
        ),
        (
            tr.t("office-comparator"),
            comparator_label(tr, target.comparator),
        ),
        (
            tr.t("office-baseline"),
            target.baseline.map_or_else(
                || tr.t("history-none"),
                |b| {
                    let value = tr.number(b.value, exact(b.value, decimals));
                    format!("{}: {value}", tr.period(b.period))
                },
            ),
        ),
    ];
    let editable = may_edit(reader, engine, Amended::Target(id));
    let edit_form = editable.then(|| {
        let (form, errors) = form.unwrap_or_else(|| {
            (
                TargetEdit {
                    value: form_number(lang, target.value),
                    comparator: match target.comparator {
                        Comparator::AtLeast => "at_least".into(),
                        Comparator::AtMost => "at_most".into(),
                    },
                    baseline_period: target
                        .baseline
                        .map(|b| tr.period(b.period))
                        .unwrap_or_default(),
                    baseline_value: target
                        .baseline
                        .map(|b| form_number(lang, b.value))
                        .unwrap_or_default(),
                    reason: String::new(),
                    version: history.len(),
                },
                HashMap::new(),
            )
        });
        let t = |id: &str| tr.t(id);
        let fields = vec![
            Field::text("value", t("col-plan"), form.value.clone()).decimal(),
            Field::text(
                "comparator",
                t("office-comparator"),
                form.comparator.clone(),
            )
            .choice(vec![
                ("at_least", t("office-comparator-at-least")),
                ("at_most", t("office-comparator-at-most")),
            ]),
            Field::text(
                "baseline_period",
                t("registry-baseline-period"),
                form.baseline_period.clone(),
            )
            .hint(t("office-period-hint")),
            Field::text(
                "baseline_value",
                t("registry-baseline-value"),
                form.baseline_value.clone(),
            )
            .decimal(),
            reason_field(tr, &form.reason),
        ];
        (
            RecordForm {
                action: format!("/targets/{}", id.0),
                title: t("registry-target-edit"),
                fields,
                version: Some(form.version),
                submit: t("history-save"),
            },
            errors,
        )
    });
    let (form, errors) = match edit_form {
        Some((f, e)) => (Some(f), e),
        None => (None, HashMap::new()),
    };
    Draft {
        crumbs: vec![
            ("/documents".into(), tr.t("nav-documents")),
            (
                format!("/documents/{}", target.document.0),
                name(document.map(|d| &d.title)),
            ),
        ],
        lede: String::new(),
        facts,
        versions: Some(versions(engine, tr, &history)),
        form,
        errors,
        lists: Vec::new(),
        page,
    }
    .render()
}

pub async fn target<S: Store>(
    State(state): State<AppState<S>>,
    Path(id): Path<String>,
    reader: Reader,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let target = target_of(&engine, &id)?;
    let rendered = target_page(&engine, &state.i18n, &reader, target, None);
    Ok(respond(&reader, StatusCode::OK, rendered))
}

pub async fn revise_target<S: Store>(
    State(state): State<AppState<S>>,
    Path(id): Path<String>,
    reader: Reader,
    who: Principal,
    axum::Form(form): axum::Form<TargetEdit>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let target = target_of(&state.app.engine(), &id)?;
    let input = TargetRevisionInput {
        value: Some(form.value.clone()),
        comparator: Some(form.comparator.clone()),
        baseline_period: Some(form.baseline_period.clone()),
        baseline_value: Some(form.baseline_value.clone()),
        reason: Some(form.reason.clone()),
        version: Some(form.version),
        source: None,
    };
    match state
        .app
        .revise_target(
            &who.0.actor,
            target,
            &input,
            super::WEB_FORM_SOURCE,
            reader.lang,
        )
        .await
    {
        Ok(_) => Ok(see_other(format!("/targets/{id}#history"))),
        Err(e @ AppError::Forbidden(_)) => Err(e.into()),
        Err(e) => {
            let (status, errors) = refused(tr, e, &[])?;
            let rendered = target_page(
                &state.app.engine(),
                &state.i18n,
                &reader,
                target,
                Some((form, errors)),
            );
            Ok(respond(&reader, status, rendered))
        }
    }
}

// ------------------------------------------------------------------------------------------
// Units: a body added under a unit the office governs, its parent picked by name.

/// What the unit form holds, as typed.
#[derive(Default, Deserialize)]
pub struct UnitForm {
    #[serde(default)]
    parent: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    name_vi: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    name_fr: String,
    #[serde(default)]
    valid_from: String,
}

/// The kinds of body an office adds under a province or a commune.
const BODY_KINDS: [giamsat_core::UnitKind; 8] = [
    giamsat_core::UnitKind::PartyCommittee,
    giamsat_core::UnitKind::StandingCommittee,
    giamsat_core::UnitKind::PeoplesCouncil,
    giamsat_core::UnitKind::PeoplesCommittee,
    giamsat_core::UnitKind::Department,
    giamsat_core::UnitKind::Front,
    giamsat_core::UnitKind::Agency,
    giamsat_core::UnitKind::Locality,
];

/// Whether the reader may add a body under `parent`.
pub fn may_add_body(reader: &Reader, engine: &Engine, parent: giamsat_core::UnitId) -> bool {
    actor(reader).is_some_and(|a| may_add_unit(a, engine, parent))
}

fn unit_form_page(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    form: &UnitForm,
    errors: HashMap<String, String>,
) -> askama::Result<String> {
    let page = Layout::new(
        i18n,
        reader,
        "/units",
        i18n.t(reader.lang, "registry-unit-new"),
    );
    let tr = page.tr;
    let t = |id: &str| tr.t(id);
    let kinds = BODY_KINDS
        .iter()
        .map(|k| (k.as_str(), tr.t(&format!("unit-kind-{}", k.as_str()))))
        .collect();
    let fields = vec![
        Field::text("parent", t("registry-unit-parent"), form.parent.clone())
            .hint(t("office-unit-hint"))
            .listed("unit-names"),
        Field::text("kind", t("registry-unit-kind"), form.kind.clone()).choice(kinds),
        Field::text("name_vi", t("registry-name-vi"), form.name_vi.clone())
            .hint(t("registry-unit-name-hint")),
        Field::text("name_en", t("registry-name-en"), form.name_en.clone()),
        Field::text("name_fr", t("registry-name-fr"), form.name_fr.clone()),
        Field::text(
            "valid_from",
            t("registry-unit-from"),
            form.valid_from.clone(),
        )
        .hint(t("registry-date-hint")),
    ];
    Draft {
        crumbs: vec![("/units".into(), t("nav-units"))],
        lede: t("registry-unit-lede"),
        facts: Vec::new(),
        versions: None,
        form: Some(RecordForm {
            action: "/units/new".into(),
            title: String::new(),
            fields,
            version: None,
            submit: t("registry-unit-save"),
        }),
        errors,
        lists: vec![("unit-names", super::entry::unit_names(engine, reader))],
        page,
    }
    .render()
}

#[derive(Deserialize)]
pub struct UnitFormQuery {
    #[serde(default)]
    parent: Option<String>,
}

pub async fn new_unit<S: Store>(
    State(state): State<AppState<S>>,
    axum::extract::Query(query): axum::extract::Query<UnitFormQuery>,
    reader: Reader,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let parent = query
        .parent
        .as_deref()
        .and_then(|c| giamsat_core::UnitCode::parse(c).ok())
        .and_then(|c| engine.unit_by_code(&c));
    let allowed = match parent {
        Some(p) => may_add_body(&reader, &engine, p.id),
        None => reader.may(giamsat_core::access::RecordKind::Unit),
    };
    if !allowed {
        return Err(forbidden());
    }
    let form = UnitForm {
        parent: parent
            .map(|p| p.name.get(reader.lang).to_owned())
            .unwrap_or_default(),
        kind: "department".into(),
        ..UnitForm::default()
    };
    let rendered = unit_form_page(&engine, &state.i18n, &reader, &form, HashMap::new());
    Ok(respond(&reader, StatusCode::OK, rendered))
}

pub async fn create_unit<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    axum::Form(form): axum::Form<UnitForm>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let present = |t: &str| Some(t.trim().to_owned()).filter(|t| !t.is_empty());
    let again = |errors| {
        let rendered = unit_form_page(&state.app.engine(), &state.i18n, &reader, &form, errors);
        Ok(respond(&reader, StatusCode::UNPROCESSABLE_ENTITY, rendered))
    };
    // The parent is picked by name; a body always has one here (a root is an
    // administrator's, through the API).
    let Some(parent) = present(&form.parent) else {
        let required = giamsat_app::FieldError::new("parent", giamsat_app::Problem::Required);
        return again(HashMap::from([(
            "parent".to_owned(),
            tr.field_problem(&required),
        )]));
    };
    let code = {
        let engine = state.app.engine();
        let parent = giamsat_app::names::unit(&engine, &reader.scope(), &parent).ok();
        let name = Translations::default()
            .with(Language::Vi, &form.name_vi)
            .with(Language::En, &form.name_en)
            .with(Language::Fr, &form.name_fr);
        parent.and_then(|p| unit_code_for(&engine, Some(p), &name))
    };
    let input = UnitInput {
        // Without a parent or a name there is no code: the problem is reported on them.
        code,
        kind: present(&form.kind),
        parent: Some(parent),
        name_vi: present(&form.name_vi),
        name_en: present(&form.name_en),
        name_fr: present(&form.name_fr),
        valid_from: present(&form.valid_from),
        valid_to: None,
        source: Some(super::WEB_FORM_SOURCE.into()),
    };
    match state
        .app
        .create_all(&who.0.actor, &[input], super::WEB_FORM_SOURCE, reader.lang)
        .await
    {
        Ok(records) => match records.first() {
            Some(Record::Unit(u)) => Ok(see_other(format!("/units/{}", u.code))),
            _ => Ok(see_other("/units".into())),
        },
        Err(e @ AppError::Forbidden(_)) => Err(e.into()),
        Err(e) => {
            let (status, mut errors) = refused(tr, e, &[])?;
            // A code made from nothing is not the writer's problem: the name or parent is.
            if errors.remove("code").is_some() && errors.is_empty() {
                let required =
                    giamsat_app::FieldError::new("name_vi", giamsat_app::Problem::NameRequired);
                errors.insert("name_vi".into(), tr.field_problem(&required));
            }
            let rendered = unit_form_page(&state.app.engine(), &state.i18n, &reader, &form, errors);
            Ok(respond(&reader, status, rendered))
        }
    }
}
