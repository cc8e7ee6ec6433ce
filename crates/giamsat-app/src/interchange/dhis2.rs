//! DHIS2 `dataValueSets` JSON, as DHIS2's Web API reads and writes it (`/api/dataValueSets`,
//! DHIS2's `DataValueSet` and `DataValue` classes in dhis2-core's dxf2 module, and its
//! `ImportSummary`): a set of `dataValues`, each with a `dataElement`, `period`, `orgUnit`
//! and `value` written as a string.
//!
//! Identifiers are giamsat's codes, so a DHIS2 instance imports the export with
//! `idScheme=CODE` (data elements coded as giamsat's indicators, org units as its units).
//! Category option combos are left out: DHIS2 takes its default combo for a value without
//! one, and giamsat has no disaggregations. Periods are DHIS2's ids: `202312` (month),
//! `2023Q4` (quarter), `2023S1` / `2023S2` (six months from January or July), `2023` (year).
//! giamsat's other periods ("first N months", other runs of months, terms) have no DHIS2 id:
//! the export skips their figures and says how many it skipped.
//!
//! An import records each value as an official figure (DHIS2 has no kind of figure), with
//! its `comment` as the figure's note; `storedBy`, `created` and `lastUpdated` are DHIS2's
//! bookkeeping and giamsat keeps its own (the importing account, the time, the audit
//! trail). A value equal to the cell's current official value is counted as ignored and not
//! recorded again; a value with `deleted: true` is refused, as giamsat never deletes a figure.

use giamsat_core::{Period, PeriodKind};
use giamsat_store::Store;
use serde::{Deserialize, Serialize};

use super::{Cell, Conflict, Entry, ImportCount, Imported, timestamp};
use crate::input::ObservationInput;
use crate::{Actor, App, AppError};

/// The DHIS2 id of a period, when DHIS2 has one.
pub fn period_id(period: Period) -> Option<String> {
    let start = period.start();
    let year = start.year();
    let month = start.month_of_year();
    match period.kind() {
        PeriodKind::Month => Some(format!("{year:04}{month:02}")),
        PeriodKind::Quarter => Some(format!("{year:04}Q{}", month.div_ceil(3))),
        PeriodKind::Half => Some(format!("{year:04}S{}", month.div_ceil(6))),
        PeriodKind::Year => Some(format!("{year:04}")),
        PeriodKind::FirstMonths | PeriodKind::Months | PeriodKind::Term => None,
    }
}

/// The period a DHIS2 id names, for the ids giamsat has a period for.
pub fn parse_period_id(id: &str) -> Option<Period> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let year_of = |s: &str| digits(s).then(|| s.parse::<i32>().ok()).flatten();
    let (year, rest) = (id.get(..4)?, id.get(4..)?);
    let year = year_of(year)?;
    let number = |s: &str| digits(s).then(|| s.parse::<u8>().ok()).flatten();
    match rest.as_bytes().first() {
        None => Period::year(year).ok(),
        Some(b'Q') => Period::quarter(year, number(rest.get(1..)?)?).ok(),
        Some(b'S') => Period::half(year, number(rest.get(1..)?)?).ok(),
        Some(_) if rest.len() == 2 => {
            giamsat_core::Month::new(year, number(rest)?).map(Period::month)
        }
        Some(_) => None,
    }
}

/// A data value set from a JSON document, which must be an object: serde would also read a
/// struct from an array (`[null, null]`), and take it for an empty set.
fn read_set(data: &[u8]) -> Result<DataValueSet, serde_json::Error> {
    let value: serde_json::Value = serde_json::from_slice(data)?;
    if !value.is_object() {
        return Err(serde::de::Error::custom(
            "the document must be a JSON object",
        ));
    }
    serde_json::from_value(value)
}

/// A DHIS2 data value set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataValueSet {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_set: Option<String>,
    /// The period of every value that names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The org unit of every value that names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_unit: Option<String>,
    #[serde(default)]
    pub data_values: Vec<DataValue>,
}

/// One DHIS2 data value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataValue {
    #[serde(default)]
    pub data_element: Option<String>,
    #[serde(default)]
    pub period: Option<String>,
    #[serde(default)]
    pub org_unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_option_combo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_option_combo: Option<String>,
    /// DHIS2 writes every value as a string; a JSON number is read too.
    #[serde(default)]
    pub value: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stored_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default)]
    pub followup: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

/// What DHIS2 answers an import with.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// Always `ImportSummary`.
    pub response_type: &'static str,
    /// `SUCCESS`, or `ERROR` when nothing was written.
    pub status: &'static str,
    pub description: String,
    pub import_count: ImportCount,
    pub conflicts: Vec<ImportConflict>,
    /// DHIS2's flag for a completed data set registration: giamsat registers none.
    pub data_set_complete: &'static str,
}

/// One DHIS2 import conflict: the offending `object` (the value of the field at fault),
/// the message as `value`, the `property` and the `indexes` of the data values concerned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportConflict {
    pub object: String,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub property: Option<String>,
    pub indexes: Vec<usize>,
}

impl ImportSummary {
    pub fn is_success(&self) -> bool {
        self.status == "SUCCESS"
    }
}

/// An export: the set, and how many figures had a period DHIS2 cannot name.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub set: DataValueSet,
    pub skipped: usize,
}

