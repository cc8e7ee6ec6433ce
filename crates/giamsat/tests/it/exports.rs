//! The lists as Excel and CSV files, fetched through the buttons of their pages in Vietnamese
//! and English and read back; and the report form downloaded, filled offline (here by
//! program), sent back wrong, then right.

use std::io::{Cursor, Read};

use calamine::{Data, DataType, Range, Reader, Xlsx};

use super::TestServer;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The file at `path`, with its media type.
async fn fetch(server: &TestServer, path: &str) -> (String, Vec<u8>) {
    let response = server
        .client
        .get(server.url(path))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 200, "{path}");
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        disposition.starts_with("attachment;"),
        "{path}: {disposition}"
    );
    let kind = response.headers()["content-type"]
        .to_str()
        .expect("ascii")
        .to_owned();
    (kind, response.bytes().await.expect("body").to_vec())
}

/// The first sheet of a workbook: its name and cells.
fn first_sheet(bytes: &[u8]) -> (String, Range<Data>) {
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("an xlsx");
    let name = book.sheet_names().into_iter().next().expect("a sheet");
    let range = book.worksheet_range(&name).expect("cells");
    (name, range)
}

/// The row and column (0-based) where the first sheet's panes are frozen, read from the
/// sheet's XML (calamine does not read views).
fn frozen_at(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).expect("a zip");
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .expect("sheet1")
        .read_to_string(&mut xml)
        .expect("xml");
    let pane = &xml[xml.find("<pane ")?..];
    let pane = &pane[..pane.find("/>")?];
    if !pane.contains("state=\"frozen\"") {
        return None;
    }
    let attribute = |name: &str| {
        pane.split(&format!("{name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0)
    };
    Some((attribute("ySplit"), attribute("xSplit")))
}

fn text(range: &Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        _ => String::new(),
    }
}

/// Every download link of a page, as the page writes it.
fn export_links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.starts_with("/exports/"))
        .map(|href| href.replace("&#38;", "&").replace("&amp;", "&"))
        .collect()
}

fn header(range: &Range<Data>) -> Vec<String> {
    (0..range.width() as u32)
        .map(|c| text(range, 0, c))
        .collect()
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("a column {name} in {header:?}"))
}

#[tokio::test]
async fn every_list_downloads_as_excel_and_csv_in_the_readers_language() {
    let server = TestServer::start(true).await;
    let pages = ["/", "/units/40", "/documents/4", "/rankings", "/tasks"];
    let mut seen = std::collections::BTreeSet::new();
    for lang in ["vi", "en"] {
        for page in pages {
            let html = server.text(&format!("{page}?lang={lang}")).await;
            let links = export_links(&html);
            assert!(!links.is_empty(), "{page} in {lang} has download buttons");
            for link in links {
                let list = link
                    .trim_start_matches("/exports/")
                    .split('?')
                    .next()
                    .expect("a file")
                    .to_owned();
                seen.insert(list.clone());
                assert!(link.contains(&format!("lang={lang}")), "{link}");
                let (kind, bytes) = fetch(&server, &link).await;
                if list.ends_with(".xlsx") {
                    assert_eq!(kind, XLSX);
                    check_workbook(&list, lang, &bytes);
                } else {
                    assert!(kind.starts_with("text/csv"), "{kind}");
                    assert_eq!(
                        link.contains("sep=semicolon"),
                        lang == "vi",
                        "vi's buttons ask for semicolons, en's do not: {link}"
                    );
                    check_csv(&server, &link, lang, &bytes).await;
                }
            }
        }
    }
    for list in ["targets", "figures", "scores", "growth", "tasks"] {
        for ext in ["xlsx", "csv"] {
            assert!(
                seen.contains(&format!("{list}.{ext}")),
                "{list}.{ext}: {seen:?}"
            );
        }
    }
}

