//! `giamsat bench generate`: a country's worth of monthly figures, with targets and scenarios,
//! deterministic from a seed, written to a store and, for the other engines of the analytics
//! benchmark, as CSV files.
//!
//! The shape is the real one: the 34 provinces of 2025 and their 3,321 communes from the
//! official lists; indicators of mixed kinds (flows summed over months, stocks taken at the
//! period's last month, rates averaged over communes and reported yearly, some where less is
//! better); figures for every commune and month. Every value is a function of the seed and its
//! coordinates only, so any engine given the same CSV answers the same questions alike.

use std::fs::File;
use std::io::{BufWriter, Write as _};
use std::path::Path;
use std::time::Instant;

use giamsat_app::{AppError, SqlStore, Store};
use giamsat_core::{
    AcrossUnits, Comparator, Direction, Document, DocumentId, DocumentKey, DocumentType, Horizon,
    Indicator, IndicatorCode, IndicatorId, Language, Month, Observation, ObservationId,
    ObservationKind, OverTime, Period, Provenance, Record, Scenario, Target, TargetId,
    Translations, Unit, UnitCode, UnitId, UnitKind,
};
use giamsat_store::BulkOrigin;

use crate::CliError;

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scale {
    /// Every commune, 200 indicators, 2016 to October 2026: about 78 million observations.
    National,
    /// Every commune, 20 indicators: about 7.8 million.
    Medium,
    /// Three provinces of eight communes, 10 indicators from 2022: for tests.
    Small,
}

pub struct Shape {
    provinces: Option<usize>,
    communes_per_province: Option<usize>,
    pub indicators: usize,
    pub first_year: i32,
}

/// The last month with figures: the month before the data were generated for.
pub const LAST_MONTH: (i32, u8) = (2026, 10);

impl Scale {
    pub fn shape(self) -> Shape {
        match self {
            Scale::National => Shape {
                provinces: None,
                communes_per_province: None,
                indicators: 200,
                first_year: 2016,
            },
            Scale::Medium => Shape {
                provinces: None,
                communes_per_province: None,
                indicators: 20,
                first_year: 2016,
            },
            Scale::Small => Shape {
                provinces: Some(3),
                communes_per_province: Some(8),
                indicators: 10,
                first_year: 2022,
            },
        }
    }
}

/// How an indicator behaves over time and across units, in the benchmark's mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behaviour {
    /// Summed over communes and over months (retail sales, accidents).
    Flow,
    /// Summed over communes, taken at the period's last month (enterprises, population).
    Stock,
    /// Averaged over communes, reported once a year (a poverty rate).
    Rate,
}

impl Behaviour {
    pub fn as_str(self) -> &'static str {
        match self {
            Behaviour::Flow => "flow",
            Behaviour::Stock => "stock",
            Behaviour::Rate => "rate",
        }
    }
}

/// Indicator `i` (from 0): six flows, three stocks and a rate in every ten; the sixth flow
/// and every other rate are better when lower.
pub fn behaviour(i: usize) -> (Behaviour, Direction) {
    match i % 10 {
        0..=4 => (Behaviour::Flow, Direction::HigherIsBetter),
        5 => (Behaviour::Flow, Direction::LowerIsBetter),
        6..=8 => (Behaviour::Stock, Direction::HigherIsBetter),
        _ if (i / 10) % 2 == 1 => (Behaviour::Rate, Direction::LowerIsBetter),
        _ => (Behaviour::Rate, Direction::HigherIsBetter),
    }
}

pub fn indicator_code(i: usize) -> String {
    format!("I{:03}", i + 1)
}

/// SplitMix64 over the seed and a value's coordinates: the same value whatever the order
/// values are generated in.
fn hash(seed: u64, coordinates: [u64; 4]) -> u64 {
    let mut x = seed;
    for c in coordinates {
        x = x.wrapping_add(c).wrapping_add(0x9E37_79B9_7F4A_7C15);
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^= x >> 31;
    }
    x
}

/// A number in [0, 1) from a hash.
fn unit_interval(seed: u64, coordinates: [u64; 4]) -> f64 {
    (hash(seed, coordinates) >> 11) as f64 / (1u64 << 53) as f64
}

