//! Ofsted's ILACS Annex A: lists 1 to 11 of children (and adopters) that a council sends before
//! an inspection, as an xlsx workbook with one sheet per list, or as one CSV per list.
//!
//! **Writing** selects from the model what each list covers, looking back from
//! [`ExtractSpec::extract_date`] (inclusive windows): list 1 contacts, 3 referrals, 4 assessments
//! and 5 section 47 enquiries dated in the last 6 months; 2 early help started in the last 6
//! months or open at the extract date; 6 CIN episodes (referrals not ending in no further action)
//! open at any time in the last 6 months; 7 CP plans open then; 8 children looked after at the
//! extract date or who left care in the last 6 months (one row per child, latest period of care,
//! short breaks excluded); 9 care leavers (latest 903 care leaver record per young person); 10
//! adoption decisions still open or concluded in the last 12 months; 11 adopters from the 903
//! adopter details held on permanence records (enquiry, stage and approval dates are not in the
//! model and stay blank). Columns the model cannot fill (permanence plan, IRO visit, health and
//! dental checks, eligibility category...) are left blank.
//!
//! Category columns use the template's lettered form: `a) Male`, `b) Female`,
//! `c) Not stated/recorded`; `a) WBRI` ... `t) NOBT`; sources `a) 1A Individual - family/relative/carer`
//! ... `u) 10 Unknown` (5D, which postdates the template, is `5D LA early help`); `a) Yes`/`b) No`
//! (and `c) Unknown` for disability); `Y`/`N` under headings marked `(Y/N)`; DfE codes (`N1`,
//! `C2`, `U4`, `RC1`, `RD1`...) bare; categories of abuse by name (`Neglect`). Dates are Excel
//! dates shown `dd/mm/yyyy` in the workbook and `dd/mm/yyyy` text in CSV.
//!
//! **Reading** recognises each list by its header row (in a workbook, within the first ten rows
//! of each sheet; other sheets are skipped), whatever the column order, with headings matched
//! ignoring case, spacing and punctuation (`Age` stands for `Age of Child (Years)`). Category
//! cells accept the lettered form, the letter alone, the bare code or a plain word in any case;
//! dates accept Excel dates, Excel serial numbers and `dd/mm/yyyy` or `yyyy-mm-dd` text with or
//! without a time. Annex A is lossy by nature; what is carried back, and the defaults used for the
//! rest, are described in the reader (`annex_a/parse.rs`) and by [`AnnexAList::carried_headings`].
//! List 11 is recognised and skipped when reading: the model has no adopter records (it keeps
//! only the 903 adopter details on the child's permanence record, which list 11 cannot rebuild).

mod build;
mod categories;
mod io;
mod lists;
mod parse;

use std::path::{Path, PathBuf};

use sightline_model::CaseRecords;

use crate::{ExtractSpec, FormatError, Location};

/// The file name [`write`] gives the workbook.
pub const WORKBOOK_FILE: &str = "annex_a.xlsx";

/// One of the eleven Annex A lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnnexAList {
    number: u8,
}

impl AnnexAList {
    /// Every list, 1 to 11.
    pub fn all() -> impl Iterator<Item = AnnexAList> {
        lists::LISTS.iter().map(|l| AnnexAList { number: l.number })
    }

    /// The list with this number, if it is 1 to 11.
    pub fn from_number(number: u8) -> Option<AnnexAList> {
        (1..=11).contains(&number).then_some(AnnexAList { number })
    }

    fn spec(self) -> &'static lists::ListSpec {
        let index = usize::from(self.number.saturating_sub(1));
        lists::LISTS.get(index).copied().unwrap_or(&lists::LIST_1)
    }

    /// The list number, 1 to 11.
    pub fn number(self) -> u8 {
        self.number
    }

    /// The list's name, e.g. `Contacts`.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// A stable table name, e.g. `list_1`.
    pub fn table(self) -> String {
        format!("list_{}", self.number)
    }

    /// The column headings, in template order.
    pub fn headings(self) -> impl Iterator<Item = &'static str> {
        self.spec().columns.iter().map(|c| c.heading)
    }

    /// The headings whose values the reader carries back into the model (the rest are derived
    /// from other records when writing and ignored when reading).
    pub fn carried_headings(self) -> impl Iterator<Item = &'static str> {
        self.spec()
            .columns
            .iter()
            .filter(|c| c.usage != lists::Use::Derived)
            .map(|c| c.heading)
    }
}

/// Writes the workbook `dir/annex_a.xlsx` (the directory is created if needed).
pub fn write(
    dir: &Path,
    records: &CaseRecords,
    spec: &ExtractSpec,
) -> Result<Vec<PathBuf>, FormatError> {
    create_dir(dir)?;
    let path = dir.join(WORKBOOK_FILE);
    io::write_workbook(&path, &build::build(records, spec))?;
    Ok(vec![path])
}

/// Writes one CSV per list into `dir` (created if needed), named
/// `annex_a_list_<nn>_<name>.csv`.
pub fn write_csv(
    dir: &Path,
    records: &CaseRecords,
    spec: &ExtractSpec,
) -> Result<Vec<PathBuf>, FormatError> {
    create_dir(dir)?;
    build::build(records, spec)
        .iter()
        .map(|sheet| {
            let path = dir.join(io::csv_name(sheet.list));
            io::write_csv(&path, sheet).map(|()| path)
        })
        .collect()
}

fn create_dir(dir: &Path) -> Result<(), FormatError> {
    std::fs::create_dir_all(dir).map_err(|source| FormatError::Io {
        file: dir.to_path_buf(),
        source,
    })
}

/// Recognises an Annex A list CSV from its first bytes (the header row).
pub fn sniff(head: &[u8]) -> Option<AnnexAList> {
    let header = crate::ssd::table::header_of(head)?;
    lists::match_header(&header).map(|m| AnnexAList {
        number: m.list.number,
    })
}

/// Whether the first bytes are those of a spreadsheet container (xlsx/ods zip or legacy xls).
pub fn is_spreadsheet(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// The Annex A lists a workbook holds, recognised from the header rows of its sheets; `None`
/// when the file is not a readable workbook or none of its sheets is a list.
pub fn sniff_workbook(path: &Path) -> Option<Vec<AnnexAList>> {
    io::workbook_lists(path).map(|numbers| {
        numbers
            .into_iter()
            .map(|number| AnnexAList { number })
            .collect()
    })
}

/// Reads Annex A files (workbooks and/or list CSVs, recognised by content) into one set of
/// records.
pub fn read(files: &[PathBuf]) -> Result<CaseRecords, FormatError> {
    let mut tables = Vec::new();
    for file in files {
        let head = crate::ssd::read_head(file)?;
        if is_spreadsheet(&head) {
            tables.extend(io::read_workbook(file)?);
        } else if head.is_empty() {
            return Err(FormatError::Malformed {
                file: file.clone(),
                location: Location::File,
                message: "empty file: expected a header row".into(),
            });
        } else {
            tables.push(io::read_csv(file)?);
        }
    }
    parse::assemble(tables)
}
