//! Accounts, roles and the defences around them, over real HTTP: every role against every
//! write endpoint inside and outside its scope, CSRF, session fixation, throttled sign-in,
//! revoked tokens, hostile text, and many writers on one figure.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use giamsat_app::Actor;
use serde_json::{Value, json};

use crate::{TestServer, csrf_field, set_cookie_value, sign_in};

/// How many audit entries the store holds: every write adds at least one.
async fn audit_len(server: &TestServer) -> usize {
    server
        .state
        .app
        .audit_trail(&Actor::named("test"), None, 1_000_000)
        .await
        .expect("trail")
        .len()
}

fn target_on(server: &TestServer, unit: &str, document: &str) -> u32 {
    let engine = server.state.app.engine();
    let unit = engine.find_units(unit).first().map(|u| u.id).expect("unit");
    engine
        .targets()
        .find(|t| {
            t.unit == unit
                && engine
                    .document(t.document)
                    .is_some_and(|d| d.key.as_str() == document)
        })
        .map(|t| t.id.0)
        .expect("target")
}

/// One write: which endpoint, what it creates, and the request.
struct Write {
    name: &'static str,
    /// Which roles over the unit may make it.
    allowed: &'static [&'static str],
}

const WRITES: &[Write] = &[
    Write {
        name: "POST /api/v1/units",
        allowed: &["admin", "office"],
    },
    Write {
        name: "POST /api/v1/indicators",
        allowed: &[],
    },
    Write {
        name: "POST /api/v1/documents",
        allowed: &["admin", "office"],
    },
    Write {
        name: "POST /api/v1/targets",
        allowed: &["admin", "office"],
    },
    Write {
        name: "POST /api/v1/targets/{id}/scenario",
        allowed: &["admin", "office"],
    },
    Write {
        name: "POST /api/v1/observations",
        allowed: &["admin", "office", "reporter"],
    },
    Write {
        name: "POST /api/v1/scorecards",
        allowed: &["admin", "office"],
    },
    Write {
        name: "POST /api/v1/imports/observations",
        allowed: &["admin", "office", "reporter"],
    },
    Write {
        name: "POST /entry",
        allowed: &["admin", "office", "reporter"],
    },
    Write {
        name: "POST /api/v1/sessions",
        allowed: &["admin", "office", "supervisor"],
    },
    Write {
        name: "POST /api/v1/visits",
        allowed: &["admin", "office", "supervisor"],
    },
    Write {
        name: "POST /api/v1/tasks",
        allowed: &["admin", "office", "supervisor"],
    },
    Write {
        name: "POST /api/v1/tasks/{id}/updates",
        allowed: &["admin", "office", "reporter"],
    },
    Write {
        name: "POST /api/v1/recommendations",
        allowed: &["admin", "office", "reporter"],
    },
    Write {
        name: "POST /api/v1/recommendations/{id}/answer",
        allowed: &["admin", "office"],
    },
    Write {
        name: "POST /tasks/{id}/progress",
        allowed: &["admin", "office", "reporter"],
    },
    Write {
        name: "POST /supervision/sessions",
        allowed: &["admin", "office", "supervisor"],
    },
];

static SERIAL: AtomicUsize = AtomicUsize::new(0);

/// Sends one write about `unit` (in the matrix: 40, Nghệ An, or 22, Quảng Ninh).
/// Prepares one write about `unit` (in the matrix: 40, Nghệ An, or 22, Quảng Ninh): what it
/// needs is made first by the administrator of the tree, so that only the write itself is
/// measured.
async fn prepare(
    server: &TestServer,
    client: &reqwest::Client,
    write: &str,
    unit: &str,
) -> reqwest::RequestBuilder {
    let n = SERIAL.fetch_add(1, Ordering::Relaxed);
    let year = 2030 + n;
    let document = if unit == "40" { "M-IN" } else { "M-OUT" };
    let post = |path: String, body: Value| client.post(server.url(&path)).json(&body);
    match write {
        "POST /api/v1/units" => post(
            "/api/v1/units".into(),
            json!({"code": format!("M{n}"), "kind": "department", "parent": unit, "name_vi": "Sở thử"}),
        ),
        "POST /api/v1/indicators" => post(
            "/api/v1/indicators".into(),
            json!({"code": format!("MI{n}"), "name_vi": "Chỉ tiêu thử", "direction": "higher_is_better", "across_units": "sum", "over_time": "flow"}),
        ),
        "POST /api/v1/documents" => post(
            "/api/v1/documents".into(),
            json!({"key": format!("M-{n}"), "doc_type": "plan", "issued_by": unit, "title_vi": "Kế hoạch thử"}),
        ),
        "POST /api/v1/targets" => post(
            "/api/v1/targets".into(),
            json!({"document": document, "indicator": "EXPORTS", "unit": unit, "period": year.to_string(), "value": 1}),
        ),
        "POST /api/v1/targets/{id}/scenario" => post(
            format!(
                "/api/v1/targets/{}/scenario",
                target_on(server, unit, document)
            ),
            json!({"points": [{"month": "2030-06", "value": n}]}),
        ),
        "POST /api/v1/observations" => post(
            "/api/v1/observations".into(),
            json!({"indicator": "EXPORTS", "unit": unit, "period": format!("{year}-01"), "value": n, "kind": "estimate"}),
        ),
        "POST /api/v1/scorecards" => post(
            "/api/v1/scorecards".into(),
            json!({"unit": unit, "period": year.to_string(), "met": 1, "set": 2}),
        ),
        "POST /api/v1/imports/observations" => client
            .post(server.url("/api/v1/imports/observations"))
            .body(format!(
                "indicator,unit,period,value,kind\nEXPORTS,{unit},{year}-02,{n},estimate\n"
            )),
        "POST /entry" => client.post(server.url("/entry")).form(&[
            ("unit", unit.to_owned()),
            ("period", format!("{year}-03")),
            ("kind", "estimate".to_owned()),
            ("value.EXPORTS", n.to_string()),
        ]),
        "POST /api/v1/sessions" => post(
            "/api/v1/sessions".into(),
            json!({"body": unit, "unit": unit, "date": "2024-05-05", "conclusions": ["Việc"]}),
        ),
        "POST /supervision/sessions" => client.post(server.url("/supervision/sessions")).form(&[
            ("body", unit),
            ("unit", unit),
            ("date", "6/5/2024"),
            ("conclusions", "Việc một"),
        ]),
        "POST /api/v1/visits" => post(
            "/api/v1/visits".into(),
            json!({"body": unit, "unit": unit, "topics": ["Thử"], "first": "2024-01-01", "last": "2024-01-02"}),
        ),
        "POST /api/v1/tasks" => post(
            "/api/v1/tasks".into(),
            json!({"title": "Việc", "document": document, "lead": unit}),
        ),
        "POST /api/v1/tasks/{id}/updates" | "POST /tasks/{id}/progress" => {
            let (status, task) = server
                .post_json(
                    "/api/v1/tasks",
                    json!({"title": "Việc", "document": document, "lead": unit}),
                )
                .await;
            assert_eq!(status, 201, "{task}");
            let id = &task["id"];
            if write.starts_with("POST /api") {
                post(
                    format!("/api/v1/tasks/{id}/updates"),
                    json!({"text": "Đang làm", "percent": 10}),
                )
            } else {
                client
                    .post(server.url(&format!("/tasks/{id}/progress")))
                    .form(&[("text", "Đang làm")])
            }
        }
        "POST /api/v1/recommendations" => post(
            "/api/v1/recommendations".into(),
            json!({"from": unit, "to": unit, "received": "2024-01-01", "limit_days": 10, "text": "Đề nghị"}),
        ),
        "POST /api/v1/recommendations/{id}/answer" => {
            let (status, rec) = server
                .post_json(
                    "/api/v1/recommendations",
                    json!({"from": unit, "to": unit, "received": "2024-01-01", "limit_days": 10, "text": "Đề nghị"}),
                )
                .await;
            assert_eq!(status, 201, "{rec}");
            post(
                format!("/api/v1/recommendations/{}/answer", rec["id"]),
                json!({"on": "2024-01-05", "text": "Trả lời"}),
            )
        }
        other => panic!("no such write {other}"),
    }
}

