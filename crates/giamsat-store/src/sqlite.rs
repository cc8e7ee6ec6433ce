//! The embedded SQLite backend: one file, WAL journal, foreign keys on, migrations applied at
//! open, each commit one transaction.

use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

use futures_util::TryStreamExt;
use giamsat_core::indicator::{AcrossUnits, IndicatorCode};
use giamsat_core::org::UnitCode;
use giamsat_core::target::Baseline;
use giamsat_core::text::{Language, Translations};
use giamsat_core::{
    Document, DocumentId, DocumentKey, Horizon, Indicator, IndicatorId, Month, Observation,
    ObservationId, Period, Provenance, Record, ReportedScorecard, Scenario, Target, TargetId, Unit,
    UnitId,
};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{Row, SqlitePool, Transaction};

use crate::codec::{
    date_parse, date_text, enum_parse, enum_text, period_parse, timestamp_parse, timestamp_text,
    translation_rows,
};
use crate::{
    Account, ApiToken, AuditEntry, EvidenceFile, NewAccount, NewApiToken, NewSession, Session,
    Store, StoreError,
};

/// The migrations, in order. An applied migration is never edited (its checksum is kept).
const MIGRATIONS: &[(i64, &str, &str)] = &[
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
];

pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file at `path` and brings its schema up to date.
    pub async fn open(path: &str) -> Result<SqliteStore, StoreError> {
        let options = SqliteConnectOptions::from_str(&format!("sqlite:{path}"))
            .map_err(|source| StoreError::Open {
                location: path.to_owned(),
                source,
            })?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(|source| StoreError::Open {
                location: path.to_owned(),
                source,
            })?;
        let store = SqliteStore { pool };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        sqlx::raw_sql(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL,
                checksum TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )
        .execute(&self.pool)
        .await?;
        let applied: HashMap<i64, String> =
            sqlx::query("SELECT version, checksum FROM schema_migrations")
                .fetch_all(&self.pool)
                .await?
                .into_iter()
                .map(|row| (row.get::<i64, _>(0), row.get::<String, _>(1)))
                .collect();
        let known = MIGRATIONS.last().map_or(0, |m| m.0);
        if let Some(found) = applied.keys().copied().max().filter(|v| *v > known) {
            return Err(StoreError::SchemaTooNew { found, known });
        }
        for (version, name, sql) in MIGRATIONS {
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
            let mut tx = self.pool.begin().await?;
            sqlx::raw_sql(sql).execute(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
            )
            .bind(version)
            .bind(name)
            .bind(&checksum)
            .bind(timestamp_text(time::OffsetDateTime::now_utc()))
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            tracing::info!(version, name, "applied migration");
        }
        Ok(())
    }

    async fn translations(
        &self,
    ) -> Result<HashMap<(String, i64, String), Translations>, StoreError> {
        let mut map: HashMap<(String, i64, String), Translations> = HashMap::new();
        let rows = sqlx::query("SELECT object, object_id, field, locale, text FROM translations")
            .fetch_all(&self.pool)
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

fn id_of(row: &sqlx::sqlite::SqliteRow) -> i64 {
    row.get::<i64, _>("id")
}

fn u32_id(value: i64, table: &'static str) -> Result<u32, StoreError> {
    u32::try_from(value).map_err(|_| StoreError::Corrupt {
        table,
        id: value,
        problem: "id out of range".into(),
    })
}

fn provenance(
    row: &sqlx::sqlite::SqliteRow,
    table: &'static str,
) -> Result<Provenance, StoreError> {
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

type Tx<'a> = Transaction<'a, sqlx::Sqlite>;

async fn insert_audit(tx: &mut Tx<'_>, entry: &AuditEntry) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor, action, object, before, after, unit_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(timestamp_text(entry.at))
    .bind(&entry.actor)
    .bind(&entry.action)
    .bind(&entry.object)
    .bind(entry.before.as_ref().map(|v| v.to_string()))
    .bind(entry.after.as_ref().map(|v| v.to_string()))
    .bind(entry.unit.map(|u| i64::from(u.0)))
    .execute(&mut **tx)
    .await?;
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
            "INSERT INTO translations (object, object_id, field, locale, text) VALUES (?, ?, ?, ?, ?)",
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

async fn insert_record(tx: &mut Tx<'_>, record: &Record) -> Result<(), sqlx::Error> {
    match record {
        Record::Unit(unit) => {
            let id = i64::from(unit.id.0);
            sqlx::query("INSERT INTO units (id, code, kind, parent_id, valid_from, valid_to, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
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
            sqlx::query("INSERT INTO indicators (id, code, decimals, direction, across_units, weight_id, numerator_id, denominator_id, scale, over_time, same_period_base, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
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
                .execute(&mut **tx)
                .await?;
            insert_translations(tx, "indicator", id, "name", &indicator.name).await?;
            insert_translations(tx, "indicator", id, "measure", &indicator.measure).await?;
        }
        Record::Document(document) => {
            let id = i64::from(document.id.0);
            sqlx::query("INSERT INTO documents (id, key, number, doc_type, issued_by, issued_on, target_year, orientation_year, vision_year, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
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
            sqlx::query("INSERT INTO targets (id, document_id, indicator_id, unit_id, period, value, comparator, baseline_period, baseline_value, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
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
                .execute(&mut **tx)
                .await?;
        }
        Record::Scenario(scenario) => {
            let result = sqlx::query("INSERT INTO scenarios (target_id, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?)")
                .bind(i64::from(scenario.target.0))
                .bind(&scenario.provenance.source)
                .bind(&scenario.provenance.recorded_by)
                .bind(timestamp_text(scenario.provenance.recorded_at))
                .execute(&mut **tx)
                .await?;
            let scenario_id = result.last_insert_rowid();
            for (month, value) in &scenario.points {
                sqlx::query(
                    "INSERT INTO scenario_points (scenario_id, month, value) VALUES (?, ?, ?)",
                )
                .bind(scenario_id)
                .bind(month.to_string())
                .bind(value)
                .execute(&mut **tx)
                .await?;
            }
        }
        Record::Observation(o) => {
            let id = i64::try_from(o.id.0).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
            sqlx::query("INSERT INTO observations (id, indicator_id, unit_id, period, value, kind, reported_by, document_id, corrects, note, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(id)
                .bind(i64::from(o.indicator.0))
                .bind(i64::from(o.unit.0))
                .bind(o.period.code())
                .bind(o.value)
                .bind(o.kind.as_str())
                .bind(o.reported_by.map(|u| i64::from(u.0)))
                .bind(o.document.map(|d| i64::from(d.0)))
                .bind(o.corrects.map(|c| c.0 as i64))
                .bind(o.note.as_deref())
                .bind(&o.provenance.source)
                .bind(&o.provenance.recorded_by)
                .bind(timestamp_text(o.provenance.recorded_at))
                .execute(&mut **tx)
                .await?;
        }
        Record::FollowUp(record) => {
            let body =
                serde_json::to_string(record).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
            let provenance = record.provenance();
            sqlx::query("INSERT INTO follow_up_records (id, kind, body, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
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
            sqlx::query("INSERT INTO unit_successions (predecessor, successor, share, valid_from, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
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
            sqlx::query("INSERT INTO reported_scorecards (unit_id, period, met, set_count, document_id, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
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

fn observation_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Observation, StoreError> {
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

impl Store for SqliteStore {
    async fn create_account(
        &self,
        account: &NewAccount,
        audit: &AuditEntry,
    ) -> Result<i64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let id = sqlx::query(
            "INSERT INTO accounts (username, display_name, password_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(&account.username)
        .bind(&account.display_name)
        .bind(&account.password_hash)
        .bind(timestamp_text(audit.at))
        .bind(&audit.actor)
        .execute(&mut *tx)
        .await
        .map_err(conflict_or_database)?
        .last_insert_rowid();
        for grant in &account.grants {
            sqlx::query(
                "INSERT INTO account_grants (account_id, role, scope_unit) VALUES (?, ?, ?)",
            )
            .bind(id)
            .bind(grant.role.as_str())
            .bind(grant.scope.map(|u| i64::from(u.0)))
            .execute(&mut *tx)
            .await
            .map_err(conflict_or_database)?;
        }
        insert_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn account(&self, username: &str) -> Result<Option<Account>, StoreError> {
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM accounts WHERE username = ?")
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
            "UPDATE accounts SET password_hash = ? WHERE username = ? RETURNING id",
        )
        .bind(password_hash)
        .bind(username)
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(false);
        };
        // A new password ends every session opened with the old one.
        sqlx::query("UPDATE sessions SET ended_at = ? WHERE account_id = ? AND ended_at IS NULL")
            .bind(timestamp_text(audit.at))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        insert_audit(&mut tx, audit).await?;
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
            "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
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
        insert_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str) -> Result<Option<Session>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT id, account_id, csrf_token, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = ? AND ended_at IS NULL",
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
        sqlx::query("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?")
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
        sqlx::query("UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL")
            .bind(timestamp_text(at))
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
        if let Some(audit) = audit {
            insert_audit(&mut tx, audit).await?;
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
        let id = sqlx::query(
            "INSERT INTO api_tokens (token_hash, account_id, name, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(&token.token_hash)
        .bind(token.account_id)
        .bind(&token.name)
        .bind(timestamp_text(token.created_at))
        .bind(&token.created_by)
        .execute(&mut *tx)
        .await
        .map_err(conflict_or_database)?
        .last_insert_rowid();
        insert_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn use_api_token(
        &self,
        token_hash: &str,
        at: time::OffsetDateTime,
    ) -> Result<Option<(ApiToken, Account)>, StoreError> {
        let Some(row) = sqlx::query("SELECT * FROM api_tokens WHERE token_hash = ?")
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
            sqlx::query("UPDATE api_tokens SET last_used_at = ? WHERE id = ?")
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
        sqlx::query("SELECT * FROM api_tokens WHERE account_id = ? ORDER BY id DESC")
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
            "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL",
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
        insert_audit(&mut tx, audit).await?;
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
        let rows = sqlx::query(
            "SELECT * FROM audit_log WHERE unit_id IN (SELECT value FROM json_each(?1)) ORDER BY id DESC LIMIT ?2",
        )
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
            "INSERT INTO evidence_files (sha256, name, content_type, size, bytes, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
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
            insert_audit(&mut tx, audit).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn evidence_file_meta(&self, sha256: &str) -> Result<Option<EvidenceFile>, StoreError> {
        let row = sqlx::query(
            "SELECT sha256, name, content_type, size FROM evidence_files WHERE sha256 = ?",
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
        let row = sqlx::query("SELECT * FROM evidence_files WHERE sha256 = ?")
            .bind(sha256)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| (evidence_from_row(&r), r.get::<Vec<u8>, _>("bytes"))))
    }

    async fn load(&self) -> Result<Vec<Record>, StoreError> {
        let mut names = self.translations().await?;
        let mut take = |object: &str, id: i64, field: &str| {
            names
                .remove(&(object.to_owned(), id, field.to_owned()))
                .unwrap_or_default()
        };
        let mut records = Vec::new();

        for row in sqlx::query("SELECT * FROM units ORDER BY id")
            .fetch_all(&self.pool)
            .await?
        {
            const T: &str = "units";
            let id = id_of(&row);
            let code: String = row.get("code");
            let kind: String = row.get("kind");
            records.push(Record::Unit(Unit {
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
            }));
        }

        for row in sqlx::query("SELECT * FROM unit_successions ORDER BY id")
            .fetch_all(&self.pool)
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
            records.push(Record::Succession(giamsat_core::Succession {
                predecessor: UnitId(u32_id(row.get("predecessor"), T)?),
                successor: UnitId(u32_id(row.get("successor"), T)?),
                share: row.get("share"),
                from,
                provenance: provenance(&row, T)?,
            }));
        }

        for row in sqlx::query("SELECT * FROM indicators ORDER BY id")
            .fetch_all(&self.pool)
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
            records.push(Record::Indicator(Indicator {
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
            }));
        }

        for row in sqlx::query("SELECT * FROM documents ORDER BY id")
            .fetch_all(&self.pool)
            .await?
        {
            const T: &str = "documents";
            let id = id_of(&row);
            let key: String = row.get("key");
            records.push(Record::Document(Document {
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
            }));
        }

        for row in sqlx::query("SELECT * FROM targets ORDER BY id")
            .fetch_all(&self.pool)
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
            records.push(Record::Target(Target {
                id: TargetId(u32_id(id, T)?),
                document: DocumentId(u32_id(row.get("document_id"), T)?),
                indicator: IndicatorId(u32_id(row.get("indicator_id"), T)?),
                unit: UnitId(u32_id(row.get("unit_id"), T)?),
                period: period_parse(&row.get::<String, _>("period"), T, id)?,
                value: row.get("value"),
                comparator: enum_parse(&row.get::<String, _>("comparator"), T, id)?,
                baseline,
                provenance: provenance(&row, T)?,
            }));
        }

        // Only the latest scenario of each target is current.
        let scenario_rows = sqlx::query(
            "SELECT s.id, s.target_id, s.source, s.recorded_by, s.recorded_at FROM scenarios s
             WHERE s.id = (SELECT MAX(id) FROM scenarios t WHERE t.target_id = s.target_id) ORDER BY s.id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut points: HashMap<i64, Vec<(Month, f64)>> = HashMap::new();
        for row in sqlx::query(
            "SELECT scenario_id, month, value FROM scenario_points ORDER BY scenario_id, month",
        )
        .fetch_all(&self.pool)
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
            records.push(Record::Scenario(Scenario {
                target: TargetId(u32_id(row.get("target_id"), T)?),
                points: points.remove(&id).unwrap_or_default(),
                provenance: provenance(&row, T)?,
            }));
        }

        records.extend(
            self.observations()
                .await?
                .into_iter()
                .map(Record::Observation),
        );

        for row in sqlx::query("SELECT * FROM reported_scorecards ORDER BY id")
            .fetch_all(&self.pool)
            .await?
        {
            const T: &str = "reported_scorecards";
            let id = id_of(&row);
            records.push(Record::ReportedScorecard(ReportedScorecard {
                unit: UnitId(u32_id(row.get("unit_id"), T)?),
                period: period_parse(&row.get::<String, _>("period"), T, id)?,
                met: u32::try_from(row.get::<i64, _>("met")).unwrap_or(0),
                set: u32::try_from(row.get::<i64, _>("set_count")).unwrap_or(0),
                document: row
                    .get::<Option<i64>, _>("document_id")
                    .map(|d| u32_id(d, T).map(DocumentId))
                    .transpose()?,
                provenance: provenance(&row, T)?,
            }));
        }
        // Follow-up records refer to units, documents and each other: last, in the order
        // they were recorded.
        for row in sqlx::query("SELECT id, body FROM follow_up_records ORDER BY id")
            .fetch_all(&self.pool)
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
            records.push(Record::FollowUp(record));
        }
        Ok(records)
    }

    async fn commit(&self, records: &[Record], audit: &[AuditEntry]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for record in records {
            insert_record(&mut tx, record)
                .await
                .map_err(conflict_or_database)?;
        }
        for entry in audit {
            insert_audit(&mut tx, entry).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn observation_history(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> Result<Vec<Observation>, StoreError> {
        sqlx::query("SELECT * FROM observations WHERE indicator_id = ? AND unit_id = ? AND period = ? ORDER BY id")
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
            "SELECT * FROM audit_log WHERE substr(object, 1, length(?1)) = ?1 ORDER BY id DESC LIMIT ?2",
        )
        .bind(prefix)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(audit_from_row).collect()
    }
}

impl SqliteStore {
    async fn account_by_id(&self, id: i64) -> Result<Option<Account>, StoreError> {
        let Some(row) = sqlx::query(
            "SELECT id, username, display_name, password_hash, disabled FROM accounts WHERE id = ?",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let mut grants = Vec::new();
        for g in sqlx::query(
            "SELECT role, scope_unit FROM account_grants WHERE account_id = ? ORDER BY role, scope_unit",
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

fn evidence_from_row(row: &SqliteRow) -> EvidenceFile {
    EvidenceFile {
        sha256: row.get("sha256"),
        name: row.get("name"),
        content_type: row.get("content_type"),
        size: u64::try_from(row.get::<i64, _>("size")).unwrap_or(0),
    }
}

fn api_token_from_row(row: &SqliteRow) -> Result<ApiToken, StoreError> {
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

fn audit_from_row(row: &SqliteRow) -> Result<AuditEntry, StoreError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use giamsat_core::{Engine, ObservationKind, UnitKind};

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

    async fn open_temp() -> (tempfile::TempDir, SqliteStore) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("g.db");
        let store = SqliteStore::open(path.to_str().expect("utf-8"))
            .await
            .expect("open");
        (dir, store)
    }

    #[tokio::test]
    async fn every_record_round_trips() {
        let (_dir, store) = open_temp().await;
        let records = sample();
        store.commit(&records, &[]).await.expect("commit");
        let loaded = store.load().await.expect("load");
        assert_eq!(loaded, records);
        Engine::from_records(loaded).expect("the engine accepts what the store returns");
    }

    #[tokio::test]
    async fn a_failing_commit_writes_nothing() {
        let (_dir, store) = open_temp().await;
        let mut records = sample();
        records.push(records[0].clone()); // the same unit twice: unique violation at the end
        let err = store.commit(&records, &[]).await.expect_err("conflict");
        assert!(matches!(err, StoreError::Conflict(_)), "{err}");
        assert!(store.load().await.expect("load").is_empty());
    }

    #[tokio::test]
    async fn observations_and_audit_cannot_be_changed_or_deleted() {
        let (_dir, store) = open_temp().await;
        let entry = AuditEntry {
            at: time::OffsetDateTime::now_utc(),
            actor: "tester".into(),
            action: "observation.record".into(),
            object: "observation:RETAIL_SALES/40/2023-YTD05".into(),
            before: None,
            after: Some(serde_json::json!({"value": 36539})),
            unit: Some(UnitId(1)),
        };
        store
            .commit(&sample(), std::slice::from_ref(&entry))
            .await
            .expect("commit");
        for sql in [
            "UPDATE observations SET value = 0",
            "DELETE FROM observations",
            "UPDATE audit_log SET actor = 'someone else'",
            "DELETE FROM audit_log",
        ] {
            let err = sqlx::query(sql).execute(&store.pool).await.expect_err(sql);
            assert!(err.to_string().contains("append-only"), "{sql}: {err}");
        }
        let trail = store
            .audit_trail(Some("observation:RETAIL_SALES/"), 10)
            .await
            .expect("trail");
        assert_eq!(trail, vec![entry.clone()]);
        let of_unit = store.audit_of_units(&[UnitId(1)], 10).await.expect("unit");
        assert_eq!(of_unit, vec![entry]);
        assert!(
            store
                .audit_of_units(&[UnitId(2)], 10)
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

    #[tokio::test]
    async fn sessions_and_tokens_are_found_by_hash_until_ended_or_revoked() {
        let (_dir, store) = open_temp().await;
        store.commit(&sample(), &[]).await.expect("commit");
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
    }

    #[tokio::test]
    async fn history_keeps_every_value_of_a_cell() {
        let (_dir, store) = open_temp().await;
        store.commit(&sample(), &[]).await.expect("commit");
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
    }

    #[tokio::test]
    async fn reopening_applies_no_migration_twice_and_detects_edits() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("g.db");
        let path = path.to_str().expect("utf-8");
        let store = SqliteStore::open(path).await.expect("open");
        store.commit(&sample(), &[]).await.expect("commit");
        drop(store);
        let store = SqliteStore::open(path).await.expect("reopen");
        assert_eq!(store.load().await.expect("load").len(), sample().len());
        sqlx::query("UPDATE schema_migrations SET checksum = 'x' WHERE version = 1")
            .execute(&store.pool)
            .await
            .expect("tamper");
        drop(store);
        let err = SqliteStore::open(path)
            .await
            .err()
            .expect("edited migration refused");
        assert!(
            matches!(err, StoreError::MigrationEdited { version: 1, .. }),
            "{err}"
        );
    }
}
