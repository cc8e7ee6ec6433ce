//! SDMX-CSV 2.0, the statistics offices' flat format: the SDMX Technical Working Group's
//! "SDMX-CSV data message" version 2.0 (github.com/sdmx-twg/sdmx-csv,
//! `data-message/docs/sdmx-csv-field-guide.md`, for SDMX 3.0). RFC 4180 CSV, one row per
//! observation: `STRUCTURE` (`dataflow`), `STRUCTURE_ID` (the dataflow's
//! `AGENCY:ID(VERSION)`), `ACTION` (`I`: information, for a dissemination file), then the
//! dimensions, the measure and the attributes, each column headed by its component's id.
//!
//! giamsat's dataflow, [`STRUCTURE_ID`], has the dimensions `REF_AREA` (the unit's code),
//! `INDICATOR` (the indicator's code) and `TIME_PERIOD` (SDMX's basic time periods:
//! `2023-M12`, `2023-Q4`, `2023-S1`, `2023`), the measure `OBS_VALUE`, and the attributes
//! `OBS_STATUS` (SDMX's code list CL_OBS_STATUS: `A` normal for an official figure, `P`
//! provisional for a preliminary one, `E` estimated for an estimate) and `COMMENT_OBS` (the
//! figure's note). Units of measure are free text in giamsat, not codes, so there is no
//! `UNIT_MEASURE` column. Periods SDMX has no basic id for ("first N months", other runs of
//! months, terms) are skipped and counted, as in the DHIS2 export.

use giamsat_core::{ObservationKind, Period, PeriodKind};
use giamsat_store::Store;

use super::{Cell, Conflict, Entry, Imported};
use crate::input::ObservationInput;
use crate::{Actor, App, AppError, RowError};

/// The dataflow every giamsat file describes.
pub const STRUCTURE_ID: &str = "GIAMSAT:DF_FIGURES(1.0)";

/// The columns, in the order written.
pub const COLUMNS: [&str; 8] = [
    "STRUCTURE",
    "STRUCTURE_ID",
    "ACTION",
    "REF_AREA",
    "INDICATOR",
    "TIME_PERIOD",
    "OBS_VALUE",
    "OBS_STATUS",
];

/// The attribute column after [`COLUMNS`].
const COMMENT: &str = "COMMENT_OBS";

/// The SDMX time period of a period, when SDMX has a basic one.
pub fn time_period(period: Period) -> Option<String> {
    let start = period.start();
    let year = start.year();
    let month = start.month_of_year();
    match period.kind() {
        PeriodKind::Month => Some(format!("{year:04}-M{month:02}")),
        PeriodKind::Quarter => Some(format!("{year:04}-Q{}", month.div_ceil(3))),
        PeriodKind::Half => Some(format!("{year:04}-S{}", month.div_ceil(6))),
        PeriodKind::Year => Some(format!("{year:04}")),
        PeriodKind::FirstMonths | PeriodKind::Months | PeriodKind::Term => None,
    }
}

/// The period an SDMX time period names; `2023-A1` is read as the year too.
pub fn parse_time_period(text: &str) -> Option<Period> {
    let number = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u16>().ok())
            .flatten()
    };
    let (year, rest) = match text.split_once('-') {
        Some((year, rest)) => (year, Some(rest)),
        None => (text, None),
    };
    if year.len() != 4 {
        return None;
    }
    let year = i32::from(number(year)?);
    let Some(rest) = rest else {
        return Period::year(year).ok();
    };
    let (letter, digits) = rest.split_at_checked(1)?;
    let n = u8::try_from(number(digits)?).ok()?;
    match letter {
        "M" if digits.len() == 2 => giamsat_core::Month::new(year, n).map(Period::month),
        "Q" if digits.len() == 1 => Period::quarter(year, n).ok(),
        "S" if digits.len() == 1 => Period::half(year, n).ok(),
        "A" if n == 1 && digits.len() == 1 => Period::year(year).ok(),
        _ => None,
    }
}

fn status(kind: ObservationKind) -> &'static str {
    match kind {
        ObservationKind::Official => "A",
        ObservationKind::Preliminary => "P",
        ObservationKind::Estimate => "E",
    }
}

fn kind_of(status: &str) -> Option<ObservationKind> {
    match status {
        "A" | "" => Some(ObservationKind::Official),
        "P" => Some(ObservationKind::Preliminary),
        "E" => Some(ObservationKind::Estimate),
        _ => None,
    }
}

/// An export: the file, and how many figures had a period SDMX has no basic id for.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub csv: String,
    pub skipped: usize,
}

