//! The DfE validation rules for the SSDA903 and CIN census returns, and the one engine that runs
//! them.
//!
//! A rule is a small named unit (one file per DfE code) with its metadata and a check that reads
//! typed, lenient rows and writes [`Finding`]s. Bad data is a rule's output, never its failure:
//! a check returns nothing and cannot error. The engine runs every rule of the collection year,
//! records whether each passed, failed (with findings), was skipped (a table or reference list
//! it needs is absent) or broke (it panicked: reported, and the other rules carry on).
//!
//! **Invariant:** this crate never touches the database, the filesystem or the clock.

pub mod cin;
pub mod engine;
pub mod postcodes;
pub mod providers;
pub mod ssda903;

pub use engine::{Finding, Findings, Outcome, RuleMeta, RuleReport, Severity, Years};
