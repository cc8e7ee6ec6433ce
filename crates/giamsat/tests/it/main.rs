//! The one integration-test binary: the HTTP API and pages against a real server on a free
//! port with a fresh SQLite file, the `giamsat` command as a user runs it, and `giamsat serve`
//! processes sharing a PostgreSQL database.

mod analytics;
mod api;
mod browser;
mod cli;
mod completeness;
mod digest;
mod exchange;
mod exports;
mod follow_up;
mod inbox;
mod intake;
mod national;
mod openapi;
mod operations;
mod pages;
mod people;
mod postgres;
mod realplan;
mod records;
mod reform;
mod registry;
mod reports;
mod search;
mod security;
mod sweep;
mod text_policy;
mod validation;

use std::net::SocketAddr;
use std::sync::Arc;

use giamsat_app::{Actor, App, SqlStore};
use giamsat_web::WebState;

/// A server on 127.0.0.1, port 0, with its own database in a temporary folder. Its `client`
/// acts with the API token of an administrator of the whole tree.
pub struct TestServer {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub state: Arc<WebState<SqlStore>>,
    _dir: tempfile::TempDir,
}

fn localhost() -> std::net::IpAddr {
    std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST)
}

impl TestServer {
    pub async fn start(demo: bool) -> TestServer {
        TestServer::start_behind(demo, &[]).await
    }

    /// A server that believes `X-Forwarded-For` from these proxies (the tests' requests come
    /// from 127.0.0.1).
    pub async fn start_behind(demo: bool, trusted_proxies: &[&str]) -> TestServer {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("giamsat.db");
        let db = db.to_str().expect("utf-8").to_owned();
        TestServer::start_on(&db, dir, demo, trusted_proxies).await
    }

    /// [`TestServer::start`] on a fresh database of the throwaway PostgreSQL cluster that
    /// scripts/test starts (GIAMSAT_TEST_POSTGRES).
    pub async fn start_postgres(demo: bool) -> TestServer {
        let db = giamsat_store::testing::postgres_database("it").await;
        TestServer::start_on(&db, tempfile::tempdir().expect("tempdir"), demo, &[]).await
    }

    async fn start_on(
        db: &str,
        dir: tempfile::TempDir,
        demo: bool,
        trusted_proxies: &[&str],
    ) -> TestServer {
        let store = SqlStore::open(db).await.expect("store");
        let app = App::open(store).await.expect("app");
        if demo {
            app.load_demo(&Actor::named("demo")).await.expect("demo");
        }
        let state = Arc::new(WebState {
            app,
            i18n: giamsat_web::i18n::I18n::new().expect("messages"),
            trusted_proxies: giamsat_web::proxies::TrustedProxies::parse(trusted_proxies)
                .expect("proxies"),
            metrics: giamsat_web::metrics::Metrics::default(),
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        // The server runs until the test's runtime ends: it is never asked to stop.
        let served = giamsat_web::serve(state.clone(), listener, std::future::pending());
        tokio::spawn(async move {
            served.await.expect("serve");
        });
        let mut server = TestServer {
            addr,
            client: reqwest::Client::new(),
            state,
            _dir: dir,
        };
        let token = server.token("admin", None).await;
        server.client = TestServer::client_with(&token);
        server
    }

    /// A client that sends an API token with every request.
    pub fn client_with(token: &str) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            reqwest::header::AUTHORIZATION,
            format!("Bearer {token}").parse().expect("header"),
        );
        reqwest::Client::builder()
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    /// An account `{role}.{scope}` with this one grant (created once), and its password.
    pub async fn account(&self, role: &str, scope: Option<&str>) -> (String, String) {
        static MADE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let username = format!("{role}.{}.{n}", scope.unwrap_or("all")).to_lowercase();
        let (_, password) = self
            .state
            .app
            .add_account(
                &Actor::named("test"),
                &username,
                "",
                &[(role.to_owned(), scope.map(str::to_owned))],
            )
            .await
            .expect("account");
        (username, password)
    }

    /// An API token of a new account with one grant.
    pub async fn token(&self, role: &str, scope: Option<&str>) -> String {
        let (username, password) = self.account(role, scope).await;
        let (_, who) = self
            .state
            .app
            .sign_in(&username, &password, localhost(), None)
            .await
            .expect("sign in");
        self.state
            .app
            .create_api_token(&who, "tests", &password, localhost())
            .await
            .expect("token")
            .1
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The text of a page, whatever its status.
    pub async fn text(&self, path: &str) -> String {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
            .text()
            .await
            .expect("body")
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        (status, response.json().await.expect("json body"))
    }

    pub async fn post_json(&self, path: &str, body: serde_json::Value) -> (u16, serde_json::Value) {
        let response = self
            .client
            .post(self.url(path))
            .json(&body)
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        (
            status,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
        )
    }
}

/// The value a response sets a cookie to.
pub fn set_cookie_value(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            let (pair, _) = v.split_once(';').unwrap_or((v, ""));
            let (k, value) = pair.split_once('=')?;
            (k == name && !value.is_empty()).then(|| value.to_owned())
        })
}

