//! `giamsat intake` through the binary: JSON out for good files, a message naming the file and
//! its problem for bad ones, with nothing on standard output.

use crate::cli::giamsat;

#[test]
fn intake_reads_reports_as_json_and_names_a_bad_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../giamsat-intake/corpus");
    let seed = corpus.join("002_683877ca81887e88.txt");
    let legacy = corpus.join("104_windows1258.txt");
    let out = giamsat(
        &[
            "intake",
            seed.to_str().expect("utf-8"),
            legacy.to_str().expect("utf-8"),
        ],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let first = &json[0]["reading"];
    assert_eq!(first["language"], "vi");
    let chars: Vec<char> = first["text"].as_str().expect("text").chars().collect();
    let document = first["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["kind"] == "document")
        .expect("a document");
    assert_eq!(document["number"], "21-NQ/TU");
    assert_eq!(document["issued_on"], "2022-01-25");
    let (start, end) = (
        document["start"].as_u64().expect("start") as usize,
        document["end"].as_u64().expect("end") as usize,
    );
    assert_eq!(
        chars[start..end].iter().collect::<String>(),
        "Nghị quyết số 21/NQ-TU ngày 25/1/2022"
    );
    assert_eq!(json[1]["reading"]["encoding"], "windows-1258");
    assert!(
        json[1]["reading"]["text"]
            .as_str()
            .expect("text")
            .contains("Chỉ thị số 15-CT/TU"),
        "decoded and composed to NFC"
    );

    for (name, bytes, problem) in [
        ("empty.txt", &b""[..], "the file is empty"),
        ("scan.pdf", &b"%PDF-1.7\n\x00\x00"[..], "is a PDF"),
        ("photo.bin", &b"abc\x00\x01"[..], "is not text"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let out = giamsat(&["intake", path.to_str().expect("utf-8")], dir.path());
        assert!(!out.status.success());
        assert!(out.stdout.is_empty());
        let message = String::from_utf8_lossy(&out.stderr);
        assert!(
            message.contains(name) && message.contains(problem),
            "{message}"
        );
    }
}

/// Real articles saved as Word documents by an office suite (LibreOffice) read as their text
/// does: the same text, the same items at the same places.
#[test]
fn a_real_article_saved_as_a_word_document_reads_as_its_text() {
    let soffice = crate::reports::soffice();
    let dir = tempfile::tempdir().expect("tempdir");
    let real =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../giamsat-intake/corpus/real");
    for name in ["vi_005.txt", "en_003.txt", "fr_003.txt"] {
        let text = std::fs::read(real.join(name)).expect("text");
        let input = dir.path().join(name);
        std::fs::write(&input, &text).expect("copy");
        let docx = crate::reports::convert(
            &soffice,
            &input,
            "docx:MS Word 2007 XML",
            dir.path(),
            &dir.path().join("profile"),
        );
        let (from_text, from_word) = (
            giamsat_intake::read(&text).expect("text reads"),
            giamsat_intake::read(&docx).expect("the Word document reads"),
        );
        assert_eq!(from_word.encoding, "docx");
        assert_eq!(from_word.text.trim(), from_text.text.trim(), "{name}");
        assert!(!from_text.items.is_empty(), "{name}");
        assert_eq!(from_word.items, from_text.items, "{name}");
    }
}

/// With `--db`, each person read carries the id of the person the database knows by the same
/// key, whatever the spelling; a database that is not there is named, not created.
#[test]
fn intake_links_the_people_a_database_knows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = giamsat(&["demo", "--db", "g.db"], dir.path());
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    std::fs::write(
        dir.path().join("minutes.txt"),
        "Ngày 18/8/2023, đồng chí Tran Minh Luc, Phó Chủ tịch HĐND tỉnh, chủ trì buổi làm \
         việc; ông Lê Văn Khoa, Giám đốc Sở Tài chính, báo cáo.",
    )
    .expect("write");
    let people = |args: &[&str]| -> Vec<(String, serde_json::Value)> {
        let out = giamsat(args, dir.path());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        json[0]["reading"]["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter(|i| i["kind"] == "person")
            .map(|i| {
                (
                    i["name"].as_str().expect("name").to_owned(),
                    i["known"].clone(),
                )
            })
            .collect()
    };

    let linked = people(&["intake", "--db", "g.db", "minutes.txt"]);
    let names: Vec<&str> = linked.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Tran Minh Luc", "Lê Văn Khoa"]);
    assert!(linked[0].1.is_u64(), "the demo's Trần Minh Lực: {linked:?}");
    assert!(linked[1].1.is_null(), "nobody of that name: {linked:?}");

    let unlinked = people(&["intake", "minutes.txt"]);
    assert!(
        unlinked.iter().all(|(_, known)| known.is_null()),
        "{unlinked:?}"
    );

    let out = giamsat(&["intake", "--db", "missing.db", "minutes.txt"], dir.path());
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("missing.db") && message.contains("no such database"),
        "{message}"
    );
    assert!(!dir.path().join("missing.db").exists(), "not created");
}

/// The web review: an uploaded report records nothing; each item accepted is recorded
/// through the ordinary writes and cites the report and the characters it came from.
#[tokio::test]
async fn an_uploaded_report_records_only_what_a_person_accepts_with_its_source() {
    use giamsat_core::{IndicatorCode, Period};
    use giamsat_intake::Fact;

    let server = crate::TestServer::start(true).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let (username, password) = server.account("admin", None).await;
    let session = crate::sign_in(&client, &server.url(""), &username, &password).await;
    let cookie = format!("giamsat_session={session}");
    let form_page = client
        .get(server.url("/intake?lang=vi"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("page");
    assert_eq!(form_page.status().as_u16(), 200);
    let csrf = crate::csrf_field(&form_page.text().await.expect("html"));
    let report = "<html><head><script>alert('x')</script></head><body><article>\
        <p>Ngày 18/8/2024, đồng chí Trần Minh Lực, UVTV Tỉnh ủy, Phó Chủ tịch HĐND tỉnh chủ trì buổi làm việc; \
        ông Lê Văn Hai, Giám đốc Sở Tài chính dự.</p>\
        <p>Tổng mức bán lẻ hàng hóa 5 tháng đầu năm 2024 ước đạt 36.539 tỷ đồng, bằng 42,98% kế hoạch.</p>\
        <p>Nghị quyết đặt mục tiêu năm 2025 tổng mức bán lẻ hàng hóa đạt 95.000 tỷ đồng.</p>\
        <p>Thực hiện Kế hoạch số 45/KH-UBND ngày 20/01/2024 &amp; các chỉ tiêu.</p>\
        <p>Theo Công điện số 12/CĐ-TTg ngày 05/3/2024 của Thủ tướng.</p>\
        </article><p>Bình luận (0)</p></body></html>";
    let upload = |token: &str, file_name: &str, content: &[u8]| {
        let mut body = format!(
            "--B\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: text/html\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n--B--\r\n");
        client
            .post(server.url("/intake?lang=en"))
            .header("cookie", &cookie)
            .header("content-type", "multipart/form-data; boundary=B")
            .body(body)
    };
    let counts = |server: &crate::TestServer| {
        let engine = server.state.app.engine();
        (
            engine.follow_up().people().count(),
            engine.documents().count(),
            engine.cell_count(),
        )
    };
    let before = counts(&server);

    // Bad files are refused with the file's name and the problem.
    for (name, bytes, problem) in [
        ("empty.txt", b"".as_slice(), "empty"),
        (
            "scan.pdf",
            b"%PDF-1.4\x00\x01\x02binary".as_slice(),
            "This is a PDF file, not a text to read",
        ),
        (
            "photo.png",
            b"\x89PNG\r\n\x1A\n\x00\x00".as_slice(),
            "This is an image, not a text to read",
        ),
        (
            "cut.docx",
            b"PK\x03\x04\x14\x00 cut short".as_slice(),
            "This Word document cannot be opened",
        ),
    ] {
        let answer = upload(&csrf, name, bytes).send().await.expect("upload");
        let status = answer.status().as_u16();
        let html = answer.text().await.expect("html");
        // A file chosen but empty is named as empty, not taken for no file at all.
        assert_eq!(status, 422, "{html}");
        assert!(html.contains(name) && html.contains(problem), "{html}");
        assert!(!html.contains("Choose a file or paste a text."), "{html}");
    }

    // A Word document, as offices keep their reports: the report giamsat writes for a
    // province, read back.
    let docx = client
        .get(server.url("/units/40/report.docx?period=2023&lang=vi"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("report.docx");
    assert_eq!(docx.status().as_u16(), 200);
    let docx = docx.bytes().await.expect("bytes");
    let answer = upload(&csrf, "bao-cao.docx", &docx)
        .send()
        .await
        .expect("upload");
    assert_eq!(answer.status().as_u16(), 303);
    let read_back = client
        .get(server.url(&format!(
            "{}?lang=vi",
            answer.headers()["location"].to_str().expect("location")
        )))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("review")
        .text()
        .await
        .expect("html");
    assert!(
        read_back.contains("mark-figure") && read_back.contains("mark-period"),
        "{read_back}"
    );
    assert_eq!(counts(&server), before, "reading records nothing");

    let answer = upload(&csrf, "bao-cao.html", report.as_bytes())
        .send()
        .await
        .expect("upload");
    assert_eq!(answer.status().as_u16(), 303);
    let location = answer.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let sha256 = location.strip_prefix("/intake/").expect("review address");
    assert_eq!(counts(&server), before, "reading records nothing");

    let review = client
        .get(server.url(&format!("{location}?lang=en")))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("review");
    assert_eq!(review.status().as_u16(), 200);
    let html = review.text().await.expect("html");
    for mark in [
        "mark-person",
        "mark-figure",
        "mark-document",
        "mark-date",
        "mark-period",
    ] {
        assert!(html.contains(mark), "{mark} highlighted");
    }
    assert!(
        !html.contains("alert("),
        "the page's script is not in the text"
    );
    assert!(
        html.contains("Already known as Trần Minh Lực"),
        "linked to the known person"
    );
    assert!(
        html.contains("Not known yet"),
        "a new person is said to be new"
    );

    let kept = server.state.app.report(sha256).await.expect("kept");
    let index = |kind: &str, text: &str| {
        kept.reading
            .items
            .iter()
            .position(|i| i.fact.kind() == kind && i.text.contains(text))
            .unwrap_or_else(|| panic!("a {kind} item with {text}"))
    };
    let source = |n: usize| {
        let item = &kept.reading.items[n];
        format!("/intake/{sha256}#c{}-{}", item.start, item.end)
    };
    let accept = |fields: Vec<(&str, String)>| {
        let mut fields = fields;
        fields.push(("csrf", csrf.clone()));
        client
            .post(server.url(&format!("/intake/{sha256}/accept?lang=vi")))
            .header("cookie", &cookie)
            .form(&fields)
            .send()
    };

    // A document of a kind giamsat keeps is offered as a document; an official dispatch
    // (công điện), which it does not keep, is shown but offers no form that would be refused.
    let offers_document = |n: usize| {
        let from = html.find(&format!("id=\"item-{n}\"")).expect("item shown");
        let to = html[from + 1..]
            .find("<li id=\"item-")
            .map_or(html.len(), |i| from + 1 + i);
        html[from..to].contains("name=\"as\" value=\"document\"")
    };
    assert!(offers_document(index("document", "45/KH-UBND")));
    assert!(!offers_document(index("document", "12/CĐ-TTg")));
    // Its date of issue is prefilled as the reader types dates.
    assert!(html.contains("name=\"issued_on\" value=\"2024-01-20\""));
    let vi = client
        .get(server.url(&format!("{location}?lang=vi")))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("review")
        .text()
        .await
        .expect("html");
    assert!(vi.contains("name=\"issued_on\" value=\"20/01/2024\""));
    // A figure's period is offered in words the form reads back, never as giamsat's code; a
    // refused form comes back at its item, its reason set apart.
    assert!(
        vi.contains("value=\"5 tháng đầu năm 2024\""),
        "the period in words"
    );
    assert!(!vi.contains("value=\"2024-YTD05\""), "no period code");
    assert!(
        vi.contains("/accept#item-"),
        "a refused form returns to its item"
    );
    assert!(
        vi.contains(" tỷ VND"),
        "an amount in the scale reports write"
    );
    assert!(
        vi.contains("95.000 tỷ VND"),
        "a target set in the scale reports write"
    );
    assert!(!vi.contains("× 1.000.000.000"), "no multiplier spelt out");

    // A person, with the positions as corrected.
    let person = index("person", "Lê Văn Hai");
    assert!(matches!(
        &kept.reading.items[person].fact,
        Fact::Person { known: None, .. }
    ));
    let answer = accept(vec![
        ("item", person.to_string()),
        ("name", "Lê Văn Hai".into()),
        ("positions", "Giám đốc Sở Tài chính\n".into()),
    ])
    .await
    .expect("accept");
    assert_eq!(answer.status().as_u16(), 303);
    {
        let engine = server.state.app.engine();
        let book = engine.follow_up();
        let hai = book.person_named("Le Van Hai").expect("recorded");
        assert_eq!(hai.provenance.source, source(person));
        let titles: Vec<&str> = book
            .positions_of(hai.id)
            .map(|p| p.title.as_str())
            .collect();
        assert_eq!(titles, ["Giám đốc Sở Tài chính"]);
    }

    // A figure: a value the reader cannot parse changes nothing; then the right one.
    let figure = index("figure", "36.539");
    let figure_fields = |value: &str| {
        vec![
            ("item", figure.to_string()),
            ("indicator", "RETAIL_SALES".to_owned()),
            ("unit", "S002".to_owned()),
            ("period", "5 tháng đầu năm 2024".to_owned()),
            ("value", value.to_owned()),
            ("kind", "estimate".to_owned()),
        ]
    };
    let observations = counts(&server).2;
    let refused = accept(figure_fields("ba mươi")).await.expect("accept");
    assert_eq!(refused.status().as_u16(), 422);
    let html = refused.text().await.expect("html");
    assert!(html.contains("ba mươi"), "the typed value is shown again");
    assert!(
        html.contains(&format!(
            "class=\"alert\" role=\"alert\" id=\"error-{figure}\""
        )),
        "the reason is set apart at the item"
    );
    assert_eq!(counts(&server).2, observations, "nothing recorded");
    let answer = accept(figure_fields("36.539")).await.expect("accept");
    assert_eq!(answer.status().as_u16(), 303);
    {
        let period: Period = "2024-YTD05".parse().expect("period");
        let (indicator, unit) = {
            let engine = server.state.app.engine();
            let indicator = engine
                .indicator_by_code(&IndicatorCode::parse("RETAIL_SALES").expect("code"))
                .expect("indicator")
                .id;
            let unit = engine.find_units("S002")[0].id;
            let (_, kind, value) = engine.reported(indicator, unit, period).expect("recorded");
            assert_eq!((kind.as_str(), value), ("estimate", 36_539.0));
            (indicator, unit)
        };
        let history = server
            .state
            .app
            .observation_history(indicator, unit, period)
            .await
            .expect("history");
        assert_eq!(
            history.observations.last().expect("one").provenance.source,
            source(figure)
        );
        // The same cell again: the review shows the figure recorded and records nothing
        // until the form is sent again to replace it.
        let again = accept(figure_fields("37.000")).await.expect("accept");
        assert_eq!(again.status().as_u16(), 409);
        let html = again.text().await.expect("html");
        assert!(
            html.contains(&format!("id=\"replaces-{figure}\""))
                && html.contains(": 36.539 ")
                && html.contains(" (ước).")
                && html.contains("name=\"replace\" value=\"1\"")
                && html.contains("37.000"),
            "{html}"
        );
        let value = || {
            let engine = server.state.app.engine();
            engine.reported(indicator, unit, period).map(|(_, _, v)| v)
        };
        assert_eq!(value(), Some(36_539.0), "nothing replaced yet");
        let mut confirmed = figure_fields("37.000");
        confirmed.push(("replace", "1".to_owned()));
        let answer = accept(confirmed).await.expect("accept");
        assert_eq!(answer.status().as_u16(), 303);
        assert_eq!(value(), Some(37_000.0), "replaced once confirmed");
    }

    // A document, issued by the province's committee.
    let document = index("document", "45/KH-UBND");
    let answer = accept(vec![
        ("item", document.to_string()),
        ("number", "45/KH-UBND".into()),
        ("issued_on", "2024-01-20".into()),
        ("issued_by", "S002".into()),
        ("title", "Kế hoạch thực hiện các chỉ tiêu năm 2024".into()),
    ])
    .await
    .expect("accept");
    assert_eq!(answer.status().as_u16(), 303);
    let engine = server.state.app.engine();
    let recorded = engine
        .documents()
        .find(|d| d.number.as_deref() == Some("45/KH-UBND"))
        .expect("recorded");
    assert_eq!(recorded.provenance.source, source(document));
    assert_eq!(counts_after(&engine), (before.0 + 1, before.1 + 1));
}

/// A report's text pasted into the upload form: the review's address, the report's SHA-256
/// and the report as kept.
async fn pasted(
    server: &crate::TestServer,
    client: &reqwest::Client,
    cookie: &str,
    csrf: &str,
    report: &str,
) -> (String, String, giamsat_app::intake::Report) {
    let answer = client
        .post(server.url("/intake?lang=vi"))
        .header("cookie", cookie)
        .form(&[("csrf", csrf), ("text", report)])
        .send()
        .await
        .expect("upload");
    assert_eq!(answer.status().as_u16(), 303);
    let location = answer.headers()["location"]
        .to_str()
        .expect("location")
        .to_owned();
    let sha256 = location
        .strip_prefix("/intake/")
        .expect("address")
        .to_owned();
    let kept = server.state.app.report(&sha256).await.expect("kept");
    (location, sha256, kept)
}

fn counts_after(engine: &giamsat_core::Engine) -> (usize, usize) {
    (
        engine.follow_up().people().count(),
        engine.documents().count(),
    )
}

/// A report of about two million characters is reviewed in parts of bounded size, each
/// linked from the others, and every item read is on one of them.
#[tokio::test]
async fn a_long_report_is_reviewed_in_parts_of_bounded_size_with_every_item() {
    const MAX_PART_BYTES: usize = 300 * 1024;
    let server = crate::TestServer::start(true).await;
    let block = "Ngày 18/8/2024, đồng chí Trần Minh Lực, Phó Chủ tịch HĐND tỉnh chủ trì buổi làm việc. \
        Tổng mức bán lẻ hàng hóa 5 tháng đầu năm 2024 ước đạt 36.539 tỷ đồng, bằng 42,98% kế hoạch. \
        Thực hiện Kế hoạch số 45/KH-UBND ngày 20/01/2024 và các chỉ tiêu. \
        Hội nghị đã nghe báo cáo tình hình thực hiện nhiệm vụ, thảo luận các giải pháp trọng tâm \
        trong thời gian tới, nhất là cải cách thủ tục hành chính, chuyển đổi số và thu hút đầu tư; \
        các sở, ngành và địa phương cần bám sát kế hoạch, phối hợp chặt chẽ, kịp thời tháo gỡ khó khăn.\n";
    let text = block.repeat(2_000_000 / block.chars().count());
    let report = server
        .state
        .app
        .take_report(
            &giamsat_app::Actor::named("test"),
            "dai.txt",
            text.as_bytes(),
        )
        .await
        .expect("kept");
    let items = report.reading.items.len();
    assert!(items > 10_000, "{items} items");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let (username, password) = server.account("viewer", None).await;
    let session = crate::sign_in(&client, &server.url(""), &username, &password).await;
    let cookie = format!("giamsat_session={session}");
    let get = |part: usize| {
        client
            .get(server.url(&format!("/intake/{}?part={part}&lang=en", report.sha256)))
            .header("cookie", &cookie)
            .send()
    };
    let first = get(0).await.expect("part").text().await.expect("html");
    assert!(
        first.len() <= MAX_PART_BYTES,
        "the first part: {} bytes",
        first.len()
    );
    let count: usize = first
        .split("Part 1 of ")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .and_then(|n| n.replace(',', "").trim().parse().ok())
        .unwrap_or_else(|| panic!("no number of parts in {}", &first[..2000.min(first.len())]));
    assert!(count > 1, "{count} parts");
    let mut seen = vec![false; items];
    let mut largest = 0;
    for part in 0..count {
        let answer = get(part).await.expect("part");
        assert_eq!(answer.status().as_u16(), 200, "part {part}");
        let html = answer.text().await.expect("html");
        largest = largest.max(html.len());
        assert!(
            html.len() <= MAX_PART_BYTES,
            "part {part} of {count}: {} bytes",
            html.len()
        );
        for id in html.split("<li id=\"item-").skip(1) {
            let n: usize = id
                .split('"')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("n");
            seen[n] = true;
        }
    }
    let missing: Vec<usize> = (0..items).filter(|&n| !seen[n]).collect();
    assert!(
        missing.is_empty(),
        "{} items on no part: {missing:?}",
        missing.len()
    );
    // No part beyond the last.
    let beyond = get(count).await.expect("part").status().as_u16();
    assert_eq!(beyond, 404);
    eprintln!("{items} items on {count} parts, the largest {largest} bytes");
}

/// A real report reviewed: a scorecard, a growth rate and a figure accepted as a target are
/// recorded with the report as their source; the review, opened again, shows every item
/// accepted with the record it became, whoever opens it; a viewer is offered no form.
#[tokio::test]
async fn accepted_items_are_remembered_and_become_targets_scorecards_and_growth_rates() {
    use giamsat_intake::Fact;

    let server = crate::TestServer::start(true).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let signed_in = |role: &'static str| {
        let server = &server;
        let client = &client;
        async move {
            let (username, password) = server.account(role, None).await;
            let session = crate::sign_in(client, &server.url(""), &username, &password).await;
            format!("giamsat_session={session}")
        }
    };
    let cookie = signed_in("admin").await;
    let page = |cookie: String, path: String| {
        let client = &client;
        let server = &server;
        async move {
            let answer = client
                .get(server.url(&path))
                .header("cookie", cookie)
                .send()
                .await
                .expect("page");
            (answer.status().as_u16(), answer.text().await.expect("html"))
        }
    };
    let (_, form_page) = page(cookie.clone(), "/intake?lang=vi".into()).await;
    let csrf = crate::csrf_field(&form_page);
    let report = include_str!("../../../giamsat-intake/corpus/101_bao_cao_vi.txt");
    let (location, sha256, kept) = pasted(&server, &client, &cookie, &csrf, report).await;
    let index = |kind: &str, text: &str| {
        kept.reading
            .items
            .iter()
            .position(|i| i.fact.kind() == kind && i.text.contains(text))
            .unwrap_or_else(|| panic!("a {kind} item with {text}"))
    };
    let source = |n: usize| {
        let item = &kept.reading.items[n];
        format!("/intake/{sha256}#c{}-{}", item.start, item.end)
    };
    let accept = |fields: Vec<(&str, String)>| {
        let mut fields = fields;
        fields.push(("csrf", csrf.clone()));
        client
            .post(server.url(&format!("/intake/{sha256}/accept?lang=vi")))
            .header("cookie", &cookie)
            .form(&fields)
            .send()
    };
    let html = page(cookie.clone(), format!("{location}?lang=en")).await.1;
    for offered in [
        "Accept as a target",
        "Accept as a scorecard",
        "Accept as a growth rate",
        "list=\"unit-names\"",
    ] {
        assert!(html.contains(offered), "{offered} offered");
    }

    // The document the targets belong to, then a figure accepted as a target of it: the
    // document by its number as written, the province by its name without diacritics.
    let document = index("document", "45/KH-UBND");
    let answer = accept(vec![
        ("item", document.to_string()),
        ("as", "document".into()),
        ("number", "45/KH-UBND".into()),
        ("issued_on", "20/01/2024".into()),
        ("issued_by", "40".into()),
        (
            "title",
            "Kế hoạch phát triển kinh tế - xã hội năm 2024".into(),
        ),
    ])
    .await
    .expect("accept");
    assert_eq!(answer.status().as_u16(), 303);
    let figure = index("figure", "36.539");
    let target_fields = |unit: &str| {
        vec![
            ("item", figure.to_string()),
            ("as", "target".to_owned()),
            ("document", "45/KH-UBND".to_owned()),
            ("indicator", "RETAIL_SALES".to_owned()),
            ("unit", unit.to_owned()),
            ("period", "năm 2024".to_owned()),
            ("value", "85.000".to_owned()),
            ("comparator", "at_least".to_owned()),
        ]
    };
    let refused = accept(target_fields("Không có tỉnh này"))
        .await
        .expect("accept");
    assert_eq!(refused.status().as_u16(), 422);
    let html = refused.text().await.expect("html");
    assert!(html.contains("Không có tỉnh này"), "typed back");
    let answer = accept(target_fields("Nghe An")).await.expect("accept");
    assert_eq!(
        answer.status().as_u16(),
        303,
        "{}",
        answer.text().await.unwrap_or_default()
    );

    // A scorecard, and a growth rate of the growth indicator picked by name.
    let scorecard = index("scorecard", "Quảng Ninh");
    assert!(matches!(
        kept.reading.items[scorecard].fact,
        Fact::Scorecard {
            met: 15,
            set: 15,
            ..
        }
    ));
    let answer = accept(vec![
        ("item", scorecard.to_string()),
        ("as", "scorecard".into()),
        ("unit", "quang ninh".into()),
        ("period", "năm 2023".into()),
        ("met", "15".into()),
        ("set", "15".into()),
    ])
    .await
    .expect("accept");
    assert_eq!(
        answer.status().as_u16(),
        303,
        "{}",
        answer.text().await.unwrap_or_default()
    );
    let growth = index("growth", "Hải Phòng");
    let answer = accept(vec![
        ("item", growth.to_string()),
        ("as", "growth".into()),
        ("indicator", "GRDP_GROWTH".into()),
        ("unit", "Hải Phòng".into()),
        ("period", "năm 2023".into()),
        ("value", "10,34".into()),
        ("kind", "official".into()),
    ])
    .await
    .expect("accept");
    assert_eq!(
        answer.status().as_u16(),
        303,
        "{}",
        answer.text().await.unwrap_or_default()
    );

    {
        let engine = server.state.app.engine();
        let target = engine
            .targets()
            .find(|t| t.provenance.source == source(figure))
            .expect("the target");
        assert_eq!(target.value, 85_000.0);
        assert_eq!(target.period.to_string(), "2024");
        assert_eq!(
            engine.unit(target.unit).map(|u| u.code.to_string()),
            Some("40".to_owned())
        );
        let card = engine
            .reported_scorecards()
            .find(|c| c.provenance.source == source(scorecard))
            .expect("the scorecard");
        assert_eq!((card.met, card.set), (15, 15));
        assert_eq!(
            engine
                .unit(card.unit)
                .map(|u| u.name.get(giamsat_core::Language::Vi).to_owned()),
            Some("Quảng Ninh".to_owned())
        );
    }
    let figures = server
        .state
        .app
        .accepted_from(&sha256)
        .await
        .expect("accepted");
    assert!(
        figures.iter().any(|(span, became)| {
            let item = &kept.reading.items[growth];
            *span == (item.start, item.end)
                && matches!(became, giamsat_app::intake::Became::Figure { value, .. } if (*value - 10.34).abs() < 1e-9)
        }),
        "{figures:?}"
    );

    // Opened again by another office account: every accepted item says what it became.
    let other = signed_in("admin").await;
    let (status, html) = page(other, format!("{location}?lang=en")).await;
    assert_eq!(status, 200);
    for n in [document, figure, scorecard, growth] {
        let start = html
            .find(&format!("id=\"item-{n}\""))
            .unwrap_or_else(|| panic!("item {n} shown"));
        let end = html[start..]
            .find("</li>")
            .map_or(html.len(), |e| start + e);
        let shown = &html[start..end];
        assert!(
            shown.contains(&format!("id=\"accepted-{n}\"")) && !shown.contains("<form"),
            "item {n} shows it was accepted and offers no form again: {shown}"
        );
    }
    assert!(html.contains("href=\"/targets/"), "the target linked");
    assert!(
        html.contains("Scorecard: Quang Ninh") && html.contains(": 15/15"),
        "the scorecard named"
    );
    assert!(html.contains("Figure: "), "the growth rate named");
    assert!(html.contains("href=\"/documents/"), "the document linked");

    // A viewer reads the review and is offered nothing to accept.
    let viewer = signed_in("viewer").await;
    let (status, html) = page(viewer, format!("{location}?lang=en")).await;
    assert_eq!(status, 200);
    assert!(!html.contains("/accept\""), "no accept form for a viewer");
    assert!(!html.contains("Accept as a"), "no accept form for a viewer");
}

/// A figure's form comes filled in with what the report says it is of: the unit the text
/// named last before it (a province, a commune, the province in force rather than the former
/// one of the same name) and the indicator its subject names, in a fitting unit of measure.
/// A figure written in another unit than the indicator's is recorded only once the reviewer
/// confirms the value was converted; one in the indicator's own unit is recorded at once.
#[tokio::test]
async fn a_figures_form_offers_what_the_report_names_and_checks_the_unit_of_measure() {
    use giamsat_core::{IndicatorCode, Period, UnitCode};

    let server = crate::TestServer::start(true).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let (username, password) = server.account("admin", None).await;
    let session = crate::sign_in(&client, &server.url(""), &username, &password).await;
    let cookie = format!("giamsat_session={session}");
    let get = |path: String| {
        let client = &client;
        let cookie = &cookie;
        let server = &server;
        async move {
            let answer = client
                .get(server.url(&path))
                .header("cookie", cookie)
                .send()
                .await
                .expect("page");
            assert_eq!(answer.status().as_u16(), 200, "{path}");
            answer.text().await.expect("html")
        }
    };
    let csrf = crate::csrf_field(&get("/intake?lang=vi".into()).await);
    let report = "UBND TỈNH NGHỆ AN\nSỞ CÔNG THƯƠNG\n\nBÁO CÁO\n\
        Tình hình thực hiện nhiệm vụ phát triển công thương 6 tháng đầu năm 2024\n\n\
        Tổng mức bán lẻ hàng hóa 6 tháng đầu năm 2024 ước đạt 48.215 tỷ đồng, tăng 11,2% so với \
        cùng kỳ năm trước.\n\n\
        Kim ngạch xuất khẩu hàng hóa 6 tháng đầu năm 2024 ước đạt 1,25 tỷ USD, tăng 8,1% so với \
        cùng kỳ.\n\n\
        Trên địa bàn phường Trường Vinh, tổng mức bán lẻ hàng hóa 6 tháng đầu năm 2024 đạt \
        5.120 tỷ đồng.\n\n\
        Tỉnh Bắc Ninh có kim ngạch nhập khẩu hàng hóa 6 tháng đầu năm 2024 đạt 2.345 triệu USD.\n";
    let (location, sha256, kept) = pasted(&server, &client, &cookie, &csrf, report).await;
    let index = |text: &str| {
        kept.reading
            .items
            .iter()
            .position(|i| i.fact.kind() == "figure" && i.text.contains(text))
            .unwrap_or_else(|| panic!("a figure with {text}"))
    };
    let item_of = |html: &str, n: usize| -> String {
        let from = html
            .find(&format!("<li id=\"item-{n}\""))
            .expect("item shown");
        // To the next item: an item accepted lists what it became in items of its own.
        let to = html[from + 1..]
            .find("<li id=\"item-")
            .map_or(html.len(), |e| from + 1 + e);
        html[from..to].to_owned()
    };

    let html = get(format!("{location}?lang=vi")).await;
    for (figure, unit, name, indicator) in [
        ("48.215", "40", "Nghệ An", "RETAIL_SALES"),
        ("1,25 tỷ USD", "40", "Nghệ An", "EXPORTS"),
        ("5.120", "16690", "Phường Trường Vinh", "RETAIL_SALES"),
        ("2.345", "24-2025", "Bắc Ninh", "IMPORTS"),
    ] {
        let shown = item_of(&html, index(figure));
        assert!(
            shown.contains(&format!("<option value=\"{unit}\" selected>")),
            "{figure}: {unit} offered in the figure's form: {shown}"
        );
        assert!(
            shown.contains(&format!("name=\"unit\" value=\"{name}")),
            "{figure}: {name} offered in the target's form: {shown}"
        );
        assert_eq!(
            shown
                .matches(&format!("<option value=\"{indicator}\" selected>"))
                .count(),
            2,
            "{figure}: {indicator} offered in both forms: {shown}"
        );
    }
    // Never the former Bắc Ninh, merged in 2025, when the present one bears the name.
    assert!(!item_of(&html, index("2.345")).contains("<option value=\"27\" selected>"));

    let engine_value = |indicator: &str, unit: &str| {
        let engine = server.state.app.engine();
        let indicator = engine
            .indicator_by_code(&IndicatorCode::parse(indicator).expect("code"))
            .expect("indicator")
            .id;
        let unit = engine
            .unit_by_code(&UnitCode::parse(unit).expect("code"))
            .expect("unit")
            .id;
        let period: Period = "2024-H1".parse().expect("period");
        engine.reported(indicator, unit, period).map(|(_, _, v)| v)
    };
    let accept = |lang: &'static str, fields: Vec<(&'static str, String)>| {
        let mut fields = fields;
        fields.push(("csrf", csrf.clone()));
        client
            .post(server.url(&format!("/intake/{sha256}/accept?lang={lang}")))
            .header("cookie", &cookie)
            .form(&fields)
            .send()
    };
    let figure = |n: usize, indicator: &str, value: &str| {
        vec![
            ("item", n.to_string()),
            ("as", "figure".to_owned()),
            ("indicator", indicator.to_owned()),
            ("unit", "40".to_owned()),
            ("period", "6 tháng đầu năm 2024".to_owned()),
            ("value", value.to_owned()),
            ("kind", "estimate".to_owned()),
        ]
    };

    // Billions of dollars into an indicator of millions: refused until confirmed, with both
    // units named in the reader's words and the form open at the item.
    let exports = index("1,25 tỷ USD");
    let refused = accept("en", figure(exports, "EXPORTS", "1.25"))
        .await
        .expect("accept");
    assert_eq!(refused.status().as_u16(), 409);
    let html = refused.text().await.expect("html");
    let shown = item_of(&html, exports);
    assert!(
        shown.contains(&format!("id=\"mismatch-{exports}\""))
            && shown.contains("in billion USD")
            && shown.contains("measured in USD million")
            && shown.contains("name=\"converted\"")
            && shown.contains("<details open>")
            && shown.contains("value=\"1.25\""),
        "{shown}"
    );
    assert_eq!(engine_value("EXPORTS", "40"), None, "nothing recorded");
    let refused = accept("vi", figure(exports, "EXPORTS", "1.250"))
        .await
        .expect("accept");
    assert_eq!(refused.status().as_u16(), 409, "still not ticked");
    let html = refused.text().await.expect("html");
    assert!(
        html.contains("theo tỷ USD") && html.contains("tính bằng triệu USD"),
        "in Vietnamese too"
    );
    let mut confirmed = figure(exports, "EXPORTS", "1.250");
    confirmed.push(("converted", "1".to_owned()));
    let answer = accept("vi", confirmed).await.expect("accept");
    assert_eq!(answer.status().as_u16(), 303);
    assert_eq!(engine_value("EXPORTS", "40"), Some(1_250.0));
    // The same cell again in another unit: both questions at once, both answers in one send.
    let answer = accept("vi", figure(exports, "EXPORTS", "1.260"))
        .await
        .expect("accept");
    assert_eq!(answer.status().as_u16(), 409);
    let shown = item_of(&answer.text().await.expect("html"), exports);
    assert!(
        shown.contains(&format!("id=\"replaces-{exports}\""))
            && shown.contains(&format!("id=\"mismatch-{exports}\""))
            && shown.contains("name=\"replace\" value=\"1\"")
            && shown.contains("name=\"converted\""),
        "{shown}"
    );
    let mut both = figure(exports, "EXPORTS", "1.260");
    both.extend([("replace", "1".to_owned()), ("converted", "1".to_owned())]);
    let answer = accept("vi", both).await.expect("accept");
    assert_eq!(answer.status().as_u16(), 303);
    assert_eq!(engine_value("EXPORTS", "40"), Some(1_260.0));

    // A percent is no amount of money, whatever the scale.
    let retail = index("48.215");
    let answer = accept("fr", figure(retail, "GRDP_GROWTH", "48 215"))
        .await
        .expect("accept");
    assert_eq!(answer.status().as_u16(), 409);
    let html = answer.text().await.expect("html");
    assert!(
        html.contains("en milliards de VND") && html.contains("se mesure en %"),
        "{}",
        item_of(&html, retail)
    );

    // Billions of đồng into an indicator of billions of đồng: recorded at once.
    let answer = accept("vi", figure(retail, "RETAIL_SALES", "48.215"))
        .await
        .expect("accept");
    assert_eq!(answer.status().as_u16(), 303);
    assert_eq!(engine_value("RETAIL_SALES", "40"), Some(48_215.0));
}
