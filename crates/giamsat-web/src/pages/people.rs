//! People (*cán bộ*) and their positions: a list found by name without diacritics, each with
//! the positions held today and their bodies by name; a person's page with their positions
//! over time, each position's history of corrections, and the sessions they took part in.
//! An office (or an administrator, a supervisor) adds a person, gives a position with its
//! body picked by name, and ends or corrects a position with a reason; a reader who may not
//! is shown no form.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use giamsat_app::corrections::{PositionRevisionInput, may_correct_position};
use giamsat_app::follow_up::{PersonInput, PositionInput};
use giamsat_app::{AppError, Store};
use giamsat_core::access::RecordKind;
use giamsat_core::follow_up::{Person, Position, person_key};
use giamsat_core::{Engine, FollowUpId, Language};
use serde::Deserialize;

use super::forms::{failure, see_other};
use super::history::{VersionRow, form_date, versions};
use super::{Layout, Reader, Tr, respond, today};
use crate::auth::Principal;
use crate::error::PageError;
use crate::state::AppState;

/// The most people a list shows; a name typed narrows it.
const SHOWN: usize = 200;

/// One field of a form, as the templates draw it.
pub struct Input {
    /// The id of the element, unique on the page.
    id: String,
    name: &'static str,
    label: String,
    hint: String,
    value: String,
    /// The id of the list of names to pick from, or empty.
    list: &'static str,
    error: String,
}

impl Input {
    fn new(prefix: &str, name: &'static str, label: String, value: &str) -> Input {
        Input {
            id: format!("{prefix}{name}"),
            name,
            label,
            hint: String::new(),
            value: value.to_owned(),
            list: "",
            error: String::new(),
        }
    }

    fn hint(mut self, hint: String) -> Input {
        self.hint = hint;
        self
    }

    fn units(mut self) -> Input {
        self.list = "unit-names";
        self
    }
}

/// Sets each field's problem from a refusal; what belongs to no field is returned.
fn with_errors(inputs: &mut [Input], mut errors: HashMap<String, String>) -> Vec<String> {
    for input in inputs.iter_mut() {
        if let Some(m) = errors.remove(input.name) {
            input.error = m;
        }
    }
    errors.into_values().collect()
}

/// A position as typed in a form: to give one, or to correct one.
#[derive(Deserialize, Default, Clone)]
pub struct PositionForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    title_fr: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    version: usize,
}

/// The fields of a position's form; `prefix` keeps ids apart when a page has several.
fn position_inputs(tr: Tr<'_>, prefix: &str, form: &PositionForm, ending: bool) -> Vec<Input> {
    let t = |id: &str| tr.t(id);
    let date_hint = t("people-date-hint");
    let mut inputs = vec![
        Input::new(prefix, "title", t("people-position-title"), &form.title)
            .hint(t("people-position-title-hint")),
        Input::new(
            prefix,
            "title_en",
            t("people-position-title-en"),
            &form.title_en,
        ),
        Input::new(
            prefix,
            "title_fr",
            t("people-position-title-fr"),
            &form.title_fr,
        ),
        Input::new(prefix, "unit", t("people-position-unit"), &form.unit)
            .hint(t("people-position-unit-hint"))
            .units(),
        Input::new(prefix, "from", t("people-position-from"), &form.from).hint(date_hint.clone()),
    ];
    if ending {
        inputs.push(
            Input::new(prefix, "to", t("people-position-to"), &form.to)
                .hint(t("people-position-to-hint")),
        );
        inputs.push(Input::new(
            prefix,
            "reason",
            t("history-reason"),
            &form.reason,
        ));
    }
    inputs
}

fn unit_name(engine: &Engine, lang: Language, position: &Position) -> String {
    position
        .unit
        .and_then(|u| engine.unit(u))
        .map(|u| u.name.get(lang).to_owned())
        .unwrap_or_default()
}

