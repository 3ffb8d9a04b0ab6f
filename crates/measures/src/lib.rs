//! Measures: every indicator of the improvement plan, and every child's statutory timescales,
//! computed from case records.
//!
//! - [`indicator`]: what an indicator is (metadata + contributions).
//! - [`indicators`]: the catalogue, one file per indicator, registered in one slice.
//! - [`engine`]: contributions → figures per period, series, summaries (latest month, last 12
//!   months, DfE year), the children and records behind a figure.
//! - [`breakdown`]: a figure split by team, locality, worker, age band, sex, ethnicity, legal
//!   status, placement type or case type.
//! - [`timescales`]: per-child due dates and status (met, due, due soon, overdue).
//! - [`settings`]: practice standards shared by both.
//! - [`scrutiny`]: the figures of the Scrutiny Panel's "Number of children in care" report.
//!
//! **Invariant:** nothing here reads the clock, the filesystem or a database: the as-of date and
//! the records are always passed in.

pub mod benchmarks;
pub mod breakdown;
pub mod context;
pub mod engine;
pub mod indicator;
pub mod indicators;
pub mod period;
pub mod rag;
pub mod scrutiny;
pub mod settings;
pub mod targets;
pub mod timescales;

#[cfg(test)]
mod testkit;
