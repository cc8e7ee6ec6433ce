//! The book of reporting records the engine keeps: regimes and the submissions their steps
//! make, each step checked against the regime and the state it follows.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{Regime, RegimeCode, State, Step, StepError, Submission};
use crate::period::Period;
use crate::{Engine, IndicatorId, Provenance, RegimeId, UnitId};

/// A record of the reporting cycle: a regime, or a step of a submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "snake_case")]
pub enum Reporting {
    Regime(Regime),
    Step(Step),
}

impl Reporting {
    /// Its id in the one sequence regimes and steps share.
    pub fn id(&self) -> u32 {
        match self {
            Reporting::Regime(r) => r.id.0,
            Reporting::Step(s) => s.id.0,
        }
    }

    /// The stable name of the kind, for the store and the audit trail.
    pub fn kind(&self) -> &'static str {
        match self {
            Reporting::Regime(_) => "regime",
            Reporting::Step(_) => "submission_step",
        }
    }

    pub fn provenance(&self) -> &Provenance {
        match self {
            Reporting::Regime(r) => &r.provenance,
            Reporting::Step(s) => &s.provenance,
        }
    }

    /// The units it touches: who must be in a writer's scope. A step touches its reporting
    /// unit only: the unit sends its own report, and the unit above decides on it wherever
    /// the regime sends reports (a supervisor over a department may return its report).
    pub fn units(&self) -> Vec<UnitId> {
        match self {
            Reporting::Regime(r) => r.units_referred(),
            Reporting::Step(s) => vec![s.unit],
        }
    }
}

/// Why a reporting record cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportingError {
    #[error("record {0} exists already")]
    DuplicateId(u32),
    #[error("a regime with code {0} exists already")]
    DuplicateCode(RegimeCode),
    #[error("regime {0} does not exist")]
    UnknownRegime(RegimeId),
    #[error("a regime names at least one indicator")]
    NoIndicators,
    #[error("a regime names at least one reporting unit")]
    NoReporters,
    #[error("{period} is not a reporting period of this regime")]
    NotAPeriod { period: Period },
    #[error("unit {unit} does not report under this regime for {period}")]
    NotAReporter { unit: UnitId, period: Period },
    #[error(transparent)]
    Step(#[from] StepError),
}

#[derive(Debug, Clone, Default)]
pub struct ReportingBook {
    regimes: BTreeMap<RegimeId, Regime>,
    by_code: HashMap<RegimeCode, RegimeId>,
    submissions: HashMap<(RegimeId, UnitId, Period), Submission>,
    /// The largest id of a regime or a step.
    last_id: u32,
}

impl ReportingBook {
    /// Checks a record against the book and the engine's tree and indicators.
    pub fn check(&self, engine: &Engine, record: &Reporting) -> Result<(), crate::EngineError> {
        let id = record.id();
        if id <= self.last_id && self.has_id(id) {
            return Err(ReportingError::DuplicateId(id).into());
        }
        match record {
            Reporting::Regime(r) => self.check_regime(engine, r),
            Reporting::Step(s) => self.check_step(engine, s).map_err(Into::into),
        }
    }

    fn has_id(&self, id: u32) -> bool {
        self.regimes.contains_key(&RegimeId(id))
            || self
                .submissions
                .values()
                .any(|s| s.steps.iter().any(|step| step.id.0 == id))
    }

    fn check_regime(&self, engine: &Engine, regime: &Regime) -> Result<(), crate::EngineError> {
        use crate::EngineError;
        if self.by_code.contains_key(&regime.code) {
            return Err(ReportingError::DuplicateCode(regime.code.clone()).into());
        }
        if engine.document(regime.document).is_none() {
            return Err(EngineError::UnknownDocument(regime.document));
        }
        if regime.indicators.is_empty() {
            return Err(ReportingError::NoIndicators.into());
        }
        if let Some(i) = regime
            .indicators
            .iter()
            .find(|i| engine.indicator(**i).is_none())
        {
            return Err(EngineError::UnknownIndicator(*i));
        }
        if matches!(&regime.reporters, super::Reporters::Units { units } if units.is_empty()) {
            return Err(ReportingError::NoReporters.into());
        }
        match regime
            .units_referred()
            .into_iter()
            .find(|u| engine.unit(*u).is_none())
        {
            Some(unit) => Err(EngineError::UnknownUnit(unit)),
            None => Ok(()),
        }
    }

    fn check_step(&self, engine: &Engine, step: &Step) -> Result<(), ReportingError> {
        let regime = self
            .regime(step.regime)
            .ok_or(ReportingError::UnknownRegime(step.regime))?;
        if !regime.has_period(step.period) {
            return Err(ReportingError::NotAPeriod {
                period: step.period,
            });
        }
        if !regime
            .reporting_units(engine, step.period)
            .contains(&step.unit)
        {
            return Err(ReportingError::NotAReporter {
                unit: step.unit,
                period: step.period,
            });
        }
        self.submission_or_draft(step.regime, step.unit, step.period)
            .check(&step.action)?;
        Ok(())
    }

