//! The office's forms (*văn phòng*): registering a document with its signed file, and adding
//! a target to a document, with everything picked by name and periods and dates written as
//! people write them. Both go through the application layer's use cases, as the API does;
//! only offices and administrators are offered them.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use giamsat_app::input::{DocumentInput, ScenarioInput, ScenarioPointInput, TargetInput};
use giamsat_app::{AppError, FieldError, Store};
use giamsat_core::{Document, DocumentId, Engine, Record};
use serde::Deserialize;

use super::forms::see_other;
use super::{Layout, Reader, Tr, respond};
use crate::auth::Principal;
use crate::error::PageError;
use crate::i18n::I18n;
use crate::state::AppState;

/// Scenario rows a target form offers.
const SCENARIO_ROWS: usize = 4;

/// What the document form holds, as typed.
#[derive(Default, Deserialize)]
pub struct DocumentForm {
    #[serde(default)]
    number: String,
    #[serde(default)]
    issuer: String,
    #[serde(default)]
    issued_on: String,
    #[serde(default)]
    title_vi: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    title_fr: String,
    #[serde(default)]
    target_year: String,
}

#[derive(Template)]
#[template(path = "document_form.html")]
pub struct DocumentFormPage<'a> {
    page: Layout<'a>,
    form: DocumentForm,
    errors: HashMap<String, String>,
    unit_names: Vec<String>,
}

impl DocumentFormPage<'_> {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.get(field)
    }
}

/// The problems of a refused input by field, the batch index (`0.`) taken off.
fn problems(tr: Tr<'_>, errors: &[FieldError], rename: &[(&str, &str)]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for e in errors {
        let field = e.field.split_once('.').map_or(e.field.as_str(), |(_, f)| f);
        let field = rename
            .iter()
            .find(|(from, _)| *from == field)
            .map_or(field, |(_, to)| to);
        out.entry(field.to_owned())
            .or_insert_with(|| tr.field_problem(e));
    }
    out
}

/// A refusal as problems beside the fields, or the error page for anything else.
pub(super) fn refused(
    tr: Tr<'_>,
    error: AppError,
    rename: &[(&str, &str)],
) -> Result<(StatusCode, HashMap<String, String>), PageError> {
    match error {
        AppError::Invalid(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            problems(tr, &errors, rename),
        )),
        other => {
            let (status, reason) = super::refusal_in_form(tr, other)?;
            Ok((status, HashMap::from([(String::new(), reason)])))
        }
    }
}

fn document_form_page(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    form: DocumentForm,
    errors: HashMap<String, String>,
) -> askama::Result<String> {
    let page = Layout::new(
        i18n,
        reader,
        "/documents",
        i18n.t(reader.lang, "office-document-new"),
    );
    DocumentFormPage {
        page,
        form,
        errors,
        unit_names: super::entry::unit_names(engine, reader),
    }
    .render()
}

/// Only offices and administrators are shown the office's forms.
fn registrar(reader: &Reader) -> Result<(), PageError> {
    if reader.registers() {
        Ok(())
    } else {
        Err(PageError::Forbidden {
            message: "office-forbidden",
        })
    }
}

pub async fn new_document<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
) -> Result<Response, PageError> {
    registrar(&reader)?;
    let rendered = document_form_page(
        &state.app.engine(),
        &state.i18n,
        &reader,
        DocumentForm::default(),
        HashMap::new(),
    );
    Ok(respond(&reader, StatusCode::OK, rendered))
}

/// Reads the document form, sent with its file (multipart) or without one.
async fn read_document_form(
    headers: &axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> Result<(DocumentForm, Option<(String, axum::body::Bytes)>), String> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !content_type.starts_with("multipart/form-data") {
        let form = serde_urlencoded::from_bytes(&body).map_err(|e| e.to_string())?;
        return Ok((form, None));
    }
    let mut form = DocumentForm::default();
    let mut file = None;
    for part in crate::auth::multipart_parts(content_type, body).await? {
        let text = || String::from_utf8_lossy(&part.bytes).into_owned();
        match part.name.as_str() {
            "number" => form.number = text(),
            "issuer" => form.issuer = text(),
            "issued_on" => form.issued_on = text(),
            "title_vi" => form.title_vi = text(),
            "title_en" => form.title_en = text(),
            "title_fr" => form.title_fr = text(),
            "target_year" => form.target_year = text(),
            "file" => {
                if let Some(name) = part.file_name.filter(|n| !n.is_empty())
                    && !part.bytes.is_empty()
                {
                    file = Some((name, part.bytes));
                }
            }
            _ => {}
        }
    }
    Ok((form, file))
}

/// The signed file of a document: a PDF or a Word (or OpenDocument) text.
const SIGNED_TYPES: [&str; 3] = [
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
];

