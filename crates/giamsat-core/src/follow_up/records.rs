//! The records of follow-up. Like observations they are never changed: a task's progress is
//! a new update, an answer is a new record. Each has an id from one sequence.

use serde::{Deserialize, Serialize};

use super::rules::{PlannedVisit, task_status};
use crate::text::Translations;
use crate::{DocumentId, FollowUpId, Provenance, UnitId};

/// A person (*cán bộ*), named as written (NFC). People are matched by [`person_key`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: FollowUpId,
    pub name: String,
    pub provenance: Provenance,
}

/// The key that matches one person's name across spellings: diacritics, case, NFC or NFD,
/// and syllables split or joined ("Chamaléa Thị Thủy", "Chamalea Thi Thuy" and "Chama Lea
/// Thi Thuy" share one).
pub fn person_key(name: &str) -> String {
    crate::text::fold(name).replace(' ', "")
}

/// A position a person holds over some days (*chức vụ*): "UVTV Tỉnh ủy", "Phó Chủ tịch
/// HĐND tỉnh". A person holds several at once and over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub id: FollowUpId,
    pub person: FollowUpId,
    /// As the documents write it (Vietnamese).
    pub title: String,
    /// The title in English and French, when someone gave it; a reader of another language
    /// sees the Vietnamese otherwise.
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translated: Translations,
    /// The body the position is in, when known.
    pub unit: Option<UnitId>,
    pub from: Option<time::Date>,
    pub to: Option<time::Date>,
    pub provenance: Provenance,
}

impl Position {
    pub fn held_on(&self, day: time::Date) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }

    /// The title in `language`, or as written in Vietnamese when not translated.
    pub fn title_in(&self, language: crate::Language) -> &str {
        match language {
            crate::Language::Vi => &self.title,
            other => self.translated.exact(other).unwrap_or(&self.title),
        }
    }
}

/// Whether a planned visit is supervision (*giám sát*) or inspection (*kiểm tra, thanh tra*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitKind {
    Supervision,
    Inspection,
}

impl VisitKind {
    pub const ALL: [VisitKind; 2] = [VisitKind::Supervision, VisitKind::Inspection];

    pub fn as_str(self) -> &'static str {
        match self {
            VisitKind::Supervision => "supervision",
            VisitKind::Inspection => "inspection",
        }
    }
}

/// One entry of a body's annual plan of supervision or inspection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub id: FollowUpId,
    pub kind: VisitKind,
    pub plan: PlannedVisit,
    pub provenance: Provenance,
}

/// A member's role in a delegation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DelegationRole {
    /// *Trưởng đoàn*
    Head,
    /// *Phó trưởng đoàn*
    DeputyHead,
    /// *Thành viên*
    Member,
    /// *Thư ký*
    Secretary,
}

impl DelegationRole {
    pub const ALL: [DelegationRole; 4] = [
        DelegationRole::Head,
        DelegationRole::DeputyHead,
        DelegationRole::Member,
        DelegationRole::Secretary,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DelegationRole::Head => "head",
            DelegationRole::DeputyHead => "deputy_head",
            DelegationRole::Member => "member",
            DelegationRole::Secretary => "secretary",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub person: FollowUpId,
    pub role: DelegationRole,
}

/// A monitoring delegation (*đoàn giám sát*) of a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegation {
    pub id: FollowUpId,
    pub body: UnitId,
    pub title: String,
    /// The planned visit it carries out, if it was planned.
    pub visit: Option<FollowUpId>,
    pub members: Vec<Member>,
    pub provenance: Provenance,
}

/// Someone present at a session, with the position they held that day, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    pub person: FollowUpId,
    pub position: String,
}

/// A working session (*buổi làm việc*) of a body with a unit: who came, what the unit
/// reported, what was found, and what was concluded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingSession {
    pub id: FollowUpId,
    pub body: UnitId,
    pub unit: UnitId,
    pub delegation: Option<FollowUpId>,
    pub date: time::Date,
    pub place: String,
    /// Who chaired it (*chủ trì*).
    pub chair: Option<FollowUpId>,
    pub attendees: Vec<Attendee>,
    /// The documents whose implementation was examined.
    pub documents: Vec<DocumentId>,
    /// The unit's report, in short.
    pub report: String,
    /// Findings: achievements (*kết quả*), limitations (*hạn chế*) and their causes
    /// (*nguyên nhân*).
    pub achievements: String,
    pub limitations: String,
    pub causes: String,
    /// The conclusion's items (*kết luận*), in order; each may become a task.
    pub conclusions: Vec<String>,
    pub provenance: Provenance,
}

