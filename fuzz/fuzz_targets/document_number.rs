//! Any text given as a document number either parses into a number whose canonical spelling
//! parses back to the same number, or is refused with an error; it never panics.
#![no_main]

use giamsat_core::{DocumentKey, DocumentNumber};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(number) = DocumentNumber::parse(text) {
        let again = DocumentNumber::parse(&number.to_string()).expect("canonical spelling parses");
        assert_eq!(again, number);
        let _ = DocumentKey::of_number(&number, Some(2023));
    }
    let _ = DocumentKey::parse(text);
});
