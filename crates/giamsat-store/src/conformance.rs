//! The conformance suite: every behaviour of the [`Store`] interface, run against both
//! backends. Each test runs twice, as `conformance::sqlite::NAME` on a temporary file and as
//! `conformance::postgres::NAME` on a new database of the PostgreSQL cluster named by
//! `GIAMSAT_TEST_POSTGRES` (scripts/test starts a throwaway one). Without it the PostgreSQL
//! half fails and says so: it is never skipped.

use giamsat_core::indicator::{AcrossUnits, IndicatorCode};
use giamsat_core::org::UnitCode;
use giamsat_core::target::Baseline;
use giamsat_core::text::{Language, Translations};
use giamsat_core::{
    Document, DocumentId, DocumentKey, Engine, Horizon, Indicator, IndicatorId, Month, Observation,
    ObservationId, ObservationKind, Period, Provenance, Record, ReportedScorecard, Scenario,
    Target, TargetId, Unit, UnitId, UnitKind,
};

use crate::sql::{NOT_BACKED_UP, TABLES};
use crate::{
    AuditEntry, AuditFilter, Backup, BackupError, BulkOrigin, ChangeFeed, ChangeListener, Changes,
    CheckpointPart, Contact, Dialect, EvidenceFile, ImportPart, ImportedFigure, Loaded, NewAccount,
    NewApiToken, NewSession, SqlStore, Store, StoreError,
};

#[derive(Debug, Clone, Copy)]
enum Backend {
    Sqlite,
    Postgres,
}

/// A store on an empty database, with what keeps it alive.
struct Fresh {
    store: SqlStore,
    location: String,
    _dir: Option<tempfile::TempDir>,
}

impl std::ops::Deref for Fresh {
    type Target = SqlStore;
    fn deref(&self) -> &SqlStore {
        &self.store
    }
}

impl Fresh {
    /// Another handle on the same database: what a second process would open.
    async fn reopen(&self) -> SqlStore {
        SqlStore::open(&self.location).await.expect("reopen")
    }
}

async fn fresh(backend: Backend) -> Fresh {
    let (location, dir) = match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("g.db");
            (path.to_str().expect("utf-8").to_owned(), Some(dir))
        }
        Backend::Postgres => (crate::testing::postgres_database("conformance").await, None),
    };
    let store = SqlStore::open(&location).await.expect("open");
    Fresh {
        store,
        location,
        _dir: dir,
    }
}

/// Each behaviour becomes one test per backend.
macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                super::$name(super::Backend::Sqlite).await
            })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                super::$name(super::Backend::Postgres).await
            })*
        }
    };
}

conformance!(
    every_record_round_trips,
    loading_for_the_engine_streams_the_same_state_with_lean_observations,
    a_checkpoint_stands_in_for_the_observations_it_covers,
    a_failing_commit_writes_nothing,
    observations_and_audit_cannot_be_changed_or_deleted,
    sessions_and_tokens_are_found_by_hash_until_ended_or_revoked,
    history_keeps_every_value_of_a_cell,
    observations_are_found_by_the_beginning_of_their_source,
    reopening_applies_no_migration_twice_and_detects_edits,
    many_observations_are_written_in_batches_and_read_back_exactly,
    a_commit_behind_another_process_is_refused_and_writes_nothing,
    concurrent_writers_on_two_handles_lose_nothing,
    a_pruned_change_log_asks_for_a_reload,
    commits_are_announced_to_listeners,
    usernames_are_unique_without_case,
    evidence_files_are_kept_once_and_cannot_be_changed,
    a_backup_restores_every_row,
    a_backup_restores_only_into_an_empty_database_and_refuses_damage,
    backups_cover_every_column_of_the_schema,
    the_change_log_holds_a_batch_as_pinned,
    a_backup_line_of_every_table_is_pinned,
    reporting_records_are_kept_as_written_and_old_backups_restore_without_them,
    validation_rules_are_kept_as_written_and_cannot_change,
    an_amendment_is_kept_as_written_applied_on_load_and_cannot_change,
    the_bulk_path_leaves_an_audit_entry_per_batch,
    a_correction_is_kept_beside_the_record_it_corrects,
    an_account_gains_grants_once_and_is_disabled_and_enabled_with_its_audit,
    a_contact_is_set_and_replaced_and_a_days_digest_is_claimed_once,
    the_audit_trail_is_searched_by_unit_actor_action_object_and_days_in_pages,
    a_streamed_import_writes_every_figure_with_its_audit_row,
    a_streamed_import_let_go_in_the_middle_writes_nothing,
    a_streamed_import_with_a_figure_the_store_refuses_writes_nothing,
);

fn provenance() -> Provenance {
    Provenance {
        source: "test".into(),
        recorded_by: "tester".into(),
        recorded_at: time::macros::datetime!(2026-11-23 10:00 UTC),
    }
}

fn sample() -> Vec<Record> {
    let unit = Unit {
        id: UnitId(1),
        code: UnitCode::parse("40").expect("code"),
        kind: UnitKind::Locality,
        name: Translations::vi("Nghệ An").with(Language::En, "Nghe An"),
        parent: None,
        valid_from: Some(time::macros::date!(1976 - 01 - 01)),
        valid_to: None,
        provenance: provenance(),
    };
    let indicator = Indicator {
        id: IndicatorId(1),
        code: IndicatorCode::parse("RETAIL_SALES").expect("code"),
        name: Translations::vi("Tổng mức bán lẻ hàng hóa"),
        measure: Translations::vi("tỷ đồng").with(Language::En, "VND billion"),
        decimals: 0,
        direction: giamsat_core::Direction::HigherIsBetter,
        across_units: AcrossUnits::Sum,
        over_time: giamsat_core::OverTime::Flow,
        same_period_base: None,
        provenance: provenance(),
    };
    let rate = Indicator {
        id: IndicatorId(2),
        code: IndicatorCode::parse("RATE").expect("code"),
        across_units: AcrossUnits::Ratio {
            numerator: IndicatorId(1),
            denominator: IndicatorId(1),
            scale: 100.0,
        },
        over_time: giamsat_core::OverTime::Rate,
        same_period_base: Some(giamsat_core::SamePeriodBase::GrowthPercent),
        ..indicator.clone()
    };
    let document = Document {
        id: DocumentId(1),
        key: DocumentKey::parse("21-NQ-TU-2022").expect("key"),
        number: Some("21-NQ/TU".into()),
        doc_type: giamsat_core::DocumentType::Resolution,
        issued_by: UnitId(1),
        issued_on: Some(time::macros::date!(2022 - 01 - 25)),
        title: Translations::vi("Nghị quyết 21"),
        horizon: Horizon {
            target_year: Some(2025),
            orientation_year: Some(2030),
            vision_year: None,
        },
        provenance: provenance(),
    };
    let period: Period = "2023".parse().expect("p");
    let target = Target {
        id: TargetId(1),
        document: DocumentId(1),
        indicator: IndicatorId(1),
        unit: UnitId(1),
        period,
        value: 85_014.0,
        comparator: giamsat_core::Comparator::AtLeast,
        baseline: Some(Baseline {
            period: "2022".parse().expect("p"),
            value: 1.5,
        }),
        provenance: provenance(),
    };
    let scenario = Scenario::new(
        TargetId(1),
        period,
        vec![("2023-06".parse::<Period>().expect("p").start(), 40_000.0)],
        provenance(),
    )
    .expect("s");
    let observation =
        |id: u64, value: f64, kind: ObservationKind, corrects: Option<u64>| Observation {
            id: ObservationId(id),
            indicator: IndicatorId(1),
            unit: UnitId(1),
            period: "2023-YTD05".parse().expect("p"),
            value,
            kind,
            reported_by: Some(UnitId(1)),
            document: Some(DocumentId(1)),
            corrects: corrects.map(ObservationId),
            note: corrects.map(|_| "official figure".to_owned()),
            provenance: provenance(),
        };
    let successor = Unit {
        id: UnitId(2),
        code: UnitCode::parse("40-NEW").expect("code"),
        valid_from: Some(time::macros::date!(2025 - 07 - 01)),
        ..unit.clone()
    };
    let succession = giamsat_core::Succession {
        predecessor: UnitId(1),
        successor: UnitId(2),
        share: 0.5,
        from: time::macros::date!(2025 - 07 - 01),
        provenance: provenance(),
    };
    vec![
        Record::Unit(unit),
        Record::Unit(successor),
        Record::Succession(succession),
        Record::Indicator(indicator),
        Record::Indicator(rate),
        Record::Document(document),
        Record::Target(target),
        Record::Scenario(scenario),
        Record::Observation(observation(1, 36_000.0, ObservationKind::Estimate, None)),
        Record::Observation(observation(2, 36_539.0, ObservationKind::Official, Some(1))),
        Record::ReportedScorecard(ReportedScorecard {
            unit: UnitId(1),
            period,
            met: 15,
            set: 15,
            document: None,
            provenance: provenance(),
        }),
    ]
}

