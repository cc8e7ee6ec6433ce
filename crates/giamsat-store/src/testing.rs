//! For tests of giamsat's crates only (the `testing` feature): empty PostgreSQL databases on
//! the cluster that scripts/test starts.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Connection;

/// The URL of a new, empty database on the cluster named by `GIAMSAT_TEST_POSTGRES`, whose
/// name begins with `prefix`. Panics, saying how to get a cluster, when there is none: a test
/// that needs PostgreSQL fails rather than being skipped.
pub async fn postgres_database(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let admin = std::env::var("GIAMSAT_TEST_POSTGRES").unwrap_or_else(|_| {
        panic!(
            "GIAMSAT_TEST_POSTGRES is not set: run scripts/test, which starts a throwaway \
             PostgreSQL, or set it to postgres://USER@HOST:PORT/postgres of a cluster where \
             USER may create databases"
        )
    });
    // The process id and a counter make names unique within a run; the clock, across runs
    // on a cluster that is kept.
    let name = format!(
        "{prefix}_{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        time::OffsetDateTime::now_utc().unix_timestamp_nanos() % 1_000_000
    );
    let mut connection = sqlx::PgConnection::connect(&admin)
        .await
        .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {admin}: {e}"));
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut connection)
        .await
        .expect("create database");
    let (base, _) = admin.rsplit_once('/').expect("a URL ending in /DATABASE");
    format!("{base}/{name}")
}

/// Overwrites every part of the engine's checkpoint with bytes that do not restore, as a
/// damaged disk or a bug would leave them.
pub async fn damage_checkpoint(store: &crate::SqlStore) {
    sqlx::query("UPDATE engine_checkpoint_parts SET bytes = $1")
        .bind(b"GSCK\x01\x02".to_vec())
        .execute(store.pool())
        .await
        .expect("damage the checkpoint");
}

/// Drops a database made by [`postgres_database`] under the connections still open on it,
/// as an operator's mistake or a lost server would take it away.
pub async fn drop_postgres_database(url: &str) {
    let admin = std::env::var("GIAMSAT_TEST_POSTGRES").expect("GIAMSAT_TEST_POSTGRES");
    let (_, name) = url.rsplit_once('/').expect("a URL ending in /DATABASE");
    let mut connection = sqlx::PgConnection::connect(&admin)
        .await
        .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {admin}: {e}"));
    sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .execute(&mut connection)
        .await
        .expect("drop database");
}
