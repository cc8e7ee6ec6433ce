//! The application layer: every use case of giamsat, one function each.
//!
//! A write checks the actor's permission, validates its input against the engine, commits the
//! records and their audit entries to the store in one transaction, then applies them to the
//! engine, in that order and under one writer lock. Web handlers and CLI commands call these
//! functions and never touch the store or the engine's write side themselves.

pub mod accounts;
pub mod admin;
pub mod amendments;
pub mod corrections;
mod csv_quotes;
pub mod demo;
pub mod demo_cycle;
pub mod demo_plan;
pub mod exchange;
pub mod follow_up;
pub mod inbox;
pub mod input;
pub mod intake;
pub mod interchange;
pub mod names;
pub mod problem;
pub mod reporting;
pub mod reports;
pub mod search;
pub mod spreadsheet;
pub mod text;
pub mod throttle;
pub mod tile_map;
pub mod validation;
pub mod vietnam;

use std::sync::atomic::{AtomicI64, AtomicU64, AtomicUsize, Ordering};
use std::sync::{PoisonError, RwLock, RwLockReadGuard};

use giamsat_core::access::Grant;
use giamsat_core::amendment::Amended;
use giamsat_core::follow_up::FollowUp;
use giamsat_core::reporting::Reporting;
use giamsat_core::{Engine, IndicatorId, Observation, Period, Record, UnitId};
use giamsat_store::CheckpointPart;
pub use giamsat_store::{AuditEntry, AuditFilter, Changes, Loaded, SqlStore, Store, StoreError};
use serde::Serialize;

pub use accounts::SignedIn;
pub use exchange::{ImportKind, ImportOptions, ImportReport, ImportSlot, RowError};
pub use input::{CurrentValue, Origin, Stale, Validate};
pub use problem::{FieldError, Problem, ProblemArg, Thing};

/// Every value recorded for a cell, oldest first, with the id of the current one, as one
/// read of the store saw them.
#[derive(Debug, Clone, PartialEq)]
pub struct CellHistory {
    pub observations: Vec<Observation>,
    pub current: Option<giamsat_core::ObservationId>,
}

/// Who is acting, by name for the audit trail, and with what rights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    /// The roles granted, each over a subtree; `None` for the system itself (the command
    /// line run by whoever holds the database file, the demo loader), which may do anything.
    pub grants: Option<Vec<Grant>>,
}

impl Actor {
    /// The system acting under a name: a CLI user, the demo loader. Until accounts exist the
    /// web interface and the API act as the system too.
    /// The units the actor's grants are over, where what they type is looked for first.
    pub fn scope(&self) -> Vec<giamsat_core::UnitId> {
        self.grants
            .iter()
            .flatten()
            .filter_map(|g| g.scope)
            .collect()
    }

    pub fn named(name: &str) -> Actor {
        Actor {
            name: name.to_owned(),
            grants: None,
        }
    }

    /// A person or client with these grants.
    pub fn with_grants(name: &str, grants: Vec<Grant>) -> Actor {
        Actor {
            name: name.to_owned(),
            grants: Some(grants),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("invalid input: {}", describe(.0))]
    Invalid(Vec<FieldError>),
    #[error("{what} {key} does not exist")]
    NotFound { what: Thing, key: String },
    #[error("{0}")]
    Conflict(Problem),
    #[error("not permitted: {0}")]
    Forbidden(#[from] giamsat_core::access::Denied),
    #[error("{file}: {} invalid row(s); nothing was imported", .errors.len())]
    Import { file: String, errors: Vec<RowError> },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the stored data breaks a rule of the engine: {0}")]
    Inconsistent(String),
    #[error("{0}")]
    Stale(input::Stale),
    #[error("the username or password is wrong")]
    SignInRefused,
    #[error("too many failed sign-ins: try again in {seconds} seconds")]
    Throttled { seconds: u64 },
    /// Something only a person signed in with a password may do was asked with an API token
    /// (creating tokens: a stolen token must not be able to make itself successors).
    #[error("an API token cannot do this: sign in with a password")]
    SessionRequired,
    /// As many imports as may run at once are running: the caller tries again later.
    #[error("{running} imports are running already: try again in {seconds} seconds")]
    ImportsBusy { running: usize, seconds: u64 },
}

fn describe(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.problem))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The application: the store, the engine it feeds, and the lock that orders writes.
pub struct App<S: Store> {
    store: S,
    engine: RwLock<Engine>,
    /// The change-log position the engine reflects. Changed only under `writer`, after the
    /// engine.
    head: AtomicI64,
    writer: tokio::sync::Mutex<()>,
    /// Failed sign-ins.
    throttle: throttle::Throttle,
    /// Failed confirmations of a signed-in account's own password (changing it, creating a
    /// token), counted apart so that a mistyped form does not delay signing in.
    reauth: throttle::Throttle,
    /// Observations read from rows at start, beyond the store's checkpoint.
    uncheckpointed: AtomicUsize,
    /// The reports read most recently, newest last (see [`App::report`]).
    readings: std::sync::Mutex<std::collections::VecDeque<intake::Report>>,
    /// The folded words searches read, as of the change-log position they were built at.
    search: std::sync::Mutex<Option<std::sync::Arc<search::Index>>>,
    /// Outcomes an operator counts (imports, refused sign-ins), since the process started.
    outcomes: Outcomes,
    /// Imports that may run at once: each holds a figure file's check and a copy of the
    /// engine's changed series, so a burst of uploads must not multiply them.
    imports: std::sync::Arc<tokio::sync::Semaphore>,
}

/// Counts of outcomes since the process started, for `/metrics`.
#[derive(Debug, Default)]
struct Outcomes {
    imports_accepted: AtomicU64,
    imports_refused: AtomicU64,
    sign_ins_refused: AtomicU64,
    sign_ins_delayed: AtomicU64,
}

/// A reading of [`Outcomes`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutcomeCounts {
    pub imports_accepted: u64,
    pub imports_refused: u64,
    /// Wrong username or password.
    pub sign_ins_refused: u64,
    /// Refused before the password was checked, because earlier failures ask for a wait.
    pub sign_ins_delayed: u64,
}

