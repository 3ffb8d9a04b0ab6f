//! The data-quality report: validation findings summarised by rule and by child, and listed
//! record by record, as CSV, XLSX and self-contained HTML.
//!
//! The CSV columns are fixed: `rule_code,table,row_number,child_id,fields,message`, with
//! `severity` added for the CIN census (where queries exist). `row_number` is the 1-based data
//! row (903) or element position (CIN); it is blank for return-level findings. Multiple fields
//! are joined with `;`.

use crate::html::{escape, page};
use sightline_rules::{Finding, Outcome, RuleReport, Severity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// An error writing a report.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Writing the file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Writing CSV failed.
    #[error("{}: {source}", path.display())]
    Csv {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: csv::Error,
    },
    /// Writing the workbook failed.
    #[error("{}: {source}", path.display())]
    Xlsx {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: rust_xlsxwriter::XlsxError,
    },
    /// Building the PDF failed.
    #[error("{}: {message}", path.display())]
    Pdf {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// What a data-quality report is about.
pub struct DataQualityReport<'a> {
    /// E.g. "SSDA903 2025-26" or "CIN census 2025-26".
    pub return_name: String,
    /// Whether the return has queries as well as errors (adds the `severity` column).
    pub with_severity: bool,
    /// Every rule's outcome.
    pub reports: &'a [RuleReport],
}

/// One row of the by-rule summary.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleLine {
    /// Code.
    pub code: &'static str,
    /// Message.
    pub message: &'static str,
    /// Severity.
    pub severity: Severity,
    /// `passed`, `failed`, `skipped`, `broken`, `not this year`.
    pub status: &'static str,
    /// Findings.
    pub findings: usize,
    /// Distinct children affected.
    pub children: usize,
    /// Why skipped or broken.
    pub note: String,
}