async fn sessions_and_tokens_are_found_by_hash_until_ended_or_revoked(backend: Backend) {
    let store = fresh(backend).await;
    store.commit(&sample(), &[], 0).await.expect("commit");
    let at = time::macros::datetime!(2026-11-23 10:00 UTC);
    let audit = |action: &str| AuditEntry {
        at,
        actor: "lan".into(),
        action: action.into(),
        object: "account:lan".into(),
        before: None,
        after: None,
        unit: None,
    };
    let grants = vec![
        giamsat_core::access::Grant::everywhere(giamsat_core::access::Role::Admin),
        giamsat_core::access::Grant::over(giamsat_core::access::Role::Reporter, UnitId(1)),
    ];
    let account_id = store
        .create_account(
            &NewAccount {
                username: "lan".into(),
                display_name: "Lan".into(),
                password_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y".into(),
                grants: grants.clone(),
            },
            &audit("account.create"),
        )
        .await
        .expect("account");
    let account = store.account("LAN").await.expect("read").expect("found");
    assert_eq!((account.id, account.grants.len()), (account_id, 2));
    assert!(account.grants.iter().all(|g| grants.contains(g)));

    let session = NewSession {
        token_hash: "h1".into(),
        account_id,
        csrf_token: "c1".into(),
        created_at: at,
        expires_at: at + time::Duration::hours(12),
    };
    store
        .start_session(&session, &audit("session.start"))
        .await
        .expect("start");
    let found = store.session("h1").await.expect("read").expect("found");
    assert_eq!(
        (found.account.id, found.csrf_token.as_str()),
        (account_id, "c1")
    );
    assert!(store.session("h2").await.expect("read").is_none());
    store.end_session("h1", at, None).await.expect("end");
    assert!(store.session("h1").await.expect("read").is_none());

    let token = NewApiToken {
        token_hash: "t1".into(),
        account_id,
        name: "province feed".into(),
        created_at: at,
        created_by: "lan".into(),
    };
    let id = store
        .create_api_token(&token, &audit("token.create"))
        .await
        .expect("token");
    let (used, owner) = store
        .use_api_token("t1", at)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(
        (used.id, owner.id, used.last_used_at),
        (id, account_id, Some(at))
    );
    assert!(
        !store
            .revoke_api_token(account_id + 1, id, &audit("token.revoke"))
            .await
            .expect("other account")
    );
    assert!(
        store
            .revoke_api_token(account_id, id, &audit("token.revoke"))
            .await
            .expect("revoke")
    );
    assert!(
        !store
            .revoke_api_token(account_id, id, &audit("token.revoke"))
            .await
            .expect("twice")
    );
    let (revoked, _) = store
        .use_api_token("t1", at)
        .await
        .expect("read")
        .expect("still stored");
    assert!(revoked.revoked_at.is_some());
    assert_eq!(store.api_tokens(account_id).await.expect("list").len(), 1);

    // A new password ends the live sessions and tokens of the account, with the change.
    let later = at + time::Duration::hours(1);
    store
        .start_session(
            &NewSession {
                token_hash: "h3".into(),
                ..session
            },
            &audit("session.start"),
        )
        .await
        .expect("start");
    let live = store
        .create_api_token(
            &NewApiToken {
                token_hash: "t2".into(),
                ..token
            },
            &audit("token.create"),
        )
        .await
        .expect("token");
    let mut change = audit("account.password");
    change.at = later;
    assert!(
        store
            .set_password("lan", "$argon2id$v=19$m=19456,t=2,p=1$n$w", &change)
            .await
            .expect("set")
    );
    assert!(store.session("h3").await.expect("read").is_none());
    let tokens = store.api_tokens(account_id).await.expect("list");
    let ended = tokens.iter().find(|t| t.id == live).expect("listed");
    assert_eq!(ended.revoked_at, Some(later));
    // The one revoked before keeps its own time.
    let earlier = tokens.iter().find(|t| t.id == id).expect("listed");
    assert_eq!(earlier.revoked_at, Some(at));
}

fn audit(action: &str, object: &str, unit: Option<UnitId>) -> AuditEntry {
    AuditEntry {
        at: time::macros::datetime!(2026-11-23 10:00 UTC),
        actor: "tester".into(),
        action: action.into(),
        object: object.into(),
        before: None,
        after: Some(serde_json::json!({"value": 36539})),
        unit,
    }
}

/// `count` further observations of the sample's cell, with ids from `first`.
fn observations(first: u64, count: u64) -> Vec<Record> {
    (first..first + count)
        .map(|id| {
            Record::Observation(Observation {
                id: ObservationId(id),
                indicator: IndicatorId(1),
                unit: UnitId(1),
                period: "2023-YTD05".parse().expect("p"),
                // Values no float rounding could produce by accident.
                value: id as f64 * 1.25 + 0.1,
                kind: ObservationKind::Estimate,
                reported_by: None,
                document: None,
                corrects: None,
                note: (id % 3 == 0).then(|| format!("ghi chú {id} — “trích” 'x'")),
                provenance: provenance(),
            })
        })
        .collect()
}

async fn every_record_round_trips(backend: Backend) {
    let store = fresh(backend).await;
    let records = sample();
    assert_eq!(store.commit(&records, &[], 0).await.expect("commit"), 1);
    let loaded = store.load().await.expect("load");
    assert_eq!((loaded.records.clone(), loaded.head), (records, 1));
    Engine::from_records(loaded.records).expect("the engine accepts what the store returns");
}

/// `load_into` is how the engine is fed at start (straight from the file on SQLite): the same
/// records in the same order as `load`, observations keeping what the engine uses.
async fn loading_for_the_engine_streams_the_same_state_with_lean_observations(backend: Backend) {
    let store = fresh(backend).await;
    let mut records = sample();
    // Enough observations to fill blocks of both SQLite readers, of every kind: the order
    // compared below is the order their blocks are dealt in.
    let kinds = ObservationKind::ALL;
    records.extend((0..20_000u64).map(|n| {
        Record::Observation(Observation {
            id: ObservationId(3 + n),
            indicator: IndicatorId(1),
            unit: UnitId(1 + (n % 2) as u32),
            period: Period::month(
                Month::new(2000 + (n / 12 % 50) as i32, 1 + (n % 12) as u8).expect("month"),
            ),
            value: n as f64 * 0.1 + 1e-7,
            kind: kinds[n as usize % 3],
            reported_by: None,
            document: None,
            corrects: None,
            note: None,
            provenance: provenance(),
        })
    }));
    let head = store.commit(&records, &[], 0).await.expect("commit");
    let mut streamed = Vec::new();
    let streamed_head = store
        .load_into(false, &mut |loaded| match loaded {
            Loaded::Record(record) => streamed.push(record),
            Loaded::Observations(block) => {
                streamed.extend(block.into_iter().map(Record::Observation))
            }
            Loaded::CheckpointPart(_) => panic!("no checkpoint was asked for"),
        })
        .await
        .expect("load_into");
    let loaded = store.load().await.expect("load");
    assert_eq!((streamed_head, loaded.head), (head, head));
    assert_eq!(streamed.len(), loaded.records.len());
    for (lean, full) in streamed.iter().zip(&loaded.records) {
        match (lean, full) {
            (Record::Observation(lean), Record::Observation(full)) => {
                let cell = |o: &Observation| {
                    (
                        o.id,
                        o.indicator,
                        o.unit,
                        o.period,
                        o.value.to_bits(),
                        o.kind,
                        o.corrects,
                    )
                };
                assert_eq!(cell(lean), cell(full));
                assert!(lean.provenance.source.is_empty() && lean.note.is_none());
            }
            (lean, full) => assert_eq!(lean, full),
        }
    }
    Engine::from_records(streamed).expect("the engine accepts what is streamed");
}

/// A damaged row in a block of the second SQLite reader stops the start with the row named,
/// the other reader let go rather than left waiting to send.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_row_read_from_the_file_is_named_and_ends_the_load() {
    let store = fresh(Backend::Sqlite).await;
    let observation = |n: u64| {
        Record::Observation(Observation {
            id: ObservationId(n),
            indicator: IndicatorId(1),
            unit: UnitId(1),
            period: Period::month(
                Month::new(2000 + (n / 12 % 50) as i32, 1 + (n % 12) as u8).expect("month"),
            ),
            value: n as f64,
            kind: ObservationKind::Official,
            reported_by: None,
            document: None,
            corrects: None,
            note: None,
            provenance: provenance(),
        })
    };
    let mut records = sample();
    records.extend((3..9_000).map(observation));
    let head = store.commit(&records, &[], 0).await.expect("commit");
    sqlx::query(
        "INSERT INTO observations (id, indicator_id, unit_id, period, value, kind, source, recorded_by, recorded_at)
         VALUES (9000, 1, 1, 'sometime', 1.0, 'official', 'test', 'tester', '2026-11-23T10:00:00Z')",
    )
    .execute(store.pool())
    .await
    .expect("a row the store would never write");
    let later: Vec<Record> = (9_001..120_000).map(observation).collect();
    store.commit(&later, &[], head).await.expect("commit");
    let mut applied = 0usize;
    let mut count = |_| applied += 1;
    let loading = store.load_into(false, &mut count);
    let outcome = tokio::time::timeout(std::time::Duration::from_secs(60), loading)
        .await
        .expect("the load ends");
    match outcome {
        Err(StoreError::Corrupt { table, id, problem }) => {
            assert_eq!((table, id), ("observations", 9000));
            assert!(problem.contains("sometime"), "{problem}");
        }
        other => panic!("expected the damaged row named, got {other:?}"),
    }
    assert!(applied < records.len() + later.len());
}

/// Observations of indicator 1 at units 1 and 2, every fourth correcting the figure its cell
/// shows in `engine`, which is brought up to date.
fn checked_observations(engine: &mut Engine, ids: std::ops::Range<u64>) -> Vec<Record> {
    ids.map(|n| {
        let mut observation = Observation {
            id: ObservationId(n),
            indicator: IndicatorId(1),
            unit: UnitId(1 + (n % 2) as u32),
            period: Period::month(
                Month::new(2000 + (n / 24 % 30) as i32, 1 + (n / 2 % 12) as u8).expect("month"),
            ),
            value: n as f64 * 0.5,
            kind: ObservationKind::ALL[n as usize % 3],
            reported_by: None,
            document: None,
            corrects: None,
            note: None,
            provenance: provenance(),
        };
        if n % 4 == 0 {
            observation.corrects = engine
                .reported(observation.indicator, observation.unit, observation.period)
                .map(|(id, ..)| id);
        }
        let record = Record::Observation(observation);
        engine.apply(record.clone()).expect("observation");
        record
    })
    .collect()
}

/// The parts as the application sends them, with the closing word or without it.
fn sent(parts: Vec<Vec<u8>>, ended: bool) -> tokio::sync::mpsc::Receiver<CheckpointPart> {
    let (send, receive) = tokio::sync::mpsc::channel(parts.len() + 1);
    for part in parts {
        send.try_send(CheckpointPart::Part(part)).expect("room");
    }
    if ended {
        send.try_send(CheckpointPart::End).expect("room");
    }
    receive
}

