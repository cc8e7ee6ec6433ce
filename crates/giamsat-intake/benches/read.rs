//! How fast reports are read: megabytes of text per second on one core. Each text of the
//! labelled set (`corpus/`) is repeated to about 4 MB, so that reading is timed on a report
//! of the size an office receives in a year of monthly reports, not on one page. Run with
//! `cargo bench -p giamsat-intake --bench read`; divan prints bytes per second.

use std::path::Path;
use std::sync::LazyLock;

use divan::counter::BytesCount;

/// About 4 MB of each kind of text: the texts of the labelled set in one language, repeated.
static TEXTS: LazyLock<Vec<(&'static str, Vec<u8>)>> = LazyLock::new(|| {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let group = |names: &[&str]| -> Vec<u8> {
        let one: Vec<u8> = names
            .iter()
            .flat_map(|n| {
                let mut bytes = std::fs::read(corpus.join(n)).expect("a corpus text");
                bytes.push(b'\n');
                bytes
            })
            .collect();
        let mut text = Vec::with_capacity(4 << 20);
        while text.len() < 4 << 20 {
            text.extend_from_slice(&one);
        }
        text
    };
    vec![
        (
            "vi",
            group(&[
                "002_683877ca81887e88.txt",
                "101_bao_cao_vi.txt",
                "105_bien_ban_vi.txt",
            ]),
        ),
        (
            "en",
            group(&[
                "003_591927a0904c8743.txt",
                "004_70834c99df98e013.txt",
                "106_press_en.txt",
            ]),
        ),
        (
            "fr",
            group(&["102_rapport_fr.txt", "107_compte_rendu_fr.txt"]),
        ),
        ("html", group(&["103_review_en.html"])),
    ]
});

fn main() {
    divan::main();
}

#[divan::bench(args = ["vi", "en", "fr", "html"], sample_count = 10, sample_size = 1)]
fn read(bencher: divan::Bencher, kind: &str) {
    let text = &TEXTS.iter().find(|(k, _)| *k == kind).expect("a kind").1;
    bencher
        .counter(BytesCount::of_slice(text))
        .bench(|| giamsat_intake::read(divan::black_box(text)).expect("reads"));
}
