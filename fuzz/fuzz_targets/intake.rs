//! Reading reports: any bytes are read or refused, never a panic, and every item's
//! character offsets point at its text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(reading) = giamsat_intake::read(bytes) {
        let chars: Vec<char> = reading.text.chars().collect();
        for item in &reading.items {
            assert!(item.start < item.end && item.end <= chars.len());
            let slice: String = chars[item.start..item.end].iter().collect();
            assert_eq!(slice, item.text);
        }
    }
});
