//! Pages with a country's worth of units and targets behind them: long lists are shown a
//! page at a time, the links between pages keep the reader's choices, and no page grows with
//! the data.

use std::fmt::Write as _;

use giamsat_app::{Actor, ImportKind, ImportOptions};

use crate::TestServer;

/// Communes of the province the tests build: more than a real province has, so that a page
/// that listed them whole would weigh far over 100 KB.
const COMMUNES: usize = 2_500;
/// Indicators with a target for the province in each of 2023 and 2024.
const INDICATORS: usize = 40;

/// A server holding one province of [`COMMUNES`] communes and [`INDICATORS`] targets a year
/// for two years, written through the application layer's imports.
async fn big_province() -> TestServer {
    let server = TestServer::start(false).await;
    let app = &server.state.app;
    let actor = Actor::named("test");
    let mut units =
        String::from("code,kind,parent,name_vi\nVN,nation,,Việt Nam\nP1,locality,VN,Tỉnh Một\n");
    for i in 0..COMMUNES {
        writeln!(units, "P1-{i:04},locality,P1,Xã {i:04}").expect("write");
    }
    let mut indicators = String::from("code,name_vi,direction,across_units,over_time\n");
    for i in 0..INDICATORS {
        writeln!(
            indicators,
            "I{i:02},Chỉ tiêu {i:02},higher_is_better,sum,flow"
        )
        .expect("write");
    }
    let documents = "key,doc_type,issued_by,title_vi\nKH-1,plan,P1,Kế hoạch\n".to_owned();
    let mut targets = String::from("document,indicator,unit,period,value\n");
    for year in [2023, 2024] {
        for i in 0..INDICATORS {
            writeln!(targets, "KH-1,I{i:02},P1,{year},{}", 100 + i).expect("write");
        }
    }
    for (kind, file, data) in [
        (ImportKind::Units, "units.csv", units),
        (ImportKind::Indicators, "indicators.csv", indicators),
        (ImportKind::Documents, "documents.csv", documents),
        (ImportKind::Targets, "targets.csv", targets),
    ] {
        app.import(
            &actor,
            kind,
            file,
            data.as_bytes(),
            ImportOptions::default(),
        )
        .await
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    server
}

/// The ids of the target rows of a page, in order.
fn target_ids(html: &str) -> Vec<String> {
    html.split("<tr id=\"target-")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

/// An attribute's text as the browser reads it (askama writes `&` as `&#38;`).
fn unescape(text: &str) -> String {
    text.replace("&#38;", "&").replace("&amp;", "&")
}

/// The `href` of the pager's link `rel` (`next` or `prev`), unescaped.
fn pager_link(html: &str, rel: &str) -> Option<String> {
    let at = html.find(&format!("rel=\"{rel}\""))?;
    let start = html[..at].rfind("href=\"")? + 6;
    let href = html[start..].split('"').next()?;
    Some(unescape(href))
}

#[tokio::test]
async fn the_overview_shows_a_periods_targets_a_page_at_a_time_and_keeps_the_period() {
    let server = big_province().await;
    let first = server.text("/?period=2023&lang=en").await;
    let ids = target_ids(&first);
    assert_eq!(ids.len(), 25, "a page of rows");
    assert!(first.contains("1–25 of 40"), "how many in all");
    assert!(first.contains("Targets of 2023"));
    let next = pager_link(&first, "next").expect("a next page");
    assert_eq!(next, "/?period=2023&page=2");
    assert!(pager_link(&first, "prev").is_none());

    let second = server.text(&format!("{next}&lang=en")).await;
    let more = target_ids(&second);
    assert_eq!(more.len(), 15, "the rest");
    assert!(ids.iter().all(|id| !more.contains(id)), "the next items");
    assert!(second.contains("26–40 of 40"));
    assert_eq!(
        pager_link(&second, "prev").as_deref(),
        Some("/?period=2023")
    );
    assert!(pager_link(&second, "next").is_none());
    // The period is kept: every row of both pages is of 2023.
    let rows = first.matches("<td data-label=\"Period\">2023</td>").count()
        + second
            .matches("<td data-label=\"Period\">2023</td>")
            .count();
    assert_eq!(rows, 40);
    assert!(!second.contains(">2024</td>"));

    // A page beyond the last shows the last.
    let beyond = server.text("/?period=2023&page=99&lang=en").await;
    assert_eq!(target_ids(&beyond), more);
}

#[tokio::test]
async fn a_province_lists_its_communes_and_targets_a_page_at_a_time_in_each_language() {
    let server = big_province().await;
    for (lang, shown) in [
        ("vi", "1–100 trong 2.500"),
        ("en", "1–100 of 2,500"),
        ("fr", "1–100 sur 2\u{202f}500"),
    ] {
        let html = server.text(&format!("/units/P1?lang={lang}")).await;
        assert!(html.contains(shown), "{lang}: {shown}");
        assert!(html.len() < 100_000, "{lang}: {} bytes", html.len());
        assert_eq!(html.matches("href=\"/units/P1-").count(), 100, "{lang}");
        assert_eq!(target_ids(&html).len(), 25, "{lang}");
    }
    // Both lists page on their own, each keeping the other's page.
    let html = server.text("/units/P1?page=2&children=3").await;
    assert!(html.contains("href=\"/units/P1-0200\"") && !html.contains("href=\"/units/P1-0199\""));
    assert_eq!(target_ids(&html).len(), 25);
    let links: Vec<String> = html
        .split("href=\"")
        .skip(1)
        .filter_map(|h| h.split('"').next())
        .map(unescape)
        .collect();
    assert!(
        links.contains(&"/units/P1?page=2&children=4".to_owned()),
        "{links:?}"
    );
    assert!(
        links.contains(&"/units/P1?children=3&page=3".to_owned()),
        "{links:?}"
    );
    assert!(
        links.contains(&"/units/P1?children=3".to_owned()),
        "{links:?}"
    );
}

#[tokio::test]
async fn no_dashboard_page_grows_with_the_number_of_units_and_targets() {
    let server = big_province().await;
    for path in [
        "/",
        "/units",
        "/units/P1",
        "/rankings",
        "/indicators/I01?unit=P1",
        "/indicators/I01",
    ] {
        for lang in ["vi", "en", "fr"] {
            let separator = if path.contains('?') { '&' } else { '?' };
            let response = server
                .client
                .get(server.url(&format!("{path}{separator}lang={lang}")))
                .send()
                .await
                .expect("request");
            assert_eq!(response.status().as_u16(), 200, "{path}");
            let html = response.text().await.expect("body");
            assert!(
                html.len() < 100_000,
                "{path} in {lang}: {} bytes",
                html.len()
            );
            assert!(target_ids(&html).len() <= 25, "{path}");
        }
    }
}
