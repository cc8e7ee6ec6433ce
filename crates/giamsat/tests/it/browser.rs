//! End-to-end tests in a real headless Chromium, driven through ChromeDriver (the Debian
//! packages chromium and chromium-driver; scripts/test installs them when missing). Each test
//! starts its own server with the demo data and its own browser. Screenshots of every main
//! page in each language go to target/test-output/screenshots.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};

use crate::TestServer;

/// A ChromeDriver process and a browser session on it; the process ends with the value.
pub(crate) struct Browser {
    pub(crate) client: Client,
    driver: Child,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

pub(crate) fn find_program(env: &str, names: &[&str]) -> PathBuf {
    if let Ok(path) = std::env::var(env) {
        return PathBuf::from(path);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in names {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return candidate;
            }
        }
    }
    panic!(
        "{} was not found on PATH (or in ${env}): the browser tests need the Debian packages \
         chromium and chromium-driver, which scripts/test installs",
        names[0]
    );
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    async fn start() -> Browser {
        let chromedriver = find_program("CHROMEDRIVER", &["chromedriver"]);
        let chromium = find_program(
            "CHROMIUM",
            &["chromium", "chromium-browser", "google-chrome"],
        );
        let port = free_port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{} does not start: {e}", chromedriver.display()));
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1280,900", "--hide-scrollbars", "--lang=vi",
                    "--force-device-scale-factor=1"
                ]
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        // ChromeDriver takes a moment to listen.
        let mut last_error = None;
        for _ in 0..100 {
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => return Browser { client, driver },
                Err(e) => last_error = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no browser session on {url}: {last_error:?}");
    }

    /// A browser signed in, through the sign-in form, as a new account with one grant.
    pub(crate) async fn signed_in(server: &TestServer, role: &str, scope: Option<&str>) -> Browser {
        let (username, password) = server.account(role, scope).await;
        let browser = Browser::start().await;
        // Any page sends a stranger to the sign-in form first.
        browser.open(server, "/").await;
        let here = browser.client.current_url().await.expect("url");
        assert_eq!(here.path(), "/login", "{here}");
        browser.type_into("#username", &username).await;
        browser.type_into("#password", &password).await;
        browser.follow("form.signin button[type=submit]").await;
        let here = browser.client.current_url().await.expect("url");
        // A user with a unit lands on it; one over everything, on the overview.
        let home = scope.map_or_else(|| "/".to_owned(), |unit| format!("/units/{unit}"));
        assert_eq!(
            here.path(),
            home,
            "signed in and sent to their unit: {here}"
        );
        browser
    }

    pub(crate) async fn open(&self, server: &TestServer, path: &str) {
        self.client
            .goto(&server.url(path))
            .await
            .expect("page opens");
    }

    pub(crate) async fn text(&self, css: &str) -> String {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .text()
            .await
            .expect("text")
    }

