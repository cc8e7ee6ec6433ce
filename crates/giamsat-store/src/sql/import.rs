//! Streamed imports of figures (see [`crate::Store::import_observations`]): each chunk is
//! written into one open transaction as the application sends it, and the transaction is
//! committed only once the whole file has passed. SQLite writes through rusqlite on a
//! blocking thread with prepared multi-row inserts (sqlx's driver costs microseconds a row
//! in hand-offs), PostgreSQL through `COPY`, which sqlx's Any driver does not offer: both on
//! a connection of their own, outside the pool.

use giamsat_core::{Observation, Record};
use tokio::sync::mpsc::Receiver;

use super::change_log::{CHANGE_LOG_KEPT, LOGGED_RECORDS_MAX};
use super::{Dialect, Outcome, SqlStore, change_log};
use crate::codec::timestamp_text;
use crate::{AuditEntry, ImportPart, ImportedFigure, StoreError};

/// The action of a figure's audit row: the same as a figure recorded on its own.
const FIGURE_ACTION: &str = "observation.record";

/// See [`crate::Store::import_observations`].
pub(super) async fn import_observations(
    store: &SqlStore,
    head: i64,
    parts: Receiver<ImportPart>,
) -> Outcome<Option<i64>> {
    match store.dialect {
        Dialect::Sqlite => {
            let Some(file) = store.sqlite_file.clone() else {
                return Err(StoreError::SqliteWrite("the database has no file".into()).into());
            };
            let written = tokio::task::spawn_blocking(move || sqlite::import(&file, head, parts))
                .await
                .map_err(|e| StoreError::SqliteWrite(e.to_string()))?;
            Ok(written?)
        }
        Dialect::Postgres => postgres::import(&store.url, head, parts).await,
    }
}

/// The figures kept for the change log while they are few enough to be logged; beyond that,
/// the entry asks other processes to reload, as [`change_log::logged`] does for any batch.
struct Logged {
    records: Option<Vec<Record>>,
}

impl Logged {
    fn new() -> Logged {
        Logged {
            records: Some(Vec::new()),
        }
    }

    fn keep(&mut self, figures: &[ImportedFigure]) {
        let Some(records) = &mut self.records else {
            return;
        };
        if records.len() + figures.len() > LOGGED_RECORDS_MAX {
            self.records = None;
        } else {
            records.extend(
                figures
                    .iter()
                    .map(|f| Record::Observation(f.observation.clone())),
            );
        }
    }

    fn json(&self, head: i64) -> Outcome<Option<String>> {
        match &self.records {
            Some(records) => change_log::logged(records, head),
            None => Ok(None),
        }
    }
}

/// The JSON texts of a figure's audit row (the cell's value before, and the figure), written
/// into buffers reused from figure to figure: the statements copy what they are given.
#[derive(Default)]
struct AuditTexts {
    before: Vec<u8>,
    after: Vec<u8>,
}

impl AuditTexts {
    fn of(&mut self, figure: &ImportedFigure) -> Result<(Option<&str>, &str), StoreError> {
        /// The cell's value before, as a single write's audit entry states it.
        #[derive(serde::Serialize)]
        struct Before {
            id: giamsat_core::ObservationId,
            kind: giamsat_core::ObservationKind,
            value: f64,
        }
        let unwritable = |e: serde_json::Error| StoreError::Corrupt {
            table: "audit_log",
            id: figure.observation.id.0 as i64,
            problem: e.to_string(),
        };
        self.before.clear();
        self.after.clear();
        if let Some((id, kind, value)) = figure.before {
            serde_json::to_writer(&mut self.before, &Before { id, kind, value })
                .map_err(unwritable)?;
        }
        serde_json::to_writer(&mut self.after, &figure.observation).map_err(unwritable)?;
        // serde_json writes UTF-8 only.
        let (Ok(before), Ok(after)) = (
            std::str::from_utf8(&self.before),
            std::str::from_utf8(&self.after),
        ) else {
            return Err(StoreError::Corrupt {
                table: "audit_log",
                id: figure.observation.id.0 as i64,
                problem: "a figure's JSON is not UTF-8".into(),
            });
        };
        Ok((figure.before.map(|_| before), after))
    }
}

