//! What is due for one person (*việc cần làm*): the reports their units must send, the reports
//! sent back to them, the reports waiting for their decision, and the tasks and
//! recommendations their units answer for, each from a few days before its deadline.
//!
//! Nothing here is stored: the inbox is computed from the engine, the person's grants and
//! today's date, so it is current the moment a report is sent or a task is done.
//!
//! Who answers for what follows the grants, without the administrator's (an administrator
//! manages the accounts and the tree; the country's administrator would otherwise be sent
//! every report of every unit): a reporter answers for every unit of its scope, an office for
//! its own unit; an office or supervisor over a unit, not at it, decides on its reports, as
//! `access::permits` lets it.

use serde::{Deserialize, Serialize};

use crate::access::{Grant, Role};
use crate::follow_up::{RecommendationStatus, TaskStatus};
use crate::reporting::{Regime, State};
use crate::{Engine, FollowUpId, Period, RegimeId, UnitId};

/// How many days before its deadline a thing enters the inbox.
pub const REMIND_DAYS: u16 = 3;

/// How close a deadline is, on the day asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "when", content = "days", rename_all = "snake_case")]
pub enum Urgency {
    /// The deadline passed this many days ago.
    Overdue(u32),
    /// The deadline is today: the last day allowed.
    Today,
    /// The deadline is this many days away.
    Soon(u32),
}

/// How close `due` is on `today`, or `None` while it is more than `lead_days` away. The
/// deadline is the last day allowed, so the day after it is one day overdue.
pub fn urgency(due: time::Date, today: time::Date, lead_days: u16) -> Option<Urgency> {
    let days = (due - today).whole_days();
    let count = |d: i64| u32::try_from(d.unsigned_abs()).unwrap_or(u32::MAX);
    match days {
        0 => Some(Urgency::Today),
        d if d < 0 => Some(Urgency::Overdue(count(d))),
        d if d <= i64::from(lead_days) => Some(Urgency::Soon(count(d))),
        _ => None,
    }
}

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Item {
    /// A unit's report to send for a period.
    ReportDue {
        regime: RegimeId,
        unit: UnitId,
        period: Period,
        due: time::Date,
        urgency: Urgency,
    },
    /// A report sent back (returned, or reopened after approval), to correct and send again.
    ReportReturned {
        regime: RegimeId,
        unit: UnitId,
        period: Period,
        state: State,
        reason: String,
        due: Option<time::Date>,
    },
    /// A report sent by a unit below, waiting for a decision.
    ReportToDecide {
        regime: RegimeId,
        unit: UnitId,
        period: Period,
        sent_on: Option<time::Date>,
    },
    /// A task the unit leads, not done.
    TaskDue {
        task: FollowUpId,
        unit: UnitId,
        due: time::Date,
        urgency: Urgency,
    },
    /// A recommendation made to the unit, not answered.
    RecommendationDue {
        recommendation: FollowUpId,
        unit: UnitId,
        due: time::Date,
        urgency: Urgency,
    },
}

impl Item {
    /// The names of the kinds, in the order of `kind`.
    pub const KINDS: [&'static str; 5] = [
        "report_due",
        "report_returned",
        "report_to_decide",
        "task_due",
        "recommendation_due",
    ];

    /// The stable name of the kind, for messages and the API.
    pub fn kind(&self) -> &'static str {
        match self {
            Item::ReportDue { .. } => "report_due",
            Item::ReportReturned { .. } => "report_returned",
            Item::ReportToDecide { .. } => "report_to_decide",
            Item::TaskDue { .. } => "task_due",
            Item::RecommendationDue { .. } => "recommendation_due",
        }
    }

    /// The unit the item is about.
    pub fn unit(&self) -> UnitId {
        match self {
            Item::ReportDue { unit, .. }
            | Item::ReportReturned { unit, .. }
            | Item::ReportToDecide { unit, .. }
            | Item::TaskDue { unit, .. }
            | Item::RecommendationDue { unit, .. } => *unit,
        }
    }

    /// The deadline, when the item has one.
    pub fn due(&self) -> Option<time::Date> {
        match self {
            Item::ReportDue { due, .. }
            | Item::TaskDue { due, .. }
            | Item::RecommendationDue { due, .. } => Some(*due),
            Item::ReportReturned { due, .. } => *due,
            Item::ReportToDecide { .. } => None,
        }
    }

    /// Overdue first, then what was sent back, then by deadline; decisions to take last.
    fn order(&self) -> (u8, Option<time::Date>) {
        let rank = match self {
            Item::ReportDue { urgency, .. }
            | Item::TaskDue { urgency, .. }
            | Item::RecommendationDue { urgency, .. } => match urgency {
                Urgency::Overdue(_) => 0,
                _ => 2,
            },
            Item::ReportReturned { .. } => 1,
            Item::ReportToDecide { .. } => 3,
        };
        (rank, self.due())
    }
}

