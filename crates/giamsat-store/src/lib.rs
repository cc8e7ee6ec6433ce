//! Persistence for giamsat: the store is the truth, the engine is fed from it.
//!
//! One interface, [`Store`], with one backend per database: SQLite (embedded, the default)
//! here, PostgreSQL to follow behind the same interface. Every write is one transaction that
//! holds both the records and their audit entries; observations and the audit trail are
//! append-only, enforced by the database itself.

mod codec;
pub mod sqlite;

use std::future::Future;

use giamsat_core::{IndicatorId, Observation, Period, Record, UnitId};

pub use sqlite::SqliteStore;

/// One entry of the audit trail: who did what to which object, with the before and after
/// states as JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub at: time::OffsetDateTime,
    pub actor: String,
    /// A stable verb: `observation.record`, `target.create`, `import.observations`…
    pub action: String,
    /// The object's external key: `observation:RETAIL_SALES/40/2023-YTD05`.
    pub object: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// An account as created: the password only as its Argon2id PHC string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub grants: Vec<giamsat_core::access::Grant>,
}

/// A stored account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub disabled: bool,
    pub grants: Vec<giamsat_core::access::Grant>,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database at {location}: {source}")]
    Open {
        location: String,
        #[source]
        source: sqlx::Error,
    },
    #[error("\"{0}\" is not a database location: give a file path, sqlite:FILE or postgres://…")]
    BadLocation(String),
    #[error("PostgreSQL is not supported yet by this build (location {0})")]
    Unsupported(String),
    #[error(
        "migration {version} ({name}) was changed after it was applied: restore the original file and add a new migration instead"
    )]
    MigrationEdited { version: i64, name: String },
    #[error(
        "the database is at schema version {found}, newer than this program knows ({known}): upgrade giamsat"
    )]
    SchemaTooNew { found: i64, known: i64 },
    #[error("a record clashes with one already stored: {0}")]
    Conflict(String),
    #[error("the stored {table} row {id} is unreadable: {problem}")]
    Corrupt {
        table: &'static str,
        id: i64,
        problem: String,
    },
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}

/// The persistence interface. A backend implements it whole; the core never sees it.
pub trait Store: Send + Sync + 'static {
    /// Creates an account with its grants and its audit entry, in one transaction. A
    /// username already taken (in any case) is a conflict.
    fn create_account(
        &self,
        account: &NewAccount,
        audit: &AuditEntry,
    ) -> impl Future<Output = Result<i64, StoreError>> + Send;

    /// The account with this username, compared without case.
    fn account(
        &self,
        username: &str,
    ) -> impl Future<Output = Result<Option<Account>, StoreError>> + Send;

    /// Every record, in an order the engine can apply: units by id (parents first), then
    /// indicators, documents, targets, scenarios, observations in the order recorded, and
    /// reported scorecards.
    fn load(&self) -> impl Future<Output = Result<Vec<Record>, StoreError>> + Send;

    /// Writes the records and their audit entries in one transaction: all or nothing.
    fn commit(
        &self,
        records: &[Record],
        audit: &[AuditEntry],
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Every observation recorded for a cell, oldest first: the history behind its value.
    fn observation_history(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> impl Future<Output = Result<Vec<Observation>, StoreError>> + Send;

    /// Every observation ever recorded, in the order recorded.
    fn observations(&self) -> impl Future<Output = Result<Vec<Observation>, StoreError>> + Send;

    /// The audit trail, newest first, optionally only for objects whose key starts with
    /// `object_prefix`.
    fn audit_trail(
        &self,
        object_prefix: Option<&str>,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<AuditEntry>, StoreError>> + Send;
}

/// The backend chosen from a location: a file path or `sqlite:` URL opens SQLite.
pub enum AnyStore {
    Sqlite(SqliteStore),
}

impl AnyStore {
    pub async fn open(location: &str) -> Result<AnyStore, StoreError> {
        let location = location.trim();
        if location.is_empty() {
            return Err(StoreError::BadLocation(location.to_owned()));
        }
        if location.starts_with("postgres://") || location.starts_with("postgresql://") {
            return Err(StoreError::Unsupported(location.to_owned()));
        }
        let path = location
            .strip_prefix("sqlite://")
            .or_else(|| location.strip_prefix("sqlite:"))
            .unwrap_or(location);
        Ok(AnyStore::Sqlite(SqliteStore::open(path).await?))
    }
}

impl Store for AnyStore {
    async fn create_account(
        &self,
        account: &NewAccount,
        audit: &AuditEntry,
    ) -> Result<i64, StoreError> {
        match self {
            AnyStore::Sqlite(s) => s.create_account(account, audit).await,
        }
    }

    async fn account(&self, username: &str) -> Result<Option<Account>, StoreError> {
        match self {
            AnyStore::Sqlite(s) => s.account(username).await,
        }
    }

    async fn load(&self) -> Result<Vec<Record>, StoreError> {
        match self {
            AnyStore::Sqlite(s) => s.load().await,
        }
    }

    async fn commit(&self, records: &[Record], audit: &[AuditEntry]) -> Result<(), StoreError> {
        match self {
            AnyStore::Sqlite(s) => s.commit(records, audit).await,
        }
    }

    async fn observation_history(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> Result<Vec<Observation>, StoreError> {
        match self {
            AnyStore::Sqlite(s) => s.observation_history(indicator, unit, period).await,
        }
    }

    async fn observations(&self) -> Result<Vec<Observation>, StoreError> {
        match self {
            AnyStore::Sqlite(s) => s.observations().await,
        }
    }

    async fn audit_trail(
        &self,
        object_prefix: Option<&str>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        match self {
            AnyStore::Sqlite(s) => s.audit_trail(object_prefix, limit).await,
        }
    }
}