/// The current figures as a DHIS2 data value set.
pub fn data_value_set(cells: &[Cell]) -> Export {
    let mut skipped = 0;
    let data_values = cells
        .iter()
        .filter_map(|cell| {
            let Some(period) = period_id(cell.period) else {
                skipped += 1;
                return None;
            };
            Some(DataValue {
                data_element: Some(cell.indicator.clone()),
                period: Some(period),
                org_unit: Some(cell.unit.clone()),
                value: Some(serde_json::Value::String(cell.value.to_string())),
                stored_by: Some(cell.recorded_by.clone()),
                created: Some(timestamp(cell.created)),
                last_updated: Some(timestamp(cell.last_updated)),
                comment: cell.note.clone(),
                ..DataValue::default()
            })
        })
        .collect();
    Export {
        set: DataValueSet {
            data_values,
            ..DataValueSet::default()
        },
        skipped,
    }
}

/// The DHIS2 name of an input's field.
fn field_name(field: &str) -> &'static str {
    match field {
        "indicator" => "dataElement",
        "unit" => "orgUnit",
        "period" => "period",
        "value" => "value",
        "note" => "comment",
        _ => "",
    }
}

/// The input a data value stands for, or what is wrong with it that the input cannot say.
fn entry(set: &DataValueSet, index: usize, value: &DataValue, file: &str) -> Entry {
    let mut conflicts = Vec::new();
    let mut fail = |field: &str, message: String| {
        conflicts.push(Conflict {
            index: Some(index),
            field: field.to_owned(),
            message,
        });
    };
    if value.deleted {
        fail(
            "deleted",
            "giamsat never deletes a figure: record a correction instead".into(),
        );
    }
    let period = match value.period.as_ref().or(set.period.as_ref()) {
        None => None,
        Some(id) => match parse_period_id(id.trim()) {
            Some(p) => Some(p.code()),
            None => {
                fail(
                    "period",
                    format!(
                        "\"{id}\" is not a DHIS2 period giamsat keeps: write a month (202312), a quarter (2023Q4), six months (2023S1, 2023S2) or a year (2023)"
                    ),
                );
                None
            }
        },
    };
    let number = match &value.value {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(text)) => Some(text.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            fail("value", format!("{other} is not a number"));
            None
        }
    };
    if !conflicts.is_empty() {
        return Entry {
            index,
            input: Err(conflicts),
        };
    }
    Entry {
        index,
        input: Ok(ObservationInput {
            indicator: value.data_element.clone(),
            unit: value.org_unit.clone().or_else(|| set.org_unit.clone()),
            period,
            value: number,
            kind: Some("official".into()),
            note: value.comment.clone().filter(|c| !c.trim().is_empty()),
            source: Some(format!("{file}#dataValues[{index}]")),
            ..ObservationInput::default()
        }),
    }
}

/// The value of the field a conflict names, for DHIS2's `object`.
fn object_of(set: &DataValueSet, conflict: &Conflict) -> String {
    let Some(value) = conflict.index.and_then(|i| set.data_values.get(i)) else {
        return String::new();
    };
    let text = match conflict.field.as_str() {
        "dataElement" => value.data_element.clone(),
        "orgUnit" => value.org_unit.clone().or_else(|| set.org_unit.clone()),
        "period" => value.period.clone().or_else(|| set.period.clone()),
        "value" => value.value.as_ref().map(|v| match v {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }),
        "comment" => value.comment.clone(),
        _ => None,
    };
    text.unwrap_or_else(|| format!("dataValues[{}]", conflict.index.unwrap_or(0)))
}

fn summary(count: ImportCount, conflicts: Vec<ImportConflict>) -> ImportSummary {
    let success = conflicts.is_empty();
    ImportSummary {
        response_type: "ImportSummary",
        status: if success { "SUCCESS" } else { "ERROR" },
        description: if success {
            "Import process completed successfully".into()
        } else {
            "Import refused: nothing was written; every conflict names its data value".into()
        },
        import_count: count,
        conflicts,
        data_set_complete: "false",
    }
}

impl<S: Store> App<S> {
    /// The current figures as DHIS2 data values.
    pub async fn export_dhis2(&self) -> Result<Export, AppError> {
        Ok(data_value_set(&self.current_cells().await?))
    }

    /// Imports a DHIS2 data value set: every value, or none when any has a problem (the
    /// summary's status is then `ERROR`, with every conflict).
    pub async fn import_dhis2(
        &self,
        actor: &Actor,
        file: &str,
        data: &[u8],
    ) -> Result<ImportSummary, AppError> {
        let set: DataValueSet = match read_set(data) {
            Ok(set) => set,
            Err(e) => {
                let conflict = ImportConflict {
                    object: file.to_owned(),
                    value: format!("not a DHIS2 data value set: {e}"),
                    property: None,
                    indexes: Vec::new(),
                };
                return Ok(summary(ImportCount::default(), vec![conflict]));
            }
        };
        let entries: Vec<Entry> = set
            .data_values
            .iter()
            .enumerate()
            .map(|(i, value)| entry(&set, i, value, file))
            .collect();
        let object = format!("file:{file}");
        let imported = self
            .import_entries(actor, ("import.dhis2", &object), &entries, field_name)
            .await?;
        Ok(match imported {
            Imported::Written(count) => summary(count, Vec::new()),
            Imported::Refused(conflicts) => {
                let conflicts = conflicts
                    .iter()
                    .map(|c| ImportConflict {
                        object: object_of(&set, c),
                        value: c.message.clone(),
                        property: (!c.field.is_empty()).then(|| c.field.clone()),
                        indexes: c.index.into_iter().collect(),
                    })
                    .collect();
                let count = ImportCount {
                    ignored: set.data_values.len(),
                    ..ImportCount::default()
                };
                summary(count, conflicts)
            }
        })
    }
}
