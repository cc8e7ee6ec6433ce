//! The book of reporting records the engine keeps: regimes and the submissions their steps
//! make, each step checked against the regime and the state it follows.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{Action, Regime, RegimeCode, State, Step, StepError, Submission};
use crate::observation::ObservationKind;
use crate::period::Period;
use crate::{Engine, IndicatorId, ObservationId, Provenance, RegimeId, UnitId};

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

/// A unit's report: the regime, the unit and the regime's period.
pub type ReportKey = (RegimeId, UnitId, Period);

/// A figure a report holds back until it is approved: what the engine needs to publish it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeldFigure {
    pub id: ObservationId,
    pub indicator: IndicatorId,
    pub unit: UnitId,
    pub period: Period,
    pub kind: ObservationKind,
    pub value: f64,
}

#[derive(Debug, Clone, Default)]
pub struct ReportingBook {
    regimes: BTreeMap<RegimeId, Regime>,
    by_code: HashMap<RegimeCode, RegimeId>,
    submissions: HashMap<ReportKey, Submission>,
    /// Figures of reports not approved yet (or reopened since), held out of the published
    /// figures, oldest first.
    held: HashMap<ReportKey, Vec<HeldFigure>>,
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

    /// Applies a checked record; returns the held figures an approval publishes.
    pub fn insert(&mut self, record: Reporting) -> Vec<HeldFigure> {
        self.last_id = self.last_id.max(record.id());
        match record {
            Reporting::Regime(r) => {
                self.by_code.insert(r.code.clone(), r.id);
                self.regimes.insert(r.id, r);
                Vec::new()
            }
            Reporting::Step(s) => {
                let key = (s.regime, s.unit, s.period);
                let through = match s.action {
                    Action::Approve { through } => Some(through),
                    _ => None,
                };
                self.submissions
                    .entry(key)
                    .or_insert_with(|| Submission::new(s.regime, s.unit, s.period))
                    .push(s);
                through.map_or_else(Vec::new, |through| self.release(key, through))
            }
        }
    }

    /// Takes out the figures of a report recorded up to `through`.
    fn release(&mut self, key: ReportKey, through: ObservationId) -> Vec<HeldFigure> {
        let Some(held) = self.held.get_mut(&key) else {
            return Vec::new();
        };
        let (published, kept) = held.drain(..).partition(|f| f.id <= through);
        *held = kept;
        if held.is_empty() {
            self.held.remove(&key);
        }
        published
    }

    /// The report that holds a figure back from publication, if one does: the first regime
    /// (in the order they were set) that asks for its indicator from its unit for a period
    /// holding its period, set before it was recorded, whose report has not published it.
    /// Figures no regime asks for are published as recorded.
    pub fn holding(&self, engine: &Engine, figure: &HeldFigure) -> Option<ReportKey> {
        let regime = self.regimes_of(figure.indicator).find_map(|regime| {
            let holding = regime.frequency.period_of_month(figure.period.start())?;
            (figure.id > regime.holds_after
                && holding.covers(figure.period)
                && regime.reports(engine, figure.unit, holding))
            .then_some((regime.id, figure.unit, holding))
        })?;
        let published = self
            .submissions
            .get(&regime)
            .and_then(Submission::published_through)
            .is_some_and(|through| figure.id <= through);
        (!published).then_some(regime)
    }

    /// Holds a figure back under a report, found by [`ReportingBook::holding`].
    pub fn hold(&mut self, report: ReportKey, figure: HeldFigure) {
        self.held.entry(report).or_default().push(figure);
    }

    /// Whether a recorded figure is held back, not published yet.
    pub fn is_held(&self, observation: &crate::Observation) -> bool {
        let (indicator, unit, period) =
            (observation.indicator, observation.unit, observation.period);
        self.covering(indicator, unit, period)
            .filter_map(|(regime, _)| {
                let holding = regime.frequency.period_of_month(period.start())?;
                self.held.get(&(regime.id, unit, holding))
            })
            .flatten()
            .any(|f| f.id == observation.id)
    }

    /// Every held figure with the report that holds it, for the pages that show the unit and
    /// the offices over it what waits for approval.
    pub fn awaiting(&self) -> impl Iterator<Item = (ReportKey, &HeldFigure)> {
        self.held
            .iter()
            .flat_map(|(key, figures)| figures.iter().map(move |f| (*key, f)))
    }

    /// Every held figure, for the engine's checkpoint.
    pub fn held(&self) -> impl Iterator<Item = &HeldFigure> {
        self.held.values().flatten()
    }

    /// The figure a unit's reports hold for a cell, not published yet: the one that will be
    /// published, the highest kind recorded last.
    pub fn held_figure(
        &self,
        indicator: IndicatorId,
        unit: UnitId,
        period: Period,
    ) -> Option<&HeldFigure> {
        self.covering(indicator, unit, period)
            .filter_map(|(regime, _)| {
                let holding = regime.frequency.period_of_month(period.start())?;
                self.held.get(&(regime.id, unit, holding))
            })
            .flatten()
            .filter(|f| f.indicator == indicator && f.period == period)
            .max_by_key(|f| (f.kind, f.id))
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
    use crate::observation::ObservationKind;
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
        let mut records = skeleton();
        records.push(Record::Reporting(Reporting::Regime(regime())));
        Engine::from_records(records).expect("engine")
    }

