//! The stored formats of core's records, pinned.
//!
//! Core's serde shapes are written to disk and read back by later versions of giamsat:
//!
//! - the change log: each commit's `Vec<Record>` as JSON in the store's `change_log` table,
//!   replayed by the other processes on the same database;
//! - the follow-up records: each `FollowUp` as JSON in `follow_up_records.body`, read at
//!   every start;
//! - the audit states: the `before` and `after` of an audit entry are the serde shape of the
//!   record written (a `Unit`, an `Observation`, a `FollowUp`…), kept for ever.
//!
//! Each test below holds one shape against a fixed JSON literal, in both directions: the
//! value serializes to exactly that JSON, and that JSON deserializes to the value. Renaming
//! a field or a variant, changing a tag or the spelling of a date, is therefore a failing
//! test.
//!
//! **A failing test here means a migration of stored data, never an edit of the expected
//! JSON.** The literals are what databases, change logs, audit trails and backups already
//! hold: a new shape must still read them (a serde alias, a default), or come with a
//! migration that rewrites them; only then may a new, additional literal pin the new shape.

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::access::Role;
use crate::follow_up::{
    Answer, Attendee, Change, Delegation, DelegationRole, Evidence, FollowUp, Member, Person,
    PlannedVisit, Position, Recommendation, Revision, Subjects, Task, TaskOrigin, TaskUpdate,
    Visit, VisitKind, Window, WorkingSession,
};
use crate::indicator::{AcrossUnits, Direction, IndicatorCode, OverTime, SamePeriodBase};
use crate::org::{Succession, UnitCode, UnitKind};
use crate::target::{Baseline, Comparator};
use crate::text::Translations;
use crate::{
    Document, DocumentId, DocumentKey, DocumentType, FollowUpId, Horizon, Indicator, IndicatorId,
    Month, Observation, ObservationId, ObservationKind, Period, Provenance, Record,
    ReportedScorecard, Scenario, Target, TargetId, Unit, UnitId,
};

/// Holds `value` to `expected` both ways: it serializes to exactly that JSON, and that JSON
/// reads back as the value.
#[track_caller]
fn pinned<T>(value: &T, expected: &str)
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let expected_value: Value = serde_json::from_str(expected).expect("the literal is JSON");
    let written = serde_json::to_value(value).expect("serializes");
    assert_eq!(
        written, expected_value,
        "the stored shape changed: this needs a migration of stored data"
    );
    let read: T = serde_json::from_str(expected).expect("the stored JSON still reads");
    assert_eq!(&read, value, "the stored JSON reads as another value");
}

/// Holds a record's change-log entry: `{"type": tag, "record": the record's own shape}`.
#[track_caller]
fn logged(record: &Record, tag: &str, inner: &str) {
    let inner: Value = serde_json::from_str(inner).expect("the literal is JSON");
    let entry = json!({ "type": tag, "record": inner }).to_string();
    pinned(record, &entry);
}

/// Holds each variant of a unit-like enum to its spelling, both ways.
#[track_caller]
fn spelled<T>(variants: &[(T, &str)])
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    for (variant, spelling) in variants {
        pinned(variant, &format!("\"{spelling}\""));
    }
}

fn provenance() -> Provenance {
    Provenance {
        source: "Báo cáo 512/BC-UBND, 12/7/2025".into(),
        recorded_by: "lan".into(),
        recorded_at: time::macros::datetime!(2025-07-14 08:30:15 UTC),
    }
}

const PROVENANCE: &str = r#"{
    "source": "Báo cáo 512/BC-UBND, 12/7/2025",
    "recorded_by": "lan",
    "recorded_at": "2025-07-14T08:30:15Z"
}"#;

/// A literal with the provenance above in place of `PROVENANCE`.
fn with_provenance(literal: &str) -> String {
    literal.replace("PROVENANCE", PROVENANCE)
}

fn period(code: &str) -> Period {
    code.parse().expect("a period code")
}

// ---------------------------------------------------------------------------------------
// Shared pieces: provenance, periods, translations.

#[test]
fn provenance_is_pinned() {
    pinned(&provenance(), PROVENANCE);
}

/// Periods are stored as their canonical codes, one spelling per range.
#[test]
fn period_codes_are_pinned() {
    for code in [
        "2025-03",
        "2025-Q2",
        "2025-H1",
        "2025",
        "2025-YTD05",
        "2025-04..05",
        "2021-2025",
    ] {
        pinned(&period(code), &format!("\"{code}\""));
    }
}

/// A translation missing in a language is left out, not written as null; reading tolerates
/// the absence.
#[test]
fn translations_are_pinned() {
    pinned(
        &Translations {
            vi: Some("Nghệ An".into()),
            en: Some("Nghe An province".into()),
            fr: Some("province de Nghệ An".into()),
        },
        r#"{"vi": "Nghệ An", "en": "Nghe An province", "fr": "province de Nghệ An"}"#,
    );
    pinned(&Translations::vi("Nghệ An"), r#"{"vi": "Nghệ An"}"#);
    pinned(&Translations::default(), "{}");
}

// ---------------------------------------------------------------------------------------
// The records of the engine: each as an audit state (its own shape) and as a change-log
// entry (tagged).

fn province() -> Unit {
    Unit {
        id: UnitId(40),
        code: UnitCode::parse("40").expect("code"),
        kind: UnitKind::Locality,
        name: Translations {
            vi: Some("Nghệ An".into()),
            en: Some("Nghe An".into()),
            fr: Some("Nghệ An".into()),
        },
        parent: Some(UnitId(1)),
        valid_from: Some(time::macros::date!(1991 - 08 - 12)),
        valid_to: Some(time::macros::date!(2025 - 06 - 30)),
        provenance: provenance(),
    }
}

const PROVINCE: &str = r#"{
    "id": 40,
    "code": "40",
    "kind": "locality",
    "name": {"vi": "Nghệ An", "en": "Nghe An", "fr": "Nghệ An"},
    "parent": 1,
    "valid_from": "1991-08-12",
    "valid_to": "2025-06-30",
    "provenance": PROVENANCE
}"#;

fn nation() -> Unit {
    Unit {
        id: UnitId(1),
        code: UnitCode::parse("VN").expect("code"),
        kind: UnitKind::Nation,
        name: Translations::vi("Việt Nam"),
        parent: None,
        valid_from: None,
        valid_to: None,
        provenance: provenance(),
    }
}

/// Absent options of a unit are written as null.
const NATION: &str = r#"{
    "id": 1,
    "code": "VN",
    "kind": "nation",
    "name": {"vi": "Việt Nam"},
    "parent": null,
    "valid_from": null,
    "valid_to": null,
    "provenance": PROVENANCE
}"#;

