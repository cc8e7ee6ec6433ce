//! The rules of follow-up (*theo dõi, đôn đốc*): when a task is done, late or overdue; when
//! two bodies' planned inspections or supervisions of one unit clash; when a recommendation
//! is answered in time. Dates are civil dates; "today" is always given, never read.

use serde::{Deserialize, Serialize};

use crate::text::fold;
use crate::{DocumentId, UnitId};

/// Where a task stands (*tình trạng thực hiện nhiệm vụ*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum TaskStatus {
    /// Past its due date and not done (*quá hạn*); listed first.
    Overdue,
    /// Not done, due date not passed, no progress reported (*chưa thực hiện*).
    NotStarted,
    /// Not done, due date not passed, some progress reported (*đang thực hiện*).
    InProgress,
    /// Done after its due date (*hoàn thành quá hạn*).
    DoneLate,
    /// Done on or before its due date (*hoàn thành đúng hạn*).
    Done,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 5] = [
        TaskStatus::Overdue,
        TaskStatus::NotStarted,
        TaskStatus::InProgress,
        TaskStatus::DoneLate,
        TaskStatus::Done,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Overdue => "overdue",
            TaskStatus::NotStarted => "not_started",
            TaskStatus::InProgress => "in_progress",
            TaskStatus::DoneLate => "done_late",
            TaskStatus::Done => "done",
        }
    }
}

/// A task's status on `today`. The due date is the last day allowed: a task done on its due
/// date is done in time, and a task not done is overdue from the day after. A task with no
/// due date is never late.
pub fn task_status(
    due: Option<time::Date>,
    done_on: Option<time::Date>,
    progress_reported: bool,
    today: time::Date,
) -> TaskStatus {
    match (done_on, due) {
        (Some(done), Some(due)) if done > due => TaskStatus::DoneLate,
        (Some(_), _) => TaskStatus::Done,
        (None, Some(due)) if today > due => TaskStatus::Overdue,
        (None, _) if progress_reported => TaskStatus::InProgress,
        (None, _) => TaskStatus::NotStarted,
    }
}

/// A span of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub first: time::Date,
    pub last: time::Date,
}

impl Window {
    /// A window; `None` when it would end before it starts.
    pub fn new(first: time::Date, last: time::Date) -> Option<Window> {
        (first <= last).then_some(Window { first, last })
    }

    /// Whether the two windows share at least one day. Windows that touch (one ends the day
    /// the other starts) share that day; consecutive ones (one ends the day before) do not.
    pub fn overlaps(&self, other: &Window) -> bool {
        self.first <= other.last && other.first <= self.last
    }
}

/// What a planned inspection or supervision is about: documents, and subjects in words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subjects {
    pub documents: Vec<DocumentId>,
    /// Free-text subjects ("quản lý khoáng sản"), compared without diacritics or case.
    pub topics: Vec<String>,
}

impl Subjects {
    /// The documents and topics both cover.
    pub fn shared(&self, other: &Subjects) -> Subjects {
        let folded: Vec<String> = other.topics.iter().map(|t| fold(t)).collect();
        Subjects {
            documents: self
                .documents
                .iter()
                .filter(|d| other.documents.contains(d))
                .copied()
                .collect(),
            topics: self
                .topics
                .iter()
                .filter(|t| folded.contains(&fold(t)))
                .cloned()
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty() && self.topics.is_empty()
    }
}

/// One planned visit of an annual plan: a body (an inspection commission, a delegation of a
/// standing committee, a People's Council) to a unit, on subjects, in a window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedVisit {
    pub body: UnitId,
    pub unit: UnitId,
    pub subjects: Subjects,
    pub window: Window,
}

/// Two bodies' visits to one unit that share subjects and days (*chồng chéo*): what both
/// must be warned of, and what it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clash {
    pub unit: UnitId,
    pub bodies: (UnitId, UnitId),
    pub shared: Subjects,
    /// The days both windows hold.
    pub days: Window,
}

/// Whether two planned visits clash: different bodies, the same unit, a shared subject and a
/// shared day. A body does not clash with itself (its own plan is one schedule).
pub fn clash(a: &PlannedVisit, b: &PlannedVisit) -> Option<Clash> {
    if a.body == b.body || a.unit != b.unit || !a.window.overlaps(&b.window) {
        return None;
    }
    let shared = a.subjects.shared(&b.subjects);
    if shared.is_empty() {
        return None;
    }
    Some(Clash {
        unit: a.unit,
        bodies: (a.body, b.body),
        shared,
        days: Window {
            first: a.window.first.max(b.window.first),
            last: a.window.last.min(b.window.last),
        },
    })
}

