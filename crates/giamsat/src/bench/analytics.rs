//! `giamsat bench analytics`: start-up, memory and the five questions of the analytics
//! benchmark on a generated dataset, answered by the engine through the evaluation functions
//! the pages use. `scripts/bench analytics` asks DuckDB, PostgreSQL and SQLite the same
//! questions on the same data and compares the answers with the ones written here.

use std::path::Path;
use std::time::{Duration, Instant};

use giamsat_app::input::ObservationInput;
use giamsat_app::{Actor, App, AppError, SqlStore};
use giamsat_core::evaluation::{change_ranking, evaluate, scorecard_ranking};
use giamsat_core::{Engine, IndicatorCode, Month, Period, UnitCode, UnitId};
use serde_json::{Value, json};

use crate::CliError;
use crate::bench::generate::LAST_MONTH;

/// The questions' parameters, fixed so that every engine is asked the same thing.
pub const INDICATOR: &str = "I001";
pub const PROVINCE: &str = "01";
pub const MONTH: (i32, u8) = (2025, 6);
pub const YEAR: i32 = 2025;

fn other(message: impl std::fmt::Display) -> CliError {
    CliError::Other(message.to_string())
}

/// What the five questions need from the engine, looked up once.
struct Questions {
    indicator: giamsat_core::IndicatorId,
    province: UnitId,
    provinces: Vec<UnitId>,
    month: Period,
    year: Period,
    /// January to the last month with figures, for the ranking by change.
    year_to_date: Period,
    first_year: i32,
}

impl Questions {
    fn new(engine: &Engine) -> Result<Questions, CliError> {
        let code = |c: &str| IndicatorCode::parse(c).map_err(|e| other(e.0));
        let indicator = engine
            .indicator_by_code(&code(INDICATOR)?)
            .ok_or_else(|| other(format!("no indicator {INDICATOR}: generate the data first")))?
            .id;
        let unit = |c: &str| -> Result<UnitId, CliError> {
            let code = UnitCode::parse(c).map_err(|e| other(e.0))?;
            Ok(engine
                .unit_by_code(&code)
                .ok_or_else(|| other(format!("no unit {c}")))?
                .id)
        };
        let nation = unit("VN")?;
        let month = |(y, m): (i32, u8)| Month::new(y, m).ok_or_else(|| other("month"));
        let first_year = engine
            .targets()
            .map(|t| t.period.start().year())
            .min()
            .ok_or_else(|| other("no targets"))?;
        Ok(Questions {
            indicator,
            province: unit(PROVINCE)?,
            provinces: engine.children(nation).iter().map(|u| u.id).collect(),
            month: Period::month(month(MONTH)?),
            year: Period::year(YEAR).map_err(|e| other(format!("{e:?}")))?,
            year_to_date: Period::year_to_date(month(LAST_MONTH)?),
            first_year,
        })
    }

    fn code(engine: &Engine, unit: UnitId) -> String {
        engine
            .unit(unit)
            .map_or_else(String::new, |u| u.code.as_str().to_owned())
    }

    /// (a) One indicator, one province, one month, summed over its communes.
    fn a(&self, engine: &Engine) -> Value {
        json!(
            engine
                .value(self.indicator, self.province, self.month)
                .map(|v| v.value)
        )
    }

    /// (b) Every province's scorecard for a year, best first.
    fn b(&self, engine: &Engine) -> Value {
        scorecard_ranking(engine, self.year)
            .iter()
            .map(|row| {
                json!({
                    "province": Self::code(engine, row.unit),
                    "met": row.scorecard.met,
                    "set": row.scorecard.set,
                })
            })
            .collect()
    }

    /// (c) Provinces ranked by change over the same period last year.
    fn c(&self, engine: &Engine) -> Value {
        change_ranking(
            engine,
            self.indicator,
            self.provinces.iter().copied(),
            self.year_to_date,
        )
        .iter()
        .map(|row| {
            json!({
                "province": Self::code(engine, row.unit),
                "value": row.value,
                "change": row.change,
            })
        })
        .collect()
    }

