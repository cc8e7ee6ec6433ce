//! Persistence for giamsat: the store is the truth, the engine is fed from it.
//!
//! One interface, [`Store`], implemented by [`SqlStore`] for SQLite (embedded, the default)
//! and PostgreSQL (for several processes). Every write is one transaction that holds the
//! records, their audit entries and one entry of the change log; observations and the audit
//! trail are append-only, enforced by the database itself.

pub mod backup;
mod codec;
#[cfg(test)]
mod conformance;
pub mod sql;
#[cfg(any(test, feature = "testing"))]
pub mod testing;

use std::future::Future;

use giamsat_core::{IndicatorId, Observation, Period, Record, UnitId};

pub use backup::{BackupError, BackupSummary};
pub use sql::{ChangeListener, Dialect, SqlStore, redact};

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
    /// The unit the object belongs to, for the audit of a unit's subtree; `None` for objects
    /// of no unit (an indicator, an account).
    pub unit: Option<UnitId>,
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

/// A sign-in session as started. The cookie itself is never stored, only its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    pub token_hash: String,
    pub account_id: i64,
    pub csrf_token: String,
    pub created_at: time::OffsetDateTime,
    pub expires_at: time::OffsetDateTime,
}

/// A session that has not been ended, with its account as it is now (a disabled account or
/// a changed grant takes effect on the next request).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: i64,
    pub account: Account,
    pub csrf_token: String,
    pub created_at: time::OffsetDateTime,
    pub last_seen_at: time::OffsetDateTime,
    pub expires_at: time::OffsetDateTime,
}

/// An API token as created; like sessions, only its hash is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApiToken {
    pub token_hash: String,
    pub account_id: i64,
    pub name: String,
    pub created_at: time::OffsetDateTime,
    pub created_by: String,
}

/// A stored API token: it acts for its account, with the account's grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub created_at: time::OffsetDateTime,
    pub created_by: String,
    pub last_used_at: Option<time::OffsetDateTime>,
    pub revoked_at: Option<time::OffsetDateTime>,
}

/// A file kept as evidence of progress, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceFile {
    pub sha256: String,
    pub name: String,
    pub content_type: String,
    pub size: u64,
}

/// What [`Store::load_into`] passes on, in the order the engine applies it.
#[derive(Debug, Clone, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "records are nearly every item and pass by value once: boxing would allocate for each of a country's observations"
)]
pub enum Loaded {
    Record(Record),
    /// One part of the checkpoint of the engine's figures saved by [`Store::save_checkpoint`]:
    /// after the units and indicators it refers to, before the observations recorded after it.
    CheckpointPart(Vec<u8>),
}

/// Every record, and the change-log position the records reflect.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub records: Vec<Record>,
    pub head: i64,
}

/// Other processes' writes wait while this is held: on PostgreSQL a transaction holding an
/// advisory lock, rolled back (and the lock released) when dropped, even on an early return.
pub struct WritersLock {
    pub(crate) _transaction: Option<sqlx::Transaction<'static, sqlx::Any>>,
}

