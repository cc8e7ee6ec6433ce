//! What an operator reads: `/metrics` (counters by route pattern and status class, the
//! engine's size, imports and sign-in refusals), kept to administrators, and `/readyz`,
//! readiness apart from the liveness of `/healthz`.

use crate::TestServer;

/// The value of the sample `name` (with its labels, as written) in a Prometheus text.
fn sample(metrics: &str, name: &str) -> Option<f64> {
    metrics.lines().find_map(|line| {
        let value = line.strip_prefix(name)?.strip_prefix(' ')?;
        value.trim().parse().ok()
    })
}

async fn metrics(server: &TestServer) -> String {
    let response = server
        .client
        .get(server.url("/metrics"))
        .send()
        .await
        .expect("metrics");
    assert_eq!(response.status().as_u16(), 200);
    let content_type = response.headers()["content-type"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(content_type.starts_with("text/plain"), "{content_type}");
    response.text().await.expect("text")
}

#[tokio::test]
async fn metrics_count_requests_by_route_pattern_imports_and_refused_sign_ins() {
    let server = TestServer::start(true).await;
    let before = metrics(&server).await;
    // A page with a path parameter, twice with different values: one series.
    for code in ["40", "no-such-unit"] {
        server
            .client
            .get(server.url(&format!("/units/{code}")))
            .send()
            .await
            .expect("page");
    }
    let (status, _) = server.get_json("/api/v1/indicators").await;
    assert_eq!(status, 200);
    // A refused sign-in through the form.
    let form = server
        .client
        .get(server.url("/login"))
        .send()
        .await
        .expect("r");
    let login_cookie = crate::set_cookie_value(&form, "giamsat_login").expect("cookie");
    let csrf = crate::csrf_field(&form.text().await.expect("html"));
    let refused = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(server.url("/login"))
        .header("cookie", format!("giamsat_login={login_cookie}"))
        .form(&[
            ("username", "admin"),
            ("password", "wrong"),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .expect("sign in");
    assert_ne!(refused.status().as_u16(), 303);
    // One import refused, one accepted.
    let bad = "indicator,unit,period,value,kind\nRETAIL_SALES,40,2023-YTD07,x,estimate\n";
    let good = "indicator,unit,period,value,kind\nRETAIL_SALES,40,2023-YTD06,44000,estimate\n";
    for (csv, expected) in [(bad, 422), (good, 200)] {
        let response = server
            .client
            .post(server.url("/api/v1/imports/observations?file=m.csv"))
            .body(csv)
            .send()
            .await
            .expect("import");
        assert_eq!(response.status().as_u16(), expected);
    }

    let after = metrics(&server).await;
    let moved =
        |name: &str| sample(&after, name).unwrap_or(0.0) - sample(&before, name).unwrap_or(0.0);
    assert_eq!(
        moved(r#"giamsat_http_requests_total{route="/units/{code}",status="2xx"}"#),
        1.0,
        "{after}"
    );
    assert_eq!(
        moved(r#"giamsat_http_requests_total{route="/units/{code}",status="4xx"}"#),
        1.0,
        "{after}"
    );
    assert_eq!(
        moved(r#"giamsat_http_requests_total{route="/api/v1/indicators",status="2xx"}"#),
        1.0,
        "{after}"
    );
    assert_eq!(
        moved(r#"giamsat_http_request_duration_seconds_count{route="/units/{code}"}"#),
        2.0,
        "{after}"
    );
    assert_eq!(
        moved(r#"giamsat_http_request_duration_seconds_bucket{route="/units/{code}",le="+Inf"}"#),
        2.0,
        "{after}"
    );
    assert_eq!(moved("giamsat_sign_ins_refused_total"), 1.0, "{after}");
    assert_eq!(
        moved(r#"giamsat_imports_total{outcome="refused"}"#),
        1.0,
        "{after}"
    );
    assert_eq!(
        moved(r#"giamsat_imports_total{outcome="accepted"}"#),
        1.0,
        "{after}"
    );
    // The raw paths never become labels.
    assert!(!after.contains("no-such-unit"), "{after}");
    assert!(!after.contains("/units/40"), "{after}");
    // The engine's size, from the demo.
    for gauge in [
        "giamsat_engine_units",
        "giamsat_engine_indicators",
        "giamsat_engine_targets",
        "giamsat_engine_current_figures",
    ] {
        assert!(
            sample(&after, gauge).unwrap_or(0.0) > 0.0,
            "{gauge} in {after}"
        );
    }
}

#[tokio::test]
async fn metrics_are_for_administrators_only() {
    let server = TestServer::start(true).await;
    let viewer = TestServer::client_with(&server.token("viewer", None).await);
    let response = viewer.get(server.url("/metrics")).send().await.expect("r");
    assert_eq!(response.status().as_u16(), 403);
    let office = TestServer::client_with(&server.token("office", None).await);
    let response = office.get(server.url("/metrics")).send().await.expect("r");
    assert_eq!(response.status().as_u16(), 403);
    let stranger = reqwest::Client::new()
        .get(server.url("/metrics"))
        .send()
        .await
        .expect("r");
    assert_eq!(stranger.status().as_u16(), 401);
    assert!(!stranger.text().await.expect("t").contains("giamsat_"));
}

#[tokio::test]
async fn readiness_is_apart_from_liveness_and_public() {
    let server = TestServer::start(false).await;
    for (path, body) in [("/healthz", "ok"), ("/readyz", "ready")] {
        let response = reqwest::Client::new()
            .get(server.url(path))
            .send()
            .await
            .expect("r");
        assert_eq!(response.status().as_u16(), 200, "{path}");
        assert_eq!(response.text().await.expect("t"), body, "{path}");
    }
}
