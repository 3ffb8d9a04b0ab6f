//! The monthly data-quality report as a [`Document`]: per return (SSDA903, CIN census), how many
//! rules ran, the errors and queries found, the rules that failed, the children with most
//! findings and the findings themselves.
//!
//! Its input, [`ReturnQuality`], comes either from a validation just run
//! ([`ReturnQuality::from_report`], reusing [`DataQualityReport`]'s summaries) or from findings
//! stored with the snapshot ([`ReturnQuality::from_findings`]), so the same report serves both.
//!
//! Findings name children: this document is internal only.

use super::sentences::month_name;
use crate::doc::{Audience, Block, Cell, Column, Document, KeyFigure, Section, Table};
use crate::findings::DataQualityReport;
use sightline_measures::period::Month;
use std::collections::BTreeMap;

/// The title.
pub const TITLE: &str = "Data quality report";

/// Findings listed one by one per return; the rest are counted (the CSV of `sightline validate`
/// lists them all).
pub const LISTED_FINDINGS: usize = 2_000;

/// Children listed in the "most findings" table per return.
pub const LISTED_CHILDREN: usize = 50;

/// One finding, owned (stored findings come back as strings).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QualityFinding {
    /// The rule's DfE code.
    pub rule_code: String,
    /// `error` or `query`.
    pub severity: String,
    /// Table or element group.
    pub table: String,
    /// Row or element position, if any.
    pub row_number: Option<u64>,
    /// The child, if the finding is about one.
    pub child_id: Option<String>,
    /// Fields at fault, joined with `;`.
    pub fields: String,
    /// The rule's message.
    pub message: String,
}

/// The validation of one return.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnQuality {
    /// E.g. "SSDA903 2025-26".
    pub return_name: String,
    /// Where the findings come from, e.g. "validation run 3 of 31 Mar 2026 (stored)".
    pub source: String,
    /// Rules that ran.
    pub rules_run: u32,
    /// Rules skipped (missing tables or reference data).
    pub rules_skipped: u32,
    /// Every finding.
    pub findings: Vec<QualityFinding>,
}

impl ReturnQuality {
    /// From a validation just run.
    pub fn from_report(report: &DataQualityReport, source: impl Into<String>) -> Self {
        let lines = report.by_rule();
        let skipped = lines
            .iter()
            .filter(|l| matches!(l.status, "skipped" | "broken"))
            .count();
        ReturnQuality {
            return_name: report.return_name.clone(),
            source: source.into(),
            rules_run: (lines.len() - skipped) as u32,
            rules_skipped: skipped as u32,
            findings: report
                .findings()
                .map(|f| QualityFinding {
                    rule_code: f.rule_code.to_owned(),
                    severity: f.severity.name().to_owned(),
                    table: f.table.to_owned(),
                    row_number: f.row_number,
                    child_id: f.child_id.clone(),
                    fields: f.fields.join(";"),
                    message: f.message.trim().to_owned(),
                })
                .collect(),
        }
    }

    /// From stored findings.
    pub fn from_findings(
        return_name: impl Into<String>,
        source: impl Into<String>,
        rules_run: u32,
        rules_skipped: u32,
        findings: Vec<QualityFinding>,
    ) -> Self {
        ReturnQuality {
            return_name: return_name.into(),
            source: source.into(),
            rules_run,
            rules_skipped,
            findings,
        }
    }

    /// (errors, queries).
    pub fn totals(&self) -> (u64, u64) {
        self.findings.iter().fold((0, 0), |(e, q), f| {
            if f.severity == "query" {
                (e, q + 1)
            } else {
                (e + 1, q)
            }
        })
    }

    /// Distinct children with at least one finding.
    pub fn children_affected(&self) -> usize {
        let mut ids: Vec<&str> = self
            .findings
            .iter()
            .filter_map(|f| f.child_id.as_deref())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }

    /// Failed rules: (code, message, severity, findings, children), most findings first.
    pub fn by_rule(&self) -> Vec<(String, String, String, u64, u64)> {
        let mut map: BTreeMap<&str, (&str, &str, u64, Vec<&str>)> = BTreeMap::new();
        for f in &self.findings {
            let e = map
                .entry(&f.rule_code)
                .or_insert((&f.message, &f.severity, 0, Vec::new()));
            e.2 += 1;
            if let Some(c) = &f.child_id {
                e.3.push(c);
            }
        }
        let mut out: Vec<_> = map
            .into_iter()
            .map(|(code, (message, severity, n, mut kids))| {
                kids.sort_unstable();
                kids.dedup();
                (
                    code.to_owned(),
                    message.to_owned(),
                    severity.to_owned(),
                    n,
                    kids.len() as u64,
                )
            })
            .collect();
        out.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// Children with findings: (child, errors, queries), most first, then by id.
    pub fn by_child(&self) -> Vec<(String, u64, u64)> {
        let mut map: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
        for f in &self.findings {
            if let Some(c) = &f.child_id {
                let e = map.entry(c).or_default();
                if f.severity == "query" {
                    e.1 += 1;
                } else {
                    e.0 += 1;
                }
            }
        }
        let mut out: Vec<_> = map
            .into_iter()
            .map(|(c, (e, q))| (c.to_owned(), e, q))
            .collect();
        out.sort_by(|a, b| (b.1 + b.2).cmp(&(a.1 + a.2)).then_with(|| a.0.cmp(&b.0)));
        out
    }
}

/// Builds the data-quality report for the returns of `month`.
pub fn data_quality_document(returns: &[ReturnQuality], month: Month, council: &str) -> Document {
    let mut doc = Document::new(TITLE, council, month_name(month), Audience::Internal)
        .with_subtitle("Validation of the statutory returns against the DfE rules");
    doc.push(summary_section(returns));
    for (i, r) in returns.iter().enumerate() {
        doc.push(return_section(i, r));
    }
    doc
}

fn summary_section(returns: &[ReturnQuality]) -> Section {
    let mut s = Section::new("summary", "Summary");
    if returns.is_empty() {
        s.push(Block::warning(
            "No validation results: import an SSDA903 or CIN census return (which validates it) \
             or pass the snapshot's files.",
        ));
        return s;
    }
    s.push(Block::KeyFigures(
        returns
            .iter()
            .map(|r| {
                let (e, q) = r.totals();
                KeyFigure::new(format!("{}: errors", r.return_name), Cell::count(e as i64))
                    .with_note(format!("{q} queries"))
            })
            .collect(),
    ));
    let mut table = Table::new(
        "returns",
        "Validation results by return",
        vec![
            Column::text("Return"),
            Column::text("Source"),
            Column::number("Rules run"),
            Column::number("Rules skipped"),
            Column::number("Errors"),
            Column::number("Queries"),
            Column::number("Children affected"),
        ],
    );
    for r in returns {
        let (e, q) = r.totals();
        table.push_row(vec![
            Cell::text(r.return_name.as_str()),
            Cell::text(r.source.as_str()),
            Cell::number(f64::from(r.rules_run), 0),
            Cell::number(f64::from(r.rules_skipped), 0),
            Cell::count(e as i64),
            Cell::count(q as i64),
            Cell::count(r.children_affected() as i64),
        ]);
    }
    s.push(Block::Table(table));
    s
}

fn return_section(index: usize, r: &ReturnQuality) -> Section {
    let n = index + 1;
    let mut s = Section::new(format!("return-{n}"), r.return_name.as_str()).on_new_page();
    let rules = r.by_rule();
    if rules.is_empty() {
        s.push(Block::info("No findings: every rule that ran passed."));
        return s;
    }
    let mut table = Table::new(
        format!("rules-{n}"),
        format!("{}: failed rules", r.return_name),
        vec![
            Column::text("Rule"),
            Column::text("Message"),
            Column::text("Severity"),
            Column::number("Findings"),
            Column::number("Children"),
        ],
    );
    for (code, message, severity, findings, children) in &rules {
        table.push_row(vec![
            Cell::text(code.as_str()),
            Cell::text(message.as_str()),
            Cell::text(severity.as_str()),
            Cell::count(*findings as i64),
            Cell::count(*children as i64),
        ]);
    }
    s.push(Block::Table(table));

    let children = r.by_child();
    if !children.is_empty() {
        let mut table = Table::new(
            format!("children-{n}"),
            format!("{}: children with most findings", r.return_name),
            vec![
                Column::text("Child"),
                Column::number("Errors"),
                Column::number("Queries"),
            ],
        );
        for (child, e, q) in children.iter().take(LISTED_CHILDREN) {
            table.push_row(vec![
                Cell::text(child.as_str()),
                Cell::count(*e as i64),
                Cell::count(*q as i64),
            ]);
        }
        if children.len() > LISTED_CHILDREN {
            table.push_note(format!(
                "The {LISTED_CHILDREN} children with most findings of {}.",
                children.len()
            ));
        }
        s.push(Block::Table(table));
    }

    let mut table = Table::new(
        format!("findings-{n}"),
        format!("{}: findings", r.return_name),
        vec![
            Column::text("Rule"),
            Column::text("Table"),
            Column::number("Row"),
            Column::text("Child"),
            Column::text("Fields"),
            Column::text("Message"),
        ],
    );
    for f in r.findings.iter().take(LISTED_FINDINGS) {
        table.push_row(vec![
            Cell::text(f.rule_code.as_str()),
            Cell::text(f.table.as_str()),
            f.row_number
                .map(|row| Cell::number(row as f64, 0))
                .unwrap_or(Cell::text("")),
            Cell::text(f.child_id.clone().unwrap_or_default()),
            Cell::text(f.fields.as_str()),
            Cell::text(f.message.as_str()),
        ]);
    }
    if r.findings.len() > LISTED_FINDINGS {
        table.push_note(format!(
            "The first {LISTED_FINDINGS} of {} findings; `sightline validate --out findings.csv` \
             lists them all.",
            r.findings.len()
        ));
    }
    s.push(Block::Table(table));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(code: &str, severity: &str, child: Option<&str>) -> QualityFinding {
        QualityFinding {
            rule_code: code.into(),
            severity: severity.into(),
            table: "Episodes".into(),
            row_number: Some(3),
            child_id: child.map(str::to_owned),
            fields: "DECOM".into(),
            message: format!("message of {code}"),
        }
    }

    fn sample() -> ReturnQuality {
        ReturnQuality::from_findings(
            "SSDA903 2025-26",
            "stored validation run 1",
            300,
            12,
            vec![
                finding("103", "error", Some("C1")),
                finding("103", "error", Some("C2")),
                finding("103", "error", Some("C1")),
                finding("8500Q", "query", Some("C1")),
                finding("1001", "error", None),
            ],
        )
    }

    #[test]
    fn summaries_by_rule_and_child() {
        let r = sample();
        assert_eq!(r.totals(), (4, 1));
        assert_eq!(r.children_affected(), 2);
        let rules = r.by_rule();
        assert_eq!(rules[0].0, "103");
        assert_eq!((rules[0].3, rules[0].4), (3, 2));
        assert_eq!(rules[1].0, "1001");
        assert_eq!(
            r.by_child(),
            [("C1".to_owned(), 2, 1), ("C2".to_owned(), 1, 0)]
        );
    }

    #[test]
    fn the_document_lists_each_return() {
        let doc = data_quality_document(
            &[sample()],
            Month {
                year: 2026,
                month: 3,
            },
            "Test",
        );
        assert_eq!(doc.audience, Audience::Internal);
        let ids: Vec<&str> = doc.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["summary", "return-1"]);
        let tables: Vec<&Table> = doc.sections[1]
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), 3);
        assert_eq!(tables[2].rows.len(), 5);
        let Some(Block::Table(summary)) = doc.sections[0].blocks.get(1) else {
            panic!("no summary table")
        };
        let cells: Vec<String> = summary.rows[0]
            .cells
            .iter()
            .map(Cell::display_text)
            .collect();
        assert_eq!(
            cells,
            [
                "SSDA903 2025-26",
                "stored validation run 1",
                "300",
                "12",
                "4",
                "1",
                "2"
            ]
        );
    }

    #[test]
    fn no_returns_says_what_to_do() {
        let doc = data_quality_document(
            &[],
            Month {
                year: 2026,
                month: 3,
            },
            "Test",
        );
        assert!(matches!(
            doc.sections[0].blocks[0],
            Block::Notice { ref text, .. } if text.contains("import")
        ));
    }
}
