//! Injection of realistic recording errors into written files, so that validation can be tested
//! against known faults.
//!
//! A writer builds its rows or elements as text, then asks for faults: each record (a 903 row, or
//! a record element of a CIN child such as a `CINdetails` or an `Assessments`) gets one recording
//! error with probability [`FaultSpec::rate`], chosen among the errors that make sense for it.
//! Everything is deterministic from [`FaultSpec::seed`] and the records, and every fault injected
//! is reported as an [`InjectedFault`] naming where it is. The format-specific mutations live
//! beside each writer (`ssda903/inject.rs`, `cin/inject.rs`); this module owns the vocabulary, the
//! random source and the bad values both formats use.

use chrono::{Datelike, Days, NaiveDate};

use crate::Format;

/// How many faults to inject, and from which seed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FaultSpec {
    /// Probability per record (903 row or CIN record element) of one injected recording error.
    pub rate: f64,
    /// Seed of the deterministic random source.
    pub seed: u64,
}

impl FaultSpec {
    /// No faults: writing with this spec is the same as writing without faults.
    pub const NONE: FaultSpec = FaultSpec { rate: 0.0, seed: 0 };
}

/// A kind of recording error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FaultKind {
    /// A required code left blank (or its element left out).
    MissingCode,
    /// A code that is not in the DfE list (a typo).
    InvalidCode,
    /// An end date before its start date.
    DatesOutOfOrder,
    /// An episode starting before the child's previous episode ended.
    OverlappingEpisode,
    /// A child recorded twice (903 Header row repeated, CIN `LAchildID` of the previous child).
    DuplicateId,
    /// A date that does not exist or is in the wrong format.
    BadDate,
    /// A required date left blank (or its element left out).
    MissingDate,
}

impl FaultKind {
    /// Every kind.
    pub const ALL: [FaultKind; 7] = [
        FaultKind::MissingCode,
        FaultKind::InvalidCode,
        FaultKind::DatesOutOfOrder,
        FaultKind::OverlappingEpisode,
        FaultKind::DuplicateId,
        FaultKind::BadDate,
        FaultKind::MissingDate,
    ];

    /// A stable snake-case name.
    pub fn name(self) -> &'static str {
        match self {
            FaultKind::MissingCode => "missing_code",
            FaultKind::InvalidCode => "invalid_code",
            FaultKind::DatesOutOfOrder => "dates_out_of_order",
            FaultKind::OverlappingEpisode => "overlapping_episode",
            FaultKind::DuplicateId => "duplicate_id",
            FaultKind::BadDate => "bad_date",
            FaultKind::MissingDate => "missing_date",
        }
    }
}

/// One injected recording error and where it is.
#[derive(Clone, PartialEq, Eq)]
pub struct InjectedFault {
    /// The file format.
    pub format: Format,
    /// The 903 table name (e.g. `Episodes`) or the CIN element group (e.g. `CINdetails`,
    /// `ChildIdentifiers`).
    pub table: String,
    /// 903: the 1-based data row in the written file. CIN: the 1-based position of the group
    /// element among all elements of that name in the file (for `ChildIdentifiers` and
    /// `ChildCharacteristics`, the position of the child).
    pub row_number: u64,
    /// The child the record belongs to (personal data: never logged, and hidden from `Debug`).
    pub child_id: String,
    /// The 903 column or CIN element that was changed.
    pub field: String,
    /// What was done.
    pub kind: FaultKind,
}

impl std::fmt::Debug for InjectedFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InjectedFault")
            .field("format", &self.format)
            .field("table", &self.table)
            .field("row_number", &self.row_number)
            .field("child_id", &"***")
            .field("field", &self.field)
            .field("kind", &self.kind)
            .finish()
    }
}

/// A small deterministic random source (SplitMix64): stable across platforms and dependency
/// versions, which matters because fault sets are compared between runs.
#[derive(Clone, Debug)]
pub(crate) struct FaultRng(u64);

impl FaultRng {
    /// A stream for one format: the same seed gives different but fixed streams per format.
    pub(crate) fn new(seed: u64, stream: u64) -> FaultRng {
        FaultRng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F))
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub(crate) fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Whether an event of probability `p` happens. Never draws for `p <= 0`, so a zero rate
    /// leaves everything untouched.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        p > 0.0 && self.next_f64() < p
    }

    /// Uniform in `0..n` (`n > 0`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Uniform in `1..=n` days.
    pub(crate) fn days(&mut self, n: u64) -> Days {
        Days::new(1 + self.next_u64() % n.max(1))
    }
}

/// A code that is not in any DfE list: the recorded code with a stray `9` typed after it.
pub(crate) fn invalid_code(original: &str) -> String {
    format!("{}9", original.trim())
}

/// A badly recorded 903 date (`dd/mm/yyyy` expected) near `around`: an impossible day, an ISO
/// date, or a two-digit year.
pub(crate) fn bad_dmy(rng: &mut FaultRng, around: NaiveDate) -> String {
    match rng.below(3) {
        0 => format!("31/{:02}/{}", short_month(rng), around.year()),
        1 => around.format("%Y-%m-%d").to_string(),
        _ => around.format("%d/%m/%y").to_string(),
    }
}

/// A badly recorded CIN date (`yyyy-mm-dd` expected) near `around`: an impossible day, a UK
/// `dd/mm/yyyy` date, or month 13.
pub(crate) fn bad_ymd(rng: &mut FaultRng, around: NaiveDate) -> String {
    match rng.below(3) {
        0 => format!("{}-{:02}-31", around.year(), short_month(rng)),
        1 => around.format("%d/%m/%Y").to_string(),
        _ => format!("{}-13-{:02}", around.year(), around.day()),
    }
}

/// A month with fewer than 31 days.
fn short_month(rng: &mut FaultRng) -> u32 {
    [2, 4, 6, 9, 11].get(rng.below(5)).copied().unwrap_or(2)
}

/// `date` moved back by 1 to 30 days (for end dates before starts and overlaps).
pub(crate) fn earlier(rng: &mut FaultRng, date: NaiveDate) -> NaiveDate {
    date.checked_sub_days(rng.days(30)).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_random_source_is_deterministic_and_uniform_enough() {
        let mut a = FaultRng::new(42, 1);
        let mut b = FaultRng::new(42, 1);
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(FaultRng::new(42, 2).next_u64(), xs[0]);
        let mut rng = FaultRng::new(7, 0);
        let hits = (0..10_000).filter(|_| rng.chance(0.25)).count();
        assert!((2_200..2_800).contains(&hits), "{hits}");
        assert!(!FaultRng::new(7, 0).chance(0.0));
    }

    #[test]
    fn bad_dates_never_parse() {
        let around = NaiveDate::from_ymd_opt(2025, 6, 14).unwrap();
        let mut rng = FaultRng::new(3, 0);
        for _ in 0..50 {
            let text = bad_dmy(&mut rng, around);
            assert!(crate::ssda903::parse_dmy(&text).is_none(), "{text}");
            let text = bad_ymd(&mut rng, around);
            assert!(crate::ssda903::parse_ymd(&text).is_none(), "{text}");
        }
    }

    #[test]
    fn injected_faults_hide_the_child_in_debug() {
        let fault = InjectedFault {
            format: Format::Ssda903,
            table: "Header".into(),
            row_number: 3,
            child_id: "C123".into(),
            field: "SEX".into(),
            kind: FaultKind::InvalidCode,
        };
        assert!(!format!("{fault:?}").contains("C123"));
    }
}
