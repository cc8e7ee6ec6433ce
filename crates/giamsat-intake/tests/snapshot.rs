//! What the reader gives on every text of the labelled sets (`corpus/`, `corpus/real/`) and
//! on the texts the bench reads, pinned in `tests/snapshot.txt`: a change meant to make the
//! reader faster must leave every item as it was. A change meant to read differently updates
//! the file, and the diff shows what it changed:
//!
//! ```sh
//! INTAKE_SNAPSHOT=update cargo test -p giamsat-intake --test snapshot
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The texts of a directory of the labelled set, in the order of their names.
fn texts(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a corpus directory")
        .map(|e| e.expect("a corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
        .collect();
    files.sort();
    files
}

/// FNV-1a: the text read is pinned by its length and this, not copied into the snapshot.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// One text's reading: its language, encoding, the text read by length and hash, and each
/// item as one line of JSON.
fn reading(name: &str, bytes: &[u8]) -> String {
    let mut out = format!("== {name}\n");
    match giamsat_intake::read(bytes) {
        Err(e) => writeln!(out, "error: {e}").expect("a string"),
        Ok(r) => {
            writeln!(
                out,
                "{} {} chars={} fnv={:016x}",
                r.language.code(),
                r.encoding,
                r.text.chars().count(),
                fnv1a(r.text.as_bytes())
            )
            .expect("a string");
            for item in &r.items {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(item).expect("an item as JSON")
                )
                .expect("a string");
            }
        }
    }
    out
}

#[test]
fn the_reader_reads_every_text_of_the_corpus_as_pinned() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("corpus");
    let mut actual = String::new();
    for dir in [corpus.clone(), corpus.join("real")] {
        for path in texts(&dir) {
            let name = path.strip_prefix(root).expect("under the crate");
            let bytes = std::fs::read(&path).expect("a corpus text");
            actual.push_str(&reading(&name.display().to_string(), &bytes));
        }
    }
    // The bench reads each language's texts one after the other: what one text leaves to the
    // next (a year, a locality, a period) is pinned too.
    for (kind, names) in [
        (
            "vi",
            &[
                "002_683877ca81887e88.txt",
                "101_bao_cao_vi.txt",
                "105_bien_ban_vi.txt",
            ][..],
        ),
        (
            "en",
            &[
                "003_591927a0904c8743.txt",
                "004_70834c99df98e013.txt",
                "106_press_en.txt",
            ][..],
        ),
        ("fr", &["102_rapport_fr.txt", "107_compte_rendu_fr.txt"][..]),
        ("html", &["103_review_en.html"][..]),
    ] {
        let mut bytes = Vec::new();
        for _ in 0..2 {
            for name in names {
                bytes.extend(std::fs::read(corpus.join(name)).expect("a corpus text"));
                bytes.push(b'\n');
            }
        }
        actual.push_str(&reading(&format!("bench {kind}, twice"), &bytes));
    }

    let pinned = root.join("tests/snapshot.txt");
    if std::env::var_os("INTAKE_SNAPSHOT").is_some_and(|v| v == "update") {
        std::fs::write(&pinned, &actual).expect("the snapshot written");
        return;
    }
    let expected = std::fs::read_to_string(&pinned).expect("tests/snapshot.txt");
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        let got = std::env::temp_dir().join("giamsat-intake-snapshot.txt");
        std::fs::write(&got, &actual).expect("the reading written");
        panic!(
            "the reading differs from tests/snapshot.txt at line {}:\n  pinned: {:?}\n  read:   {:?}\n\
             (the whole reading is in {})",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line),
            got.display()
        );
    }
}
