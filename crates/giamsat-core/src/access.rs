//! Who may write what (*phân quyền*): roles granted over a subtree of the organisation tree.
//!
//! A grant gives one role over one unit and every unit below it. A write is permitted when one
//! of the actor's grants allows that kind of record and every unit the record touches lies in
//! the grant's subtree. The application layer asks [`permits`] for every write, whatever the
//! path (form, JSON, CSV, CLI), so the rule lives here once.

use serde::{Deserialize, Serialize};

use crate::UnitId;
use crate::engine::{Engine, Record};
use crate::follow_up::FollowUp;
use crate::reporting::Reporting;

/// What a person may do, over the subtree of their grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Everything, including the tree and the indicators, within the subtree.
    Admin,
    /// An office (*văn phòng*) registers documents, targets, scenarios, reported scorecards
    /// and units below it, and may enter figures.
    Office,
    /// A reporting unit enters figures (*số liệu*) for the units in its scope.
    Reporter,
    /// A supervisor reads its scope and records supervision; it writes no figures or targets.
    Supervisor,
    /// Reads only.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Office,
        Role::Reporter,
        Role::Supervisor,
        Role::Viewer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Office => "office",
            Role::Reporter => "reporter",
            Role::Supervisor => "supervisor",
            Role::Viewer => "viewer",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// Whether the role may write this kind of record at all.
    pub fn may_write(self, kind: RecordKind) -> bool {
        use RecordKind::*;
        match self {
            Role::Admin => true,
            // An office registers the follow-up of its committee too: plans, sessions,
            // tasks, recommendations and answers.
            Role::Office => !matches!(kind, Indicator | Succession),
            Role::Reporter => matches!(
                kind,
                Observation | TaskProgress | Recommendation | Submission
            ),
            // A supervisor plans and records supervision and turns its conclusions into
            // tasks; it writes no figures or targets, but as the unit above it may approve
            // or return the reports of the units it supervises.
            Role::Supervisor => matches!(kind, People | Supervision | Task | ReportDecision),
            Role::Viewer => false,
        }
    }
}

/// One role over the subtree of one unit, or over the whole tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    /// The unit whose subtree the grant covers; `None` for the whole tree, every root
    /// included, present and future: the first administrator of an empty installation.
    pub scope: Option<UnitId>,
}

impl Grant {
    /// A role over the subtree of `unit`.
    pub fn over(role: Role, unit: UnitId) -> Grant {
        Grant {
            role,
            scope: Some(unit),
        }
    }

    /// A role over the whole tree.
    pub fn everywhere(role: Role) -> Grant {
        Grant { role, scope: None }
    }

    /// Whether the grant's scope holds `unit`.
    pub fn covers(&self, engine: &Engine, unit: UnitId) -> bool {
        self.scope.is_none_or(|scope| is_under(engine, unit, scope))
    }

    /// Whether the grant's scope holds all of `other`'s.
    pub fn contains(&self, engine: &Engine, other: &Grant) -> bool {
        match (self.scope, other.scope) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(_), Some(unit)) => self.covers(engine, unit),
        }
    }
}

/// The kinds of record a write creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Unit,
    Indicator,
    Document,
    Target,
    Scenario,
    Observation,
    ReportedScorecard,
    Succession,
    /// People and their positions.
    People,
    /// Planned visits, delegations and working sessions.
    Supervision,
    Task,
    /// Progress reported on a task.
    TaskProgress,
    Recommendation,
    /// The answer to a recommendation.
    Answer,
    /// A reporting regime.
    Regime,
    /// A unit sending its report.
    Submission,
    /// The unit above approving, returning or reopening a report.
    ReportDecision,
}

impl RecordKind {
    pub const ALL: [RecordKind; 17] = [
        RecordKind::Unit,
        RecordKind::Indicator,
        RecordKind::Document,
        RecordKind::Target,
        RecordKind::Scenario,
        RecordKind::Observation,
        RecordKind::ReportedScorecard,
        RecordKind::Succession,
        RecordKind::People,
        RecordKind::Supervision,
        RecordKind::Task,
        RecordKind::TaskProgress,
        RecordKind::Recommendation,
        RecordKind::Answer,
        RecordKind::Regime,
        RecordKind::Submission,
        RecordKind::ReportDecision,
    ];

