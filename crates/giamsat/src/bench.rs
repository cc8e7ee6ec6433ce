//! `giamsat bench …`: measurements printed for docs/benchmarks.md, run by scripts/bench.

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

/// How many figures each part of `bench import` writes.
pub struct ImportRows {
    /// Through the previous path: the whole file checked as one batch.
    pub whole: usize,
    /// Through the streamed path, from a file.
    pub streamed: usize,
    /// Straight to the store in commits.
    pub store: usize,
}

/// Imports monthly figures of the demo's indicators for the units of the 2025 tree into an
/// empty database: a CSV file through the application layer's previous path (the whole file
/// checked as one batch), another through the streamed path as `giamsat import` reads it
/// from its file, then figures straight into the store in batches; prints each throughput.
pub async fn import(
    db: &str,
    rows: ImportRows,
    csv_out: Option<std::path::PathBuf>,
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
    let wanted = rows.whole + rows.streamed + rows.store;
    let cells = cells(&app, wanted);
    if cells.len() < wanted {
        return Err(CliError::Other(format!(
            "the demo tree has {} cells; ask for fewer rows",
            cells.len()
        )));
    }
    println!("store: {dialect:?}");

    let mut csv = Vec::new();
    write_csv(&mut csv, &cells[..rows.whole]).map_err(|e| CliError::Other(e.to_string()))?;
    let started = Instant::now();
    let report = app
        .import_whole(
            &actor,
            ImportKind::Observations,
            "bench.csv",
            &csv,
            ImportOptions::default(),
        )
        .await?;
    drop(csv);
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "CSV import, previous path (whole file as one batch): {} rows in {seconds:.2} s = {:.0} rows/s",
        report.accepted,
        report.accepted as f64 / seconds
    );

    let path = csv_out.clone().unwrap_or_else(|| {
        let mut p = giamsat_store::SqlStore::sqlite_file_of(db).map_or_else(
            || std::env::temp_dir().join("giamsat-bench"),
            std::path::Path::to_path_buf,
        );
        p.set_extension("streamed.csv");
        p
    });
    let streamed = &cells[rows.whole..rows.whole + rows.streamed];
    let file_error = |e: std::io::Error| CliError::Other(format!("{}: {e}", path.display()));
    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).map_err(file_error)?);
        write_csv(&mut out, streamed).map_err(file_error)?;
        std::io::Write::flush(&mut out).map_err(file_error)?;
    }
    let size = std::fs::metadata(&path).map_err(file_error)?.len();
    let started = Instant::now();
    let input = std::fs::File::open(&path).map_err(file_error)?;
    let report = app
        .import_reader(
            &actor,
            ImportKind::Observations,
            "streamed.csv",
            std::io::BufReader::with_capacity(1 << 20, input),
            ImportOptions::default(),
        )
        .await?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "CSV import, streamed from a file of {:.1} MB: {} rows in {seconds:.2} s = {:.0} rows/s",
        size as f64 / 1e6,
        report.accepted,
        report.accepted as f64 / seconds
    );
    refused_import(&app, &actor, &path).await?;
    if csv_out.is_none() {
        let _ = std::fs::remove_file(&path);
    }
    let csv_rows = rows.whole + rows.streamed;

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

/// Imports the streamed file again with a bad row at its end, which refuses the whole file
/// once every chunk has been written; prints the time and the resident memory before and
/// after (what a refused import leaves held).
async fn refused_import(
    app: &App<SqlStore>,
    actor: &Actor,
    path: &std::path::Path,
) -> Result<(), CliError> {
    let file_error = |e: std::io::Error| CliError::Other(format!("{}: {e}", path.display()));
    let resident = resident_mb();
    let started = Instant::now();
    let input = std::io::Read::chain(
        std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(path).map_err(file_error)?),
        &b"RETAIL_SALES,NOWHERE,2027-01,1,estimate,bench\n"[..],
    );
    let refused = app
        .import_reader(
            actor,
            ImportKind::Observations,
            "refused.csv",
            input,
            ImportOptions::default(),
        )
        .await;
    let seconds = started.elapsed().as_secs_f64();
    let problems = match refused {
        Err(AppError::Import { errors, .. }) => errors.len(),
        Err(other) => return Err(other.into()),
        Ok(_) => return Err(CliError::Other("the refused file was accepted".into())),
    };
    println!(
        "the same file with a bad last row: refused ({problems} problem) in {seconds:.2} s; resident {} MB before, {} MB after",
        resident.unwrap_or(0),
        resident_mb().unwrap_or(0)
    );
    Ok(())
}

/// The process's resident memory in MB (Linux), if known.
fn resident_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// Figures of `cells` as a CSV file of observations.
fn write_csv(out: &mut impl std::io::Write, cells: &[Cell]) -> std::io::Result<()> {
    writeln!(out, "indicator,unit,period,value,kind,source")?;
    for (n, cell) in cells.iter().enumerate() {
        writeln!(
            out,
            "{},{},{},{},estimate,bench",
            cell.indicator_code,
            cell.unit_code,
            cell.period.code(),
            value(n)
        )?;
    }
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

/// Distinct (indicator, unit, month) cells of the units in force today, months from 2027 on.
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
    // From 2027: the units of the 2025 tree exist for every month, and no report of the
    // demo (approved ones lock their figures) is that late.
    let months: Vec<Period> = (2027..=2040)
        .flat_map(|y| (1..=12).map(move |m| format!("{y}-{m:02}")))
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
