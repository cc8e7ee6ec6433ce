//! Persistence for giamsat: the store is the truth, the engine is fed from it.
//!
//! One contract in three traits: [`Store`] (what the application layer reads and writes),
//! [`Backup`] (the portable backup and its restore) and [`ChangeFeed`] (hearing other
//! processes' commits). [`SqlStore`] implements all three for SQLite (embedded, the default)
//! and PostgreSQL (for several processes). Every write is one transaction that holds the
//! records, their audit entries and one entry of the change log; observations and the audit
//! trail are append-only, enforced by the database itself.
//!
//! Nothing here names the backend's types: errors say what happened ([`StoreError`]) and the
//! writers' lock is an opaque guard, so a further backend needs no change to its callers.

mod codec;
#[cfg(test)]
mod conformance;
pub mod sql;
#[cfg(any(test, feature = "testing"))]
pub mod testing;

use std::collections::BTreeMap;
use std::future::Future;
use std::io::{BufRead, Write};

use giamsat_core::{
    IndicatorId, Observation, ObservationId, ObservationKind, Period, Record, UnitId,
};

pub use sql::{Dialect, PostgresListener, SqlStore, redact};

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

/// Which audit entries to read, and which page of them: every filter given applies, newest
/// first, `offset` entries skipped, at most `limit` returned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only entries of these units; `None` for every entry, those of no unit included.
    pub units: Option<Vec<UnitId>>,
    /// Only entries of this actor (compared without case).
    pub actor: Option<String>,
    /// Only actions starting with this (`task.` or `task.revision`).
    pub action: Option<String>,
    /// Only objects whose key starts with this (`task:12`).
    pub object: Option<String>,
    /// Only entries on or after this day, and on or before that one (UTC days).
    pub from: Option<time::Date>,
    pub to: Option<time::Date>,
    pub offset: u32,
    pub limit: u32,
}

/// One figure of a streamed import (see [`Store::import_observations`]), checked by the
/// application, with what its audit row says beside the figure itself.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedFigure {
    pub observation: Observation,
    /// The audit row's object key: `observation:RETAIL_SALES/40/2023-H1`.
    pub object: String,
    /// The cell's current value before this figure (id, kind, value), as its audit row
    /// states it.
    pub before: Option<(ObservationId, ObservationKind, f64)>,
}

/// What the application sends a streamed import, in order: figures in chunks, then the
/// word to commit.
#[derive(Debug)]
pub enum ImportPart {
    Figures(Vec<ImportedFigure>),
    /// Every figure has been sent and the whole file passed its checks: commit, with this
    /// entry (the import's summary) after the figures' own.
    Commit(AuditEntry),
}

/// What [`Store::save_checkpoint`] is sent, in order: the checkpoint's parts one at a time,
/// then the word that every part was sent. Parts come as the engine encodes them, so a
/// country's checkpoint (over a gigabyte) is never held whole.
#[derive(Debug)]
pub enum CheckpointPart {
    Part(Vec<u8>),
    /// Every part has been sent: the checkpoint may replace the last one.
    End,
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

/// Where and how an account is written to: its e-mail, if any, and the language of what it
/// is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub email: Option<String>,
    /// `vi`, `en` or `fr`.
    pub language: String,
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
    /// Observations as the engine keeps them, in the order of their ids: a block at a time
    /// from the SQLite file, so that a country's are not moved one by one into [`Record`]s.
    Observations(Vec<Observation>),
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

/// Other processes' writes wait while this is held, and go on when it is dropped, even on an
/// early return. Opaque: what it holds is the backend's (on PostgreSQL, a transaction holding
/// an advisory lock, rolled back when dropped).
pub struct WritersLock {
    _held: Option<Box<dyn Send>>,
}

impl WritersLock {
    /// A lock that holds nothing: for a store no other process writes to.
    pub fn unheld() -> WritersLock {
        WritersLock { _held: None }
    }

    /// A lock that lasts as long as `guard`, which the backend releases on drop.
    pub fn holding(guard: impl Send + 'static) -> WritersLock {
        WritersLock {
            _held: Some(Box::new(guard)),
        }
    }
}

/// Who writes through the bulk path (see [`Store::bulk_load`] and [`Backup::restore`]) and
/// from what: the audit entry each batch leaves names them. The store has no clock, so the
/// caller gives the time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkOrigin {
    /// `restore`, `bench`, `system`…: there is no signed-in person on this path.
    pub actor: String,
    /// What the rows came from: a backup file's name, a generator's command line.
    pub source: String,
    pub at: time::OffsetDateTime,
}

impl BulkOrigin {
    /// The audit entry of one batch of the bulk path: the kinds of record it wrote, counted.
    pub fn load_entry(&self, records: &[Record]) -> AuditEntry {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for record in records {
            *counts.entry(record_kind(record)).or_default() += 1;
        }
        let mut after = serde_json::json!({ "records": records.len() });
        for (kind, count) in counts {
            after[kind] = serde_json::Value::from(count);
        }
        self.entry("bulk.load", format!("bulk:{}", self.source), after)
    }

