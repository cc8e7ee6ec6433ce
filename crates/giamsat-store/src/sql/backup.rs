//! Backups in one portable format for both stores: every table, row by row, as JSON lines,
//! read in one transaction while the server keeps running. A backup of SQLite restores into
//! PostgreSQL and back, which is also how a province moves to PostgreSQL when it grows.
//!
//! ```text
//! {"format":"giamsat-backup","version":1,"schema":5,"from":"sqlite"}
//! {"table":"units","columns":["id","code",…]}
//! [1,"01",…]
//! …
//! {"end":true,"tables":19,"rows":4821}
//! ```
//!
//! The change log is not kept: a restored database starts a new one. A restore writes the rows
//! as they were, not through the application layer: it is part of the bulk path, and leaves
//! one audit entry of its own after the restored trail.

use std::io::{BufRead, Write};

use futures_util::TryStreamExt;
use serde_json::Value;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::write::{insert_audit, values_sql};
use super::{Dialect, Failure, SqlStore};
use crate::{BackupError, BackupSummary, BulkOrigin};

const FORMAT: &str = "giamsat-backup";
const VERSION: u64 = 1;

/// How a column is read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Int,
    Real,
    Text,
    /// Written as lowercase hex.
    Bytes,
}

use Kind::{Bytes, Int, Real, Text};

/// Every table of the schema with its columns, in an order that restores (a row only refers
/// to rows of tables before it, or to earlier rows of its own table). A conformance test
/// checks this list against both schemas, so a new column cannot be left out of backups.
pub(crate) const TABLES: &[(&str, &[(&str, Kind)])] = &[
    (
        "units",
        &[
            ("id", Int),
            ("code", Text),
            ("kind", Text),
            ("parent_id", Int),
            ("valid_from", Text),
            ("valid_to", Text),
            ("source", Text),
            ("recorded_by", Text),
            ("recorded_at", Text),
        ],
    ),
    (
        "unit_successions",
        &[
            ("id", Int),
            ("predecessor", Int),
            ("successor", Int),
            ("share", Real),
            ("valid_from", Text),
            ("source", Text),
            ("recorded_by", Text),
            ("recorded_at", Text),
        ],
    ),
    (
        "translations",
        &[
            ("object", Text),
            ("object_id", Int),
            ("field", Text),
            ("locale", Text),
            ("text", Text),
        ],
    ),
    (
        "indicators",
        &[
            ("id", Int),
            ("code", Text),
            ("decimals", Int),
            ("direction", Text),
            ("across_units", Text),
            ("weight_id", Int),
            ("numerator_id", Int),
            ("denominator_id", Int),
            ("scale", Real),
            ("over_time", Text),
            ("same_period_base", Text),
            ("source", Text),
            ("recorded_by", Text),
            ("recorded_at", Text),
        ],
    ),
    (
        "documents",
        &[
            ("id", Int),
            ("key", Text),
            ("number", Text),
            ("doc_type", Text),
            ("issued_by", Int),
            ("issued_on", Text),
            ("target_year", Int),
            ("orientation_year", Int),
            ("vision_year", Int),
            ("source", Text),
            ("recorded_by", Text),
            ("recorded_at", Text),
        ],
    ),
    (
        "targets",
        &[
            ("id", Int),
            ("document_id", Int),
            ("indicator_id", Int),
            ("unit_id", Int),
            ("period", Text),
            ("value", Real),
            ("comparator", Text),
            ("baseline_period", Text),
            ("baseline_value", Real),
            ("source", Text),
            ("recorded_by", Text),
            ("recorded_at", Text),
        ],
    ),
    (
        "scenarios",
        &[
            ("id", Int),
            ("target_id", Int),
            ("source", Text),
            ("recorded_by", Text),
            ("recorded_at", Text),
        ],
    ),
    (
        "scenario_points",
        &[("scenario_id", Int), ("month", Text), ("value", Real)],
    ),
    (
        "observations",
        &[
            ("id", Int),
            ("indicator_id", Int),
            ("unit_id", Int),
            ("period", Text),
            ("value", Real),
            ("kind", Text),
            ("reported_by", Int),
            ("document_id", Int),
            ("corrects", Int),
            ("note", Text),
            ("source", Text),
            ("recorded_by", Text),
            ("recorded_at", Text),
        ],
    ),
    (
        "reported_scorecards",
        &[
            ("id", Int),
            ("unit_id", Int),
            ("period", Text),
            ("met", Int),
            ("set_count", Int),
            ("document_id", Int),
            ("source", Text),
            ("recorded_by", Text),
            ("recorded_at", Text),
        ],
    ),
    (
        "audit_log",
        &[
            ("id", Int),
            ("at", Text),
            ("actor", Text),
            ("action", Text),
            ("object", Text),
            ("before", Text),
            ("after", Text),
            ("unit_id", Int),
        ],
    ),
    (
        "accounts",
        &[
            ("id", Int),
            ("username", Text),
            ("display_name", Text),
            ("password_hash", Text),
            ("created_at", Text),
            ("created_by", Text),
            ("disabled", Int),
        ],
    ),
    (
        "account_grants",
        &[("account_id", Int), ("role", Text), ("scope_unit", Int)],
    ),
    (
        "account_contacts",
        &[("account_id", Int), ("email", Text), ("language", Text)],
    ),
    (
        "digests_sent",
        &[
            ("account_id", Int),
            ("day", Text),
            ("items", Int),
            ("sent_at", Text),
        ],
    ),
    (
        "sessions",
        &[
            ("id", Int),
            ("token_hash", Text),
            ("account_id", Int),
            ("csrf_token", Text),
            ("created_at", Text),
            ("last_seen_at", Text),
            ("expires_at", Text),
            ("ended_at", Text),
        ],
    ),
    (
        "api_tokens",
        &[
            ("id", Int),
            ("token_hash", Text),
            ("account_id", Int),
            ("name", Text),
            ("created_at", Text),
            ("created_by", Text),
            ("last_used_at", Text),
            ("revoked_at", Text),
        ],
    ),
    (
        "follow_up_records",
        &[
            ("id", Int),
            ("kind", Text),
            ("body", Text),
            ("source", Text),
            ("recorded_by", Text),
            ("recorded_at", Text),
        ],
    ),
    (
        "evidence_files",
        &[
            ("sha256", Text),
            ("name", Text),
            ("content_type", Text),
            ("size", Int),
            ("bytes", Bytes),
            ("recorded_by", Text),
            ("recorded_at", Text),
        ],
    ),
    (
        "reporting_records",
        &[
            ("id", Int),
            ("kind", Text),
            ("body", Text),
            ("source", Text),
            ("recorded_by", Text),
            ("recorded_at", Text),
        ],
    ),
    (
        "validation_rules",
        &[
            ("id", Int),
            ("regime_id", Int),
            ("body", Text),
            ("source", Text),
            ("recorded_by", Text),
            ("recorded_at", Text),
        ],
    ),
    (
        "amendments",
        &[
            ("id", Int),
            ("object", Text),
            ("object_id", Int),
            ("body", Text),
            ("source", Text),
            ("recorded_by", Text),
            ("recorded_at", Text),
        ],
    ),
];

