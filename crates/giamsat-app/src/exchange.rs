//! CSV exchange: importing and exporting units, indicators, documents, targets, observations
//! and reported scorecards. The columns of a file are the fields of the matching input
//! ([`crate::input`]), so what is exported imports back unchanged.
//!
//! An import is all or nothing: with any invalid row it writes nothing and reports every
//! problem with its line and column, unless the caller accepts skipping invalid rows, in which
//! case the valid rows are written in one transaction and the rejects are returned.

use std::fmt;

use giamsat_core::{AcrossUnits, Engine, Language};
use giamsat_store::Store;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::input::{
    DocumentInput, FieldError, IndicatorInput, ObservationInput, ReportedScorecardInput,
    TargetInput, UnitInput, Validate,
};
use crate::{Actor, App, AppError};

/// What a CSV file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Units,
    Indicators,
    Documents,
    Targets,
    Observations,
    Scorecards,
}

impl ImportKind {
    pub const ALL: [ImportKind; 6] = [
        ImportKind::Units,
        ImportKind::Indicators,
        ImportKind::Documents,
        ImportKind::Targets,
        ImportKind::Observations,
        ImportKind::Scorecards,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Units => "units",
            ImportKind::Indicators => "indicators",
            ImportKind::Documents => "documents",
            ImportKind::Targets => "targets",
            ImportKind::Observations => "observations",
            ImportKind::Scorecards => "scorecards",
        }
    }

    /// The columns a file of this kind may have, in the order exports write them.
    pub fn columns(self) -> Vec<String> {
        // The header a CSV writer gives the input type: its fields, in declaration order.
        fn names<T: Serialize + Default>() -> Vec<String> {
            let mut writer = csv::Writer::from_writer(Vec::new());
            let header = writer
                .serialize(T::default())
                .ok()
                .and_then(|()| writer.into_inner().ok())
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .unwrap_or_default();
            header
                .lines()
                .next()
                .unwrap_or("")
                .split(',')
                .map(str::to_owned)
                .collect()
        }
        match self {
            ImportKind::Units => names::<UnitInput>(),
            ImportKind::Indicators => names::<IndicatorInput>(),
            ImportKind::Documents => names::<DocumentInput>(),
            ImportKind::Targets => names::<TargetInput>(),
            ImportKind::Observations => names::<ObservationInput>(),
            ImportKind::Scorecards => names::<ReportedScorecardInput>(),
        }
    }
}

impl std::str::FromStr for ImportKind {
    type Err = String;
    fn from_str(text: &str) -> Result<ImportKind, String> {
        ImportKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text)
            .ok_or_else(|| format!("\"{text}\" is not one of: units, indicators, documents, targets, observations, scorecards"))
    }
}

/// One problem in one row of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub file: String,
    /// 1-based line of the file; the header is line 1.
    pub line: u64,
    /// 1-based column of the field at fault, when the problem is in one field.
    pub column: Option<usize>,
    pub field: String,
    pub message: String,
    /// The row as read, for a rejects file.
    pub row: Vec<String>,
}

impl RowError {
    /// A problem at a line (and column) of a file, with no row kept.
    pub fn at(
        file: &str,
        line: u64,
        column: Option<usize>,
        field: &str,
        message: String,
    ) -> RowError {
        RowError {
            file: file.to_owned(),
            line,
            column,
            field: field.to_owned(),
            message,
            row: Vec::new(),
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(column) => write!(
                f,
                "{}:{}:{column}: {}: {}",
                self.file, self.line, self.field, self.message
            ),
            None if self.field.is_empty() => {
                write!(f, "{}:{}: {}", self.file, self.line, self.message)
            }
            None => write!(
                f,
                "{}:{}: {}: {}",
                self.file, self.line, self.field, self.message
            ),
        }
    }
}

/// How to read a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportOptions {
    /// Write the valid rows and return the others, instead of writing nothing.
    pub skip_invalid: bool,
    /// The convention the file's numbers are written in: `36539.5` (en, the default and what
    /// exports write), `36.539,5` (vi) or `36 539,5` (fr).
    pub numbers: Language,
}

