//! Annex A is lossy by nature, so its round trip is checked on what it carries: the lists written
//! from the records read back equal the lists written from the original, on every carried column.
//! The workbook and the CSVs must read back to the same records.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{fixture, spec};
use sightline_formats::annex_a::{self, AnnexAList};

/// Every list CSV in `dir`, by list number: headings and rows as text.
fn read_lists(files: &[PathBuf]) -> BTreeMap<u8, (Vec<String>, Vec<Vec<String>>)> {
    let mut out = BTreeMap::new();
    for file in files {
        let mut reader = csv::Reader::from_path(file).unwrap();
        let headings: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        let list = AnnexAList::all()
            .find(|l| l.headings().map(str::to_owned).collect::<Vec<_>>() == headings)
            .unwrap();
        out.insert(list.number(), (headings, rows));
    }
    out
}

/// The carried columns of every row of a list, sorted (row order follows record order, which a
/// lossy reader may change for records merged from two lists).
fn carried(list: u8, headings: &[String], rows: &[Vec<String>]) -> Vec<Vec<String>> {
    let list = AnnexAList::from_number(list).unwrap();
    let keep: Vec<usize> = list
        .carried_headings()
        .map(|h| headings.iter().position(|x| x == h).unwrap())
        .collect();
    let mut out: Vec<Vec<String>> = rows
        .iter()
        .map(|r| keep.iter().map(|i| r[*i].clone()).collect())
        .collect();
    out.sort();
    out
}

fn write_csv(dir: &Path, records: &sightline_model::CaseRecords) -> Vec<PathBuf> {
    annex_a::write_csv(dir, records, &spec()).unwrap()
}

#[test]
fn lists_written_from_what_was_read_match_on_every_carried_column() {
    let original = fixture();
    let first = tempfile::tempdir().unwrap();
    let files = write_csv(first.path(), &original);
    assert_eq!(files.len(), 11);
    let back = annex_a::read(&files).unwrap();

    let second = tempfile::tempdir().unwrap();
    let again = write_csv(second.path(), &back);
    let before = read_lists(&files);
    let after = read_lists(&again);
    for (number, (headings, rows)) in &before {
        let list = AnnexAList::from_number(*number).unwrap();
        if list.carried_headings().count() == 0 {
            continue;
        }
        let (headings_after, rows_after) = &after[number];
        assert_eq!(
            carried(*number, headings_after, rows_after),
            carried(*number, headings, rows),
            "list {number} ({})",
            list.name()
        );
    }
}

#[test]
fn workbook_and_csvs_read_back_to_the_same_records() {
    let original = fixture();
    let csv_dir = tempfile::tempdir().unwrap();
    let from_csv = annex_a::read(&write_csv(csv_dir.path(), &original)).unwrap();
    let xlsx_dir = tempfile::tempdir().unwrap();
    let workbook = annex_a::write(xlsx_dir.path(), &original, &spec()).unwrap();
    assert_eq!(workbook, vec![xlsx_dir.path().join("annex_a.xlsx")]);
    let from_xlsx = annex_a::read(&workbook).unwrap();
    assert_eq!(from_xlsx, from_csv);
}

/// Row values of one list, by heading, for the child given.
fn row_of(
    lists: &BTreeMap<u8, (Vec<String>, Vec<Vec<String>>)>,
    list: u8,
    child: &str,
) -> BTreeMap<String, String> {
    let (headings, rows) = &lists[&list];
    let row = rows.iter().find(|r| r[0] == child).unwrap();
    headings.iter().cloned().zip(row.iter().cloned()).collect()
}