/// Why the process should not be sent requests yet, for `/readyz`.
#[derive(Debug, thiserror::Error)]
pub enum NotReady {
    #[error("the store does not answer")]
    Store(#[source] StoreError),
    #[error("the engine has not caught up with the change log")]
    Behind,
}

/// Imports that run at once; more are refused with [`AppError::ImportsBusy`].
pub const IMPORTS_AT_ONCE: usize = 2;

/// How many times a write is checked again after other processes committed first.
const CATCH_UP_TRIES: usize = 5;

/// Observations read from rows at start beyond which a new checkpoint is saved: a second of
/// start-up, at about half a microsecond a row.
pub const CHECKPOINT_AFTER: usize = 2_000_000;

struct LoadedEngine {
    engine: Engine,
    head: i64,
    /// Observations read from rows rather than from the checkpoint.
    from_rows: usize,
}

impl<S: Store> App<S> {
    /// Loads the engine from the store.
    pub async fn open(store: S) -> Result<App<S>, AppError> {
        let loaded = Self::load(&store).await?;
        Ok(App {
            store,
            engine: RwLock::new(loaded.engine),
            head: AtomicI64::new(loaded.head),
            writer: tokio::sync::Mutex::new(()),
            throttle: throttle::Throttle::default(),
            reauth: throttle::Throttle::default(),
            uncheckpointed: AtomicUsize::new(loaded.from_rows),
            readings: std::sync::Mutex::default(),
            search: std::sync::Mutex::default(),
            outcomes: Outcomes::default(),
            imports: std::sync::Arc::new(tokio::sync::Semaphore::new(IMPORTS_AT_ONCE)),
        })
    }

    /// The engine from the store's checkpoint and the observations after it; from every
    /// observation when the checkpoint does not restore (it is derived: the rows are the
    /// truth).
    async fn load(store: &S) -> Result<LoadedEngine, AppError> {
        match Self::load_from(store, true).await? {
            Ok(loaded) => Ok(loaded),
            Err(problem) => {
                tracing::warn!(
                    %problem,
                    "the engine's checkpoint does not restore: loading every observation instead"
                );
                Self::load_from(store, false)
                    .await?
                    .map_err(|e| AppError::Inconsistent(e.to_string()))
            }
        }
    }

    async fn load_from(
        store: &S,
        from_checkpoint: bool,
    ) -> Result<Result<LoadedEngine, giamsat_core::engine::CheckpointError>, AppError> {
        // Records are applied as they stream in from the store, so a country's figures are
        // never held twice; after a refusal the rest is read but not applied.
        let mut engine = Engine::new();
        let (mut count, mut from_rows) = (0usize, 0usize);
        let mut refused = None;
        let mut unrestorable = None;
        let head = store
            .load_into(from_checkpoint, &mut |loaded| {
                if refused.is_some() || unrestorable.is_some() {
                    return;
                }
                match loaded {
                    Loaded::Record(record) => {
                        count += 1;
                        from_rows += usize::from(matches!(record, Record::Observation(_)));
                        if let Err(r) = engine.apply_unsettled(record) {
                            refused = Some(format!("{} in {:?}", r.error, r.record));
                        }
                    }
                    Loaded::Observations(block) => {
                        count += block.len();
                        from_rows += block.len();
                        for observation in &block {
                            if let Err(error) = engine.apply_unsettled_observation(observation) {
                                refused = Some(format!("{error} in {observation:?}"));
                                break;
                            }
                        }
                    }
                    Loaded::CheckpointPart(part) => {
                        if let Err(e) = engine.restore_checkpoint_part(&part) {
                            unrestorable = Some(e);
                        }
                    }
                }
            })
            .await?;
        if let Some(problem) = unrestorable {
            return Ok(Err(problem));
        }
        if let Some(refused) = refused {
            return Err(AppError::Inconsistent(refused));
        }
        engine.settle();
        engine.shrink_to_fit();
        tracing::info!(
            records = count,
            observations_after_checkpoint = from_rows,
            cells = engine.cell_count(),
            head,
            "engine loaded from the store"
        );
        Ok(Ok(LoadedEngine {
            engine,
            head,
            from_rows,
        }))
    }

