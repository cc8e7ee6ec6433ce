//! Vietnam's administrative units before and after the reform of 1 July 2025, from the
//! official lists in `data/vietnam/` (see its README for the source and licence).
//!
//! On that day 63 provinces became 34 and districts were abolished. In giamsat:
//! - a province whose territory did not change (11 of them: same code, sole source) is one
//!   unit that simply continues;
//! - the other 52 legacy provinces end on 30 June 2025, and each of the 23 new provinces they
//!   formed starts on 1 July 2025 with a succession from each of them (share 1: whole
//!   provinces merged, none split). The GSO reused a legacy code for each new province (the
//!   new Bắc Ninh is 24, legacy Bắc Giang's code), so a new province's giamsat code is its GSO
//!   code with `-2025` (`24-2025`); a search for `24` finds both;
//! - the 3,321 communes of 2025 hang under their province, from 1 July 2025.
//!
//! Loading is idempotent: units already present (same code) are kept, so the lists can be
//! loaded into a database that holds the demo or an earlier load.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use giamsat_core::Engine;
use giamsat_core::org::UnitCode;

use crate::exchange::RowError;
use crate::input::{SuccessionInput, UnitInput};
use crate::{Actor, App, AppError, Store};

/// The last day of the 63 provinces, and the first of the 34.
pub const LAST_LEGACY_DAY: &str = "2025-06-30";
pub const REFORM_DAY: &str = "2025-07-01";

/// The code of the nation, root of the tree.
pub const NATION: &str = "VN";

const SOURCE: &str = "data/vietnam/*.csv (from the PyPI package vietnamadminunits 1.0.4, MIT licence; \
                      GSO administrative-unit catalogue as of July 2025)";

/// The four official lists, as CSV text.
pub struct Lists {
    pub provinces_legacy: String,
    pub provinces_2025: String,
    pub province_merges: String,
    pub communes_2025: String,
}

const FILES: [&str; 4] = [
    "provinces_legacy.csv",
    "provinces_2025.csv",
    "province_merges_2025.csv",
    "communes_2025.csv",
];

impl Lists {
    /// The lists compiled into giamsat.
    pub fn embedded() -> Lists {
        Lists {
            provinces_legacy: include_str!("../../../data/vietnam/provinces_legacy.csv").into(),
            provinces_2025: include_str!("../../../data/vietnam/provinces_2025.csv").into(),
            province_merges: include_str!("../../../data/vietnam/province_merges_2025.csv").into(),
            communes_2025: include_str!("../../../data/vietnam/communes_2025.csv").into(),
        }
    }

    /// The lists from a folder holding the four files under their usual names.
    pub fn from_dir(dir: &Path) -> Result<Lists, AppError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).map_err(|e| {
                AppError::Invalid(vec![crate::FieldError::new(
                    &path.display().to_string(),
                    crate::Problem::FileUnreadable {
                        detail: e.to_string(),
                    },
                )])
            })
        };
        Ok(Lists {
            provinces_legacy: read(FILES[0])?,
            provinces_2025: read(FILES[1])?,
            province_merges: read(FILES[2])?,
            communes_2025: read(FILES[3])?,
        })
    }
}

/// One CSV file read by column name, with every problem placed at its line and column.
struct Table<'a> {
    file: &'static str,
    headers: Vec<String>,
    rows: Vec<(u64, csv::StringRecord)>,
    errors: &'a mut Vec<RowError>,
}

impl<'a> Table<'a> {
    fn read(
        file: &'static str,
        text: &str,
        required: &[&str],
        errors: &'a mut Vec<RowError>,
    ) -> Table<'a> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(str::to_owned).collect(),
            Err(e) => {
                errors.push(RowError::at(file, 1, None, "", e.to_string()));
                Vec::new()
            }
        };
        for column in required {
            if !headers.iter().any(|h| h == column) {
                errors.push(RowError::at(
                    file,
                    1,
                    None,
                    column,
                    "this column is missing".into(),
                ));
            }
        }
        let mut rows = Vec::new();
        for (i, row) in reader.records().enumerate() {
            let line = i as u64 + 2;
            match row {
                Ok(row) => rows.push((row.position().map_or(line, |p| p.line()), row)),
                Err(e) => errors.push(RowError::at(file, line, None, "", e.to_string())),
            }
        }
        Table {
            file,
            headers,
            rows,
            errors,
        }
    }

    fn get<'r>(&mut self, line: u64, row: &'r csv::StringRecord, column: &str) -> Option<&'r str> {
        let index = self.headers.iter().position(|h| h == column)?;
        match row.get(index).map(str::trim) {
            Some(value) if !value.is_empty() => Some(value),
            _ => {
                self.errors.push(RowError::at(
                    self.file,
                    line,
                    Some(index + 1),
                    column,
                    "is empty".into(),
                ));
                None
            }
        }
    }
}

