//! Renderers: one per format, each taking a [`Document`] and computing no figures.
//!
//! Every `write_*` function applies [`crate::disclose`] first when the document is public, so
//! no format can leak a small count by forgetting to.

mod html;
mod pdf;
mod svg;
mod xlsx;

use crate::ReportError;
use crate::doc::{Audience, Cell, Chart, Document, Table};
use std::borrow::Cow;
use std::path::Path;

pub use html::render_html;
pub use pdf::render_pdf;
pub use xlsx::render_xlsx;

/// The document as it may be shown to its audience: disclosed when public.
pub(crate) fn for_audience(doc: &Document) -> Cow<'_, Document> {
    match doc.audience {
        Audience::Internal => Cow::Borrowed(doc),
        Audience::Public => Cow::Owned(crate::disclose(doc.clone())),
    }
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> ReportError + '_ {
    move |source| ReportError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes the self-contained HTML page.
pub fn write_html(doc: &Document, path: &Path) -> Result<(), ReportError> {
    std::fs::write(path, render_html(doc)).map_err(io_error(path))
}

/// Writes the XLSX workbook.
pub fn write_xlsx(doc: &Document, path: &Path) -> Result<(), ReportError> {
    let bytes = render_xlsx(doc).map_err(|source| ReportError::Xlsx {
        path: path.to_path_buf(),
        source,
    })?;
    std::fs::write(path, bytes).map_err(io_error(path))
}

/// Writes the A4 PDF.
pub fn write_pdf(doc: &Document, path: &Path) -> Result<(), ReportError> {
    let bytes = render_pdf(doc).map_err(|message| ReportError::Pdf {
        path: path.to_path_buf(),
        message,
    })?;
    std::fs::write(path, bytes).map_err(io_error(path))
}

/// The table behind a chart: one row per category, one column per series, `c` where withheld.
/// Every renderer shows this same table, so the numbers match across formats.
pub fn chart_data_table(chart: &Chart) -> Table {
    let decimals = svg::value_decimals(chart);
    let mut columns = vec![crate::doc::Column::text("")];
    columns.extend(
        chart
            .series
            .iter()
            .map(|s| crate::doc::Column::number(s.name.clone())),
    );
    let mut table = Table::new(
        format!("{}-data", chart.id),
        format!("{} ({})", chart.title, chart.y_label),
        columns,
    );
    for (i, category) in chart.categories.iter().enumerate() {
        let mut cells = vec![Cell::text(category.clone())];
        for s in &chart.series {
            cells.push(if s.is_suppressed(i) {
                Cell::Suppressed
            } else {
                Cell::maybe_number(s.values.get(i).copied().flatten(), decimals, "")
            });
        }
        table.push_row(cells);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, ChartKind, Column, Row, Section};

    /// Empty and ragged input must render, not panic: builders make these at month edges.
    #[test]
    fn degenerate_documents_render_in_every_format() {
        let mut doc = Document::new("", "", "", Audience::Public);
        doc.push(Section::new("empty", ""));
        let mut ragged = Table::new("t", "", vec![Column::number("Total")]);
        ragged.rows.push(Row::new(vec![]));
        ragged.rows.push(Row::total(vec![
            Cell::count(3),
            Cell::count(4),
            Cell::text("x"),
        ]));
        let mut s = Section::new("s", "S");
        s.push(Block::Table(Table::new("none", "No columns", vec![])))
            .push(Block::Table(ragged))
            .push(Block::Chart(Chart::new(
                ChartKind::Line,
                "c",
                "",
                "",
                vec![],
                "",
            )))
            .push(Block::Chart(
                Chart::new(ChartKind::StackedBar, "d", "", "", vec!["a".into()], "")
                    .with_series("gap", vec![None])
                    .with_series("short", vec![]),
            ))
            .push(Block::Chart(
                Chart::new(
                    ChartKind::Bar,
                    "e",
                    "",
                    "",
                    vec!["a".into(), "b".into()],
                    "",
                )
                .with_series("negative", vec![Some(-3.0), Some(0.0)]),
            ))
            .push(Block::KeyFigures(vec![]))
            .push(Block::Bullets(vec![vec![]]))
            .push(Block::Paragraph(vec![]));
        doc.push(s.on_new_page());
        assert!(render_html(&doc).contains("</html>"));
        assert!(!render_xlsx(&doc).unwrap().is_empty());
        assert!(render_pdf(&doc).unwrap().starts_with(b"%PDF-"));
    }
}
