use giamsat_core::access::{Grant, Role};
use giamsat_core::amendment::{Amended, Edit};
use giamsat_core::{Direction, TargetId, UnitCode, UnitId};
use giamsat_store::SqlStore;
use time::macros::date;

use super::*;

async fn app_at(path: &std::path::Path) -> App<SqlStore> {
    let store = SqlStore::open(path.to_str().expect("utf-8 path"))
        .await
        .expect("open store");
    App::open(store).await.expect("open app")
}

async fn demo(path: &std::path::Path) -> App<SqlStore> {
    let app = app_at(path).await;
    app.load_demo(&Actor::named("tester")).await.expect("demo");
    app
}

fn unit_id(app: &App<SqlStore>, code: &str) -> UnitId {
    app.engine()
        .unit_by_code(&UnitCode::parse(code).expect("code"))
        .expect("unit")
        .id
}

fn as_role(app: &App<SqlStore>, role: Role, code: &str) -> Actor {
    Actor::with_grants(role.as_str(), vec![Grant::over(role, unit_id(app, code))])
}

/// A target of Nghệ An (40) in the demo, and its value.
fn nghe_an_target(app: &App<SqlStore>) -> (TargetId, f64) {
    let province = unit_id(app, "40");
    let engine = app.engine();
    let target = engine
        .targets()
        .find(|t| t.unit == province)
        .expect("a target of the province");
    (target.id, target.value)
}

fn new_value(value: &str, reason: &str, version: usize) -> TargetRevisionInput {
    TargetRevisionInput {
        value: Some(value.into()),
        reason: Some(reason.into()),
        version: Some(version),
        ..TargetRevisionInput::default()
    }
}

#[tokio::test]
async fn an_office_amends_its_targets_value_with_a_reason_kept_as_history_across_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("giamsat.db");
    let app = demo(&path).await;
    let (target, before) = nghe_an_target(&app);
    let office = as_role(&app, Role::Office, "40");
    // A Vietnamese reader writes the decimal comma.
    app.revise_target(
        &office,
        target,
        &new_value("1.234,5", "Nghị quyết 05/NQ-HĐND điều chỉnh", 0),
        "test",
        Language::Vi,
    )
    .await
    .expect("amended");
    let check = |app: &App<SqlStore>| {
        let engine = app.engine();
        assert_eq!(engine.target(target).map(|t| t.value), Some(1234.5));
        let history = engine.amendments_of(Amended::Target(target));
        assert_eq!(history.len(), 1);
        assert_eq!(
            history[0].changes,
            vec![Edit::Value {
                before,
                after: 1234.5
            }]
        );
        assert_eq!(history[0].reason, "Nghị quyết 05/NQ-HĐND điều chỉnh");
        assert_eq!(history[0].provenance.recorded_by, "office");
    };
    check(&app);
    let trail = app
        .audit_trail(
            &Actor::named("tester"),
            Some(&format!("target:{target}")),
            10,
        )
        .await
        .expect("trail");
    let entry = trail
        .iter()
        .find(|e| e.action == "target.revision")
        .expect("the amendment is audited");
    assert_eq!(entry.actor, "office");
    assert_eq!(
        entry.before.as_ref().map(|b| b["value"].clone()),
        Some(serde_json::json!(before))
    );
    assert_eq!(
        entry.after.as_ref().map(|a| a["reason"].clone()),
        Some(serde_json::json!("Nghị quyết 05/NQ-HĐND điều chỉnh"))
    );
    assert_eq!(entry.unit, Some(unit_id(&app, "40")));
    drop(app);
    check(&app_at(&path).await);
}

