//! HTML renderer: one self-contained page (inline CSS, inline SVG, no scripts, no external
//! assets) in the shared page shell of [`crate::html`], so every report has one look and prints
//! on A4 with the audience marking in each page's footer.
//!
//! Every piece of document text goes through [`escape`]; links other than `http(s):`,
//! `mailto:` and `#anchor` are shown as plain text.

use super::chart_data_table;
use super::svg::{chart_svg, sparkline_svg};
use crate::doc::{
    Align, Audience, Block, Cell, Chart, Document, Inline, KeyFigure, NoticeKind, RagStatus, Table,
};
use crate::html::{PageHead, escape, shell};
use std::fmt::Write;

/// Renders the document as a self-contained HTML page (disclosure control applied when public).
pub fn render_html(doc: &Document) -> String {
    let doc = super::for_audience(doc);
    let mut body = String::with_capacity(64 * 1024);
    if doc.sections.len() > 2 {
        body.push_str("<nav class=\"contents\" aria-label=\"Contents\"><h2>Contents</h2><ol>");
        for s in &doc.sections {
            let _ = write!(
                body,
                "<li><a href=\"#{}\">{}</a></li>",
                escape(&s.id),
                escape(&s.title)
            );
        }
        body.push_str("</ol></nav>\n");
    }
    let mut charts = 0usize;
    for section in &doc.sections {
        let _ = write!(
            body,
            "<section id=\"{}\"{}>\n<h2>{}</h2>\n",
            escape(&section.id),
            if section.page_break_before {
                " class=\"page-break\""
            } else {
                ""
            },
            escape(&section.title)
        );
        for block in &section.blocks {
            block_html(&mut body, block, &mut charts);
        }
        body.push_str("</section>\n");
    }
    let meta = format!("{} \u{b7} {}", doc.council, doc.period_label);
    shell(
        &PageHead {
            title: &doc.title,
            subtitle: doc.subtitle.as_deref(),
            meta: Some(&meta),
            council: Some(&doc.council),
            marking: Some(doc.audience.marking()),
            public: doc.audience == Audience::Public,
        },
        &body,
    )
}

fn block_html(out: &mut String, block: &Block, charts: &mut usize) {
    match block {
        Block::Heading { level, text } => {
            let level = (*level).clamp(2, 4);
            let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
        }
        Block::Paragraph(inlines) => {
            out.push_str("<p>");
            inlines_html(out, inlines);
            out.push_str("</p>\n");
        }
        Block::Bullets(items) => {
            out.push_str("<ul>");
            for item in items {
                out.push_str("<li>");
                inlines_html(out, item);
                out.push_str("</li>");
            }
            out.push_str("</ul>\n");
        }
        Block::KeyFigures(figures) => key_figures_html(out, figures),
        Block::Table(table) => table_html(out, table),
        Block::Chart(chart) => {
            chart_html(out, chart, *charts);
            *charts += 1;
        }
        Block::Notice { kind, text } => {
            let (class, prefix) = match kind {
                NoticeKind::Info => ("callout", ""),
                NoticeKind::Warning => ("callout warning", "<strong>Warning:</strong> "),
            };
            let _ = writeln!(
                out,
                "<div class=\"{class}\" role=\"note\"><p>{prefix}{}</p></div>",
                escape(text)
            );
        }
    }
}

fn safe_href(href: &str) -> bool {
    let h = href.trim().to_ascii_lowercase();
    h.starts_with("https://")
        || h.starts_with("http://")
        || h.starts_with("mailto:")
        || h.starts_with('#')
}

fn inlines_html(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(&escape(t)),
            Inline::Strong(t) => {
                let _ = write!(out, "<strong>{}</strong>", escape(t));
            }
            Inline::Link { text, href } if safe_href(href) => {
                let _ = write!(
                    out,
                    "<a href=\"{}\">{}</a>",
                    escape(href.trim()),
                    escape(text)
                );
            }
            Inline::Link { text, .. } => out.push_str(&escape(text)),
        }
    }
}

fn key_figures_html(out: &mut String, figures: &[KeyFigure]) {
    out.push_str("<div class=\"key-figures\">");
    for f in figures {
        let _ = write!(
            out,
            "<div class=\"kf\"><span class=\"kf-label\">{}</span><span class=\"kf-value\">{}</span>",
            escape(&f.label),
            cell_html(&f.value)
        );
        if let Some(note) = &f.note {
            let _ = write!(out, "<span class=\"kf-note\">{}</span>", escape(note));
        }
        out.push_str("</div>");
    }
    out.push_str("</div>\n");
}

fn align_class(align: Align) -> &'static str {
    match align {
        Align::Left => "",
        Align::Right => " class=\"num\"",
        Align::Center => " class=\"center\"",
    }
}

