//! Loading the engine fast: observations read with only what the engine keeps, straight from
//! the SQLite file by rusqlite on a blocking thread (sqlx's driver costs 5 µs a row in thread
//! hand-offs, minutes for a country), and the engine's checkpoint, saved in parts, in place of
//! the observations it covers.

use futures_util::TryStreamExt;
use giamsat_core::{
    IndicatorId, Observation, ObservationId, ObservationKind, Period, Provenance, Record, UnitId,
};
use sqlx::Row;

use super::{Outcome, SqlStore, Tx, u32_id};
use crate::codec::{enum_parse, period_parse};
use crate::{CheckpointPart, Loaded, StoreError};

/// Parts of the engine's checkpoint (8 MB each) written or deleted in one transaction.
const CHECKPOINT_PARTS_A_TRANSACTION: usize = 4;

/// Observations as the engine keeps them, from the columns of a row: no provenance, note,
/// document or reporting unit. Periods are parsed once each: a few hundred distinct ones
/// among millions of rows, looked up by their bytes (no UTF-8 check, no SipHash: both showed
/// in the profile of a country's start).
#[derive(Default)]
struct LeanObservations {
    periods: rustc_hash::FxHashMap<Box<[u8]>, Period>,
}

impl LeanObservations {
    fn read(
        &mut self,
        (id, indicator, unit): (i64, i64, i64),
        period: &[u8],
        value: f64,
        kind: &[u8],
        corrects: Option<i64>,
    ) -> Result<Observation, StoreError> {
        const T: &str = "observations";
        let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
        let period = match self.periods.get(period) {
            Some(parsed) => *parsed,
            None => {
                let parsed = period_parse(&text(period), T, id)?;
                self.periods.insert(period.into(), parsed);
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
                b"official" => ObservationKind::Official,
                other => enum_parse(&text(other), T, id)?,
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

/// Observations' ids are read in blocks of this many, dealt in turn to the readers.
const BLOCK: i64 = 8192;

/// How many threads read the SQLite file at once: decoding rows costs more than the engine
/// spends placing them, so two share it (on one core they only take turns).
const READERS: i64 = 2;

/// [`read_sqlite_observations`] on blocking threads, each reading every other block of
/// ids, their blocks applied here in the order of ids as they come: a correction always
/// after the figure it corrects, as from one reader, with memory bounded by the blocks in
/// flight.
pub(super) async fn observations_from_sqlite_file(
    file: &std::path::Path,
    ids: std::ops::RangeInclusive<i64>,
    apply: &mut (dyn FnMut(Loaded) + Send),
) -> Outcome<()> {
    let (mut receivers, mut tasks) = (Vec::new(), Vec::new());
    for reader in 0..READERS {
        let (send, receive) = tokio::sync::mpsc::channel(4);
        let file = file.to_owned();
        let ids = ids.clone();
        receivers.push(receive);
        tasks.push(tokio::task::spawn_blocking(move || {
            read_sqlite_observations(&file, ids, (reader, READERS), send)
        }));
    }
    // Block n comes from reader n % readers; the first reader to have nothing more ends the
    // read, as every block before its next one has been applied.
    for reader in (0..receivers.len()).cycle() {
        let Some(block) = receivers[reader].recv().await else {
            break;
        };
        if !block.is_empty() {
            apply(Loaded::Observations(block));
        }
    }
    // A reader that failed closed its channel early: the others must not wait on theirs.
    drop(receivers);
    for task in tasks {
        task.await
            .map_err(|e| StoreError::SqliteRead(e.to_string()))??;
    }
    Ok(())
}

/// Reads the observations with ids in `ids` (the start excluded) straight from the SQLite
/// file, as the engine needs them, in blocks of [`BLOCK`] ids, the blocks `reader.0`,
/// `reader.0 + reader.1`, …, and sends each, empty or not (the receiver counts them).
/// sqlx's SQLite driver hands each row from its worker thread through a channel with every
/// value copied into a fresh allocation: 5 µs a row at start-up, most of it in malloc and
/// wake-ups, which is minutes for a country. Stepping the statement in this thread instead
/// costs a fraction of a microsecond a row; the rows come from the covering index
/// `observations_load`, a quarter of the table's bytes.
fn read_sqlite_observations(
    file: &std::path::Path,
    ids: std::ops::RangeInclusive<i64>,
    (reader, readers): (i64, i64),
    send: tokio::sync::mpsc::Sender<Vec<Observation>>,
) -> Result<(), StoreError> {
    use rusqlite::OpenFlags;
    let fail = |e: rusqlite::Error| StoreError::SqliteRead(format!("{}: {e}", file.display()));
    let connection = rusqlite::Connection::open_with_flags(
        file,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(fail)?;
    connection
        .busy_timeout(std::time::Duration::from_secs(10))
        .map_err(fail)?;
    // Pages read through a map rather than copied from the kernel's cache by a call each.
    connection
        .pragma_update(None, "mmap_size", 1i64 << 40)
        .map_err(fail)?;
    let mut statement = connection
        .prepare(
            "SELECT id, indicator_id, unit_id, period, value, kind, corrects FROM observations WHERE id > ?1 AND id <= ?2 ORDER BY id",
        )
        .map_err(fail)?;
    let mut lean = LeanObservations::default();
    let (first, last) = (*ids.start(), *ids.end());
    let mut after = first.saturating_add(reader * BLOCK);
    while after < last {
        let through = after.saturating_add(BLOCK).min(last);
        let mut block = Vec::with_capacity(usize::try_from(through - after).unwrap_or(0));
        let mut rows = statement.query([after, through]).map_err(fail)?;
        while let Some(row) = rows.next().map_err(fail)? {
            let bytes = |i| row.get_ref(i).and_then(|v| Ok(v.as_bytes()?)).map_err(fail);
            block.push(lean.read(
                (
                    row.get(0).map_err(fail)?,
                    row.get(1).map_err(fail)?,
                    row.get(2).map_err(fail)?,
                ),
                bytes(3)?,
                row.get(4).map_err(fail)?,
                bytes(5)?,
                row.get(6).map_err(fail)?,
            )?);
        }
        if send.blocking_send(block).is_err() {
            return Ok(()); // the receiver stopped listening: it has failed already
        }
        after = after.saturating_add(readers * BLOCK);
    }
    Ok(())
}

/// See [`crate::Store::save_checkpoint`]: the parts a few to a transaction, then the row that
/// makes them count, then older generations deleted.
pub(super) async fn save_checkpoint(
    store: &SqlStore,
    through: u64,
    mut parts: tokio::sync::mpsc::Receiver<CheckpointPart>,
) -> Outcome<()> {
    let last: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM observations")
        .fetch_one(&store.pool)
        .await?;
    let Some(through) = i64::try_from(through).ok().filter(|t| *t <= last) else {
        return Err(StoreError::CheckpointAhead { through, last }.into());
    };
    let generation: i64 = sqlx::query_scalar(
        "SELECT coalesce(max(generation), 0) + 1 FROM
         (SELECT generation FROM engine_checkpoints
          UNION ALL SELECT generation FROM engine_checkpoint_parts) AS g",
    )
    .fetch_one(&store.pool)
    .await?;
    // A few parts a transaction, so that other writers wait a fraction of a second at most.
    let mut count = 0i64;
    let mut ended = false;
    while !ended {
        let mut tx = store.pool.begin().await?;
        let mut written = 0;
        while written < CHECKPOINT_PARTS_A_TRANSACTION {
            match parts.recv().await {
                Some(CheckpointPart::Part(bytes)) => {
                    sqlx::query(
                        "INSERT INTO engine_checkpoint_parts (generation, part, bytes) VALUES ($1, $2, $3)",
                    )
                    .bind(generation)
                    .bind(count)
                    .bind(bytes)
                    .execute(&mut *tx)
                    .await?;
                    count += 1;
                    written += 1;
                }
                Some(CheckpointPart::End) => {
                    ended = true;
                    break;
                }
                // The parts left behind belong to no checkpoint: the next save deletes them.
                None => {
                    tx.commit().await?;
                    return Err(StoreError::CheckpointCutShort {
                        sent: count as usize,
                    }
                    .into());
                }
            }
        }
        tx.commit().await?;
    }
    let mut tx = store.pool.begin().await?;
    sqlx::query("INSERT INTO engine_checkpoints (generation, through, parts) VALUES ($1, $2, $3)")
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
    .fetch_all(&store.pool)
    .await?;
    for batch in stale.chunks(CHECKPOINT_PARTS_A_TRANSACTION) {
        let mut tx = store.pool.begin().await?;
        for (generation, part) in batch {
            sqlx::query("DELETE FROM engine_checkpoint_parts WHERE generation = $1 AND part = $2")
                .bind(generation)
                .bind(part)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
    }
    Ok(())
}

/// Passes on the stored checkpoint's parts and returns the id of the last observation it
/// covers; 0, passing nothing, when there is none or it covers observations this
/// transaction does not see (saved by a process further on).
pub(super) async fn read_checkpoint(
    tx: &mut Tx<'_>,
    last: i64,
    apply: &mut (dyn FnMut(Loaded) + Send),
) -> Outcome<i64> {
    let latest: Option<(i64, i64, i64)> = sqlx::query_as(
        "SELECT generation, through, parts FROM engine_checkpoints
         ORDER BY generation DESC LIMIT 1",
    )
    .fetch_optional(&mut **tx)
    .await?;
    let Some((generation, through, count)) = latest.filter(|c| c.1 <= last) else {
        return Ok(0);
    };
    let stored: i64 =
        sqlx::query_scalar("SELECT count(*) FROM engine_checkpoint_parts WHERE generation = $1")
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
    // One part asked for at a time: the driver reads ahead of a stream, and a country's
    // checkpoint (1.3 GB) held at once stays in the process's heap once it is restored.
    for part in 0..count {
        let bytes: Vec<u8> = sqlx::query_scalar(
            "SELECT bytes FROM engine_checkpoint_parts WHERE generation = $1 AND part = $2",
        )
        .bind(generation)
        .bind(part)
        .fetch_one(&mut **tx)
        .await?;
        apply(Loaded::CheckpointPart(bytes));
    }
    Ok(through)
}

/// The observations with ids in `ids` (the start excluded), with only what the engine keeps
/// (cell, value, kind, id, what a correction corrects), converted as they stream in: a whole
/// country's tens of millions of rows never sit in memory, as rows or as records.
pub(super) async fn observations_for_engine(
    tx: &mut Tx<'_>,
    ids: std::ops::RangeInclusive<i64>,
    apply: &mut (dyn FnMut(Loaded) + Send),
) -> Outcome<()> {
    let mut lean = LeanObservations::default();
    let mut rows = sqlx::query(
        "SELECT id, indicator_id, unit_id, period, value, kind, corrects FROM observations
         WHERE id > $1 AND id <= $2 ORDER BY id",
    )
    .bind(*ids.start())
    .bind(*ids.end())
    .fetch(&mut **tx);
    while let Some(row) = rows.try_next().await? {
        // PostgreSQL gives text columns as text, not bytes.
        apply(Loaded::Record(Record::Observation(lean.read(
            (row.get(0), row.get(1), row.get(2)),
            row.get::<&str, _>(3).as_bytes(),
            row.get(4),
            row.get::<&str, _>(5).as_bytes(),
            row.get(6),
        )?)));
    }
    Ok(())
}
