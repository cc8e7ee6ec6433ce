//! Documents (*văn bản*): the list, and one document with its targets and their progress.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::Store;
use giamsat_core::{Document, DocumentId, Engine};

use super::{Layout, Reader, StatusCount, TargetTable, Tr, respond};
use crate::error::PageError;
use crate::i18n::{Arg, I18n};
use crate::state::AppState;

pub struct DocumentRow {
    id: u32,
    number: String,
    title: String,
    doc_type: String,
    issuer: String,
    issuer_code: String,
    issued_on: String,
    horizon: String,
    targets: usize,
}

fn document_row(engine: &Engine, tr: Tr<'_>, d: &Document) -> DocumentRow {
    let issuer = engine.unit(d.issued_by);
    let mut horizon = Vec::new();
    for (id, year) in [
        ("horizon-target", d.horizon.target_year),
        ("horizon-orientation", d.horizon.orientation_year),
        ("horizon-vision", d.horizon.vision_year),
    ] {
        if let Some(year) = year {
            horizon.push(tr.t_args(id, &[("year", Arg::Text(year.to_string()))]));
        }
    }
    DocumentRow {
        id: d.id.0,
        number: d.number.clone().unwrap_or_else(|| "—".into()),
        title: d.title.get(tr.lang).to_owned(),
        doc_type: tr.t(&format!("doctype-{}", d.doc_type.name_en())),
        issuer: issuer
            .map(|u| u.name.get(tr.lang).to_owned())
            .unwrap_or_default(),
        issuer_code: issuer.map(|u| u.code.to_string()).unwrap_or_default(),
        issued_on: d.issued_on.map_or_else(|| "—".into(), |date| tr.date(date)),
        horizon: horizon.join(", "),
        targets: engine.count_of_targets_set_by(d.id),
    }
}

#[derive(Template)]
#[template(path = "documents.html")]
pub struct DocumentsPage<'a> {
    page: Layout<'a>,
    documents: Vec<DocumentRow>,
    /// Whether the reader may register documents (an office or an administrator).
    registers: bool,
    /// Whether the reader may define indicators.
    may_define: bool,
}

pub fn documents_page(engine: &Engine, i18n: &I18n, reader: &Reader) -> askama::Result<String> {
    let page = Layout::new(
        i18n,
        reader,
        "/documents",
        i18n.t(reader.lang, "documents-title"),
    );
    let mut documents: Vec<&Document> = engine.documents().collect();
    // Newest first; documents without a date last.
    documents.sort_by_key(|d| (std::cmp::Reverse(d.issued_on), d.id));
    DocumentsPage {
        registers: reader.registers(),
        may_define: super::registry::may_define(reader, engine),
        documents: documents
            .into_iter()
            .map(|d| document_row(engine, page.tr, d))
            .collect(),
        page,
    }
    .render()
}

pub async fn documents<S: Store>(State(state): State<AppState<S>>, reader: Reader) -> Response {
    let rendered = documents_page(&state.app.engine(), &state.i18n, &reader);
    respond(&reader, StatusCode::OK, rendered)
}

#[derive(Template)]
#[template(path = "document.html")]
pub struct DocumentPage<'a> {
    page: Layout<'a>,
    document: DocumentRow,
    counts: Vec<StatusCount>,
    table: String,
    has_targets: bool,
    /// Whether the reader may add targets (an office or an administrator).
    registers: bool,
    /// The signed file, when one was attached: where to download it.
    signed_file: Option<String>,
    downloads: String,
    /// Whether the reader may correct the document.
    may_edit: bool,
    /// Its corrections, newest first.
    versions: Vec<super::history::VersionRow>,
}

pub fn document_page(
    engine: &Engine,
    i18n: &I18n,
    reader: &Reader,
    document: &Document,
) -> askama::Result<String> {
    let page = Layout::new(
        i18n,
        reader,
        "/documents",
        document.title.get(reader.lang).to_owned(),
    );
    let tr = page.tr;
    // A province's plan over its ten years sets thousands of targets: a page at a time.
    let (counts, rows, pager) = super::paged_group(
        engine,
        tr,
        reader,
        giamsat_core::TargetGroup::SetBy(document.id),
    );
    let has_targets = !rows.is_empty();
    let table = TargetTable::new(&page, tr.t("document-targets-caption"), rows, true, false)
        .paged(&pager)?
        .render()?;
    let downloads = super::exports::Buttons::render(
        tr,
        super::exports::List::Targets,
        &[("document", document.id.0.to_string())],
    )?;
    let of = giamsat_core::amendment::Amended::Document(document.id);
    DocumentPage {
        may_edit: super::registry::may_edit(reader, engine, of),
        versions: super::registry::versions(engine, tr, &engine.amendments_of(of)),
        registers: reader.registers(),
        signed_file: Some(document.provenance.source.clone())
            .filter(|s| s.starts_with("/evidence/")),
        downloads,
        document: document_row(engine, tr, document),
        counts,
        has_targets,
        table,
        page,
    }
    .render()
}

pub async fn document<S: Store>(
    State(state): State<AppState<S>>,
    Path(id): Path<String>,
    reader: Reader,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let found = id
        .parse::<u32>()
        .ok()
        .and_then(|id| engine.document(DocumentId(id)));
    let Some(document) = found else {
        return Err(PageError::not_found("not-found-document", id));
    };
    let rendered = document_page(&engine, &state.i18n, &reader, document);
    Ok(respond(&reader, StatusCode::OK, rendered))
}
