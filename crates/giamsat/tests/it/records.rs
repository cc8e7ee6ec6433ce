//! Correcting records and reading who changed what, through the pages as a browser sends
//! them: a task's deadline extended and its lead changed with a reason, refused without one
//! and refused to whom may not; the audit trail in words, filtered and paged, scoped to the
//! reader's unit; the accounts page for admins only.

use crate::TestServer;
use crate::security::browser_session;

/// A task of the demo that Nghệ An's office may correct.
fn task_of_the_province(server: &TestServer) -> u32 {
    use giamsat_core::access::{Grant, Role};
    let engine = server.state.app.engine();
    let province = engine
        .unit_by_code(&giamsat_core::UnitCode::parse("40").expect("code"))
        .expect("Nghệ An")
        .id;
    let office = giamsat_app::Actor::with_grants("o", vec![Grant::over(Role::Office, province)]);
    let found = engine
        .follow_up()
        .tasks_where(giamsat_web::pages::today(), |t| {
            giamsat_app::corrections::may_correct(&office, &engine, t.id, true)
        })
        .first()
        .map(|v| v.task.id.0);
    found.expect("a task of Nghệ An")
}

struct Session {
    client: reqwest::Client,
    cookie: String,
    csrf: String,
}

impl Session {
    async fn of(server: &TestServer, role: &str, scope: Option<&str>) -> Session {
        let (client, session, csrf) = browser_session(server, role, scope).await;
        Session {
            client,
            cookie: format!("giamsat_session={session}"),
            csrf,
        }
    }

    async fn get(&self, server: &TestServer, path: &str) -> (u16, String) {
        let response = self
            .client
            .get(server.url(path))
            .header("cookie", &self.cookie)
            .send()
            .await
            .expect("page");
        let status = response.status().as_u16();
        (status, response.text().await.expect("html"))
    }

    async fn post(
        &self,
        server: &TestServer,
        path: &str,
        fields: &[(&str, &str)],
    ) -> (u16, String) {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &self.csrf));
        let response = self
            .client
            .post(server.url(path))
            .header("cookie", &self.cookie)
            .header("origin", server.url(""))
            .form(&form)
            .send()
            .await
            .expect("form");
        let status = response.status().as_u16();
        (status, response.text().await.expect("html"))
    }
}

#[tokio::test]
async fn a_task_is_corrected_with_a_reason_and_its_history_and_the_audit_say_so_in_each_language() {
    let server = TestServer::start(true).await;
    let task = task_of_the_province(&server);
    let office = Session::of(&server, "office", Some("40")).await;
    let path = format!("/tasks/{task}?lang=vi");
    let (status, html) = office.get(&server, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"task-edit-form\"") && html.contains("Lý do"));
    let action = format!("/tasks/{task}/revise");
    // Without a reason: refused beside the field, in the reader's language, nothing kept.
    let (status, html) = office
        .post(
            &server,
            &action,
            &[("due", "31/03/2031"), ("reason", " "), ("version", "0")],
        )
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("Hãy nêu lý do."), "{html}");
    assert!(
        server
            .state
            .app
            .engine()
            .follow_up()
            .revisions_of(giamsat_core::FollowUpId(task))
            .is_empty()
    );
    // With one: a new version, and the page goes to its history.
    let (status, _) = office
        .post(
            &server,
            &action,
            &[
                ("due", "31/03/2031"),
                ("lead", "40-UBND"),
                ("reason", "Quyết định 88/QĐ-UBND"),
                ("version", "0"),
            ],
        )
        .await;
    assert_eq!(status, 303);
    // The same form sent again from the old version is refused: someone corrected it since.
    let (status, html) = office
        .post(
            &server,
            &action,
            &[
                ("due", "30/04/2031"),
                ("reason", "lần nữa"),
                ("version", "0"),
            ],
        )
        .await;
    assert_eq!(status, 409);
    assert!(html.contains("Người khác vừa sửa bản ghi này"), "{html}");
    for (lang, extension, lead, date) in [
        ("vi", "Gia hạn", "Đổi đơn vị chủ trì", "31/03/2031"),
        (
            "en",
            "Deadline extended",
            "Lead unit changed",
            "31 March 2031",
        ),
        ("fr", "Délai prolongé", "Unité pilote changée", "31/03/2031"),
    ] {
        let (_, html) = office
            .get(&server, &format!("/tasks/{task}?lang={lang}"))
            .await;
        let history = &html[html.find("id=\"history\"").expect("a history")..];
        for words in [extension, lead, date, "Quyết định 88/QĐ-UBND"] {
            assert!(history.contains(words), "{lang}: {words} in the history");
        }
        let (status, audit) = office
            .get(
                &server,
                &format!("/audit?unit=40&action=task.revision&lang={lang}"),
            )
            .await;
        assert_eq!(status, 200, "{lang}");
        assert!(
            audit.contains(date),
            "{lang}: the new deadline in the audit"
        );
        assert!(
            !audit.contains("task.revision</td>"),
            "{lang}: the action in words"
        );
    }
    let (_, audit) = office
        .get(&server, "/audit?unit=40&action=task.revision&lang=vi")
        .await;
    assert!(audit.contains("Sửa nhiệm vụ, gia hạn") && audit.contains("Hạn hoàn thành"));
    assert!(
        audit.contains(&format!("href=\"/tasks/{task}\"")),
        "the object links to its page"
    );
    // Filtered to another kind of object, the correction is not listed.
    let (_, other) = office
        .get(
            &server,
            "/audit?unit=40&action=task.revision&object=account:&lang=vi",
        )
        .await;
    assert!(!other.contains("Hạn hoàn thành"));
}

