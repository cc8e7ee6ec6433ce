//! The use cases of follow-up: people and their positions, plans of supervision, working
//! sessions with their conclusions, tasks and their progress, recommendations and answers.
//!
//! Inputs name things as people do: units by code, documents by key, people by name (matched
//! across spellings, created when new). Each use case is one batch: a session with new people
//! and its delegation is written whole or not at all.

use giamsat_core::follow_up::{
    Answer, Attendee, Delegation, DelegationRole, Evidence, FollowUp, FollowUpError, Member,
    Person, PlannedVisit, Position, Recommendation, Subjects, Task, TaskOrigin, TaskUpdate, Visit,
    VisitKind, Window, WorkingSession, person_key,
};
use giamsat_core::{DocumentId, FollowUpId, Record, UnitId};
use giamsat_store::Store;
use serde::{Deserialize, Serialize};

use crate::input::{Checker, present};
use crate::problem::number;
use crate::{Actor, App, AppError, Batch, FieldError, Problem, Thing};

/// A person named in an input, with the position they hold (as written).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NamedPerson {
    pub name: String,
    #[serde(default)]
    pub position: Option<String>,
    /// The unit the position is in, by code.
    #[serde(default)]
    pub unit: Option<String>,
}

/// A position held over some days, for [`PersonInput`].
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PositionInput {
    /// As written, in Vietnamese.
    pub title: String,
    #[serde(default)]
    pub title_en: Option<String>,
    #[serde(default)]
    pub title_fr: Option<String>,
    /// The body the position is in, by name (or part of it) or code.
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
}

/// A person and the positions they hold or held, each over its days: "UVTV Tỉnh ủy" from
/// 2020 and "Phó Chủ tịch HĐND tỉnh" from 2021 at once, "Giám đốc Sở" until 2022.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonInput {
    pub name: String,
    #[serde(default)]
    pub positions: Vec<PositionInput>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DelegationMemberInput {
    pub name: String,
    /// head, deputy_head, member or secretary.
    pub role: String,
    #[serde(default)]
    pub position: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DelegationInput {
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(maximum = 4294967295.0))]
    pub visit: Option<u32>,
    #[serde(default)]
    pub members: Vec<DelegationMemberInput>,
}