fn text(value: &str) -> Option<String> {
    Some(value.to_owned())
}

/// What the lists say, as inputs in the order they must be created.
pub struct Plan {
    pub units: Vec<UnitInput>,
    pub successions: Vec<SuccessionInput>,
    /// Legacy province code → the giamsat code of the province it became part of.
    pub became: BTreeMap<String, String>,
}

/// The giamsat code of a 2025 province: its GSO code if it continues a legacy province with
/// the same territory, else the code with `-2025`.
fn code_2025(gso: &str, continuing: bool) -> String {
    if continuing {
        gso.to_owned()
    } else {
        format!("{gso}-2025")
    }
}

/// The provinces of a list: code, Vietnamese and English names, and the line they are on.
fn read_provinces(
    file: &'static str,
    text: &str,
    errors: &mut Vec<RowError>,
) -> Vec<(String, String, String, u64)> {
    let mut t = Table::read(file, text, &["code", "name_vi", "name_en"], errors);
    let mut provinces = Vec::new();
    for (line, row) in std::mem::take(&mut t.rows) {
        if let (Some(code), Some(vi), Some(en)) = (
            t.get(line, &row, "code"),
            t.get(line, &row, "name_vi"),
            t.get(line, &row, "name_en"),
        ) {
            provinces.push((code.to_owned(), vi.to_owned(), en.to_owned(), line));
        }
    }
    provinces
}