async fn a_checkpoint_stands_in_for_the_observations_it_covers(backend: Backend) {
    let store = fresh(backend).await;
    let mut engine = Engine::from_records(sample()).expect("sample");
    let mut records = sample();
    let first = engine.last_observation_id() + 1;
    records.extend(checked_observations(&mut engine, first..first + 3000));
    let head = store.commit(&records, &[], 0).await.expect("commit");
    let through = engine.last_observation_id();
    store
        .save_checkpoint(through, sent(engine.checkpoint(), true))
        .await
        .expect("save");
    let later = checked_observations(&mut engine, through + 1..through + 2000);
    let head = store.commit(&later, &[], head).await.expect("commit");

    let mut restored = Engine::new();
    let (mut parts, mut after) = (0, Vec::new());
    let loaded_head = store
        .load_into(true, &mut |loaded| match loaded {
            Loaded::Record(record) => {
                if let Record::Observation(o) = &record {
                    after.push(o.id.0);
                }
                restored.apply_unsettled(record).expect("applies");
            }
            Loaded::Observations(block) => {
                for observation in &block {
                    after.push(observation.id.0);
                    restored
                        .apply_unsettled_observation(observation)
                        .expect("applies");
                }
            }
            Loaded::CheckpointPart(part) => {
                parts += 1;
                restored.restore_checkpoint_part(&part).expect("restores");
            }
        })
        .await
        .expect("load_into");
    restored.settle();
    assert_eq!(loaded_head, head);
    assert!(parts > 0);
    assert_eq!(after, (through + 1..through + 2000).collect::<Vec<_>>());
    let full = Engine::from_records(store.load().await.expect("load").records).expect("load");
    assert_eq!(restored.checkpoint(), full.checkpoint());
    assert_eq!(restored.checkpoint(), engine.checkpoint());

    // A save cut short (parts that no checkpoint names) changes nothing, and the next save
    // deletes it with the older generation.
    sqlx::query("INSERT INTO engine_checkpoint_parts (generation, part, bytes) VALUES (99, 0, $1)")
        .bind(b"GSCK".to_vec())
        .execute(store.pool())
        .await
        .expect("stray part");
    assert_eq!(first_read_from_rows(&*store).await, Some(through + 1));
    store
        .save_checkpoint(
            engine.last_observation_id(),
            sent(engine.checkpoint(), true),
        )
        .await
        .expect("save again");
    assert_eq!(
        first_read_from_rows(&*store).await,
        None,
        "every figure is in the checkpoint"
    );
    let rows: (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM engine_checkpoints),
                (SELECT count(DISTINCT generation) FROM engine_checkpoint_parts)",
    )
    .fetch_one(store.pool())
    .await
    .expect("count");
    assert_eq!(rows, (1, 1));

    // Parts that stop without the closing word (the encoding failed half-way) name no
    // checkpoint: the one saved before stays in force.
    let later = checked_observations(&mut engine, through + 2000..through + 2100);
    store.commit(&later, &[], head).await.expect("commit");
    let mut parts = engine.checkpoint();
    parts.truncate(parts.len().saturating_sub(1).max(1));
    let err = store
        .save_checkpoint(engine.last_observation_id(), sent(parts, false))
        .await
        .expect_err("cut short");
    assert!(
        matches!(err, StoreError::CheckpointCutShort { .. }),
        "{err}"
    );
    assert_eq!(
        first_read_from_rows(&*store).await,
        Some(through + 2000),
        "the earlier checkpoint is read, then the rows after it"
    );

    // A checkpoint of observations the store does not hold is refused, and the one kept
    // stays as it was.
    let beyond = engine.last_observation_id() + 1;
    let err = store
        .save_checkpoint(beyond, sent(engine.checkpoint(), true))
        .await
        .expect_err("ahead");
    assert!(matches!(err, StoreError::CheckpointAhead { .. }), "{err}");
    assert_eq!(first_read_from_rows(&*store).await, Some(through + 2000));

    // A checkpoint that lacks a part is not read: every observation is.
    sqlx::query("DELETE FROM engine_checkpoint_parts")
        .execute(store.pool())
        .await
        .expect("delete parts");
    assert_eq!(first_read_from_rows(&*store).await, Some(1));
}

/// The id of the first observation that loading from the checkpoint reads from rows.
async fn first_read_from_rows(store: &impl Store) -> Option<u64> {
    let mut first = None;
    store
        .load_into(true, &mut |loaded| {
            let read = match &loaded {
                Loaded::Record(Record::Observation(o)) => Some(o),
                Loaded::Observations(block) => block.first(),
                _ => None,
            };
            if let (None, Some(o)) = (first, read) {
                first = Some(o.id.0);
            }
        })
        .await
        .expect("load_into");
    first
}

async fn a_failing_commit_writes_nothing(backend: Backend) {
    let store = fresh(backend).await;
    let mut records = sample();
    records.push(records[0].clone()); // the same unit twice: unique violation at the end
    let err = store.commit(&records, &[], 0).await.expect_err("conflict");
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    let loaded = store.load().await.expect("load");
    assert!(loaded.records.is_empty());
    assert_eq!(loaded.head, 0, "the change-log entry went with the rest");
    assert_eq!(
        store.changes_since(0).await.expect("changes"),
        Changes::Batches(vec![])
    );
}

async fn observations_and_audit_cannot_be_changed_or_deleted(backend: Backend) {
    let store = fresh(backend).await;
    let entry = audit(
        "observation.record",
        "observation:RETAIL_SALES/40/2023-YTD05",
        Some(UnitId(1)),
    );
    store
        .commit(&sample(), std::slice::from_ref(&entry), 0)
        .await
        .expect("commit");
    for sql in [
        "UPDATE observations SET value = 0",
        "DELETE FROM observations",
        "UPDATE audit_log SET actor = 'someone else'",
        "DELETE FROM audit_log",
    ] {
        let err = sqlx::query(sql).execute(store.pool()).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    let trail = store
        .audit_trail(Some("observation:RETAIL_SALES/"), 10)
        .await
        .expect("trail");
    assert_eq!(trail, vec![entry.clone()]);
    let of_unit = store
        .audit_of_units(&[UnitId(1)], None, 10)
        .await
        .expect("unit");
    assert_eq!(of_unit, vec![entry.clone()]);
    // Both filters apply: the unit's entries for the object, none for another object.
    let both = store
        .audit_of_units(&[UnitId(1)], Some("observation:RETAIL_SALES/"), 10)
        .await
        .expect("unit and object");
    assert_eq!(both, vec![entry]);
    assert!(
        store
            .audit_of_units(&[UnitId(1)], Some("observation:EXPORTS/"), 10)
            .await
            .expect("unit and object")
            .is_empty()
    );
    assert!(
        store
            .audit_of_units(&[UnitId(2)], None, 10)
            .await
            .expect("unit")
            .is_empty()
    );
    assert!(
        store
            .audit_trail(Some("observation:%"), 10)
            .await
            .expect("trail")
            .is_empty()
    );
}

async fn history_keeps_every_value_of_a_cell(backend: Backend) {
    let store = fresh(backend).await;
    store.commit(&sample(), &[], 0).await.expect("commit");
    let history = store
        .observation_history(IndicatorId(1), UnitId(1), "2023-YTD05".parse().expect("p"))
        .await
        .expect("history");
    let values: Vec<_> = history.iter().map(|o| (o.value, o.kind)).collect();
    assert_eq!(
        values,
        vec![
            (36_000.0, ObservationKind::Estimate),
            (36_539.0, ObservationKind::Official)
        ]
    );
    // The latest alone, newest first, with the count of all.
    let cell = |latest| {
        store.latest_observations(
            IndicatorId(1),
            UnitId(1),
            "2023-YTD05".parse().expect("p"),
            latest,
        )
    };
    let (latest, all) = cell(1).await.expect("latest");
    assert_eq!(all, 2);
    assert_eq!(
        latest.iter().map(|o| o.value).collect::<Vec<_>>(),
        [36_539.0]
    );
    let (latest, all) = cell(5).await.expect("latest");
    assert_eq!((latest.len(), all), (2, 2));
    assert!(latest[0].id > latest[1].id, "newest first");
    let (none, all) = store
        .latest_observations(IndicatorId(1), UnitId(1), "2021-02".parse().expect("p"), 3)
        .await
        .expect("empty cell");
    assert!(none.is_empty() && all == 0);
}

async fn observations_are_found_by_the_beginning_of_their_source(backend: Backend) {
    let store = fresh(backend).await;
    let mut records = sample();
    let mut cited = 0;
    for record in &mut records {
        if let Record::Observation(o) = record {
            cited += 1;
            // One source with a wildcard character of LIKE, one that only looks alike.
            o.provenance.source = if cited == 1 {
                "/intake/ab_c#c10-20".into()
            } else {
                "/intake/abxc#c10-20".into()
            };
        }
    }
    store.commit(&records, &[], 0).await.expect("commit");
    let found = store
        .observations_citing("/intake/ab_c#")
        .await
        .expect("found");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].provenance.source, "/intake/ab_c#c10-20");
    assert!(
        store
            .observations_citing("/intake/none#")
            .await
            .expect("none")
            .is_empty()
    );
}

async fn reopening_applies_no_migration_twice_and_detects_edits(backend: Backend) {
    let store = fresh(backend).await;
    store.commit(&sample(), &[], 0).await.expect("commit");
    let again = store.reopen().await;
    assert_eq!(
        again.load().await.expect("load").records.len(),
        sample().len()
    );
    sqlx::query("UPDATE schema_migrations SET checksum = 'x' WHERE version = 1")
        .execute(again.pool())
        .await
        .expect("tamper");
    let err = SqlStore::open(&store.location)
        .await
        .err()
        .expect("edited migration refused");
    assert!(
        matches!(err, StoreError::MigrationEdited { version: 1, .. }),
        "{err}"
    );
}

async fn many_observations_are_written_in_batches_and_read_back_exactly(backend: Backend) {
    let store = fresh(backend).await;
    store.commit(&sample(), &[], 0).await.expect("commit");
    // More than two multi-row statements, with a unit in the middle to split a run.
    let mut batch = observations(10, 700);
    let extra = Unit {
        id: UnitId(3),
        code: UnitCode::parse("41").expect("code"),
        ..match &sample()[0] {
            Record::Unit(u) => u.clone(),
            _ => unreachable!("the sample starts with a unit"),
        }
    };
    batch.insert(300, Record::Unit(extra));
    batch.extend(observations(710, 600));
    assert_eq!(store.commit(&batch, &[], 1).await.expect("bulk"), 2);
    let loaded = store.load().await.expect("load");
    let written: Vec<&Observation> = loaded
        .records
        .iter()
        .filter_map(|r| match r {
            Record::Observation(o) if o.id.0 >= 10 => Some(o),
            _ => None,
        })
        .collect();
    let expected: Vec<&Observation> = batch
        .iter()
        .filter_map(|r| match r {
            Record::Observation(o) => Some(o),
            _ => None,
        })
        .collect();
    assert_eq!(written, expected);
    let Changes::Batches(changes) = store.changes_since(1).await.expect("changes") else {
        panic!("a batch of 1,301 records is logged whole");
    };
    assert_eq!(changes, vec![(2, batch)]);
}

async fn a_commit_behind_another_process_is_refused_and_writes_nothing(backend: Backend) {
    let first = fresh(backend).await;
    let second = first.reopen().await;
    assert_eq!(first.commit(&sample(), &[], 0).await.expect("first"), 1);
    let late = observations(10, 3);
    let err = second
        .commit(&late, &[audit("x", "y", None)], 0)
        .await
        .expect_err("behind");
    assert!(matches!(err, StoreError::Behind { head: 1 }), "{err}");
    assert_eq!(second.audit_trail(None, 10).await.expect("trail"), vec![]);
    // The second process catches up from the log, then its write goes through.
    let Changes::Batches(changes) = second.changes_since(0).await.expect("changes") else {
        panic!("the log holds the first commit");
    };
    assert_eq!(changes, vec![(1, sample())]);
    assert_eq!(second.commit(&late, &[], 1).await.expect("caught up"), 2);
    let Changes::Batches(changes) = first.changes_since(1).await.expect("changes") else {
        panic!("the log holds the second commit");
    };
    assert_eq!(changes, vec![(2, late)]);
}