#[test]
fn a_unit_is_pinned() {
    pinned(&province(), &with_provenance(PROVINCE));
    pinned(&nation(), &with_provenance(NATION));
    logged(
        &Record::Unit(province()),
        "unit",
        &with_provenance(PROVINCE),
    );
    logged(&Record::Unit(nation()), "unit", &with_provenance(NATION));
}

#[test]
fn unit_kinds_are_spelled_as_pinned() {
    spelled(&[
        (UnitKind::Nation, "nation"),
        (UnitKind::PartyCommittee, "party_committee"),
        (UnitKind::StandingCommittee, "standing_committee"),
        (UnitKind::PeoplesCouncil, "peoples_council"),
        (UnitKind::PeoplesCommittee, "peoples_committee"),
        (UnitKind::Department, "department"),
        (UnitKind::Locality, "locality"),
        (UnitKind::Front, "front"),
        (UnitKind::Agency, "agency"),
    ]);
    // The store's column spelling is the same as serde's.
    for kind in UnitKind::ALL {
        assert_eq!(json!(kind), json!(kind.as_str()));
    }
}

fn succession() -> Succession {
    Succession {
        predecessor: UnitId(42),
        successor: UnitId(40),
        share: 0.35,
        from: time::macros::date!(2025 - 07 - 01),
        provenance: provenance(),
    }
}

const SUCCESSION: &str = r#"{
    "predecessor": 42,
    "successor": 40,
    "share": 0.35,
    "from": "2025-07-01",
    "provenance": PROVENANCE
}"#;

#[test]
fn a_succession_is_pinned() {
    pinned(&succession(), &with_provenance(SUCCESSION));
    logged(
        &Record::Succession(succession()),
        "succession",
        &with_provenance(SUCCESSION),
    );
}

fn indicator(id: u32, code: &str, across_units: AcrossUnits) -> Indicator {
    Indicator {
        id: IndicatorId(id),
        code: IndicatorCode::parse(code).expect("code"),
        name: Translations {
            vi: Some("Tổng mức bán lẻ hàng hóa".into()),
            en: Some("Retail sales of goods".into()),
            fr: Some("Ventes de détail".into()),
        },
        measure: Translations {
            vi: Some("tỷ đồng".into()),
            en: Some("VND billion".into()),
            fr: Some("milliard VND".into()),
        },
        decimals: 1,
        direction: Direction::HigherIsBetter,
        across_units,
        over_time: OverTime::Flow,
        same_period_base: None,
        provenance: provenance(),
    }
}

const INDICATOR: &str = r#"{
    "id": 3,
    "code": "RETAIL_SALES",
    "name": {"vi": "Tổng mức bán lẻ hàng hóa", "en": "Retail sales of goods", "fr": "Ventes de détail"},
    "measure": {"vi": "tỷ đồng", "en": "VND billion", "fr": "milliard VND"},
    "decimals": 1,
    "direction": "higher_is_better",
    "across_units": {"rule": "sum"},
    "over_time": "flow",
    "same_period_base": null,
    "provenance": PROVENANCE
}"#;

#[test]
fn an_indicator_is_pinned() {
    let sales = indicator(3, "RETAIL_SALES", AcrossUnits::Sum);
    pinned(&sales, &with_provenance(INDICATOR));
    logged(
        &Record::Indicator(sales),
        "indicator",
        &with_provenance(INDICATOR),
    );

    // With every other option filled.
    let growth = Indicator {
        id: IndicatorId(7),
        code: IndicatorCode::parse("GRDP_GROWTH").expect("code"),
        name: Translations::vi("Tốc độ tăng trưởng GRDP"),
        measure: Translations::vi("%"),
        decimals: 2,
        direction: Direction::LowerIsBetter,
        across_units: AcrossUnits::NotCombinable,
        over_time: OverTime::Rate,
        same_period_base: Some(SamePeriodBase::GrowthPercent),
        provenance: provenance(),
    };
    pinned(
        &growth,
        &with_provenance(
            r#"{
                "id": 7,
                "code": "GRDP_GROWTH",
                "name": {"vi": "Tốc độ tăng trưởng GRDP"},
                "measure": {"vi": "%"},
                "decimals": 2,
                "direction": "lower_is_better",
                "across_units": {"rule": "not_combinable"},
                "over_time": "rate",
                "same_period_base": "growth_percent",
                "provenance": PROVENANCE
            }"#,
        ),
    );
}

