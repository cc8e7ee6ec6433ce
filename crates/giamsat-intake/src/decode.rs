//! Bytes to text: UTF-8 (with or without a byte-order mark), the Vietnamese Windows-1258
//! code page that older office software still saves, which writes tones as combining marks
//! (the caller composes them to NFC), or a Word document (DOCX). Other files are named by
//! what they are (a PDF, a spreadsheet, an image), so that a person knows what to send.

/// The largest file read: a long report is a few hundred kilobytes; anything near this is
/// not a report, and reading it would hold a server's memory for nothing.
pub const MAX_BYTES: usize = 32 << 20;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is empty")]
    Empty,
    #[error("the file holds no text, only spaces and line breaks")]
    Blank,
    #[error("the file is {size} bytes; intake reads texts of at most {MAX_BYTES} bytes")]
    TooLarge { size: usize },
    #[error(
        "the file is not text (byte {offset} is a control character {byte:#04x}): give a plain-text or HTML file"
    )]
    Binary { offset: usize, byte: u8 },
    #[error(
        "the file is neither UTF-8 nor Windows-1258 (byte {offset}, {byte:#04x}, has no character in either): save it as UTF-8"
    )]
    UnknownEncoding { offset: usize, byte: u8 },
    #[error("the file is {}, not a text: give a Word document (DOCX), a plain-text or an HTML file", .kind.described())]
    NotText { kind: NotText },
    #[error("the Word document cannot be opened: {detail}")]
    DamagedDocument { detail: String },
}

/// A kind of file that holds no text to read, told by its first bytes or its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    Pdf,
    /// Word or Excel 97–2003 (`.doc`, `.xls`): one container format for both.
    Office97,
    Spreadsheet,
    Presentation,
    Image,
    /// A zip archive of anything else.
    Archive,
}

impl NotText {
    /// The kind of file whose first bytes these are, when they say it.
    fn sniff(bytes: &[u8]) -> Option<NotText> {
        const SIGNATURES: &[(&[u8], NotText)] = &[
            (b"%PDF-", NotText::Pdf),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", NotText::Office97),
            (b"\x89PNG\r\n\x1A\n", NotText::Image),
            (b"\xFF\xD8\xFF", NotText::Image),
            (b"GIF87a", NotText::Image),
            (b"GIF89a", NotText::Image),
        ];
        SIGNATURES
            .iter()
            .find(|(signature, _)| bytes.starts_with(signature))
            .map(|(_, kind)| *kind)
    }

    /// Its name in messages and the API: `pdf`, `office-97`, `spreadsheet`, `presentation`,
    /// `image`, `archive`.
    pub fn name(self) -> &'static str {
        match self {
            NotText::Pdf => "pdf",
            NotText::Office97 => "office-97",
            NotText::Spreadsheet => "spreadsheet",
            NotText::Presentation => "presentation",
            NotText::Image => "image",
            NotText::Archive => "archive",
        }
    }

    fn described(self) -> &'static str {
        match self {
            NotText::Pdf => "a PDF",
            NotText::Office97 => "a Word or Excel 97-2003 file",
            NotText::Spreadsheet => "a spreadsheet",
            NotText::Presentation => "a presentation",
            NotText::Image => "an image",
            NotText::Archive => "a zip archive",
        }
    }
}

/// Decodes a file, naming the encoding it was read in.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(DecodeError::TooLarge { size: bytes.len() });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return match crate::docx::archive_kind(bytes)? {
            Some(kind) => Err(DecodeError::NotText { kind }),
            None => {
                let text = crate::docx::text(bytes)?;
                if text.trim().is_empty() {
                    return Err(DecodeError::Blank);
                }
                Ok((text, "docx"))
            }
        };
    }
    if let Some(kind) = NotText::sniff(bytes) {
        return Err(DecodeError::NotText { kind });
    }
    // Text files hold no control characters but tab, line feed, carriage return and form
    // feed; a NUL or the like means some other binary file.
    if let Some(offset) = bytes
        .iter()
        .position(|b| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
    {
        return Err(DecodeError::Binary {
            offset,
            byte: bytes[offset],
        });
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, encoding) = match std::str::from_utf8(body) {
        Ok(text) => (text.to_owned(), "utf-8"),
        Err(_) => {
            // Every byte decodes in Windows-1258, the unassigned ones to C1 controls, which
            // no text holds: they mean another encoding.
            let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(body);
            // One byte, one character: the position is the byte's offset.
            if let Some(offset) = text
                .chars()
                .position(|c| ('\u{80}'..='\u{9f}').contains(&c))
            {
                return Err(DecodeError::UnknownEncoding {
                    offset: offset + (bytes.len() - body.len()),
                    byte: body[offset],
                });
            }
            (text.into_owned(), "windows-1258")
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Blank);
    }
    Ok((text, encoding))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1258_is_read_and_named() {
        // Windows-1258 writes tones as marks after the letter: 0xF2 the dot below, 0xEC the
        // acute; 0xEA is ê and 0xF4 ô.
        let bytes = b"Ngh\x69\xf2 quy\xea\xect s\xf4\xec 21/NQ-TU";
        let (text, encoding) = decode(bytes).expect("decodes");
        assert_eq!(encoding, "windows-1258");
        assert_eq!(
            giamsat_core::text::nfc(&text),
            "Nghị quyết số 21/NQ-TU",
            "{text:?}"
        );
    }

    #[test]
    fn bad_files_are_named_not_read() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t "), Err(DecodeError::Blank));
        assert_eq!(
            decode(b"%PDF-1.7\n\x00\x01"),
            Err(DecodeError::NotText { kind: NotText::Pdf })
        );
        assert_eq!(
            decode(b"abc\n\x00\x01"),
            Err(DecodeError::Binary { offset: 4, byte: 0 })
        );
        let huge = vec![b'a'; MAX_BYTES + 1];
        assert_eq!(
            decode(&huge),
            Err(DecodeError::TooLarge {
                size: MAX_BYTES + 1
            })
        );
        assert!(matches!(
            decode(b"abc \x81 def"),
            Err(DecodeError::UnknownEncoding { offset: 4, .. })
        ));
        assert_eq!(
            decode(b"\xEF\xBB\xBFNg\xC3\xA0y 18/8"),
            Ok(("Ngày 18/8".to_owned(), "utf-8"))
        );
    }
}