impl DataQualityReport<'_> {
    /// Every finding, in rule order.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.reports.iter().flat_map(|r| match &r.outcome {
            Outcome::Failed(f) => f.as_slice(),
            _ => &[],
        })
    }

    /// One line per rule that applies this year.
    pub fn by_rule(&self) -> Vec<RuleLine> {
        self.reports
            .iter()
            .filter(|r| r.outcome != Outcome::NotThisYear)
            .map(|r| {
                let (status, findings, children, note) = match &r.outcome {
                    Outcome::Passed => ("passed", 0, 0, String::new()),
                    Outcome::Failed(f) => {
                        let mut kids: Vec<&str> =
                            f.iter().filter_map(|x| x.child_id.as_deref()).collect();
                        kids.sort_unstable();
                        kids.dedup();
                        ("failed", f.len(), kids.len(), String::new())
                    }
                    Outcome::Skipped(why) => ("skipped", 0, 0, why.clone()),
                    Outcome::Broken(why) => ("broken", 0, 0, format!("rule defect: {why}")),
                    Outcome::NotThisYear => ("not this year", 0, 0, String::new()),
                };
                RuleLine {
                    code: r.meta.code,
                    message: r.meta.message,
                    severity: r.meta.severity,
                    status,
                    findings,
                    children,
                    note,
                }
            })
            .collect()
    }

    /// Children with findings: (child id, errors, queries, distinct codes), most findings first.
    pub fn by_child(&self) -> Vec<(String, usize, usize, Vec<&'static str>)> {
        let mut map: BTreeMap<&str, (usize, usize, Vec<&'static str>)> = BTreeMap::new();
        for f in self.findings() {
            let Some(child) = f.child_id.as_deref() else {
                continue;
            };
            let entry = map.entry(child).or_default();
            match f.severity {
                Severity::Error => entry.0 += 1,
                Severity::Query => entry.1 += 1,
            }
            if !entry.2.contains(&f.rule_code) {
                entry.2.push(f.rule_code);
            }
        }
        let mut out: Vec<_> = map
            .into_iter()
            .map(|(c, (e, q, codes))| (c.to_owned(), e, q, codes))
            .collect();
        out.sort_by(|a, b| (b.1 + b.2).cmp(&(a.1 + a.2)).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// (errors, queries) found.
    pub fn totals(&self) -> (usize, usize) {
        self.findings().fold((0, 0), |(e, q), f| match f.severity {
            Severity::Error => (e + 1, q),
            Severity::Query => (e, q + 1),
        })
    }
}

fn fields(f: &Finding) -> String {
    f.fields.join(";")
}

/// Writes the findings as CSV.
pub fn write_csv(path: &Path, report: &DataQualityReport) -> Result<(), ReportError> {
    let err = |source| ReportError::Csv {
        path: path.to_path_buf(),
        source,
    };
    let mut w = csv::Writer::from_path(path).map_err(err)?;
    let mut header = vec![
        "rule_code",
        "table",
        "row_number",
        "child_id",
        "fields",
        "message",
    ];
    if report.with_severity {
        header.push("severity");
    }
    w.write_record(&header).map_err(err)?;
    for f in report.findings() {
        let row = f.row_number.map(|n| n.to_string()).unwrap_or_default();
        let mut record = vec![
            f.rule_code.to_owned(),
            f.table.to_owned(),
            row,
            f.child_id.clone().unwrap_or_default(),
            fields(f),
            f.message.trim().to_owned(),
        ];
        if report.with_severity {
            record.push(f.severity.name().to_owned());
        }
        w.write_record(&record).map_err(err)?;
    }
    w.flush().map_err(|source| ReportError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes the findings as an XLSX workbook: summary by rule, by child, and every finding.
pub fn write_xlsx(path: &Path, report: &DataQualityReport) -> Result<(), ReportError> {
    use rust_xlsxwriter::{Format, Workbook};
    let err = |source| ReportError::Xlsx {
        path: path.to_path_buf(),
        source,
    };
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();

    let sheet = book.add_worksheet().set_name("By rule").map_err(err)?;
    let heads = [
        "Rule", "Severity", "Status", "Findings", "Children", "Message", "Note",
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &bold)
            .map_err(err)?;
    }
    for (i, line) in report.by_rule().iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, line.code).map_err(err)?;
        sheet
            .write_string(r, 1, line.severity.name())
            .map_err(err)?;
        sheet.write_string(r, 2, line.status).map_err(err)?;
        sheet
            .write_number(r, 3, line.findings as f64)
            .map_err(err)?;
        sheet
            .write_number(r, 4, line.children as f64)
            .map_err(err)?;
        sheet.write_string(r, 5, line.message.trim()).map_err(err)?;
        sheet.write_string(r, 6, &line.note).map_err(err)?;
    }

    let sheet = book.add_worksheet().set_name("By child").map_err(err)?;
    for (c, h) in ["Child", "Errors", "Queries", "Rules"].iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &bold)
            .map_err(err)?;
    }
    for (i, (child, e, q, codes)) in report.by_child().iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, child).map_err(err)?;
        sheet.write_number(r, 1, *e as f64).map_err(err)?;
        sheet.write_number(r, 2, *q as f64).map_err(err)?;
        sheet.write_string(r, 3, codes.join(", ")).map_err(err)?;
    }

    let sheet = book.add_worksheet().set_name("Findings").map_err(err)?;
    let heads = [
        "rule_code",
        "table",
        "row_number",
        "child_id",
        "fields",
        "message",
        "severity",
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &bold)
            .map_err(err)?;
    }
    for (i, f) in report.findings().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, f.rule_code).map_err(err)?;
        sheet.write_string(r, 1, f.table).map_err(err)?;
        if let Some(n) = f.row_number {
            sheet.write_number(r, 2, n as f64).map_err(err)?;
        }
        sheet
            .write_string(r, 3, f.child_id.as_deref().unwrap_or(""))
            .map_err(err)?;
        sheet.write_string(r, 4, fields(f)).map_err(err)?;
        sheet.write_string(r, 5, f.message.trim()).map_err(err)?;
        sheet.write_string(r, 6, f.severity.name()).map_err(err)?;
    }
    book.save(path).map_err(err)
}

/// Most record-level rows shown in the HTML page; the CSV and XLSX carry them all.
const HTML_RECORD_LIMIT: usize = 2000;