#[test]
fn the_rules_across_units_are_pinned() {
    for (rule, expected) in [
        (AcrossUnits::Sum, r#"{"rule": "sum"}"#),
        (AcrossUnits::Mean, r#"{"rule": "mean"}"#),
        (
            AcrossUnits::WeightedMean {
                weight: IndicatorId(12),
            },
            r#"{"rule": "weighted_mean", "weight": 12}"#,
        ),
        (
            AcrossUnits::Ratio {
                numerator: IndicatorId(21),
                denominator: IndicatorId(22),
                scale: 100.0,
            },
            r#"{"rule": "ratio", "numerator": 21, "denominator": 22, "scale": 100.0}"#,
        ),
        (AcrossUnits::NotCombinable, r#"{"rule": "not_combinable"}"#),
    ] {
        pinned(&rule, expected);
    }
}

#[test]
fn indicator_enums_are_spelled_as_pinned() {
    spelled(&[
        (Direction::HigherIsBetter, "higher_is_better"),
        (Direction::LowerIsBetter, "lower_is_better"),
    ]);
    spelled(&[
        (OverTime::Flow, "flow"),
        (OverTime::Stock, "stock"),
        (OverTime::Rate, "rate"),
    ]);
    spelled(&[
        (SamePeriodBase::Index100, "index100"),
        (SamePeriodBase::GrowthPercent, "growth_percent"),
    ]);
}

fn resolution() -> Document {
    Document {
        id: DocumentId(5),
        key: DocumentKey::parse("39-NQ-TW-2021").expect("key"),
        number: Some("39-NQ/TW".into()),
        doc_type: DocumentType::Resolution,
        issued_by: UnitId(2),
        issued_on: Some(time::macros::date!(2021 - 07 - 15)),
        title: Translations {
            vi: Some("Nghị quyết về phát triển tỉnh Nghệ An".into()),
            en: Some("Resolution on developing Nghe An".into()),
            fr: Some("Résolution sur le développement de Nghệ An".into()),
        },
        horizon: Horizon {
            target_year: Some(2025),
            orientation_year: Some(2030),
            vision_year: Some(2045),
        },
        provenance: provenance(),
    }
}

const RESOLUTION: &str = r#"{
    "id": 5,
    "key": "39-NQ-TW-2021",
    "number": "39-NQ/TW",
    "doc_type": "resolution",
    "issued_by": 2,
    "issued_on": "2021-07-15",
    "title": {
        "vi": "Nghị quyết về phát triển tỉnh Nghệ An",
        "en": "Resolution on developing Nghe An",
        "fr": "Résolution sur le développement de Nghệ An"
    },
    "horizon": {"target_year": 2025, "orientation_year": 2030, "vision_year": 2045},
    "provenance": PROVENANCE
}"#;

#[test]
fn a_document_is_pinned() {
    pinned(&resolution(), &with_provenance(RESOLUTION));
    logged(
        &Record::Document(resolution()),
        "document",
        &with_provenance(RESOLUTION),
    );

    let plan = Document {
        id: DocumentId(6),
        key: DocumentKey::parse("KH-2025").expect("key"),
        number: None,
        doc_type: DocumentType::Plan,
        issued_by: UnitId(40),
        issued_on: None,
        title: Translations::vi("Kế hoạch năm 2025"),
        horizon: Horizon::default(),
        provenance: provenance(),
    };
    pinned(
        &plan,
        &with_provenance(
            r#"{
                "id": 6,
                "key": "KH-2025",
                "number": null,
                "doc_type": "plan",
                "issued_by": 40,
                "issued_on": null,
                "title": {"vi": "Kế hoạch năm 2025"},
                "horizon": {"target_year": null, "orientation_year": null, "vision_year": null},
                "provenance": PROVENANCE
            }"#,
        ),
    );
}

#[test]
fn document_types_are_spelled_as_pinned() {
    spelled(&[
        (DocumentType::Resolution, "resolution"),
        (DocumentType::Decision, "decision"),
        (DocumentType::Conclusion, "conclusion"),
        (DocumentType::Directive, "directive"),
        (DocumentType::Plan, "plan"),
        (DocumentType::Notice, "notice"),
        (DocumentType::Guidance, "guidance"),
        (DocumentType::Report, "report"),
        (DocumentType::Programme, "programme"),
        (DocumentType::Decree, "decree"),
        (DocumentType::Circular, "circular"),
    ]);
}

fn target() -> Target {
    Target {
        id: TargetId(11),
        document: DocumentId(5),
        indicator: IndicatorId(3),
        unit: UnitId(40),
        period: period("2025"),
        value: 95_000.5,
        comparator: Comparator::AtLeast,
        baseline: Some(Baseline {
            period: period("2020"),
            value: 61_250.0,
        }),
        provenance: provenance(),
    }
}

const TARGET: &str = r#"{
    "id": 11,
    "document": 5,
    "indicator": 3,
    "unit": 40,
    "period": "2025",
    "value": 95000.5,
    "comparator": "at_least",
    "baseline": {"period": "2020", "value": 61250.0},
    "provenance": PROVENANCE
}"#;

#[test]
fn a_target_is_pinned() {
    pinned(&target(), &with_provenance(TARGET));
    logged(
        &Record::Target(target()),
        "target",
        &with_provenance(TARGET),
    );

    let poverty = Target {
        id: TargetId(12),
        comparator: Comparator::AtMost,
        baseline: None,
        period: period("2021-2025"),
        value: 1.5,
        ..target()
    };
    pinned(
        &poverty,
        &with_provenance(
            r#"{
                "id": 12,
                "document": 5,
                "indicator": 3,
                "unit": 40,
                "period": "2021-2025",
                "value": 1.5,
                "comparator": "at_most",
                "baseline": null,
                "provenance": PROVENANCE
            }"#,
        ),
    );
}

fn scenario() -> Scenario {
    Scenario {
        target: TargetId(11),
        points: vec![
            (Month::new(2025, 3).expect("month"), 22_000.0),
            (Month::new(2025, 6).expect("month"), 46_500.25),
        ],
        provenance: provenance(),
    }
}

/// A scenario's months are stored as their index from January 2000 (302 is March 2025), not
/// as "2025-03": the number is the stored shape.
const SCENARIO: &str = r#"{
    "target": 11,
    "points": [[302, 22000.0], [305, 46500.25]],
    "provenance": PROVENANCE
}"#;

#[test]
fn a_scenario_is_pinned() {
    pinned(&scenario(), &with_provenance(SCENARIO));
    logged(
        &Record::Scenario(scenario()),
        "scenario",
        &with_provenance(SCENARIO),
    );
}

fn correction() -> Observation {
    Observation {
        id: ObservationId(90_001),
        indicator: IndicatorId(3),
        unit: UnitId(40),
        period: period("2025-YTD05"),
        value: 36_539.7,
        kind: ObservationKind::Official,
        reported_by: Some(UnitId(4012)),
        document: Some(DocumentId(8)),
        corrects: Some(ObservationId(89_750)),
        note: Some("Số liệu chính thức của Cục Thống kê".into()),
        provenance: provenance(),
    }
}

const CORRECTION: &str = r#"{
    "id": 90001,
    "indicator": 3,
    "unit": 40,
    "period": "2025-YTD05",
    "value": 36539.7,
    "kind": "official",
    "reported_by": 4012,
    "document": 8,
    "corrects": 89750,
    "note": "Số liệu chính thức của Cục Thống kê",
    "provenance": PROVENANCE
}"#;

#[test]
fn an_observation_is_pinned() {
    pinned(&correction(), &with_provenance(CORRECTION));
    logged(
        &Record::Observation(correction()),
        "observation",
        &with_provenance(CORRECTION),
    );

    let estimate = Observation {
        id: ObservationId(89_750),
        period: period("2025-05"),
        value: 7_210.0,
        kind: ObservationKind::Estimate,
        reported_by: None,
        document: None,
        corrects: None,
        note: None,
        ..correction()
    };
    pinned(
        &estimate,
        &with_provenance(
            r#"{
                "id": 89750,
                "indicator": 3,
                "unit": 40,
                "period": "2025-05",
                "value": 7210.0,
                "kind": "estimate",
                "reported_by": null,
                "document": null,
                "corrects": null,
                "note": null,
                "provenance": PROVENANCE
            }"#,
        ),
    );
}

#[test]
fn observation_kinds_and_comparators_are_spelled_as_pinned() {
    spelled(&[
        (ObservationKind::Estimate, "estimate"),
        (ObservationKind::Preliminary, "preliminary"),
        (ObservationKind::Official, "official"),
    ]);
    for kind in ObservationKind::ALL {
        assert_eq!(json!(kind), json!(kind.as_str()));
    }
    spelled(&[
        (Comparator::AtLeast, "at_least"),
        (Comparator::AtMost, "at_most"),
    ]);
}