/// The language of a title when it is not the reader's (a position recorded from an English
/// article), for its `lang` attribute.
fn other_language(text: &str, lang: Language) -> &'static str {
    Some(giamsat_intake::language_of(text))
        .filter(|l| *l != lang)
        .map_or("", |l| l.code())
}

/// A position in words: its title in the reader's language (or as written), and its body.
pub struct Post {
    title: String,
    lang: &'static str,
    unit: String,
}

fn post(engine: &Engine, lang: Language, position: &Position) -> Post {
    let title = position.title_in(lang);
    Post {
        title: title.to_owned(),
        lang: other_language(title, lang),
        unit: unit_name(engine, lang, position),
    }
}

// ------------------------------------------------------------------------------------------
// The list.

pub struct PersonRow {
    id: u32,
    name: String,
    posts: Vec<Post>,
}

#[derive(Template)]
#[template(path = "people.html")]
pub struct PeoplePage<'a> {
    page: Layout<'a>,
    q: String,
    rows: Vec<PersonRow>,
    total: usize,
    more: String,
    may_add: bool,
    name: Input,
    inputs: Vec<Input>,
    general: Vec<String>,
    unit_names: Vec<String>,
}

#[derive(Deserialize, Default)]
pub struct PeopleQuery {
    #[serde(default)]
    q: String,
}

/// Whether a person's name holds what was typed, across diacritics, case and syllables split
/// or joined ("nguyenduc"), or each word typed begins a word of the name in any order
/// ("trung nguyen").
fn named(person: &Person, typed: &str) -> bool {
    let key = person_key(typed);
    if key.is_empty() || person_key(&person.name).contains(&key) {
        return true;
    }
    let name = giamsat_core::text::fold(&person.name);
    let words: Vec<&str> = name.split_whitespace().collect();
    giamsat_core::text::fold(typed)
        .split_whitespace()
        .all(|w| words.iter().any(|n| n.starts_with(w)))
}

fn people_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    q: &str,
    typed: &PositionForm,
    errors: HashMap<String, String>,
) -> askama::Result<String> {
    let engine = state.app.engine();
    let book = engine.follow_up();
    let page = Layout::new(
        &state.i18n,
        reader,
        "/people",
        state.i18n.t(reader.lang, "people-title"),
    );
    let tr = page.tr;
    let scope = reader.scope();
    let day = today();
    let in_scope = |p: &Person| {
        book.positions_on(p.id, day).iter().any(|x| {
            x.unit.is_some_and(|u| {
                scope
                    .iter()
                    .any(|s| giamsat_core::access::is_under(&engine, u, *s))
            })
        })
    };
    // The reader's own people first, then by name.
    let mut found: Vec<(bool, String, &Person)> = book
        .people()
        .filter(|p| named(p, q))
        .map(|p| (!in_scope(p), giamsat_core::text::fold(&p.name), p))
        .collect();
    found.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let total = found.len();
    let rows = found
        .iter()
        .take(SHOWN)
        .map(|(_, _, p)| PersonRow {
            id: p.id.0,
            name: p.name.clone(),
            posts: book
                .positions_on(p.id, day)
                .into_iter()
                .map(|x| post(&engine, tr.lang, x))
                .collect(),
        })
        .collect();
    let more = if total > SHOWN {
        tr.t_args(
            "people-more",
            &[
                ("shown", crate::i18n::Arg::Number(SHOWN as i64)),
                (
                    "total",
                    crate::i18n::Arg::Number(i64::try_from(total).unwrap_or(i64::MAX)),
                ),
            ],
        )
    } else {
        String::new()
    };
    let mut name =
        Input::new("", "name", tr.t("people-name"), &typed.name).hint(tr.t("people-name-hint"));
    let mut inputs = position_inputs(tr, "", typed, false);
    let mut errors = errors;
    if let Some(m) = errors.remove("name") {
        name.error = m;
    }
    let general = with_errors(&mut inputs, errors);
    let may_add = reader.may(RecordKind::People);
    PeoplePage {
        q: q.to_owned(),
        rows,
        total,
        more,
        may_add,
        name,
        inputs,
        general,
        unit_names: if may_add {
            super::entry::unit_names(&engine, reader)
        } else {
            Vec::new()
        },
        page,
    }
    .render()
}