    /// Applies a checked record.
    pub fn insert(&mut self, record: Reporting) {
        self.last_id = self.last_id.max(record.id());
        match record {
            Reporting::Regime(r) => {
                self.by_code.insert(r.code.clone(), r.id);
                self.regimes.insert(r.id, r);
            }
            Reporting::Step(s) => self
                .submissions
                .entry((s.regime, s.unit, s.period))
                .or_insert_with(|| Submission::new(s.regime, s.unit, s.period))
                .push(s),
        }
    }

    /// The next free id of a regime or a step.
    pub fn next_id(&self) -> u32 {
        self.last_id + 1
    }

    pub fn regime(&self, id: RegimeId) -> Option<&Regime> {
        self.regimes.get(&id)
    }

    pub fn regime_by_code(&self, code: &RegimeCode) -> Option<&Regime> {
        self.by_code.get(code).and_then(|id| self.regimes.get(id))
    }

    /// Every regime, in the order they were recorded.
    pub fn regimes(&self) -> impl Iterator<Item = &Regime> {
        self.regimes.values()
    }

    pub fn submission(
        &self,
        regime: RegimeId,
        unit: UnitId,
        period: Period,
    ) -> Option<&Submission> {
        self.submissions.get(&(regime, unit, period))
    }

    /// The submission, or a draft with no steps when the unit has sent nothing yet.
    pub fn submission_or_draft(
        &self,
        regime: RegimeId,
        unit: UnitId,
        period: Period,
    ) -> Submission {
        self.submission(regime, unit, period)
            .cloned()
            .unwrap_or_else(|| Submission::new(regime, unit, period))
    }

    /// Every submission with at least one step.
    pub fn submissions(&self) -> impl Iterator<Item = &Submission> {
        self.submissions.values()
    }

    /// The regimes that ask for an indicator.
    pub fn regimes_of(&self, indicator: IndicatorId) -> impl Iterator<Item = &Regime> {
        self.regimes
            .values()
            .filter(move |r| r.indicators.contains(&indicator))
    }

