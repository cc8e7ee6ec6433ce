//! `giamsat intake` through the binary: JSON out for good files, a message naming the file and
//! its problem for bad ones, with nothing on standard output.

use crate::cli::giamsat;

#[test]
fn intake_reads_reports_as_json_and_names_a_bad_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../giamsat-intake/corpus");
    let seed = corpus.join("002_683877ca81887e88.txt");
    let legacy = corpus.join("104_windows1258.txt");
    let out = giamsat(
        &[
            "intake",
            seed.to_str().expect("utf-8"),
            legacy.to_str().expect("utf-8"),
        ],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let first = &json[0]["reading"];
    assert_eq!(first["language"], "vi");
    let chars: Vec<char> = first["text"].as_str().expect("text").chars().collect();
    let document = first["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["kind"] == "document")
        .expect("a document");
    assert_eq!(document["number"], "21-NQ/TU");
    assert_eq!(document["issued_on"], "2022-01-25");
    let (start, end) = (
        document["start"].as_u64().expect("start") as usize,
        document["end"].as_u64().expect("end") as usize,
    );
    assert_eq!(
        chars[start..end].iter().collect::<String>(),
        "Nghị quyết số 21/NQ-TU ngày 25/1/2022"
    );
    assert_eq!(json[1]["reading"]["encoding"], "windows-1258");
    assert!(
        json[1]["reading"]["text"]
            .as_str()
            .expect("text")
            .contains("Chỉ thị số 15-CT/TU"),
        "decoded and composed to NFC"
    );

    for (name, bytes, problem) in [
        ("empty.txt", &b""[..], "the file is empty"),
        ("scan.pdf", &b"%PDF-1.7\n\x00\x00"[..], "is not text"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let out = giamsat(&["intake", path.to_str().expect("utf-8")], dir.path());
        assert!(!out.status.success());
        assert!(out.stdout.is_empty());
        let message = String::from_utf8_lossy(&out.stderr);
        assert!(
            message.contains(name) && message.contains(problem),
            "{message}"
        );
    }
}
