//! Reading records back: the whole state for the engine, one table at a time in the order the
//! engine applies them, inside one transaction with the change-log head; and the histories
//! the application reads from the store (a cell's observations, the audit trail).

use std::collections::HashMap;

use futures_util::TryStreamExt;
use giamsat_core::indicator::{AcrossUnits, IndicatorCode};
use giamsat_core::org::UnitCode;
use giamsat_core::target::Baseline;
use giamsat_core::text::{Language, Translations};
use giamsat_core::{
    Document, DocumentId, DocumentKey, Horizon, Indicator, IndicatorId, Month, Observation,
    ObservationId, Period, Record, ReportedScorecard, Scenario, Target, TargetId, Unit, UnitId,
};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Dialect, Outcome, SqlStore, Tx, fast_load, id_of, provenance, u32_id};
use crate::codec::{date_parse, enum_parse, period_parse, timestamp_parse};
use crate::{AuditEntry, Loaded, Snapshot, StoreError};

/// How [`read_records`] reads the observations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Whole, as stored.
    Full,
    /// As the engine keeps them.
    Lean,
    /// As the engine keeps them, from the saved checkpoint on.
    FromCheckpoint,
}

pub(super) async fn load(store: &SqlStore) -> Outcome<Snapshot> {
    let mut records = Vec::new();
    let mut keep = |loaded| match loaded {
        Loaded::Record(record) => records.push(record),
        Loaded::Observations(block) => records.extend(block.into_iter().map(Record::Observation)),
        Loaded::CheckpointPart(_) => {}
    };
    let head = read_records(store, &mut keep, Reading::Full).await?;
    Ok(Snapshot { records, head })
}

pub(super) async fn load_into(
    store: &SqlStore,
    from_checkpoint: bool,
    apply: &mut (dyn FnMut(Loaded) + Send),
) -> Outcome<i64> {
    let reading = if from_checkpoint {
        Reading::FromCheckpoint
    } else {
        Reading::Lean
    };
    read_records(store, apply, reading).await
}

pub(super) async fn latest_observations(
    store: &SqlStore,
    indicator: IndicatorId,
    unit: UnitId,
    period: Period,
    latest: u32,
) -> Outcome<(Vec<Observation>, u64)> {
    let observations = sqlx::query(
        "SELECT * FROM observations WHERE indicator_id = $1 AND unit_id = $2 AND period = $3 ORDER BY id DESC LIMIT $4",
    )
    .bind(i64::from(indicator.0))
    .bind(i64::from(unit.0))
    .bind(period.code())
    .bind(i64::from(latest))
    .fetch_all(&store.pool)
    .await?
    .iter()
    .map(observation_from_row)
    .collect::<Result<Vec<_>, StoreError>>()?;
    let all: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM observations WHERE indicator_id = $1 AND unit_id = $2 AND period = $3",
    )
    .bind(i64::from(indicator.0))
    .bind(i64::from(unit.0))
    .bind(period.code())
    .fetch_one(&store.pool)
    .await?;
    Ok((observations, u64::try_from(all).unwrap_or(0)))
}

pub(super) async fn observation_history(
    store: &SqlStore,
    indicator: IndicatorId,
    unit: UnitId,
    period: Period,
) -> Outcome<Vec<Observation>> {
    sqlx::query("SELECT * FROM observations WHERE indicator_id = $1 AND unit_id = $2 AND period = $3 ORDER BY id")
        .bind(i64::from(indicator.0))
        .bind(i64::from(unit.0))
        .bind(period.code())
        .fetch_all(&store.pool)
        .await?
        .iter()
        .map(observation_from_row)
        .collect::<Result<_, StoreError>>()
        .map_err(Into::into)
}

pub(super) async fn observations(store: &SqlStore) -> Outcome<Vec<Observation>> {
    // Rows are converted as they stream in, so the raw rows of a large table are never
    // all in memory at once.
    let mut rows = sqlx::query("SELECT * FROM observations ORDER BY id").fetch(&store.pool);
    let mut observations = Vec::new();
    while let Some(row) = rows.try_next().await? {
        observations.push(observation_from_row(&row)?);
    }
    Ok(observations)
}

