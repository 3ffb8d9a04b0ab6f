//! Files are recognised by content, never by name: a whole extract, renamed to nonsense and with
//! columns shuffled, is detected exactly as it was written.

mod common;

use std::path::{Path, PathBuf};

use common::{fixture, spec};
use sightline_formats::{
    DetectedFile, Format, FormatError, detect, group_by_format, read_group, write_extract,
};

/// Rewrites a CSV with its columns in reverse order.
fn reverse_columns(from: &Path, to: &Path) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(from)
        .unwrap();
    let mut writer = csv::Writer::from_path(to).unwrap();
    for record in reader.records() {
        let record = record.unwrap();
        writer.write_record(record.iter().rev()).unwrap();
    }
    writer.flush().unwrap();
}

fn table_of(found: &[DetectedFile], path: &Path) -> (Format, String) {
    let f = found.iter().find(|f| f.path == path).unwrap();
    (f.format, f.table.clone())
}

#[test]
fn a_renamed_shuffled_extract_is_detected_by_content() {
    let out = tempfile::tempdir().unwrap();
    let written = write_extract(out.path(), &fixture(), &spec(), None).unwrap();
    for format in Format::ALL {
        assert!(
            written.iter().any(|(f, _)| *f == format),
            "{format:?} written"
        );
    }
    let by_name = detect(&[out.path().to_path_buf()]).unwrap();
    assert_eq!(by_name.len(), written.len());
    for (format, path) in &written {
        assert_eq!(table_of(&by_name, path).0, *format, "{}", path.display());
    }

    // Copy everything into one nested folder under meaningless names; CSVs get their columns
    // reversed. A hidden file of junk sits beside them and must be skipped.
    let mixed = tempfile::tempdir().unwrap();
    std::fs::create_dir(mixed.path().join("sub")).unwrap();
    std::fs::write(mixed.path().join(".DS_Store"), b"\x00\x01junk").unwrap();
    let mut expected = Vec::new();
    for (i, (_, path)) in written.iter().enumerate() {
        let folder = if i % 2 == 0 {
            mixed.path().to_path_buf()
        } else {
            mixed.path().join("sub")
        };
        let renamed = folder.join(format!("blob{i:03}.dat"));
        if path.extension().is_some_and(|e| e == "csv") {
            reverse_columns(path, &renamed);
        } else {
            std::fs::copy(path, &renamed).unwrap();
        }
        expected.push((renamed, table_of(&by_name, path)));
    }
    let found = detect(&[mixed.path().to_path_buf()]).unwrap();
    assert_eq!(found.len(), expected.len(), "the hidden file is skipped");
    for (renamed, (format, table)) in &expected {
        assert_eq!(
            table_of(&found, renamed),
            (*format, table.clone()),
            "{}",
            renamed.display()
        );
    }
    // Sorted: files of the top folder by name, then the sub-folder's (`blob...` < `sub`).
    let order: Vec<&PathBuf> = found.iter().map(|f| &f.path).collect();
    let mut sorted = order.clone();
    sorted.sort_by_key(|p| {
        (
            p.parent() != Some(mixed.path()),
            p.file_name().map(|n| n.to_owned()),
        )
    });
    assert_eq!(order, sorted);

    // The SSD group still reads back losslessly after renaming and shuffling.
    let groups = group_by_format(&found);
    let (_, ssd_files) = groups.iter().find(|(f, _)| *f == Format::Ssd).unwrap();
    assert_eq!(read_group(Format::Ssd, ssd_files).unwrap(), fixture());
}

#[test]
fn tables_are_named_as_the_contract_says() {
    let out = tempfile::tempdir().unwrap();
    write_extract(out.path(), &fixture(), &spec(), None).unwrap();
    let found = detect(&[out.path().to_path_buf()]).unwrap();
    let tables: Vec<(Format, &str)> = found.iter().map(|f| (f.format, f.table.as_str())).collect();
    assert!(tables.contains(&(Format::Ssd, "ssd_contacts")));
    assert!(tables.contains(&(Format::Ssd, "ssdx_core_groups")));
    assert!(tables.contains(&(Format::Ssda903, "episodes")));
    assert!(tables.contains(&(Format::CinCensus, "cin_census")));
    assert!(tables.contains(&(Format::AnnexA, "workbook")));

    let lists = tempfile::tempdir().unwrap();
    let csvs = sightline_formats::annex_a::write_csv(lists.path(), &fixture(), &spec()).unwrap();
    let found = detect(&csvs).unwrap();
    let names: Vec<&str> = found.iter().map(|f| f.table.as_str()).collect();
    assert_eq!(
        names,
        (1..=11)
            .map(|n| format!("list_{n}"))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    );
}

#[test]
fn annex_a_csv_headings_are_matched_loosely() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x");
    std::fs::write(
        &path,
        "\u{feff}DATE OF CONTACT ,  child unique id,Age,Gender,Ethnicity,Date of Birth,Contact Source)\r\n\
         01/10/2024,C9,5,b),q) CHNE,02/02/2019,3B\r\n",
    )
    .unwrap();
    let found = detect(std::slice::from_ref(&path)).unwrap();
    assert_eq!(
        (found[0].format, found[0].table.as_str()),
        (Format::AnnexA, "list_1")
    );
    let records = read_group(Format::AnnexA, &[path]).unwrap();
    assert_eq!(records.contacts.len(), 1);
    assert_eq!(records.contacts[0].date, common::d(2024, 10, 1));
    assert_eq!(
        records.children[0].ethnicity,
        sightline_model::codes::Ethnicity::CHNE
    );
}

fn message(err: FormatError) -> String {
    err.to_string()
}

#[test]
fn an_unrecognised_file_is_named_with_what_was_tried() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "Minutes of the children's scrutiny panel\nItem 1\n").unwrap();
    let err = message(detect(&[dir.path().to_path_buf()]).unwrap_err());
    assert_eq!(
        err,
        format!(
            "{}: not a recognised statutory file: tried SSDA903 CSV (by its columns), CIN census XML \
             (a <Message> root with CIN content), Ofsted Annex A (an xlsx workbook with list \
             headings, or a list CSV) and Standard Safeguarding Dataset CSV (by its table's columns)",
            notes.display()
        )
    );

    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let err = message(detect(std::slice::from_ref(&empty)).unwrap_err());
    assert!(
        err.starts_with(&format!("{}: empty file", empty.display())),
        "{err}"
    );

    let missing = dir.path().join("absent");
    assert!(matches!(detect(&[missing]), Err(FormatError::Io { .. })));
}

#[test]
fn a_workbook_without_lists_is_not_annex_a() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("budget.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook
        .add_worksheet()
        .write_string(0, 0, "Budget line")
        .unwrap();
    workbook.save(&path).unwrap();
    let err = message(detect(std::slice::from_ref(&path)).unwrap_err());
    assert!(
        err.contains("a spreadsheet with no Annex A list sheet"),
        "{err}"
    );
}