/// The text of a timestamp, formatted once for the many figures of an import that share it.
#[derive(Default)]
struct Stamp {
    at: Option<time::OffsetDateTime>,
    text: String,
}

impl Stamp {
    fn of(&mut self, at: time::OffsetDateTime) -> &str {
        if self.at != Some(at) {
            self.at = Some(at);
            self.text = timestamp_text(at);
        }
        &self.text
    }
}

mod sqlite {
    use rusqlite::{Connection, OpenFlags, Statement, TransactionBehavior};

    use super::super::write::values_sql;
    use super::*;

    /// Observations (and audit rows) per multi-row INSERT: 13 parameters each, well under
    /// SQLite's 32,766.
    const ROWS: usize = 256;

    /// The import's own connection: its page cache (64 MB, freed with the connection when the
    /// import ends) keeps the index pages that a large import touches again and again, rather
    /// than spilling them into the WAL mid-transaction and reading them back. (256 MB was
    /// measured too: no faster once foreign keys are checked by chunk, and 220 MB more
    /// resident; see docs/benchmarks.md.)
    ///
    /// Foreign keys are not enforced row by row on this connection: SQLite would look up every
    /// row's indicator and unit, and keep a statement journal (a copy of every page each
    /// multi-row insert changes) in case one failed. The references of each chunk are checked
    /// instead, each distinct one once ([`References`]), before the next chunk is written.
    const IMPORT_PRAGMAS: &str = "PRAGMA foreign_keys = OFF; PRAGMA synchronous = NORMAL; \
        PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;";

    const OBSERVATIONS: &str = "observations (id, indicator_id, unit_id, period, value, kind, reported_by, document_id, corrects, note, source, recorded_by, recorded_at)";
    const AUDIT: &str = "audit_log (at, actor, action, object, before, after, unit_id)";

    pub(super) fn import(
        file: &std::path::Path,
        head: i64,
        mut parts: Receiver<ImportPart>,
    ) -> Result<Option<i64>, StoreError> {
        let fail = |e: rusqlite::Error| failure(file, e);
        let mut connection = Connection::open_with_flags(
            file,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(fail)?;
        connection
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(fail)?;
        connection.execute_batch(IMPORT_PRAGMAS).map_err(fail)?;
        // Immediate: the write lock is taken now, so the head read is the one committed on.
        let tx = connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        let current: i64 = tx
            .query_row("SELECT coalesce(max(seq), 0) FROM change_log", [], |r| {
                r.get(0)
            })
            .map_err(fail)?;
        if current != head {
            return Err(StoreError::Behind { head: current });
        }
        // A row that breaks a constraint rolls the whole import back (`INSERT OR ROLLBACK`):
        // no insert can fail half-way and be undone alone.
        let mut logged = Logged::new();
        let mut writer = Writer::new(&tx).map_err(fail)?;
        while let Some(part) = parts.blocking_recv() {
            match part {
                ImportPart::Figures(figures) => {
                    logged.keep(&figures);
                    writer.figures(&figures).map_err(|e| e.or(file))?;
                }
                ImportPart::Commit(summary) => {
                    writer.entry(&summary).map_err(|e| e.or(file))?;
                    drop(writer);
                    let seq = head + 1;
                    let records = logged.json(head).map_err(StoreError::from)?;
                    tx.execute(
                        "INSERT INTO change_log (seq, records) VALUES (?1, ?2)",
                        rusqlite::params![seq, records],
                    )
                    .map_err(fail)?;
                    if seq % 1_000 == 0 {
                        tx.execute(
                            "DELETE FROM change_log WHERE seq <= ?1",
                            [seq - CHANGE_LOG_KEPT],
                        )
                        .map_err(fail)?;
                    }
                    tx.commit().map_err(fail)?;
                    return Ok(Some(seq));
                }
            }
        }
        // The sender went away without committing: the transaction rolls back when dropped.
        Ok(None)
    }

    /// A clash with a stored row is a conflict; anything else a failure to write the file.
    fn failure(file: &std::path::Path, error: rusqlite::Error) -> StoreError {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => {
                StoreError::Conflict(error.to_string())
            }
            _ => StoreError::SqliteWrite(format!("{}: {error}", file.display())),
        }
    }