/// Names, not codes; numbers as numbers; the header frozen and in the reader's language.
fn check_workbook(list: &str, lang: &str, bytes: &[u8]) {
    let (sheet, range) = first_sheet(bytes);
    assert_eq!(frozen_at(bytes), Some((1, 0)), "{list}: header row frozen");
    let header = header(&range);
    let vi = lang == "vi";
    match list {
        "targets.xlsx" => {
            assert_eq!(sheet, if vi { "Chỉ tiêu" } else { "Targets" });
            let name = column(&header, if vi { "Chỉ tiêu" } else { "Indicator" });
            let code = column(
                &header,
                if vi {
                    "Mã chỉ tiêu"
                } else {
                    "Indicator code"
                },
            );
            let plan = column(&header, if vi { "Kế hoạch" } else { "Plan" });
            assert!(code > plan, "codes come last: {header:?}");
            assert!(range.height() > 1, "{list} has rows");
            for row in 1..range.height() as u32 {
                assert_ne!(
                    text(&range, row, name as u32),
                    text(&range, row, code as u32)
                );
                assert!(
                    matches!(range.get_value((row, plan as u32)), Some(Data::Float(_))),
                    "plan is a number: {:?}",
                    range.get_value((row, plan as u32))
                );
            }
            // Every target's document that has a date of issue shows it as a date.
            let issued = column(&header, if vi { "Ngày ban hành" } else { "Issued on" });
            assert!(
                (1..range.height() as u32)
                    .filter_map(|r| range.get_value((r, issued as u32)))
                    .all(|d| d.is_datetime() || *d == Data::Empty)
            );
        }
        "figures.xlsx" => {
            let value = column(&header, if vi { "Giá trị" } else { "Value" });
            column(&header, if vi { "Mã đơn vị" } else { "Unit code" });
            assert!(range.height() > 1);
            assert!(
                (1..range.height() as u32)
                    .all(|r| matches!(range.get_value((r, value as u32)), Some(Data::Float(_))))
            );
        }
        "scores.xlsx" => {
            let met = column(
                &header,
                if vi {
                    "Số chỉ tiêu đạt"
                } else {
                    "Targets met"
                },
            );
            let locality = column(&header, if vi { "Địa phương" } else { "Locality" });
            let names: Vec<String> = (1..range.height() as u32)
                .map(|r| text(&range, r, locality as u32))
                .collect();
            // English writes the provinces' names without their diacritics.
            let quang_ninh = if vi { "Quảng Ninh" } else { "Quang Ninh" };
            assert!(names.iter().any(|n| n == quang_ninh), "{names:?}");
            assert!(
                (1..range.height() as u32)
                    .all(|r| matches!(range.get_value((r, met as u32)), Some(Data::Float(_))))
            );
        }
        "growth.xlsx" => {
            let growth = column(
                &header,
                if vi {
                    "Tăng trưởng (%)"
                } else {
                    "Growth (%)"
                },
            );
            assert!(range.height() > 1);
            assert!(
                (1..range.height() as u32)
                    .all(|r| matches!(range.get_value((r, growth as u32)), Some(Data::Float(_))))
            );
        }
        "tasks.xlsx" => {
            let due = column(&header, if vi { "Hạn" } else { "Due" });
            assert!(
                (1..range.height() as u32)
                    .filter_map(|r| range.get_value((r, due as u32)))
                    .all(|d| d.is_datetime() || *d == Data::Empty)
            );
        }
        other => panic!("an unexpected list {other}"),
    }
}

/// A BOM, the separator asked for, and the same numbers as the workbook.
async fn check_csv(server: &TestServer, link: &str, lang: &str, bytes: &[u8]) {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{link}: a BOM");
    let semicolon = lang == "vi";
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if semicolon { b';' } else { b',' })
        .from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let (_, workbook) = fetch(server, &link.replace(".csv?", ".xlsx?")).await;
    let (_, range) = first_sheet(&workbook);
    assert_eq!(header, self::header(&range), "{link}: the same columns");
    assert_eq!(rows.len() + 1, range.height(), "{link}: the same rows");
    for (r, row) in rows.iter().enumerate() {
        for (c, field) in row.iter().enumerate() {
            if let Some(Data::Float(number)) = range.get_value((r as u32 + 1, c as u32)) {
                assert!(
                    !field.contains(if semicolon { '.' } else { ',' }),
                    "{link}: {field} has no grouping and the reader's decimal mark"
                );
                let read: f64 = field.replace(',', ".").parse().expect("a number");
                // Percents are fractions in the workbook, percents in the file.
                let close = |a: f64, b: f64| (a - b).abs() <= 0.006 * b.abs().max(1.0);
                assert!(
                    close(read, *number) || close(read, number * 100.0),
                    "{link}: {field} against {number}"
                );
            }
        }
    }
}

