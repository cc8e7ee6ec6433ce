//! The use cases against a real SQLite file.

use giamsat_core::ScorecardSource;
use giamsat_core::evaluation::{evaluate, scorecard_ranking};
use giamsat_core::{IndicatorCode, Period, Record, Status, UnitCode};
use giamsat_store::{SqlStore, Store};

use crate::input::ObservationInput;
use crate::{Actor, App, AppError, ImportKind};

async fn app_at(path: &std::path::Path) -> App<SqlStore> {
    let store = SqlStore::open(path.to_str().expect("utf-8 path"))
        .await
        .expect("open store");
    App::open(store).await.expect("open app")
}

async fn fresh() -> (tempfile::TempDir, App<SqlStore>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = app_at(&dir.path().join("giamsat.db")).await;
    (dir, app)
}

fn actor() -> Actor {
    Actor::named("tester")
}

fn status_of(app: &App<SqlStore>, indicator: &str) -> (Status, f64, Option<f64>) {
    let engine = app.engine();
    let ind = engine
        .indicator_by_code(&IndicatorCode::parse(indicator).expect("code"))
        .expect("indicator");
    let target = engine
        .targets()
        .find(|t| t.indicator == ind.id)
        .expect("target");
    let e = evaluate(&engine, target);
    (
        e.status,
        e.percent_of_plan.expect("percent"),
        e.change_over_same_period,
    )
}

#[tokio::test]
async fn demo_reproduces_seed_003_and_survives_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("giamsat.db");
    let app = app_at(&path).await;
    let written = app.load_demo(&actor()).await.expect("demo");
    assert!(written > 90, "{written} records");
    assert_eq!(
        app.load_demo(&actor()).await.expect("again"),
        0,
        "a second load adds nothing"
    );
    let check = |app: &App<SqlStore>| {
        for &(code, _, change, percent) in crate::demo::SEED_003_FLOWS {
            let (_, p, c) = status_of(app, code);
            let c = c.expect("change over the same period");
            assert!(
                (p - percent).abs() < 0.005,
                "{code}: {p}% of plan, report says {percent}%"
            );
            assert!(
                (c - change).abs() < 0.005,
                "{code}: {c}% change, report says {change}%"
            );
        }
        assert_eq!(status_of(app, "RETAIL_SALES").0, Status::OnTrack);
        assert_eq!(status_of(app, "EXPORTS").0, Status::OffTrack);
        assert_eq!(status_of(app, "IMPORTS").0, Status::AtRisk);
        let engine = app.engine();
        let ranking = scorecard_ranking(&engine, "2023".parse::<Period>().expect("p"));
        let code = |r: &giamsat_core::evaluation::ScorecardRow| {
            engine
                .unit(r.unit)
                .map(|u| u.code.to_string())
                .expect("unit")
        };
        // Twenty localities as the review reported them, and Nghệ An counted from its targets.
        assert_eq!(ranking.len(), 21);
        assert!(
            ranking[..3].iter().all(|r| r.scorecard.all_met()),
            "three localities met all"
        );
        let reported: Vec<_> = ranking
            .iter()
            .filter(|r| r.source == ScorecardSource::Reported)
            .collect();
        assert_eq!(reported.len(), 20);
        assert_eq!(
            code(reported[19]),
            "48",
            "Đà Nẵng 4/10 is last of the review"
        );
        let nghe_an = ranking.iter().find(|r| code(r) == "40").expect("Nghệ An");
        assert_eq!(
            (nghe_an.source, nghe_an.scorecard.met, nghe_an.scorecard.set),
            (ScorecardSource::Computed, 0, 3)
        );
    };
    check(&app);
    drop(app);
    let reopened = app_at(&path).await;
    check(&reopened);
}

#[tokio::test]
async fn an_import_with_one_bad_row_writes_nothing_and_names_every_problem() {
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let before = app.export(ImportKind::Observations).await.expect("export");
    let csv = "indicator,unit,period,value,kind\n\
               RETAIL_SALES,40,2023-YTD06,44000,estimate\n\
               RETAIL_SALES,99,2023-13,abc,guess\n\
               NOPE,40,2023-07,1,official\n";
    let err = app
        .import(
            &actor(),
            ImportKind::Observations,
            "june.csv",
            csv.as_bytes(),
            crate::ImportOptions::default(),
        )
        .await
        .expect_err("invalid");
    let AppError::Import { errors, .. } = err else {
        panic!("expected an import error, got {err}")
    };
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        vec![
            "june.csv:3:2: unit: no unit has the code 99",
            "june.csv:3:3: period: month 13 does not exist: months run from 1 to 12",
            "june.csv:3:4: value: \"abc\" is not a number",
            "june.csv:3:5: kind: \"guess\" is not one of: estimate, preliminary, official",
            "june.csv:4:1: indicator: no indicator has the code NOPE",
        ]
    );
    assert_eq!(
        app.export(ImportKind::Observations).await.expect("export"),
        before,
        "nothing written"
    );
    let engine = app.engine();
    let unit = engine
        .unit_by_code(&UnitCode::parse("40").expect("c"))
        .expect("unit")
        .id;
    let retail = engine
        .indicator_by_code(&IndicatorCode::parse("RETAIL_SALES").expect("c"))
        .expect("i")
        .id;
    assert_eq!(
        engine.reported(retail, unit, "2023-H1".parse().expect("p")),
        None
    );
}

#[tokio::test]
async fn skip_invalid_writes_the_good_rows_and_returns_the_rejects() {
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let csv = "indicator,unit,period,value,kind\n\
               RETAIL_SALES,40,2023-YTD06,44000,estimate\n\
               RETAIL_SALES,40,2023-YTD07,,estimate\n";
    let report = app
        .import(
            &actor(),
            ImportKind::Observations,
            "f.csv",
            csv.as_bytes(),
            crate::ImportOptions {
                skip_invalid: true,
                ..Default::default()
            },
        )
        .await
        .expect("import");
    assert_eq!(report.accepted, 1);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(
        report.rejected[0].to_string(),
        "f.csv:3:4: value: is required"
    );
    assert_eq!(
        report.rejected[0].row,
        vec!["RETAIL_SALES", "40", "2023-YTD07", "", "estimate"]
    );
    // The June figure now drives the retail target: 44,000 of ~85,014 by June.
    let (status, percent, _) = status_of(&app, "RETAIL_SALES");
    assert!((percent - 44_000.0 / (36_539.0 / 0.4298) * 100.0).abs() < 1e-9);
    assert_eq!(status, Status::OnTrack);
    let trail = app
        .store()
        .audit_trail(Some("observation:RETAIL_SALES/40/2023-H1"), 10)
        .await
        .expect("trail");
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0].actor, "tester");
    assert_eq!(
        trail[0]
            .after
            .as_ref()
            .and_then(|a| a["provenance"]["source"].as_str()),
        Some("f.csv:2")
    );
}

#[tokio::test]
async fn malformed_files_are_refused_with_their_reason() {
    let (_dir, app) = fresh().await;
    let cases: [(&[u8], &str); 5] = [
        (b"", "f.csv:1: the file is empty"),
        (
            b"indicator,unit,colour\n",
            "f.csv:1:3: colour: unknown column",
        ),
        (b"unit,unit\n", "f.csv:1:2: unit: this column appears twice"),
        (
            b"indicator,unit\nA\n",
            "f.csv:2: has 1 fields but the header has 2",
        ),
        (
            b"indicator,unit\nA,\xff\xfe\n",
            "f.csv:2: the text is not UTF-8 (field 2)",
        ),
    ];
    for (data, expected) in cases {
        let err = app
            .import(
                &actor(),
                ImportKind::Observations,
                "f.csv",
                data,
                crate::ImportOptions {
                    skip_invalid: true,
                    ..Default::default()
                },
            )
            .await;
        let message = match err {
            Err(AppError::Import { errors, .. }) => errors[0].to_string(),
            Ok(report) => report
                .rejected
                .first()
                .map(ToString::to_string)
                .unwrap_or_default(),
            Err(other) => other.to_string(),
        };
        assert!(
            message.starts_with(expected),
            "{message:?} should start with {expected:?}"
        );
    }
}

