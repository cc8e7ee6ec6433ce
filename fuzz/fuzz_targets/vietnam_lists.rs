//! Arbitrary text in place of each of the official lists `orgs load-vietnam --from` reads:
//! every disagreement is a row error, never a panic.
#![no_main]

use giamsat_app::vietnam::{Lists, plan};
use libfuzzer_sys::fuzz_target;

/// Small lists that agree, so that each run spends its time on the fuzzed one.
fn small() -> Lists {
    Lists {
        provinces_legacy: "code,name_vi,name_en\n01,Hà Nội,Ha Noi\n02,Hà Giang,Ha Giang\n08,Tuyên Quang,Tuyen Quang\n".into(),
        provinces_2025: "code,name_vi,name_en\n01,Hà Nội,Ha Noi\n08,Tuyên Quang,Tuyen Quang\n".into(),
        province_merges: "old_code,new_code\n01,01\n02,08\n08,08\n".into(),
        communes_2025: "code,name_vi,name_en,province_code\n00004,Phường Ba Đình,Phuong Ba Dinh,01\n".into(),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for which in 0..4 {
        let mut lists = small();
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
