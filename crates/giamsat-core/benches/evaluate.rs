//! Evaluating every target of 1,000 units × 100 indicators over 24 months (2022–2023).
//!
//! The tree is a nation, 33 provinces and 966 communes (1,000 units). Communes report every
//! indicator every month; provinces and the nation get their values by range sums over their
//! subtrees. The data of 2023 stop in May, as in a mid-year review, so 2023 targets are judged
//! against their trajectory. Every unit has a target for every indicator for each of the two
//! years: 200,000 targets over 1,642,200 monthly observations. Run with
//! `cargo bench -p giamsat-core --bench evaluate`.

use std::sync::LazyLock;

use giamsat_core::evaluation::{evaluate, scorecard_ranking};
use giamsat_core::indicator::IndicatorCode;
use giamsat_core::org::UnitCode;
use giamsat_core::{
    AcrossUnits, Comparator, Direction, Document, DocumentId, DocumentKey, DocumentType, Engine,
    Horizon, Indicator, IndicatorId, Month, Observation, ObservationId, ObservationKind, OverTime,
    Period, Provenance, Record, Status, Target, TargetId, Translations, Unit, UnitId, UnitKind,
};

const PROVINCES: u32 = 33;
const COMMUNES: u32 = 966;
const INDICATORS: u32 = 100;
const YEARS: [i32; 2] = [2022, 2023];

fn provenance() -> Provenance {
    Provenance {
        source: "benchmark".into(),
        recorded_by: "bench".into(),
        recorded_at: time::OffsetDateTime::UNIX_EPOCH,
    }
}

fn unit(id: u32, parent: Option<u32>, kind: UnitKind) -> Record {
    Record::Unit(Unit {
        id: UnitId(id),
        code: UnitCode::parse(&format!("U{id}")).expect("code"),
        kind,
        name: Translations::vi(&format!("Đơn vị {id}")),
        parent: parent.map(UnitId),
        valid_from: None,
        valid_to: None,
        provenance: provenance(),
    })
}

/// A small deterministic generator, so every run measures the same data.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn build() -> Engine {
    let mut records = vec![unit(1, None, UnitKind::Nation)];
    for p in 0..PROVINCES {
        records.push(unit(2 + p, Some(1), UnitKind::Locality));
    }
    let first_commune = 2 + PROVINCES;
    for c in 0..COMMUNES {
        records.push(unit(
            first_commune + c,
            Some(2 + c % PROVINCES),
            UnitKind::Locality,
        ));
    }
    records.push(Record::Document(Document {
        id: DocumentId(1),
        key: DocumentKey::parse("BENCH-PLAN").expect("key"),
        number: None,
        doc_type: DocumentType::Plan,
        issued_by: UnitId(1),
        issued_on: None,
        title: Translations::vi("Kế hoạch"),
        horizon: Horizon::default(),
        provenance: provenance(),
    }));
    for i in 1..=INDICATORS {
        let less_is_better = i % 5 == 0;
        records.push(Record::Indicator(Indicator {
            id: IndicatorId(i),
            code: IndicatorCode::parse(&format!("I{i}")).expect("code"),
            name: Translations::vi("chỉ tiêu"),
            measure: Translations::default(),
            decimals: 1,
            direction: if less_is_better {
                Direction::LowerIsBetter
            } else {
                Direction::HigherIsBetter
            },
            across_units: AcrossUnits::Sum,
            over_time: if i % 3 == 0 {
                OverTime::Stock
            } else {
                OverTime::Flow
            },
            same_period_base: None,
            provenance: provenance(),
        }));
    }
    let mut random = SplitMix(2026);
    let mut next_observation = 0u64;
    for c in 0..COMMUNES {
        let commune = first_commune + c;
        for i in 1..=INDICATORS {
            let base = 100.0 + 900.0 * random.next();
            for year in YEARS {
                let last_month = if year == 2023 { 5 } else { 12 };
                for m in 1..=last_month {
                    next_observation += 1;
                    records.push(Record::Observation(Observation {
                        id: ObservationId(next_observation),
                        indicator: IndicatorId(i),
                        unit: UnitId(commune),
                        period: Period::month(Month::new(year, m).expect("month")),
                        value: base * (0.9 + 0.2 * random.next()),
                        kind: ObservationKind::Official,
                        reported_by: None,
                        document: None,
                        corrects: None,
                        note: None,
                        provenance: provenance(),
                    }));
                }
            }
        }
    }
    let mut next_target = 0u32;
    for u in 1..first_commune + COMMUNES {
        let size = if u == 1 {
            f64::from(COMMUNES)
        } else if u < first_commune {
            f64::from(COMMUNES / PROVINCES)
        } else {
            1.0
        };
        for i in 1..=INDICATORS {
            let less_is_better = i % 5 == 0;
            let flow = i % 3 != 0;
            for year in YEARS {
                next_target += 1;
                let level = 550.0 * size * if flow { 12.0 } else { 1.0 };
                records.push(Record::Target(Target {
                    id: TargetId(next_target),
                    document: DocumentId(1),
                    indicator: IndicatorId(i),
                    unit: UnitId(u),
                    period: Period::year(year).expect("year"),
                    value: level * (0.8 + 0.4 * random.next()),
                    comparator: if less_is_better {
                        Comparator::AtMost
                    } else {
                        Comparator::AtLeast
                    },
                    baseline: None,
                    provenance: provenance(),
                }));
            }
        }
    }
    Engine::from_records(records).expect("valid benchmark data")
}