async fn concurrent_writers_on_two_handles_lose_nothing(backend: Backend) {
    let store = fresh(backend).await;
    store.commit(&sample(), &[], 0).await.expect("commit");
    let handles = [store.reopen().await, store.reopen().await];
    let per_writer = 25u64;
    let writers = handles.iter().enumerate().map(|(w, handle)| async move {
        let mut head = 1;
        let mut refused = 0;
        for n in 0..per_writer {
            let id = 1_000 * (w as u64 + 1) + n;
            loop {
                match handle.commit(&observations(id, 1), &[], head).await {
                    Ok(seq) => {
                        head = seq;
                        break;
                    }
                    Err(StoreError::Behind { head: now }) => {
                        refused += 1;
                        head = now;
                    }
                    Err(e) => panic!("writer {w}: {e}"),
                }
            }
        }
        refused
    });
    let refused: u32 = futures_util::future::join_all(writers).await.iter().sum();
    let loaded = store.load().await.expect("load");
    assert_eq!(loaded.head, 1 + 2 * per_writer as i64);
    let Changes::Batches(changes) = store.changes_since(0).await.expect("log") else {
        panic!("nothing was pruned");
    };
    let seqs: Vec<i64> = changes.iter().map(|c| c.0).collect();
    assert_eq!(
        seqs,
        (1..=loaded.head).collect::<Vec<_>>(),
        "no gap, no repeat"
    );
    let observed = loaded
        .records
        .iter()
        .filter(|r| matches!(r, Record::Observation(o) if o.id.0 >= 1_000))
        .count();
    assert_eq!(observed as u64, 2 * per_writer);
    eprintln!("{refused} commits were behind and retried");
}

async fn a_pruned_change_log_asks_for_a_reload(backend: Backend) {
    let store = fresh(backend).await;
    store.commit(&sample(), &[], 0).await.expect("one");
    store
        .commit(&observations(10, 1), &[], 1)
        .await
        .expect("two");
    store
        .commit(&observations(11, 1), &[], 2)
        .await
        .expect("three");
    sqlx::query("DELETE FROM change_log WHERE seq <= 2")
        .execute(store.pool())
        .await
        .expect("prune");
    assert_eq!(store.changes_since(0).await.expect("log"), Changes::Reload);
    assert_eq!(store.changes_since(1).await.expect("log"), Changes::Reload);
    assert!(matches!(
        store.changes_since(2).await.expect("log"),
        Changes::Batches(b) if b.len() == 1
    ));
    assert_eq!(store.load().await.expect("load").head, 3);
}

async fn commits_are_announced_to_listeners(backend: Backend) {
    let store = fresh(backend).await;
    let listener = store.listen().await.expect("listen");
    match (backend, listener) {
        (Backend::Sqlite, listener) => assert!(listener.is_none(), "one process, no listener"),
        (Backend::Postgres, None) => panic!("PostgreSQL listens"),
        (Backend::Postgres, Some(mut listener)) => {
            let other = store.reopen().await;
            other.commit(&sample(), &[], 0).await.expect("commit");
            other
                .commit(&observations(10, 1), &[], 1)
                .await
                .expect("commit");
            let mut heard = Vec::new();
            while heard.len() < 2 {
                let next =
                    tokio::time::timeout(std::time::Duration::from_secs(10), listener.next())
                        .await
                        .expect("announced within 10 s")
                        .expect("listen");
                heard.extend(next);
            }
            assert_eq!(heard, vec![1, 2]);
            // A refused commit announces nothing.
            assert!(other.commit(&observations(11, 1), &[], 0).await.is_err());
            assert!(
                tokio::time::timeout(std::time::Duration::from_millis(300), listener.next())
                    .await
                    .is_err()
            );
        }
    }
    assert!(store.shared() == matches!(backend, Backend::Postgres));
}

