//! Correcting a task or a working session, and the history of its versions: each correction
//! with who made it, when and why, and every field it changed from what to what, in words.
//! A deadline moved later is shown as an extension (*gia hạn*), a new lead as a change of lead.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::corrections::{SessionRevisionInput, TaskRevisionInput};
use giamsat_core::follow_up::{Change, Revision};
use giamsat_core::{Engine, FollowUpId, Language};
use serde::Deserialize;

use super::forms::{failure, see_other, unit_label};
use super::{Reader, Tr};
use crate::auth::Principal;
use crate::error::PageError;
use crate::state::{AppState, in_vietnam};

/// One version of a record: the correction that made it.
pub struct VersionRow {
    pub(super) at: String,
    pub(super) by: String,
    pub(super) reason: String,
    pub(super) changes: Vec<ChangeRow>,
}

/// One field changed: its name (or what the change is called: an extension), before, after.
pub struct ChangeRow {
    pub(super) label: String,
    pub(super) before: String,
    pub(super) after: String,
}

/// The versions of a record, newest first.
pub(super) fn versions(engine: &Engine, tr: Tr<'_>, revisions: &[&Revision]) -> Vec<VersionRow> {
    revisions
        .iter()
        .rev()
        .map(|r| {
            let at = in_vietnam(r.provenance.recorded_at);
            VersionRow {
                at: format!("{} {:02}:{:02}", tr.date(at.date()), at.hour(), at.minute()),
                by: r.provenance.recorded_by.clone(),
                reason: r.reason.clone(),
                changes: r
                    .changes
                    .iter()
                    .map(|c| change_row(engine, tr, c))
                    .collect(),
            }
        })
        .collect()
}

fn change_row(engine: &Engine, tr: Tr<'_>, change: &Change) -> ChangeRow {
    let none = || tr.t("history-none");
    let date = |d: &Option<time::Date>| d.map_or_else(none, |d| tr.date(d));
    let text = |t: &str| {
        if t.trim().is_empty() {
            none()
        } else {
            t.to_owned()
        }
    };
    let units = |ids: &[giamsat_core::UnitId]| {
        if ids.is_empty() {
            none()
        } else {
            ids.iter()
                .map(|u| unit_label(engine, tr, *u))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let label = match change {
        Change::Due {
            before: Some(b),
            after: Some(a),
        } if a > b => tr.t("history-extension"),
        Change::Lead { .. } => tr.t("history-lead-change"),
        other => tr.t(&format!("change-field-{}", other.field())),
    };
    let (before, after) = match change {
        Change::Due { before, after } => (date(before), date(after)),
        Change::Lead { before, after } => (
            unit_label(engine, tr, *before),
            unit_label(engine, tr, *after),
        ),
        Change::CoOwners { before, after } => (units(before), units(after)),
        Change::Date { before, after } => (tr.date(*before), tr.date(*after)),
        Change::Title { before, after }
        | Change::Place { before, after }
        | Change::Report { before, after }
        | Change::Achievements { before, after }
        | Change::Limitations { before, after }
        | Change::Causes { before, after }
        | Change::Post { before, after } => (text(before), text(after)),
        Change::PostTranslated { before, after } => {
            let both = |t: &giamsat_core::Translations| {
                let words: Vec<&str> = [Language::En, Language::Fr]
                    .into_iter()
                    .filter_map(|l| t.exact(l))
                    .collect();
                text(&words.join(" / "))
            };
            (both(before), both(after))
        }
        Change::PostUnit { before, after } => {
            let unit = |u: &Option<giamsat_core::UnitId>| {
                u.map_or_else(none, |u| unit_label(engine, tr, u))
            };
            (unit(before), unit(after))
        }
        Change::Starts { before, after } | Change::Ends { before, after } => {
            (date(before), date(after))
        }
    };
    ChangeRow {
        label,
        before,
        after,
    }
}

/// A date as its form field shows it, in a spelling the form reads back: the day first as
/// Vietnamese and French write it, ISO for English (whose own order differs).
pub(super) fn form_date(lang: Language, date: Option<time::Date>) -> String {
    date.map_or_else(String::new, |d| match lang {
        Language::Vi | Language::Fr => {
            format!("{:02}/{:02}/{}", d.day(), u8::from(d.month()), d.year())
        }
        Language::En => d.to_string(),
    })
}

/// The task's correction form, as typed.
#[derive(Deserialize, Default)]
pub struct TaskEdit {
    #[serde(default)]
    pub(super) title: String,
    #[serde(default)]
    pub(super) lead: String,
    #[serde(default)]
    pub(super) due: String,
    #[serde(default)]
    pub(super) reason: String,
    #[serde(default)]
    pub(super) version: usize,
}

pub async fn revise_task<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Path(id): Path<u32>,
    axum::Form(form): axum::Form<TaskEdit>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let input = TaskRevisionInput {
        title: Some(form.title.clone()),
        lead: Some(form.lead.clone()),
        due: Some(form.due.clone()),
        reason: Some(form.reason.clone()),
        version: Some(form.version),
        ..TaskRevisionInput::default()
    };
    match state
        .app
        .revise_task(&who.0.actor, FollowUpId(id), &input, super::WEB_FORM_SOURCE)
        .await
    {
        Ok(_) => Ok(see_other(format!("/tasks/{id}#history"))),
        // Whoever may not correct the task is shown no form to correct it: the error page.
        Err(e @ giamsat_app::AppError::Forbidden(_)) => Err(e.into()),
        Err(e) => {
            let (status, errors) = failure(tr, e)?;
            super::tasks::task_page(
                &state,
                &reader,
                id,
                status,
                HashMap::new(),
                super::tasks::ProgressForm::default(),
                Some((errors, form)),
            )
        }
    }
}

/// A session's correction form, as typed.
#[derive(Deserialize, Default)]
pub struct SessionEdit {
    #[serde(default)]
    pub(super) date: String,
    #[serde(default)]
    pub(super) place: String,
    #[serde(default)]
    pub(super) report: String,
    #[serde(default)]
    pub(super) achievements: String,
    #[serde(default)]
    pub(super) limitations: String,
    #[serde(default)]
    pub(super) causes: String,
    #[serde(default)]
    pub(super) reason: String,
    #[serde(default)]
    pub(super) version: usize,
}

pub async fn revise_session<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Path(id): Path<u32>,
    axum::Form(form): axum::Form<SessionEdit>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let input = SessionRevisionInput {
        date: Some(form.date.clone()),
        place: Some(form.place.clone()),
        report: Some(form.report.clone()),
        achievements: Some(form.achievements.clone()),
        limitations: Some(form.limitations.clone()),
        causes: Some(form.causes.clone()),
        reason: Some(form.reason.clone()),
        version: Some(form.version),
        ..SessionRevisionInput::default()
    };
    match state
        .app
        .revise_session(&who.0.actor, FollowUpId(id), &input, super::WEB_FORM_SOURCE)
        .await
    {
        Ok(_) => Ok(see_other(format!("/supervision/sessions/{id}#history"))),
        Err(e @ giamsat_app::AppError::Forbidden(_)) => Err(e.into()),
        Err(e) => {
            let (status, errors) = failure(tr, e)?;
            super::supervision::session_page(&state, &reader, id, status, Some((errors, form)))
        }
    }
}
