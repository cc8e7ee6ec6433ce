//! Numbers typed in Vietnamese, English or French conventions, and dates: parsed or refused,
//! never a panic; what is written for a language reads back in it.
#![no_main]

use giamsat_core::text::{Language, format_number, parse_number};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for language in Language::ALL {
        if let Ok(value) = parse_number(text, language) {
            assert!(value.is_finite());
            let written = format_number(value, 2, language);
            assert!(parse_number(&written, language).is_ok(), "{written}");
        }
    }
    let _ = giamsat_app::input::parse_date(text);
});