fn scorecard() -> ReportedScorecard {
    ReportedScorecard {
        unit: UnitId(22),
        period: period("2021-2025"),
        met: 15,
        set: 15,
        document: Some(DocumentId(9)),
        provenance: provenance(),
    }
}

const SCORECARD: &str = r#"{
    "unit": 22,
    "period": "2021-2025",
    "met": 15,
    "set": 15,
    "document": 9,
    "provenance": PROVENANCE
}"#;

#[test]
fn a_reported_scorecard_is_pinned() {
    pinned(&scorecard(), &with_provenance(SCORECARD));
    logged(
        &Record::ReportedScorecard(scorecard()),
        "reported_scorecard",
        &with_provenance(SCORECARD),
    );
    pinned(
        &ReportedScorecard {
            document: None,
            met: 12,
            ..scorecard()
        },
        &with_provenance(
            r#"{
                "unit": 22,
                "period": "2021-2025",
                "met": 12,
                "set": 15,
                "document": null,
                "provenance": PROVENANCE
            }"#,
        ),
    );
}

// ---------------------------------------------------------------------------------------
// Follow-up records: stored whole as JSON (`follow_up_records.body`), the same JSON is their
// audit state, and a change-log entry wraps it as `{"type": "follow_up", "record": …}`.

/// Holds a follow-up record: its own JSON (the stored body and audit state) and its
/// change-log entry.
#[track_caller]
fn follow_up_pinned(record: FollowUp, expected: &str) {
    let expected = with_provenance(expected);
    pinned(&record, &expected);
    logged(&Record::FollowUp(record), "follow_up", &expected);
}

#[test]
fn a_person_is_pinned() {
    follow_up_pinned(
        FollowUp::Person(Person {
            id: FollowUpId(101),
            name: "Chamaléa Thị Thủy".into(),
            provenance: provenance(),
        }),
        r#"{
            "record": "person",
            "id": 101,
            "name": "Chamaléa Thị Thủy",
            "provenance": PROVENANCE
        }"#,
    );
}

#[test]
fn a_position_is_pinned() {
    let held = Position {
        id: FollowUpId(102),
        person: FollowUpId(101),
        title: "Phó Chủ tịch HĐND tỉnh".into(),
        translated: crate::text::Translations::default(),
        unit: Some(UnitId(41)),
        from: Some(time::macros::date!(2021 - 06 - 25)),
        to: Some(time::macros::date!(2026 - 06 - 24)),
        provenance: provenance(),
    };
    follow_up_pinned(
        FollowUp::Position(held.clone()),
        r#"{
            "record": "position",
            "id": 102,
            "person": 101,
            "title": "Phó Chủ tịch HĐND tỉnh",
            "unit": 41,
            "from": "2021-06-25",
            "to": "2026-06-24",
            "provenance": PROVENANCE
        }"#,
    );
    follow_up_pinned(
        FollowUp::Position(Position {
            unit: None,
            from: None,
            to: None,
            ..held
        }),
        r#"{
            "record": "position",
            "id": 102,
            "person": 101,
            "title": "Phó Chủ tịch HĐND tỉnh",
            "unit": null,
            "from": null,
            "to": null,
            "provenance": PROVENANCE
        }"#,
    );
}

#[test]
fn a_visit_is_pinned() {
    let visit = Visit {
        id: FollowUpId(103),
        kind: VisitKind::Supervision,
        plan: PlannedVisit {
            body: UnitId(41),
            unit: UnitId(4012),
            subjects: Subjects {
                documents: vec![DocumentId(5), DocumentId(6)],
                topics: vec!["quản lý khoáng sản".into(), "giải ngân đầu tư công".into()],
            },
            window: Window {
                first: time::macros::date!(2025 - 09 - 08),
                last: time::macros::date!(2025 - 09 - 12),
            },
        },
        provenance: provenance(),
    };
    follow_up_pinned(
        FollowUp::Visit(visit.clone()),
        r#"{
            "record": "visit",
            "id": 103,
            "kind": "supervision",
            "plan": {
                "body": 41,
                "unit": 4012,
                "subjects": {
                    "documents": [5, 6],
                    "topics": ["quản lý khoáng sản", "giải ngân đầu tư công"]
                },
                "window": {"first": "2025-09-08", "last": "2025-09-12"}
            },
            "provenance": PROVENANCE
        }"#,
    );
    follow_up_pinned(
        FollowUp::Visit(Visit {
            kind: VisitKind::Inspection,
            plan: PlannedVisit {
                subjects: Subjects::default(),
                ..visit.plan
            },
            ..visit
        }),
        r#"{
            "record": "visit",
            "id": 103,
            "kind": "inspection",
            "plan": {
                "body": 41,
                "unit": 4012,
                "subjects": {"documents": [], "topics": []},
                "window": {"first": "2025-09-08", "last": "2025-09-12"}
            },
            "provenance": PROVENANCE
        }"#,
    );
    spelled(&[
        (VisitKind::Supervision, "supervision"),
        (VisitKind::Inspection, "inspection"),
    ]);
}

#[test]
fn a_delegation_is_pinned() {
    let delegation = Delegation {
        id: FollowUpId(104),
        body: UnitId(41),
        title: "Đoàn giám sát chuyên đề về đầu tư công".into(),
        visit: Some(FollowUpId(103)),
        members: vec![
            Member {
                person: FollowUpId(101),
                role: DelegationRole::Head,
            },
            Member {
                person: FollowUpId(105),
                role: DelegationRole::DeputyHead,
            },
            Member {
                person: FollowUpId(106),
                role: DelegationRole::Member,
            },
            Member {
                person: FollowUpId(107),
                role: DelegationRole::Secretary,
            },
        ],
        provenance: provenance(),
    };
    follow_up_pinned(
        FollowUp::Delegation(delegation.clone()),
        r#"{
            "record": "delegation",
            "id": 104,
            "body": 41,
            "title": "Đoàn giám sát chuyên đề về đầu tư công",
            "visit": 103,
            "members": [
                {"person": 101, "role": "head"},
                {"person": 105, "role": "deputy_head"},
                {"person": 106, "role": "member"},
                {"person": 107, "role": "secretary"}
            ],
            "provenance": PROVENANCE
        }"#,
    );
    follow_up_pinned(
        FollowUp::Delegation(Delegation {
            visit: None,
            members: vec![],
            ..delegation
        }),
        r#"{
            "record": "delegation",
            "id": 104,
            "body": 41,
            "title": "Đoàn giám sát chuyên đề về đầu tư công",
            "visit": null,
            "members": [],
            "provenance": PROVENANCE
        }"#,
    );
    for role in DelegationRole::ALL {
        assert_eq!(json!(role), json!(role.as_str()));
    }
}