/// What other processes committed since a position of the change log.
#[derive(Debug, Clone, PartialEq)]
pub enum Changes {
    /// Each committed batch with its position, oldest first; empty when nothing is new.
    Batches(Vec<(i64, Vec<Record>)>),
    /// The log no longer holds every batch since then (pruned, or a batch too large to
    /// log): load everything again.
    Reload,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database at {location}: {source}")]
    Open {
        location: String,
        #[source]
        source: sqlx::Error,
    },
    #[error(
        "\"{0}\" is not a database location: give a file path, sqlite:FILE or postgres://USER@HOST/DATABASE"
    )]
    BadLocation(String),
    #[error(
        "another process wrote since this one last read (the change log is at {head}): catch up and try again"
    )]
    Behind { head: i64 },
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
    #[error(
        "a checkpoint through observation {through} was refused: the store holds observations only up to {last}"
    )]
    CheckpointAhead { through: u64, last: i64 },
    #[error("reading the SQLite file: {0}")]
    SqliteRead(String),
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

    /// Replaces an account's password hash and ends its sessions, with an audit entry; false
    /// when no account has that username.
    fn set_password(
        &self,
        username: &str,
        password_hash: &str,
        audit: &AuditEntry,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// Starts a session, with its audit entry.
    fn start_session(
        &self,
        session: &NewSession,
        audit: &AuditEntry,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// The session whose cookie hashes to `token_hash`, unless it was ended. Expiry is the
    /// caller's to judge: the store has no clock.
    fn session(
        &self,
        token_hash: &str,
    ) -> impl Future<Output = Result<Option<Session>, StoreError>> + Send;

    /// Records that a session was used at `at` (for the idle timeout).
    fn touch_session(
        &self,
        token_hash: &str,
        at: time::OffsetDateTime,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Ends a session (sign-out, or expiry noticed); with an audit entry when one is given.
    fn end_session(
        &self,
        token_hash: &str,
        at: time::OffsetDateTime,
        audit: Option<&AuditEntry>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Creates an API token, with its audit entry, and returns its id.
    fn create_api_token(
        &self,
        token: &NewApiToken,
        audit: &AuditEntry,
    ) -> impl Future<Output = Result<i64, StoreError>> + Send;

    /// The token hashing to `token_hash`, revoked or not, with its account; its last use is
    /// recorded as `at` (to the minute: a use within a minute of the last is not written).
    fn use_api_token(
        &self,
        token_hash: &str,
        at: time::OffsetDateTime,
    ) -> impl Future<Output = Result<Option<(ApiToken, Account)>, StoreError>> + Send;

    /// An account's tokens, newest first.
    fn api_tokens(
        &self,
        account_id: i64,
    ) -> impl Future<Output = Result<Vec<ApiToken>, StoreError>> + Send;

    /// Revokes a token of an account; false when it has none by that id or it was revoked
    /// already.
    fn revoke_api_token(
        &self,
        account_id: i64,
        token_id: i64,
        audit: &AuditEntry,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// The audit trail of the given units, newest first.
    fn audit_of_units(
        &self,
        units: &[UnitId],
        limit: u32,
    ) -> impl Future<Output = Result<Vec<AuditEntry>, StoreError>> + Send;

    /// Keeps a file given as evidence, by its SHA-256; giving the same content again keeps
    /// the first copy.
    fn put_evidence_file(
        &self,
        file: &EvidenceFile,
        bytes: &[u8],
        audit: &AuditEntry,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// An evidence file's name, type and size.
    fn evidence_file_meta(
        &self,
        sha256: &str,
    ) -> impl Future<Output = Result<Option<EvidenceFile>, StoreError>> + Send;

    /// An evidence file with its bytes.
    fn evidence_file(
        &self,
        sha256: &str,
    ) -> impl Future<Output = Result<Option<(EvidenceFile, Vec<u8>)>, StoreError>> + Send;

    /// Every record, in an order the engine can apply (units by id, parents first, then
    /// indicators, documents, targets, scenarios, observations in the order recorded,
    /// reported scorecards and follow-up records), read as one consistent state together
    /// with the change-log position it reflects.
    fn load(&self) -> impl Future<Output = Result<Snapshot, StoreError>> + Send;

    /// The records of [`Store::load`], in the same order and as one state, passed to `apply`
    /// as they are read, with observations carrying only what the engine keeps (no
    /// provenance, note, document or reporting unit): how the engine is loaded at start,
    /// without a whole country's observations ever held as records. Returns the change-log
    /// position.
    ///
    /// With `from_checkpoint`, the saved checkpoint (if any) comes in place of the
    /// observations it covers, and only those recorded after it are read.
    fn load_into(
        &self,
        from_checkpoint: bool,
        apply: &mut (dyn FnMut(Loaded) + Send),
    ) -> impl Future<Output = Result<i64, StoreError>> + Send;
    /// Replaces the checkpoint of the engine's figures, in one transaction, with `parts`
    /// taken from an engine that held every observation up to id `through`. A checkpoint
    /// beyond the stored observations is refused.
    fn save_checkpoint(
        &self,
        through: u64,
        parts: Vec<Vec<u8>>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Writes the records and their audit entries in one transaction, all or nothing, as the
    /// change-log entry after `head`, and returns its position. When another process has
    /// committed since `head`, nothing is written and the answer is [`StoreError::Behind`]:
    /// the caller catches up and checks its records again.
    fn commit(
        &self,
        records: &[Record],
        audit: &[AuditEntry],
        head: i64,
    ) -> impl Future<Output = Result<i64, StoreError>> + Send;

    /// The batches committed after position `head`, in order, for a process to apply what
    /// others wrote; or [`Changes::Reload`] when the log no longer holds them all.
    fn changes_since(&self, head: i64) -> impl Future<Output = Result<Changes, StoreError>> + Send;

    /// Whether other processes may write to this store, so that each request must first
    /// catch up with the change log.
    fn shared(&self) -> bool;

    /// Holds off other processes' writes until the lock is dropped, so a process can catch
    /// up, check its records and commit without another slipping in between (and starving
    /// it under load). Nothing on a store that is not shared.
    fn lock_writers(&self) -> impl Future<Output = Result<WritersLock, StoreError>> + Send;

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
