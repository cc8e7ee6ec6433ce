//! A written report as a Word document (DOCX, through `docx-rs`), laid out as Decree
//! 30/2020/NĐ-CP asks: A4 portrait, margins 20 mm top and bottom, 30 mm left, 15 mm right,
//! Times New Roman, the body in 14 pt and the heading block in 13 pt, issuer and number at the
//! top left, national title, motto, place and date at the top right.

use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
    Table, TableCell, TableRow, WidthType,
};

use crate::pages::reports::{Block, Written};

pub const CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Twentieths of a point per millimetre.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

fn mm(millimetres: f64) -> i32 {
    (millimetres * TWIPS_PER_MM).round() as i32
}

/// A4 in twips: 210 × 297 mm.
const A4: (u32, u32) = (11906, 16838);
const FONT: &str = "Times New Roman";
/// Sizes are in half points.
const BODY: usize = 28;
const HEADING_BLOCK: usize = 26;

#[derive(Debug, thiserror::Error)]
#[error("the Word document could not be written: {0}")]
pub struct DocxError(String);

fn run(text: &str, size: usize) -> Run {
    Run::new().add_text(text).size(size)
}

fn centred(run: Run) -> Paragraph {
    Paragraph::new().add_run(run).align(AlignmentType::Center)
}

/// The heading block as a table without borders: issuer on the left, the State on the right.
fn heading(doc: &Written) -> Table {
    let mut left = TableCell::new().width(mm(65.0) as usize, WidthType::Dxa);
    if !doc.superior.is_empty() {
        left = left.add_paragraph(centred(run(&doc.superior, HEADING_BLOCK)));
    }
    left = left
        .add_paragraph(centred(run(&doc.issuer, HEADING_BLOCK).bold()))
        .add_paragraph(centred(run(&doc.number, HEADING_BLOCK)));
    let right = TableCell::new()
        .width(mm(100.0) as usize, WidthType::Dxa)
        .add_paragraph(centred(run(&doc.national_title, HEADING_BLOCK).bold()))
        .add_paragraph(centred(run(&doc.motto, BODY).bold().underline("single")))
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&doc.place_date, BODY).italic())
                .align(AlignmentType::Right),
        );
    Table::without_borders(vec![TableRow::new(vec![left, right])])
        .set_grid(vec![mm(65.0) as usize, mm(100.0) as usize])
}

fn body(doc: &Written, mut docx: Docx) -> Docx {
    let spaced = LineSpacing::new().before(60).after(60);
    docx = docx
        .add_paragraph(
            centred(run(&doc.kind, BODY).bold()).line_spacing(LineSpacing::new().before(240)),
        )
        .add_paragraph(
            centred(run(&doc.subject, BODY).bold()).line_spacing(LineSpacing::new().after(240)),
        );
    for block in &doc.blocks {
        let paragraph = match block {
            Block::Heading(t) => Paragraph::new()
                .add_run(run(t, BODY).bold())
                .line_spacing(LineSpacing::new().before(120).after(60)),
            Block::Paragraph(t) | Block::Item(t) => Paragraph::new()
                .add_run(run(t, BODY))
                .align(AlignmentType::Both)
                .indent(
                    None,
                    Some(SpecialIndentType::FirstLine(mm(10.0))),
                    None,
                    None,
                )
                .line_spacing(spaced.clone()),
            Block::Note(t) => Paragraph::new()
                .add_run(run(t, BODY).italic())
                .align(AlignmentType::Both)
                .indent(Some(mm(10.0)), None, None, None)
                .line_spacing(spaced.clone()),
        };
        docx = docx.add_paragraph(paragraph);
    }
    docx = docx.add_paragraph(
        Paragraph::new()
            .add_run(
                Run::new()
                    .add_text(&doc.recipients_label)
                    .size(24)
                    .bold()
                    .italic(),
            )
            .line_spacing(LineSpacing::new().before(360)),
    );
    for recipient in &doc.recipients {
        docx = docx.add_paragraph(Paragraph::new().add_run(run(recipient, 22)));
    }
    docx
}

/// The report as the bytes of a .docx file.
pub fn written_docx(doc: &Written) -> Result<Vec<u8>, DocxError> {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let margins = PageMargin::new()
        .top(mm(20.0))
        .bottom(mm(20.0))
        .left(mm(30.0))
        .right(mm(15.0))
        .header(mm(10.0))
        .footer(mm(10.0));
    let docx = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(margins)
        .default_fonts(fonts)
        .default_size(BODY)
        .add_table(heading(doc));
    let mut bytes = std::io::Cursor::new(Vec::new());
    // Docx::pack also writes the parts docx-rs keeps apart (comments, numbering) that
    // XMLDocx::pack would leave out.
    body(doc, docx)
        .pack(&mut bytes)
        .map_err(|e| DocxError(e.to_string()))?;
    Ok(bytes.into_inner())
}