    /// Saves a checkpoint of the engine's figures when at least [`CHECKPOINT_AFTER`]
    /// observations were read from rows at start, so that the next start reads columns.
    /// Returns the id of the last observation it covers, if one was saved. Run beside
    /// serving: the engine is copied (its columns are shared, not copied) and encoded off
    /// the request threads.
    pub async fn save_checkpoint_if_due(&self) -> Result<Option<u64>, AppError> {
        if self.uncheckpointed.load(Ordering::Relaxed) < CHECKPOINT_AFTER {
            return Ok(None);
        }
        self.save_checkpoint().await.map(Some)
    }

    /// Observations read from rows at start and not yet covered by a saved checkpoint.
    pub fn uncheckpointed(&self) -> usize {
        self.uncheckpointed.load(Ordering::Relaxed)
    }

    /// Saves a checkpoint of the engine's figures; returns the id of the last observation it
    /// covers.
    pub async fn save_checkpoint(&self) -> Result<u64, AppError> {
        let engine = self.engine().clone();
        let through = engine.last_observation_id();
        // Two parts in flight: the engine encodes the next while the store writes one.
        let (send, parts) = tokio::sync::mpsc::channel(2);
        let encoding = tokio::task::spawn_blocking(move || {
            for part in engine.checkpoint_parts() {
                if send.blocking_send(CheckpointPart::Part(part)).is_err() {
                    return;
                }
            }
            let _ = send.blocking_send(CheckpointPart::End);
        });
        let saved = self.store.save_checkpoint(through, parts).await;
        encoding
            .await
            .map_err(|e| AppError::Inconsistent(e.to_string()))?;
        saved?;
        self.uncheckpointed.store(0, Ordering::Relaxed);
        tracing::info!(through, "engine checkpoint saved");
        Ok(through)
    }

    /// Applies what other processes committed since the engine was last current. Called
    /// before answering each request on a shared store (PostgreSQL) and on each notification;
    /// when nothing is new it costs one indexed query and takes no lock.
    pub async fn catch_up(&self) -> Result<(), AppError> {
        if !self.store.shared() {
            return Ok(());
        }
        let head = self.head.load(Ordering::Acquire);
        let changes = self.store.changes_since(head).await?;
        if matches!(&changes, Changes::Batches(b) if b.is_empty()) {
            return Ok(());
        }
        let _writing = self.writer.lock().await;
        // What was read is applied unless a write of this process, or another catch-up,
        // moved the engine on while this one waited for the lock.
        if self.head.load(Ordering::Acquire) == head {
            self.apply_changes_locked(head, changes).await
        } else {
            self.catch_up_locked().await
        }
    }

    /// Whether this process can answer: the store answers a query (the change log after the
    /// engine's position) and, on a store shared with other processes, nothing is logged past
    /// that position. The engine is loaded before an `App` exists, so that needs no check.
    pub async fn readiness(&self) -> Result<(), NotReady> {
        match self.store.changes_since(self.head()).await {
            Err(e) => Err(NotReady::Store(e)),
            // Alone on its store (SQLite) the engine holds every commit of this process; a
            // commit by another program on the same file is not followed, so not waited for.
            Ok(_) if !self.store.shared() => Ok(()),
            Ok(Changes::Batches(batches)) if batches.is_empty() => Ok(()),
            Ok(_) => Err(NotReady::Behind),
        }
    }

    /// The outcomes counted since the process started.
    pub fn outcomes(&self) -> OutcomeCounts {
        let o = &self.outcomes;
        OutcomeCounts {
            imports_accepted: o.imports_accepted.load(Ordering::Relaxed),
            imports_refused: o.imports_refused.load(Ordering::Relaxed),
            sign_ins_refused: o.sign_ins_refused.load(Ordering::Relaxed),
            sign_ins_delayed: o.sign_ins_delayed.load(Ordering::Relaxed),
        }
    }

    /// The position of the change log the engine reflects.
    pub fn head(&self) -> i64 {
        self.head.load(Ordering::Acquire)
    }

    /// For a writer holding the writer lock: holds off other processes' writers and catches
    /// up, so what is checked next is what the store holds until the commit.
    async fn hold_off_other_writers(&self) -> Result<giamsat_store::WritersLock, AppError> {
        let lock = self.store.lock_writers().await?;
        if self.store.shared() {
            self.catch_up_locked().await?;
        }
        Ok(lock)
    }

    /// [`App::catch_up`] for a caller that holds the writer lock.
    async fn catch_up_locked(&self) -> Result<(), AppError> {
        let head = self.head.load(Ordering::Acquire);
        let changes = self.store.changes_since(head).await?;
        self.apply_changes_locked(head, changes).await
    }

