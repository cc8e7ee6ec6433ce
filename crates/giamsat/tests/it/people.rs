//! People and their positions in a real browser: an office adds a person and gives them a
//! position, the body typed by part of its name without diacritics, then ends the position
//! with a reason that the history keeps; a viewer reads the same pages and is offered no
//! form. No code is typed and no API is called.

use crate::TestServer;
use crate::browser::{Browser, has, shot, write_forms};

#[tokio::test]
async fn an_office_adds_a_person_and_a_position_by_the_bodys_name_and_ends_it_with_a_reason() {
    let server = TestServer::start(true).await;
    let office = Browser::signed_in(&server, "office", Some("40")).await;
    office.open(&server, "/people?lang=vi").await;
    // Without a name nothing is saved, and what was typed stays.
    office.type_into("#title", "Giám đốc").await;
    office.follow("#person-form button[type=submit]").await;
    assert!(has(&office, "#name-error").await, "the name is named");
    assert_eq!(
        office.attr("#title", "value").await.as_deref(),
        Some("Giám đốc")
    );
    office.type_into("#name", "Trần Thị Hồng Nhung").await;
    office.type_into("#unit", "so cong thuong nghe an").await;
    office.type_into("#from", "01/03/2024").await;
    office.follow("#person-form button[type=submit]").await;
    let here = office.client.current_url().await.expect("url");
    let id: u32 = here
        .path()
        .strip_prefix("/people/")
        .and_then(|x| x.parse().ok())
        .unwrap_or_else(|| panic!("not a person's page: {here}"));
    assert_eq!(office.text("h1").await, "Trần Thị Hồng Nhung");
    let positions = office.text("#positions").await;
    assert!(
        positions.contains("Giám đốc")
            && positions.contains("Sở Công Thương Nghệ An")
            && positions.contains("01/03/2024")
            && positions.contains("Đang giữ"),
        "{positions}"
    );

    // A second position, its body typed without diacritics as well.
    office
        .type_into("#new-title", "Ủy viên Ban Chấp hành")
        .await;
    office.type_into("#new-unit", "tinh uy nghe an").await;
    office.type_into("#new-from", "15/10/2020").await;
    office.follow("#position-form button[type=submit]").await;
    let positions = office.text("#positions").await;
    assert!(positions.contains("Tỉnh ủy Nghệ An"), "{positions}");

    // The first position ends, with a reason; without one nothing changes.
    let (first, _) = {
        let engine = server.state.app.engine();
        let book = engine.follow_up();
        let held: Vec<_> = book
            .positions_of(giamsat_core::FollowUpId(id))
            .map(|p| (p.id.0, p.title.clone()))
            .collect();
        held.into_iter()
            .find(|(_, t)| t == "Giám đốc")
            .expect("the first position")
    };
    let block = format!("#position-{first}");
    office.click(&format!("{block} summary")).await;
    office
        .type_into(&format!("#p{first}-to"), "31/12/2025")
        .await;
    office
        .follow(&format!("{block} form button[type=submit]"))
        .await;
    assert!(
        has(&office, &format!("#p{first}-reason-error")).await,
        "the reason is asked for"
    );
    assert!(office.text(&block).await.contains("Đang giữ"));
    office
        .type_into(&format!("#p{first}-reason"), "Nghỉ hưu theo chế độ")
        .await;
    office
        .follow(&format!("{block} form button[type=submit]"))
        .await;
    let shown = office.text(&block).await;
    assert!(
        shown.contains("Đã thôi")
            && shown.contains("31/12/2025")
            && shown.contains("Nghỉ hưu theo chế độ"),
        "{shown}"
    );

    // The office's audit trail says what was done to whom, in words, and links to her page.
    office.open(&server, "/audit?unit=40&lang=vi").await;
    assert!(
        office
            .text("main")
            .await
            .contains("Sửa hoặc kết thúc chức vụ"),
        "the correction is in the trail"
    );
    assert!(has(&office, &format!("a[href='/people/{id}#position-{first}']")).await);

    // The list finds her without diacritics, with her position held now and its body.
    office
        .open(&server, "/people?q=tran+thi+hong&lang=vi")
        .await;
    let row = office.text(&format!("tr[data-person='{id}']")).await;
    assert!(
        row.contains("Ủy viên Ban Chấp hành — Tỉnh ủy Nghệ An") && !row.contains("Giám đốc"),
        "{row}"
    );
    for lang in ["vi", "en", "fr"] {
        office.open(&server, &format!("/people?lang={lang}")).await;
        shot(&office, 390, &format!("{lang}-people-phone")).await;
        office
            .open(&server, &format!("/people/{id}?lang={lang}"))
            .await;
        office.click(&format!("{block} summary")).await;
        shot(&office, 390, &format!("{lang}-person-phone")).await;
    }
    office.close().await;

    // A viewer reads the list and the person's page and is offered no form.
    let viewer = Browser::signed_in(&server, "viewer", Some("40")).await;
    for path in ["/people".to_owned(), format!("/people/{id}")] {
        viewer.open(&server, &path).await;
        assert_eq!(
            write_forms(&viewer).await,
            0,
            "{path} offers a viewer a form"
        );
    }
    viewer.open(&server, "/people?q=nhung").await;
    assert!(has(&viewer, &format!("tr[data-person='{id}']")).await);
    viewer.close().await;
}

#[tokio::test]
async fn a_viewer_who_sends_the_forms_anyway_is_refused_and_nothing_is_written() {
    let server = TestServer::start(true).await;
    let (username, password) = server.account("viewer", Some("40")).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let cookie = crate::sign_in(&client, &server.url("/"), &username, &password).await;
    let page = client
        .get(server.url("/people"))
        .header("cookie", format!("giamsat_session={cookie}"))
        .send()
        .await
        .expect("list");
    let csrf = crate::csrf_field(&page.text().await.expect("html"));
    let before = server.state.app.engine().follow_up().people().count();
    let answer = client
        .post(server.url("/people"))
        .header("cookie", format!("giamsat_session={cookie}"))
        .form(&[("csrf", csrf.as_str()), ("name", "Lê Văn Tám")])
        .send()
        .await
        .expect("post");
    assert_eq!(answer.status().as_u16(), 403);
    assert_eq!(
        server.state.app.engine().follow_up().people().count(),
        before
    );
}
