//! Spreadsheets for office software: a list (targets, figures, rankings, tasks) as an xlsx
//! workbook or a CSV file that Excel and LibreOffice open as they are, and the report form
//! (*biểu mẫu báo cáo*) a unit downloads pre-filled, fills offline and sends back.
//!
//! The layout is decided here and the words are the caller's: a [`Table`] arrives with its
//! headers and cells already in the reader's language. Numbers stay numbers and dates stay
//! dates in the workbook, and their display format is Excel's own (`#,##0.0`,
//! `dd/mm/yyyy`), which Excel shows with the separators of the reader's settings. Every text
//! cell passes [`crate::exchange::defuse`], so a name that starts like a formula stays text
//! even after a round trip through CSV.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use giamsat_core::text::{NumberError, parse_number};
use giamsat_core::{Engine, Language, ObservationKind, Period, Unit};
use giamsat_store::Store;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::exchange::defuse;
use crate::input::ObservationInput;
use crate::{Actor, App, AppError, FieldError};

/// One cell of a list.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A number shown with `decimals` decimals.
    Number {
        value: f64,
        decimals: u8,
    },
    /// A share in percent (96.5 for 96.5 %): a fraction with a percent format in a workbook,
    /// the number of percent in CSV.
    Percent(f64),
    Date(time::Date),
    Empty,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    /// A count or a rank.
    pub fn count(n: usize) -> Cell {
        Cell::Number {
            value: n as f64,
            decimals: 0,
        }
    }
}

/// A list as a sheet: its name, a header row and the rows under it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub sheet: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, thiserror::Error)]
#[error("the workbook could not be written: {0}")]
pub struct WriteError(String);

impl From<XlsxError> for WriteError {
    fn from(e: XlsxError) -> WriteError {
        WriteError(e.to_string())
    }
}

/// Excel's display format for a number with `decimals` decimals, thousands grouped.
fn number_format(decimals: u8) -> String {
    if decimals == 0 {
        "#,##0".to_owned()
    } else {
        format!("#,##0.{}", "0".repeat(usize::from(decimals.min(10))))
    }
}

/// Excel's display format for a date, as the pages show dates in `lang`.
fn date_format(lang: Language) -> &'static str {
    match lang {
        Language::Vi | Language::Fr => "dd/mm/yyyy",
        Language::En => "d mmm yyyy",
    }
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    let clean = clean.trim().trim_matches('\'').to_owned();
    if clean.is_empty() {
        "Sheet1".to_owned()
    } else {
        clean
    }
}

fn excel_date(date: time::Date) -> Result<ExcelDateTime, XlsxError> {
    let year =
        u16::try_from(date.year()).map_err(|_| XlsxError::DateTimeRangeError(date.to_string()))?;
    ExcelDateTime::from_ymd(year, u8::from(date.month()), date.day())
}

/// The formats of one workbook, made once each.
struct Formats {
    header: Format,
    numbers: HashMap<u8, Format>,
    percent: Format,
    date: Format,
    text: Format,
}

impl Formats {
    fn new(lang: Language) -> Formats {
        Formats {
            header: Format::new().set_bold().set_text_wrap(),
            numbers: HashMap::new(),
            percent: Format::new().set_num_format("0.00%"),
            date: Format::new().set_num_format(date_format(lang)),
            text: Format::new(),
        }
    }

    fn number(&mut self, decimals: u8) -> &Format {
        self.numbers
            .entry(decimals)
            .or_insert_with(|| Format::new().set_num_format(number_format(decimals)))
    }
}

fn write_cell(
    sheet: &mut Worksheet,
    formats: &mut Formats,
    (row, col): (u32, u16),
    cell: &Cell,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(text) => {
            sheet.write_string_with_format(row, col, defuse(text.clone()), &formats.text)?;
        }
        Cell::Number { value, decimals } if value.is_finite() => {
            let format = formats.number(*decimals).clone();
            sheet.write_number_with_format(row, col, *value, &format)?;
        }
        Cell::Percent(value) if value.is_finite() => {
            sheet.write_number_with_format(row, col, value / 100.0, &formats.percent)?;
        }
        Cell::Date(date) => {
            sheet.write_datetime_with_format(row, col, excel_date(*date)?, &formats.date)?;
        }
        Cell::Number { .. } | Cell::Percent(_) | Cell::Empty => {}
    }
    Ok(())
}

