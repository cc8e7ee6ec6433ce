//! The inbox: the page in each language (names, dates in the reader's way, the link where each
//! thing is done, the count in the navigation), the API for a day, and the administrator's
//! form that sets where an account's digest goes.

use crate::TestServer;

async fn html(client: &reqwest::Client, server: &TestServer, path: &str) -> String {
    let response = client.get(server.url(path)).send().await.expect("request");
    assert_eq!(response.status().as_u16(), 200, "{path}");
    response.text().await.expect("body")
}

#[tokio::test]
async fn the_inbox_page_lists_what_is_due_in_the_readers_language_with_its_count() {
    let server = TestServer::start(true).await;
    let reporter = TestServer::client_with(&server.token("reporter", Some("22")).await);
    let items = reporter
        .get(server.url("/api/v1/inbox"))
        .send()
        .await
        .expect("api")
        .json::<Vec<serde_json::Value>>()
        .await
        .expect("json");
    // Whatever today is, the demo's report returned to the Department of Health is there.
    assert!(
        items.iter().any(|i| i["kind"] == "report_returned"),
        "{items:#?}"
    );
    for (lang, unit, kind, due, reason) in [
        (
            "vi",
            "Sở Y tế Quảng Ninh",
            "Báo cáo bị trả lại",
            "Hạn 19/11/2026",
            "Lý do: Số hồ sơ giải quyết không khớp",
        ),
        (
            "en",
            "Quang Ninh Department of Health",
            "Report sent back",
            "Due 19 November 2026",
            "Reason: Số hồ sơ giải quyết không khớp",
        ),
        (
            "fr",
            "Département de la santé de Quang Ninh",
            "Rapport renvoyé",
            "Échéance le 19/11/2026",
            "Motif : Số hồ sơ giải quyết không khớp",
        ),
    ] {
        let page = html(&reporter, &server, &format!("/inbox?lang={lang}")).await;
        for expected in [unit, kind, due, reason] {
            assert!(
                page.contains(expected),
                "{lang}: {expected:?} not in the page"
            );
        }
        assert!(
            page.contains("href=\"/reports/QN-SO-THANG/2026-11/22-SYT\""),
            "{lang}: the link to the report"
        );
        // The navigation counts them, on this page and on every other.
        let count = format!("<span class=\"nav-count\">{}</span>", items.len());
        assert!(page.contains(&count), "{lang}: {count}");
        let overview = html(&reporter, &server, &format!("/?lang={lang}")).await;
        assert!(
            overview.contains(&count),
            "{lang}: the count on the overview"
        );
        assert_eq!(
            page.matches("class=\"panel inbox-item").count(),
            items.len(),
            "{lang}: one panel per item"
        );
        assert!(page.len() < 100 * 1024);
    }
    // A viewer has nothing to do, and is told when things would appear.
    let viewer = TestServer::client_with(&server.token("viewer", Some("22")).await);
    let page = html(&viewer, &server, "/inbox?lang=en").await;
    assert!(page.contains("Nothing is due."), "{page}");
    assert!(!page.contains("nav-count"));
}

