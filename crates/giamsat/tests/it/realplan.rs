//! The demo holds a real province's published plan: Nghệ An's Resolution 104/NQ-HĐND on
//! 2025, its targets with statuses computed from the figures the province published, and
//! each figure's source on its indicator's page.

use std::collections::BTreeMap;

use giamsat_app::demo_plan::{FIGURES, NUMBER, TARGETS};

use crate::TestServer;

async fn html(server: &TestServer, path: &str) -> String {
    let response = server
        .client
        .get(server.url(path))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 200, "{path}");
    response.text().await.expect("body")
}

/// The documents page's link to the document whose number is `number`.
fn document_link(list: &str, number: &str) -> String {
    let at = list.find(number).expect("the document is listed");
    let row = &list[at..];
    let start = row.find("href=\"/documents/").expect("its link") + "href=\"".len();
    let end = start + row[start..].find('"').expect("link end");
    row[start..end].to_owned()
}

/// Each target row's indicator and status, in the page's order.
fn statuses(page: &str) -> BTreeMap<String, String> {
    page.split("<tr id=\"target-")
        .skip(1)
        .filter_map(|row| {
            let attr = |name: &str| {
                let start = row.find(&format!("{name}=\""))? + name.len() + 2;
                let end = start + row[start..].find('"')?;
                Some(row[start..end].to_owned())
            };
            Some((attr("data-indicator")?, attr("data-status")?))
        })
        .collect()
}

#[tokio::test]
async fn the_demo_holds_nghe_an_s_2025_plan_with_its_published_figures_and_their_sources() {
    let server = TestServer::start(true).await;
    let list = html(&server, "/documents?lang=vi").await;
    let link = document_link(&list, NUMBER);
    let page = html(&server, &format!("{link}?lang=vi")).await;
    assert!(
        page.contains("Hội đồng nhân dân tỉnh Nghệ An"),
        "issuer by name"
    );
    assert!(page.contains("kế hoạch phát triển kinh tế - xã hội năm 2025"));
    let found = statuses(&page);
    let expected: BTreeMap<String, String> = [
        // 8.44% against at least 9.5%.
        ("GRDP_GROWTH", "off_track"),
        // 29,211 against 17,726 VND billion.
        ("STATE_BUDGET_REVENUE", "achieved"),
        // USD 4.5 billion against 4.5.
        ("EXPORTS", "achieved"),
        // 25,062 ha against 20,000.
        ("NEW_FOREST", "achieved"),
        // 300,838 tonnes against 290,000.
        ("AQUATIC_OUTPUT", "achieved"),
        // Nothing published: nothing invented.
        ("GRDP_PER_CAPITA", "no_data"),
        ("POVERTY_REDUCTION", "no_data"),
        ("FOREST_COVER", "no_data"),
    ]
    .into_iter()
    .map(|(i, s)| (i.to_owned(), s.to_owned()))
    .collect();
    assert_eq!(found, expected);
    assert_eq!(
        TARGETS.iter().filter(|t| t.0 == NUMBER).count(),
        expected.len()
    );
    // The year's GRDP growth shows as published, in the reader's numbers.
    assert!(page.contains("8,44"), "vi numbers");
    let en = html(&server, &format!("{link}?lang=en")).await;
    assert!(en.contains("Resolution on the socio-economic development plan for 2025"));
    assert!(
        en.contains("Nghe An Provincial People&#39;s Council")
            || en.contains("Nghe An Provincial People's Council")
    );
    let fr = html(&server, &format!("{link}?lang=fr")).await;
    assert!(fr.contains("Résolution sur le plan de développement socio-économique pour 2025"));
    // Every published figure's source shows on its indicator's page, with the source's words.
    for (indicator, _, _, _, source, _) in FIGURES {
        for lang in ["vi", "en", "fr"] {
            let page = html(
                &server,
                &format!("/indicators/{indicator}?unit=40&lang={lang}"),
            )
            .await;
            assert!(
                page.contains(&format!("href=\"{source}\"")),
                "{indicator} in {lang} links {source}"
            );
        }
    }
    let growth = html(&server, "/indicators/GRDP_GROWTH?unit=40&lang=vi").await;
    assert!(growth.contains("Số liệu đã công bố và nguồn"));
    assert!(
        growth.contains("6 tháng đầu năm 2025")
            && growth.contains("9,25")
            && growth.contains("8,24")
    );
}

/// A cell corrected many times lists its three latest figures, newest first, and says how
/// many older ones it leaves out, in each language: the page stays the size of a page.
#[tokio::test]
async fn a_cell_corrected_many_times_lists_its_latest_figures_and_counts_the_rest() {
    let server = TestServer::start(true).await;
    for n in 1..=6 {
        let (status, body) = server
            .post_json(
                "/api/v1/observations",
                serde_json::json!({"indicator": "EXPORTS", "unit": "40", "period": "2026-11",
                    "value": format!("{n}00.5"), "kind": "estimate", "source": format!("báo cáo {n}")}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }
    let page = html(&server, "/indicators/EXPORTS?unit=40&lang=vi").await;
    let shown: Vec<usize> = (1..=6)
        .filter(|n| page.contains(&format!("báo cáo {n}<")))
        .collect();
    assert_eq!(shown, [4, 5, 6], "the three latest");
    let (six, four) = (
        page.find("báo cáo 6<").expect("6"),
        page.find("báo cáo 4<").expect("4"),
    );
    assert!(six < four, "newest first");
    assert!(page.contains("và 3 số liệu trước đó của kỳ này, không liệt kê"));
    let en = html(&server, "/indicators/EXPORTS?unit=40&lang=en").await;
    assert!(en.contains("and 3 earlier figures of this period, not listed"));
    let fr = html(&server, "/indicators/EXPORTS?unit=40&lang=fr").await;
    assert!(fr.contains("et 3 chiffres antérieurs de cette période, non listés"));
}
