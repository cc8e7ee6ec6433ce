//! The 2025 reform of provinces, end to end on the official lists the demo loads: figures of
//! 2023 stay on the 63 provinces of the time, and can be carried onto the 34 of today.

use serde_json::{Value, json};

use crate::TestServer;

fn codes(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|u| u["code"].as_str().expect("code"))
        .collect()
}

#[tokio::test]
async fn a_unit_is_found_by_any_of_its_names_and_codes_old_or_new() {
    let server = TestServer::start(true).await;
    for query in [
        "Bac Ninh",
        "Bắc Ninh",
        "BẮC NINH",
        "bắc ninh",
        "Ba\u{306}\u{301}c Ninh",
    ] {
        let (status, found) = server
            .get_json(&format!("/api/v1/units?q={}", urlencode(query)))
            .await;
        assert_eq!(status, 200);
        // The Bắc Ninh of today first, then the legacy one.
        assert_eq!(codes(&found), vec!["24-2025", "27"], "{query}");
    }
    // The office's code 24 was legacy Bắc Giang's and is the new Bắc Ninh's.
    let (_, found) = server.get_json("/api/v1/units?q=24").await;
    assert_eq!(codes(&found), vec!["24-2025", "24"]);
    let (_, unit) = server.get_json("/api/v1/units/24").await;
    assert_eq!(unit["name"]["vi"], "Bắc Giang");
    assert_eq!(unit["valid_to"], "2025-06-30");
    assert_eq!(
        unit["successors"],
        json!([{"unit": "24-2025", "share": 1.0, "from": "2025-07-01"}])
    );
    let (_, unit) = server.get_json("/api/v1/units/24-2025").await;
    assert_eq!(unit["office_code"], "24");
    assert_eq!(unit["predecessors"].as_array().map(Vec::len), Some(2));
    // As of a date: 63 provinces in 2023, 34 today.
    for (date, count) in [
        ("2023-12-31", 63),
        ("2026-01-01", 34),
        ("30/6/2025", 63),
        ("1/7/2025", 34),
    ] {
        let (_, units) = server
            .get_json(&format!("/api/v1/units?as_of={date}&limit=10000"))
            .await;
        let provinces = units
            .as_array()
            .expect("array")
            .iter()
            .filter(|u| u["kind"] == "locality" && u["parent"] == "VN")
            // The demo's unnamed province of seed 002 (S002) is not on the official lists.
            .filter(|u| {
                u["code"]
                    .as_str()
                    .is_some_and(|c| c.starts_with(|d: char| d.is_ascii_digit()))
            })
            .count();
        assert_eq!(provinces, count, "{date}");
    }
    let (status, error) = server.get_json("/api/v1/units?as_of=yesterday").await;
    assert_eq!(status, 400);
    assert!(
        error["error"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("as_of:"))
    );
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Figures for every legacy province, through the CSV import, with a sum and a rate.
async fn figures_on_every_legacy_province(server: &TestServer) -> f64 {
    for body in [
        json!({"code": "POP", "name_vi": "Dân số", "direction": "higher_is_better", "across_units": "sum", "over_time": "stock"}),
        json!({"code": "EMPLOYED", "name_vi": "Lao động có việc làm", "direction": "higher_is_better", "across_units": "sum", "over_time": "stock"}),
        json!({"code": "EMPLOYMENT_RATE", "name_vi": "Tỷ lệ có việc làm", "direction": "higher_is_better", "across_units": "ratio", "numerator": "EMPLOYED", "denominator": "POP", "scale": "100", "over_time": "rate"}),
    ] {
        let (status, answer) = server.post_json("/api/v1/indicators", body).await;
        assert_eq!(status, 201, "{answer}");
    }
    let (_, legacy) = server
        .get_json("/api/v1/units?as_of=2023-12-31&limit=10000")
        .await;
    let mut csv = String::from("indicator,unit,period,value,kind\n");
    let mut total = 0.0;
    for (i, unit) in legacy
        .as_array()
        .expect("array")
        .iter()
        .filter(|u| u["kind"] == "locality" && u["parent"] == "VN")
        .enumerate()
    {
        let code = unit["code"].as_str().expect("code");
        let population = 1_000_000.0 + 37_123.0 * i as f64;
        total += population;
        csv.push_str(&format!("POP,{code},2023,{population},official\n"));
        csv.push_str(&format!(
            "EMPLOYED,{code},2023,{},official\n",
            population * 0.5
        ));
    }
    let response = server
        .client
        .post(server.url("/api/v1/imports/observations"))
        .body(csv)
        .send()
        .await
        .expect("import");
    assert_eq!(
        response.status().as_u16(),
        200,
        "{}",
        response.text().await.unwrap_or_default()
    );
    total
}

async fn value(server: &TestServer, indicator: &str, unit: &str, period: &str) -> Value {
    let (status, v) = server
        .get_json(&format!(
            "/api/v1/values?indicator={indicator}&unit={unit}&period={period}"
        ))
        .await;
    assert_eq!(status, 200, "{v}");
    v
}

#[tokio::test]
async fn figures_carried_onto_todays_provinces_keep_the_national_total() {
    let server = TestServer::start(true).await;
    let total = figures_on_every_legacy_province(&server).await;
    let (_, today) = server
        .get_json("/api/v1/units?as_of=2026-01-01&limit=10000")
        .await;
    let mut carried = 0.0;
    for unit in today
        .as_array()
        .expect("array")
        .iter()
        .filter(|u| u["kind"] == "locality" && u["parent"] == "VN")
    {
        let v = value(&server, "POP", unit["code"].as_str().expect("code"), "2023").await;
        carried += v["value"].as_f64().unwrap_or_else(|| panic!("{v}"));
    }
    assert!((carried - total).abs() < 1e-6, "{carried} vs {total}");
    let national = value(&server, "POP", "VN", "2023").await;
    assert_eq!(national["value"].as_f64(), Some(total));

    // A province of today, asked for 2023, finds its predecessors' figures.
    let bac_ninh = value(&server, "POP", "24-2025", "2023").await;
    let bac_giang_then = value(&server, "POP", "24", "2023").await["value"]
        .as_f64()
        .expect("v");
    let bac_ninh_then = value(&server, "POP", "27", "2023").await["value"]
        .as_f64()
        .expect("v");
    assert_eq!(
        bac_ninh["value"].as_f64(),
        Some(bac_giang_then + bac_ninh_then)
    );
    assert_eq!(bac_ninh["carried_from"], json!(["24", "27"]));
    assert_eq!(bac_ninh["derived"], true);
    // A rate is recomputed from its carried parts, never summed: 50% stays 50%.
    let rate = value(&server, "EMPLOYMENT_RATE", "24-2025", "2023").await;
    assert_eq!(rate["value"].as_f64(), Some(50.0));
    // A growth rate cannot be combined: no value for the merged province, and the reason.
    let growth = value(&server, "GRDP_GROWTH", "24-2025", "2023").await;
    assert_eq!(growth["value"], Value::Null);
    assert_eq!(growth["reason"], "not_combinable");
    // The indicator page draws a merged province's carried figures, and says why a growth rate
    // has none.
    let population = server.text("/indicators/POP?unit=24-2025&lang=en").await;
    assert!(
        population.contains("id=\"trend-heading\">Dân số, Bac Ninh, 2023"),
        "{population}"
    );
    let growth = server
        .text("/indicators/GRDP_GROWTH?unit=24-2025&lang=en")
        .await;
    assert!(growth.contains("Bac Ninh was formed from Bac Giang, Bac Ninh, and this indicator cannot be added across units"), "{growth}");
    // A province that did not change keeps its own figures under the same code.
    let nghe_an = value(&server, "POP", "40", "2023").await;
    assert_eq!(nghe_an["carried_from"], Value::Null);
    assert_eq!(nghe_an["derived"], false);
}

#[tokio::test]
async fn the_2023_review_reads_on_the_provinces_of_then_and_carries_onto_todays() {
    let server = TestServer::start(true).await;
    // As the review was written: the 63 provinces of 2023.
    let (_, then) = server
        .get_json("/api/v1/rankings/scorecards?period=2023")
        .await;
    let find = |list: &Value, code: &str| {
        list.as_array()
            .expect("array")
            .iter()
            .find(|r| r["unit"] == code)
            .cloned()
            .unwrap_or_else(|| panic!("{code} in {list}"))
    };
    assert_eq!(find(&then, "24")["met"], 17);
    assert_eq!(find(&then, "27")["met"], 11);
    // On today's provinces: Bắc Giang 17/18 and Bắc Ninh 11/20 make the new Bắc Ninh 28/38.
    let (_, now) = server
        .get_json("/api/v1/rankings/scorecards?period=2023&as_of=2026-01-01")
        .await;
    let bac_ninh = find(&now, "24-2025");
    assert_eq!(
        (bac_ninh["met"].as_u64(), bac_ninh["set"].as_u64()),
        (Some(28), Some(38))
    );
    assert_eq!(bac_ninh["source"], "carried");
    assert_eq!(bac_ninh["carried_from"], json!(["24", "27"]));
    // Quảng Ninh did not change: its own 15/15, as reported.
    let quang_ninh = find(&now, "22");
    assert_eq!(
        (quang_ninh["met"].as_u64(), quang_ninh["source"].as_str()),
        (Some(15), Some("reported"))
    );
    // Cần Thơ took in Hậu Giang (18/18) and Sóc Trăng, which the review did not score.
    let can_tho = find(&now, "92-2025");
    assert_eq!(can_tho["carried_from"], json!(["93"]));
    assert_eq!(can_tho["predecessors"], 3);
    assert!(
        now.as_array()
            .expect("array")
            .iter()
            .all(|r| r["unit"] != "24" && r["unit"] != "93")
    );

    // Growth is a rate: ranked on the provinces of 2023; on today's, shown unmerged.
    let (_, growth) = server
        .get_json("/api/v1/rankings/growth?indicator=GRDP_GROWTH&period=2023&as_of=2026-01-01")
        .await;
    let growth = growth.as_array().expect("array");
    let ranked: Vec<&Value> = growth.iter().filter(|g| g["rank"].is_number()).collect();
    // Only provinces whose territory did not change keep a growth figure of their own.
    let ranked_codes: Vec<&str> = ranked
        .iter()
        .map(|g| g["unit"].as_str().expect("u"))
        .collect();
    assert!(
        ranked_codes.iter().all(|c| !c.ends_with("-2025")),
        "{ranked_codes:?}"
    );
    let unmerged: Vec<(&str, &str)> = growth
        .iter()
        .filter(|g| g["rank"].is_null())
        .map(|g| {
            (
                g["unit"].as_str().expect("u"),
                g["unmerged_into"].as_str().expect("into"),
            )
        })
        .collect();
    assert!(
        unmerged.contains(&("24", "24-2025")) && unmerged.contains(&("27", "24-2025")),
        "{unmerged:?}"
    );
    assert_eq!(
        ranked.len() + unmerged.len(),
        11,
        "every figure of the review is shown once"
    );
}

#[tokio::test]
async fn the_ranking_page_carries_the_review_onto_todays_provinces() {
    let server = TestServer::start(true).await;
    let html = server
        .text("/rankings?period=2023&as_of=2026-01-01&lang=en")
        .await;
    assert!(
        html.contains("carried: Bac Giang 17/18 + Bac Ninh 11/20"),
        "{html}"
    );
    assert!(html.contains("carried: Hau Giang 18/18 (1 of 3 former provinces have a scorecard)"));
    assert!(html.contains("id=\"unmerged-table\""));
    // The 34 official provinces: the demo's unnamed province of seed 002 is not one.
    assert!(
        html.contains("Today&#39;s localities (34, as of 1 January 2026)"),
        "{html}"
    );
    let units = server.text("/units?q=Bac+Ninh&lang=vi").await;
    assert!(units.contains("href=\"/units/24-2025\"") && units.contains("href=\"/units/27\""));
    // Each side of the merger says what happened, in the reader's language.
    let former = server.text("/units/27?lang=vi").await;
    assert!(
        former.contains("sáp nhập vào Bắc Ninh ngày 01/07/2025"),
        "{former}"
    );
    let formed = server.text("/units/24-2025?lang=fr").await;
    assert!(
        formed.contains("formée à partir de Bắc Giang le 01/07/2025"),
        "{formed}"
    );
    assert!(formed.contains("formée à partir de Bắc Ninh le 01/07/2025"));
}