    pub(crate) async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .attr(name)
            .await
            .expect("attribute")
    }

    pub(crate) async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Clicks a link or a submit button and waits until the next page has replaced this one.
    pub(crate) async fn follow(&self, css: &str) {
        let old = self
            .client
            .find(Locator::Css("html"))
            .await
            .expect("the page");
        self.click(css).await;
        for _ in 0..200 {
            if old.tag_name().await.is_err() {
                // The old document is gone; wait for the new one to be there.
                self.client
                    .wait()
                    .for_element(Locator::Css("body"))
                    .await
                    .expect("the next page");
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("clicking {css} did not lead to another page");
    }

    pub(crate) async fn type_into(&self, css: &str, text: &str) {
        let field = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"));
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("type");
    }

    /// A screenshot of the whole page at `width`, saved as `name`.png.
    pub(crate) async fn screenshot(&self, width: u32, name: &str) -> PathBuf {
        self.client
            .set_window_size(width, 900)
            .await
            .expect("resize");
        let height = self
            .client
            .execute("return document.documentElement.scrollHeight", vec![])
            .await
            .expect("height")
            .as_u64()
            .unwrap_or(900);
        let height = u32::try_from(height).unwrap_or(900).clamp(400, 8000);
        self.client
            .set_window_size(width, height)
            .await
            .expect("resize");
        let png = self.client.screenshot().await.expect("screenshot");
        assert!(png.starts_with(b"\x89PNG"), "a PNG image");
        let dir =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/test-output/screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("screenshot written");
        self.client
            .set_window_size(1280, 900)
            .await
            .expect("resize");
        path
    }

    pub(crate) async fn close(mut self) {
        let client = self.client.clone();
        client.close().await.expect("session closes");
        let _ = self.driver.kill();
    }
}

#[tokio::test]
async fn the_overview_switches_to_french_with_french_numbers() {
    let server = TestServer::start(true).await;
    let browser = Browser::signed_in(&server, "admin", None).await;
    browser.open(&server, "/?lang=vi").await;
    assert_eq!(browser.text("h1").await, "Tổng quan");
    // The stylesheet is served from the binary and allowed by the content security policy.
    let header = browser
        .client
        .find(Locator::Css("header.top"))
        .await
        .expect("header");
    assert_eq!(
        header.css_value("background-color").await.expect("style"),
        "rgba(140, 29, 24, 1)"
    );
    assert_eq!(browser.attr("html", "lang").await.as_deref(), Some("vi"));
    let table = browser.text("table.targets").await;
    assert!(
        table.contains("36.539") && table.contains("42,98%"),
        "{table}"
    );
    // The worst first: the first row is off track.
    assert_eq!(
        browser
            .attr("table.targets tbody tr", "data-status")
            .await
            .as_deref(),
        Some("off_track")
    );

    browser.follow("nav.lang a[hreflang=fr]").await;
    assert_eq!(browser.text("h1").await, "Vue d’ensemble");
    assert_eq!(browser.attr("html", "lang").await.as_deref(), Some("fr"));
    let table = browser.text("table.targets").await;
    assert!(
        table.contains("État") && table.contains("En retard"),
        "{table}"
    );
    assert!(
        table.contains("36\u{202f}539")
            && table.contains("42,98\u{202f}%")
            && table.contains("+9,63\u{202f}%"),
        "French numbers: {table}"
    );
    // The choice is remembered on the next page, reached by the keyboard-usable navigation.
    browser.follow("nav.sections a[href='/rankings']").await;
    assert_eq!(browser.text("h1").await, "Classement des localités");
    assert_eq!(
        browser
            .attr("nav.sections a[aria-current=page]", "href")
            .await
            .as_deref(),
        Some("/rankings")
    );
    browser.close().await;
}

#[tokio::test]
async fn a_figure_entered_in_the_form_changes_the_targets_status() {
    let server = TestServer::start(true).await;
    let browser = Browser::signed_in(&server, "reporter", Some("40")).await;
    browser.open(&server, "/units/40?lang=vi").await;
    let exports = "table.targets tr[data-indicator=EXPORTS]";
    assert_eq!(
        browser.attr(exports, "data-status").await.as_deref(),
        Some("off_track")
    );

    browser.follow("a[href='/entry?unit=40']").await;
    browser.type_into("#period", "2023-06").await;
    browser.follow("main form[method=get] button").await;
    assert!(
        browser
            .text("form[action='/entry'][method=post] h2")
            .await
            .contains("Tháng 6/2023")
    );

    // A figure that is not a number is refused beside its field, and nothing is saved.
    browser.type_into("#value-EXPORTS", "1.700,5").await;
    browser.type_into("#value-IMPORTS", "nhiều").await;
    browser
        .follow("form[action='/entry'][method=post] button[type=submit]")
        .await;
    assert!(
        browser
            .text("#error-summary")
            .await
            .contains("Chưa lưu số liệu nào")
    );
    let error = browser.text("#error-IMPORTS").await;
    assert!(error.contains("\"nhiều\" không phải là số"), "{error}");
    assert_eq!(
        browser
            .attr("#value-IMPORTS", "aria-invalid")
            .await
            .as_deref(),
        Some("true")
    );
    // What was typed is kept.
    assert_eq!(
        browser.attr("#value-EXPORTS", "value").await.as_deref(),
        Some("1.700,5")
    );

    // Corrected, as a Vietnamese reader writes numbers: 892,3 by May + 1.700,5 in June
    // passes the year's plan of 2.499,4.
    browser.type_into("#value-IMPORTS", "").await;
    browser.click("input[name=kind][value=official]").await;
    browser
        .follow("form[action='/entry'][method=post] button[type=submit]")
        .await;
    assert_eq!(browser.text("p.notice").await, "Đã lưu 1 số liệu.");
    assert_eq!(
        browser.attr(exports, "data-status").await.as_deref(),
        Some("achieved")
    );
    let row = browser.text(exports).await;
    assert!(row.contains("2.592,8") && row.contains("Đạt"), "{row}");
    browser.close().await;
}

#[tokio::test]
async fn the_ranking_reads_as_the_2023_review() {
    let server = TestServer::start(true).await;
    let browser = Browser::signed_in(&server, "admin", None).await;
    browser.open(&server, "/rankings?lang=en").await;
    let all_met = browser.text("p.notice").await;
    for name in ["Quang Ninh (15/15)", "Phu Tho (15/15)", "Hau Giang (18/18)"] {
        assert!(all_met.contains(name), "{all_met}");
    }
    let negative = browser.text("p.alert").await;
    for name in [
        "Bac Ninh (-9.28%)",
        "Quang Nam (-8.25%)",
        "Lai Chau (-2.27%)",
        "Ba Ria - Vung Tau (-1.02%)",
    ] {
        assert!(negative.contains(name), "{negative}");
    }
    let first = browser.text("#growth-table tbody tr").await;
    assert!(first.starts_with("1 Bac Giang +13.45%"), "{first}");
    assert_eq!(
        browser
            .attr("#scores-table tbody tr", "class")
            .await
            .as_deref(),
        Some("all-met")
    );
    let last = browser
        .client
        .find_all(Locator::Css("#growth-table tbody tr"))
        .await
        .expect("rows");
    assert_eq!(last.len(), 11);
    let bottom = last[10].text().await.expect("text");
    assert!(bottom.contains("Bac Ninh -9.28%"), "{bottom}");
    // The charts are drawn, titled, and their bars match the tables.
    let bars = browser
        .client
        .find_all(Locator::Css(
            "svg[aria-labelledby^=growth] rect.bar.negative",
        ))
        .await
        .expect("bars");
    assert_eq!(bars.len(), 4);

    // The same review on today's provinces, chosen in the form.
    browser
        .client
        .find(Locator::Css("#as_of"))
        .await
        .expect("as-of choice")
        .select_by_index(1)
        .await
        .expect("today");
    browser.follow("form[action='/rankings'] button").await;
    let scores = browser.text("#scores-table").await;
    assert!(
        scores.contains("28/38") && scores.contains("carried: Bac Giang 17/18 + Bac Ninh 11/20"),
        "{scores}"
    );
    let unmerged = browser.text("#unmerged-table").await;
    assert!(
        unmerged.contains("Bac Giang") && unmerged.contains("+13.45%"),
        "{unmerged}"
    );
    browser.close().await;
}

#[tokio::test]
async fn screenshots_of_every_main_page_in_each_language() {
    let server = TestServer::start(true).await;
    let browser = Browser::signed_in(&server, "admin", None).await;
    let session = {
        let engine = server.state.app.engine();
        let first = engine.follow_up().sessions().next().map(|s| s.id);
        format!(
            "/supervision/sessions/{}",
            first.expect("the demo's sessions")
        )
    };
    let pages = [
        ("overview", "/"),
        ("documents", "/documents"),
        ("document", "/documents/4"),
        ("indicator", "/indicators/RETAIL_SALES?unit=40"),
        ("rankings", "/rankings"),
        ("units", "/units"),
        ("unit", "/units/40"),
        ("entry", "/entry?unit=40&period=2023-06"),
        ("rankings-today", "/rankings?period=2023&as_of=2026-01-01"),
        ("rankings-map", "/rankings?period=2023&view=map"),
        (
            "rankings-map-today",
            "/rankings?period=2023&as_of=2026-01-01&view=map",
        ),
        ("unit-merged", "/units/24-2025"),
        ("units-search", "/units?q=Bac+Ninh"),
        ("account", "/account"),
        ("audit", "/audit?unit=40"),
        ("tasks", "/tasks?unit=40-SCT"),
        ("supervision", "/supervision"),
        ("session", session.as_str()),
        ("recommendations", "/recommendations"),
    ];
    for lang in ["vi", "en", "fr"] {
        for (name, path) in pages {
            let separator = if path.contains('?') { '&' } else { '?' };
            browser
                .open(&server, &format!("{path}{separator}lang={lang}"))
                .await;
            assert_eq!(browser.attr("html", "lang").await.as_deref(), Some(lang));
            let heading = browser.text("h1").await;
            assert!(!heading.is_empty(), "{name} in {lang} has a heading");
            browser.screenshot(1280, &format!("{lang}-{name}")).await;
        }
        // The phone width: the page itself never scrolls sideways (wide tables scroll in
        // their own frame).
        browser.open(&server, &format!("/?lang={lang}")).await;
        browser
            .client
            .set_window_size(390, 900)
            .await
            .expect("resize");
        let width: u64 = browser
            .client
            .execute("return document.documentElement.scrollWidth", vec![])
            .await
            .expect("width")
            .as_u64()
            .unwrap_or(0);
        assert!(
            width <= 390,
            "{lang}: the page is {width} px wide at 390 px"
        );
        // Every section of the menu is in sight at the phone width, none past the edge.
        let hidden = browser
            .client
            .execute(
                "return [...document.querySelectorAll('nav.sections a')]
                   .filter(a => { const r = a.getBoundingClientRect();
                                  return r.width === 0 || r.left < 0 || r.right > window.innerWidth; })
                   .map(a => a.textContent.trim())",
                vec![],
            )
            .await
            .expect("menu");
        assert_eq!(
            hidden,
            serde_json::json!([]),
            "{lang}: menu items out of sight at 390 px"
        );
        // What an actual covers stays on its card: five months never read as the year.
        let covers = browser
            .text("table.targets tr[data-indicator=EXPORTS] td.num .muted")
            .await;
        assert!(
            !covers.trim().is_empty(),
            "{lang}: the span of the exports' actual is shown at 390 px"
        );
        browser
            .screenshot(390, &format!("{lang}-overview-phone"))
            .await;
    }
    browser.close().await;
}

#[tokio::test]
async fn a_session_becomes_tasks_done_late_and_clashing_plans_are_flagged() {
    let server = TestServer::start(true).await;
    let browser = Browser::signed_in(&server, "office", None).await;
    // Record a working session with two conclusion items.
    browser
        .open(&server, "/supervision/sessions/new?lang=vi")
        .await;
    browser.type_into("#body", "40-TU").await;
    browser.type_into("#unit", "40-SCT").await;
    browser.type_into("#date", "10/1/2026").await;
    browser
        .type_into("#delegation", "Đoàn giám sát của Ban Thường vụ Tỉnh ủy")
        .await;
    browser
        .type_into("#members", "Trưởng đoàn | Trần Minh Lực — UVTV Tỉnh ủy")
        .await;
    browser
        .type_into("#attendees", "Pham Van Hoa — Giám đốc Sở Công Thương")
        .await;
    browser
        .type_into(
            "#conclusions",
            "Rà soát hạ tầng các cụm công nghiệp\nBáo cáo kết quả thực hiện Nghị quyết",
        )
        .await;
    browser.follow("#session-form button[type=submit]").await;
    assert!(browser.text("h1").await.contains("Sở Công Thương"));
    assert!(browser.text("main").await.contains("Trưởng đoàn"));
    // The attendee is the demo's Pham Van Hoa of seed 003, not a new person.
    assert!(browser.text("ul.attendees").await.contains("Pham Van Hoa"));
    let items = browser.text("ol.conclusions").await;
    assert!(items.contains("Rà soát hạ tầng") && items.contains("Báo cáo kết quả"));

    // The second item becomes a task due on 31 January 2026, in one step.
    browser.type_into("#due-2", "31/1/2026").await;
    browser.follow("#item-2 form button[type=submit]").await;
    assert_eq!(
        browser.text("h1").await,
        "Báo cáo kết quả thực hiện Nghị quyết"
    );
    assert_eq!(browser.text("#task-status").await, "Quá hạn");

    // Done today, after its due date: done late.
    browser.type_into("#text", "Đã gửi báo cáo kết quả").await;
    browser
        .type_into("#link", "https://nghean.gov.vn/bao-cao")
        .await;
    // A file as evidence: the browser uploads it with the form.
    let folder = tempfile::tempdir().expect("tempdir");
    let minutes = folder.path().join("biên bản.pdf");
    std::fs::write(&minutes, b"%PDF-1.4\n% bien ban\n").expect("write");
    browser
        .client
        .find(Locator::Css("#file"))
        .await
        .expect("file field")
        .send_keys(minutes.to_str().expect("utf-8"))
        .await
        .expect("choose the file");
    browser.click("#done").await;
    browser.follow("#progress-form button[type=submit]").await;
    assert_eq!(browser.text("#task-status").await, "Hoàn thành quá hạn");
    let href = browser
        .attr("ol.updates a[download]", "href")
        .await
        .expect("a link to the file");
    assert_eq!(browser.text("ol.updates a[download]").await, "biên bản.pdf");
    let download = server
        .client
        .get(server.url(&href))
        .send()
        .await
        .expect("download");
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert_eq!(
        download.bytes().await.expect("bytes").as_ref(),
        b"%PDF-1.4\n% bien ban\n"
    );
    assert!(
        browser
            .text("ol.updates")
            .await
            .contains("Đã gửi báo cáo kết quả")
    );
    browser.screenshot(1280, "vi-task-done-late").await;

    // The session shows the item as a task, the other still to assign.
    browser.follow("dl.facts a").await;
    let items = browser.text("ol.conclusions").await;
    assert!(items.contains("Hoàn thành quá hạn"), "{items}");
    assert!(browser.attr("#lead-1", "value").await.is_some());

    // Two bodies plan the same unit on the same subject in overlapping windows.
    for (kind, body, first, last) in [
        ("supervision", "40-TU", "2026-12-01", "2026-12-15"),
        ("inspection", "40-UBND", "2026-12-15", "2026-12-31"),
    ] {
        browser.open(&server, "/supervision?lang=vi").await;
        browser
            .client
            .find(Locator::Css(&format!("#visit-kind option[value={kind}]")))
            .await
            .expect("kind")
            .click()
            .await
            .expect("select");
        browser.type_into("#visit-body", body).await;
        browser.type_into("#visit-unit", "40-SCT").await;
        browser
            .type_into("#visit-topics", "Quản lý khoáng sản")
            .await;
        browser.type_into("#visit-first", first).await;
        browser.type_into("#visit-last", last).await;
        browser.follow("#visit-form button[type=submit]").await;
    }
    let warnings = browser
        .client
        .find_all(Locator::Css("p.clash"))
        .await
        .expect("warnings");
    assert_eq!(warnings.len(), 2, "both bodies are warned");
    let first = warnings[0].text().await.expect("text");
    assert!(
        first.contains("Chồng chéo")
            && first.contains("15/12/2026")
            && first.contains("Quản lý khoáng sản"),
        "{first}"
    );
    browser.screenshot(1280, "vi-supervision-clash").await;
    browser.close().await;
}

/// A report uploaded in the browser is shown with its items highlighted; accepting a person
/// records them, and the page says so beside the item.
#[tokio::test]
async fn a_report_is_uploaded_reviewed_and_a_person_accepted_in_the_browser() {
    let server = TestServer::start(true).await;
    let browser = Browser::signed_in(&server, "office", None).await;
    browser.open(&server, "/intake?lang=fr").await;
    assert_eq!(browser.text("h1").await, "Lire un rapport");
    let folder = tempfile::tempdir().expect("tempdir");
    let file = folder.path().join("compte-rendu.txt");
    std::fs::write(
        &file,
        "Le 18 août 2023, M. Nguyen Van Binh, vice-président du Comité populaire provincial, a présidé la séance sur la résolution n° 21/NQ-TU du 25 janvier 2022.\n\
         Au premier trimestre 2023, les ventes au détail ont atteint 9 120 milliards de dongs, en hausse de 9,63 % par rapport à la même période de 2022.\n",
    )
    .expect("write");
    browser
        .client
        .find(Locator::Css("#file"))
        .await
        .expect("file field")
        .send_keys(file.to_str().expect("utf-8"))
        .await
        .expect("choose the file");
    browser.follow("form.entry button[type=submit]").await;
    assert_eq!(browser.text("h1").await, "Vérification : compte-rendu.txt");
    let marks = browser
        .client
        .find_all(Locator::Css(".report-text a.mark"))
        .await
        .expect("marks");
    let mut kinds = Vec::new();
    for mark in &marks {
        kinds.push(mark.attr("class").await.expect("class").unwrap_or_default());
    }
    for kind in [
        "mark-date",
        "mark-person",
        "mark-document",
        "mark-period",
        "mark-figure",
    ] {
        assert!(
            kinds.iter().any(|k| k.contains(kind)),
            "{kind} in {kinds:?}"
        );
    }
    assert_eq!(
        server
            .state
            .app
            .engine()
            .follow_up()
            .person_named("Nguyễn Văn Bình"),
        None,
        "reading records nobody"
    );
    // Open the person's form from its mark, correct the name's diacritics, accept.
    browser.click(".report-text a.mark-person").await;
    let item = browser
        .attr(".report-text a.mark-person", "href")
        .await
        .expect("a link to the item");
    let item = item.trim_start_matches('#');
    browser.click(&format!("#{item} details summary")).await;
    browser
        .type_into(&format!("#{item} input[name=name]"), "Nguyễn Văn Bình")
        .await;
    browser
        .follow(&format!("#{item} button[type=submit]"))
        .await;
    assert_eq!(
        browser.text(&format!("#{item} p.notice")).await,
        "Enregistré, avec ce rapport pour source."
    );
    {
        let engine = server.state.app.engine();
        let binh = engine
            .follow_up()
            .person_named("Nguyen Van Binh")
            .expect("recorded");
        assert_eq!(binh.name, "Nguyễn Văn Bình", "the name as corrected");
        assert!(binh.provenance.source.starts_with("/intake/"));
        let titles: Vec<&str> = engine
            .follow_up()
            .positions_of(binh.id)
            .map(|p| p.title.as_str())
            .collect();
        assert_eq!(titles, ["vice-président du Comité populaire provincial"]);
    }
    browser.screenshot(1280, "fr-intake-review").await;
    browser.close().await;
}

/// Whether the page the browser shows scrolls sideways at its width.
pub(crate) async fn scrolls_sideways(browser: &Browser) -> bool {
    browser
        .client
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth",
            vec![],
        )
        .await
        .expect("width")
        .as_bool()
        .unwrap_or(true)
}