    pub fn of(record: &Record) -> RecordKind {
        match record {
            Record::Unit(_) => RecordKind::Unit,
            Record::Indicator(_) => RecordKind::Indicator,
            Record::Document(_) => RecordKind::Document,
            Record::Target(_) => RecordKind::Target,
            Record::Scenario(_) => RecordKind::Scenario,
            Record::Observation(_) => RecordKind::Observation,
            Record::ReportedScorecard(_) => RecordKind::ReportedScorecard,
            Record::Succession(_) => RecordKind::Succession,
            Record::FollowUp(f) => match f {
                FollowUp::Person(_) | FollowUp::Position(_) => RecordKind::People,
                FollowUp::Visit(_) | FollowUp::Delegation(_) | FollowUp::WorkingSession(_) => {
                    RecordKind::Supervision
                }
                FollowUp::Task(_) => RecordKind::Task,
                FollowUp::TaskUpdate(_) => RecordKind::TaskProgress,
                FollowUp::Recommendation(_) => RecordKind::Recommendation,
                FollowUp::Answer(_) => RecordKind::Answer,
                // Correcting a record takes the right to write it; the fields say which kind
                // it is (the book refuses a revision whose fields are not its record's).
                FollowUp::Revision(r) => match r.changes.first().map(|c| c.revises()) {
                    Some("task") => RecordKind::Task,
                    Some("position") => RecordKind::People,
                    _ => RecordKind::Supervision,
                },
            },
            Record::Reporting(Reporting::Regime(_)) => RecordKind::Regime,
            Record::Reporting(Reporting::Step(s)) if s.action.is_decision() => {
                RecordKind::ReportDecision
            }
            Record::Reporting(Reporting::Step(_)) => RecordKind::Submission,
            // A regime's validation rules are part of setting it up.
            Record::Rule(_) => RecordKind::Regime,
            // Correcting a record takes the right to write it.
            Record::Amendment(a) => match a.of {
                crate::amendment::Amended::Document(_) => RecordKind::Document,
                crate::amendment::Amended::Target(_) => RecordKind::Target,
                crate::amendment::Amended::Indicator(_) => RecordKind::Indicator,
            },
        }
    }
}

/// Why a write is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    #[error("no grant allows writing this kind of record")]
    Role,
    #[error("unit {0} is outside the scope of every grant that allows this write")]
    Scope(UnitId),
    /// The figure belongs to a report sent or approved: it changes only once the unit above
    /// returns or reopens the report.
    #[error("the report of unit {unit} for {period} is {}: its figures cannot change until it is returned or reopened", .state.as_str())]
    Locked {
        unit: UnitId,
        period: crate::Period,
        state: crate::reporting::State,
    },
}

/// Whether a record would change a figure of a report that is sent or approved. Checked for
/// every writer, the system included: a locked report is the approver's word.
pub fn unlocked(engine: &Engine, record: &Record) -> Result<(), Denied> {
    let Record::Observation(o) = record else {
        return Ok(());
    };
    match engine.reporting().locking(o.indicator, o.unit, o.period) {
        Some(s) => Err(Denied::Locked {
            unit: s.unit,
            period: s.period,
            state: s.state,
        }),
        None => Ok(()),
    }
}