/// The width a column needs for its longest cell, within reason.
fn column_width(table: &Table, col: usize) -> f64 {
    let longest = std::iter::once(table.headers.get(col).map_or(0, |h| h.chars().count() / 2))
        .chain(table.rows.iter().map(|row| match row.get(col) {
            Some(Cell::Text(t)) => t.chars().count(),
            Some(Cell::Number { .. } | Cell::Percent(_)) => 12,
            Some(Cell::Date(_)) => 11,
            _ => 0,
        }))
        .max()
        .unwrap_or(0);
    (longest as f64 + 2.0).clamp(8.0, 60.0)
}

/// The tables as one workbook, a sheet each, with the header row frozen.
pub fn xlsx(tables: &[Table], lang: Language) -> Result<Vec<u8>, WriteError> {
    let mut workbook = Workbook::new();
    let mut formats = Formats::new(lang);
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(&table.sheet))?;
        for (col, header) in table.headers.iter().enumerate() {
            let col = u16::try_from(col).map_err(|_| WriteError("too many columns".into()))?;
            sheet.write_string_with_format(0, col, defuse(header.clone()), &formats.header)?;
            sheet.set_column_width(col, column_width(table, usize::from(col)))?;
        }
        sheet.set_freeze_panes(1, 0)?;
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| WriteError("too many rows".into()))?;
            for (col, cell) in row.iter().enumerate() {
                let col = u16::try_from(col).map_err(|_| WriteError("too many columns".into()))?;
                write_cell(sheet, &mut formats, (r, col), cell)?;
            }
        }
    }
    Ok(workbook.save_to_buffer()?)
}

/// How a CSV file for a spreadsheet writes its fields and numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvStyle {
    /// `;` between fields and `,` before decimals, as Excel expects under Vietnamese and
    /// French settings; else `,` and `.`.
    pub semicolon: bool,
}

impl CsvStyle {
    /// What spreadsheets under `lang`'s usual settings read without asking.
    pub fn of(lang: Language) -> CsvStyle {
        CsvStyle {
            semicolon: lang != Language::En,
        }
    }
}

fn csv_number(value: f64, decimals: u8, style: CsvStyle) -> String {
    let text = format!("{value:.*}", usize::from(decimals.min(10)));
    if style.semicolon {
        text.replace('.', ",")
    } else {
        text
    }
}

/// A table as CSV for a spreadsheet: UTF-8 with a byte-order mark (or Excel guesses the
/// encoding wrong), numbers bare (no grouping) with the style's decimal mark, dates as ISO
/// dates, which every spreadsheet reads as dates.
pub fn csv(table: &Table, style: CsvStyle) -> Result<Vec<u8>, WriteError> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(if style.semicolon { b';' } else { b',' })
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let broken = |e: csv::Error| WriteError(e.to_string());
    writer
        .write_record(table.headers.iter().map(|h| defuse(h.clone())))
        .map_err(broken)?;
    for row in &table.rows {
        let fields = row.iter().map(|cell| match cell {
            Cell::Text(text) => defuse(text.clone()),
            Cell::Number { value, decimals } if value.is_finite() => {
                csv_number(*value, *decimals, style)
            }
            Cell::Percent(value) if value.is_finite() => csv_number(*value, 2, style),
            Cell::Date(date) => date.to_string(),
            Cell::Number { .. } | Cell::Percent(_) | Cell::Empty => String::new(),
        });
        writer.write_record(fields).map_err(broken)?;
    }
    writer.into_inner().map_err(|e| WriteError(e.to_string()))
}

// ---- The report form ----------------------------------------------------------------------

/// What the form's first cell of its hidden columns says, so that an upload of any other
/// workbook is told so instead of read as empty.
pub const FORM_MARK: &str = "giamsat:report-form:1";

/// The columns of the report form, 0-based.
pub mod column {
    pub const NAME: u16 = 0;
    pub const MEASURE: u16 = 1;
    pub const LAST_PERIOD: u16 = 2;
    pub const LAST_YEAR: u16 = 3;
    pub const PLAN: u16 = 4;
    pub const VALUE: u16 = 5;
    pub const NOTE: u16 = 6;
    /// Hidden: the indicator's code on each row; the unit's code on the title row.
    pub const CODE: u16 = 7;
    /// Hidden: the version of the cell when the form was made; the period on the title row.
    pub const VERSION: u16 = 8;
    /// Hidden: [`super::FORM_MARK`] on the title row.
    pub const MARK: u16 = 9;
}

