//! Every page, in each language: the list below names a real address for each page the web
//! router serves (a test checks that none is forgotten), and each is fetched in vi, en and fr
//! by an administrator, who sees every form. A Vietnamese or French page shows no word of the
//! interface's English messages; in Chromium at a phone's 390 px no page scrolls sideways.

use crate::TestServer;
use crate::browser::Browser;
use crate::pages::{english_only_words, main_text, message_words};

/// Each page of the web router, at an address with the demo's data behind it. `{task}` and
/// `{target}` are replaced by the id of one of the demo's tasks and targets.
const EVERY_PAGE: &[&str] = &[
    "/",
    "/inbox",
    "/account",
    "/documents",
    "/documents/new",
    "/documents/4",
    "/documents/4/targets/new",
    "/indicators/new",
    "/indicators/RETAIL_SALES?unit=40",
    "/indicators/RETAIL_SALES/edit",
    "/documents/4/edit",
    "/targets/{target}",
    "/indicators/PUBLIC_INVESTMENT_DISBURSED?unit=22-SXD",
    "/rankings",
    "/rankings?period=2023&indicator=GRDP_GROWTH&view=map",
    "/rankings/review?period=2023",
    "/units",
    "/units/40",
    "/units/40?children=2",
    "/units/22-SXD",
    "/units/new?parent=40",
    "/units/40/report?period=2023",
    "/entry?unit=40&period=2023-06",
    "/entry/form?unit=40&period=2023-06",
    "/reports",
    "/reports/QN-SO-THANG?period=2026-11",
    "/reports/QN-SO-THANG/validation?period=2026-11",
    "/reports/QN-SO-THANG/2026-11/22-SXD",
    "/reports/QN-SO-THANG/2026-11/22-SYT",
    "/tasks",
    "/tasks/{task}",
    "/supervision",
    "/supervision/sessions/new",
    "/supervision/sessions/9",
    "/supervision/sessions/9/notice",
    "/people",
    "/people?q=nguyen+duc",
    "/people/{person}",
    "/recommendations",
    "/intake",
    "/search?q=so+cong+thuong",
    "/search?q=215%2FKH-UBND",
    "/admin/accounts",
    "/audit",
];

/// Addresses the router serves that are not HTML pages (files, probes, form targets), or
/// that need a file sent first (a report read by intake, whose review page the intake tests
/// open).
const NOT_PAGES: &[&str] = &[
    "/login",
    "/logout",
    "/healthz",
    "/readyz",
    "/metrics",
    "/assets/app.css",
    "/assets/icon.svg",
    "/exports/{file}",
    "/evidence/{sha256}",
    "/intake/{sha256}",
];

/// The GET routes of the web router, read from its source: `.route("/path", get(…))`.
fn page_routes() -> Vec<String> {
    let source = include_str!("../../../giamsat-web/src/lib.rs");
    let mut routes = Vec::new();
    for call in source.split(".route(").skip(1) {
        let Some(path) = call.split('"').nth(1) else {
            continue;
        };
        // A piece runs from its `.route(` to the next: its own path and handlers.
        let gets = call.contains("get(");
        if gets
            && path.starts_with('/')
            && !path.ends_with(".docx")
            && !path.ends_with(".xlsx")
            && !path.ends_with(".csv")
        {
            routes.push(path.to_owned());
        }
    }
    routes
}

/// Whether an address (without its query) is one of a route's: `{…}` matches one segment.
fn matches(route: &str, address: &str) -> bool {
    let address = address.split('?').next().unwrap_or(address);
    let (r, a): (Vec<_>, Vec<_>) = (route.split('/').collect(), address.split('/').collect());
    r.len() == a.len()
        && r.iter()
            .zip(&a)
            .all(|(r, a)| (r.starts_with('{') && !a.is_empty()) || r == a)
}

#[test]
fn every_page_of_the_router_is_in_the_sweep() {
    let routes = page_routes();
    assert!(
        routes.len() > 20,
        "the router's routes were not read: {routes:?}"
    );
    let forgotten: Vec<_> = routes
        .iter()
        .filter(|r| !NOT_PAGES.contains(&r.as_str()))
        .filter(|r| !EVERY_PAGE.iter().any(|a| matches(r, a)))
        .collect();
    assert!(forgotten.is_empty(), "pages not swept: {forgotten:?}");
}