    /// (d) Ten years of one indicator for one province.
    fn d(&self, engine: &Engine) -> Value {
        (self.first_year..self.first_year + 10)
            .filter_map(|y| {
                let period = Period::year(y).ok()?;
                let value = engine.value(self.indicator, self.province, period)?;
                Some(json!({ "year": y, "value": value.value }))
            })
            .collect()
    }

    /// (e) The overview of one province: every target of the year with its status.
    fn e(&self, engine: &Engine) -> Value {
        let mut rows: Vec<(String, Value)> = engine
            .targets_of(self.province)
            .filter(|t| t.period == self.year)
            .map(|t| {
                let evaluation = evaluate(engine, t);
                let code = engine
                    .indicator(t.indicator)
                    .map_or_else(String::new, |i| i.code.as_str().to_owned());
                let row = json!({
                    "indicator": code,
                    "actual": evaluation.actual.map(|a| a.value),
                    "status": evaluation.status.as_str(),
                });
                (code, row)
            })
            .collect();
        rows.sort_by(|x, y| x.0.cmp(&y.0));
        rows.into_iter().map(|(_, row)| row).collect()
    }
}

/// The resident memory of this process, from /proc (Linux), in bytes.
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Times `question` `runs` times and returns its answer with the median time.
fn timed(runs: usize, mut question: impl FnMut() -> Value) -> (Value, Duration) {
    let mut answer = Value::Null;
    let times = (0..runs.max(1))
        .map(|_| {
            let started = Instant::now();
            answer = question();
            started.elapsed()
        })
        .collect();
    (answer, median(times))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Loads the store, reports start-up time and memory, answers the five questions `runs`
/// times each (median), checks that a figure recorded through the application layer is in
/// the very next answer, and writes the answers and timings as JSON to `out` when given.
pub async fn analytics(db: &str, runs: usize, out: Option<&Path>) -> Result<(), CliError> {
    let before = resident_bytes();
    let started = Instant::now();
    let store = SqlStore::open(db).await.map_err(AppError::from)?;
    let app = App::open(store).await?;
    let startup = started.elapsed();
    let after = resident_bytes();
    let from_rows = app.uncheckpointed();
    let cells = app.engine().cell_count();
    let per_observation = |bytes: Option<u64>| bytes.map(|b| b as f64 / cells.max(1) as f64);
    println!(
        "start-up: {:.2} s for {cells} current figures, {from_rows} observations read from rows",
        startup.as_secs_f64()
    );
    if let (Some(before), Some(after)) = (before, after) {
        println!(
            "resident memory: {:.0} MB = {:.1} bytes per observation ({:.1} above the {:.0} MB before loading)",
            after as f64 / 1e6,
            per_observation(Some(after)).unwrap_or_default(),
            per_observation(Some(after.saturating_sub(before))).unwrap_or_default(),
            before as f64 / 1e6
        );
    }

    // Start again from a checkpoint, as every start after the first does.
    let started = Instant::now();
    app.save_checkpoint().await?;
    let saving = started.elapsed();
    drop(app);
    let started = Instant::now();
    let store = SqlStore::open(db).await.map_err(AppError::from)?;
    let app = App::open(store).await?;
    let startup_checkpoint = started.elapsed();
    if app.engine().cell_count() != cells || app.uncheckpointed() != 0 {
        return Err(other(format!(
            "started from the checkpoint with {} figures and {} observations from rows, not {cells} and 0",
            app.engine().cell_count(),
            app.uncheckpointed()
        )));
    }
    println!(
        "checkpoint saved in {:.2} s; start-up from it: {:.2} s",
        saving.as_secs_f64(),
        startup_checkpoint.as_secs_f64()
    );
    let q = Questions::new(&app.engine())?;

    let mut answers = serde_json::Map::new();
    let mut timings = serde_json::Map::new();
    {
        let engine = app.engine();
        // The first answer of each question, before anything is remembered.
        for (name, question) in questions() {
            let started = Instant::now();
            question(&q, &engine);
            timings.insert(format!("{name}_first"), json!(ms(started.elapsed())));
        }
        // First answers again, each on a fresh copy of the engine (a copy remembers nothing),
        // for a median rather than one sample; the processor's caches are warmer than after a
        // start, so the single first answer above stays the figure to report.
        for (name, question) in questions() {
            // Each copy is dropped after its timing: dropping a country's targets and units
            // is not part of answering.
            let times = (0..runs.max(1))
                .map(|_| {
                    let copy = engine.clone();
                    let started = Instant::now();
                    question(&q, &copy);
                    started.elapsed()
                })
                .collect();
            let median = median(times);
            println!(
                "({name}) first answer: {:.4} ms, on a fresh copy median {:.4} ms over {runs}",
                timings[&format!("{name}_first")]
                    .as_f64()
                    .unwrap_or_default(),
                ms(median)
            );
            timings.insert(format!("{name}_fresh"), json!(ms(median)));
        }
        for (name, question) in questions() {
            let (answer, median) = timed(runs, || question(&q, &engine));
            println!("({name}) median {:.4} ms over {runs} runs", ms(median));
            answers.insert(name.to_owned(), answer);
            timings.insert(name.to_owned(), json!(ms(median)));
        }
    }

    // A figure recorded through the application layer is in the very next answer; then the
    // original figure is recorded again, so the data still match the CSV files.
    let (commune, before_value) = {
        let engine = app.engine();
        let commune = engine
            .children(q.province)
            .first()
            .map(|u| (u.id, u.code.as_str().to_owned()))
            .ok_or_else(|| other("the province has no communes"))?;
        let value = engine
            .reported(q.indicator, commune.0, q.month)
            .map(|(_, _, v)| v)
            .ok_or_else(|| other("no figure to change"))?;
        (commune, value)
    };
    let actor = Actor::named("bench");
    let record = |value: f64| ObservationInput {
        indicator: Some(INDICATOR.to_owned()),
        unit: Some(commune.1.clone()),
        period: Some(q.month.code()),
        value: Some(value.to_string()),
        kind: Some("official".to_owned()),
        ..ObservationInput::default()
    };
    let total_before = q.a(&app.engine()).as_f64();
    let started = Instant::now();
    app.create(&actor, &record(before_value + 1000.0), "bench analytics")
        .await?;
    let write = started.elapsed();
    let (total_after, after_write_a) = {
        let engine = app.engine();
        let started = Instant::now();
        let total = q.a(&engine).as_f64();
        (total, started.elapsed())
    };
    let after_write_b = {
        let engine = app.engine();
        let started = Instant::now();
        q.b(&engine);
        started.elapsed()
    };
    app.create(&actor, &record(before_value), "bench analytics")
        .await?;
    let total_restored = q.a(&app.engine()).as_f64();
    let seen =
        matches!((total_before, total_after), (Some(b), Some(a)) if (a - b - 1000.0).abs() < 1e-6);
    if !seen || total_restored != total_before {
        return Err(other(format!(
            "a recorded figure was not in the next answer: {total_before:?} then {total_after:?}, restored {total_restored:?}"
        )));
    }
    println!(
        "a figure recorded through the application layer ({:.3} ms) is in the next answer: (a) {:.4} ms, (b) {:.3} ms after it",
        ms(write),
        ms(after_write_a),
        ms(after_write_b)
    );
    timings.insert("write".into(), json!(ms(write)));
    timings.insert("a_after_write".into(), json!(ms(after_write_a)));
    timings.insert("b_after_write".into(), json!(ms(after_write_b)));

    if let Some(out) = out {
        let report = json!({
            "answers": answers,
            "timings_ms": timings,
            "startup_s": startup.as_secs_f64(),
            "startup_observations_from_rows": from_rows,
            "checkpoint_save_s": saving.as_secs_f64(),
            "startup_from_checkpoint_s": startup_checkpoint.as_secs_f64(),
            "observations": cells,
            "resident_bytes": after,
            "resident_bytes_before_load": before,
        });
        let text = serde_json::to_string_pretty(&report).map_err(other)?;
        std::fs::write(out, text).map_err(|e| other(format!("{}: {e}", out.display())))?;
    }
    Ok(())
}

type Question = fn(&Questions, &Engine) -> Value;

fn questions() -> [(&'static str, Question); 5] {
    [
        ("a", Questions::a),
        ("b", Questions::b),
        ("c", Questions::c),
        ("d", Questions::d),
        ("e", Questions::e),
    ]
}