#[test]
fn a_working_session_is_pinned() {
    let session = WorkingSession {
        id: FollowUpId(108),
        body: UnitId(41),
        unit: UnitId(4012),
        delegation: Some(FollowUpId(104)),
        date: time::macros::date!(2025 - 09 - 10),
        place: "Trụ sở UBND xã Diễn Châu".into(),
        chair: Some(FollowUpId(101)),
        attendees: vec![
            Attendee {
                person: FollowUpId(101),
                position: "Phó Chủ tịch HĐND tỉnh".into(),
            },
            Attendee {
                person: FollowUpId(109),
                position: "Chủ tịch UBND xã".into(),
            },
        ],
        documents: vec![DocumentId(5)],
        report: "Giải ngân đạt 62% kế hoạch".into(),
        achievements: "Hoàn thành 3 công trình trọng điểm".into(),
        limitations: "Chậm giải phóng mặt bằng".into(),
        causes: "Thiếu quỹ đất tái định cư".into(),
        conclusions: vec![
            "Đẩy nhanh giải phóng mặt bằng".into(),
            "Báo cáo kết quả trước 30/11".into(),
        ],
        provenance: provenance(),
    };
    follow_up_pinned(
        FollowUp::WorkingSession(session.clone()),
        r#"{
            "record": "working_session",
            "id": 108,
            "body": 41,
            "unit": 4012,
            "delegation": 104,
            "date": "2025-09-10",
            "place": "Trụ sở UBND xã Diễn Châu",
            "chair": 101,
            "attendees": [
                {"person": 101, "position": "Phó Chủ tịch HĐND tỉnh"},
                {"person": 109, "position": "Chủ tịch UBND xã"}
            ],
            "documents": [5],
            "report": "Giải ngân đạt 62% kế hoạch",
            "achievements": "Hoàn thành 3 công trình trọng điểm",
            "limitations": "Chậm giải phóng mặt bằng",
            "causes": "Thiếu quỹ đất tái định cư",
            "conclusions": ["Đẩy nhanh giải phóng mặt bằng", "Báo cáo kết quả trước 30/11"],
            "provenance": PROVENANCE
        }"#,
    );
    follow_up_pinned(
        FollowUp::WorkingSession(WorkingSession {
            delegation: None,
            chair: None,
            attendees: vec![],
            documents: vec![],
            conclusions: vec![],
            ..session
        }),
        r#"{
            "record": "working_session",
            "id": 108,
            "body": 41,
            "unit": 4012,
            "delegation": null,
            "date": "2025-09-10",
            "place": "Trụ sở UBND xã Diễn Châu",
            "chair": null,
            "attendees": [],
            "documents": [],
            "report": "Giải ngân đạt 62% kế hoạch",
            "achievements": "Hoàn thành 3 công trình trọng điểm",
            "limitations": "Chậm giải phóng mặt bằng",
            "causes": "Thiếu quỹ đất tái định cư",
            "conclusions": [],
            "provenance": PROVENANCE
        }"#,
    );
}

#[test]
fn a_task_of_each_origin_is_pinned() {
    let task = Task {
        id: FollowUpId(110),
        title: "Đẩy nhanh giải phóng mặt bằng".into(),
        origin: TaskOrigin::Conclusion {
            session: FollowUpId(108),
            item: 0,
        },
        lead: UnitId(4012),
        co_owners: vec![UnitId(4013), UnitId(4020)],
        due: Some(time::macros::date!(2025 - 11 - 30)),
        provenance: provenance(),
    };
    follow_up_pinned(
        FollowUp::Task(task.clone()),
        r#"{
            "record": "task",
            "id": 110,
            "title": "Đẩy nhanh giải phóng mặt bằng",
            "origin": {"from": "conclusion", "session": 108, "item": 0},
            "lead": 4012,
            "co_owners": [4013, 4020],
            "due": "2025-11-30",
            "provenance": PROVENANCE
        }"#,
    );
    follow_up_pinned(
        FollowUp::Task(Task {
            origin: TaskOrigin::Document {
                document: DocumentId(6),
            },
            co_owners: vec![],
            due: None,
            ..task
        }),
        r#"{
            "record": "task",
            "id": 110,
            "title": "Đẩy nhanh giải phóng mặt bằng",
            "origin": {"from": "document", "document": 6},
            "lead": 4012,
            "co_owners": [],
            "due": null,
            "provenance": PROVENANCE
        }"#,
    );
}

#[test]
fn a_task_update_with_each_kind_of_evidence_is_pinned() {
    let update = TaskUpdate {
        id: FollowUpId(111),
        task: FollowUpId(110),
        on: time::macros::date!(2025 - 10 - 15),
        text: "Đã bàn giao 80% mặt bằng".into(),
        percent: Some(80),
        done: true,
        evidence: vec![
            Evidence::Link {
                url: "https://nghean.gov.vn/tin-tuc/12345".into(),
            },
            Evidence::File {
                sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
                name: "biên bản bàn giao.pdf".into(),
                content_type: "application/pdf".into(),
                size: 482_133,
            },
        ],
        provenance: provenance(),
    };
    follow_up_pinned(
        FollowUp::TaskUpdate(update.clone()),
        r#"{
            "record": "task_update",
            "id": 111,
            "task": 110,
            "on": "2025-10-15",
            "text": "Đã bàn giao 80% mặt bằng",
            "percent": 80,
            "done": true,
            "evidence": [
                {"type": "link", "url": "https://nghean.gov.vn/tin-tuc/12345"},
                {
                    "type": "file",
                    "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    "name": "biên bản bàn giao.pdf",
                    "content_type": "application/pdf",
                    "size": 482133
                }
            ],
            "provenance": PROVENANCE
        }"#,
    );
    follow_up_pinned(
        FollowUp::TaskUpdate(TaskUpdate {
            percent: None,
            done: false,
            evidence: vec![],
            ..update
        }),
        r#"{
            "record": "task_update",
            "id": 111,
            "task": 110,
            "on": "2025-10-15",
            "text": "Đã bàn giao 80% mặt bằng",
            "percent": null,
            "done": false,
            "evidence": [],
            "provenance": PROVENANCE
        }"#,
    );
}

