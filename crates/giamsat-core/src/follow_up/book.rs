//! The book of follow-up records the engine keeps: each record checked against what it
//! refers to, and the lists the pages and the API read (a unit's tasks, overdue first; the
//! clashes of planned visits; recommendations and their deadlines).

use std::collections::BTreeMap;

use super::records::*;
use super::rules::{
    Clash, RecommendationStatus, TaskStatus, answer_due, clash, recommendation_status,
};
use crate::{DocumentId, Engine, FollowUpId, UnitId};

/// Why a follow-up record cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FollowUpError {
    #[error("record {0} exists already")]
    DuplicateId(FollowUpId),
    #[error("there is no {what} {id}")]
    Missing { what: &'static str, id: String },
    #[error("conclusion item {item} of session {session} does not exist")]
    NoSuchConclusion { session: FollowUpId, item: u16 },
    #[error("conclusion item {item} of session {session} is task {task} already")]
    ConclusionTaken {
        session: FollowUpId,
        item: u16,
        task: FollowUpId,
    },
    #[error("task {0} was marked done already")]
    TaskDone(FollowUpId),
    #[error("recommendation {0} was answered already")]
    Answered(FollowUpId),
    #[error("{field} is empty")]
    Empty { field: &'static str },
    #[error("the position ends ({to}) before it starts ({from})")]
    PositionBackwards { from: time::Date, to: time::Date },
    #[error("name at least one document or subject")]
    NoSubjects,
    #[error("a conclusion item is empty")]
    EmptyConclusion,
    #[error("a percent is at most 100")]
    PercentAbove100,
    #[error("record {0} is not a task, a working session or a position: it cannot be revised")]
    NotRevisable(FollowUpId),
    #[error("the revision changes nothing")]
    NoChange,
    #[error("{field} is not a field of the record revised")]
    NotAField { field: &'static str },
    #[error("{field} was changed since it was read")]
    Stale { field: &'static str },
    #[error("the answer ({on}) comes before the recommendation ({received})")]
    AnswerBeforeRecommendation {
        on: time::Date,
        received: time::Date,
    },
}

/// A task as a list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskView<'a> {
    pub task: &'a Task,
    pub status: TaskStatus,
    pub done_on: Option<time::Date>,
    /// The latest percent reported.
    pub percent: Option<u8>,
    pub updates: Vec<&'a TaskUpdate>,
}

#[derive(Debug, Clone, Default)]
pub struct FollowUpBook {
    records: BTreeMap<FollowUpId, FollowUp>,
    updates_of: BTreeMap<FollowUpId, Vec<FollowUpId>>,
    positions_of: BTreeMap<FollowUpId, Vec<FollowUpId>>,
    task_of_conclusion: BTreeMap<(FollowUpId, u16), FollowUpId>,
    answer_of: BTreeMap<FollowUpId, FollowUpId>,
    revisions_of: BTreeMap<FollowUpId, Vec<FollowUpId>>,
}

impl FollowUpBook {
    pub fn get(&self, id: FollowUpId) -> Option<&FollowUp> {
        self.records.get(&id)
    }

    pub fn all(&self) -> impl Iterator<Item = &FollowUp> {
        self.records.values()
    }

    /// The id the next record gets.
    pub fn next_id(&self) -> FollowUpId {
        FollowUpId(self.records.keys().next_back().map_or(1, |id| id.0 + 1))
    }

    pub fn person(&self, id: FollowUpId) -> Option<&Person> {
        match self.records.get(&id) {
            Some(FollowUp::Person(p)) => Some(p),
            _ => None,
        }
    }

    pub fn people(&self) -> impl Iterator<Item = &Person> {
        self.records.values().filter_map(|r| match r {
            FollowUp::Person(p) => Some(p),
            _ => None,
        })
    }

    /// The person whose name matches `name` across spellings.
    pub fn person_named(&self, name: &str) -> Option<&Person> {
        let key = person_key(name);
        self.people().find(|p| person_key(&p.name) == key)
    }

    /// Every position a person holds or held, in the order recorded.
    pub fn positions_of(&self, person: FollowUpId) -> impl Iterator<Item = &Position> {
        self.positions_of
            .get(&person)
            .into_iter()
            .flatten()
            .filter_map(|id| match self.records.get(id) {
                Some(FollowUp::Position(p)) => Some(p),
                _ => None,
            })
    }

    /// The positions a person held on a day.
    pub fn positions_on(&self, person: FollowUpId, day: time::Date) -> Vec<&Position> {
        self.positions_of
            .get(&person)
            .into_iter()
            .flatten()
            .filter_map(|id| match self.records.get(id) {
                Some(FollowUp::Position(p)) if p.held_on(day) => Some(p),
                _ => None,
            })
            .collect()
    }

    pub fn session(&self, id: FollowUpId) -> Option<&WorkingSession> {
        match self.records.get(&id) {
            Some(FollowUp::WorkingSession(s)) => Some(s),
            _ => None,
        }
    }

    pub fn sessions(&self) -> impl Iterator<Item = &WorkingSession> {
        self.records.values().filter_map(|r| match r {
            FollowUp::WorkingSession(s) => Some(s),
            _ => None,
        })
    }

    pub fn delegation(&self, id: FollowUpId) -> Option<&Delegation> {
        match self.records.get(&id) {
            Some(FollowUp::Delegation(d)) => Some(d),
            _ => None,
        }
    }

    pub fn task(&self, id: FollowUpId) -> Option<&Task> {
        match self.records.get(&id) {
            Some(FollowUp::Task(t)) => Some(t),
            _ => None,
        }
    }

    /// The task a conclusion item (counted from 0) became, if it did.
    pub fn task_of_conclusion(&self, session: FollowUpId, item: usize) -> Option<FollowUpId> {
        let item = u16::try_from(item).ok()?;
        self.task_of_conclusion.get(&(session, item)).copied()
    }

    /// A task with its status on `today`.
    pub fn task_view(&self, id: FollowUpId, today: time::Date) -> Option<TaskView<'_>> {
        let task = self.task(id)?;
        let updates: Vec<&TaskUpdate> = self
            .updates_of
            .get(&id)
            .into_iter()
            .flatten()
            .filter_map(|u| match self.records.get(u) {
                Some(FollowUp::TaskUpdate(u)) => Some(u),
                _ => None,
            })
            .collect();
        let shown: Vec<&TaskUpdate> = updates.iter().copied().filter(|u| u.on <= today).collect();
        Some(TaskView {
            task,
            status: status_of(task, &shown, today),
            done_on: shown.iter().filter(|u| u.done).map(|u| u.on).min(),
            percent: shown.iter().rev().find_map(|u| u.percent),
            updates,
        })
    }

    /// The tasks `keep` chooses, overdue first, then by due date (none last), then by id.
    pub fn tasks_where(
        &self,
        today: time::Date,
        keep: impl Fn(&Task) -> bool,
    ) -> Vec<TaskView<'_>> {
        let mut views: Vec<TaskView<'_>> = self
            .records
            .values()
            .filter_map(|r| match r {
                FollowUp::Task(t) if keep(t) => self.task_view(t.id, today),
                _ => None,
            })
            .collect();
        views.sort_by_key(|v| (v.status, v.task.due.is_none(), v.task.due, v.task.id));
        views
    }

    /// A unit's tasks, as lead or co-owner, overdue first.
    pub fn tasks_of(&self, unit: UnitId, today: time::Date) -> Vec<TaskView<'_>> {
        self.tasks_where(today, |t| t.lead == unit || t.co_owners.contains(&unit))
    }

    pub fn visits(&self) -> impl Iterator<Item = &Visit> {
        self.records.values().filter_map(|r| match r {
            FollowUp::Visit(v) => Some(v),
            _ => None,
        })
    }

    /// The visits that clash with `visit`: what both bodies must be warned of.
    pub fn clashes_with(&self, visit: &Visit) -> Vec<(&Visit, Clash)> {
        self.visits()
            .filter(|other| other.id != visit.id)
            .filter_map(|other| clash(&visit.plan, &other.plan).map(|c| (other, c)))
            .collect()
    }

    pub fn recommendations(&self) -> impl Iterator<Item = &Recommendation> {
        self.records.values().filter_map(|r| match r {
            FollowUp::Recommendation(x) => Some(x),
            _ => None,
        })
    }

    /// A recommendation's answer, deadline and status on `today`.
    pub fn recommendation_state(
        &self,
        recommendation: &Recommendation,
        today: time::Date,
    ) -> (Option<&Answer>, Option<time::Date>, RecommendationStatus) {
        let answer =
            self.answer_of
                .get(&recommendation.id)
                .and_then(|id| match self.records.get(id) {
                    Some(FollowUp::Answer(a)) => Some(a),
                    _ => None,
                });
        let due = answer_due(recommendation.received, recommendation.limit_days);
        let status = match due {
            Some(due) => recommendation_status(due, answer.map(|a| a.on), today),
            None => RecommendationStatus::Pending,
        };
        (answer, due, status)
    }

    /// The revisions of a task, session or position, oldest first: its history of versions.
    pub fn revisions_of(&self, id: FollowUpId) -> Vec<&Revision> {
        self.revisions_of
            .get(&id)
            .into_iter()
            .flatten()
            .filter_map(|r| match self.records.get(r) {
                Some(FollowUp::Revision(x)) => Some(x),
                _ => None,
            })
            .collect()
    }

    /// Whether a revision applies to the current version of what it revises: a task or a
    /// session, each field its own and changed at most once, from the value it has now (so
    /// two people correcting the same field from one version do not overwrite each other).
    fn check_revision(&self, engine: &Engine, revision: &Revision) -> Result<(), FollowUpError> {
        let kind = match self.records.get(&revision.of) {
            Some(r @ (FollowUp::Task(_) | FollowUp::WorkingSession(_) | FollowUp::Position(_))) => {
                r.kind()
            }
            Some(_) => return Err(FollowUpError::NotRevisable(revision.of)),
            None => {
                return Err(FollowUpError::Missing {
                    what: "task, working session or position",
                    id: revision.of.to_string(),
                });
            }
        };
        if revision.reason.trim().is_empty() {
            return Err(FollowUpError::Empty { field: "reason" });
        }
        if revision.changes.is_empty() || revision.changes.iter().all(Change::is_none) {
            return Err(FollowUpError::NoChange);
        }
        let mut probe = self.records.get(&revision.of).cloned();
        for (i, change) in revision.changes.iter().enumerate() {
            let field = change.field();
            if change.revises() != kind || revision.changes[..i].iter().any(|c| c.field() == field)
            {
                return Err(FollowUpError::NotAField { field });
            }
            let units: Vec<UnitId> = match change {
                Change::Lead { after, .. } => vec![*after],
                Change::CoOwners { after, .. } => after.clone(),
                Change::PostUnit { after, .. } => after.iter().copied().collect(),
                _ => Vec::new(),
            };
            if let Some(u) = units.into_iter().find(|u| engine.unit(*u).is_none()) {
                return Err(FollowUpError::Missing {
                    what: "unit",
                    id: u.to_string(),
                });
            }
            if let Some(record) = probe.as_mut()
                && !revise(record, change)
            {
                return Err(FollowUpError::Stale { field });
            }
        }
        // A corrected position keeps the rules of a new one.
        if let Some(FollowUp::Position(p)) = &probe {
            if p.title.trim().is_empty() {
                return Err(FollowUpError::Empty { field: "title" });
            }
            if let (Some(from), Some(to)) = (p.from, p.to)
                && to < from
            {
                return Err(FollowUpError::PositionBackwards { from, to });
            }
        }
        Ok(())
    }

    /// Whether a record can be added: what it refers to exists, and it breaks no rule.
    pub fn check(&self, engine: &Engine, record: &FollowUp) -> Result<(), FollowUpError> {
        if self.records.contains_key(&record.id()) {
            return Err(FollowUpError::DuplicateId(record.id()));
        }
        let unit = |id: UnitId| {
            engine.unit(id).map(|_| ()).ok_or(FollowUpError::Missing {
                what: "unit",
                id: id.to_string(),
            })
        };
        let document = |id: DocumentId| {
            engine
                .document(id)
                .map(|_| ())
                .ok_or(FollowUpError::Missing {
                    what: "document",
                    id: id.to_string(),
                })
        };
        let person = |id: FollowUpId| {
            self.person(id).map(|_| ()).ok_or(FollowUpError::Missing {
                what: "person",
                id: id.to_string(),
            })
        };
        let text = |field: &'static str, value: &str| {
            if value.trim().is_empty() {
                Err(FollowUpError::Empty { field })
            } else {
                Ok(())
            }
        };
        match record {
            FollowUp::Revision(r) => self.check_revision(engine, r)?,
            FollowUp::Person(p) => text("name", &p.name)?,
            FollowUp::Position(p) => {
                person(p.person)?;
                text("title", &p.title)?;
                if let Some(u) = p.unit {
                    unit(u)?;
                }
                if let (Some(from), Some(to)) = (p.from, p.to)
                    && to < from
                {
                    return Err(FollowUpError::PositionBackwards { from, to });
                }
            }
            FollowUp::Visit(v) => {
                unit(v.plan.body)?;
                unit(v.plan.unit)?;
                for d in &v.plan.subjects.documents {
                    document(*d)?;
                }
                if v.plan.subjects.is_empty() {
                    return Err(FollowUpError::NoSubjects);
                }
            }
            FollowUp::Delegation(d) => {
                unit(d.body)?;
                text("title", &d.title)?;
                for m in &d.members {
                    person(m.person)?;
                }
                if let Some(v) = d.visit
                    && !matches!(self.records.get(&v), Some(FollowUp::Visit(_)))
                {
                    return Err(FollowUpError::Missing {
                        what: "planned visit",
                        id: v.to_string(),
                    });
                }
            }
            FollowUp::WorkingSession(s) => {
                unit(s.body)?;
                unit(s.unit)?;
                if let Some(d) = s.delegation
                    && self.delegation(d).is_none()
                {
                    return Err(FollowUpError::Missing {
                        what: "delegation",
                        id: d.to_string(),
                    });
                }
                if let Some(c) = s.chair {
                    person(c)?;
                }
                for a in &s.attendees {
                    person(a.person)?;
                }
                for d in &s.documents {
                    document(*d)?;
                }
                if s.conclusions.iter().any(|c| c.trim().is_empty()) {
                    return Err(FollowUpError::EmptyConclusion);
                }
            }
            FollowUp::Task(t) => {
                text("title", &t.title)?;
                unit(t.lead)?;
                for u in &t.co_owners {
                    unit(*u)?;
                }
                match t.origin {
                    TaskOrigin::Document { document: d } => document(d)?,
                    TaskOrigin::Conclusion { session, item } => {
                        let s = self.session(session).ok_or(FollowUpError::Missing {
                            what: "working session",
                            id: session.to_string(),
                        })?;
                        if usize::from(item) >= s.conclusions.len() {
                            return Err(FollowUpError::NoSuchConclusion { session, item });
                        }
                        if let Some(task) = self.task_of_conclusion(session, usize::from(item)) {
                            return Err(FollowUpError::ConclusionTaken {
                                session,
                                item,
                                task,
                            });
                        }
                    }
                }
            }
            FollowUp::TaskUpdate(u) => {
                if self.task(u.task).is_none() {
                    return Err(FollowUpError::Missing {
                        what: "task",
                        id: u.task.to_string(),
                    });
                }
                text("text", &u.text)?;
                if u.percent.is_some_and(|p| p > 100) {
                    return Err(FollowUpError::PercentAbove100);
                }
                let done_before = self.updates_of.get(&u.task).into_iter().flatten().any(
                    |id| matches!(self.records.get(id), Some(FollowUp::TaskUpdate(x)) if x.done),
                );
                if u.done && done_before {
                    return Err(FollowUpError::TaskDone(u.task));
                }
            }
            FollowUp::Recommendation(r) => {
                unit(r.from)?;
                unit(r.to)?;
                text("text", &r.text)?;
                if let Some(s) = r.session
                    && self.session(s).is_none()
                {
                    return Err(FollowUpError::Missing {
                        what: "working session",
                        id: s.to_string(),
                    });
                }
            }
            FollowUp::Answer(a) => {
                let Some(FollowUp::Recommendation(r)) = self.records.get(&a.recommendation) else {
                    return Err(FollowUpError::Missing {
                        what: "recommendation",
                        id: a.recommendation.to_string(),
                    });
                };
                text("text", &a.text)?;
                if self.answer_of.contains_key(&a.recommendation) {
                    return Err(FollowUpError::Answered(a.recommendation));
                }
                if a.on < r.received {
                    return Err(FollowUpError::AnswerBeforeRecommendation {
                        on: a.on,
                        received: r.received,
                    });
                }
            }
        }
        Ok(())
    }

    /// Adds a checked record.
    pub fn insert(&mut self, record: FollowUp) {
        let id = record.id();
        match &record {
            FollowUp::Position(p) => self.positions_of.entry(p.person).or_default().push(id),
            FollowUp::Task(t) => {
                if let TaskOrigin::Conclusion { session, item } = t.origin {
                    self.task_of_conclusion.insert((session, item), id);
                }
            }
            FollowUp::TaskUpdate(u) => self.updates_of.entry(u.task).or_default().push(id),
            FollowUp::Answer(a) => {
                self.answer_of.insert(a.recommendation, id);
            }
            FollowUp::Revision(r) => {
                self.revisions_of.entry(r.of).or_default().push(id);
                if let Some(revised) = self.records.get_mut(&r.of) {
                    for change in &r.changes {
                        revise(revised, change);
                    }
                }
            }
            _ => {}
        }
        self.records.insert(id, record);
    }

    /// The units a record belongs to, for the rules of access: the body for supervision,
    /// the issuing side for a task, the lead for its progress, the sender and the receiver
    /// for a recommendation and its answer. People belong to no unit.
    pub fn units_of(&self, engine: &Engine, record: &FollowUp) -> Vec<UnitId> {
        match record {
            FollowUp::Person(_) => Vec::new(),
            FollowUp::Position(p) => p.unit.into_iter().collect(),
            FollowUp::Visit(v) => vec![v.plan.body],
            FollowUp::Delegation(d) => vec![d.body],
            FollowUp::WorkingSession(s) => vec![s.body],
            FollowUp::Task(t) => match t.origin {
                TaskOrigin::Conclusion { session, .. } => {
                    self.session(session).map(|s| s.body).into_iter().collect()
                }
                TaskOrigin::Document { document } => engine
                    .document(document)
                    .map(|d| d.issued_by)
                    .into_iter()
                    .collect(),
            },
            FollowUp::TaskUpdate(u) => self.task(u.task).map(|t| t.lead).into_iter().collect(),
            FollowUp::Recommendation(r) => vec![r.from],
            FollowUp::Answer(a) => match self.records.get(&a.recommendation) {
                Some(FollowUp::Recommendation(r)) => vec![r.to],
                _ => Vec::new(),
            },
            // A correction belongs where the record it corrects belongs: the issuing side of
            // a task decides its deadline and lead, the body its session's minutes.
            // A position moved to another body touches that body too.
            FollowUp::Revision(r) => match self.records.get(&r.of) {
                Some(
                    revised @ (FollowUp::Task(_)
                    | FollowUp::WorkingSession(_)
                    | FollowUp::Position(_)),
                ) => {
                    let mut units = self.units_of(engine, revised);
                    for change in &r.changes {
                        if let Change::PostUnit { after: Some(u), .. } = change {
                            units.push(*u);
                        }
                    }
                    units
                }
                _ => Vec::new(),
            },
        }
    }
}