/// Reads the lists into inputs, checking that they agree with each other: every legacy
/// province is mapped exactly once, to a province of 2025 that exists, and every commune
/// belongs to a province of 2025.
pub fn plan(lists: &Lists) -> Result<Plan, AppError> {
    let mut errors = Vec::new();
    let legacy = read_provinces(FILES[0], &lists.provinces_legacy, &mut errors);
    let current = read_provinces(FILES[1], &lists.provinces_2025, &mut errors);
    // Legacy code → new GSO code, each legacy province once.
    let mut merges: BTreeMap<String, String> = BTreeMap::new();
    {
        let mut t = Table::read(
            FILES[2],
            &lists.province_merges,
            &["old_code", "new_code"],
            &mut errors,
        );
        for (line, row) in std::mem::take(&mut t.rows) {
            let (Some(old), Some(new)) =
                (t.get(line, &row, "old_code"), t.get(line, &row, "new_code"))
            else {
                continue;
            };
            if !legacy.iter().any(|(c, ..)| c == old) {
                t.errors.push(RowError::at(
                    t.file,
                    line,
                    Some(1),
                    "old_code",
                    format!("{old} is not a legacy province"),
                ));
            } else if !current.iter().any(|(c, ..)| c == new) {
                t.errors.push(RowError::at(
                    t.file,
                    line,
                    Some(3),
                    "new_code",
                    format!("{new} is not a province of 2025"),
                ));
            } else if merges.insert(old.to_owned(), new.to_owned()).is_some() {
                t.errors.push(RowError::at(
                    t.file,
                    line,
                    Some(1),
                    "old_code",
                    format!("{old} is mapped more than once"),
                ));
            }
        }
    }
    for (code, ..) in &legacy {
        if !merges.contains_key(code) {
            errors.push(RowError::at(
                FILES[2],
                1,
                None,
                "old_code",
                format!("the legacy province {code} is not mapped"),
            ));
        }
    }
    let mut sources: HashMap<&str, Vec<&str>> = HashMap::new();
    for (old, new) in &merges {
        sources.entry(new.as_str()).or_default().push(old.as_str());
    }
    let continuing = |new: &str| {
        sources
            .get(new)
            .is_some_and(|olds| olds.as_slice() == [new])
    };
    for (code, _, _, line) in &current {
        if !sources.contains_key(code.as_str()) {
            errors.push(RowError::at(
                FILES[1],
                *line,
                Some(1),
                "code",
                format!("no legacy province became {code}"),
            ));
        }
    }

    let mut units = Vec::new();
    let province =
        |code: &str, vi: &str, en: &str, from: Option<&str>, to: Option<&str>| UnitInput {
            code: text(code),
            kind: text("locality"),
            parent: text(NATION),
            name_vi: text(vi),
            name_en: text(en),
            name_fr: None,
            valid_from: from.map(str::to_owned),
            valid_to: to.map(str::to_owned),
            source: text(SOURCE),
        };
    units.push(UnitInput {
        code: text(NATION),
        kind: text("nation"),
        parent: None,
        name_vi: text("Việt Nam"),
        name_en: text("Viet Nam"),
        name_fr: text("Viêt Nam"),
        valid_from: None,
        valid_to: None,
        source: text(SOURCE),
    });
    for (code, vi, en, _) in &legacy {
        let ends = merges.get(code).is_some_and(|new| !continuing(new));
        units.push(province(
            code,
            vi,
            en,
            None,
            ends.then_some(LAST_LEGACY_DAY),
        ));
    }
    let mut became = BTreeMap::new();
    let mut successions = Vec::new();
    for (code, vi, en, _) in &current {
        if continuing(code) {
            became.insert(code.clone(), code.clone());
            continue;
        }
        let new_code = code_2025(code, false);
        units.push(province(&new_code, vi, en, Some(REFORM_DAY), None));
        for old in sources.get(code.as_str()).into_iter().flatten() {
            became.insert((*old).to_owned(), new_code.clone());
            successions.push(SuccessionInput {
                predecessor: text(old),
                successor: text(&new_code),
                share: None,
                from: text(REFORM_DAY),
                source: text(SOURCE),
            });
        }
    }
    {
        let mut t = Table::read(
            FILES[3],
            &lists.communes_2025,
            &["code", "name_vi", "name_en", "province_code"],
            &mut errors,
        );
        for (line, row) in std::mem::take(&mut t.rows) {
            let (Some(code), Some(vi), Some(en), Some(province_code)) = (
                t.get(line, &row, "code"),
                t.get(line, &row, "name_vi"),
                t.get(line, &row, "name_en"),
                t.get(line, &row, "province_code"),
            ) else {
                continue;
            };
            if !current.iter().any(|(c, ..)| c == province_code) {
                t.errors.push(RowError::at(
                    t.file,
                    line,
                    Some(4),
                    "province_code",
                    format!("{province_code} is not a province of 2025"),
                ));
                continue;
            }
            units.push(UnitInput {
                code: text(code),
                kind: text("locality"),
                parent: text(&code_2025(province_code, continuing(province_code))),
                name_vi: text(vi),
                name_en: text(en),
                name_fr: None,
                valid_from: text(REFORM_DAY),
                valid_to: None,
                source: text(SOURCE),
            });
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Import {
            file: "data/vietnam".into(),
            errors,
        });
    }
    Ok(Plan {
        units,
        successions,
        became,
    })
}

/// What a load created and what it found already there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadReport {
    pub units_created: usize,
    pub units_kept: usize,
    pub successions_created: usize,
    /// Units already present whose dates differ from the lists', each described; they are
    /// kept as they are, and the figures carried through them follow their own dates.
    pub differing: Vec<String>,
}

/// The unit the engine already holds under this input's code, if any.
fn existing<'e>(engine: &'e Engine, input: &UnitInput) -> Option<&'e giamsat_core::Unit> {
    input
        .code
        .as_deref()
        .and_then(|c| UnitCode::parse(c).ok())
        .and_then(|c| engine.unit_by_code(&c))
}

/// How an existing unit's dates differ from the lists', if they do.
fn differs(unit: &giamsat_core::Unit, input: &UnitInput) -> Option<String> {
    let date = |d: &Option<String>| d.as_deref().and_then(|t| crate::input::parse_date(t).ok());
    let (from, to) = (date(&input.valid_from), date(&input.valid_to));
    let show = |d: Option<time::Date>| d.map_or_else(|| "open".to_owned(), |d| d.to_string());
    (unit.valid_from != from || unit.valid_to != to).then(|| {
        format!(
            "unit {} exists from {} to {}; the lists say from {} to {}",
            unit.code,
            show(unit.valid_from),
            show(unit.valid_to),
            show(from),
            show(to)
        )
    })
}

