//! Bad Annex A input gives an error naming the file, line or sheet and row, the heading and the
//! value; dates arrive in every form spreadsheets produce.

mod common;

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use sightline_formats::annex_a;

const LIST_1: &str = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,Contact Source";

fn write(dir: &Path, name: &str, content: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn csv_error(content: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "list.csv", content);
    annex_a::read(std::slice::from_ref(&path))
        .unwrap_err()
        .to_string()
        .replace(&path.display().to_string(), "FILE")
}

#[test]
fn csv_errors_name_line_heading_and_value() {
    assert_eq!(
        csv_error(&format!(
            "{LIST_1}\r\nC1,a) Male,a) WBRI,01/01/2010,15,01/10/2024,a)\r\nC2,b) Female,a) WBRI,01/01/2010,15,31/13/2024,a)\r\n"
        )),
        "FILE:3: field Date of Contact: not a date (dd/mm/yyyy, yyyy-mm-dd or an Excel date) (value '31/13/2024')"
    );
    assert_eq!(
        csv_error(&format!(
            "{LIST_1}\nC1,x) Martian,a) WBRI,01/01/2010,15,01/10/2024,a)\n"
        )),
        "FILE:2: field Gender: not a gender (a) Male, b) Female, c) Not stated/recorded) (value 'x) Martian')"
    );
    assert_eq!(
        csv_error(&format!(
            "{LIST_1}\nC1,a) Male,a) WBRI,01/01/2010,15,01/10/2024,z) 99\n"
        )),
        "FILE:2: field Contact Source: not a contact source (e.g. a) 1A) (value 'z) 99')"
    );
    assert_eq!(
        csv_error(&format!(
            "{LIST_1}\n,a) Male,a) WBRI,01/01/2010,15,01/10/2024,a)\n"
        )),
        "FILE:2: field Child Unique ID: required value is blank (value '')"
    );
}

#[test]
fn file_level_problems_are_reported() {
    assert_eq!(
        csv_error(
            "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Date of Contact\nC1,a),a),,,01/10/2024\n"
        ),
        "FILE:1: Annex A list 1 (Contacts) is missing columns: Contact Source"
    );
    assert_eq!(
        csv_error("Name,Shoe size\nBob,9\n"),
        "FILE:1: header matches no Annex A list"
    );
    assert_eq!(csv_error(""), "FILE: empty file: expected a header row");
    assert_eq!(
        csv_error(&format!("{LIST_1}\nC1,\"a) Male\n")),
        "FILE:2: a quoted cell opened on this line is never closed"
    );
    let dir = tempfile::tempdir().unwrap();
    let damaged = dir.path().join("annex.xlsx");
    std::fs::write(&damaged, b"PK\x03\x04 not really a zip").unwrap();
    let err = annex_a::read(std::slice::from_ref(&damaged))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with(&format!("{}: not a readable workbook", damaged.display())),
        "{err}"
    );
}

/// A workbook like a council's: a title and guidance above the header, a cover sheet, headings
/// with local spellings, and dates as Excel dates, serial numbers and text.
fn council_workbook(path: &Path, legal_status: &str) {
    let mut workbook = Workbook::new();
    workbook
        .add_worksheet()
        .set_name("Cover")
        .unwrap()
        .write_string(0, 0, "Annex A, Kirklees")
        .unwrap();
    let ws = workbook.add_worksheet().set_name("List 8").unwrap();
    ws.write_string(0, 0, "List 8: children in care").unwrap();
    ws.write_string(
        1,
        0,
        "Include all children looked after at the point of inspection",
    )
    .unwrap();
    let headings = [
        "child unique id",
        "GENDER",
        "Ethnicity",
        "Date of Birth",
        "Age",
        "Date Started to be Looked After",
        "Child's Category of Need",
        "Start date of current legal status",
        "Child's Legal Status",
        "Date of Last Social Work Visit",
        "Date Ceased to be Looked After",
        "Reason Ceased to be Looked After",
        "Start Date of Most Recent Placement",
        "Placement Type",
        "Placement Provider",
        "Placement postcode",
        "URN of Placement",
        "LA of Placement",
        "Does the Child have a Disability",
        "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))",
    ];
    for (c, h) in headings.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let row = 3;
    ws.write_number(row, 0, 1234.0).unwrap(); // a numeric child id
    ws.write_string(row, 1, "F").unwrap();
    ws.write_string(row, 2, "BAFR").unwrap();
    ws.write_date_with_format(
        row,
        3,
        ExcelDateTime::from_ymd(2010, 6, 1).unwrap(),
        &date_format,
    )
    .unwrap();
    ws.write_number(row, 4, 14).unwrap();
    ws.write_number(row, 5, 45292.0).unwrap(); // 01/01/2024 as a bare serial number
    ws.write_string(row, 6, "n4").unwrap();
    ws.write_string(row, 7, "01/06/2024 00:00").unwrap();
    ws.write_string(row, 8, legal_status).unwrap();
    ws.write_datetime_with_format(
        row,
        9,
        ExcelDateTime::parse_from_str("2025-02-03 14:30:00").unwrap(),
        &date_format,
    )
    .unwrap();
    ws.write_string(row, 13, "U4 Foster placement with other carer")
        .unwrap();
    ws.write_string(row, 14, "pr1").unwrap();
    ws.write_string(row, 17, "382").unwrap();
    ws.write_string(row, 18, "b) No").unwrap();
    ws.write_string(row, 19, "Y").unwrap();
    workbook.save(path).unwrap();
}

#[test]
fn a_council_workbook_reads_with_loose_headings_and_every_date_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("AnnexA_Kirklees_final_v3.xlsx");
    council_workbook(&path, "c2");
    let records = annex_a::read(std::slice::from_ref(&path)).unwrap();
    let child = &records.children[0];
    assert_eq!(child.id.as_str(), "1234");
    assert_eq!(child.sex, sightline_model::codes::Sex::Female);
    assert_eq!(child.date_of_birth, Some(common::d(2010, 6, 1)));
    assert!(child.uasc.is_some());
    let starts: Vec<_> = records
        .cla_episodes
        .iter()
        .map(|e| (e.start, e.reason_new.code()))
        .collect();
    assert_eq!(
        starts,
        vec![(common::d(2024, 1, 1), "S"), (common::d(2024, 6, 1), "L")]
    );
    assert!(
        records
            .cla_episodes
            .iter()
            .all(|e| e.legal_status == sightline_model::codes::LegalStatus::C2)
    );
    assert_eq!(records.visits[0].date, common::d(2025, 2, 3));
}

#[test]
fn workbook_errors_name_sheet_row_heading_and_value() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annex.xlsx");
    council_workbook(&path, "Z9");
    let err = annex_a::read(std::slice::from_ref(&path))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "{} sheet 'List 8' row 4: field Child's Legal Status: not a LegalStatus code (value 'Z9')",
            path.display()
        )
    );
}