/// A quote left open would swallow every row after it into one note; a file separated by
/// bars would read as one unknown column. Both are refused by name, and nothing is written.
#[tokio::test]
async fn an_unterminated_quote_and_an_unknown_delimiter_are_named_and_write_nothing() {
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let before = app.export(ImportKind::Observations).await.expect("export");
    let files = [
        (
            "open.csv",
            "indicator,unit,period,value,kind,note\n\
             RETAIL_SALES,40,2023-07,44017,estimate,fine\n\
             RETAIL_SALES,40,2023-08,45017,estimate,\"opened here\n\
             RETAIL_SALES,40,2023-09,46017,estimate,lost\n",
            "open.csv:3: the quote opened on line 3 is never closed: every line after it would be read as one field",
        ),
        (
            "bars.csv",
            "indicator|unit|period|value\nRETAIL_SALES|40|2023-07|44000\n",
            "bars.csv:1: the columns are separated by '|', which a CSV file does not use: separate them with a comma, a semicolon or a tab",
        ),
    ];
    for (file, csv, expected) in files {
        for skip_invalid in [false, true] {
            let outcome = app
                .import(
                    &actor(),
                    ImportKind::Observations,
                    file,
                    csv.as_bytes(),
                    crate::ImportOptions {
                        skip_invalid,
                        ..crate::ImportOptions::default()
                    },
                )
                .await;
            let errors: Vec<String> = match outcome {
                Err(AppError::Import { errors, .. }) => {
                    errors.iter().map(ToString::to_string).collect()
                }
                Ok(report) => report.rejected.iter().map(ToString::to_string).collect(),
                Err(other) => panic!("{file}: expected an import error, got {other}"),
            };
            assert!(
                errors.iter().any(|e| e == expected),
                "{file} (skip {skip_invalid}): {errors:?}"
            );
        }
    }
    let after = app.export(ImportKind::Observations).await.expect("export");
    assert!(
        !after.contains("45017") && !after.contains("46017") && !after.contains("opened here"),
        "no row from the open quote on was written"
    );
    assert!(
        !before.contains("44017") && after.contains("44017"),
        "the row before it, when skipping"
    );
}

#[tokio::test]
async fn export_then_import_into_an_empty_store_gives_the_same_data() {
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    // A superseding official figure, so the history has two values for one cell.
    let official = ObservationInput {
        indicator: Some("RETAIL_SALES".into()),
        unit: Some("40".into()),
        period: Some("2023-YTD05".into()),
        value: Some("36601".into()),
        kind: Some("official".into()),
        ..ObservationInput::default()
    };
    app.create(&actor(), &official, "test")
        .await
        .expect("record");
    let (_dir2, copy) = fresh().await;
    for kind in ImportKind::ALL {
        let csv = app.export(kind).await.expect("export");
        copy.import(
            &actor(),
            kind,
            kind.as_str(),
            csv.as_bytes(),
            crate::ImportOptions::default(),
        )
        .await
        .unwrap_or_else(|e| panic!("{}: {e}", kind.as_str()));
    }
    for kind in ImportKind::ALL {
        assert_eq!(
            copy.export(kind).await.expect("a"),
            app.export(kind).await.expect("b"),
            "{}",
            kind.as_str()
        );
    }
    assert_eq!(
        status_of(&copy, "RETAIL_SALES"),
        status_of(&app, "RETAIL_SALES")
    );
}

