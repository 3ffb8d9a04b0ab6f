//! Readers and writers for the statutory formats councils already produce.
//!
//! - [`ssda903`]: the children-looked-after return, one CSV per table (2025-26 collection).
//! - [`cin`]: the Children in Need census, one XML file per collection year.
//! - [`annex_a`]: Ofsted's Annex A lists 1-11, as an xlsx workbook or one CSV per list.
//! - [`ssd`]: the Standard Safeguarding Dataset, one CSV per table.
//!
//! Readers map files into [`sightline_model::CaseRecords`]; writers do the reverse. Formats are
//! recognised from content (column sets, XML root), never only from file names.
//!
//! The top level ties them together: [`detect`] recognises files and folders by content,
//! [`group_by_format`] and [`read_group`] read each format's files into records, and
//! [`write_extract`] writes a whole extract in every format.
//!
//! **Invariant:** no reader panics on input. Bad input becomes a [`FormatError`] naming the file,
//! the line or element path, the field and the value.
//!
//! # Example
//! ```
//! use sightline_formats::{ExtractSpec, Format, detect, read_group, write_extract};
//! use sightline_model::{CaseRecords, Council, NaiveDate, ids::LaCode};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let spec = ExtractSpec {
//!     council: Council { la_code: LaCode(382), name: "Kirklees".into() },
//!     extract_date: NaiveDate::from_ymd_opt(2025, 3, 31).unwrap(),
//!     collection_year_ending: 2025,
//! };
//! let written = write_extract(dir.path(), &CaseRecords::default(), &spec, None).unwrap();
//! assert!(written.iter().any(|(format, _)| *format == Format::Ssd));
//!
//! let found = detect(&[dir.path().join("ssd")]).unwrap();
//! assert!(found.iter().all(|f| f.format == Format::Ssd));
//! let files: Vec<_> = found.into_iter().map(|f| f.path).collect();
//! assert_eq!(read_group(Format::Ssd, &files).unwrap(), CaseRecords::default());
//! ```

// Every error carries the file, the place, the field and the value by design; an error ends a
// read, so its size never weighs on the row-by-row path.
#![allow(clippy::result_large_err)]

pub mod annex_a;
pub mod cin;
mod error;
pub mod faults;
pub mod ssd;
pub mod ssda903;

pub use error::{FormatError, Location};

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sightline_model::{CaseRecords, Council};

/// A statutory file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// SSDA903 children-looked-after CSV tables.
    Ssda903,
    /// CIN census XML.
    CinCensus,
    /// Ofsted Annex A lists.
    AnnexA,
    /// Standard Safeguarding Dataset CSV tables.
    Ssd,
}

impl Format {
    /// Every format, in the order the demo writes them.
    pub const ALL: [Format; 4] = [
        Format::Ssd,
        Format::Ssda903,
        Format::CinCensus,
        Format::AnnexA,
    ];

    /// Stable lower-case name used in the store, the CLI and folder names.
    pub fn name(self) -> &'static str {
        match self {
            Format::Ssda903 => "ssda903",
            Format::CinCensus => "cin",
            Format::AnnexA => "annex_a",
            Format::Ssd => "ssd",
        }
    }

    /// Parses [`Format::name`].
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// What a writer needs to know beyond the records: whose extract it is and which period it covers.
#[derive(Clone, Debug)]
pub struct ExtractSpec {
    /// The council.
    pub council: Council,
    /// Date the extract was taken; Annex A lists look back from it.
    pub extract_date: NaiveDate,
    /// The DfE collection year the 903 and CIN census cover, named by its ending year
    /// (2026 = 1 April 2025 to 31 March 2026).
    pub collection_year_ending: i32,
}

/// A file recognised by [`detect`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetectedFile {
    /// The file.
    pub path: PathBuf,
    /// Its format.
    pub format: Format,
    /// What it holds within the format: the 903 table (`episodes`), the SSD table
    /// (`ssd_contacts`), the Annex A list (`list_1`) or `workbook`, or `cin_census`.
    pub table: String,
}

/// What [`detect`] tries, for the message about a file it does not recognise.
const FORMATS_TRIED: &str = "tried SSDA903 CSV (by its columns), CIN census XML (a <Message> root \
     with CIN content), Ofsted Annex A (an xlsx workbook with list headings, or a list CSV) and \
     Standard Safeguarding Dataset CSV (by its table's columns)";

/// Recognises every file under `paths` from its content (header row, XML root, workbook sheet
/// headings), never from its name. Each path is a file or a folder; folders are searched
/// recursively in name order, skipping hidden entries (names starting with `.`) and links to
/// folders. A file that is not one of the four formats is an error naming it and what was tried.
pub fn detect(paths: &[PathBuf]) -> Result<Vec<DetectedFile>, FormatError> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| FormatError::Io {
            file: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            collect_files(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    files.iter().map(|f| detect_file(f)).collect()
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), FormatError> {
    let io_error = |source| FormatError::Io {
        file: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<std::fs::DirEntry> = std::fs::read_dir(dir)
        .map_err(io_error)?
        .collect::<Result<_, _>>()
        .map_err(io_error)?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type().map_err(io_error)?;
        if kind.is_dir() {
            collect_files(&path, out)?;
        } else if kind.is_file() {
            out.push(path);
        } else if kind.is_symlink() && std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            // Links to files are followed; links to folders are not, so a loop cannot recur.
            out.push(path);
        }
    }
    Ok(())
}

