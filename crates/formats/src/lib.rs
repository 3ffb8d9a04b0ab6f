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
//! **Invariant:** no reader panics on input. Bad input becomes a [`FormatError`] naming the file,
//! the line or element path, the field and the value.

pub mod annex_a;
pub mod cin;
mod error;
pub mod faults;
pub mod ssd;
pub mod ssda903;

pub use error::{FormatError, Location};

use chrono::NaiveDate;
use sightline_model::Council;

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
    pub const ALL: [Format; 4] = [Format::Ssd, Format::Ssda903, Format::CinCensus, Format::AnnexA];

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
