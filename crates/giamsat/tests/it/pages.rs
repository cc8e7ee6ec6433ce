use crate::TestServer;

async fn page(
    server: &TestServer,
    path: &str,
    accept_language: Option<&str>,
) -> (String, Option<String>) {
    let mut request = server.client.get(server.url(path));
    if let Some(language) = accept_language {
        request = request.header("Accept-Language", language);
    }
    let response = request.send().await.expect("request");
    assert_eq!(response.status().as_u16(), 200);
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (response.text().await.expect("body"), cookie)
}

#[tokio::test]
async fn the_targets_page_speaks_the_readers_language() {
    let server = TestServer::start(true).await;
    let (vi, _) = page(&server, "/", None).await;
    assert!(vi.contains("<html lang=\"vi\">"));
    assert!(vi.contains("Chỉ tiêu và tình trạng thực hiện"));
    assert!(
        vi.contains("Chậm tiến độ") && vi.contains("Có nguy cơ") && vi.contains("Đúng tiến độ")
    );
    assert!(
        vi.contains("36.539") && vi.contains("42,98%") && vi.contains("+9,63%"),
        "Vietnamese numbers"
    );
    assert!(vi.contains("5 tháng đầu năm 2023"));
    let (en, _) = page(&server, "/", Some("en-GB,en;q=0.9")).await;
    assert!(en.contains("Targets and their status") && en.contains("Off track"));
    assert!(
        en.contains("36,539") && en.contains("42.98%") && en.contains("First 5 months of 2023")
    );
    let (fr, cookie) = page(&server, "/?lang=fr", Some("en")).await;
    assert!(fr.contains("Objectifs et état d") && fr.contains("En retard"));
    assert!(
        fr.contains("36\u{202f}539") && fr.contains("42,98\u{202f}%"),
        "French numbers"
    );
    let cookie = cookie.expect("the choice is remembered");
    assert!(
        cookie.starts_with("lang=fr;") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    // The worst status comes first in the table.
    let off = fr.find("data-status=\"off_track\"").expect("off track row");
    let on = fr.find("data-status=\"on_track\"").expect("on track row");
    assert!(off < on);
}

#[tokio::test]
async fn content_is_escaped() {
    let server = TestServer::start(false).await;
    let (status, _) = server
        .post_json("/api/v1/units", serde_json::json!({"code": "X", "kind": "locality", "name_vi": "<script>alert(1)</script>"}))
        .await;
    assert_eq!(status, 201);
    for (path, body) in [
        (
            "/api/v1/indicators",
            serde_json::json!({"code": "I", "name_vi": "<b>bold</b>", "direction": "higher_is_better", "across_units": "sum", "over_time": "flow"}),
        ),
        (
            "/api/v1/documents",
            serde_json::json!({"key": "D-1", "doc_type": "plan", "issued_by": "X", "title_vi": "<img src=x onerror=alert(1)>"}),
        ),
        (
            "/api/v1/targets",
            serde_json::json!({"document": "D-1", "indicator": "I", "unit": "X", "period": "2023", "value": 1}),
        ),
    ] {
        let (status, answer) = server.post_json(path, body).await;
        assert_eq!(status, 201, "{answer}");
    }
    let (html, _) = page(&server, "/", None).await;
    assert!(
        !html.contains("<script>alert")
            && !html.contains("<b>bold")
            && !html.contains("<img src=x")
    );
    assert!(
        html.contains("&lt;script&gt;") || html.contains("&#60;script&#62;"),
        "escaped"
    );
}

/// The main pages, as a reader reaches them.
const MAIN_PAGES: [&str; 15] = [
    "/",
    "/search?q=so+cong+thuong",
    "/inbox",
    "/documents",
    "/documents/4",
    "/indicators/RETAIL_SALES?unit=40",
    "/rankings",
    "/rankings?period=2023&indicator=GRDP_GROWTH&view=map",
    "/units",
    "/units/40",
    "/entry?unit=40&period=2023-06",
    "/entry/form?unit=40&period=2023-06",
    "/units/40/report?period=2023",
    "/rankings/review?period=2023",
    // The demo's session of seed 002.
    "/supervision/sessions/9/notice",
];

#[tokio::test]
async fn every_main_page_answers_in_each_language_and_weighs_under_100_kb() {
    let server = TestServer::start(true).await;
    let css = server
        .client
        .get(server.url("/assets/app.css"))
        .send()
        .await
        .expect("stylesheet");
    assert_eq!(css.status().as_u16(), 200);
    assert!(
        css.headers()["content-type"]
            .to_str()
            .is_ok_and(|t| t.starts_with("text/css"))
    );
    let css_bytes = css.bytes().await.expect("body").len();
    for lang in ["vi", "en", "fr"] {
        for path in MAIN_PAGES {
            let separator = if path.contains('?') { '&' } else { '?' };
            let (html, _) = page(&server, &format!("{path}{separator}lang={lang}"), None).await;
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{path}");
            // Nothing is fetched from elsewhere: no external script, style, font or image.
            assert!(!html.contains("<script"), "{path} has no script");
            assert!(
                !html.contains("src=\"http") && !html.contains("href=\"http"),
                "{path}"
            );
            check_accessible_structure(path, &html);
            let weight = html.len() + css_bytes;
            assert!(
                weight < 100 * 1024,
                "{path} in {lang} weighs {weight} bytes with its stylesheet"
            );
        }
    }
}

#[tokio::test]
async fn an_unknown_address_gets_a_page_in_the_readers_language() {
    let server = TestServer::start(true).await;
    for (path, expected) in [
        (
            "/units/NOPE?lang=en",
            "There is no unit with the code NOPE.",
        ),
        ("/documents/999?lang=fr", "Il n’y a pas de document 999."),
        ("/indicators/NOPE?lang=vi", "Không có chỉ tiêu mã NOPE."),
    ] {
        let response = server
            .client
            .get(server.url(path))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), 404, "{path}");
        let html = response.text().await.expect("body");
        assert!(html.contains(expected), "{path}: {html}");
    }
}

