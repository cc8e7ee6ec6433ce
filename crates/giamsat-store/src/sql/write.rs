//! Writing records: one transaction per commit, holding the records, their audit entries and
//! the change-log entry, in commit order across processes. Observations go in multi-row
//! statements, so a national import is a few thousand round trips, not millions.

use giamsat_core::indicator::AcrossUnits;
use giamsat_core::text::Translations;
use giamsat_core::{Observation, Record};

use super::{Dialect, Outcome, SqlStore, Tx, WRITERS_LOCK, change_log, conflict_or_database};
use crate::codec::{date_text, enum_text, timestamp_text, translation_rows};
use crate::{AuditEntry, StoreError, WritersLock};

/// Observations per multi-row INSERT: 13 parameters each, well under both databases' limits.
const OBSERVATIONS_PER_STATEMENT: usize = 500;

/// `INSERT INTO {head} VALUES (…), (…)…` for `rows` rows of `columns` parameters.
pub(super) fn values_sql(dialect: Dialect, head: &str, columns: usize, rows: usize) -> String {
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

pub(super) async fn insert_audit(
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
        Record::Reporting(record) => {
            let body =
                serde_json::to_string(record).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
            let provenance = record.provenance();
            sqlx::query("INSERT INTO reporting_records (id, kind, body, source, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(i64::from(record.id()))
                .bind(record.kind())
                .bind(body)
                .bind(&provenance.source)
                .bind(&provenance.recorded_by)
                .bind(timestamp_text(provenance.recorded_at))
                .execute(&mut **tx)
                .await?;
        }
        Record::Rule(rule) => {
            let body = serde_json::to_string(rule).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
            let provenance = &rule.provenance;
            sqlx::query("INSERT INTO validation_rules (id, regime_id, body, source, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(i64::from(rule.id.0))
                .bind(i64::from(rule.regime.0))
                .bind(body)
                .bind(&provenance.source)
                .bind(&provenance.recorded_by)
                .bind(timestamp_text(provenance.recorded_at))
                .execute(&mut **tx)
                .await?;
        }
        Record::Amendment(amendment) => {
            let body =
                serde_json::to_string(amendment).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
            let provenance = &amendment.provenance;
            sqlx::query("INSERT INTO amendments (id, object, object_id, body, source, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(i64::from(amendment.id.0))
                .bind(amendment.of.kind())
                .bind(i64::from(amendment.of.id()))
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

/// See [`crate::Store::commit`]: the change-log entry first, then the records and their
/// audit entries, all in one transaction.
pub(super) async fn commit(
    store: &SqlStore,
    records: &[Record],
    audit: &[AuditEntry],
    head: i64,
) -> Outcome<i64> {
    let logged = change_log::logged(records, head)?;
    let mut tx = store.pool.begin().await?;
    let seq = change_log::append(&mut tx, store.dialect, logged).await?;
    if seq != head + 1 {
        return Err(StoreError::Behind { head: seq - 1 }.into());
    }
    insert_records(&mut tx, store.dialect, records).await?;
    insert_audit(&mut tx, store.dialect, audit).await?;
    change_log::prune_and_announce(&mut tx, store.dialect, seq).await?;
    tx.commit().await?;
    Ok(seq)
}

/// Inserts records in their order, runs of observations in multi-row statements. A clash
/// with a stored row is a conflict, which the application shows as such.
async fn insert_records(tx: &mut Tx<'_>, dialect: Dialect, records: &[Record]) -> Outcome<()> {
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
            insert_observations(tx, dialect, &observations)
                .await
                .map_err(conflict_or_database)?;
            rest = &rest[run..];
        } else {
            insert_record(tx, dialect, first)
                .await
                .map_err(conflict_or_database)?;
            rest = &rest[1..];
        }
    }
    Ok(())
}

/// See [`crate::Store::lock_writers`]: on PostgreSQL, an advisory lock held by a transaction
/// that the returned guard rolls back when dropped.
pub(super) async fn lock_writers(store: &SqlStore) -> Outcome<WritersLock> {
    if store.dialect != Dialect::Postgres {
        return Ok(WritersLock::unheld());
    }
    let mut transaction = store.pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(WRITERS_LOCK)
        .execute(&mut *transaction)
        .await?;
    Ok(WritersLock::holding(transaction))
}