pub(super) async fn observations_citing(
    store: &SqlStore,
    prefix: &str,
) -> Outcome<Vec<Observation>> {
    // A prefix match written with substr, so no character in the prefix acts as a wildcard.
    sqlx::query("SELECT * FROM observations WHERE substr(source, 1, length($1)) = $1 ORDER BY id")
        .bind(prefix)
        .fetch_all(&store.pool)
        .await?
        .iter()
        .map(observation_from_row)
        .collect::<Result<_, StoreError>>()
        .map_err(Into::into)
}

pub(super) async fn audit_trail(
    store: &SqlStore,
    object_prefix: Option<&str>,
    limit: u32,
) -> Outcome<Vec<AuditEntry>> {
    // A prefix match written with substr, so no character in the prefix acts as a wildcard.
    let prefix = object_prefix.unwrap_or("");
    let rows = sqlx::query(
        "SELECT * FROM audit_log WHERE substr(object, 1, length($1)) = $1 ORDER BY id DESC LIMIT $2",
    )
    .bind(prefix)
    .bind(i64::from(limit))
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .iter()
        .map(audit_from_row)
        .collect::<Result<_, StoreError>>()?)
}

pub(super) async fn audit_of_units(
    store: &SqlStore,
    units: &[UnitId],
    object_prefix: Option<&str>,
    limit: u32,
) -> Outcome<Vec<AuditEntry>> {
    // The ids travel as one JSON array, so a subtree of thousands of units is one bound
    // parameter. The object's prefix is matched in the same statement, as in `audit_trail`,
    // so that the limit counts only entries that pass both filters.
    let ids = serde_json::Value::from(units.iter().map(|u| u.0).collect::<Vec<u32>>());
    let prefix = object_prefix.unwrap_or("");
    let rows = sqlx::query(match store.dialect {
        Dialect::Sqlite => "SELECT * FROM audit_log WHERE unit_id IN (SELECT value FROM json_each($1)) AND substr(object, 1, length($3)) = $3 ORDER BY id DESC LIMIT $2",
        Dialect::Postgres => "SELECT * FROM audit_log WHERE unit_id IN (SELECT value::bigint FROM jsonb_array_elements_text($1::jsonb)) AND substr(object, 1, length($3)) = $3 ORDER BY id DESC LIMIT $2",
    })
    .bind(ids.to_string())
    .bind(i64::from(limit))
    .bind(prefix)
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .iter()
        .map(audit_from_row)
        .collect::<Result<_, StoreError>>()?)
}

pub(super) async fn audit_search(
    store: &SqlStore,
    filter: &crate::AuditFilter,
) -> Outcome<Vec<AuditEntry>> {
    // One statement for every combination: a filter not given is an empty text (or a flag of
    // 0) that its condition lets through, and prefixes are matched with substr, so no
    // character acts as a wildcard. Times are ISO text in UTC, so days compare as text.
    let units = filter.units.as_deref().unwrap_or(&[]);
    let ids = serde_json::Value::from(units.iter().map(|u| u.0).collect::<Vec<u32>>());
    let day = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let rows = sqlx::query(match store.dialect {
        Dialect::Sqlite => {
            "SELECT * FROM audit_log WHERE ($1 = 0 OR unit_id IN (SELECT value FROM json_each($2))) \
             AND ($3 = '' OR lower(actor) = lower($3)) AND substr(action, 1, length($4)) = $4 \
             AND substr(object, 1, length($5)) = $5 AND ($6 = '' OR at >= $6) \
             AND ($7 = '' OR at < $7) ORDER BY id DESC LIMIT $8 OFFSET $9"
        }
        Dialect::Postgres => {
            "SELECT * FROM audit_log WHERE ($1 = 0 OR unit_id IN (SELECT value::bigint FROM jsonb_array_elements_text($2::jsonb))) \
             AND ($3 = '' OR lower(actor) = lower($3)) AND substr(action, 1, length($4)) = $4 \
             AND substr(object, 1, length($5)) = $5 AND ($6 = '' OR at >= $6) \
             AND ($7 = '' OR at < $7) ORDER BY id DESC LIMIT $8 OFFSET $9"
        }
    })
    .bind(i64::from(filter.units.is_some()))
    .bind(ids.to_string())
    .bind(filter.actor.clone().unwrap_or_default())
    .bind(filter.action.clone().unwrap_or_default())
    .bind(filter.object.clone().unwrap_or_default())
    .bind(day(filter.from))
    .bind(day(filter.to.and_then(|d| d.next_day())))
    .bind(i64::from(filter.limit))
    .bind(i64::from(filter.offset))
    .fetch_all(&store.pool)
    .await?;
    Ok(rows
        .iter()
        .map(audit_from_row)
        .collect::<Result<_, StoreError>>()?)
}

