//! CSV exchange: importing and exporting units, indicators, documents, targets, observations
//! and reported scorecards. The columns of a file are the fields of the matching input
//! ([`crate::input`]), so what is exported imports back unchanged.
//!
//! An import is all or nothing: with any invalid row it writes nothing and reports every
//! problem with its line and column, unless the caller accepts skipping invalid rows, in which
//! case the valid rows are written in one transaction and the rejects are returned.

use std::fmt;
use std::io::Read;

use giamsat_core::Record;
use giamsat_core::{AcrossUnits, Engine, Language};
use giamsat_store::{AuditEntry, ImportPart, ImportedFigure, Store};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::csv_quotes::QuoteWatch;
use crate::input::{
    DocumentInput, FieldError, IndicatorInput, ObservationInput, ReportedScorecardInput,
    TargetInput, UnitInput, Validate,
};
use crate::{Actor, App, AppError};

/// A place among the imports that run at once (see [`App::import_slot`]).
#[derive(Debug)]
pub struct ImportSlot(#[allow(dead_code)] tokio::sync::OwnedSemaphorePermit);

/// The wait a refused import is told to leave before trying again.
const IMPORT_RETRY_SECONDS: u64 = 5;

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

/// In the API description, a kind is its name.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ImportKind {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(ImportKind::ALL.map(ImportKind::as_str)))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for ImportKind {}

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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    let mut csv = match CsvRows::open(kind, file, data) {
        Ok(csv) => csv,
        Err(fatal) => {
            return Rows {
                headers: Vec::new(),
                rows: Vec::new(),
                fatal,
            };
        }
    };
    let mut rows = Vec::new();
    while let Some((line, parsed)) = csv.next::<T>() {
        rows.push((line, csv.raw(), parsed));
    }
    Rows {
        headers: csv.names,
        rows,
        fatal: Vec::new(),
    }
}

/// A CSV file read one row at a time, so that a file of any size is never held whole: only
/// the row being read, in buffers reused from row to row.
pub(crate) struct CsvRows<R: Read> {
    reader: csv::Reader<QuoteWatch<R>>,
    headers: csv::StringRecord,
    /// The header's column names.
    names: Vec<String>,
    file: String,
    record: csv::StringRecord,
    /// Whether the reader met what it cannot read past (a broken quote or encoding).
    ended: bool,
}

/// How many bytes are looked at for the byte-order mark, the delimiter and an empty file.
const HEAD_BYTES: usize = 64 * 1024;

impl<R: Read> CsvRows<std::io::Chain<std::io::Cursor<Vec<u8>>, R>> {
    /// Reads the header of a file of `kind`, or every problem found in it.
    pub(crate) fn open(kind: ImportKind, file: &str, mut input: R) -> Result<Self, Vec<RowError>> {
        let problem = |column: Option<usize>, field: &str, message: String| {
            vec![RowError::at(file, 1, column, field, message)]
        };
        // The start of the file, read ahead to find its delimiter, then read again.
        let mut head = Vec::with_capacity(HEAD_BYTES);
        (&mut input)
            .take(HEAD_BYTES as u64)
            .read_to_end(&mut head)
            .map_err(|e| problem(None, "", e.to_string()))?;
        if head.starts_with(b"\xEF\xBB\xBF") {
            head.drain(..3);
        }
        if head.iter().all(u8::is_ascii_whitespace) {
            return Err(problem(
                None,
                "",
                "the file is empty: the first line must name the columns".into(),
            ));
        }
        let delimiter = delimiter_of(&head);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .trim(csv::Trim::All)
            .flexible(true)
            .from_reader(QuoteWatch::new(
                std::io::Cursor::new(head).chain(input),
                delimiter,
            ));
        let headers = match reader.headers().cloned() {
            Ok(_) if reader.get_ref().unterminated().is_some() => {
                return Err(problem(None, "", unterminated_quote(1)));
            }
            Ok(h) => h,
            Err(e) => {
                return Err(problem(
                    None,
                    "",
                    format!("the header line cannot be read: {}", csv_message(&e)),
                ));
            }
        };
        let allowed = kind.columns();
        let names: Vec<String> = headers.iter().map(str::to_owned).collect();
        if let [only] = names.as_slice()
            && !allowed.contains(only)
            && let Some(used) = foreign_delimiter(only)
            && only
                .split(used)
                .any(|name| allowed.iter().any(|a| a == name.trim()))
        {
            return Err(problem(
                None,
                "",
                format!(
                    "the columns are separated by {used:?}, which a CSV file does not use: separate them with a comma, a semicolon or a tab"
                ),
            ));
        }
        let mut fatal = Vec::new();
        for (i, name) in names.iter().enumerate() {
            if !allowed.contains(name) {
                fatal.extend(problem(
                    Some(i + 1),
                    name,
                    format!(
                        "unknown column; the columns of {} are: {}",
                        kind.as_str(),
                        allowed.join(", ")
                    ),
                ));
            } else if names[..i].contains(name) {
                fatal.extend(problem(
                    Some(i + 1),
                    name,
                    "this column appears twice".into(),
                ));
            }
        }
        if !fatal.is_empty() {
            return Err(fatal);
        }
        Ok(CsvRows {
            reader,
            headers,
            names,
            file: file.to_owned(),
            record: csv::StringRecord::new(),
            ended: false,
        })
    }
}