/// The row of the form's column headers (0-based); the indicators follow it.
pub const HEADER_ROW: u32 = 2;

/// The letter of a column, as Excel names it.
pub fn column_letter(col: u16) -> char {
    char::from(b'A' + u8::try_from(col.min(25)).unwrap_or(25))
}

/// The words of a form, in the reader's language.
#[derive(Debug, Clone, Default)]
pub struct FormWords {
    pub sheet: String,
    pub title: String,
    pub hint: String,
    /// The seven visible column headers, in the order of [`column`].
    pub headers: [String; 7],
}

/// One indicator of a form, with what is known of it.
#[derive(Debug, Clone, PartialEq)]
pub struct FormLine {
    pub code: String,
    pub name: String,
    pub measure: String,
    pub decimals: u8,
    pub last_period: Option<f64>,
    pub last_year: Option<f64>,
    pub plan: Option<f64>,
    /// The id of the cell's current observation, 0 when it has none.
    pub version: u64,
}

/// The period just before `period`, of the same length (the month before a month, the
/// quarter before a quarter); for a cumulative "first N months", the one a month shorter.
pub fn previous_period(period: Period) -> Option<Period> {
    if period.kind() == giamsat_core::PeriodKind::FirstMonths {
        return Some(Period::year_to_date(period.end().shifted(-1)?));
    }
    let length = i32::from(period.month_count());
    Period::from_range(
        period.start().shifted(-length)?,
        period.end().shifted(-length)?,
    )
    .ok()
}

/// The indicators a unit reports: those it has targets for, then those it has figures for,
/// each once, in the order they were defined.
pub fn form_lines(engine: &Engine, unit: &Unit, period: Period) -> Vec<FormLine> {
    let mut ids: Vec<giamsat_core::IndicatorId> = engine
        .targets()
        .filter(|t| t.unit == unit.id)
        .map(|t| t.indicator)
        .chain(
            engine
                .cells_reported(unit.id, None)
                .into_iter()
                .map(|(i, _)| i),
        )
        .collect();
    ids.sort();
    ids.dedup();
    let value = |id, p: Option<Period>| {
        p.and_then(|p| engine.value(id, unit.id, p))
            .map(|r| r.value)
    };
    ids.into_iter()
        .filter_map(|id| engine.indicator(id))
        .map(|indicator| FormLine {
            code: indicator.code.to_string(),
            name: String::new(),
            measure: String::new(),
            decimals: indicator.decimals,
            last_period: value(indicator.id, previous_period(period)),
            last_year: value(indicator.id, period.same_period_last_year()),
            plan: engine
                .targets()
                .filter(|t| {
                    t.unit == unit.id && t.indicator == indicator.id && t.period.covers(period)
                })
                .max_by_key(|t| t.id)
                .map(|t| t.value),
            version: engine
                .reported(indicator.id, unit.id, period)
                .map_or(0, |(id, ..)| id.0),
        })
        .collect()
}

