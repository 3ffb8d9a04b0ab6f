//! The SSDA903 children-looked-after return: one CSV per table, read and written.
//!
//! # Reading
//! Two stages. [`read_tables`] parses each file into lenient typed rows ([`Ssda903Tables`]):
//! every field is a [`Cell`] (value, blank, or the invalid text verbatim) and every row keeps its
//! file, data row number and line, so validation rules can report bad data where it is. Tables
//! are recognised by their column set ([`sniff`]), never by file name. [`read`] then maps the rows
//! strictly into [`CaseRecords`], failing on the first invalid value with the file, line (the
//! header is line 1), column and value.
//!
//! # Writing
//! [`write`] writes the return for the collection year `spec.collection_year_ending` (1 April to
//! 31 March) to `dir/<table>.csv`. What goes in:
//! - a child is in the return when looked after at any time in the year (an episode overlapping
//!   it) or when a care-leaver (OC3) record falls on their 17th-21st birthday in the year; the
//!   Header has one row for each such child;
//! - every episode open at any time in the year, whole, with `DECOM` as recorded; `DEC`, `REC`
//!   and `REASON_PLACE_CHANGE` stay blank when the episode had not ended by 31 March;
//! - reviews and missing periods of the year (end dates after 31 March left blank; no reviews
//!   for children on short breaks only); social worker episodes overlapping the year, for
//!   children looked after on 31 March, allocations to workers whose role is not social worker
//!   (personal advisers, early help) left out; OC2 for children looked after continuously
//!   through the year (the DfE tool's test) with an outcome record for that year; OC3 for the
//!   care-leaver record of the 17th-21st birthday falling in the year, except a 17th or 18th
//!   birthday the young person was still looked after on (rules 1007, 1016); AD1 for children
//!   whose episode ended E11/E12 in the year; PlacedAdoption for decisions made by the year end
//!   and not reversed before it; PrevPerm for children starting a period of care (RNE S) in the
//!   year (the child's latest previous-permanence record); UASC for looked-after children with
//!   a UASC status;
//! - format rules are applied as written: dates `dd/mm/yyyy`, sex `M/F/U`, postcodes
//!   normalised, no `PLACE_PROVIDER` on temporary placements, no postcodes or URN on short
//!   breaks (V3/V4), no URN for placement types that take none, `MOTHER` only for looked-after
//!   girls (and `0` when the first child was born after the year end or after she left care). `PL_DISTANCE`/`PL_LA` are derived by the DfE tool and are not columns.
//!
//! [`write_with_faults`] does the same with recording errors injected (see [`crate::faults`]).

// `FormatError` (error.rs) is larger than clippy's 128-byte threshold; whether to box it is a
// crate-wide decision, so the lint is silenced here rather than worked around per function.
#![allow(clippy::result_large_err)]

mod cell;
mod fast_map;
mod inject;
mod lenient;
mod strict;
mod tables;
mod write;

use std::path::{Path, PathBuf};

use sightline_model::CaseRecords;

use crate::faults::{FaultSpec, InjectedFault};
use crate::{ExtractSpec, FormatError};

pub use cell::{
    Cell, format_dmy, format_ymd, looks_like_postcode, looks_like_upn, parse_count, parse_dmy,
    parse_flag, parse_xml_bool, parse_ymd,
};
pub(crate) use fast_map::FastMap;
pub use lenient::{
    Ad1Row, EpisodeRow, HeaderRow, MissingRow, Oc2Row, Oc3Row, PlacedForAdoptionRow,
    PreviousPermanenceRow, ReviewRow, RowRef, Ssda903Tables, SwEpisodeRow, UascRow, UpnField,
    format_partial_date, legacy_sex_code, parse_partial_date, parse_tables, read_tables, sex_code,
};
pub use strict::to_records;
pub(crate) use tables::BOM;
pub use tables::{Ssda903Table, sniff};
pub(crate) use write::Year;

/// Writes the 903 return for `spec.collection_year_ending` into `dir` (created if needed), one
/// `<table>.csv` per table, every table written even when empty. Returns the paths written.
pub fn write(
    dir: &Path,
    records: &CaseRecords,
    spec: &ExtractSpec,
) -> Result<Vec<PathBuf>, FormatError> {
    let tables = write::build(records, spec)?;
    write::serialise(dir, &tables)
}

/// As [`write`], with recording errors injected; returns the paths and the faults injected.
pub fn write_with_faults(
    dir: &Path,
    records: &CaseRecords,
    spec: &ExtractSpec,
    faults: &FaultSpec,
) -> Result<(Vec<PathBuf>, Vec<InjectedFault>), FormatError> {
    let mut tables = write::build(records, spec)?;
    let injected = inject::inject(&mut tables, faults);
    let paths = write::serialise(dir, &tables)?;
    Ok((paths, injected))
}

/// Reads the files of one 903 return into the case model (children from the Header, episodes,
/// reviews, ...). The collection year, needed for OC2 and OC3, is inferred from the latest date
/// in the files; use [`read_for_year`] when it is known.
pub fn read(files: &[PathBuf]) -> Result<CaseRecords, FormatError> {
    to_records(&read_tables(files)?, None)
}

/// As [`read`], for a known collection year (named by its ending year).
pub fn read_for_year(
    files: &[PathBuf],
    collection_year_ending: i32,
) -> Result<CaseRecords, FormatError> {
    to_records(&read_tables(files)?, Some(collection_year_ending))
}
