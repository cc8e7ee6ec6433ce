//! The change log between processes: every commit appends its batch (or, for a batch too large
//! to log, a mark that asks others to reload) and announces its position with NOTIFY; other
//! processes read what they missed and LISTEN for what comes next.

use giamsat_core::Record;
use sqlx::Row;

use super::{COMMIT_LOCK, Dialect, Outcome, SqlStore, Tx, redact};
use crate::{ChangeListener, Changes, StoreError};

/// The notification channel on which every commit announces its change-log position.
pub const CHANGES_CHANNEL: &str = "giamsat_changes";

/// A batch larger than this is logged without its records: another process reloads instead
/// of replaying it, so a national import does not write every figure twice.
pub(super) const LOGGED_RECORDS_MAX: usize = 50_000;

/// How many change-log entries are kept. A process further behind reloads from the tables.
pub(super) const CHANGE_LOG_KEPT: i64 = 10_000;

/// The batch as the change log keeps it: its records as JSON, or `None` for a batch too large
/// to log, which other processes answer by reloading.
pub(super) fn logged(records: &[Record], head: i64) -> Outcome<Option<String>> {
    if records.len() > LOGGED_RECORDS_MAX {
        return Ok(None);
    }
    let json = serde_json::to_string(records).map_err(|e| StoreError::Corrupt {
        table: "change_log",
        id: head + 1,
        problem: e.to_string(),
    })?;
    Ok(Some(json))
}

/// Appends a batch to the log as the first statement of its commit, and returns its position.
pub(super) async fn append(
    tx: &mut Tx<'_>,
    dialect: Dialect,
    logged: Option<String>,
) -> Outcome<i64> {
    if dialect == Dialect::Postgres {
        // Commits of all processes take turns here, so positions are given in commit
        // order and a reader that saw position N has seen everything before it.
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(COMMIT_LOCK)
            .execute(&mut **tx)
            .await?;
    }
    // The first statement writes, so SQLite takes its write lock at once rather than
    // failing to upgrade a read.
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO change_log (seq, records) SELECT coalesce(max(seq), 0) + 1, $1 FROM change_log RETURNING seq",
    )
    .bind(logged)
    .fetch_one(&mut **tx)
    .await?;
    Ok(seq)
}

/// Forgets the oldest entries now and then, and tells the listening processes of position
/// `seq` (on PostgreSQL), as the last statements of its commit.
pub(super) async fn prune_and_announce(tx: &mut Tx<'_>, dialect: Dialect, seq: i64) -> Outcome<()> {
    if seq % 1_000 == 0 {
        sqlx::query("DELETE FROM change_log WHERE seq <= $1")
            .bind(seq - CHANGE_LOG_KEPT)
            .execute(&mut **tx)
            .await?;
    }
    if dialect == Dialect::Postgres {
        // Delivered to listeners when, and only if, the transaction commits.
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANGES_CHANNEL)
            .bind(seq.to_string())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// A connection that waits for the change-log position of every commit by any process
/// (PostgreSQL's LISTEN); `None` for SQLite, whose one process sees its own writes.
pub(super) async fn listen(store: &SqlStore) -> Outcome<Option<PostgresListener>> {
    if store.dialect != Dialect::Postgres {
        return Ok(None);
    }
    let mut listener = sqlx::postgres::PgListener::connect(&store.url)
        .await
        .map_err(|source| StoreError::Open {
            location: redact(&store.url),
            source: Box::new(source),
        })?;
    listener.listen(CHANGES_CHANNEL).await?;
    Ok(Some(PostgresListener { listener }))
}

/// Waits for commits announced by any process, on its own PostgreSQL connection.
pub struct PostgresListener {
    listener: sqlx::postgres::PgListener,
}

impl ChangeListener for PostgresListener {
    async fn next(&mut self) -> Result<Option<i64>, StoreError> {
        let received: Outcome<_> = self.listener.try_recv().await.map_err(Into::into);
        match received? {
            Some(notification) => Ok(notification.payload().parse().ok()),
            None => Ok(None),
        }
    }
}

/// See [`crate::Store::changes_since`].
pub(super) async fn changes_since(store: &SqlStore, head: i64) -> Outcome<Changes> {
    let rows = sqlx::query("SELECT seq, records FROM change_log WHERE seq > $1 ORDER BY seq")
        .bind(head)
        .fetch_all(&store.pool)
        .await?;
    let mut batches = Vec::with_capacity(rows.len());
    for (expected, row) in (head + 1..).zip(rows) {
        let seq: i64 = row.get(0);
        // A gap means the log was pruned past this process: only the tables are whole.
        if seq != expected {
            return Ok(Changes::Reload);
        }
        let Some(json) = row.get::<Option<String>, _>(1) else {
            return Ok(Changes::Reload);
        };
        let records: Vec<Record> =
            serde_json::from_str(&json).map_err(|e| StoreError::Corrupt {
                table: "change_log",
                id: seq,
                problem: e.to_string(),
            })?;
        batches.push((seq, records));
    }
    Ok(Changes::Batches(batches))
}
