//! The Annex A reader never panics: arbitrary bytes, arbitrary rows under each list's headings,
//! and damaged workbooks either read or fail with an error.
//! Run longer with `PROPTEST_CASES=20000 cargo test -p sightline-formats --test annex_a_fuzz`.

mod common;

use std::path::PathBuf;

use proptest::prelude::*;
use sightline_formats::annex_a::{self, AnnexAList};

fn read_files(files: &[Vec<u8>], extension: &str) {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = files
        .iter()
        .enumerate()
        .map(|(i, bytes)| {
            let path = dir.path().join(format!("f{i}.{extension}"));
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect();
    for bytes in files {
        let _ = annex_a::sniff(bytes);
    }
    let _ = annex_a::read(&paths);
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        prop::sample::select(vec![
            "C1",
            "C2",
            "a) Male",
            "b)",
            "d) Neither",
            "F",
            "x) Martian",
            "a) WBRI",
            "t)",
            "wbri",
            "01/10/2024",
            "1/1/2024 10:30",
            "2024-10-01",
            "45292",
            "45292.75",
            "60",
            "31/02/2024",
            "a) Yes",
            "b) No",
            "c) Unknown",
            "Y",
            "N",
            "a) 1A",
            "u)",
            "5D",
            "6",
            "N4",
            "RC1",
            "C2",
            "V3",
            "U4 foster",
            "PR1",
            "E11",
            "382",
            "38",
            "HD1 2AB",
            "Z",
            "Suitable",
            "Not suitable",
            "YES",
            "G5",
            "0",
            "RD1",
            "Neglect",
            "MUL",
            "17",
            "-3",
            "999999999999999999999",
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,10}",
        ".{0,5}",
    ]
}

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

/// A CSV with a list's headings (rotated, sometimes one dropped) and random rows.
fn list_file() -> impl Strategy<Value = Vec<u8>> {
    (1u8..=11, any::<usize>(), any::<bool>())
        .prop_flat_map(|(number, rotate, drop_one)| {
            let list = AnnexAList::from_number(number).unwrap();
            let mut headings: Vec<String> = list.headings().map(str::to_owned).collect();
            let n = headings.len();
            headings.rotate_left(rotate % n);
            if drop_one {
                headings.pop();
            }
            let width = headings.len();
            (
                Just(headings),
                prop::collection::vec(prop::collection::vec(cell(), 0..=width + 1), 0..6),
            )
        })
        .prop_map(|(headings, rows)| {
            let mut text = headings
                .iter()
                .map(|h| quote(h))
                .collect::<Vec<_>>()
                .join(",");
            text.push('\n');
            for row in rows {
                text.push_str(&row.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
                text.push('\n');
            }
            text.into_bytes()
        })
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        read_files(&[bytes], "csv");
    }

    #[test]
    fn arbitrary_rows_under_list_headings_never_panic(files in prop::collection::vec(list_file(), 1..4)) {
        read_files(&files, "csv");
    }

    #[test]
    fn damaged_workbooks_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        truncate in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let written = annex_a::write(dir.path(), &common::fixture(), &common::spec()).unwrap();
        let mut bytes = std::fs::read(&written[0]).unwrap();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        if let Some(at) = truncate {
            bytes.truncate(at.index(bytes.len()).max(4));
        }
        read_files(&[bytes], "xlsx");
    }
}
