//! The analytics benchmark's generator and questions, through the CLI: the engine's answers
//! must equal a recomputation from the generated CSV files, which is what the other engines
//! of `scripts/bench analytics` load.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::cli::giamsat;

fn rows(path: &Path) -> Vec<Vec<String>> {
    std::fs::read_to_string(path)
        .expect("csv")
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn the_engine_answers_as_a_recomputation_from_the_generated_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let generate = |db: &str, csv: &str| {
        giamsat(
            &[
                "bench", "generate", "--scale", "small", "--seed", "7", "--db", db, "--csv", csv,
            ],
            dir.path(),
        )
    };
    let made = generate("g.db", "data");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    // Deterministic from the seed.
    assert!(generate("h.db", "again").status.success());
    for file in [
        "units.csv",
        "indicators.csv",
        "observations.csv",
        "targets.csv",
    ] {
        assert_eq!(
            std::fs::read(dir.path().join("data").join(file)).expect("read"),
            std::fs::read(dir.path().join("again").join(file)).expect("read"),
            "{file} differs between two runs with one seed"
        );
    }
    // Never into a database that holds data.
    let refused = generate("g.db", "other");
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("needs an empty database"));

    let run = giamsat(
        &[
            "bench",
            "analytics",
            "--db",
            "g.db",
            "--runs",
            "3",
            "--out",
            "a.json",
        ],
        dir.path(),
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("is in the next answer"), "{stdout}");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("a.json")).expect("json"))
            .expect("json");
    let answers = &report["answers"];

    let data = dir.path().join("data");
    let unit_rows = rows(&data.join("units.csv"));
    let units: HashMap<String, String> = unit_rows
        .iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let province = units
        .iter()
        .find(|(_, code)| *code == "01")
        .map(|(id, _)| id.clone())
        .expect("Hà Nội");
    let behaviour: HashMap<String, String> = rows(&data.join("indicators.csv"))
        .into_iter()
        .map(|r| (r[0].clone(), r[2].clone()))
        .collect();
    let observations = rows(&data.join("observations.csv"));
    assert_eq!(report["observations"], observations.len());
    let value = |r: &Vec<String>| r[5].parse::<f64>().expect("value");

    // (a) indicator 1, Hà Nội, June 2025, summed over its communes.
    let a: f64 = observations
        .iter()
        .filter(|r| r[0] == "1" && r[2] == province && r[3] == "2025" && r[4] == "6")
        .map(value)
        .sum();
    assert!(
        close(answers["a"].as_f64().expect("a"), a),
        "{} vs {a}",
        answers["a"]
    );

    // (d) the years whose twelve months are known, each summed.
    let mut years: BTreeMap<i32, (f64, usize)> = BTreeMap::new();
    for r in observations
        .iter()
        .filter(|r| r[0] == "1" && r[2] == province)
    {
        let entry = years.entry(r[3].parse().expect("year")).or_default();
        entry.0 += value(r);
        entry.1 += 1;
    }
    let communes = unit_rows
        .iter()
        .filter(|r| r.len() > 3 && r[3] == province)
        .count();
    let complete: Vec<(i32, f64)> = years
        .into_iter()
        .filter(|(_, (_, n))| *n == 12 * communes)
        .map(|(y, (v, _))| (y, v))
        .collect();
    let d = answers["d"].as_array().expect("d");
    assert_eq!(d.len(), complete.len());
    for (answer, (year, v)) in d.iter().zip(&complete) {
        assert_eq!(answer["year"], *year);
        assert!(close(answer["value"].as_f64().expect("v"), *v));
    }

    // (b) every province's targets of 2025, met by its actual: flows add up, stocks take
    // December, rates average the communes' yearly figures.
    let mut actual: HashMap<(String, String), (f64, usize)> = HashMap::new();
    for r in observations.iter().filter(|r| r[3] == "2025") {
        let counts = match behaviour[&r[0]].as_str() {
            "stock" => r[4] == "12",
            _ => true,
        };
        if counts {
            let entry = actual.entry((r[2].clone(), r[0].clone())).or_default();
            entry.0 += value(r);
            entry.1 += 1;
        }
    }
    let mut cards: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for t in rows(&data.join("targets.csv"))
        .iter()
        .filter(|t| t[3] == "2025")
    {
        let (sum, n) = actual[&(t[1].clone(), t[2].clone())];
        let reached = if behaviour[&t[2]] == "rate" {
            sum / n as f64
        } else {
            sum
        };
        let target: f64 = t[4].parse().expect("target");
        let met = if t[5] == "at_least" {
            reached >= target
        } else {
            reached <= target
        };
        let card = cards.entry(units[&t[1]].clone()).or_default();
        card.0 += u32::from(met);
        card.1 += 1;
    }
    let mut expected: Vec<(String, u32, u32)> = cards
        .into_iter()
        .map(|(code, (met, set))| (code, met, set))
        .collect();
    expected.sort_by(|x, y| {
        (y.1 * x.2)
            .cmp(&(x.1 * y.2))
            .then(y.1.cmp(&x.1))
            .then(x.0.cmp(&y.0))
    });
    let b: Vec<(String, u32, u32)> = answers["b"]
        .as_array()
        .expect("b")
        .iter()
        .map(|r| {
            (
                r["province"].as_str().expect("code").to_owned(),
                r["met"].as_u64().expect("met") as u32,
                r["set"].as_u64().expect("set") as u32,
            )
        })
        .collect();
    assert_eq!(b, expected);
}