#[tokio::test]
async fn outside_its_scope_or_role_a_writer_is_refused_before_its_input_is_judged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = demo(&dir.path().join("giamsat.db")).await;
    let (target, _) = nghe_an_target(&app);
    let head = app.head();
    // Nothing in the input is valid: a refusal for the role must come first.
    let nonsense = TargetRevisionInput {
        value: Some("không phải số".into()),
        version: Some(99),
        ..TargetRevisionInput::default()
    };
    for (role, code) in [
        (Role::Viewer, "40"),
        (Role::Reporter, "40"),
        (Role::Office, "48"),
        (Role::Office, "40-SCT"),
    ] {
        let refused = app
            .revise_target(
                &as_role(&app, role, code),
                target,
                &nonsense,
                "t",
                Language::Vi,
            )
            .await;
        assert!(
            matches!(refused, Err(AppError::Forbidden(_))),
            "{role:?} over {code}: {refused:?}"
        );
    }
    // Indicators are the whole tree's: an office (even of a province) does not change them.
    let indicator = app
        .engine()
        .target(target)
        .map(|t| t.indicator)
        .expect("target");
    let rename = IndicatorRevisionInput {
        name_vi: Some("Tên khác".into()),
        reason: Some("thử".into()),
        ..IndicatorRevisionInput::default()
    };
    let refused = app
        .revise_indicator(&as_role(&app, Role::Office, "40"), indicator, &rename, "t")
        .await;
    assert!(
        matches!(refused, Err(AppError::Forbidden(_))),
        "{refused:?}"
    );
    let document = app
        .engine()
        .target(target)
        .map(|t| t.document)
        .expect("target");
    let retitle = DocumentRevisionInput {
        title_vi: Some("Tên khác".into()),
        reason: Some("thử".into()),
        ..DocumentRevisionInput::default()
    };
    let refused = app
        .revise_document(&as_role(&app, Role::Viewer, "40"), document, &retitle, "t")
        .await;
    assert!(
        matches!(refused, Err(AppError::Forbidden(_))),
        "{refused:?}"
    );
    assert_eq!(app.head(), head, "nothing was written");
}

#[tokio::test]
async fn bad_input_is_named_by_its_field_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = demo(&dir.path().join("giamsat.db")).await;
    let (target, value) = nghe_an_target(&app);
    let office = as_role(&app, Role::Office, "40");
    let head = app.head();
    let field_of = |result: &Result<giamsat_core::AmendmentId, AppError>| match result {
        Err(AppError::Invalid(errors)) => errors
            .iter()
            .map(|e| (e.field.clone(), e.problem.code()))
            .collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    let no_reason = app
        .revise_target(&office, target, &new_value("12", " ", 0), "t", Language::Vi)
        .await;
    assert_eq!(field_of(&no_reason), [("reason".into(), "reason_required")]);
    let not_a_number = app
        .revise_target(
            &office,
            target,
            &new_value("mười", "lý do", 0),
            "t",
            Language::Vi,
        )
        .await;
    assert_eq!(field_of(&not_a_number)[0].0, "value");
    let same = app
        .revise_target(
            &office,
            target,
            &new_value(&value.to_string(), "lý do", 0),
            "t",
            Language::En,
        )
        .await;
    assert_eq!(field_of(&same), [(String::new(), "nothing_changed")]);
    let half_a_baseline = TargetRevisionInput {
        baseline_period: Some("năm 2020".into()),
        baseline_value: Some(String::new()),
        reason: Some("lý do".into()),
        ..TargetRevisionInput::default()
    };
    let half = app
        .revise_target(&office, target, &half_a_baseline, "t", Language::Vi)
        .await;
    assert_eq!(field_of(&half)[0].0, "baseline_value");
    let document = app
        .engine()
        .target(target)
        .map(|t| t.document)
        .expect("target");
    let bad_date = DocumentRevisionInput {
        issued_on: Some("31/13/2023".into()),
        reason: Some("lý do".into()),
        ..DocumentRevisionInput::default()
    };
    let bad = app.revise_document(&office, document, &bad_date, "t").await;
    assert_eq!(field_of(&bad)[0].0, "issued_on");
    let admin = Actor::with_grants("admin", vec![Grant::everywhere(Role::Admin)]);
    let indicator = app
        .engine()
        .target(target)
        .map(|t| t.indicator)
        .expect("target");
    let ratio = IndicatorRevisionInput {
        across_units: Some("ratio".into()),
        decimals: Some("9".into()),
        reason: Some("lý do".into()),
        ..IndicatorRevisionInput::default()
    };
    let refused = app.revise_indicator(&admin, indicator, &ratio, "t").await;
    let fields: Vec<String> = field_of(&refused).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["decimals", "across_units"]);
    assert_eq!(app.head(), head, "nothing was written");
    // A form read before another correction would undo it: refused.
    app.revise_target(
        &office,
        target,
        &new_value("13", "lần một", 0),
        "t",
        Language::En,
    )
    .await
    .expect("first");
    let stale = app
        .revise_target(
            &office,
            target,
            &new_value("14", "lần hai", 0),
            "t",
            Language::En,
        )
        .await;
    assert!(
        matches!(stale, Err(AppError::Conflict(Problem::EditedMeanwhile))),
        "{stale:?}"
    );
}

