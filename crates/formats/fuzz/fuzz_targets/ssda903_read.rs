//! Fuzzes the 903 reader: the input is split into up to four files at 0xFF bytes, each parsed
//! leniently, then mapped strictly; only a panic is a failure.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sightline_formats::ssda903;

fuzz_target!(|data: &[u8]| {
    let files: Vec<&[u8]> = data.splitn(4, |b| *b == 0xFF).collect();
    for file in &files {
        let _ = ssda903::sniff(file);
    }
    let inputs: Vec<(&Path, &[u8])> = files.iter().map(|f| (Path::new("f.csv"), *f)).collect();
    if let Ok(tables) = ssda903::parse_tables(&inputs) {
        let _ = ssda903::to_records(&tables, None);
    }
});
