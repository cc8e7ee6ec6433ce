//! The JSON API of follow-up: tasks and their progress, working sessions, planned visits and
//! their clashes, recommendations and answers, evidence files.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use giamsat_app::Store;
use giamsat_app::follow_up::{
    AnswerInput, PersonInput, RecommendationInput, SessionInput, TaskInput, TaskUpdateInput,
    VisitInput,
};
use giamsat_core::follow_up::{
    Evidence, FollowUpBook, Recommendation, RecommendationStatus, TaskOrigin, TaskStatus, TaskView,
    Visit, WorkingSession,
};
use giamsat_core::{Engine, FollowUpId};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::api::{created, find_unit};
use crate::state::{AppState, unit_code};
use crate::auth::Principal;
use crate::error::ApiError;

fn read<T: DeserializeOwned>(body: &Bytes) -> Result<T, ApiError> {
    serde_json::from_slice(body)
        .map_err(|e| ApiError::BadRequest(format!("the body does not fit: {e}")))
}

fn document_key(engine: &Engine, id: giamsat_core::DocumentId) -> String {
    engine
        .document(id)
        .map_or_else(|| id.to_string(), |d| d.key.to_string())
}

fn person_name(book: &FollowUpBook, id: FollowUpId) -> String {
    book.person(id).map(|p| p.name.clone()).unwrap_or_default()
}

#[derive(Serialize)]
pub struct UpdateView {
    id: FollowUpId,
    on: time::Date,
    text: String,
    percent: Option<u8>,
    done: bool,
    evidence: Vec<Evidence>,
    recorded_by: String,
}

#[derive(Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum OriginView {
    Document { document: String },
    Conclusion { session: FollowUpId, item: u16 },
}

#[derive(Serialize)]
pub struct TaskJson {
    id: FollowUpId,
    title: String,
    origin: OriginView,
    lead: String,
    co_owners: Vec<String>,
    due: Option<time::Date>,
    status: TaskStatus,
    done_on: Option<time::Date>,
    percent: Option<u8>,
    updates: Vec<UpdateView>,
    source: String,
}

pub fn task_json(engine: &Engine, view: &TaskView<'_>) -> TaskJson {
    let t = view.task;
    TaskJson {
        id: t.id,
        title: t.title.clone(),
        origin: match t.origin {
            TaskOrigin::Document { document } => OriginView::Document {
                document: document_key(engine, document),
            },
            TaskOrigin::Conclusion { session, item } => OriginView::Conclusion {
                session,
                item: item + 1,
            },
        },
        lead: unit_code(engine, t.lead),
        co_owners: t.co_owners.iter().map(|u| unit_code(engine, *u)).collect(),
        due: t.due,
        status: view.status,
        done_on: view.done_on,
        percent: view.percent,
        updates: view
            .updates
            .iter()
            .map(|u| UpdateView {
                id: u.id,
                on: u.on,
                text: u.text.clone(),
                percent: u.percent,
                done: u.done,
                evidence: u.evidence.clone(),
                recorded_by: u.provenance.recorded_by.clone(),
            })
            .collect(),
        source: t.provenance.source.clone(),
    }
}

#[derive(Deserialize)]
pub struct TaskQuery {
    unit: Option<String>,
    /// The day statuses are computed for (default: today in Vietnam).
    on: Option<String>,
}

fn day(text: Option<&str>) -> Result<time::Date, ApiError> {
    match text {
        None => Ok(crate::state::today()),
        Some(t) => giamsat_app::input::parse_date(t).map_err(ApiError::BadRequest),
    }
}

/// Tasks, overdue first; with `unit`, those it leads or shares.
pub async fn list_tasks<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<TaskQuery>,
) -> Result<Json<Vec<TaskJson>>, ApiError> {
    let today = day(query.on.as_deref())?;
    let engine = state.app.engine();
    let unit = query
        .unit
        .as_deref()
        .map(|c| find_unit(&engine, c).map(|u| u.id))
        .transpose()?;
    let book = engine.follow_up();
    let views = match unit {
        Some(u) => book.tasks_of(u, today),
        None => book.tasks_where(today, |_| true),
    };
    Ok(Json(views.iter().map(|v| task_json(&engine, v)).collect()))
}