impl<R: Read> CsvRows<R> {
    /// The next row that is not blank, with its line: its input, or why it cannot be read.
    pub(crate) fn next<T: DeserializeOwned>(&mut self) -> Option<(u64, Result<T, RowError>)> {
        let (line, read) = self.next_record()?;
        Some((line, read.and_then(|()| self.parse(line))))
    }

    /// The next row of figures into `input`, whose fields are reused from row to row (no
    /// allocation once they have grown): what [`CsvRows::next`] reads, without serde's
    /// matching of every cell's column name. `columns` are the fields of the header's
    /// columns ([`ObservationInput::field_of`]).
    pub(crate) fn next_figure(
        &mut self,
        columns: &[Option<usize>],
        input: &mut ObservationInput,
    ) -> Option<(u64, Result<(), RowError>)> {
        let (line, read) = self.next_record()?;
        if let Err(e) = read {
            return Some((line, Err(e)));
        }
        if let Err(e) = self.check_length(line) {
            return Some((line, Err(e)));
        }
        for (cell, field) in self.record.iter().zip(columns) {
            let Some(field) = field else { continue };
            // As the csv crate reads an empty cell into an `Option`: none.
            let cell = undefuse(cell);
            let slot = input.field_mut(*field);
            match slot {
                _ if cell.is_empty() => *slot = None,
                Some(text) => {
                    text.clear();
                    text.push_str(cell);
                }
                None => *slot = Some(cell.to_owned()),
            }
        }
        Some((line, Ok(())))
    }

    /// The fields of [`ObservationInput`] that the header's columns fill.
    pub(crate) fn figure_columns(&self) -> Vec<Option<usize>> {
        self.names
            .iter()
            .map(|name| ObservationInput::field_of(name))
            .collect()
    }