impl Default for ImportOptions {
    fn default() -> ImportOptions {
        ImportOptions {
            skip_invalid: false,
            numbers: Language::En,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub accepted: usize,
    pub rejected: Vec<RowError>,
}

/// A CSV file read into rows, with the problems found in its shape (not its content).
struct Rows<T> {
    headers: Vec<String>,
    rows: Vec<(u64, Vec<String>, Result<T, RowError>)>,
    fatal: Vec<RowError>,
}

fn read_rows<T: DeserializeOwned>(kind: ImportKind, file: &str, data: &[u8]) -> Rows<T> {
    let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let mut out = Rows {
        headers: Vec::new(),
        rows: Vec::new(),
        fatal: Vec::new(),
    };
    let problem = |line: u64, column: Option<usize>, field: &str, message: String| {
        RowError::at(file, line, column, field, message)
    };
    if data.iter().all(u8::is_ascii_whitespace) {
        out.fatal.push(problem(
            1,
            None,
            "",
            "the file is empty: the first line must name the columns".into(),
        ));
        return out;
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter_of(data))
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(data);
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            out.fatal.push(problem(
                1,
                None,
                "",
                format!("the header line cannot be read: {}", csv_message(&e)),
            ));
            return out;
        }
    };
    let allowed = kind.columns();
    out.headers = headers.iter().map(str::to_owned).collect();
    for (i, name) in out.headers.iter().enumerate() {
        if !allowed.contains(name) {
            out.fatal.push(problem(
                1,
                Some(i + 1),
                name,
                format!(
                    "unknown column; the columns of {} are: {}",
                    kind.as_str(),
                    allowed.join(", ")
                ),
            ));
        } else if out.headers[..i].contains(name) {
            out.fatal.push(problem(
                1,
                Some(i + 1),
                name,
                "this column appears twice".into(),
            ));
        }
    }
    if !out.fatal.is_empty() {
        return out;
    }
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line());
                let raw: Vec<String> = record.iter().map(str::to_owned).collect();
                if record.iter().all(str::is_empty) {
                    continue; // a blank line
                }
                if record.len() != headers.len() {
                    let message = format!(
                        "has {} fields but the header has {}",
                        record.len(),
                        headers.len()
                    );
                    out.rows.push((
                        line,
                        raw.clone(),
                        Err(RowError {
                            row: raw,
                            ..problem(line, None, "", message)
                        }),
                    ));
                    continue;
                }
                let cells: csv::StringRecord = record.iter().map(undefuse).collect();
                let parsed = cells
                    .deserialize::<T>(Some(&headers))
                    .map_err(|e| RowError {
                        row: raw.clone(),
                        ..problem(line, None, "", csv_message(&e))
                    });
                out.rows.push((line, raw, parsed));
            }
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                out.rows.push((
                    line,
                    Vec::new(),
                    Err(problem(line, None, "", csv_message(&e))),
                ));
                // A broken encoding or quote leaves the reader unable to resynchronise.
                if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                    break;
                }
            }
        }
    }
    out
}

/// Validates every readable row with `add`, which adds the row's record to a batch; returns
/// the problems of the rows that could not be read or added.
fn validate_rows<T>(
    rows: &Rows<T>,
    file: &str,
    mut add: impl FnMut(&T, String) -> Result<(), Vec<FieldError>>,
) -> Vec<RowError> {
    let column_of = |field: &str| rows.headers.iter().position(|h| h == field).map(|i| i + 1);
    let mut rejected = Vec::new();
    for (line, raw, parsed) in &rows.rows {
        match parsed {
            Err(e) => rejected.push(e.clone()),
            Ok(input) => {
                if let Err(errors) = add(input, format!("{file}:{line}")) {
                    rejected.extend(errors.into_iter().map(|FieldError { field, problem }| {
                        RowError {
                            file: file.to_owned(),
                            line: *line,
                            column: column_of(&field),
                            field,
                            message: problem.to_string(),
                            row: raw.clone(),
                        }
                    }));
                }
            }
        }
    }
    rejected
}

/// A row's input, whatever its kind.
type AnyInput = Box<dyn Validate + Send + Sync>;

