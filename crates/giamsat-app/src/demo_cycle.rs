//! The demo's reporting cycle: a monthly regime for the departments of Quảng Ninh (the
//! province the demo accounts cover), with reports in every state, so that each page of the
//! cycle shows a real case. Unlike the rest of the demo these facts come from no report: they
//! are illustrative, and their source says so.

use giamsat_core::reporting::{Action, Explanation, Reporting, Step};
use giamsat_core::{IndicatorCode, ObservationId, Provenance, Record, RegimeId, StepId, UnitCode};

use crate::demo::{add, document, indicator, observation, s, unit};
use crate::reporting::RegimeInput;
use crate::{AppError, Batch};

/// The source of every record of the demo's cycle.
pub const DEMO_CYCLE: &str =
    "Demo (illustrative, no source report): chế độ báo cáo tháng của các sở, tỉnh Quảng Ninh";

/// The regime's code.
pub const REGIME: &str = "QN-SO-THANG";

/// The departments that report, with their figures for January to November 2026: public
/// investment disbursed (VND billion) and administrative files resolved.
const DEPARTMENTS: [(&str, [&str; 3], f64, f64); 4] = [
    (
        "22-SCT",
        [
            "Sở Công Thương Quảng Ninh",
            "Quang Ninh Department of Industry and Trade",
            "Département de l'industrie et du commerce de Quang Ninh",
        ],
        42.0,
        310.0,
    ),
    (
        "22-SXD",
        [
            "Sở Xây dựng Quảng Ninh",
            "Quang Ninh Department of Construction",
            "Département de la construction de Quang Ninh",
        ],
        95.0,
        220.0,
    ),
    (
        "22-STC",
        [
            "Sở Tài chính Quảng Ninh",
            "Quang Ninh Department of Finance",
            "Département des finances de Quang Ninh",
        ],
        18.0,
        140.0,
    ),
    (
        "22-SYT",
        [
            "Sở Y tế Quảng Ninh",
            "Quang Ninh Department of Health",
            "Département de la santé de Quang Ninh",
        ],
        60.0,
        180.0,
    ),
];

pub const DISBURSED: &str = "PUBLIC_INVESTMENT_DISBURSED";
pub const FILES: &str = "ADMIN_FILES_RESOLVED";

/// Adds the regime, its departments, their figures and their reports.
pub(crate) fn add_cycle(batch: &mut Batch<'_>) -> Result<(), AppError> {
    add(
        batch,
        unit(
            "22-UBND",
            "peoples_committee",
            Some("22"),
            "Ủy ban nhân dân tỉnh Quảng Ninh",
            "Quang Ninh Provincial People's Committee",
            "Comité populaire provincial de Quang Ninh",
        ),
        DEMO_CYCLE,
    )?;
    for (code, names, _, _) in DEPARTMENTS {
        let [vi, en, fr] = names;
        add(
            batch,
            unit(code, "department", Some("22-UBND"), vi, en, fr),
            DEMO_CYCLE,
        )?;
    }
    add(
        batch,
        document(
            None,
            Some("22-QD-CDBC-2026"),
            Some("decision"),
            "22-UBND",
            Some("2/1/2026"),
            [
                "Quyết định ban hành chế độ báo cáo định kỳ hằng tháng của các sở, ngành",
                "Decision setting the monthly periodic reporting regime of the departments",
                "Décision fixant le régime de rapport périodique mensuel des départements",
            ],
            [None, None, None],
            DEMO_CYCLE,
        ),
        DEMO_CYCLE,
    )?;
    add(
        batch,
        indicator(
            DISBURSED,
            [
                "Giải ngân vốn đầu tư công",
                "Public investment disbursed",
                "Investissement public décaissé",
            ],
            ["tỷ đồng", "VND billion", "milliards de VND"],
            1,
            "flow",
            "sum",
            None,
        ),
        DEMO_CYCLE,
    )?;
    add(
        batch,
        indicator(
            FILES,
            [
                "Hồ sơ thủ tục hành chính được giải quyết",
                "Administrative files resolved",
                "Dossiers administratifs traités",
            ],
            ["hồ sơ", "files", "dossiers"],
            0,
            "flow",
            "sum",
            None,
        ),
        DEMO_CYCLE,
    )?;
    let regime = RegimeInput {
        code: s(REGIME),
        name: s("Báo cáo tháng của các sở"),
        name_en: s("Monthly report of the departments"),
        name_fr: s("Rapport mensuel des départements"),
        document: s("22-QD-CDBC-2026"),
        indicators: vec![DISBURSED.into(), FILES.into()],
        kind: s("department"),
        under: s("22"),
        frequency: s("monthly"),
        recipient: s("22-UBND"),
        deadline_days: s("5"),
        source: s(DEMO_CYCLE),
        ..RegimeInput::default()
    };
    let regime = crate::reporting::regime_of(batch, &regime)?;
    let regime_id = regime.id;
    batch.report(Reporting::Regime(regime), "code")?;
    rules(batch)?;
    figures(batch)?;
    reports(batch, regime_id)
}