/// A working session as recorded after it was held.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInput {
    /// The supervising body, by code.
    pub body: Option<String>,
    /// The unit supervised, by code.
    pub unit: Option<String>,
    pub date: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub delegation: Option<DelegationInput>,
    #[serde(default)]
    pub chair: Option<NamedPerson>,
    #[serde(default)]
    pub attendees: Vec<NamedPerson>,
    /// Document keys.
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub report: Option<String>,
    #[serde(default)]
    pub achievements: Option<String>,
    #[serde(default)]
    pub limitations: Option<String>,
    #[serde(default)]
    pub causes: Option<String>,
    #[serde(default)]
    pub conclusions: Vec<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// An entry of an annual plan of supervision or inspection.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitInput {
    /// supervision or inspection.
    pub kind: Option<String>,
    pub body: Option<String>,
    pub unit: Option<String>,
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    pub first: Option<String>,
    pub last: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// A task, from a document or from an item of a session's conclusion.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TaskInput {
    /// Default: the conclusion item's text.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub document: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(maximum = 4294967295.0))]
    pub session: Option<u32>,
    /// The conclusion item, counted from 1 as people number them.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(maximum = 65535))]
    pub item: Option<u16>,
    pub lead: Option<String>,
    #[serde(default)]
    pub co_owners: Vec<String>,
    #[serde(default)]
    pub due: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TaskUpdateInput {
    /// The day of the progress (default: today, given by the caller).
    #[serde(default)]
    pub on: Option<String>,
    pub text: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(maximum = 100))]
    pub percent: Option<u8>,
    #[serde(default)]
    pub done: bool,
    #[serde(default)]
    pub links: Vec<String>,
    /// Files already given with [`App::put_evidence_file`], by SHA-256.
    #[serde(default)]
    pub files: Vec<String>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecommendationInput {
    pub from: Option<String>,
    pub to: Option<String>,
    pub received: Option<String>,
    #[cfg_attr(feature = "openapi", schema(maximum = 65535))]
    pub limit_days: Option<u16>,
    pub text: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(maximum = 4294967295.0))]
    pub session: Option<u32>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerInput {
    pub on: Option<String>,
    pub text: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// The largest evidence file kept.
pub const MAX_EVIDENCE_BYTES: usize = 10 * 1024 * 1024;

/// The kinds of evidence file kept, by the content they start with: documents and images
/// that offices exchange. Anything else (an executable, HTML that a browser would run) is
/// refused.
pub fn evidence_type(bytes: &[u8], name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    if bytes.starts_with(b"%PDF-") {
        return Some("application/pdf");
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if bytes.starts_with(b"\xFF\xD8\xFF") {
        return Some("image/jpeg");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return match ext {
            "docx" => {
                Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            }
            "xlsx" => Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            "odt" => Some("application/vnd.oasis.opendocument.text"),
            "ods" => Some("application/vnd.oasis.opendocument.spreadsheet"),
            _ => None,
        };
    }
    if matches!(ext, "txt" | "csv") && std::str::from_utf8(bytes).is_ok() {
        return Some(if ext == "csv" {
            "text/csv"
        } else {
            "text/plain"
        });
    }
    None
}

/// Whether a list shows a task to a reader with `grants` (`None`: the system, which reads
/// everything): one that a unit of their scope leads or shares, as search finds tasks.
pub fn lists_task(
    engine: &giamsat_core::Engine,
    grants: Option<&[giamsat_core::access::Grant]>,
    task: &Task,
) -> bool {
    grants.is_none_or(|g| {
        let units: Vec<UnitId> = std::iter::once(task.lead)
            .chain(task.co_owners.iter().copied())
            .collect();
        giamsat_core::access::may_read_follow_up(engine, g, &units)
    })
}

/// Whether a list shows a working session to a reader with `grants`: one held by a body of
/// their scope or with a unit of it, as search finds sessions.
pub fn lists_session(
    engine: &giamsat_core::Engine,
    grants: Option<&[giamsat_core::access::Grant]>,
    session: &WorkingSession,
) -> bool {
    grants.is_none_or(|g| {
        giamsat_core::access::may_read_follow_up(engine, g, &[session.body, session.unit])
    })
}

/// Whether a list shows a planned visit to a reader with `grants`: one by a body of their
/// scope or of a unit of it. The clashes a listed visit shows are kept whoever planned them,
/// since warning of them is the point of the list.
pub fn lists_visit(
    engine: &giamsat_core::Engine,
    grants: Option<&[giamsat_core::access::Grant]>,
    visit: &Visit,
) -> bool {
    grants.is_none_or(|g| {
        giamsat_core::access::may_read_follow_up(engine, g, &[visit.plan.body, visit.plan.unit])
    })
}

/// A link given as evidence: http or https only (no `javascript:`), no spaces.
fn check_link(url: &str) -> Result<String, Problem> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() <= 2_000
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(url.to_owned())
    } else {
        Err(Problem::NotALink {
            text: url.to_owned(),
        })
    }
}

fn text_of(value: &Option<String>) -> String {
    present(value)
        .map(giamsat_core::text::nfc)
        .unwrap_or_default()
}

/// Maps the book's refusal of a record to what the caller did wrong.
fn refused(error: giamsat_core::EngineError, field: &str) -> AppError {
    use giamsat_core::EngineError;
    match error {
        EngineError::FollowUp(
            e @ (FollowUpError::ConclusionTaken { .. }
            | FollowUpError::TaskDone(_)
            | FollowUpError::Stale { .. }
            | FollowUpError::Answered(_)),
        ) => AppError::Conflict(Problem::of_follow_up(&e)),
        other => AppError::Invalid(vec![FieldError::new(field, Problem::of_engine(&other))]),
    }
}

