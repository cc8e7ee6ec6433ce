//! The checks of a regime's reports: the validation page in each language, the form that
//! sets a rule, a report refused for a broken rule, and the JSON API.

use crate::TestServer;
use crate::pages::{check_accessible_structure, english_only_words, main_text};

const PAGE: &str = "/reports/QN-SO-THANG/validation?period=2026-11";

#[tokio::test]
async fn the_validation_page_shows_the_demos_findings_in_each_language() {
    let server = TestServer::start(true).await;
    let english = english_only_words();
    let french = crate::pages::message_words("fr");
    for (lang, expected) in [
        (
            "vi",
            [
                "Kiểm tra số liệu",
                "Vi phạm quy tắc",
                "Giải ngân vốn đầu tư công: bắt buộc phải có số liệu.",
                "109,2 so với 57,0 kỳ trước (+91,58%)",
                "Mọi chỉ tiêu: thay đổi quá 30,00% so với kỳ trước",
            ],
        ),
        (
            "en",
            [
                "Checks of the figures",
                "Rule broken",
                "Public investment disbursed: a figure is required.",
                "109.2 against 57.0 the previous period (+91.58%)",
                "Every indicator: a change of more than 30.00%",
            ],
        ),
        (
            "fr",
            [
                "Contrôles des chiffres",
                "Règle enfreinte",
                "Investissement public décaissé : un chiffre est obligatoire.",
                "109,2 contre 57,0 la période précédente (+91,58\u{202f}%)",
                "Tous les indicateurs : une variation de plus de 30,00\u{202f}%",
            ],
        ),
    ] {
        let path = format!("{PAGE}&lang={lang}");
        let response = server
            .client
            .get(server.url(&path))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), 200, "{path}");
        let html = response.text().await.expect("body");
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{path}");
        check_accessible_structure(&path, &html);
        for text in expected {
            assert!(
                html.contains(text),
                "{path}: {text:?} in {}",
                main_text(&html)
            );
        }
        // The department that explained its outlier, with its words; the one missing its
        // figures twice; the others with nothing to report.
        assert!(html.contains("Giải ngân dồn cho dự án đường nối khu công nghiệp"));
        assert_eq!(html.matches("data-kind=\"violation\"").count(), 2, "{path}");
        assert_eq!(html.matches("data-kind=\"outlier\"").count(), 1, "{path}");
        assert!(
            html.contains("id=\"rule-form\""),
            "an administrator sets rules"
        );
        if lang != "en" {
            // The demo's explanation is data, written in both languages by its reporter.
            let mut text = main_text(&html);
            if let (Some(from), Some(to)) = (text.find("Catch-up"), text.find("close")) {
                text.replace_range(from..to + "close".len(), "");
            }
            let found: Vec<&str> = text
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| english.contains(&w.to_lowercase()))
                .filter(|w| lang != "fr" || !french.contains(&w.to_lowercase()))
                .collect();
            assert!(found.is_empty(), "{path}: English {found:?}");
        }
    }
    // Reached from the period's reports and from each report.
    for from in [
        "/reports/QN-SO-THANG?period=2026-11",
        "/reports/QN-SO-THANG/2026-11/22-STC",
    ] {
        let html = server.text(from).await;
        assert!(html.contains(PAGE), "{from} links to the checks");
    }
    // October's reports were all in order.
    let october = server
        .text("/reports/QN-SO-THANG/validation?period=2026-10&lang=en")
        .await;
    assert!(october.contains("Every report meets the rules"));
}