#[tokio::test]
async fn the_form_refuses_bad_figures_field_by_field_and_saves_nothing() {
    let server = TestServer::start(true).await;
    let before = server.get_json("/api/v1/observations?limit=10000").await.1;
    let form = [
        ("unit", "40"),
        ("period", "2023-06"),
        ("kind", "estimate"),
        ("value.EXPORTS", "1,700.5"),
        ("value.IMPORTS", "12abc"),
    ];
    let response = server
        .client
        .post(server.url("/entry?lang=fr"))
        .form(&form)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 422);
    let html = response.text().await.expect("body");
    // French reads 1,700.5 as neither: a comma is the decimal mark, a period is not allowed.
    assert!(html.contains("id=\"error-EXPORTS\""), "{html}");
    assert!(
        html.contains("« 12abc » n’est pas un nombre écrit à la française"),
        "{html}"
    );
    assert!(html.contains("value=\"12abc\""), "what was typed is kept");
    let after = server.get_json("/api/v1/observations?limit=10000").await.1;
    assert_eq!(before, after, "nothing was written");

    // A missing unit and a malformed period are named too.
    let response = server
        .client
        .post(server.url("/entry?lang=en"))
        .form(&[("unit", ""), ("period", "2023-13"), ("kind", "guess")])
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 422);
    let html = response.text().await.expect("body");
    assert!(html.contains("Choose a unit."));
    assert!(html.contains("&#34;2023-13&#34; is not a period"), "{html}");
    assert!(html.contains("Choose estimate, preliminary or official."));

    // Good figures in English notation are saved, and the reader is sent to the unit.
    let response = server
        .client
        .post(server.url("/entry?lang=en"))
        .form(&[
            ("unit", "40"),
            ("period", "2023-06"),
            ("kind", "estimate"),
            ("value.EXPORTS", "1,700.5"),
            ("value.IMPORTS", ""),
        ])
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(response.headers()["location"], "/units/40?saved=1");
    let (_, body) = server
        .get_json("/api/v1/observations?indicator=EXPORTS&unit=40&period=2023-06")
        .await;
    assert_eq!(body[0]["value"], 1700.5, "{body}");
    // Its source is the form, said in the reader's language, never the name it is stored under.
    for (lang, said) in [
        ("vi", "nhập trên biểu mẫu của giamsat"),
        ("en", "entered in a giamsat form"),
        ("fr", "saisi dans un formulaire de giamsat"),
    ] {
        let page = server
            .text(&format!("/indicators/EXPORTS?unit=40&lang={lang}"))
            .await;
        assert!(page.contains(said), "{lang}");
        assert!(!page.contains("web form"), "{lang}");
    }
}