    /// Reads the next row that is not blank into `self.record`, with its line, or why it
    /// cannot be read.
    fn next_record(&mut self) -> Option<(u64, Result<(), RowError>)> {
        while !self.ended {
            let line = self.reader.position().line();
            match self.reader.read_record(&mut self.record) {
                Ok(false) => return None,
                Ok(true) => {
                    let line = self.record.position().map_or(line, |p| p.line());
                    if let Some(opened) = self.reader.get_ref().unterminated() {
                        self.ended = true;
                        return Some((
                            opened,
                            Err(RowError {
                                row: self.raw(),
                                ..RowError::at(
                                    &self.file,
                                    opened,
                                    None,
                                    "",
                                    unterminated_quote(opened),
                                )
                            }),
                        ));
                    }
                    if self.record.iter().all(str::is_empty) {
                        continue; // a blank line
                    }
                    return Some((line, Ok(())));
                }
                Err(e) => {
                    let line = e.position().map_or(line, |p| p.line());
                    // A broken encoding or quote leaves the reader unable to resynchronise.
                    self.ended = !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. });
                    self.record.clear();
                    return Some((
                        line,
                        Err(RowError::at(&self.file, line, None, "", csv_message(&e))),
                    ));
                }
            }
        }
        None
    }

    /// A row with as many fields as the header, or the problem.
    fn check_length(&self, line: u64) -> Result<(), RowError> {
        if self.record.len() == self.headers.len() {
            return Ok(());
        }
        Err(RowError {
            row: self.raw(),
            ..RowError::at(
                &self.file,
                line,
                None,
                "",
                format!(
                    "has {} fields but the header has {}",
                    self.record.len(),
                    self.headers.len()
                ),
            )
        })
    }

    fn parse<T: DeserializeOwned>(&self, line: u64) -> Result<T, RowError> {
        let problem = |message: String| RowError {
            row: self.raw(),
            ..RowError::at(&self.file, line, None, "", message)
        };
        self.check_length(line)?;
        let marked = self
            .record
            .iter()
            .any(|cell| undefuse(cell).len() != cell.len());
        let parsed = if marked {
            let cells: csv::StringRecord = self.record.iter().map(undefuse).collect();
            cells.deserialize::<T>(Some(&self.headers))
        } else {
            self.record.deserialize::<T>(Some(&self.headers))
        };
        parsed.map_err(|e| problem(csv_message(&e)))
    }

    /// The row last read, as written.
    pub(crate) fn raw(&self) -> Vec<String> {
        self.record.iter().map(str::to_owned).collect()
    }

    /// The 1-based column of a field, if the file has it.
    fn column_of(&self, field: &str) -> Option<usize> {
        self.names.iter().position(|h| h == field).map(|i| i + 1)
    }

    /// The problems of the row last read, found by its checks.
    fn rejects(&self, line: u64, errors: Vec<FieldError>) -> impl Iterator<Item = RowError> + '_ {
        let raw = self.raw();
        errors
            .into_iter()
            .map(move |FieldError { field, problem }| RowError {
                file: self.file.clone(),
                line,
                column: self.column_of(&field),
                field,
                message: problem.to_string(),
                row: raw.clone(),
            })
    }
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