#[test]
fn lists_hold_what_the_guidance_says_worked_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let lists = read_lists(&write_csv(dir.path(), &fixture()));
    let count = |n: u8| lists[&n].1.len();
    // Extract date 31/03/2025: the 6-month window opens 30/09/2024.
    // Contacts K1, K2, K3, K5 (K4 is from March 2024).
    assert_eq!(count(1), 4);
    // EH1 started in the window; EH2 closed in 2023.
    assert_eq!(count(2), 1);
    // Referrals R1, R2, R3; R4 is from 2023.
    assert_eq!(count(3), 3);
    // CIN: R1 and R2 (R3 ended in no further action, R4 closed in 2023).
    assert_eq!(count(6), 2);
    // CP1 is open; CP2 ended in 2023.
    assert_eq!(count(7), 1);
    // C002 looked after now, C005 adopted in December; C006's short break is excluded.
    assert_eq!(count(8), 2);
    // Care leavers C004 and C002 (latest record each).
    assert_eq!(count(9), 2);
    // PM1 adopted in the last 12 months, PM2 reversed; PM3 is a special guardianship order.
    assert_eq!(count(10), 2);
    // PM1's two adopters (a male and female couple).
    assert_eq!(count(11), 2);

    let contact = row_of(&lists, 1, "C001");
    assert_eq!(contact["Gender"], "a) Male");
    assert_eq!(contact["Ethnicity"], "a) WBRI");
    assert_eq!(contact["Date of Birth"], "14/05/2012");
    assert_eq!(contact["Age of Child (Years)"], "12");
    assert_eq!(contact["Date of Contact"], "01/10/2024");
    assert_eq!(contact["Contact Source"], "e) 2A Schools");
    assert_eq!(
        row_of(&lists, 1, "C002")["Contact Source"],
        "5D LA early help"
    );
    assert_eq!(
        row_of(&lists, 1, "C003")["Gender"],
        "c) Not stated/recorded"
    );
    assert_eq!(row_of(&lists, 1, "C003")["Ethnicity"], "t) NOBT");
    assert_eq!(row_of(&lists, 1, "C003")["Age of Child (Years)"], "");

    let referral = row_of(&lists, 3, "C001");
    assert_eq!(referral["Referral NFA?"], "b) No");
    // R4 (05/01/2023) is more than 12 months before R1 (02/10/2024).
    assert_eq!(referral["Number of Referrals in Last 12 Months"], "0");
    assert_eq!(referral["Allocated Team"], "Assessment Team North");
    assert_eq!(referral["Allocated Worker"], "SW01");

    let s47 = row_of(&lists, 5, "C001");
    assert_eq!(
        s47["Was an Initial Child Protection Conference deemed unnecessary?"],
        "b) No"
    );
    assert_eq!(
        s47["Date of Initial Child Protection Conference"],
        "12/11/2024"
    );
    assert_eq!(
        s47["Did the Initial Child Protection Conference Result in a Child Protection Plan"],
        "a) Yes"
    );

    let cin = row_of(&lists, 6, "C001");
    assert_eq!(cin["Case Status"], "b) Child protection plan");
    // V4 (10/01/2025) is the latest visit where the child was seen.
    assert_eq!(cin["Date Child Was Last Seen"], "10/01/2025");
    assert_eq!(
        row_of(&lists, 6, "C002")["Case Status"],
        "a) Looked after child"
    );

    let cp = row_of(&lists, 7, "C001");
    assert_eq!(cp["Initial Category of Abuse"], "Neglect");
    assert_eq!(cp["Latest Category of Abuse"], "Emotional abuse");
    assert_eq!(cp["Date of the Last Statutory Visit"], "10/01/2025");
    assert_eq!(cp["Was the Child Seen Alone?"], "b) No");
    assert_eq!(cp["Date of latest review conference"], "10/02/2025");
    assert_eq!(cp["Number of Previous Child Protection Plans"], "1");

    let cla = row_of(&lists, 8, "C002");
    assert_eq!(cla["Date Started to be Looked After"], "01/03/2023");
    assert_eq!(cla["Start date of current legal status"], "01/06/2024");
    assert_eq!(cla["Child's Legal Status"], "C2");
    // The children's home placement began on 10/01/2024 (E3); E4 changed only the legal status.
    assert_eq!(cla["Start Date of Most Recent Placement"], "10/01/2024");
    assert_eq!(cla["Number of Placements in the Last 12 months"], "1");
    assert_eq!(cla["Placement Type"], "K2");
    assert_eq!(cla["Placement Provider"], "PR4");
    assert_eq!(cla["Placement postcode"], "LS1 1AA");
    assert_eq!(cla["URN of Placement"], "SC123456");
    assert_eq!(cla["Placement Location"], "Out of area");
    assert_eq!(cla["LA of Placement"], "383");
    assert_eq!(cla["Date of Latest Statutory Review"], "01/12/2024");
    // V5 (15/02/2025) did not see the child, so V2 (15/12/2024) is the last visit.
    assert_eq!(cla["Date of Last Social Work Visit"], "15/12/2024");
    assert_eq!(
        cla["Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"],
        "Y"
    );
    assert_eq!(
        cla["Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"],
        "1"
    );
    assert_eq!(
        cla["Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months"],
        "1"
    );
    assert_eq!(
        cla["Was the child offered a Return Interview after their last missing episode (Y/N)?"],
        "Y"
    );
    assert_eq!(cla["Date Ceased to be Looked After"], "");
    assert_eq!(cla["Allocated Team"], "Children in Care");
    let adopted = row_of(&lists, 8, "C005");
    assert_eq!(adopted["Date Ceased to be Looked After"], "20/12/2024");
    assert_eq!(adopted["Reason Ceased to be Looked After"], "E11");
    assert_eq!(adopted["Start date of current legal status"], "01/05/2023");

    let leaver = row_of(&lists, 9, "C004");
    assert_eq!(leaver["LA in Touch"], "YES");
    assert_eq!(leaver["Type of Accommodation"], "Z");
    assert_eq!(leaver["Suitability of Accommodation"], "Not suitable");
    assert_eq!(leaver["Activity Status"], "G5");
    assert_eq!(leaver["Allocated Personal Advisor"], "PA01");
    assert_eq!(leaver["Latest Pathway Plan Review Date"], "01/12/2024");

    let adoption = row_of(&lists, 10, "C005");
    assert_eq!(adoption["Family identifier"], "PM1");
    assert_eq!(adoption["Date the Child Entered Care"], "01/02/2020");
    assert_eq!(adoption["Date of Adoption Order"], "20/12/2024");
    assert_eq!(
        row_of(&lists, 10, "C002")["Reason Why Child No Longer Placed for Adoption"],
        "RD3"
    );

    let (headings, adopters) = &lists[&11];
    let gender = headings.iter().position(|h| h == "Gender").unwrap();
    let genders: Vec<&str> = adopters.iter().map(|r| r[gender].as_str()).collect();
    assert_eq!(genders, vec!["a) Male", "b) Female"]);
}

