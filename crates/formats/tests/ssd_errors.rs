//! Bad SSD input gives an error naming the file, line, column and value; never a panic.

mod common;

use std::path::{Path, PathBuf};

use sightline_formats::ssd;

const CONTACTS_HEADER: &str = "cont_contact_id,cont_person_id,cont_contact_date,cont_contact_source_code,cont_contact_source_desc,cont_contact_outcome_json";

fn file(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn error_of(content: &[u8]) -> (String, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "x.csv", content);
    let err = ssd::read(std::slice::from_ref(&path))
        .unwrap_err()
        .to_string();
    (err.replace(&path.display().to_string(), "FILE"), path)
}

fn contacts(rows: &str) -> Vec<u8> {
    format!("{CONTACTS_HEADER}\n{rows}").into_bytes()
}

#[test]
fn a_bad_date_names_file_line_column_and_value() {
    let (err, _) = error_of(&contacts(
        "K1,C1,2024-10-01,2A,,{}\nK2,C1,31/02/2025,2A,,{}\n",
    ));
    assert_eq!(
        err,
        "FILE:3: field cont_contact_date: not a date (yyyy-mm-dd or dd/mm/yyyy) (value '31/02/2025')"
    );
}

#[test]
fn lines_stay_right_with_a_bom_crlf_blank_lines_and_quoted_line_breaks() {
    let (err, _) = error_of(
        format!(
            "\u{feff}{CONTACTS_HEADER}\r\nK1,C1,2024-10-01,2A,\"two\r\nlines\",{{}}\r\n\r\nK2,C1,2024-10-02,ZZ,,{{}}\r\n"
        )
        .as_bytes(),
    );
    assert_eq!(
        err,
        "FILE:5: field cont_contact_source_code: not a ReferralSource code (value 'ZZ')"
    );
}

#[test]
fn missing_columns_are_all_listed() {
    let (err, _) = error_of(b"cont_contact_id,cont_person_id,cont_contact_source_code\nK1,C1,2A\n");
    assert_eq!(
        err,
        "FILE:1: ssd_contacts table is missing columns: cont_contact_date, cont_contact_outcome_json"
    );
}

#[test]
fn malformed_files_are_reported_not_panicked_on() {
    let cases: [(&[u8], &str); 6] = [
        (b"", "FILE: empty file: expected a header row"),
        (b"\r\n  \r\n", "FILE: empty file: expected a header row"),
        (b"name,age\nBob,4\n", "FILE:1: header matches no SSD table"),
        (
            b"cont_contact_id,cont_person_id,cont_contact_date,cont_contact_source_code,cont_contact_source_desc,cont_contact_outcome_json\nK1,C1\n",
            "FILE:2: row has 2 cells but the header has 6",
        ),
        (
            b"cont_contact_id,cont_person_id,cont_contact_date,cont_contact_source_code,cont_contact_source_desc,cont_contact_outcome_json\nK1,\"C1,2024-10-01,2A,,{}\n",
            "FILE:2: a quoted cell opened on this line is never closed",
        ),
        (
            b"cont_contact_id,cont_person_id,cont_contact_date,cont_contact_source_code,cont_contact_source_desc,cont_contact_outcome_json\nK1,C\xff1,2024-10-01,2A,,{}\n",
            "FILE:2: field cont_person_id: not valid UTF-8 text (value 'C\u{fffd}1')",
        ),
    ];
    for (content, expected) in cases {
        assert_eq!(error_of(content).0, expected);
    }
}

#[test]
fn bad_json_and_blank_required_values_are_field_errors() {
    let (err, _) = error_of(&contacts(
        "K1,C1,2024-10-01,2A,,\"{\"\"OUTCOME_NFA_FLAG\"\":\"\"Y\"\"\"\n",
    ));
    assert_eq!(
        err,
        "FILE:2: field cont_contact_outcome_json: not valid JSON: expected '}' (value '{\"OUTCOME_NFA_FLAG\":\"Y\"')"
    );
    let (err, _) = error_of(&contacts(",C1,2024-10-01,2A,,{}\n"));
    assert_eq!(
        err,
        "FILE:2: field cont_contact_id: required value is blank (value '')"
    );
}

/// Writes the fixture and returns its files with one table's text replaced.
fn fixture_with(
    table: &str,
    edit: impl FnOnce(String) -> String,
) -> (tempfile::TempDir, Vec<PathBuf>, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let files = ssd::write(dir.path(), &common::fixture(), &common::spec()).unwrap();
    let path = dir.path().join(format!("{table}.csv"));
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(text)).unwrap();
    (dir, files, path)
}

#[test]
fn joins_to_unknown_or_duplicate_ids_are_refused() {
    let (_dir, files, path) =
        fixture_with("ssd_disability", |t| t.replace(",C001,AUT", ",C999,AUT"));
    let err = ssd::read(&files).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "{}:2: field disa_person_id: no ssd_person row has this id (value 'C999')",
            path.display()
        )
    );

    let (_dir, files, path) = fixture_with("ssd_person", |t| t.replace(",C003,", ",C001,"));
    let err = ssd::read(&files).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "{}:4: field pers_person_id: duplicate person id (value 'C001')",
            path.display()
        )
    );

    let (_dir, files, path) = fixture_with("ssd_cla_episodes", |t| t.replacen(",P1,", ",P99,", 1));
    let err = ssd::read(&files).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "{}:2: field clae_cla_placement_id: no ssd_cla_placement row has this id (value 'P99')",
            path.display()
        )
    );
}

#[test]
fn a_standard_extract_without_extension_columns_still_reads() {
    // Drop every optional extension column from the episodes table: legal statuses are then
    // found by date, and the episodes come back unchanged.
    let (_dir, files, _) = fixture_with("ssd_cla_episodes", |t| {
        t.lines()
            .map(|line| {
                let cells: Vec<&str> = line.split(',').collect();
                format!("{}\r\n", cells[..cells.len() - 2].join(","))
            })
            .collect()
    });
    let back = ssd::read(&files).unwrap();
    let mut expected = common::fixture();
    for e in &mut expected.cla_episodes {
        e.home_postcode = None;
    }
    assert_eq!(back.cla_episodes, expected.cla_episodes);
}
