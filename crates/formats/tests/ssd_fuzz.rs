//! The SSD reader never panics: arbitrary bytes, arbitrary rows under real table headers, and
//! random damage to a complete written extract either read or fail with an error.
//! Run longer with `PROPTEST_CASES=20000 cargo test -p sightline-formats --test ssd_fuzz`.

mod common;

use std::path::PathBuf;

use proptest::prelude::*;
use sightline_formats::ssd;

/// Writes `files` into a fresh folder and reads them; only a panic can fail this.
fn read_any(files: &[(String, Vec<u8>)]) {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = files
        .iter()
        .enumerate()
        .map(|(i, (_, bytes))| {
            let path = dir.path().join(format!("f{i}.csv"));
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect();
    for (_, bytes) in files {
        let _ = ssd::sniff(bytes);
    }
    let _ = ssd::read(&paths);
}

/// Cell text that is sometimes valid and often nearly so.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        prop::sample::select(vec![
            "C001",
            "C002",
            "K1",
            "P1",
            "L1",
            "E1",
            "2024-10-01",
            "2024-02-30",
            "01/10/2024",
            "2024-10-01 00:00:00.000",
            "+99999-01-01",
            "-0001-12-31",
            "Y",
            "N",
            "yes",
            "2A",
            "10",
            "ZZ",
            "M",
            "F",
            "U",
            "WBRI",
            "NONE",
            "AUT",
            "UASC",
            "HOME",
            "Former UPN",
            "N4",
            "S",
            "L",
            "P",
            "B",
            "C2",
            "V3",
            "U4",
            "K2",
            "T4",
            "PR1",
            "X1",
            "E11",
            "CARPL",
            "B",
            "Z",
            "Suitable",
            "Unsuitable",
            "0",
            "17",
            "999.9",
            "2.5",
            "NaN",
            "inf",
            "-1",
            "256",
            "zz/06/2018",
            "05/zz/zzzz",
            "32/13/2020",
            "MF",
            "L11",
            "RD3",
            "SGO",
            "Adoption Order",
            "SOCIAL_WORKER",
            "LOOKED_AFTER",
            "GOOD",
            "IFA",
            "FALSE",
            "CW",
            r#"{"OUTCOME_NFA_FLAG":"Y"}"#,
            r#"{"CP_CONFERENCE_FLAG":"Y","ICPC_FLAG":"Y"}"#,
            r#"{"A":"#,
            r#"["3A","4B"]"#,
            r#"["3A","#,
            r#"["ZZ"]"#,
            "[]",
            "{}",
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,10}",
        ".{0,5}",
    ]
}

/// Quotes a cell for CSV when needed.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

/// A file with a real table's header (columns shuffled, some dropped) and random rows.
fn table_file() -> impl Strategy<Value = (String, Vec<u8>)> {
    let dir = tempfile::tempdir().unwrap();
    ssd::write(
        dir.path(),
        &sightline_model::CaseRecords::default(),
        &common::spec(),
    )
    .unwrap();
    let headers: Vec<(String, Vec<String>)> = ssd::written_tables()
        .map(|t| {
            let text = std::fs::read_to_string(dir.path().join(format!("{t}.csv"))).unwrap();
            let header = text
                .lines()
                .next()
                .unwrap()
                .split(',')
                .map(str::to_owned)
                .collect();
            (t.to_owned(), header)
        })
        .collect();
    (
        prop::sample::select(headers),
        any::<u64>(),
        0usize..6,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_flat_map(|((name, header), seed, drop, crlf, bom)| {
            let mut columns = header.clone();
            // A cheap deterministic shuffle and drop driven by the seed.
            let n = columns.len();
            for i in 0..n {
                columns.swap(i, (seed as usize).wrapping_mul(31).wrapping_add(i * 17) % n);
            }
            if drop < columns.len() && seed % 3 == 0 {
                columns.remove(drop);
            }
            let width = columns.len();
            let rows =
                prop::collection::vec(prop::collection::vec(cell(), width..=width + 1), 0..6);
            (Just(name), Just(columns), rows, Just(crlf), Just(bom))
        })
        .prop_map(|(name, columns, rows, crlf, bom)| {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = if bom {
                "\u{feff}".to_owned()
            } else {
                String::new()
            };
            text.push_str(&columns.join(","));
            text.push_str(end);
            for row in rows {
                text.push_str(&row.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
                text.push_str(end);
            }
            (name, text.into_bytes())
        })
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        read_any(&[("x".to_owned(), bytes)]);
    }

    #[test]
    fn arbitrary_rows_under_real_headers_never_panic(files in prop::collection::vec(table_file(), 1..5)) {
        read_any(&files);
    }

    #[test]
    fn damaged_extracts_never_panic(
        table in 0usize..41,
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let files = ssd::write(dir.path(), &common::fixture(), &common::spec()).unwrap();
        let target = &files[table % files.len()];
        let mut bytes = std::fs::read(target).unwrap();
        if !bytes.is_empty() {
            for (at, byte) in edits {
                let i = at.index(bytes.len());
                bytes[i] = byte;
            }
        }
        std::fs::write(target, bytes).unwrap();
        let _ = ssd::read(&files);
    }
}
