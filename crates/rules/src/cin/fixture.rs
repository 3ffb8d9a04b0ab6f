//! Tiny CIN census XML fixtures for rule tests: write only the children a test needs; the
//! fixture wraps them in a 2025-26 `Message` with a header.
#![cfg(test)]

use super::{CinReturn, Rule};
use sightline_formats::cin::{CinChild, CinChildren};
use std::path::Path;

/// Parses `<Child>` elements (as text) into lenient children.
pub fn children(children_xml: &str) -> Vec<CinChild> {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>382</LEA></Source></Header><Children>{children_xml}</Children></Message>"
    );
    CinChildren::from_reader(
        std::io::Cursor::new(xml.into_bytes()),
        Path::new("fixture.xml"),
    )
    .map(|child| child.expect("fixture parses"))
    .collect()
}

/// The 2025-26 return context.
pub fn year_2026() -> CinReturn<'static> {
    CinReturn {
        header: None,
        year: 2026,
        la_code: None,
    }
}

/// Runs one rule over the children: (table, position, child id) of each finding.
pub fn findings(rule: &dyn Rule, children_xml: &str) -> Vec<(&'static str, u64, String)> {
    let data = year_2026();
    let kids = children(children_xml);
    let mut out = crate::engine::Findings::new(rule.meta());
    let mut summary = super::ReturnSummary::default();
    for child in &kids {
        summary.add(&data, child);
        rule.check_child(&data, child, &mut out);
    }
    rule.check_return(&data, &summary, &mut out);
    out.into_vec()
        .into_iter()
        .map(|f| {
            (
                f.table,
                f.row_number.unwrap_or(0),
                f.child_id.unwrap_or_default(),
            )
        })
        .collect()
}