/// The report form as a workbook: the title row (with the unit and period in hidden cells),
/// a hint, the headers, and a row per indicator whose value and note cells are the only ones
/// open to editing (the sheet is protected without a password, so nothing else is changed by
/// mistake).
pub fn form_xlsx(
    words: &FormWords,
    unit_code: &str,
    period: Period,
    lines: &[FormLine],
    lang: Language,
) -> Result<Vec<u8>, WriteError> {
    let mut workbook = Workbook::new();
    let mut formats = Formats::new(lang);
    let open = Format::new().set_unlocked().set_background_color("#FFF8DC");
    let open_text = open.clone().set_text_wrap();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name(&words.sheet))?;
    sheet.write_string_with_format(
        0,
        column::NAME,
        defuse(words.title.clone()),
        &formats.header,
    )?;
    sheet.write_string(0, column::CODE, unit_code)?;
    sheet.write_string(0, column::VERSION, period.code())?;
    sheet.write_string(0, column::MARK, FORM_MARK)?;
    sheet.write_string(1, column::NAME, defuse(words.hint.clone()))?;
    for (col, header) in (0u16..).zip(words.headers.iter()) {
        sheet.write_string_with_format(HEADER_ROW, col, defuse(header.clone()), &formats.header)?;
    }
    let widths = [40.0, 14.0, 16.0, 16.0, 16.0, 16.0, 30.0];
    for (col, width) in (0u16..).zip(widths) {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_column_range_hidden(column::CODE, column::MARK)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 1)?;
    for (row, line) in (HEADER_ROW + 1..).zip(lines) {
        let cells = [
            (column::NAME, Cell::text(&line.name)),
            (column::MEASURE, Cell::text(&line.measure)),
            (
                column::LAST_PERIOD,
                number_or_empty(line.last_period, line.decimals),
            ),
            (
                column::LAST_YEAR,
                number_or_empty(line.last_year, line.decimals),
            ),
            (column::PLAN, number_or_empty(line.plan, line.decimals)),
        ];
        for (col, cell) in &cells {
            write_cell(sheet, &mut formats, (row, *col), cell)?;
        }
        let value_format = open.clone().set_num_format(number_format(line.decimals));
        sheet.write_blank(row, column::VALUE, &value_format)?;
        sheet.write_blank(row, column::NOTE, &open_text)?;
        sheet.write_string(row, column::CODE, &line.code)?;
        sheet.write_string(row, column::VERSION, line.version.to_string())?;
    }
    sheet.protect();
    Ok(workbook.save_to_buffer()?)
}

fn number_or_empty(value: Option<f64>, decimals: u8) -> Cell {
    value.map_or(Cell::Empty, |value| Cell::Number { value, decimals })
}

/// What is wrong with one cell of a filled form.
#[derive(Debug, Clone, PartialEq)]
pub enum CellReason {
    /// The value cell holds text that is no number in the reader's convention.
    NotANumber {
        text: String,
    },
    TooLarge,
    /// The value cell holds something else (a truth value, a date, an error).
    NotAValue,
    /// A note was written on a row without a value.
    NoteWithoutValue,
    /// A value on a row that has no indicator (a row added below the form's).
    NotInForm,
    /// What the entry page's validation says of the figure.
    Field(FieldError),
}

/// A problem at a cell: sheet, 1-based row and column letter, as a spreadsheet names them.
#[derive(Debug, Clone, PartialEq)]
pub struct CellProblem {
    pub sheet: String,
    pub row: u32,
    pub column: char,
    pub reason: CellReason,
}

/// Why a filled form was not recorded. Nothing was written in every case.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    #[error("the file is not an xlsx workbook that can be read")]
    Unreadable,
    #[error("the workbook is not a giamsat report form")]
    NotAForm,
    #[error("no value was filled in")]
    Empty,
    #[error("{} cell(s) are wrong", .0.len())]
    Cells(Vec<CellProblem>),
    #[error(transparent)]
    App(#[from] AppError),
}

/// One filled row of a form.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledRow {
    /// 1-based, as the spreadsheet shows it.
    pub row: u32,
    pub indicator: String,
    pub version: Option<String>,
    pub value: f64,
    pub note: Option<String>,
}

/// A form as read back, before validation against the engine.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledForm {
    pub sheet: String,
    pub unit: String,
    pub period: String,
    pub rows: Vec<FilledRow>,
}

fn text_of(data: Option<&Data>) -> String {
    match data {
        Some(Data::String(s)) => s.trim().to_owned(),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Some(Data::Float(f)) => f.to_string(),
        _ => String::new(),
    }
}