pub async fn create_document<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    registrar(&reader)?;
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let (form, file) = read_document_form(&headers, body).await.map_err(|e| {
        tracing::info!(error = %e, "a document form could not be read");
        PageError::Unreadable(StatusCode::BAD_REQUEST)
    })?;
    let again = |form, status, errors| {
        let rendered = document_form_page(&state.app.engine(), &state.i18n, &reader, form, errors);
        Ok(respond(&reader, status, rendered))
    };
    // The file is checked and kept first, then cited as the document's source.
    let mut source = None;
    if let Some((name, bytes)) = file {
        let kind = giamsat_app::follow_up::evidence_type(&bytes, &name);
        if !kind.is_some_and(|k| SIGNED_TYPES.contains(&k)) {
            let errors = HashMap::from([("file".to_owned(), tr.t("office-error-file-type"))]);
            return again(form, StatusCode::UNPROCESSABLE_ENTITY, errors);
        }
        match state
            .app
            .put_evidence_file(&who.0.actor, &name, &bytes)
            .await
        {
            Ok(giamsat_core::follow_up::Evidence::File { sha256, .. }) => {
                source = Some(format!("/evidence/{sha256}"));
            }
            Ok(_) => {}
            Err(e) => {
                let (status, errors) = refused(tr, e, &[])?;
                return again(form, status, errors);
            }
        }
    }
    let present = |t: &str| Some(t.trim().to_owned()).filter(|t| !t.is_empty());
    let input = DocumentInput {
        number: present(&form.number),
        issued_by: present(&form.issuer),
        issued_on: present(&form.issued_on),
        title_vi: present(&form.title_vi),
        title_en: present(&form.title_en),
        title_fr: present(&form.title_fr),
        target_year: present(&form.target_year),
        source: source.or_else(|| Some(super::WEB_FORM_SOURCE.into())),
        ..DocumentInput::default()
    };
    match state
        .app
        .create_all(&who.0.actor, &[input], super::WEB_FORM_SOURCE, reader.lang)
        .await
    {
        Ok(records) => match records.first() {
            Some(Record::Document(d)) => Ok(see_other(format!("/documents/{}", d.id.0))),
            _ => Ok(see_other("/documents".into())),
        },
        Err(e) => {
            let rename = [
                ("issued_by", "issuer"),
                ("key", "number"),
                ("doc_type", "number"),
            ];
            let (status, errors) = refused(tr, e, &rename)?;
            again(form, status, errors)
        }
    }
}

/// What the target form holds, as typed.
#[derive(Default)]
pub struct TargetForm {
    indicator: String,
    unit: String,
    period: String,
    value: String,
    comparator: String,
    baseline_period: String,
    baseline_value: String,
    points: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "target_form.html")]
pub struct TargetFormPage<'a> {
    page: Layout<'a>,
    document_id: u32,
    document_title: String,
    form: TargetForm,
    errors: HashMap<String, String>,
    unit_names: Vec<String>,
    indicator_names: Vec<String>,
    comparators: Vec<(&'static str, String)>,
}

impl TargetFormPage<'_> {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors.get(field)
    }
}

fn target_form_page(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    document: &Document,
    mut form: TargetForm,
    errors: HashMap<String, String>,
) -> askama::Result<String> {
    let page = Layout::new(
        i18n,
        reader,
        "/documents",
        i18n.t(reader.lang, "office-target-new"),
    );
    let tr = page.tr;
    form.points
        .resize(SCENARIO_ROWS, (String::new(), String::new()));
    let mut indicator_names: Vec<String> = engine
        .indicators()
        .map(|i| i.name.get(tr.lang).to_owned())
        .collect();
    indicator_names.sort();
    indicator_names.dedup();
    TargetFormPage {
        document_id: document.id.0,
        document_title: document.title.get(tr.lang).to_owned(),
        form,
        errors,
        unit_names: super::entry::unit_names(engine, reader),
        indicator_names,
        comparators: ["", "at_least", "at_most"]
            .into_iter()
            .map(|c| {
                let id = if c.is_empty() {
                    "office-comparator-default".to_owned()
                } else {
                    format!("office-comparator-{}", c.replace('_', "-"))
                };
                (c, tr.t(&id))
            })
            .collect(),
        page,
    }
    .render()
}

fn document_of(engine: &Engine, id: &str) -> Result<DocumentId, PageError> {
    id.parse::<u32>()
        .ok()
        .map(DocumentId)
        .filter(|d| engine.document(*d).is_some())
        .ok_or_else(|| PageError::not_found("not-found-document", id))
}

