use serde_json::{Value, json};

use crate::TestServer;

fn target<'a>(targets: &'a Value, indicator: &str) -> &'a Value {
    targets
        .as_array()
        .expect("array")
        .iter()
        .find(|t| t["indicator"] == indicator)
        .unwrap_or_else(|| panic!("no target for {indicator}"))
}

#[tokio::test]
async fn the_demo_targets_come_with_their_computed_status() {
    let server = TestServer::start(true).await;
    let (status, targets) = server.get_json("/api/v1/targets").await;
    assert_eq!(status, 200);
    // Seed 003's targets; the demo's real 2025 plan has its own test (realplan.rs).
    let statuses: Vec<(&str, &str)> = targets
        .as_array()
        .expect("array")
        .iter()
        .filter(|t| t["document"] == "40-KH-2023")
        .map(|t| {
            (
                t["indicator"].as_str().expect("s"),
                t["evaluation"]["status"].as_str().expect("s"),
            )
        })
        .collect();
    // Worst first.
    assert_eq!(
        statuses,
        vec![
            ("EXPORTS", "off_track"),
            ("IMPORTS", "at_risk"),
            ("RETAIL_SALES", "on_track")
        ]
    );
    let retail = target(&targets, "RETAIL_SALES");
    let percent = retail["evaluation"]["percent_of_plan"]
        .as_f64()
        .expect("percent");
    let change = retail["evaluation"]["change_over_same_period"]
        .as_f64()
        .expect("change");
    assert!(
        (percent - 42.98).abs() < 0.005 && (change - 9.63).abs() < 0.005,
        "{percent} {change}"
    );
    assert_eq!(retail["evaluation"]["actual"]["span"], "2023-YTD05");
    assert_eq!(retail["evaluation"]["actual"]["kind"], "estimate");
    assert_eq!(retail["document"], "40-KH-2023");
    assert_eq!(retail["unit"], "40");
}

