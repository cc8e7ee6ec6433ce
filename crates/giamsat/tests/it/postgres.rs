//! giamsat on PostgreSQL, as a ministry runs it: several `giamsat serve` processes on one
//! database, and backups that move between the stores. The cluster is the throwaway one that
//! scripts/test starts (GIAMSAT_TEST_POSTGRES); without it these tests fail and say so.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use giamsat_app::{Actor, App, SqlStore};
use serde_json::{Value, json};

async fn database() -> String {
    giamsat_store::testing::postgres_database("it").await
}

/// A `giamsat serve` process, stopped when dropped.
struct Served {
    child: Child,
    url: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(db: &str, demo: bool) -> Served {
    let mut args = vec!["serve", "--db", db, "--addr", "127.0.0.1:0"];
    if demo {
        args.push("--demo");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_giamsat"))
        .args(&args)
        .env("GIAMSAT_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("read");
    // The rest (the demo accounts) is read too, so the server never writes to a closed pipe.
    std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim_end_matches('/')
        .to_owned();
    Served { child, url }
}

/// A client with the API token of an administrator of the whole tree, made by a third
/// process on the same database.
async fn admin_client(db: &str) -> reqwest::Client {
    let app = App::open(SqlStore::open(db).await.expect("store"))
        .await
        .expect("app");
    let (_, password) = app
        .add_account(
            &Actor::named("test"),
            "pg.admin",
            "",
            &[("admin".to_owned(), None)],
        )
        .await
        .expect("account");
    let localhost = std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);
    let (_, who) = app
        .sign_in("pg.admin", &password, localhost, None)
        .await
        .expect("sign in");
    let token = app
        .create_api_token(&who, "tests", &password, localhost)
        .await
        .expect("token")
        .1;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::AUTHORIZATION,
        format!("Bearer {token}").parse().expect("header"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("client")
}

async fn get_json(client: &reqwest::Client, url: String) -> Value {
    client
        .get(url)
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json")
}

async fn current(client: &reqwest::Client, server: &Served, unit: &str) -> Vec<(String, f64)> {
    let body: Value = get_json(
        client,
        format!(
            "{}/api/v1/observations?indicator=EXPORTS&unit={unit}",
            server.url
        ),
    )
    .await;
    body.as_array()
        .expect("a list")
        .iter()
        .map(|o| {
            (
                o["period"].as_str().unwrap_or_default().to_owned(),
                o["value"].as_f64().unwrap_or_default(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_serve_processes_on_one_database_see_each_others_writes_at_once() {
    let db = database().await;
    let first = serve(&db, true);
    let second = serve(&db, false);
    let client = admin_client(&db).await;

    // What the first loaded (the demo) and what a third process wrote (an account) are
    // there for the second.
    let targets: Value = get_json(&client, format!("{}/api/v1/targets", second.url)).await;
    assert_eq!(targets.as_array().map(Vec::len), Some(15), "{targets}");

    // Each write through one process is in the other's very next read: its engine, not
    // only the tables.
    for round in 0..20u32 {
        let (writer, reader) = if round % 2 == 0 {
            (&first, &second)
        } else {
            (&second, &first)
        };
        let period = format!("2024-{:02}", round % 12 + 1);
        let value = 1_000.0 + f64::from(round);
        let response = client
            .post(format!("{}/api/v1/observations", writer.url))
            .json(&json!({"indicator": "EXPORTS", "unit": "40", "period": period, "value": value.to_string(), "kind": "official"}))
            .send()
            .await
            .expect("post");
        assert_eq!(response.status(), 201, "round {round}");
        let seen = current(&client, reader, "40").await;
        assert!(
            seen.contains(&(period.clone(), value)),
            "round {round}: {period} = {value} not in {seen:?}"
        );
    }

    // A unit created through the second is a place the first accepts figures for.
    let response = client
        .post(format!("{}/api/v1/units", second.url))
        .json(&json!({"code": "40-PG", "kind": "locality", "name_vi": "Đơn vị thử", "parent": "40", "source": "test"}))
        .send()
        .await
        .expect("post");
    assert_eq!(
        response.status(),
        201,
        "{}",
        response.text().await.unwrap_or_default()
    );
    let response = client
        .post(format!("{}/api/v1/observations", first.url))
        .json(&json!({"indicator": "EXPORTS", "unit": "40-PG", "period": "2024-01", "value": "7", "kind": "official"}))
        .send()
        .await
        .expect("post");
    assert_eq!(
        response.status(),
        201,
        "{}",
        response.text().await.unwrap_or_default()
    );
    assert_eq!(
        current(&client, &second, "40-PG").await,
        vec![("2024-01".to_owned(), 7.0)]
    );

    // Versions hold across processes: a figure read through the first and changed through
    // the second cannot be overwritten blindly through the first.
    let history: Value = get_json(
        &client,
        format!(
            "{}/api/v1/observations?indicator=EXPORTS&unit=40-PG&period=2024-01",
            first.url
        ),
    )
    .await;
    let version = history[0]["id"].as_u64().expect("an id");
    for (server, value, status) in [(&second, "8", 201), (&first, "9", 409)] {
        let response = client
            .post(format!("{}/api/v1/observations", server.url))
            .json(&json!({"indicator": "EXPORTS", "unit": "40-PG", "period": "2024-01", "value": value, "kind": "official", "expected_version": version.to_string()}))
            .send()
            .await
            .expect("post");
        assert_eq!(response.status(), status, "value {value}");
    }
    assert_eq!(
        current(&client, &first, "40-PG").await,
        vec![("2024-01".to_owned(), 8.0)]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writes_through_two_processes_all_land_once() {
    let db = database().await;
    let first = serve(&db, true);
    let second = serve(&db, false);
    let client = admin_client(&db).await;
    let writes = (0..40u32).map(|n| {
        let client = client.clone();
        let url = if n % 2 == 0 { &first.url } else { &second.url };
        let body = json!({"indicator": "EXPORTS", "unit": "40", "period": format!("2025-{:02}", n % 6 + 1), "value": format!("{}", 100 + n), "kind": "estimate"});
        async move {
            client
                .post(format!("{url}/api/v1/observations"))
                .json(&body)
                .send()
                .await
                .expect("post")
                .status()
                .as_u16()
        }
    });
    let statuses = futures_util::future::join_all(writes).await;
    assert!(statuses.iter().all(|s| *s == 201), "{statuses:?}");
    // Both engines agree with each other and with the store's history.
    let (a, b) = (
        current(&client, &first, "40").await,
        current(&client, &second, "40").await,
    );
    assert_eq!(a, b);
    let mut recorded = 0;
    for month in 1..=6 {
        let history: Value = get_json(
            &client,
            format!(
                "{}/api/v1/observations?indicator=EXPORTS&unit=40&period=2025-{month:02}",
                second.url
            ),
        )
        .await;
        recorded += history.as_array().map_or(0, Vec::len);
    }
    assert_eq!(recorded, 40, "every write once, none lost, none twice");
}

#[test]
fn backup_and_restore_move_a_demo_from_sqlite_to_postgresql() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_giamsat"))
            .args(args)
            .current_dir(dir.path())
            .env("GIAMSAT_LOG", "warn")
            .output()
            .expect("run giamsat");
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).into_owned()
                + &String::from_utf8_lossy(&output.stderr),
        )
    };
    let (ok, out) = run(&["demo", "--db", "g.db"]);
    assert!(ok, "{out}");
    let (ok, out) = run(&["backup", "--db", "g.db", "demo.jsonl"]);
    assert!(ok && out.contains("backed up"), "{out}");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let db = runtime.block_on(database());
    let (ok, out) = run(&["restore", "--db", &db, "demo.jsonl"]);
    assert!(ok && out.contains("restored"), "{out}");
    // Restoring again refuses, and says why.
    let (ok, out) = run(&["restore", "--db", &db, "demo.jsonl"]);
    assert!(!ok && out.contains("empty"), "{out}");
    let (ok, out) = run(&["backup", "--db", &db, "again.jsonl"]);
    assert!(ok, "{out}");
    let body = |name: &str| {
        let text = std::fs::read_to_string(dir.path().join(name)).expect("backup file");
        text.split_once('\n')
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default()
    };
    let (before, after) = (body("demo.jsonl"), body("again.jsonl"));
    // The restore added one row, its own audit entry at the end of the trail, naming the file;
    // the end line counts it. Every other line came back alike.
    let mut after: Vec<&str> = after.lines().collect();
    let restore = after
        .iter()
        .position(|l| l.contains("\"backup.restore\""))
        .expect("the restore's audit entry");
    assert!(
        after[restore].contains("\"backup:demo.jsonl\""),
        "{}",
        after[restore]
    );
    assert!(
        after[restore + 1].contains("\"table\":\"accounts\""),
        "the last audit row"
    );
    after.remove(restore);
    let end = |line: &str| serde_json::from_str::<serde_json::Value>(line).expect("end line");
    let (before_end, after_end) = (
        end(before.lines().last().expect("end")),
        end(after.pop().expect("end")),
    );
    assert_eq!(
        after_end["rows"],
        before_end["rows"].as_u64().expect("rows") + 1
    );
    let before: Vec<&str> = before.lines().collect();
    let before = &before[..before.len() - 1];
    let differing = before.iter().zip(&after).position(|(a, b)| a != b);
    assert_eq!(differing, None, "every row came back alike");
    assert_eq!(before.len(), after.len());
    // A damaged file is refused with its line, and changes nothing.
    let damaged = std::fs::read_to_string(dir.path().join("demo.jsonl")).expect("read");
    let damaged: String = damaged.lines().take(40).collect::<Vec<_>>().join("\n");
    std::fs::write(dir.path().join("damaged.jsonl"), damaged).expect("write");
    let (ok, out) = run(&["restore", "--db", "fresh.db", "damaged.jsonl"]);
    assert!(
        !ok && out.contains("damaged.jsonl: line 40:") && out.contains("truncated"),
        "{out}"
    );
    let (ok, out) = run(&["export", "--db", "fresh.db", "units"]);
    assert!(ok && out.lines().count() <= 1, "nothing restored: {out}");
}

/// The history of a cell read through one process while the other writes to it marks
/// exactly one current row in every read: the row is decided from the history as read, not
/// from an engine that may be ahead of or behind that read.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_history_read_during_writes_marks_exactly_one_current_row() {
    let db = database().await;
    let first = serve(&db, true);
    let second = serve(&db, false);
    let client = admin_client(&db).await;
    for (writer, reader) in [(&first, &first), (&first, &second)] {
        let (reads, odd) = crate::histories_during_writes(&client, &writer.url, &reader.url).await;
        assert!(
            odd.is_empty(),
            "{} of {reads} reads (rows, marked): {odd:?}",
            odd.len()
        );
    }
}

/// Readiness says whether the store answers; liveness, only that the process does. With its
/// database gone, the server is alive but not ready, and says so with 503.
#[tokio::test]
async fn readiness_fails_when_the_database_is_gone_and_liveness_does_not() {
    let db = database().await;
    let server =
        crate::TestServer::start_on(&db, tempfile::tempdir().expect("tempdir"), false, &[]).await;
    let status = |path: &'static str| {
        let url = server.url(path);
        async move { reqwest::get(url).await.expect("request").status().as_u16() }
    };
    assert_eq!(status("/readyz").await, 200);
    giamsat_store::testing::drop_postgres_database(&db).await;
    assert_eq!(status("/readyz").await, 503);
    assert_eq!(status("/healthz").await, 200);
}