/// The forms a page offers that write something (signing out aside).
pub(crate) async fn write_forms(browser: &Browser) -> u64 {
    browser
        .client
        .execute(
            "return document.querySelectorAll('form[method=post]:not([action=\"/logout\"])').length",
            vec![],
        )
        .await
        .expect("forms")
        .as_u64()
        .unwrap_or(u64::MAX)
}

/// A task of the demo that the province's office may correct: one its bodies assigned.
fn a_task_of_the_province(server: &TestServer) -> u32 {
    use giamsat_core::access::{Grant, Role};
    let engine = server.state.app.engine();
    let province = engine
        .unit_by_code(&giamsat_core::UnitCode::parse("40").expect("code"))
        .expect("Nghệ An")
        .id;
    let office = giamsat_app::Actor::with_grants("o", vec![Grant::over(Role::Office, province)]);
    let book = engine.follow_up();
    book.tasks_where(giamsat_web::pages::today(), |t| {
        giamsat_app::corrections::may_correct(&office, &engine, t.id, true) && t.due.is_some()
    })
    .first()
    .map(|v| v.task.id.0)
    .expect("a task of Nghệ An with a deadline")
}

#[tokio::test]
async fn the_office_extends_a_deadline_with_a_reason_and_the_history_shows_it() {
    let server = TestServer::start(true).await;
    let task = a_task_of_the_province(&server);
    let browser = Browser::signed_in(&server, "office", Some("40")).await;
    let page = format!("/tasks/{task}?lang=vi");
    browser.open(&server, &page).await;
    assert!(browser.text("#history").await.contains("Chưa sửa đổi"));
    for (lang, width) in [("vi", 1280), ("en", 1280), ("fr", 1280), ("vi", 390)] {
        browser
            .open(&server, &format!("/tasks/{task}?lang={lang}"))
            .await;
        browser
            .client
            .set_window_size(width, 900)
            .await
            .expect("resize");
        assert!(
            !scrolls_sideways(&browser).await,
            "the task page in {lang} at {width} px"
        );
        browser
            .screenshot(width, &format!("{lang}-task-edit-{width}"))
            .await;
    }
    browser.open(&server, &page).await;
    let before = browser.attr("#edit-due", "value").await.unwrap_or_default();
    browser.type_into("#edit-due", "31/03/2031").await;
    browser
        .type_into("#edit-reason", "Quyết định 88/QĐ-UBND cho gia hạn")
        .await;
    browser.follow("#task-edit-form button[type=submit]").await;
    let history = browser.text("#history").await;
    assert!(history.contains("Gia hạn"), "{history}");
    assert!(
        history.contains("Quyết định 88/QĐ-UBND cho gia hạn"),
        "{history}"
    );
    assert!(
        history.contains(&before) && history.contains("31/03/2031"),
        "before ({before}) and after: {history}"
    );
    assert!(browser.text("dl.facts").await.contains("31/03/2031"));
    // The same in English: the change is named, the dates in the reader's form.
    browser
        .open(&server, &format!("/tasks/{task}?lang=en"))
        .await;
    let history = browser.text("#history").await;
    assert!(
        history.contains("Deadline extended") && history.contains("31 March 2031"),
        "{history}"
    );
    for (lang, width) in [("vi", 1280), ("en", 1280), ("fr", 1280), ("fr", 390)] {
        browser
            .open(&server, &format!("/tasks/{task}?lang={lang}#history"))
            .await;
        browser
            .screenshot(width, &format!("{lang}-task-history-{width}"))
            .await;
    }
    browser.close().await;
}