#[tokio::test]
async fn a_new_figure_changes_the_status_at_once_and_keeps_the_old_one() {
    let server = TestServer::start(true).await;
    // Exports for six months, official: 1,300 of a 2,499 plan by June is above the 50% line.
    let (status, body) = server
        .post_json(
            "/api/v1/observations",
            json!({"indicator": "EXPORTS", "unit": "40", "period": "2023-H1", "value": 1300, "kind": "official", "source": "test report"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        (&body["kind"], &body["current"]),
        (&json!("official"), &json!(true))
    );
    let (_, targets) = server.get_json("/api/v1/targets?indicator=EXPORTS").await;
    let exports = target(&targets, "EXPORTS");
    assert_eq!(exports["evaluation"]["status"], "on_track");
    assert_eq!(exports["evaluation"]["actual"]["span"], "2023-H1");
    // An estimate for the same cell, later, does not displace the official figure.
    let (status, body) = server
        .post_json("/api/v1/observations", json!({"indicator": "EXPORTS", "unit": "40", "period": "2023-H1", "value": "1", "kind": "estimate"}))
        .await;
    assert_eq!(
        (status, &body["current"]),
        (201, &json!(false)),
        "recorded, but not current"
    );
    let (_, history) = server
        .get_json("/api/v1/observations?indicator=EXPORTS&unit=40&period=2023-H1")
        .await;
    let values: Vec<f64> = history
        .as_array()
        .expect("a")
        .iter()
        .map(|o| o["value"].as_f64().expect("v"))
        .collect();
    assert_eq!(values, vec![1300.0, 1.0], "the history keeps both");
    let (_, current) = server
        .get_json("/api/v1/observations?indicator=EXPORTS&unit=40")
        .await;
    let h1: Vec<&Value> = current
        .as_array()
        .expect("a")
        .iter()
        .filter(|o| o["period"] == "2023-H1")
        .collect();
    assert_eq!(h1[0]["value"], 1300.0);
    let (_, trail) = server
        .get_json("/api/v1/audit?object=observation:EXPORTS/40/2023-H1")
        .await;
    assert_eq!(trail.as_array().expect("a").len(), 2);
    assert_eq!(
        trail[0]["before"]["value"], 1300.0,
        "the audit says what was there before"
    );
}

#[tokio::test]
async fn invalid_input_is_refused_with_every_problem_and_changes_nothing() {
    let server = TestServer::start(true).await;
    let (_, before) = server.get_json("/api/v1/observations").await;
    let (status, body) = server
        .post_json("/api/v1/observations", json!({"indicator": "NOPE", "unit": "40", "period": "2023-13", "value": "1,5", "kind": "guess"}))
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["error"]["code"], "invalid_input");
    let fields: Vec<&str> = body["error"]["details"]
        .as_array()
        .expect("a")
        .iter()
        .map(|d| d["field"].as_str().expect("f"))
        .collect();
    assert_eq!(fields, vec!["indicator", "period", "value", "kind"]);
    // Each problem has a stable code beside its English message.
    let codes: Vec<&str> = body["error"]["details"]
        .as_array()
        .expect("a")
        .iter()
        .map(|d| d["code"].as_str().expect("c"))
        .collect();
    assert_eq!(
        codes,
        vec![
            "unknown_indicator",
            "not_a_period",
            "not_a_number",
            "not_one_of"
        ]
    );
    let (_, after) = server.get_json("/api/v1/observations").await;
    assert_eq!(before, after);

    let (status, body) = server
        .post_json(
            "/api/v1/units",
            json!({"code": "40", "kind": "locality", "name_vi": "Trùng"}),
        )
        .await;
    assert_eq!(
        (status, body["error"]["details"][0]["message"].as_str()),
        (422, Some("a unit with the code 40 already exists"))
    );
    assert_eq!(body["error"]["details"][0]["code"], "unit_exists");
    let (status, body) = server
        .post_json("/api/v1/units", json!({"code": "X", "colour": "red"}))
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("bad_request"))
    );
    let post = |content_type: &'static str, body: &'static str| {
        server
            .client
            .post(server.url("/api/v1/observations"))
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let response = post("application/json", "{not json").await.expect("r");
    assert_eq!(response.status().as_u16(), 400);
    // JSON must say it is JSON; a key written twice and a boolean for text are refused.
    let sent =
        r#"{"indicator":"EXPORTS","unit":"40","period":"2023","value":"7","kind":"estimate"}"#;
    for (content_type, body, status) in [
        ("text/plain", sent, 415),
        ("application/x-www-form-urlencoded", sent, 415),
        (
            "application/json",
            r#"{"indicator":"EXPORTS","value":"7","value":"8"}"#,
            400,
        ),
        (
            "application/json",
            r#"{"indicator":"EXPORTS","kind":true}"#,
            400,
        ),
    ] {
        let response = post(content_type, body).await.expect("r");
        assert_eq!(response.status().as_u16(), status, "{content_type} {body}");
    }
    let (status, body) = server
        .post_json(
            "/api/v1/observations",
            json!({"indicator": "EXPORTS", "unit": "40", "period": "2023", "value": 1.797e308, "kind": "estimate"}),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        body["error"]["details"][0]["code"], "number_too_large",
        "{body}"
    );
    let (status, body) = server.get_json("/api/v1/units/ZZ").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("not_found"))
    );
    let (status, _) = server.get_json("/api/v1/targets?period=2023-Q9").await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn a_whole_chain_can_be_built_through_the_api() {
    let server = TestServer::start(false).await;
    let posts = [
        (
            "/api/v1/units",
            json!({"code": "VN", "kind": "nation", "name_vi": "Việt Nam"}),
        ),
        (
            "/api/v1/units",
            json!({"code": "P1", "kind": "locality", "parent": "VN", "name_vi": "Tỉnh Một"}),
        ),
        (
            "/api/v1/units",
            json!({"code": "P1-TU", "kind": "party_committee", "parent": "P1", "name_vi": "Tỉnh ủy"}),
        ),
        (
            "/api/v1/units",
            json!({"code": "C1", "kind": "locality", "parent": "P1", "name_vi": "Xã Một"}),
        ),
        (
            "/api/v1/units",
            json!({"code": "C2", "kind": "locality", "parent": "P1", "name_vi": "Xã Hai"}),
        ),
        (
            "/api/v1/indicators",
            json!({"code": "POOR", "name_vi": "Số hộ nghèo", "direction": "lower_is_better", "across_units": "sum", "over_time": "stock"}),
        ),
        (
            "/api/v1/indicators",
            json!({"code": "HOUSEHOLDS", "name_vi": "Số hộ", "direction": "higher_is_better", "across_units": "sum", "over_time": "stock"}),
        ),
        (
            "/api/v1/indicators",
            json!({"code": "POVERTY_RATE", "name_vi": "Tỷ lệ hộ nghèo", "name_fr": "Taux de pauvreté", "direction": "lower_is_better",
            "across_units": "ratio", "numerator": "POOR", "denominator": "HOUSEHOLDS", "scale": 100, "over_time": "rate", "decimals": 2}),
        ),
        (
            "/api/v1/documents",
            json!({"number": "5/NQ-TU", "issued_by": "P1-TU", "issued_on": "2023-01-10", "title_vi": "Nghị quyết giảm nghèo", "target_year": 2023}),
        ),
        (
            "/api/v1/targets",
            json!({"document": "5-NQ-TU-2023", "indicator": "POVERTY_RATE", "unit": "P1", "period": "2023", "value": 2.0, "baseline_period": "2022", "baseline_value": 4.0}),
        ),
    ];
    for (path, body) in posts {
        let (status, answer) = server.post_json(path, body.clone()).await;
        assert_eq!(status, 201, "{path} {body}: {answer}");
    }
    let (_, document) = server.get_json("/api/v1/documents/5-NQ-TU-2023").await;
    assert_eq!(
        document["number"], "05-NQ/TU",
        "the press spelling is read as the Party's own, numbered from 01"
    );
    for (unit, poor, households) in [("C1", 10, 500), ("C2", 30, 500)] {
        for (indicator, value) in [("POOR", poor), ("HOUSEHOLDS", households)] {
            let (status, answer) = server
                .post_json("/api/v1/observations", json!({"indicator": indicator, "unit": unit, "period": "2023", "value": value, "kind": "official"}))
                .await;
            assert_eq!(status, 201, "{answer}");
        }
    }
    // The province's rate is recomputed from its communes' parts: 40 of 1,000 is 4%, never
    // 2% + 6% = 8%. Less is better and 4% > 2%, so the completed year is off track.
    let (_, targets) = server.get_json("/api/v1/targets?unit=VN").await;
    let rate = target(&targets, "POVERTY_RATE");
    assert_eq!(rate["evaluation"]["actual"]["value"], 4.0);
    assert_eq!(rate["evaluation"]["actual"]["derived"], true);
    assert_eq!(rate["evaluation"]["status"], "off_track");
    let (_, found) = server.get_json("/api/v1/units?q=xa%20MOT").await;
    assert_eq!(found[0]["code"], "C1", "found without diacritics or case");
}

