//! The pack's data-quality summary: errors and queries per return and the rules with most
//! findings. Names no child (the full data-quality report does, and is internal).

use crate::doc::{Block, Cell, Column, Section, Table};
use crate::scrutiny::ReturnQuality;
use std::collections::BTreeMap;

/// The section id.
pub const SECTION_ID: &str = "data-quality";

/// Rules listed in the "top rules" table.
pub const TOP_RULES: usize = 10;

/// The section, or `None` when no validation results were supplied.
pub fn data_quality_summary(returns: &[ReturnQuality]) -> Option<Section> {
    if returns.is_empty() {
        return None;
    }
    let mut s = Section::new(SECTION_ID, "Data quality").on_new_page();
    s.push(Block::text(
        "Errors must be fixed before a return is accepted; queries must be checked. The data-quality report lists every finding.",
    ));
    let mut by_return = Table::new(
        "data-quality-returns",
        "Findings by return",
        vec![
            Column::text("Return"),
            Column::number("Rules run"),
            Column::number("Rules skipped"),
            Column::number("Errors"),
            Column::number("Queries"),
        ],
    );
    // (return, code) -> (message, severity, findings)
    let mut rules: BTreeMap<(&str, &str), (&str, &str, usize)> = BTreeMap::new();
    for r in returns {
        let errors = r.findings.iter().filter(|f| f.severity == "error").count();
        let queries = r.findings.len() - errors;
        by_return.push_row(vec![
            Cell::text(&r.return_name),
            Cell::number(f64::from(r.rules_run), 0),
            Cell::number(f64::from(r.rules_skipped), 0),
            Cell::number(errors as f64, 0),
            Cell::number(queries as f64, 0),
        ]);
        for f in &r.findings {
            let entry =
                rules
                    .entry((&r.return_name, &f.rule_code))
                    .or_insert((&f.message, &f.severity, 0));
            entry.2 += 1;
        }
    }
    by_return.push_note("Counts of findings (records), not of children.");
    s.push(Block::Table(by_return));
    let mut top: Vec<_> = rules.into_iter().collect();
    top.sort_by_key(|(_, (_, _, n))| std::cmp::Reverse(*n)); // stable: return, then code, within a count
    let mut t = Table::new(
        "data-quality-top-rules",
        format!("The {TOP_RULES} rules with most findings"),
        vec![
            Column::text("Return"),
            Column::text("Rule"),
            Column::text("Severity"),
            Column::text("Message"),
            Column::number("Findings"),
        ],
    );
    for ((ret, code), (message, severity, n)) in top.into_iter().take(TOP_RULES) {
        t.push_row(vec![
            Cell::text(ret),
            Cell::text(code),
            Cell::text(severity),
            Cell::text(message),
            Cell::number(n as f64, 0),
        ]);
    }
    if t.rows.is_empty() {
        s.push(Block::info("No findings: every rule that ran passed."));
    } else {
        s.push(Block::Table(t));
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scrutiny::QualityFinding;

    fn finding(code: &str, severity: &str) -> QualityFinding {
        QualityFinding {
            rule_code: code.into(),
            severity: severity.into(),
            table: "Header".into(),
            row_number: Some(1),
            child_id: Some("C1".into()),
            fields: "ETHNIC".into(),
            message: format!("message {code}"),
        }
    }

    fn rows(t: &Block) -> Vec<Vec<String>> {
        let Block::Table(t) = t else { panic!("{t:?}") };
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::display_text).collect())
            .collect()
    }

    #[test]
    fn counts_by_return_and_top_rules() {
        let returns = [
            ReturnQuality {
                return_name: "SSDA903 2025-26".into(),
                source: "test".into(),
                rules_run: 200,
                rules_skipped: 3,
                findings: vec![
                    finding("103", "error"),
                    finding("103", "error"),
                    finding("103", "error"),
                    finding("208", "error"),
                ],
            },
            ReturnQuality {
                return_name: "CIN census 2025-26".into(),
                source: "test".into(),
                rules_run: 150,
                rules_skipped: 0,
                findings: vec![
                    finding("8500", "query"),
                    finding("8500", "query"),
                    finding("1103", "error"),
                ],
            },
        ];
        let s = data_quality_summary(&returns).unwrap();
        assert_eq!(
            rows(&s.blocks[1]),
            [
                ["SSDA903 2025-26", "200", "3", "4", "0"],
                ["CIN census 2025-26", "150", "0", "1", "2"],
            ]
        );
        assert_eq!(
            rows(&s.blocks[2]),
            [
                ["SSDA903 2025-26", "103", "error", "message 103", "3"],
                ["CIN census 2025-26", "8500", "query", "message 8500", "2"],
                ["CIN census 2025-26", "1103", "error", "message 1103", "1"],
                ["SSDA903 2025-26", "208", "error", "message 208", "1"],
            ]
        );
        // No child identifier reaches the pack.
        assert!(!format!("{s:?}").contains("C1"));
        assert!(data_quality_summary(&[]).is_none());
    }
}
