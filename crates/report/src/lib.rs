//! Reports people read. Every report is built as a format-neutral [`Document`] ([`doc`]), then
//! rendered by one renderer per format ([`render`]: self-contained HTML with SVG charts that
//! prints on A4, an XLSX workbook, an A4 PDF). Public documents pass through disclosure control
//! ([`disclosure`]) inside every renderer.
//!
//! The older data-quality writers in [`findings`] (CSV, XLSX, HTML of validation findings) keep
//! their API; their names are the ones at the crate root (`write_html(path, report)` etc.). The
//! document renderers are reached as `render::write_html(doc, path)` or
//! [`Document::write`]`(format, path)`. [`sample`] is an invented document with every element,
//! for the renderer tests, the headless-browser check and the rendering benchmark.
//!
//! **Invariant:** writers take computed results and write bytes; they compute no figures.

pub mod board;
pub mod disclosure;
pub mod doc;
pub mod findings;
mod html;
pub mod render;
pub mod sample;
pub mod scrutiny;

pub use disclosure::{count_phrase, disclose};
pub use doc::{
    Align, Audience, Block, Cell, Chart, ChartKind, ChartSeries, Column, Direction, Document,
    Inline, KeyFigure, NoticeKind, OutputFormat, RagStatus, Row, Section, Table,
};
pub use findings::{DataQualityReport, ReportError, write_csv, write_html, write_xlsx};
pub use render::{render_html, write_pdf};