/// The hidden `csrf` field of a form page.
pub fn csrf_field(html: &str) -> String {
    let start = html.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
    html[start..].split('"').next().expect("value").to_owned()
}

/// Signs in through the sign-in form, as a browser does, and returns the session cookie.
pub async fn sign_in(
    client: &reqwest::Client,
    base: &str,
    username: &str,
    password: &str,
) -> String {
    let base = base.trim_end_matches('/');
    let form = client
        .get(format!("{base}/login"))
        .send()
        .await
        .expect("login page");
    let login_cookie = set_cookie_value(&form, "giamsat_login").expect("form cookie");
    let csrf = csrf_field(&form.text().await.expect("html"));
    let answer = client
        .post(format!("{base}/login"))
        .header("cookie", format!("giamsat_login={login_cookie}"))
        .form(&[
            ("username", username),
            ("password", password),
            ("csrf", &csrf),
            ("next", "/"),
        ])
        .send()
        .await
        .expect("sign in");
    assert_eq!(answer.status().as_u16(), 303, "signing in as {username}");
    set_cookie_value(&answer, "giamsat_session").expect("a session cookie")
}

/// Writes official figures to one cell through `writer` while reading the cell's history
/// through `reader`, and returns how many histories were read and those that did not mark
/// exactly one row current (each as the number of rows and of rows marked).
pub async fn histories_during_writes(
    client: &reqwest::Client,
    writer: &str,
    reader: &str,
) -> (usize, Vec<(usize, usize)>) {
    const WRITERS: usize = 3;
    const WRITES: usize = 40;
    const READERS: usize = 3;
    const READS: usize = 200;
    let cell = "indicator=EXPORTS&unit=40&period=2024-03";
    let writes = (0..WRITERS).map(|w| {
        let (client, url) = (client.clone(), format!("{writer}/api/v1/observations"));
        tokio::spawn(async move {
            for n in 0..WRITES {
                let status = client
                    .post(&url)
                    .json(&serde_json::json!({"indicator": "EXPORTS", "unit": "40", "period": "2024-03", "value": w * 1000 + n, "kind": "official"}))
                    .send()
                    .await
                    .expect("write")
                    .status();
                assert_eq!(status.as_u16(), 201);
            }
        })
    });
    let writes: Vec<_> = writes.collect();
    let reads = (0..READERS).map(|_| {
        let (client, url) = (
            client.clone(),
            format!("{reader}/api/v1/observations?{cell}&limit=1000"),
        );
        tokio::spawn(async move {
            let mut odd = Vec::new();
            for _ in 0..READS {
                let history: serde_json::Value = client
                    .get(&url)
                    .send()
                    .await
                    .expect("read")
                    .json()
                    .await
                    .expect("json");
                let rows = history.as_array().expect("a list");
                let marked = rows.iter().filter(|o| o["current"] == true).count();
                // An empty history (read before the first write) has nothing to mark.
                if !rows.is_empty() && marked != 1 {
                    odd.push((rows.len(), marked));
                }
            }
            odd
        })
    });
    let reads: Vec<_> = reads.collect();
    let mut odd = Vec::new();
    for read in reads {
        odd.extend(read.await.expect("reader"));
    }
    for write in writes {
        write.await.expect("writer");
    }
    (READERS * READS, odd)
}