    /// An error while writing rows: SQLite's, or a figure that cannot be written as JSON.
    enum WriteError {
        Sqlite(rusqlite::Error),
        Store(StoreError),
    }

    impl WriteError {
        fn or(self, file: &std::path::Path) -> StoreError {
            match self {
                WriteError::Sqlite(e) => failure(file, e),
                WriteError::Store(e) => e,
            }
        }
    }

    impl From<rusqlite::Error> for WriteError {
        fn from(e: rusqlite::Error) -> WriteError {
            WriteError::Sqlite(e)
        }
    }

    impl From<StoreError> for WriteError {
        fn from(e: StoreError) -> WriteError {
            WriteError::Store(e)
        }
    }

    /// The prepared statements of an import, kept for its whole transaction.
    struct Writer<'c> {
        observations: Statement<'c>,
        observation: Statement<'c>,
        audit: Statement<'c>,
        entry: Statement<'c>,
        stamp: Stamp,
        texts: AuditTexts,
        references: References<'c>,
    }

    impl<'c> Writer<'c> {
        fn new(connection: &'c Connection) -> rusqlite::Result<Writer<'c>> {
            let sql = |table, columns, rows| {
                values_sql(Dialect::Sqlite, table, columns, rows).replacen(
                    "INSERT INTO",
                    "INSERT OR ROLLBACK INTO",
                    1,
                )
            };
            Ok(Writer {
                observations: connection.prepare(&sql(OBSERVATIONS, 13, ROWS))?,
                observation: connection.prepare(&sql(OBSERVATIONS, 13, 1))?,
                audit: connection.prepare(&sql(AUDIT, 7, ROWS))?,
                entry: connection.prepare(&sql(AUDIT, 7, 1))?,
                stamp: Stamp::default(),
                texts: AuditTexts::default(),
                references: References::new(connection)?,
            })
        }

        /// The figures and their audit rows, `ROWS` to a statement.
        fn figures(&mut self, figures: &[ImportedFigure]) -> Result<(), WriteError> {
            for figure in figures {
                self.references.note(&figure.observation);
            }
            self.write(figures)?;
            // After the rows, so that a correction of a figure of the same chunk is found.
            self.references.check()
        }

        fn write(&mut self, figures: &[ImportedFigure]) -> Result<(), WriteError> {
            for group in figures.chunks(ROWS) {
                let full = group.len() == ROWS;
                for (n, figure) in group.iter().enumerate() {
                    let statement = if full {
                        &mut self.observations
                    } else {
                        &mut self.observation
                    };
                    let at = self.stamp.of(figure.observation.provenance.recorded_at);
                    bind_observation(
                        statement,
                        if full { n * 13 } else { 0 },
                        &figure.observation,
                        at,
                    )?;
                    if !full {
                        statement.raw_execute()?;
                    }
                }
                if full {
                    self.observations.raw_execute()?;
                }
                for (n, figure) in group.iter().enumerate() {
                    let statement = if full {
                        &mut self.audit
                    } else {
                        &mut self.entry
                    };
                    let o = &figure.observation;
                    let (before, after) = self.texts.of(figure)?;
                    let at = self.stamp.of(o.provenance.recorded_at);
                    let first = if full { n * 7 } else { 0 };
                    bind_audit(
                        statement,
                        first,
                        [at, &o.provenance.recorded_by, FIGURE_ACTION, &figure.object],
                        (before, Some(after)),
                        Some(i64::from(o.unit.0)),
                    )?;
                    if !full {
                        statement.raw_execute()?;
                    }
                }
                if full {
                    self.audit.raw_execute()?;
                }
            }
            Ok(())
        }

        /// One audit entry of its own (the import's summary).
        fn entry(&mut self, entry: &AuditEntry) -> Result<(), WriteError> {
            let at = timestamp_text(entry.at);
            let json = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string());
            let (before, after) = (json(&entry.before), json(&entry.after));
            bind_audit(
                &mut self.entry,
                0,
                [&at, &entry.actor, &entry.action, &entry.object],
                (before.as_deref(), after.as_deref()),
                entry.unit.map(|u| i64::from(u.0)),
            )?;
            self.entry.raw_execute()?;
            Ok(())
        }
    }

    /// What an import's figures refer to (indicators, units, documents, the figures they
    /// correct), checked against the tables as foreign keys would be, each distinct one once:
    /// a file of a million figures names a few thousand units. Those found are remembered for
    /// the rest of the import (at most every unit, indicator and document, which the engine
    /// holds anyway); corrected figures are checked chunk by chunk and forgotten, so that what
    /// this holds does not grow with the file.
    struct References<'c> {
        found: [std::collections::HashSet<i64>; 3],
        pending: [std::collections::BTreeSet<i64>; 4],
        lookups: [Statement<'c>; 4],
    }

    /// The tables referred to, in the order of [`References`]' sets.
    const REFERRED: [&str; 4] = ["indicators", "units", "documents", "observations"];
    const INDICATOR: usize = 0;
    const UNIT: usize = 1;
    const DOCUMENT: usize = 2;
    const CORRECTED: usize = 3;

    impl<'c> References<'c> {
        fn new(connection: &'c Connection) -> rusqlite::Result<References<'c>> {
            let lookup =
                |table: &str| connection.prepare(&format!("SELECT 1 FROM {table} WHERE id = ?1"));
            Ok(References {
                found: Default::default(),
                pending: Default::default(),
                lookups: [
                    lookup(REFERRED[INDICATOR])?,
                    lookup(REFERRED[UNIT])?,
                    lookup(REFERRED[DOCUMENT])?,
                    lookup(REFERRED[CORRECTED])?,
                ],
            })
        }

        /// A figure's references (its audit row's unit is the figure's).
        fn note(&mut self, o: &Observation) {
            let mut refer = |table: usize, id: i64| {
                if table == CORRECTED || !self.found[table].contains(&id) {
                    self.pending[table].insert(id);
                }
            };
            refer(INDICATOR, i64::from(o.indicator.0));
            refer(UNIT, i64::from(o.unit.0));
            if let Some(unit) = o.reported_by {
                refer(UNIT, i64::from(unit.0));
            }
            if let Some(document) = o.document {
                refer(DOCUMENT, i64::from(document.0));
            }
            if let Some(corrected) = o.corrects {
                refer(CORRECTED, corrected.0 as i64);
            }
        }

        /// Every reference noted since the last check, or the first that names nothing: a
        /// conflict, as a broken foreign key is.
        fn check(&mut self) -> Result<(), WriteError> {
            for (table, name) in REFERRED.iter().enumerate() {
                for id in std::mem::take(&mut self.pending[table]) {
                    if !self.lookups[table].exists([id])? {
                        return Err(WriteError::Store(StoreError::Conflict(format!(
                            "FOREIGN KEY constraint failed: a figure refers to {name} {id}, which does not exist"
                        ))));
                    }
                    if let Some(found) = self.found.get_mut(table) {
                        found.insert(id);
                    }
                }
            }
            Ok(())
        }
    }

    fn bind_observation(
        statement: &mut Statement<'_>,
        first: usize,
        o: &Observation,
        recorded_at: &str,
    ) -> rusqlite::Result<()> {
        let id = |n: Option<u32>| n.map(i64::from);
        statement.raw_bind_parameter(first + 1, o.id.0 as i64)?;
        statement.raw_bind_parameter(first + 2, i64::from(o.indicator.0))?;
        statement.raw_bind_parameter(first + 3, i64::from(o.unit.0))?;
        statement.raw_bind_parameter(first + 4, o.period.code())?;
        statement.raw_bind_parameter(first + 5, o.value)?;
        statement.raw_bind_parameter(first + 6, o.kind.as_str())?;
        statement.raw_bind_parameter(first + 7, id(o.reported_by.map(|u| u.0)))?;
        statement.raw_bind_parameter(first + 8, id(o.document.map(|d| d.0)))?;
        statement.raw_bind_parameter(first + 9, o.corrects.map(|c| c.0 as i64))?;
        statement.raw_bind_parameter(first + 10, o.note.as_deref())?;
        statement.raw_bind_parameter(first + 11, o.provenance.source.as_str())?;
        statement.raw_bind_parameter(first + 12, o.provenance.recorded_by.as_str())?;
        statement.raw_bind_parameter(first + 13, recorded_at)
    }

    fn bind_audit(
        statement: &mut Statement<'_>,
        first: usize,
        texts: [&str; 4],
        (before, after): (Option<&str>, Option<&str>),
        unit: Option<i64>,
    ) -> rusqlite::Result<()> {
        for (n, text) in texts.into_iter().enumerate() {
            statement.raw_bind_parameter(first + n + 1, text)?;
        }
        statement.raw_bind_parameter(first + 5, before)?;
        statement.raw_bind_parameter(first + 6, after)?;
        statement.raw_bind_parameter(first + 7, unit)
    }
}