#[tokio::test]
async fn who_may_not_correct_is_refused_before_anything_is_shown_and_sees_no_form() {
    let server = TestServer::start(true).await;
    let task = task_of_the_province(&server);
    for (role, scope) in [("viewer", "40"), ("reporter", "40-SCT"), ("office", "22")] {
        let session = Session::of(&server, role, Some(scope)).await;
        let (status, html) = session
            .get(&server, &format!("/tasks/{task}?lang=vi"))
            .await;
        assert_eq!(status, 200);
        assert!(
            !html.contains("task-edit-form"),
            "{role}: no correction form"
        );
        let (status, html) = session
            .post(
                &server,
                &format!("/tasks/{task}/revise"),
                &[("due", "nonsense"), ("version", "7")],
            )
            .await;
        assert_eq!(status, 403, "{role} over {scope}");
        assert!(
            !html.contains("nonsense"),
            "{role}: the refusal shows nothing of the form"
        );
        // The audit trail: only an office or admin over the unit.
        let (status, _) = session.get(&server, "/audit?unit=40").await;
        assert_eq!(status, 403, "{role} reading Nghệ An's trail");
        let (status, _) = session.get(&server, "/admin/accounts").await;
        assert_eq!(status, 403, "{role} on the accounts page");
    }
    assert!(
        server
            .state
            .app
            .engine()
            .follow_up()
            .revisions_of(giamsat_core::FollowUpId(task))
            .is_empty()
    );
}

#[tokio::test]
async fn the_audit_trail_reads_in_pages_and_its_filters_keep_to_the_readers_unit() {
    let server = TestServer::start(true).await;
    let office = Session::of(&server, "office", Some("40")).await;
    let (status, first) = office.get(&server, "/audit?lang=vi").await;
    assert_eq!(status, 200);
    // The demo wrote far more than a page: a next page, and no previous one.
    let next = first.find("id=\"audit-next\"").expect("a next page");
    assert!(!first.contains("rel=\"prev\""));
    let href = first[..next]
        .rsplit("href=\"")
        .next()
        .and_then(|h| h.split('"').next())
        .expect("the next page's address")
        .replace("&amp;", "&")
        .replace("&#38;", "&");
    let (status, second) = office.get(&server, &href).await;
    assert_eq!(status, 200, "{href}");
    assert!(second.contains("rel=\"prev\""), "{href}");
    let rows = |html: &str| html.matches("<tr><td").count();
    assert_eq!(rows(&first), 50);
    assert!(rows(&second) > 0);
    // Days as the reader writes them; a day that is not one is said so, in words.
    let (status, html) = office.get(&server, "/audit?from=31/13/2026&lang=vi").await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"date-error\""));
    let (_, html) = office.get(&server, "/audit?from=01/01/2099&lang=vi").await;
    assert_eq!(rows(&html), 0, "nothing recorded in 2099");
    // Another province's trail stays closed, however it is asked for.
    let (status, _) = office.get(&server, "/audit?unit=22&who=demo").await;
    assert_eq!(status, 403);
    // An office over the whole tree opens the trail of its units from the menu, with no unit
    // asked for; the records of no unit (accounts) stay an administrator's.
    let national = Session::of(&server, "office", None).await;
    let (status, html) = national.get(&server, "/audit?lang=vi").await;
    assert_eq!(status, 200);
    assert!(rows(&html) > 0);
    assert!(
        !html.contains("Tạo tài khoản"),
        "accounts' records are not a unit's"
    );
    // The unit is chosen by name from the units of the reader's scope.
    assert!(first.contains("<select id=\"unit\" name=\"unit\">"));
    assert!(
        !first.contains("value=\"22\""),
        "another province is not offered"
    );
}

#[tokio::test]
async fn the_new_forms_read_in_each_language_without_english_on_vi_and_fr_pages() {
    let server = TestServer::start(true).await;
    let task = task_of_the_province(&server);
    let session = {
        let engine = server.state.app.engine();
        let first = engine.follow_up().sessions().next().map(|s| s.id.0);
        first.expect("a session")
    };
    let admin = Session::of(&server, "admin", None).await;
    // English words of these pages that a vi or fr page must not show.
    let english = [
        "History of changes",
        "Deadline extended",
        "Save the changes",
        "Correct the task",
        "Correct the minutes",
        "Reason",
        "New account",
        "Grant the role",
        "Disable the account",
        "New password",
        "What changed",
        "Next page",
    ];
    for path in [
        format!("/tasks/{task}"),
        format!("/supervision/sessions/{session}"),
        "/admin/accounts".to_owned(),
        "/audit?unit=40".to_owned(),
    ] {
        for lang in ["vi", "en", "fr"] {
            let (status, html) = admin
                .get(
                    &server,
                    &format!(
                        "{path}{}lang={lang}",
                        if path.contains('?') { '&' } else { '?' }
                    ),
                )
                .await;
            assert_eq!(status, 200, "{path} in {lang}");
            if lang != "en" {
                for words in english {
                    assert!(!html.contains(words), "{path} in {lang} shows \"{words}\"");
                }
            }
        }
    }
}