pub async fn new_target<S: Store>(
    State(state): State<AppState<S>>,
    Path(id): Path<String>,
    reader: Reader,
) -> Result<Response, PageError> {
    registrar(&reader)?;
    let engine = state.app.engine();
    let document = document_of(&engine, &id)?;
    let Some(document) = engine.document(document) else {
        return Err(PageError::not_found("not-found-document", id));
    };
    let rendered = target_form_page(
        &engine,
        &state.i18n,
        &reader,
        document,
        TargetForm::default(),
        HashMap::new(),
    );
    Ok(respond(&reader, StatusCode::OK, rendered))
}

fn read_target_form(pairs: Vec<(String, String)>) -> TargetForm {
    let mut form = TargetForm {
        points: vec![(String::new(), String::new()); SCENARIO_ROWS],
        ..TargetForm::default()
    };
    for (name, value) in pairs {
        match name.as_str() {
            "indicator" => form.indicator = value,
            "unit" => form.unit = value,
            "period" => form.period = value,
            "value" => form.value = value,
            "comparator" => form.comparator = value,
            "baseline_period" => form.baseline_period = value,
            "baseline_value" => form.baseline_value = value,
            other => {
                let row = |prefix: &str| {
                    other
                        .strip_prefix(prefix)
                        .and_then(|i| i.parse::<usize>().ok())
                        .filter(|i| *i < SCENARIO_ROWS)
                };
                if let Some(i) = row("point_period_")
                    && let Some(p) = form.points.get_mut(i)
                {
                    p.0 = value;
                } else if let Some(i) = row("point_value_")
                    && let Some(p) = form.points.get_mut(i)
                {
                    p.1 = value;
                }
            }
        }
    }
    form
}

pub async fn create_target<S: Store>(
    State(state): State<AppState<S>>,
    Path(id): Path<String>,
    reader: Reader,
    who: Principal,
    axum::extract::Form(pairs): axum::extract::Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    registrar(&reader)?;
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let form = read_target_form(pairs);
    let (key, issuer) = {
        let engine = state.app.engine();
        let document = document_of(&engine, &id)?;
        let Some(d) = engine.document(document) else {
            return Err(PageError::not_found("not-found-document", id));
        };
        let issuer = engine.unit(d.issued_by).map(|u| u.code.to_string());
        (d.key.to_string(), issuer)
    };
    let present = |t: &str| Some(t.trim().to_owned()).filter(|t| !t.is_empty());
    let input = TargetInput {
        document: Some(key),
        document_issuer: issuer,
        indicator: present(&form.indicator),
        unit: present(&form.unit),
        period: present(&form.period),
        value: present(&form.value),
        comparator: present(&form.comparator),
        baseline_period: present(&form.baseline_period),
        baseline_value: present(&form.baseline_value),
        source: Some(super::WEB_FORM_SOURCE.into()),
    };
    let again = |form, status, errors| {
        let engine = state.app.engine();
        let document = document_of(&engine, &id)?;
        let Some(document) = engine.document(document) else {
            return Err(PageError::not_found("not-found-document", id.clone()));
        };
        let rendered = target_form_page(&engine, &state.i18n, &reader, document, form, errors);
        Ok(respond(&reader, status, rendered))
    };
    let target = match state
        .app
        .create_all(&who.0.actor, &[input], super::WEB_FORM_SOURCE, reader.lang)
        .await
    {
        Ok(records) => match records.first() {
            Some(Record::Target(t)) => t.id,
            _ => return Ok(see_other(format!("/documents/{id}"))),
        },
        Err(e) => {
            let (status, errors) = refused(tr, e, &[])?;
            return again(form, status, errors);
        }
    };
    // The scenario (the trajectory by month), when rows were given, follows the target.
    let points: Vec<ScenarioPointInput> = form
        .points
        .iter()
        .filter(|(p, v)| !p.trim().is_empty() || !v.trim().is_empty())
        .map(|(p, v)| ScenarioPointInput {
            month: Some(p.trim().to_owned()),
            value: Some(v.trim().to_owned()),
        })
        .collect();
    if !points.is_empty() {
        let scenario = ScenarioInput {
            target: Some(target.0.to_string()),
            points,
            source: Some(super::WEB_FORM_SOURCE.into()),
        };
        if let Err(e) = state
            .app
            .create_all(
                &who.0.actor,
                &[scenario],
                super::WEB_FORM_SOURCE,
                reader.lang,
            )
            .await
        {
            // The target is saved; the rows are shown again with what is wrong with them.
            let (status, mut errors) = refused(tr, e, &[])?;
            let rows: Vec<(String, String)> = errors
                .iter()
                .filter_map(|(k, v)| {
                    let i = k.strip_prefix("points[")?.split(']').next()?;
                    Some((format!("point_{i}"), v.clone()))
                })
                .collect();
            errors.extend(rows);
            errors.insert(String::new(), tr.t("office-target-saved-scenario-refused"));
            return again(form, status, errors);
        }
    }
    Ok(see_other(format!("/documents/{id}")))
}