/// The units a record touches: the ones a grant's subtree must hold (a figure's unit, the unit
/// that reported it and the issuer of its document). A new unit is placed by
/// its parent (a root can only be created by an admin of the whole tree, which has none).
/// Indicators belong to no unit: only an admin whose scope is a root of the tree may define
/// them.
fn touched(engine: &Engine, record: &Record) -> Vec<Option<UnitId>> {
    match record {
        Record::Unit(u) => vec![u.parent],
        Record::Indicator(_) => vec![None],
        Record::Document(d) => vec![Some(d.issued_by)],
        Record::Target(t) => vec![Some(t.unit)],
        Record::Scenario(s) => vec![engine.target(s.target).map(|t| t.unit)],
        // A figure names the unit that reported it and the document it was published in:
        // both say who vouches for it, so a writer may name only units of its own scope,
        // or anyone could put a figure in another province's mouth.
        Record::Observation(o) => {
            let mut units = vec![Some(o.unit)];
            units.extend(o.reported_by.map(Some));
            units.extend(
                o.document
                    .and_then(|d| engine.document(d))
                    .map(|d| Some(d.issued_by)),
            );
            units
        }
        Record::ReportedScorecard(c) => vec![Some(c.unit)],
        Record::Succession(s) => vec![Some(s.predecessor), Some(s.successor)],
        Record::FollowUp(f) => engine
            .follow_up()
            .units_of(engine, f)
            .into_iter()
            .map(Some)
            .collect(),
        Record::Reporting(r) => r.units().into_iter().map(Some).collect(),
        // The unit reports go to sets the rules they are checked by.
        Record::Rule(r) => vec![engine.reporting().regime(r.regime).map(|g| g.recipient)],
        // A correction touches what the record it corrects touches.
        Record::Amendment(a) => match a.of {
            crate::amendment::Amended::Document(d) => {
                vec![engine.document(d).map(|d| d.issued_by)]
            }
            crate::amendment::Amended::Target(t) => vec![engine.target(t).map(|t| t.unit)],
            crate::amendment::Amended::Indicator(_) => vec![None],
        },
    }
}

/// Whether `unit` is `ancestor` or below it, by parent links (so it holds for units added in a
/// batch before the tree is numbered again).
pub fn is_under(engine: &Engine, unit: UnitId, ancestor: UnitId) -> bool {
    let mut current = Some(unit);
    // The tree is checked acyclic on load; the bound only guards against a broken store.
    for _ in 0..64 {
        match current {
            Some(u) if u == ancestor => return true,
            Some(u) => current = engine.unit(u).and_then(|x| x.parent),
            None => return false,
        }
    }
    false
}

/// Whether grants permit a record. `touched` units of `None` (a root unit, an indicator)
/// need a grant whose scope is a root.
pub fn permits(engine: &Engine, grants: &[Grant], record: &Record) -> Result<(), Denied> {
    let kind = RecordKind::of(record);
    // A decision on a report is the unit above's: a grant over the reporting unit itself
    // (its own office or reporter) cannot approve what that unit sends.
    let own_unit = match record {
        Record::Reporting(Reporting::Step(s)) if kind == RecordKind::ReportDecision => Some(s.unit),
        _ => None,
    };
    let allowed: Vec<&Grant> = grants
        .iter()
        .filter(|g| g.role.may_write(kind) && (own_unit.is_none() || g.scope != own_unit))
        .collect();
    if allowed.is_empty() {
        return Err(Denied::Role);
    }
    let whole_tree = |g: &Grant| {
        g.scope
            .is_none_or(|scope| engine.unit(scope).is_some_and(|u| u.parent.is_none()))
    };
    for unit in touched(engine, record) {
        let covered = allowed.iter().any(|g| match unit {
            Some(u) => g.covers(engine, u),
            None => g.role == Role::Admin && whole_tree(g),
        });
        if !covered {
            return Err(match unit {
                Some(u) => Denied::Scope(u),
                None => Denied::Role,
            });
        }
    }
    Ok(())
}

/// Whether grants let someone read the audit trail of `unit`: an admin or an office over it.
/// The trail shows who changed what, so readers of figures alone do not see it.
pub fn may_read_audit(engine: &Engine, grants: &[Grant], unit: UnitId) -> bool {
    grants
        .iter()
        .any(|g| matches!(g.role, Role::Admin | Role::Office) && g.covers(engine, unit))
}