#[tokio::test]
async fn a_viewer_sees_no_form_it_would_be_refused_on() {
    let server = TestServer::start(true).await;
    let task = a_task_of_the_province(&server);
    let session = {
        let engine = server.state.app.engine();
        let first = engine.follow_up().sessions().next().map(|s| s.id.0);
        first.expect("the demo's sessions")
    };
    let browser = Browser::signed_in(&server, "viewer", Some("40")).await;
    for path in [
        format!("/tasks/{task}"),
        format!("/supervision/sessions/{session}"),
        "/supervision".to_owned(),
        "/recommendations".to_owned(),
        "/entry?unit=40&period=2023-06".to_owned(),
        "/intake".to_owned(),
        "/units/40".to_owned(),
        "/people".to_owned(),
    ] {
        browser.open(&server, &path).await;
        assert_eq!(
            write_forms(&browser).await,
            0,
            "{path} offers a viewer a form"
        );
    }
    let nav = browser.text("nav").await;
    assert!(
        !nav.contains("Nhập số liệu") && !nav.contains("Tài khoản"),
        "{nav}"
    );
    browser.close().await;
}

#[tokio::test]
async fn an_admin_creates_an_account_and_grants_it_a_role_over_a_unit_picked_by_name() {
    let server = TestServer::start(true).await;
    let (department, province) = {
        let engine = server.state.app.engine();
        let name = |code: &str| {
            engine
                .unit_by_code(&giamsat_core::UnitCode::parse(code).expect("code"))
                .map(|u| u.name.get(giamsat_core::Language::Vi).to_owned())
                .expect("unit")
        };
        (name("40-SCT"), name("40"))
    };
    let browser = Browser::signed_in(&server, "admin", None).await;
    browser.open(&server, "/admin/accounts?lang=vi").await;
    browser.type_into("#new-username", "canbo-sct").await;
    browser
        .type_into("#new-display-name", "Nguyễn Thị Lan")
        .await;
    let pick = |css: &'static str, label: String| {
        let client = browser.client.clone();
        async move {
            client
                .find(Locator::Css(css))
                .await
                .unwrap_or_else(|e| panic!("{css}: {e}"))
                .select_by_label(&label)
                .await
                .unwrap_or_else(|e| panic!("{css} has no option {label}: {e}"));
        }
    };
    pick("#new-role", "Văn phòng".to_owned()).await;
    pick("#new-scope", department.clone()).await;
    browser.follow("#account-form button[type=submit]").await;
    let password = browser.text("#password-shown").await;
    assert!(password.len() >= 12, "a password shown once: {password}");
    let row = browser.text("#account-canbo-sct").await;
    assert!(row.contains(&department), "{row}");
    // A second role, over the province, picked by its name in the account's own row.
    pick("#grant-role-canbo-sct", "Báo cáo số liệu".to_owned()).await;
    pick("#grant-scope-canbo-sct", province.clone()).await;
    browser
        .follow("#account-canbo-sct form.entry button[type=submit]")
        .await;
    let row = browser.text("#account-canbo-sct").await;
    assert!(
        row.contains(&province) && row.contains(&department),
        "{row}"
    );
    for (lang, width) in [("vi", 1280), ("en", 1280), ("fr", 1280), ("vi", 390)] {
        browser
            .open(&server, &format!("/admin/accounts?lang={lang}"))
            .await;
        browser
            .client
            .set_window_size(width, 900)
            .await
            .expect("resize");
        assert!(
            !scrolls_sideways(&browser).await,
            "the accounts page in {lang} at {width} px"
        );
        browser
            .screenshot(width, &format!("{lang}-accounts-{width}"))
            .await;
    }
    browser.close().await;
    // The new account signs in and lands on the unit of its first grant.
    let mut grants = server
        .state
        .app
        .accounts(&giamsat_app::Actor::named("test"))
        .await
        .expect("accounts")
        .into_iter()
        .find(|a| a.username == "canbo-sct")
        .expect("the new account")
        .grants;
    grants.sort_by_key(|g| g.role.as_str());
    assert_eq!(
        grants.iter().map(|g| g.role.as_str()).collect::<Vec<_>>(),
        ["office", "reporter"]
    );
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let cookie = crate::sign_in(&client, &server.url("/"), "canbo-sct", &password).await;
    assert!(!cookie.is_empty());
}