/// Every clash among planned visits, each pair once.
pub fn clashes(visits: &[PlannedVisit]) -> Vec<(usize, usize, Clash)> {
    let mut found = Vec::new();
    for (i, a) in visits.iter().enumerate() {
        for (j, b) in visits.iter().enumerate().skip(i + 1) {
            if let Some(c) = clash(a, b) {
                found.push((i, j, c));
            }
        }
    }
    found
}

/// Where a recommendation (*kiến nghị*) from a unit to a body stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum RecommendationStatus {
    /// No answer yet, the time limit not passed (*đang chờ trả lời*).
    Pending,
    /// No answer and the time limit passed (*quá hạn trả lời*).
    Overdue,
    /// Answered within the time limit (*đã trả lời*).
    Answered,
    /// Answered, after the time limit.
    AnsweredLate,
}

impl RecommendationStatus {
    pub const ALL: [RecommendationStatus; 4] = [
        RecommendationStatus::Pending,
        RecommendationStatus::Overdue,
        RecommendationStatus::Answered,
        RecommendationStatus::AnsweredLate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecommendationStatus::Pending => "pending",
            RecommendationStatus::Overdue => "overdue",
            RecommendationStatus::Answered => "answered",
            RecommendationStatus::AnsweredLate => "answered_late",
        }
    }
}

/// The last day to answer a recommendation received on `received` with a limit of
/// `limit_days` days: the day received counts as day 0, so a 15-day limit on 1 March ends on
/// 16 March.
pub fn answer_due(received: time::Date, limit_days: u16) -> Option<time::Date> {
    received.checked_add(time::Duration::days(i64::from(limit_days)))
}