async fn usernames_are_unique_without_case(backend: Backend) {
    let store = fresh(backend).await;
    let account = |name: &str| NewAccount {
        username: name.into(),
        display_name: "Lan".into(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y".into(),
        grants: vec![],
    };
    let entry = audit("account.create", "account:lan", None);
    store
        .create_account(&account("Lan"), &entry)
        .await
        .expect("first");
    let err = store
        .create_account(&account("LAN"), &entry)
        .await
        .expect_err("taken");
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    assert!(store.account("lAn").await.expect("read").is_some());
    assert!(
        store
            .set_password("lan", "$argon2id$v=19$m=19456,t=2,p=1$a$b", &entry)
            .await
            .expect("set")
    );
    assert!(
        !store
            .set_password("nobody", "$argon2id$x", &entry)
            .await
            .expect("no one")
    );
}

async fn an_account_gains_grants_once_and_is_disabled_and_enabled_with_its_audit(backend: Backend) {
    use giamsat_core::access::{Grant, Role};
    let store = fresh(backend).await;
    store.commit(&sample(), &[], 0).await.expect("units");
    let account = |name: &str| NewAccount {
        username: name.into(),
        display_name: name.into(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y".into(),
        grants: vec![Grant::over(Role::Viewer, UnitId(1))],
    };
    let entry = |action: &str| audit(action, "account:lan", None);
    for name in ["Lan", "an"] {
        store
            .create_account(&account(name), &entry("account.create"))
            .await
            .expect("created");
    }
    let office = Grant::over(Role::Office, UnitId(1));
    for _ in 0..2 {
        assert!(
            store
                .add_grant("LAN", &office, &entry("account.grant"))
                .await
                .expect("granted")
        );
    }
    assert!(
        !store
            .add_grant("nobody", &office, &entry("account.grant"))
            .await
            .expect("no one")
    );
    assert!(
        store
            .set_disabled("lan", true, &entry("account.disable"))
            .await
            .expect("disabled")
    );
    let all = store.accounts().await.expect("accounts");
    let names: Vec<&str> = all.iter().map(|a| a.username.as_str()).collect();
    assert_eq!(names, ["an", "Lan"], "by username, without case");
    let lan = &all[1];
    assert!(lan.disabled);
    assert_eq!(
        lan.grants,
        vec![office, Grant::over(Role::Viewer, UnitId(1))]
    );
    assert!(!all[0].disabled);
    assert!(
        store
            .set_disabled("lan", false, &entry("account.enable"))
            .await
            .expect("enabled")
    );
    assert!(
        !store
            .account("lan")
            .await
            .expect("read")
            .expect("lan")
            .disabled
    );
    let actions: Vec<String> = store
        .audit_trail(Some("account:"), 20)
        .await
        .expect("trail")
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        [
            "account.enable",
            "account.disable",
            "account.grant",
            "account.grant",
            "account.create",
            "account.create"
        ]
    );
}

async fn evidence_files_are_kept_once_and_cannot_be_changed(backend: Backend) {
    let store = fresh(backend).await;
    let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let file = EvidenceFile {
        sha256: "a".repeat(64),
        name: "báo cáo.pdf".into(),
        content_type: "application/pdf".into(),
        size: bytes.len() as u64,
    };
    let entry = audit("evidence.add", "evidence:a", None);
    store
        .put_evidence_file(&file, &bytes, &entry)
        .await
        .expect("put");
    store
        .put_evidence_file(
            &EvidenceFile {
                name: "again.pdf".into(),
                ..file.clone()
            },
            b"x",
            &entry,
        )
        .await
        .expect("put again");
    assert_eq!(
        store.evidence_file(&file.sha256).await.expect("read"),
        Some((file.clone(), bytes))
    );
    assert_eq!(store.audit_trail(None, 10).await.expect("trail").len(), 1);
    let err = sqlx::query("DELETE FROM evidence_files")
        .execute(store.pool())
        .await
        .expect_err("kept");
    assert!(!err.to_string().is_empty());
}

/// A task and its correction (a deadline extended) are two rows: the task as first written,
/// and the revision; loading applies them in order, so the engine holds the new deadline and
/// the history of versions, and neither row can be changed.
async fn a_correction_is_kept_beside_the_record_it_corrects(backend: Backend) {
    let store = fresh(backend).await;
    store.commit(&sample(), &[], 0).await.expect("commit");
    let follow = |value: serde_json::Value| -> Record {
        Record::FollowUp(serde_json::from_value(value).expect("a follow-up record"))
    };
    let recorded = serde_json::json!({"source": "test", "recorded_by": "tester", "recorded_at": "2026-11-23T10:00:00Z"});
    let task = follow(serde_json::json!({
        "record": "task", "id": 1, "title": "Rà soát quy hoạch",
        "origin": {"from": "document", "document": 1}, "lead": 1, "co_owners": [],
        "due": "2026-12-31", "provenance": recorded,
    }));
    let revision = follow(serde_json::json!({
        "record": "revision", "id": 2, "of": 1,
        "changes": [{"field": "due", "before": "2026-12-31", "after": "2027-03-31"}],
        "reason": "Quyết định 88/QĐ-UBND gia hạn", "provenance": recorded,
    }));
    store
        .commit(std::slice::from_ref(&task), &[], 1)
        .await
        .expect("task");
    store
        .commit(
            std::slice::from_ref(&revision),
            &[audit("task.revision", "task:1", Some(UnitId(1)))],
            2,
        )
        .await
        .expect("revision");
    let loaded = store.load().await.expect("load");
    assert!(loaded.records.ends_with(&[task, revision]));
    let engine = Engine::from_records(loaded.records).expect("the engine accepts them");
    let book = engine.follow_up();
    assert_eq!(
        book.task(giamsat_core::FollowUpId(1)).and_then(|t| t.due),
        Some(time::macros::date!(2027 - 03 - 31))
    );
    assert_eq!(book.revisions_of(giamsat_core::FollowUpId(1)).len(), 1);
    let trail = store.audit_trail(Some("task:1"), 10).await.expect("trail");
    assert_eq!(trail.len(), 1);
}

async fn the_audit_trail_is_searched_by_unit_actor_action_object_and_days_in_pages(
    backend: Backend,
) {
    let store = fresh(backend).await;
    store.commit(&sample(), &[], 0).await.expect("units");
    // Twelve entries over three days, by two actors, of two units and of none.
    let entries: Vec<AuditEntry> = (0..12u8)
        .map(|i| {
            let day = time::Date::from_calendar_date(2026, time::Month::November, 20 + i % 3)
                .expect("day");
            AuditEntry {
                at: day.with_hms(9, i, 0).expect("time").assume_utc(),
                actor: if i % 2 == 0 { "Lan" } else { "hai" }.into(),
                action: if i % 4 == 0 {
                    "task.revision"
                } else {
                    "observation.record"
                }
                .into(),
                object: format!("{}:{i}", if i % 4 == 0 { "task" } else { "observation" }),
                before: None,
                after: None,
                unit: match i % 3 {
                    0 => Some(UnitId(1)),
                    1 => None,
                    _ => Some(UnitId(2)),
                },
            }
        })
        .collect();
    store.commit(&[], &entries, 1).await.expect("entries");
    let search = |filter: AuditFilter| {
        let store = &store;
        async move {
            store
                .audit_search(&AuditFilter {
                    limit: 100,
                    ..filter
                })
                .await
                .expect("search")
                .into_iter()
                .map(|e| e.object)
                .collect::<Vec<String>>()
        }
    };
    let objects = |ids: &[u8]| -> Vec<String> {
        ids.iter()
            .map(|i| format!("{}:{i}", if i % 4 == 0 { "task" } else { "observation" }))
            .collect()
    };
    assert_eq!(search(AuditFilter::default()).await.len(), 12);
    assert_eq!(
        search(AuditFilter {
            units: Some(vec![UnitId(1)]),
            ..AuditFilter::default()
        })
        .await,
        objects(&[9, 6, 3, 0])
    );
    assert_eq!(
        search(AuditFilter {
            actor: Some("LAN".into()),
            action: Some("task.".into()),
            ..AuditFilter::default()
        })
        .await,
        objects(&[8, 4, 0])
    );
    assert_eq!(
        search(AuditFilter {
            object: Some("task:8".into()),
            ..AuditFilter::default()
        })
        .await,
        objects(&[8])
    );
    // 21 November alone: entries 1, 4, 7, 10.
    let day = time::macros::date!(2026 - 11 - 21);
    assert_eq!(
        search(AuditFilter {
            from: Some(day),
            to: Some(day),
            ..AuditFilter::default()
        })
        .await,
        objects(&[10, 7, 4, 1])
    );
    // Pages of five, newest first, with nothing lost or repeated between them.
    let mut pages = Vec::new();
    for page in 0..3 {
        let found = store
            .audit_search(&AuditFilter {
                offset: page * 5,
                limit: 5,
                ..AuditFilter::default()
            })
            .await
            .expect("page");
        pages.extend(found.into_iter().map(|e| e.object));
    }
    assert_eq!(pages, search(AuditFilter::default()).await);
    assert_eq!(
        search(AuditFilter {
            object: Some("%".into()),
            ..AuditFilter::default()
        })
        .await,
        Vec::<String>::new(),
        "no character of a filter is a wildcard"
    );
}

/// A store holding a row in every table.
async fn populated(backend: Backend) -> Fresh {
    let store = fresh(backend).await;
    let unit = Some(UnitId(1));
    store
        .commit(&sample(), &[audit("demo.load", "demo", unit)], 0)
        .await
        .expect("commit");
    // A second scenario of the target: history the engine does not load but a backup keeps.
    let Record::Scenario(scenario) = &sample()[7] else {
        panic!("the sample's eighth record is a scenario")
    };
    store
        .commit(&[Record::Scenario(scenario.clone())], &[], 1)
        .await
        .expect("scenario");
    sessions_for(&*store).await;
    let lan = store.account("lan").await.expect("read").expect("lan");
    store
        .set_contact(
            "lan",
            &Contact {
                email: Some("lan@example.vn".into()),
                language: "en".into(),
            },
            &audit("account.contact", "account:lan", None),
        )
        .await
        .expect("contact");
    store
        .claim_digest(
            lan.id,
            time::macros::date!(2026 - 11 - 23),
            2,
            time::macros::datetime!(2026-11-23 01:00 UTC),
        )
        .await
        .expect("digest");
    let bytes = b"%PDF-1.7 \x00\xff".to_vec();
    store
        .put_evidence_file(
            &EvidenceFile {
                sha256: "b".repeat(64),
                name: "biên bản.pdf".into(),
                content_type: "application/pdf".into(),
                size: bytes.len() as u64,
            },
            &bytes,
            &audit("evidence.add", "evidence:b", None),
        )
        .await
        .expect("evidence");
    let person: giamsat_core::follow_up::FollowUp = serde_json::from_value(serde_json::json!({
        "record": "person",
        "id": 1,
        "name": "Chamaléa Thị Thủy",
        "provenance": {"source": "test", "recorded_by": "tester", "recorded_at": "2026-11-23T10:00:00Z"}
    }))
    .expect("a person record");
    store
        .commit(&[Record::FollowUp(person)], &[], 2)
        .await
        .expect("person");
    store
}

async fn sessions_for(store: &impl Store) {
    let at = time::macros::datetime!(2026-11-23 10:00 UTC);
    let entry = audit("account.create", "account:lan", None);
    let id = store
        .create_account(
            &NewAccount {
                username: "lan".into(),
                display_name: "Nguyễn Thị Lan".into(),
                password_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y".into(),
                grants: vec![
                    giamsat_core::access::Grant::everywhere(giamsat_core::access::Role::Admin),
                    giamsat_core::access::Grant::over(
                        giamsat_core::access::Role::Reporter,
                        UnitId(1),
                    ),
                ],
            },
            &entry,
        )
        .await
        .expect("account");
    store
        .start_session(
            &NewSession {
                token_hash: "s1".into(),
                account_id: id,
                csrf_token: "c1".into(),
                created_at: at,
                expires_at: at + time::Duration::hours(12),
            },
            &entry,
        )
        .await
        .expect("session");
    store
        .create_api_token(
            &NewApiToken {
                token_hash: "t1".into(),
                account_id: id,
                name: "feed".into(),
                created_at: at,
                created_by: "lan".into(),
            },
            &entry,
        )
        .await
        .expect("token");
}

/// Who restores, in these tests.
fn restorer() -> BulkOrigin {
    BulkOrigin {
        actor: "restore".into(),
        source: "backup.jsonl".into(),
        at: time::macros::datetime!(2026-11-24 09:00 UTC),
    }
}

async fn backup_text(store: &impl Backup) -> String {
    let mut out = Vec::new();
    store.backup(&mut out).await.expect("backup");
    String::from_utf8(out).expect("utf-8")
}

/// The backup without its first line, which names the store it came from.
fn body(backup: &str) -> &str {
    backup.split_once('\n').map_or("", |(_, rest)| rest)
}

async fn a_backup_restores_every_row(backend: Backend) {
    let source = populated(backend).await;
    let backup = backup_text(&*source).await;
    for table in TABLES {
        assert!(
            backup.contains(&format!("\"table\":\"{}\"}}", table.0)),
            "{} is in the backup",
            table.0
        );
    }
    // Into the same kind of store and into the other kind: every row comes back.
    for target in [backend, other(backend)] {
        let restored = fresh(target).await;
        let summary = restored
            .restore(std::io::Cursor::new(backup.as_bytes()), &restorer())
            .await
            .expect("restore");
        assert_eq!(summary.tables, TABLES.len());
        assert_eq!(
            without_restore_entry(body(&backup_text(&*restored).await)),
            body(&backup).lines().collect::<Vec<_>>(),
            "{target:?}"
        );
        let (before, after) = (
            source.load().await.expect("load"),
            restored.load().await.expect("load"),
        );
        assert_eq!(before.records, after.records);
        assert_eq!(after.head, 0, "a restored database starts a new change log");
        // Numbering goes on past the restored rows.
        sessions_for_another(&*restored).await;
        assert_eq!(
            restored
                .account("lan")
                .await
                .expect("read")
                .map(|a| a.display_name),
            Some("Nguyễn Thị Lan".to_owned())
        );
        assert!(restored.session("s1").await.expect("read").is_some());
    }
}

/// A restored store's backup less what the restore added, to compare with the backup it was
/// restored from: its own audit entry, which must be the one row naming `backup.restore` and
/// the last of the audit trail, and that row in the end line's count.
fn without_restore_entry(backup: &str) -> Vec<String> {
    let mut lines: Vec<String> = backup.lines().map(str::to_owned).collect();
    let entries: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].contains("\"backup.restore\""))
        .collect();
    assert_eq!(
        entries.len(),
        1,
        "one audit entry for the restore: {entries:?}"
    );
    let at = entries[0];
    assert!(
        lines[at + 1].contains("\"table\":\"accounts\""),
        "the restore's entry ends the audit trail: {}",
        lines[at + 1]
    );
    lines.remove(at);
    let mut end: serde_json::Value =
        serde_json::from_str(&lines.pop().expect("end")).expect("end line");
    let rows = end["rows"].as_u64().expect("rows");
    end["rows"] = serde_json::Value::from(rows - 1);
    lines.push(end.to_string());
    lines
}

fn other(backend: Backend) -> Backend {
    match backend {
        Backend::Sqlite => Backend::Postgres,
        Backend::Postgres => Backend::Sqlite,
    }
}

async fn sessions_for_another(store: &impl Store) {
    let id = store
        .create_account(
            &NewAccount {
                username: "minh".into(),
                display_name: "Minh".into(),
                password_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y".into(),
                grants: vec![],
            },
            &audit("account.create", "account:minh", None),
        )
        .await
        .expect("an account after the restored ones");
    assert!(id > 1);
}

async fn a_backup_restores_only_into_an_empty_database_and_refuses_damage(backend: Backend) {
    let source = populated(backend).await;
    let backup = backup_text(&*source).await;
    let err = source
        .restore(std::io::Cursor::new(backup.as_bytes()), &restorer())
        .await
        .expect_err("not empty");
    assert!(matches!(err, BackupError::NotEmpty { .. }), "{err}");

    let lines: Vec<&str> = backup.lines().collect();
    let damaged = [
        (String::new(), 1, "empty"),
        (
            "PK\u{3}\u{4}binary".to_owned(),
            1,
            "not a giamsat backup header",
        ),
        (
            lines[..lines.len() - 1].join("\n"),
            lines.len() - 1,
            "truncated",
        ),
        (
            backup.replacen("\"Nghệ An\"", "12", 1),
            lines
                .iter()
                .position(|l| l.contains("\"Nghệ An\""))
                .expect("a name")
                + 1,
            "is not Text",
        ),
        (
            backup.replacen("\"table\":\"units\"", "\"table\":\"unitz\"", 1),
            2,
            "unknown table",
        ),
    ];
    for (text, line, problem) in damaged {
        let target = fresh(backend).await;
        let err = target
            .restore(std::io::Cursor::new(text.as_bytes()), &restorer())
            .await
            .expect_err(problem);
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("line {line}:")) && message.contains(problem),
            "{problem}: {message}"
        );
        let loaded = target.load().await.expect("load");
        assert!(loaded.records.is_empty(), "{problem}: nothing was restored");
        assert!(target.account("lan").await.expect("read").is_none());
    }
}

