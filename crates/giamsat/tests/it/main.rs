//! The one integration-test binary: the HTTP API and pages against a real server on a free
//! port with a fresh SQLite file, and the `giamsat` command as a user runs it.

mod api;
mod browser;
mod cli;
mod pages;
mod reform;

use std::net::SocketAddr;

use giamsat_app::{Actor, AnyStore, App};

/// A server on 127.0.0.1, port 0, with its own database in a temporary folder.
pub struct TestServer {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    _dir: tempfile::TempDir,
}

impl TestServer {
    pub async fn start(demo: bool) -> TestServer {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("giamsat.db");
        let store = AnyStore::open(db.to_str().expect("utf-8"))
            .await
            .expect("store");
        let app = App::open(store).await.expect("app");
        if demo {
            app.load_demo(&Actor::named("demo")).await.expect("demo");
        }
        let router = giamsat_web::router(app).expect("router");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            axum::serve(listener, router).await.expect("serve");
        });
        TestServer {
            addr,
            client: reqwest::Client::new(),
            _dir: dir,
        }
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
