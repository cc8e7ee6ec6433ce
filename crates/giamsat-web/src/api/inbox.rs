//! `/api/v1/inbox`: what is due for whoever asks (the token's or the session's account), as
//! the `/inbox` page lists it, with codes and the address of the page where each is done.

use axum::Json;
use axum::extract::{Query, State};
use giamsat_app::Store;
use giamsat_core::inbox::{Item, Urgency};
use giamsat_core::{Engine, FollowUpId};
use serde::{Deserialize, Serialize};

use super::day;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::{AppState, unit_code};

#[derive(Serialize, utoipa::ToSchema)]
pub struct InboxItemView {
    kind: &'static str,
    unit: String,
    /// The regime's code, for a report.
    regime: Option<String>,
    period: Option<String>,
    task: Option<FollowUpId>,
    recommendation: Option<FollowUpId>,
    due: Option<time::Date>,
    urgency: Option<Urgency>,
    /// Why a report was sent back.
    reason: Option<String>,
    sent_on: Option<time::Date>,
    /// The page where it is done.
    href: String,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InboxQuery {
    /// The day it is computed for (default today, UTC+7).
    #[param(value_type = Option<String>, pattern = r"^\s*[1-9]\d{3}-((0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)\s*$", example = "2026-12-07")]
    on: Option<String>,
}

fn inbox_item_view(engine: &Engine, item: &Item) -> InboxItemView {
    let mut view = InboxItemView {
        kind: item.kind(),
        unit: unit_code(engine, item.unit()),
        regime: None,
        period: None,
        task: None,
        recommendation: None,
        due: item.due(),
        urgency: None,
        reason: None,
        sent_on: None,
        href: String::new(),
    };
    let report = |regime, period: giamsat_core::Period| {
        let code = engine
            .reporting()
            .regime(regime)
            .map(|r| r.code.to_string())
            .unwrap_or_default();
        (Some(code), Some(period.code()))
    };
    match item {
        Item::ReportDue {
            regime,
            period,
            urgency,
            ..
        } => {
            (view.regime, view.period) = report(*regime, *period);
            view.urgency = Some(*urgency);
        }
        Item::ReportReturned {
            regime,
            period,
            reason,
            ..
        } => {
            (view.regime, view.period) = report(*regime, *period);
            view.reason = Some(reason.clone());
        }
        Item::ReportToDecide {
            regime,
            period,
            sent_on,
            ..
        } => {
            (view.regime, view.period) = report(*regime, *period);
            view.sent_on = *sent_on;
        }
        Item::TaskDue { task, urgency, .. } => {
            view.task = Some(*task);
            view.urgency = Some(*urgency);
        }
        Item::RecommendationDue {
            recommendation,
            urgency,
            ..
        } => {
            view.recommendation = Some(*recommendation);
            view.urgency = Some(*urgency);
        }
    }
    view.href = match (&view.regime, &view.period, view.task, view.recommendation) {
        (Some(regime), Some(period), _, _) => format!("/reports/{regime}/{period}/{}", view.unit),
        (_, _, Some(task), _) => format!("/tasks/{task}"),
        (_, _, _, Some(r)) => format!("/recommendations#recommendation-{r}"),
        _ => "/inbox".to_owned(),
    };
    view
}

#[utoipa::path(get, path = "/api/v1/inbox", tag = "follow-up", summary = "What is due for the caller: reports to send or decide, returned reports, tasks and recommendations near their deadline", params(InboxQuery), responses((status = 200, body = Vec<InboxItemView>)))]
pub async fn inbox<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Query(query): Query<InboxQuery>,
) -> Result<Json<Vec<InboxItemView>>, ApiError> {
    let today = day(query.on.as_deref())?;
    let items = state.app.inbox(&who.0.actor, today);
    let engine = state.app.engine();
    Ok(Json(
        items.iter().map(|i| inbox_item_view(&engine, i)).collect(),
    ))
}
