//! Arbitrary text in place of each of the official lists `orgs load-vietnam --from` reads:
//! every disagreement is a row error, never a panic.
#![no_main]

use giamsat_app::vietnam::{Lists, plan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for which in 0..4 {
        let mut lists = Lists::embedded();
        let slot = match which {
            0 => &mut lists.provinces_legacy,
            1 => &mut lists.provinces_2025,
            2 => &mut lists.province_merges,
            _ => &mut lists.communes_2025,
        };
        *slot = text.to_owned();
        let _ = plan(&lists);
    }
});