#[tokio::test]
async fn concurrent_writers_never_collide() {
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let app = std::sync::Arc::new(app);
    let tasks: Vec<_> = (0..40)
        .map(|i| {
            let app = app.clone();
            tokio::spawn(async move {
                let input = ObservationInput {
                    indicator: Some("EXPORTS".into()),
                    unit: Some("40".into()),
                    period: Some("2023-YTD06".into()),
                    value: Some(format!("{}", 1000 + i)),
                    kind: Some("estimate".into()),
                    ..ObservationInput::default()
                };
                app.create(&Actor::named(&format!("w{i}")), &input, "test")
                    .await
                    .map(|_| ())
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("join").expect("write");
    }
    let (unit, exports) = {
        let engine = app.engine();
        let unit = engine
            .unit_by_code(&UnitCode::parse("40").expect("c"))
            .expect("u")
            .id;
        let exports = engine
            .indicator_by_code(&IndicatorCode::parse("EXPORTS").expect("c"))
            .expect("i")
            .id;
        (unit, exports)
    };
    let period = "2023-H1".parse().expect("p");
    let history = app
        .store()
        .observation_history(exports, unit, period)
        .await
        .expect("history");
    assert_eq!(history.len(), 40, "every write kept");
    let (id, _, value) = app
        .engine()
        .reported(exports, unit, period)
        .expect("current");
    let last = history.last().expect("last");
    assert_eq!(
        (id, value),
        (last.id, last.value),
        "the latest recorded estimate is current"
    );
}

#[test]
fn checking_a_file_follows_references_between_its_own_rows() {
    let engine = giamsat_core::Engine::new();
    let units = "code,kind,parent,name_vi\nVN,nation,,Việt Nam\n40,locality,VN,Nghệ An\n40-X,department,NOPE,Sở\n";
    let errors = crate::exchange::check_file(
        &engine,
        ImportKind::Units,
        "u.csv",
        units.as_bytes(),
        giamsat_core::Language::En,
    );
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(lines, vec!["u.csv:4:3: parent: no unit has the code NOPE"]);
}

#[tokio::test]
async fn every_demo_record_says_where_it_came_from() {
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let cites_a_source = |source: &str| {
        source.starts_with("Nguồn 00")
            || source.starts_with("data/vietnam/")
            || source == crate::demo_cycle::DEMO_CYCLE
            || source.starts_with("https://")
    };
    let records = app.store().load().await.expect("load").records;
    assert!(records.len() > 100);
    for record in &records {
        let source = match record {
            giamsat_core::Record::Unit(u) => &u.provenance.source,
            giamsat_core::Record::Indicator(i) => &i.provenance.source,
            giamsat_core::Record::Document(d) => &d.provenance.source,
            giamsat_core::Record::Target(t) => &t.provenance.source,
            giamsat_core::Record::Scenario(s) => &s.provenance.source,
            giamsat_core::Record::Observation(o) => &o.provenance.source,
            giamsat_core::Record::ReportedScorecard(c) => &c.provenance.source,
            giamsat_core::Record::Succession(s) => &s.provenance.source,
            giamsat_core::Record::FollowUp(f) => &f.provenance().source,
            giamsat_core::Record::Amendment(a) => &a.provenance.source,
            giamsat_core::Record::Reporting(r) => &r.provenance().source,
            giamsat_core::Record::Rule(r) => &r.provenance.source,
        };
        assert!(cites_a_source(source), "{source:?} in {record:?}");
    }
}

#[tokio::test]
async fn a_spreadsheet_saved_in_vietnamese_settings_imports_as_written() {
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    // Semicolons between fields, dots between thousands, a comma before decimals.
    let csv = "indicator;unit;period;value;kind\nRETAIL_SALES;40;2023-YTD06;44.000,5;estimate\n";
    let vi = crate::ImportOptions {
        numbers: giamsat_core::Language::Vi,
        ..Default::default()
    };
    let report = app
        .import(
            &actor(),
            ImportKind::Observations,
            "vi.csv",
            csv.as_bytes(),
            vi,
        )
        .await
        .expect("import");
    assert_eq!(report.accepted, 1);
    {
        let engine = app.engine();
        let unit = engine
            .unit_by_code(&UnitCode::parse("40").expect("c"))
            .expect("u")
            .id;
        let retail = engine
            .indicator_by_code(&IndicatorCode::parse("RETAIL_SALES").expect("c"))
            .expect("i")
            .id;
        let value = engine
            .reported(retail, unit, "2023-H1".parse().expect("p"))
            .map(|r| r.2);
        assert_eq!(value, Some(44_000.5));
    }
    // The same file read as English numbers is refused, and says why.
    let csv = "indicator;unit;period;value;kind\nRETAIL_SALES;40;2023-YTD07;44.000,5;estimate\n";
    let err = app
        .import(
            &actor(),
            ImportKind::Observations,
            "vi.csv",
            csv.as_bytes(),
            crate::ImportOptions::default(),
        )
        .await
        .expect_err("English reading refuses it");
    assert!(err.to_string().contains("1 invalid row"), "{err}");
    let AppError::Import { errors, .. } = err else {
        panic!("import error expected")
    };
    assert_eq!(
        errors[0].to_string(),
        "vi.csv:2:4: value: \"44.000,5\": in English the decimal separator is \".\" and thousands are grouped by three with \",\""
    );
}

#[tokio::test]
async fn several_figures_are_saved_together_or_not_at_all() {
    let (dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let figure = |indicator: &str, value: &str| ObservationInput {
        indicator: Some(indicator.into()),
        unit: Some("40".into()),
        period: Some("2023-06".into()),
        value: Some(value.into()),
        kind: Some("estimate".into()),
        ..ObservationInput::default()
    };
    let history = |app: &App<SqlStore>| {
        let engine = app.engine();
        engine.current_cells().count()
    };
    let before = history(&app);
    // The second figure names an indicator that does not exist: nothing is written, and the
    // error says which figure it was.
    let inputs = [figure("EXPORTS", "1.700,5"), figure("NOPE", "1")];
    match app
        .create_all(&actor(), &inputs, "test", giamsat_core::Language::Vi)
        .await
    {
        Err(AppError::Invalid(errors)) => {
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert_eq!(errors[0].field, "1.indicator");
        }
        other => panic!("expected an invalid input, got {other:?}"),
    }
    assert_eq!(history(&app), before);
    // Numbers are read by the reader's conventions.
    let inputs = [figure("EXPORTS", "1.700,5"), figure("IMPORTS", "512")];
    let records = app
        .create_all(&actor(), &inputs, "test", giamsat_core::Language::Vi)
        .await
        .expect("saved");
    assert_eq!(records.len(), 2);
    assert_eq!(history(&app), before + 2);
    let (status, _, _) = status_of(&app, "EXPORTS");
    assert_eq!(status, Status::Achieved);
    // They are in the store, not only in memory.
    drop(app);
    let again = app_at(&dir.path().join("giamsat.db")).await;
    assert_eq!(history(&again), before + 2);
}

#[tokio::test]
async fn loading_the_official_lists_twice_adds_nothing_and_names_units_that_differ() {
    use crate::vietnam::Lists;
    let (_dir, app) = fresh().await;
    // Nghệ An entered by hand before, wrongly ended at the reform it in fact survived.
    for input in [
        crate::input::UnitInput {
            code: Some("VN".into()),
            kind: Some("nation".into()),
            name_vi: Some("Việt Nam".into()),
            ..Default::default()
        },
        crate::input::UnitInput {
            code: Some("40".into()),
            kind: Some("locality".into()),
            parent: Some("VN".into()),
            name_vi: Some("Nghệ An".into()),
            valid_to: Some("2025-06-30".into()),
            ..Default::default()
        },
    ] {
        app.create(&actor(), &input, "test").await.expect("unit");
    }
    let first = app
        .load_vietnam(&actor(), &Lists::embedded())
        .await
        .expect("loaded");
    assert_eq!(first.units_kept, 2);
    assert_eq!(first.units_created, 1 + 63 + 23 + 3_321 - 2);
    assert_eq!(first.successions_created, 52);
    assert_eq!(
        first.differing,
        vec!["unit 40 exists from open to 2025-06-30; the lists say from open to open".to_owned()]
    );
    let second = app
        .load_vietnam(&actor(), &Lists::embedded())
        .await
        .expect("loaded again");
    assert_eq!((second.units_created, second.successions_created), (0, 0));
    assert_eq!(second.units_kept, 1 + 63 + 23 + 3_321);
}

#[tokio::test]
async fn a_reporter_writes_figures_for_its_own_units_only_and_an_attempt_outside_writes_nothing() {
    use giamsat_core::access::{Grant, Role};
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let nghe_an = {
        let engine = app.engine();
        engine
            .unit_by_code(&UnitCode::parse("40").expect("code"))
            .expect("Nghệ An")
            .id
    };
    let reporter = Actor::with_grants(
        "reporter of Nghệ An",
        vec![Grant::over(Role::Reporter, nghe_an)],
    );
    let figure = |unit: &str| ObservationInput {
        indicator: Some("EXPORTS".into()),
        unit: Some(unit.into()),
        period: Some("2023-06".into()),
        value: Some("100".into()),
        kind: Some("estimate".into()),
        ..ObservationInput::default()
    };
    let cells = |app: &App<SqlStore>| app.engine().current_cells().count();
    let before = cells(&app);
    // Its own province, and a department below it.
    app.create(&reporter, &figure("40"), "test")
        .await
        .expect("own unit");
    app.create(&reporter, &figure("40-SCT"), "test")
        .await
        .expect("below it");
    assert_eq!(cells(&app), before + 2);
    // Another province: refused, in a single write and in a batch, and nothing is written.
    let refused = app.create(&reporter, &figure("24"), "test").await;
    assert!(
        matches!(refused, Err(AppError::Forbidden(_))),
        "{refused:?}"
    );
    let batch = app
        .create_all(
            &reporter,
            &[figure("40"), figure("24")],
            "test",
            giamsat_core::Language::En,
        )
        .await;
    assert!(matches!(batch, Err(AppError::Forbidden(_))), "{batch:?}");
    assert_eq!(cells(&app), before + 2);
    // A reporter defines no targets, even in its own province.
    let target = crate::input::TargetInput {
        document: Some("40-KH-2023".into()),
        indicator: Some("IIP".into()),
        unit: Some("40".into()),
        period: Some("2023".into()),
        value: Some("110".into()),
        ..Default::default()
    };
    let refused = app.create(&reporter, &target, "test").await;
    assert!(
        matches!(refused, Err(AppError::Forbidden(_))),
        "{refused:?}"
    );
    let trail = app
        .audit_trail(&actor(), Some("observation:"), 100)
        .await
        .expect("audit");
    assert!(
        trail.iter().all(|e| !e.object.contains("EXPORTS/24/")),
        "no trace of the refused write"
    );
}

fn here() -> std::net::IpAddr {
    std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST)
}

#[tokio::test]
async fn an_account_is_created_with_a_password_shown_once_and_signs_in_with_it() {
    use giamsat_core::access::Role;
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let grants = [("admin".to_owned(), Some("40".to_owned()))];
    let (account, password) = app
        .add_account(&actor(), "Admin.NgheAn", "Quản trị Nghệ An", &grants)
        .await
        .expect("created");
    assert_eq!(account.username, "admin.nghean");
    assert_eq!(account.grants.len(), 1);
    assert_eq!(account.grants[0].role, Role::Admin);
    assert!(
        account.password_hash.starts_with("$argon2id$")
            && !account.password_hash.contains(&password)
    );
    // Signing in: the right password, in any case of the username; nothing else.
    let (cookie, signed) = app
        .sign_in("ADMIN.nghean", &password, here(), None)
        .await
        .expect("sign in");
    assert_eq!(signed.actor.grants, Some(account.grants.clone()));
    assert!(signed.csrf.is_some());
    assert_eq!(
        app.session(&cookie).await.expect("read"),
        Some(signed.clone())
    );
    for (username, password) in [("admin.nghean", "wrong"), ("nobody", password.as_str())] {
        let refused = app.sign_in(username, password, here(), None).await;
        assert!(
            matches!(refused, Err(AppError::SignInRefused)),
            "{refused:?}"
        );
    }
    // The username is taken, whatever its case.
    let again = app.add_account(&actor(), "admin.NGHEAN", "", &grants).await;
    assert!(
        matches!(&again, Err(AppError::Invalid(e)) if e[0].field == "username"),
        "{again:?}"
    );
    // Every problem at once.
    let bad = app
        .add_account(
            &actor(),
            "1bad",
            "",
            &[("king".into(), Some("NOPE".into()))],
        )
        .await;
    match bad {
        Err(AppError::Invalid(errors)) => {
            let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(fields, vec!["username", "role", "scope"]);
        }
        other => panic!("{other:?}"),
    }
    // An admin of Nghệ An cannot hand out rights over the whole country, or the whole tree.
    let local_admin = signed.actor;
    for scope in [Some("VN".to_owned()), None] {
        let refused = app
            .add_account(&local_admin, "national", "", &[("viewer".into(), scope)])
            .await;
        assert!(
            matches!(refused, Err(AppError::Forbidden(_))),
            "{refused:?}"
        );
    }
    let allowed = app
        .add_account(
            &local_admin,
            "reporter.sct",
            "",
            &[("reporter".into(), Some("40-SCT".into()))],
        )
        .await;
    assert!(allowed.is_ok(), "{allowed:?}");
    // The audit says who created which account with which grants, never the hash.
    let trail: Vec<_> = app
        .audit_trail(&actor(), Some("account:"), 10)
        .await
        .expect("audit")
        .into_iter()
        .filter(|e| e.action == "account.create")
        .collect();
    assert_eq!(trail.len(), 2);
    let text =
        serde_json::to_string(&trail.iter().map(|e| &e.after).collect::<Vec<_>>()).expect("json");
    assert!(
        !text.contains("argon2") && !text.contains(&password),
        "{text}"
    );
    assert!(text.contains("\"scope\":\"40\""), "{text}");
}

#[tokio::test]
async fn a_session_is_new_at_every_sign_in_and_ends_at_sign_out() {
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let (_, password) = app
        .add_account(&actor(), "lan", "Lan", &[("viewer".into(), None)])
        .await
        .expect("created");
    let (first, _) = app
        .sign_in("lan", &password, here(), None)
        .await
        .expect("in");
    // Signing in again from a browser that holds a session replaces it: a session id
    // planted before sign-in (fixation) is dead after it.
    let (second, who) = app
        .sign_in("lan", &password, here(), Some(&first))
        .await
        .expect("in again");
    assert_ne!(first, second);
    assert_eq!(app.session(&first).await.expect("read"), None);
    assert!(app.session(&second).await.expect("read").is_some());
    assert_eq!(app.session("made-up").await.expect("read"), None);
    // Changing the password: the current one is needed; every session ends, the browser
    // that changed it gets a new one, and only the new password signs in.
    let other = app
        .sign_in("lan", &password, here(), None)
        .await
        .expect("in")
        .0;
    let wrong = app
        .change_password(&who, "not it", "a much longer passphrase", here())
        .await;
    assert!(
        matches!(&wrong, Err(AppError::Invalid(e)) if e[0].field == "current"),
        "{wrong:?}"
    );
    let short = app.change_password(&who, &password, "short", here()).await;
    assert!(
        matches!(&short, Err(AppError::Invalid(e)) if e[0].field == "new"),
        "{short:?}"
    );
    let (second, who) = app
        .change_password(&who, &password, "một câu mật khẩu dài", here())
        .await
        .expect("changed");
    assert_eq!(app.session(&other).await.expect("read"), None);
    assert!(app.session(&second).await.expect("read").is_some());
    let old = app.sign_in("lan", &password, here(), None).await;
    assert!(matches!(old, Err(AppError::SignInRefused)), "{old:?}");
    app.sign_in("lan", "một câu mật khẩu dài", here(), None)
        .await
        .expect("the new password");
    app.sign_out(&second, &who).await.expect("out");
    assert_eq!(app.session(&second).await.expect("read"), None);
    // Nothing of the secrets is stored.
    let stored: Vec<String> = audit_text(&app).await;
    assert!(
        stored
            .iter()
            .all(|t| !t.contains(&second) && !t.contains(&password))
    );
}

/// The audit trail as text, for checks that secrets never reach the store.
async fn audit_text(app: &App<SqlStore>) -> Vec<String> {
    app.audit_trail(&actor(), None, 1_000)
        .await
        .expect("trail")
        .iter()
        .map(|e| format!("{e:?}"))
        .collect()
}

#[tokio::test]
async fn an_api_token_acts_for_its_account_until_revoked() {
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let (_, password) = app
        .add_account(
            &actor(),
            "feed",
            "Feed",
            &[("reporter".into(), Some("40".into()))],
        )
        .await
        .expect("created");
    let (_, who) = app
        .sign_in("feed", &password, here(), None)
        .await
        .expect("in");
    let bad = app.create_api_token(&who, "  ", &password, here()).await;
    assert!(matches!(bad, Err(AppError::Invalid(_))), "{bad:?}");
    let (id, secret) = app
        .create_api_token(&who, "nightly import", &password, here())
        .await
        .expect("token");
    assert!(secret.starts_with("gs_") && secret.len() == 43);
    let acting = app.api_token(&secret).await.expect("read").expect("valid");
    assert_eq!(
        (acting.actor.grants.clone(), acting.csrf),
        (who.actor.grants.clone(), None)
    );
    assert_eq!(app.api_token("gs_nothing").await.expect("read"), None);
    let tokens = app.api_tokens(&who).await.expect("list");
    assert_eq!(
        (tokens.len(), tokens[0].name.as_str()),
        (1, "nightly import")
    );
    assert!(tokens[0].last_used_at.is_some());
    app.revoke_api_token(&who, id).await.expect("revoked");
    assert_eq!(app.api_token(&secret).await.expect("read"), None);
    let twice = app.revoke_api_token(&who, id).await;
    assert!(matches!(twice, Err(AppError::NotFound { .. })), "{twice:?}");
}

#[tokio::test]
async fn a_figure_changed_since_it_was_read_is_not_overwritten() {
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let edit = |value: &str, version: &str| ObservationInput {
        indicator: Some("EXPORTS".into()),
        unit: Some("40".into()),
        period: Some("2023-06".into()),
        value: Some(value.into()),
        kind: Some("official".into()),
        expected_version: Some(version.into()),
        ..ObservationInput::default()
    };
    // Two people read the empty cell (version 0); the first to write wins.
    let first = app
        .create(&actor(), &edit("100", "0"), "test")
        .await
        .expect("first");
    let Record::Observation(first) = first else {
        panic!("{first:?}")
    };
    let late = app.create(&actor(), &edit("200", "0"), "test").await;
    match late {
        Err(AppError::Stale(stale)) => {
            assert_eq!(stale.object, "observation:EXPORTS/40/2023-06");
            let current = stale.current.clone().expect("a value");
            assert_eq!((current.version, current.value), (first.id.0, 100.0));
            assert!(stale.to_string().contains("now holds 100"), "{stale}");
        }
        other => panic!("{other:?}"),
    }
    // Having read the new version, the second writer may change it.
    app.create(&actor(), &edit("200", &first.id.0.to_string()), "test")
        .await
        .expect("second, informed");
    // In a form of many figures, one stale figure fails them all.
    let both = [edit("300", &first.id.0.to_string())];
    let batch = app
        .create_all(&actor(), &both, "test", giamsat_core::Language::En)
        .await;
    assert!(matches!(batch, Err(AppError::Stale(_))), "{batch:?}");
    // Words, and a version no figure has had yet, are not versions: never a stale read.
    for version in ["latest", "18446744073709551615"] {
        let bad = app.create(&actor(), &edit("1", version), "test").await;
        assert!(
            matches!(&bad, Err(AppError::Invalid(e)) if e[0].field == "expected_version"),
            "{version}: {bad:?}"
        );
    }
}

mod follow_up {
    use giamsat_core::FollowUpId;
    use giamsat_core::access::{Grant, Role};
    use giamsat_core::follow_up::{RecommendationStatus, TaskOrigin, TaskStatus};
    use time::macros::date;

    use super::*;
    use crate::follow_up::{
        AnswerInput, NamedPerson, RecommendationInput, SessionInput, TaskInput, TaskUpdateInput,
        VisitInput,
    };

    fn unit_id(app: &App<SqlStore>, code: &str) -> giamsat_core::UnitId {
        app.engine()
            .unit_by_code(&UnitCode::parse(code).expect("code"))
            .expect("unit")
            .id
    }

    #[tokio::test]
    async fn the_demo_holds_the_sessions_of_seeds_002_and_003_with_their_tasks() {
        let (dir, app) = fresh().await;
        app.load_demo(&actor()).await.expect("demo");
        let check = |app: &App<SqlStore>| {
            let engine = app.engine();
            let book = engine.follow_up();
            let sessions: Vec<_> = book.sessions().collect();
            assert_eq!(sessions.len(), 2);
            let s002 = sessions
                .iter()
                .find(|s| s.date == date!(2023 - 08 - 18))
                .expect("seed 002");
            assert_eq!(s002.conclusions.len(), 5);
            assert!(s002.provenance.source.starts_with("Nguồn 002"));
            // People are found across spellings, and hold several positions at once.
            let thuy = book
                .person_named("Chama Lea Thi Thuy")
                .expect("Chamaléa Thị Thủy");
            assert_eq!(thuy.name, "Chamaléa Thị Thủy");
            let luc = book.person_named("TRAN MINH LUC").expect("Trần Minh Lực");
            let titles: Vec<&str> = book
                .positions_on(luc.id, s002.date)
                .iter()
                .map(|p| p.title.as_str())
                .collect();
            assert!(titles.contains(&"UVTV Tỉnh ủy") && titles.contains(&"Phó Chủ tịch HĐND tỉnh"));
            let delegation = book
                .delegation(s002.delegation.expect("a delegation"))
                .expect("d");
            assert_eq!(delegation.members[0].person, luc.id);
            // Every conclusion item became a task of the department.
            let sct = unit_id(app, "S002-SCT");
            let tasks = book.tasks_of(sct, date!(2026 - 11 - 23));
            assert_eq!(tasks.len(), 5);
            assert!(tasks.iter().all(|t| matches!(
                t.task.origin,
                TaskOrigin::Conclusion { session, .. } if session == s002.id
            )));
            // Seed 003: following the 2023 scenario was due at the end of 2023 and is
            // overdue now; it is listed first.
            let tasks = book.tasks_of(unit_id(app, "40-SCT"), date!(2026 - 11 - 23));
            assert_eq!(tasks.len(), 4);
            assert_eq!(tasks[0].status, TaskStatus::Overdue);
            assert!(tasks[0].task.title.contains("growth scenario of 2023"));
        };
        check(&app);
        // The store gives back the same book.
        drop(app);
        let again = app_at(&dir.path().join("giamsat.db")).await;
        check(&again);
    }

    #[tokio::test]
    async fn a_conclusion_becomes_a_task_once_and_a_late_finish_reads_done_late() {
        let (_dir, app) = fresh().await;
        app.load_demo(&actor()).await.expect("demo");
        let session = app
            .record_session(
                &actor(),
                &SessionInput {
                    body: Some("40-UBND".into()),
                    unit: Some("40-SCT".into()),
                    date: Some("1/9/2023".into()),
                    attendees: vec![NamedPerson {
                        name: "Phạm Văn Hóa".into(),
                        position: Some("Giám đốc Sở Công Thương".into()),
                        unit: Some("40-SCT".into()),
                    }],
                    conclusions: vec!["Báo cáo tiến độ".into(), "Rà soát quy hoạch".into()],
                    ..SessionInput::default()
                },
                "test",
            )
            .await
            .expect("session");
        // "Pham Van Hoa" of seed 003 is the same person.
        let key = giamsat_core::follow_up::person_key("Phạm Văn Hóa");
        let same = app
            .engine()
            .follow_up()
            .people()
            .filter(|p| giamsat_core::follow_up::person_key(&p.name) == key)
            .count();
        assert_eq!(same, 1);
        let to_task = |item| TaskInput {
            session: Some(session.0),
            item: Some(item),
            lead: Some("40-SCT".into()),
            co_owners: vec!["40-UBND".into()],
            due: Some("30/9/2023".into()),
            ..TaskInput::default()
        };
        let task = app
            .create_task(&actor(), &to_task(2), "test")
            .await
            .expect("task");
        assert_eq!(
            app.engine().follow_up().task(task).map(|t| t.title.clone()),
            Some("Rà soát quy hoạch".into())
        );
        let twice = app.create_task(&actor(), &to_task(2), "test").await;
        assert!(matches!(twice, Err(AppError::Conflict(_))), "{twice:?}");
        let missing = app.create_task(&actor(), &to_task(3), "test").await;
        assert!(
            matches!(&missing, Err(AppError::Invalid(e)) if e[0].field == "item"),
            "{missing:?}"
        );
        // Progress, then done a day after the due date.
        let progress = |on: &str, done| TaskUpdateInput {
            on: Some(on.into()),
            text: Some("Đã rà soát 3/5 cụm công nghiệp".into()),
            percent: Some(60),
            done,
            links: vec!["https://congthuong.nghean.gov.vn/bao-cao".into()],
            ..TaskUpdateInput::default()
        };
        let today = date!(2023 - 10 - 15);
        app.report_progress(
            &actor(),
            task,
            &progress("2023-09-20", false),
            today,
            "test",
        )
        .await
        .expect("progress");
        let status = |day| {
            app.engine()
                .follow_up()
                .task_view(task, day)
                .map(|v| v.status)
        };
        assert_eq!(status(date!(2023 - 09 - 30)), Some(TaskStatus::InProgress));
        assert_eq!(status(date!(2023 - 10 - 01)), Some(TaskStatus::Overdue));
        app.report_progress(&actor(), task, &progress("2023-10-01", true), today, "test")
            .await
            .expect("done");
        assert_eq!(status(today), Some(TaskStatus::DoneLate));
        let again = app
            .report_progress(&actor(), task, &progress("2023-10-02", true), today, "test")
            .await;
        assert!(matches!(again, Err(AppError::Conflict(_))), "{again:?}");
        let bad_link = TaskUpdateInput {
            links: vec!["javascript:alert(1)".into()],
            ..progress("2023-10-03", false)
        };
        let refused = app
            .report_progress(&actor(), task, &bad_link, today, "test")
            .await;
        assert!(
            matches!(&refused, Err(AppError::Invalid(e)) if e[0].field == "links.0"),
            "{refused:?}"
        );
    }

    #[tokio::test]
    async fn two_bodies_planning_the_same_unit_on_a_shared_subject_in_overlapping_windows_clash() {
        let (_dir, app) = fresh().await;
        app.load_demo(&actor()).await.expect("demo");
        let visit = |kind: &str, body: &str, topic: &str, first: &str, last: &str| VisitInput {
            kind: Some(kind.into()),
            body: Some(body.into()),
            unit: Some("40-SCT".into()),
            topics: vec![topic.into()],
            first: Some(first.into()),
            last: Some(last.into()),
            ..VisitInput::default()
        };
        let a = app
            .plan_visit(
                &actor(),
                &visit(
                    "supervision",
                    "40-TU",
                    "Quản lý khoáng sản",
                    "2024-03-01",
                    "2024-03-31",
                ),
                "t",
            )
            .await
            .expect("a");
        // Touching on 31 March, the same subject written without diacritics: a clash.
        let b = app
            .plan_visit(
                &actor(),
                &visit(
                    "inspection",
                    "40-UBND",
                    "quan ly khoang san",
                    "2024-03-31",
                    "2024-04-15",
                ),
                "t",
            )
            .await
            .expect("b");
        // The next day, or another subject: none.
        app.plan_visit(
            &actor(),
            &visit(
                "inspection",
                "40-UBND",
                "Quản lý khoáng sản",
                "2024-04-01",
                "2024-04-30",
            ),
            "t",
        )
        .await
        .expect("c");
        app.plan_visit(
            &actor(),
            &visit(
                "inspection",
                "40-UBND",
                "Thương mại điện tử",
                "2024-03-01",
                "2024-03-31",
            ),
            "t",
        )
        .await
        .expect("d");
        {
            let engine = app.engine();
            let book = engine.follow_up();
            let visit_a = book.visits().find(|v| v.id == a).expect("a");
            let clashes = book.clashes_with(visit_a);
            assert_eq!(clashes.len(), 1);
            assert_eq!(clashes[0].0.id, b);
            assert_eq!(clashes[0].1.days.first, date!(2024 - 03 - 31));
            let visit_b = book.visits().find(|v| v.id == b).expect("b");
            assert_eq!(book.clashes_with(visit_b)[0].0.id, a, "both are warned");
        }
        let empty = app
            .plan_visit(
                &actor(),
                &VisitInput {
                    topics: vec![],
                    ..visit("supervision", "40-TU", "", "2024-01-01", "2024-01-02")
                },
                "t",
            )
            .await;
        assert!(matches!(empty, Err(AppError::Invalid(_))), "{empty:?}");
    }

    #[tokio::test]
    async fn a_recommendation_is_pending_then_overdue_or_answered() {
        let (_dir, app) = fresh().await;
        app.load_demo(&actor()).await.expect("demo");
        let id = app
            .record_recommendation(
                &actor(),
                &RecommendationInput {
                    from: Some("40-SCT".into()),
                    to: Some("40-UBND".into()),
                    received: Some("1/3/2024".into()),
                    limit_days: Some(15),
                    text: Some("Đề nghị bổ sung vốn hạ tầng cụm công nghiệp".into()),
                    ..RecommendationInput::default()
                },
                "test",
            )
            .await
            .expect("recommendation");
        let state = |app: &App<SqlStore>, day| {
            let engine = app.engine();
            let book = engine.follow_up();
            let r = book.recommendations().find(|r| r.id == id).expect("r");
            let (_, due, status) = book.recommendation_state(r, day);
            (due, status)
        };
        assert_eq!(
            state(&app, date!(2024 - 03 - 16)),
            (Some(date!(2024 - 03 - 16)), RecommendationStatus::Pending)
        );
        assert_eq!(
            state(&app, date!(2024 - 03 - 17)).1,
            RecommendationStatus::Overdue
        );
        let early = AnswerInput {
            on: Some("2024-02-01".into()),
            text: Some("x".into()),
            ..AnswerInput::default()
        };
        let refused = app
            .answer_recommendation(&actor(), id, &early, date!(2024 - 03 - 20), "t")
            .await;
        assert!(matches!(refused, Err(AppError::Invalid(_))), "{refused:?}");
        let answer = AnswerInput {
            on: Some("2024-03-18".into()),
            text: Some("Đã bố trí vốn năm 2024".into()),
            ..AnswerInput::default()
        };
        app.answer_recommendation(&actor(), id, &answer, date!(2024 - 03 - 20), "t")
            .await
            .expect("answered");
        assert_eq!(
            state(&app, date!(2024 - 03 - 20)).1,
            RecommendationStatus::AnsweredLate
        );
        let twice = app
            .answer_recommendation(&actor(), id, &answer, date!(2024 - 03 - 20), "t")
            .await;
        assert!(matches!(twice, Err(AppError::Conflict(_))), "{twice:?}");
    }

    #[tokio::test]
    async fn follow_up_writes_follow_the_roles() {
        let (_dir, app) = fresh().await;
        app.load_demo(&actor()).await.expect("demo");
        let grant = |role, code: &str| {
            Actor::with_grants(
                role_name(role),
                vec![Grant::over(role, unit_id(&app, code))],
            )
        };
        fn role_name(role: Role) -> &'static str {
            role.as_str()
        }
        let session = |body: &str| SessionInput {
            body: Some(body.into()),
            unit: Some("40-SCT".into()),
            date: Some("2024-05-05".into()),
            conclusions: vec!["Một việc".into()],
            ..SessionInput::default()
        };
        // A supervisor of the Party committee records its sessions, not another body's.
        let supervisor = grant(Role::Supervisor, "40-TU");
        let id = app
            .record_session(&supervisor, &session("40-TU"), "t")
            .await
            .expect("own body");
        let other = app
            .record_session(&supervisor, &session("40-UBND"), "t")
            .await;
        assert!(matches!(other, Err(AppError::Forbidden(_))), "{other:?}");
        // A reporter records no session; it turns no conclusion into a task.
        let reporter = grant(Role::Reporter, "40-SCT");
        let refused = app.record_session(&reporter, &session("40-SCT"), "t").await;
        assert!(
            matches!(refused, Err(AppError::Forbidden(_))),
            "{refused:?}"
        );
        let task_input = TaskInput {
            session: Some(id.0),
            item: Some(1),
            lead: Some("40-SCT".into()),
            ..TaskInput::default()
        };
        let refused = app.create_task(&reporter, &task_input, "t").await;
        assert!(
            matches!(refused, Err(AppError::Forbidden(_))),
            "{refused:?}"
        );
        let task = app
            .create_task(&supervisor, &task_input, "t")
            .await
            .expect("task");
        // The lead unit's reporter reports progress; another unit's does not.
        let update = TaskUpdateInput {
            text: Some("Bắt đầu".into()),
            ..TaskUpdateInput::default()
        };
        app.report_progress(&reporter, task, &update, date!(2024 - 05 - 06), "t")
            .await
            .expect("lead reports");
        let elsewhere = grant(Role::Reporter, "40-TU");
        let refused = app
            .report_progress(&elsewhere, task, &update, date!(2024 - 05 - 06), "t")
            .await;
        assert!(
            matches!(refused, Err(AppError::Forbidden(_))),
            "{refused:?}"
        );
        let viewer = grant(Role::Viewer, "40");
        let refused = app.put_evidence_file(&viewer, "a.pdf", b"%PDF-1.4 x").await;
        assert!(
            matches!(refused, Err(AppError::Forbidden(_))),
            "{refused:?}"
        );
        assert_eq!(
            app.engine()
                .follow_up()
                .task(FollowUpId(task.0))
                .map(|t| t.lead),
            Some(unit_id(&app, "40-SCT"))
        );
    }

    #[tokio::test]
    async fn evidence_files_are_kept_by_content_and_only_of_known_kinds() {
        let (_dir, app) = fresh().await;
        let pdf = b"%PDF-1.7\n1 0 obj\n";
        let evidence = app
            .put_evidence_file(&actor(), "../../báo cáo.pdf", pdf)
            .await
            .expect("kept");
        let giamsat_core::follow_up::Evidence::File {
            sha256,
            name,
            content_type,
            size,
        } = evidence
        else {
            panic!("{evidence:?}")
        };
        assert_eq!(
            (name.as_str(), content_type.as_str(), size),
            ("báo cáo.pdf", "application/pdf", 17)
        );
        let (_, bytes) = app.evidence_file(&sha256).await.expect("read");
        assert_eq!(bytes, pdf);
        // The same content again is one copy.
        app.put_evidence_file(&actor(), "again.pdf", pdf)
            .await
            .expect("again");
        for (name, bytes) in [
            ("page.html", b"<script>alert(1)</script>".as_slice()),
            ("tool.exe", b"MZ\x90\x00".as_slice()),
            ("fake.pdf", b"<html>".as_slice()),
            ("empty.txt", b"".as_slice()),
        ] {
            let refused = app.put_evidence_file(&actor(), name, bytes).await;
            assert!(
                matches!(refused, Err(AppError::Invalid(_))),
                "{name}: {refused:?}"
            );
        }
    }
}

/// A restart reads the checkpoint and only the figures after it, and gives the same engine;
/// a damaged checkpoint is set aside and every figure is read from its row.
#[tokio::test]
async fn a_restart_from_the_checkpoint_gives_the_same_engine_even_when_it_is_damaged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("giamsat.db");
    let app = app_at(&path).await;
    app.load_demo(&actor()).await.expect("demo");
    let observations = app.uncheckpointed();
    assert_eq!(
        observations, 0,
        "nothing was read from rows at the first start"
    );
    let through = app.save_checkpoint().await.expect("save");
    assert!(through > 0);
    let input = ObservationInput {
        indicator: Some("RETAIL_SALES".into()),
        unit: Some("40".into()),
        period: Some("2023-05".into()),
        value: Some("3000".into()),
        kind: Some("official".into()),
        ..ObservationInput::default()
    };
    app.create(&actor(), &input, "test")
        .await
        .expect("a figure after it");
    let state = |app: &App<SqlStore>| app.engine().checkpoint();
    let expected = state(&app);
    drop(app);

    let restarted = app_at(&path).await;
    assert_eq!(
        restarted.uncheckpointed(),
        1,
        "only the figure after the checkpoint"
    );
    assert_eq!(state(&restarted), expected);
    drop(restarted);

    let store = SqlStore::open(path.to_str().expect("utf-8"))
        .await
        .expect("open");
    giamsat_store::testing::damage_checkpoint(&store).await;
    let reloaded = App::open(store).await.expect("opens from the rows");
    assert!(
        reloaded.uncheckpointed() > 1,
        "every figure read from its row"
    );
    assert_eq!(state(&reloaded), expected);
}

#[tokio::test]
async fn a_writer_without_the_right_is_refused_before_any_conflict_shows_the_current_value() {
    use giamsat_core::access::{Grant, Role};
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let unit = |code: &str| {
        app.engine()
            .unit_by_code(&UnitCode::parse(code).expect("code"))
            .expect("unit")
            .id
    };
    let edit = |unit: &str, version: &str| ObservationInput {
        indicator: Some("EXPORTS".into()),
        unit: Some(unit.into()),
        period: Some("2023-06".into()),
        value: Some("100".into()),
        kind: Some("official".into()),
        expected_version: Some(version.into()),
        ..ObservationInput::default()
    };
    app.create(&actor(), &edit("40", "0"), "test")
        .await
        .expect("a value in Nghệ An's cell");
    // A reporter of another province, sending a stale version of Nghệ An's cell: refused
    // for want of the right, and the value it holds is not told.
    let outsider = Actor::with_grants("outsider", vec![Grant::over(Role::Reporter, unit("24"))]);
    let refused = app.create(&outsider, &edit("40", "0"), "test").await;
    assert!(
        matches!(refused, Err(AppError::Forbidden(_))),
        "{refused:?}"
    );
    // The same in a form of several figures, whichever comes first.
    for form in [
        [edit("40", "0"), edit("24", "0")],
        [edit("24", "0"), edit("40", "0")],
    ] {
        let refused = app
            .create_all(&outsider, &form, "test", giamsat_core::Language::En)
            .await;
        assert!(
            matches!(refused, Err(AppError::Forbidden(_))),
            "{refused:?}"
        );
    }
    // A viewer of Nghệ An itself, too.
    let viewer = Actor::with_grants("viewer", vec![Grant::over(Role::Viewer, unit("40"))]);
    let refused = app.create(&viewer, &edit("40", "0"), "test").await;
    assert!(
        matches!(refused, Err(AppError::Forbidden(_))),
        "{refused:?}"
    );
    // Someone with the right still learns of the conflict.
    let reporter = Actor::with_grants("reporter", vec![Grant::over(Role::Reporter, unit("40"))]);
    let stale = app.create(&reporter, &edit("40", "0"), "test").await;
    assert!(matches!(stale, Err(AppError::Stale(_))), "{stale:?}");
}

#[tokio::test]
async fn a_figures_reporter_and_document_must_be_within_the_writers_scope() {
    use giamsat_core::access::{Grant, Role};
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let unit = |code: &str| {
        app.engine()
            .unit_by_code(&UnitCode::parse(code).expect("code"))
            .expect("unit")
            .id
    };
    let figure = |reported_by: Option<&str>, document: Option<&str>| ObservationInput {
        indicator: Some("EXPORTS".into()),
        unit: Some("24".into()),
        period: Some("2023-06".into()),
        value: Some("100".into()),
        kind: Some("estimate".into()),
        reported_by: reported_by.map(str::to_owned),
        document: document.map(str::to_owned),
        ..ObservationInput::default()
    };
    let reporter = Actor::with_grants("reporter", vec![Grant::over(Role::Reporter, unit("24"))]);
    let before = app.engine().current_cells().count();
    // Its own province's figure, said to be reported by Nghệ An or published in Nghệ An's
    // plan (40-KH-2023): refused, and nothing written.
    for input in [figure(Some("40"), None), figure(None, Some("40-KH-2023"))] {
        let refused = app.create(&reporter, &input, "test").await;
        assert!(
            matches!(refused, Err(AppError::Forbidden(_))),
            "{refused:?}"
        );
        let refused = app
            .create_all(&reporter, &[input], "test", giamsat_core::Language::En)
            .await;
        assert!(
            matches!(refused, Err(AppError::Forbidden(_))),
            "{refused:?}"
        );
    }
    assert_eq!(app.engine().current_cells().count(), before);
    app.create(&reporter, &figure(Some("24"), None), "test")
        .await
        .expect("its own province reports its own figure");
}

#[tokio::test]
async fn every_csv_export_defuses_formulas_in_text_and_keeps_numbers_and_imports_back() {
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let unit = crate::input::UnitInput {
        code: Some("40-X".into()),
        kind: Some("department".into()),
        parent: Some("40".into()),
        name_vi: Some("=HYPERLINK(\"http://evil.example\")".into()),
        name_en: Some("'=already marked".into()),
        source: Some("@SUM(A1)".into()),
        ..Default::default()
    };
    app.create(&actor(), &unit, "test").await.expect("unit");
    let figure = ObservationInput {
        indicator: Some("EXPORTS".into()),
        unit: Some("40-X".into()),
        period: Some("2023-06".into()),
        value: Some("-12.5".into()),
        kind: Some("estimate".into()),
        note: Some("-1+cmd|' /C calc'!A0".into()),
        source: Some("+y".into()),
        ..ObservationInput::default()
    };
    app.create(&actor(), &figure, "test").await.expect("figure");
    let row_of = |csv: &str, key: &str| -> std::collections::HashMap<String, String> {
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().expect("header").clone();
        reader
            .records()
            .map(|r| r.expect("row"))
            .find(|r| r.iter().any(|c| c == key))
            .map(|r| {
                headers
                    .iter()
                    .map(str::to_owned)
                    .zip(r.iter().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_else(|| panic!("no row with {key} in {csv}"))
    };
    let units = app.export(ImportKind::Units).await.expect("units");
    let row = row_of(&units, "40-X");
    assert_eq!(row["name_vi"], "'=HYPERLINK(\"http://evil.example\")");
    assert_eq!(row["name_en"], "''=already marked");
    assert_eq!(row["source"], "'@SUM(A1)");
    let observations = app
        .export(ImportKind::Observations)
        .await
        .expect("observations");
    let row = row_of(&observations, "40-X");
    // A negative number is a number: the spreadsheet must still add it up.
    assert_eq!(row["value"], "-12.5");
    assert_eq!(row["note"], "'-1+cmd|' /C calc'!A0");
    assert_eq!(row["source"], "'+y");
    // No cell of any export starts a formula, but the numbers.
    for kind in ImportKind::ALL {
        let csv = app.export(kind).await.expect("export");
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().expect("header").clone();
        for record in reader.records() {
            for (column, cell) in headers.iter().zip(record.expect("row").iter()) {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
                        || cell.parse::<f64>().is_ok(),
                    "{}: {column} = {cell:?}",
                    kind.as_str()
                );
            }
        }
    }
    // What is exported imports back as it was stored.
    let (_dir2, copy) = fresh().await;
    for kind in ImportKind::ALL {
        let csv = app.export(kind).await.expect("export");
        copy.import(
            &actor(),
            kind,
            kind.as_str(),
            csv.as_bytes(),
            crate::ImportOptions::default(),
        )
        .await
        .unwrap_or_else(|e| panic!("{}: {e}", kind.as_str()));
    }
    let copied = copy
        .engine()
        .unit_by_code(&UnitCode::parse("40-X").expect("code"))
        .expect("unit")
        .clone();
    assert_eq!(
        copied.name.vi.as_deref(),
        Some("=HYPERLINK(\"http://evil.example\")")
    );
    assert_eq!(copied.name.en.as_deref(), Some("'=already marked"));
    assert_eq!(copied.provenance.source, "@SUM(A1)");
    for kind in ImportKind::ALL {
        assert_eq!(
            copy.export(kind).await.expect("a"),
            app.export(kind).await.expect("b"),
            "{}",
            kind.as_str()
        );
    }
}

/// A file of figures with good rows, rows refused for their content and rows that cannot be
/// read, several of one cell, spread so that chunks of 7 cut through each kind.
fn mixed_figures() -> String {
    let mut csv = String::from("indicator,unit,period,value,kind,note\n");
    for n in 0..40 {
        let row = match n % 10 {
            3 => format!("RETAIL_SALES,40,2023-{:02},,estimate,\n", 1 + n % 12),
            5 => format!("RETAIL_SALES,NOWHERE,2023-{:02},12,estimate,\n", 1 + n % 12),
            7 => "RETAIL_SALES,40\n".to_owned(),
            8 => format!(
                "RETAIL_SALES,40,2023-05,{},official,'=revised\n",
                40_000 + n
            ),
            _ => format!(
                "RETAIL_SALES,40,2023-{:02},{},estimate,\n",
                1 + n % 12,
                1_000 + n
            ),
        };
        csv.push_str(&row);
    }
    csv
}

/// What an import answered and what it left: the report (or the problems), and every stored
/// figure with its cell, value and source.
async fn import_outcome(
    chunk: usize,
    skip_invalid: bool,
) -> (
    Result<crate::ImportReport, Vec<crate::RowError>>,
    Vec<String>,
) {
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let answer = app
        .import_chunked(
            &actor(),
            ImportKind::Observations,
            "f.csv",
            mixed_figures().as_bytes(),
            crate::ImportOptions {
                skip_invalid,
                ..Default::default()
            },
            chunk,
        )
        .await;
    let answer = match answer {
        Ok(report) => Ok(report),
        Err(AppError::Import { errors, .. }) => Err(errors),
        Err(other) => panic!("chunks of {chunk}: {other}"),
    };
    let stored = app
        .store()
        .observations()
        .await
        .expect("observations")
        .iter()
        .map(|o| {
            format!(
                "{} {} {} {} {} {:?} {}",
                o.id,
                o.unit,
                o.period,
                o.value,
                o.kind.as_str(),
                o.note,
                o.provenance.source
            )
        })
        .collect();
    (answer, stored)
}

#[tokio::test]
async fn chunks_of_any_size_accept_and_refuse_the_same_rows() {
    for skip_invalid in [false, true] {
        let whole = import_outcome(50_000, skip_invalid).await;
        match &whole.0 {
            Ok(report) => {
                assert!(skip_invalid);
                assert_eq!(report.accepted, 28);
                assert_eq!(report.rejected.len(), 12);
            }
            Err(errors) => {
                assert!(!skip_invalid);
                assert_eq!(errors.len(), 12, "{errors:?}");
            }
        }
        for chunk in [1, 7] {
            assert_eq!(
                import_outcome(chunk, skip_invalid).await,
                whole,
                "chunks of {chunk}, skip_invalid {skip_invalid}"
            );
        }
    }
}

#[tokio::test]
async fn a_refused_file_of_figures_writes_nothing_even_after_chunks_were_sent() {
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let before = app
        .store()
        .observations()
        .await
        .expect("observations")
        .len();
    let head = app.head();
    // 30,000 good rows, then one bad one: three chunks of 10,000 went to the store first.
    let mut csv = String::from("indicator,unit,period,value,kind\n");
    let units: Vec<String> = app
        .engine()
        .units()
        .filter(|u| u.valid_to.is_none())
        .map(|u| u.code.to_string())
        .take(2_500)
        .collect();
    for (n, unit) in units.iter().cycle().take(30_000).enumerate() {
        csv.push_str(&format!(
            "RETAIL_SALES,{unit},2026-{:02},{n},estimate\n",
            1 + (n / units.len()) % 12
        ));
    }
    csv.push_str("RETAIL_SALES,40,2023-05,many,estimate\n");
    let refused = app
        .import_chunked(
            &actor(),
            ImportKind::Observations,
            "big.csv",
            csv.as_bytes(),
            crate::ImportOptions::default(),
            10_000,
        )
        .await;
    let Err(AppError::Import { errors, .. }) = refused else {
        panic!("expected the file to be refused, got {refused:?}");
    };
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 30_002);
    assert_eq!(
        app.store()
            .observations()
            .await
            .expect("observations")
            .len(),
        before
    );
    assert_eq!(app.head(), head);
    assert_eq!(
        app.store().changes_since(head).await.expect("changes"),
        giamsat_store::Changes::Batches(vec![])
    );
    // The engine was not touched, and the next import goes in.
    let first = &units[0];
    assert!(
        app.engine()
            .unit_by_code(&UnitCode::parse(first).expect("code"))
            .and_then(|u| {
                let i = app
                    .engine()
                    .indicator_by_code(&IndicatorCode::parse("RETAIL_SALES").expect("code"))?
                    .id;
                app.engine().reported(i, u.id, "2026-01".parse().ok()?)
            })
            .is_none()
    );
    let good = csv.lines().take(30_001).collect::<Vec<_>>().join("\n");
    let report = app
        .import(
            &actor(),
            ImportKind::Observations,
            "big.csv",
            good.as_bytes(),
            crate::ImportOptions::default(),
        )
        .await
        .expect("import");
    assert_eq!(report.accepted, 30_000);
    assert_eq!(
        app.store()
            .observations()
            .await
            .expect("observations")
            .len(),
        before + 30_000
    );
}

#[tokio::test]
async fn imports_beyond_those_that_may_run_at_once_are_told_to_retry() {
    let (_dir, app) = fresh().await;
    app.load_demo(&actor()).await.expect("demo");
    let running: Vec<_> = (0..crate::IMPORTS_AT_ONCE)
        .map(|_| app.import_slot().expect("a slot"))
        .collect();
    let csv = "indicator,unit,period,value,kind\nRETAIL_SALES,40,2023-YTD06,44000,estimate\n";
    let tester = actor();
    let import = || {
        app.import(
            &tester,
            ImportKind::Observations,
            "f.csv",
            csv.as_bytes(),
            crate::ImportOptions::default(),
        )
    };
    let busy = import().await;
    assert!(
        matches!(
            busy,
            Err(AppError::ImportsBusy {
                running: 2,
                seconds: 5
            })
        ),
        "{busy:?}"
    );
    drop(running);
    assert_eq!(import().await.expect("import").accepted, 1);
}

/// A row of figures that the import must refuse, and the field its problem names (empty when
/// the row as a whole is wrong).
fn bad_figure(kind: usize, n: usize, unit: &str) -> (String, &'static str) {
    match kind % 6 {
        0 => (format!("RETAIL_SALES,NOWHERE,2026-01,{n},estimate"), "unit"),
        1 => (
            format!("RETAIL_SALES,{unit},2026-13,{n},estimate"),
            "period",
        ),
        2 => (
            format!("RETAIL_SALES,{unit},2026-01,many,estimate"),
            "value",
        ),
        3 => (format!("RETAIL_SALES,{unit},2026-01,{n},guess"), "kind"),
        4 => (format!("NO_SUCH,{unit},2026-01,{n},estimate"), "indicator"),
        _ => (format!("RETAIL_SALES,{unit}"), ""),
    }
}

#[test]
fn a_file_of_figures_with_one_bad_row_anywhere_writes_nothing() {
    use proptest::prelude::*;
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (_dir, app) = runtime.block_on(async {
        let (dir, app) = fresh().await;
        app.load_demo(&actor()).await.expect("demo");
        (dir, app)
    });
    let units: Vec<String> = app
        .engine()
        .units()
        .filter(|u| u.valid_to.is_none())
        .map(|u| u.code.to_string())
        .take(300)
        .collect();
    let stored = || {
        runtime
            .block_on(app.store().observations())
            .expect("observations")
    };
    let before = stored().len();
    let head = app.head();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(32));
    let cases = (1usize..300, 0usize..300, 0usize..6, 1usize..64);
    runner
        .run(&cases, |(rows, at, kind, chunk)| {
            let at = at % rows;
            let mut csv = String::from("indicator,unit,period,value,kind\n");
            let (bad, field) = bad_figure(kind, at, &units[at]);
            for (n, unit) in units.iter().enumerate().take(rows) {
                if n == at {
                    csv.push_str(&bad);
                } else {
                    csv.push_str(&format!("RETAIL_SALES,{unit},2026-02,{n},estimate"));
                }
                csv.push('\n');
            }
            let refused = runtime.block_on(app.import_chunked(
                &actor(),
                ImportKind::Observations,
                "f.csv",
                csv.as_bytes(),
                crate::ImportOptions::default(),
                chunk,
            ));
            let Err(AppError::Import { errors, .. }) = refused else {
                panic!("{rows} rows, bad at {at}: {refused:?}");
            };
            prop_assert_eq!(errors.len(), 1, "{:?}", errors);
            prop_assert_eq!(errors[0].line, at as u64 + 2);
            prop_assert_eq!(errors[0].field.as_str(), field);
            prop_assert_eq!(stored().len(), before);
            prop_assert_eq!(app.head(), head);
            let engine = app.engine();
            let retail = engine
                .indicator_by_code(&IndicatorCode::parse("RETAIL_SALES").expect("code"))
                .expect("indicator")
                .id;
            let unit = engine
                .unit_by_code(&UnitCode::parse(&units[(at + 1) % rows]).expect("code"))
                .expect("unit")
                .id;
            prop_assert!(
                engine
                    .reported(retail, unit, "2026-02".parse().expect("period"))
                    .is_none()
            );
            Ok(())
        })
        .expect("every file with a bad row is refused whole");
}