impl Batch<'_> {
    /// Checks and adds a follow-up record; a refusal names `field`.
    pub(crate) fn follow(&mut self, record: FollowUp, field: &str) -> Result<FollowUpId, AppError> {
        let id = record.id();
        let record = Record::FollowUp(record);
        self.engine()
            .check(&record)
            .map_err(|e| refused(e, field))?;
        self.push(record)?;
        Ok(id)
    }

    fn next_id(&self) -> FollowUpId {
        self.engine().follow_up().next_id()
    }

    /// The person of this name (matched across spellings), made if new, and the position
    /// they hold recorded if it is new too.
    fn person(
        &mut self,
        named: &NamedPerson,
        on: Option<time::Date>,
        source: &Option<String>,
        field: &str,
    ) -> Result<FollowUpId, AppError> {
        let name = giamsat_core::text::nfc(named.name.trim());
        if name.is_empty() {
            return Err(AppError::Invalid(vec![FieldError::new(
                field,
                Problem::PersonNameRequired,
            )]));
        }
        let unit = match present(&named.unit) {
            None => None,
            Some(code) => Some(self.unit(code, &format!("{field}.unit"))?),
        };
        let found = self.engine().follow_up().person_named(&name).map(|p| p.id);
        let id = match found {
            Some(id) => id,
            None => {
                let person = Person {
                    id: self.next_id(),
                    name,
                    provenance: self.origin.provenance(source),
                };
                self.follow(FollowUp::Person(person), field)?
            }
        };
        // "UVTV Tỉnh ủy, Phó Chủ tịch HĐND tỉnh" is two positions held at once.
        let titles: Vec<String> = present(&named.position)
            .map(|t| {
                t.split([',', ';'])
                    .map(|p| giamsat_core::text::nfc(p.trim()))
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        for title in titles {
            let key = person_key(&title);
            let known = self
                .engine()
                .follow_up()
                .positions_on(id, on.unwrap_or(time::Date::MAX))
                .iter()
                .any(|p| person_key(&p.title) == key);
            if !known {
                let position = Position {
                    id: self.next_id(),
                    person: id,
                    title,
                    translated: giamsat_core::Translations::default(),
                    unit,
                    from: None,
                    to: None,
                    provenance: self.origin.provenance(source),
                };
                self.follow(FollowUp::Position(position), field)?;
            }
        }
        Ok(id)
    }

    fn unit(&self, code: &str, field: &str) -> Result<UnitId, AppError> {
        let by_code = giamsat_core::UnitCode::parse(code)
            .ok()
            .and_then(|c| self.engine().unit_by_code(&c))
            .map(|u| u.id);
        if let Some(id) = by_code {
            return Ok(id);
        }
        // Not a code: a name, or part of one, as people type it.
        crate::names::unit(self.engine(), &self.origin.scope, code).map_err(|problem| {
            let problem = match problem {
                Problem::NoneNamed { .. } if giamsat_core::UnitCode::parse(code).is_ok() => {
                    Problem::UnknownUnit {
                        code: code.to_owned(),
                    }
                }
                other => other,
            };
            AppError::Invalid(vec![FieldError::new(field, problem)])
        })
    }
}

/// Reads the parts every follow-up input shares, collecting every problem.
fn documents(c: &mut Checker, engine: &giamsat_core::Engine, keys: &[String]) -> Vec<DocumentId> {
    keys.iter()
        .enumerate()
        .filter(|(_, k)| !k.trim().is_empty())
        .filter_map(|(i, k)| c.document(engine, &format!("documents.{i}"), k.trim(), &None))
        .collect()
}

impl Batch<'_> {
    /// Adds a working session and what it brings (people, positions, a delegation).
    pub(crate) fn record_session_in(
        &mut self,
        input: &SessionInput,
    ) -> Result<FollowUpId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let batch = self;
        let (body, unit, date, docs) = {
            let engine = batch.engine();
            let mut c = Checker::new(&batch.origin);
            let body = c.unit(engine, "body", &input.body);
            let unit = c.unit(engine, "unit", &input.unit);
            let date = c.date("date", &input.date);
            if present(&input.date).is_none() {
                c.fail("date", Problem::Required);
            }
            let docs = documents(&mut c, engine, &input.documents);
            for (i, item) in input.conclusions.iter().enumerate() {
                if item.trim().is_empty() {
                    c.fail(&format!("conclusions.{i}"), Problem::EmptyItem);
                }
            }
            let parts = (|| Some((body?, unit?, date??, docs)))();
            c.finish(parts).map_err(AppError::Invalid)?
        };
        let delegation = match &input.delegation {
            None => None,
            Some(d) => {
                let mut members = Vec::new();
                for (i, m) in d.members.iter().enumerate() {
                    let field = format!("delegation.members.{i}");
                    let role = DelegationRole::ALL
                        .into_iter()
                        .find(|r| r.as_str() == m.role.trim())
                        .ok_or_else(|| {
                            AppError::Invalid(vec![FieldError::new(
                                &format!("{field}.role"),
                                Problem::NotOneOf {
                                    text: m.role.clone(),
                                    allowed: "head, deputy_head, member, secretary".into(),
                                },
                            )])
                        })?;
                    let named = NamedPerson {
                        name: m.name.clone(),
                        position: m.position.clone(),
                        unit: None,
                    };
                    let person = batch.person(&named, Some(date), &input.source, &field)?;
                    members.push(Member { person, role });
                }
                let delegation = Delegation {
                    id: batch.next_id(),
                    body,
                    title: giamsat_core::text::nfc(d.title.trim()),
                    visit: d.visit.map(FollowUpId),
                    members,
                    provenance: batch.origin.provenance(&input.source),
                };
                Some(batch.follow(FollowUp::Delegation(delegation), "delegation")?)
            }
        };
        let chair = match &input.chair {
            Some(p) => Some(batch.person(p, Some(date), &input.source, "chair")?),
            None => None,
        };
        let mut attendees = Vec::new();
        for (i, named) in input.attendees.iter().enumerate() {
            let field = format!("attendees.{i}");
            let person = batch.person(named, Some(date), &input.source, &field)?;
            attendees.push(Attendee {
                person,
                position: present(&named.position)
                    .map(giamsat_core::text::nfc)
                    .unwrap_or_default(),
            });
        }
        let session = WorkingSession {
            id: batch.next_id(),
            body,
            unit,
            delegation,
            date,
            place: text_of(&input.place),
            chair,
            attendees,
            documents: docs,
            report: text_of(&input.report),
            achievements: text_of(&input.achievements),
            limitations: text_of(&input.limitations),
            causes: text_of(&input.causes),
            conclusions: input
                .conclusions
                .iter()
                .map(|c| giamsat_core::text::nfc(c.trim()))
                .collect(),
            provenance: batch.origin.provenance(&input.source),
        };
        batch.follow(FollowUp::WorkingSession(session), "session")
    }

    /// Adds a task from a document or a conclusion item.
    pub(crate) fn create_task_in(&mut self, input: &TaskInput) -> Result<FollowUpId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let batch = self;
        let engine = batch.engine();
        let book = engine.follow_up();
        let mut c = Checker::new(&batch.origin);
        let lead = c.unit(engine, "lead", &input.lead);
        let co_owners: Vec<UnitId> = input
            .co_owners
            .iter()
            .enumerate()
            .filter(|(_, code)| !code.trim().is_empty())
            .filter_map(|(i, code)| c.unit(engine, &format!("co_owners.{i}"), &Some(code.clone())))
            .collect();
        let due = c.date("due", &input.due);
        let (origin, default_title) = match (present(&input.document), input.session) {
            (Some(key), None) => (
                c.document(engine, "document", key, &None)
                    .map(|document| TaskOrigin::Document { document }),
                None,
            ),
            (None, Some(session)) => {
                let item = input.item.unwrap_or(0);
                match book.session(FollowUpId(session)) {
                    None => {
                        c.fail(
                            "session",
                            Problem::UnknownSession {
                                id: i64::from(session),
                            },
                        );
                        (None, None)
                    }
                    Some(s) if item == 0 || usize::from(item) > s.conclusions.len() => {
                        c.fail(
                            "item",
                            Problem::NoSuchItem {
                                count: number(s.conclusions.len()),
                            },
                        );
                        (None, None)
                    }
                    Some(s) => (
                        Some(TaskOrigin::Conclusion {
                            session: s.id,
                            item: item - 1,
                        }),
                        s.conclusions.get(usize::from(item - 1)).cloned(),
                    ),
                }
            }
            _ => {
                c.fail("document", Problem::DocumentOrSession);
                (None, None)
            }
        };
        let title = present(&input.title)
            .map(giamsat_core::text::nfc)
            .or(default_title)
            .unwrap_or_default();
        if title.is_empty() {
            c.fail("title", Problem::Required);
        }
        let task = (|| {
            Some(Task {
                id: book.next_id(),
                title,
                origin: origin?,
                lead: lead?,
                co_owners,
                due: due?,
                provenance: batch.origin.provenance(&input.source),
            })
        })();
        let task = c.finish(task).map_err(AppError::Invalid)?;
        batch.follow(FollowUp::Task(task), "item")
    }
}