/// The character a one-column header seems to be separated by, when it is none of the CSV
/// delimiters: the commonest punctuation between two column names (`unit|indicator|period`).
fn foreign_delimiter(header: &str) -> Option<char> {
    let mut counts: Vec<(char, usize)> = Vec::new();
    for c in header.chars().filter(|c| {
        c.is_ascii_punctuation() && !matches!(c, '_' | '-' | '"' | '\'' | '(' | ')' | '.')
            || *c == ' '
    }) {
        match counts.iter_mut().find(|(d, _)| *d == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(c, _)| c)
}

fn unterminated_quote(line: u64) -> String {
    format!(
        "the quote opened on line {line} is never closed: every line after it would be read as one field"
    )
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

/// Rows of figures read and checked before they are sent to the store: what an import holds
/// at once besides the engine's copy.
pub(crate) const CHUNK_ROWS: usize = 50_000;

/// A file of figures being read: its rows, the field each column fills, and the input the
/// rows are read into one after the other.
struct FigureRows<R: Read> {
    rows: CsvRows<R>,
    columns: Vec<Option<usize>>,
    input: ObservationInput,
}

/// Reads and checks up to `max` rows of figures against the batch, the accepted ones into
/// `figures` with their audit rows' parts and the problems into `rejected`; false once the
/// file has ended.
fn check_figures<R: Read>(
    rows: &mut FigureRows<R>,
    batch: &mut crate::Batch<'_>,
    max: usize,
    rejected: &mut Vec<RowError>,
    figures: &mut Vec<ImportedFigure>,
) -> bool {
    let FigureRows {
        rows,
        columns,
        input,
    } = rows;
    for _ in 0..max {
        let Some((line, read)) = rows.next_figure(columns, input) else {
            return false;
        };
        if let Err(e) = read {
            rejected.push(e);
            continue;
        }
        match batch.take((&rows.file, line), |engine, origin| {
            input.validate_row(engine, origin)
        }) {
            Ok((Record::Observation(observation), before)) => {
                figures.push(imported_figure(batch.engine(), observation, before));
            }
            Ok(_) => {} // an observation's input gives an observation
            Err(errors) => rejected.extend(rows.rejects(line, errors)),
        }
    }
    true
}

/// A figure with its audit row's object (the codes of its cell) and the value it replaces.
fn imported_figure(
    engine: &Engine,
    observation: giamsat_core::Observation,
    before: Option<(
        giamsat_core::ObservationId,
        giamsat_core::ObservationKind,
        f64,
    )>,
) -> ImportedFigure {
    let o = &observation;
    // The batch has just checked that both exist.
    let object = match (engine.indicator(o.indicator), engine.unit(o.unit)) {
        (Some(i), Some(u)) => format!("observation:{}/{}/{}", i.code, u.code, o.period),
        _ => format!("observation:{}/{}/{}", o.indicator, o.unit, o.period),
    };
    ImportedFigure {
        object,
        before,
        observation,
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
        self.import_reader(actor, kind, file, data, options).await
    }

    /// [`App::import`] from a reader. A file of figures is read, checked and written in
    /// chunks, so that it is never held whole: what it costs in memory is a chunk and the
    /// figures' place in the engine. At most [`crate::IMPORTS_AT_ONCE`] imports run at once;
    /// beyond, the answer is [`AppError::ImportsBusy`].
    pub async fn import_reader<R: Read + Send>(
        &self,
        actor: &Actor,
        kind: ImportKind,
        file: &str,
        input: R,
        options: ImportOptions,
    ) -> Result<ImportReport, AppError> {
        self.import_chunked(actor, kind, file, input, options, CHUNK_ROWS)
            .await
    }

    /// [`App::import_reader`] with `chunk` rows of figures at a time.
    pub(crate) async fn import_chunked<R: Read + Send>(
        &self,
        actor: &Actor,
        kind: ImportKind,
        file: &str,
        input: R,
        options: ImportOptions,
        chunk: usize,
    ) -> Result<ImportReport, AppError> {
        let _slot = self.import_slot()?;
        let imported = match kind {
            ImportKind::Observations => {
                self.import_figures(actor, file, input, options, chunk.max(1))
                    .await
            }
            _ => self.import_records(actor, kind, file, input, options).await,
        };
        let counter = match &imported {
            Ok(_) => &self.outcomes.imports_accepted,
            Err(_) => &self.outcomes.imports_refused,
        };
        counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        imported
    }

    /// The import as it was before files of figures were streamed: the whole file read,
    /// checked as one batch and committed with an audit entry per figure, all held in memory.
    /// Kept only so that `giamsat bench import` measures the streamed path beside it.
    #[doc(hidden)]
    pub async fn import_whole(
        &self,
        actor: &Actor,
        kind: ImportKind,
        file: &str,
        data: &[u8],
        options: ImportOptions,
    ) -> Result<ImportReport, AppError> {
        let _slot = self.import_slot()?;
        self.import_records(actor, kind, file, data, options).await
    }

    /// One of the [`crate::IMPORTS_AT_ONCE`] places of running imports, held until dropped;
    /// [`AppError::ImportsBusy`] when every place is taken. Every import takes one.
    pub fn import_slot(&self) -> Result<ImportSlot, AppError> {
        self.imports
            .clone()
            .try_acquire_owned()
            .map(ImportSlot)
            .map_err(|_| AppError::ImportsBusy {
                running: crate::IMPORTS_AT_ONCE,
                seconds: IMPORT_RETRY_SECONDS,
            })
    }

    /// A file of anything but figures (units, indicators, documents, targets, scorecards:
    /// thousands of rows, not millions), checked whole as one batch.
    async fn import_records<R: Read>(
        &self,
        actor: &Actor,
        kind: ImportKind,
        file: &str,
        mut input: R,
        options: ImportOptions,
    ) -> Result<ImportReport, AppError> {
        let mut data = Vec::new();
        input.read_to_end(&mut data).map_err(|e| AppError::Import {
            file: file.to_owned(),
            errors: vec![RowError::at(file, 1, None, "", e.to_string())],
        })?;
        let rows = read_file(kind, file, &data);
        drop(data);
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

    /// A file of figures, streamed: each chunk of rows is checked against a copy of the
    /// engine (every row against the rows before it, as a batch does) and sent to the store,
    /// which writes it into one open transaction, each figure with its audit row. The
    /// transaction commits only once every row has passed; at the first refused row the
    /// store is let go (it rolls back) and the rest of the file is only checked, so that
    /// every problem is reported. The engine is replaced by the copy only after the commit.
    async fn import_figures<R: Read + Send>(
        &self,
        actor: &Actor,
        file: &str,
        input: R,
        options: ImportOptions,
        chunk: usize,
    ) -> Result<ImportReport, AppError> {
        let rows = CsvRows::open(ImportKind::Observations, file, input).map_err(|errors| {
            AppError::Import {
                file: file.to_owned(),
                errors,
            }
        })?;
        let mut rows = FigureRows {
            columns: rows.figure_columns(),
            rows,
            input: ObservationInput::default(),
        };
        let _writing = self.writer.lock().await;
        let _others = self.hold_off_other_writers().await?;
        let at = time::OffsetDateTime::now_utc();
        let head = self.head.load(std::sync::atomic::Ordering::Acquire);
        let mut batch = crate::Batch::new(self.engine().clone(), actor, at);
        batch.read_numbers_as(options.numbers);
        let (send, receive) = tokio::sync::mpsc::channel(1);
        let check = async {
            let mut send = Some(send);
            let mut rejected = Vec::new();
            let mut accepted = 0;
            let mut figures = Vec::new();
            loop {
                let more = check_figures(&mut rows, &mut batch, chunk, &mut rejected, &mut figures);
                if batch.denied().is_some() || (!rejected.is_empty() && !options.skip_invalid) {
                    send = None; // nothing of this file will be written
                }
                accepted += figures.len();
                if let Some(to_store) = &send
                    && !figures.is_empty()
                {
                    let part = ImportPart::Figures(std::mem::take(&mut figures));
                    if to_store.send(part).await.is_err() {
                        return Err(None); // the store failed: its error says why
                    }
                }
                figures.clear();
                if !more {
                    break;
                }
            }
            if let Some(denied) = batch.denied() {
                return Err(Some(AppError::Forbidden(denied.clone())));
            }
            if !rejected.is_empty() && !options.skip_invalid {
                return Err(Some(AppError::Import {
                    file: file.to_owned(),
                    errors: rejected,
                }));
            }
            let summary = AuditEntry {
                at,
                actor: actor.name.clone(),
                action: format!("import.{}", ImportKind::Observations.as_str()),
                object: format!("file:{file}"),
                before: None,
                after: Some(serde_json::json!({ "records": accepted })),
                unit: None,
            };
            if let Some(to_store) = send
                && to_store.send(ImportPart::Commit(summary)).await.is_err()
            {
                return Err(None);
            }
            Ok(ImportReport { accepted, rejected })
        };
        let (stored, checked) = tokio::join!(self.store.import_observations(head, receive), check);
        let (seq, report) = match (stored, checked) {
            (_, Err(Some(refused))) => return Err(refused),
            (Err(e), _) => return Err(crate::conflict(e)),
            (Ok(Some(seq)), Ok(report)) => (seq, report),
            (Ok(None), _) | (Ok(Some(_)), Err(None)) => {
                return Err(AppError::Inconsistent(
                    "the store ended an import without its word".into(),
                ));
            }
        };
        let mut engine = batch.engine;
        engine.settle();
        *self
            .engine
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = engine;
        self.head.store(seq, std::sync::atomic::Ordering::Release);
        Ok(report)
    }

    /// Writes every record of `kind` as CSV, in the columns import reads. Observations are
    /// exported whole, every published value in the order recorded, so an import rebuilds the
    /// same history and the same current values.
    pub async fn export(&self, kind: ImportKind) -> Result<String, AppError> {
        // Everything but observations is in the engine; their history is in the store.
        let observations = match kind {
            ImportKind::Observations => self.store().observations().await?,
            _ => Vec::new(),
        };
        let engine = self.engine();
        // Published figures only: a figure its report holds back is not exported until the
        // report is approved.
        let observations: Vec<_> = observations
            .into_iter()
            .filter(|o| !engine.reporting().is_held(o))
            .collect();
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