static ENGINE: LazyLock<Engine> = LazyLock::new(build);

/// The 2023 targets of the first province.
static PROVINCE_TARGETS: LazyLock<Vec<TargetId>> = LazyLock::new(|| {
    let year = Period::year(2023).expect("year");
    ENGINE
        .targets()
        .filter(|t| t.unit == UnitId(2) && t.period == year)
        .map(|t| t.id)
        .collect()
});

fn main() {
    let engine = &*ENGINE;
    let targets = engine.targets().count();
    let statuses = Status::ALL.map(|s| {
        (
            s.as_str(),
            engine
                .targets()
                .filter(|t| evaluate(engine, t).status == s)
                .count(),
        )
    });
    eprintln!(
        "{targets} targets; {statuses:?}; {} in the first province",
        PROVINCE_TARGETS.len()
    );
    divan::main();
}

/// Every target's full evaluation: actual to date, trajectory, percent of plan, change over
/// the same period and status.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn evaluate_every_target() -> usize {
    let engine = &*ENGINE;
    engine
        .targets()
        .map(|t| evaluate(engine, t))
        .filter(|e| e.status == Status::Achieved)
        .count()
}

/// The scorecards of every unit for one year, ranked.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn scorecard_ranking_of_a_year() -> usize {
    scorecard_ranking(&ENGINE, Period::year(2023).expect("year")).len()
}

/// One province's targets (100 indicators), each summed over its communes by range sums.
#[divan::bench(sample_count = 100)]
fn evaluate_one_province() -> usize {
    let engine = &*ENGINE;
    PROVINCE_TARGETS
        .iter()
        .filter_map(|id| engine.target(*id))
        .map(|t| evaluate(engine, t))
        .filter(|e| e.status == Status::OnTrack)
        .count()
}

/// The year's ranking as the first answer after a start: on a fresh copy of the engine, which
/// remembers no value.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn scorecard_ranking_first_answer(bencher: divan::Bencher) {
    let year = Period::year(2023).expect("year");
    bencher
        .with_inputs(|| ENGINE.clone())
        .bench_local_refs(|engine| scorecard_ranking(engine, year).len());
}

/// Every province's targets of 2023 (3,300) as first answers: nothing remembered.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn province_targets_first_answer(bencher: divan::Bencher) {
    let mut engine = ENGINE.clone();
    let year = Period::year(2023).expect("year");
    let provinces: Vec<UnitId> = (2..2 + PROVINCES).map(UnitId).collect();
    let targets: Vec<Target> = ENGINE
        .targets()
        .filter(|t| t.period == year && provinces.contains(&t.unit))
        .cloned()
        .collect();
    bencher.bench_local(|| {
        engine.forget_values();
        targets
            .iter()
            .map(|t| evaluate(&engine, t))
            .filter(|e| e.status == Status::OnTrack)
            .count()
    });
}