/// Passes each record on as it is read.
type Apply<'a> = &'a mut (dyn FnMut(Loaded) + Send);

/// Every record, one state read in one transaction, passed to `apply` as it is read, table by
/// table in the order the engine applies them (see [`crate::Store::load`]). Returns the
/// change-log position the records reflect.
async fn read_records(store: &SqlStore, apply: Apply<'_>, reading: Reading) -> Outcome<i64> {
    // One read transaction, so the records and the change-log head are one state even
    // while other processes write.
    let mut tx = store.pool.begin().await?;
    if store.dialect == Dialect::Postgres {
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .execute(&mut *tx)
            .await?;
    }
    let head: i64 = sqlx::query_scalar("SELECT coalesce(max(seq), 0) FROM change_log")
        .fetch_one(&mut *tx)
        .await?;
    let mut names = Names::read(&mut tx).await?;
    read_table(&mut tx, "units", apply, |row| unit(row, &mut names)).await?;
    read_table(&mut tx, "unit_successions", apply, succession).await?;
    read_table(&mut tx, "indicators", apply, |row| {
        indicator(row, &mut names)
    })
    .await?;
    read_table(&mut tx, "documents", apply, |row| document(row, &mut names)).await?;
    read_table(&mut tx, "targets", apply, target).await?;
    read_scenarios(&mut tx, apply).await?;
    // Corrections of documents, targets and indicators, in the order recorded: after what
    // they correct and before the figures, so that indicators combine by their current rules.
    read_table(&mut tx, "amendments", apply, amendment).await?;
    // Regimes cite documents and indicators; steps follow their regime, in recorded order.
    // Both come before the figures: whether a figure is published or held back for its
    // report depends on the approvals, which must all be known as the figures are read
    // (an approval names the last figure it publishes), so a restart publishes the same.
    read_table(&mut tx, "reporting_records", apply, reporting).await?;
    read_observations(store, &mut tx, reading, apply).await?;
    read_table(&mut tx, "reported_scorecards", apply, reported_scorecard).await?;
    // Follow-up records refer to units, documents and each other: last, in the order
    // they were recorded.
    read_table(&mut tx, "follow_up_records", apply, follow_up).await?;
    // Rules name their regime, read before the figures: after it.
    read_table(&mut tx, "validation_rules", apply, validation_rule).await?;
    tx.commit().await?;
    Ok(head)
}

/// Every row of `table` in the order of its ids, each made a record by `record`.
async fn read_table(
    tx: &mut Tx<'_>,
    table: &str,
    apply: Apply<'_>,
    mut record: impl FnMut(&AnyRow) -> Result<Record, StoreError>,
) -> Outcome<()> {
    for row in sqlx::query(&format!("SELECT * FROM {table} ORDER BY id"))
        .fetch_all(&mut **tx)
        .await?
    {
        apply(Loaded::Record(record(&row)?));
    }
    Ok(())
}

/// The translations of every named object, each taken by the row that names it.
struct Names(HashMap<(String, i64, String), Translations>);

impl Names {
    async fn read(tx: &mut Tx<'_>) -> Outcome<Names> {
        let mut map: HashMap<(String, i64, String), Translations> = HashMap::new();
        let rows = sqlx::query("SELECT object, object_id, field, locale, text FROM translations")
            .fetch_all(&mut **tx)
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
        Ok(Names(map))
    }

    fn take(&mut self, object: &str, id: i64, field: &str) -> Translations {
        self.0
            .remove(&(object.to_owned(), id, field.to_owned()))
            .unwrap_or_default()
    }
}

fn corrupt(table: &'static str, id: i64, problem: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        table,
        id,
        problem: problem.to_string(),
    }
}