    /// The submissions under which a unit's figure for (indicator, period) is reported: those
    /// of every regime asking for the indicator whose period holds the figure's period.
    pub fn covering(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> impl Iterator<Item = (&Regime, Option<&Submission>)> {
        self.regimes_of(indicator).filter_map(move |regime| {
            let holding = regime.frequency.period_of_month(period.start())?;
            holding.covers(period).then(|| {
                let submission = self.submission(regime.id, unit, holding);
                (regime, submission)
            })
        })
    }

    /// The submission that keeps a figure from changing: sent or approved, under a regime
    /// asking for its indicator, for a period that holds the figure's.
    pub fn locking(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> Option<&Submission> {
        self.covering(indicator, unit, period)
            .filter_map(|(_, s)| s)
            .find(|s| s.state.is_locked())
    }

    /// The state of a unit's report, `Draft` when it sent nothing.
    pub fn state(&self, regime: RegimeId, unit: UnitId, period: Period) -> State {
        self.submission(regime, unit, period)
            .map_or(State::Draft, |s| s.state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::{Grant, Role, permits};
    use crate::document::{Document, DocumentKey, DocumentType, Horizon};
    use crate::indicator::{AcrossUnits, Direction, Indicator, IndicatorCode, OverTime};
    use crate::org::{Unit, UnitCode, UnitKind};
    use crate::reporting::{Action, Explanation, Frequency, Reporters};
    use crate::text::Translations;
    use crate::{DocumentId, EngineError, Record, StepId};

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

    /// Province 40 with its People's Committee (2) and two departments (3, 4); an indicator and
    /// the decision that set a monthly regime (id 1) for every department.
    fn engine() -> Engine {
        let mut records = vec![
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
        ];
        records.push(Record::Reporting(Reporting::Regime(Regime {
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
            deadline_days: 5,
            provenance: provenance(),
        })));
        Engine::from_records(records).expect("engine")
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
            explanations: vec![Explanation {
                indicator: IndicatorId(1),
                text: "Tết".into(),
            }],
        }
    }

    #[test]
    fn steps_are_checked_against_the_regime_and_the_state() {
        let mut engine = engine();
        // The People's Committee is not a department: it does not report under the regime.
        assert!(matches!(
            engine.check(&step(2, 2, "2024-05", submit())),
            Err(EngineError::Reporting(ReportingError::NotAReporter { .. }))
        ));
        assert!(matches!(
            engine.check(&step(2, 3, "2024-Q2", submit())),
            Err(EngineError::Reporting(ReportingError::NotAPeriod { .. }))
        ));
        assert!(matches!(
            engine.check(&step(2, 3, "2024-05", Action::Approve)),
            Err(EngineError::Reporting(ReportingError::Step(_)))
        ));
        engine
            .apply(step(2, 3, "2024-05", submit()))
            .expect("submit");
        let book = engine.reporting();
        let period: Period = "2024-05".parse().expect("period");
        assert_eq!(book.state(RegimeId(1), UnitId(3), period), State::Submitted);
        assert_eq!(book.state(RegimeId(1), UnitId(4), period), State::Draft);
        // The sent month's figures are locked; another unit's or another month's are free.
        assert!(book.locking(IndicatorId(1), UnitId(3), period).is_some());
        assert!(book.locking(IndicatorId(1), UnitId(4), period).is_none());
        let june: Period = "2024-06".parse().expect("period");
        assert!(book.locking(IndicatorId(1), UnitId(3), june).is_none());
        assert_eq!(
            book.submission(RegimeId(1), UnitId(3), period)
                .and_then(|s| s.explanation(IndicatorId(1))),
            Some("Tết")
        );
        assert!(matches!(
            engine.check(&step(2, 3, "2024-05", Action::Approve)),
            Err(EngineError::Reporting(ReportingError::DuplicateId(2)))
        ));
        assert_eq!(engine.reporting().next_id(), 3);
        // Department 3 sent on 1 January 1970, long before the deadline of 19 May 2024;
        // department 4 sent nothing. The committee (2) and the province (1) count both.
        let regime = engine
            .reporting()
            .regime(RegimeId(1))
            .expect("regime")
            .clone();
        let c = crate::reporting::completeness(&engine, &regime, period);
        let timeliness: Vec<_> = c.reports.iter().map(|r| (r.unit, r.timeliness)).collect();
        assert_eq!(
            timeliness,
            [
                (UnitId(3), crate::reporting::Timeliness::OnTime),
                (UnitId(4), crate::reporting::Timeliness::Missing)
            ]
        );
        let by_unit: Vec<_> = c
            .by_unit
            .iter()
            .map(|(u, r)| (u.0, r.sent, r.expected))
            .collect();
        assert_eq!(by_unit, [(1, 1, 2), (2, 1, 2), (3, 1, 1), (4, 0, 1)]);
        assert_eq!(c.total.completeness(), Some(50.0));
    }

    #[test]
    fn a_report_sent_after_the_deadline_is_late() {
        let mut engine = engine();
        let mut late = step(2, 4, "2024-05", submit());
        if let Record::Reporting(Reporting::Step(s)) = &mut late {
            // The deadline is 14 May + 5 days: the 20th is one day late.
            s.provenance.recorded_at = time::macros::datetime!(2024-05-20 01:00 UTC);
        }
        engine.apply(late).expect("sent late");
        let mut on_time = step(3, 3, "2024-05", submit());
        if let Record::Reporting(Reporting::Step(s)) = &mut on_time {
            s.provenance.recorded_at = time::macros::datetime!(2024-05-19 16:59 UTC);
        }
        engine.apply(on_time).expect("sent on the last day");
        let regime = engine
            .reporting()
            .regime(RegimeId(1))
            .expect("regime")
            .clone();
        let period = "2024-05".parse().expect("period");
        let c = crate::reporting::completeness(&engine, &regime, period);
        let timeliness: Vec<_> = c.reports.iter().map(|r| r.timeliness).collect();
        use crate::reporting::Timeliness::{Late, OnTime};
        assert_eq!(timeliness, [OnTime, Late]);
        assert_eq!(c.total.timeliness(), Some(50.0));
    }

    #[test]
    fn only_the_unit_above_decides() {
        let mut engine = engine();
        engine
            .apply(step(2, 3, "2024-05", submit()))
            .expect("submit");
        let approve = step(3, 3, "2024-05", Action::Approve);
        let department_office = [Grant::over(Role::Office, UnitId(3))];
        let department_reporter = [Grant::over(Role::Reporter, UnitId(3))];
        let committee_office = [Grant::over(Role::Office, UnitId(2))];
        let supervisor = [Grant::over(Role::Supervisor, UnitId(1))];
        let viewer = [Grant::over(Role::Viewer, UnitId(1))];
        assert!(permits(&engine, &department_office, &approve).is_err());
        assert!(permits(&engine, &department_reporter, &approve).is_err());
        assert!(permits(&engine, &viewer, &approve).is_err());
        assert!(permits(&engine, &committee_office, &approve).is_ok());
        assert!(permits(&engine, &supervisor, &approve).is_ok());
        // The department's reporter sends its own report; a supervisor does not.
        let resend = step(3, 3, "2024-06", submit());
        assert!(permits(&engine, &department_reporter, &resend).is_ok());
        assert!(permits(&engine, &supervisor, &resend).is_err());
        assert!(permits(&engine, &[Grant::over(Role::Reporter, UnitId(4))], &resend).is_err());
    }
}
