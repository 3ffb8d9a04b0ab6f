//! Fuzzes the CIN census reader: sniffing, streaming and strict reading of one document; only a
//! panic is a failure.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sightline_formats::cin;

fuzz_target!(|data: &[u8]| {
    let _ = cin::sniff(data);
    for child in cin::CinChildren::from_reader(data, Path::new("f.xml")) {
        if child.is_err() {
            break;
        }
    }
    let _ = cin::read_bytes(data, Path::new("f.xml"));
});