/// The oldest schema whose backups restore today: the migrations since then add only tables
/// that are not backed up (6: the engine's checkpoint) or that a backup from before them
/// simply has no rows of (8: the reporting cycle; 9: its validation rules; 10: contacts and
/// digests sent; 11: amendments).
const SAME_TABLES_SINCE: i64 = 5;

/// Tables that are not data: the migrations applied, the change log between processes and
/// the engine's checkpoint, derived from the observations.
#[cfg(test)]
pub(crate) const NOT_BACKED_UP: &[&str] = &[
    "schema_migrations",
    "change_log",
    "engine_checkpoints",
    "engine_checkpoint_parts",
];

/// Tables whose `id` PostgreSQL numbers itself; after a restore their counters must start
/// past the restored rows.
const NUMBERED: &[&str] = &[
    "unit_successions",
    "scenarios",
    "reported_scorecards",
    "audit_log",
    "accounts",
    "sessions",
    "api_tokens",
];

/// Rows per INSERT when restoring.
const ROWS_PER_STATEMENT: usize = 200;

/// sqlx's error as the store error a backup or restore fails with.
fn db(error: sqlx::Error) -> BackupError {
    Failure::from(error).into()
}

fn cell(row: &AnyRow, index: usize, kind: Kind) -> Result<Value, sqlx::Error> {
    Ok(match kind {
        Int => row
            .try_get::<Option<i64>, _>(index)?
            .map_or(Value::Null, Value::from),
        Real => row
            .try_get::<Option<f64>, _>(index)?
            .map_or(Value::Null, Value::from),
        Text => row
            .try_get::<Option<String>, _>(index)?
            .map_or(Value::Null, Value::from),
        Bytes => row
            .try_get::<Option<Vec<u8>>, _>(index)?
            .map_or(Value::Null, |b| Value::from(hex(&b))),
    })
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0xf)]));
    }
    out
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// See [`crate::Backup::backup`]: one read transaction, so the file is one state.
pub(super) async fn backup<W: Write + Send>(
    store: &SqlStore,
    out: &mut W,
) -> Result<BackupSummary, BackupError> {
    let mut tx = store.pool().begin().await.map_err(db)?;
    if store.dialect() == Dialect::Postgres {
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .execute(&mut *tx)
            .await
            .map_err(db)?;
    }
    let schema = schema_version(&mut tx).await.map_err(db)?;
    let dialect = match store.dialect() {
        Dialect::Sqlite => "sqlite",
        Dialect::Postgres => "postgres",
    };
    let header = serde_json::json!({
        "format": FORMAT, "version": VERSION, "schema": schema, "from": dialect,
    });
    writeln!(out, "{header}")?;
    let mut rows = 0u64;
    for (table, columns) in TABLES {
        let names: Vec<&str> = columns.iter().map(|c| c.0).collect();
        writeln!(
            out,
            "{}",
            serde_json::json!({ "table": table, "columns": names })
        )?;
        // Ordered by every column, so two backups of the same data are the same file.
        // Text in byte order on both, whatever PostgreSQL's locale.
        let order: Vec<String> = columns
            .iter()
            .map(|(name, kind)| match (kind, store.dialect()) {
                (Text, Dialect::Postgres) => format!("{name} COLLATE \"C\""),
                _ => (*name).to_owned(),
            })
            .collect();
        let sql = format!(
            "SELECT {} FROM {table} ORDER BY {}",
            names.join(", "),
            order.join(", ")
        );
        let mut stream = sqlx::query(&sql).fetch(&mut *tx);
        while let Some(row) = stream.try_next().await.map_err(db)? {
            let values = columns
                .iter()
                .enumerate()
                .map(|(i, (_, kind))| cell(&row, i, *kind))
                .collect::<Result<Vec<Value>, _>>()
                .map_err(db)?;
            writeln!(out, "{}", Value::Array(values))?;
            rows += 1;
        }
    }
    writeln!(
        out,
        "{}",
        serde_json::json!({ "end": true, "tables": TABLES.len(), "rows": rows })
    )?;
    out.flush()?;
    tx.commit().await.map_err(db)?;
    Ok(BackupSummary {
        tables: TABLES.len(),
        rows,
    })
}

