//! Submissions: a unit's report for one regime and period, and the steps it goes through.
//!
//! A submission is never stored as a row that changes: each step (submit, approve, return,
//! reopen) is an append-only record, and the state is the fold of the steps, like a cell's
//! current value is the fold of its observations. The rules of which step may follow which are
//! here, once, and checked by the engine for every path that writes a step.

use serde::{Deserialize, Serialize};

use crate::period::Period;
use crate::{IndicatorId, ObservationId, Provenance, RegimeId, StepId, UnitId};

use super::Regime;

/// Where a submission stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Nothing sent yet: the unit is entering its figures.
    Draft,
    /// Sent to the unit above, waiting for its decision. Figures are frozen meanwhile, so
    /// what is approved is what was sent.
    Submitted,
    /// Sent back with a reason, to be corrected and sent again.
    Returned,
    /// Approved by the unit above: the figures are published and locked.
    Approved,
    /// Opened again by the approver, with a reason, to be corrected and sent again.
    Reopened,
}

impl State {
    pub const ALL: [State; 5] = [
        State::Draft,
        State::Submitted,
        State::Returned,
        State::Approved,
        State::Reopened,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Submitted => "submitted",
            State::Returned => "returned",
            State::Approved => "approved",
            State::Reopened => "reopened",
        }
    }

    /// Whether the unit's figures for the period may not change.
    pub fn is_locked(self) -> bool {
        matches!(self, State::Submitted | State::Approved)
    }

    /// Whether the unit may send it (again).
    pub fn may_submit(self) -> bool {
        matches!(self, State::Draft | State::Returned | State::Reopened)
    }

    /// The state after `action`, or why it cannot be taken from here.
    pub fn after(self, action: &Action) -> Result<State, StepError> {
        let next = match (self, action) {
            (from, Action::Submit { .. }) if from.may_submit() => State::Submitted,
            (State::Submitted, Action::Approve { .. }) => State::Approved,
            (State::Submitted, Action::Return { .. }) => State::Returned,
            (State::Approved, Action::Reopen { .. }) => State::Reopened,
            (from, action) => {
                return Err(StepError::NotFrom {
                    from,
                    action: action.name(),
                });
            }
        };
        Ok(next)
    }
}

/// What an outlier's reporter said about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub indicator: IndicatorId,
    pub text: String,
}

/// One step of a submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// The reporting unit sends its figures, explaining the figures that stand out.
    Submit { explanations: Vec<Explanation> },
    /// Publishes the unit's figures recorded up to `through` (the last figure recorded when
    /// it was approved): a report reopened later keeps them published while its corrections
    /// wait for the next approval.
    Approve {
        #[serde(default = "everything")]
        through: ObservationId,
    },
    /// Sent back to the unit, saying why.
    Return { reason: String },
    /// An approved report opened again by its approver, saying why.
    Reopen { reason: String },
}

impl Action {
    /// The stable name, for the audit trail and messages.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Submit { .. } => "submit",
            Action::Approve { .. } => "approve",
            Action::Return { .. } => "return",
            Action::Reopen { .. } => "reopen",
        }
    }

    /// Whether the unit above takes it (approve, return, reopen), not the reporting unit.
    pub fn is_decision(&self) -> bool {
        !matches!(self, Action::Submit { .. })
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            Action::Return { reason } | Action::Reopen { reason } => Some(reason),
            _ => None,
        }
    }
}

/// Approvals recorded before they named the figures they publish published everything the
/// report held, as every figure was published as soon as it was recorded.
fn everything() -> ObservationId {
    ObservationId(u64::MAX)
}

/// One step of a unit's submission for a regime and period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub id: StepId,
    pub regime: RegimeId,
    pub unit: UnitId,
    pub period: Period,
    #[serde(flatten)]
    pub action: Action,
    pub provenance: Provenance,
}

/// Why a step cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StepError {
    #[error("a report that is {} cannot be given the step {action}", .from.as_str())]
    NotFrom { from: State, action: &'static str },
    #[error("a reason is needed")]
    NoReason,
    #[error("an explanation is empty")]
    EmptyExplanation,
}

/// A unit's submission for one regime and period, as its steps made it.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub regime: RegimeId,
    pub unit: UnitId,
    pub period: Period,
    pub state: State,
    /// Every step, oldest first.
    pub steps: Vec<Step>,
}

impl Submission {
    pub fn new(regime: RegimeId, unit: UnitId, period: Period) -> Submission {
        Submission {
            regime,
            unit,
            period,
            state: State::Draft,
            steps: Vec::new(),
        }
    }

    /// Checks a step against the state it would follow.
    pub fn check(&self, action: &Action) -> Result<State, StepError> {
        match action {
            Action::Return { reason } | Action::Reopen { reason } if reason.trim().is_empty() => {
                return Err(StepError::NoReason);
            }
            Action::Submit { explanations }
                if explanations.iter().any(|e| e.text.trim().is_empty()) =>
            {
                return Err(StepError::EmptyExplanation);
            }
            _ => {}
        }
        self.state.after(action)
    }

