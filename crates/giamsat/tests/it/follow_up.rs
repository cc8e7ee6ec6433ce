//! Follow-up over HTTP: sessions, conclusions turned into tasks, progress with evidence,
//! clashing plans, recommendations, and the pages that show them.

use serde_json::json;

use crate::TestServer;

#[tokio::test]
async fn a_session_its_conclusions_as_tasks_and_their_progress_through_the_api() {
    let server = TestServer::start(true).await;
    let (status, session) = server
        .post_json(
            "/api/v1/sessions",
            json!({
                "body": "40-TU", "unit": "40-SCT", "date": "5/9/2024", "place": "Vinh",
                "delegation": {"title": "Đoàn giám sát", "members": [
                    {"name": "Trần Minh Lực", "role": "head", "position": "UVTV Tỉnh ủy"},
                    {"name": "Nguyễn Văn A", "role": "secretary"}
                ]},
                "attendees": [{"name": "Chama Lea Thi Thuy", "position": "Trưởng Ban Dân vận Tỉnh ủy"}],
                "documents": ["40-KH-2023"],
                "conclusions": ["Rà soát quy hoạch cụm công nghiệp", "Báo cáo kết quả trước 30/9"]
            }),
        )
        .await;
    assert_eq!(status, 201, "{session}");
    let id = session["id"].as_u64().expect("id");
    // Known people are recognised across spellings.
    assert_eq!(session["attendees"][0]["name"], "Chamaléa Thị Thủy");
    assert_eq!(session["delegation"]["members"][0]["role"], "head");
    assert_eq!(session["conclusions"][1]["task"], serde_json::Value::Null);
    let (status, task) = server
        .post_json(
            "/api/v1/tasks",
            json!({"session": id, "item": 2, "lead": "40-SCT", "co_owners": ["40-UBND"], "due": "2024-09-30"}),
        )
        .await;
    assert_eq!(status, 201, "{task}");
    assert_eq!(task["title"], "Báo cáo kết quả trước 30/9");
    assert_eq!(task["status"], "overdue");
    let task_id = task["id"].as_u64().expect("id");
    let (_, again) = server.get_json(&format!("/api/v1/sessions/{id}")).await;
    assert_eq!(again["conclusions"][1]["task"], task_id);
    // A second task from the same item is a conflict.
    let (status, body) = server
        .post_json(
            "/api/v1/tasks",
            json!({"session": id, "item": 2, "lead": "40-SCT"}),
        )
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (409, Some("conflict"))
    );
    // Evidence: a PDF is kept, served as a download; HTML is refused.
    let upload = server
        .client
        .post(server.url("/api/v1/evidence?name=b%C3%A1o%20c%C3%A1o.pdf"))
        .body(b"%PDF-1.4 minutes".to_vec())
        .send()
        .await
        .expect("upload");
    assert_eq!(upload.status().as_u16(), 201);
    let file: serde_json::Value = upload.json().await.expect("json");
    let sha = file["sha256"].as_str().expect("sha").to_owned();
    let refused = server
        .client
        .post(server.url("/api/v1/evidence?name=x.html"))
        .body("<script>alert(1)</script>")
        .send()
        .await
        .expect("upload");
    assert_eq!(refused.status().as_u16(), 422);
    let (status, done) = server
        .post_json(
            &format!("/api/v1/tasks/{task_id}/updates"),
            json!({"on": "2024-10-02", "text": "Đã gửi báo cáo", "percent": 100, "done": true,
                   "links": ["https://nghean.gov.vn/bao-cao"], "files": [sha]}),
        )
        .await;
    assert_eq!(status, 201, "{done}");
    assert_eq!(done["status"], "done_late");
    assert_eq!(done["updates"][0]["evidence"][1]["name"], "báo cáo.pdf");
    let download = server
        .client
        .get(server.url(&format!("/evidence/{sha}")))
        .send()
        .await
        .expect("download");
    assert_eq!(download.status().as_u16(), 200);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert!(
        download.headers()["content-disposition"]
            .to_str()
            .expect("h")
            .starts_with("attachment")
    );
    assert_eq!(download.headers()["x-content-type-options"], "nosniff");
    // The unit's list puts overdue first; the done task is last.
    let (_, list) = server
        .get_json("/api/v1/tasks?unit=40-SCT&on=2024-10-05")
        .await;
    let statuses: Vec<&str> = list
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|t| t["status"].as_str())
        .collect();
    assert_eq!(statuses.first(), Some(&"overdue"));
    assert_eq!(statuses.last(), Some(&"done_late"));
}