#[tokio::test]
async fn the_inbox_api_answers_for_a_day_by_who_asks() {
    let server = TestServer::start(true).await;
    let get = |token: String, path: &'static str| {
        let server = &server;
        async move {
            let response = TestServer::client_with(&token)
                .get(server.url(path))
                .send()
                .await
                .expect("request");
            let status = response.status().as_u16();
            (
                status,
                response.json::<serde_json::Value>().await.expect("json"),
            )
        }
    };
    let reporter = server.token("reporter", Some("22")).await;
    let (status, items) = get(reporter.clone(), "/api/v1/inbox?on=2026-12-17").await;
    assert_eq!(status, 200);
    let reports: Vec<(String, String, String)> = items
        .as_array()
        .expect("array")
        .iter()
        .filter(|i| i["regime"] == "QN-SO-THANG")
        .map(|i| {
            (
                i["kind"].as_str().unwrap_or_default().to_owned(),
                i["unit"].as_str().unwrap_or_default().to_owned(),
                i["period"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String)> = [
        ("report_due", "22-STC", "2026-11"),
        ("report_returned", "22-SYT", "2026-11"),
        ("report_due", "22-SCT", "2026-12"),
        ("report_due", "22-STC", "2026-12"),
        ("report_due", "22-SXD", "2026-12"),
        ("report_due", "22-SYT", "2026-12"),
    ]
    .iter()
    .map(|(k, u, p)| ((*k).to_owned(), (*u).to_owned(), (*p).to_owned()))
    .collect();
    // Overdue first, then what was sent back, then by deadline, units in the tree's order.
    assert_eq!(reports, expected, "{items:#}");
    let overdue = &items[0];
    assert_eq!(
        overdue["urgency"],
        serde_json::json!({"when": "overdue", "days": 28})
    );
    assert_eq!(overdue["due"], "2026-11-19");
    assert_eq!(overdue["href"], "/reports/QN-SO-THANG/2026-11/22-STC");

    // Three days before the deadline December's reports are not due yet; the day before, they are.
    let (_, early) = get(reporter.clone(), "/api/v1/inbox?on=2026-12-15").await;
    assert!(
        early
            .as_array()
            .expect("array")
            .iter()
            .all(|i| i["period"] != "2026-12"),
        "{early:#}"
    );
    let (_, three) = get(reporter, "/api/v1/inbox?on=2026-12-16").await;
    assert!(
        three
            .as_array()
            .expect("array")
            .iter()
            .any(|i| i["period"] == "2026-12"
                && i["urgency"] == serde_json::json!({"when": "soon", "days": 3})),
        "{three:#}"
    );

    let supervisor = server.token("supervisor", Some("22")).await;
    let (_, items) = get(supervisor, "/api/v1/inbox?on=2026-12-17").await;
    assert_eq!(
        items,
        serde_json::json!([{
            "kind": "report_to_decide", "unit": "22-SXD", "regime": "QN-SO-THANG",
            "period": "2026-11", "task": null, "recommendation": null, "due": null,
            "urgency": null, "reason": null, "sent_on": "2026-11-25",
            "href": "/reports/QN-SO-THANG/2026-11/22-SXD"
        }])
    );
    // The administrator manages accounts; nothing is due for it.
    let (_, items) = server.get_json("/api/v1/inbox?on=2026-12-17").await;
    assert_eq!(items, serde_json::json!([]));
    let (status, error) = server.get_json("/api/v1/inbox?on=tomorrow").await;
    assert_eq!(status, 400, "{error}");
}

#[tokio::test]
async fn an_administrator_sets_an_accounts_email_and_language_and_a_bad_one_changes_nothing() {
    let server = TestServer::start(true).await;
    let (username, _) = server.account("reporter", Some("22")).await;
    let id = server.state.app.contacts().await.expect("contacts").len();
    assert_eq!(id, 0);
    let post = |email: &'static str, language: &'static str| {
        let server = &server;
        let username = username.clone();
        async move {
            let response = server
                .client
                .post(server.url(&format!("/admin/accounts/{username}/contact?lang=en")))
                .form(&[("email", email), ("language", language)])
                .send()
                .await
                .expect("request");
            let status = response.status().as_u16();
            (status, response.text().await.expect("body"))
        }
    };
    let (status, page) = post("lan at quangninh", "vi").await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains(&username), "the refusal names the account");
    assert!(
        server
            .state
            .app
            .contacts()
            .await
            .expect("contacts")
            .is_empty()
    );
    let (status, page) = post("lan@quangninh.gov.vn", "tlh").await;
    assert_eq!(status, 422, "{page}");
    let (status, _) = post("lan@quangninh.gov.vn", "fr").await;
    assert_eq!(status, 303);
    let contacts = server.state.app.contacts().await.expect("contacts");
    let contact = contacts.values().next().expect("one contact");
    assert_eq!(
        (contact.email.as_deref(), contact.language.as_str()),
        (Some("lan@quangninh.gov.vn"), "fr")
    );
    let page = server.text("/admin/accounts?lang=en").await;
    assert!(
        page.contains("value=\"lan@quangninh.gov.vn\""),
        "the form shows it"
    );
}