pub fn recommendation_status(
    due: time::Date,
    answered_on: Option<time::Date>,
    today: time::Date,
) -> RecommendationStatus {
    match answered_on {
        Some(day) if day <= due => RecommendationStatus::Answered,
        Some(_) => RecommendationStatus::AnsweredLate,
        None if today > due => RecommendationStatus::Overdue,
        None => RecommendationStatus::Pending,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn task_status_on_its_date_boundaries() {
        let due = Some(date!(2023 - 06 - 30));
        let status = |done, progress, today| task_status(due, done, progress, today);
        // Before and on the due date, not done.
        assert_eq!(
            status(None, false, date!(2023 - 06 - 29)),
            TaskStatus::NotStarted
        );
        assert_eq!(
            status(None, true, date!(2023 - 06 - 30)),
            TaskStatus::InProgress
        );
        // The day after: overdue, with or without progress.
        assert_eq!(
            status(None, false, date!(2023 - 07 - 01)),
            TaskStatus::Overdue
        );
        assert_eq!(
            status(None, true, date!(2023 - 07 - 01)),
            TaskStatus::Overdue
        );
        // Done on the due date is in time; the day after is late, whenever it is asked.
        assert_eq!(
            status(Some(date!(2023 - 06 - 30)), true, date!(2024 - 01 - 01)),
            TaskStatus::Done
        );
        assert_eq!(
            status(Some(date!(2023 - 07 - 01)), true, date!(2023 - 07 - 01)),
            TaskStatus::DoneLate
        );
        // No due date: never late.
        assert_eq!(
            task_status(None, None, false, date!(2030 - 01 - 01)),
            TaskStatus::NotStarted
        );
        assert_eq!(
            task_status(
                None,
                Some(date!(2030 - 01 - 01)),
                true,
                date!(2030 - 01 - 01)
            ),
            TaskStatus::Done
        );
    }

    fn visit(
        body: u32,
        unit: u32,
        documents: &[u32],
        topics: &[&str],
        first: time::Date,
        last: time::Date,
    ) -> PlannedVisit {
        PlannedVisit {
            body: UnitId(body),
            unit: UnitId(unit),
            subjects: Subjects {
                documents: documents.iter().map(|d| DocumentId(*d)).collect(),
                topics: topics.iter().map(|t| (*t).to_owned()).collect(),
            },
            window: Window::new(first, last).expect("window"),
        }
    }

    #[test]
    fn overlap_of_touching_nested_and_disjoint_windows() {
        let inspection = visit(
            1,
            40,
            &[21],
            &[],
            date!(2024 - 03 - 01),
            date!(2024 - 03 - 15),
        );
        // Touching: starts the day the other ends.
        let touching = visit(
            2,
            40,
            &[21],
            &[],
            date!(2024 - 03 - 15),
            date!(2024 - 03 - 20),
        );
        let c = clash(&inspection, &touching).expect("touching windows share a day");
        assert_eq!(
            c.days,
            Window::new(date!(2024 - 03 - 15), date!(2024 - 03 - 15)).expect("w")
        );
        assert_eq!(c.shared.documents, vec![DocumentId(21)]);
        // Consecutive: starts the day after.
        let next = visit(
            2,
            40,
            &[21],
            &[],
            date!(2024 - 03 - 16),
            date!(2024 - 03 - 20),
        );
        assert_eq!(clash(&inspection, &next), None);
        // Nested: inside the other.
        let nested = visit(
            3,
            40,
            &[],
            &["Quản lý khoáng sản"],
            date!(2024 - 03 - 05),
            date!(2024 - 03 - 06),
        );
        let broad = visit(
            1,
            40,
            &[21],
            &["quan ly khoang san"],
            date!(2024 - 03 - 01),
            date!(2024 - 03 - 31),
        );
        let c = clash(&broad, &nested)
            .expect("nested windows overlap, the topic matches without diacritics");
        assert_eq!(c.days, nested.window);
        assert_eq!(c.shared.topics, vec!["quan ly khoang san".to_owned()]);
        // Disjoint in time, or another unit, or other subjects, or the same body: no clash.
        let later = visit(
            2,
            40,
            &[21],
            &[],
            date!(2024 - 09 - 01),
            date!(2024 - 09 - 05),
        );
        assert_eq!(clash(&inspection, &later), None);
        let elsewhere = visit(
            2,
            42,
            &[21],
            &[],
            date!(2024 - 03 - 01),
            date!(2024 - 03 - 15),
        );
        assert_eq!(clash(&inspection, &elsewhere), None);
        let other_subject = visit(
            2,
            40,
            &[26],
            &["du lịch"],
            date!(2024 - 03 - 01),
            date!(2024 - 03 - 15),
        );
        assert_eq!(clash(&inspection, &other_subject), None);
        let same_body = visit(
            1,
            40,
            &[21],
            &[],
            date!(2024 - 03 - 10),
            date!(2024 - 03 - 12),
        );
        assert_eq!(clash(&inspection, &same_body), None);
        // Among several plans, each clashing pair once.
        let found = clashes(&[inspection, touching, next, later]);
        let pairs: Vec<(usize, usize)> = found.iter().map(|(i, j, _)| (*i, *j)).collect();
        assert_eq!(pairs, vec![(0, 1)]);
        assert_eq!(
            Window::new(date!(2024 - 03 - 02), date!(2024 - 03 - 01)),
            None
        );
    }

    #[test]
    fn recommendations_are_answered_in_time_or_overdue() {
        let due = answer_due(date!(2024 - 03 - 01), 15).expect("date");
        assert_eq!(due, date!(2024 - 03 - 16));
        let status = |answered, today| recommendation_status(due, answered, today);
        assert_eq!(
            status(None, date!(2024 - 03 - 16)),
            RecommendationStatus::Pending
        );
        assert_eq!(
            status(None, date!(2024 - 03 - 17)),
            RecommendationStatus::Overdue
        );
        assert_eq!(
            status(Some(date!(2024 - 03 - 16)), date!(2024 - 05 - 01)),
            RecommendationStatus::Answered
        );
        assert_eq!(
            status(Some(date!(2024 - 03 - 17)), date!(2024 - 03 - 17)),
            RecommendationStatus::AnsweredLate
        );
    }

    fn day() -> impl Strategy<Value = time::Date> {
        (0i32..3_000).prop_map(|n| date!(2020 - 01 - 01) + time::Duration::days(i64::from(n)))
    }

    proptest! {
        #[test]
        fn overlap_is_symmetric_and_agrees_with_shared_days(a in day(), b in day(), c in day(), d in day()) {
            let x = Window::new(a.min(b), a.max(b)).expect("ordered");
            let y = Window::new(c.min(d), c.max(d)).expect("ordered");
            prop_assert_eq!(x.overlaps(&y), y.overlaps(&x));
            let shared_day = [x.first, x.last, y.first, y.last]
                .into_iter()
                .any(|day| day >= x.first && day <= x.last && day >= y.first && day <= y.last);
            prop_assert_eq!(x.overlaps(&y), shared_day);
        }

        #[test]
        fn a_task_is_late_exactly_when_the_due_date_has_passed(due in day(), done in proptest::option::of(day()), today in day(), progress in any::<bool>()) {
            let status = task_status(Some(due), done, progress, today);
            match done {
                Some(d) => prop_assert_eq!(status == TaskStatus::DoneLate, d > due),
                None => prop_assert_eq!(status == TaskStatus::Overdue, today > due),
            }
        }
    }
}