mod postgres {
    use sqlx::{Connection, PgConnection};

    use super::super::{COMMIT_LOCK, conflict_or_database};
    use super::*;

    pub(super) async fn import(
        url: &str,
        head: i64,
        mut parts: Receiver<ImportPart>,
    ) -> Outcome<Option<i64>> {
        let mut connection = PgConnection::connect(url).await?;
        let mut tx = connection.begin().await?;
        // Commits of all processes take turns on this lock (see `change_log::append`); held
        // from the start, so that the head checked now is the one committed on.
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(COMMIT_LOCK)
            .execute(&mut *tx)
            .await?;
        let current: i64 = sqlx::query_scalar("SELECT coalesce(max(seq), 0) FROM change_log")
            .fetch_one(&mut *tx)
            .await?;
        if current != head {
            return Err(StoreError::Behind { head: current }.into());
        }
        let mut logged = Logged::new();
        let mut stamp = Stamp::default();
        let mut texts = AuditTexts::default();
        let mut rows = String::new();
        while let Some(part) = parts.recv().await {
            match part {
                ImportPart::Figures(figures) => {
                    logged.keep(&figures);
                    rows.clear();
                    for figure in &figures {
                        observation_row(&mut rows, &figure.observation, &mut stamp);
                    }
                    copy(&mut tx, "COPY observations (id, indicator_id, unit_id, period, value, kind, reported_by, document_id, corrects, note, source, recorded_by, recorded_at) FROM STDIN", &rows).await?;
                    rows.clear();
                    for figure in &figures {
                        audit_row(&mut rows, figure, &mut stamp, &mut texts)?;
                    }
                    copy(&mut tx, "COPY audit_log (at, actor, action, object, before, after, unit_id) FROM STDIN", &rows).await?;
                }
                ImportPart::Commit(summary) => {
                    let seq = head + 1;
                    let json = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string());
                    sqlx::query("INSERT INTO audit_log (at, actor, action, object, before, after, unit_id) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                        .bind(timestamp_text(summary.at))
                        .bind(&summary.actor)
                        .bind(&summary.action)
                        .bind(&summary.object)
                        .bind(json(&summary.before))
                        .bind(json(&summary.after))
                        .bind(summary.unit.map(|u| i64::from(u.0)))
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("INSERT INTO change_log (seq, records) VALUES ($1, $2)")
                        .bind(seq)
                        .bind(logged.json(head)?)
                        .execute(&mut *tx)
                        .await?;
                    if seq % 1_000 == 0 {
                        sqlx::query("DELETE FROM change_log WHERE seq <= $1")
                            .bind(seq - CHANGE_LOG_KEPT)
                            .execute(&mut *tx)
                            .await?;
                    }
                    sqlx::query("SELECT pg_notify($1, $2)")
                        .bind(change_log::CHANGES_CHANNEL)
                        .bind(seq.to_string())
                        .execute(&mut *tx)
                        .await?;
                    tx.commit().await?;
                    return Ok(Some(seq));
                }
            }
        }
        // The sender went away without committing: the transaction rolls back when dropped.
        Ok(None)
    }