/// One cell's content (no `<td>`).
fn cell_html(cell: &Cell) -> String {
    match cell {
        Cell::Rag(r) => {
            let class = match r {
                RagStatus::Red => "rag-red",
                RagStatus::Amber => "rag-amber",
                RagStatus::Green => "rag-green",
                RagStatus::Blue => "rag-blue",
                RagStatus::NotRated => "rag-none",
            };
            format!(
                "<span class=\"rag {class}\"><span aria-hidden=\"true\">{}</span> {}</span>",
                r.symbol(),
                r.label()
            )
        }
        Cell::Trend(d) => format!(
            "<span class=\"trend trend-{}\"><span class=\"arrow\" aria-hidden=\"true\">{}</span> {}</span>",
            d.label().to_ascii_lowercase().replace(' ', "-"),
            d.arrow(),
            d.label()
        ),
        Cell::Sparkline(values) => sparkline_svg(values),
        Cell::Suppressed => {
            "<span class=\"supp\" title=\"Withheld: a count of 1 to 5, or one that would reveal it\">c</span>"
                .into()
        }
        other => escape(&other.display_text()),
    }
}

fn table_html(out: &mut String, table: &Table) {
    let _ = write!(
        out,
        "<div class=\"table-wrap\"><table id=\"{}\"><caption>{}</caption><thead><tr>",
        escape(&table.id),
        escape(&table.caption)
    );
    for c in &table.columns {
        let _ = write!(
            out,
            "<th scope=\"col\"{}>{}</th>",
            align_class(c.align),
            escape(&c.title)
        );
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &table.rows {
        out.push_str(if row.is_total {
            "<tr class=\"total\">"
        } else {
            "<tr>"
        });
        for (i, cell) in row.cells.iter().enumerate() {
            let align = table.columns.get(i).map(|c| c.align).unwrap_or(Align::Left);
            // The first cell names the row: a row header for screen readers.
            let tag = if i == 0 && matches!(cell, Cell::Text(_)) {
                "th scope=\"row\""
            } else {
                "td"
            };
            let close = if tag == "td" { "td" } else { "th" };
            let _ = write!(
                out,
                "<{tag}{}>{}</{close}>",
                align_class(align),
                cell_html(cell)
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
    notes_html(out, &table.notes);
}

fn notes_html(out: &mut String, notes: &[String]) {
    if notes.is_empty() {
        return;
    }
    out.push_str("<ul class=\"notes\">");
    for n in notes {
        let _ = write!(out, "<li>{}</li>", escape(n));
    }
    out.push_str("</ul>\n");
}

fn chart_html(out: &mut String, chart: &Chart, unique: usize) {
    let _ = write!(
        out,
        "<figure class=\"chart-figure\" id=\"{}\"><figcaption>{}</figcaption>",
        escape(&chart.id),
        escape(&chart.title)
    );
    out.push_str(&chart_svg(chart, unique));
    let _ = write!(out, "<p class=\"muted\">{}</p>", escape(&chart.alt));
    notes_html(out, &chart.notes);
    out.push_str("<details class=\"chart-data\"><summary>Data for this chart</summary>");
    table_html(out, &chart_data_table(chart));
    out.push_str("</details></figure>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{ChartKind, Column, Direction, Section};

    fn sample(audience: Audience) -> Document {
        let mut doc = Document::new("Pack <1>", "Kirklees & Co", "March 2026", audience);
        let mut t = Table::new(
            "t1",
            "Children by team",
            vec![
                Column::text("Team"),
                Column::number("Children"),
                Column::center("RAG"),
                Column::center("Trend"),
                Column::center("Last 13 months"),
            ],
        );
        t.push_row(vec![
            Cell::text("North <b>"),
            Cell::count(3),
            Cell::Rag(RagStatus::Red),
            Cell::Trend(Direction::Worsening),
            Cell::Sparkline(vec![Some(1.0), Some(2.0)]),
        ]);
        let chart = Chart::new(
            ChartKind::Bar,
            "c1",
            "Chart",
            "A chart.",
            vec!["Jan".into()],
            "Children",
        )
        .with_series("All", vec![Some(4.0)]);
        let mut s = Section::new("s1", "First");
        s.push(Block::Paragraph(vec![
            Inline::Text("See ".into()),
            Inline::Link {
                text: "this".into(),
                href: "javascript:alert(1)".into(),
            },
        ]))
        .push(Block::Table(t))
        .push(Block::Chart(chart));
        doc.push(s);
        doc
    }

    #[test]
    fn internal_pages_say_so_and_show_counts() {
        let html = render_html(&sample(Audience::Internal));
        assert!(html.contains("Internal: figures are not suppressed"));
        assert!(html.contains("<td class=\"num\">3</td>"));
        assert!(html.contains("Pack &lt;1&gt;"));
        assert!(html.contains("North &lt;b&gt;"));
        assert!(!html.contains("javascript:"));
        assert!(
            html.contains("\u{2716}</span> Red"),
            "RAG has symbol and word"
        );
        assert!(html.contains("Worsening"));
        assert!(html.contains("<svg class=\"spark\""));
        assert!(html.contains("<details class=\"chart-data\">"));
        // Self-contained: no scripts, no external stylesheets, images or fonts.
        for external in ["<script", "<link", " src=", "@import", "url(http"] {
            assert!(!html.contains(external), "{external}");
        }
    }

    #[test]
    fn public_pages_suppress_through_the_renderer() {
        let html = render_html(&sample(Audience::Public));
        assert!(html.contains("Public: counts of 1 to 5 are shown as c"));
        assert!(!html.contains("<td class=\"num\">3</td>"));
        assert!(html.contains("<span class=\"supp\""));
        assert!(html.contains(&escape(crate::disclosure::CHART_NOTE)));
    }
}
