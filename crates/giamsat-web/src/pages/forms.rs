//! What the follow-up forms (tasks, supervision, recommendations) share: the units they offer
//! by name, and how a refusal of what was typed is shown beside the fields.

use std::collections::HashMap;

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use giamsat_app::{AppError, FieldError};
use giamsat_core::{Engine, Unit, UnitId};

use super::{Tr, today};
use crate::error::PageError;

pub(super) fn unit_label(engine: &Engine, tr: Tr<'_>, id: UnitId) -> String {
    engine
        .unit(id)
        .map_or_else(String::new, |u| u.name.get(tr.lang).to_owned())
}

/// Units a form offers by name: every unit down to the departments of provinces (the
/// communes would make the list thousands long; their names and codes are still accepted).
pub struct UnitChoice {
    pub(super) code: String,
    pub(super) label: String,
    /// The unit itself, so that callers filtering the choices need not find it by name again.
    pub(super) unit: giamsat_core::UnitId,
}

impl UnitChoice {
    /// The text a `<select>` shows for it: a datalist shows the value beside the label, a
    /// select only the label, which is empty when it would repeat the value.
    pub fn shown(&self) -> &str {
        if self.label.is_empty() {
            &self.code
        } else {
            &self.label
        }
    }
}

pub(super) fn unit_choices(engine: &Engine, tr: Tr<'_>) -> Vec<UnitChoice> {
    let depth = |u: &Unit| {
        let mut d = 0;
        let mut p = u.parent;
        while let Some(id) = p {
            d += 1;
            p = engine.unit(id).and_then(|x| x.parent);
            if d > 8 {
                break;
            }
        }
        d
    };
    let day = today();
    let units: Vec<&Unit> = engine
        .units()
        .filter(|u| u.exists_on(day))
        .filter(|u| depth(u) <= 1 || u.kind != giamsat_core::UnitKind::Locality)
        .collect();
    // The value is the name that finds the unit again, so that nobody picks or types a code.
    giamsat_app::names::unit_labels(engine, &units)
        .into_iter()
        .zip(&units)
        .map(|(name, u)| UnitChoice {
            label: if tr.lang == giamsat_core::Language::Vi {
                String::new()
            } else {
                u.name.get(tr.lang).to_owned()
            },
            code: name,
            unit: u.id,
        })
        .collect()
}

/// Problems of a form, by field, in the reader's language.
fn problems(tr: Tr<'_>, errors: &[FieldError]) -> HashMap<String, String> {
    let mut by_field: HashMap<String, String> = HashMap::new();
    for e in errors {
        let field = e.field.split('.').next().unwrap_or("").to_owned();
        let message = tr.field_problem(e);
        // Several problems of one field (every rule a report breaks) are all said.
        by_field
            .entry(field)
            .and_modify(|m| {
                m.push(' ');
                m.push_str(&message);
            })
            .or_insert(message);
    }
    by_field
}

/// What a form shows when a use case refused it: the problems by field (a refusal of the form
/// as a whole under the empty field), with the status to answer; anything that is not a
/// refusal of what was typed is the error page.
pub(super) fn failure(
    tr: Tr<'_>,
    error: AppError,
) -> Result<(StatusCode, HashMap<String, String>), PageError> {
    if let AppError::Invalid(errors) = &error {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, problems(tr, errors)));
    }
    let (status, reason) = super::refusal_in_form(tr, error)?;
    Ok((status, HashMap::from([(String::new(), reason)])))
}

pub(super) fn see_other(location: String) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}
