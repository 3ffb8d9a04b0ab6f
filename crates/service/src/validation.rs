//! Validating a return's files and recording the run in the store: shared by `sightline import`,
//! `demo`, `report` (the data-quality report) and the web app's upload page, so a return gets the
//! same findings and the same stored run whichever way it came in.

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDateTime;
use sightline_formats::FormatError;
use sightline_formats::cin::{CinChild, CinChildren};
use sightline_formats::ssda903::Ssda903Tables;
use sightline_model::ids::LaCode;
use sightline_rules::cin::{CinReturn, Validator};
use sightline_rules::ssda903::{PostcodeReference, Ssda903Return};
use sightline_rules::{Outcome, RuleReport};
use sightline_store::{AppStore, NewValidationRun, SnapshotId, StoredFinding};
use std::path::{Path, PathBuf};

/// Whether a source format (`Format::name`) has DfE rules: `ssda903` and `cin`.
pub fn has_rules(ruleset: &str) -> bool {
    matches!(ruleset, "ssda903" | "cin")
}

/// Runs the rules of a return's files: the SSDA903 tables, or one CIN census file (`ruleset` is
/// the format's name, `ssda903` or `cin`).
pub fn validate_files(
    ruleset: &str,
    files: &[PathBuf],
    year: i32,
    la: Option<LaCode>,
) -> Result<Vec<RuleReport>> {
    match ruleset {
        "ssda903" => {
            let tables = sightline_formats::ssda903::read_tables(files)?;
            Ok(validate_903_tables(&tables, None, None, la, year))
        }
        "cin" => {
            let file = files.first().context("no CIN census file")?;
            validate_cin(file, year)
        }
        other => bail!("no validation rules for {other} files"),
    }
}

/// Validates already-read 903 tables (no Ofsted provider list: the URN rules are skipped).
pub fn validate_903_tables(
    current: &Ssda903Tables,
    previous: Option<&Ssda903Tables>,
    postcodes: Option<&dyn PostcodeReference>,
    la_code: Option<LaCode>,
    year: i32,
) -> Vec<RuleReport> {
    let data = Ssda903Return {
        current,
        previous,
        year,
        postcodes,
        la_code,
        providers: None,
    };
    sightline_rules::ssda903::validate(&data)
}

/// Streams a CIN census file through the rules of `year`. One thread parses the XML while this
/// one runs the rules, children passing between them in small batches through a bounded queue,
/// so memory stays bounded by a few batches of children whatever the file size.
pub fn validate_cin(file: &Path, year: i32) -> Result<Vec<RuleReport>> {
    const BATCH: usize = 64;
    let mut children = CinChildren::open(file)?;
    let header = children.read_header()?.cloned();
    let data = CinReturn {
        header: header.as_ref(),
        year,
        la_code: None,
    };
    let mut validator = Validator::new(&data);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Result<CinChild, FormatError>>>(8);
    std::thread::scope(|scope| -> Result<()> {
        scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            for child in children.by_ref() {
                batch.push(child);
                if batch.len() == BATCH && tx.send(std::mem::take(&mut batch)).is_err() {
                    return; // the rules side stopped at an error
                }
            }
            let _ = tx.send(batch);
        });
        for batch in rx {
            for child in batch {
                validator.child(&child?);
            }
        }
        Ok(())
    })?;
    Ok(validator.finish())
}

/// Findings of a run as the store keeps them, with (rules run, rules skipped).
pub fn stored_findings(reports: &[RuleReport]) -> (Vec<StoredFinding>, u32, u32) {
    let mut findings = Vec::new();
    let (mut run, mut skipped) = (0, 0);
    for r in reports {
        match &r.outcome {
            Outcome::Passed => run += 1,
            Outcome::Failed(found) => {
                run += 1;
                findings.extend(found.iter().map(|f| StoredFinding {
                    rule_code: f.rule_code.to_owned(),
                    severity: f.severity.name().to_owned(),
                    table: f.table.to_owned(),
                    row_number: f.row_number,
                    child_id: f.child_id.clone(),
                    fields: f.fields.join(","),
                    message: f.message.trim().to_owned(),
                }));
            }
            Outcome::Skipped(_) | Outcome::Broken(_) => skipped += 1,
            Outcome::NotThisYear => {}
        }
    }
    (findings, run, skipped)
}

/// A validation run as recorded in the store.
#[derive(Debug, Clone)]
pub struct RecordedRun {
    /// The run's id in the store.
    pub run: i64,
    /// Rules that ran.
    pub rules_run: u32,
    /// Rules that could not run (missing reference data, last year's return...).
    pub rules_skipped: u32,
    /// Findings of severity error.
    pub errors: u64,
    /// Findings of severity query.
    pub queries: u64,
    /// The findings stored.
    pub findings: Vec<StoredFinding>,
}

/// Records the validation of a snapshot's return (`ssda903` or `cin`) in the store.
pub fn record_validation(
    store: &dyn AppStore,
    snapshot: SnapshotId,
    ruleset: &str,
    year: i32,
    reports: &[RuleReport],
    ran_at: NaiveDateTime,
) -> Result<RecordedRun> {
    let (findings, rules_run, rules_skipped) = stored_findings(reports);
    let queries = findings.iter().filter(|f| f.severity == "query").count() as u64;
    let errors = findings.len() as u64 - queries;
    let run = store.record_validation(&NewValidationRun {
        snapshot,
        ruleset: ruleset.to_owned(),
        collection_year: year,
        ran_at,
        rules_run,
        rules_skipped,
        findings: &findings,
    })?;
    Ok(RecordedRun {
        run,
        rules_run,
        rules_skipped,
        errors,
        queries,
        findings,
    })
}

/// "SSDA903 2025-26", "CIN census 2025-26".
pub fn return_name(ruleset: &str, year: i32) -> String {
    let label = match ruleset {
        "ssda903" => "SSDA903",
        "cin" => "CIN census",
        other => other,
    };
    format!("{label} {}-{:02}", year - 1, year % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_names_use_the_collection_year() {
        assert_eq!(return_name("ssda903", 2026), "SSDA903 2025-26");
        assert_eq!(return_name("cin", 2020), "CIN census 2019-20");
    }

    #[test]
    fn findings_are_stored_and_counted_by_outcome() {
        let dir = tempfile::tempdir().unwrap();
        let header = dir.path().join("header.csv");
        // A header table alone: the rules over episodes or last year's return cannot run.
        std::fs::write(
            &header,
            "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,M,01/01/2010,WBRI,UN1,,\n",
        )
        .unwrap();
        let reports = validate_files("ssda903", &[header], 2026, None).unwrap();
        let (findings, run, skipped) = stored_findings(&reports);
        let failed = reports
            .iter()
            .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
            .count();
        let passed = reports
            .iter()
            .filter(|r| matches!(r.outcome, Outcome::Passed))
            .count();
        assert_eq!(run as usize, failed + passed);
        assert!(
            skipped > 0,
            "rules needing episodes or last year are skipped"
        );
        assert!(findings.iter().all(|f| !f.message.ends_with(' ')));
        assert!(validate_files("ssd", &[], 2026, None).is_err());
    }
}