#[tokio::test]
async fn clashing_plans_and_late_answers_are_shown_to_both_sides() {
    let server = TestServer::start(true).await;
    for (kind, body, first, last) in [
        ("supervision", "40-TU", "2024-03-01", "2024-03-31"),
        ("inspection", "40-UBND", "2024-03-31", "2024-04-10"),
    ] {
        let (status, body) = server
            .post_json(
                "/api/v1/visits",
                json!({"kind": kind, "body": body, "unit": "40-SCT", "topics": ["Quản lý khoáng sản"],
                       "documents": ["40-KH-2023"], "first": first, "last": last}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }
    let (_, visits) = server.get_json("/api/v1/visits").await;
    for visit in visits.as_array().expect("list") {
        let clashes = visit["clashes"].as_array().expect("clashes");
        assert_eq!(clashes.len(), 1, "{visit}");
        assert_eq!(clashes[0]["first"], "2024-03-31");
        assert_eq!(clashes[0]["documents"][0], "40-KH-2023");
    }
    let (status, rec) = server
        .post_json(
            "/api/v1/recommendations",
            json!({"from": "40-SCT", "to": "40-UBND", "received": "2024-03-01", "limit_days": 15, "text": "Bổ sung vốn"}),
        )
        .await;
    assert_eq!(status, 201, "{rec}");
    assert_eq!(rec["due"], "2024-03-16");
    assert_eq!(rec["status"], "overdue");
    let (status, answered) = server
        .post_json(
            &format!("/api/v1/recommendations/{}/answer", rec["id"]),
            json!({"on": "2024-03-16", "text": "Đã bố trí"}),
        )
        .await;
    assert_eq!(status, 201, "{answered}");
    assert_eq!(answered["status"], "answered");
    // The pages show the clash and the answer, in each language.
    for (lang, clash, answered) in [
        ("vi", "Chồng chéo:", "Đã trả lời"),
        ("en", "Clash:", "Answered"),
        ("fr", "Chevauchement :", "Répondue"),
    ] {
        let html = server.text(&format!("/supervision?lang={lang}")).await;
        assert_eq!(
            html.matches(clash).count(),
            2,
            "{lang}: both visits are warned"
        );
        let html = server.text(&format!("/recommendations?lang={lang}")).await;
        assert!(html.contains(answered), "{lang}");
        for path in [
            "/tasks",
            "/tasks?unit=S002-SCT",
            "/supervision/sessions/new",
            "/tasks/1",
        ] {
            let response = server
                .client
                .get(server.url(&format!(
                    "{path}{}lang={lang}",
                    if path.contains('?') { '&' } else { '?' }
                )))
                .send()
                .await
                .expect("r");
            let status = response.status().as_u16();
            let html = response.text().await.expect("html");
            assert!(
                status == 200 || (path == "/tasks/1" && status == 404),
                "{path} {lang}: {status}"
            );
            assert_eq!(html.matches("<h1").count(), 1, "{path}");
        }
    }
    // The demo's sessions of seeds 002 and 003 are listed, with their tasks.
    let html = server.text("/supervision?lang=vi").await;
    assert!(
        html.contains("18/08/2023") && html.contains("07/06/2023"),
        "the seeds' sessions"
    );
    assert!(
        html.contains("5/5") && html.contains("4/4"),
        "every item became a task"
    );
}

#[tokio::test]
async fn a_person_holds_several_positions_at_once_and_over_time() {
    let server = TestServer::start(true).await;
    let (status, person) = server
        .post_json(
            "/api/v1/people",
            json!({"name": "Nguyễn Văn Bình", "positions": [
                {"title": "UVTV Tỉnh ủy", "from": "2020-10-01"},
                {"title": "Phó Chủ tịch HĐND tỉnh", "unit": "S002", "from": "2021-06-01"},
                {"title": "Giám đốc Sở", "from": "2016-01-01", "to": "2021-05-31"}
            ]}),
        )
        .await;
    assert_eq!(status, 201, "{person}");
    let titles = |body: &serde_json::Value| -> Vec<String> {
        body[0]["positions"]
            .as_array()
            .expect("positions")
            .iter()
            .filter_map(|p| p["title"].as_str().map(str::to_owned))
            .collect()
    };
    let (_, then) = server
        .get_json("/api/v1/people?name=NGUYEN%20VAN%20BINH&on=2020-01-01")
        .await;
    assert_eq!(titles(&then), ["Giám đốc Sở"]);
    let (_, later) = server
        .get_json("/api/v1/people?name=Nguyen%20Van%20Binh&on=2023-08-18")
        .await;
    assert_eq!(titles(&later), ["UVTV Tỉnh ủy", "Phó Chủ tịch HĐND tỉnh"]);
    // The demo's people are found in any spelling, with the positions of seed 002.
    let (_, luc) = server
        .get_json("/api/v1/people?name=TRAN%20MINH%20LUC")
        .await;
    assert_eq!(luc[0]["name"], "Trần Minh Lực");
    assert!(titles(&luc).contains(&"Phó Chủ tịch HĐND tỉnh".to_owned()));
    let (status, bad) = server
        .post_json(
            "/api/v1/people",
            json!({"name": "X", "positions": [{"title": "Y", "from": "2022-01-01", "to": "2021-01-01"}]}),
        )
        .await;
    assert_eq!(status, 422, "{bad}");
    let (_, nobody) = server.get_json("/api/v1/people?name=X").await;
    assert_eq!(nobody, json!([]), "nothing of the refused person was kept");
}

#[tokio::test]
async fn a_progress_form_with_a_file_needs_its_csrf_token_and_keeps_only_known_kinds() {
    let server = TestServer::start(true).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let (username, password) = server.account("reporter", Some("S002-SCT")).await;
    let session = crate::sign_in(&client, &server.url(""), &username, &password).await;
    let cookie = format!("giamsat_session={session}");
    let task = {
        let engine = server.state.app.engine();
        let sct = engine.find_units("S002-SCT")[0].id;
        engine.follow_up().tasks_of(
            sct,
            giamsat_app::input::parse_date("2026-01-01").expect("date"),
        )[0]
        .task
        .id
    };
    let page = client
        .get(server.url(&format!("/tasks/{task}")))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("page");
    let csrf = crate::csrf_field(&page.text().await.expect("html"));
    let form = |token: &str, file_name: &str, content: &[u8]| {
        let mut body = Vec::new();
        for (name, value) in [
            ("csrf", token),
            ("text", "Đã rà soát xong"),
            ("percent", "40"),
        ] {
            body.extend_from_slice(
                format!(
                    "--B\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n--B--\r\n");
        client
            .post(server.url(&format!("/tasks/{task}/progress?lang=en")))
            .header("cookie", &cookie)
            .header("content-type", "multipart/form-data; boundary=B")
            .body(body)
    };
    let updates = |server: &TestServer| {
        server
            .state
            .app
            .engine()
            .follow_up()
            .task_view(
                task,
                giamsat_app::input::parse_date("2030-01-01").expect("date"),
            )
            .map_or(0, |v| v.updates.len())
    };
    let missing = form("wrong", "a.pdf", b"%PDF-1.4").send().await.expect("r");
    assert_eq!(missing.status().as_u16(), 403);
    // A page that would run in the browser is refused beside the file field.
    let html = form(&csrf, "page.html", b"<script>alert(1)</script>")
        .send()
        .await
        .expect("r");
    let status = html.status().as_u16();
    let text = html.text().await.expect("html");
    assert_eq!(status, 422, "{text}");
    assert!(text.contains("id=\"file-error\""));
    assert_eq!(updates(&server), 0, "nothing written");
    let ok = form(&csrf, "bien-ban.pdf", b"%PDF-1.4 bien ban")
        .send()
        .await
        .expect("r");
    let status = ok.status().as_u16();
    assert_eq!(status, 303, "{}", ok.text().await.unwrap_or_default());
    assert_eq!(updates(&server), 1);
}

/// The task and session ids a list answers, from its JSON.
fn ids(list: &serde_json::Value) -> Vec<u64> {
    list.as_array()
        .map(|all| all.iter().filter_map(|x| x["id"].as_u64()).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_viewer_of_one_province_lists_its_tasks_sessions_and_visits_and_not_another_provinces() {
    let server = TestServer::start(true).await;
    // The demo's tasks and sessions of Nghệ An (40) and of the province of source 002.
    let (ours, theirs, our_session, their_session) = {
        let engine = server.state.app.engine();
        let unit = |code: &str| {
            engine
                .unit_by_code(&giamsat_core::UnitCode::parse(code).expect("code"))
                .expect("demo unit")
                .id
        };
        let book = engine.follow_up();
        let led_by = |code: &str| -> Vec<u64> {
            book.tasks_where(giamsat_web::pages::today(), |t| t.lead == unit(code))
                .iter()
                .map(|v| u64::from(v.task.id.0))
                .collect()
        };
        let held_by = |code: &str| {
            book.sessions()
                .find(|s| s.body == unit(code))
                .map(|s| u64::from(s.id.0))
                .expect("a demo session")
        };
        (
            led_by("40-SCT"),
            led_by("S002-SCT"),
            held_by("40-UBND"),
            held_by("S002-BTV"),
        )
    };
    assert!(!ours.is_empty() && !theirs.is_empty());
    // A visit of Nghệ An's department and one of source 002's province.
    let mut visits = Vec::new();
    for (body, unit) in [("40-TU", "40-SCT"), ("S002-BTV", "S002-SCT")] {
        let (status, visit) = server
            .post_json(
                "/api/v1/visits",
                json!({"kind": "supervision", "body": body, "unit": unit, "topics": ["Khoáng sản"],
                       "first": "2024-03-01", "last": "2024-03-05"}),
            )
            .await;
        assert_eq!(status, 201, "{visit}");
        visits.push(visit["id"].as_u64().expect("visit id"));
    }
    let (our_visit, their_visit) = (visits[0], visits[1]);
    let (_, all_visits) = server.get_json("/api/v1/visits").await;
    assert!(ids(&all_visits).contains(&their_visit));

    // The administrator over everything lists both.
    let (_, all) = server.get_json("/api/v1/tasks").await;
    let all = ids(&all);
    assert!(
        ours.iter().chain(&theirs).all(|t| all.contains(t)),
        "{all:?}"
    );
    let (_, sessions) = server.get_json("/api/v1/sessions").await;
    let sessions = ids(&sessions);
    assert!(sessions.contains(&our_session) && sessions.contains(&their_session));
    let page = server.text("/tasks?lang=vi").await;
    assert!(
        theirs
            .iter()
            .all(|t| page.contains(&format!("data-task=\"{t}\"")))
    );

    // A viewer of Nghệ An lists Nghệ An's only, in the API, on the pages and in the download.
    let viewer = TestServer::client_with(&server.token("viewer", Some("40")).await);
    let json = |path: &'static str| {
        let viewer = viewer.clone();
        let url = server.url(path);
        async move {
            let response = viewer.get(url).send().await.expect("request");
            assert_eq!(response.status().as_u16(), 200, "{path}");
            ids(&response.json().await.expect("json"))
        }
    };
    let tasks = json("/api/v1/tasks").await;
    assert!(ours.iter().all(|t| tasks.contains(t)), "{tasks:?}");
    assert!(!theirs.iter().any(|t| tasks.contains(t)), "{tasks:?}");
    let sessions = json("/api/v1/sessions").await;
    assert!(sessions.contains(&our_session) && !sessions.contains(&their_session));
    let listed = json("/api/v1/visits").await;
    assert!(
        listed.contains(&our_visit) && !listed.contains(&their_visit),
        "{listed:?}"
    );
    let text = |path: String| {
        let viewer = viewer.clone();
        let url = server.url(&path);
        async move {
            viewer
                .get(url)
                .send()
                .await
                .expect("request")
                .text()
                .await
                .expect("body")
        }
    };
    let page = text("/tasks?lang=vi".into()).await;
    assert!(
        ours.iter()
            .all(|t| page.contains(&format!("data-task=\"{t}\"")))
    );
    assert!(
        !theirs
            .iter()
            .any(|t| page.contains(&format!("data-task=\"{t}\"")))
    );
    let page = text("/supervision?lang=vi".into()).await;
    assert!(
        page.contains(&format!("/supervision/sessions/{our_session}\""))
            && !page.contains(&format!("/supervision/sessions/{their_session}\"")),
        "{page}"
    );
    // The visits' subjects name their units: the viewer's list names Nghệ An's department only.
    assert!(
        page.matches("Khoáng sản").count() == 1,
        "one visit of Nghệ An: {page}"
    );
    let csv = text("/exports/tasks.csv?lang=vi".into()).await;
    let their_title = server
        .state
        .app
        .engine()
        .follow_up()
        .task(giamsat_core::FollowUpId(
            u32::try_from(theirs[0]).expect("id"),
        ))
        .map(|t| t.title.clone())
        .expect("task");
    assert!(!csv.contains(&their_title), "{csv}");
}