#[test]
fn a_recommendation_is_pinned() {
    let recommendation = Recommendation {
        id: FollowUpId(112),
        from: UnitId(4012),
        to: UnitId(42),
        received: time::macros::date!(2025 - 09 - 12),
        limit_days: 15,
        text: "Đề nghị bổ sung vốn tái định cư".into(),
        session: Some(FollowUpId(108)),
        provenance: provenance(),
    };
    follow_up_pinned(
        FollowUp::Recommendation(recommendation.clone()),
        r#"{
            "record": "recommendation",
            "id": 112,
            "from": 4012,
            "to": 42,
            "received": "2025-09-12",
            "limit_days": 15,
            "text": "Đề nghị bổ sung vốn tái định cư",
            "session": 108,
            "provenance": PROVENANCE
        }"#,
    );
    follow_up_pinned(
        FollowUp::Recommendation(Recommendation {
            session: None,
            ..recommendation
        }),
        r#"{
            "record": "recommendation",
            "id": 112,
            "from": 4012,
            "to": 42,
            "received": "2025-09-12",
            "limit_days": 15,
            "text": "Đề nghị bổ sung vốn tái định cư",
            "session": null,
            "provenance": PROVENANCE
        }"#,
    );
}

#[test]
fn an_answer_is_pinned() {
    follow_up_pinned(
        FollowUp::Answer(Answer {
            id: FollowUpId(113),
            recommendation: FollowUpId(112),
            on: time::macros::date!(2025 - 09 - 25),
            text: "Đã bố trí 12 tỷ đồng trong kế hoạch vốn năm 2026".into(),
            provenance: provenance(),
        }),
        r#"{
            "record": "answer",
            "id": 113,
            "recommendation": 112,
            "on": "2025-09-25",
            "text": "Đã bố trí 12 tỷ đồng trong kế hoạch vốn năm 2026",
            "provenance": PROVENANCE
        }"#,
    );
}

/// A position's title in English and French is kept beside the Vietnamese, and its
/// correction (ended, moved, retitled) is a revision like a task's.
#[test]
fn a_translated_position_and_its_revision_are_pinned() {
    let titled = crate::text::Translations::default()
        .with(crate::Language::En, "Vice Chair")
        .with(crate::Language::Fr, "Vice-président");
    follow_up_pinned(
        FollowUp::Position(Position {
            id: FollowUpId(102),
            person: FollowUpId(101),
            title: "Phó Chủ tịch".into(),
            translated: titled.clone(),
            unit: None,
            from: None,
            to: None,
            provenance: provenance(),
        }),
        r#"{
            "record": "position",
            "id": 102,
            "person": 101,
            "title": "Phó Chủ tịch",
            "translated": {"en": "Vice Chair", "fr": "Vice-président"},
            "unit": null,
            "from": null,
            "to": null,
            "provenance": PROVENANCE
        }"#,
    );
    follow_up_pinned(
        FollowUp::Revision(Revision {
            id: FollowUpId(122),
            of: FollowUpId(102),
            changes: vec![
                Change::Post {
                    before: "Phó Chủ tịch".into(),
                    after: "Chủ tịch".into(),
                },
                Change::PostTranslated {
                    before: titled,
                    after: crate::text::Translations::default(),
                },
                Change::PostUnit {
                    before: None,
                    after: Some(UnitId(41)),
                },
                Change::Starts {
                    before: None,
                    after: Some(time::macros::date!(2021 - 06 - 25)),
                },
                Change::Ends {
                    before: None,
                    after: Some(time::macros::date!(2026 - 06 - 24)),
                },
            ],
            reason: "Nghỉ hưu".into(),
            provenance: provenance(),
        }),
        r#"{
            "record": "revision",
            "id": 122,
            "of": 102,
            "changes": [
                {"field": "post", "before": "Phó Chủ tịch", "after": "Chủ tịch"},
                {"field": "post_translated", "before": {"en": "Vice Chair", "fr": "Vice-président"}, "after": {}},
                {"field": "post_unit", "before": null, "after": 41},
                {"field": "starts", "before": null, "after": "2021-06-25"},
                {"field": "ends", "before": null, "after": "2026-06-24"}
            ],
            "reason": "Nghỉ hưu",
            "provenance": PROVENANCE
        }"#,
    );
}

/// A correction keeps every field's value before and after: the history shows both, and a
/// revision made from a stale version is refused by its `before`.
#[test]
fn a_revision_of_each_field_is_pinned() {
    let day = |d| Some(d);
    follow_up_pinned(
        FollowUp::Revision(Revision {
            id: FollowUpId(120),
            of: FollowUpId(110),
            changes: vec![
                Change::Due {
                    before: day(time::macros::date!(2026 - 12 - 31)),
                    after: day(time::macros::date!(2027 - 03 - 31)),
                },
                Change::Lead {
                    before: UnitId(4012),
                    after: UnitId(4013),
                },
                Change::Title {
                    before: "Hoàn thành GPMB".into(),
                    after: "Hoàn thành giải phóng mặt bằng".into(),
                },
                Change::CoOwners {
                    before: vec![],
                    after: vec![UnitId(42)],
                },
            ],
            reason: "Quyết định 88/QĐ-UBND gia hạn".into(),
            provenance: provenance(),
        }),
        r#"{
            "record": "revision",
            "id": 120,
            "of": 110,
            "changes": [
                {"field": "due", "before": "2026-12-31", "after": "2027-03-31"},
                {"field": "lead", "before": 4012, "after": 4013},
                {"field": "title", "before": "Hoàn thành GPMB", "after": "Hoàn thành giải phóng mặt bằng"},
                {"field": "co_owners", "before": [], "after": [42]}
            ],
            "reason": "Quyết định 88/QĐ-UBND gia hạn",
            "provenance": PROVENANCE
        }"#,
    );
    let text = |before: &str, after: &str| (before.to_owned(), after.to_owned());
    let (b, a) = text("a", "b");
    follow_up_pinned(
        FollowUp::Revision(Revision {
            id: FollowUpId(121),
            of: FollowUpId(108),
            changes: vec![
                Change::Date {
                    before: time::macros::date!(2025 - 09 - 12),
                    after: time::macros::date!(2025 - 09 - 13),
                },
                Change::Place {
                    before: b.clone(),
                    after: a.clone(),
                },
                Change::Report {
                    before: b.clone(),
                    after: a.clone(),
                },
                Change::Achievements {
                    before: b.clone(),
                    after: a.clone(),
                },
                Change::Limitations {
                    before: b.clone(),
                    after: a.clone(),
                },
                Change::Causes {
                    before: b,
                    after: a,
                },
            ],
            reason: "Sửa biên bản".into(),
            provenance: provenance(),
        }),
        r#"{
            "record": "revision",
            "id": 121,
            "of": 108,
            "changes": [
                {"field": "date", "before": "2025-09-12", "after": "2025-09-13"},
                {"field": "place", "before": "a", "after": "b"},
                {"field": "report", "before": "a", "after": "b"},
                {"field": "achievements", "before": "a", "after": "b"},
                {"field": "limitations", "before": "a", "after": "b"},
                {"field": "causes", "before": "a", "after": "b"}
            ],
            "reason": "Sửa biên bản",
            "provenance": PROVENANCE
        }"#,
    );
}

