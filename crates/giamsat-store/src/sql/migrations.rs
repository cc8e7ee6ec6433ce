//! The schema, brought up to date at open: each dialect's migrations, numbered alike and
//! making the same tables and columns, applied once each with a checksum kept so that an
//! edited migration is noticed rather than silently diverging.

use std::collections::HashMap;

use sqlx::{Connection, Row};

use super::{COMMIT_LOCK, Dialect, Outcome, SqlStore};
use crate::StoreError;
use crate::codec::timestamp_text;

type Migration = (i64, &'static str, &'static str);

/// The migrations of each dialect, in order, kept in step: migration N of one makes the same
/// tables and columns as migration N of the other. An applied migration is never edited (its
/// checksum is kept).
const SQLITE_MIGRATIONS: &[Migration] = &[
    (
        1,
        "initial",
        include_str!("../../migrations/sqlite/0001_initial.sql"),
    ),
    (
        2,
        "accounts",
        include_str!("../../migrations/sqlite/0002_accounts.sql"),
    ),
    (
        3,
        "sessions",
        include_str!("../../migrations/sqlite/0003_sessions.sql"),
    ),
    (
        4,
        "follow_up",
        include_str!("../../migrations/sqlite/0004_follow_up.sql"),
    ),
    (
        5,
        "change_log",
        include_str!("../../migrations/sqlite/0005_change_log.sql"),
    ),
    (
        6,
        "engine_checkpoint",
        include_str!("../../migrations/sqlite/0006_engine_checkpoint.sql"),
    ),
    (
        7,
        "revisions",
        include_str!("../../migrations/sqlite/0007_revisions.sql"),
    ),
    (
        8,
        "reporting",
        include_str!("../../migrations/sqlite/0008_reporting.sql"),
    ),
    (
        9,
        "validation_rules",
        include_str!("../../migrations/sqlite/0009_validation_rules.sql"),
    ),
    (
        10,
        "digests",
        include_str!("../../migrations/sqlite/0010_digests.sql"),
    ),
    (
        11,
        "amendments",
        include_str!("../../migrations/sqlite/0011_amendments.sql"),
    ),
    (
        12,
        "observations_load",
        include_str!("../../migrations/sqlite/0012_observations_load.sql"),
    ),
];
const POSTGRES_MIGRATIONS: &[Migration] = &[
    (
        1,
        "initial",
        include_str!("../../migrations/postgres/0001_initial.sql"),
    ),
    (
        2,
        "accounts",
        include_str!("../../migrations/postgres/0002_accounts.sql"),
    ),
    (
        3,
        "sessions",
        include_str!("../../migrations/postgres/0003_sessions.sql"),
    ),
    (
        4,
        "follow_up",
        include_str!("../../migrations/postgres/0004_follow_up.sql"),
    ),
    (
        5,
        "change_log",
        include_str!("../../migrations/postgres/0005_change_log.sql"),
    ),
    (
        6,
        "engine_checkpoint",
        include_str!("../../migrations/postgres/0006_engine_checkpoint.sql"),
    ),
    (
        7,
        "revisions",
        include_str!("../../migrations/postgres/0007_revisions.sql"),
    ),
    (
        8,
        "reporting",
        include_str!("../../migrations/postgres/0008_reporting.sql"),
    ),
    (
        9,
        "validation_rules",
        include_str!("../../migrations/postgres/0009_validation_rules.sql"),
    ),
    (
        10,
        "digests",
        include_str!("../../migrations/postgres/0010_digests.sql"),
    ),
    (
        11,
        "amendments",
        include_str!("../../migrations/postgres/0011_amendments.sql"),
    ),
    (
        12,
        "observations_load",
        include_str!("../../migrations/postgres/0012_observations_load.sql"),
    ),
];

fn migrations(store: &SqlStore) -> &'static [Migration] {
    match store.dialect {
        Dialect::Sqlite => SQLITE_MIGRATIONS,
        Dialect::Postgres => POSTGRES_MIGRATIONS,
    }
}

pub(super) async fn migrate(store: &SqlStore) -> Outcome<()> {
    let mut connection = store.pool.acquire().await?;
    if store.dialect == Dialect::Postgres {
        // Two processes starting at once must not both apply a migration.
        sqlx::query("SELECT pg_advisory_lock($1)")
            .bind(COMMIT_LOCK + 1)
            .execute(&mut *connection)
            .await?;
    }
    let outcome = migrate_on(store, &mut connection).await;
    if store.dialect == Dialect::Postgres {
        sqlx::query("SELECT pg_advisory_unlock($1)")
            .bind(COMMIT_LOCK + 1)
            .execute(&mut *connection)
            .await?;
    }
    outcome
}

async fn migrate_on(store: &SqlStore, connection: &mut sqlx::AnyConnection) -> Outcome<()> {
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version BIGINT PRIMARY KEY, name TEXT NOT NULL,
            checksum TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )
    .execute(&mut *connection)
    .await?;
    let applied: HashMap<i64, String> =
        sqlx::query("SELECT version, checksum FROM schema_migrations")
            .fetch_all(&mut *connection)
            .await?
            .into_iter()
            .map(|row| (row.get::<i64, _>(0), row.get::<String, _>(1)))
            .collect();
    let migrations = migrations(store);
    let known = migrations.last().map_or(0, |m| m.0);
    if let Some(found) = applied.keys().copied().max().filter(|v| *v > known) {
        return Err(StoreError::SchemaTooNew { found, known }.into());
    }
    for (version, name, sql) in migrations {
        let checksum = checksum(sql);
        match applied.get(version) {
            Some(stored) if *stored == checksum => continue,
            Some(_) => {
                return Err(StoreError::MigrationEdited {
                    version: *version,
                    name: (*name).to_owned(),
                }
                .into());
            }
            None => {}
        }
        let mut tx = connection.begin().await?;
        sqlx::raw_sql(sql).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(version)
        .bind(*name)
        .bind(&checksum)
        .bind(timestamp_text(time::OffsetDateTime::now_utc()))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        tracing::info!(version, name, "applied migration");
    }
    Ok(())
}

/// FNV-1a over the migration text: enough to notice an edited file, no dependency needed.
fn checksum(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}