/// Writes the self-contained HTML data-quality report.
pub fn write_html(path: &Path, report: &DataQualityReport) -> Result<(), ReportError> {
    std::fs::write(path, render_html(report)).map_err(|source| ReportError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Renders the HTML data-quality report.
pub fn render_html(report: &DataQualityReport) -> String {
    let lines = report.by_rule();
    let (errors, queries) = report.totals();
    let children = report.by_child();
    let count = |s: &str| lines.iter().filter(|l| l.status == s).count();
    let mut body = String::new();
    body.push_str(&format!(
        "<div class=\"summary\"><div><span class=\"big\">{errors}</span>errors</div><div><span class=\"big\">{queries}</span>queries</div><div><span class=\"big\">{}</span>children affected</div><div><span class=\"big\">{}</span>rules passed</div><div><span class=\"big\">{}</span>rules failed</div><div><span class=\"big\">{}</span>rules skipped</div><div><span class=\"big\">{}</span>rules broken</div></div>",
        children.len(),
        count("passed"),
        count("failed"),
        count("skipped"),
        count("broken"),
    ));

    body.push_str("<h2 id=\"by-rule\">Findings by rule</h2>\n<table><caption>Rules that found something</caption><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Severity</th><th scope=\"col\" class=\"num\">Findings</th><th scope=\"col\" class=\"num\">Children</th><th scope=\"col\">Message</th></tr></thead><tbody>\n");
    for l in lines.iter().filter(|l| l.status == "failed") {
        body.push_str(&format!(
            "<tr><td>{}</td><td><span class=\"tag {sev}\">{sev}</span></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
            escape(l.code),
            l.findings,
            l.children,
            escape(l.message.trim()),
            sev = l.severity.name(),
        ));
    }
    body.push_str("</tbody></table>\n");

    let not_run: Vec<&RuleLine> = lines
        .iter()
        .filter(|l| l.status == "skipped" || l.status == "broken")
        .collect();
    if !not_run.is_empty() {
        body.push_str("<h2 id=\"not-run\">Rules not run</h2>\n<table><caption>Rules skipped or broken, and why</caption><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Status</th><th scope=\"col\">Why</th></tr></thead><tbody>\n");
        for l in not_run {
            body.push_str(&format!(
                "<tr><td>{}</td><td><span class=\"tag {s}\">{s}</span></td><td>{}</td></tr>\n",
                escape(l.code),
                escape(&l.note),
                s = l.status,
            ));
        }
        body.push_str("</tbody></table>\n");
    }

    body.push_str("<h2 id=\"by-child\">Findings by child</h2>\n<table><caption>Children with the most findings first</caption><thead><tr><th scope=\"col\">Child</th><th scope=\"col\" class=\"num\">Errors</th><th scope=\"col\" class=\"num\">Queries</th><th scope=\"col\">Rules</th></tr></thead><tbody>\n");
    for (child, e, q, codes) in children.iter().take(HTML_RECORD_LIMIT) {
        body.push_str(&format!(
            "<tr><td>{}</td><td class=\"num\">{e}</td><td class=\"num\">{q}</td><td>{}</td></tr>\n",
            escape(child),
            escape(&codes.join(", ")),
        ));
    }
    body.push_str("</tbody></table>\n");

    let total = report.findings().count();
    body.push_str("<h2 id=\"records\">Every finding</h2>\n");
    if total > HTML_RECORD_LIMIT {
        body.push_str(&format!(
            "<p class=\"muted\">The first {HTML_RECORD_LIMIT} of {total} findings; the CSV and XLSX outputs list them all.</p>\n"
        ));
    }
    body.push_str("<table><caption>Record-level findings</caption><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Table</th><th scope=\"col\" class=\"num\">Row</th><th scope=\"col\">Child</th><th scope=\"col\">Fields</th><th scope=\"col\">Message</th></tr></thead><tbody>\n");
    for f in report.findings().take(HTML_RECORD_LIMIT) {
        body.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(f.rule_code),
            escape(f.table),
            f.row_number.map(|n| n.to_string()).unwrap_or_default(),
            escape(f.child_id.as_deref().unwrap_or("")),
            escape(&fields(f)),
            escape(f.message.trim()),
        ));
    }
    body.push_str("</tbody></table>\n");
    page(
        &format!("Data quality: {}", report.return_name),
        Some(
            "Internal: contains child identifiers. For the data team only; do not publish or forward.",
        ),
        &body,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use sightline_rules::{RuleMeta, Years};

    static A: RuleMeta = RuleMeta {
        code: "103",
        message: "The ethnicity code is either not valid or has not been entered.",
        severity: Severity::Error,
        tables: &["Header"],
        fields: &["ETHNIC"],
        years: Years::from(2023),
    };
    static B: RuleMeta = RuleMeta {
        code: "8525Q",
        message: "A query, with <markup> & \"quotes\".",
        severity: Severity::Query,
        tables: &["CINdetails"],
        fields: &["X", "Y"],
        years: Years::from(2023),
    };
    static C: RuleMeta = RuleMeta {
        code: "221",
        message: "Needs providers.",
        severity: Severity::Error,
        tables: &["Episodes"],
        fields: &["URN"],
        years: Years::from(2023),
    };

    fn finding(meta: &'static RuleMeta, row: u64, child: &str) -> Finding {
        Finding {
            rule_code: meta.code,
            table: meta.tables[0],
            row_number: Some(row),
            child_id: Some(child.into()),
            fields: meta.fields.to_vec(),
            message: meta.message,
            severity: meta.severity,
        }
    }

    fn reports() -> Vec<RuleReport> {
        vec![
            RuleReport {
                meta: &A,
                outcome: Outcome::Failed(vec![finding(&A, 2, "C1"), finding(&A, 5, "C2")]),
            },
            RuleReport {
                meta: &B,
                outcome: Outcome::Failed(vec![finding(&B, 1, "C1")]),
            },
            RuleReport {
                meta: &C,
                outcome: Outcome::Skipped("no provider lists".into()),
            },
        ]
    }

    #[test]
    fn summaries_count_findings_and_children() {
        let reports = reports();
        let r = DataQualityReport {
            return_name: "test".into(),
            with_severity: true,
            reports: &reports,
        };
        assert_eq!(r.totals(), (2, 1));
        let by_child = r.by_child();
        assert_eq!(by_child[0], ("C1".to_owned(), 1, 1, vec!["103", "8525Q"]));
        assert_eq!(by_child[1], ("C2".to_owned(), 1, 0, vec!["103"]));
        let lines = r.by_rule();
        assert_eq!(lines[0].findings, 2);
        assert_eq!(lines[0].children, 2);
        assert_eq!(lines[2].status, "skipped");
    }

    #[test]
    fn csv_has_the_fixed_columns() {
        let reports = reports();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        let r = DataQualityReport {
            return_name: "test".into(),
            with_severity: false,
            reports: &reports,
        };
        write_csv(&path, &r).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("rule_code,table,row_number,child_id,fields,message")
        );
        assert_eq!(
            lines.next(),
            Some(
                "103,Header,2,C1,ETHNIC,The ethnicity code is either not valid or has not been entered."
            )
        );
        assert_eq!(
            lines.nth(1),
            Some("8525Q,CINdetails,1,C1,X;Y,\"A query, with <markup> & \"\"quotes\"\".\"")
        );
    }

    #[test]
    fn html_escapes_and_lists_skipped_rules() {
        let reports = reports();
        let r = DataQualityReport {
            return_name: "test".into(),
            with_severity: true,
            reports: &reports,
        };
        let html = render_html(&r);
        assert!(html.contains("&lt;markup&gt; &amp; &quot;quotes&quot;"));
        assert!(!html.contains("<markup>"));
        assert!(html.contains("no provider lists"));
        assert!(html.contains("For the data team only"));
    }

    #[test]
    fn xlsx_has_three_sheets_with_every_finding() {
        use calamine::{Reader, Xlsx, open_workbook};
        let reports = reports();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.xlsx");
        let r = DataQualityReport {
            return_name: "test".into(),
            with_severity: true,
            reports: &reports,
        };
        write_xlsx(&path, &r).unwrap();
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(book.sheet_names(), vec!["By rule", "By child", "Findings"]);
        let findings = book.worksheet_range("Findings").unwrap();
        assert_eq!(findings.height(), 4);
    }
}