/// The regime's validation rules: both figures required and never negative, and any change of
/// more than 30 % over the previous month or the same month of last year, or a robust z-score
/// above 4 over the department's own months, to be explained.
fn rules(batch: &mut Batch<'_>) -> Result<(), AppError> {
    let rule = |check: &str, indicator: Option<&str>| crate::validation::RuleInput {
        regime: s(REGIME),
        check: s(check),
        indicator: indicator.map(str::to_owned),
        source: s(DEMO_CYCLE),
        ..crate::validation::RuleInput::default()
    };
    for code in [DISBURSED, FILES] {
        crate::validation::add_rule(batch, &rule("required", Some(code)))?;
        crate::validation::add_rule(
            batch,
            &crate::validation::RuleInput {
                min: s("0"),
                ..rule("bounds", Some(code))
            },
        )?;
    }
    crate::validation::add_rule(
        batch,
        &crate::validation::RuleInput {
            change: s("30"),
            z: s("4"),
            ..rule("outliers", None)
        },
    )?;
    Ok(())
}

/// Each department's figures, January to November 2026; the Department of Industry and Trade
/// disbursed more than twice its usual amount in November (the outlier it explains).
fn figures(batch: &mut Batch<'_>) -> Result<(), AppError> {
    for (code, _, disbursed, files) in DEPARTMENTS {
        for month in 1..=11u8 {
            let period = format!("2026-{month:02}");
            // The Department of Finance has not entered November: its report is missing.
            if code == "22-STC" && month == 11 {
                continue;
            }
            let step = f64::from(month);
            let mut money = disbursed + step * 1.5;
            if code == "22-SCT" && month == 11 {
                money = disbursed * 2.6;
            }
            let count = files + (step * 3.0).round();
            for (indicator, value) in [(DISBURSED, money), (FILES, count)] {
                let input = crate::input::ObservationInput {
                    reported_by: s(code),
                    source: s(DEMO_CYCLE),
                    ..observation(indicator, code, &period, value, "official")
                };
                add(batch, input, DEMO_CYCLE)?;
            }
        }
    }
    Ok(())
}

/// The reports: January to October sent on time and approved by every department; in
/// November one approved (with its outlier explained), one returned, one sent late and
/// awaiting approval, one missing.
fn reports(batch: &mut Batch<'_>, regime: RegimeId) -> Result<(), AppError> {
    let at = |month: u8, day: u8| {
        time::Month::try_from(month)
            .ok()
            .and_then(|m| time::Date::from_calendar_date(2026, m, day).ok())
            .map(|d| d.with_hms(2, 0, 0).map(|t| t.assume_utc()))
            .and_then(Result::ok)
            .ok_or_else(|| AppError::Inconsistent(format!("no day {day}/{month}/2026")))
    };
    // Every figure is in: each approval publishes the figures of its report.
    let approve = Action::Approve {
        through: ObservationId(batch.engine().last_observation_id()),
    };
    let mut steps: Vec<(String, &str, u8, time::OffsetDateTime, Action)> = Vec::new();
    for (code, _, _, _) in DEPARTMENTS {
        for month in 1..=10u8 {
            steps.push((
                code.into(),
                "demo.reporter",
                month,
                at(month, 17)?,
                submit(vec![]),
            ));
            steps.push((
                code.into(),
                "demo.office",
                month,
                at(month, 18)?,
                approve.clone(),
            ));
        }
    }
    let explained = vec![Explanation {
        indicator: indicator_id(batch, DISBURSED)?,
        text: "Giải ngân dồn cho dự án đường nối khu công nghiệp trước khi quyết toán năm / Catch-up disbursement for the industrial-zone road before the year's accounts close".into(),
    }];
    steps.extend([
        ("22-SCT".into(), "demo.reporter", 11, at(11, 16)?, submit(explained)),
        ("22-SCT".into(), "demo.office", 11, at(11, 18)?, approve),
        ("22-SYT".into(), "demo.reporter", 11, at(11, 18)?, submit(vec![])),
        (
            "22-SYT".into(),
            "demo.office",
            11,
            at(11, 19)?,
            Action::Return {
                reason: "Số hồ sơ giải quyết không khớp với Cổng dịch vụ công; đề nghị rà soát lại / The files resolved do not match the public service portal: please check them".into(),
            },
        ),
        ("22-SXD".into(), "demo.reporter", 11, at(11, 25)?, submit(vec![])),
    ]);
    for (code, by, month, recorded_at, action) in steps {
        let unit = batch
            .engine()
            .unit_by_code(
                &UnitCode::parse(&code).map_err(|e| AppError::Inconsistent(e.to_string()))?,
            )
            .map(|u| u.id)
            .ok_or_else(|| AppError::Inconsistent(format!("no unit {code}")))?;
        let period = format!("2026-{month:02}").parse().map_err(
            |e: giamsat_core::period::PeriodError| AppError::Inconsistent(e.to_string()),
        )?;
        let step = Step {
            id: StepId(batch.engine().reporting().next_id()),
            regime,
            unit,
            period,
            action,
            provenance: Provenance {
                source: DEMO_CYCLE.into(),
                recorded_by: by.into(),
                recorded_at,
            },
        };
        batch.push(Record::Reporting(Reporting::Step(step)))?;
    }
    Ok(())
}