fn tenths(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The figure of a flow or stock for a commune and month, or of a rate for a year (`month`
/// is then 0): growth that differs by province, a season, and noise.
pub fn figure(
    seed: u64,
    indicator: usize,
    province: usize,
    commune: usize,
    year: i32,
    month: u8,
) -> f64 {
    let (i, p, c) = (indicator as u64, province as u64, commune as u64);
    let base = 50.0 + 950.0 * unit_interval(seed, [i, c, 0, 1]);
    let growth = 0.02 + 0.08 * unit_interval(seed, [i, p, 0, 2]);
    let years = f64::from(year - 2016) + f64::from(month.max(1) - 1) / 12.0;
    let noise = unit_interval(seed, [i, c, (year * 12) as u64 + u64::from(month), 3]);
    match behaviour(indicator).0 {
        Behaviour::Flow => {
            let season = 1.0 + 0.15 * (f64::from(month) * std::f64::consts::TAU / 12.0).sin();
            tenths(base * (1.0 + growth).powf(years) * season * (0.9 + 0.2 * noise))
        }
        Behaviour::Stock => {
            tenths(base * 10.0 * (1.0 + growth / 2.0).powf(years) * (0.99 + 0.02 * noise))
        }
        Behaviour::Rate => {
            tenths((20.0 + base / 20.0 + 2.0 * years * (noise - 0.5)).clamp(0.0, 100.0))
        }
    }
}

struct Locality {
    id: UnitId,
    code: String,
    name: String,
    /// Index of its province (for provinces, their own).
    province: usize,
}

/// What was generated, for the report and the benchmark's questions.
pub struct Generated {
    pub units: usize,
    pub indicators: usize,
    pub targets: usize,
    pub observations: u64,
}

/// The provinces and communes of 2025 from the official lists, cut to the scale.
fn localities(shape: &Shape) -> Result<(Vec<Locality>, Vec<Locality>), CliError> {
    let lists = giamsat_app::vietnam::Lists::embedded();
    let read = |text: &str| -> Result<Vec<csv::StringRecord>, CliError> {
        csv::Reader::from_reader(text.as_bytes())
            .records()
            .collect::<Result<_, _>>()
            .map_err(|e| CliError::Other(format!("official lists: {e}")))
    };
    let provinces_csv = read(&lists.provinces_2025)?;
    let communes_csv = read(&lists.communes_2025)?;
    let mut provinces: Vec<Locality> = Vec::new();
    // Ids: the nation is 1, provinces follow, then communes, in the lists' order.
    for row in provinces_csv
        .iter()
        .take(shape.provinces.unwrap_or(usize::MAX))
    {
        let index = provinces.len();
        provinces.push(Locality {
            id: UnitId(2 + index as u32),
            code: row[0].to_owned(),
            name: row[1].to_owned(),
            province: index,
        });
    }
    let mut communes = Vec::new();
    let mut per_province = vec![0usize; provinces.len()];
    let first_commune = 2 + provinces.len() as u32;
    for row in &communes_csv {
        // code, name_vi, name_en, province_code, …
        let Some(province) = provinces.iter().position(|p| p.code == row[3]) else {
            continue;
        };
        if per_province[province] >= shape.communes_per_province.unwrap_or(usize::MAX) {
            continue;
        }
        per_province[province] += 1;
        communes.push(Locality {
            id: UnitId(first_commune + communes.len() as u32),
            code: row[0].to_owned(),
            name: row[1].to_owned(),
            province,
        });
    }
    Ok((provinces, communes))
}

fn bad(what: &str, e: impl std::fmt::Display) -> CliError {
    CliError::Other(format!("generating {what}: {e}"))
}

/// Generates the dataset into an empty store at `db`, and as CSV files into `csv_dir` when
/// given. Returns what it made.
pub async fn generate(
    db: &str,
    scale: Scale,
    seed: u64,
    csv_dir: Option<&Path>,
    batch: usize,
) -> Result<Generated, CliError> {
    let shape = scale.shape();
    let store = SqlStore::open(db).await.map_err(AppError::from)?;
    // Streamed, lean and from the checkpoint: refusing a database of a whole country must
    // neither hold it as records nor read every row.
    let mut holds_data = false;
    let mut head = store
        .load_into(true, &mut |_| holds_data = true)
        .await
        .map_err(AppError::from)?;
    if holds_data {
        return Err(CliError::Other(format!(
            "{}: bench generate needs an empty database",
            giamsat_store::redact(db)
        )));
    }
    let (provinces, communes) = localities(&shape)?;
    let provenance = Provenance {
        source: format!("giamsat bench generate --scale {scale:?} --seed {seed}").to_lowercase(),
        recorded_by: "bench".into(),
        recorded_at: time::macros::datetime!(2026-11-01 00:00 UTC),
    };
    // Every batch goes through the store's bulk path, which leaves one audit entry per batch.
    let origin = BulkOrigin {
        actor: "bench".into(),
        source: provenance.source.clone(),
        at: provenance.recorded_at,
    };
    let mut csv = match csv_dir {
        Some(dir) => Some(CsvFiles::create(dir)?),
        None => None,
    };

    // The tree, the indicators and the documents first, in one commit.
    let mut records = Vec::new();
    let nation = UnitId(1);
    let unit = |id: UnitId,
                code: &str,
                name: &str,
                parent: Option<UnitId>,
                kind|
     -> Result<Record, CliError> {
        Ok(Record::Unit(Unit {
            id,
            code: UnitCode::parse(code).map_err(|e| bad("units", e.0))?,
            kind,
            name: Translations::vi(name),
            parent,
            valid_from: None,
            valid_to: None,
            provenance: provenance.clone(),
        }))
    };
    records.push(unit(nation, "VN", "Việt Nam", None, UnitKind::Nation)?);
    for p in &provinces {
        records.push(unit(
            p.id,
            &p.code,
            &p.name,
            Some(nation),
            UnitKind::Locality,
        )?);
    }
    for c in &communes {
        let parent = provinces[c.province].id;
        records.push(unit(
            c.id,
            &c.code,
            &c.name,
            Some(parent),
            UnitKind::Locality,
        )?);
    }
    for i in 0..shape.indicators {
        let (behaviour, direction) = behaviour(i);
        let (across_units, over_time, measure) = match behaviour {
            Behaviour::Flow => (AcrossUnits::Sum, OverTime::Flow, "tỷ đồng"),
            Behaviour::Stock => (AcrossUnits::Sum, OverTime::Stock, "đơn vị"),
            Behaviour::Rate => (AcrossUnits::Mean, OverTime::Rate, "%"),
        };
        records.push(Record::Indicator(Indicator {
            id: IndicatorId(1 + i as u32),
            code: IndicatorCode::parse(&indicator_code(i)).map_err(|e| bad("indicators", e.0))?,
            name: Translations::vi(&format!("Chỉ tiêu {}", i + 1))
                .with(Language::En, &format!("Indicator {}", i + 1))
                .with(Language::Fr, &format!("Indicateur {}", i + 1)),
            measure: Translations::vi(measure),
            decimals: 1,
            direction,
            across_units,
            over_time,
            same_period_base: None,
            provenance: provenance.clone(),
        }));
    }
    // Each province's Party committee resolution for the term, whose targets are yearly.
    for p in &provinces {
        let key = DocumentKey::parse(&format!(
            "{}-NQ-TU-{}-{}",
            1 + p.province,
            p.code,
            shape.first_year
        ))
        .map_err(|e| bad("documents", e))?;
        records.push(Record::Document(Document {
            id: DocumentId(1 + p.province as u32),
            key,
            number: Some(format!("{}-NQ/TU", 1 + p.province)),
            doc_type: DocumentType::Resolution,
            issued_by: p.id,
            issued_on: time::Date::from_calendar_date(
                shape.first_year - 1,
                time::Month::December,
                20,
            )
            .ok(),
            title: Translations::vi(&format!(
                "Nghị quyết phát triển kinh tế - xã hội tỉnh {}",
                p.name
            )),
            horizon: Horizon {
                target_year: Some(LAST_MONTH.0),
                orientation_year: Some(2030),
                vision_year: None,
            },
            provenance: provenance.clone(),
        }));
    }
    let units = records.len() - shape.indicators - provinces.len();
    if let Some(csv) = &mut csv {
        csv.tree(&provinces, &communes, shape.indicators)?;
    }
    head = store
        .bulk_load(&records, head, &origin)
        .await
        .map_err(AppError::from)?;

    // Observations, indicator by indicator, commune by commune, month by month: the order of
    // the store's cell index. Province totals are kept for setting targets.
    let years: Vec<i32> = (shape.first_year..=LAST_MONTH.0).collect();
    let mut totals = vec![0.0f64; shape.indicators * provinces.len() * years.len()];
    let total_index = |i: usize, p: usize, y: i32| {
        (i * provinces.len() + p) * years.len() + (y - shape.first_year) as usize
    };
    let mut commune_count = vec![0usize; provinces.len()];
    for c in &communes {
        commune_count[c.province] += 1;
    }
    let mut next_id = 1u64;
    let mut batch_records: Vec<Record> = Vec::with_capacity(batch);
    let started = Instant::now();
    let mut observations = 0u64;
    for i in 0..shape.indicators {
        let indicator = IndicatorId(1 + i as u32);
        let (kind, _) = behaviour(i);
        for (ci, c) in communes.iter().enumerate() {
            for &year in &years {
                let months: Vec<u8> = match kind {
                    Behaviour::Rate if year < LAST_MONTH.0 => vec![0],
                    Behaviour::Rate => vec![],
                    _ if year == LAST_MONTH.0 => (1..=LAST_MONTH.1).collect(),
                    _ => (1..=12).collect(),
                };
                for month in months {
                    let value = figure(seed, i, c.province, ci, year, month);
                    let period = match month {
                        0 => Period::year(year).ok(),
                        m => Month::new(year, m).map(Period::month),
                    }
                    .ok_or_else(|| bad("periods", year))?;
                    let t = &mut totals[total_index(i, c.province, year)];
                    match kind {
                        Behaviour::Flow => *t += value,
                        Behaviour::Stock if month == 12 || (year, month) == LAST_MONTH => {
                            *t += value
                        }
                        Behaviour::Stock => {}
                        Behaviour::Rate => *t += value / commune_count[c.province] as f64,
                    }
                    if let Some(csv) = &mut csv {
                        csv.observation(i, c, provinces[c.province].id, year, month, value)?;
                    }
                    batch_records.push(Record::Observation(Observation {
                        id: ObservationId(next_id),
                        indicator,
                        unit: c.id,
                        period,
                        value,
                        kind: ObservationKind::Official,
                        reported_by: None,
                        document: None,
                        corrects: None,
                        note: None,
                        provenance: provenance.clone(),
                    }));
                    next_id += 1;
                    observations += 1;
                    if batch_records.len() == batch {
                        head = store
                            .bulk_load(&batch_records, head, &origin)
                            .await
                            .map_err(AppError::from)?;
                        batch_records.clear();
                    }
                }
            }
        }
        tracing::info!(
            indicator = i + 1,
            observations,
            seconds = started.elapsed().as_secs_f64(),
            "generated"
        );
    }
    if !batch_records.is_empty() {
        head = store
            .bulk_load(&batch_records, head, &origin)
            .await
            .map_err(AppError::from)?;
    }

    // Yearly targets for every province and indicator: near what the province reached, so
    // about half are met; the current year's flows have a quarterly scenario.
    let mut records = Vec::new();
    let mut target_id = 1u32;
    for p in &provinces {
        for i in 0..shape.indicators {
            let (kind, direction) = behaviour(i);
            for &year in &years {
                let mut reached = totals[total_index(i, p.province, year)];
                if year == LAST_MONTH.0 {
                    match kind {
                        Behaviour::Flow => reached *= 12.0 / f64::from(LAST_MONTH.1),
                        Behaviour::Stock => {}
                        // No rate is reported for the running year: aim at last year's.
                        Behaviour::Rate => reached = totals[total_index(i, p.province, year - 1)],
                    }
                }
                let factor = 0.92
                    + 0.16 * unit_interval(seed, [i as u64, p.province as u64, year as u64, 4]);
                let value = tenths(reached * factor);
                let period = Period::year(year).map_err(|e| bad("periods", format!("{e:?}")))?;
                let comparator = Comparator::for_direction(direction);
                let id = TargetId(target_id);
                target_id += 1;
                records.push(Record::Target(Target {
                    id,
                    document: DocumentId(1 + p.province as u32),
                    indicator: IndicatorId(1 + i as u32),
                    unit: p.id,
                    period,
                    value,
                    comparator,
                    baseline: None,
                    provenance: provenance.clone(),
                }));
                if let Some(csv) = &mut csv {
                    csv.target(id, p, i, year, value, comparator)?;
                }
                if year == LAST_MONTH.0 && kind == Behaviour::Flow {
                    let points = (1..=4u8)
                        .filter_map(|q| {
                            Some((Month::new(year, q * 3)?, tenths(value * f64::from(q) / 4.0)))
                        })
                        .collect();
                    let scenario = Scenario::new(id, period, points, provenance.clone())
                        .map_err(|e| bad("scenarios", e))?;
                    records.push(Record::Scenario(scenario));
                }
            }
        }
    }
    let targets = (target_id - 1) as usize;
    for chunk in records.chunks(batch) {
        head = store
            .bulk_load(chunk, head, &origin)
            .await
            .map_err(AppError::from)?;
    }
    if let Some(csv) = csv {
        csv.finish()?;
    }
    Ok(Generated {
        units,
        indicators: shape.indicators,
        targets,
        observations,
    })
}

/// The CSV files the other engines of the benchmark load: the same data, as plain tables.
struct CsvFiles {
    dir: std::path::PathBuf,
    observations: BufWriter<File>,
    targets: BufWriter<File>,
}

impl CsvFiles {
    fn create(dir: &Path) -> Result<CsvFiles, CliError> {
        std::fs::create_dir_all(dir).map_err(|e| bad(&dir.display().to_string(), e))?;
        let open = |name: &str, header: &str| -> Result<BufWriter<File>, CliError> {
            let path = dir.join(name);
            let mut file = BufWriter::with_capacity(
                1 << 20,
                File::create(&path).map_err(|e| bad(&path.display().to_string(), e))?,
            );
            writeln!(file, "{header}").map_err(|e| bad(name, e))?;
            Ok(file)
        };
        Ok(CsvFiles {
            dir: dir.to_owned(),
            observations: open(
                "observations.csv",
                "indicator_id,unit_id,province_id,year,month,value",
            )?,
            targets: open(
                "targets.csv",
                "id,province_id,indicator_id,year,value,comparator",
            )?,
        })
    }

    fn tree(
        &mut self,
        provinces: &[Locality],
        communes: &[Locality],
        indicators: usize,
    ) -> Result<(), CliError> {
        let mut units = String::from("id,code,parent_id,province_id\n1,VN,,\n");
        for p in provinces {
            units.push_str(&format!("{},{},1,\n", p.id, p.code));
        }
        for c in communes {
            let province = provinces[c.province].id;
            units.push_str(&format!("{},{},{province},{province}\n", c.id, c.code));
        }
        let mut table = String::from("id,code,behaviour,direction\n");
        for i in 0..indicators {
            let (behaviour, direction) = behaviour(i);
            let direction = match direction {
                Direction::HigherIsBetter => "higher",
                Direction::LowerIsBetter => "lower",
            };
            table.push_str(&format!(
                "{},{},{},{direction}\n",
                i + 1,
                indicator_code(i),
                behaviour.as_str()
            ));
        }
        for (name, text) in [("units.csv", units), ("indicators.csv", table)] {
            std::fs::write(self.dir.join(name), text).map_err(|e| bad(name, e))?;
        }
        Ok(())
    }

    fn observation(
        &mut self,
        i: usize,
        c: &Locality,
        province: UnitId,
        year: i32,
        month: u8,
        value: f64,
    ) -> Result<(), CliError> {
        writeln!(
            self.observations,
            "{},{},{province},{year},{month},{value}",
            i + 1,
            c.id
        )
        .map_err(|e| bad("observations.csv", e))
    }

    fn target(
        &mut self,
        id: TargetId,
        p: &Locality,
        i: usize,
        year: i32,
        value: f64,
        comparator: Comparator,
    ) -> Result<(), CliError> {
        let comparator = match comparator {
            Comparator::AtLeast => "at_least",
            Comparator::AtMost => "at_most",
        };
        writeln!(
            self.targets,
            "{id},{},{},{year},{value},{comparator}",
            p.id,
            i + 1
        )
        .map_err(|e| bad("targets.csv", e))
    }

    fn finish(mut self) -> Result<(), CliError> {
        self.observations
            .flush()
            .map_err(|e| bad("observations.csv", e))?;
        self.targets.flush().map_err(|e| bad("targets.csv", e))
    }
}