#[tokio::test]
async fn rankings_read_as_the_2023_review() {
    let server = TestServer::start(true).await;
    let (_, cards) = server
        .get_json("/api/v1/rankings/scorecards?period=2023")
        .await;
    let cards = cards.as_array().expect("a");
    let all_met: Vec<&str> = cards
        .iter()
        .filter(|c| c["all_met"] == true)
        .map(|c| c["unit"].as_str().expect("u"))
        .collect();
    // Hậu Giang 18/18, then Quảng Ninh and Phú Thọ 15/15: equal shares rank by targets met.
    assert_eq!(all_met, vec!["93", "22", "25"]);
    let (_, growth) = server
        .get_json("/api/v1/rankings/growth?indicator=GRDP_GROWTH&period=2023")
        .await;
    let growth = growth.as_array().expect("a");
    assert_eq!(growth.len(), 11);
    assert_eq!(
        (growth[0]["unit"].as_str(), growth[0]["change"].as_f64()),
        (Some("24"), Some(13.45))
    );
    let negative: Vec<&str> = growth
        .iter()
        .filter(|g| g["change"].as_f64().expect("c") < 0.0)
        .map(|g| g["name"]["vi"].as_str().expect("n"))
        .collect();
    assert_eq!(
        negative,
        vec!["Bà Rịa - Vũng Tàu", "Lai Châu", "Quảng Nam", "Bắc Ninh"]
    );
}

