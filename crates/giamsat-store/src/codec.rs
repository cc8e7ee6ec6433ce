//! Conversions between domain values and column values, shared by every backend.

use giamsat_core::text::{Language, Translations};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::StoreError;

/// The serde name of a unit-like enum variant (`official`, `higher_is_better`), which is also
/// its name in the API: one spelling everywhere.
pub fn enum_text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

pub fn enum_parse<T: DeserializeOwned>(
    text: &str,
    table: &'static str,
    id: i64,
) -> Result<T, StoreError> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|e| {
        StoreError::Corrupt {
            table,
            id,
            problem: format!("\"{text}\": {e}"),
        }
    })
}

pub fn date_text(date: time::Date) -> String {
    // The ISO format of a civil date cannot fail to write.
    date.format(&time::format_description::well_known::Iso8601::DATE)
        .unwrap_or_default()
}

pub fn date_parse(
    text: Option<String>,
    table: &'static str,
    id: i64,
) -> Result<Option<time::Date>, StoreError> {
    text.map(|t| {
        time::Date::parse(&t, &time::format_description::well_known::Iso8601::DATE).map_err(|e| {
            StoreError::Corrupt {
                table,
                id,
                problem: format!("date \"{t}\": {e}"),
            }
        })
    })
    .transpose()
}

pub fn timestamp_text(at: time::OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

pub fn timestamp_parse(
    text: &str,
    table: &'static str,
    id: i64,
) -> Result<time::OffsetDateTime, StoreError> {
    time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).map_err(|e| {
        StoreError::Corrupt {
            table,
            id,
            problem: format!("timestamp \"{text}\": {e}"),
        }
    })
}

pub fn period_parse(
    text: &str,
    table: &'static str,
    id: i64,
) -> Result<giamsat_core::Period, StoreError> {
    text.parse().map_err(|e| StoreError::Corrupt {
        table,
        id,
        problem: format!("period \"{text}\": {e}"),
    })
}

pub fn translation_rows(translations: &Translations) -> impl Iterator<Item = (Language, &str)> {
    Language::ALL
        .into_iter()
        .filter_map(|l| translations.exact(l).map(|t| (l, t)))
}
