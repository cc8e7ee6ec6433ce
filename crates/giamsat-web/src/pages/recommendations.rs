//! Recommendations (*kiến nghị*) and their answers: who proposed what to whom, the time limit
//! for an answer, and whether it was answered in time.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::follow_up::{AnswerInput, RecommendationInput};
use giamsat_core::FollowUpId;
use serde::Deserialize;

use super::forms::{UnitChoice, failure, see_other, unit_choices, unit_label};
use super::{Layout, Reader, Tr, respond, today};
use crate::auth::Principal;
use crate::error::PageError;
use crate::state::AppState;

pub struct RecommendationRow {
    id: u32,
    from: String,
    to: String,
    received: String,
    due: String,
    text: String,
    status: &'static str,
    status_label: String,
    answer: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "recommendations.html")]
pub struct RecommendationsPage<'a> {
    page: Layout<'a>,
    rows: Vec<RecommendationRow>,
    choices: Vec<UnitChoice>,
    errors: HashMap<String, String>,
    typed: RecommendationForm,
    today: String,
}

fn recommendations_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    status: StatusCode,
    errors: HashMap<String, String>,
    typed: RecommendationForm,
) -> Response {
    let engine = state.app.engine();
    let layout = Layout::new(
        &state.i18n,
        reader,
        "/recommendations",
        state.i18n.t(reader.lang, "recommendations-title"),
    );
    let tr = layout.tr;
    let book = engine.follow_up();
    let mut rows: Vec<(u8, RecommendationRow)> = book
        .recommendations()
        .map(|r| {
            let (answer, due, state) = book.recommendation_state(r, today());
            use giamsat_core::follow_up::RecommendationStatus as R;
            let rank = match state {
                R::Overdue => 0,
                R::Pending => 1,
                R::AnsweredLate => 2,
                R::Answered => 3,
            };
            (
                rank,
                RecommendationRow {
                    id: r.id.0,
                    from: unit_label(&engine, tr, r.from),
                    to: unit_label(&engine, tr, r.to),
                    received: tr.date(r.received),
                    due: due.map(|d| tr.date(d)).unwrap_or_default(),
                    text: r.text.clone(),
                    status: state.as_str(),
                    status_label: tr.t(&format!("recommendation-status-{}", state.as_str())),
                    answer: answer.map(|a| (tr.date(a.on), a.text.clone())),
                },
            )
        })
        .collect();
    rows.sort_by_key(|(rank, row)| (*rank, row.id));
    let page = RecommendationsPage {
        rows: rows.into_iter().map(|(_, r)| r).collect(),
        choices: unit_choices(&engine, tr),
        errors,
        typed,
        today: super::history::form_date(tr.lang, Some(today())),
        page: layout,
    };
    respond(reader, status, page.render())
}

pub async fn recommendations<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
) -> Response {
    recommendations_page(
        &state,
        &reader,
        StatusCode::OK,
        HashMap::new(),
        RecommendationForm::default(),
    )
}

#[derive(Deserialize, Default)]
pub struct RecommendationForm {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    received: String,
    #[serde(default)]
    limit_days: String,
    #[serde(default)]
    text: String,
}

pub async fn record_recommendation<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Form(form): Form<RecommendationForm>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let limit = form.limit_days.trim().parse::<u16>().ok();
    if limit.is_none() {
        let errors = HashMap::from([("limit_days".to_owned(), tr.t("recommendation-error-limit"))]);
        return Ok(recommendations_page(
            &state,
            &reader,
            StatusCode::UNPROCESSABLE_ENTITY,
            errors,
            form,
        ));
    }
    let input = RecommendationInput {
        from: Some(form.from.clone()),
        to: Some(form.to.clone()),
        received: Some(form.received.clone()).filter(|d| !d.trim().is_empty()),
        limit_days: limit,
        text: Some(form.text.clone()),
        ..RecommendationInput::default()
    };
    match state
        .app
        .record_recommendation(&who.0.actor, &input, super::WEB_FORM_SOURCE)
        .await
    {
        Ok(_) => Ok(see_other("/recommendations".to_owned())),
        Err(e) => {
            let (status, errors) = failure(tr, e)?;
            Ok(recommendations_page(&state, &reader, status, errors, form))
        }
    }
}

#[derive(Deserialize, Default)]
pub struct AnswerForm {
    #[serde(default)]
    on: String,
    #[serde(default)]
    text: String,
}

pub async fn answer_recommendation<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Path(id): Path<u32>,
    Form(form): Form<AnswerForm>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let input = AnswerInput {
        on: Some(form.on.clone()).filter(|d| !d.trim().is_empty()),
        text: Some(form.text.clone()),
        ..AnswerInput::default()
    };
    match state
        .app
        .answer_recommendation(
            &who.0.actor,
            FollowUpId(id),
            &input,
            today(),
            super::WEB_FORM_SOURCE,
        )
        .await
    {
        Ok(_) => Ok(see_other("/recommendations".to_owned())),
        Err(e) => {
            let (status, mut errors) = failure(tr, e)?;
            let message = errors.values().next().cloned().unwrap_or_default();
            errors.insert(format!("answer-{id}"), message);
            Ok(recommendations_page(
                &state,
                &reader,
                status,
                errors,
                RecommendationForm::default(),
            ))
        }
    }
}
