//! The Scrutiny Panel and team reports, built as [`crate::Document`]s:
//!
//! - [`children_in_care`]: the standing "Number of children in care" report (public or internal);
//! - [`worklists`]: team managers' overdue and due-soon statutory tasks (internal only: names
//!   children);
//! - [`data_quality`]: validation findings per return (internal only: names children);
//! - [`sentences`]: the plain-English sentences generated from figures, disclosure-aware.
//!
//! Builders take computed figures (`sightline_measures`) and return documents; they write no
//! file format and compute no figure beyond sums and shares of what they are given.

pub mod children_in_care;
pub mod data_quality;
pub mod sentences;
pub mod worklists;

pub use children_in_care::children_in_care_document;
pub use data_quality::{QualityFinding, ReturnQuality, data_quality_document};
pub use worklists::worklists_document;
