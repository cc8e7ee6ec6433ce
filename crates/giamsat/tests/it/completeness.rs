//! Completeness and timeliness of the demo's monthly regime (November 2026: one report
//! approved, one returned, one sent late, one missing), on its page in each language and in
//! the JSON API; and the figures waiting for approval, which the office and the reporting unit
//! see on their dashboards and a viewer does not.

use crate::TestServer;
use crate::pages::{check_accessible_structure, main_text};
use crate::security::browser_session;

const NOVEMBER: &str = "/reports/QN-SO-THANG?period=2026-11";

/// The cells of the row whose `data-timeliness` is `timeliness`, as text.
fn row_with(html: &str, timeliness: &str) -> String {
    let start = html
        .find(&format!("data-timeliness=\"{timeliness}\""))
        .unwrap_or_else(|| panic!("no {timeliness} row in {}", main_text(html)));
    let end = html[start..]
        .find("</tr>")
        .map_or(html.len(), |e| start + e);
    main_text(&html[start..end])
}

#[tokio::test]
async fn the_completeness_page_names_the_missing_and_late_units_and_the_rates_in_each_language() {
    let server = TestServer::start(true).await;
    for (lang, summary, missing, late, rates) in [
        (
            "vi",
            "Đã nộp 3/4 báo cáo, 2 đúng hạn.",
            ["Sở Tài chính Quảng Ninh", "Chưa nộp"],
            ["Sở Xây dựng Quảng Ninh", "Trễ hạn", "25/11/2026"],
            ["75,00%", "50,00%"],
        ),
        (
            "en",
            "3 of 4 reports sent, 2 on time.",
            ["Quang Ninh Department of Finance", "Missing"],
            [
                "Quang Ninh Department of Construction",
                "Late",
                "25 November 2026",
            ],
            ["75.00%", "50.00%"],
        ),
        (
            "fr",
            "3 rapports envoyés sur 4, dont 2 à temps.",
            ["Département des finances de Quang Ninh", "Manquant"],
            [
                "Département de la construction de Quang Ninh",
                "En retard",
                "25/11/2026",
            ],
            ["75,00\u{202f}%", "50,00\u{202f}%"],
        ),
    ] {
        let path = format!("{NOVEMBER}&lang={lang}");
        let response = server
            .client
            .get(server.url(&path))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), 200, "{path}");
        let html = response.text().await.expect("body");
        check_accessible_structure(&path, &html);
        let text = main_text(&html);
        assert!(text.contains(summary), "{path}: {summary:?} in {text}");
        let row = row_with(&html, "missing");
        for expected in missing {
            assert!(row.contains(expected), "{path}: {expected:?} in {row}");
        }
        let row = row_with(&html, "late");
        for expected in late {
            assert!(row.contains(expected), "{path}: {expected:?} in {row}");
        }
        assert_eq!(html.matches("data-timeliness=\"missing\"").count(), 1);
        assert_eq!(html.matches("data-timeliness=\"late\"").count(), 1);
        // The province's row of the rates up the tree: four expected, three sent, two on time.
        let rates_table = &html[html.find("id=\"cycle-rates\"").expect("rates table")..];
        for expected in rates {
            assert!(
                main_text(rates_table).contains(expected),
                "{path}: {expected:?} in the rates"
            );
        }
        // The chart of the rates over the last twelve months, with its values as a table.
        assert!(html.contains("<svg"), "{path}: no chart of the rates");
    }
}