/// What a screen reader or keyboard user needs from every page: one main heading, a label for
/// every field, text for every image, a title for every chart, a language switch and a way to
/// skip to the content.
pub(crate) fn check_accessible_structure(path: &str, html: &str) {
    assert_eq!(html.matches("<h1").count(), 1, "{path}: one main heading");
    assert!(
        html.contains("class=\"skip\" href=\"#main\""),
        "{path}: skip link"
    );
    assert!(html.contains("<main id=\"main\""), "{path}: main landmark");
    for tag in html.split('<').skip(1) {
        let is_field = (tag.starts_with("input ")
            && !tag.contains("type=\"hidden\"")
            && !tag.contains("type=\"radio\""))
            || tag.starts_with("select ");
        if is_field {
            let id = tag
                .split("id=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .unwrap_or_else(|| panic!("{path}: a field without an id: <{tag}"));
            assert!(
                html.contains(&format!("<label for=\"{id}\"")),
                "{path}: no label for the field {id}"
            );
        }
        if tag.starts_with("img ") {
            assert!(
                tag.contains("alt="),
                "{path}: an image without alt text: <{tag}"
            );
        }
        if tag.starts_with("svg ") {
            assert!(
                tag.contains("role=\"img\"") && tag.contains("aria-labelledby="),
                "{path}: <{tag}"
            );
        }
    }
    assert!(
        html.matches("<title id=").count() >= html.matches("<svg ").count(),
        "{path}: every chart has a title"
    );
}

/// The words of the interface's English messages that its Vietnamese messages never use:
/// one of them on a Vietnamese page is English the reader was not meant to see.
pub(crate) fn english_only_words() -> std::collections::HashSet<String> {
    let words = |files: &[&str]| -> std::collections::HashSet<String> {
        files
            .iter()
            .flat_map(|text| text.lines())
            .filter(|line| !line.trim_start().starts_with('#'))
            .filter_map(|line| line.split_once(" = ").map(|(_, v)| v).or(Some(line)))
            .flat_map(|text| text.split(|c: char| !c.is_ascii_alphabetic()))
            .filter(|w| w.len() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../giamsat-web/locales");
    // Every file of each language: each part of the interface keeps its messages in its own.
    let all = |language: &str| -> Vec<String> {
        let mut files: Vec<_> = std::fs::read_dir(format!("{root}/{language}"))
            .expect("locales")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("locale"))
            .collect()
    };
    let (en, vi) = (all("en"), all("vi"));
    let vi = words(&vi.iter().map(String::as_str).collect::<Vec<_>>());
    words(&en.iter().map(String::as_str).collect::<Vec<_>>())
        .into_iter()
        .filter(|w| !vi.contains(w))
        .collect()
}

/// The words of a language's messages (French shares many with English: source, document).
pub(crate) fn message_words(language: &str) -> std::collections::HashSet<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../giamsat-web/locales");
    std::fs::read_dir(format!("{root}/{language}"))
        .expect("locales")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("locale"))
        .flat_map(|text| {
            text.split(|c: char| !c.is_alphabetic())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The text a reader sees in a page's main part, tags and entities left out.
pub(crate) fn main_text(html: &str) -> String {
    let start = html.find("<main").unwrap_or(0);
    let end = html.find("</main>").unwrap_or(html.len());
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[tokio::test]
async fn every_refusal_a_browser_meets_is_a_page_in_the_readers_language() {
    let server = TestServer::start(true).await;
    let (client, session, csrf) =
        crate::security::browser_session(&server, "reporter", Some("40")).await;
    let cookie = format!("giamsat_session={session}");
    // Visits are planned by supervisors: a reporter is not shown that form.
    let (supervisor, supervisor_session, supervisor_csrf) =
        crate::security::browser_session(&server, "supervisor", Some("40")).await;
    let supervisor_cookie = format!("giamsat_session={supervisor_session}");
    let english = english_only_words();
    assert!(english.len() > 100, "the English words: {}", english.len());
    let origin = server.url("");
    let cases: Vec<(&str, reqwest::RequestBuilder, u16, &str)> = vec![
        (
            "a form with a wrong CSRF token",
            client
                .post(server.url("/entry?lang=vi"))
                .header("cookie", &cookie)
                .header("referer", server.url("/entry?unit=40&period=2023-06"))
                .form(&[("unit", "40"), ("period", "2023-06"), ("csrf", "wrong")]),
            403,
            // Still signed in, and sent back to the form's own page.
            "href=\"/entry?unit=40&#38;period=2023-06\">Mở lại biểu mẫu</a>",
        ),
        (
            "a form sent from another site",
            client
                .post(server.url("/entry?lang=vi"))
                .header("cookie", &cookie)
                .header("origin", "http://evil.example")
                .form(&[("unit", "40"), ("csrf", csrf.as_str())]),
            403,
            "được gửi từ một trang web khác",
        ),
        (
            "a missing task",
            client
                .get(server.url("/tasks/99999?lang=vi"))
                .header("cookie", &cookie),
            404,
            "Không có nhiệm vụ 99999.",
        ),
        (
            "a missing report",
            client
                .get(server.url(&format!("/intake/{}?lang=vi", "0".repeat(64))))
                .header("cookie", &cookie),
            404,
            "Không có báo cáo tại địa chỉ này.",
        ),
        (
            "an address no page answers",
            client
                .get(server.url("/khong-co?lang=vi"))
                .header("cookie", &cookie),
            404,
            "Không có trang nào ở địa chỉ /khong-co.",
        ),
        (
            "an audit trail the reporter's roles do not open",
            client
                .get(server.url("/audit?lang=vi"))
                .header("cookie", &cookie),
            403,
            "Vai trò của bạn không cho phép xem nhật ký này",
        ),
        (
            "a query that does not fit",
            client
                .get(server.url("/tasks/not-a-number?lang=vi"))
                .header("cookie", &cookie),
            404,
            "Không có trang nào ở địa chỉ này.",
        ),
        (
            "a form without a session",
            // The form's address names no language, nor does a cookie: its page's does.
            client
                .post(server.url("/supervision/visits"))
                .header("origin", &origin)
                .header("referer", server.url("/supervision?lang=vi"))
                .form(&[("kind", "supervision")]),
            401,
            "href=\"/login?next=%2Fsupervision\">Đăng nhập</a>",
        ),
        (
            "an invalid form",
            supervisor
                .post(server.url("/supervision/visits?lang=vi"))
                .header("cookie", &supervisor_cookie)
                .header("origin", &origin)
                .form(&[
                    ("csrf", supervisor_csrf.as_str()),
                    ("kind", "visite"),
                    ("unit", "NOPE"),
                ]),
            422,
            "Không có đơn vị nào mang mã NOPE",
        ),
    ];
    for (case, request, status, expected) in cases {
        let response = request.send().await.expect("request");
        assert_eq!(response.status().as_u16(), status, "{case}");
        let signed_in = !case.contains("without a session");
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        assert!(
            content_type.starts_with("text/html"),
            "{case}: {content_type}"
        );
        let html = response.text().await.expect("body");
        assert!(html.contains("<html lang=\"vi\""), "{case}: {html}");
        assert!(
            html.contains(expected),
            "{case}: wants {expected:?} in {html}"
        );
        assert_eq!(
            html.contains("action=\"/logout\""),
            signed_in,
            "{case}: the header says who is signed in"
        );
        let text = main_text(&html);
        let found: Vec<&str> = text
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| english.contains(&w.to_lowercase()))
            .collect();
        assert!(found.is_empty(), "{case}: English {found:?} in {text}");
    }
    // Signed out, the address's language is the sign-in page's.
    let response = client
        .get(server.url("/tasks?lang=vi"))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(
        response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some("/login?lang=vi&next=%2Ftasks%3Flang%3Dvi")
    );
    // A page answering a form speaks its page's language when neither the form's address nor
    // a cookie names one (the session, and the cookie with it, may be gone).
    let html = client
        .post(server.url("/supervision/visits"))
        .header("origin", &origin)
        .header("referer", server.url("/supervision?lang=fr"))
        .form(&[("kind", "supervision")])
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    assert!(html.contains("<html lang=\"fr\""), "{html}");
    // The language switch of a page answering a form leads to the form's page.
    let html = client
        .post(server.url("/supervision/visits?lang=vi"))
        .header("cookie", &cookie)
        .header("origin", &origin)
        .header("referer", server.url("/supervision"))
        .form(&[("csrf", csrf.as_str()), ("kind", "visite")])
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    assert!(html.contains("href=\"/supervision?lang=en\""), "{html}");
}

/// The tiles of the tile map with the given id: each tile's text, by the unit it links to
/// (or by its name when the province has no value).
fn tiles_of(html: &str, id: &str) -> Vec<String> {
    let start = html
        .find(&format!("aria-labelledby=\"{id}-title"))
        .unwrap_or_else(|| panic!("no map {id}"));
    let end = start + html[start..].find("</svg>").expect("the map's end");
    html[start..end]
        .split("<g class=\"tile ")
        .skip(1)
        .map(str::to_owned)
        .collect()
}

/// The `<title>` of each linked square of a tile map, by the unit it links to.
fn titles_of(html: &str, id: &str) -> std::collections::HashMap<String, String> {
    let start = html
        .find(&format!("aria-labelledby=\"{id}-title"))
        .unwrap_or_else(|| panic!("no map {id}"));
    let end = start + html[start..].find("</svg>").expect("the map's end");
    html[start..end]
        .split("<a href=\"/units/")
        .skip(1)
        .filter_map(|chunk| {
            let code = chunk.split('"').next()?;
            let title = chunk.split("<title>").nth(1)?.split("</title>").next()?;
            Some((code.to_owned(), title.to_owned()))
        })
        .collect()
}

#[tokio::test]
async fn rankings_and_the_overview_show_the_provinces_as_tile_maps_in_each_language() {
    let server = TestServer::start(true).await;
    let (_, cards) = server
        .get_json("/api/v1/rankings/scorecards?period=2023")
        .await;
    let cards = cards.as_array().expect("cards");
    let (_, growth) = server
        .get_json("/api/v1/rankings/growth?indicator=GRDP_GROWTH&period=2023")
        .await;
    let growth = growth.as_array().expect("growth");
    for lang in ["vi", "en", "fr"] {
        let (html, _) = page(
            &server,
            &format!("/rankings?period=2023&indicator=GRDP_GROWTH&view=map&lang={lang}"),
            None,
        )
        .await;
        check_accessible_structure("/rankings?view=map", &html);
        assert!(!html.contains("<script"));
        // The 63 provinces of 2023, each with one square.
        let scores = tiles_of(&html, "scores-map");
        assert_eq!(scores.len(), 63, "{lang}");
        let titles = titles_of(&html, "scores-map");
        assert_eq!(
            titles.len(),
            cards.len(),
            "{lang}: a linked square per ranked province"
        );
        for card in cards {
            let code = card["unit"].as_str().expect("unit");
            let value = format!("{}/{}", card["met"], card["set"]);
            let title = titles
                .get(code)
                .unwrap_or_else(|| panic!("{lang}: {code} has no square"));
            assert!(
                title.ends_with(&format!(": {value}")),
                "{lang}: {code}: {title}"
            );
        }
        let all_met = scores.iter().filter(|t| t.starts_with("t-all")).count();
        assert_eq!(all_met, 3, "{lang}: Hậu Giang, Quảng Ninh, Phú Thọ");
        let growth_tiles = tiles_of(&html, "growth-map");
        assert_eq!(growth_tiles.len(), 63);
        let negative = growth
            .iter()
            .filter(|g| g["change"].as_f64().expect("change") < 0.0)
            .count();
        assert_eq!(
            growth_tiles
                .iter()
                .filter(|t| t.starts_with("g-negative"))
                .count(),
            negative
        );
        let double = growth
            .iter()
            .filter(|g| g["change"].as_f64().expect("change") >= 10.0)
            .count();
        assert_eq!(
            growth_tiles
                .iter()
                .filter(|t| t.starts_with("g-double"))
                .count(),
            double
        );
        assert_eq!(html.matches("<ul class=\"legend bands\">").count(), 2);

        // After the reform, the 34 provinces.
        let (html, _) = page(
            &server,
            &format!("/rankings?period=2023&as_of=2026-01-01&view=map&lang={lang}"),
            None,
        )
        .await;
        assert_eq!(tiles_of(&html, "scores-map").len(), 34, "{lang}");

        let (html, _) = page(&server, &format!("/?lang={lang}"), None).await;
        let tiles = tiles_of(&html, "overview-map");
        assert!(matches!(tiles.len(), 34 | 63), "{}", tiles.len());
        let table = &html[html.find("id=\"overview-map-table\"").expect("the table")..];
        let table = &table[..table.find("</table>").expect("end")];
        let rows = table.matches("<tr><th scope=\"row\">").count();
        assert!(rows > 0);
        assert_eq!(
            tiles.iter().filter(|t| !t.starts_with("t-none")).count(),
            rows,
            "{lang}: a coloured square for each row of the table"
        );
    }
}

/// A unit's page offers its entry form only to those who may enter its figures: a reporter
/// of the unit and an office over everything, not a viewer, nor a reporter of another unit.
#[tokio::test]
async fn a_units_page_offers_the_entry_form_only_to_those_who_enter_its_figures() {
    let server = crate::TestServer::start(true).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let offers = |cookie: String, unit: &'static str| {
        let client = client.clone();
        let url = server.url(&format!("/units/{unit}?lang=vi"));
        async move {
            let html = client
                .get(url)
                .header("cookie", cookie)
                .send()
                .await
                .expect("page")
                .text()
                .await
                .expect("html");
            assert!(html.contains("<h1"), "{html}");
            html.contains(&format!("href=\"/entry?unit={unit}\""))
        }
    };
    let mut cookies = Vec::new();
    for (role, scope) in [
        ("viewer", Some("22")),
        ("reporter", Some("22")),
        ("office", None),
    ] {
        let (username, password) = server.account(role, scope).await;
        let session = crate::sign_in(&client, &server.url(""), &username, &password).await;
        cookies.push(format!("giamsat_session={session}"));
    }
    assert!(!offers(cookies[0].clone(), "22").await, "a viewer");
    assert!(offers(cookies[1].clone(), "22").await, "a reporter of 22");
    assert!(
        !offers(cookies[1].clone(), "40").await,
        "a reporter of 22 on 40"
    );
    assert!(offers(cookies[2].clone(), "40").await, "an office");
}