    /// The audit entry of a restore: how many tables and rows it wrote.
    pub fn restore_entry(&self, summary: &BackupSummary) -> AuditEntry {
        self.entry(
            "backup.restore",
            format!("backup:{}", self.source),
            serde_json::json!({ "tables": summary.tables, "rows": summary.rows }),
        )
    }

    fn entry(&self, action: &str, object: String, after: serde_json::Value) -> AuditEntry {
        AuditEntry {
            at: self.at,
            actor: self.actor.clone(),
            action: action.to_owned(),
            object,
            before: None,
            after: Some(after),
            unit: None,
        }
    }
}

/// The table-like name of a record's kind, as the bulk path's audit entries count them.
fn record_kind(record: &Record) -> &'static str {
    match record {
        Record::Unit(_) => "units",
        Record::Succession(_) => "successions",
        Record::Indicator(_) => "indicators",
        Record::Document(_) => "documents",
        Record::Target(_) => "targets",
        Record::Scenario(_) => "scenarios",
        Record::Observation(_) => "observations",
        Record::ReportedScorecard(_) => "reported_scorecards",
        Record::FollowUp(_) => "follow_up_records",
        Record::Reporting(_) => "reporting_records",
        Record::Rule(_) => "validation_rules",
        Record::Amendment(_) => "amendments",
    }
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

/// A backend's own error, kept whole for the log without its type reaching the callers.
pub type BackendError = Box<dyn std::error::Error + Send + Sync>;

/// What went wrong in a store, said in the store's terms: no backend's type appears here, so
/// callers match on what happened (a conflict, a commit behind another, a corrupt row).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database at {location}: {source}")]
    Open {
        location: String,
        #[source]
        source: BackendError,
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
    /// The database could not be reached, or the connection to it was lost.
    #[error("the database cannot be reached: {0}")]
    Unavailable(#[source] BackendError),
    /// Any other failure of the backend: a statement refused, a driver's error.
    #[error("database error: {0}")]
    Backend(#[source] BackendError),
    #[error(
        "a checkpoint through observation {through} was refused: the store holds observations only up to {last}"
    )]
    CheckpointAhead { through: u64, last: i64 },
    #[error("the checkpoint's parts stopped after {sent} without the word that all were sent")]
    CheckpointCutShort { sent: usize },
    #[error("reading the SQLite file: {0}")]
    SqliteRead(String),
    #[error("writing the SQLite file: {0}")]
    SqliteWrite(String),
}

