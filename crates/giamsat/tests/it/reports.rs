//! Reports written from data (a unit's periodic report, the review of localities, a session's
//! notice of conclusions): their pages in each language, their Word documents opened by
//! LibreOffice, and their print layout printed by Chromium on A4.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::TestServer;
use crate::browser::{Browser, find_program};

/// The session of seed 002 (recorded in Vietnamese, five conclusions).
fn seed_002_session(server: &TestServer) -> u32 {
    let engine = server.state.app.engine();
    engine
        .follow_up()
        .sessions()
        .find(|s| s.conclusions.len() == 5)
        .map(|s| s.id.0)
        .expect("the session of seed 002")
}

/// The three report pages of the demo, each with its Word document's address.
fn report_paths(server: &TestServer) -> [(String, String); 3] {
    let session = seed_002_session(server);
    [
        (
            "/units/40/report?period=2023".to_owned(),
            "/units/40/report.docx?period=2023".to_owned(),
        ),
        (
            "/rankings/review?period=2023&indicator=GRDP_GROWTH".to_owned(),
            "/rankings/review.docx?period=2023&indicator=GRDP_GROWTH".to_owned(),
        ),
        (
            format!("/supervision/sessions/{session}/notice"),
            format!("/supervision/sessions/{session}/notice.docx"),
        ),
    ]
}

/// Every page size a PDF declares (`/MediaBox [x0 y0 x1 y1]`), in points.
fn page_sizes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/MediaBox")
        .filter_map(|(at, _)| {
            let rest = &text[at + "/MediaBox".len()..];
            let inside = rest.trim_start().strip_prefix('[')?;
            let numbers: Vec<f64> = inside
                .split(']')
                .next()?
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect();
            match numbers[..] {
                [x0, y0, x1, y1] => Some((x1 - x0, y1 - y0)),
                _ => None,
            }
        })
        .collect()
}

fn assert_a4(what: &str, pdf: &[u8]) {
    assert!(pdf.starts_with(b"%PDF"), "{what}: not a PDF");
    let sizes = page_sizes(pdf);
    assert!(!sizes.is_empty(), "{what}: no page size in the PDF");
    for (width, height) in sizes {
        assert!(
            (width - 595.0).abs() <= 1.0 && (height - 842.0).abs() <= 1.0,
            "{what}: a page of {width}×{height} pt, not A4 (595×842)"
        );
    }
}

#[tokio::test]
async fn the_reports_read_in_each_language_and_the_review_states_seed_004s_counts() {
    let server = TestServer::start(true).await;
    // On a French page, words French shares with English (source, conclusion, situation)
    // are French.
    let english = crate::pages::english_only_words();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../giamsat-web/locales/fr");
    let french: std::collections::HashSet<String> = ["core.ftl", "problems.ftl", "reports.ftl"]
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(format!("{root}/{f}")).expect("locale");
            text.split(|c: char| !c.is_alphabetic())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    for (path, _) in report_paths(&server) {
        for (lang, title) in [
            ("vi", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("en", "SOCIALIST REPUBLIC OF VIET NAM"),
            ("fr", "RÉPUBLIQUE SOCIALISTE DU VIÊT NAM"),
        ] {
            let separator = if path.contains('?') { '&' } else { '?' };
            let response = server
                .client
                .get(server.url(&format!("{path}{separator}lang={lang}")))
                .send()
                .await
                .expect("request");
            assert_eq!(response.status().as_u16(), 200, "{path} {lang}");
            let html = response.text().await.expect("body");
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{path}");
            assert!(html.contains(title), "{path} {lang}: the national title");
            assert!(!html.contains("<script"), "{path}: no script");
            if lang != "en" {
                let text = crate::pages::main_text(&html);
                let found: Vec<&str> = text
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|w| english.contains(&w.to_lowercase()))
                    .filter(|w| lang != "fr" || !french.contains(&w.to_lowercase()))
                    .collect();
                assert!(found.is_empty(), "{path} {lang}: English {found:?}");
            }
        }
    }
    // Reachable from the pages they are written from.
    let session = seed_002_session(&server);
    for (from, link) in [
        ("/units/40", "/units/40/report"),
        (
            "/rankings?period=2023",
            // The rest of the address (its indicator) follows, escaped.
            "/rankings/review?period=2023",
        ),
        (
            &format!("/supervision/sessions/{session}"),
            &format!("/supervision/sessions/{session}/notice"),
        ),
    ] {
        let html = server.text(from).await;
        assert!(
            html.contains(&format!("href=\"{link}\"")) || html.contains(&format!("href=\"{link}&")),
            "{from} links {link}"
        );
    }
    let review = server
        .text("/rankings/review?period=2023&indicator=GRDP_GROWTH&lang=vi")
        .await;
    for sentence in [
        "Có 3 địa phương hoàn thành và vượt toàn bộ các chỉ tiêu, gồm: Quảng Ninh 15/15, Phú Thọ 15/15 và Hậu Giang 18/18.",
        "Có 7 địa phương có tốc độ tăng trưởng GRDP đạt hai con số",
        "4 địa phương tăng trưởng âm: Bà Rịa - Vũng Tàu (-1,02%), Lai Châu (-2,27%), Quảng Nam (-8,25%) và Bắc Ninh (-9,28%).",
    ] {
        assert!(review.contains(sentence), "{sentence}");
    }
    // The report reader, given the page as a reader sees it, finds the review's scorecards
    // and growth rates again, in Vietnamese and in English.
    for lang in ["vi", "en"] {
        let html = server
            .text(&format!(
                "/rankings/review?period=2023&indicator=GRDP_GROWTH&lang={lang}"
            ))
            .await;
        let reading = giamsat_intake::read_text(crate::pages::main_text(&html), "utf-8");
        let mut cards = Vec::new();
        let mut growth = Vec::new();
        for item in &reading.items {
            match &item.fact {
                giamsat_intake::Fact::Scorecard { locality, met, set } => {
                    cards.push(format!("{locality} {met}/{set}"));
                }
                giamsat_intake::Fact::Growth { locality, percent } => {
                    growth.push(format!("{locality} {percent:.2}"));
                }
                _ => {}
            }
        }
        for card in [
            "Quảng Ninh 15/15",
            "Phú Thọ 15/15",
            "Hậu Giang 18/18",
            "Hồ Chí Minh 17/31",
        ] {
            assert!(
                cards.contains(&card.to_owned()),
                "{lang}: {card} in {cards:?}"
            );
        }
        assert_eq!(cards.len(), 21, "{lang}: {cards:?}");
        for rate in [
            "Bắc Giang 13.45",
            "Hưng Yên 10.05",
            "Bà Rịa - Vũng Tàu -1.02",
            "Bắc Ninh -9.28",
        ] {
            assert!(
                growth.contains(&rate.to_owned()),
                "{lang}: {rate} in {growth:?}"
            );
        }
        assert_eq!(growth.len(), 11, "{lang}: {growth:?}");
    }
    // The period selector chooses the year; an unknown session is a page that says so.
    let other = server.text("/units/40/report?period=2022&lang=en").await;
    assert!(other.contains("targets of Nghe An, 2022"), "{other}");
    let missing = server
        .client
        .get(server.url("/supervision/sessions/999/notice?lang=vi"))
        .send()
        .await
        .expect("request");
    assert_eq!(missing.status().as_u16(), 404);
}