#[tokio::test]
async fn csv_goes_in_and_out_over_http() {
    let server = TestServer::start(true).await;
    let csv = "indicator,unit,period,value,kind\nRETAIL_SALES,40,2023-YTD06,44000,estimate\nRETAIL_SALES,40,2023-YTD07,x,estimate\n";
    let response = server
        .client
        .post(server.url("/api/v1/imports/observations?file=july.csv"))
        .body(csv)
        .send()
        .await
        .expect("r");
    assert_eq!(response.status().as_u16(), 422);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["error"]["code"], "invalid_file");
    assert_eq!(body["error"]["details"][0]["line"], 3);
    assert_eq!(body["error"]["details"][0]["column"], 4);
    let response = server
        .client
        .post(server.url("/api/v1/imports/observations?file=july.csv&skip_invalid=true"))
        .body(csv)
        .send()
        .await
        .expect("r");
    let report: Value = response.json().await.expect("json");
    assert_eq!(report["accepted"], 1);
    let exported = server
        .client
        .get(server.url("/api/v1/exports/observations"))
        .send()
        .await
        .expect("r")
        .text()
        .await
        .expect("t");
    assert!(
        exported.starts_with("indicator,unit,period,value,kind,"),
        "{exported}"
    );
    assert!(
        exported.contains("RETAIL_SALES,40,2023-H1,44000,estimate"),
        "{exported}"
    );
}

#[tokio::test]
async fn every_api_error_has_the_same_shape() {
    let server = TestServer::start(true).await;
    for (method, path, status, code) in [
        ("GET", "/api/v1/targets/abc", 400, "bad_request"),
        ("DELETE", "/api/v1/units", 405, "method_not_allowed"),
        ("GET", "/api/v1/targets/999", 404, "not_found"),
        ("GET", "/api/v1/rankings/scorecards", 400, "bad_request"),
    ] {
        let request = match method {
            "GET" => server.client.get(server.url(path)),
            _ => server.client.delete(server.url(path)),
        };
        let response = request.send().await.expect("request");
        assert_eq!(response.status().as_u16(), status, "{method} {path}");
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
        let body: Value = response.json().await.expect("json error body");
        assert_eq!(body["error"]["code"], code, "{method} {path}: {body}");
        assert!(
            !body["error"]["message"]
                .as_str()
                .expect("message")
                .is_empty()
        );
    }
}

#[tokio::test]
async fn a_scenario_set_through_the_api_drives_the_status() {
    let server = TestServer::start(true).await;
    let (_, targets) = server
        .get_json("/api/v1/targets?indicator=RETAIL_SALES")
        .await;
    let id = targets[0]["id"].as_u64().expect("id");
    assert_eq!(
        targets[0]["evaluation"]["status"], "on_track",
        "linear: 41.67% expected by May"
    );
    // A front-loaded scenario: half the plan expected by May. 42.98% falls short of 50% by
    // more than a tenth: off track.
    let points = json!({"points": [{"month": "2023-05", "value": 42507}, {"month": "2023-12", "value": 85014}], "source": "kịch bản tăng trưởng 2023"});
    let (status, body) = server
        .post_json(&format!("/api/v1/targets/{id}/scenario"), points)
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["evaluation"]["expected"], 42507.0);
    assert_eq!(
        body["scenario"],
        json!([{"month": "2023-05", "value": 42507.0}, {"month": "2023-12", "value": 85014.0}])
    );
    assert_eq!(body["evaluation"]["status"], "off_track");
    let (status, body) = server
        .post_json(
            &format!("/api/v1/targets/{id}/scenario"),
            json!({"points": [{"month": "2024-01", "value": 1}]}),
        )
        .await;
    assert_eq!(status, 422);
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("m")
            .contains("outside the target's period 2023"),
        "{body}"
    );
}

#[tokio::test]
async fn lists_are_answered_a_page_at_a_time() {
    let server = TestServer::start(true).await;
    let all = server
        .client
        .get(server.url("/api/v1/units?limit=10000"))
        .send()
        .await
        .expect("r");
    let total: usize = all.headers()["x-total-count"]
        .to_str()
        .expect("h")
        .parse()
        .expect("n");
    let all: Value = all.json().await.expect("json");
    assert_eq!(all.as_array().map(Vec::len), Some(total));
    assert!(total > 63, "the demo has the 63 provinces and more");
    let page = server
        .client
        .get(server.url("/api/v1/units?limit=5&offset=60"))
        .send()
        .await
        .expect("r");
    assert_eq!(
        page.headers()["x-total-count"].to_str().expect("h"),
        total.to_string()
    );
    let page: Value = page.json().await.expect("json");
    assert_eq!(
        page.as_array().expect("a").as_slice(),
        &all.as_array().expect("a")[60..65]
    );
    let (_, beyond) = server
        .get_json(&format!("/api/v1/units?offset={}", total + 10))
        .await;
    assert_eq!(beyond, json!([]));
    for limit in ["0", "10001"] {
        let (status, body) = server
            .get_json(&format!("/api/v1/targets?limit={limit}"))
            .await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (400, Some("bad_request")),
            "limit={limit}"
        );
    }
}