    async fn copy(
        tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
        statement: &str,
        rows: &str,
    ) -> Outcome<()> {
        let mut copy = tx.copy_in_raw(statement).await?;
        if let Err(e) = copy.send(rows.as_bytes()).await {
            let _ = copy.abort(e.to_string()).await;
            return Err(conflict_or_database(e).into());
        }
        copy.finish().await.map_err(conflict_or_database)?;
        Ok(())
    }

    /// A value of COPY's text format: `\N` for null, else the text with backslash, tab,
    /// newline and return escaped.
    fn push_text(rows: &mut String, text: Option<&str>) {
        let Some(text) = text else {
            rows.push_str("\\N");
            return;
        };
        // Most texts (codes, numbers, JSON) have nothing to escape: copied whole.
        let mut rest = text;
        while let Some(at) = rest.find(['\\', '\t', '\n', '\r']) {
            rows.push_str(&rest[..at]);
            rows.push_str(match rest.as_bytes()[at] {
                b'\\' => "\\\\",
                b'\t' => "\\t",
                b'\n' => "\\n",
                _ => "\\r",
            });
            rest = &rest[at + 1..];
        }
        rows.push_str(rest);
    }

    fn push_number(rows: &mut String, number: Option<impl std::fmt::Display>) {
        use std::fmt::Write as _;
        match number {
            Some(n) => {
                let _ = write!(rows, "{n}");
            }
            None => rows.push_str("\\N"),
        }
    }

