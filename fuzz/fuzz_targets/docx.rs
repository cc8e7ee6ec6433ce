//! Reading Word documents: any body of `word/document.xml` is read or refused, never a panic,
//! and every item's character offsets point at its text. The fuzzer's bytes are the body
//! itself, packed into a zip here: mutations of a whole zip seldom get past its checksums.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    if zip.start_file("word/document.xml", stored).is_err() || zip.write_all(body).is_err() {
        return;
    }
    let Ok(bytes) = zip.finish().map(|c| c.into_inner()) else {
        return;
    };
    if let Ok(reading) = giamsat_intake::read(&bytes) {
        let chars: Vec<char> = reading.text.chars().collect();
        for item in &reading.items {
            assert!(item.start < item.end && item.end <= chars.len());
            let slice: String = chars[item.start..item.end].iter().collect();
            assert_eq!(slice, item.text);
        }
    }
});