#[tokio::test]
async fn the_audit_filters_by_object_and_unit_together() {
    let server = TestServer::start(true).await;
    for (unit, value) in [("40", 1300), ("22", 900)] {
        let (status, body) = server
            .post_json(
                "/api/v1/observations",
                json!({"indicator": "EXPORTS", "unit": unit, "period": "2023-H1", "value": value, "kind": "official"}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }
    let objects = |trail: &Value| -> Vec<String> {
        trail
            .as_array()
            .expect("a")
            .iter()
            .map(|e| e["object"].as_str().expect("o").to_owned())
            .collect()
    };
    // The unit alone has more than this one figure's entry, and the object alone names it
    // whatever the unit: only both together say which filter was applied.
    let (status, of_unit) = server.get_json("/api/v1/audit?unit=40").await;
    assert_eq!(status, 200);
    assert!(objects(&of_unit).len() > 1, "{of_unit}");
    let (status, both) = server
        .get_json("/api/v1/audit?unit=40&object=observation:EXPORTS/")
        .await;
    assert_eq!(status, 200);
    let exports_of_40: Vec<String> = objects(&of_unit)
        .into_iter()
        .filter(|o| o.starts_with("observation:EXPORTS/"))
        .collect();
    assert!(exports_of_40.contains(&"observation:EXPORTS/40/2023-H1".to_owned()));
    assert_eq!(objects(&both), exports_of_40);
    let (status, elsewhere) = server
        .get_json("/api/v1/audit?unit=22&object=observation:EXPORTS/40/")
        .await;
    assert_eq!(status, 200);
    assert_eq!(objects(&elsewhere), Vec::<String>::new(), "{elsewhere}");
}

/// The history of a cell read while others write to it marks exactly one current row in
/// every read.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_history_read_during_writes_marks_exactly_one_current_row() {
    let server = TestServer::start(true).await;
    let base = server.url("");
    let (reads, odd) = crate::histories_during_writes(&server.client, &base, &base).await;
    assert!(
        odd.is_empty(),
        "{} of {reads} reads (rows, marked): {odd:?}",
        odd.len()
    );
}

#[tokio::test]
async fn an_import_beyond_those_running_is_answered_429_with_retry_after() {
    let server = TestServer::start(true).await;
    let csv = "indicator,unit,period,value,kind\nRETAIL_SALES,40,2023-YTD06,44000,estimate\n";
    let post = || {
        server
            .client
            .post(server.url("/api/v1/imports/observations?file=june.csv"))
            .body(csv)
            .send()
    };
    // Two large imports are running: every place is taken.
    let running: Vec<_> = (0..giamsat_app::IMPORTS_AT_ONCE)
        .map(|_| server.state.app.import_slot().expect("a place"))
        .collect();
    let response = post().await.expect("r");
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()["retry-after"], "5");
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["error"]["code"], "imports_busy");
    assert_eq!(
        server.state.app.outcomes().imports_refused,
        0,
        "a file that was not read is no refused import"
    );
    drop(running);
    let response = post().await.expect("r");
    assert_eq!(response.status().as_u16(), 200);
    let report: Value = response.json().await.expect("json");
    assert_eq!(report["accepted"], 1);
}

#[tokio::test]
async fn the_audit_limit_is_checked() {
    let server = TestServer::start(true).await;
    for limit in ["0", "1001", "2147483648"] {
        let (status, body) = server
            .get_json(&format!("/api/v1/audit?limit={limit}"))
            .await;
        assert_eq!(status, 400, "{limit}: {body}");
        assert_eq!(body["error"]["code"], "bad_request");
    }
    let (status, body) = server.get_json("/api/v1/audit?limit=3").await;
    assert_eq!(status, 200);
    assert_eq!(body.as_array().map(Vec::len), Some(3));
}