pub async fn people<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    Query(query): Query<PeopleQuery>,
) -> Result<Response, PageError> {
    let rendered = people_page(
        &state,
        &reader,
        query.q.trim(),
        &PositionForm::default(),
        HashMap::new(),
    );
    Ok(respond(&reader, StatusCode::OK, rendered))
}

fn present(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

fn position_input(form: &PositionForm) -> PositionInput {
    PositionInput {
        title: form.title.trim().to_owned(),
        title_en: present(&form.title_en),
        title_fr: present(&form.title_fr),
        unit: present(&form.unit),
        from: present(&form.from),
        to: present(&form.to),
    }
}

/// A refusal of a person's first position names its fields as the form does.
fn unnest(error: AppError) -> AppError {
    match error {
        AppError::Invalid(errors) => AppError::Invalid(
            errors
                .into_iter()
                .map(|mut e| {
                    if let Some(rest) = e.field.strip_prefix("positions.0.") {
                        e.field = rest.to_owned();
                    }
                    e
                })
                .collect(),
        ),
        other => other,
    }
}

pub async fn add_person<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    axum::Form(form): axum::Form<PositionForm>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    // A position is given with the person when anything of it was typed.
    let position = position_input(&form);
    let positions = if position.title.is_empty()
        && position.unit.is_none()
        && position.from.is_none()
        && position.title_en.is_none()
        && position.title_fr.is_none()
    {
        Vec::new()
    } else {
        vec![position]
    };
    let input = PersonInput {
        name: form.name.clone(),
        positions,
        source: Some(super::WEB_FORM_SOURCE.into()),
    };
    match state
        .app
        .record_person(&who.0.actor, &input, super::WEB_FORM_SOURCE)
        .await
    {
        Ok(id) => Ok(see_other(format!("/people/{id}"))),
        Err(e @ AppError::Forbidden(_)) => Err(e.into()),
        Err(e) => {
            let (status, errors) = failure(tr, unnest(e))?;
            let rendered = people_page(&state, &reader, "", &form, errors);
            Ok(respond(&reader, status, rendered))
        }
    }
}

// ------------------------------------------------------------------------------------------
// A person's page.

/// One position on a person's page, with its history and, for whom may, its correction form.
pub struct PositionBlock {
    id: u32,
    title: String,
    title_lang: &'static str,
    unit: String,
    from: String,
    to: String,
    current: bool,
    versions: Vec<VersionRow>,
    may_edit: bool,
    version: usize,
    inputs: Vec<Input>,
    general: Vec<String>,
    /// Whether the form is shown open: it was just refused.
    open: bool,
}

#[derive(Template)]
#[template(path = "person.html")]
pub struct PersonPage<'a> {
    page: Layout<'a>,
    id: u32,
    positions: Vec<PositionBlock>,
    sessions: Vec<(String, String)>,
    may_add: bool,
    inputs: Vec<Input>,
    general: Vec<String>,
    unit_names: Vec<String>,
}

/// What a refused form on the person's page was: a new position, or a correction of one.
enum Refused {
    Nothing,
    Adding(PositionForm, HashMap<String, String>),
    Correcting(FollowUpId, PositionForm, HashMap<String, String>),
}