/// Where a task comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum TaskOrigin {
    /// A document that assigns it (a plan, a notice of conclusion).
    Document { document: DocumentId },
    /// Item `item` (from 0) of a session's conclusion.
    Conclusion { session: FollowUpId, item: u16 },
}

/// A task (*nhiệm vụ*): what a lead unit (*chủ trì*), with co-owners (*phối hợp*), must do by
/// a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: FollowUpId,
    pub title: String,
    pub origin: TaskOrigin,
    pub lead: UnitId,
    pub co_owners: Vec<UnitId>,
    pub due: Option<time::Date>,
    pub provenance: Provenance,
}

/// Evidence of progress: a link, or a file kept in the store by its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Evidence {
    Link {
        url: String,
    },
    File {
        sha256: String,
        name: String,
        content_type: String,
        size: u64,
    },
}

/// A progress report on a task (*báo cáo tiến độ*). `done` marks it finished on `on`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskUpdate {
    pub id: FollowUpId,
    pub task: FollowUpId,
    pub on: time::Date,
    pub text: String,
    /// Percent done, when the reporter gives one.
    pub percent: Option<u8>,
    pub done: bool,
    pub evidence: Vec<Evidence>,
    pub provenance: Provenance,
}

/// A recommendation (*kiến nghị*) from a unit to a body, to be answered within a limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    pub id: FollowUpId,
    pub from: UnitId,
    pub to: UnitId,
    pub received: time::Date,
    pub limit_days: u16,
    pub text: String,
    /// The session where it was made, if any.
    pub session: Option<FollowUpId>,
    pub provenance: Provenance,
}

/// The answer to a recommendation (*trả lời kiến nghị*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub id: FollowUpId,
    pub recommendation: FollowUpId,
    pub on: time::Date,
    pub text: String,
    pub provenance: Provenance,
}

/// One field of a task, a working session or a position, as it was and as it becomes. A deadline moved
/// later is an extension (*gia hạn*); a new lead is a change of lead (*thay đổi đơn vị chủ
/// trì*): each is a change of its own, so the history says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum Change {
    /// A task's deadline.
    Due {
        before: Option<time::Date>,
        after: Option<time::Date>,
    },
    /// A task's lead unit (*chủ trì*).
    Lead {
        before: UnitId,
        after: UnitId,
    },
    /// A task's title.
    Title {
        before: String,
        after: String,
    },
    /// A task's co-owners (*phối hợp*).
    CoOwners {
        before: Vec<UnitId>,
        after: Vec<UnitId>,
    },
    /// A session's day.
    Date {
        before: time::Date,
        after: time::Date,
    },
    /// A session's place.
    Place {
        before: String,
        after: String,
    },
    /// A session's report, findings and causes.
    Report {
        before: String,
        after: String,
    },
    Achievements {
        before: String,
        after: String,
    },
    Limitations {
        before: String,
        after: String,
    },
    Causes {
        before: String,
        after: String,
    },
    /// A position's title as written (Vietnamese).
    Post {
        before: String,
        after: String,
    },
    /// A position's title in English and French.
    PostTranslated {
        before: Translations,
        after: Translations,
    },
    /// The body a position is in.
    PostUnit {
        before: Option<UnitId>,
        after: Option<UnitId>,
    },
    /// A position's first day.
    Starts {
        before: Option<time::Date>,
        after: Option<time::Date>,
    },
    /// A position's last day: setting one ends the position.
    Ends {
        before: Option<time::Date>,
        after: Option<time::Date>,
    },
}