/// The backup's list of tables and columns is the schema of both stores, so a column added
/// by a migration but forgotten in backups fails here.
async fn backups_cover_every_column_of_the_schema(backend: Backend) {
    let store = fresh(backend).await;
    let tables_sql = match store.dialect() {
        Dialect::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        Dialect::Postgres => {
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1"
        }
    };
    let mut tables: Vec<String> = sqlx::query_scalar(tables_sql)
        .fetch_all(store.pool())
        .await
        .expect("tables");
    tables.retain(|t| !NOT_BACKED_UP.contains(&t.as_str()));
    let mut expected: Vec<String> = TABLES.iter().map(|t| t.0.to_owned()).collect();
    expected.sort();
    assert_eq!(tables, expected);
    for (table, columns) in TABLES {
        let columns_sql = match store.dialect() {
            Dialect::Sqlite => {
                format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid")
            }
            Dialect::Postgres => format!(
                "SELECT column_name::text FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position"
            ),
        };
        let found: Vec<String> = sqlx::query_scalar(&columns_sql)
            .fetch_all(store.pool())
            .await
            .expect("columns");
        let listed: Vec<&str> = columns.iter().map(|c| c.0).collect();
        assert_eq!(found, listed, "{table}");
    }
}

// ---------------------------------------------------------------------------------------
// Stored formats, pinned. A failing test here means a migration of stored data, never an
// edit of the expected JSON: databases, change logs and users' backup files already hold
// exactly these shapes.

/// One commit's batch as the change log holds it (`change_log.records`): a JSON array of
/// core's tagged records, in commit order. Together they fill every table a record goes to.
const PINNED_BATCH: &str = r#"[
  {"type": "unit", "record": {"id": 1, "code": "40", "kind": "locality",
    "name": {"vi": "Nghệ An", "en": "Nghe An", "fr": "province de Nghệ An"},
    "parent": null, "valid_from": "1976-01-01", "valid_to": "2025-06-30",
    "provenance": {"source": "Niên giám 2024", "recorded_by": "lan", "recorded_at": "2025-07-14T08:30:15Z"}}},
  {"type": "unit", "record": {"id": 2, "code": "40-SCT", "kind": "department",
    "name": {"vi": "Sở Công Thương"},
    "parent": 1, "valid_from": "2025-07-01", "valid_to": null,
    "provenance": {"source": "Niên giám 2024", "recorded_by": "lan", "recorded_at": "2025-07-14T08:30:15Z"}}},
  {"type": "succession", "record": {"predecessor": 1, "successor": 2, "share": 0.35,
    "from": "2025-07-01",
    "provenance": {"source": "Nghị quyết 202/2025/QH15", "recorded_by": "lan", "recorded_at": "2025-07-14T08:30:15Z"}}},
  {"type": "indicator", "record": {"id": 1, "code": "POVERTY_RATE",
    "name": {"vi": "Tỷ lệ hộ nghèo", "en": "Poverty rate"},
    "measure": {"vi": "%"},
    "decimals": 2, "direction": "lower_is_better",
    "across_units": {"rule": "ratio", "numerator": 1, "denominator": 1, "scale": 100.0},
    "over_time": "rate", "same_period_base": "index100",
    "provenance": {"source": "Niên giám 2024", "recorded_by": "lan", "recorded_at": "2025-07-14T08:30:15Z"}}},
  {"type": "document", "record": {"id": 1, "key": "39-NQ-TW-2021", "number": "39-NQ/TW",
    "doc_type": "resolution", "issued_by": 1, "issued_on": "2021-07-15",
    "title": {"vi": "Nghị quyết 39", "fr": "Résolution 39"},
    "horizon": {"target_year": 2025, "orientation_year": 2030, "vision_year": 2045},
    "provenance": {"source": "39-NQ/TW", "recorded_by": "lan", "recorded_at": "2025-07-14T08:30:15Z"}}},
  {"type": "target", "record": {"id": 1, "document": 1, "indicator": 1, "unit": 1,
    "period": "2023", "value": 1.5, "comparator": "at_most",
    "baseline": {"period": "2020", "value": 4.25},
    "provenance": {"source": "39-NQ/TW", "recorded_by": "lan", "recorded_at": "2025-07-14T08:30:15Z"}}},
  {"type": "scenario", "record": {"target": 1, "points": [[281, 2.75]],
    "provenance": {"source": "Kế hoạch 88/KH-UBND", "recorded_by": "lan", "recorded_at": "2025-07-14T08:30:15Z"}}},
  {"type": "observation", "record": {"id": 6, "indicator": 1, "unit": 1, "period": "2023-YTD05",
    "value": 3.4, "kind": "estimate", "reported_by": null, "document": null, "corrects": null,
    "note": null,
    "provenance": {"source": "Báo cáo 480/BC-UBND", "recorded_by": "minh", "recorded_at": "2025-06-20T02:00:00Z"}}},
  {"type": "observation", "record": {"id": 7, "indicator": 1, "unit": 1, "period": "2023-YTD05",
    "value": 3.1, "kind": "preliminary", "reported_by": 2, "document": 1, "corrects": 6,
    "note": "Số liệu sơ bộ",
    "provenance": {"source": "Báo cáo 512/BC-UBND", "recorded_by": "lan", "recorded_at": "2025-07-14T08:30:15Z"}}},
  {"type": "reported_scorecard", "record": {"unit": 1, "period": "2021-2025", "met": 14, "set": 15,
    "document": 1,
    "provenance": {"source": "Báo cáo 512/BC-UBND", "recorded_by": "lan", "recorded_at": "2025-07-14T08:30:15Z"}}},
  {"type": "follow_up", "record": {"record": "person", "id": 1, "name": "Chamaléa Thị Thủy",
    "provenance": {"source": "Thông báo 12/TB-HĐND", "recorded_by": "lan", "recorded_at": "2025-07-14T08:30:15Z"}}},
  {"type": "reporting", "record": {"record": "regime", "id": 1, "code": "SCT-THANG",
    "name": {"vi": "Báo cáo tháng ngành Công Thương"}, "document": 1, "indicators": [1],
    "reporters": {"type": "units", "units": [2]}, "frequency": "monthly", "recipient": 1,
    "deadline_days": 5,
    "provenance": {"source": "39-NQ/TW", "recorded_by": "lan", "recorded_at": "2025-07-14T08:30:15Z"}}},
  {"type": "reporting", "record": {"record": "step", "id": 2, "regime": 1, "unit": 2,
    "period": "2025-07", "action": "submit",
    "explanations": [{"indicator": 1, "text": "Nhà máy mới đi vào hoạt động"}],
    "provenance": {"source": "Báo cáo 512/BC-UBND", "recorded_by": "minh", "recorded_at": "2025-07-14T08:30:15Z"}}},
  {"type": "rule", "record": {"id": 1, "regime": 1, "check": "bounds", "indicator": 1,
    "min": 0.0, "max": 1000000.5,
    "provenance": {"source": "39-NQ/TW", "recorded_by": "lan", "recorded_at": "2025-07-14T08:30:15Z"}}},
  {"type": "amendment", "record": {"id": 1, "of": {"kind": "target", "id": 1},
    "changes": [{"field": "value", "before": 1.5, "after": 1.25}],
    "reason": "Nghị quyết 05/NQ-HĐND điều chỉnh chỉ tiêu",
    "provenance": {"source": "05/NQ-HĐND", "recorded_by": "lan", "recorded_at": "2025-07-14T08:30:15Z"}}}
]"#;

/// The backup of the store [`pinned_store`] makes: one line for each row of every table.
const PINNED_BACKUP: &str = include_str!("pinned_backup.jsonl");

/// A backup taken at schema 6, before the reporting cycle's table: users hold such files, and
/// they must still restore, with no regime and no submission.
const PINNED_BACKUP_6: &str = include_str!("pinned_backup_6.jsonl");

fn pinned_audit(action: &str, object: &str) -> AuditEntry {
    AuditEntry {
        at: time::macros::datetime!(2025-07-14 08:30:15 UTC),
        actor: "lan".into(),
        action: action.into(),
        object: object.into(),
        before: None,
        after: None,
        unit: None,
    }
}

/// A store holding the pinned batch, an account with a grant, a session, an API token and
/// an evidence file: a row in every table.
async fn pinned_store(backend: Backend) -> Fresh {
    let store = fresh(backend).await;
    let batch: Vec<Record> = serde_json::from_str(PINNED_BATCH).expect("the pinned batch reads");
    let at = time::macros::datetime!(2025-07-14 08:30:15 UTC);
    store
        .commit(
            &batch,
            &[AuditEntry {
                before: Some(serde_json::json!({"id": 6, "kind": "estimate", "value": 3.4})),
                after: Some(serde_json::json!({"records": 11})),
                unit: Some(UnitId(1)),
                ..pinned_audit("import.records", "import:records")
            }],
            0,
        )
        .await
        .expect("commit");
    let account = store
        .create_account(
            &NewAccount {
                username: "lan".into(),
                display_name: "Nguyễn Thị Lan".into(),
                password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
                grants: vec![giamsat_core::access::Grant::over(
                    giamsat_core::access::Role::Office,
                    UnitId(1),
                )],
            },
            &pinned_audit("account.create", "account:lan"),
        )
        .await
        .expect("account");
    store
        .start_session(
            &NewSession {
                token_hash: "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"
                    .into(),
                account_id: account,
                csrf_token: "q5Xb3m".into(),
                created_at: at,
                expires_at: at + time::Duration::hours(12),
            },
            &pinned_audit("session.start", "account:lan"),
        )
        .await
        .expect("session");
    store
        .create_api_token(
            &NewApiToken {
                token_hash: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
                    .into(),
                account_id: account,
                name: "nguồn số liệu".into(),
                created_at: at,
                created_by: "lan".into(),
            },
            &pinned_audit("token.create", "token:1"),
        )
        .await
        .expect("token");
    let bytes = b"%PDF-1.7 \x00\xff".to_vec();
    store
        .put_evidence_file(
            &EvidenceFile {
                sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
                name: "biên bản.pdf".into(),
                content_type: "application/pdf".into(),
                size: bytes.len() as u64,
            },
            &bytes,
            &pinned_audit("evidence.add", "evidence:9f86d081"),
        )
        .await
        .expect("evidence");
    // Added with schema 10, after the rest, so the lines pinned before stay as they were.
    store
        .set_contact(
            "lan",
            &Contact {
                email: Some("lan@quangninh.gov.vn".into()),
                language: "vi".into(),
            },
            &pinned_audit("account.contact", "account:lan"),
        )
        .await
        .expect("contact");
    store
        .claim_digest(account, time::macros::date!(2025 - 07 - 14), 3, at)
        .await
        .expect("digest");
    store
}