/// Reads a file of `kind` into inputs of the matching type: the one place that dispatches on
/// the kind of a file.
fn read_file(kind: ImportKind, file: &str, data: &[u8]) -> Rows<AnyInput> {
    fn read<T: DeserializeOwned + Validate + Send + Sync + 'static>(
        kind: ImportKind,
        file: &str,
        data: &[u8],
    ) -> Rows<AnyInput> {
        let rows = read_rows::<T>(kind, file, data);
        Rows {
            headers: rows.headers,
            fatal: rows.fatal,
            rows: rows
                .rows
                .into_iter()
                .map(|(line, raw, parsed)| (line, raw, parsed.map(|t| Box::new(t) as AnyInput)))
                .collect(),
        }
    }
    match kind {
        ImportKind::Units => read::<UnitInput>(kind, file, data),
        ImportKind::Indicators => read::<IndicatorInput>(kind, file, data),
        ImportKind::Documents => read::<DocumentInput>(kind, file, data),
        ImportKind::Targets => read::<TargetInput>(kind, file, data),
        ImportKind::Observations => read::<ObservationInput>(kind, file, data),
        ImportKind::Scorecards => read::<ReportedScorecardInput>(kind, file, data),
    }
}

/// Every problem an import of `data` would report against `engine`, without writing anything.
pub fn check_file(
    engine: &Engine,
    kind: ImportKind,
    file: &str,
    data: &[u8],
    numbers: Language,
) -> Vec<RowError> {
    let rows = read_file(kind, file, data);
    if !rows.fatal.is_empty() {
        return rows.fatal;
    }
    let mut scratch = engine.clone();
    let origin = crate::Origin {
        recorded_by: "check",
        source: String::new(),
        at: time::OffsetDateTime::UNIX_EPOCH,
        numbers,
        scope: Vec::new(),
    };
    validate_rows(&rows, file, |input, _| {
        let record = input.validate(&scratch, &origin)?;
        scratch
            .apply(record)
            .map_err(|e| vec![FieldError::new("", crate::Problem::of_engine(&e))])
    })
}

/// The delimiter of a file, read from its header line: spreadsheets in Vietnamese and French
/// settings write `;`, since `,` is their decimal separator; some write tabs.
fn delimiter_of(data: &[u8]) -> u8 {
    let header = data.split(|b| *b == b'\n').next().unwrap_or(data);
    let count = |d: u8| header.iter().filter(|b| **b == d).count();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| (count(*d), *d == b','))
        .unwrap_or(b',')
}

fn csv_message(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!(
            "the text is not UTF-8 (field {}): save the file as UTF-8",
            err.field() + 1
        ),
        csv::ErrorKind::Io(e) => e.to_string(),
        _ => error.to_string(),
    }
}

impl<S: Store> App<S> {
    /// Imports a CSV file of `kind`. See the module documentation for what is written.
    pub async fn import(
        &self,
        actor: &Actor,
        kind: ImportKind,
        file: &str,
        data: &[u8],
        options: ImportOptions,
    ) -> Result<ImportReport, AppError> {
        let imported = self
            .import_uncounted(actor, kind, file, data, options)
            .await;
        let counter = match &imported {
            Ok(_) => &self.outcomes.imports_accepted,
            Err(_) => &self.outcomes.imports_refused,
        };
        counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        imported
    }

    /// [`App::import`] before its outcome is counted.
    async fn import_uncounted(
        &self,
        actor: &Actor,
        kind: ImportKind,
        file: &str,
        data: &[u8],
        options: ImportOptions,
    ) -> Result<ImportReport, AppError> {
        let rows = read_file(kind, file, data);
        if !rows.fatal.is_empty() {
            return Err(AppError::Import {
                file: file.to_owned(),
                errors: rows.fatal,
            });
        }
        let action = format!("import.{}", kind.as_str());
        let object = format!("file:{file}");
        let (rejected, accepted) = self
            .commit_batch(actor, (&action, &object), |batch| {
                batch.read_numbers_as(options.numbers);
                let rejected = validate_rows(&rows, file, |input, source| {
                    batch.add(input.as_ref(), source)
                });
                if !rejected.is_empty() && !options.skip_invalid {
                    return Err(AppError::Import {
                        file: file.to_owned(),
                        errors: rejected,
                    });
                }
                Ok(rejected)
            })
            .await?;
        Ok(ImportReport { accepted, rejected })
    }