pub async fn get_task<S: Store>(
    State(state): State<AppState<S>>,
    Path(id): Path<u32>,
    Query(query): Query<TaskQuery>,
) -> Result<Json<TaskJson>, ApiError> {
    let today = day(query.on.as_deref())?;
    let engine = state.app.engine();
    let view = engine
        .follow_up()
        .task_view(FollowUpId(id), today)
        .ok_or_else(|| ApiError::not_found("task", id.to_string()))?;
    Ok(Json(task_json(&engine, &view)))
}

fn task_response<S: Store>(state: &AppState<S>, id: FollowUpId) -> Result<Response, ApiError> {
    let engine = state.app.engine();
    let view = engine
        .follow_up()
        .task_view(id, crate::state::today())
        .ok_or_else(|| ApiError::not_found("task", id.to_string()))?;
    Ok(created(task_json(&engine, &view)))
}

pub async fn create_task<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: Bytes,
) -> Result<Response, ApiError> {
    let input: TaskInput = read(&body)?;
    let id = state.app.create_task(&who.0.actor, &input, "API").await?;
    task_response(&state, id)
}

pub async fn report_progress<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Path(id): Path<u32>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let input: TaskUpdateInput = read(&body)?;
    let task = FollowUpId(id);
    state
        .app
        .report_progress(&who.0.actor, task, &input, crate::state::today(), "API")
        .await?;
    task_response(&state, task)
}

#[derive(Serialize)]
pub struct MemberView {
    name: String,
    role: &'static str,
}

#[derive(Serialize)]
pub struct DelegationView {
    title: String,
    members: Vec<MemberView>,
}

#[derive(Serialize)]
pub struct AttendeeView {
    name: String,
    position: String,
}

#[derive(Serialize)]
pub struct ConclusionView {
    item: usize,
    text: String,
    task: Option<FollowUpId>,
}

#[derive(Serialize)]
pub struct SessionJson {
    id: FollowUpId,
    body: String,
    unit: String,
    date: time::Date,
    place: String,
    delegation: Option<DelegationView>,
    chair: Option<String>,
    attendees: Vec<AttendeeView>,
    documents: Vec<String>,
    report: String,
    achievements: String,
    limitations: String,
    causes: String,
    conclusions: Vec<ConclusionView>,
    source: String,
}

pub fn session_json(engine: &Engine, s: &WorkingSession) -> SessionJson {
    let book = engine.follow_up();
    SessionJson {
        id: s.id,
        body: unit_code(engine, s.body),
        unit: unit_code(engine, s.unit),
        date: s.date,
        place: s.place.clone(),
        delegation: s
            .delegation
            .and_then(|d| book.delegation(d))
            .map(|d| DelegationView {
                title: d.title.clone(),
                members: d
                    .members
                    .iter()
                    .map(|m| MemberView {
                        name: person_name(book, m.person),
                        role: m.role.as_str(),
                    })
                    .collect(),
            }),
        chair: s.chair.map(|p| person_name(book, p)),
        attendees: s
            .attendees
            .iter()
            .map(|a| AttendeeView {
                name: person_name(book, a.person),
                position: a.position.clone(),
            })
            .collect(),
        documents: s
            .documents
            .iter()
            .map(|d| document_key(engine, *d))
            .collect(),
        report: s.report.clone(),
        achievements: s.achievements.clone(),
        limitations: s.limitations.clone(),
        causes: s.causes.clone(),
        conclusions: s
            .conclusions
            .iter()
            .enumerate()
            .map(|(i, text)| ConclusionView {
                item: i + 1,
                text: text.clone(),
                task: book.task_of_conclusion(s.id, i),
            })
            .collect(),
        source: s.provenance.source.clone(),
    }
}

pub async fn list_sessions<S: Store>(State(state): State<AppState<S>>) -> Json<Vec<SessionJson>> {
    let engine = state.app.engine();
    let mut sessions: Vec<&WorkingSession> = engine.follow_up().sessions().collect();
    sessions.sort_by_key(|s| std::cmp::Reverse((s.date, s.id)));
    Json(sessions.iter().map(|s| session_json(&engine, s)).collect())
}

pub async fn get_session<S: Store>(
    State(state): State<AppState<S>>,
    Path(id): Path<u32>,
) -> Result<Json<SessionJson>, ApiError> {
    let engine = state.app.engine();
    let session = engine
        .follow_up()
        .session(FollowUpId(id))
        .ok_or_else(|| ApiError::not_found("working session", id.to_string()))?;
    Ok(Json(session_json(&engine, session)))
}