impl Batch<'_> {
    /// Adds a position of `person`: its title (with its translations), its body picked by
    /// name, its days as written.
    fn position_in(
        &mut self,
        person: FollowUpId,
        input: &PositionInput,
        field: &str,
        source: &Option<String>,
    ) -> Result<FollowUpId, AppError> {
        let at = |name: &str| {
            if field.is_empty() {
                name.to_owned()
            } else {
                format!("{field}.{name}")
            }
        };
        let mut c = Checker::new(&self.origin);
        let unit = c.optional_unit(self.engine(), &at("unit"), &input.unit);
        let from = c.date(&at("from"), &input.from);
        let to = c.date(&at("to"), &input.to);
        let title = giamsat_core::text::nfc(input.title.trim());
        if title.is_empty() {
            c.fail(&at("title"), Problem::Required);
        }
        let translated = giamsat_core::Translations::default()
            .with(
                giamsat_core::Language::En,
                present(&input.title_en).unwrap_or(""),
            )
            .with(
                giamsat_core::Language::Fr,
                present(&input.title_fr).unwrap_or(""),
            );
        let position = (|| {
            Some(Position {
                id: self.next_id(),
                person,
                title,
                translated,
                unit: unit?,
                from: from?,
                to: to?,
                provenance: self.origin.provenance(source),
            })
        })();
        let position = c.finish(position).map_err(AppError::Invalid)?;
        // What the book refuses of a position read well (its days backwards) is its end.
        self.follow(FollowUp::Position(position), &at("to"))
    }
}