impl Change {
    /// The stable name of the field changed, for messages and the audit trail.
    pub fn field(&self) -> &'static str {
        match self {
            Change::Due { .. } => "due",
            Change::Lead { .. } => "lead",
            Change::Title { .. } => "title",
            Change::CoOwners { .. } => "co_owners",
            Change::Date { .. } => "date",
            Change::Place { .. } => "place",
            Change::Report { .. } => "report",
            Change::Achievements { .. } => "achievements",
            Change::Limitations { .. } => "limitations",
            Change::Causes { .. } => "causes",
            Change::Post { .. } => "post",
            Change::PostTranslated { .. } => "post_translated",
            Change::PostUnit { .. } => "post_unit",
            Change::Starts { .. } => "starts",
            Change::Ends { .. } => "ends",
        }
    }

    /// The kind of record ([`FollowUp::kind`]) whose field this is.
    pub fn revises(&self) -> &'static str {
        match self {
            Change::Due { .. }
            | Change::Lead { .. }
            | Change::Title { .. }
            | Change::CoOwners { .. } => "task",
            Change::Date { .. }
            | Change::Place { .. }
            | Change::Report { .. }
            | Change::Achievements { .. }
            | Change::Limitations { .. }
            | Change::Causes { .. } => "working_session",
            Change::Post { .. }
            | Change::PostTranslated { .. }
            | Change::PostUnit { .. }
            | Change::Starts { .. }
            | Change::Ends { .. } => "position",
        }
    }

    /// Whether the field belongs to a task.
    pub fn of_task(&self) -> bool {
        self.revises() == "task"
    }

    /// Whether the change leaves the field as it was.
    pub fn is_none(&self) -> bool {
        match self {
            Change::Due { before, after } => before == after,
            Change::Lead { before, after } => before == after,
            Change::CoOwners { before, after } => before == after,
            Change::Date { before, after } => before == after,
            Change::PostTranslated { before, after } => before == after,
            Change::PostUnit { before, after } => before == after,
            Change::Starts { before, after } | Change::Ends { before, after } => before == after,
            Change::Post { before, after }
            | Change::Title { before, after }
            | Change::Place { before, after }
            | Change::Report { before, after }
            | Change::Achievements { before, after }
            | Change::Limitations { before, after }
            | Change::Causes { before, after } => before == after,
        }
    }
}

/// A correction of a task, a working session or a position: its next version. The record corrected is
/// never rewritten; the book applies its revisions in order, so the current version is the
/// first one with every revision since, and the revisions are its history (who and when in
/// the provenance, why in `reason`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub id: FollowUpId,
    /// The task or session revised.
    pub of: FollowUpId,
    pub changes: Vec<Change>,
    /// Why (required): the decision that extended the deadline, the mistake corrected.
    pub reason: String,
    pub provenance: Provenance,
}

/// A record of follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "snake_case")]
pub enum FollowUp {
    Person(Person),
    Position(Position),
    Visit(Visit),
    Delegation(Delegation),
    WorkingSession(WorkingSession),
    Task(Task),
    TaskUpdate(TaskUpdate),
    Recommendation(Recommendation),
    Answer(Answer),
    Revision(Revision),
}

impl FollowUp {
    pub fn id(&self) -> FollowUpId {
        match self {
            FollowUp::Person(x) => x.id,
            FollowUp::Position(x) => x.id,
            FollowUp::Visit(x) => x.id,
            FollowUp::Delegation(x) => x.id,
            FollowUp::WorkingSession(x) => x.id,
            FollowUp::Task(x) => x.id,
            FollowUp::TaskUpdate(x) => x.id,
            FollowUp::Recommendation(x) => x.id,
            FollowUp::Answer(x) => x.id,
            FollowUp::Revision(x) => x.id,
        }
    }

    /// The stable name of the kind, for the store and the audit trail.
    pub fn kind(&self) -> &'static str {
        match self {
            FollowUp::Person(_) => "person",
            FollowUp::Position(_) => "position",
            FollowUp::Visit(_) => "visit",
            FollowUp::Delegation(_) => "delegation",
            FollowUp::WorkingSession(_) => "working_session",
            FollowUp::Task(_) => "task",
            FollowUp::TaskUpdate(_) => "task_update",
            FollowUp::Recommendation(_) => "recommendation",
            FollowUp::Answer(_) => "answer",
            FollowUp::Revision(_) => "revision",
        }
    }

    pub fn provenance(&self) -> &Provenance {
        match self {
            FollowUp::Person(x) => &x.provenance,
            FollowUp::Position(x) => &x.provenance,
            FollowUp::Visit(x) => &x.provenance,
            FollowUp::Delegation(x) => &x.provenance,
            FollowUp::WorkingSession(x) => &x.provenance,
            FollowUp::Task(x) => &x.provenance,
            FollowUp::TaskUpdate(x) => &x.provenance,
            FollowUp::Recommendation(x) => &x.provenance,
            FollowUp::Answer(x) => &x.provenance,
            FollowUp::Revision(x) => &x.provenance,
        }
    }
}

/// A task's status on a day, from its due date and its updates up to that day.
pub fn status_of(task: &Task, updates: &[&TaskUpdate], today: time::Date) -> super::TaskStatus {
    let seen: Vec<&&TaskUpdate> = updates.iter().filter(|u| u.on <= today).collect();
    let done_on = seen.iter().filter(|u| u.done).map(|u| u.on).min();
    task_status(task.due, done_on, !seen.is_empty(), today)
}