pub async fn record_session<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: Bytes,
) -> Result<Response, ApiError> {
    let input: SessionInput = read(&body)?;
    let id = state
        .app
        .record_session(&who.0.actor, &input, "API")
        .await?;
    let engine = state.app.engine();
    let session = engine
        .follow_up()
        .session(id)
        .ok_or_else(|| ApiError::not_found("working session", id.to_string()))?;
    Ok(created(session_json(&engine, session)))
}

#[derive(Serialize)]
pub struct ClashView {
    visit: FollowUpId,
    body: String,
    kind: &'static str,
    first: time::Date,
    last: time::Date,
    documents: Vec<String>,
    topics: Vec<String>,
}

#[derive(Serialize)]
pub struct VisitJson {
    id: FollowUpId,
    kind: &'static str,
    body: String,
    unit: String,
    documents: Vec<String>,
    topics: Vec<String>,
    first: time::Date,
    last: time::Date,
    /// Other bodies' visits of the same unit on a shared subject in overlapping days.
    clashes: Vec<ClashView>,
}

pub fn visit_json(engine: &Engine, v: &Visit) -> VisitJson {
    let book = engine.follow_up();
    VisitJson {
        id: v.id,
        kind: v.kind.as_str(),
        body: unit_code(engine, v.plan.body),
        unit: unit_code(engine, v.plan.unit),
        documents: v
            .plan
            .subjects
            .documents
            .iter()
            .map(|d| document_key(engine, *d))
            .collect(),
        topics: v.plan.subjects.topics.clone(),
        first: v.plan.window.first,
        last: v.plan.window.last,
        clashes: book
            .clashes_with(v)
            .into_iter()
            .map(|(other, clash)| ClashView {
                visit: other.id,
                body: unit_code(engine, other.plan.body),
                kind: other.kind.as_str(),
                first: clash.days.first,
                last: clash.days.last,
                documents: clash
                    .shared
                    .documents
                    .iter()
                    .map(|d| document_key(engine, *d))
                    .collect(),
                topics: clash.shared.topics,
            })
            .collect(),
    }
}

pub async fn list_visits<S: Store>(State(state): State<AppState<S>>) -> Json<Vec<VisitJson>> {
    let engine = state.app.engine();
    let mut visits: Vec<&Visit> = engine.follow_up().visits().collect();
    visits.sort_by_key(|v| (v.plan.window.first, v.id));
    Json(visits.iter().map(|v| visit_json(&engine, v)).collect())
}

pub async fn plan_visit<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: Bytes,
) -> Result<Response, ApiError> {
    let input: VisitInput = read(&body)?;
    let id = state.app.plan_visit(&who.0.actor, &input, "API").await?;
    let engine = state.app.engine();
    let visit = engine
        .follow_up()
        .visits()
        .find(|v| v.id == id)
        .ok_or_else(|| ApiError::not_found("visit", id.to_string()))?;
    Ok(created(visit_json(&engine, visit)))
}

#[derive(Serialize)]
pub struct AnswerView {
    on: time::Date,
    text: String,
}

#[derive(Serialize)]
pub struct RecommendationJson {
    id: FollowUpId,
    from: String,
    to: String,
    received: time::Date,
    limit_days: u16,
    due: Option<time::Date>,
    text: String,
    status: RecommendationStatus,
    answer: Option<AnswerView>,
}

pub fn recommendation_json(
    engine: &Engine,
    r: &Recommendation,
    today: time::Date,
) -> RecommendationJson {
    let (answer, due, status) = engine.follow_up().recommendation_state(r, today);
    RecommendationJson {
        id: r.id,
        from: unit_code(engine, r.from),
        to: unit_code(engine, r.to),
        received: r.received,
        limit_days: r.limit_days,
        due,
        text: r.text.clone(),
        status,
        answer: answer.map(|a| AnswerView {
            on: a.on,
            text: a.text.clone(),
        }),
    }
}

pub async fn list_recommendations<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<TaskQuery>,
) -> Result<Json<Vec<RecommendationJson>>, ApiError> {
    let today = day(query.on.as_deref())?;
    let engine = state.app.engine();
    Ok(Json(
        engine
            .follow_up()
            .recommendations()
            .map(|r| recommendation_json(&engine, r, today))
            .collect(),
    ))
}

