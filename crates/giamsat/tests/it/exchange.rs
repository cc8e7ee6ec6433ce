//! The exchange formats over HTTP and through the command line: the demo's figures out as
//! DHIS2 and SDMX-CSV, and DHIS2 back into a fresh store (SQLite and PostgreSQL) with the
//! same values.

use serde_json::Value;

use crate::TestServer;

/// The DHIS2 values as (data element, org unit, period, value), sorted.
fn values(set: &Value) -> Vec<(String, String, String, String)> {
    let mut values: Vec<_> = set["dataValues"]
        .as_array()
        .expect("dataValues")
        .iter()
        .map(|v| {
            let text = |k: &str| v[k].as_str().expect(k).to_owned();
            (
                text("dataElement"),
                text("orgUnit"),
                text("period"),
                text("value"),
            )
        })
        .collect();
    values.sort();
    values
}

async fn post(server: &TestServer, path: &str, body: String) -> (u16, Value) {
    let response = server
        .client
        .post(server.url(path))
        .body(body)
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    (status, response.json().await.expect("json"))
}

async fn dhis2_round_trip(copy: TestServer) {
    let demo = TestServer::start(true).await;
    let response = demo
        .client
        .get(demo.url("/api/v1/exchange/dhis2/dataValueSets"))
        .send()
        .await
        .expect("export");
    assert_eq!(response.status().as_u16(), 200);
    let skipped: usize = response.headers()["giamsat-skipped-periods"]
        .to_str()
        .expect("header")
        .parse()
        .expect("a count");
    assert!(skipped > 0, "the demo has year-to-date figures");
    let set: Value = response.json().await.expect("json");
    assert!(set["dataValues"][0]["value"].is_string());
    for kind in ["units", "indicators"] {
        let csv = demo.text(&format!("/api/v1/exports/{kind}")).await;
        let (status, report) = post(&copy, &format!("/api/v1/imports/{kind}"), csv).await;
        assert_eq!(status, 200, "{kind}: {report}");
    }
    let (status, summary) = post(
        &copy,
        "/api/v1/exchange/dhis2/dataValueSets?file=demo.json",
        set.to_string(),
    )
    .await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(summary["responseType"], "ImportSummary");
    assert_eq!(summary["status"], "SUCCESS");
    let count = set["dataValues"].as_array().expect("values").len();
    assert_eq!(summary["importCount"]["imported"], count);
    assert_eq!(summary["importCount"]["deleted"], 0);
    let (_, copied) = copy.get_json("/api/v1/exchange/dhis2/dataValueSets").await;
    assert_eq!(values(&copied), values(&set));

    let bad = serde_json::json!({ "dataValues": [
        { "dataElement": "RETAIL_SALES", "period": "2023", "orgUnit": "40", "value": "9" },
        { "dataElement": "RETAIL_SALES", "period": "2023W07", "orgUnit": "40", "value": "9" }
    ]});
    let (status, summary) = post(
        &copy,
        "/api/v1/exchange/dhis2/dataValueSets",
        bad.to_string(),
    )
    .await;
    assert_eq!(status, 409, "{summary}");
    assert_eq!(summary["status"], "ERROR");
    assert_eq!(summary["conflicts"][0]["indexes"], serde_json::json!([1]));
    assert_eq!(summary["conflicts"][0]["property"], "period");
    assert_eq!(summary["conflicts"][0]["object"], "2023W07");
    let (_, after) = copy.get_json("/api/v1/exchange/dhis2/dataValueSets").await;
    assert_eq!(values(&after), values(&set), "nothing was written");

    let response = demo
        .client
        .get(demo.url("/api/v1/exchange/sdmx.csv"))
        .send()
        .await
        .expect("sdmx");
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("type")
            .starts_with("application/vnd.sdmx.data+csv; version=2.0.0")
    );
    let csv = response.text().await.expect("csv");
    assert!(csv.starts_with("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,"));
    assert_eq!(
        csv.lines().count(),
        count + 1,
        "the same figures as DHIS2's"
    );
}

#[tokio::test]
async fn the_demo_goes_out_as_dhis2_and_sdmx_and_dhis2_comes_back_on_sqlite() {
    dhis2_round_trip(TestServer::start(false).await).await;
}

#[tokio::test]
async fn the_demo_goes_out_as_dhis2_and_sdmx_and_dhis2_comes_back_on_postgresql() {
    dhis2_round_trip(TestServer::start_postgres(false).await).await;
}

#[test]
fn the_command_line_moves_the_demo_through_sdmx_and_dhis2_to_the_same_figures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |args: &[&str]| {
        let out = crate::cli::giamsat(args, dir.path());
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    run(&["demo", "--db", "a.db"]);
    for kind in ["units", "indicators"] {
        let file = format!("{kind}.csv");
        run(&["export", "--db", "a.db", kind, "-o", &file]);
        for db in ["b.db", "c.db"] {
            run(&["import", "--db", db, kind, &file]);
        }
    }
    for (format, file, db) in [
        ("sdmx", "figures.csv", "b.db"),
        ("dhis2", "figures.json", "c.db"),
    ] {
        let out = run(&[
            "export",
            "--db",
            "a.db",
            "observations",
            "--format",
            format,
            "-o",
            file,
        ]);
        assert!(String::from_utf8_lossy(&out.stderr).contains("left out"));
        let out = run(&[
            "import",
            "--db",
            db,
            "observations",
            file,
            "--format",
            format,
        ]);
        assert!(String::from_utf8_lossy(&out.stdout).contains("imported"));
    }
    let export = |db: &str, format: &str| {
        run(&["export", "--db", db, "observations", "--format", format]).stdout
    };
    // SDMX carries value, kind and note: the copy's file is the original's, byte for byte.
    assert_eq!(export("b.db", "sdmx"), export("a.db", "sdmx"));
    let set = |db: &str| {
        let json: Value = serde_json::from_slice(&export(db, "dhis2")).expect("json");
        values(&json)
    };
    assert_eq!(set("c.db"), set("a.db"));
    std::fs::write(
        dir.path().join("bad.json"),
        r#"{"dataValues":[{"dataElement":"EXPORTS","period":"2023","orgUnit":"40","value":"abc"}]}"#,
    )
    .expect("write");
    let out = crate::cli::giamsat(
        &[
            "import",
            "--db",
            "c.db",
            "observations",
            "bad.json",
            "--format",
            "dhis2",
        ],
        dir.path(),
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("dataValues[0]: value"), "{stderr}");
}