/// Whether a grant makes its holder answer for `unit`: send its reports, carry out its tasks.
fn answers_for(engine: &Engine, grant: &Grant, unit: UnitId) -> bool {
    match grant.role {
        Role::Reporter => grant.covers(engine, unit),
        Role::Office => grant.scope == Some(unit),
        _ => false,
    }
}

/// Whether a grant makes its holder decide on `unit`'s reports: the unit above, never the
/// unit itself (the rule `access::permits` applies to the decision).
fn decides_for(engine: &Engine, grant: &Grant, unit: UnitId) -> bool {
    matches!(grant.role, Role::Office | Role::Supervisor)
        && grant.scope != Some(unit)
        && grant.covers(engine, unit)
}

/// The periods whose report may be due on `today`: the one whose window is open and the two
/// before it. An older report still unsent shows on the completeness page, not every day in
/// every inbox.
fn recent_periods(regime: &Regime, today: time::Date) -> Vec<Period> {
    let Some(open) = regime.frequency.period_closing_on(today) else {
        return Vec::new();
    };
    let mut periods = vec![open];
    let mut current = open;
    for _ in 0..2 {
        match current
            .start()
            .shifted(-1)
            .and_then(|m| regime.frequency.period_of_month(m))
        {
            Some(previous) => {
                periods.push(previous);
                current = previous;
            }
            None => break,
        }
    }
    periods
}

fn reports_due(engine: &Engine, grants: &[Grant], today: time::Date, items: &mut Vec<Item>) {
    let book = engine.reporting();
    for regime in book.regimes() {
        for period in recent_periods(regime, today) {
            let Some(due) = regime.deadline(period) else {
                continue;
            };
            let Some(urgency) = urgency(due, today, REMIND_DAYS) else {
                continue;
            };
            for unit in regime.reporting_units(engine, period) {
                let state = book.state(regime.id, unit, period);
                if matches!(state, State::Draft)
                    && grants.iter().any(|g| answers_for(engine, g, unit))
                {
                    items.push(Item::ReportDue {
                        regime: regime.id,
                        unit,
                        period,
                        due,
                        urgency,
                    });
                }
            }
        }
    }
}

fn reports_sent_back_or_sent(engine: &Engine, grants: &[Grant], items: &mut Vec<Item>) {
    let book = engine.reporting();
    for submission in book.submissions() {
        let (regime, unit, period) = (submission.regime, submission.unit, submission.period);
        match submission.state {
            State::Returned | State::Reopened
                if grants.iter().any(|g| answers_for(engine, g, unit)) =>
            {
                items.push(Item::ReportReturned {
                    regime,
                    unit,
                    period,
                    state: submission.state,
                    reason: submission.pending_reason().unwrap_or_default().to_owned(),
                    due: book.regime(regime).and_then(|r| r.deadline(period)),
                });
            }
            State::Submitted if grants.iter().any(|g| decides_for(engine, g, unit)) => {
                items.push(Item::ReportToDecide {
                    regime,
                    unit,
                    period,
                    sent_on: submission
                        .last_submitted()
                        .map(|s| s.provenance.recorded_at.date()),
                });
            }
            _ => {}
        }
    }
}

fn tasks_due(engine: &Engine, grants: &[Grant], today: time::Date, items: &mut Vec<Item>) {
    let book = engine.follow_up();
    let views = book.tasks_where(today, |t| {
        grants.iter().any(|g| answers_for(engine, g, t.lead))
    });
    for view in views {
        let open = matches!(
            view.status,
            TaskStatus::Overdue | TaskStatus::NotStarted | TaskStatus::InProgress
        );
        let Some(due) = view.task.due.filter(|_| open) else {
            continue;
        };
        if let Some(urgency) = urgency(due, today, REMIND_DAYS) {
            items.push(Item::TaskDue {
                task: view.task.id,
                unit: view.task.lead,
                due,
                urgency,
            });
        }
    }
}

