//! `sightline validate ssda903|cin`: run the DfE validation rules over a return, print a summary
//! by rule and write the record-level findings.

use super::Done;
use crate::args::{
    FindingsFormat, FindingsOutput, Validate903Args, ValidateCinArgs, ValidateCommand,
};
use crate::progress::Ui;
use anyhow::{Context, Result};
use sightline_report::DataQualityReport;
use sightline_rules::{Outcome, RuleReport, Severity};
use std::path::Path;

pub fn run(command: &ValidateCommand, ui: &Ui) -> Result<Done> {
    match command {
        ValidateCommand::Ssda903(args) => ssda903(args, ui),
        ValidateCommand::Cin(args) => cin(args, ui),
    }
}

fn ssda903(args: &Validate903Args, ui: &Ui) -> Result<Done> {
    let step = ui.step("reading the 903 tables");
    let reports = sightline_cli::validation::validate_903(
        &args.paths,
        args.previous.as_deref(),
        args.postcodes.as_deref(),
        &args.providers,
        args.la_code.as_deref(),
        args.output.year,
    )?;
    ui.done(step, format!("ran {} rules", reports.len()));
    finish(
        &reports,
        &format!("SSDA903 {}", year_label(args.output.year)),
        false,
        &args.output,
    )
}

fn cin(args: &ValidateCinArgs, ui: &Ui) -> Result<Done> {
    let step = ui.step("streaming the CIN census");
    let reports = sightline_cli::validation::validate_cin(&args.file, args.output.year)?;
    ui.done(step, format!("ran {} rules", reports.len()));
    finish(
        &reports,
        &format!("CIN census {}", year_label(args.output.year)),
        true,
        &args.output,
    )
}

fn year_label(year: i32) -> String {
    format!("{}-{:02}", year - 1, year % 100)
}

fn finish(
    reports: &[RuleReport],
    name: &str,
    with_severity: bool,
    output: &FindingsOutput,
) -> Result<Done> {
    let report = DataQualityReport {
        return_name: name.to_owned(),
        with_severity,
        reports,
    };
    print_summary(&report);
    if let Some(out) = &output.out {
        write(out, output.format, &report)?;
        println!("findings written to {}", out.display());
    }
    let (errors, _) = report.totals();
    Ok(if errors > 0 {
        Done::ErrorsFound
    } else {
        Done::Clean
    })
}

/// Writes the report in the chosen format, or the one the file extension names.
pub fn write(out: &Path, format: Option<FindingsFormat>, report: &DataQualityReport) -> Result<()> {
    let format = format.unwrap_or(match out.extension().and_then(|e| e.to_str()) {
        Some("xlsx") => FindingsFormat::Xlsx,
        Some("html" | "htm") => FindingsFormat::Html,
        _ => FindingsFormat::Csv,
    });
    match format {
        FindingsFormat::Csv => sightline_report::write_csv(out, report),
        FindingsFormat::Xlsx => sightline_report::write_xlsx(out, report),
        FindingsFormat::Html => sightline_report::write_html(out, report),
    }
    .with_context(|| format!("cannot write the findings to {}", out.display()))
}

fn print_summary(report: &DataQualityReport) {
    let (errors, queries) = report.totals();
    println!("{}: {errors} errors, {queries} queries", report.return_name);
    let lines = report.by_rule();
    for line in lines.iter().filter(|l| l.status == "failed") {
        let sev = match line.severity {
            Severity::Error => "error",
            Severity::Query => "query",
        };
        println!(
            "  {:<10} {sev:<5} {:>6} findings {:>5} children  {}",
            line.code,
            line.findings,
            line.children,
            line.message.trim()
        );
    }
    let skipped = report
        .reports
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Skipped(_)))
        .count();
    let broken: Vec<&str> = report
        .reports
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Broken(_)))
        .map(|r| r.meta.code)
        .collect();
    let passed = lines.iter().filter(|l| l.status == "passed").count();
    println!("  {passed} rules passed, {skipped} skipped (see the report for why)");
    if !broken.is_empty() {
        println!(
            "  rules that broke (a defect in Sightline, please report): {}",
            broken.join(", ")
        );
    }
}
