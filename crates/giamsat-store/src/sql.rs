//! The SQL backends: SQLite (one file, WAL journal, embedded) and PostgreSQL (15 or newer, for
//! several processes), through one implementation. The SQL is written once, in the subset both
//! speak (`$1` parameters, `RETURNING`, `ON CONFLICT`), and the few statements that differ are
//! chosen by [`Dialect`]. Both schemas have the same tables and columns with the same meaning
//! (integers, floats, text, bytes; dates and timestamps as ISO text), so a backup taken from
//! one restores into the other.

use std::collections::HashMap;
use std::str::FromStr;

use futures_util::TryStreamExt;
use giamsat_core::indicator::{AcrossUnits, IndicatorCode};
use giamsat_core::org::UnitCode;
use giamsat_core::target::Baseline;
use giamsat_core::text::{Language, Translations};
use giamsat_core::{
    Document, DocumentId, DocumentKey, Horizon, Indicator, IndicatorId, Month, Observation,
    ObservationId, ObservationKind, Period, Provenance, Record, ReportedScorecard, Scenario,
    Target, TargetId, Unit, UnitId,
};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, ConnectOptions, Connection, Executor, Row, Transaction};

use crate::codec::{
    date_parse, date_text, enum_parse, enum_text, period_parse, timestamp_parse, timestamp_text,
    translation_rows,
};
use crate::{
    Account, ApiToken, AuditEntry, Changes, EvidenceFile, Loaded, NewAccount, NewApiToken,
    NewSession, Session, Snapshot, Store, StoreError, WritersLock,
};

/// The SQL dialect of a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// Appends parameter `n`, parameters being appended in order from 1. Statements with a
    /// few parameters are written with `$n`, which both accept. But SQLite keeps `$n` as a
    /// name, and looking a name up is a walk through all of them, once per parameter bound:
    /// a multi-row insert of thousands of parameters would spend its time there (55 ms for
    /// 500 observations). It is written for SQLite with anonymous `?`, bound in order.
    pub(crate) fn push_parameter(self, sql: &mut String, n: usize) {
        match self {
            Dialect::Sqlite => sql.push('?'),
            Dialect::Postgres => {
                sql.push('$');
                sql.push_str(&n.to_string());
            }
        }
    }
}

type Migration = (i64, &'static str, &'static str);

/// The migrations of each dialect, in order, kept in step: migration N of one makes the same
/// tables and columns as migration N of the other. An applied migration is never edited (its
/// checksum is kept).
const SQLITE_MIGRATIONS: &[Migration] = &[
    (
        1,
        "initial",
        include_str!("../migrations/sqlite/0001_initial.sql"),
    ),
    (
        2,
        "accounts",
        include_str!("../migrations/sqlite/0002_accounts.sql"),
    ),
    (
        3,
        "sessions",
        include_str!("../migrations/sqlite/0003_sessions.sql"),
    ),
    (
        4,
        "follow_up",
        include_str!("../migrations/sqlite/0004_follow_up.sql"),
    ),
    (
        5,
        "change_log",
        include_str!("../migrations/sqlite/0005_change_log.sql"),
    ),
    (
        6,
        "engine_checkpoint",
        include_str!("../migrations/sqlite/0006_engine_checkpoint.sql"),
    ),
];
const POSTGRES_MIGRATIONS: &[Migration] = &[
    (
        1,
        "initial",
        include_str!("../migrations/postgres/0001_initial.sql"),
    ),
    (
        2,
        "accounts",
        include_str!("../migrations/postgres/0002_accounts.sql"),
    ),
    (
        3,
        "sessions",
        include_str!("../migrations/postgres/0003_sessions.sql"),
    ),
    (
        4,
        "follow_up",
        include_str!("../migrations/postgres/0004_follow_up.sql"),
    ),
    (
        5,
        "change_log",
        include_str!("../migrations/postgres/0005_change_log.sql"),
    ),
    (
        6,
        "engine_checkpoint",
        include_str!("../migrations/postgres/0006_engine_checkpoint.sql"),
    ),
];

/// The notification channel on which every commit announces its change-log position.
pub const CHANGES_CHANNEL: &str = "giamsat_changes";

/// A batch larger than this is logged without its records: another process reloads instead
/// of replaying it, so a national import does not write every figure twice.
const LOGGED_RECORDS_MAX: usize = 50_000;

/// How many change-log entries are kept. A process further behind reloads from the tables.
const CHANGE_LOG_KEPT: i64 = 10_000;

/// Observations per multi-row INSERT: 13 parameters each, well under both databases' limits.
const OBSERVATIONS_PER_STATEMENT: usize = 500;

/// The transaction-scoped advisory lock that orders commits across processes on PostgreSQL.
const COMMIT_LOCK: i64 = 0x0067_6961_6d73_6174; // "giamsat"

/// The advisory lock a process holds from catching up to committing (see
/// [`Store::lock_writers`]); another key than the commit's own, which is taken on another
/// connection inside it.
const WRITERS_LOCK: i64 = COMMIT_LOCK + 2;

pub struct SqlStore {
    pool: AnyPool,
    dialect: Dialect,
    /// The SQLite file, read directly at start-up (see [`read_sqlite_observations`]).
    sqlite_file: Option<std::path::PathBuf>,
    /// The connection URL (PostgreSQL), for the listener's own connection.
    url: String,
}

impl SqlStore {
    /// Opens the database at `location` and brings its schema up to date: `postgres://…` (or
    /// `postgresql://…`) opens PostgreSQL; a file path, `sqlite:FILE` or `sqlite://FILE` opens
    /// (creating if needed) an SQLite file.
    /// The file of a SQLite location (a path, `sqlite:PATH` or `sqlite://PATH`); `None` for
    /// PostgreSQL. Opening creates the file when it is missing, so a command that only reads
    /// checks it first.
    pub fn sqlite_file_of(location: &str) -> Option<&std::path::Path> {
        let location = location.trim();
        if location.starts_with("postgres://") || location.starts_with("postgresql://") {
            return None;
        }
        let path = location
            .strip_prefix("sqlite://")
            .or_else(|| location.strip_prefix("sqlite:"))
            .unwrap_or(location);
        Some(std::path::Path::new(path))
    }

