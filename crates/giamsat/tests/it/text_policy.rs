//! One text policy for every channel: a NUL (which PostgreSQL refuses) or an over-long note is
//! refused with the field named, and nothing written, whether it comes as JSON, as a row of a
//! CSV import or through the entry form; on SQLite and on PostgreSQL alike.

use giamsat_app::Actor;
use serde_json::{Value, json};

use crate::TestServer;
use crate::security::browser_session;

/// What the store holds: the audit trail's length (every write adds to it) and the engine's
/// current figures.
async fn written(server: &TestServer) -> (usize, usize) {
    let audit = server
        .state
        .app
        .audit_trail(&Actor::named("test"), None, 1_000_000)
        .await
        .expect("trail")
        .len();
    (audit, server.state.app.engine().current_cells().count())
}

async fn refuses_bad_notes_on_every_channel(server: TestServer) {
    let long = "ghi chú ".repeat(1_300);
    let cases = [
        ("a NUL", "số liệu\0sơ bộ".to_owned(), "control_character"),
        ("an escape", "\u{1b}[2J".to_owned(), "control_character"),
        ("10,400 characters", long, "too_long"),
    ];
    let (browser, session, csrf) = browser_session(&server, "reporter", Some("40")).await;
    let before = written(&server).await;
    for (case, note, code) in &cases {
        // JSON.
        let (status, body) = server
            .post_json(
                "/api/v1/observations",
                json!({"indicator": "EXPORTS", "unit": "40", "period": "2023-06",
                       "value": 2, "kind": "estimate", "note": note}),
            )
            .await;
        assert_eq!(status, 422, "JSON, {case}: {body}");
        let details = &body["error"]["details"];
        assert_eq!(details[0]["field"], "note", "JSON, {case}: {body}");
        assert_eq!(details[0]["code"], *code, "JSON, {case}: {body}");

        // A CSV import.
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer
            .write_record(["indicator", "unit", "period", "value", "kind", "note"])
            .expect("header");
        writer
            .write_record(["EXPORTS", "40", "2023-06", "2", "estimate", note])
            .expect("row");
        let file = writer.into_inner().expect("csv");
        let response = server
            .client
            .post(server.url("/api/v1/imports/observations"))
            .header("content-type", "text/csv")
            .body(file)
            .send()
            .await
            .expect("import");
        let status = response.status().as_u16();
        let body: Value = response.json().await.expect("json");
        assert_eq!(status, 422, "CSV, {case}: {body}");
        let row = &body["error"]["details"][0];
        assert_eq!(
            (&row["field"], &row["line"], &row["column"]),
            (&json!("note"), &json!(2), &json!(6)),
            "CSV, {case}: {body}"
        );

        // The entry form: the problem is said beside the note.
        let response = browser
            .post(server.url("/entry?lang=en"))
            .header("cookie", format!("giamsat_session={session}"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("unit", "40"),
                ("period", "2023-06"),
                ("kind", "estimate"),
                ("value.EXPORTS", "1.5"),
                ("note", note.as_str()),
            ])
            .send()
            .await
            .expect("form");
        let status = response.status().as_u16();
        let html = response.text().await.expect("html");
        assert_eq!(status, 422, "form, {case}");
        let error = html
            .split("id=\"note-error\">")
            .nth(1)
            .and_then(|rest| rest.split("</span>").next())
            .unwrap_or_else(|| panic!("form, {case}: no error beside the note in {html}"));
        let expected = if *code == "too_long" {
            "characters: at most"
        } else {
            "control character"
        };
        assert!(error.contains(expected), "form, {case}: {error}");
    }
    assert_eq!(written(&server).await, before, "nothing was written");
    // Line breaks and tabs belong in a note; the same figure with one is saved.
    let (status, body) = server
        .post_json(
            "/api/v1/observations",
            json!({"indicator": "EXPORTS", "unit": "40", "period": "2023-06",
                   "value": 2, "kind": "estimate", "note": "dòng một\r\n\tdòng hai"}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
}

#[tokio::test]
async fn a_nul_or_an_over_long_note_is_refused_on_every_channel_on_sqlite() {
    refuses_bad_notes_on_every_channel(TestServer::start(true).await).await;
}

#[tokio::test]
async fn a_nul_or_an_over_long_note_is_refused_on_every_channel_on_postgresql() {
    refuses_bad_notes_on_every_channel(TestServer::start_postgres(true).await).await;
}