async fn send(server: &TestServer, client: &reqwest::Client, write: &str, unit: &str) -> u16 {
    prepare(server, client, write, unit)
        .await
        .send()
        .await
        .expect("request")
        .status()
        .as_u16()
}

#[tokio::test]
async fn every_role_against_every_write_endpoint_inside_and_outside_its_scope() {
    let server = TestServer::start(true).await;
    // A document and a target in each province, made by the administrator of the tree.
    for (key, unit) in [("M-IN", "40"), ("M-OUT", "22")] {
        let (status, body) = server
            .post_json(
                "/api/v1/documents",
                json!({"key": key, "doc_type": "plan", "issued_by": unit, "title_vi": "Kế hoạch"}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        let (status, body) = server
            .post_json(
                "/api/v1/targets",
                json!({"document": key, "indicator": "EXPORTS", "unit": unit, "period": "2030", "value": 1}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }
    let mut cells = 0;
    for role in ["admin", "office", "reporter", "supervisor", "viewer"] {
        let client = TestServer::client_with(&server.token(role, Some("40")).await);
        for write in WRITES {
            for (unit, inside) in [("40", true), ("22", false)] {
                let request = prepare(&server, &client, write.name, unit).await;
                let before = audit_len(&server).await;
                let status = request.send().await.expect("request").status().as_u16();
                let after = audit_len(&server).await;
                let allowed = inside && write.allowed.contains(&role);
                let place = if inside { "inside" } else { "outside" };
                if allowed {
                    assert!(
                        matches!(status, 200 | 201 | 303),
                        "{role} {place} {}: {status}",
                        write.name
                    );
                    assert!(
                        after > before,
                        "{role} {place} {}: nothing written",
                        write.name
                    );
                } else {
                    assert_eq!(status, 403, "{role} {place} {}", write.name);
                    assert_eq!(
                        after, before,
                        "{role} {place} {}: something was written",
                        write.name
                    );
                }
                cells += 1;
            }
        }
    }
    assert_eq!(cells, 5 * WRITES.len() * 2);
    // Indicators belong to the whole tree: only its administrator defines them (the test
    // client is one).
    let status = send(&server, &server.client, "POST /api/v1/indicators", "40").await;
    assert_eq!(status, 201);
    // Reading the audit: admins and offices over the unit; the whole trail, the tree's admin.
    for (role, own, other, whole) in [
        ("admin", 200, 403, 403),
        ("office", 200, 403, 403),
        ("reporter", 403, 403, 403),
        ("supervisor", 403, 403, 403),
        ("viewer", 403, 403, 403),
    ] {
        let client = TestServer::client_with(&server.token(role, Some("40")).await);
        for (path, expected) in [
            ("/api/v1/audit?unit=40-SCT", own),
            ("/audit.csv?unit=40", own),
            ("/audit?unit=40", own),
            ("/api/v1/audit?unit=22", other),
            ("/audit.csv?unit=22", other),
            ("/api/v1/audit", whole),
        ] {
            let status = client
                .get(server.url(path))
                .send()
                .await
                .expect("r")
                .status();
            assert_eq!(status.as_u16(), expected, "{role} reading {path}");
        }
    }
}

#[tokio::test]
async fn nobody_reads_anything_without_signing_in() {
    let server = TestServer::start(true).await;
    let stranger = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    for path in [
        "/api/v1/targets",
        "/api/v1/units/40",
        "/api/v1/audit",
        "/api/v1/exports/observations",
    ] {
        let response = stranger.get(server.url(path)).send().await.expect("r");
        assert_eq!(response.status().as_u16(), 401, "{path}");
        assert!(response.headers().contains_key("www-authenticate"));
    }
    // Pages send a stranger to the sign-in form, in the language asked, keeping the way back.
    let response = stranger
        .get(server.url("/units/40?lang=en"))
        .send()
        .await
        .expect("r");
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(
        response.headers()["location"],
        "/login?lang=en&next=%2Funits%2F40%3Flang%3Den"
    );
    // A made-up token, a made-up cookie: the same.
    for (name, value) in [
        ("authorization", "Bearer gs_madeup"),
        ("cookie", "giamsat_session=madeup"),
    ] {
        let response = stranger
            .get(server.url("/api/v1/targets"))
            .header(name, value)
            .send()
            .await
            .expect("r");
        assert_eq!(response.status().as_u16(), 401, "{name}");
    }
    // Only what a stranger needs is open.
    for path in [
        "/login",
        "/healthz",
        "/assets/app.css",
        "/api/v1/openapi.json",
    ] {
        let response = stranger.get(server.url(path)).send().await.expect("r");
        assert_eq!(response.status().as_u16(), 200, "{path}");
    }
    // After signing in, the reader goes where they were going, and no further afield.
    let (username, password) = server.account("viewer", Some("40")).await;
    let form = stranger
        .get(server.url("/login?next=https://evil.example/"))
        .send()
        .await
        .expect("r");
    let login_cookie = set_cookie_value(&form, "giamsat_login").expect("cookie");
    let html = form.text().await.expect("html");
    assert!(
        html.contains("name=\"next\" value=\"/\""),
        "an outside address is not where the form leads"
    );
    let answer = stranger
        .post(server.url("/login"))
        .header("cookie", format!("giamsat_login={login_cookie}"))
        .form(&[
            ("username", username.as_str()),
            ("password", &password),
            ("csrf", &csrf_field(&html)),
            ("next", "//evil.example/"),
        ])
        .send()
        .await
        .expect("r");
    assert_eq!(answer.status().as_u16(), 303);
    // Sent nowhere in particular, a user lands on their own unit.
    assert_eq!(answer.headers()["location"], "/units/40");
}

/// A signed-in browser: its session cookie and the CSRF token of its forms.
pub(crate) async fn browser_session(
    server: &TestServer,
    role: &str,
    scope: Option<&str>,
) -> (reqwest::Client, String, String) {
    let (client, session, csrf, _) = browser_account(server, role, scope).await;
    (client, session, csrf)
}

/// As [`browser_session`], with the account's password.
pub(crate) async fn browser_account(
    server: &TestServer,
    role: &str,
    scope: Option<&str>,
) -> (reqwest::Client, String, String, String) {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let (username, password) = server.account(role, scope).await;
    let session = sign_in(&client, &server.url(""), &username, &password).await;
    let page = client
        .get(server.url("/entry?unit=40&period=2023-06"))
        .header("cookie", format!("giamsat_session={session}"))
        .send()
        .await
        .expect("form");
    assert_eq!(page.status().as_u16(), 200);
    let csrf = csrf_field(&page.text().await.expect("html"));
    (client, session, csrf, password)
}

#[tokio::test]
async fn a_write_relying_on_the_session_cookie_needs_the_sessions_csrf_token() {
    let server = TestServer::start(true).await;
    let (client, session, csrf) = browser_session(&server, "reporter", Some("40")).await;
    let cookie = format!("giamsat_session={session}");
    let figure = |token: Option<&str>| {
        let mut fields = vec![
            ("unit", "40".to_owned()),
            ("period", "2023-06".to_owned()),
            ("kind", "estimate".to_owned()),
            ("value.EXPORTS", "1.5".to_owned()),
        ];
        if let Some(token) = token {
            fields.push(("csrf", token.to_owned()));
        }
        fields
    };
    let other_session = browser_session(&server, "reporter", Some("40")).await.2;
    let before = audit_len(&server).await;
    for (case, token, origin) in [
        ("no token", None, None),
        ("a wrong token", Some("wrong"), None),
        (
            "another session's token",
            Some(other_session.as_str()),
            None,
        ),
        (
            "the right token from another site",
            Some(csrf.as_str()),
            Some("http://evil.example"),
        ),
    ] {
        let mut request = client
            .post(server.url("/entry?lang=en"))
            .header("cookie", &cookie)
            .form(&figure(token));
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        let response = request.send().await.expect("r");
        assert_eq!(response.status().as_u16(), 403, "{case}");
        assert_eq!(audit_len(&server).await, before, "{case}: nothing written");
    }
    // JSON with the cookie: the token goes in a header.
    let body = json!({"indicator": "EXPORTS", "unit": "40", "period": "2023-06", "value": 2, "kind": "estimate"});
    let response = client
        .post(server.url("/api/v1/observations"))
        .header("cookie", &cookie)
        .json(&body)
        .send()
        .await
        .expect("r");
    assert_eq!(response.status().as_u16(), 403);
    let response = client
        .post(server.url("/api/v1/observations"))
        .header("cookie", &cookie)
        .header("x-csrf-token", &csrf)
        .json(&body)
        .send()
        .await
        .expect("r");
    assert_eq!(response.status().as_u16(), 201);
    // The right token, same site: saved.
    let response = client
        .post(server.url("/entry?lang=en"))
        .header("cookie", &cookie)
        .header("origin", server.url(""))
        .form(&figure(Some(&csrf)))
        .send()
        .await
        .expect("r");
    assert_eq!(response.status().as_u16(), 303);
    // The sign-in form has its own token: a post without it is refused.
    let response = client
        .post(server.url("/login"))
        .form(&[("username", "x"), ("password", "y"), ("csrf", "z")])
        .send()
        .await
        .expect("r");
    assert_eq!(response.status().as_u16(), 403);
}

#[tokio::test]
async fn a_session_id_set_before_sign_in_is_worthless_after_it() {
    let server = TestServer::start(true).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let (username, password) = server.account("viewer", Some("40")).await;
    // An attacker plants a session id of their choosing, or one of their own real sessions.
    let (planted_real, ..) = {
        let (u, p) = server.account("viewer", Some("22")).await;
        (sign_in(&client, &server.url(""), &u, &p).await, ())
    };
    for planted in ["attacker-chosen", planted_real.as_str()] {
        let form = client.get(server.url("/login")).send().await.expect("r");
        let login_cookie = set_cookie_value(&form, "giamsat_login").expect("cookie");
        let csrf = csrf_field(&form.text().await.expect("html"));
        let answer = client
            .post(server.url("/login"))
            .header(
                "cookie",
                format!("giamsat_login={login_cookie}; giamsat_session={planted}"),
            )
            .form(&[
                ("username", username.as_str()),
                ("password", &password),
                ("csrf", &csrf),
            ])
            .send()
            .await
            .expect("r");
        assert_eq!(answer.status().as_u16(), 303);
        let issued = set_cookie_value(&answer, "giamsat_session").expect("new session");
        assert_ne!(issued, planted);
        let attributes = answer
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("giamsat_session="))
            .expect("cookie")
            .to_owned();
        for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=43200"] {
            assert!(attributes.contains(attribute), "{attributes}");
        }
        assert!(!attributes.contains("Secure"), "plain HTTP: {attributes}");
        // The planted id signs nobody in.
        let response = client
            .get(server.url("/api/v1/targets"))
            .header("cookie", format!("giamsat_session={planted}"))
            .send()
            .await
            .expect("r");
        assert_eq!(response.status().as_u16(), 401, "{planted}");
        let response = client
            .get(server.url("/api/v1/targets"))
            .header("cookie", format!("giamsat_session={issued}"))
            .send()
            .await
            .expect("r");
        assert_eq!(response.status().as_u16(), 200);
    }
    // Behind a TLS proxy, cookies are Secure.
    let form = client
        .get(server.url("/login"))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .expect("r");
    let set = form.headers()["set-cookie"]
        .to_str()
        .expect("text")
        .to_owned();
    assert!(
        set.contains("; Secure") && set.contains("SameSite=Strict"),
        "{set}"
    );
    // Signing out ends the session on the server, not only in the browser.
    let session = sign_in(&client, &server.url(""), &username, &password).await;
    let cookie = format!("giamsat_session={session}");
    let page = client
        .get(server.url("/account"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("r");
    let csrf = csrf_field(&page.text().await.expect("html"));
    let out = client
        .post(server.url("/logout"))
        .header("cookie", &cookie)
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("r");
    assert_eq!(out.status().as_u16(), 303);
    let after = client
        .get(server.url("/api/v1/targets"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("r");
    assert_eq!(after.status().as_u16(), 401);
}

async fn try_password(
    server: &TestServer,
    username: &str,
    password: &str,
) -> (u16, Option<String>) {
    try_password_from(server, None, username, password).await
}

/// Signs in through the form, saying the client is `forwarded` (`X-Forwarded-For`) when
/// given: the status and the `Retry-After` of the answer.
async fn try_password_from(
    server: &TestServer,
    forwarded: Option<&str>,
    username: &str,
    password: &str,
) -> (u16, Option<String>) {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let form = client
        .get(server.url("/login?lang=en"))
        .send()
        .await
        .expect("r");
    let login_cookie = set_cookie_value(&form, "giamsat_login").expect("cookie");
    let csrf = csrf_field(&form.text().await.expect("html"));
    let mut request = client
        .post(server.url("/login?lang=en"))
        .header("cookie", format!("giamsat_login={login_cookie}"));
    if let Some(address) = forwarded {
        request = request.header("x-forwarded-for", address);
    }
    let answer = request
        .form(&[
            ("username", username),
            ("password", password),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .expect("r");
    let retry = answer
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (answer.status().as_u16(), retry)
}

/// Wrong passwords for `username` from `forwarded` until an attempt is held back for at
/// least `seconds`, shorter holds waited out: the `Retry-After` of each refusal, in order.
async fn fail_until_held(
    server: &TestServer,
    forwarded: Option<&str>,
    username: &str,
    seconds: u64,
) -> Vec<u64> {
    fail_many_until_held(server, forwarded, &|_| username.to_owned(), seconds).await
}

/// As [`fail_until_held`], the n-th attempt naming `username(n)`.
async fn fail_many_until_held(
    server: &TestServer,
    forwarded: Option<&str>,
    username: &dyn Fn(usize) -> String,
    seconds: u64,
) -> Vec<u64> {
    let mut held = Vec::new();
    for n in 0..40 {
        match try_password_from(server, forwarded, &username(n), "guess").await {
            (401, _) => {}
            (429, Some(retry)) => {
                let retry: u64 = retry.parse().expect("seconds");
                held.push(retry);
                if retry >= seconds {
                    return held;
                }
                tokio::time::sleep(std::time::Duration::from_secs(retry)).await;
            }
            other => panic!("{other:?}"),
        }
    }
    panic!("never held back for {seconds} s: {held:?}");
}

#[tokio::test]
async fn failed_sign_ins_delay_the_pair_and_the_address_but_lock_no_account() {
    let server = TestServer::start(false).await;
    let (lan, lan_password) = server.account("viewer", None).await;
    let (minh, minh_password) = server.account("viewer", None).await;
    for attempt in 1..=5 {
        assert_eq!(
            try_password(&server, &lan, "guess").await.0,
            401,
            "attempt {attempt}"
        );
    }
    // Further attempts of the pair wait longer and longer, the right password included,
    // and each refusal says when to come back.
    let held = fail_until_held(&server, None, &lan, 4).await;
    assert!(held.iter().all(|s| (1..=300).contains(s)), "{held:?}");
    let (status, retry) = try_password(&server, &lan, &lan_password).await;
    assert_eq!(status, 429);
    assert!(retry.is_some());
    // Another account from the same address still signs in.
    assert_eq!(try_password(&server, &minh, &minh_password).await.0, 303);
    // Guessing at many accounts from one address, once each: past 20 failures the address
    // waits too, even for an account with the right password.
    let held = fail_many_until_held(&server, None, &|n| format!("nobody{n}"), 4).await;
    assert!(held.iter().all(|s| (1..=300).contains(s)), "{held:?}");
    assert_eq!(try_password(&server, &minh, &minh_password).await.0, 429);
}

#[tokio::test]
async fn the_right_password_from_a_fresh_address_signs_in_after_fifty_failures_from_another() {
    let server = TestServer::start_behind(false, &["127.0.0.1"]).await;
    let (lan, password) = server.account("viewer", None).await;
    let mut refused = 0;
    for _ in 0..50 {
        let (status, _) = try_password_from(&server, Some("203.0.113.7"), &lan, "guess").await;
        assert!(matches!(status, 401 | 429), "{status}");
        refused += usize::from(status == 429);
    }
    assert!(refused > 0, "the guesser was never held back");
    assert_eq!(
        try_password_from(&server, Some("198.51.100.20"), &lan, &password)
            .await
            .0,
        303
    );
}

#[tokio::test]
async fn failures_are_counted_per_forwarded_client_only_behind_a_trusted_proxy() {
    // Behind a trusted proxy (the tests' 127.0.0.1), each forwarded client counts apart.
    let behind = TestServer::start_behind(false, &["127.0.0.1"]).await;
    let (lan, password) = behind.account("viewer", None).await;
    // The proxy appends the address it was reached from; what the client wrote before it
    // is not believed.
    let guesser = "198.51.100.99, 203.0.113.7";
    fail_until_held(&behind, Some(guesser), &lan, 4).await;
    assert_eq!(
        try_password_from(&behind, Some("203.0.113.7"), &lan, &password)
            .await
            .0,
        429
    );
    assert_eq!(
        try_password_from(&behind, Some("198.51.100.99"), &lan, &password)
            .await
            .0,
        303
    );
    // Without trusted proxies, X-Forwarded-For is ignored: a guesser cannot choose a new
    // address for every attempt, and the peer's count holds whatever it claims.
    let direct = TestServer::start(false).await;
    let (minh, password) = direct.account("viewer", None).await;
    fail_until_held(&direct, Some("203.0.113.7"), &minh, 4).await;
    assert_eq!(
        try_password_from(&direct, Some("198.51.100.99"), &minh, &password)
            .await
            .0,
        429
    );
}

#[tokio::test]
async fn a_revoked_token_opens_nothing() {
    let server = TestServer::start(true).await;
    let (client, session, _, password) = browser_account(&server, "reporter", Some("40")).await;
    let cookie = format!("giamsat_session={session}");
    let page = client
        .get(server.url("/account?lang=en"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("r");
    let csrf = csrf_field(&page.text().await.expect("html"));
    let made = client
        .post(server.url("/account/tokens?lang=en"))
        .header("cookie", &cookie)
        .form(&[
            ("csrf", csrf.as_str()),
            ("name", "nightly import"),
            ("password", password.as_str()),
        ])
        .send()
        .await
        .expect("r");
    assert_eq!(made.status().as_u16(), 200);
    assert_eq!(made.headers()["cache-control"], "no-store");
    let html = made.text().await.expect("html");
    let start = html.find("id=\"new-token\">").expect("shown once") + 15;
    let token = html[start..].split('<').next().expect("token").to_owned();
    assert!(token.starts_with("gs_"), "{token}");
    // The token acts with the account's grants.
    let machine = TestServer::client_with(&token);
    let figure = json!({"indicator": "EXPORTS", "unit": "40", "period": "2023-07", "value": 3, "kind": "estimate"});
    let status = machine
        .post(server.url("/api/v1/observations"))
        .json(&figure)
        .send()
        .await
        .expect("r")
        .status();
    assert_eq!(status.as_u16(), 201);
    let outside = json!({"indicator": "EXPORTS", "unit": "22", "period": "2023-07", "value": 3, "kind": "estimate"});
    let status = machine
        .post(server.url("/api/v1/observations"))
        .json(&outside)
        .send()
        .await
        .expect("r")
        .status();
    assert_eq!(status.as_u16(), 403);
    // The account page lists it, never shows it again, and revokes it.
    let page = client
        .get(server.url("/account?lang=en"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("r")
        .text()
        .await
        .expect("html");
    assert!(page.contains("nightly import") && !page.contains(&token));
    let id: String = {
        let at = page.find("/account/tokens/").expect("a revoke form") + 16;
        page[at..].split('/').next().expect("id").to_owned()
    };
    // Nobody else can revoke it.
    let (other, other_session, other_csrf) = browser_session(&server, "viewer", Some("40")).await;
    let refused = other
        .post(server.url(&format!("/account/tokens/{id}/revoke")))
        .header("cookie", format!("giamsat_session={other_session}"))
        .form(&[("csrf", other_csrf.as_str())])
        .send()
        .await
        .expect("r");
    assert_eq!(refused.status().as_u16(), 404);
    let status = machine
        .get(server.url("/api/v1/targets"))
        .send()
        .await
        .expect("r")
        .status();
    assert_eq!(status.as_u16(), 200);
    let revoked = client
        .post(server.url(&format!("/account/tokens/{id}/revoke")))
        .header("cookie", &cookie)
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("r");
    assert_eq!(revoked.status().as_u16(), 303);
    for path in ["/api/v1/targets", "/"] {
        let status = machine
            .get(server.url(path))
            .send()
            .await
            .expect("r")
            .status();
        assert_eq!(status.as_u16(), 401, "{path}");
    }
    let status = machine
        .post(server.url("/api/v1/observations"))
        .json(&figure)
        .send()
        .await
        .expect("r")
        .status();
    assert_eq!(status.as_u16(), 401);
}

const HOSTILE: &str = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'&";
const SQL: &str = "'; DROP TABLE units; -- \" OR 1=1 -- %_\\";

#[tokio::test]
async fn hostile_text_in_every_free_text_field_is_escaped_and_stored_literally() {
    let server = TestServer::start(true).await;
    for (n, text) in [HOSTILE, SQL].into_iter().enumerate() {
        let unit = format!("X{n}");
        let posts = [
            (
                "/api/v1/units",
                json!({"code": unit, "kind": "department", "parent": "40", "name_vi": text, "name_en": text, "name_fr": text, "source": text}),
            ),
            (
                "/api/v1/indicators",
                json!({"code": format!("HOSTILE{n}"), "name_vi": text, "name_en": text, "name_fr": text, "measure_vi": text, "measure_en": text, "measure_fr": text, "direction": "higher_is_better", "across_units": "sum", "over_time": "flow", "source": text}),
            ),
            (
                "/api/v1/documents",
                json!({"key": format!("H-{n}"), "doc_type": "plan", "issued_by": unit, "title_vi": text, "title_en": text, "title_fr": text, "source": text}),
            ),
            (
                "/api/v1/targets",
                json!({"document": format!("H-{n}"), "indicator": format!("HOSTILE{n}"), "unit": unit, "period": "2023", "value": 10, "source": text}),
            ),
            (
                "/api/v1/observations",
                json!({"indicator": format!("HOSTILE{n}"), "unit": unit, "period": "2023-05", "value": 4, "kind": "estimate", "note": text, "source": text}),
            ),
        ];
        for (path, body) in posts {
            let (status, answer) = server.post_json(path, body).await;
            assert_eq!(status, 201, "{path}: {answer}");
        }
        // Stored literally: the API gives back exactly what was sent.
        let (_, got) = server.get_json(&format!("/api/v1/units/{unit}")).await;
        for lang in ["vi", "en", "fr"] {
            assert_eq!(got["name"][lang], text, "{got}");
        }
        let (_, got) = server.get_json(&format!("/api/v1/documents/H-{n}")).await;
        assert_eq!(got["title"]["vi"], text, "{got}");
        let (_, got) = server
            .get_json(&format!(
                "/api/v1/observations?indicator=HOSTILE{n}&unit={unit}&period=2023-05"
            ))
            .await;
        assert_eq!(
            (got[0]["note"].as_str(), got[0]["source"].as_str()),
            (Some(text), Some(text)),
            "{got}"
        );
        // A search with the text finds the unit by it and nothing else.
        let found = server
            .client
            .get(server.url("/api/v1/units"))
            .query(&[("q", text)])
            .send()
            .await
            .expect("r")
            .json::<Value>()
            .await
            .expect("json");
        let codes: HashSet<&str> = found
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|u| u["code"].as_str())
            .collect();
        assert_eq!(codes, HashSet::from([unit.as_str()]), "{found}");
    }
    // A display name and a token name, too.
    let (_, password) = server
        .state
        .app
        .add_account(
            &Actor::named("test"),
            "hostile",
            HOSTILE,
            &[("admin".into(), None)],
        )
        .await
        .expect("account");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("c");
    let session = sign_in(&client, &server.url(""), "hostile", &password).await;
    let cookie = format!("giamsat_session={session}");
    let account = client
        .get(server.url("/account"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("r")
        .text()
        .await
        .expect("html");
    let csrf = csrf_field(&account);
    let made = client
        .post(server.url("/account/tokens"))
        .header("cookie", &cookie)
        .form(&[
            ("csrf", csrf.as_str()),
            ("name", HOSTILE),
            ("password", password.as_str()),
        ])
        .send()
        .await
        .expect("r");
    assert_eq!(made.status().as_u16(), 200);
    // Every page that shows them escapes them: no tag or attribute from the text survives.
    for path in [
        "/",
        "/documents",
        "/units",
        "/units/X0",
        "/units/X1",
        "/units?q=%3Cscript%3E",
        "/indicators/HOSTILE0?unit=X0",
        "/entry?unit=X0&period=2023-06",
        "/account",
        "/audit?unit=40",
        "/rankings",
    ] {
        let html = client
            .get(server.url(path))
            .header("cookie", &cookie)
            .send()
            .await
            .expect("r")
            .text()
            .await
            .expect("html");
        assert!(
            !html.contains("<script>alert"),
            "{path}: a script tag came through"
        );
        assert!(
            !html.contains("<img src=x"),
            "{path}: an img tag came through"
        );
        assert!(!html.contains("onerror=alert(1)>"), "{path}");
        if !matches!(path, "/" | "/rankings" | "/units?q=%3Cscript%3E") {
            assert!(
                html.contains("&#60;script&#62;alert(&#39;x&#39;)"),
                "{path}: the text is shown, escaped"
            );
        }
    }
    // The CSV export defuses formulas and keeps the text.
    let csv = client
        .get(server.url("/audit.csv?unit=40"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("r")
        .text()
        .await
        .expect("csv");
    assert!(csv.contains("DROP TABLE units"), "stored literally");
    // The tables are all there.
    let (status, units) = server.get_json("/api/v1/units?limit=10000").await;
    assert_eq!(status, 200);
    assert!(units.as_array().expect("list").len() > 3_000);
}

#[tokio::test]
async fn a_thousand_concurrent_updates_of_one_figure_lose_nothing() {
    let server = TestServer::start(true).await;
    let cell = "indicator=EXPORTS&unit=40&period=2023-06";
    let (status, first) = server
        .post_json(
            "/api/v1/observations",
            json!({"indicator": "EXPORTS", "unit": "40", "period": "2023-06", "value": 0, "kind": "official", "expected_version": 0}),
        )
        .await;
    assert_eq!(status, 201, "{first}");
    let start_version = first["id"].as_u64().expect("id");
    const CLIENTS: u64 = 20;
    const EACH: u64 = 50;
    let mut writers = Vec::new();
    for c in 0..CLIENTS {
        let client = TestServer::client_with(&server.token("reporter", Some("40")).await);
        let read = server.url("/api/v1/observations?indicator=EXPORTS&unit=40");
        let write = server.url("/api/v1/observations");
        writers.push(tokio::spawn(async move {
            let mut done = Vec::new();
            let mut conflicts = 0u64;
            for i in 0..EACH {
                let value = c * 1_000 + i + 1;
                loop {
                    let current: Value = client.get(&read).send().await.expect("r").json().await.expect("json");
                    let version = current
                        .as_array()
                        .expect("list")
                        .iter()
                        .find(|v| v["period"] == "2023-06")
                        .and_then(|v| v["id"].as_u64())
                        .expect("a current value");
                    let answer = client
                        .post(&write)
                        .json(&json!({"indicator": "EXPORTS", "unit": "40", "period": "2023-06", "value": value, "kind": "official", "expected_version": version}))
                        .send()
                        .await
                        .expect("r");
                    match answer.status().as_u16() {
                        201 => {
                            let body: Value = answer.json().await.expect("json");
                            done.push((version, body["id"].as_u64().expect("id"), value));
                            break;
                        }
                        409 => {
                            // The conflict says what the cell holds now.
                            let body: Value = answer.json().await.expect("json");
                            assert_eq!(body["error"]["code"], "stale");
                            assert!(body["error"]["details"][0]["current"]["value"].is_number(), "{body}");
                            conflicts += 1;
                        }
                        other => panic!("unexpected {other}: {}", answer.text().await.unwrap_or_default()),
                    }
                }
            }
            (done, conflicts)
        }));
    }
    let mut done = Vec::new();
    let mut conflicts = 0;
    for writer in writers {
        let (mine, refused) = writer.await.expect("writer");
        done.extend(mine);
        conflicts += refused;
    }
    assert_eq!(done.len() as u64, CLIENTS * EACH);
    // Every update was made from the one before it: a single chain, nothing overwritten
    // unseen.
    done.sort_by_key(|(_, id, _)| *id);
    let mut expected = start_version;
    for (read, id, _) in &done {
        assert_eq!(*read, expected, "update {id} was made from a stale version");
        expected = *id;
    }
    // Every value is in the history, and the last is current.
    let (_, history) = server
        .get_json(&format!("/api/v1/observations?{cell}&limit=10000"))
        .await;
    let values: HashSet<u64> = history
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|o| o["value"].as_f64())
        .map(|v| v as u64)
        .collect();
    assert_eq!(values.len() as u64, CLIENTS * EACH + 1);
    assert!(done.iter().all(|(_, _, v)| values.contains(v)));
    let (_, now) = server.get_json(&format!("/api/v1/values?{cell}")).await;
    assert_eq!(
        now["value"].as_f64(),
        done.last().map(|(_, _, v)| *v as f64)
    );
    println!("1,000 updates from 20 clients: {conflicts} stale writes refused and retried");
}

#[tokio::test]
async fn changing_the_password_ends_every_other_session() {
    let server = TestServer::start(false).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let (username, password) = server.account("viewer", None).await;
    let elsewhere = sign_in(&client, &server.url(""), &username, &password).await;
    let here = sign_in(&client, &server.url(""), &username, &password).await;
    let cookie = format!("giamsat_session={here}");
    let page = client
        .get(server.url("/account?lang=en"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("r");
    let csrf = csrf_field(&page.text().await.expect("html"));
    let change = |current: &str, new: &str, confirm: &str| {
        client
            .post(server.url("/account/password?lang=en"))
            .header("cookie", &cookie)
            .form(&[
                ("csrf", csrf.as_str()),
                ("current", current),
                ("new", new),
                ("confirm", confirm),
            ])
            .send()
    };
    let new = "sông Lam chảy về biển Cửa Hội";
    for (current, confirm, problem) in [
        ("wrong", new, "The current password is wrong."),
        (
            password.as_str(),
            "something else",
            "The two new passwords differ.",
        ),
    ] {
        let answer = change(current, new, confirm).await.expect("r");
        assert_eq!(answer.status().as_u16(), 422);
        assert!(
            answer.text().await.expect("html").contains(problem),
            "{problem}"
        );
    }
    let answer = change(&password, "short", "short").await.expect("r");
    assert_eq!(answer.status().as_u16(), 422);
    let answer = change(&password, new, new).await.expect("r");
    assert_eq!(answer.status().as_u16(), 200);
    let renewed = set_cookie_value(&answer, "giamsat_session").expect("a new session");
    assert!(
        answer
            .text()
            .await
            .expect("html")
            .contains("Your password was changed.")
    );
    for (session, expected) in [
        (elsewhere.as_str(), 401),
        (here.as_str(), 401),
        (renewed.as_str(), 200),
    ] {
        let status = client
            .get(server.url("/api/v1/units"))
            .header("cookie", format!("giamsat_session={session}"))
            .send()
            .await
            .expect("r")
            .status();
        assert_eq!(status.as_u16(), expected);
    }
    assert_eq!(try_password(&server, &username, &password).await.0, 401);
    assert_eq!(try_password(&server, &username, new).await.0, 303);
}

#[tokio::test]
async fn wrong_current_passwords_on_the_password_form_do_not_delay_signing_in() {
    let server = TestServer::start(false).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let (username, password) = server.account("viewer", None).await;
    let session = sign_in(&client, &server.url(""), &username, &password).await;
    let cookie = format!("giamsat_session={session}");
    let page = client
        .get(server.url("/account?lang=en"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("r");
    let csrf = csrf_field(&page.text().await.expect("html"));
    let new = "sông Lam chảy về biển Cửa Hội";
    let mut statuses = Vec::new();
    for _ in 0..12 {
        let answer = client
            .post(server.url("/account/password?lang=en"))
            .header("cookie", &cookie)
            .form(&[
                ("csrf", csrf.as_str()),
                ("current", "wrong"),
                ("new", new),
                ("confirm", new),
            ])
            .send()
            .await
            .expect("r");
        statuses.push(answer.status().as_u16());
        if answer.status().as_u16() == 429 {
            assert!(answer.headers().contains_key("retry-after"));
            let html = answer.text().await.expect("html");
            assert!(html.contains("Too many failed attempts"), "{html}");
            break;
        }
    }
    // The form's own guesses are delayed after five…
    assert_eq!(statuses[..5], [422; 5], "{statuses:?}");
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
    // …and signing in, from the same address, is not.
    assert_eq!(try_password(&server, &username, &password).await.0, 303);
}

/// A token made on the account page by a signed-in browser, given the account's password:
/// the answer's status and the token it shows, if any.
async fn make_token(
    server: &TestServer,
    client: &reqwest::Client,
    session: &str,
    password: Option<&str>,
) -> (u16, Option<String>, String) {
    let cookie = format!("giamsat_session={session}");
    let page = client
        .get(server.url("/account?lang=en"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("r");
    let csrf = csrf_field(&page.text().await.expect("html"));
    let mut form = vec![("csrf", csrf.as_str()), ("name", "nightly import")];
    if let Some(password) = password {
        form.push(("password", password));
    }
    let made = client
        .post(server.url("/account/tokens?lang=en"))
        .header("cookie", &cookie)
        .form(&form)
        .send()
        .await
        .expect("r");
    let status = made.status().as_u16();
    let html = made.text().await.expect("html");
    let token = html
        .find("id=\"new-token\">")
        .map(|at| html[at + 15..].split('<').next().expect("token").to_owned());
    (status, token, html)
}

#[tokio::test]
async fn an_api_token_cannot_create_tokens() {
    let server = TestServer::start(false).await;
    let (username, password) = server.account("viewer", None).await;
    let (_, who) = server
        .state
        .app
        .sign_in(
            &username,
            &password,
            std::net::IpAddr::from([127, 0, 0, 1]),
            None,
        )
        .await
        .expect("in");
    let token = server
        .state
        .app
        .create_api_token(
            &who,
            "tests",
            &password,
            std::net::IpAddr::from([127, 0, 0, 1]),
        )
        .await
        .expect("token")
        .1;
    let machine = TestServer::client_with(&token);
    // Even with the password: a stolen token must not be able to make itself a successor.
    let answer = machine
        .post(server.url("/account/tokens?lang=en"))
        .form(&[("name", "successor"), ("password", password.as_str())])
        .send()
        .await
        .expect("r");
    assert_eq!(answer.status().as_u16(), 403);
    assert!(!answer.text().await.expect("body").contains("gs_"));
    let tokens = server.state.app.api_tokens(&who).await.expect("list");
    assert_eq!(tokens.len(), 1, "{tokens:?}");
}

#[tokio::test]
async fn creating_a_token_asks_for_the_password_again() {
    let server = TestServer::start(false).await;
    let (client, session, _, password) = browser_account(&server, "viewer", None).await;
    for wrong in [None, Some(""), Some("not the password")] {
        let (status, token, html) = make_token(&server, &client, &session, wrong).await;
        assert_eq!((status, token), (422, None), "{wrong:?}");
        assert!(html.contains("The password is wrong."), "{wrong:?}");
    }
    let (status, token, _) = make_token(&server, &client, &session, Some(&password)).await;
    assert_eq!(status, 200);
    assert!(token.is_some_and(|t| t.starts_with("gs_")));
}

#[tokio::test]
async fn a_password_change_ends_every_api_token_of_the_account() {
    let server = TestServer::start(false).await;
    let (client, session, _, password) = browser_account(&server, "viewer", None).await;
    let (_, token, _) = make_token(&server, &client, &session, Some(&password)).await;
    let machine = TestServer::client_with(&token.expect("a token"));
    let units = |c: reqwest::Client| {
        let url = server.url("/api/v1/units");
        async move { c.get(url).send().await.expect("r").status().as_u16() }
    };
    assert_eq!(units(machine.clone()).await, 200);
    // Another account's token is not touched.
    let bystander = TestServer::client_with(&server.token("viewer", None).await);
    let cookie = format!("giamsat_session={session}");
    let page = client
        .get(server.url("/account?lang=en"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("r");
    let csrf = csrf_field(&page.text().await.expect("html"));
    let new = "sông Lam chảy về biển Cửa Hội";
    let answer = client
        .post(server.url("/account/password?lang=en"))
        .header("cookie", &cookie)
        .form(&[
            ("csrf", csrf.as_str()),
            ("current", password.as_str()),
            ("new", new),
            ("confirm", new),
        ])
        .send()
        .await
        .expect("r");
    assert_eq!(answer.status().as_u16(), 200);
    let html = answer.text().await.expect("html");
    assert!(html.contains("Your API tokens were revoked"), "{html}");
    assert!(html.contains("Revoked"), "the token listed as revoked");
    assert_eq!(units(machine).await, 401);
    assert_eq!(units(bystander).await, 200);
}