/// The stable kind the store writes beside each body (`follow_up_records.kind`) and the
/// audit trail's action names (`task.record`) are the serde tags.
#[test]
fn follow_up_kinds_are_their_tags() {
    let person = FollowUp::Person(Person {
        id: FollowUpId(1),
        name: "Lan".into(),
        provenance: provenance(),
    });
    assert_eq!(person.kind(), "person");
    assert_eq!(json!(person)["record"], json!(person.kind()));
}

// ---------------------------------------------------------------------------------------
// A whole change-log entry: the batch of one commit.

/// A commit's batch is a JSON array of tagged records, in commit order.
#[test]
fn a_change_log_batch_is_pinned() {
    let batch = vec![
        Record::Unit(nation()),
        Record::Observation(correction()),
        Record::FollowUp(FollowUp::Person(Person {
            id: FollowUpId(101),
            name: "Chamaléa Thị Thủy".into(),
            provenance: provenance(),
        })),
    ];
    pinned(
        &batch,
        &with_provenance(
            r#"[
                {"type": "unit", "record": {
                    "id": 1, "code": "VN", "kind": "nation", "name": {"vi": "Việt Nam"},
                    "parent": null, "valid_from": null, "valid_to": null,
                    "provenance": PROVENANCE
                }},
                {"type": "observation", "record": {
                    "id": 90001, "indicator": 3, "unit": 40, "period": "2025-YTD05",
                    "value": 36539.7, "kind": "official", "reported_by": 4012, "document": 8,
                    "corrects": 89750, "note": "Số liệu chính thức của Cục Thống kê",
                    "provenance": PROVENANCE
                }},
                {"type": "follow_up", "record": {
                    "record": "person", "id": 101, "name": "Chamaléa Thị Thủy",
                    "provenance": PROVENANCE
                }}
            ]"#,
        ),
    );
}

// ---------------------------------------------------------------------------------------
// Spellings stored in columns of their own.

/// Roles are stored in `account_grants.role`.
#[test]
fn roles_are_spelled_as_pinned() {
    spelled(&[
        (Role::Admin, "admin"),
        (Role::Office, "office"),
        (Role::Reporter, "reporter"),
        (Role::Supervisor, "supervisor"),
        (Role::Viewer, "viewer"),
    ]);
    for role in Role::ALL {
        assert_eq!(json!(role), json!(role.as_str()));
        assert_eq!(Role::parse(role.as_str()), Some(role));
    }
}

// ---------------------------------------------------------------------------------------
// The reporting cycle: each record is the body of `reporting_records` and an audit state, and
// a change-log entry wraps it as `{"type": "reporting", "record": …}`.

#[track_caller]
fn reporting_pinned(record: crate::reporting::Reporting, expected: &str) {
    let expected = with_provenance(expected);
    pinned(&record, &expected);
    logged(&Record::Reporting(record), "reporting", &expected);
}