/// The current figures as an SDMX-CSV 2.0 file.
pub fn write(cells: &[Cell]) -> Result<Export, AppError> {
    let broken = |e: csv::Error| AppError::Inconsistent(format!("writing SDMX-CSV: {e}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<&str> = COLUMNS.to_vec();
    header.push(COMMENT);
    writer.write_record(&header).map_err(broken)?;
    let mut skipped = 0;
    for cell in cells {
        let Some(period) = time_period(cell.period) else {
            skipped += 1;
            continue;
        };
        writer
            .write_record([
                "dataflow",
                STRUCTURE_ID,
                "I",
                &cell.unit,
                &cell.indicator,
                &period,
                &cell.value.to_string(),
                status(cell.kind),
                &crate::exchange::defuse(cell.note.clone().unwrap_or_default()),
            ])
            .map_err(broken)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| AppError::Inconsistent(format!("writing SDMX-CSV: {e}")))?;
    let csv = String::from_utf8(bytes).map_err(|e| AppError::Inconsistent(e.to_string()))?;
    Ok(Export { csv, skipped })
}

/// The SDMX name of an input's field.
fn field_name(field: &str) -> &'static str {
    match field {
        "indicator" => "INDICATOR",
        "unit" => "REF_AREA",
        "period" => "TIME_PERIOD",
        "value" => "OBS_VALUE",
        "kind" => "OBS_STATUS",
        "note" => COMMENT,
        _ => "",
    }
}

/// Reads an SDMX-CSV file of giamsat's dataflow into entries, one per row (by line), or
/// the problem with the file as a whole.
fn read(file: &str, data: &[u8]) -> Result<Vec<Entry>, Conflict> {
    let whole = |message: String| Conflict {
        index: Some(1),
        field: String::new(),
        message,
    };
    let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(data);
    let headers = reader
        .headers()
        .map_err(|e| whole(format!("the header line cannot be read: {e}")))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let mut at = std::collections::HashMap::new();
    for name in COLUMNS.iter().chain([&COMMENT]) {
        match column(name) {
            Some(i) => {
                at.insert(*name, i);
            }
            None if matches!(*name, "ACTION" | "OBS_STATUS" | COMMENT) => {}
            None => return Err(whole(format!("the column {name} is missing"))),
        }
    }
    let mut entries = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| whole(format!("the file cannot be read: {e}")))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cell = |name: &str| {
            at.get(name)
                .and_then(|i| record.get(*i))
                .map(str::trim)
                .unwrap_or("")
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut conflicts = Vec::new();
        let mut fail = |field: &str, message: String| {
            conflicts.push(Conflict {
                index: Some(line),
                field: field.to_owned(),
                message,
            });
        };
        if cell("STRUCTURE_ID") != STRUCTURE_ID {
            fail(
                "STRUCTURE_ID",
                format!(
                    "\"{}\" is not giamsat's dataflow {STRUCTURE_ID}",
                    cell("STRUCTURE_ID")
                ),
            );
        }
        if !matches!(cell("ACTION"), "" | "I" | "A" | "R") {
            fail(
                "ACTION",
                format!("\"{}\": only I, A and R add figures", cell("ACTION")),
            );
        }
        let period = parse_time_period(cell("TIME_PERIOD"));
        if period.is_none() {
            fail(
                "TIME_PERIOD",
                format!(
                    "\"{}\" is not an SDMX period giamsat keeps: write a month (2023-M12), a quarter (2023-Q4), a half (2023-S1) or a year (2023)",
                    cell("TIME_PERIOD")
                ),
            );
        }
        let kind = kind_of(cell("OBS_STATUS"));
        if kind.is_none() {
            fail(
                "OBS_STATUS",
                format!("\"{}\" is not one of A, P, E", cell("OBS_STATUS")),
            );
        }
        let input = match (period, kind) {
            (Some(period), Some(kind)) if conflicts.is_empty() => Ok(ObservationInput {
                indicator: Some(cell("INDICATOR").to_owned()),
                unit: Some(cell("REF_AREA").to_owned()),
                period: Some(period.code()),
                value: Some(cell("OBS_VALUE").to_owned()),
                kind: Some(kind.as_str().to_owned()),
                note: Some(crate::exchange::undefuse(cell(COMMENT)).to_owned())
                    .filter(|n| !n.is_empty()),
                source: Some(format!("{file}:{line}")),
                ..ObservationInput::default()
            }),
            _ => Err(conflicts),
        };
        entries.push(Entry { index: line, input });
    }
    Ok(entries)
}

impl<S: Store> App<S> {
    /// The current figures as SDMX-CSV 2.0.
    pub async fn export_sdmx(&self) -> Result<Export, AppError> {
        write(&self.current_cells().await?)
    }

    /// Imports an SDMX-CSV file of giamsat's dataflow: every row, or none when any has a
    /// problem, which are then returned with their line and column name.
    pub async fn import_sdmx(
        &self,
        actor: &Actor,
        file: &str,
        data: &[u8],
    ) -> Result<super::ImportCount, AppError> {
        let refused = |conflicts: Vec<Conflict>| AppError::Import {
            file: file.to_owned(),
            errors: conflicts
                .into_iter()
                .map(|c| RowError::at(file, c.index.unwrap_or(1) as u64, None, &c.field, c.message))
                .collect(),
        };
        let entries = read(file, data).map_err(|c| refused(vec![c]))?;
        let object = format!("file:{file}");
        match self
            .import_entries(actor, ("import.sdmx", &object), &entries, field_name)
            .await?
        {
            Imported::Written(count) => Ok(count),
            Imported::Refused(conflicts) => Err(refused(conflicts)),
        }
    }
}