fn unit(row: &AnyRow, names: &mut Names) -> Result<Record, StoreError> {
    const T: &str = "units";
    let id = id_of(row);
    let code: String = row.get("code");
    let kind: String = row.get("kind");
    Ok(Record::Unit(Unit {
        id: UnitId(u32_id(id, T)?),
        code: UnitCode::parse(&code).map_err(|e| corrupt(T, id, e))?,
        kind: enum_parse(&kind, T, id)?,
        name: names.take("unit", id, "name"),
        parent: row
            .get::<Option<i64>, _>("parent_id")
            .map(|p| u32_id(p, T).map(UnitId))
            .transpose()?,
        valid_from: date_parse(row.get("valid_from"), T, id)?,
        valid_to: date_parse(row.get("valid_to"), T, id)?,
        provenance: provenance(row, T)?,
    }))
}

fn succession(row: &AnyRow) -> Result<Record, StoreError> {
    const T: &str = "unit_successions";
    let id = id_of(row);
    let from = date_parse(row.get("valid_from"), T, id)?
        .ok_or_else(|| corrupt(T, id, "valid_from missing"))?;
    Ok(Record::Succession(giamsat_core::Succession {
        predecessor: UnitId(u32_id(row.get("predecessor"), T)?),
        successor: UnitId(u32_id(row.get("successor"), T)?),
        share: row.get("share"),
        from,
        provenance: provenance(row, T)?,
    }))
}

fn indicator(row: &AnyRow, names: &mut Names) -> Result<Record, StoreError> {
    const T: &str = "indicators";
    let id = id_of(row);
    let code: String = row.get("code");
    let decimals: i64 = row.get("decimals");
    Ok(Record::Indicator(Indicator {
        id: IndicatorId(u32_id(id, T)?),
        code: IndicatorCode::parse(&code).map_err(|e| corrupt(T, id, e))?,
        name: names.take("indicator", id, "name"),
        measure: names.take("indicator", id, "measure"),
        decimals: u8::try_from(decimals).unwrap_or(0),
        direction: enum_parse(&row.get::<String, _>("direction"), T, id)?,
        across_units: across_units(row, id)?,
        over_time: enum_parse(&row.get::<String, _>("over_time"), T, id)?,
        same_period_base: row
            .get::<Option<String>, _>("same_period_base")
            .map(|b| enum_parse(&b, T, id))
            .transpose()?,
        provenance: provenance(row, T)?,
    }))
}

/// An indicator's rule across units, with the indicators it is computed from.
fn across_units(row: &AnyRow, id: i64) -> Result<AcrossUnits, StoreError> {
    const T: &str = "indicators";
    let part = |column: &str| -> Result<IndicatorId, StoreError> {
        let value: Option<i64> = row.get(column);
        let value = value.ok_or_else(|| corrupt(T, id, format!("{column} missing")))?;
        Ok(IndicatorId(u32_id(value, T)?))
    };
    let rule: String = row.get("across_units");
    Ok(match rule.as_str() {
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
        other => return Err(corrupt(T, id, format!("rule \"{other}\""))),
    })
}

fn document(row: &AnyRow, names: &mut Names) -> Result<Record, StoreError> {
    const T: &str = "documents";
    let id = id_of(row);
    let key: String = row.get("key");
    Ok(Record::Document(Document {
        id: DocumentId(u32_id(id, T)?),
        key: DocumentKey::parse(&key).map_err(|e| corrupt(T, id, e))?,
        number: row.get("number"),
        doc_type: enum_parse(&row.get::<String, _>("doc_type"), T, id)?,
        issued_by: UnitId(u32_id(row.get("issued_by"), T)?),
        issued_on: date_parse(row.get("issued_on"), T, id)?,
        title: names.take("document", id, "title"),
        horizon: Horizon {
            target_year: row.get("target_year"),
            orientation_year: row.get("orientation_year"),
            vision_year: row.get("vision_year"),
        },
        provenance: provenance(row, T)?,
    }))
}

fn target(row: &AnyRow) -> Result<Record, StoreError> {
    const T: &str = "targets";
    let id = id_of(row);
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
    Ok(Record::Target(Target {
        id: TargetId(u32_id(id, T)?),
        document: DocumentId(u32_id(row.get("document_id"), T)?),
        indicator: IndicatorId(u32_id(row.get("indicator_id"), T)?),
        unit: UnitId(u32_id(row.get("unit_id"), T)?),
        period: period_parse(&row.get::<String, _>("period"), T, id)?,
        value: row.get("value"),
        comparator: enum_parse(&row.get::<String, _>("comparator"), T, id)?,
        baseline,
        provenance: provenance(row, T)?,
    }))
}