/// See [`crate::Backup::restore`]: every row in one transaction with the restore's own audit
/// entry, or nothing when any line is wrong.
pub(super) async fn restore<R: BufRead + Send>(
    store: &SqlStore,
    input: R,
    origin: &BulkOrigin,
) -> Result<BackupSummary, BackupError> {
    let mut lines = input.lines();
    let mut line_no = 0u64;
    let mut next_line = |line_no: &mut u64| -> Result<Option<String>, BackupError> {
        *line_no += 1;
        Ok(lines.next().transpose()?)
    };
    let malformed = |line: u64, problem: &str| BackupError::Malformed {
        line,
        problem: problem.to_owned(),
    };

    let header: Value = match next_line(&mut line_no)? {
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| malformed(1, &format!("not a giamsat backup header ({e})")))?,
        None => return Err(malformed(1, "the file is empty")),
    };
    if header["format"] != FORMAT {
        return Err(malformed(
            1,
            "not a giamsat backup (no \"format\": \"giamsat-backup\")",
        ));
    }
    if header["version"] != VERSION {
        return Err(malformed(
            1,
            &format!("backup format version {} is not known", header["version"]),
        ));
    }
    let mut tx = store.pool().begin().await.map_err(db)?;
    let known = schema_version(&mut tx).await.map_err(db)?;
    let found = header["schema"].as_i64().unwrap_or(0);
    if found > known {
        return Err(BackupError::SchemaTooNew { found, known });
    }
    if found < SAME_TABLES_SINCE {
        // Older backups would need the migrations in between applied to their rows.
        return Err(malformed(
            1,
            &format!(
                "the backup has schema {found}; this giamsat restores schemas {SAME_TABLES_SINCE} to {known}"
            ),
        ));
    }
    for (table, _) in TABLES {
        let any: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT 1) AS one"
        ))
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        if any > 0 {
            return Err(BackupError::NotEmpty {
                table: (*table).to_owned(),
            });
        }
    }

    let mut rows = 0u64;
    let mut tables = 0usize;
    let mut current: Option<(&str, &[(&str, Kind)])> = None;
    let mut pending: Vec<Vec<Value>> = Vec::new();
    let mut ended = false;
    while let Some(text) = next_line(&mut line_no)? {
        let line = line_no;
        if ended {
            return Err(malformed(line, "text after the end of the backup"));
        }
        let value: Value =
            serde_json::from_str(&text).map_err(|e| malformed(line, &format!("not JSON ({e})")))?;
        match value {
            Value::Array(cells) => {
                let Some((table, columns)) = current else {
                    return Err(malformed(line, "a row before any table"));
                };
                if cells.len() != columns.len() {
                    return Err(malformed(
                        line,
                        &format!(
                            "{} values for the {} columns of {table}",
                            cells.len(),
                            columns.len()
                        ),
                    ));
                }
                for ((name, kind), cell) in columns.iter().zip(&cells) {
                    let fits = match (kind, cell) {
                        (_, Value::Null) => true,
                        (Int, v) => v.is_i64(),
                        (Real, v) => v.is_number(),
                        (Text, v) => v.is_string(),
                        (Bytes, Value::String(s)) => unhex(s).is_some(),
                        (Bytes, _) => false,
                    };
                    if !fits {
                        return Err(malformed(
                            line,
                            &format!("{table}.{name}: {cell} is not {kind:?}"),
                        ));
                    }
                }
                pending.push(cells);
                rows += 1;
                if pending.len() == ROWS_PER_STATEMENT {
                    insert_rows(&mut tx, store.dialect(), table, columns, &pending)
                        .await
                        .map_err(|e| malformed(line, &format!("{table}: {e}")))?;
                    pending.clear();
                }
            }
            Value::Object(object) if object.contains_key("table") => {
                if let Some((table, columns)) = current.take() {
                    insert_rows(&mut tx, store.dialect(), table, columns, &pending)
                        .await
                        .map_err(|e| malformed(line, &format!("{table}: {e}")))?;
                    pending.clear();
                }
                let name = object
                    .get("table")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                let Some((table, columns)) = TABLES.iter().find(|(t, _)| *t == name) else {
                    return Err(malformed(line, &format!("unknown table \"{name}\"")));
                };
                let expected: Vec<&str> = columns.iter().map(|c| c.0).collect();
                if object.get("columns") != Some(&serde_json::json!(expected)) {
                    return Err(malformed(
                        line,
                        &format!("the columns of {table} are not {expected:?}"),
                    ));
                }
                current = Some((table, columns));
                tables += 1;
            }
            Value::Object(object) if object.get("end") == Some(&Value::Bool(true)) => {
                if let Some((table, columns)) = current.take() {
                    insert_rows(&mut tx, store.dialect(), table, columns, &pending)
                        .await
                        .map_err(|e| malformed(line, &format!("{table}: {e}")))?;
                    pending.clear();
                }
                if object.get("rows").and_then(Value::as_u64) != Some(rows) {
                    return Err(malformed(
                        line,
                        &format!(
                            "the backup says {} rows; {rows} were read",
                            object.get("rows").unwrap_or(&Value::Null)
                        ),
                    ));
                }
                ended = true;
            }
            _ => return Err(malformed(line, "neither a table, a row nor the end")),
        }
    }
    if !ended {
        return Err(malformed(
            line_no - 1,
            "the backup ends before its end line: it is truncated",
        ));
    }
    if store.dialect() == Dialect::Postgres {
        for table in NUMBERED {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table}"
            ))
            .execute(&mut *tx)
            .await.map_err(db)?;
        }
    }
    // The restore's own entry comes after the restored trail, numbered past it.
    let summary = BackupSummary { tables, rows };
    insert_audit(&mut tx, store.dialect(), &[origin.restore_entry(&summary)])
        .await
        .map_err(db)?;
    tx.commit().await.map_err(db)?;
    Ok(summary)
}