fn recommendation_response<S: Store>(
    state: &AppState<S>,
    id: FollowUpId,
) -> Result<Response, ApiError> {
    let engine = state.app.engine();
    let r = engine
        .follow_up()
        .recommendations()
        .find(|r| r.id == id)
        .ok_or_else(|| ApiError::not_found("recommendation", id.to_string()))?;
    Ok(created(recommendation_json(
        &engine,
        r,
        crate::state::today(),
    )))
}

pub async fn record_recommendation<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: Bytes,
) -> Result<Response, ApiError> {
    let input: RecommendationInput = read(&body)?;
    let id = state
        .app
        .record_recommendation(&who.0.actor, &input, "API")
        .await?;
    recommendation_response(&state, id)
}

pub async fn answer_recommendation<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Path(id): Path<u32>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let input: AnswerInput = read(&body)?;
    let recommendation = FollowUpId(id);
    state
        .app
        .answer_recommendation(
            &who.0.actor,
            recommendation,
            &input,
            crate::state::today(),
            "API",
        )
        .await?;
    recommendation_response(&state, recommendation)
}

#[derive(Deserialize)]
pub struct EvidenceQuery {
    name: String,
}

/// Keeps the body as an evidence file named `name`; answers the evidence to cite in a
/// progress report (`files: [sha256]`).
pub async fn put_evidence<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    Query(query): Query<EvidenceQuery>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let evidence = state
        .app
        .put_evidence_file(&who.0.actor, &query.name, &body)
        .await?;
    Ok(created(evidence))
}

/// An evidence file, always as a download (see [`crate::download::evidence`]).
pub async fn get_evidence<S: Store>(
    State(state): State<AppState<S>>,
    Path(sha256): Path<String>,
) -> Result<Response, ApiError> {
    Ok(crate::download::evidence(&state.app, &sha256).await?)
}

#[derive(Serialize)]
pub struct PositionView {
    title: String,
    unit: Option<String>,
    from: Option<time::Date>,
    to: Option<time::Date>,
}

#[derive(Serialize)]
pub struct PersonJson {
    id: FollowUpId,
    name: String,
    positions: Vec<PositionView>,
}

fn person_json(engine: &Engine, person: &giamsat_core::follow_up::Person) -> PersonJson {
    let book = engine.follow_up();
    PersonJson {
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

#[derive(Deserialize)]
pub struct PeopleQuery {
    /// A name in any spelling.
    name: Option<String>,
    /// Only the positions held on this day.
    on: Option<String>,
}

/// People and their positions; `name` finds one across spellings, `on` keeps the positions
/// held that day.
pub async fn list_people<S: Store>(
    State(state): State<AppState<S>>,
    Query(query): Query<PeopleQuery>,
) -> Result<Json<Vec<PersonJson>>, ApiError> {
    let on = query
        .on
        .as_deref()
        .map(|t| giamsat_app::input::parse_date(t).map_err(ApiError::BadRequest))
        .transpose()?;
    let engine = state.app.engine();
    let book = engine.follow_up();
    let key = query
        .name
        .as_deref()
        .map(giamsat_core::follow_up::person_key);
    Ok(Json(
        book.people()
            .filter(|p| {
                key.as_ref()
                    .is_none_or(|k| giamsat_core::follow_up::person_key(&p.name) == *k)
            })
            .map(|p| {
                let mut json = person_json(&engine, p);
                if let Some(day) = on {
                    json.positions.retain(|x| {
                        x.from.is_none_or(|f| f <= day) && x.to.is_none_or(|t| day <= t)
                    });
                }
                json
            })
            .collect(),
    ))
}

pub async fn record_person<S: Store>(
    State(state): State<AppState<S>>,
    who: Principal,
    body: Bytes,
) -> Result<Response, ApiError> {
    let input: PersonInput = read(&body)?;
    let id = state.app.record_person(&who.0.actor, &input, "API").await?;
    let engine = state.app.engine();
    let person = engine
        .follow_up()
        .person(id)
        .ok_or_else(|| ApiError::not_found("person", id.to_string()))?;
    Ok(created(person_json(&engine, person)))
}