    fn skeleton() -> Vec<Record> {
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
        ]
    }

    fn regime() -> Regime {
        Regime {
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
            holds_after: crate::ObservationId(0),
            provenance: provenance(),
        }
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

    fn approve() -> Action {
        Action::Approve {
            through: crate::ObservationId(u64::MAX),
        }
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
            engine.check(&step(2, 3, "2024-05", approve())),
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
            engine.check(&step(2, 3, "2024-05", approve())),
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
    fn no_report_is_expected_for_a_period_due_before_the_regime_was_set() {
        let mut records = skeleton();
        if let Some(Record::Document(d)) = records.last_mut() {
            d.issued_on = Some(time::macros::date!(2024 - 05 - 20));
        }
        records.push(Record::Reporting(Reporting::Regime(regime())));
        let engine = Engine::from_records(records).expect("engine");
        let regime = engine.reporting().regime(RegimeId(1)).expect("regime");
        // April's reports were due on 19 April, before the decision; May's on 19 May, the day
        // before it, June's after it.
        for (period, expected) in [("2024-04", 0), ("2024-05", 0), ("2024-06", 2)] {
            let period = period.parse().expect("period");
            let c = crate::reporting::completeness(&engine, regime, period);
            assert_eq!(c.total.expected, expected, "{period:?}");
            assert_eq!(c.total.completeness().is_none(), expected == 0);
        }
    }

    #[test]
    fn only_the_unit_above_decides() {
        let mut engine = engine();
        engine
            .apply(step(2, 3, "2024-05", submit()))
            .expect("submit");
        let approve = step(3, 3, "2024-05", approve());
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

    fn figure(id: u64, unit: u32, period: &str, value: f64) -> Record {
        Record::Observation(crate::Observation {
            id: crate::ObservationId(id),
            indicator: IndicatorId(1),
            unit: UnitId(unit),
            period: period.parse().expect("period"),
            value,
            kind: ObservationKind::Official,
            reported_by: None,
            document: None,
            corrects: None,
            note: None,
            provenance: provenance(),
        })
    }

    fn approve_through(id: u64) -> Action {
        Action::Approve {
            through: ObservationId(id),
        }
    }

    fn reopen() -> Action {
        Action::Reopen {
            reason: "sai số".into(),
        }
    }

    /// The published value of department 3's retail sales for May 2024, and the held one.
    fn may(engine: &Engine) -> (Option<f64>, Option<f64>) {
        let period: Period = "2024-05".parse().expect("period");
        (
            engine
                .reported(IndicatorId(1), UnitId(3), period)
                .map(|(.., v)| v),
            engine
                .reporting()
                .held_figure(IndicatorId(1), UnitId(3), period)
                .map(|f| f.value),
        )
    }

    /// The records of a report's cycle: a draft figure, sent and approved, reopened and
    /// corrected, in the order they were recorded.
    fn cycle() -> Vec<Record> {
        vec![
            figure(1, 3, "2024-05", 3200.0),
            step(2, 3, "2024-05", submit()),
            step(3, 3, "2024-05", approve_through(1)),
            step(4, 3, "2024-05", reopen()),
            figure(2, 3, "2024-05", 3300.0),
        ]
    }

    #[test]
    fn figures_are_held_until_approved_and_corrections_until_approved_again() {
        let mut engine = engine();
        let records = cycle();
        engine.apply(records[0].clone()).expect("draft figure");
        assert_eq!(
            may(&engine),
            (None, Some(3200.0)),
            "a draft is not published"
        );
        let Record::Observation(draft) = &records[0] else {
            panic!("a figure");
        };
        assert!(engine.reporting().is_held(draft));
        // The People's Committee reports under no regime: its figure is published as recorded.
        engine
            .apply(figure(9, 2, "2024-05", 1.0))
            .expect("committee");
        let period = "2024-05".parse().expect("period");
        assert!(engine.reported(IndicatorId(1), UnitId(2), period).is_some());
        engine.apply(records[1].clone()).expect("submit");
        assert_eq!(may(&engine), (None, Some(3200.0)), "nor a submission");
        engine.apply(records[2].clone()).expect("approve");
        assert_eq!(may(&engine), (Some(3200.0), None), "an approval publishes");
        assert!(!engine.reporting().is_held(draft));
        engine.apply(records[3].clone()).expect("reopen");
        engine.apply(records[4].clone()).expect("correction");
        assert_eq!(
            may(&engine),
            (Some(3200.0), Some(3300.0)),
            "a reopened report keeps its approved figure while the correction waits"
        );
        engine
            .apply(step(5, 3, "2024-05", submit()))
            .expect("sent again");
        engine
            .apply(step(6, 3, "2024-05", approve_through(2)))
            .expect("approved again");
        assert_eq!(may(&engine), (Some(3300.0), None));
    }

    #[test]
    fn the_store_order_and_the_checkpoint_publish_what_was_published() {
        let mut live = engine();
        live.apply_batch(cycle()).expect("live");
        // The store reads the reporting records before the figures.
        let (steps, figures): (Vec<_>, Vec<_>) = cycle()
            .into_iter()
            .partition(|r| matches!(r, Record::Reporting(_)));
        let mut read = engine();
        read.apply_batch(steps.iter().cloned().chain(figures))
            .expect("read");
        assert_eq!(may(&read), may(&live));
        assert_eq!(read.checkpoint(), live.checkpoint());
        // A checkpoint keeps the held figure; the approval recorded after it publishes it.
        let mut restored = engine();
        restored.apply_batch(steps.clone()).expect("steps");
        for part in live.checkpoint() {
            restored.restore_checkpoint_part(&part).expect("restores");
        }
        assert_eq!(may(&restored), (Some(3200.0), Some(3300.0)));
        let mut later = engine();
        let more = [
            step(5, 3, "2024-05", submit()),
            step(6, 3, "2024-05", approve_through(2)),
        ];
        later
            .apply_batch(steps.into_iter().chain(more))
            .expect("steps");
        for part in live.checkpoint() {
            later.restore_checkpoint_part(&part).expect("restores");
        }
        assert_eq!(may(&later), (Some(3300.0), None));
    }

    #[test]
    fn figures_recorded_before_the_regime_stay_published() {
        // The regime is set after a first figure (id 1) was recorded.
        let mut records = vec![
            figure(1, 3, "2024-05", 3200.0),
            Record::Reporting(Reporting::Regime(Regime {
                holds_after: ObservationId(1),
                ..regime()
            })),
            figure(2, 4, "2024-05", 10.0),
        ];
        let base = Engine::from_records(skeleton()).expect("skeleton");
        let mut live = base.clone();
        live.apply_batch(records.clone()).expect("live");
        let period = "2024-05".parse().expect("period");
        assert!(live.reported(IndicatorId(1), UnitId(3), period).is_some());
        assert!(live.reported(IndicatorId(1), UnitId(4), period).is_none());
        // Read in the store's order (the regime first), the same is published.
        records.rotate_left(1);
        let mut read = base;
        read.apply_batch(records).expect("read");
        assert_eq!(read.checkpoint(), live.checkpoint());
    }

    proptest::proptest! {
        /// Whatever figures and steps two departments record over two months, an engine read
        /// in the store's order (reporting records first), and one restored from a checkpoint
        /// taken at any point and fed the records after it, publish and hold exactly what the
        /// engine that saw them live does.
        #[test]
        fn publication_does_not_depend_on_the_order_records_are_read_in(
            events in proptest::collection::vec((0u8..5, 3u32..=4, 5u8..=6), 0..40),
            cut in 0usize..40,
        ) {
            let mut live = engine();
            let mut records = Vec::new();
            let mut at_cut = None;
            let (mut next_figure, mut next_step) = (1u64, 2u32);
            for (i, (what, unit, month)) in events.into_iter().enumerate() {
                if i == cut {
                    at_cut = Some((live.clone(), records.len()));
                }
                let period = format!("2024-{month:02}");
                let record = match what {
                    0 => {
                        next_figure += 1;
                        figure(next_figure - 1, unit, &period, f64::from(i as u32))
                    }
                    1 => step(next_step, unit, &period, submit()),
                    2 => step(next_step, unit, &period, approve_through(live.last_observation_id())),
                    3 => step(next_step, unit, &period, Action::Return { reason: "x".into() }),
                    _ => step(next_step, unit, &period, reopen()),
                };
                if live.apply(record.clone()).is_ok() {
                    next_step += u32::from(what != 0);
                    records.push(record);
                }
            }
            let (steps, figures): (Vec<_>, Vec<_>) = records
                .iter()
                .cloned()
                .partition(|r| matches!(r, Record::Reporting(_)));
            let mut read = engine();
            read.apply_batch(steps.iter().cloned().chain(figures)).expect("read");
            proptest::prop_assert_eq!(read.checkpoint(), live.checkpoint());
            let (then, done) = at_cut.unwrap_or_else(|| (live.clone(), records.len()));
            // A start from the checkpoint reads every reporting record, the checkpoint, then
            // the figures recorded after it.
            let mut restored = engine();
            restored.apply_batch(steps).expect("steps");
            for part in then.checkpoint() {
                restored.restore_checkpoint_part(&part).expect("restores");
            }
            let later = records[done..]
                .iter()
                .filter(|r| matches!(r, Record::Observation(_)))
                .cloned();
            restored.apply_batch(later).expect("figures after the checkpoint");
            proptest::prop_assert_eq!(restored.checkpoint(), live.checkpoint());
        }
    }
}
