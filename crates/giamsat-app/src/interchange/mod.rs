//! Exchange formats of other systems: DHIS2's `dataValueSets` JSON (in and out) and
//! SDMX-CSV 2.0 (out, and read back). Both carry current figures only, one value per
//! (indicator, unit, period), by code: indicators are DHIS2 data elements and SDMX
//! `INDICATOR`s, units are DHIS2 org units and SDMX `REF_AREA`s, periods are written in each
//! format's own ids.
//!
//! An import goes through the same batch as a CSV import: each value becomes an
//! [`ObservationInput`], validated against the batch so far, authorized and audited; with
//! any problem nothing is written and every problem is named by the value's place in the
//! file and the format's own field name.

pub mod dhis2;
pub mod sdmx;

use std::collections::BTreeMap;

use giamsat_core::{Engine, Observation, Period};
use giamsat_store::Store;
use serde::Serialize;

use crate::input::{FieldError, ObservationInput};
use crate::{Actor, App, AppError};

/// The current figure of one cell, with what its history says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub indicator: String,
    pub unit: String,
    pub period: Period,
    pub value: f64,
    pub kind: giamsat_core::ObservationKind,
    pub note: Option<String>,
    pub recorded_by: String,
    /// When the cell's first value was recorded.
    pub created: time::OffsetDateTime,
    /// When its current value was recorded.
    pub last_updated: time::OffsetDateTime,
}

/// The current figure of every cell that has one, by indicator, unit and period codes.
pub fn current_cells(engine: &Engine, observations: &[Observation]) -> Vec<Cell> {
    let mut histories: BTreeMap<_, Vec<Observation>> = BTreeMap::new();
    for o in observations {
        histories
            .entry((o.indicator, o.unit, o.period))
            .or_default()
            .push(o.clone());
    }
    let mut cells: Vec<Cell> = histories
        .values()
        .filter_map(|history| {
            let current = Observation::current_of(history)?;
            let created = history.iter().map(|o| o.provenance.recorded_at).min()?;
            Some(Cell {
                indicator: engine.indicator(current.indicator)?.code.to_string(),
                unit: engine.unit(current.unit)?.code.to_string(),
                period: current.period,
                value: current.value,
                kind: current.kind,
                note: current.note.clone(),
                recorded_by: current.provenance.recorded_by.clone(),
                created,
                last_updated: current.provenance.recorded_at,
            })
        })
        .collect();
    cells.sort_by(|a, b| (&a.indicator, &a.unit, a.period).cmp(&(&b.indicator, &b.unit, b.period)));
    cells
}

/// What an import did, in DHIS2's terms. `deleted` is always 0: giamsat deletes no figure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportCount {
    /// Values for cells that had none.
    pub imported: usize,
    /// Values that replaced a different current value (the old one stays in the history).
    pub updated: usize,
    /// Values equal to the cell's current official value: nothing to record. After a
    /// refused import, every value.
    pub ignored: usize,
    pub deleted: usize,
}

/// One problem with one value of an exchange file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// Where the value is: its 0-based index in DHIS2's `dataValues`, its 1-based line in
    /// an SDMX-CSV file (the header is line 1); none for the file as a whole.
    pub index: Option<usize>,
    /// The format's name of the field at fault; empty when the value as a whole is refused.
    pub field: String,
    pub message: String,
}

/// A value read from an exchange file: the input it stands for, or what is wrong with it.
pub(crate) struct Entry {
    pub index: usize,
    pub input: Result<ObservationInput, Vec<Conflict>>,
}

/// The outcome of an import that ran: written, or refused with every problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    Written(ImportCount),
    Refused(Vec<Conflict>),
}

impl<S: Store> App<S> {
    /// Validates every entry against a batch and commits them all, or none when any has a
    /// problem. `field_name` gives the format's name of an input field.
    pub(crate) async fn import_entries(
        &self,
        actor: &Actor,
        (action, object): (&str, &str),
        entries: &[Entry],
        field_name: fn(&str) -> &'static str,
    ) -> Result<Imported, AppError> {
        let mut refused = Vec::new();
        let outcome = self
            .commit_batch(actor, (action, object), |batch| {
                refused.clear();
                let mut count = ImportCount::default();
                for entry in entries {
                    let input = match &entry.input {
                        Ok(input) => input,
                        Err(conflicts) => {
                            refused.extend(conflicts.iter().cloned());
                            continue;
                        }
                    };
                    let before = current(batch.engine(), input);
                    if before.is_some_and(|(kind, value)| {
                        kind == giamsat_core::ObservationKind::Official
                            && input.value.as_deref().and_then(|v| v.trim().parse().ok())
                                == Some(value)
                    }) {
                        count.ignored += 1;
                        continue;
                    }
                    let source = input.source.clone().unwrap_or_default();
                    match batch.add(input, source) {
                        Ok(()) if before.is_some() => count.updated += 1,
                        Ok(()) => count.imported += 1,
                        Err(errors) => refused.extend(errors.into_iter().map(
                            |FieldError { field, problem }| Conflict {
                                index: Some(entry.index),
                                field: field_name(&field).to_owned(),
                                message: problem.to_string(),
                            },
                        )),
                    }
                }
                if refused.is_empty() {
                    Ok(count)
                } else {
                    // Only a signal to write nothing; the problems are in `refused`.
                    Err(AppError::Invalid(Vec::new()))
                }
            })
            .await;
        let outcome = match outcome {
            Ok((count, _)) => Ok(Imported::Written(count)),
            Err(AppError::Invalid(e)) if e.is_empty() && !refused.is_empty() => {
                Ok(Imported::Refused(refused))
            }
            Err(e) => Err(e),
        };
        let counter = match &outcome {
            Ok(Imported::Written(_)) => &self.outcomes.imports_accepted,
            _ => &self.outcomes.imports_refused,
        };
        counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        outcome
    }

    /// The current figure of every cell, read from the stored histories.
    pub async fn current_cells(&self) -> Result<Vec<Cell>, AppError> {
        let observations = self.store().observations().await?;
        Ok(current_cells(&self.engine(), &observations))
    }
}

/// The kind and value of an input's cell now, when its codes name one that has a figure.
fn current(
    engine: &Engine,
    input: &ObservationInput,
) -> Option<(giamsat_core::ObservationKind, f64)> {
    let indicator = giamsat_core::IndicatorCode::parse(input.indicator.as_deref()?.trim()).ok()?;
    let unit = giamsat_core::UnitCode::parse(input.unit.as_deref()?.trim()).ok()?;
    let period: Period = input.period.as_deref()?.parse().ok()?;
    let indicator = engine.indicator_by_code(&indicator)?;
    let unit = engine.unit_by_code(&unit)?;
    engine
        .reported(indicator.id, unit.id, period)
        .map(|(_, kind, value)| (kind, value))
}

/// How a time is written in both formats: ISO 8601 in UTC, to the millisecond.
fn timestamp(at: time::OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        at.millisecond()
    )
}

#[cfg(test)]
mod tests;
