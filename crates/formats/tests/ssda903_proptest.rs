//! The 903 reader never panics: arbitrary bytes, and arbitrary rows under real table headers,
//! either read or fail with an error. Inputs that once crashed are kept as regression cases.

use std::path::Path;

use proptest::prelude::*;
use sightline_formats::ssda903::{self, Ssda903Table};

/// Reads in-memory files through both stages and the sniffer; only a panic can fail this.
fn read_any(files: &[(&str, Vec<u8>)]) {
    for (_, bytes) in files {
        let _ = ssda903::sniff(bytes);
    }
    let inputs: Vec<(&Path, &[u8])> = files
        .iter()
        .map(|(name, bytes)| (Path::new(*name), bytes.as_slice()))
        .collect();
    if let Ok(tables) = ssda903::parse_tables(&inputs) {
        let _ = ssda903::to_records(&tables, None);
        let _ = ssda903::to_records(&tables, Some(2026));
        let _ = tables.inferred_collection_year();
    }
}

/// Field text that is sometimes valid and often nearly so.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        prop::sample::select(vec![
            "C1",
            "C2",
            "M",
            "F",
            "U",
            "1",
            "0",
            "2",
            "WBRI",
            "UN1",
            "A123456789012",
            "S",
            "P",
            "C2",
            "V3",
            "N1",
            "U4",
            "T1",
            "PR1",
            "X1",
            "E11",
            "CARPL",
            "HD1 2AB",
            "SC123456",
            "PN1",
            "SDQ1",
            "40",
            "41",
            "YES",
            "F2",
            "B1",
            "MF",
            "L11",
            "RD1",
            "P2",
            "382",
            "NUK",
            "ZZ/05/2019",
            "ZZ/ZZ/ZZZZ",
            "M",
            "A",
            "SW001",
            "FCONTA",
            "XXXXXXX",
        ])
        .prop_map(str::to_owned),
        (1u32..=31, 1u32..=13, 1900i32..2100).prop_map(|(d, m, y)| format!("{d:02}/{m:02}/{y}")),
        "[ -~]{0,12}",
        ".{0,6}",
        Just("\"quoted, with comma\"".to_owned()),
        Just("line\nbreak".to_owned()),
    ]
}

/// A table's header with shuffled, sometimes lower-cased columns, then rows of arbitrary width.
fn table_file() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::sample::select(Ssda903Table::ALL.to_vec()),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(prop::collection::vec(field(), 0..16), 0..8),
    )
        .prop_flat_map(|(table, lower, bom, rows)| {
            let columns: Vec<String> = table
                .columns()
                .iter()
                .map(|c| {
                    if lower {
                        c.to_lowercase()
                    } else {
                        (*c).to_owned()
                    }
                })
                .collect();
            (Just(columns).prop_shuffle(), Just(bom), Just(rows))
        })
        .prop_map(|(columns, bom, rows)| {
            let mut writer = csv::WriterBuilder::new()
                .flexible(true)
                .from_writer(Vec::new());
            writer.write_record(&columns).unwrap();
            for row in rows {
                writer.write_record(&row).unwrap();
            }
            let mut bytes = if bom {
                b"\xEF\xBB\xBF".to_vec()
            } else {
                Vec::new()
            };
            bytes.extend(writer.into_inner().unwrap());
            bytes
        })
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        read_any(&[("x.csv", bytes)]);
    }

    #[test]
    fn arbitrary_rows_under_real_headers_never_panic(files in prop::collection::vec(table_file(), 1..4)) {
        let named: Vec<(&str, Vec<u8>)> = files.into_iter().map(|f| ("t.csv", f)).collect();
        read_any(&named);
    }

    #[test]
    fn a_header_line_with_noise_after_it_never_panics(
        table in prop::sample::select(Ssda903Table::ALL.to_vec()),
        tail in prop::collection::vec(any::<u8>(), 0..256),
    ) {
        let mut bytes = table.columns().join(",").into_bytes();
        bytes.push(b'\n');
        bytes.extend(tail);
        prop_assert_eq!(ssda903::sniff(&bytes), Some(table));
        read_any(&[("t.csv", bytes)]);
    }
}

/// Inputs kept from fuzzing runs (none has crashed the reader so far); each must read or fail
/// cleanly.
#[test]
fn regression_inputs_read_or_fail_cleanly() {
    let cases: &[&[u8]] = &[
        b"",
        b"\xEF\xBB\xBF",
        b"\n\n\n",
        b"\"",
        b"CHILD,DOB,REVIEW,REVIEW_CODE\n\"unterminated",
        b"CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC1,,P1,,ZZ/99/ZZZZ\n",
        b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n,,,,,,\n",
        b"CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC1,29/02/2000,YES,F1,B1\n",
        b"CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC1,01/01/1000,YES,F1,B1\n",
    ];
    for case in cases {
        read_any(&[("r.csv", case.to_vec())]);
    }
}
