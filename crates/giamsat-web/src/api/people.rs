//! `/api/v1/people`: people and the positions they held, found by name across spellings.

use axum::Json;
use axum::extract::{Query, State};
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::follow_up::PersonInput;
use giamsat_core::follow_up::{Person, person_key};
use giamsat_core::{Engine, FollowUpId};
use serde::{Deserialize, Serialize};

use super::{JsonBody, created, read_json};
use crate::auth::Principal;
use crate::error::ApiError;
use crate::state::{AppState, unit_code};

#[derive(Serialize, utoipa::ToSchema)]
pub struct PositionView {
    title: String,
    unit: Option<String>,
    from: Option<time::Date>,
    to: Option<time::Date>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PersonView {
    id: FollowUpId,
    name: String,
    positions: Vec<PositionView>,
}

fn person_view(engine: &Engine, person: &Person) -> PersonView {
    let book = engine.follow_up();
    PersonView {
        id: person.id,
        name: person.name.clone(),
        positions: book
            .positions_of(person.id)
            .map(|p| PositionView {
                title: p.title.clone(),
                unit: p.unit.map(|u| unit_code(engine, u)),
                from: p.from,
                to: p.to,
            })
            .collect(),
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeopleQuery {
    /// A name in any spelling.
    name: Option<String>,
    /// Only the positions held on this day.
    #[param(value_type = Option<String>, pattern = r"^\s*[1-9]\d{3}-((0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)\s*$", example = "2023-12-31")]
    on: Option<String>,
}

/// People and their positions; `name` finds one across spellings, `on` keeps the positions
/// held that day.
#[utoipa::path(get, path = "/api/v1/people", tag = "follow-up", summary = "People and their positions; name finds one across spellings", params(PeopleQuery), responses((status = 200, body = Vec<PersonView>)))]
pub async fn list_people<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<PeopleQuery>,
) -> Result<Json<Vec<PersonView>>, ApiError> {
    let on = query
        .on
        .as_deref()
        .map(|t| giamsat_app::input::parse_date(t).map_err(ApiError::BadRequest))
        .transpose()?;
    let engine = state.app.engine();
    let book = engine.follow_up();
    let key = query.name.as_deref().map(person_key);
    Ok(Json(
        book.people()
            .filter(|p| key.as_ref().is_none_or(|k| person_key(&p.name) == *k))
            .map(|p| {
                let mut view = person_view(&engine, p);
                if let Some(day) = on {
                    view.positions.retain(|x| {
                        x.from.is_none_or(|f| f <= day) && x.to.is_none_or(|t| day <= t)
                    });
                }
                view
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/api/v1/people", tag = "follow-up", summary = "Record a person and positions held over time", request_body = PersonInput, responses((status = 201, body = PersonView)))]
pub async fn record_person<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let input: PersonInput = read_json(&body)?;
    let id = state.app.record_person(&who.0.actor, &input, "API").await?;
    let engine = state.app.engine();
    let person = engine
        .follow_up()
        .person(id)
        .ok_or_else(|| ApiError::not_found("person", id.to_string()))?;
    Ok(created(person_view(&engine, person)))
}
