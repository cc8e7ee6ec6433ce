//! Any text given as a period parses into a period whose code reads back to it, or is refused.
#![no_main]

use giamsat_core::Period;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(period) = text.parse::<Period>() {
        assert_eq!(period.to_string().parse::<Period>(), Ok(period));
        let _ = period.same_period_last_year();
    }
});