#[tokio::test]
async fn a_document_and_an_indicator_are_amended_field_by_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = demo(&dir.path().join("giamsat.db")).await;
    let (target, _) = nghe_an_target(&app);
    let (document, indicator) = {
        let engine = app.engine();
        let t = engine.target(target).expect("target");
        (t.document, t.indicator)
    };
    let office = as_role(&app, Role::Office, "40");
    let before = app.engine().document(document).map(|d| d.title.clone());
    app.revise_document(
        &office,
        document,
        &DocumentRevisionInput {
            title_vi: Some("Kế hoạch phát triển kinh tế - xã hội".into()),
            title_en: Some("Socio-economic development plan".into()),
            title_fr: Some(String::new()),
            issued_on: Some("20/12/2022".into()),
            reason: Some("Ghi nhầm ngày ban hành".into()),
            version: Some(0),
            ..DocumentRevisionInput::default()
        },
        "t",
    )
    .await
    .expect("document amended");
    {
        let engine = app.engine();
        let d = engine.document(document).expect("document");
        assert_eq!(d.issued_on, Some(date!(2022 - 12 - 20)));
        assert_eq!(
            d.title.exact(Language::En),
            Some("Socio-economic development plan")
        );
        assert_eq!(d.title.exact(Language::Fr), None);
        let history = engine.amendments_of(Amended::Document(document));
        assert_eq!(history.len(), 1);
        assert!(
            matches!(&history[0].changes[0], Edit::Title { before: b, .. } if Some(b) == before.as_ref())
        );
    }
    let admin = Actor::with_grants("admin", vec![Grant::everywhere(Role::Admin)]);
    let direction = app
        .engine()
        .indicator(indicator)
        .map(|i| i.direction)
        .expect("indicator");
    let flipped = match direction {
        Direction::HigherIsBetter => "lower_is_better",
        Direction::LowerIsBetter => "higher_is_better",
    };
    app.revise_indicator(
        &admin,
        indicator,
        &IndicatorRevisionInput {
            name_en: Some("Renamed".into()),
            direction: Some(flipped.into()),
            reason: Some("Theo Thông tư 02/2023/TT-BKHĐT".into()),
            ..IndicatorRevisionInput::default()
        },
        "t",
    )
    .await
    .expect("indicator amended");
    let engine = app.engine();
    let i = engine.indicator(indicator).expect("indicator");
    assert_ne!(i.direction, direction);
    assert_eq!(i.name.exact(Language::En), Some("Renamed"));
    // Names sent together: the Vietnamese and French names not sent are removed.
    assert_eq!(i.name.exact(Language::Vi), None);
    assert_eq!(engine.amendments_of(Amended::Indicator(indicator)).len(), 1);
}

#[test]
fn a_code_is_made_from_the_vietnamese_name_and_never_taken_twice() {
    let engine = giamsat_core::Engine::new();
    let name = Translations::vi("Tổng mức bán lẻ hàng hóa").with(Language::En, "Retail sales");
    assert_eq!(
        indicator_code_for(&engine, &name).as_deref(),
        Some("TONG_MUC_BAN_LE_HANG_HOA")
    );
    assert_eq!(indicator_code_for(&engine, &Translations::vi("  ")), None);
}

#[tokio::test]
async fn a_bodys_code_is_its_parents_and_its_initials_and_never_taken_twice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = demo(&dir.path().join("giamsat.db")).await;
    let engine = app.engine();
    let province = Some(unit_id(&app, "40"));
    let name = |vi: &str| Translations::vi(vi);
    // The demo has 40-SCT already.
    assert_eq!(
        unit_code_for(&engine, province, &name("Sở Công Thương")).as_deref(),
        Some("40-SCT-2")
    );
    assert_eq!(
        unit_code_for(&engine, province, &name("Sở Giáo dục và Đào tạo")).as_deref(),
        Some("40-SGDVDT")
    );
    assert_eq!(unit_code_for(&engine, province, &name(" ")), None);
}