/// A position's correction form as the page first shows it: the position as recorded.
fn as_recorded(
    engine: &Engine,
    lang: Language,
    position: &Position,
    version: usize,
) -> PositionForm {
    PositionForm {
        title: position.title.clone(),
        title_en: position
            .translated
            .exact(Language::En)
            .unwrap_or_default()
            .to_owned(),
        title_fr: position
            .translated
            .exact(Language::Fr)
            .unwrap_or_default()
            .to_owned(),
        unit: position
            .unit
            .and_then(|u| engine.unit(u))
            .map(|u| giamsat_app::names::unit_label(engine, u))
            .unwrap_or_default(),
        from: form_date(lang, position.from),
        to: form_date(lang, position.to),
        version,
        ..PositionForm::default()
    }
}

fn position_block(
    engine: &Engine,
    reader: &Reader,
    tr: Tr<'_>,
    position: &Position,
    refused: &Refused,
) -> PositionBlock {
    let book = engine.follow_up();
    let revisions = book.revisions_of(position.id);
    let prefix = format!("p{}-", position.id);
    let (form, errors) = match refused {
        Refused::Correcting(id, form, errors) if *id == position.id => {
            (form.clone(), errors.clone())
        }
        _ => (
            as_recorded(engine, tr.lang, position, revisions.len()),
            HashMap::new(),
        ),
    };
    let open = !errors.is_empty();
    let mut inputs = position_inputs(tr, &prefix, &form, true);
    let general = with_errors(&mut inputs, errors);
    let none = || "—".to_owned();
    PositionBlock {
        id: position.id.0,
        title: position.title_in(tr.lang).to_owned(),
        title_lang: other_language(position.title_in(tr.lang), tr.lang),
        unit: unit_name(engine, tr.lang, position),
        from: position.from.map_or_else(none, |d| tr.date(d)),
        to: position.to.map_or_else(none, |d| tr.date(d)),
        current: position.held_on(today()),
        versions: versions(engine, tr, &revisions),
        may_edit: reader
            .who
            .as_ref()
            .is_some_and(|w| may_correct_position(&w.actor, engine, position.id)),
        version: form.version,
        inputs,
        general,
        open,
    }
}

fn person_page<S: Store>(
    state: &AppState<S>,
    reader: &Reader,
    id: u32,
    status: StatusCode,
    refused: Refused,
) -> Result<Response, PageError> {
    let engine = state.app.engine();
    let book = engine.follow_up();
    let Some(person) = book.person(FollowUpId(id)) else {
        return Err(PageError::not_found("not-found-person", id.to_string()));
    };
    let page = Layout::new(&state.i18n, reader, "/people", person.name.clone());
    let tr = page.tr;
    // Current positions first, then the latest begun.
    let mut held: Vec<&Position> = book.positions_of(person.id).collect();
    held.sort_by_key(|p| (!p.held_on(today()), std::cmp::Reverse(p.from), p.id));
    let positions: Vec<PositionBlock> = held
        .iter()
        .map(|p| position_block(&engine, reader, tr, p, &refused))
        .collect();
    let grants = super::search::grants_of(reader.who.as_deref());
    let mut sessions: Vec<_> = book
        .sessions()
        .filter(|s| s.chair == Some(person.id) || s.attendees.iter().any(|a| a.person == person.id))
        .filter(|s| {
            grants.is_none_or(|g| {
                giamsat_core::access::may_read_follow_up(&engine, g, &[s.body, s.unit])
            })
        })
        .collect();
    sessions.sort_by_key(|s| std::cmp::Reverse((s.date, s.id)));
    let sessions = sessions
        .iter()
        .map(|s| {
            let name = |u| {
                engine
                    .unit(u)
                    .map(|x| x.name.get(tr.lang).to_owned())
                    .unwrap_or_default()
            };
            (
                format!("/supervision/sessions/{}", s.id),
                format!("{} · {} — {}", tr.date(s.date), name(s.body), name(s.unit)),
            )
        })
        .collect();
    let (form, errors) = match refused {
        Refused::Adding(form, errors) => (form, errors),
        _ => (PositionForm::default(), HashMap::new()),
    };
    let mut inputs = position_inputs(tr, "new-", &form, false);
    let general = with_errors(&mut inputs, errors);
    let may_add = reader.may(RecordKind::People);
    // The names to pick a body from, for the forms the reader is shown.
    let unit_names = if may_add || positions.iter().any(|p: &PositionBlock| p.may_edit) {
        super::entry::unit_names(&engine, reader)
    } else {
        Vec::new()
    };
    let rendered = PersonPage {
        id,
        positions,
        sessions,
        may_add,
        inputs,
        general,
        unit_names,
        page,
    }
    .render();
    Ok(respond(reader, status, rendered))
}