/// A commit's change-log entry is the batch as pinned, and it is replayed as the same
/// records. A failing test here means a migration of stored data, never an edit of the
/// expected JSON.
async fn the_change_log_holds_a_batch_as_pinned(backend: Backend) {
    let store = pinned_store(backend).await;
    let logged: Vec<String> = sqlx::query_scalar("SELECT records FROM change_log ORDER BY seq")
        .fetch_all(store.pool())
        .await
        .expect("the change log");
    let [logged] = logged.as_slice() else {
        panic!("one commit, one entry: {logged:?}")
    };
    let logged: serde_json::Value = serde_json::from_str(logged).expect("JSON");
    let expected: serde_json::Value = serde_json::from_str(PINNED_BATCH).expect("JSON");
    assert_eq!(
        logged, expected,
        "the change log's shape changed: this needs a migration of stored data"
    );
    let batch: Vec<Record> = serde_json::from_str(PINNED_BATCH).expect("reads");
    assert_eq!(
        store.changes_since(0).await.expect("changes"),
        Changes::Batches(vec![(1, batch)])
    );
}

/// The header of a backup, with the schema it was taken at, which grows with migrations
/// that add no backed-up table.
fn header_and_schema(line: &str) -> (serde_json::Value, i64) {
    let mut header: serde_json::Value = serde_json::from_str(line).expect("a JSON header");
    let schema = header["schema"].as_i64().expect("a schema number");
    header["schema"] = serde_json::Value::Null;
    (header, schema)
}

/// A line of a backup as JSON, with the JSON held in text cells (audit states, follow-up
/// bodies) read too, so that they are compared as JSON rather than as text.
fn backup_line(line: &str) -> serde_json::Value {
    let mut value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
    if let serde_json::Value::Array(cells) = &mut value {
        for cell in cells {
            let inner = cell
                .as_str()
                .filter(|t| t.starts_with('{') || t.starts_with('['))
                .and_then(|t| serde_json::from_str(t).ok());
            if let Some(inner) = inner {
                *cell = inner;
            }
        }
    }
    value
}

/// Holds a backup to the pinned one, line by line as JSON: the header (but for the store it
/// came from and the schema, which only grows), each table's line of columns, each row.
#[track_caller]
fn assert_pinned_backup(backup: &str, from: &str) {
    let found: Vec<&str> = backup.lines().collect();
    let expected: Vec<&str> = PINNED_BACKUP.lines().collect();
    let ((found_header, found_schema), (mut expected_header, expected_schema)) =
        (header_and_schema(found[0]), header_and_schema(expected[0]));
    expected_header["from"] = serde_json::json!(from);
    assert_eq!(found_header, expected_header);
    assert!(found_schema >= expected_schema, "{found_schema}");
    for (i, (found, expected)) in found.iter().zip(&expected).enumerate().skip(1) {
        let (found, expected) = (backup_line(found), backup_line(expected));
        assert_eq!(
            found,
            expected,
            "line {} of the backup changed: this needs a migration of stored data",
            i + 1
        );
    }
    assert_eq!(found.len(), expected.len(), "the number of lines");
}

/// The backup file users keep: one line of every table, as pinned. Written from a store
/// holding those rows, and read back into an empty store as the same records and the same
/// file. A failing test here means a migration of stored data (and of the backups users
/// hold: restore must still read them), never an edit of the expected lines.
async fn a_backup_line_of_every_table_is_pinned(backend: Backend) {
    let from = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    let source = pinned_store(backend).await;
    let backup = backup_text(&*source).await;
    assert_pinned_backup(&backup, from);
    for table in TABLES {
        assert!(
            PINNED_BACKUP.contains(&format!("\"table\":\"{}\"", table.0)),
            "{} is pinned",
            table.0
        );
    }

    let restored = fresh(backend).await;
    restored
        .restore(std::io::Cursor::new(PINNED_BACKUP.as_bytes()), &restorer())
        .await
        .expect("the pinned backup restores");
    assert_eq!(
        restored.load().await.expect("load").records,
        source.load().await.expect("load").records
    );
    // The restored trail, then the restore's own entry (the bulk path's audit).
    let trail = restored.audit_trail(None, 100).await.expect("audit");
    let (newest, restored_trail) = trail.split_first().expect("the restore's entry");
    assert_eq!(newest.action, "backup.restore");
    assert_eq!(
        restored_trail,
        source
            .audit_trail(None, 100)
            .await
            .expect("audit")
            .as_slice()
    );
    let account = restored.account("lan").await.expect("read").expect("found");
    assert_eq!(
        (account.display_name.as_str(), account.grants.as_slice()),
        (
            "Nguyễn Thị Lan",
            &[giamsat_core::access::Grant::over(
                giamsat_core::access::Role::Office,
                UnitId(1)
            )][..]
        )
    );
}

/// Writes that bypass the application layer leave one audit entry per batch: a restore its
/// own, after the restored trail, and each batch of a bulk load one naming what it wrote.
async fn the_bulk_path_leaves_an_audit_entry_per_batch(backend: Backend) {
    let source = populated(backend).await;
    let backup = backup_text(&*source).await;
    let restored = fresh(backend).await;
    let summary = restored
        .restore(std::io::Cursor::new(backup.as_bytes()), &restorer())
        .await
        .expect("restore");
    let trail = restored
        .audit_trail(Some("backup:"), 10)
        .await
        .expect("trail");
    assert_eq!(
        trail,
        vec![AuditEntry {
            at: time::macros::datetime!(2026-11-24 09:00 UTC),
            actor: "restore".into(),
            action: "backup.restore".into(),
            object: "backup:backup.jsonl".into(),
            before: None,
            after: Some(serde_json::json!({ "tables": summary.tables, "rows": summary.rows })),
            unit: None,
        }]
    );
    let newest = restored.audit_trail(None, 1).await.expect("trail");
    assert_eq!(newest, trail, "the restore's entry is the newest");

    let store = fresh(backend).await;
    let origin = BulkOrigin {
        actor: "bench".into(),
        source: "giamsat bench generate".into(),
        at: time::macros::datetime!(2026-11-24 10:00 UTC),
    };
    let head = store.bulk_load(&sample(), 0, &origin).await.expect("bulk");
    let head = store
        .bulk_load(&observations(10, 3), head, &origin)
        .await
        .expect("bulk");
    assert_eq!(head, 2);
    let trail = store.audit_trail(None, 10).await.expect("trail");
    let batch = |after: serde_json::Value| AuditEntry {
        at: origin.at,
        actor: "bench".into(),
        action: "bulk.load".into(),
        object: "bulk:giamsat bench generate".into(),
        before: None,
        after: Some(after),
        unit: None,
    };
    let counts = serde_json::json!({
        "records": 11, "units": 2, "successions": 1, "indicators": 2, "documents": 1,
        "targets": 1, "scenarios": 1, "observations": 2, "reported_scorecards": 1,
    });
    assert_eq!(
        trail,
        vec![
            batch(serde_json::json!({ "records": 3, "observations": 3 })),
            batch(counts),
        ],
        "one entry per batch, newest first"
    );
    assert_eq!(
        store.load().await.expect("load").records.len(),
        sample().len() + 3
    );
}

/// Regimes and submission steps come back as written, in the order recorded, and can be
/// neither changed nor deleted: a decision on a report is a new step. A backup taken before
/// the reporting cycle existed (schema 6) still restores, with none.
async fn reporting_records_are_kept_as_written_and_old_backups_restore_without_them(
    backend: Backend,
) {
    let store = pinned_store(backend).await;
    let reporting: Vec<Record> = store
        .load()
        .await
        .expect("load")
        .records
        .into_iter()
        .filter(|r| matches!(r, Record::Reporting(_)))
        .collect();
    let batch: Vec<Record> = serde_json::from_str(PINNED_BATCH).expect("the pinned batch");
    let expected: Vec<Record> = batch
        .into_iter()
        .filter(|r| matches!(r, Record::Reporting(_)))
        .collect();
    assert_eq!(reporting.len(), 2);
    assert_eq!(reporting, expected);
    for sql in [
        "UPDATE reporting_records SET body = '{}'",
        "DELETE FROM reporting_records",
    ] {
        let err = sqlx::query(sql).execute(store.pool()).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }

    let restored = fresh(backend).await;
    restored
        .restore(
            std::io::Cursor::new(PINNED_BACKUP_6.as_bytes()),
            &restorer(),
        )
        .await
        .expect("a schema 6 backup restores");
    let records = restored.load().await.expect("load").records;
    assert!(records.iter().any(|r| matches!(r, Record::FollowUp(_))));
    assert!(!records.iter().any(|r| matches!(r, Record::Reporting(_))));
}

