use crate::TestServer;

async fn page(
    server: &TestServer,
    path: &str,
    accept_language: Option<&str>,
) -> (String, Option<String>) {
    let mut request = server.client.get(server.url(path));
    if let Some(language) = accept_language {
        request = request.header("Accept-Language", language);
    }
    let response = request.send().await.expect("request");
    assert_eq!(response.status().as_u16(), 200);
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (response.text().await.expect("body"), cookie)
}

#[tokio::test]
async fn the_targets_page_speaks_the_readers_language() {
    let server = TestServer::start(true).await;
    let (vi, _) = page(&server, "/", None).await;
    assert!(vi.contains("<html lang=\"vi\">"));
    assert!(vi.contains("Chỉ tiêu và tình trạng thực hiện"));
    assert!(
        vi.contains("Chậm tiến độ") && vi.contains("Có nguy cơ") && vi.contains("Đúng tiến độ")
    );
    assert!(
        vi.contains("36.539") && vi.contains("42,98%") && vi.contains("+9,63%"),
        "Vietnamese numbers"
    );
    assert!(vi.contains("5 tháng đầu năm 2023"));
    let (en, _) = page(&server, "/", Some("en-GB,en;q=0.9")).await;
    assert!(en.contains("Targets and their status") && en.contains("Off track"));
    assert!(
        en.contains("36,539") && en.contains("42.98%") && en.contains("First 5 months of 2023")
    );
    let (fr, cookie) = page(&server, "/?lang=fr", Some("en")).await;
    assert!(fr.contains("Objectifs et état d") && fr.contains("En retard"));
    assert!(
        fr.contains("36\u{202f}539") && fr.contains("42,98\u{202f}%"),
        "French numbers"
    );
    let cookie = cookie.expect("the choice is remembered");
    assert!(
        cookie.starts_with("lang=fr;") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    // The worst status comes first in the table.
    let off = fr
        .find("<td><span class=\"status status-off_track\">")
        .expect("off track row");
    let on = fr
        .find("<td><span class=\"status status-on_track\">")
        .expect("on track row");
    assert!(off < on);
}

#[tokio::test]
async fn content_is_escaped() {
    let server = TestServer::start(false).await;
    let (status, _) = server
        .post_json("/api/v1/units", serde_json::json!({"code": "X", "kind": "locality", "name_vi": "<script>alert(1)</script>"}))
        .await;
    assert_eq!(status, 201);
    for (path, body) in [
        (
            "/api/v1/indicators",
            serde_json::json!({"code": "I", "name_vi": "<b>bold</b>", "direction": "higher_is_better", "across_units": "sum", "over_time": "flow"}),
        ),
        (
            "/api/v1/documents",
            serde_json::json!({"key": "D-1", "doc_type": "plan", "issued_by": "X", "title_vi": "<img src=x onerror=alert(1)>"}),
        ),
        (
            "/api/v1/targets",
            serde_json::json!({"document": "D-1", "indicator": "I", "unit": "X", "period": "2023", "value": 1}),
        ),
    ] {
        let (status, answer) = server.post_json(path, body).await;
        assert_eq!(status, 201, "{answer}");
    }
    let (html, _) = page(&server, "/", None).await;
    assert!(
        !html.contains("<script>alert")
            && !html.contains("<b>bold")
            && !html.contains("<img src=x")
    );
    assert!(
        html.contains("&lt;script&gt;") || html.contains("&#60;script&#62;"),
        "escaped"
    );
}
