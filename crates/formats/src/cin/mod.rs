//! The Children in Need census: one XML file per collection year, read and written.
//!
//! # Reading
//! Two stages. [`CinChildren`] (or [`stream_children`]) streams a file one `<Child>` at a time
//! into a lenient [`CinChild`] (values as [`Cell`]s, element paths and positions kept for
//! findings); memory is bounded by one child, not the file. [`read`] then maps each child
//! strictly into [`CaseRecords`], failing on the first invalid value with the file, the element
//! path (`Message/Children/Child[12]/CINdetails[1]/CINreferralDate`), the element and the value.
//! Element order is not enforced when reading (the DfE tool reads by name too); elements the
//! schema does not know are listed in [`CinChild::unexpected`].
//!
//! # Writing
//! [`write`] writes `dir/cin_census_<YYYY>.xml` for `spec.collection_year_ending`, elements in the
//! XSD sequence order, one child per line. What goes in:
//! - every CIN episode (referral) open at any time in the year, with the child's identifiers and
//!   characteristics (`Disability` `NONE` when none is recorded); children with no such episode
//!   are left out (rule 8590);
//! - within an episode, the assessments, CIN plans, S47 enquiries and CP plans that overlap the
//!   year, CP plan reviews held in the year, and the initial conference date of each S47;
//! - dates after the 31 March reference date had not happened yet, so closure, authorisation,
//!   plan end and conference dates later than it are left out (with the closure reason, and the
//!   assessment factors, which go with an authorisation, rule 8614); activity that finished
//!   before 1 April is left out;
//! - a child born after the reference date was unborn on it: `ExpectedPersonBirthDate` and sex
//!   `U` are written instead of the birth date and recorded sex;
//! - `ICPCnotRequired` is the negation of `icpc_required`; an episode-level `DateOfInitialCPC`
//!   comes from a transfer-in conference (or an initial conference with no S47).
//!
//! [`write_with_faults`] does the same with recording errors injected (see [`crate::faults`]).

// `FormatError` (error.rs) is larger than clippy's 128-byte threshold; whether to box it is a
// crate-wide decision, so the lint is silenced here rather than worked around per function.
#![allow(clippy::result_large_err)]

mod inject;
mod lenient;
mod stream;
mod strict;
mod write;

use std::path::{Path, PathBuf};

use sightline_model::CaseRecords;

use crate::faults::{FaultSpec, InjectedFault};
use crate::ssda903::BOM;
use crate::{ExtractSpec, FormatError};

pub use crate::ssda903::{Cell, format_ymd, parse_xml_bool, parse_ymd};
pub use lenient::{
    CinAssessment, CinChild, CinCpPlan, CinDetails, CinHeader, CinPlanDates, CinReview,
    CinSection47, Item,
};
pub use stream::{CinChildren, read_header, stream_children};

/// Writes the census for `spec.collection_year_ending` to `dir/cin_census_<YYYY>.xml` (the
/// folder is created if needed). Returns the path written.
pub fn write(
    dir: &Path,
    records: &CaseRecords,
    spec: &ExtractSpec,
) -> Result<Vec<PathBuf>, FormatError> {
    let (path, _) = write::write_census(dir, records, spec, None)?;
    Ok(vec![path])
}

/// As [`write`], with recording errors injected; returns the path and the faults injected.
pub fn write_with_faults(
    dir: &Path,
    records: &CaseRecords,
    spec: &ExtractSpec,
    faults: &FaultSpec,
) -> Result<(Vec<PathBuf>, Vec<InjectedFault>), FormatError> {
    let (path, injected) = write::write_census(dir, records, spec, Some(faults))?;
    Ok((vec![path], injected))
}

/// Whether the first bytes of a file are a CIN census: an XML document whose root is
/// `<Message>` with CIN content (`<Children>`, `<CINdetails>` or `<Collection>CIN`).
pub fn sniff(head: &[u8]) -> bool {
    let head = head.strip_prefix(BOM).unwrap_or(head);
    let text = String::from_utf8_lossy(head);
    let Some(root) = root_element(&text) else {
        return false;
    };
    root == "Message"
        && (text.contains("<Children")
            || text.contains("<CINdetails")
            || text.contains("<Collection>CIN"))
}

/// The name of the first element of an XML text, skipping the declaration, comments,
/// processing instructions and a doctype.
fn root_element(text: &str) -> Option<&str> {
    let mut rest = text.trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("<?") {
            rest = after.split_once("?>")?.1.trim_start();
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.split_once("-->")?.1.trim_start();
        } else if let Some(after) = rest.strip_prefix("<!") {
            rest = after.split_once('>')?.1.trim_start();
        } else {
            let after = rest.strip_prefix('<')?;
            let end = after
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(after.len());
            let name = after.get(..end)?;
            return Some(name.rsplit(':').next().unwrap_or(name));
        }
    }
}

/// Reads CIN census files into the case model (children, referrals, assessments, CIN plans,
/// S47 enquiries, conferences and CP plans), streaming each file.
pub fn read(files: &[PathBuf]) -> Result<CaseRecords, FormatError> {
    let mut records = CaseRecords::default();
    for file in files {
        let mut children = CinChildren::open(file)?;
        for child in children.by_ref() {
            strict::add_child(&child?, file, &mut records)?;
        }
        if let Some(header) = children.header() {
            strict::check_header(header, file)?;
        }
    }
    Ok(records)
}

/// Reads CIN census text from memory as [`read`] does; for tests and fuzzing.
pub fn read_bytes(bytes: &[u8], file: &Path) -> Result<CaseRecords, FormatError> {
    let mut records = CaseRecords::default();
    let mut children = CinChildren::from_reader(bytes, file);
    for child in children.by_ref() {
        strict::add_child(&child?, file, &mut records)?;
    }
    if let Some(header) = children.header() {
        strict::check_header(header, file)?;
    }
    Ok(records)
}