    /// Writes every record of `kind` as CSV, in the columns import reads. Observations are
    /// exported whole, every recorded value in the order recorded, so an import rebuilds the
    /// same history and the same current values.
    pub async fn export(&self, kind: ImportKind) -> Result<String, AppError> {
        // Everything but observations is in the engine; their history is in the store.
        let observations = match kind {
            ImportKind::Observations => self.store().observations().await?,
            _ => Vec::new(),
        };
        let engine = self.engine();
        let mut writer = csv::Writer::from_writer(Vec::new());
        let columns = kind.columns();
        let broken = |e: csv::Error| AppError::Inconsistent(e.to_string());
        writer.write_record(&columns).map_err(broken)?;
        // Each row through its fields by name, so that every cell passes `defuse`: text
        // cells always, number cells unless they hold a number.
        let mut write = |row: &dyn erased::Row| -> Result<(), AppError> {
            let fields = row.fields();
            let cells = columns.iter().map(|column| {
                let text = match fields.get(column) {
                    Some(serde_json::Value::String(text)) => text.clone(),
                    _ => String::new(),
                };
                if NUMBER_COLUMNS.contains(&column.as_str()) {
                    defuse_number(text)
                } else {
                    defuse(text)
                }
            });
            writer.write_record(cells).map_err(broken)
        };
        match kind {
            ImportKind::Units => {
                for unit in engine.units() {
                    write(&unit_input(&engine, unit))?;
                }
            }
            ImportKind::Indicators => {
                for indicator in engine.indicators() {
                    write(&indicator_input(&engine, indicator))?;
                }
            }
            ImportKind::Documents => {
                for document in engine.documents() {
                    write(&document_input(&engine, document))?;
                }
            }
            ImportKind::Targets => {
                for target in engine.targets() {
                    write(&target_input(&engine, target))?;
                }
            }
            ImportKind::Observations => {
                for o in &observations {
                    write(&observation_input(&engine, o))?;
                }
            }
            ImportKind::Scorecards => {
                for card in engine.reported_scorecards() {
                    write(&scorecard_input(&engine, card))?;
                }
            }
        }
        drop(engine);
        let bytes = writer
            .into_inner()
            .map_err(|e| AppError::Inconsistent(e.to_string()))?;
        String::from_utf8(bytes).map_err(|e| AppError::Inconsistent(e.to_string()))
    }
}

/// Writing inputs of different types through one writer.
mod erased {
    pub trait Row {
        /// The row's fields by name (an absent field is null).
        fn fields(&self) -> serde_json::Map<String, serde_json::Value>;
    }

    impl<T: serde::Serialize> Row for T {
        fn fields(&self) -> serde_json::Map<String, serde_json::Value> {
            match serde_json::to_value(self) {
                Ok(serde_json::Value::Object(fields)) => fields,
                _ => serde_json::Map::new(),
            }
        }
    }
}

fn some(text: impl ToString) -> Option<String> {
    Some(text.to_string())
}

fn unit_code(engine: &Engine, id: giamsat_core::UnitId) -> Option<String> {
    engine.unit(id).map(|u| u.code.to_string())
}

fn indicator_code(engine: &Engine, id: giamsat_core::IndicatorId) -> Option<String> {
    engine.indicator(id).map(|i| i.code.to_string())
}

fn date(date: Option<time::Date>) -> Option<String> {
    date.map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()))
}

fn number(value: f64) -> Option<String> {
    // Shortest representation that reads back to the same f64.
    some(value)
}

fn enum_name<T: Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

fn unit_input(engine: &Engine, unit: &giamsat_core::Unit) -> UnitInput {
    UnitInput {
        code: some(&unit.code),
        kind: some(unit.kind.as_str()),
        parent: unit.parent.and_then(|p| unit_code(engine, p)),
        name_vi: unit.name.vi.clone(),
        name_en: unit.name.en.clone(),
        name_fr: unit.name.fr.clone(),
        valid_from: date(unit.valid_from),
        valid_to: date(unit.valid_to),
        source: some(&unit.provenance.source),
    }
}