/// Whether an element matching `css` is on the page.
pub(crate) async fn has(browser: &Browser, css: &str) -> bool {
    !browser
        .client
        .find_all(Locator::Css(css))
        .await
        .unwrap_or_default()
        .is_empty()
}

/// The page at `width` (1280 or the phone's 390) does not scroll sideways; its screenshot.
pub(crate) async fn shot(browser: &Browser, width: u32, name: &str) {
    browser
        .client
        .set_window_size(width, 900)
        .await
        .expect("resize");
    let scroll: u64 = browser
        .client
        .execute("return document.documentElement.scrollWidth", vec![])
        .await
        .expect("width")
        .as_u64()
        .unwrap_or(0);
    assert!(
        scroll <= u64::from(width),
        "{name}: {scroll} px wide at {width} px"
    );
    browser.screenshot(width, name).await;
}

#[tokio::test]
async fn the_office_registers_a_plan_and_its_targets_by_name_and_a_reporter_enters_december() {
    let server = TestServer::start(true).await;
    let office = Browser::signed_in(&server, "office", Some("40")).await;
    office.open(&server, "/documents?lang=vi").await;
    office.follow("a[href='/documents/new']").await;
    for lang in ["vi", "en", "fr"] {
        office
            .open(&server, &format!("/documents/new?lang={lang}"))
            .await;
        shot(&office, 1280, &format!("{lang}-document-form")).await;
        shot(&office, 390, &format!("{lang}-document-form-phone")).await;
    }
    office.open(&server, "/documents/new?lang=vi").await;
    // No code typed: the number as written, the issuer by part of its name without
    // diacritics, the date as Vietnamese write it, and the signed copy as a PDF.
    office.type_into("#number", "215/KH-UBND").await;
    office.type_into("#issuer", "uy ban nhan dan nghe").await;
    office.type_into("#issued_on", "15/01/2026").await;
    office
        .type_into(
            "#title_vi",
            "Kế hoạch 215/KH-UBND phát triển thương mại năm 2026",
        )
        .await;
    let pdf = std::env::temp_dir().join(format!("giamsat-215-{}.pdf", std::process::id()));
    std::fs::write(&pdf, b"%PDF-1.4\n% signed copy\n%%EOF\n").expect("pdf");
    office
        .client
        .find(Locator::Css("#file"))
        .await
        .expect("file field")
        .send_keys(&pdf.display().to_string())
        .await
        .expect("file chosen");
    office
        .follow("form[action='/documents'] button[type=submit]")
        .await;
    let here = office.client.current_url().await.expect("url");
    assert!(here.path().starts_with("/documents/"), "{here}");
    let document = here.path().to_owned();
    assert!(office.text("h1").await.contains("215/KH-UBND"));
    assert!(
        has(&office, "a[href^='/evidence/']").await,
        "the signed copy"
    );

    // Two targets, the indicators and the province picked by part of their names.
    for (indicator, value) in [("xuat khau", "3.000"), ("nhập khẩu", "2.000")] {
        office
            .follow(&format!("a[href='{document}/targets/new']"))
            .await;
        office.type_into("#indicator", indicator).await;
        office.type_into("#unit", "Nghe").await;
        office.type_into("#period", "năm 2026").await;
        office.type_into("#value", value).await;
        office
            .type_into("input[name=point_period_0]", "6/2026")
            .await;
        office.type_into("input[name=point_value_0]", "1.200").await;
        office.follow("form.office button[type=submit]").await;
        let here = office.client.current_url().await.expect("url");
        assert_eq!(here.path(), document, "saved and back on the document");
    }
    for lang in ["vi", "en", "fr"] {
        office
            .open(&server, &format!("{document}/targets/new?lang={lang}"))
            .await;
        shot(&office, 1280, &format!("{lang}-target-form")).await;
        shot(&office, 390, &format!("{lang}-target-form-phone")).await;
    }
    office.open(&server, &format!("{document}?lang=vi")).await;
    let exports = "table.targets tr[data-indicator=EXPORTS]";
    assert_eq!(
        office.attr(exports, "data-status").await.as_deref(),
        Some("no_data")
    );
    assert!(has(&office, "table.targets tr[data-indicator=IMPORTS]").await);
    office.close().await;

    // A reporter enters December's own figure, then the year to date, the unit by name and
    // the month as written.
    let reporter = Browser::signed_in(&server, "reporter", Some("40")).await;
    for (span, value) in [("month", "260"), ("ytd", "3.100,5")] {
        reporter.open(&server, "/entry?lang=vi").await;
        reporter.type_into("#unit", "nghe an").await;
        reporter.type_into("#period", "12/2026").await;
        reporter
            .click(&format!("input[name=span][value={span}]"))
            .await;
        reporter.follow("main form[method=get] button").await;
        let heading = reporter.text("form[action='/entry'][method=post] h2").await;
        let expected = if span == "month" {
            "Tháng 12/2026"
        } else {
            "Năm 2026"
        };
        assert!(heading.contains(expected), "{heading}");
        if span == "ytd" {
            shot(&reporter, 1280, "vi-entry-cumulative").await;
            shot(&reporter, 390, "vi-entry-cumulative-phone").await;
        }
        reporter.type_into("#value-EXPORTS", value).await;
        reporter.click("input[name=kind][value=official]").await;
        reporter
            .follow("form[action='/entry'][method=post] button[type=submit]")
            .await;
        assert_eq!(reporter.text("p.notice").await, "Đã lưu 1 số liệu.");
        if span == "month" {
            // December alone does not make the year: the target says why it has no value.
            reporter.open(&server, &format!("{document}?lang=vi")).await;
            let row = reporter.text(exports).await;
            assert!(row.contains("Mới có số liệu Tháng 12/2026"), "{row}");
        }
    }
    reporter.open(&server, &format!("{document}?lang=vi")).await;
    assert_eq!(
        reporter.attr(exports, "data-status").await.as_deref(),
        Some("achieved"),
        "3.100,5 against a plan of 3.000"
    );
    assert!(reporter.text(exports).await.contains("3.100,5"));
    // A reporter registers nothing.
    assert!(!has(&reporter, "a[href$='/targets/new']").await);
    reporter.close().await;

    // A viewer is offered no form that would be refused.
    let viewer = Browser::signed_in(&server, "viewer", Some("40")).await;
    viewer.open(&server, "/documents?lang=vi").await;
    assert!(!has(&viewer, "a[href='/documents/new']").await);
    assert!(!has(&viewer, "nav.sections a[href='/entry']").await);
    viewer.open(&server, &format!("{document}?lang=vi")).await;
    assert!(!has(&viewer, "a[href$='/targets/new']").await);
    viewer.open(&server, "/entry?lang=vi").await;
    assert!(!has(&viewer, "form.entry").await);
    viewer.open(&server, "/documents/new?lang=vi").await;
    assert!(!has(&viewer, "form[action='/documents']").await);
    viewer.close().await;
    let _ = std::fs::remove_file(pdf);
}

