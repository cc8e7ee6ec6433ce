//! The SQL backend: SQLite (one file, WAL journal, embedded) and PostgreSQL (15 or newer, for
//! several processes), through one implementation. The SQL is written once, in the subset both
//! speak (`$1` parameters, `RETURNING`, `ON CONFLICT`), and the few statements that differ are
//! chosen by [`Dialect`]. Both schemas have the same tables and columns with the same meaning
//! (integers, floats, text, bytes; dates and timestamps as ISO text), so a backup taken from
//! one restores into the other.
//!
//! This module opens the store and implements the contract's traits by calling one module per
//! concern; it is also the only place where sqlx's errors become [`StoreError`]s, so nothing
//! outside `sql` names a sqlx type.

mod accounts;
mod backup;
mod change_log;
mod evidence;
mod fast_load;
mod import;
mod migrations;
mod read;
mod write;

use std::io::{BufRead, Write};
use std::str::FromStr;

use giamsat_core::{IndicatorId, Observation, Period, Provenance, Record, UnitId};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, ConnectOptions, Executor, Row, Transaction};

use crate::codec::timestamp_parse;
use crate::{
    Account, ApiToken, AuditEntry, AuditFilter, Backup, BackupError, BackupSummary, BulkOrigin,
    ChangeFeed, Changes, Contact, EvidenceFile, Loaded, NewAccount, NewApiToken, NewSession,
    Session, Snapshot, Store, StoreError, WritersLock,
};

