//! The registry in a real browser: an administrator defines an indicator by its names, an
//! office corrects a target with a reason and reads its history and adds a department under
//! its province by name, and a viewer is offered none of these forms. No code is typed and no
//! API is called.

use fantoccini::Locator;

use crate::TestServer;
use crate::browser::{Browser, has, shot, write_forms};

/// A target of Nghệ An (40) in the demo, and its document.
fn a_target_of_the_province(server: &TestServer) -> (u32, u32) {
    let engine = server.state.app.engine();
    let province = engine
        .unit_by_code(&giamsat_core::UnitCode::parse("40").expect("code"))
        .expect("Nghệ An")
        .id;
    engine
        .targets()
        .find(|t| t.unit == province)
        .map(|t| (t.id.0, t.document.0))
        .expect("a target of Nghệ An")
}

async fn pick(browser: &Browser, css: &str, value: &str) {
    browser
        .client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("{css} has no option {value}: {e}"));
}

#[tokio::test]
async fn an_indicator_is_defined_by_name_a_target_corrected_with_a_reason_and_a_viewer_sees_no_form()
 {
    let server = TestServer::start(true).await;
    let (target, document) = a_target_of_the_province(&server);

    // The administrator defines an indicator from the documents page, typing only names.
    let admin = Browser::signed_in(&server, "admin", None).await;
    admin.open(&server, "/documents?lang=vi").await;
    admin.follow("a[href='/indicators/new']").await;
    for lang in ["vi", "en", "fr"] {
        admin
            .open(&server, &format!("/indicators/new?lang={lang}"))
            .await;
        shot(&admin, 390, &format!("{lang}-indicator-form-phone")).await;
    }
    admin.open(&server, "/indicators/new?lang=vi").await;
    // Without a name nothing is saved, and the field is named.
    admin.type_into("#measure_vi", "doanh nghiệp").await;
    admin.follow("#registry-form button[type=submit]").await;
    assert!(admin.text("#error-summary").await.contains("Chưa lưu"));
    assert!(has(&admin, "#name_vi-error").await, "the name is named");
    assert_eq!(
        admin.attr("#measure_vi", "value").await.as_deref(),
        Some("doanh nghiệp"),
        "what was typed is kept"
    );
    admin
        .type_into("#name_vi", "Số doanh nghiệp thành lập mới")
        .await;
    admin.type_into("#name_en", "New enterprises").await;
    admin.type_into("#name_fr", "Entreprises créées").await;
    pick(&admin, "#over_time", "flow").await;
    pick(&admin, "#across_units", "sum").await;
    admin.follow("#registry-form button[type=submit]").await;
    let here = admin.client.current_url().await.expect("url");
    assert_eq!(here.path(), "/indicators/SO_DOANH_NGHIEP_THANH_LAP_MOI");
    assert_eq!(admin.text("h1").await, "Số doanh nghiệp thành lập mới");
    // Corrected: the history names the field, before and after, and the reason.
    admin
        .follow("a[href='/indicators/SO_DOANH_NGHIEP_THANH_LAP_MOI/edit']")
        .await;
    admin.type_into("#measure_vi", "nghìn doanh nghiệp").await;
    admin
        .type_into("#reason", "Theo Thông tư 02/2023/TT-BKHĐT")
        .await;
    admin.follow("#registry-form button[type=submit]").await;
    let history = admin.text("#history").await;
    assert!(
        history.contains("nghìn doanh nghiệp") && history.contains("Thông tư 02/2023/TT-BKHĐT"),
        "{history}"
    );
    admin.close().await;

    // The province's office corrects one of its targets from the document's page.
    let office = Browser::signed_in(&server, "office", Some("40")).await;
    office
        .open(&server, &format!("/documents/{document}?lang=vi"))
        .await;
    assert!(
        !has(&office, "a[href='/indicators/new']").await,
        "indicators are the administrators'"
    );
    assert!(has(&office, &format!("a[href='/documents/{document}/edit']")).await);
    office.follow(&format!("a[href='/targets/{target}']")).await;
    assert!(office.text("#history").await.contains("Chưa sửa đổi"));
    let before = office.text("dl.facts").await;
    // Without a reason nothing is saved.
    office.type_into("#value", "1234,5").await;
    office.follow("#registry-form button[type=submit]").await;
    assert!(has(&office, "#reason-error").await);
    assert!(office.text("#history").await.contains("Chưa sửa đổi"));
    office
        .type_into("#reason", "Nghị quyết 05/NQ-HĐND điều chỉnh kế hoạch")
        .await;
    office.follow("#registry-form button[type=submit]").await;
    let history = office.text("#history").await;
    assert!(
        history.contains("Nghị quyết 05/NQ-HĐND điều chỉnh kế hoạch") && history.contains("office"),
        "{history}"
    );
    assert!(history.contains("1.234,5"), "the new value: {history}");
    assert_ne!(office.text("dl.facts").await, before);
    // A department is added under the province, its parent typed without diacritics.
    office.open(&server, "/units/40?lang=vi").await;
    office.follow("a[href='/units/new?parent=40']").await;
    office.type_into("#parent", "nghe an").await;
    office.type_into("#name_vi", "Sở Giáo dục và Đào tạo").await;
    pick(&office, "#kind", "department").await;
    office.follow("#registry-form button[type=submit]").await;
    let here = office.client.current_url().await.expect("url");
    assert_eq!(here.path(), "/units/40-SGDVDT");
    assert_eq!(office.text("h1").await, "Sở Giáo dục và Đào tạo");
    for lang in ["vi", "en", "fr"] {
        office
            .open(&server, &format!("/units/new?parent=40&lang={lang}"))
            .await;
        shot(&office, 390, &format!("{lang}-unit-form-phone")).await;
    }
    for lang in ["vi", "en", "fr"] {
        office
            .open(&server, &format!("/targets/{target}?lang={lang}"))
            .await;
        shot(&office, 390, &format!("{lang}-target-history-phone")).await;
        office
            .open(&server, &format!("/documents/{document}/edit?lang={lang}"))
            .await;
        shot(&office, 390, &format!("{lang}-document-edit-phone")).await;
    }
    office.open(&server, "/indicators/new?lang=vi").await;
    assert_eq!(
        write_forms(&office).await,
        0,
        "an office defines no indicator"
    );
    office.close().await;

    // A viewer reads the same pages and is offered no form.
    let viewer = Browser::signed_in(&server, "viewer", Some("40")).await;
    for path in [
        format!("/targets/{target}"),
        format!("/documents/{document}"),
        format!("/documents/{document}/edit"),
        "/documents".to_owned(),
        "/indicators/SO_DOANH_NGHIEP_THANH_LAP_MOI".to_owned(),
        "/indicators/SO_DOANH_NGHIEP_THANH_LAP_MOI/edit".to_owned(),
        "/indicators/new".to_owned(),
        "/units/40".to_owned(),
        "/units/new?parent=40".to_owned(),
    ] {
        viewer.open(&server, &path).await;
        assert_eq!(
            write_forms(&viewer).await,
            0,
            "{path} offers a viewer a form"
        );
        for link in ["/edit", "/indicators/new", "/units/new?parent=40"] {
            assert!(
                !has(&viewer, &format!("a[href$='{link}']")).await,
                "{path} shows a viewer a link to {link}"
            );
        }
    }
    // The history is there for every reader.
    viewer.open(&server, &format!("/targets/{target}")).await;
    assert!(
        viewer
            .text("#history")
            .await
            .contains("Nghị quyết 05/NQ-HĐND")
    );
    viewer.close().await;
}
