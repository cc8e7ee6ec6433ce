//! Server-side render time of every main page on the demo data, in each language.
//!
//! `cargo bench -p giamsat-web --bench pages`. The pages are rendered from the engine as a
//! request would (read lock held, views built, template rendered); HTTP is left out.

use axum::http::HeaderMap;
use giamsat_app::{Actor, App, SqlStore};
use giamsat_core::indicator::IndicatorCode;
use giamsat_core::org::UnitCode;
use giamsat_core::{DocumentId, Period};
use giamsat_web::i18n::I18n;
use giamsat_web::pages::{self, Reader};

fn main() {
    divan::main();
}

struct Demo {
    app: App<SqlStore>,
    i18n: I18n,
    _dir: tempfile::TempDir,
}

fn demo() -> &'static Demo {
    static DEMO: std::sync::OnceLock<Demo> = std::sync::OnceLock::new();
    DEMO.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("bench.db");
            let store = SqlStore::open(path.to_str().expect("utf-8"))
                .await
                .expect("store");
            let app = App::open(store).await.expect("app");
            app.load_demo(&Actor::named("bench")).await.expect("demo");
            Demo {
                app,
                i18n: I18n::new().expect("locales"),
                _dir: dir,
            }
        })
    })
}

const LANGUAGES: [&str; 3] = ["vi", "en", "fr"];

fn reader(path: &str, lang: &str) -> Reader {
    Reader::new(path, Some(&format!("lang={lang}")), &HeaderMap::new())
}

#[divan::bench(args = LANGUAGES)]
fn overview(lang: &str) -> usize {
    let d = demo();
    let html = pages::overview_page(&d.app.engine(), &d.i18n, &reader("/", lang));
    html.expect("renders").len()
}

#[divan::bench(args = LANGUAGES)]
fn documents(lang: &str) -> usize {
    let d = demo();
    let html = pages::documents_page(&d.app.engine(), &d.i18n, &reader("/documents", lang));
    html.expect("renders").len()
}

#[divan::bench(args = LANGUAGES)]
fn document(lang: &str) -> usize {
    let d = demo();
    let engine = d.app.engine();
    let document = engine.document(DocumentId(4)).expect("the 2023 plan");
    let html = pages::document_page(&engine, &d.i18n, &reader("/documents/4", lang), document);
    html.expect("renders").len()
}

#[divan::bench(args = LANGUAGES)]
fn indicator(lang: &str) -> usize {
    let d = demo();
    let engine = d.app.engine();
    let code = IndicatorCode::parse("RETAIL_SALES").expect("code");
    let indicator = engine.indicator_by_code(&code).expect("indicator");
    let unit = engine.unit_by_code(&UnitCode::parse("40").expect("code"));
    let html = pages::indicator_page(
        &engine,
        &d.i18n,
        &reader("/indicators/RETAIL_SALES", lang),
        indicator,
        unit,
    );
    html.expect("renders").len()
}

/// The day the figures in docs/benchmarks.md were measured, as the pages' "today".
const TODAY: time::Date = time::macros::date!(2026 - 11 - 23);

/// The 2023 ranking on the units of `as_of`.
fn ranking(lang: &str, as_of: pages::AsOf, view: pages::View) -> usize {
    let d = demo();
    let period: Period = "2023".parse().expect("period");
    let html = pages::rankings_page(
        &d.app.engine(),
        &d.i18n,
        &reader("/rankings", lang),
        Some(period),
        None,
        (as_of, view),
        TODAY,
    );
    html.expect("renders").len()
}

/// The 2023 ranking on the provinces of 2023, as the review was written.
#[divan::bench(args = LANGUAGES)]
fn rankings(lang: &str) -> usize {
    ranking(lang, pages::AsOf::PeriodEnd, pages::View::Bars)
}

/// The 2023 ranking as tile maps of the 63 provinces of 2023.
#[divan::bench(args = LANGUAGES)]
fn rankings_map(lang: &str) -> usize {
    ranking(lang, pages::AsOf::PeriodEnd, pages::View::Map)
}

/// The 2023 ranking on today's 34 provinces: scorecards carried, growth shown unmerged.
#[divan::bench(args = LANGUAGES)]
fn rankings_carried(lang: &str) -> usize {
    ranking(lang, pages::AsOf::Date(TODAY), pages::View::Bars)
}

/// The demo reporter's inbox over Quảng Ninh in mid-December: reports due, overdue and sent
/// back, computed from the engine and rendered.
#[divan::bench(args = LANGUAGES)]
fn inbox(lang: &str) -> usize {
    use giamsat_core::access::{Grant, Role};
    let d = demo();
    let engine = d.app.engine();
    let province = engine
        .unit_by_code(&UnitCode::parse("22").expect("code"))
        .expect("Quảng Ninh")
        .id;
    let day = time::macros::date!(2026 - 12 - 17);
    let items = giamsat_core::inbox::inbox(&engine, &[Grant::over(Role::Reporter, province)], day);
    assert!(!items.is_empty());
    let html = pages::inbox_page(&engine, &d.i18n, &reader("/inbox", lang), &items);
    html.expect("renders").len()
}

/// A search as an office types it, over the demo and the official lists (3,400 units), and
/// its page.
#[divan::bench(args = LANGUAGES)]
fn search(lang: &str) -> usize {
    let d = demo();
    let found = d.app.search(None, "so cong thuong", 20);
    assert!(!found.is_empty());
    let html = pages::search_page(
        &d.app.engine(),
        &d.i18n,
        &reader("/search", lang),
        "so cong thuong",
        &found,
    );
    html.expect("renders").len()
}

#[divan::bench(args = LANGUAGES)]
fn units(lang: &str) -> usize {
    let d = demo();
    let html = pages::units_page(&d.app.engine(), &d.i18n, &reader("/units", lang), "", TODAY);
    html.expect("renders").len()
}

#[divan::bench(args = LANGUAGES)]
fn unit(lang: &str) -> usize {
    let d = demo();
    let engine = d.app.engine();
    let unit = engine
        .unit_by_code(&UnitCode::parse("40").expect("code"))
        .expect("Nghệ An");
    let html = pages::unit_page(&engine, &d.i18n, &reader("/units/40", lang), unit, None);
    html.expect("renders").len()
}

#[divan::bench(args = LANGUAGES)]
fn unit_report(lang: &str) -> usize {
    let d = demo();
    let reader = reader("/units/40/report", lang);
    let html = pages::unit_report_page(&d.app.engine(), &d.i18n, &reader, "40", Some("2023"));
    html.expect("renders").len()
}

#[divan::bench(args = LANGUAGES)]
fn review(lang: &str) -> usize {
    let d = demo();
    let reader = reader("/rankings/review", lang);
    let html = pages::review_page(&d.app.engine(), &d.i18n, &reader, Some("2023"));
    html.expect("renders").len()
}

#[divan::bench(args = LANGUAGES)]
fn entry(lang: &str) -> usize {
    let d = demo();
    let html = pages::entry_page(
        &d.app.engine(),
        &d.i18n,
        &reader("/entry", lang),
        "40",
        "2023-06",
    );
    html.expect("renders").len()
}