#[test]
fn records_read_back_carry_the_list_values() {
    let dir = tempfile::tempdir().unwrap();
    let back = annex_a::read(&write_csv(dir.path(), &fixture())).unwrap();
    // One child per id across all lists.
    let mut ids: Vec<&str> = back.children.iter().map(|c| c.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, vec!["C001", "C002", "C003", "C004", "C005", "C006"]);
    // C002's list 8 row becomes three episodes: care began, placement moved, order changed.
    let starts: Vec<String> = back
        .cla_episodes
        .iter()
        .filter(|e| e.child.as_str() == "C002")
        .map(|e| format!("{} {}", e.start, e.reason_new.code()))
        .collect();
    assert_eq!(starts, vec!["2023-03-01 S", "2024-01-10 P", "2024-06-01 L"]);
    // Assessments are attached to the child's referral read from list 3.
    let a = back
        .assessments
        .iter()
        .find(|a| a.child.as_str() == "C001")
        .unwrap();
    let r = back.referrals.iter().find(|r| r.id == a.referral).unwrap();
    assert_eq!(r.date, common::d(2024, 10, 2));
    // List 6 completed the list 3 referral rather than adding a second one.
    assert_eq!(back.referrals.len(), 3);
    assert_eq!(
        r.primary_need,
        Some(sightline_model::codes::PrimaryNeed::N1)
    );
}