#[tokio::test]
async fn completeness_is_served_as_json_with_the_rates_up_the_tree_and_over_periods() {
    let server = TestServer::start(true).await;
    let (status, regimes) = server.get_json("/api/v1/regimes").await;
    assert_eq!(status, 200, "{regimes}");
    let regime = &regimes[0];
    assert_eq!(regime["code"], "QN-SO-THANG");
    assert_eq!(regime["frequency"], "monthly");
    assert_eq!(regime["recipient"], "22-UBND");

    let (status, c) = server
        .get_json("/api/v1/regimes/QN-SO-THANG/completeness?period=2026-11")
        .await;
    assert_eq!(status, 200, "{c}");
    assert_eq!(c["window_first"], "2026-10-15");
    assert_eq!(c["window_last"], "2026-11-14");
    assert_eq!(
        c["total"],
        serde_json::json!({"expected": 4, "sent": 3, "on_time": 2, "completeness": 75.0, "timeliness": 50.0})
    );
    let state_of = |unit: &str| {
        c["reports"]
            .as_array()
            .expect("reports")
            .iter()
            .find(|r| r["unit"] == unit)
            .map(|r| (r["state"].clone(), r["timeliness"].clone()))
            .unwrap_or_else(|| panic!("no report of {unit} in {c}"))
    };
    assert_eq!(state_of("22-SCT"), ("approved".into(), "on_time".into()));
    assert_eq!(state_of("22-SYT"), ("returned".into(), "on_time".into()));
    assert_eq!(state_of("22-SXD"), ("submitted".into(), "late".into()));
    assert_eq!(state_of("22-STC"), ("draft".into(), "missing".into()));
    // Rolled up: the province counts its four departments, each department itself.
    let rolled = |unit: &str| {
        c["by_unit"]
            .as_array()
            .expect("by_unit")
            .iter()
            .find(|r| r["unit"] == unit)
            .map(|r| (r["expected"].clone(), r["sent"].clone()))
    };
    assert_eq!(rolled("22"), Some((4.into(), 3.into())));
    assert_eq!(rolled("22-STC"), Some((1.into(), 0.into())));
    // Twelve months up to November; January to October were all sent on time.
    let history = c["history"].as_array().expect("history");
    assert_eq!(history.len(), 12);
    assert_eq!(history[11]["period"], "2026-11");
    assert_eq!(history[10]["period"], "2026-10");
    assert_eq!(history[10]["timeliness"], 100.0);

    let (status, body) = server
        .get_json("/api/v1/regimes/QN-SO-THANG/completeness?period=2026")
        .await;
    assert_eq!(status, 400, "a year is not a month: {body}");
    let (status, body) = server
        .get_json("/api/v1/regimes/NOPE/completeness?period=2026-11")
        .await;
    assert_eq!(status, 404, "{body}");
}

async fn page(server: &TestServer, client: &reqwest::Client, session: &str, path: &str) -> String {
    let response = client
        .get(server.url(path))
        .header("cookie", format!("giamsat_session={session}"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 200, "{path}");
    response.text().await.expect("body")
}

#[tokio::test]
async fn figures_awaiting_approval_show_to_the_office_and_the_unit_until_approved() {
    let server = TestServer::start(true).await;
    let (office, office_session, csrf) = browser_session(&server, "office", Some("22")).await;
    let (viewer, viewer_session, _) = browser_session(&server, "viewer", Some("22")).await;
    let (unit, unit_session, _) = browser_session(&server, "reporter", Some("22-SXD")).await;
    let awaiting = |html: &str| {
        html.find("id=\"awaiting\"").map(|start| {
            main_text(&html[start..start + html[start..].find("</section>").unwrap_or(0)])
        })
    };
    for (lang, title, unit_name, marked) in [
        (
            "vi",
            "Số liệu chờ duyệt",
            "Sở Xây dựng Quảng Ninh",
            "chưa được duyệt",
        ),
        (
            "en",
            "Figures awaiting approval",
            "Quang Ninh Department of Construction",
            "not yet approved",
        ),
        (
            "fr",
            "Chiffres en attente d’approbation",
            "Département de la construction de Quang Ninh",
            "pas encore approuvé",
        ),
    ] {
        let html = page(&server, &office, &office_session, &format!("/?lang={lang}")).await;
        let list = awaiting(&html).unwrap_or_else(|| panic!("{lang}: no figures awaiting"));
        for expected in [title, unit_name, marked] {
            assert!(list.contains(expected), "{lang}: {expected:?} in {list}");
        }
        // The department sees its own, on its page; not the Department of Health's.
        let html = page(
            &server,
            &unit,
            &unit_session,
            &format!("/units/22-SXD?lang={lang}"),
        )
        .await;
        let list = awaiting(&html).unwrap_or_else(|| panic!("{lang}: the unit sees none"));
        assert!(list.contains(unit_name), "{lang}: {list}");
        // A viewer sees published figures only, and no list of the others.
        let html = page(&server, &viewer, &viewer_session, &format!("/?lang={lang}")).await;
        assert_eq!(awaiting(&html), None, "{lang}: a viewer sees drafts");
    }
    let html = page(&server, &unit, &unit_session, "/?lang=en").await;
    let list = awaiting(&html).expect("the unit's figures");
    assert!(
        !list.contains("Department of Health"),
        "a department sees another's drafts: {list}"
    );

    // Approved, the Department of Construction's November leaves the list.
    let approved = office
        .post(server.url("/reports/QN-SO-THANG/2026-11/22-SXD"))
        .header("cookie", format!("giamsat_session={office_session}"))
        .header("origin", server.url(""))
        .form(&[("action", "approve"), ("csrf", csrf.as_str())])
        .send()
        .await
        .expect("approve");
    assert_eq!(approved.status().as_u16(), 303);
    let html = page(&server, &office, &office_session, "/?lang=en").await;
    let list = awaiting(&html).expect("the Department of Health's are still waiting");
    assert!(!list.contains("Department of Construction"), "{list}");
    assert!(list.contains("Department of Health"), "{list}");
}
