//! `giamsat bench …`: measurements printed for docs/benchmarks.md, run by scripts/bench.

use std::fmt::Write as _;
use std::time::Instant;

use giamsat_app::{Actor, App, AppError, ImportKind, ImportOptions, SqlStore, Store, StoreError};
use giamsat_core::{
    IndicatorId, Observation, ObservationId, ObservationKind, Period, Provenance, Record, UnitId,
};
use giamsat_store::BulkOrigin;

use crate::CliError;

pub mod analytics;
pub mod generate;
pub mod load;

/// Imports monthly figures of the demo's indicators for the units of the 2025 tree into an
/// empty database: first as a CSV file through the application layer, then straight into the
/// store in batches, and prints each throughput.
pub async fn import(
    db: &str,
    csv_rows: usize,
    observations: usize,
    batch: usize,
) -> Result<(), CliError> {
    let store = SqlStore::open(db).await.map_err(AppError::from)?;
    let dialect = store.dialect();
    let app = App::open(store).await?;
    if app.engine().units().next().is_some() {
        return Err(CliError::Other(format!(
            "{}: bench import needs an empty database",
            giamsat_store::redact(db)
        )));
    }
    let actor = Actor::named("bench");
    app.load_demo(&actor).await?;
    let cells = cells(&app, csv_rows + observations);
    if cells.len() < csv_rows + observations {
        return Err(CliError::Other(format!(
            "the demo tree has {} cells; ask for fewer rows",
            cells.len()
        )));
    }
    println!("store: {dialect:?}");

    let mut csv = String::from("indicator,unit,period,value,kind,source\n");
    for (n, cell) in cells[..csv_rows].iter().enumerate() {
        let _ = writeln!(
            csv,
            "{},{},{},{},estimate,bench",
            cell.indicator_code,
            cell.unit_code,
            cell.period.code(),
            value(n)
        );
    }
    let started = Instant::now();
    let report = app
        .import(
            &actor,
            ImportKind::Observations,
            "bench.csv",
            csv.as_bytes(),
            ImportOptions::default(),
        )
        .await?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "CSV import through the application layer: {} rows in {seconds:.2} s = {:.0} rows/s",
        report.accepted,
        report.accepted as f64 / seconds
    );

    // Straight to the store through the bulk path, as a second process would write: the
    // application's engine is not told, so its head is where the store-level writes start.
    let store = SqlStore::open(db).await.map_err(AppError::from)?;
    let origin = BulkOrigin {
        actor: "bench".into(),
        source: "giamsat bench import".into(),
        at: time::OffsetDateTime::now_utc(),
    };
    let mut head = app.head();
    let mut id = app.engine().next_observation_id().0;
    let provenance = Provenance {
        source: "bench".into(),
        recorded_by: "bench".into(),
        recorded_at: time::OffsetDateTime::now_utc(),
    };
    let records: Vec<Record> = cells[csv_rows..]
        .iter()
        .enumerate()
        .map(|(n, cell)| {
            id += 1;
            Record::Observation(Observation {
                id: ObservationId(id),
                indicator: cell.indicator,
                unit: cell.unit,
                period: cell.period,
                value: value(n),
                kind: ObservationKind::Estimate,
                reported_by: None,
                document: None,
                corrects: None,
                note: None,
                provenance: provenance.clone(),
            })
        })
        .collect();
    let started = Instant::now();
    for chunk in records.chunks(batch.max(1)) {
        head = store
            .bulk_load(chunk, head, &origin)
            .await
            .map_err(|e: StoreError| AppError::from(e))?;
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "store commits of {} observations: {} in {seconds:.2} s = {:.0} observations/s",
        batch,
        records.len(),
        records.len() as f64 / seconds
    );
    Ok(())
}

/// A value with cents, different for every row.
fn value(n: usize) -> f64 {
    (n % 100_000) as f64 * 3.25 + 0.5
}

struct Cell {
    indicator: IndicatorId,
    indicator_code: String,
    unit: UnitId,
    unit_code: String,
    period: Period,
}

/// Distinct (indicator, unit, month) cells of the units in force today, months from July
/// 2025 on.
fn cells(app: &App<SqlStore>, wanted: usize) -> Vec<Cell> {
    let engine = app.engine();
    let indicators: Vec<(IndicatorId, String)> = engine
        .indicators()
        .map(|i| (i.id, i.code.as_str().to_owned()))
        .collect();
    let units: Vec<(UnitId, String)> = engine
        .units()
        .filter(|u| u.valid_to.is_none())
        .map(|u| (u.id, u.code.as_str().to_owned()))
        .collect();
    let months: Vec<Period> = (7..=12)
        .map(|m| format!("2025-{m:02}"))
        .chain((1..=10).map(|m| format!("2026-{m:02}")))
        .filter_map(|p| p.parse().ok())
        .collect();
    let mut cells = Vec::with_capacity(wanted);
    'all: for period in &months {
        for (indicator, indicator_code) in &indicators {
            for (unit, unit_code) in &units {
                if cells.len() == wanted {
                    break 'all;
                }
                cells.push(Cell {
                    indicator: *indicator,
                    indicator_code: indicator_code.clone(),
                    unit: *unit,
                    unit_code: unit_code.clone(),
                    period: *period,
                });
            }
        }
    }
    cells
}
