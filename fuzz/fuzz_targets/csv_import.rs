//! Arbitrary bytes as a CSV file of every kind: read and validated, with every problem
//! reported as a row error, never a panic.
#![no_main]

use giamsat_app::ImportKind;
use giamsat_core::{Engine, Language};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let engine = Engine::new();
    for kind in ImportKind::ALL {
        for numbers in Language::ALL {
            let _ = giamsat_app::exchange::check_file(&engine, kind, "fuzz.csv", data, numbers);
        }
    }
});