impl<S: Store> App<S> {
    /// Records a person (found by name across spellings, or made) and positions with their
    /// days. Returns the person's id.
    pub async fn record_person(
        &self,
        actor: &Actor,
        input: &PersonInput,
        source: &str,
    ) -> Result<FollowUpId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let (id, _) = self
            .commit_batch(actor, ("person.record", source), |batch| {
                batch.origin.source = source.to_owned();
                let named = NamedPerson {
                    name: input.name.clone(),
                    position: None,
                    unit: None,
                };
                let person = batch.person(&named, None, &input.source, "name")?;
                for (i, p) in input.positions.iter().enumerate() {
                    batch.position_in(person, p, &format!("positions.{i}"), &input.source)?;
                }
                Ok(person)
            })
            .await?;
        Ok(id)
    }

    /// Gives a recorded person one more position. Returns the position's id.
    pub async fn add_position(
        &self,
        actor: &Actor,
        person: FollowUpId,
        input: &PositionInput,
        source: &str,
    ) -> Result<FollowUpId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let (id, _) = self
            .commit_batch(actor, ("position.record", source), |batch| {
                batch.origin.source = source.to_owned();
                if batch.engine().follow_up().person(person).is_none() {
                    return Err(AppError::NotFound {
                        what: Thing::Person,
                        key: person.to_string(),
                    });
                }
                batch.position_in(person, input, "", &None)
            })
            .await?;
        Ok(id)
    }

    /// Keeps a file given as evidence of progress and returns it as evidence to cite. Only
    /// documents and images of the kinds in [`evidence_type`], up to
    /// [`MAX_EVIDENCE_BYTES`]; readers (viewers) give none.
    pub async fn put_evidence_file(
        &self,
        actor: &Actor,
        name: &str,
        bytes: &[u8],
    ) -> Result<Evidence, AppError> {
        if let Some(grants) = &actor.grants
            && grants
                .iter()
                .all(|g| g.role == giamsat_core::access::Role::Viewer)
        {
            return Err(AppError::Forbidden(giamsat_core::access::Denied::Role));
        }
        // Only the last path segment of the name, without control characters.
        let name: String = name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_control())
            .take(200)
            .collect();
        let name = giamsat_core::text::nfc(name.trim());
        let invalid = |problem: Problem| AppError::Invalid(vec![FieldError::new("file", problem)]);
        if name.is_empty() {
            return Err(invalid(Problem::FileUnnamed));
        }
        if bytes.is_empty() || bytes.len() > MAX_EVIDENCE_BYTES {
            return Err(invalid(Problem::FileSize {
                name,
                max_mb: number(MAX_EVIDENCE_BYTES / 1024 / 1024),
            }));
        }
        let Some(content_type) = evidence_type(bytes, &name) else {
            return Err(invalid(Problem::FileType { name }));
        };
        let sha256 = crate::accounts::sha256_hex(bytes);
        let file = giamsat_store::EvidenceFile {
            sha256: sha256.clone(),
            name: name.clone(),
            content_type: content_type.to_owned(),
            size: bytes.len() as u64,
        };
        let audit = giamsat_store::AuditEntry {
            at: time::OffsetDateTime::now_utc(),
            actor: actor.name.clone(),
            action: "evidence.file".into(),
            object: format!("evidence:{sha256}"),
            before: None,
            after: Some(
                serde_json::json!({ "name": name, "content_type": content_type, "size": bytes.len() }),
            ),
            unit: None,
        };
        self.store().put_evidence_file(&file, bytes, &audit).await?;
        Ok(Evidence::File {
            sha256,
            name: file.name,
            content_type: file.content_type,
            size: file.size,
        })
    }

    /// An evidence file and its bytes, for a signed-in reader.
    pub async fn evidence_file(
        &self,
        sha256: &str,
    ) -> Result<(giamsat_store::EvidenceFile, Vec<u8>), AppError> {
        self.store()
            .evidence_file(&sha256.to_ascii_lowercase())
            .await?
            .ok_or_else(|| AppError::NotFound {
                what: Thing::EvidenceFile,
                key: sha256.to_owned(),
            })
    }

    /// Records a working session: its delegation and people (made when new), attendees with
    /// the positions they held, documents, report, findings and conclusions. Returns the
    /// session's id.
    pub async fn record_session(
        &self,
        actor: &Actor,
        input: &SessionInput,
        source: &str,
    ) -> Result<FollowUpId, AppError> {
        let (id, _) = self
            .commit_batch(actor, ("session.record", source), |batch| {
                batch.origin.source = source.to_owned();
                batch.record_session_in(input)
            })
            .await?;
        Ok(id)
    }

    /// Adds an entry to a body's plan of supervision or inspection. Returns its id; the
    /// clashes with other bodies' plans are read from the engine.
    pub async fn plan_visit(
        &self,
        actor: &Actor,
        input: &VisitInput,
        source: &str,
    ) -> Result<FollowUpId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let (id, _) = self
            .commit_batch(actor, ("visit.plan", source), |batch| {
                let engine = batch.engine();
                let mut c = Checker::new(&batch.origin);
                let kind = match present(&input.kind).unwrap_or("supervision") {
                    "supervision" => Some(VisitKind::Supervision),
                    "inspection" => Some(VisitKind::Inspection),
                    other => {
                        c.fail(
                            "kind",
                            Problem::NotOneOf {
                                text: other.to_owned(),
                                allowed: "supervision, inspection".into(),
                            },
                        );
                        None
                    }
                };
                let body = c.unit(engine, "body", &input.body);
                let unit = c.unit(engine, "unit", &input.unit);
                let docs = documents(&mut c, engine, &input.documents);
                let first = c.date("first", &input.first).flatten();
                let last = c.date("last", &input.last).flatten();
                let window = match (first, last) {
                    (Some(f), Some(l)) => Window::new(f, l).or_else(|| {
                        c.fail("last", Problem::WindowBackwards);
                        None
                    }),
                    _ => {
                        c.fail("first", Problem::WindowRequired);
                        None
                    }
                };
                let topics: Vec<String> = input
                    .topics
                    .iter()
                    .map(|t| giamsat_core::text::nfc(t.trim()))
                    .filter(|t| !t.is_empty())
                    .collect();
                if docs.is_empty() && topics.is_empty() {
                    c.fail("topics", Problem::SubjectRequired);
                }
                let visit = (|| {
                    Some(Visit {
                        id: engine.follow_up().next_id(),
                        kind: kind?,
                        plan: PlannedVisit {
                            body: body?,
                            unit: unit?,
                            subjects: Subjects {
                                documents: docs,
                                topics,
                            },
                            window: window?,
                        },
                        provenance: batch.origin.provenance(&input.source),
                    })
                })();
                let visit = c.finish(visit).map_err(AppError::Invalid)?;
                batch.follow(FollowUp::Visit(visit), "visit")
            })
            .await?;
        Ok(id)
    }

    /// Creates a task from a document, or from an item of a session's conclusion (its text
    /// is the title unless another is given). Returns the task's id.
    pub async fn create_task(
        &self,
        actor: &Actor,
        input: &TaskInput,
        source: &str,
    ) -> Result<FollowUpId, AppError> {
        let (id, _) = self
            .commit_batch(actor, ("task.create", source), |batch| {
                batch.create_task_in(input)
            })
            .await?;
        Ok(id)
    }

    /// Reports progress on a task, possibly marking it done, with links and files as
    /// evidence. `today` is the default day.
    pub async fn report_progress(
        &self,
        actor: &Actor,
        task: FollowUpId,
        input: &TaskUpdateInput,
        today: time::Date,
        source: &str,
    ) -> Result<FollowUpId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let mut files = Vec::new();
        for (i, sha) in input.files.iter().enumerate() {
            let sha = sha.trim().to_ascii_lowercase();
            match self.store().evidence_file_meta(&sha).await? {
                Some(meta) => files.push(Evidence::File {
                    sha256: sha,
                    name: meta.name,
                    content_type: meta.content_type,
                    size: meta.size,
                }),
                None => {
                    return Err(AppError::Invalid(vec![FieldError::new(
                        &format!("files.{i}"),
                        Problem::UnknownFile { sha256: sha },
                    )]));
                }
            }
        }
        let (id, _) = self
            .commit_batch(actor, ("task.progress", source), |batch| {
                let engine = batch.engine();
                let mut c = Checker::new(&batch.origin);
                if engine.follow_up().task(task).is_none() {
                    return Err(AppError::NotFound {
                        what: Thing::Task,
                        key: task.to_string(),
                    });
                }
                let on = c.date("on", &input.on).map(|d| d.unwrap_or(today));
                let text = text_of(&input.text);
                if text.is_empty() {
                    c.fail("text", Problem::SayWhatWasDone);
                }
                let percent = match input.percent {
                    Some(p) if p > 100 => {
                        c.fail(
                            "percent",
                            Problem::PercentOutOfRange {
                                percent: i64::from(p),
                            },
                        );
                        None
                    }
                    p => Some(p),
                };
                let mut evidence = Vec::new();
                for (i, link) in input.links.iter().enumerate() {
                    if link.trim().is_empty() {
                        continue;
                    }
                    match check_link(link) {
                        Ok(url) => evidence.push(Evidence::Link { url }),
                        Err(e) => c.fail(&format!("links.{i}"), e),
                    }
                }
                evidence.extend(files.iter().cloned());
                let update = (|| {
                    Some(TaskUpdate {
                        id: engine.follow_up().next_id(),
                        task,
                        on: on?,
                        text,
                        percent: percent?,
                        done: input.done,
                        evidence,
                        provenance: batch.origin.provenance(&input.source),
                    })
                })();
                let update = c.finish(update).map_err(AppError::Invalid)?;
                batch.follow(FollowUp::TaskUpdate(update), "done")
            })
            .await?;
        Ok(id)
    }

    /// Records a recommendation from a unit to a body.
    pub async fn record_recommendation(
        &self,
        actor: &Actor,
        input: &RecommendationInput,
        source: &str,
    ) -> Result<FollowUpId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let (id, _) = self
            .commit_batch(actor, ("recommendation.record", source), |batch| {
                let engine = batch.engine();
                let mut c = Checker::new(&batch.origin);
                let from = c.unit(engine, "from", &input.from);
                let to = c.unit(engine, "to", &input.to);
                let received = c.date("received", &input.received).flatten();
                if received.is_none() && present(&input.received).is_none() {
                    c.fail("received", Problem::Required);
                }
                let limit = match input.limit_days {
                    Some(days) if (1..=3650).contains(&days) => Some(days),
                    Some(days) => {
                        c.fail(
                            "limit_days",
                            Problem::DaysOutOfRange {
                                days: i64::from(days),
                            },
                        );
                        None
                    }
                    None => {
                        c.fail("limit_days", Problem::Required);
                        None
                    }
                };
                let text = text_of(&input.text);
                if text.is_empty() {
                    c.fail("text", Problem::Required);
                }
                let recommendation = (|| {
                    Some(Recommendation {
                        id: engine.follow_up().next_id(),
                        from: from?,
                        to: to?,
                        received: received?,
                        limit_days: limit?,
                        text,
                        session: input.session.map(FollowUpId),
                        provenance: batch.origin.provenance(&input.source),
                    })
                })();
                let recommendation = c.finish(recommendation).map_err(AppError::Invalid)?;
                batch.follow(FollowUp::Recommendation(recommendation), "session")
            })
            .await?;
        Ok(id)
    }

    /// Records the answer to a recommendation.
    pub async fn answer_recommendation(
        &self,
        actor: &Actor,
        recommendation: FollowUpId,
        input: &AnswerInput,
        today: time::Date,
        source: &str,
    ) -> Result<FollowUpId, AppError> {
        crate::text::check(input).map_err(AppError::Invalid)?;
        let (id, _) = self
            .commit_batch(actor, ("recommendation.answer", source), |batch| {
                let engine = batch.engine();
                let mut c = Checker::new(&batch.origin);
                let on = c.date("on", &input.on).map(|d| d.unwrap_or(today));
                let text = text_of(&input.text);
                if text.is_empty() {
                    c.fail("text", Problem::Required);
                }
                let answer = (|| {
                    Some(Answer {
                        id: engine.follow_up().next_id(),
                        recommendation,
                        on: on?,
                        text,
                        provenance: batch.origin.provenance(&input.source),
                    })
                })();
                let answer = c.finish(answer).map_err(AppError::Invalid)?;
                batch.follow(FollowUp::Answer(answer), "on")
            })
            .await?;
        Ok(id)
    }
}