/// Applies one change to a task, session or position when the field holds the change's `before`;
/// false (and nothing changed) otherwise.
fn revise(record: &mut FollowUp, change: &Change) -> bool {
    fn set<T: PartialEq + Clone>(field: &mut T, before: &T, after: &T) -> bool {
        if field != before {
            return false;
        }
        *field = after.clone();
        true
    }
    match (record, change) {
        (FollowUp::Task(t), Change::Due { before, after }) => set(&mut t.due, before, after),
        (FollowUp::Task(t), Change::Lead { before, after }) => set(&mut t.lead, before, after),
        (FollowUp::Task(t), Change::Title { before, after }) => set(&mut t.title, before, after),
        (FollowUp::Task(t), Change::CoOwners { before, after }) => {
            set(&mut t.co_owners, before, after)
        }
        (FollowUp::WorkingSession(s), Change::Date { before, after }) => {
            set(&mut s.date, before, after)
        }
        (FollowUp::WorkingSession(s), Change::Place { before, after }) => {
            set(&mut s.place, before, after)
        }
        (FollowUp::WorkingSession(s), Change::Report { before, after }) => {
            set(&mut s.report, before, after)
        }
        (FollowUp::WorkingSession(s), Change::Achievements { before, after }) => {
            set(&mut s.achievements, before, after)
        }
        (FollowUp::WorkingSession(s), Change::Limitations { before, after }) => {
            set(&mut s.limitations, before, after)
        }
        (FollowUp::WorkingSession(s), Change::Causes { before, after }) => {
            set(&mut s.causes, before, after)
        }
        (FollowUp::Position(p), Change::Post { before, after }) => set(&mut p.title, before, after),
        (FollowUp::Position(p), Change::PostTranslated { before, after }) => {
            set(&mut p.translated, before, after)
        }
        (FollowUp::Position(p), Change::PostUnit { before, after }) => {
            set(&mut p.unit, before, after)
        }
        (FollowUp::Position(p), Change::Starts { before, after }) => {
            set(&mut p.from, before, after)
        }
        (FollowUp::Position(p), Change::Ends { before, after }) => set(&mut p.to, before, after),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::{Provenance, Record};

    fn provenance() -> Provenance {
        Provenance {
            source: "test".into(),
            recorded_by: "test".into(),
            recorded_at: time::OffsetDateTime::UNIX_EPOCH,
        }
    }

    /// An engine holding one person with one position from `from`, open-ended.
    fn holding(from: time::Date) -> Engine {
        let mut engine = Engine::new();
        let person = Person {
            id: FollowUpId(1),
            name: "Nguyễn Văn A".into(),
            provenance: provenance(),
        };
        let position = Position {
            id: FollowUpId(2),
            person: FollowUpId(1),
            title: "Giám đốc".into(),
            translated: crate::text::Translations::default(),
            unit: None,
            from: Some(from),
            to: None,
            provenance: provenance(),
        };
        for record in [FollowUp::Person(person), FollowUp::Position(position)] {
            engine
                .apply(Record::FollowUp(record))
                .expect("a valid record");
        }
        engine
    }

    fn ending(id: u32, changes: Vec<Change>) -> Record {
        Record::FollowUp(FollowUp::Revision(Revision {
            id: FollowUpId(id),
            of: FollowUpId(2),
            changes,
            reason: "nghỉ hưu".into(),
            provenance: provenance(),
        }))
    }

    fn day() -> impl Strategy<Value = time::Date> {
        (0i64..20_000).prop_map(|n| time::macros::date!(2000 - 01 - 01) + time::Duration::days(n))
    }

    proptest! {
        /// A position is ended on any day from its first on, and never before it; once ended,
        /// it is held up to that day and not after, and a second form read before the end
        /// cannot end it again.
        #[test]
        fn a_position_ends_only_on_or_after_its_first_day(from in day(), to in day()) {
            let mut engine = holding(from);
            let end = ending(3, vec![Change::Ends { before: None, after: Some(to) }]);
            let checked = engine.check(&end);
            if to < from {
                prop_assert!(checked.is_err());
                return Ok(());
            }
            prop_assert!(checked.is_ok(), "{checked:?}");
            engine.apply(end).expect("checked");
            let book = engine.follow_up();
            let held: Vec<&Position> = book.positions_of(FollowUpId(1)).collect();
            prop_assert_eq!(held.len(), 1);
            prop_assert!(held[0].held_on(to));
            prop_assert!(!held[0].held_on(to + time::Duration::days(1)));
            prop_assert_eq!(book.revisions_of(FollowUpId(2)).len(), 1);
            let stale = ending(4, vec![Change::Ends { before: None, after: Some(to) }]);
            prop_assert!(engine.check(&stale).is_err());
        }
    }

    #[test]
    fn a_position_is_revised_by_its_own_fields_only() {
        let engine = holding(time::macros::date!(2021 - 03 - 01));
        let task_field = ending(
            3,
            vec![Change::Title {
                before: "Giám đốc".into(),
                after: "Phó Giám đốc".into(),
            }],
        );
        assert!(matches!(
            engine.check(&task_field),
            Err(crate::EngineError::FollowUp(FollowUpError::NotAField {
                field: "title"
            }))
        ));
        let emptied = ending(
            3,
            vec![Change::Post {
                before: "Giám đốc".into(),
                after: " ".into(),
            }],
        );
        assert!(matches!(
            engine.check(&emptied),
            Err(crate::EngineError::FollowUp(FollowUpError::Empty {
                field: "title"
            }))
        ));
    }
}