#[tokio::test]
async fn an_office_sets_a_rule_by_the_form_and_a_report_breaking_it_is_refused() {
    let server = TestServer::start(true).await;
    let (client, session, csrf) =
        crate::security::browser_session(&server, "office", Some("22-UBND")).await;
    let cookie = format!("giamsat_session={session}");
    let post = |path: &str, fields: Vec<(&str, &str)>| {
        let mut fields = fields;
        fields.push(("csrf", csrf.as_str()));
        client
            .post(server.url(path))
            .header("cookie", &cookie)
            .header("origin", server.url(""))
            .form(&fields)
            .send()
    };
    let bad = post(
        "/reports/QN-SO-THANG/validation?period=2026-11&lang=vi",
        vec![
            ("check", "bounds"),
            ("indicator", "ADMIN_FILES_RESOLVED"),
            ("min", "500"),
            ("max", "100"),
        ],
    )
    .await
    .expect("post");
    assert_eq!(bad.status().as_u16(), 422);
    let html = bad.text().await.expect("body");
    assert!(
        html.contains("Mức tối thiểu lớn hơn mức tối đa."),
        "{}",
        main_text(&html)
    );
    let good = post(
        "/reports/QN-SO-THANG/validation?period=2026-11",
        vec![
            ("check", "bounds"),
            ("indicator", "ADMIN_FILES_RESOLVED"),
            ("min", "0"),
            ("max", "150"),
        ],
    )
    .await
    .expect("post");
    assert_eq!(good.status().as_u16(), 303);
    assert_eq!(good.headers()["location"], PAGE);
    let page = server.text(&format!("{PAGE}&lang=en")).await;
    assert!(
        page.contains("Administrative files resolved: from 0 to 150"),
        "{}",
        main_text(&page)
    );

    // The Department of Finance has entered nothing for November: its report is refused,
    // the rule named in the reader's language.
    let (reporter, session, csrf) =
        crate::security::browser_session(&server, "reporter", Some("22-STC")).await;
    let refused = reporter
        .post(server.url("/reports/QN-SO-THANG/2026-11/22-STC?lang=vi"))
        .header("cookie", format!("giamsat_session={session}"))
        .header("origin", server.url(""))
        .form(&[("action", "submit"), ("csrf", csrf.as_str())])
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status().as_u16(), 422);
    let html = refused.text().await.expect("body");
    // Every rule broken is named, each figure by its indicator.
    for text in [
        "Giải ngân vốn đầu tư công: bắt buộc phải có số liệu.",
        "Hồ sơ thủ tục hành chính được giải quyết: bắt buộc phải có số liệu.",
    ] {
        assert!(html.contains(text), "{text}: {}", main_text(&html));
    }
    // On an English page, the indicators are named in English too.
    let refused = reporter
        .post(server.url("/reports/QN-SO-THANG/2026-11/22-STC?lang=en"))
        .header("cookie", format!("giamsat_session={session}"))
        .header("origin", server.url(""))
        .form(&[("action", "submit"), ("csrf", csrf.as_str())])
        .send()
        .await
        .expect("post");
    assert_eq!(refused.status().as_u16(), 422);
    let html = refused.text().await.expect("body");
    assert!(
        html.contains("Public investment disbursed: a figure is required."),
        "{}",
        main_text(&html)
    );
}

#[tokio::test]
async fn the_validation_report_and_rules_are_served_as_json() {
    let server = TestServer::start(true).await;
    let (status, report) = server
        .get_json("/api/v1/regimes/QN-SO-THANG/validation?period=2026-11")
        .await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["period"], "2026-11");
    let units = report["units"].as_array().expect("units");
    let sct = units
        .iter()
        .find(|u| u["unit"] == "22-SCT")
        .expect("22-SCT");
    assert_eq!(sct["state"], "approved");
    assert_eq!(
        sct["outliers"][0]["indicator"],
        "PUBLIC_INVESTMENT_DISBURSED"
    );
    assert_eq!(
        sct["outliers"][0]["against"][0]["against"],
        "previous_period"
    );
    assert!(
        sct["outliers"][0]["explanation"]
            .as_str()
            .is_some_and(|e| e.starts_with("Giải ngân dồn"))
    );
    let stc = units
        .iter()
        .find(|u| u["unit"] == "22-STC")
        .expect("22-STC");
    let rules: Vec<&str> = stc["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .filter_map(|v| v["rule"].as_str())
        .collect();
    assert_eq!(rules, ["missing", "missing"]);

    let (status, rule) = server
        .post_json(
            "/api/v1/regimes/QN-SO-THANG/rules",
            serde_json::json!({"check": "outliers", "indicator": "ADMIN_FILES_RESOLVED", "change": 10}),
        )
        .await;
    assert_eq!(status, 201, "{rule}");
    assert_eq!(rule["indicator"], "ADMIN_FILES_RESOLVED");
    assert_eq!(rule["change"], 0.1);
    let (status, refused) = server
        .post_json(
            "/api/v1/regimes/QN-SO-THANG/rules",
            serde_json::json!({"check": "part_of", "indicator": "ADMIN_FILES_RESOLVED", "whole": "ADMIN_FILES_RESOLVED"}),
        )
        .await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(refused["error"]["details"][0]["code"], "bad_rule");
    let (status, listed) = server.get_json("/api/v1/regimes/QN-SO-THANG/rules").await;
    assert_eq!(status, 200);
    assert_eq!(listed.as_array().map(Vec::len), Some(6));
    let (status, _) = server.get_json("/api/v1/regimes/NOPE/validation").await;
    assert_eq!(status, 404);
}
