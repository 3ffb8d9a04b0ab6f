//! The PDF renderer's output parses as a PDF (lopdf), has A4 pages with footers, and its text
//! holds the headings and table values of the document.

use sightline_report::render::render_pdf;
use sightline_report::sample::{large_document, sample_document};
use sightline_report::{Audience, Block, Cell, Column, Document, Section, Table};

fn text_of(bytes: &[u8]) -> (usize, String) {
    let pdf = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).expect("text extracts");
    (pages.len(), text)
}

#[test]
fn sample_pdf_parses_and_holds_headings_values_and_markings() {
    let bytes = render_pdf(&sample_document(Audience::Internal)).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let (pages, text) = text_of(&bytes);
    assert!(pages >= 4, "sections start on new pages: {pages}");
    assert!(text.contains("Improvement Board performance pack"));
    assert!(text.contains("Number of children in care"));
    assert!(text.contains("Asian or Asian British"));
    assert!(text.contains("652"));
    assert!(text.contains("Internal: figures are not suppressed"));
    assert!(text.contains(&format!("Page {pages} of {pages}")));

    // One bookmark per section.
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let outlines = pdf.catalog().unwrap().get(b"Outlines").unwrap();
    let outlines = pdf
        .get_dictionary(outlines.as_reference().unwrap())
        .unwrap();
    assert_eq!(outlines.get(b"Count").unwrap().as_i64().unwrap(), 4);
}

#[test]
fn public_pdf_withholds_small_counts() {
    let mut doc = Document::new("Public pack", "Council", "March 2026", Audience::Public);
    let mut t = Table::new(
        "t",
        "Entrants",
        vec![Column::text("Team"), Column::number("Children")],
    );
    t.push_row(vec![Cell::text("North"), Cell::count(4)]);
    t.push_row(vec![Cell::text("South"), Cell::count(1234)]);
    doc.push(Section::new("s", "Entrants").with(Block::Table(t)));
    let (_, text) = text_of(&render_pdf(&doc).unwrap());
    assert!(text.contains("Public: counts of 1 to 5 are shown as c"));
    assert!(text.contains("1,234"));
    assert!(!text.contains(" 4\n") && !text.contains("North 4"));
}

#[test]
fn long_documents_page_correctly() {
    let bytes = render_pdf(&large_document(Audience::Internal, 10)).unwrap();
    let (pages, text) = text_of(&bytes);
    assert!(pages > 20, "{pages} pages");
    assert!(text.contains("(continued)"), "a table ran over a page");
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let first = pdf.get_pages()[&1];
    let page_size = pdf
        .get_object(first)
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_float().unwrap())
        .collect::<Vec<f32>>();
    assert_eq!(page_size, vec![0.0, 0.0, 595.28, 841.89], "A4");
}