#[cfg(test)]
pub(crate) use backup::{NOT_BACKED_UP, TABLES};
pub use change_log::{CHANGES_CHANNEL, PostgresListener};

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

    /// Opens the database at `location` and brings its schema up to date: `postgres://…` (or
    /// `postgresql://…`) opens PostgreSQL; a file path, `sqlite:FILE` or `sqlite://FILE` opens
    /// (creating if needed) an SQLite file.
    pub async fn open(location: &str) -> Result<SqlStore, StoreError> {
        sqlx::any::install_default_drivers();
        let location = location.trim();
        if location.is_empty() {
            return Err(StoreError::BadLocation(location.to_owned()));
        }
        let open_error = |source: sqlx::Error| StoreError::Open {
            location: redact(location),
            source: Box::new(source),
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
        migrations::migrate(&store).await?;
        Ok(store)
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
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

/// A [`StoreError`] on its way out of this backend. `?` makes one from sqlx's errors too, so
/// the functions of this module read plainly, while sqlx's types stop at the trait methods
/// below, which turn it into the [`StoreError`] it carries.
pub(crate) struct Failure(StoreError);

type Outcome<T> = Result<T, Failure>;

impl From<StoreError> for Failure {
    fn from(error: StoreError) -> Failure {
        Failure(error)
    }
}

impl From<sqlx::Error> for Failure {
    fn from(error: sqlx::Error) -> Failure {
        Failure(store_error(error))
    }
}

impl From<Failure> for StoreError {
    fn from(failure: Failure) -> StoreError {
        failure.0
    }
}

impl From<Failure> for BackupError {
    fn from(failure: Failure) -> BackupError {
        BackupError::Store(failure.0)
    }
}

/// What a sqlx error means to the store's callers: the database out of reach, or any other
/// failure of the backend. Clashes with stored rows are told apart only where a caller can
/// act on them (see [`conflict_or_database`]).
fn store_error(error: sqlx::Error) -> StoreError {
    match error {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => StoreError::Unavailable(Box::new(error)),
        other => StoreError::Backend(Box::new(other)),
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

/// A unique or foreign-key violation as a [`StoreError::Conflict`], which the application
/// shows as a clash with what is stored; any other error as [`store_error`] says.
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
        _ => store_error(error),
    }
}

type Tx<'a> = Transaction<'a, sqlx::Any>;

// The contract, each method answered by the module of its concern.
impl Store for SqlStore {
    async fn create_account(
        &self,
        account: &NewAccount,
        audit: &AuditEntry,
    ) -> Result<i64, StoreError> {
        Ok(accounts::create_account(self, account, audit).await?)
    }

    async fn account(&self, username: &str) -> Result<Option<Account>, StoreError> {
        Ok(accounts::account(self, username).await?)
    }

    async fn set_password(
        &self,
        username: &str,
        password_hash: &str,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError> {
        Ok(accounts::set_password(self, username, password_hash, audit).await?)
    }

    async fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        Ok(accounts::accounts(self).await?)
    }

    async fn set_contact(
        &self,
        username: &str,
        contact: &Contact,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError> {
        Ok(accounts::set_contact(self, username, contact, audit).await?)
    }

    async fn contacts(&self) -> Result<Vec<(i64, Contact)>, StoreError> {
        Ok(accounts::contacts(self).await?)
    }

    async fn claim_digest(
        &self,
        account_id: i64,
        day: time::Date,
        items: usize,
        at: time::OffsetDateTime,
    ) -> Result<bool, StoreError> {
        Ok(accounts::claim_digest(self, account_id, day, items, at).await?)
    }

    async fn release_digest(&self, account_id: i64, day: time::Date) -> Result<(), StoreError> {
        Ok(accounts::release_digest(self, account_id, day).await?)
    }

    async fn add_grant(
        &self,
        username: &str,
        grant: &giamsat_core::access::Grant,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError> {
        Ok(accounts::add_grant(self, username, grant, audit).await?)
    }

    async fn set_disabled(
        &self,
        username: &str,
        disabled: bool,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError> {
        Ok(accounts::set_disabled(self, username, disabled, audit).await?)
    }

    async fn start_session(
        &self,
        session: &NewSession,
        audit: &AuditEntry,
    ) -> Result<(), StoreError> {
        Ok(accounts::start_session(self, session, audit).await?)
    }

    async fn session(&self, token_hash: &str) -> Result<Option<Session>, StoreError> {
        Ok(accounts::session(self, token_hash).await?)
    }

    async fn touch_session(
        &self,
        token_hash: &str,
        at: time::OffsetDateTime,
    ) -> Result<(), StoreError> {
        Ok(accounts::touch_session(self, token_hash, at).await?)
    }

    async fn end_session(
        &self,
        token_hash: &str,
        at: time::OffsetDateTime,
        audit: Option<&AuditEntry>,
    ) -> Result<(), StoreError> {
        Ok(accounts::end_session(self, token_hash, at, audit).await?)
    }

    async fn create_api_token(
        &self,
        token: &NewApiToken,
        audit: &AuditEntry,
    ) -> Result<i64, StoreError> {
        Ok(accounts::create_api_token(self, token, audit).await?)
    }

    async fn use_api_token(
        &self,
        token_hash: &str,
        at: time::OffsetDateTime,
    ) -> Result<Option<(ApiToken, Account)>, StoreError> {
        Ok(accounts::use_api_token(self, token_hash, at).await?)
    }

    async fn api_tokens(&self, account_id: i64) -> Result<Vec<ApiToken>, StoreError> {
        Ok(accounts::api_tokens(self, account_id).await?)
    }

    async fn revoke_api_token(
        &self,
        account_id: i64,
        token_id: i64,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError> {
        Ok(accounts::revoke_api_token(self, account_id, token_id, audit).await?)
    }

    async fn audit_of_units(
        &self,
        units: &[UnitId],
        object_prefix: Option<&str>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        Ok(read::audit_of_units(self, units, object_prefix, limit).await?)
    }

    async fn put_evidence_file(
        &self,
        file: &EvidenceFile,
        bytes: &[u8],
        audit: &AuditEntry,
    ) -> Result<(), StoreError> {
        Ok(evidence::put_evidence_file(self, file, bytes, audit).await?)
    }

    async fn evidence_file_meta(&self, sha256: &str) -> Result<Option<EvidenceFile>, StoreError> {
        Ok(evidence::evidence_file_meta(self, sha256).await?)
    }

    async fn evidence_file(
        &self,
        sha256: &str,
    ) -> Result<Option<(EvidenceFile, Vec<u8>)>, StoreError> {
        Ok(evidence::evidence_file(self, sha256).await?)
    }

    async fn load(&self) -> Result<Snapshot, StoreError> {
        Ok(read::load(self).await?)
    }

    async fn load_into(
        &self,
        from_checkpoint: bool,
        apply: &mut (dyn FnMut(Loaded) + Send),
    ) -> Result<i64, StoreError> {
        Ok(read::load_into(self, from_checkpoint, apply).await?)
    }

    async fn save_checkpoint(
        &self,
        through: u64,
        parts: tokio::sync::mpsc::Receiver<crate::CheckpointPart>,
    ) -> Result<(), StoreError> {
        Ok(fast_load::save_checkpoint(self, through, parts).await?)
    }

    async fn commit(
        &self,
        records: &[Record],
        audit: &[AuditEntry],
        head: i64,
    ) -> Result<i64, StoreError> {
        Ok(write::commit(self, records, audit, head).await?)
    }

    async fn import_observations(
        &self,
        head: i64,
        parts: tokio::sync::mpsc::Receiver<crate::ImportPart>,
    ) -> Result<Option<i64>, StoreError> {
        Ok(import::import_observations(self, head, parts).await?)
    }

    async fn changes_since(&self, head: i64) -> Result<Changes, StoreError> {
        Ok(change_log::changes_since(self, head).await?)
    }

    fn shared(&self) -> bool {
        self.dialect == Dialect::Postgres
    }

    async fn lock_writers(&self) -> Result<WritersLock, StoreError> {
        Ok(write::lock_writers(self).await?)
    }

    async fn observation_history(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> Result<Vec<Observation>, StoreError> {
        Ok(read::observation_history(self, indicator, unit, period).await?)
    }

    async fn latest_observations(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
        latest: u32,
    ) -> Result<(Vec<Observation>, u64), StoreError> {
        Ok(read::latest_observations(self, indicator, unit, period, latest).await?)
    }

    async fn observations(&self) -> Result<Vec<Observation>, StoreError> {
        Ok(read::observations(self).await?)
    }

    async fn observations_citing(&self, prefix: &str) -> Result<Vec<Observation>, StoreError> {
        Ok(read::observations_citing(self, prefix).await?)
    }

    async fn audit_search(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError> {
        Ok(read::audit_search(self, filter).await?)
    }

    async fn audit_trail(
        &self,
        object_prefix: Option<&str>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        Ok(read::audit_trail(self, object_prefix, limit).await?)
    }
}

impl Backup for SqlStore {
    async fn backup<W: Write + Send>(&self, out: &mut W) -> Result<BackupSummary, BackupError> {
        backup::backup(self, out).await
    }

    async fn restore<R: BufRead + Send>(
        &self,
        input: R,
        origin: &BulkOrigin,
    ) -> Result<BackupSummary, BackupError> {
        backup::restore(self, input, origin).await
    }
}

impl ChangeFeed for SqlStore {
    type Listener = PostgresListener;

    async fn listen(&self) -> Result<Option<PostgresListener>, StoreError> {
        Ok(change_log::listen(self).await?)
    }
}
