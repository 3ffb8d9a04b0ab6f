//! Reports people read: for now the data-quality report of validation findings, as CSV for the
//! data team's tools, an XLSX workbook and a self-contained HTML page.
//!
//! Findings name children: every output here is for the data team only and says so.
//!
//! **Invariant:** writers take computed results and write bytes; they compute no figures.

pub mod findings;
mod html;

pub use findings::{DataQualityReport, ReportError, write_csv, write_html, write_xlsx};