impl Browser {
    /// A browser signed in through the sign-in form as an existing account.
    async fn signed_in_as(server: &TestServer, username: &str, password: &str) -> Browser {
        let browser = Browser::start().await;
        browser.open(server, "/login?lang=vi").await;
        browser.type_into("#username", username).await;
        browser.type_into("#password", password).await;
        browser.follow("form.signin button[type=submit]").await;
        let here = browser.client.current_url().await.expect("url");
        assert_ne!(here.path(), "/login", "{username} signed in");
        browser
    }
}

/// The November 2026 report of Quảng Ninh's Department of Finance under the demo's monthly
/// regime: the one the demo leaves missing.
const FINANCE_NOVEMBER: &str = "/reports/QN-SO-THANG/2026-11/22-STC";

/// The disbursement figure as the report's page shows it to the browser's reader.
async fn disbursed(browser: &Browser, server: &TestServer) -> String {
    browser
        .open(server, &format!("{FINANCE_NOVEMBER}?lang=vi"))
        .await;
    browser
        .text("#report-figures tr[data-indicator=PUBLIC_INVESTMENT_DISBURSED] td.num")
        .await
}

/// The table of the department's disbursement chart this year, as its reader sees it.
async fn november_on_chart(browser: &Browser, server: &TestServer) -> String {
    browser
        .open(
            server,
            "/indicators/PUBLIC_INVESTMENT_DISBURSED?unit=22-STC&lang=vi",
        )
        .await;
    browser
        .client
        .execute(
            "return document.querySelector('details.values tbody').textContent",
            vec![],
        )
        .await
        .expect("the chart's table")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The reporter enters figures for the department's November in the entry form.
async fn enter_november(
    reporter: &Browser,
    server: &TestServer,
    disbursed: &str,
    files: Option<&str>,
) {
    reporter
        .open(server, "/entry?unit=22-STC&period=2026-11&lang=vi")
        .await;
    reporter
        .type_into("#value-PUBLIC_INVESTMENT_DISBURSED", disbursed)
        .await;
    // The regime requires both of its figures before a report can be sent.
    if let Some(files) = files {
        reporter
            .type_into("#value-ADMIN_FILES_RESOLVED", files)
            .await;
    }
    reporter
        .follow("form[action='/entry'][method=post] button[type=submit]")
        .await;
}

#[tokio::test]
async fn a_month_is_published_only_once_approved_and_changed_only_once_reopened() {
    let server = TestServer::start(true).await;
    let accounts = server
        .state
        .app
        .demo_accounts("22")
        .await
        .expect("demo accounts");
    let password = |name: &str| {
        accounts
            .iter()
            .find(|(u, ..)| u == name)
            .map(|(.., p)| p.clone())
            .expect("demo account")
    };
    let reporter =
        Browser::signed_in_as(&server, "demo.reporter", &password("demo.reporter")).await;
    let viewer = Browser::signed_in_as(&server, "demo.viewer", &password("demo.viewer")).await;
    let office = Browser::signed_in_as(&server, "demo.office", &password("demo.office")).await;
    let chart_before = november_on_chart(&viewer, &server).await;

    // The reporter enters November and sends it: the unit sees it, marked; the viewer not.
    enter_november(&reporter, &server, "80", Some("173")).await;
    assert_eq!(reporter.text("p.notice").await, "Đã lưu 2 số liệu.");
    assert_eq!(
        disbursed(&reporter, &server).await,
        "80,0\n(chưa được duyệt)"
    );
    for (lang, who) in [("vi", "reporter"), ("en", "reporter"), ("fr", "reporter")] {
        reporter
            .open(&server, &format!("{FINANCE_NOVEMBER}?lang={lang}"))
            .await;
        shot(&reporter, 390, &format!("{lang}-report-draft-{who}-phone")).await;
    }
    reporter
        .open(&server, &format!("{FINANCE_NOVEMBER}?lang=en"))
        .await;
    assert!(
        reporter
            .text("#report-figures")
            .await
            .contains("80.0\n(not yet approved)")
    );
    reporter
        .open(&server, &format!("{FINANCE_NOVEMBER}?lang=fr"))
        .await;
    assert!(
        reporter
            .text("#report-figures")
            .await
            .contains("80,0\n(pas encore approuvé)")
    );
    reporter
        .open(&server, &format!("{FINANCE_NOVEMBER}?lang=vi"))
        .await;
    // 80 after October's 33 stands out: the report is not sent until the reporter explains it.
    reporter.follow("#submit-form button[type=submit]").await;
    assert_eq!(
        reporter
            .attr("#report-state", "data-state")
            .await
            .as_deref(),
        Some("draft")
    );
    let asked = reporter.text("#submit-form .error").await;
    assert!(asked.contains("Giải ngân vốn đầu tư công"), "{asked}");
    shot(&reporter, 390, "vi-report-outlier-reporter-phone").await;
    reporter
        .type_into(
            "#explain-PUBLIC_INVESTMENT_DISBURSED",
            "Dự án cầu Cửa Lục 3 giải ngân theo khối lượng hoàn thành",
        )
        .await;
    reporter.follow("#submit-form button[type=submit]").await;
    assert_eq!(
        reporter
            .attr("#report-state", "data-state")
            .await
            .as_deref(),
        Some("submitted")
    );
    assert!(
        !has(&reporter, "#approve-form").await,
        "the unit does not decide on its own report"
    );
    assert_eq!(disbursed(&viewer, &server).await, "—");
    assert!(!has(&viewer, "#publish-note").await);
    assert_eq!(write_forms(&viewer).await, 0, "a viewer is offered no step");
    assert_eq!(
        november_on_chart(&viewer, &server).await,
        chart_before,
        "the viewer's chart does not move"
    );

    // The office over the department approves: the viewer now sees the figure.
    assert_eq!(disbursed(&office, &server).await, "80,0\n(chưa được duyệt)");
    shot(&office, 390, "vi-report-submitted-office-phone").await;
    office.follow("#approve-form button[type=submit]").await;
    assert_eq!(
        office.attr("#report-state", "data-state").await.as_deref(),
        Some("approved")
    );
    assert_eq!(disbursed(&viewer, &server).await, "80,0");
    let chart_after = november_on_chart(&viewer, &server).await;
    // January to October make 262,5; November's 80 adds up to 342,5.
    assert!(
        chart_after.contains("342,5") && !chart_before.contains("342,5"),
        "the chart has November: {chart_after}"
    );

    // A change afterwards is refused until the office reopens the month with a reason.
    enter_november(&reporter, &server, "30", None).await;
    let refused = reporter.text("#error-summary").await;
    assert!(refused.contains("Tháng 11/2026"), "{refused}");
    office
        .open(&server, &format!("{FINANCE_NOVEMBER}?lang=vi"))
        .await;
    office
        .type_into("#reopen-reason", "Số giải ngân chưa gồm vốn ODA")
        .await;
    office.follow("#reopen-form button[type=submit]").await;
    assert_eq!(
        office.attr("#report-state", "data-state").await.as_deref(),
        Some("reopened")
    );
    enter_november(&reporter, &server, "30", None).await;
    assert_eq!(reporter.text("p.notice").await, "Đã lưu 1 số liệu.");
    assert_eq!(
        disbursed(&reporter, &server).await,
        "30,0\n(chưa được duyệt)\nĐã công bố: 80,0"
    );
    assert_eq!(
        disbursed(&viewer, &server).await,
        "80,0",
        "the approved figure stays published while the correction waits"
    );
    for lang in ["vi", "en", "fr"] {
        reporter
            .open(&server, &format!("{FINANCE_NOVEMBER}?lang={lang}"))
            .await;
        shot(&reporter, 390, &format!("{lang}-report-reopened-phone")).await;
        reporter
            .open(
                &server,
                &format!("/entry?unit=22-STC&period=2026-11&lang={lang}"),
            )
            .await;
        shot(&reporter, 390, &format!("{lang}-entry-draft-phone")).await;
    }

    // Sent again and returned: the reporter reads why.
    reporter
        .open(&server, &format!("{FINANCE_NOVEMBER}?lang=vi"))
        .await;
    reporter.follow("#submit-form button[type=submit]").await;
    office
        .open(&server, &format!("{FINANCE_NOVEMBER}?lang=vi"))
        .await;
    office
        .type_into("#return-reason", "Đề nghị ghi rõ nguồn vốn ODA")
        .await;
    office.follow("#return-form button[type=submit]").await;
    reporter
        .open(&server, &format!("{FINANCE_NOVEMBER}?lang=vi"))
        .await;
    assert!(
        reporter
            .text("#report-reason")
            .await
            .contains("Đề nghị ghi rõ nguồn vốn ODA")
    );
    assert_eq!(disbursed(&viewer, &server).await, "80,0");
    for browser in [reporter, viewer, office] {
        browser.close().await;
    }
}