/// The current scenario of each target, with its points. Only the latest scenario of a
/// target is current; earlier ones stay in the table as history.
async fn read_scenarios(tx: &mut Tx<'_>, apply: Apply<'_>) -> Outcome<()> {
    let scenario_rows = sqlx::query(
        "SELECT s.id, s.target_id, s.source, s.recorded_by, s.recorded_at FROM scenarios s
         WHERE s.id = (SELECT MAX(id) FROM scenarios t WHERE t.target_id = s.target_id) ORDER BY s.id",
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut points: HashMap<i64, Vec<(Month, f64)>> = HashMap::new();
    for row in sqlx::query(
        "SELECT scenario_id, month, value FROM scenario_points ORDER BY scenario_id, month",
    )
    .fetch_all(&mut **tx)
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
    Ok(())
}

/// The observations as `reading` asks: whole, or lean (from the SQLite file itself when
/// there is one), after the checkpoint's parts when it stands in for the first ones.
async fn read_observations(
    store: &SqlStore,
    tx: &mut Tx<'_>,
    reading: Reading,
    apply: Apply<'_>,
) -> Outcome<()> {
    // Observations are append-only and numbered in commit order, so those up to the
    // largest id this transaction sees are exactly its state, whoever reads them.
    let last: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM observations")
        .fetch_one(&mut **tx)
        .await?;
    let after = match reading {
        Reading::FromCheckpoint => fast_load::read_checkpoint(tx, last, apply).await?,
        Reading::Lean | Reading::Full => 0,
    };
    match (reading, &store.sqlite_file) {
        (Reading::Full, _) => {
            let mut rows = sqlx::query("SELECT * FROM observations ORDER BY id").fetch(&mut **tx);
            while let Some(row) = rows.try_next().await? {
                apply(Loaded::Record(Record::Observation(observation_from_row(
                    &row,
                )?)));
            }
            Ok(())
        }
        (_, Some(file)) => {
            fast_load::observations_from_sqlite_file(file, after..=last, apply).await
        }
        (_, None) => fast_load::observations_for_engine(tx, after..=last, apply).await,
    }
}

fn reported_scorecard(row: &AnyRow) -> Result<Record, StoreError> {
    const T: &str = "reported_scorecards";
    let id = id_of(row);
    Ok(Record::ReportedScorecard(ReportedScorecard {
        unit: UnitId(u32_id(row.get("unit_id"), T)?),
        period: period_parse(&row.get::<String, _>("period"), T, id)?,
        met: u32::try_from(row.get::<i64, _>("met")).unwrap_or(0),
        set: u32::try_from(row.get::<i64, _>("set_count")).unwrap_or(0),
        document: row
            .get::<Option<i64>, _>("document_id")
            .map(|d| u32_id(d, T).map(DocumentId))
            .transpose()?,
        provenance: provenance(row, T)?,
    }))
}

fn follow_up(row: &AnyRow) -> Result<Record, StoreError> {
    let record: giamsat_core::follow_up::FollowUp =
        serde_json::from_str(&row.get::<String, _>("body"))
            .map_err(|e| corrupt("follow_up_records", id_of(row), e))?;
    Ok(Record::FollowUp(record))
}

fn reporting(row: &AnyRow) -> Result<Record, StoreError> {
    let record: giamsat_core::reporting::Reporting =
        serde_json::from_str(&row.get::<String, _>("body"))
            .map_err(|e| corrupt("reporting_records", id_of(row), e))?;
    Ok(Record::Reporting(record))
}

fn validation_rule(row: &AnyRow) -> Result<Record, StoreError> {
    let rule: giamsat_core::reporting::validation::Rule =
        serde_json::from_str(&row.get::<String, _>("body"))
            .map_err(|e| corrupt("validation_rules", id_of(row), e))?;
    Ok(Record::Rule(rule))
}

fn amendment(row: &AnyRow) -> Result<Record, StoreError> {
    let amendment: giamsat_core::amendment::Amendment =
        serde_json::from_str(&row.get::<String, _>("body"))
            .map_err(|e| corrupt("amendments", id_of(row), e))?;
    Ok(Record::Amendment(amendment))
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