pub async fn person<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    Path(id): Path<u32>,
) -> Result<Response, PageError> {
    person_page(&state, &reader, id, StatusCode::OK, Refused::Nothing)
}

pub async fn add_position<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Path(id): Path<u32>,
    axum::Form(form): axum::Form<PositionForm>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let input = PositionInput {
        to: None,
        ..position_input(&form)
    };
    match state
        .app
        .add_position(&who.0.actor, FollowUpId(id), &input, super::WEB_FORM_SOURCE)
        .await
    {
        Ok(_) => Ok(see_other(format!("/people/{id}#positions"))),
        Err(e @ AppError::Forbidden(_)) => Err(e.into()),
        Err(e) => {
            let (status, errors) = failure(tr, e)?;
            person_page(&state, &reader, id, status, Refused::Adding(form, errors))
        }
    }
}

pub async fn revise_position<S: Store>(
    State(state): State<AppState<S>>,
    reader: Reader,
    who: Principal,
    Path(id): Path<u32>,
    axum::Form(form): axum::Form<PositionForm>,
) -> Result<Response, PageError> {
    let tr = Tr {
        i18n: &state.i18n,
        lang: reader.lang,
    };
    let person = match state.app.engine().follow_up().get(FollowUpId(id)) {
        Some(giamsat_core::follow_up::FollowUp::Position(p)) => p.person,
        _ => return Err(PageError::not_found("not-found-position", id.to_string())),
    };
    let input = PositionRevisionInput {
        title: Some(form.title.clone()),
        title_en: Some(form.title_en.clone()),
        title_fr: Some(form.title_fr.clone()),
        unit: Some(form.unit.clone()),
        from: Some(form.from.clone()),
        to: Some(form.to.clone()),
        reason: Some(form.reason.clone()),
        version: Some(form.version),
        source: Some(super::WEB_FORM_SOURCE.into()),
    };
    match state
        .app
        .revise_position(&who.0.actor, FollowUpId(id), &input, super::WEB_FORM_SOURCE)
        .await
    {
        Ok(_) => Ok(see_other(format!("/people/{person}#position-{id}"))),
        Err(e @ AppError::Forbidden(_)) => Err(e.into()),
        Err(e) => {
            let (status, errors) = failure(tr, e)?;
            person_page(
                &state,
                &reader,
                person.0,
                status,
                Refused::Correcting(FollowUpId(id), form, errors),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Person {
        Person {
            id: FollowUpId(1),
            name: name.into(),
            provenance: giamsat_core::Provenance {
                source: String::new(),
                recorded_by: String::new(),
                recorded_at: time::OffsetDateTime::UNIX_EPOCH,
            },
        }
    }

    #[test]
    fn a_person_is_found_by_part_of_the_name_as_people_type_it() {
        let p = person("Nguyễn Đức Trung");
        for typed in [
            "",
            "nguyen duc",
            "NGUYỄN",
            "nguyenduc",
            "trung nguyen",
            "duc tr",
        ] {
            assert!(named(&p, typed), "{typed}");
        }
        for typed in ["nguyen van", "trung hoa", "xyz"] {
            assert!(!named(&p, typed), "{typed}");
        }
        assert!(named(&person("Chamaléa Thị Thủy"), "chama lea thi"));
    }
}