/// A filled copy of a form: every cell as it was, then `fill` over it ((row, column) → a
/// number or a text), written the way office software saves a workbook.
fn filled(range: &Range<Data>, fill: &[((u32, u16), Data)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Biểu mẫu").expect("name");
    let (height, width) = range.get_size();
    let write =
        |sheet: &mut rust_xlsxwriter::Worksheet, (row, col): (u32, u16), data: &Data| match data {
            Data::String(s) => {
                sheet.write_string(row, col, s).expect("text");
            }
            Data::Float(f) => {
                sheet.write_number(row, col, *f).expect("number");
            }
            Data::Int(i) => {
                sheet.write_number(row, col, *i as f64).expect("number");
            }
            _ => {}
        };
    for row in 0..height as u32 {
        for col in 0..width as u16 {
            if let Some(data) = range.get_value((row, u32::from(col))) {
                write(sheet, (row, col), data);
            }
        }
    }
    for (at, data) in fill {
        write(sheet, *at, data);
    }
    book.save_to_buffer().expect("xlsx")
}

async fn upload(server: &TestServer, bytes: &[u8]) -> (u16, String, String) {
    let mut body = Vec::new();
    body.extend_from_slice(
        b"--B\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nofficial\r\n",
    );
    body.extend_from_slice(b"--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"form.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.extend_from_slice(bytes);
    body.extend_from_slice(b"\r\n--B--\r\n");
    let response = server
        .client
        .post(server.url("/entry/form?lang=vi"))
        .header("content-type", "multipart/form-data; boundary=B")
        .body(body)
        .send()
        .await
        .expect("upload");
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or("")
        .to_owned();
    (status, location, response.text().await.expect("body"))
}

async fn recorded(server: &TestServer) -> serde_json::Value {
    server.get_json("/api/v1/observations?limit=100000").await.1
}

#[tokio::test]
async fn a_report_form_filled_offline_is_recorded_only_when_every_cell_is_right() {
    let server = TestServer::start(true).await;
    let page = server.text("/entry?unit=40&period=2023-06&lang=vi").await;
    assert!(
        page.contains("href=\"/entry/form?unit=40&#38;period=2023-06\""),
        "the entry page leads to the form"
    );
    let form_page = server
        .text("/entry/form?unit=40&period=2023-06&lang=vi")
        .await;
    assert!(form_page.contains("/entry/form.xlsx?unit=40&#38;period=2023-06&#38;lang=vi"));

    let (kind, form) = fetch(&server, "/entry/form.xlsx?unit=40&period=2023-06&lang=vi").await;
    assert_eq!(kind, XLSX);
    let (sheet, range) = first_sheet(&form);
    assert_eq!(sheet, "Biểu mẫu");
    assert_eq!(
        frozen_at(&form),
        Some((3, 1)),
        "title, hint and headers stay in view"
    );
    assert_eq!(text(&range, 2, 0), "Chỉ tiêu");
    assert_eq!(text(&range, 2, 2), "Kỳ trước (Tháng 5/2023)");
    // The hidden columns carry the unit, the period and each row's indicator.
    assert_eq!(text(&range, 0, 7), "40");
    assert_eq!(text(&range, 0, 8), "2023-06");
    let rows: Vec<(u32, String)> = (3..range.height() as u32)
        .map(|r| (r, text(&range, r, 7)))
        .collect();
    let exports = rows
        .iter()
        .find(|(_, code)| code == "EXPORTS")
        .expect("a row for exports")
        .0;
    assert!(
        matches!(range.get_value((exports, 4)), Some(Data::Float(_))),
        "the plan is beside the empty cells"
    );
    assert_ne!(text(&range, exports, 0), "EXPORTS", "a name, not a code");
    let other = rows
        .iter()
        .find(|(r, _)| *r != exports)
        .expect("a second row")
        .0;

    let before = recorded(&server).await;
    let wrong = filled(
        &range,
        &[
            ((exports, 5), Data::Float(1_700.5)),
            ((exports, 6), Data::String("theo báo cáo tháng 6".into())),
            ((other, 5), Data::String("12abc".into())),
        ],
    );
    let (status, _, html) = upload(&server, &wrong).await;
    assert_eq!(status, 422, "{html}");
    let cell = format!("Trang Biểu mẫu, dòng {}, cột F:", other + 1);
    assert!(
        html.contains(&cell),
        "the error names the cell {cell}: {html}"
    );
    assert_eq!(recorded(&server).await, before, "nothing was recorded");

    // Garbage and a cut file are refused with a clear reason, and write nothing either.
    for bytes in [
        &wrong[..wrong.len() / 3],
        b"indicator;value\nEXPORTS;1\n".as_slice(),
    ] {
        let (status, _, html) = upload(&server, bytes).await;
        assert_eq!(status, 422);
        assert!(html.contains("Không đọc được tệp"), "{html}");
    }
    assert_eq!(recorded(&server).await, before);

    let right = filled(
        &range,
        &[
            ((exports, 5), Data::Float(1_700.5)),
            ((exports, 6), Data::String("theo báo cáo tháng 6".into())),
            ((other, 5), Data::String("1.234,5".into())),
        ],
    );
    let (status, location, html) = upload(&server, &right).await;
    assert_eq!(status, 303, "{html}");
    assert_eq!(location, "/units/40?saved=2");
    let (_, body) = server
        .get_json("/api/v1/observations?indicator=EXPORTS&unit=40&period=2023-06")
        .await;
    assert_eq!(body[0]["value"], 1700.5, "{body}");
    assert_eq!(body[0]["kind"], "official", "{body}");
    assert_eq!(body[0]["note"], "theo báo cáo tháng 6", "{body}");
    let code = &rows.iter().find(|(r, _)| *r == other).expect("row").1;
    let (_, body) = server
        .get_json(&format!(
            "/api/v1/observations?indicator={code}&unit=40&period=2023-06"
        ))
        .await;
    let values: Vec<f64> = body
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|o| o["value"].as_f64())
        .collect();
    assert!(values.contains(&1234.5), "{body}");
}
