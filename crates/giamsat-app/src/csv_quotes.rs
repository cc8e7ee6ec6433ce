//! Watching a CSV file's quotes as it is read. The `csv` crate reads a quote left open as a
//! field that runs to the end of the file: every row after it would vanish into one cell
//! (the note of a figure, say) without a word. Following the quotes as the bytes pass lets
//! an import refuse such a file and name the line where the quote was opened.

use std::io::{self, Read};

/// Where the reader is in the RFC 4180 grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a field: a quote here opens a quoted field.
    FieldStart,
    /// Inside a field that did not start with a quote: quotes here are plain text.
    Unquoted,
    /// Inside a quoted field, opened on the line kept.
    Quoted { opened: u64 },
    /// A quote inside a quoted field: the field's end, or the first of a doubled quote.
    QuoteInQuoted { opened: u64 },
}

/// A reader that passes its bytes through unchanged and follows the quotes they open and
/// close.
#[derive(Debug)]
pub(crate) struct QuoteWatch<R> {
    inner: R,
    delimiter: u8,
    state: State,
    /// The 1-based line of the next byte.
    line: u64,
    ended: bool,
}

impl<R> QuoteWatch<R> {
    pub(crate) fn new(inner: R, delimiter: u8) -> Self {
        QuoteWatch {
            inner,
            delimiter,
            state: State::FieldStart,
            line: 1,
            ended: false,
        }
    }

    /// The line of a quote still open when the file ended.
    pub(crate) fn unterminated(&self) -> Option<u64> {
        match (self.ended, self.state) {
            (true, State::Quoted { opened }) => Some(opened),
            _ => None,
        }
    }

    fn follow(&mut self, byte: u8) {
        self.state = match (self.state, byte) {
            (State::FieldStart, b'"') => State::Quoted { opened: self.line },
            (State::Quoted { opened }, b'"') => State::QuoteInQuoted { opened },
            (State::QuoteInQuoted { opened }, b'"') => State::Quoted { opened },
            (State::Quoted { opened }, _) => State::Quoted { opened },
            (_, b'\n' | b'\r') => State::FieldStart,
            (_, b) if b == self.delimiter => State::FieldStart,
            // After a closing quote, or inside a plain field, text runs to the delimiter.
            _ => State::Unquoted,
        };
        if byte == b'\n' {
            self.line += 1;
        }
    }
}

impl<R: Read> Read for QuoteWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            self.ended = true;
        }
        for &byte in &buf[..n] {
            self.follow(byte);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn watched(text: &str) -> Option<u64> {
        let mut watch = QuoteWatch::new(text.as_bytes(), b',');
        let mut out = Vec::new();
        watch.read_to_end(&mut out).expect("read");
        assert_eq!(out, text.as_bytes(), "the bytes pass through unchanged");
        watch.unterminated()
    }

    #[test]
    fn a_quote_left_open_is_found_at_its_line() {
        assert_eq!(watched("a,b\n1,\"open\n2,3\n4,5\n"), Some(2));
        assert_eq!(
            watched("a,b\n1,\"x\"\"\n"),
            Some(2),
            "a doubled quote does not close"
        );
    }

    #[test]
    fn closed_quotes_doubled_quotes_and_quotes_inside_plain_text_are_fine() {
        assert_eq!(watched("a,b\n1,\"x, \"\"y\"\"\nz\"\n"), None);
        assert_eq!(watched("a,b\n1,5\" screen\n"), None);
        assert_eq!(watched("a,b\r\n\"1\",\"\"\r\n"), None);
        assert_eq!(watched(""), None);
    }

    proptest! {
        /// Every field written by the `csv` crate, whatever its text, closes its quotes.
        #[test]
        fn what_a_csv_writer_writes_is_never_unterminated(cells in prop::collection::vec(".*", 1..6)) {
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record(&cells).expect("write");
            let bytes = writer.into_inner().expect("bytes");
            let text = String::from_utf8(bytes).expect("utf-8");
            prop_assert_eq!(watched(&text), None);
        }

        /// Cutting a written file just after a quote that opens a field leaves it open.
        #[test]
        fn a_file_cut_inside_a_quoted_field_is_unterminated(text in "[a-z ,\n]{0,20}") {
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record(["x", text.as_str()]).expect("write");
            let bytes = writer.into_inner().expect("bytes");
            let written = String::from_utf8(bytes).expect("utf-8");
            if let Some(cut) = written.strip_suffix("\"\n") {
                prop_assert_eq!(watched(cut), Some(1));
            }
        }
    }
}