async fn addresses(server: &TestServer) -> Vec<String> {
    let (_, tasks) = server.get_json("/api/v1/tasks?limit=1").await;
    let task = tasks[0]["id"].as_u64().expect("a demo task");
    let (_, targets) = server.get_json("/api/v1/targets?limit=1").await;
    let target = targets[0]["id"].as_u64().expect("a demo target");
    // A person with a position, whose page shows it and its forms.
    let (_, people) = server.get_json("/api/v1/people").await;
    let person = people
        .as_array()
        .and_then(|all| {
            all.iter()
                .find(|p| p["positions"].as_array().is_some_and(|x| !x.is_empty()))
        })
        .and_then(|p| p["id"].as_u64())
        .expect("a demo person with a position");
    EVERY_PAGE
        .iter()
        .map(|a| {
            a.replace("{task}", &task.to_string())
                .replace("{target}", &target.to_string())
                .replace("{person}", &person.to_string())
        })
        .collect()
}

fn with_lang(address: &str, lang: &str) -> String {
    let separator = if address.contains('?') { '&' } else { '?' };
    format!("{address}{separator}lang={lang}")
}

/// Text of the demo's own records that is English as its source wrote it (citations of
/// sources, a reporter's explanation and an office's reason written in both languages, the
/// demo's account names): data, not the interface.
const ENGLISH_DATA: &[&str] = &[
    "Demo (illustrative, no source report)",
    "Catch-up disbursement for the industrial-zone road before the year",
    "accounts close",
    "The files resolved do not match the public service portal: please check them",
    "demo.admin",
    "demo.office",
    "demo.reporter",
    "demo.supervisor",
    "demo.viewer",
    // The account that loaded the demo.
    "demo",
];

/// The page without the elements marked as written in another language (`lang="en"` on a
/// unit's English name): those are the record's words, not the interface's.
fn without_other_languages(html: &str, lang: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(" lang=\"") {
        let value_start = at + " lang=\"".len();
        let value = rest[value_start..].split('"').next().unwrap_or_default();
        let tag_start = rest[..at].rfind('<').unwrap_or(at);
        let tag = rest[tag_start + 1..at]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned();
        if value == lang || tag == "html" || tag.is_empty() {
            out.push_str(&rest[..value_start]);
            rest = &rest[value_start..];
            continue;
        }
        out.push_str(&rest[..tag_start]);
        let close = format!("</{tag}>");
        rest = rest[at..]
            .find(&close)
            .map_or("", |end| &rest[at + end + close.len()..]);
    }
    out.push_str(rest);
    out
}

#[tokio::test]
async fn no_vietnamese_or_french_page_shows_the_interfaces_english() {
    let server = TestServer::start(true).await;
    let english = english_only_words();
    let french = message_words("fr");
    let mut found = Vec::new();
    for address in addresses(&server).await {
        for lang in ["vi", "en", "fr"] {
            let path = with_lang(&address, lang);
            let response = server
                .client
                .get(server.url(&path))
                .send()
                .await
                .expect("request");
            assert_eq!(response.status().as_u16(), 200, "{path}");
            let html = response.text().await.expect("body");
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{path}");
            if lang == "en" {
                continue;
            }
            let mut text = main_text(&without_other_languages(&html, lang));
            for data in ENGLISH_DATA {
                text = text.replace(data, " ");
            }
            let words: Vec<&str> = text
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| english.contains(&w.to_lowercase()))
                .filter(|w| lang != "fr" || !french.contains(&w.to_lowercase()))
                .collect();
            if !words.is_empty() {
                found.push(format!("{path}: {words:?}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "English on the page:\n{}",
        found.join("\n")
    );
}

#[tokio::test]
async fn no_page_scrolls_sideways_on_a_phone_in_any_language() {
    let server = TestServer::start(true).await;
    let browser = Browser::signed_in(&server, "admin", None).await;
    browser
        .client
        .set_window_size(390, 900)
        .await
        .expect("resize");
    let mut wide = Vec::new();
    for address in addresses(&server).await {
        for lang in ["vi", "en", "fr"] {
            let path = with_lang(&address, lang);
            browser.open(&server, &path).await;
            let overflow = browser
                .client
                .execute(
                    "const W = document.documentElement.clientWidth;
                     if (document.documentElement.scrollWidth <= W) return null;
                     return [...document.querySelectorAll('body *')]
                       .filter(e => e.getBoundingClientRect().right > W + 1)
                       .slice(0, 5)
                       .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className)
                       .join(', ');",
                    vec![],
                )
                .await
                .expect("measure");
            if let Some(elements) = overflow.as_str() {
                wide.push(format!("{path}: {elements}"));
            }
        }
    }
    assert!(wide.is_empty(), "wider than 390 px:\n{}", wide.join("\n"));
}
