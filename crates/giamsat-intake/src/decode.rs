//! Bytes to text: UTF-8 (with or without a byte-order mark), or the Vietnamese Windows-1258
//! code page that older office software still saves, which writes tones as combining marks
//! (the caller composes them to NFC).

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
}

/// Decodes a file, naming the encoding it was read in.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(DecodeError::TooLarge { size: bytes.len() });
    }
    // Text files hold no control characters but tab, line feed, carriage return and form
    // feed; a NUL or the like means an image, a PDF, a Word file.
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
            Err(DecodeError::Binary { offset: 9, byte: 0 })
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