fn unrecognised(path: &Path, what: &str) -> FormatError {
    FormatError::Malformed {
        file: path.to_path_buf(),
        location: Location::File,
        message: format!("{what}: {FORMATS_TRIED}"),
    }
}

/// Recognises one file.
fn detect_file(path: &Path) -> Result<DetectedFile, FormatError> {
    let head = ssd::read_head(path)?;
    let found = |format: Format, table: String| DetectedFile {
        path: path.to_path_buf(),
        format,
        table,
    };
    if head.iter().all(u8::is_ascii_whitespace) {
        return Err(unrecognised(
            path,
            "empty file, not a recognised statutory file",
        ));
    }
    if annex_a::is_spreadsheet(&head) {
        return match annex_a::sniff_workbook(path) {
            Some(_) => Ok(found(Format::AnnexA, "workbook".into())),
            None => Err(unrecognised(
                path,
                "a spreadsheet with no Annex A list sheet",
            )),
        };
    }
    if cin::sniff(&head) {
        return Ok(found(Format::CinCensus, "cin_census".into()));
    }
    if let Some(table) = ssd::sniff(&head) {
        return Ok(found(Format::Ssd, table.name().into()));
    }
    if let Some(table) = ssda903::sniff(&head) {
        let stem = table.file_name().trim_end_matches(".csv");
        return Ok(found(Format::Ssda903, stem.into()));
    }
    if let Some(list) = annex_a::sniff(&head) {
        return Ok(found(Format::AnnexA, list.table()));
    }
    Err(unrecognised(path, "not a recognised statutory file"))
}

/// Groups detected files by format, in [`Format::ALL`] order, keeping each group's file order.
pub fn group_by_format(files: &[DetectedFile]) -> Vec<(Format, Vec<PathBuf>)> {
    Format::ALL
        .into_iter()
        .map(|format| {
            let paths: Vec<PathBuf> = files
                .iter()
                .filter(|f| f.format == format)
                .map(|f| f.path.clone())
                .collect();
            (format, paths)
        })
        .filter(|(_, paths)| !paths.is_empty())
        .collect()
}

/// Reads the files of one format into records with that format's reader.
pub fn read_group(format: Format, files: &[PathBuf]) -> Result<CaseRecords, FormatError> {
    match format {
        Format::Ssda903 => ssda903::read(files),
        Format::CinCensus => cin::read(files),
        Format::AnnexA => annex_a::read(files),
        Format::Ssd => ssd::read(files),
    }
}

/// Writes a whole extract under `dir`: `ssd/*.csv`, `ssda903/*.csv`, `cin/*.xml` and
/// `annex_a/annex_a.xlsx` (the CSV-per-list alternative is [`annex_a::write_csv`]). With
/// `faults`, recording errors are injected into the 903 and CIN files only (the SSD is the
/// clean snapshot source; Annex A is derived). Returns every file written with its format.
pub fn write_extract(
    dir: &Path,
    records: &CaseRecords,
    spec: &ExtractSpec,
    faults: Option<&faults::FaultSpec>,
) -> Result<Vec<(Format, PathBuf)>, FormatError> {
    write_extract_with_faults(dir, records, spec, faults).map(|written| written.files)
}

/// What [`write_extract_with_faults`] wrote.
#[derive(Debug)]
pub struct WrittenExtract {
    /// Every file written, with its format, in [`Format::ALL`] order.
    pub files: Vec<(Format, PathBuf)>,
    /// The recording errors injected into the 903 and CIN files (empty without faults).
    pub faults: Vec<faults::InjectedFault>,
}

/// As [`write_extract`], also returning the recording errors injected into the 903 and CIN files.
pub fn write_extract_with_faults(
    dir: &Path,
    records: &CaseRecords,
    spec: &ExtractSpec,
    faults: Option<&faults::FaultSpec>,
) -> Result<WrittenExtract, FormatError> {
    let mut written = Vec::new();
    let mut injected = Vec::new();
    for format in Format::ALL {
        let sub = dir.join(format.name());
        let paths = match (format, faults) {
            (Format::Ssd, _) => ssd::write(&sub, records, spec)?,
            (Format::AnnexA, _) => annex_a::write(&sub, records, spec)?,
            (Format::Ssda903, None) => ssda903::write(&sub, records, spec)?,
            (Format::CinCensus, None) => cin::write(&sub, records, spec)?,
            (Format::Ssda903, Some(f)) => {
                let (paths, faults) = ssda903::write_with_faults(&sub, records, spec, f)?;
                injected.extend(faults);
                paths
            }
            (Format::CinCensus, Some(f)) => {
                let (paths, faults) = cin::write_with_faults(&sub, records, spec, f)?;
                injected.extend(faults);
                paths
            }
        };
        written.extend(paths.into_iter().map(|p| (format, p)));
    }
    Ok(WrittenExtract {
        files: written,
        faults: injected,
    })
}