/// LibreOffice's `soffice`, which scripts/test installs (Debian: libreoffice-writer-nogui).
pub(crate) fn soffice() -> PathBuf {
    find_program("SOFFICE", &["soffice", "libreoffice"])
}

/// The file LibreOffice makes of `input` in the format `to` (its filter: `pdf`, `docx:MS Word
/// 2007 XML`) in `out`, with its own profile in `profile` so that runs never share one.
pub(crate) fn convert(
    soffice: &Path,
    input: &Path,
    to: &str,
    out: &Path,
    profile: &Path,
) -> Vec<u8> {
    let output = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.to_str().expect("utf-8 path")
        ))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(out)
        .arg(input)
        .output()
        .unwrap_or_else(|e| panic!("{} does not run: {e}", soffice.display()));
    assert!(
        output.status.success(),
        "soffice failed on {}: {}",
        input.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let extension = to.split(':').next().expect("a format");
    let made = out.join(input.with_extension(extension).file_name().expect("name"));
    std::fs::read(&made).unwrap_or_else(|e| {
        panic!(
            "soffice made no {} ({e}): {}{}",
            made.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

#[tokio::test]
async fn the_word_documents_open_in_libreoffice_as_a4() {
    let server = TestServer::start(true).await;
    let soffice = soffice();
    let dir = tempfile::tempdir().expect("tempdir");
    let profile = dir.path().join("profile");
    for (i, (_, docx)) in report_paths(&server).iter().enumerate() {
        let separator = if docx.contains('?') { '&' } else { '?' };
        let response = server
            .client
            .get(server.url(&format!("{docx}{separator}lang=vi")))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), 200, "{docx}");
        let content_type = response.headers()["content-type"]
            .to_str()
            .expect("header")
            .to_owned();
        assert_eq!(
            content_type,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
        assert!(
            response.headers()["content-disposition"]
                .to_str()
                .is_ok_and(|d| d.starts_with("attachment; filename=\"") && d.ends_with(".docx\"")),
            "{docx}"
        );
        let bytes = response.bytes().await.expect("body");
        let path = dir.path().join(format!("report-{i}.docx"));
        std::fs::write(&path, &bytes).expect("written");
        let pdf = convert(&soffice, &path, "pdf", dir.path(), &profile);
        assert_a4(docx, &pdf);
    }
}

#[tokio::test]
async fn the_print_layout_prints_on_a4_and_the_screen_fits_a_phone() {
    let server = TestServer::start(true).await;
    let browser = Browser::signed_in(&server, "admin", None).await;
    for (path, _) in report_paths(&server) {
        for lang in ["vi", "en", "fr"] {
            let separator = if path.contains('?') { '&' } else { '?' };
            browser
                .open(&server, &format!("{path}{separator}lang={lang}"))
                .await;
            // Chromium keeps the page size the stylesheet asks for (@page) when it is not
            // told to shrink to its own: WebDriver's default paper is US Letter.
            let pdf = browser
                .client
                .print(
                    fantoccini::wd::PrintConfiguration::builder()
                        .shrink_to_fit(false)
                        .build()
                        .expect("print configuration"),
                )
                .await
                .expect("printed");
            assert_a4(&format!("{path} {lang}"), &pdf);
            browser
                .client
                .set_window_size(390, 844)
                .await
                .expect("resize");
            let overflow = browser
                .client
                .execute(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
                    vec![],
                )
                .await
                .expect("widths")
                .as_i64()
                .unwrap_or(i64::MAX);
            assert!(
                overflow <= 0,
                "{path} {lang}: scrolls sideways by {overflow} px at 390 px"
            );
            browser
                .client
                .set_window_size(1280, 900)
                .await
                .expect("resize");
        }
    }
    browser.close().await;
}
