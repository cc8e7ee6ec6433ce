//! The text of a Word document (DOCX), as a person would copy it out: each paragraph on its
//! line, a table's cells apart by tabs and its rows by lines, tabs and breaks kept, deleted
//! text of tracked changes and field codes left out. Offices keep their reports in Word, so
//! a report is read from the file they have rather than from a copy pasted by hand.

use std::io::Read;

use quick_xml::events::Event;

use crate::DecodeError;

/// The most text a document's body may unpack to: a zip of a few megabytes can unpack to
/// gigabytes, and no report's body is near this.
const MAX_UNPACKED: u64 = 64 << 20;

/// What kind of file a zip archive is, from the parts it holds: a Word document's body is
/// `word/document.xml`.
pub(crate) fn archive_kind(bytes: &[u8]) -> Result<Option<crate::decode::NotText>, DecodeError> {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(damaged)?;
    let holds = |prefix: &str| {
        archive
            .file_names_raw()
            .any(|n| n.starts_with(prefix.as_bytes()))
    };
    Ok(if archive.index_for_name("word/document.xml").is_some() {
        None
    } else if holds("xl/") {
        Some(crate::decode::NotText::Spreadsheet)
    } else if holds("ppt/") {
        Some(crate::decode::NotText::Presentation)
    } else {
        Some(crate::decode::NotText::Archive)
    })
}

fn damaged(error: impl std::fmt::Display) -> DecodeError {
    DecodeError::DamagedDocument {
        detail: error.to_string(),
    }
}

/// The text of the Word document in `bytes`.
pub(crate) fn text(bytes: &[u8]) -> Result<String, DecodeError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(damaged)?;
    let mut body = Vec::new();
    archive
        .by_name("word/document.xml")
        .map_err(damaged)?
        .take(MAX_UNPACKED + 1)
        .read_to_end(&mut body)
        .map_err(damaged)?;
    if body.len() as u64 > MAX_UNPACKED {
        return Err(DecodeError::TooLarge { size: body.len() });
    }
    let body = std::str::from_utf8(&body).map_err(damaged)?;
    text_of_body(body)
}