    /// Applies the changes read after position `head`, which the engine is at.
    async fn apply_changes_locked(&self, head: i64, changes: Changes) -> Result<(), AppError> {
        let batches = match changes {
            Changes::Batches(batches) if batches.is_empty() => return Ok(()),
            Changes::Batches(batches) => batches,
            Changes::Reload => return self.reload_locked().await,
        };
        let last = batches.last().map_or(head, |b| b.0);
        let applied = {
            let mut engine = self.engine.write().unwrap_or_else(PoisonError::into_inner);
            engine.apply_batch(batches.into_iter().flat_map(|(_, records)| records))
        };
        match applied {
            Ok(()) => {
                self.head.store(last, Ordering::Release);
                tracing::debug!(from = head, to = last, "applied other processes' commits");
                Ok(())
            }
            // Another process wrote what this engine cannot apply: the partly applied engine
            // is replaced by the store's state.
            Err(rejected) => {
                tracing::warn!(error = %rejected.error, "a logged commit did not apply; reloading");
                self.reload_locked().await
            }
        }
    }

    async fn reload_locked(&self) -> Result<(), AppError> {
        let loaded = Self::load(&self.store).await?;
        *self.engine.write().unwrap_or_else(PoisonError::into_inner) = loaded.engine;
        self.head.store(loaded.head, Ordering::Release);
        self.uncheckpointed
            .store(loaded.from_rows, Ordering::Relaxed);
        Ok(())
    }

    /// What `text` finds across units, documents, targets, tasks, sessions and people, at
    /// most `limit` of each kind; tasks and sessions only of the units `grants` cover
    /// (`None`: everything). The index is built again, by the first search, after a write
    /// that names something.
    pub fn search(
        &self,
        grants: Option<&[giamsat_core::access::Grant]>,
        text: &str,
        limit: usize,
    ) -> Vec<search::Group> {
        // Figures do not change what is searched: only records that name something make
        // the index be built again.
        let engine = self.engine();
        let version = engine.names_version();
        let kept = self
            .search
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .filter(|i| i.version() == version);
        let index = kept.unwrap_or_else(|| {
            let built = std::sync::Arc::new(search::Index::build(&engine));
            *self.search.lock().unwrap_or_else(PoisonError::into_inner) = Some(built.clone());
            built
        });
        index.search(&engine, grants, text, limit)
    }

    /// The engine, for reading. Hold the guard briefly and never across an await.
    pub fn engine(&self) -> RwLockReadGuard<'_, Engine> {
        self.engine.read().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn store(&self) -> &S {
        &self.store
    }

