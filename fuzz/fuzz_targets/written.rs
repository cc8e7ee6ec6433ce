//! Any text given as a period or a date as people write them (`quý IV/2026`, `20/12/2026`)
//! reads into a period whose code reads back to it, or a real date, or is refused.
#![no_main]

use giamsat_core::Period;
use giamsat_core::written::{read_date, read_period};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(period) = read_period(text) {
        assert_eq!(period.to_string().parse::<Period>(), Ok(period));
        assert_eq!(read_period(&period.to_string()), Ok(period));
    }
    if let Ok(date) = read_date(text) {
        let written = format!(
            "{:02}/{:02}/{}",
            date.day(),
            u8::from(date.month()),
            date.year()
        );
        assert_eq!(read_date(&written), Ok(date));
    }
});