/// The text of `word/document.xml`.
fn text_of_body(xml: &str) -> Result<String, DecodeError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut text = String::new();
    // Inside `w:t` (text to keep), inside table cells (how deep), inside a deleted run, a
    // field's code or the fallback copy of a text box (`mc:Fallback`, the same paragraphs
    // again for older readers): text to leave out.
    let (mut in_text, mut cells, mut left_out) = (false, 0usize, 0usize);
    loop {
        let event = reader.read_event().map_err(|e| {
            damaged(format!(
                "word/document.xml, byte {}: {e}",
                reader.error_position()
            ))
        })?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "tc" => cells += 1,
                "del" | "delText" | "instrText" | "Fallback" => left_out += 1,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "del" | "delText" | "instrText" | "Fallback" => {
                    left_out = left_out.saturating_sub(1)
                }
                // A paragraph inside a cell goes on in the cell; the cell ends with a tab.
                "p" if cells > 0 => text.push(' '),
                "p" => text.push('\n'),
                "tc" => {
                    cells = cells.saturating_sub(1);
                    trim_end_spaces(&mut text);
                    text.push('\t');
                }
                "tr" => {
                    trim_end_spaces(&mut text);
                    if text.ends_with('\t') {
                        text.pop();
                    }
                    text.push('\n');
                }
                _ => {}
            },
            Event::Empty(e) if left_out == 0 => match e.local_name().as_ref() {
                "tab" => text.push('\t'),
                "br" | "cr" => text.push('\n'),
                _ => {}
            },
            Event::Text(e) if in_text && left_out == 0 => text.push_str(&e.xml10_content()),
            Event::GeneralRef(e) if in_text && left_out == 0 => {
                match e.resolve_char_ref().map_err(damaged)? {
                    Some(c) => text.push(c),
                    None => {
                        let name = e.xml10_content();
                        let resolved = quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| damaged(format!("an unknown entity &{name};")))?;
                        text.push_str(resolved);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(text)
}

fn trim_end_spaces(text: &mut String) {
    let kept = text.trim_end_matches(' ').len();
    text.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn paragraphs_tables_breaks_and_entities_read_as_written() {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>
<w:p><w:r><w:t>Tổng thu ngân sách đạt 8.537,18 tỷ đồng</w:t></w:r><w:r><w:t xml:space="preserve">, tăng 5% &amp; vượt </w:t></w:r><w:r><w:t>dự toán.</w:t></w:r></w:p>
<w:p><w:r><w:t>Ông</w:t><w:tab/><w:t>Nguyễn Văn A</w:t><w:br/><w:t>Chủ tịch</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Chỉ tiêu</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Kết quả</w:t></w:r></w:p><w:p><w:r><w:t>(tỷ đồng)</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Thu ngân sách</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>8.537,18</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:del><w:r><w:delText>số cũ 7.000</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>Ngày 18&#47;8</w:t></w:r></w:p>
</w:body></w:document>"#
        );
        assert_eq!(
            text_of_body(&xml).expect("reads"),
            "Tổng thu ngân sách đạt 8.537,18 tỷ đồng, tăng 5% & vượt dự toán.\n\
             Ông\tNguyễn Văn A\nChủ tịch\n\
             Chỉ tiêu\tKết quả (tỷ đồng)\n\
             Thu ngân sách\t8.537,18\n\
             Ngày 18/8\n"
        );
    }

    /// A Word document as Word's file format has it, written by another program (docx-rs).
    fn word_document(paragraphs: &[&str]) -> Vec<u8> {
        use docx_rs::{Docx, Paragraph, Run};
        let docx = paragraphs.iter().fold(Docx::new(), |docx, text| {
            docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(*text)))
        });
        let mut bytes = std::io::Cursor::new(Vec::new());
        docx.build().pack(&mut bytes).expect("packs");
        bytes.into_inner()
    }

    #[test]
    fn a_word_document_is_read_like_its_text() {
        let bytes = word_document(&[
            "UBND TỈNH QUẢNG NINH",
            "Ngày 18/8/2024, tỉnh đã tổ chức hội nghị sơ kết.",
            "Tổng thu ngân sách 6 tháng đạt 8.537,18 tỷ đồng, tăng 12,5% so với cùng kỳ.",
        ]);
        let reading = crate::read(&bytes).expect("reads");
        assert_eq!(reading.encoding, "docx");
        assert!(
            reading.text.contains("Ngày 18/8/2024, tỉnh đã tổ chức"),
            "{}",
            reading.text
        );
        let figures = reading
            .items
            .iter()
            .filter(|i| matches!(i.fact, crate::Fact::Figure { .. }))
            .count();
        let dates = reading
            .items
            .iter()
            .filter(|i| matches!(i.fact, crate::Fact::Date { .. }))
            .count();
        assert_eq!((figures, dates), (1, 1), "{:?}", reading.items);
        crate::offsets_point_at_items(&reading).expect("offsets");
    }

    #[test]
    fn other_archives_and_broken_ones_are_named() {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
            .expect("file");
        zip.write_all(b"<workbook/>").expect("write");
        let sheet = zip.finish().expect("zip").into_inner();
        assert_eq!(
            crate::read(&sheet).map(|_| ()),
            Err(DecodeError::NotText {
                kind: crate::NotText::Spreadsheet
            })
        );
        let mut cut = word_document(&["Ngày 18/8/2024"]);
        cut.truncate(cut.len() / 2);
        assert!(matches!(
            crate::read(&cut),
            Err(DecodeError::DamagedDocument { .. })
        ));
        assert!(matches!(
            crate::read(b"PK\x03\x04 not a zip at all"),
            Err(DecodeError::DamagedDocument { .. })
        ));
        assert_eq!(
            crate::read(&word_document(&["  "])).map(|_| ()),
            Err(DecodeError::Blank)
        );
    }

    #[test]
    fn a_text_box_is_read_once_not_again_from_its_fallback_copy() {
        let xml = format!(
            r#"<w:document {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
</w:body></w:document>"#
        );
        let text = text_of_body(&xml).expect("reads");
        assert_eq!(text.matches("Hộp chữ").count(), 1, "{text:?}");
    }

    #[test]
    fn a_damaged_body_is_named_not_read() {
        let xml = format!("<w:document {W}><w:body><w:p><w:t>a</w:p></w:body></w:document>");
        assert!(matches!(
            text_of_body(&xml),
            Err(DecodeError::DamagedDocument { detail }) if detail.contains("word/document.xml")
        ));
        let unknown = format!("<w:document {W}><w:p><w:t>&nbsp;</w:t></w:p></w:document>");
        assert!(matches!(
            text_of_body(&unknown),
            Err(DecodeError::DamagedDocument { .. })
        ));
    }
}