async fn schema_version(connection: &mut sqlx::AnyConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT coalesce(max(version), 0) FROM schema_migrations")
        .fetch_one(connection)
        .await
}

async fn insert_rows(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialect: Dialect,
    table: &str,
    columns: &[(&str, Kind)],
    rows: &[Vec<Value>],
) -> Result<(), sqlx::Error> {
    if rows.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = columns.iter().map(|c| c.0).collect();
    let sql = values_sql(
        dialect,
        &format!("{table} ({})", names.join(", ")),
        columns.len(),
        rows.len(),
    );
    // Not kept prepared: sqlx's Any driver declares a missing float as a 4-byte one, and
    // PostgreSQL would then refuse an 8-byte value in the same statement's next use.
    let mut query = sqlx::query(&sql).persistent(false);
    for row in rows {
        for ((_, kind), value) in columns.iter().zip(row) {
            query = match kind {
                Int => query.bind(value.as_i64()),
                Real => query.bind(value.as_f64()),
                Text => query.bind(value.as_str().map(str::to_owned)),
                Bytes => query.bind(value.as_str().and_then(unhex)),
            };
        }
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Backup;
    use proptest::prelude::*;

    /// A backup of a store holding one unit, one translation and one evidence file.
    fn small_backup() -> String {
        [
            r#"{"format":"giamsat-backup","version":1,"schema":5,"from":"sqlite"}"#,
            r#"{"columns":["id","code","kind","parent_id","valid_from","valid_to","source","recorded_by","recorded_at"],"table":"units"}"#,
            r#"[1,"VN","nation",null,null,null,"test","tester","2026-11-23T10:00:00Z"]"#,
            r#"{"columns":["object","object_id","field","locale","text"],"table":"translations"}"#,
            r#"["unit",1,"name","vi","Việt Nam"]"#,
            r#"{"columns":["sha256","name","content_type","size","bytes","recorded_by","recorded_at"],"table":"evidence_files"}"#,
            r#"["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","a.pdf","application/pdf",2,"00ff","tester","2026-11-23T10:00:00Z"]"#,
            r#"{"end":true,"rows":3,"tables":3}"#,
        ]
        .join("\n")
    }

    fn restore(text: &[u8]) -> (Result<BackupSummary, BackupError>, i64) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async {
            let dir = tempfile::tempdir().expect("tempdir");
            let store = SqlStore::open(dir.path().join("g.db").to_str().expect("utf-8"))
                .await
                .expect("open");
            let origin = BulkOrigin {
                actor: "restore".into(),
                source: "test.jsonl".into(),
                at: time::macros::datetime!(2026-11-23 10:00 UTC),
            };
            let outcome = store.restore(std::io::Cursor::new(text), &origin).await;
            let units: i64 = sqlx::query_scalar("SELECT count(*) FROM units")
                .fetch_one(store.pool())
                .await
                .expect("count");
            (outcome, units)
        })
    }

    #[test]
    fn a_small_backup_restores() {
        let (outcome, units) = restore(small_backup().as_bytes());
        assert_eq!(outcome.expect("restored").rows, 3);
        assert_eq!(units, 1);
    }

    /// Found by the property test below: a header without its columns panicked.
    #[test]
    fn a_table_header_without_columns_is_refused_with_its_line() {
        let text = small_backup().replacen("\"columns\"", "\"column#\"", 1);
        let (outcome, units) = restore(text.as_bytes());
        let message = outcome.expect_err("refused").to_string();
        assert!(
            message.starts_with("line 2: the columns of units are not"),
            "{message}"
        );
        assert_eq!(units, 0);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// A backup damaged anywhere (a byte changed, lines cut or repeated) either restores
        /// whole, when the damage kept it valid, or is refused with the line at fault and
        /// leaves the database empty: never half a restore, never a panic.
        #[test]
        fn a_damaged_backup_restores_whole_or_not_at_all(
            position in 0usize..1_000,
            byte in any::<u8>(),
            cut in 0usize..8,
            repeat in proptest::option::of(1usize..8),
        ) {
            let mut lines: Vec<Vec<u8>> = small_backup()
                .lines()
                .map(|l| l.as_bytes().to_vec())
                .collect();
            if let Some(r) = repeat {
                let copy = lines[r % lines.len()].clone();
                lines.insert(r % lines.len(), copy);
            }
            lines.truncate(lines.len() - cut.min(lines.len() - 1));
            let mut text = lines.join(&b'\n');
            let at = position % text.len();
            text[at] = byte;
            let (outcome, units) = restore(&text);
            match outcome {
                Ok(summary) => prop_assert_eq!(units as u64 >= 1, summary.rows >= 1),
                Err(BackupError::Malformed { line, .. }) => {
                    prop_assert_eq!(units, 0);
                    prop_assert!(line >= 1);
                }
                Err(other) => {
                    prop_assert_eq!(units, 0);
                    prop_assert!(!other.to_string().is_empty());
                }
            }
        }
    }

    #[test]
    fn hex_round_trips_and_refuses_odd_or_foreign_text() {
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(unhex(&hex(&bytes)), Some(bytes));
        assert_eq!(unhex("abc"), None);
        assert_eq!(unhex("zz"), None);
        assert_eq!(unhex("é1"), None);
    }
}