    /// Applies a step already checked.
    pub fn push(&mut self, step: Step) {
        if let Ok(next) = self.state.after(&step.action) {
            self.state = next;
        }
        self.steps.push(step);
    }

    /// When it was first sent: what its timeliness is judged by, since a report returned for
    /// correction was still sent on that day.
    pub fn first_submitted(&self) -> Option<&Step> {
        self.steps
            .iter()
            .find(|s| matches!(s.action, Action::Submit { .. }))
    }

    /// The last step that sent it.
    pub fn last_submitted(&self) -> Option<&Step> {
        self.steps
            .iter()
            .rev()
            .find(|s| matches!(s.action, Action::Submit { .. }))
    }

    /// The last step taken.
    pub fn last_step(&self) -> Option<&Step> {
        self.steps.last()
    }

    /// Why it was last returned or reopened, while it waits for correction.
    pub fn pending_reason(&self) -> Option<&str> {
        matches!(self.state, State::Returned | State::Reopened)
            .then(|| self.last_step().and_then(|s| s.action.reason()))
            .flatten()
    }

    /// The explanation given with the last submission for an indicator's figure.
    pub fn explanation(&self, indicator: IndicatorId) -> Option<&str> {
        match &self.last_submitted()?.action {
            Action::Submit { explanations } => explanations
                .iter()
                .find(|e| e.indicator == indicator)
                .map(|e| e.text.as_str()),
            _ => None,
        }
    }

    /// Whether its figures are published: only while approved, since a reopened report's
    /// figures may change.
    pub fn is_published(&self) -> bool {
        self.state == State::Approved
    }

    /// The last figure its approvals published, if it was ever approved: figures recorded up
    /// to it are published even while the report is reopened.
    pub fn published_through(&self) -> Option<ObservationId> {
        self.steps
            .iter()
            .filter_map(|s| match s.action {
                Action::Approve { through } => Some(through),
                _ => None,
            })
            .max()
    }

    /// Whether it was sent by the regime's deadline for its period.
    pub fn timeliness(&self, regime: &Regime) -> Timeliness {
        match (self.first_submitted(), regime.deadline(self.period)) {
            (None, _) => Timeliness::Missing,
            (Some(step), Some(deadline)) if step.provenance.recorded_at.date() > deadline => {
                Timeliness::Late
            }
            (Some(_), _) => Timeliness::OnTime,
        }
    }
}

/// Whether a unit's report came by the deadline (DHIS2's "on time" reporting rate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Timeliness {
    OnTime,
    Late,
    Missing,
}

impl Timeliness {
    pub fn as_str(self) -> &'static str {
        match self {
            Timeliness::OnTime => "on_time",
            Timeliness::Late => "late",
            Timeliness::Missing => "missing",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn submit() -> Action {
        Action::Submit {
            explanations: Vec::new(),
        }
    }

    fn approve() -> Action {
        Action::Approve {
            through: ObservationId(1),
        }
    }

    fn reason(text: &str) -> String {
        text.to_owned()
    }

    #[test]
    fn the_cycle_runs_draft_submitted_approved() {
        let s = State::Draft.after(&submit()).expect("submit");
        assert_eq!(s, State::Submitted);
        assert_eq!(s.after(&approve()), Ok(State::Approved));
    }

    #[test]
    fn a_returned_report_is_corrected_and_sent_again() {
        let returned = State::Submitted
            .after(&Action::Return {
                reason: reason("thiếu số liệu"),
            })
            .expect("return");
        assert_eq!(returned, State::Returned);
        assert!(!returned.is_locked());
        assert_eq!(returned.after(&submit()), Ok(State::Submitted));
    }

    #[test]
    fn an_approved_report_is_locked_until_reopened() {
        assert!(State::Approved.is_locked());
        assert!(State::Submitted.is_locked());
        assert!(State::Approved.after(&submit()).is_err());
        let reopened = State::Approved
            .after(&Action::Reopen {
                reason: reason("sai số"),
            })
            .expect("reopen");
        assert!(!reopened.is_locked());
        assert_eq!(reopened.after(&submit()), Ok(State::Submitted));
    }

    #[test]
    fn steps_out_of_order_are_refused() {
        assert!(State::Draft.after(&approve()).is_err());
        assert!(State::Submitted.after(&submit()).is_err());
        assert!(
            State::Draft
                .after(&Action::Reopen {
                    reason: reason("x")
                })
                .is_err()
        );
        assert!(
            State::Returned
                .after(&Action::Return {
                    reason: reason("x")
                })
                .is_err()
        );
        assert!(State::Reopened.after(&approve()).is_err());
    }

    #[test]
    fn returning_and_reopening_need_a_reason() {
        let mut s = Submission::new(RegimeId(1), UnitId(1), "2024-05".parse().expect("p"));
        s.state = State::Submitted;
        assert_eq!(
            s.check(&Action::Return {
                reason: reason("  ")
            }),
            Err(StepError::NoReason)
        );
        let explained = Action::Submit {
            explanations: vec![Explanation {
                indicator: IndicatorId(1),
                text: " ".into(),
            }],
        };
        s.state = State::Draft;
        assert_eq!(s.check(&explained), Err(StepError::EmptyExplanation));
    }
}