fn submit(explanations: Vec<Explanation>) -> Action {
    Action::Submit { explanations }
}

fn indicator_id(batch: &Batch<'_>, code: &str) -> Result<giamsat_core::IndicatorId, AppError> {
    IndicatorCode::parse(code)
        .ok()
        .and_then(|c| batch.engine().indicator_by_code(&c))
        .map(|i| i.id)
        .ok_or_else(|| AppError::Inconsistent(format!("no indicator {code}")))
}

#[cfg(test)]
mod tests {
    use giamsat_core::reporting::{RegimeCode, State, Timeliness, completeness};

    use super::*;
    use crate::{Actor, App};

    #[tokio::test]
    async fn the_demo_has_a_report_in_every_state() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("giamsat.db");
        let store = giamsat_store::SqlStore::open(path.to_str().expect("utf-8"))
            .await
            .expect("store");
        let app = App::open(store).await.expect("app");
        app.load_demo(&Actor::named("demo")).await.expect("demo");
        let engine = app.engine();
        let regime = engine
            .reporting()
            .regime_by_code(&RegimeCode::parse(REGIME).expect("code"))
            .expect("the demo's regime");
        let november = "2026-11".parse().expect("period");
        let c = completeness(&engine, regime, november);
        let code = |u| {
            engine
                .unit(u)
                .map(|x| x.code.to_string())
                .unwrap_or_default()
        };
        let found: Vec<(String, State, Timeliness)> = c
            .reports
            .iter()
            .map(|r| (code(r.unit), r.state, r.timeliness))
            .collect();
        let expected = [
            ("22-SCT", State::Approved, Timeliness::OnTime),
            ("22-STC", State::Draft, Timeliness::Missing),
            ("22-SXD", State::Submitted, Timeliness::Late),
            ("22-SYT", State::Returned, Timeliness::OnTime),
        ];
        let expected: Vec<(String, State, Timeliness)> = expected
            .iter()
            .map(|(c, s, t)| ((*c).to_owned(), *s, *t))
            .collect();
        assert_eq!(found, expected);
        assert_eq!((c.total.sent, c.total.on_time, c.total.expected), (3, 2, 4));
        let sct = engine
            .unit_by_code(&UnitCode::parse("22-SCT").expect("code"))
            .expect("unit")
            .id;
        let disbursed = indicator_id_of(&engine, DISBURSED);
        let report = engine
            .reporting()
            .submission(regime.id, sct, november)
            .expect("report");
        assert!(report.explanation(disbursed).is_some());
        assert!(
            engine
                .reporting()
                .locking(disbursed, sct, november)
                .is_some(),
            "the approved report locks its figures"
        );
        let october = "2026-10".parse().expect("period");
        assert_eq!(completeness(&engine, regime, october).total.on_time, 4);
    }

    fn indicator_id_of(engine: &giamsat_core::Engine, code: &str) -> giamsat_core::IndicatorId {
        engine
            .indicator_by_code(&IndicatorCode::parse(code).expect("code"))
            .expect("indicator")
            .id
    }
}