/// A regime's validation rules come back as written and can be neither changed nor deleted:
/// setting a rule again is a new row.
async fn validation_rules_are_kept_as_written_and_cannot_change(backend: Backend) {
    let store = pinned_store(backend).await;
    let rules = |records: Vec<Record>| -> Vec<Record> {
        records
            .into_iter()
            .filter(|r| matches!(r, Record::Rule(_)))
            .collect()
    };
    let loaded = rules(store.load().await.expect("load").records);
    let batch: Vec<Record> = serde_json::from_str(PINNED_BATCH).expect("the pinned batch");
    assert_eq!(loaded.len(), 1);
    assert_eq!(loaded, rules(batch));
    for sql in [
        "UPDATE validation_rules SET body = '{}'",
        "DELETE FROM validation_rules",
    ] {
        let err = sqlx::query(sql).execute(store.pool()).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
}

/// A correction comes back as written, after the record it corrects (which the engine then
/// shows as amended), and can be neither changed nor deleted.
async fn an_amendment_is_kept_as_written_applied_on_load_and_cannot_change(backend: Backend) {
    let store = pinned_store(backend).await;
    let records = store.load().await.expect("load").records;
    let batch: Vec<Record> = serde_json::from_str(PINNED_BATCH).expect("the pinned batch");
    let amendments = |records: &[Record]| -> Vec<Record> {
        records
            .iter()
            .filter(|r| matches!(r, Record::Amendment(_)))
            .cloned()
            .collect()
    };
    assert_eq!(amendments(&records).len(), 1);
    assert_eq!(amendments(&records), amendments(&batch));
    let position = |records: &[Record], wanted: fn(&Record) -> bool| {
        records.iter().position(wanted).expect("present")
    };
    assert!(
        position(&records, |r| matches!(r, Record::Target(_)))
            < position(&records, |r| matches!(r, Record::Amendment(_)))
    );
    for sql in [
        "UPDATE amendments SET body = '{}'",
        "DELETE FROM amendments",
    ] {
        let err = sqlx::query(sql).execute(store.pool()).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
}

/// Figures as the application sends them to a streamed import, from records of [`observations`].
fn figures(records: &[Record]) -> Vec<ImportedFigure> {
    records
        .iter()
        .filter_map(|r| match r {
            Record::Observation(o) => Some(ImportedFigure {
                observation: o.clone(),
                object: "observation:RETAIL_SALES/40/2023-YTD05".into(),
                before: (o.id.0 % 2 == 0).then_some((
                    ObservationId(1),
                    ObservationKind::Official,
                    36539.0,
                )),
            }),
            _ => None,
        })
        .collect()
}

/// Streams `parts` into an import after `head`, and what the store answers.
async fn stream(
    store: &SqlStore,
    head: i64,
    parts: Vec<ImportPart>,
) -> Result<Option<i64>, StoreError> {
    let (send, receive) = tokio::sync::mpsc::channel(1);
    let sending = async move {
        for part in parts {
            if send.send(part).await.is_err() {
                break;
            }
        }
    };
    let (stored, ()) = tokio::join!(store.import_observations(head, receive), sending);
    stored
}

async fn a_streamed_import_writes_every_figure_with_its_audit_row(backend: Backend) {
    let store = fresh(backend).await;
    store.commit(&sample(), &[], 0).await.expect("commit");
    let mut batch = observations(10, 1300);
    // Texts that COPY's format must escape, and one of each shape of statement.
    if let Record::Observation(o) = &mut batch[5] {
        o.note = Some("tab\there, back\\slash, line\nbreak, \\N".to_owned());
        o.reported_by = Some(UnitId(1));
    }
    let figures = figures(&batch);
    let parts = vec![
        ImportPart::Figures(figures[..300].to_vec()),
        ImportPart::Figures(figures[300..].to_vec()),
        ImportPart::Commit(audit("import.observations", "file:f.csv", None)),
    ];
    assert_eq!(stream(&store, 1, parts).await.expect("import"), Some(2));
    let loaded = store.load().await.expect("load");
    let written: Vec<Record> = loaded
        .records
        .into_iter()
        .filter(|r| matches!(r, Record::Observation(o) if o.id.0 >= 10))
        .collect();
    assert_eq!(written, batch);
    assert_eq!(loaded.head, 2);
    let trail = store
        .audit_trail(Some("observation:RETAIL_SALES/40/"), 5_000)
        .await
        .expect("trail");
    assert_eq!(trail.len(), 1300, "one audit row per figure");
    let oldest = trail.last().expect("entry");
    assert_eq!(
        (oldest.action.as_str(), oldest.actor.as_str(), oldest.unit),
        ("observation.record", "tester", Some(UnitId(1)))
    );
    let sixth = &trail[trail.len() - 6];
    assert_eq!(
        sixth.after.as_ref().map(|a| a["id"].clone()),
        Some(serde_json::json!(15))
    );
    assert_eq!(
        sixth
            .after
            .as_ref()
            .and_then(|a| a["note"].as_str().map(str::to_owned)),
        Some("tab\there, back\\slash, line\nbreak, \\N".to_owned())
    );
    assert_eq!(
        trail[trail.len() - 1].before,
        Some(serde_json::json!({"id": 1, "kind": "official", "value": 36539.0}))
    );
    let summary = store.audit_trail(Some("file:"), 10).await.expect("trail");
    assert_eq!(summary.len(), 1);
    assert_eq!(
        store.changes_since(1).await.expect("changes"),
        Changes::Batches(vec![(2, batch)]),
        "a small import is logged whole, for other processes"
    );
}

async fn a_streamed_import_let_go_in_the_middle_writes_nothing(backend: Backend) {
    let store = fresh(backend).await;
    store.commit(&sample(), &[], 0).await.expect("commit");
    let large = figures(&observations(10, 60_000));
    let parts: Vec<ImportPart> = large
        .chunks(20_000)
        .map(|chunk| ImportPart::Figures(chunk.to_vec()))
        .collect();
    // Two chunks of three, and no word to commit: a row further on was refused.
    let mut refused = parts;
    refused.truncate(2);
    assert_eq!(stream(&store, 1, refused).await.expect("let go"), None);
    let loaded = store.load().await.expect("load");
    assert_eq!(loaded.head, 1, "no change-log entry");
    assert!(
        !loaded
            .records
            .iter()
            .any(|r| matches!(r, Record::Observation(o) if o.id.0 >= 10)),
        "no figure of the refused import"
    );
    assert_eq!(
        store
            .audit_trail(Some("observation:"), 10)
            .await
            .expect("trail"),
        vec![]
    );
    assert_eq!(
        store.changes_since(1).await.expect("changes"),
        Changes::Batches(vec![])
    );
    // Nothing is left locked: the same file, whole, goes in, and is too large to be logged.
    let mut whole: Vec<ImportPart> = large
        .chunks(20_000)
        .map(|chunk| ImportPart::Figures(chunk.to_vec()))
        .collect();
    whole.push(ImportPart::Commit(audit(
        "import.observations",
        "file:f.csv",
        None,
    )));
    assert_eq!(stream(&store, 1, whole).await.expect("import"), Some(2));
    assert_eq!(
        store.changes_since(1).await.expect("changes"),
        Changes::Reload
    );
    let count = store.observations().await.expect("observations").len();
    assert_eq!(
        count,
        60_000
            + sample()
                .iter()
                .filter(|r| matches!(r, Record::Observation(_)))
                .count()
    );
    // An import from a stale head is refused before anything is read.
    let stale = vec![ImportPart::Figures(figures(&observations(70_010, 1)))];
    let err = stream(&store, 1, stale).await.expect_err("behind");
    assert!(matches!(err, StoreError::Behind { head: 2 }), "{err}");
}

/// A figure that breaks the schema's rules (an indicator, unit, reporting unit, document or
/// corrected figure that does not exist, an id already taken) fails the whole import, in its
/// first chunk or after chunks were written, and leaves nothing behind. (SQLite's import
/// checks references chunk by chunk rather than row by row: the same refusals.)
async fn a_streamed_import_with_a_figure_the_store_refuses_writes_nothing(backend: Backend) {
    let store = fresh(backend).await;
    store.commit(&sample(), &[], 0).await.expect("commit");
    let before = store.observations().await.expect("observations").len();
    let cases = [
        "unit",
        "id",
        "indicator",
        "reported_by",
        "document",
        "corrects",
        "first unit",
    ];
    for broken in cases {
        let mut batch = observations(10, 3_000);
        let at = if broken == "first unit" { 0 } else { 2_999 };
        if let Some(Record::Observation(o)) = batch.get_mut(at) {
            match broken {
                "unit" | "first unit" => o.unit = UnitId(999_999),
                "indicator" => o.indicator = IndicatorId(999_999),
                "reported_by" => o.reported_by = Some(UnitId(999_999)),
                "document" => o.document = Some(DocumentId(999_999)),
                // A figure of this import, but not one written before it.
                "corrects" => o.corrects = Some(ObservationId(5_000)),
                _ => o.id = ObservationId(10),
            }
        }
        let figures = figures(&batch);
        let parts = vec![
            ImportPart::Figures(figures[..1_000].to_vec()),
            ImportPart::Figures(figures[1_000..].to_vec()),
            ImportPart::Commit(audit("import.observations", "file:f.csv", None)),
        ];
        let err = stream(&store, 1, parts).await.expect_err(broken);
        assert!(matches!(err, StoreError::Conflict(_)), "{broken}: {err}");
        assert_eq!(
            store.observations().await.expect("observations").len(),
            before,
            "{broken}"
        );
        assert_eq!(
            store
                .audit_trail(Some("observation:"), 10)
                .await
                .expect("trail"),
            vec![],
            "{broken}"
        );
        assert_eq!(
            store.changes_since(1).await.expect("changes"),
            Changes::Batches(vec![]),
            "{broken}"
        );
    }
    // Nothing is left locked: the good file goes in, with references that do exist (a
    // correction of a figure of the same chunk among them).
    let mut good = observations(10, 3_000);
    if let Some(Record::Observation(o)) = good.last_mut() {
        o.reported_by = Some(UnitId(1));
        o.document = Some(DocumentId(1));
        o.corrects = Some(ObservationId(10));
    }
    let parts = vec![
        ImportPart::Figures(figures(&good)),
        ImportPart::Commit(audit("import.observations", "file:f.csv", None)),
    ];
    assert_eq!(stream(&store, 1, parts).await.expect("import"), Some(2));
    let written = store.observations().await.expect("observations");
    assert_eq!(written.len(), before + 3_000);
    assert_eq!(
        written.last().map(|o| o.corrects),
        Some(Some(ObservationId(10)))
    );
}

/// An account's e-mail and language are one row, replaced with its audit entry; a day's
/// digest is claimed by one caller only (a restart, another process), and given back when it
/// could not be sent.
async fn a_contact_is_set_and_replaced_and_a_days_digest_is_claimed_once(backend: Backend) {
    let store = fresh(backend).await;
    store
        .commit(&sample(), &[audit("demo.load", "demo", None)], 0)
        .await
        .expect("commit");
    let id = store
        .create_account(
            &NewAccount {
                username: "Lan".into(),
                display_name: "Nguyễn Thị Lan".into(),
                password_hash: "$argon2id$v=19$m=19456,t=2,p=1$x$y".into(),
                grants: Vec::new(),
            },
            &audit("account.create", "account:lan", None),
        )
        .await
        .expect("account");
    assert!(store.contacts().await.expect("contacts").is_empty());
    let first = Contact {
        email: Some("lan@example.vn".into()),
        language: "vi".into(),
    };
    let entry = audit("account.contact", "account:lan", None);
    assert!(store.set_contact("lan", &first, &entry).await.expect("set"));
    let second = Contact {
        email: Some("lan.nguyen@example.vn".into()),
        language: "fr".into(),
    };
    assert!(
        store
            .set_contact("LAN", &second, &entry)
            .await
            .expect("set")
    );
    assert!(
        !store
            .set_contact("nobody", &first, &entry)
            .await
            .expect("set")
    );
    assert_eq!(
        store.contacts().await.expect("contacts"),
        vec![(id, second)]
    );
    let trail = store.audit_trail(None, 10).await.expect("audit");
    assert_eq!(
        trail
            .iter()
            .filter(|e| e.action == "account.contact")
            .count(),
        2
    );
    // A language outside the three is refused by the schema.
    let klingon = Contact {
        email: None,
        language: "tlh".into(),
    };
    assert!(store.set_contact("lan", &klingon, &entry).await.is_err());

    let day = time::macros::date!(2026 - 12 - 07);
    let at = time::macros::datetime!(2026-12-07 01:00 UTC);
    assert!(store.claim_digest(id, day, 4, at).await.expect("claim"));
    let other = fresh_handle(&store).await;
    assert!(!other.claim_digest(id, day, 4, at).await.expect("claim"));
    assert!(
        store
            .claim_digest(id, day.next_day().expect("day"), 1, at)
            .await
            .expect("next day")
    );
    store.release_digest(id, day).await.expect("release");
    assert!(other.claim_digest(id, day, 4, at).await.expect("again"));
}

async fn fresh_handle(store: &Fresh) -> SqlStore {
    store.reopen().await
}