fn indicator_input(engine: &Engine, indicator: &giamsat_core::Indicator) -> IndicatorInput {
    let (rule, weight, numerator, denominator, scale) = match indicator.across_units {
        AcrossUnits::Sum => ("sum", None, None, None, None),
        AcrossUnits::Mean => ("mean", None, None, None, None),
        AcrossUnits::NotCombinable => ("not_combinable", None, None, None, None),
        AcrossUnits::WeightedMean { weight } => (
            "weighted_mean",
            indicator_code(engine, weight),
            None,
            None,
            None,
        ),
        AcrossUnits::Ratio {
            numerator,
            denominator,
            scale,
        } => (
            "ratio",
            None,
            indicator_code(engine, numerator),
            indicator_code(engine, denominator),
            number(scale),
        ),
    };
    IndicatorInput {
        code: some(&indicator.code),
        name_vi: indicator.name.vi.clone(),
        name_en: indicator.name.en.clone(),
        name_fr: indicator.name.fr.clone(),
        measure_vi: indicator.measure.vi.clone(),
        measure_en: indicator.measure.en.clone(),
        measure_fr: indicator.measure.fr.clone(),
        decimals: some(indicator.decimals),
        direction: enum_name(&indicator.direction),
        across_units: some(rule),
        weight,
        numerator,
        denominator,
        scale,
        over_time: enum_name(&indicator.over_time),
        same_period_base: indicator.same_period_base.as_ref().and_then(enum_name),
        source: some(&indicator.provenance.source),
    }
}

fn document_input(engine: &Engine, document: &giamsat_core::Document) -> DocumentInput {
    DocumentInput {
        number: document.number.clone(),
        key: document.number.is_none().then(|| document.key.to_string()),
        doc_type: enum_name(&document.doc_type),
        issued_by: unit_code(engine, document.issued_by),
        issued_on: date(document.issued_on),
        title_vi: document.title.vi.clone(),
        title_en: document.title.en.clone(),
        title_fr: document.title.fr.clone(),
        target_year: document.horizon.target_year.map(|y| y.to_string()),
        orientation_year: document.horizon.orientation_year.map(|y| y.to_string()),
        vision_year: document.horizon.vision_year.map(|y| y.to_string()),
        source: some(&document.provenance.source),
    }
}

fn document_ref(engine: &Engine, id: giamsat_core::DocumentId) -> (Option<String>, Option<String>) {
    engine.document(id).map_or((None, None), |d| {
        (some(&d.key), unit_code(engine, d.issued_by))
    })
}

fn target_input(engine: &Engine, target: &giamsat_core::Target) -> TargetInput {
    let (document, document_issuer) = document_ref(engine, target.document);
    TargetInput {
        document,
        document_issuer,
        indicator: indicator_code(engine, target.indicator),
        unit: unit_code(engine, target.unit),
        period: some(target.period),
        value: number(target.value),
        comparator: enum_name(&target.comparator),
        baseline_period: target.baseline.map(|b| b.period.to_string()),
        baseline_value: target.baseline.and_then(|b| number(b.value)),
        source: some(&target.provenance.source),
    }
}

fn observation_input(engine: &Engine, o: &giamsat_core::Observation) -> ObservationInput {
    let (document, document_issuer) = o.document.map_or((None, None), |d| document_ref(engine, d));
    ObservationInput {
        indicator: indicator_code(engine, o.indicator),
        unit: unit_code(engine, o.unit),
        period: some(o.period),
        value: number(o.value),
        kind: some(o.kind.as_str()),
        reported_by: o.reported_by.and_then(|u| unit_code(engine, u)),
        document,
        document_issuer,
        // Ids are not stable across databases; the order of rows carries the history.
        corrects: None,
        note: o.note.clone(),
        source: some(&o.provenance.source),
        expected_version: None,
    }
}