    pub async fn open(location: &str) -> Result<SqlStore, StoreError> {
        sqlx::any::install_default_drivers();
        let location = location.trim();
        if location.is_empty() {
            return Err(StoreError::BadLocation(location.to_owned()));
        }
        let open_error = |source| StoreError::Open {
            location: redact(location),
            source,
        };
        let sqlite_file = Self::sqlite_file_of(location).map(std::path::Path::to_path_buf);
        let (dialect, url) = match &sqlite_file {
            None => (Dialect::Postgres, location.to_owned()),
            Some(path) => {
                // Built by the SQLite driver itself, so a path with `?`, `#` or spaces is
                // encoded as it expects.
                let url = sqlx::sqlite::SqliteConnectOptions::new()
                    .filename(path)
                    .create_if_missing(true)
                    .to_url_lossy();
                (Dialect::Sqlite, url.to_string())
            }
        };
        let options = AnyConnectOptions::from_str(&url).map_err(open_error)?;
        let pool = AnyPoolOptions::new()
            .max_connections(if dialect == Dialect::Sqlite { 4 } else { 8 })
            .after_connect(move |connection, _| {
                Box::pin(async move {
                    if dialect == Dialect::Sqlite {
                        // WAL lets readers run beside the writer; NORMAL is durable in WAL
                        // mode up to the last checkpoint; foreign keys are off by default.
                        connection
                            .execute(
                                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                                 PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                            )
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .map_err(open_error)?;
        let sqlite_file = sqlite_file.filter(|file| file.is_file());
        let store = SqlStore {
            pool,
            dialect,
            sqlite_file,
            url,
        };
        store.migrate().await?;
        Ok(store)
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    fn migrations(&self) -> &'static [Migration] {
        match self.dialect {
            Dialect::Sqlite => SQLITE_MIGRATIONS,
            Dialect::Postgres => POSTGRES_MIGRATIONS,
        }
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let mut connection = self.pool.acquire().await?;
        if self.dialect == Dialect::Postgres {
            // Two processes starting at once must not both apply a migration.
            sqlx::query("SELECT pg_advisory_lock($1)")
                .bind(COMMIT_LOCK + 1)
                .execute(&mut *connection)
                .await?;
        }
        let outcome = self.migrate_on(&mut connection).await;
        if self.dialect == Dialect::Postgres {
            sqlx::query("SELECT pg_advisory_unlock($1)")
                .bind(COMMIT_LOCK + 1)
                .execute(&mut *connection)
                .await?;
        }
        outcome
    }

    async fn migrate_on(&self, connection: &mut sqlx::AnyConnection) -> Result<(), StoreError> {
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
        let migrations = self.migrations();
        let known = migrations.last().map_or(0, |m| m.0);
        if let Some(found) = applied.keys().copied().max().filter(|v| *v > known) {
            return Err(StoreError::SchemaTooNew { found, known });
        }
        for (version, name, sql) in migrations {
            let checksum = checksum(sql);
            match applied.get(version) {
                Some(stored) if *stored == checksum => continue,
                Some(_) => {
                    return Err(StoreError::MigrationEdited {
                        version: *version,
                        name: (*name).to_owned(),
                    });
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

    /// A connection that waits for the change-log position of every commit by any process
    /// (PostgreSQL's LISTEN); `None` for SQLite, whose one process sees its own writes.
    pub async fn listen(&self) -> Result<Option<ChangeListener>, StoreError> {
        if self.dialect != Dialect::Postgres {
            return Ok(None);
        }
        let mut listener = sqlx::postgres::PgListener::connect(&self.url)
            .await
            .map_err(|source| StoreError::Open {
                location: redact(&self.url),
                source,
            })?;
        listener.listen(CHANGES_CHANNEL).await?;
        Ok(Some(ChangeListener { listener }))
    }

    async fn translations(
        connection: &mut sqlx::AnyConnection,
    ) -> Result<HashMap<(String, i64, String), Translations>, StoreError> {
        let mut map: HashMap<(String, i64, String), Translations> = HashMap::new();
        let rows = sqlx::query("SELECT object, object_id, field, locale, text FROM translations")
            .fetch_all(&mut *connection)
            .await?;
        for row in rows {
            let key = (
                row.get::<String, _>(0),
                row.get::<i64, _>(1),
                row.get::<String, _>(2),
            );
            let locale: String = row.get(3);
            let language: Language = locale.parse().map_err(|_| StoreError::Corrupt {
                table: "translations",
                id: key.1,
                problem: format!("locale \"{locale}\""),
            })?;
            let entry = map.entry(key).or_default();
            *entry = std::mem::take(entry).with(language, &row.get::<String, _>(4));
        }
        Ok(map)
    }
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

/// Waits for commits announced by any process (PostgreSQL only).
pub struct ChangeListener {
    listener: sqlx::postgres::PgListener,
}

impl ChangeListener {
    /// The change-log position of the next commit announced. After a lost connection the
    /// listener reconnects by itself and returns `None` once: positions may have been missed,
    /// so the caller should catch up from the log.
    pub async fn next(&mut self) -> Result<Option<i64>, StoreError> {
        match self.listener.try_recv().await? {
            Some(notification) => Ok(notification.payload().parse().ok()),
            None => Ok(None),
        }
    }
}

/// A location as it may be shown: the password of a PostgreSQL URL replaced by `***`.
pub fn redact(location: &str) -> String {
    let Some((scheme, rest)) = location.split_once("://") else {
        return location.to_owned();
    };
    let Some((credentials, host)) = rest.rsplit_once('@') else {
        return location.to_owned();
    };
    match credentials.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => location.to_owned(),
    }
}

fn id_of(row: &AnyRow) -> i64 {
    row.get::<i64, _>("id")
}

fn u32_id(value: i64, table: &'static str) -> Result<u32, StoreError> {
    u32::try_from(value).map_err(|_| StoreError::Corrupt {
        table,
        id: value,
        problem: "id out of range".into(),
    })
}

fn provenance(row: &AnyRow, table: &'static str) -> Result<Provenance, StoreError> {
    Ok(Provenance {
        source: row.get("source"),
        recorded_by: row.get("recorded_by"),
        recorded_at: timestamp_parse(&row.get::<String, _>("recorded_at"), table, id_of(row))?,
    })
}

fn conflict_or_database(error: sqlx::Error) -> StoreError {
    match &error {
        sqlx::Error::Database(db)
            if matches!(
                db.kind(),
                sqlx::error::ErrorKind::UniqueViolation
                    | sqlx::error::ErrorKind::ForeignKeyViolation
            ) =>
        {
            StoreError::Conflict(db.message().to_owned())
        }
        _ => StoreError::Database(error),
    }
}

type Tx<'a> = Transaction<'a, sqlx::Any>;

/// `INSERT INTO {head} VALUES (…), (…)…` for `rows` rows of `columns` parameters.
pub(crate) fn values_sql(dialect: Dialect, head: &str, columns: usize, rows: usize) -> String {
    let mut sql = format!("INSERT INTO {head} VALUES ");
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..columns {
            if column > 0 {
                sql.push_str(", ");
            }
            dialect.push_parameter(&mut sql, row * columns + column + 1);
        }
        sql.push(')');
    }
    sql
}

/// Audit entries per INSERT: an import of 100,000 figures writes as many entries.
const AUDIT_PER_STATEMENT: usize = 500;

async fn insert_audit(
    tx: &mut Tx<'_>,
    dialect: Dialect,
    entries: &[AuditEntry],
) -> Result<(), sqlx::Error> {
    for chunk in entries.chunks(AUDIT_PER_STATEMENT) {
        let sql = values_sql(
            dialect,
            "audit_log (at, actor, action, object, before, after, unit_id)",
            7,
            chunk.len(),
        );
        let mut query = sqlx::query(&sql);
        for entry in chunk {
            query = query
                .bind(timestamp_text(entry.at))
                .bind(entry.actor.clone())
                .bind(entry.action.clone())
                .bind(entry.object.clone())
                .bind(entry.before.as_ref().map(|v| v.to_string()))
                .bind(entry.after.as_ref().map(|v| v.to_string()))
                .bind(entry.unit.map(|u| i64::from(u.0)));
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

async fn insert_translations(
    tx: &mut Tx<'_>,
    object: &str,
    id: i64,
    field: &str,
    translations: &Translations,
) -> Result<(), sqlx::Error> {
    for (language, text) in translation_rows(translations) {
        sqlx::query(
            "INSERT INTO translations (object, object_id, field, locale, text) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(object)
        .bind(id)
        .bind(field)
        .bind(language.code())
        .bind(text)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn insert_record(
    tx: &mut Tx<'_>,
    dialect: Dialect,
    record: &Record,
) -> Result<(), sqlx::Error> {
    match record {
        Record::Unit(unit) => {
            let id = i64::from(unit.id.0);
            sqlx::query("INSERT INTO units (id, code, kind, parent_id, valid_from, valid_to, source, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .bind(id)
                .bind(unit.code.as_str())
                .bind(unit.kind.as_str())
                .bind(unit.parent.map(|p| i64::from(p.0)))
                .bind(unit.valid_from.map(date_text))
                .bind(unit.valid_to.map(date_text))
                .bind(&unit.provenance.source)
                .bind(&unit.provenance.recorded_by)
                .bind(timestamp_text(unit.provenance.recorded_at))
                .execute(&mut **tx)
                .await?;
            insert_translations(tx, "unit", id, "name", &unit.name).await?;
        }
        Record::Indicator(indicator) => {
            let id = i64::from(indicator.id.0);
            let (weight, numerator, denominator, scale) = match indicator.across_units {
                AcrossUnits::WeightedMean { weight } => (Some(weight), None, None, None),
                AcrossUnits::Ratio {
                    numerator,
                    denominator,
                    scale,
                } => (None, Some(numerator), Some(denominator), Some(scale)),
                _ => (None, None, None, None),
            };
            let rule = match indicator.across_units {
                AcrossUnits::Sum => "sum",
                AcrossUnits::Mean => "mean",
                AcrossUnits::WeightedMean { .. } => "weighted_mean",
                AcrossUnits::Ratio { .. } => "ratio",
                AcrossUnits::NotCombinable => "not_combinable",
            };
            sqlx::query("INSERT INTO indicators (id, code, decimals, direction, across_units, weight_id, numerator_id, denominator_id, scale, over_time, same_period_base, source, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)")
                .bind(id)
                .bind(indicator.code.as_str())
                .bind(i64::from(indicator.decimals))
                .bind(enum_text(&indicator.direction))
                .bind(rule)
                .bind(weight.map(|i| i64::from(i.0)))
                .bind(numerator.map(|i| i64::from(i.0)))
                .bind(denominator.map(|i| i64::from(i.0)))
                .bind(scale)
                .bind(enum_text(&indicator.over_time))
                .bind(indicator.same_period_base.map(|b| enum_text(&b)))
                .bind(&indicator.provenance.source)
                .bind(&indicator.provenance.recorded_by)
                .bind(timestamp_text(indicator.provenance.recorded_at))
                // Not kept prepared: sqlx's Any driver declares a missing float as a
                // 4-byte one, and PostgreSQL would then refuse the next 8-byte value.
                .persistent(false)
                .execute(&mut **tx)
                .await?;
            insert_translations(tx, "indicator", id, "name", &indicator.name).await?;
            insert_translations(tx, "indicator", id, "measure", &indicator.measure).await?;
        }
        Record::Document(document) => {
            let id = i64::from(document.id.0);
            sqlx::query("INSERT INTO documents (id, key, number, doc_type, issued_by, issued_on, target_year, orientation_year, vision_year, source, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
                .bind(id)
                .bind(document.key.as_str())
                .bind(document.number.as_deref())
                .bind(enum_text(&document.doc_type))
                .bind(i64::from(document.issued_by.0))
                .bind(document.issued_on.map(date_text))
                .bind(document.horizon.target_year)
                .bind(document.horizon.orientation_year)
                .bind(document.horizon.vision_year)
                .bind(&document.provenance.source)
                .bind(&document.provenance.recorded_by)
                .bind(timestamp_text(document.provenance.recorded_at))
                .execute(&mut **tx)
                .await?;
            insert_translations(tx, "document", id, "title", &document.title).await?;
        }
        Record::Target(target) => {
            sqlx::query("INSERT INTO targets (id, document_id, indicator_id, unit_id, period, value, comparator, baseline_period, baseline_value, source, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
                .bind(i64::from(target.id.0))
                .bind(i64::from(target.document.0))
                .bind(i64::from(target.indicator.0))
                .bind(i64::from(target.unit.0))
                .bind(target.period.code())
                .bind(target.value)
                .bind(enum_text(&target.comparator))
                .bind(target.baseline.map(|b| b.period.code()))
                .bind(target.baseline.map(|b| b.value))
                .bind(&target.provenance.source)
                .bind(&target.provenance.recorded_by)
                .bind(timestamp_text(target.provenance.recorded_at))
                // Not kept prepared: sqlx's Any driver declares a missing float as a
                // 4-byte one, and PostgreSQL would then refuse the next 8-byte value.
                .persistent(false)
                .execute(&mut **tx)
                .await?;
        }
        Record::Scenario(scenario) => {
            let scenario_id: i64 = sqlx::query_scalar("INSERT INTO scenarios (target_id, source, recorded_by, recorded_at) VALUES ($1, $2, $3, $4) RETURNING id")
                .bind(i64::from(scenario.target.0))
                .bind(&scenario.provenance.source)
                .bind(&scenario.provenance.recorded_by)
                .bind(timestamp_text(scenario.provenance.recorded_at))
                .fetch_one(&mut **tx)
                .await?;
            for (month, value) in &scenario.points {
                sqlx::query(
                    "INSERT INTO scenario_points (scenario_id, month, value) VALUES ($1, $2, $3)",
                )
                .bind(scenario_id)
                .bind(month.to_string())
                .bind(value)
                .execute(&mut **tx)
                .await?;
            }
        }
        Record::Observation(o) => insert_observations(tx, dialect, &[o]).await?,
        Record::FollowUp(record) => {
            let body =
                serde_json::to_string(record).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
            let provenance = record.provenance();
            sqlx::query("INSERT INTO follow_up_records (id, kind, body, source, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(i64::from(record.id().0))
                .bind(record.kind())
                .bind(body)
                .bind(&provenance.source)
                .bind(&provenance.recorded_by)
                .bind(timestamp_text(provenance.recorded_at))
                .execute(&mut **tx)
                .await?;
        }
        Record::Succession(succession) => {
            sqlx::query("INSERT INTO unit_successions (predecessor, successor, share, valid_from, source, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(i64::from(succession.predecessor.0))
                .bind(i64::from(succession.successor.0))
                .bind(succession.share)
                .bind(date_text(succession.from))
                .bind(&succession.provenance.source)
                .bind(&succession.provenance.recorded_by)
                .bind(timestamp_text(succession.provenance.recorded_at))
                .execute(&mut **tx)
                .await?;
        }
        Record::ReportedScorecard(card) => {
            sqlx::query("INSERT INTO reported_scorecards (unit_id, period, met, set_count, document_id, source, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(i64::from(card.unit.0))
                .bind(card.period.code())
                .bind(i64::from(card.met))
                .bind(i64::from(card.set))
                .bind(card.document.map(|d| i64::from(d.0)))
                .bind(&card.provenance.source)
                .bind(&card.provenance.recorded_by)
                .bind(timestamp_text(card.provenance.recorded_at))
                .execute(&mut **tx)
                .await?;
        }
    }
    Ok(())
}

/// Inserts observations with one multi-row statement: a national import is a few thousand
/// round trips, not millions.
async fn insert_observations(
    tx: &mut Tx<'_>,
    dialect: Dialect,
    observations: &[&Observation],
) -> Result<(), sqlx::Error> {
    let sql = values_sql(
        dialect,
        "observations (id, indicator_id, unit_id, period, value, kind, reported_by, document_id, corrects, note, source, recorded_by, recorded_at)",
        13,
        observations.len(),
    );
    let mut query = sqlx::query(&sql);
    for o in observations {
        let id = i64::try_from(o.id.0).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        query = query
            .bind(id)
            .bind(i64::from(o.indicator.0))
            .bind(i64::from(o.unit.0))
            .bind(o.period.code())
            .bind(o.value)
            .bind(o.kind.as_str())
            .bind(o.reported_by.map(|u| i64::from(u.0)))
            .bind(o.document.map(|d| i64::from(d.0)))
            .bind(o.corrects.map(|c| c.0 as i64))
            .bind(o.note.clone())
            .bind(o.provenance.source.clone())
            .bind(o.provenance.recorded_by.clone())
            .bind(timestamp_text(o.provenance.recorded_at));
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

fn observation_from_row(row: &AnyRow) -> Result<Observation, StoreError> {
    const T: &str = "observations";
    let id = id_of(row);
    let kind: String = row.get("kind");
    Ok(Observation {
        id: ObservationId(u64::try_from(id).map_err(|_| StoreError::Corrupt {
            table: T,
            id,
            problem: "negative id".into(),
        })?),
        indicator: IndicatorId(u32_id(row.get("indicator_id"), T)?),
        unit: UnitId(u32_id(row.get("unit_id"), T)?),
        period: period_parse(&row.get::<String, _>("period"), T, id)?,
        value: row.get("value"),
        kind: enum_parse(&kind, T, id)?,
        reported_by: row
            .get::<Option<i64>, _>("reported_by")
            .map(|u| u32_id(u, T).map(UnitId))
            .transpose()?,
        document: row
            .get::<Option<i64>, _>("document_id")
            .map(|d| u32_id(d, T).map(DocumentId))
            .transpose()?,
        corrects: row
            .get::<Option<i64>, _>("corrects")
            .map(|c| ObservationId(c as u64)),
        note: row.get("note"),
        provenance: provenance(row, T)?,
    })
}

impl Store for SqlStore {
    async fn create_account(
        &self,
        account: &NewAccount,
        audit: &AuditEntry,
    ) -> Result<i64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO accounts (username, display_name, password_hash, created_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(&account.username)
        .bind(&account.display_name)
        .bind(&account.password_hash)
        .bind(timestamp_text(audit.at))
        .bind(&audit.actor)
        .fetch_one(&mut *tx)
        .await
        .map_err(conflict_or_database)?;
        for grant in &account.grants {
            sqlx::query(
                "INSERT INTO account_grants (account_id, role, scope_unit) VALUES ($1, $2, $3)",
            )
            .bind(id)
            .bind(grant.role.as_str())
            .bind(grant.scope.map(|u| i64::from(u.0)))
            .execute(&mut *tx)
            .await
            .map_err(conflict_or_database)?;
        }
        insert_audit(&mut tx, self.dialect, std::slice::from_ref(audit)).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn account(&self, username: &str) -> Result<Option<Account>, StoreError> {
        let id: Option<i64> =
            sqlx::query_scalar("SELECT id FROM accounts WHERE lower(username) = lower($1)")
                .bind(username)
                .fetch_optional(&self.pool)
                .await?;
        match id {
            Some(id) => self.account_by_id(id).await,
            None => Ok(None),
        }
    }

    async fn set_password(
        &self,
        username: &str,
        password_hash: &str,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let Some(id) = sqlx::query_scalar::<_, i64>(
            "UPDATE accounts SET password_hash = $1 WHERE lower(username) = lower($2) RETURNING id",
        )
        .bind(password_hash)
        .bind(username)
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(false);
        };
        // A new password ends every session opened with the old one.
        sqlx::query("UPDATE sessions SET ended_at = $1 WHERE account_id = $2 AND ended_at IS NULL")
            .bind(timestamp_text(audit.at))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        insert_audit(&mut tx, self.dialect, std::slice::from_ref(audit)).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn start_session(
        &self,
        session: &NewSession,
        audit: &AuditEntry,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&session.token_hash)
        .bind(session.account_id)
        .bind(&session.csrf_token)
        .bind(timestamp_text(session.created_at))
        .bind(timestamp_text(session.created_at))
        .bind(timestamp_text(session.expires_at))
        .execute(&mut *tx)
        .await
        .map_err(conflict_or_database)?;
        insert_audit(&mut tx, self.dialect, std::slice::from_ref(audit)).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str) -> Result<Option<Session>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT id, account_id, csrf_token, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = $1 AND ended_at IS NULL",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        const T: &str = "sessions";
        let id: i64 = row.get("id");
        let Some(account) = self.account_by_id(row.get("account_id")).await? else {
            return Ok(None);
        };
        Ok(Some(Session {
            id,
            account,
            csrf_token: row.get("csrf_token"),
            created_at: timestamp_parse(&row.get::<String, _>("created_at"), T, id)?,
            last_seen_at: timestamp_parse(&row.get::<String, _>("last_seen_at"), T, id)?,
            expires_at: timestamp_parse(&row.get::<String, _>("expires_at"), T, id)?,
        }))
    }

    async fn touch_session(
        &self,
        token_hash: &str,
        at: time::OffsetDateTime,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(timestamp_text(at))
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn end_session(
        &self,
        token_hash: &str,
        at: time::OffsetDateTime,
        audit: Option<&AuditEntry>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE sessions SET ended_at = $1 WHERE token_hash = $2 AND ended_at IS NULL")
            .bind(timestamp_text(at))
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
        if let Some(audit) = audit {
            insert_audit(&mut tx, self.dialect, std::slice::from_ref(audit)).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn create_api_token(
        &self,
        token: &NewApiToken,
        audit: &AuditEntry,
    ) -> Result<i64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO api_tokens (token_hash, account_id, name, created_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(&token.token_hash)
        .bind(token.account_id)
        .bind(&token.name)
        .bind(timestamp_text(token.created_at))
        .bind(&token.created_by)
        .fetch_one(&mut *tx)
        .await
        .map_err(conflict_or_database)?;
        insert_audit(&mut tx, self.dialect, std::slice::from_ref(audit)).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn use_api_token(
        &self,
        token_hash: &str,
        at: time::OffsetDateTime,
    ) -> Result<Option<(ApiToken, Account)>, StoreError> {
        let Some(row) = sqlx::query("SELECT * FROM api_tokens WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let mut token = api_token_from_row(&row)?;
        // One write a minute per token at most, not one per request.
        let recent = token
            .last_used_at
            .is_some_and(|last| at - last < time::Duration::minutes(1));
        if token.revoked_at.is_none() && !recent {
            sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
                .bind(timestamp_text(at))
                .bind(token.id)
                .execute(&self.pool)
                .await?;
            token.last_used_at = Some(at);
        }
        Ok(self
            .account_by_id(token.account_id)
            .await?
            .map(|account| (token, account)))
    }

    async fn api_tokens(&self, account_id: i64) -> Result<Vec<ApiToken>, StoreError> {
        sqlx::query("SELECT * FROM api_tokens WHERE account_id = $1 ORDER BY id DESC")
            .bind(account_id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(api_token_from_row)
            .collect()
    }

    async fn revoke_api_token(
        &self,
        account_id: i64,
        token_id: i64,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND account_id = $3 AND revoked_at IS NULL",
        )
        .bind(timestamp_text(audit.at))
        .bind(token_id)
        .bind(account_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Ok(false);
        }
        insert_audit(&mut tx, self.dialect, std::slice::from_ref(audit)).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn audit_of_units(
        &self,
        units: &[UnitId],
        limit: u32,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        // The ids travel as one JSON array, so a subtree of thousands of units is one bound
        // parameter.
        let ids = serde_json::Value::from(units.iter().map(|u| u.0).collect::<Vec<u32>>());
        let rows = sqlx::query(match self.dialect {
            Dialect::Sqlite => "SELECT * FROM audit_log WHERE unit_id IN (SELECT value FROM json_each($1)) ORDER BY id DESC LIMIT $2",
            Dialect::Postgres => "SELECT * FROM audit_log WHERE unit_id IN (SELECT value::bigint FROM jsonb_array_elements_text($1::jsonb)) ORDER BY id DESC LIMIT $2",
        })
        .bind(ids.to_string())
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(audit_from_row).collect()
    }

    async fn put_evidence_file(
        &self,
        file: &EvidenceFile,
        bytes: &[u8],
        audit: &AuditEntry,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let added = sqlx::query(
            "INSERT INTO evidence_files (sha256, name, content_type, size, bytes, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (sha256) DO NOTHING",
        )
        .bind(&file.sha256)
        .bind(&file.name)
        .bind(&file.content_type)
        .bind(i64::try_from(file.size).unwrap_or(i64::MAX))
        .bind(bytes)
        .bind(&audit.actor)
        .bind(timestamp_text(audit.at))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if added > 0 {
            insert_audit(&mut tx, self.dialect, std::slice::from_ref(audit)).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn evidence_file_meta(&self, sha256: &str) -> Result<Option<EvidenceFile>, StoreError> {
        let row = sqlx::query(
            "SELECT sha256, name, content_type, size FROM evidence_files WHERE sha256 = $1",
        )
        .bind(sha256)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| evidence_from_row(&r)))
    }

    async fn evidence_file(
        &self,
        sha256: &str,
    ) -> Result<Option<(EvidenceFile, Vec<u8>)>, StoreError> {
        let row = sqlx::query("SELECT * FROM evidence_files WHERE sha256 = $1")
            .bind(sha256)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| (evidence_from_row(&r), r.get::<Vec<u8>, _>("bytes"))))
    }

    async fn load(&self) -> Result<Snapshot, StoreError> {
        let mut records = Vec::new();
        let mut keep = |loaded| {
            if let Loaded::Record(record) = loaded {
                records.push(record);
            }
        };
        let head = self.read_records(&mut keep, Reading::Full).await?;
        Ok(Snapshot { records, head })
    }

    async fn load_into(
        &self,
        from_checkpoint: bool,
        apply: &mut (dyn FnMut(Loaded) + Send),
    ) -> Result<i64, StoreError> {
        let reading = if from_checkpoint {
            Reading::FromCheckpoint
        } else {
            Reading::Lean
        };
        self.read_records(apply, reading).await
    }

    async fn save_checkpoint(&self, through: u64, parts: Vec<Vec<u8>>) -> Result<(), StoreError> {
        let last: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM observations")
            .fetch_one(&self.pool)
            .await?;
        let Some(through) = i64::try_from(through).ok().filter(|t| *t <= last) else {
            return Err(StoreError::CheckpointAhead { through, last });
        };
        let generation: i64 = sqlx::query_scalar(
            "SELECT coalesce(max(generation), 0) + 1 FROM
             (SELECT generation FROM engine_checkpoints
              UNION ALL SELECT generation FROM engine_checkpoint_parts) AS g",
        )
        .fetch_one(&self.pool)
        .await?;
        let count = parts.len() as i64;
        // A few parts a transaction, so that other writers wait a fraction of a second at most.
        let mut numbered = (0i64..).zip(parts).peekable();
        while numbered.peek().is_some() {
            let mut tx = self.pool.begin().await?;
            for (part, bytes) in numbered.by_ref().take(CHECKPOINT_PARTS_A_TRANSACTION) {
                sqlx::query(
                    "INSERT INTO engine_checkpoint_parts (generation, part, bytes) VALUES ($1, $2, $3)",
                )
                .bind(generation)
                .bind(part)
                .bind(bytes)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        }
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO engine_checkpoints (generation, through, parts) VALUES ($1, $2, $3)",
        )
        .bind(generation)
        .bind(through)
        .bind(count)
        .execute(&mut *tx)
        .await?;
        // Only older generations: a process saving a newer one at the same time keeps it.
        sqlx::query("DELETE FROM engine_checkpoints WHERE generation < $1")
            .bind(generation)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        // What no checkpoint names any more: older generations, and saves cut short (a
        // generation is one more than any before it, so those are older too).
        let stale: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT generation, part FROM engine_checkpoint_parts WHERE generation < $1",
        )
        .bind(generation)
        .fetch_all(&self.pool)
        .await?;
        for batch in stale.chunks(CHECKPOINT_PARTS_A_TRANSACTION) {
            let mut tx = self.pool.begin().await?;
            for (generation, part) in batch {
                sqlx::query(
                    "DELETE FROM engine_checkpoint_parts WHERE generation = $1 AND part = $2",
                )
                .bind(generation)
                .bind(part)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        }
        Ok(())
    }

    async fn commit(
        &self,
        records: &[Record],
        audit: &[AuditEntry],
        head: i64,
    ) -> Result<i64, StoreError> {
        let logged = if records.len() <= LOGGED_RECORDS_MAX {
            Some(
                serde_json::to_string(records).map_err(|e| StoreError::Corrupt {
                    table: "change_log",
                    id: head + 1,
                    problem: e.to_string(),
                })?,
            )
        } else {
            None
        };
        let mut tx = self.pool.begin().await?;
        if self.dialect == Dialect::Postgres {
            // Commits of all processes take turns here, so positions are given in commit
            // order and a reader that saw position N has seen everything before it.
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(COMMIT_LOCK)
                .execute(&mut *tx)
                .await?;
        }
        // The first statement writes, so SQLite takes its write lock at once rather than
        // failing to upgrade a read.
        let seq: i64 = sqlx::query_scalar(
            "INSERT INTO change_log (seq, records) SELECT coalesce(max(seq), 0) + 1, $1 FROM change_log RETURNING seq",
        )
        .bind(logged)
        .fetch_one(&mut *tx)
        .await?;
        if seq != head + 1 {
            return Err(StoreError::Behind { head: seq - 1 });
        }
        let mut rest = records;
        while let Some(first) = rest.first() {
            if let Record::Observation(_) = first {
                let run = rest
                    .iter()
                    .take(OBSERVATIONS_PER_STATEMENT)
                    .take_while(|r| matches!(r, Record::Observation(_)))
                    .count();
                let observations: Vec<&Observation> = rest[..run]
                    .iter()
                    .filter_map(|r| match r {
                        Record::Observation(o) => Some(o),
                        _ => None,
                    })
                    .collect();
                insert_observations(&mut tx, self.dialect, &observations)
                    .await
                    .map_err(conflict_or_database)?;
                rest = &rest[run..];
            } else {
                insert_record(&mut tx, self.dialect, first)
                    .await
                    .map_err(conflict_or_database)?;
                rest = &rest[1..];
            }
        }
        insert_audit(&mut tx, self.dialect, audit).await?;
        if seq % 1_000 == 0 {
            sqlx::query("DELETE FROM change_log WHERE seq <= $1")
                .bind(seq - CHANGE_LOG_KEPT)
                .execute(&mut *tx)
                .await?;
        }
        if self.dialect == Dialect::Postgres {
            // Delivered to listeners when, and only if, the transaction commits.
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANGES_CHANNEL)
                .bind(seq.to_string())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(seq)
    }

    async fn changes_since(&self, head: i64) -> Result<Changes, StoreError> {
        let rows = sqlx::query("SELECT seq, records FROM change_log WHERE seq > $1 ORDER BY seq")
            .bind(head)
            .fetch_all(&self.pool)
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

    fn shared(&self) -> bool {
        self.dialect == Dialect::Postgres
    }

    async fn lock_writers(&self) -> Result<WritersLock, StoreError> {
        if self.dialect != Dialect::Postgres {
            return Ok(WritersLock { _transaction: None });
        }
        let mut transaction = self.pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(WRITERS_LOCK)
            .execute(&mut *transaction)
            .await?;
        Ok(WritersLock {
            _transaction: Some(transaction),
        })
    }

    async fn observation_history(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> Result<Vec<Observation>, StoreError> {
        sqlx::query("SELECT * FROM observations WHERE indicator_id = $1 AND unit_id = $2 AND period = $3 ORDER BY id")
            .bind(i64::from(indicator.0))
            .bind(i64::from(unit.0))
            .bind(period.code())
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(observation_from_row)
            .collect()
    }

    async fn observations(&self) -> Result<Vec<Observation>, StoreError> {
        // Rows are converted as they stream in, so the raw rows of a large table are never
        // all in memory at once.
        let mut rows = sqlx::query("SELECT * FROM observations ORDER BY id").fetch(&self.pool);
        let mut observations = Vec::new();
        while let Some(row) = rows.try_next().await? {
            observations.push(observation_from_row(&row)?);
        }
        Ok(observations)
    }

    async fn audit_trail(
        &self,
        object_prefix: Option<&str>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        // A prefix match written with substr, so no character in the prefix acts as a wildcard.
        let prefix = object_prefix.unwrap_or("");
        let rows = sqlx::query(
            "SELECT * FROM audit_log WHERE substr(object, 1, length($1)) = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(prefix)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(audit_from_row).collect()
    }
}

/// Observations as the engine keeps them, from the columns of a row: no provenance, note,
/// document or reporting unit. Periods are parsed once each: a few hundred distinct ones
/// among millions of rows.
#[derive(Default)]
struct LeanObservations {
    periods: HashMap<String, Period>,
}

impl LeanObservations {
    fn read(
        &mut self,
        (id, indicator, unit): (i64, i64, i64),
        period: &str,
        value: f64,
        kind: &str,
        corrects: Option<i64>,
    ) -> Result<Observation, StoreError> {
        const T: &str = "observations";
        let period = match self.periods.get(period) {
            Some(parsed) => *parsed,
            None => {
                let parsed = period_parse(period, T, id)?;
                self.periods.insert(period.to_owned(), parsed);
                parsed
            }
        };
        Ok(Observation {
            id: ObservationId(u64::try_from(id).map_err(|_| StoreError::Corrupt {
                table: T,
                id,
                problem: "negative id".into(),
            })?),
            indicator: IndicatorId(u32_id(indicator, T)?),
            unit: UnitId(u32_id(unit, T)?),
            period,
            value,
            kind: match kind {
                "official" => ObservationKind::Official,
                other => enum_parse(other, T, id)?,
            },
            reported_by: None,
            document: None,
            corrects: corrects.map(|c| ObservationId(c as u64)),
            note: None,
            provenance: Provenance {
                source: String::new(),
                recorded_by: String::new(),
                recorded_at: time::OffsetDateTime::UNIX_EPOCH,
            },
        })
    }
}

/// Reads the observations with ids in `ids` (the start excluded) straight from the SQLite file, as the
/// engine needs them, and sends them in chunks. sqlx's SQLite driver hands each row from its
/// worker thread through a channel with every value copied into a fresh allocation: 5 µs a
/// row at start-up, most of it in malloc and wake-ups, which is minutes for a country.
/// Stepping the statement in this thread instead costs a fraction of a microsecond a row,
/// and the engine applies one chunk while the next is read.
fn read_sqlite_observations(
    file: &std::path::Path,
    ids: std::ops::RangeInclusive<i64>,
    send: tokio::sync::mpsc::Sender<Vec<Observation>>,
) -> Result<(), StoreError> {
    use rusqlite::OpenFlags;
    const CHUNK: usize = 8192;
    let fail = |e: rusqlite::Error| StoreError::SqliteRead(format!("{}: {e}", file.display()));
    let connection = rusqlite::Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(fail)?;
    connection
        .busy_timeout(std::time::Duration::from_secs(10))
        .map_err(fail)?;
    let mut statement = connection
        .prepare(
            "SELECT id, indicator_id, unit_id, period, value, kind, corrects FROM observations WHERE id > ?1 AND id <= ?2 ORDER BY id",
        )
        .map_err(fail)?;
    let mut rows = statement.query([*ids.start(), *ids.end()]).map_err(fail)?;
    let mut lean = LeanObservations::default();
    let mut chunk = Vec::with_capacity(CHUNK);
    while let Some(row) = rows.next().map_err(fail)? {
        let text = |i| row.get_ref(i).and_then(|v| Ok(v.as_str()?)).map_err(fail);
        chunk.push(lean.read(
            (
                row.get(0).map_err(fail)?,
                row.get(1).map_err(fail)?,
                row.get(2).map_err(fail)?,
            ),
            text(3)?,
            row.get(4).map_err(fail)?,
            text(5)?,
            row.get(6).map_err(fail)?,
        )?);
        if chunk.len() == CHUNK {
            let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
            if send.blocking_send(full).is_err() {
                return Ok(()); // the reader stopped listening: it has failed already
            }
        }
    }
    if !chunk.is_empty() {
        let _ = send.blocking_send(chunk);
    }
    Ok(())
}

/// Parts of the engine's checkpoint (8 MB each) written or deleted in one transaction.
const CHECKPOINT_PARTS_A_TRANSACTION: usize = 4;

/// How [`SqlStore::read_records`] reads the observations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Whole, as stored.
    Full,
    /// As the engine keeps them.
    Lean,
    /// As the engine keeps them, from the saved checkpoint on.
    FromCheckpoint,
}

impl SqlStore {
    /// Every record, one state read in one transaction, passed to `apply` as it is read
    /// (see [`Store::load`] for the order). Returns the change-log position the records
    /// reflect.
    async fn read_records(
        &self,
        apply: &mut (dyn FnMut(Loaded) + Send),
        reading: Reading,
    ) -> Result<i64, StoreError> {
        // One read transaction, so the records and the change-log head are one state even
        // while other processes write.
        let mut tx = self.pool.begin().await?;
        if self.dialect == Dialect::Postgres {
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute(&mut *tx)
                .await?;
        }
        let head: i64 = sqlx::query_scalar("SELECT coalesce(max(seq), 0) FROM change_log")
            .fetch_one(&mut *tx)
            .await?;
        let mut names = Self::translations(&mut tx).await?;
        let mut take = |object: &str, id: i64, field: &str| {
            names
                .remove(&(object.to_owned(), id, field.to_owned()))
                .unwrap_or_default()
        };

        for row in sqlx::query("SELECT * FROM units ORDER BY id")
            .fetch_all(&mut *tx)
            .await?
        {
            const T: &str = "units";
            let id = id_of(&row);
            let code: String = row.get("code");
            let kind: String = row.get("kind");
            apply(Loaded::Record(Record::Unit(Unit {
                id: UnitId(u32_id(id, T)?),
                code: UnitCode::parse(&code).map_err(|e| StoreError::Corrupt {
                    table: T,
                    id,
                    problem: e.to_string(),
                })?,
                kind: enum_parse(&kind, T, id)?,
                name: take("unit", id, "name"),
                parent: row
                    .get::<Option<i64>, _>("parent_id")
                    .map(|p| u32_id(p, T).map(UnitId))
                    .transpose()?,
                valid_from: date_parse(row.get("valid_from"), T, id)?,
                valid_to: date_parse(row.get("valid_to"), T, id)?,
                provenance: provenance(&row, T)?,
            })));
        }

        for row in sqlx::query("SELECT * FROM unit_successions ORDER BY id")
            .fetch_all(&mut *tx)
            .await?
        {
            const T: &str = "unit_successions";
            let id = id_of(&row);
            let from =
                date_parse(row.get("valid_from"), T, id)?.ok_or_else(|| StoreError::Corrupt {
                    table: T,
                    id,
                    problem: "valid_from missing".into(),
                })?;
            apply(Loaded::Record(Record::Succession(
                giamsat_core::Succession {
                    predecessor: UnitId(u32_id(row.get("predecessor"), T)?),
                    successor: UnitId(u32_id(row.get("successor"), T)?),
                    share: row.get("share"),
                    from,
                    provenance: provenance(&row, T)?,
                },
            )));
        }

        for row in sqlx::query("SELECT * FROM indicators ORDER BY id")
            .fetch_all(&mut *tx)
            .await?
        {
            const T: &str = "indicators";
            let id = id_of(&row);
            let code: String = row.get("code");
            let part = |column: &str| -> Result<IndicatorId, StoreError> {
                let value: Option<i64> = row.get(column);
                let value = value.ok_or_else(|| StoreError::Corrupt {
                    table: T,
                    id,
                    problem: format!("{column} missing"),
                })?;
                Ok(IndicatorId(u32_id(value, T)?))
            };
            let rule: String = row.get("across_units");
            let across_units = match rule.as_str() {
                "sum" => AcrossUnits::Sum,
                "mean" => AcrossUnits::Mean,
                "weighted_mean" => AcrossUnits::WeightedMean {
                    weight: part("weight_id")?,
                },
                "ratio" => AcrossUnits::Ratio {
                    numerator: part("numerator_id")?,
                    denominator: part("denominator_id")?,
                    scale: row.get::<Option<f64>, _>("scale").unwrap_or(1.0),
                },
                "not_combinable" => AcrossUnits::NotCombinable,
                other => {
                    return Err(StoreError::Corrupt {
                        table: T,
                        id,
                        problem: format!("rule \"{other}\""),
                    });
                }
            };
            let decimals: i64 = row.get("decimals");
            apply(Loaded::Record(Record::Indicator(Indicator {
                id: IndicatorId(u32_id(id, T)?),
                code: IndicatorCode::parse(&code).map_err(|e| StoreError::Corrupt {
                    table: T,
                    id,
                    problem: e.to_string(),
                })?,
                name: take("indicator", id, "name"),
                measure: take("indicator", id, "measure"),
                decimals: u8::try_from(decimals).unwrap_or(0),
                direction: enum_parse(&row.get::<String, _>("direction"), T, id)?,
                across_units,
                over_time: enum_parse(&row.get::<String, _>("over_time"), T, id)?,
                same_period_base: row
                    .get::<Option<String>, _>("same_period_base")
                    .map(|b| enum_parse(&b, T, id))
                    .transpose()?,
                provenance: provenance(&row, T)?,
            })));
        }

        for row in sqlx::query("SELECT * FROM documents ORDER BY id")
            .fetch_all(&mut *tx)
            .await?
        {
            const T: &str = "documents";
            let id = id_of(&row);
            let key: String = row.get("key");
            apply(Loaded::Record(Record::Document(Document {
                id: DocumentId(u32_id(id, T)?),
                key: DocumentKey::parse(&key).map_err(|e| StoreError::Corrupt {
                    table: T,
                    id,
                    problem: e.to_string(),
                })?,
                number: row.get("number"),
                doc_type: enum_parse(&row.get::<String, _>("doc_type"), T, id)?,
                issued_by: UnitId(u32_id(row.get("issued_by"), T)?),
                issued_on: date_parse(row.get("issued_on"), T, id)?,
                title: take("document", id, "title"),
                horizon: Horizon {
                    target_year: row.get("target_year"),
                    orientation_year: row.get("orientation_year"),
                    vision_year: row.get("vision_year"),
                },
                provenance: provenance(&row, T)?,
            })));
        }

        for row in sqlx::query("SELECT * FROM targets ORDER BY id")
            .fetch_all(&mut *tx)
            .await?
        {
            const T: &str = "targets";
            let id = id_of(&row);
            let baseline = match (
                row.get::<Option<String>, _>("baseline_period"),
                row.get::<Option<f64>, _>("baseline_value"),
            ) {
                (Some(period), Some(value)) => Some(Baseline {
                    period: period_parse(&period, T, id)?,
                    value,
                }),
                _ => None,
            };
            apply(Loaded::Record(Record::Target(Target {
                id: TargetId(u32_id(id, T)?),
                document: DocumentId(u32_id(row.get("document_id"), T)?),
                indicator: IndicatorId(u32_id(row.get("indicator_id"), T)?),
                unit: UnitId(u32_id(row.get("unit_id"), T)?),
                period: period_parse(&row.get::<String, _>("period"), T, id)?,
                value: row.get("value"),
                comparator: enum_parse(&row.get::<String, _>("comparator"), T, id)?,
                baseline,
                provenance: provenance(&row, T)?,
            })));
        }

        // Only the latest scenario of each target is current.
        let scenario_rows = sqlx::query(
            "SELECT s.id, s.target_id, s.source, s.recorded_by, s.recorded_at FROM scenarios s
             WHERE s.id = (SELECT MAX(id) FROM scenarios t WHERE t.target_id = s.target_id) ORDER BY s.id",
        )
        .fetch_all(&mut *tx)
        .await?;
        let mut points: HashMap<i64, Vec<(Month, f64)>> = HashMap::new();
        for row in sqlx::query(
            "SELECT scenario_id, month, value FROM scenario_points ORDER BY scenario_id, month",
        )
        .fetch_all(&mut *tx)
        .await?
        {
            const T: &str = "scenario_points";
            let scenario_id: i64 = row.get(0);
            let month = period_parse(&row.get::<String, _>(1), T, scenario_id)?;
            points
                .entry(scenario_id)
                .or_default()
                .push((month.start(), row.get(2)));
        }
        for row in scenario_rows {
            const T: &str = "scenarios";
            let id = id_of(&row);
            apply(Loaded::Record(Record::Scenario(Scenario {
                target: TargetId(u32_id(row.get("target_id"), T)?),
                points: points.remove(&id).unwrap_or_default(),
                provenance: provenance(&row, T)?,
            })));
        }

        // Observations are append-only and numbered in commit order, so those up to the
        // largest id this transaction sees are exactly its state, whoever reads them.
        let last: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM observations")
            .fetch_one(&mut *tx)
            .await?;
        let after = match reading {
            Reading::FromCheckpoint => Self::read_checkpoint(&mut tx, last, apply).await?,
            Reading::Lean | Reading::Full => 0,
        };
        match (reading, &self.sqlite_file) {
            (Reading::Full, _) => {
                let mut rows =
                    sqlx::query("SELECT * FROM observations ORDER BY id").fetch(&mut *tx);
                while let Some(row) = rows.try_next().await? {
                    apply(Loaded::Record(Record::Observation(observation_from_row(
                        &row,
                    )?)));
                }
            }
            (_, Some(file)) => {
                let (send, mut receive) = tokio::sync::mpsc::channel(4);
                let file = file.clone();
                let reader = tokio::task::spawn_blocking(move || {
                    read_sqlite_observations(&file, after..=last, send)
                });
                while let Some(chunk) = receive.recv().await {
                    for observation in chunk {
                        apply(Loaded::Record(Record::Observation(observation)));
                    }
                }
                reader
                    .await
                    .map_err(|e| StoreError::SqliteRead(e.to_string()))??;
            }
            (_, None) => Self::observations_for_engine(&mut tx, after..=last, apply).await?,
        }

        for row in sqlx::query("SELECT * FROM reported_scorecards ORDER BY id")
            .fetch_all(&mut *tx)
            .await?
        {
            const T: &str = "reported_scorecards";
            let id = id_of(&row);
            apply(Loaded::Record(Record::ReportedScorecard(
                ReportedScorecard {
                    unit: UnitId(u32_id(row.get("unit_id"), T)?),
                    period: period_parse(&row.get::<String, _>("period"), T, id)?,
                    met: u32::try_from(row.get::<i64, _>("met")).unwrap_or(0),
                    set: u32::try_from(row.get::<i64, _>("set_count")).unwrap_or(0),
                    document: row
                        .get::<Option<i64>, _>("document_id")
                        .map(|d| u32_id(d, T).map(DocumentId))
                        .transpose()?,
                    provenance: provenance(&row, T)?,
                },
            )));
        }
        // Follow-up records refer to units, documents and each other: last, in the order
        // they were recorded.
        for row in sqlx::query("SELECT id, body FROM follow_up_records ORDER BY id")
            .fetch_all(&mut *tx)
            .await?
        {
            let record: giamsat_core::follow_up::FollowUp =
                serde_json::from_str(&row.get::<String, _>("body")).map_err(|e| {
                    StoreError::Corrupt {
                        table: "follow_up_records",
                        id: id_of(&row),
                        problem: e.to_string(),
                    }
                })?;
            apply(Loaded::Record(Record::FollowUp(record)));
        }
        tx.commit().await?;
        Ok(head)
    }

    /// Observations with only what the engine keeps (cell, value, kind, id, what a correction
    /// corrects), converted as they stream in: a whole country's tens of millions of rows
    /// never sit in memory, as rows or as records.
    /// Passes on the stored checkpoint's parts and returns the id of the last observation it
    /// covers; 0, passing nothing, when there is none or it covers observations this
    /// transaction does not see (saved by a process further on).
    async fn read_checkpoint(
        tx: &mut Tx<'_>,
        last: i64,
        apply: &mut (dyn FnMut(Loaded) + Send),
    ) -> Result<i64, StoreError> {
        let latest: Option<(i64, i64, i64)> = sqlx::query_as(
            "SELECT generation, through, parts FROM engine_checkpoints
             ORDER BY generation DESC LIMIT 1",
        )
        .fetch_optional(&mut **tx)
        .await?;
        let Some((generation, through, count)) = latest.filter(|c| c.1 <= last) else {
            return Ok(0);
        };
        let stored: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM engine_checkpoint_parts WHERE generation = $1",
        )
        .bind(generation)
        .fetch_one(&mut **tx)
        .await?;
        if stored != count {
            tracing::warn!(
                generation,
                count,
                stored,
                "the engine's checkpoint lacks parts"
            );
            return Ok(0);
        }
        let mut parts = sqlx::query(
            "SELECT bytes FROM engine_checkpoint_parts WHERE generation = $1 ORDER BY part",
        )
        .bind(generation)
        .fetch(&mut **tx);
        while let Some(row) = parts.try_next().await? {
            apply(Loaded::CheckpointPart(row.get(0)));
        }
        Ok(through)
    }

    /// The observations with ids in `ids` (the start excluded), as the engine keeps them.
    async fn observations_for_engine(
        tx: &mut Tx<'_>,
        ids: std::ops::RangeInclusive<i64>,
        apply: &mut (dyn FnMut(Loaded) + Send),
    ) -> Result<(), StoreError> {
        let mut lean = LeanObservations::default();
        let mut rows = sqlx::query(
            "SELECT id, indicator_id, unit_id, period, value, kind, corrects FROM observations
             WHERE id > $1 AND id <= $2 ORDER BY id",
        )
        .bind(*ids.start())
        .bind(*ids.end())
        .fetch(&mut **tx);
        while let Some(row) = rows.try_next().await? {
            apply(Loaded::Record(Record::Observation(lean.read(
                (row.get(0), row.get(1), row.get(2)),
                row.get(3),
                row.get(4),
                row.get(5),
                row.get(6),
            )?)));
        }
        Ok(())
    }

    async fn account_by_id(&self, id: i64) -> Result<Option<Account>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT id, username, display_name, password_hash, disabled FROM accounts WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let mut grants = Vec::new();
        for g in sqlx::query(
            "SELECT role, scope_unit FROM account_grants WHERE account_id = $1 ORDER BY role, scope_unit",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        {
            let role: String = g.get("role");
            grants.push(giamsat_core::access::Grant {
                role: giamsat_core::access::Role::parse(&role).ok_or_else(|| {
                    StoreError::Corrupt {
                        table: "account_grants",
                        id,
                        problem: format!("role \"{role}\""),
                    }
                })?,
                scope: g
                    .get::<Option<i64>, _>("scope_unit")
                    .map(|u| u32_id(u, "account_grants").map(UnitId))
                    .transpose()?,
            });
        }
        Ok(Some(Account {
            id,
            username: row.get("username"),
            display_name: row.get("display_name"),
            password_hash: row.get("password_hash"),
            disabled: row.get::<i64, _>("disabled") != 0,
            grants,
        }))
    }
}

fn evidence_from_row(row: &AnyRow) -> EvidenceFile {
    EvidenceFile {
        sha256: row.get("sha256"),
        name: row.get("name"),
        content_type: row.get("content_type"),
        size: u64::try_from(row.get::<i64, _>("size")).unwrap_or(0),
    }
}

fn api_token_from_row(row: &AnyRow) -> Result<ApiToken, StoreError> {
    const T: &str = "api_tokens";
    let id = id_of(row);
    let optional = |column: &str| {
        row.get::<Option<String>, _>(column)
            .map(|t| timestamp_parse(&t, T, id))
            .transpose()
    };
    Ok(ApiToken {
        id,
        account_id: row.get("account_id"),
        name: row.get("name"),
        created_at: timestamp_parse(&row.get::<String, _>("created_at"), T, id)?,
        created_by: row.get("created_by"),
        last_used_at: optional("last_used_at")?,
        revoked_at: optional("revoked_at")?,
    })
}

fn audit_from_row(row: &AnyRow) -> Result<AuditEntry, StoreError> {
    const T: &str = "audit_log";
    let id = id_of(row);
    let json = |column: &str| -> Result<Option<serde_json::Value>, StoreError> {
        row.get::<Option<String>, _>(column)
            .map(|t| {
                serde_json::from_str(&t).map_err(|e| StoreError::Corrupt {
                    table: T,
                    id,
                    problem: e.to_string(),
                })
            })
            .transpose()
    };
    Ok(AuditEntry {
        at: timestamp_parse(&row.get::<String, _>("at"), T, id)?,
        actor: row.get("actor"),
        action: row.get("action"),
        object: row.get("object"),
        before: json("before")?,
        after: json("after")?,
        unit: row
            .get::<Option<i64>, _>("unit_id")
            .map(|u| u32_id(u, T).map(UnitId))
            .transpose()?,
    })
}