/// Reads a filled form. Text in a value cell is read as `lang` writes numbers (36.539,5 in
/// Vietnamese). Any file at all may arrive here: whatever it is, the answer is an error or
/// the rows, never a panic.
pub fn read_form(data: &[u8], lang: Language) -> Result<FilledForm, FormError> {
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(data)).map_err(|_| FormError::Unreadable)?;
    let sheet = workbook
        .sheet_names()
        .into_iter()
        .next()
        .ok_or(FormError::NotAForm)?;
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|_| FormError::Unreadable)?;
    let at = |row: u32, col: u16| range.get_value((row, u32::from(col)));
    if text_of(at(0, column::MARK)) != FORM_MARK {
        return Err(FormError::NotAForm);
    }
    let unit = text_of(at(0, column::CODE));
    let period = text_of(at(0, column::VERSION));
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let last = range.end().map_or(0, |(row, _)| row);
    for row in HEADER_ROW + 1..=last {
        let problem = |col: u16, reason| CellProblem {
            sheet: sheet.clone(),
            row: row + 1,
            column: column_letter(col),
            reason,
        };
        let value = at(row, column::VALUE);
        let note = text_of(at(row, column::NOTE));
        let code = text_of(at(row, column::CODE));
        let value = match value {
            None | Some(Data::Empty) => None,
            Some(Data::String(s)) if s.trim().is_empty() => None,
            Some(Data::Float(f)) => Some(Ok(*f)),
            Some(Data::Int(i)) => Some(Ok(*i as f64)),
            Some(Data::String(s)) => Some(match parse_number(s, lang) {
                Ok(v) => Ok(v),
                Err(NumberError::TooLarge { .. }) => Err(CellReason::TooLarge),
                Err(_) => Err(CellReason::NotANumber {
                    text: s.trim().to_owned(),
                }),
            }),
            Some(_) => Some(Err(CellReason::NotAValue)),
        };
        match value {
            None if !note.is_empty() => {
                problems.push(problem(column::NOTE, CellReason::NoteWithoutValue));
            }
            None => {}
            Some(Err(reason)) => problems.push(problem(column::VALUE, reason)),
            Some(Ok(_)) if code.is_empty() => {
                problems.push(problem(column::VALUE, CellReason::NotInForm));
            }
            Some(Ok(value)) => rows.push(FilledRow {
                row: row + 1,
                indicator: code,
                version: Some(text_of(at(row, column::VERSION))).filter(|v| !v.is_empty()),
                value,
                note: Some(note).filter(|n| !n.is_empty()),
            }),
        }
    }
    if !problems.is_empty() {
        return Err(FormError::Cells(problems));
    }
    if rows.is_empty() {
        return Err(FormError::Empty);
    }
    Ok(FilledForm {
        sheet,
        unit,
        period,
        rows,
    })
}

impl FilledForm {
    /// The figures as the entry page would send them: values written canonically (read in
    /// English), so that the cells' own numbers pass unchanged.
    pub fn inputs(&self, kind: ObservationKind) -> Vec<ObservationInput> {
        self.rows
            .iter()
            .map(|row| ObservationInput {
                indicator: Some(row.indicator.clone()),
                unit: Some(self.unit.clone()),
                period: Some(self.period.clone()),
                value: Some(row.value.to_string()),
                kind: Some(kind.as_str().to_owned()),
                note: row.note.clone(),
                source: Some("report form".into()),
                expected_version: row.version.clone(),
                ..ObservationInput::default()
            })
            .collect()
    }

    /// The entry page's problems ("2.value") as the cells they came from.
    fn cells_of(&self, errors: Vec<FieldError>) -> Vec<CellProblem> {
        errors
            .into_iter()
            .map(|error| {
                let (index, field) = error.field.split_once('.').unwrap_or(("", ""));
                let row = index
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| self.rows.get(i))
                    .map_or(HEADER_ROW + 1, |r| r.row);
                let col = match field {
                    "value" => column::VALUE,
                    "note" => column::NOTE,
                    _ => column::NAME,
                };
                CellProblem {
                    sheet: self.sheet.clone(),
                    row,
                    column: column_letter(col),
                    reason: CellReason::Field(error),
                }
            })
            .collect()
    }
}

impl<S: Store> App<S> {
    /// Every figure recorded, in the order recorded, for a list of figures with their history.
    pub async fn recorded_figures(&self) -> Result<Vec<giamsat_core::Observation>, AppError> {
        Ok(self.store().observations().await?)
    }