fn recommendations_due(
    engine: &Engine,
    grants: &[Grant],
    today: time::Date,
    items: &mut Vec<Item>,
) {
    let book = engine.follow_up();
    for recommendation in book.recommendations() {
        if !grants
            .iter()
            .any(|g| answers_for(engine, g, recommendation.to))
        {
            continue;
        }
        let (_, due, status) = book.recommendation_state(recommendation, today);
        let open = matches!(
            status,
            RecommendationStatus::Pending | RecommendationStatus::Overdue
        );
        let Some(due) = due.filter(|_| open) else {
            continue;
        };
        if let Some(urgency) = urgency(due, today, REMIND_DAYS) {
            items.push(Item::RecommendationDue {
                recommendation: recommendation.id,
                unit: recommendation.to,
                due,
                urgency,
            });
        }
    }
}

/// Everything due for someone holding `grants` on `today`: overdue first, then what was sent
/// back, then by deadline, and the decisions to take last.
pub fn inbox(engine: &Engine, grants: &[Grant], today: time::Date) -> Vec<Item> {
    let grants: Vec<Grant> = grants
        .iter()
        .copied()
        .filter(|g| !matches!(g.role, Role::Admin | Role::Viewer))
        .collect();
    // Most pages are read by people with nothing to answer for: nothing to scan.
    if grants.is_empty() {
        return Vec::new();
    }
    let mut items = Vec::new();
    reports_due(engine, &grants, today, &mut items);
    reports_sent_back_or_sent(engine, &grants, &mut items);
    tasks_due(engine, &grants, today, &mut items);
    recommendations_due(engine, &grants, today, &mut items);
    items.sort_by_key(Item::order);
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, DocumentKey, DocumentType, Horizon};
    use crate::follow_up::{Answer, FollowUp, Recommendation, Task, TaskOrigin, TaskUpdate};
    use crate::indicator::{AcrossUnits, Direction, Indicator, IndicatorCode, OverTime};
    use crate::org::{Unit, UnitCode, UnitKind};
    use crate::reporting::{Action, Frequency, RegimeCode, Reporters, Reporting, Step};
    use crate::text::Translations;
    use crate::{DocumentId, IndicatorId, Provenance, Record, StepId};
    use proptest::prelude::*;
    use time::macros::date;

    fn provenance() -> Provenance {
        Provenance {
            source: "test".into(),
            recorded_by: "test".into(),
            recorded_at: time::OffsetDateTime::UNIX_EPOCH,
        }
    }

    fn unit(id: u32, code: &str, kind: UnitKind, parent: Option<u32>) -> Record {
        Record::Unit(Unit {
            id: UnitId(id),
            code: UnitCode::parse(code).expect("code"),
            kind,
            name: Translations::vi(code),
            parent: parent.map(UnitId),
            valid_from: None,
            valid_to: None,
            provenance: provenance(),
        })
    }

    /// Province 40, its People's Committee (2) and two departments (3, 4) under a monthly
    /// regime due 5 days after the 14th (the 19th); a task led by the committee with 3, due
    /// 30 June 2026, and a recommendation to the committee received 1 June 2026 with 15 days
    /// (due 16 June).
    fn records() -> Vec<Record> {
        vec![
            unit(1, "40", UnitKind::Locality, None),
            unit(2, "40-UBND", UnitKind::PeoplesCommittee, Some(1)),
            unit(3, "40-SCT", UnitKind::Department, Some(2)),
            unit(4, "40-SYT", UnitKind::Department, Some(2)),
            Record::Indicator(Indicator {
                id: IndicatorId(1),
                code: IndicatorCode::parse("RETAIL").expect("code"),
                name: Translations::vi("Bán lẻ"),
                measure: Translations::default(),
                decimals: 0,
                direction: Direction::HigherIsBetter,
                across_units: AcrossUnits::Sum,
                over_time: OverTime::Flow,
                same_period_base: None,
                provenance: provenance(),
            }),
            Record::Document(Document {
                id: DocumentId(1),
                key: DocumentKey::parse("QD-1").expect("key"),
                number: None,
                doc_type: DocumentType::Decision,
                issued_by: UnitId(2),
                issued_on: None,
                title: Translations::vi("Quyết định"),
                horizon: Horizon::default(),
                provenance: provenance(),
            }),
            Record::Reporting(Reporting::Regime(Regime {
                id: RegimeId(1),
                code: RegimeCode::parse("THANG").expect("code"),
                name: Translations::vi("Báo cáo tháng"),
                document: DocumentId(1),
                indicators: vec![IndicatorId(1)],
                reporters: Reporters::KindUnder {
                    kind: UnitKind::Department,
                    under: UnitId(1),
                },
                frequency: Frequency::Monthly,
                recipient: UnitId(2),
                holds_after: crate::ObservationId(0),
                deadline_days: 5,
                provenance: provenance(),
            })),
            Record::FollowUp(FollowUp::Task(Task {
                id: FollowUpId(10),
                title: "Giải ngân".into(),
                origin: TaskOrigin::Document {
                    document: DocumentId(1),
                },
                lead: UnitId(2),
                co_owners: vec![UnitId(3)],
                due: Some(date!(2026 - 06 - 30)),
                provenance: provenance(),
            })),
            Record::FollowUp(FollowUp::Recommendation(Recommendation {
                id: FollowUpId(11),
                from: UnitId(1),
                to: UnitId(2),
                received: date!(2026 - 06 - 01),
                limit_days: 15,
                text: "Xem xét".into(),
                session: None,
                provenance: provenance(),
            })),
        ]
    }

    /// The base records, then `more` one by one, as writes come after the tree is numbered.
    fn engine_with(more: Vec<Record>) -> Engine {
        let mut engine = Engine::from_records(records()).expect("engine");
        for record in more {
            engine.apply(record).expect("record");
        }
        engine
    }

    fn step(id: u32, unit: u32, period: &str, action: Action) -> Record {
        Record::Reporting(Reporting::Step(Step {
            id: StepId(id),
            regime: RegimeId(1),
            unit: UnitId(unit),
            period: period.parse().expect("period"),
            action,
            provenance: provenance(),
        }))
    }

    fn submit() -> Action {
        Action::Submit {
            explanations: Vec::new(),
        }
    }

    /// The reports of March and April 2026, sent and approved: nothing older is due in May.
    fn approved_until_april() -> Vec<Record> {
        let mut steps = Vec::new();
        for (i, (unit, month)) in [
            (3, "2026-03"),
            (4, "2026-03"),
            (3, "2026-04"),
            (4, "2026-04"),
        ]
        .into_iter()
        .enumerate()
        {
            let id = 100 + 2 * u32::try_from(i).expect("few");
            steps.push(step(id, unit, month, submit()));
            steps.push(step(
                id + 1,
                unit,
                month,
                Action::Approve {
                    through: crate::ObservationId(u64::MAX),
                },
            ));
        }
        steps
    }

    fn kinds(items: &[Item]) -> Vec<(&'static str, u32)> {
        items.iter().map(|i| (i.kind(), i.unit().0)).collect()
    }

    #[test]
    fn urgency_starts_three_days_before_and_stays_after() {
        let due = date!(2026 - 06 - 30);
        let on = |d| urgency(due, d, REMIND_DAYS);
        assert_eq!(on(date!(2026 - 06 - 26)), None);
        assert_eq!(on(date!(2026 - 06 - 27)), Some(Urgency::Soon(3)));
        assert_eq!(on(date!(2026 - 06 - 29)), Some(Urgency::Soon(1)));
        assert_eq!(on(date!(2026 - 06 - 30)), Some(Urgency::Today));
        assert_eq!(on(date!(2026 - 07 - 01)), Some(Urgency::Overdue(1)));
        // Across a year's end.
        let due = date!(2026 - 12 - 31);
        assert_eq!(
            urgency(due, date!(2027 - 01 - 02), REMIND_DAYS),
            Some(Urgency::Overdue(2))
        );
        assert_eq!(
            urgency(due, date!(2026 - 12 - 28), REMIND_DAYS),
            Some(Urgency::Soon(3))
        );
    }

    proptest! {
        #[test]
        fn urgency_is_shown_exactly_from_lead_days_before(offset in -400i64..400, lead in 0u16..30) {
            let due = date!(2026 - 03 - 01);
            let today = due - time::Duration::days(offset);
            let shown = urgency(due, today, lead);
            prop_assert_eq!(shown.is_some(), offset <= i64::from(lead));
            match shown {
                Some(Urgency::Overdue(d)) => prop_assert_eq!(i64::from(d), -offset),
                Some(Urgency::Today) => prop_assert_eq!(offset, 0),
                Some(Urgency::Soon(d)) => prop_assert_eq!(i64::from(d), offset),
                None => prop_assert!(offset > i64::from(lead)),
            }
        }
    }

    #[test]
    fn a_reporter_sees_its_units_reports_from_three_days_before_the_deadline() {
        let engine = engine_with(approved_until_april());
        let reporter = [Grant::over(Role::Reporter, UnitId(3))];
        // May 2026 closes on 14 May, due on the 19th.
        assert!(inbox(&engine, &reporter, date!(2026 - 05 - 15)).is_empty());
        let items = inbox(&engine, &reporter, date!(2026 - 05 - 16));
        assert_eq!(
            items,
            vec![Item::ReportDue {
                regime: RegimeId(1),
                unit: UnitId(3),
                period: "2026-05".parse().expect("period"),
                due: date!(2026 - 05 - 19),
                urgency: Urgency::Soon(3),
            }]
        );
        let on_the_day = inbox(&engine, &reporter, date!(2026 - 05 - 19));
        assert!(matches!(
            on_the_day[0],
            Item::ReportDue {
                urgency: Urgency::Today,
                ..
            }
        ));
        let late = inbox(&engine, &reporter, date!(2026 - 05 - 20));
        assert!(matches!(
            late[0],
            Item::ReportDue {
                urgency: Urgency::Overdue(1),
                ..
            }
        ));
        // A reporter over the committee answers for both departments.
        let both = [Grant::over(Role::Reporter, UnitId(2))];
        assert_eq!(
            kinds(&inbox(&engine, &both, date!(2026 - 05 - 19))),
            vec![("report_due", 3), ("report_due", 4)]
        );
    }

    #[test]
    fn a_report_sent_leaves_the_senders_inbox_and_enters_the_deciders() {
        let mut steps = approved_until_april();
        steps.push(step(20, 3, "2026-05", submit()));
        let engine = engine_with(steps);
        let today = date!(2026 - 05 - 19);
        let reporter = [Grant::over(Role::Reporter, UnitId(3))];
        assert!(inbox(&engine, &reporter, today).is_empty());
        let supervisor = [Grant::over(Role::Supervisor, UnitId(2))];
        assert_eq!(
            kinds(&inbox(&engine, &supervisor, today)),
            vec![("report_to_decide", 3)]
        );
        // The department's own office does not decide on its own report, and the
        // administrator's grant puts nothing in an inbox.
        assert!(inbox(&engine, &[Grant::over(Role::Office, UnitId(3))], today).is_empty());
        assert!(inbox(&engine, &[Grant::everywhere(Role::Admin)], today).is_empty());
        assert!(inbox(&engine, &[Grant::over(Role::Viewer, UnitId(1))], today).is_empty());
    }

    #[test]
    fn a_returned_report_shows_its_reason_to_its_unit() {
        let engine = engine_with(vec![
            step(20, 3, "2026-05", submit()),
            step(
                21,
                3,
                "2026-05",
                Action::Return {
                    reason: "Thiếu số liệu tháng".into(),
                },
            ),
        ]);
        // Long after the deadline, a returned report is still in the inbox (after the reports
        // of the summer, overdue).
        let items = inbox(
            &engine,
            &[Grant::over(Role::Office, UnitId(3))],
            date!(2026 - 09 - 01),
        );
        assert_eq!(
            kinds(&items),
            vec![("report_due", 3), ("report_due", 3), ("report_returned", 3)]
        );
        assert_eq!(
            items[2..],
            vec![Item::ReportReturned {
                regime: RegimeId(1),
                unit: UnitId(3),
                period: "2026-05".parse().expect("period"),
                state: State::Returned,
                reason: "Thiếu số liệu tháng".into(),
                due: Some(date!(2026 - 05 - 19)),
            }]
        );
        let supervisor = [Grant::over(Role::Supervisor, UnitId(2))];
        assert!(inbox(&engine, &supervisor, date!(2026 - 09 - 01)).is_empty());
    }

    #[test]
    fn an_approved_report_is_nobodys_until_reopened() {
        let mut steps = approved_until_april();
        steps.push(step(20, 3, "2026-05", submit()));
        steps.push(step(
            21,
            3,
            "2026-05",
            Action::Approve {
                through: crate::ObservationId(u64::MAX),
            },
        ));
        let reporter = [Grant::over(Role::Reporter, UnitId(3))];
        let today = date!(2026 - 05 - 19);
        assert!(inbox(&engine_with(steps.clone()), &reporter, today).is_empty());
        steps.push(step(
            22,
            3,
            "2026-05",
            Action::Reopen {
                reason: "Sửa".into(),
            },
        ));
        assert_eq!(
            kinds(&inbox(&engine_with(steps), &reporter, today)),
            vec![("report_returned", 3)]
        );
    }

    #[test]
    fn tasks_and_recommendations_enter_three_days_before_and_leave_when_done() {
        let engine = engine_with(Vec::new());
        // The committee's office answers for what the committee leads; it sends no reports.
        let lead = [Grant::over(Role::Office, UnitId(2))];
        assert!(inbox(&engine, &lead, date!(2026 - 06 - 12)).is_empty());
        // The recommendation to the committee is due on 16 June.
        assert_eq!(
            kinds(&inbox(&engine, &lead, date!(2026 - 06 - 13))),
            vec![("recommendation_due", 2)]
        );
        assert!(matches!(
            inbox(&engine, &lead, date!(2026 - 06 - 16))[0],
            Item::RecommendationDue {
                urgency: Urgency::Today,
                ..
            }
        ));
        // The task, due 30 June, from the 27th; the recommendation is overdue by then.
        assert_eq!(
            kinds(&inbox(&engine, &lead, date!(2026 - 06 - 26))),
            vec![("recommendation_due", 2)]
        );
        assert_eq!(
            kinds(&inbox(&engine, &lead, date!(2026 - 06 - 27))),
            vec![("recommendation_due", 2), ("task_due", 2)]
        );
        // The co-owner (3) is not reminded of a task it does not lead.
        let co_owner = [Grant::over(Role::Office, UnitId(3))];
        assert!(
            inbox(&engine, &co_owner, date!(2026 - 06 - 30))
                .iter()
                .all(|i| i.kind() == "report_due")
        );
        let done = engine_with(vec![
            Record::FollowUp(FollowUp::TaskUpdate(TaskUpdate {
                id: FollowUpId(12),
                task: FollowUpId(10),
                on: date!(2026 - 06 - 28),
                text: "Xong".into(),
                percent: Some(100),
                done: true,
                evidence: Vec::new(),
                provenance: provenance(),
            })),
            Record::FollowUp(FollowUp::Answer(Answer {
                id: FollowUpId(13),
                recommendation: FollowUpId(11),
                on: date!(2026 - 06 - 20),
                text: "Đã xem xét".into(),
                provenance: provenance(),
            })),
        ]);
        assert!(inbox(&done, &lead, date!(2026 - 07 - 01)).is_empty());
        // Before the update's day the task was still due.
        assert_eq!(
            kinds(&inbox(&done, &lead, date!(2026 - 06 - 27))),
            vec![("task_due", 2)]
        );
    }

    #[test]
    fn overdue_comes_first_and_decisions_last() {
        let engine = engine_with(vec![
            step(20, 4, "2026-06", submit()),
            step(
                21,
                4,
                "2026-06",
                Action::Approve {
                    through: crate::ObservationId(u64::MAX),
                },
            ),
            step(22, 4, "2026-05", submit()),
        ]);
        // An office over the province decides on 4's May report; a reporter over the
        // committee answers for 3's unsent May and June reports (due on the 19th), the task the
        // committee leads (due 30 June) and the recommendation to it (due 16 June): all overdue
        // on 2 July, by deadline.
        let grants = [
            Grant::over(Role::Reporter, UnitId(2)),
            Grant::over(Role::Office, UnitId(1)),
        ];
        let items = inbox(&engine, &grants, date!(2026 - 07 - 02));
        assert_eq!(
            kinds(&items),
            vec![
                ("report_due", 3),
                ("recommendation_due", 2),
                ("report_due", 3),
                ("task_due", 2),
                ("report_to_decide", 4)
            ]
        );
        let dues: Vec<_> = items.iter().map(Item::due).collect();
        assert_eq!(
            dues,
            vec![
                Some(date!(2026 - 05 - 19)),
                Some(date!(2026 - 06 - 16)),
                Some(date!(2026 - 06 - 19)),
                Some(date!(2026 - 06 - 30)),
                None
            ]
        );
        assert!(matches!(
            items[3],
            Item::TaskDue {
                urgency: Urgency::Overdue(2),
                ..
            }
        ));
    }
}