impl<S: Store> App<S> {
    /// Loads the official lists in one transaction, keeping the units already present.
    pub async fn load_vietnam(&self, actor: &Actor, lists: &Lists) -> Result<LoadReport, AppError> {
        let plan = plan(lists)?;
        let (report, _) = self
            .commit_batch(actor, ("vietnam.load", "data/vietnam"), |batch| {
                add_plan(batch, &plan)
            })
            .await?;
        Ok(report)
    }
}

/// Adds what is missing of a plan to a batch.
pub(crate) fn add_plan(batch: &mut crate::Batch<'_>, plan: &Plan) -> Result<LoadReport, AppError> {
    let mut report = LoadReport {
        units_created: 0,
        units_kept: 0,
        successions_created: 0,
        differing: Vec::new(),
    };
    for input in &plan.units {
        if let Some(unit) = existing(batch.engine(), input) {
            report.units_kept += 1;
            report.differing.extend(differs(unit, input));
            continue;
        }
        batch
            .add(input, SOURCE.to_owned())
            .map_err(|errors| with_code(input.code.as_deref(), errors))?;
        report.units_created += 1;
    }
    for input in &plan.successions {
        let recorded = {
            let engine = batch.engine();
            let id = |code: &Option<String>| {
                code.as_deref()
                    .and_then(|c| UnitCode::parse(c).ok())
                    .and_then(|c| engine.unit_by_code(&c))
                    .map(|u| u.id)
            };
            let (p, s) = (id(&input.predecessor), id(&input.successor));
            p.zip(s)
                .is_some_and(|(p, s)| engine.successors(p).any(|x| x.successor == s))
        };
        if recorded {
            continue;
        }
        batch
            .add(input, SOURCE.to_owned())
            .map_err(|errors| with_code(input.predecessor.as_deref(), errors))?;
        report.successions_created += 1;
    }
    Ok(report)
}

fn with_code(code: Option<&str>, errors: Vec<crate::FieldError>) -> AppError {
    AppError::Invalid(
        errors
            .into_iter()
            .map(|e| crate::FieldError {
                field: format!("{}: {}", code.unwrap_or("?"), e.field),
                problem: e.problem,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_legacy_province_is_mapped_exactly_once() {
        let plan = plan(&Lists::embedded()).expect("the official lists agree");
        assert_eq!(plan.became.len(), 63);
        let new: std::collections::BTreeSet<&String> = plan.became.values().collect();
        assert_eq!(new.len(), 34);
        // Bắc Giang and Bắc Ninh became the new Bắc Ninh, which took Bắc Giang's code.
        assert_eq!(plan.became["24"], "24-2025");
        assert_eq!(plan.became["27"], "24-2025");
        // Nghệ An and Hà Nội continue unchanged.
        assert_eq!(plan.became["40"], "40");
        assert_eq!(plan.became["01"], "01");
        let continuing = plan.became.iter().filter(|(old, new)| old == new).count();
        assert_eq!(continuing, 11);
        assert_eq!(plan.successions.len(), 63 - 11);
        let communes = plan
            .units
            .iter()
            .filter(|u| {
                u.valid_from.as_deref() == Some(REFORM_DAY)
                    && !u.code.as_deref().is_some_and(|c| c.ends_with("-2025"))
            })
            .count();
        assert_eq!(communes, 3_321);
    }

    #[test]
    fn a_list_that_disagrees_is_refused_with_file_line_and_column() {
        let mut lists = Lists::embedded();
        // Map Hà Giang (02) twice and forget Cao Bằng (04).
        lists.province_merges = lists.province_merges.replace("\n04,", "\n02,");
        lists
            .communes_2025
            .push_str("99999,Xã Mới,Xa Moi,77,commune,Mới,Xã,?,0,0,0\n");
        match plan(&lists) {
            Err(AppError::Import { errors, .. }) => {
                let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
                assert!(
                    text.iter().any(|e| e.contains("province_merges_2025.csv:")
                        && e.contains("02 is mapped more than once")),
                    "{text:?}"
                );
                assert!(
                    text.iter()
                        .any(|e| e.contains("the legacy province 04 is not mapped")),
                    "{text:?}"
                );
                assert!(
                    text.iter()
                        .any(|e| e.starts_with("communes_2025.csv:3323:4")
                            && e.contains("77 is not a province of 2025")),
                    "{text:?}"
                );
            }
            other => panic!("expected errors, got {:?}", other.map(|p| p.units.len())),
        }
    }
}