    fn observation_row(rows: &mut String, o: &Observation, stamp: &mut Stamp) {
        push_number(rows, Some(o.id.0));
        for n in [Some(o.indicator.0), Some(o.unit.0)] {
            rows.push('\t');
            push_number(rows, n);
        }
        rows.push('\t');
        push_text(rows, Some(&o.period.code()));
        rows.push('\t');
        push_number(rows, Some(o.value));
        rows.push('\t');
        push_text(rows, Some(o.kind.as_str()));
        for n in [o.reported_by.map(|u| u.0), o.document.map(|d| d.0)] {
            rows.push('\t');
            push_number(rows, n);
        }
        rows.push('\t');
        push_number(rows, o.corrects.map(|c| c.0));
        for text in [
            o.note.as_deref(),
            Some(o.provenance.source.as_str()),
            Some(o.provenance.recorded_by.as_str()),
            Some(stamp.of(o.provenance.recorded_at)),
        ] {
            rows.push('\t');
            push_text(rows, text);
        }
        rows.push('\n');
    }

    fn audit_row(
        rows: &mut String,
        figure: &ImportedFigure,
        stamp: &mut Stamp,
        texts: &mut AuditTexts,
    ) -> Result<(), StoreError> {
        let o = &figure.observation;
        let (before, after) = texts.of(figure)?;
        push_text(rows, Some(stamp.of(o.provenance.recorded_at)));
        for text in [
            Some(o.provenance.recorded_by.as_str()),
            Some(FIGURE_ACTION),
            Some(figure.object.as_str()),
            before,
            Some(after),
        ] {
            rows.push('\t');
            push_text(rows, text);
        }
        rows.push('\t');
        push_number(rows, Some(o.unit.0));
        rows.push('\n');
        Ok(())
    }
}