    /// Records a filled report form as the entry page records its figures: one batch, all
    /// or nothing, each problem named by its cell. Returns the unit's code and how many
    /// figures were recorded.
    pub async fn record_form(
        &self,
        actor: &Actor,
        data: &[u8],
        kind: ObservationKind,
        lang: Language,
    ) -> Result<(String, usize), FormError> {
        let form = read_form(data, lang)?;
        match self
            .create_all(actor, &form.inputs(kind), "report form", Language::En)
            .await
        {
            Ok(records) => Ok((form.unit, records.len())),
            Err(AppError::Invalid(errors)) => Err(FormError::Cells(form.cells_of(errors))),
            Err(other) => Err(FormError::App(other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            sheet: "Chỉ tiêu: 2023/Q4".into(),
            headers: vec!["Tên".into(), "Giá trị".into(), "%".into(), "Ngày".into()],
            rows: vec![vec![
                Cell::text("=HYPERLINK(\"x\")"),
                Cell::Number {
                    value: 36_539.5,
                    decimals: 1,
                },
                Cell::Percent(96.5),
                Cell::Date(time::macros::date!(2023 - 12 - 31)),
            ]],
        }
    }

    #[test]
    fn csv_for_spreadsheets_has_a_bom_and_the_readers_separators() {
        let vi = csv(&table(), CsvStyle::of(Language::Vi)).expect("csv");
        let text = String::from_utf8(vi).expect("utf-8");
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("'=HYPERLINK"), "defused: {text}");
        assert!(text.contains(";36539,5;96,50;2023-12-31"), "{text}");
        let en = String::from_utf8(csv(&table(), CsvStyle::of(Language::En)).expect("csv"))
            .expect("utf-8");
        assert!(en.contains(",36539.5,96.50,2023-12-31"), "{en}");
    }

    #[test]
    fn a_workbook_keeps_numbers_dates_and_defused_text() {
        let bytes = xlsx(&[table()], Language::Vi).expect("xlsx");
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("opens");
        assert_eq!(book.sheet_names(), vec!["Chỉ tiêu 2023Q4".to_owned()]);
        let range = book.worksheet_range("Chỉ tiêu 2023Q4").expect("sheet");
        assert_eq!(
            range.get_value((0, 1)),
            Some(&Data::String("Giá trị".into()))
        );
        assert_eq!(
            range.get_value((1, 0)),
            Some(&Data::String("'=HYPERLINK(\"x\")".into()))
        );
        assert_eq!(range.get_value((1, 1)), Some(&Data::Float(36_539.5)));
        assert_eq!(range.get_value((1, 2)), Some(&Data::Float(0.965)));
        let date = range.get_value((1, 3)).expect("date");
        assert!(calamine::DataType::is_datetime(date), "{date:?}");
        // 45291 is 31 December 2023 in Excel's count of days.
        assert_eq!(
            calamine::DataType::get_datetime(date).map(|d| d.as_f64()),
            Some(45_291.0)
        );
    }

    fn words() -> FormWords {
        FormWords {
            sheet: "Biểu mẫu".into(),
            title: "Biểu mẫu báo cáo".into(),
            hint: "Điền cột F".into(),
            headers: std::array::from_fn(|i| format!("Cột {i}")),
        }
    }

    fn line(code: &str) -> FormLine {
        FormLine {
            code: code.into(),
            name: format!("Chỉ tiêu {code}"),
            measure: "%".into(),
            decimals: 1,
            last_period: Some(5.0),
            last_year: None,
            plan: Some(7.0),
            version: 0,
        }
    }

    fn period() -> Period {
        "2023-Q4".parse().expect("period")
    }

    #[test]
    fn an_empty_form_reads_back_as_empty_and_other_files_are_refused() {
        let bytes =
            form_xlsx(&words(), "22", period(), &[line("GRDP")], Language::Vi).expect("form");
        assert!(matches!(
            read_form(&bytes, Language::Vi),
            Err(FormError::Empty)
        ));
        assert!(matches!(
            read_form(&bytes[..bytes.len() / 2], Language::Vi),
            Err(FormError::Unreadable)
        ));
        assert!(matches!(
            read_form(b"unit,period\n22,2023", Language::Vi),
            Err(FormError::Unreadable)
        ));
        let other = xlsx(&[table()], Language::Vi).expect("xlsx");
        assert!(matches!(
            read_form(&other, Language::Vi),
            Err(FormError::NotAForm)
        ));
    }

    /// A copy of a workbook's first sheet with `fill` written over it, as office software
    /// saves a filled form.
    fn filled(bytes: &[u8], fill: &[((u32, u16), Data)]) -> Vec<u8> {
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("opens");
        let name = book.sheet_names().remove(0);
        let range = book.worksheet_range(&name).expect("sheet");
        let mut out = Workbook::new();
        let sheet = out.add_worksheet();
        sheet.set_name(&name).expect("name");
        let mut write = |(row, col): (u32, u16), data: &Data| match data {
            Data::String(s) => {
                sheet.write_string(row, col, s).expect("text");
            }
            Data::Float(f) => {
                sheet.write_number(row, col, *f).expect("number");
            }
            Data::Bool(b) => {
                sheet.write_boolean(row, col, *b).expect("bool");
            }
            _ => {}
        };
        for (row, cells) in (0u32..).zip(range.rows()) {
            for (col, data) in (0u16..).zip(cells) {
                write((row, col), data);
            }
        }
        for (at, data) in fill {
            write(*at, data);
        }
        out.save_to_buffer().expect("xlsx")
    }

    #[test]
    fn a_filled_form_names_each_wrong_cell_and_reads_the_right_ones() {
        let lines = [line("GRDP"), line("EXPORTS"), line("IMPORTS"), line("IIP")];
        let form = form_xlsx(&words(), "22", period(), &lines, Language::Vi).expect("form");
        let wrong = filled(
            &form,
            &[
                ((3, column::VALUE), Data::Float(7.5)),
                ((4, column::VALUE), Data::String("12abc".into())),
                ((5, column::NOTE), Data::String("chưa có số".into())),
                ((6, column::VALUE), Data::Bool(true)),
                ((7, column::VALUE), Data::Float(5.0)),
            ],
        );
        let Err(FormError::Cells(problems)) = read_form(&wrong, Language::Vi) else {
            panic!("the wrong cells are named");
        };
        let at: Vec<(u32, char, &CellReason)> = problems
            .iter()
            .map(|p| (p.row, p.column, &p.reason))
            .collect();
        assert_eq!(
            at,
            vec![
                (
                    5,
                    'F',
                    &CellReason::NotANumber {
                        text: "12abc".into()
                    }
                ),
                (6, 'G', &CellReason::NoteWithoutValue),
                (7, 'F', &CellReason::NotAValue),
                (8, 'F', &CellReason::NotInForm),
            ],
            "{problems:?}"
        );
        assert!(problems.iter().all(|p| p.sheet == "Biểu mẫu"));

        let right = filled(
            &form,
            &[
                ((3, column::VALUE), Data::Float(7.5)),
                ((4, column::VALUE), Data::String("36.539,5".into())),
                ((4, column::NOTE), Data::String("=1+1".into())),
            ],
        );
        let read = read_form(&right, Language::Vi).expect("a right form");
        assert_eq!(
            (read.unit.as_str(), read.period.as_str()),
            ("22", "2023-Q4")
        );
        let rows: Vec<(u32, &str, f64, Option<&str>)> = read
            .rows
            .iter()
            .map(|r| (r.row, r.indicator.as_str(), r.value, r.note.as_deref()))
            .collect();
        assert_eq!(
            rows,
            vec![
                (4, "GRDP", 7.5, None),
                (5, "EXPORTS", 36_539.5, Some("=1+1"))
            ]
        );
        let inputs = read.inputs(ObservationKind::Official);
        assert_eq!(inputs[1].value.as_deref(), Some("36539.5"));
        assert_eq!(inputs[1].expected_version.as_deref(), Some("0"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Whatever arrives as a filled form, reading it answers; it never panics.
        #[test]
        fn reading_any_bytes_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048)) {
            let _ = read_form(&bytes, Language::Vi);
        }

        /// A real form cut short or with bytes changed is refused or read, never a panic.
        #[test]
        fn a_damaged_form_never_panics(cut in 0usize..8192, flips in proptest::collection::vec((0usize..8192, proptest::prelude::any::<u8>()), 0..8)) {
            let form = form_xlsx(&words(), "22", period(), &[line("GRDP")], Language::Vi).expect("form");
            let mut bytes = form.clone();
            for (at, byte) in flips {
                let len = bytes.len();
                bytes[at % len] = byte;
            }
            bytes.truncate(cut.min(form.len()));
            let _ = read_form(&bytes, Language::Vi);
        }
    }

    #[test]
    fn the_period_before_has_the_same_length() {
        let p = |s: &str| s.parse::<Period>().expect(s);
        assert_eq!(previous_period(p("2023-Q1")), Some(p("2022-Q4")));
        assert_eq!(previous_period(p("2023-06")), Some(p("2023-05")));
        assert_eq!(previous_period(p("2023")), Some(p("2022")));
        assert_eq!(previous_period(p("2023-H2")), Some(p("2023-H1")));
    }
}