#[test]
fn a_regime_of_each_kind_of_reporters_is_pinned() {
    use crate::reporting::{Frequency, Regime, RegimeCode, Reporters, Reporting};
    let regime = |reporters| {
        Reporting::Regime(Regime {
            id: crate::RegimeId(3),
            code: RegimeCode::parse("SCT-THANG").expect("code"),
            name: Translations::vi("Báo cáo tháng"),
            document: DocumentId(7),
            indicators: vec![IndicatorId(1), IndicatorId(2)],
            reporters,
            frequency: Frequency::Monthly,
            recipient: UnitId(40),
            deadline_days: 5,
            holds_after: crate::ObservationId(12),
            provenance: provenance(),
        })
    };
    let body = |reporters: &str| {
        format!(
            r#"{{
            "record": "regime",
            "id": 3,
            "code": "SCT-THANG",
            "name": {{"vi": "Báo cáo tháng"}},
            "document": 7,
            "indicators": [1, 2],
            "reporters": {reporters},
            "frequency": "monthly",
            "recipient": 40,
            "deadline_days": 5,
            "holds_after": 12,
            "provenance": PROVENANCE
        }}"#
        )
    };
    reporting_pinned(
        regime(Reporters::Units {
            units: vec![UnitId(41), UnitId(42)],
        }),
        &body(r#"{"type": "units", "units": [41, 42]}"#),
    );
    reporting_pinned(
        regime(Reporters::KindUnder {
            kind: UnitKind::Department,
            under: UnitId(40),
        }),
        &body(r#"{"type": "kind_under", "kind": "department", "under": 40}"#),
    );
    // A regime stored before regimes said which figures they hold holds every figure.
    let old = body(r#"{"type": "units", "units": [41]}"#).replace(r#""holds_after": 12,"#, "");
    let Ok(Reporting::Regime(read)) = serde_json::from_str(&with_provenance(&old)) else {
        panic!("an older regime reads");
    };
    assert_eq!(read.holds_after, crate::ObservationId(0));
    spelled(&[
        (Frequency::Monthly, "monthly"),
        (Frequency::Quarterly, "quarterly"),
        (Frequency::SixMonthly, "six_monthly"),
        (Frequency::Yearly, "yearly"),
    ]);
}

#[test]
fn a_step_of_each_action_is_pinned() {
    use crate::reporting::{Action, Explanation, Reporting, Step};
    let step = |action| {
        Reporting::Step(Step {
            id: crate::StepId(9),
            regime: crate::RegimeId(3),
            unit: UnitId(41),
            period: period("2025-06"),
            action,
            provenance: provenance(),
        })
    };
    let body = |action: &str| {
        format!(
            r#"{{
            "record": "step",
            "id": 9,
            "regime": 3,
            "unit": 41,
            "period": "2025-06",
            {action},
            "provenance": PROVENANCE
        }}"#
        )
    };
    reporting_pinned(
        step(Action::Submit {
            explanations: vec![Explanation {
                indicator: IndicatorId(2),
                text: "Nhà máy mới đi vào hoạt động".into(),
            }],
        }),
        &body(
            r#""action": "submit", "explanations": [{"indicator": 2, "text": "Nhà máy mới đi vào hoạt động"}]"#,
        ),
    );
    reporting_pinned(
        step(Action::Approve {
            through: crate::ObservationId(41),
        }),
        &body(r#""action": "approve", "through": 41"#),
    );
    // An approval stored before approvals named their last figure published everything.
    let old: Reporting = serde_json::from_str(&with_provenance(&body(r#""action": "approve""#)))
        .expect("an older approval reads");
    assert!(matches!(
        old,
        Reporting::Step(Step {
            action: Action::Approve {
                through: crate::ObservationId(u64::MAX)
            },
            ..
        })
    ));
    reporting_pinned(
        step(Action::Return {
            reason: "Thiếu số liệu xuất khẩu".into(),
        }),
        &body(r#""action": "return", "reason": "Thiếu số liệu xuất khẩu""#),
    );
    reporting_pinned(
        step(Action::Reopen {
            reason: "Sai đơn vị tính".into(),
        }),
        &body(r#""action": "reopen", "reason": "Sai đơn vị tính""#),
    );
}

// ---------------------------------------------------------------------------------------
// Validation rules: each is the body of `validation_rules`, and a change-log entry wraps it
// as `{"type": "rule", "record": …}`.

#[test]
fn a_validation_rule_of_each_check_is_pinned() {
    use crate::reporting::validation::{Check, Rule};
    let rule = |check| Rule {
        id: crate::RuleId(4),
        regime: crate::RegimeId(3),
        check,
        provenance: provenance(),
    };
    let cases = [
        (
            Check::Bounds {
                indicator: IndicatorId(1),
                min: Some(0.0),
                max: None,
            },
            r#""check": "bounds", "indicator": 1, "min": 0.0"#,
        ),
        (
            Check::Required {
                indicator: IndicatorId(2),
            },
            r#""check": "required", "indicator": 2"#,
        ),
        (
            Check::PartOf {
                part: IndicatorId(2),
                whole: IndicatorId(1),
            },
            r#""check": "part_of", "part": 2, "whole": 1"#,
        ),
        (
            Check::SumOf {
                whole: IndicatorId(1),
                parts: vec![IndicatorId(2), IndicatorId(3)],
                tolerance: 0.01,
            },
            r#""check": "sum_of", "whole": 1, "parts": [2, 3], "tolerance": 0.01"#,
        ),
        (
            Check::MonthWithinYearToDate {
                month: IndicatorId(1),
                year_to_date: IndicatorId(2),
            },
            r#""check": "month_within_year_to_date", "month": 1, "year_to_date": 2"#,
        ),
        (
            Check::Outliers {
                indicator: None,
                change: Some(0.3),
                z: Some(3.5),
            },
            r#""check": "outliers", "change": 0.3, "z": 3.5"#,
        ),
    ];
    for (check, fields) in cases {
        let expected = with_provenance(&format!(
            r#"{{"id": 4, "regime": 3, {fields}, "provenance": PROVENANCE}}"#
        ));
        let rule = rule(check);
        pinned(&rule, &expected);
        logged(&Record::Rule(rule), "rule", &expected);
    }
}

// ---------------------------------------------------------------------------------------
// Amendments: each is the body of `amendments`, and a change-log entry wraps it as
// `{"type": "amendment", "record": …}`.

#[test]
fn an_amendment_of_each_kind_of_record_is_pinned() {
    use crate::AmendmentId;
    use crate::amendment::{Amended, Amendment, Edit};
    let amendment = |of, changes| Amendment {
        id: AmendmentId(7),
        of,
        changes,
        reason: "Nghị quyết 05/NQ-HĐND điều chỉnh".into(),
        provenance: provenance(),
    };
    let title = Translations::vi;
    let cases = [
        (
            amendment(
                Amended::Document(DocumentId(2)),
                vec![
                    Edit::Title {
                        before: title("Kế hoạch"),
                        after: title("Kế hoạch phát triển"),
                    },
                    Edit::IssuedOn {
                        before: None,
                        after: Some(time::macros::date!(2026 - 01 - 15)),
                    },
                ],
            ),
            r#""of": {"kind": "document", "id": 2}, "changes": [
                {"field": "title", "before": {"vi": "Kế hoạch"}, "after": {"vi": "Kế hoạch phát triển"}},
                {"field": "issued_on", "before": null, "after": "2026-01-15"}]"#,
        ),
        (
            amendment(
                Amended::Target(TargetId(3)),
                vec![
                    Edit::Value {
                        before: 12.5,
                        after: 13.0,
                    },
                    Edit::Comparator {
                        before: Comparator::AtLeast,
                        after: Comparator::AtMost,
                    },
                    Edit::Baseline {
                        before: None,
                        after: Some(Baseline {
                            period: period("2025"),
                            value: 10.0,
                        }),
                    },
                ],
            ),
            r#""of": {"kind": "target", "id": 3}, "changes": [
                {"field": "value", "before": 12.5, "after": 13.0},
                {"field": "comparator", "before": "at_least", "after": "at_most"},
                {"field": "baseline", "before": null, "after": {"period": "2025", "value": 10.0}}]"#,
        ),
        (
            amendment(
                Amended::Indicator(IndicatorId(4)),
                vec![
                    Edit::Decimals {
                        before: 1,
                        after: 2,
                    },
                    Edit::Direction {
                        before: Direction::HigherIsBetter,
                        after: Direction::LowerIsBetter,
                    },
                    Edit::AcrossUnits {
                        before: AcrossUnits::Sum,
                        after: AcrossUnits::NotCombinable,
                    },
                    Edit::OverTime {
                        before: OverTime::Flow,
                        after: OverTime::Stock,
                    },
                    Edit::SamePeriodBase {
                        before: None,
                        after: Some(SamePeriodBase::Index100),
                    },
                ],
            ),
            r#""of": {"kind": "indicator", "id": 4}, "changes": [
                {"field": "decimals", "before": 1, "after": 2},
                {"field": "direction", "before": "higher_is_better", "after": "lower_is_better"},
                {"field": "across_units", "before": {"rule": "sum"}, "after": {"rule": "not_combinable"}},
                {"field": "over_time", "before": "flow", "after": "stock"},
                {"field": "same_period_base", "before": null, "after": "index100"}]"#,
        ),
    ];
    for (amendment, fields) in cases {
        let expected = with_provenance(&format!(
            r#"{{"id": 7, {fields}, "reason": "Nghị quyết 05/NQ-HĐND điều chỉnh", "provenance": PROVENANCE}}"#
        ));
        pinned(&amendment, &expected);
        logged(&Record::Amendment(amendment), "amendment", &expected);
    }
}