    /// Every value recorded for a cell, oldest first, and which is current. Both come from
    /// one read of the store: asking the engine which row is current would compare two
    /// states, and a write committed between the reads would leave no row marked.
    pub async fn observation_history(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> Result<CellHistory, AppError> {
        let observations = self
            .store
            .observation_history(indicator, unit, period)
            .await?;
        let current = Observation::current_of(&observations).map(|o| o.id);
        Ok(CellHistory {
            observations,
            current,
        })
    }

    /// The `latest` figures recorded for a cell, newest first, and how many it has in all.
    pub async fn latest_figures(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
        latest: u32,
    ) -> Result<(Vec<Observation>, u64), AppError> {
        Ok(self
            .store
            .latest_observations(indicator, unit, period, latest)
            .await?)
    }

    /// The whole audit trail, newest first, for objects whose key starts with
    /// `object_prefix`: for an admin of the whole tree.
    pub async fn audit_trail(
        &self,
        actor: &Actor,
        object_prefix: Option<&str>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, AppError> {
        if let Some(grants) = &actor.grants
            && !giamsat_core::access::may_read_all_audit(grants)
        {
            return Err(AppError::Forbidden(giamsat_core::access::Denied::Role));
        }
        Ok(self.store.audit_trail(object_prefix, limit).await?)
    }

    /// The audit trail of a unit and every unit below it, newest first, for objects whose key
    /// starts with `object_prefix` when one is given: for an admin or an office over it.
    pub async fn audit_of_unit(
        &self,
        actor: &Actor,
        unit: UnitId,
        object_prefix: Option<&str>,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, AppError> {
        let units: Vec<UnitId> = {
            let engine = self.engine();
            if let Some(grants) = &actor.grants
                && !giamsat_core::access::may_read_audit(&engine, grants, unit)
            {
                return Err(AppError::Forbidden(giamsat_core::access::Denied::Scope(
                    unit,
                )));
            }
            engine
                .units()
                .filter(|u| engine.is_within(u.id, unit))
                .map(|u| u.id)
                .collect()
        };
        Ok(self
            .store
            .audit_of_units(&units, object_prefix, limit)
            .await?)
    }

    /// A page of the audit trail by `filter`: of `unit` and every unit below it (for an admin
    /// or an office over it), or the whole trail (`None`, for an admin of the whole tree).
    /// Refused before anything is read.
    pub async fn audit_search(
        &self,
        actor: &Actor,
        unit: Option<UnitId>,
        mut filter: giamsat_store::AuditFilter,
    ) -> Result<Vec<AuditEntry>, AppError> {
        {
            let engine = self.engine();
            match (unit, &actor.grants) {
                (_, None) => {}
                (Some(u), Some(grants))
                    if giamsat_core::access::may_read_audit(&engine, grants, u) => {}
                (None, Some(grants)) if giamsat_core::access::may_read_all_audit(grants) => {}
                (Some(u), Some(_)) => {
                    return Err(AppError::Forbidden(giamsat_core::access::Denied::Scope(u)));
                }
                (None, Some(_)) => {
                    return Err(AppError::Forbidden(giamsat_core::access::Denied::Role));
                }
            }
            filter.units = unit.map(|unit| {
                engine
                    .units()
                    .filter(|u| engine.is_within(u.id, unit))
                    .map(|u| u.id)
                    .collect()
            });
        }
        Ok(self.store.audit_search(&filter).await?)
    }

    /// Creates one record from an input: a unit, indicator, document, target, scenario,
    /// observation or reported scorecard.
    pub async fn create<I: Validate>(
        &self,
        actor: &Actor,
        input: &I,
        source: &str,
    ) -> Result<Record, AppError> {
        let _writing = self.writer.lock().await;
        let _others = self.hold_off_other_writers().await?;
        let mut tries = 0;
        let (record, head) = loop {
            let (record, audit) = self.check_one(actor, input, source)?;
            let head = self.head.load(Ordering::Acquire);
            match self
                .store
                .commit(
                    std::slice::from_ref(&record),
                    std::slice::from_ref(&audit),
                    head,
                )
                .await
            {
                Ok(head) => break (record, head),
                Err(StoreError::Behind { .. }) if tries < CATCH_UP_TRIES => {
                    tries += 1;
                    self.catch_up_locked().await?;
                }
                Err(e) => return Err(conflict(e)),
            }
        };
        self.engine
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .apply(record.clone())
            .map_err(|e| AppError::Inconsistent(e.to_string()))?;
        self.head.store(head, Ordering::Release);
        Ok(record)
    }

    /// Checks one input against the engine as it is: its fields, the actor's permission,
    /// then the version it was read at. The version comes last because a conflict shows the
    /// cell's current value: someone without the right must learn nothing but that.
    fn check_one<I: Validate>(
        &self,
        actor: &Actor,
        input: &I,
        source: &str,
    ) -> Result<(Record, AuditEntry), AppError> {
        let (record, audit) = {
            let engine = self.engine();
            let origin = Origin {
                recorded_by: &actor.name,
                source: source.to_owned(),
                at: time::OffsetDateTime::now_utc(),
                numbers: giamsat_core::Language::En,
                scope: actor.scope(),
            };
            let record = input
                .validate(&engine, &origin)
                .map_err(AppError::Invalid)?;
            authorize(actor, &engine, &record)?;
            input.check_version(&engine).map_err(AppError::Stale)?;
            let audit = audit_entry(&engine, actor, &record, origin.at);
            (record, audit)
        };
        Ok((record, audit))
    }

    /// Creates several records at once, all or nothing, as a form that enters many figures
    /// does. Numbers are read by `numbers`' conventions (a Vietnamese reader types 36.539,5).
    /// An invalid input fails the whole call, and each error's field is prefixed with the
    /// input's index (`2.value`), so the caller can show it beside the right field.
    pub async fn create_all<I: Validate>(
        &self,
        actor: &Actor,
        inputs: &[I],
        source: &str,
        numbers: giamsat_core::Language,
    ) -> Result<Vec<Record>, AppError> {
        let (records, _) = self
            .commit_batch(actor, ("batch.create", source), |batch| {
                batch.read_numbers_as(numbers);
                let mut errors = Vec::new();
                let mut stale = None;
                for (index, input) in inputs.iter().enumerate() {
                    // A figure changed since the form was read fails the whole form, but
                    // only once every figure was authorized: a refused write anywhere in
                    // the form is a refusal, never a conflict that shows a current value.
                    if let Err(s) = input.check_version(batch.engine()) {
                        stale.get_or_insert(s);
                    }
                    if let Err(problems) = batch.add(input, source.to_owned()) {
                        errors.extend(problems.into_iter().map(|e| FieldError {
                            field: format!("{index}.{}", e.field),
                            problem: e.problem,
                        }));
                    }
                }
                if !errors.is_empty() {
                    Err(AppError::Invalid(errors))
                } else if let Some(stale) = stale {
                    Err(AppError::Stale(stale))
                } else {
                    Ok(batch.records.clone())
                }
            })
            .await?;
        Ok(records)
    }

    /// Builds a batch on a copy of the engine (each record validated against the records
    /// before it), commits it in one transaction with one audit entry per record plus a
    /// summary, and swaps the copy in. Nothing is written if `build` fails.
    pub(crate) async fn commit_batch<F, T>(
        &self,
        actor: &Actor,
        summary: (&str, &str),
        mut build: F,
    ) -> Result<(T, usize), AppError>
    where
        F: FnMut(&mut Batch<'_>) -> Result<T, AppError>,
    {
        let _writing = self.writer.lock().await;
        let _others = self.hold_off_other_writers().await?;
        let at = time::OffsetDateTime::now_utc();
        let mut tries = 0;
        loop {
            let mut batch = Batch::new(self.engine().clone(), actor, at);
            let outcome = build(&mut batch);
            // A record the actor may not write fails the batch as forbidden, whatever the
            // builder made of the error (an import would have listed it as a bad row).
            if let Some(denied) = batch.denied.take() {
                return Err(AppError::Forbidden(denied));
            }
            let outcome = outcome?;
            let Batch {
                mut engine,
                records,
                mut audit,
                ..
            } = batch;
            let (action, object) = summary;
            audit.push(AuditEntry {
                at,
                actor: actor.name.clone(),
                action: action.to_owned(),
                object: object.to_owned(),
                before: None,
                after: Some(serde_json::json!({ "records": records.len() })),
                unit: None,
            });
            let head = self.head.load(Ordering::Acquire);
            match self.store.commit(&records, &audit, head).await {
                Ok(head) => {
                    engine.settle();
                    *self.engine.write().unwrap_or_else(PoisonError::into_inner) = engine;
                    self.head.store(head, Ordering::Release);
                    return Ok((outcome, records.len()));
                }
                // Another process committed first: the batch is built again on its records,
                // so ids, versions and rules are checked against the engine as it now is.
                Err(StoreError::Behind { .. }) if tries < CATCH_UP_TRIES => {
                    tries += 1;
                    self.catch_up_locked().await?;
                }
                Err(e) => return Err(conflict(e)),
            }
        }
    }
}

/// A batch of writes being assembled on a copy of the engine.
pub(crate) struct Batch<'a> {
    engine: Engine,
    origin: Origin<'a>,
    actor: &'a Actor,
    records: Vec<Record>,
    audit: Vec<AuditEntry>,
    /// The first record the actor was not permitted to write: it fails the whole batch.
    denied: Option<giamsat_core::access::Denied>,
}

impl<'a> Batch<'a> {
    pub(crate) fn new(engine: Engine, actor: &'a Actor, at: time::OffsetDateTime) -> Batch<'a> {
        Batch {
            engine,
            origin: Origin {
                recorded_by: &actor.name,
                source: String::new(),
                at,
                numbers: giamsat_core::Language::En,
                scope: actor.scope(),
            },
            actor,
            records: Vec::new(),
            audit: Vec::new(),
            denied: None,
        }
    }

    /// Validates an input (by `validate`) against the batch so far and applies its record to
    /// the batch's engine, returning the record rather than keeping it (nor its audit entry): for a
    /// streamed import, which writes its records as it goes.
    /// The default source is the row's `file:line`, written into the batch's own text.
    pub(crate) fn take(
        &mut self,
        (file, line): (&str, u64),
        validate: impl FnOnce(&Engine, &Origin<'_>) -> Result<Record, Vec<FieldError>>,
    ) -> Result<(Record, Option<Reported>), Vec<FieldError>> {
        use std::fmt::Write as _;
        self.origin.source.clear();
        let _ = write!(self.origin.source, "{file}:{line}");
        let record = validate(&self.engine, &self.origin)?;
        let before = match &record {
            Record::Observation(o) => self.engine.reported(o.indicator, o.unit, o.period),
            _ => None,
        };
        self.admit(&record)
            .map_err(|refusal| vec![FieldError::new("", refusal.problem())])?;
        Ok((record, before))
    }

    /// The first record of the batch the actor was not permitted to write.
    pub(crate) fn denied(&self) -> Option<&giamsat_core::access::Denied> {
        self.denied.as_ref()
    }

    /// Authorizes a record and applies it to the batch's engine, which keeps of a figure
    /// only its cell, value, kind and id: it is given those alone, so that a figure costs no
    /// copy of its texts.
    fn admit(&mut self, record: &Record) -> Result<(), Refusal> {
        if let Err(denied) = authorize(self.actor, &self.engine, record) {
            self.denied.get_or_insert_with(|| denied.clone());
            return Err(Refusal::Denied(denied));
        }
        let lean = match record {
            Record::Observation(o) => Record::Observation(Observation {
                note: None,
                provenance: giamsat_core::Provenance {
                    source: String::new(),
                    recorded_by: String::new(),
                    recorded_at: o.provenance.recorded_at,
                },
                ..*o
            }),
            other => other.clone(),
        };
        self.engine
            .apply_unsettled(lean)
            .map_err(|r| Refusal::Engine(r.error))
    }

    /// The engine with the batch so far. Lookups are current; sums over subtrees may not be,
    /// as the tree is numbered once, when the batch is committed.
    pub(crate) fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Reads the numbers of the inputs added from now on by `language`'s conventions.
    pub(crate) fn read_numbers_as(&mut self, language: giamsat_core::Language) {
        self.origin.numbers = language;
    }

    /// Validates an input against the batch so far and adds its record.
    pub(crate) fn add<I: Validate + ?Sized>(
        &mut self,
        input: &I,
        source: String,
    ) -> Result<(), Vec<FieldError>> {
        self.origin.source = source;
        let record = input.validate(&self.engine, &self.origin)?;
        self.push_record(record)
            .map_err(|refusal| vec![FieldError::new("", refusal.problem())])
    }

    pub(crate) fn push(&mut self, record: Record) -> Result<(), AppError> {
        self.push_record(record).map_err(|refusal| match refusal {
            Refusal::Denied(denied) => AppError::Forbidden(denied),
            Refusal::Engine(error) => AppError::Inconsistent(error.to_string()),
        })
    }

    fn push_record(&mut self, record: Record) -> Result<(), Refusal> {
        if let Err(denied) = authorize(self.actor, &self.engine, &record) {
            self.denied.get_or_insert_with(|| denied.clone());
            return Err(Refusal::Denied(denied));
        }
        self.audit.push(audit_entry(
            &self.engine,
            self.actor,
            &record,
            self.origin.at,
        ));
        self.engine
            .apply_unsettled(record.clone())
            .map_err(|r| Refusal::Engine(r.error))?;
        self.records.push(record);
        Ok(())
    }
}

/// A cell's current figure: its id, kind and value.
type Reported = (
    giamsat_core::ObservationId,
    giamsat_core::ObservationKind,
    f64,
);

/// Why a record was not added to a batch.
enum Refusal {
    Denied(giamsat_core::access::Denied),
    Engine(giamsat_core::EngineError),
}

/// Whether the actor may write `record` (a probe of the kind and units a form would write):
/// what pages ask before they show a form, by the same rule every write is checked by.
pub fn may_write(actor: &Actor, engine: &Engine, record: &Record) -> bool {
    authorize(actor, engine, record).is_ok()
}

impl Refusal {
    fn problem(&self) -> Problem {
        match self {
            Refusal::Denied(denied) => Problem::of_denied(denied),
            Refusal::Engine(error) => Problem::of_engine(error),
        }
    }
}

/// The one place where permission to write a record is decided: the actor's grants, by the
/// rules of [`giamsat_core::access`]. Every write path passes through it.
fn authorize(
    actor: &Actor,
    engine: &Engine,
    record: &Record,
) -> Result<(), giamsat_core::access::Denied> {
    match &actor.grants {
        None => Ok(()),
        Some(grants) => giamsat_core::access::permits(engine, grants, record),
    }?;
    giamsat_core::access::unlocked(engine, record)
}

/// The audit entry of a regime (`regime.create`) or of a step of a report (`report.submit`,
/// `report.approve`, `report.return`, `report.reopen`), whose before is the report's state.
fn reporting_audit(
    engine: &Engine,
    actor: &Actor,
    record: &Reporting,
    at: time::OffsetDateTime,
    unit: Option<UnitId>,
) -> AuditEntry {
    let unit_code = |id| {
        engine
            .unit(id)
            .map_or_else(|| id.to_string(), |u| u.code.to_string())
    };
    let (action, object, before) = match record {
        Reporting::Regime(r) => (
            "regime.create".to_owned(),
            format!("regime:{}", r.code),
            None,
        ),
        Reporting::Step(s) => {
            let book = engine.reporting();
            let regime = book
                .regime(s.regime)
                .map_or_else(|| s.regime.to_string(), |r| r.code.to_string());
            let state = book.state(s.regime, s.unit, s.period);
            (
                format!("report.{}", s.action.name()),
                format!("report:{regime}/{}/{}", unit_code(s.unit), s.period),
                Some(serde_json::json!({ "state": state })),
            )
        }
    };
    AuditEntry {
        at,
        actor: actor.name.clone(),
        action,
        object,
        before,
        after: json(record),
        unit,
    }
}

fn conflict(error: StoreError) -> AppError {
    match error {
        StoreError::Conflict(detail) => AppError::Conflict(Problem::Clash { detail }),
        other => AppError::Store(other),
    }
}

fn json<T: Serialize>(value: &T) -> Option<serde_json::Value> {
    serde_json::to_value(value).ok()
}

/// The audit entry of a record: a stable action, the object's external key, and its before
/// and after states.
fn audit_entry(
    engine: &Engine,
    actor: &Actor,
    record: &Record,
    at: time::OffsetDateTime,
) -> AuditEntry {
    let unit_code = |id| {
        engine
            .unit(id)
            .map_or_else(|| id.to_string(), |u| u.code.to_string())
    };
    let unit = match record {
        Record::Unit(u) => Some(u.id),
        Record::Indicator(_) => None,
        Record::Document(d) => Some(d.issued_by),
        Record::Target(t) => Some(t.unit),
        Record::Scenario(s) => engine.target(s.target).map(|t| t.unit),
        Record::Observation(o) => Some(o.unit),
        Record::Succession(s) => Some(s.successor),
        Record::ReportedScorecard(c) => Some(c.unit),
        Record::FollowUp(f) => engine.follow_up().units_of(engine, f).first().copied(),
        Record::Reporting(Reporting::Regime(r)) => Some(r.recipient),
        Record::Reporting(Reporting::Step(s)) => Some(s.unit),
        Record::Rule(r) => engine.reporting().regime(r.regime).map(|g| g.recipient),
        Record::Amendment(a) => match a.of {
            Amended::Document(d) => engine.document(d).map(|d| d.issued_by),
            Amended::Target(t) => engine.target(t).map(|t| t.unit),
            Amended::Indicator(_) => None,
        },
    };
    let (action, object, before, after) = match record {
        Record::Amendment(a) => {
            let object = match a.of {
                Amended::Document(d) => engine.document(d).map_or_else(
                    || format!("document:{d}"),
                    |d| format!("document:{}/{}", unit_code(d.issued_by), d.key),
                ),
                Amended::Target(t) => format!("target:{t}"),
                Amended::Indicator(i) => engine.indicator(i).map_or_else(
                    || format!("indicator:{i}"),
                    |i| format!("indicator:{}", i.code),
                ),
            };
            let changes = a.changes.iter().map(|c| (c.field(), json(c)));
            return changes_entry(
                actor,
                at,
                unit,
                (&format!("{}.revision", a.of.kind()), object),
                changes,
                &a.reason,
            );
        }
        Record::FollowUp(FollowUp::Revision(r)) => {
            return revision_entry(engine, actor, r, at, unit);
        }
        Record::Reporting(r) => return reporting_audit(engine, actor, r, at, unit),
        Record::FollowUp(f) => {
            let action = format!("{}.record", f.kind());
            return AuditEntry {
                at,
                actor: actor.name.clone(),
                action,
                object: format!("{}:{}", f.kind(), f.id()),
                before: None,
                after: json(f),
                unit,
            };
        }
        Record::Unit(u) => ("unit.create", format!("unit:{}", u.code), None, json(u)),
        Record::Indicator(i) => (
            "indicator.create",
            format!("indicator:{}", i.code),
            None,
            json(i),
        ),
        Record::Document(d) => (
            "document.create",
            format!("document:{}/{}", unit_code(d.issued_by), d.key),
            None,
            json(d),
        ),
        Record::Target(t) => ("target.create", format!("target:{}", t.id), None, json(t)),
        Record::Scenario(s) => (
            "scenario.set",
            format!("scenario:target/{}", s.target),
            engine.scenario(s.target).and_then(json),
            json(s),
        ),
        Record::Observation(o) => {
            let indicator = engine
                .indicator(o.indicator)
                .map_or_else(|| o.indicator.to_string(), |i| i.code.to_string());
            let before = engine.latest(o.indicator, o.unit, o.period).map(
                |(id, kind, value)| serde_json::json!({ "id": id, "kind": kind, "value": value }),
            );
            (
                "observation.record",
                format!("observation:{indicator}/{}/{}", unit_code(o.unit), o.period),
                before,
                json(o),
            )
        }
        Record::Succession(s) => (
            "unit.succession",
            format!(
                "unit:{}/successor/{}",
                unit_code(s.predecessor),
                unit_code(s.successor)
            ),
            None,
            json(s),
        ),
        Record::Rule(r) => (
            "validation_rule.set",
            format!(
                "regime:{}/rule/{}",
                engine
                    .reporting()
                    .regime(r.regime)
                    .map_or_else(|| r.regime.to_string(), |g| g.code.to_string()),
                r.check.kind()
            ),
            None,
            json(r),
        ),
        Record::ReportedScorecard(c) => (
            "scorecard.report",
            format!("scorecard:{}/{}", unit_code(c.unit), c.period),
            engine
                .reported_scorecards()
                .find(|r| r.unit == c.unit && r.period == c.period)
                .and_then(json),
            json(c),
        ),
    };
    AuditEntry {
        at,
        actor: actor.name.clone(),
        action: action.to_owned(),
        object,
        before,
        after,
        unit,
    }
}

/// A correction's audit entry: the record corrected as its object, and the fields changed,
/// each as it was (`before`) and as it became (`after`), with the reason beside them.
fn revision_entry(
    engine: &Engine,
    actor: &Actor,
    revision: &giamsat_core::follow_up::Revision,
    at: time::OffsetDateTime,
    unit: Option<giamsat_core::UnitId>,
) -> AuditEntry {
    let kind = match engine.follow_up().get(revision.of) {
        Some(FollowUp::WorkingSession(_)) => "working_session",
        Some(FollowUp::Position(_)) => "position",
        _ => "task",
    };
    let object = format!("{kind}:{}", revision.of);
    let changes = revision.changes.iter().map(|c| (c.field(), json(c)));
    changes_entry(
        actor,
        at,
        unit,
        (&format!("{kind}.revision"), object),
        changes,
        &revision.reason,
    )
}

/// A correction's audit entry: each field changed as it was (`before`) and as it became
/// (`after`), with the reason beside them.
fn changes_entry(
    actor: &Actor,
    at: time::OffsetDateTime,
    unit: Option<giamsat_core::UnitId>,
    (action, object): (&str, String),
    changes: impl Iterator<Item = (&'static str, Option<serde_json::Value>)>,
    reason: &str,
) -> AuditEntry {
    let mut before = serde_json::Map::new();
    let mut after = serde_json::Map::new();
    for (field, change) in changes {
        if let Some(serde_json::Value::Object(fields)) = change {
            before.insert(
                field.to_owned(),
                fields.get("before").cloned().unwrap_or_default(),
            );
            after.insert(
                field.to_owned(),
                fields.get("after").cloned().unwrap_or_default(),
            );
        }
    }
    after.insert(
        "reason".into(),
        serde_json::Value::String(reason.to_owned()),
    );
    AuditEntry {
        at,
        actor: actor.name.clone(),
        action: action.to_owned(),
        object,
        before: Some(serde_json::Value::Object(before)),
        after: Some(serde_json::Value::Object(after)),
        unit,
    }
}

#[cfg(test)]
mod tests;
