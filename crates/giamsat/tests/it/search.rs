//! Search as an office types it (without diacritics, a document's number as written), on
//! the page in three languages and in the API; what a reader scoped to one unit finds; and
//! rankings that share ranks between equal results.

use serde_json::Value;

use crate::TestServer;

/// Every item of one kind an API search answers.
fn items<'a>(groups: &'a Value, kind: &str) -> Vec<&'a Value> {
    groups
        .as_array()
        .expect("groups")
        .iter()
        .filter(|g| g["kind"] == kind)
        .flat_map(|g| g["items"].as_array().expect("items"))
        .collect()
}

#[tokio::test]
async fn the_search_page_finds_a_department_a_document_and_a_target_in_each_language() {
    let server = TestServer::start(true).await;
    let (_, document) = server.get_json("/api/v1/documents/21-NQ-TU-2022").await;
    let title = |lang: &str| {
        document["title"][lang]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    for (lang, units, documents, targets) in [
        ("vi", "Đơn vị (", "Văn bản (", "Chỉ tiêu ("),
        ("en", "Units (", "Documents (", "Targets ("),
        ("fr", "Unités (", "Documents (", "Objectifs ("),
    ] {
        let page = server
            .text(&format!("/search?q=so+cong+thuong+nghe+an&lang={lang}"))
            .await;
        assert!(page.contains("href=\"/units/40-SCT\""), "{lang}: {page}");
        assert!(page.contains(units), "{lang}: {page}");
        // The box in the header sends here, from every page.
        assert!(page.contains("action=\"/search\" role=\"search\""));

        let page = server
            .text(&format!("/search?q=21%2FNQ-TU&lang={lang}"))
            .await;
        assert!(page.contains(documents), "{lang}: {page}");
        // Typed as the press writes it, shown as the Party writes it.
        assert!(page.contains("21-NQ/TU — "), "{lang}: {page}");
        let shown = title(lang);
        if !shown.is_empty() {
            let escaped = shown.replace('\'', "&#39;");
            assert!(page.contains(&escaped), "{lang}: {shown} in {page}");
        }

        let page = server
            .text(&format!("/search?q=ban+le+nghe+an&lang={lang}"))
            .await;
        assert!(page.contains(targets), "{lang}: {page}");
        assert!(page.contains("#target-"), "{lang}: {page}");

        // A person, by a name written without diacritics, links to their page, which links
        // to a session they attended.
        let page = server
            .text(&format!("/search?q=nguyen+duc+trung&lang={lang}"))
            .await;
        assert!(page.contains("id=\"found-person\""), "{lang}: {page}");
        let person = page
            .split("href=\"/people/")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("{lang}: no link to a person in {page}"));
        let page = server.text(&format!("/people/{person}?lang={lang}")).await;
        assert!(
            page.contains("href=\"/supervision/sessions/"),
            "{lang}: {page}"
        );

        let page = server.text(&format!("/search?q=zzqxv&lang={lang}")).await;
        assert!(page.contains("id=\"search-empty\""), "{lang}: {page}");
    }
}

#[tokio::test]
async fn the_search_api_groups_by_kind_and_bounds_what_it_is_asked() {
    let server = TestServer::start(true).await;
    let (status, found) = server.get_json("/api/v1/search?q=so%20cong%20thuong").await;
    assert_eq!(status, 200);
    let units = items(&found, "unit");
    assert!(units.iter().any(|u| u["code"] == "40-SCT"), "{found}");
    let (_, found) = server.get_json("/api/v1/search?q=21-NQ%2FTU").await;
    assert_eq!(
        items(&found, "document")[0]["code"],
        "21-NQ-TU-2022",
        "{found}"
    );
    let (_, found) = server
        .get_json("/api/v1/search?q=retail%20nghe&limit=1")
        .await;
    let targets: Vec<&Value> = found
        .as_array()
        .expect("groups")
        .iter()
        .filter(|g| g["kind"] == "target")
        .collect();
    assert_eq!(targets[0]["items"].as_array().map(Vec::len), Some(1));
    assert!(targets[0]["total"].as_u64() >= Some(1));
    let (_, blank) = server.get_json("/api/v1/search?q=%20").await;
    assert_eq!(blank, serde_json::json!([]));
    let long = "a".repeat(201);
    let (status, error) = server.get_json(&format!("/api/v1/search?q={long}")).await;
    assert_eq!(
        (status, error["error"]["code"].as_str()),
        (400, Some("bad_request"))
    );
    let (status, _) = server.get_json("/api/v1/search?q=x&limit=51").await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn a_viewer_of_one_province_does_not_find_other_units_tasks() {
    let server = TestServer::start(true).await;
    let (_, everyone) = server
        .get_json("/api/v1/search?q=so%20cong%20thuong&limit=50")
        .await;
    let all_tasks = items(&everyone, "task");
    let others: Vec<u64> = all_tasks
        .iter()
        .filter(|t| t["unit"] != "40-SCT")
        .filter_map(|t| t["id"].as_u64())
        .collect();
    assert!(
        !others.is_empty(),
        "the demo has tasks outside Nghệ An: {everyone}"
    );

    let viewer = TestServer::client_with(&server.token("viewer", Some("40")).await);
    let found: Value = viewer
        .get(server.url("/api/v1/search?q=so%20cong%20thuong&limit=50"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    let own = items(&found, "task");
    assert!(!own.is_empty(), "{found}");
    assert!(own.iter().all(|t| t["unit"] == "40-SCT"), "{found}");
    assert!(own.len() < all_tasks.len());
    // Units and documents are read by everyone signed in.
    assert!(
        items(&found, "unit")
            .iter()
            .any(|u| u["code"] == "S002-SCT")
    );

    let page = viewer
        .get(server.url("/search?q=so+cong+thuong&lang=vi"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("page");
    assert!(page.contains("href=\"/tasks/"), "{page}");
    for id in others {
        assert!(
            !page.contains(&format!("href=\"/tasks/{id}\"")),
            "task {id} in {page}"
        );
    }
}

#[tokio::test]
async fn equal_results_share_a_rank_on_the_page_and_in_the_api() {
    let server = TestServer::start(true).await;
    let (_, cards) = server
        .get_json("/api/v1/rankings/scorecards?period=2023")
        .await;
    let rank = |code: &str| {
        cards
            .as_array()
            .expect("rows")
            .iter()
            .find(|c| c["unit"] == code)
            .and_then(|c| c["rank"].as_u64())
    };
    // Hậu Giang 18/18 first; Quảng Ninh and Phú Thọ, 15/15 each, share the second rank.
    assert_eq!(
        (rank("93"), rank("22"), rank("25")),
        (Some(1), Some(2), Some(2))
    );
    let ranks: Vec<u64> = cards
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|c| c["rank"].as_u64())
        .collect();
    assert_eq!(
        ranks.get(3),
        Some(&4),
        "the rank after a tie skips: {ranks:?}"
    );

    let page = server.text("/rankings?period=2023&lang=en").await;
    assert!(page.contains("Equal results share a rank"), "{page}");
    // On today's provinces, a merged province whose former provinces were not all scored
    // is listed without a rank.
    let page = server
        .text("/rankings?period=2023&as_of=2026-01-01&lang=vi")
        .await;
    assert!(page.contains("không xếp hạng"), "{page}");
}