fn scorecard_input(
    engine: &Engine,
    card: &giamsat_core::ReportedScorecard,
) -> ReportedScorecardInput {
    let (document, document_issuer) = card
        .document
        .map_or((None, None), |d| document_ref(engine, d));
    ReportedScorecardInput {
        unit: unit_code(engine, card.unit),
        period: some(card.period),
        met: some(card.met),
        set: some(card.set),
        document,
        document_issuer,
        source: some(&card.provenance.source),
    }
}

/// What a spreadsheet reads as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as every CSV export writes it: one a spreadsheet would run as a formula
/// (starting with =, +, -, @, tab or return) is prefixed with an apostrophe, so that opening
/// an export runs nothing a user typed. A text that already starts with an apostrophe before
/// such a character gets one more, so that [`undefuse`] gives back exactly what was stored.
pub fn defuse(text: String) -> String {
    if text.starts_with(FORMULA_STARTS) || marked(&text) {
        format!("'{text}")
    } else {
        text
    }
}

/// A cell of a column that holds numbers: a number (a negative one too) is a number, not a
/// formula, and is written as it is; anything else is defused like text.
pub fn defuse_number(text: String) -> String {
    if text.trim().parse::<f64>().is_ok() {
        text
    } else {
        defuse(text)
    }
}

/// A cell as an import reads it: the apostrophe an export put before a formula is taken off,
/// so that what is exported imports back unchanged.
pub fn undefuse(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || marked(rest) => rest,
        _ => text,
    }
}

/// Whether a text starts with the apostrophe [`defuse`] puts before a formula.
fn marked(text: &str) -> bool {
    text.strip_prefix('\'')
        .is_some_and(|rest| rest.starts_with(FORMULA_STARTS))
}

/// The columns of exports that hold numbers, whatever the kind of file.
pub const NUMBER_COLUMNS: &[&str] = &[
    "value",
    "baseline_value",
    "scale",
    "share",
    "decimals",
    "met",
    "set",
    "target_year",
    "orientation_year",
    "vision_year",
];

/// The audit trail as CSV, one row per entry, the states before and after as JSON; every
/// cell is text, [`defuse`]d.
pub fn audit_csv(
    engine: &Engine,
    entries: &[giamsat_store::AuditEntry],
) -> Result<String, AppError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let broken = |e: csv::Error| AppError::Inconsistent(format!("writing CSV: {e}"));
    writer
        .write_record(["at", "actor", "action", "object", "unit", "before", "after"])
        .map_err(broken)?;
    for e in entries {
        let at =
            e.at.format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default();
        let unit = e
            .unit
            .and_then(|u| engine.unit(u))
            .map(|u| u.code.to_string())
            .unwrap_or_default();
        let json =
            |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string()).unwrap_or_default();
        writer
            .write_record([
                at,
                defuse(e.actor.clone()),
                e.action.clone(),
                defuse(e.object.clone()),
                unit,
                defuse(json(&e.before)),
                defuse(json(&e.after)),
            ])
            .map_err(broken)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| AppError::Inconsistent(format!("writing CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| AppError::Inconsistent(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audit_csv_defuses_formulas_and_keeps_the_text() {
        let entry = |actor: &str, after: serde_json::Value| giamsat_store::AuditEntry {
            at: time::macros::datetime!(2026-11-23 08:00 UTC),
            actor: actor.into(),
            action: "observation.record".into(),
            object: "=HYPERLINK(\"http://evil.example\")".into(),
            before: None,
            after: Some(after),
            unit: None,
        };
        let csv = audit_csv(
            &Engine::new(),
            &[
                entry("@lan", serde_json::json!({"note": "=1+1"})),
                entry("minh", serde_json::json!(-2)),
            ],
        )
        .expect("csv");
        let mut rows = csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<csv::StringRecord> = rows.records().map(|r| r.expect("row")).collect();
        assert_eq!(&rows[0][1], "'@lan");
        assert_eq!(&rows[0][3], "'=HYPERLINK(\"http://evil.example\")");
        // JSON starts with a brace: nothing to defuse, the text is kept whole.
        assert_eq!(&rows[0][6], "{\"note\":\"=1+1\"}");
        assert_eq!(&rows[1][6], "'-2");
        assert_eq!(&rows[1][0], "2026-11-23T08:00:00Z");
    }
}