/// What a backup or restore went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupSummary {
    pub tables: usize,
    pub rows: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("line {line}: {problem}")]
    Malformed { line: u64, problem: String },
    #[error(
        "the backup was made by a newer giamsat (schema {found}, this one knows {known}): upgrade giamsat"
    )]
    SchemaTooNew { found: i64, known: i64 },
    #[error("the database already holds data (table {table} has rows): restore into an empty one")]
    NotEmpty { table: String },
    #[error("cannot read or write the backup file: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
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

    /// Replaces an account's password hash, ends its sessions and revokes its API tokens
    /// (at the audit entry's time), in one transaction with the audit entry; false when no
    /// account has that username.
    fn set_password(
        &self,
        username: &str,
        password_hash: &str,
        audit: &AuditEntry,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// Every account with its grants, by username.
    fn accounts(&self) -> impl Future<Output = Result<Vec<Account>, StoreError>> + Send;

    /// Sets an account's e-mail and language, with its audit entry, in one transaction;
    /// false when no account has that username.
    fn set_contact(
        &self,
        username: &str,
        contact: &Contact,
        audit: &AuditEntry,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// Every account's contact, by account id.
    fn contacts(&self) -> impl Future<Output = Result<Vec<(i64, Contact)>, StoreError>> + Send;

    /// Claims the sending of an account's digest for a day: true for the first caller only,
    /// so a restart or a second process does not send it again.
    fn claim_digest(
        &self,
        account_id: i64,
        day: time::Date,
        items: usize,
        at: time::OffsetDateTime,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// Gives a claim back when the digest could not be sent, so a later run sends it.
    fn release_digest(
        &self,
        account_id: i64,
        day: time::Date,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Adds a grant to an account, with its audit entry, in one transaction; a grant the
    /// account holds already is kept once. False when no account has that username.
    fn add_grant(
        &self,
        username: &str,
        grant: &giamsat_core::access::Grant,
        audit: &AuditEntry,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// Disables an account or enables it again, with its audit entry. A disabled account's
    /// sessions and tokens are refused at their next use. False when no account has that
    /// username.
    fn set_disabled(
        &self,
        username: &str,
        disabled: bool,
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

    /// The audit trail of the given units, newest first, for objects whose key starts with
    /// `object_prefix` when one is given: both filters apply before the limit.
    fn audit_of_units(
        &self,
        units: &[UnitId],
        object_prefix: Option<&str>,
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
    /// Replaces the checkpoint of the engine's figures with `parts`, taken from an engine
    /// that held every observation up to id `through`, written a few parts a transaction as
    /// they arrive. The new checkpoint is named only once [`CheckpointPart::End`] arrives:
    /// until then, and if the parts stop without it, the last one stays in force. A
    /// checkpoint beyond the stored observations is refused.
    fn save_checkpoint(
        &self,
        through: u64,
        parts: tokio::sync::mpsc::Receiver<CheckpointPart>,
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

    /// **The bulk path**: commits `records` like [`Store::commit`], with one audit entry for
    /// the whole batch (what `origin` wrote, counted by kind) in place of one per record. It
    /// is for writers that do not go through the application layer and its checks: the
    /// benchmark's generator and importer, which write a country's figures. The caller has
    /// checked the records; anything else writes through the application layer.
    fn bulk_load(
        &self,
        records: &[Record],
        head: i64,
        origin: &BulkOrigin,
    ) -> impl Future<Output = Result<i64, StoreError>> + Send {
        async move {
            let entry = origin.load_entry(records);
            self.commit(records, std::slice::from_ref(&entry), head)
                .await
        }
    }

    /// **A streamed import of figures**: writes the figures received from `parts` into one
    /// transaction as they come, each with its own audit row (`observation.record`, as a
    /// single write leaves), and commits it as the change-log entry after `head` only when
    /// [`ImportPart::Commit`] arrives. If the sender goes away without it (a row was
    /// refused), nothing is written and the answer is `None`. Other writers wait until the
    /// import ends; when another process has committed since `head`, the answer is
    /// [`StoreError::Behind`] before anything is read. SQLite writes through rusqlite with
    /// prepared multi-row inserts, PostgreSQL through `COPY`.
    fn import_observations(
        &self,
        head: i64,
        parts: tokio::sync::mpsc::Receiver<ImportPart>,
    ) -> impl Future<Output = Result<Option<i64>, StoreError>> + Send;

    /// Every observation recorded for a cell, oldest first: the history behind its value.
    fn observation_history(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> impl Future<Output = Result<Vec<Observation>, StoreError>> + Send;

    /// The `latest` observations recorded last for a cell, newest first, and how many it
    /// has in all: what a page lists of a cell corrected hundreds of times.
    fn latest_observations(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
        latest: u32,
    ) -> impl Future<Output = Result<(Vec<Observation>, u64), StoreError>> + Send;

    /// Every observation ever recorded, in the order recorded.
    fn observations(&self) -> impl Future<Output = Result<Vec<Observation>, StoreError>> + Send;

    /// The observations whose source begins with `prefix`, in the order recorded: the
    /// figures accepted from one report (`/intake/{sha256}#`), wherever and by whom.
    fn observations_citing(
        &self,
        prefix: &str,
    ) -> impl Future<Output = Result<Vec<Observation>, StoreError>> + Send;

    /// A page of the audit trail chosen by `filter`, newest first.
    fn audit_search(
        &self,
        filter: &AuditFilter,
    ) -> impl Future<Output = Result<Vec<AuditEntry>, StoreError>> + Send;

    /// The audit trail, newest first, optionally only for objects whose key starts with
    /// `object_prefix`.
    fn audit_trail(
        &self,
        object_prefix: Option<&str>,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<AuditEntry>, StoreError>> + Send;
}

/// The portable backup (JSON lines, every table of data, the same for every backend) and its
/// restore: how a store is saved, and moved to another backend.
pub trait Backup: Store {
    /// Writes every table to `out`, as one consistent state, without stopping writers.
    fn backup<W: Write + Send>(
        &self,
        out: &mut W,
    ) -> impl Future<Output = Result<BackupSummary, BackupError>> + Send;

    /// Restores a backup into this store, which must hold no data: all of it in one
    /// transaction, or nothing when any line is wrong. Part of the bulk path: the rows are
    /// written as they were, not through the application layer, and the restore leaves one
    /// audit entry of its own (`backup.restore`, by `origin`), after the restored trail.
    fn restore<R: BufRead + Send>(
        &self,
        input: R,
        origin: &BulkOrigin,
    ) -> impl Future<Output = Result<BackupSummary, BackupError>> + Send;
}

/// Hearing the commits of other processes as they are made, for a store several processes
/// share.
pub trait ChangeFeed: Store {
    type Listener: ChangeListener;

    /// Starts listening for the change-log position of every commit by any process; `None`
    /// when no other process can write (the store is not [`Store::shared`]).
    fn listen(&self) -> impl Future<Output = Result<Option<Self::Listener>, StoreError>> + Send;
}

/// Waits for commits announced by any process.
pub trait ChangeListener: Send + 'static {
    /// The change-log position of the next commit announced. After a lost connection the
    /// listener reconnects by itself and returns `None` once: positions may have been missed,
    /// so the caller should catch up from the log.
    fn next(&mut self) -> impl Future<Output = Result<Option<i64>, StoreError>> + Send;
}