/// Whether grants let someone see a unit's figures not yet approved (drafts and reports
/// waiting for a decision): the unit itself (its reporters), and the offices, administrators
/// and supervisors over it. Viewers see published figures only.
pub fn may_see_unpublished(engine: &Engine, grants: &[Grant], unit: UnitId) -> bool {
    grants
        .iter()
        .any(|g| g.role != Role::Viewer && g.covers(engine, unit))
}

/// Whether grants let someone read a follow-up record (a task, a working session) that
/// concerns `units`: any grant over one of them. Tasks and sessions are a committee's
/// working papers, not published figures, so a reader sees those of their own units only.
pub fn may_read_follow_up(engine: &Engine, grants: &[Grant], units: &[UnitId]) -> bool {
    grants
        .iter()
        .any(|g| units.iter().any(|u| g.covers(engine, *u)))
}

/// Whether grants let someone read the whole audit trail, including records that belong to
/// no unit (indicators, accounts).
pub fn may_read_all_audit(grants: &[Grant]) -> bool {
    grants
        .iter()
        .any(|g| g.role == Role::Admin && g.scope.is_none())
}

/// Whether grants let someone read the server's metrics: an administrator. They hold counts,
/// not data, but they show how the server is used, which is an administrator's concern.
pub fn may_read_metrics(grants: &[Grant]) -> bool {
    grants.iter().any(|g| g.role == Role::Admin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, DocumentKey, DocumentType, Horizon};
    use crate::indicator::{AcrossUnits, Direction, Indicator, IndicatorCode, OverTime};
    use crate::observation::{Observation, ObservationKind, ReportedScorecard};
    use crate::org::{Succession, Unit, UnitCode, UnitKind};
    use crate::target::{Comparator, Scenario, Target};
    use crate::text::Translations;
    use crate::{DocumentId, IndicatorId, ObservationId, Provenance, TargetId};

    fn provenance() -> Provenance {
        Provenance {
            source: "test".into(),
            recorded_by: "test".into(),
            recorded_at: time::OffsetDateTime::UNIX_EPOCH,
        }
    }

    fn unit(id: u32, parent: Option<u32>) -> Unit {
        Unit {
            id: UnitId(id),
            code: UnitCode::parse(&format!("U{id}")).expect("code"),
            kind: UnitKind::Locality,
            name: Translations::vi("đơn vị"),
            parent: parent.map(UnitId),
            valid_from: None,
            valid_to: None,
            provenance: provenance(),
        }
    }

    /// The nation (1), province A (10) with its department (11), province B (20); an
    /// indicator, a document of A and a target on A.
    fn engine() -> Engine {
        let mut records: Vec<Record> = [
            unit(1, None),
            unit(10, Some(1)),
            unit(11, Some(10)),
            unit(20, Some(1)),
        ]
        .into_iter()
        .map(Record::Unit)
        .collect();
        records.push(Record::Indicator(indicator(1)));
        records.push(Record::Document(document(1, 10)));
        records.push(Record::Target(target(1, 10)));
        Engine::from_records(records).expect("valid")
    }

    fn indicator(id: u32) -> Indicator {
        Indicator {
            id: IndicatorId(id),
            code: IndicatorCode::parse(&format!("I{id}")).expect("code"),
            name: Translations::vi("chỉ tiêu"),
            measure: Translations::default(),
            decimals: 0,
            direction: Direction::HigherIsBetter,
            across_units: AcrossUnits::Sum,
            over_time: OverTime::Flow,
            same_period_base: None,
            provenance: provenance(),
        }
    }

    fn document(id: u32, issuer: u32) -> Document {
        Document {
            id: DocumentId(id),
            key: DocumentKey::parse(&format!("KH-{id}")).expect("key"),
            number: None,
            doc_type: DocumentType::Plan,
            issued_by: UnitId(issuer),
            issued_on: None,
            title: Translations::vi("kế hoạch"),
            horizon: Horizon::default(),
            provenance: provenance(),
        }
    }

    fn target(id: u32, unit: u32) -> Target {
        Target {
            id: TargetId(id),
            document: DocumentId(1),
            indicator: IndicatorId(1),
            unit: UnitId(unit),
            period: "2023".parse().expect("period"),
            value: 1.0,
            comparator: Comparator::AtLeast,
            baseline: None,
            provenance: provenance(),
        }
    }

    /// One record of each kind, all within province A (10) or at the root for an indicator.
    fn writes_in_a() -> Vec<Record> {
        vec![
            Record::Unit(unit(12, Some(10))),
            Record::Indicator(indicator(2)),
            Record::Document(document(2, 11)),
            Record::Target(target(2, 11)),
            Record::Scenario(Scenario {
                target: TargetId(1),
                points: vec![],
                provenance: provenance(),
            }),
            Record::Observation(Observation {
                id: ObservationId(1),
                indicator: IndicatorId(1),
                unit: UnitId(11),
                period: "2023-05".parse().expect("period"),
                value: 1.0,
                kind: ObservationKind::Estimate,
                reported_by: None,
                document: None,
                corrects: None,
                note: None,
                provenance: provenance(),
            }),
            Record::ReportedScorecard(ReportedScorecard {
                unit: UnitId(10),
                period: "2023".parse().expect("period"),
                met: 1,
                set: 2,
                document: None,
                provenance: provenance(),
            }),
            Record::Succession(Succession {
                predecessor: UnitId(11),
                successor: UnitId(10),
                share: 1.0,
                from: time::macros::date!(2025 - 07 - 01),
                provenance: provenance(),
            }),
        ]
    }

    #[test]
    fn every_role_over_every_kind_in_and_out_of_scope() {
        let engine = engine();
        use RecordKind as K;
        // Within its subtree, what each role may write.
        let allowed = |role: Role, kind: RecordKind| match role {
            Role::Admin => kind != K::Indicator,
            Role::Office => !matches!(kind, K::Indicator | K::Succession),
            Role::Reporter => kind == K::Observation,
            Role::Supervisor | Role::Viewer => false,
        };
        for role in Role::ALL {
            for record in writes_in_a() {
                let kind = RecordKind::of(&record);
                let inside = permits(
                    &engine,
                    &[Grant {
                        role,
                        scope: Some(UnitId(10)),
                    }],
                    &record,
                );
                assert_eq!(
                    inside.is_ok(),
                    allowed(role, kind),
                    "{role:?} over A writing {kind:?}: {inside:?}"
                );
                // The same grant over province B covers nothing in A.
                let outside = permits(
                    &engine,
                    &[Grant {
                        role,
                        scope: Some(UnitId(20)),
                    }],
                    &record,
                );
                assert!(outside.is_err(), "{role:?} over B writing {kind:?}");
                if allowed(role, kind) {
                    assert!(matches!(outside, Err(Denied::Scope(_))), "{outside:?}");
                }
            }
        }
        // Indicators are shared by the whole tree: only an admin of a root defines them.
        let indicator = Record::Indicator(indicator(3));
        assert!(
            permits(
                &engine,
                &[Grant {
                    role: Role::Admin,
                    scope: Some(UnitId(1))
                }],
                &indicator
            )
            .is_ok()
        );
        assert_eq!(
            permits(
                &engine,
                &[Grant {
                    role: Role::Office,
                    scope: Some(UnitId(1))
                }],
                &indicator
            ),
            Err(Denied::Role)
        );
        // No grant, no write; several grants combine.
        assert_eq!(permits(&engine, &[], &writes_in_a()[5]), Err(Denied::Role));
        let both = [
            Grant {
                role: Role::Viewer,
                scope: Some(UnitId(1)),
            },
            Grant {
                role: Role::Reporter,
                scope: Some(UnitId(11)),
            },
        ];
        assert!(permits(&engine, &both, &writes_in_a()[5]).is_ok());
    }

    #[test]
    fn a_figures_reporter_and_document_are_in_scope_like_its_unit() {
        let engine = engine();
        // Province B's reporter writes B's figure, but says A reported it, or that it was
        // published in A's document (1, issued by A).
        let figure = |reported_by: Option<u32>, document: Option<u32>| {
            Record::Observation(Observation {
                id: ObservationId(1),
                indicator: IndicatorId(1),
                unit: UnitId(20),
                period: "2023-05".parse().expect("period"),
                value: 1.0,
                kind: ObservationKind::Estimate,
                reported_by: reported_by.map(UnitId),
                document: document.map(DocumentId),
                corrects: None,
                note: None,
                provenance: provenance(),
            })
        };
        let reporter_b = [Grant::over(Role::Reporter, UnitId(20))];
        assert!(permits(&engine, &reporter_b, &figure(None, None)).is_ok());
        assert!(permits(&engine, &reporter_b, &figure(Some(20), None)).is_ok());
        assert_eq!(
            permits(&engine, &reporter_b, &figure(Some(11), None)),
            Err(Denied::Scope(UnitId(11)))
        );
        assert_eq!(
            permits(&engine, &reporter_b, &figure(None, Some(1))),
            Err(Denied::Scope(UnitId(10)))
        );
        // A reporter of the whole country may cite both.
        let reporter_all = [Grant::over(Role::Reporter, UnitId(1))];
        assert!(permits(&engine, &reporter_all, &figure(Some(11), Some(1))).is_ok());
    }

    #[test]
    fn a_succession_needs_both_units_in_scope() {
        let engine = engine();
        let across = Record::Succession(Succession {
            predecessor: UnitId(20),
            successor: UnitId(10),
            share: 1.0,
            from: time::macros::date!(2025 - 07 - 01),
            provenance: provenance(),
        });
        let admin_a = [Grant {
            role: Role::Admin,
            scope: Some(UnitId(10)),
        }];
        assert_eq!(
            permits(&engine, &admin_a, &across),
            Err(Denied::Scope(UnitId(20)))
        );
        let admin_all = [Grant {
            role: Role::Admin,
            scope: Some(UnitId(1)),
        }];
        assert!(permits(&engine, &admin_all, &across).is_ok());
        assert!(is_under(&engine, UnitId(11), UnitId(1)));
        assert!(!is_under(&engine, UnitId(20), UnitId(10)));
    }

    #[test]
    fn a_whole_tree_grant_covers_new_roots_and_indicators() {
        let engine = engine();
        let new_root = Record::Unit(unit(99, None));
        let everywhere = [Grant::everywhere(Role::Admin)];
        assert!(permits(&engine, &everywhere, &new_root).is_ok());
        assert!(permits(&engine, &everywhere, &Record::Indicator(indicator(3))).is_ok());
        // An office everywhere still defines no indicator; an admin of province A no root.
        assert_eq!(
            permits(
                &engine,
                &[Grant::everywhere(Role::Office)],
                &Record::Indicator(indicator(3))
            ),
            Err(Denied::Role)
        );
        assert!(permits(&engine, &[Grant::over(Role::Admin, UnitId(10))], &new_root).is_err());
        // Containment of grants, for handing rights on.
        let a = Grant::over(Role::Admin, UnitId(10));
        assert!(everywhere[0].contains(&engine, &a));
        assert!(!a.contains(&engine, &everywhere[0]));
        assert!(a.contains(&engine, &Grant::over(Role::Viewer, UnitId(11))));
        assert!(!a.contains(&engine, &Grant::over(Role::Viewer, UnitId(20))));
        // The audit trail: admins and offices over the unit.
        assert!(may_read_audit(
            &engine,
            &[Grant::over(Role::Office, UnitId(10))],
            UnitId(11)
        ));
        assert!(!may_read_audit(
            &engine,
            &[Grant::over(Role::Office, UnitId(10))],
            UnitId(20)
        ));
        assert!(!may_read_audit(
            &engine,
            &[Grant::over(Role::Reporter, UnitId(1))],
            UnitId(11)
        ));
        assert!(may_read_all_audit(&everywhere));
        assert!(!may_read_all_audit(&[Grant::over(Role::Admin, UnitId(1))]));
    }
}
