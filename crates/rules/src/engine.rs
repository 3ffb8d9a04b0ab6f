//! The rule engine shared by both returns: metadata, findings, outcomes, and the runner that
//! isolates each rule (a panicking rule is reported as broken; the others carry on).

use std::panic::{AssertUnwindSafe, catch_unwind};

/// Error or query (CIN census queries end in `Q`; 903 rules are all errors).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Must be fixed before the return is accepted.
    Error,
    /// Must be checked and explained, may be right.
    Query,
}

impl Severity {
    /// Lower-case name used in outputs.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Query => "query",
        }
    }
}

/// The collection years a rule applies to, named by their ending year (2026 = 2025-26).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Years {
    /// First collection year.
    pub from: i32,
    /// Last collection year, if the rule was withdrawn.
    pub to: Option<i32>,
}

impl Years {
    /// From `from` onwards.
    pub const fn from(from: i32) -> Years {
        Years { from, to: None }
    }

    /// From `from` to `to`, both included.
    pub const fn between(from: i32, to: i32) -> Years {
        Years { from, to: Some(to) }
    }

    /// Whether the rule applies to the collection year ending `year`.
    pub fn contains(self, year: i32) -> bool {
        year >= self.from && self.to.is_none_or(|to| year <= to)
    }
}

/// Everything that describes a rule.
#[derive(Clone, Copy, Debug)]
pub struct RuleMeta {
    /// The DfE code, e.g. `103`, `SW13STG1`, `8869`, `8670Q`.
    pub code: &'static str,
    /// The DfE message, verbatim.
    pub message: &'static str,
    /// Error or query.
    pub severity: Severity,
    /// Tables (903) or element groups (CIN) it reads.
    pub tables: &'static [&'static str],
    /// Fields it reads.
    pub fields: &'static [&'static str],
    /// Collection years it applies to.
    pub years: Years,
}

/// One record-level finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    /// The rule's code.
    pub rule_code: &'static str,
    /// Table (903) or element group (CIN) of the offending record.
    pub table: &'static str,
    /// 1-based data row in that table's file (903) or position of the element in its group across
    /// the file (CIN); `None` for return-level findings.
    pub row_number: Option<u64>,
    /// The child, when the finding is about one. Personal data: only in data-team outputs.
    pub child_id: Option<String>,
    /// The fields at fault.
    pub fields: Vec<&'static str>,
    /// The rule's message.
    pub message: &'static str,
    /// Error or query.
    pub severity: Severity,
}

/// Where a rule writes its findings; it fills in the code, message and severity itself.
pub struct Findings {
    meta: &'static RuleMeta,
    found: Vec<Finding>,
}

impl Findings {
    /// An empty collector for one rule.
    pub fn new(meta: &'static RuleMeta) -> Findings {
        Findings {
            meta,
            found: Vec::new(),
        }
    }

    /// Records a finding on a row of `table`.
    pub fn at(
        &mut self,
        table: &'static str,
        row_number: u64,
        child_id: Option<&str>,
        fields: &[&'static str],
    ) {
        self.push(table, Some(row_number), child_id, fields);
    }

    /// Records a return-level finding (no row).
    pub fn on_return(&mut self, table: &'static str, fields: &[&'static str]) {
        self.push(table, None, None, fields);
    }

    fn push(
        &mut self,
        table: &'static str,
        row_number: Option<u64>,
        child_id: Option<&str>,
        fields: &[&'static str],
    ) {
        self.found.push(Finding {
            rule_code: self.meta.code,
            table,
            row_number,
            child_id: child_id.map(str::to_owned),
            fields: fields.to_vec(),
            message: self.meta.message,
            severity: self.meta.severity,
        });
    }

    /// The findings so far.
    pub fn into_vec(self) -> Vec<Finding> {
        self.found
    }

    /// Number of findings so far.
    pub fn len(&self) -> usize {
        self.found.len()
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }
}

/// What happened when a rule ran.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Ran and found nothing.
    Passed,
    /// Ran and found these.
    Failed(Vec<Finding>),
    /// Did not run, and why (a table it needs is absent, a reference list was not supplied...).
    Skipped(String),
    /// Panicked: a defect in the rule, reported so the run is not silently incomplete.
    Broken(String),
    /// Does not apply to this collection year.
    NotThisYear,
}

/// A rule's outcome in a run.
#[derive(Clone, Debug)]
pub struct RuleReport {
    /// The rule.
    pub meta: &'static RuleMeta,
    /// What happened.
    pub outcome: Outcome,
}

/// Runs one check, turning a panic into [`Outcome::Broken`] and findings into the outcome.
pub fn run_isolated(meta: &'static RuleMeta, check: impl FnOnce(&mut Findings)) -> Outcome {
    let mut findings = Findings::new(meta);
    let result = catch_unwind(AssertUnwindSafe(|| check(&mut findings)));
    match result {
        Ok(()) if findings.is_empty() => Outcome::Passed,
        Ok(()) => Outcome::Failed(findings.into_vec()),
        Err(panic) => {
            let text = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Outcome::Broken(text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static META: RuleMeta = RuleMeta {
        code: "T1",
        message: "Test rule.",
        severity: Severity::Error,
        tables: &["Header"],
        fields: &["DOB"],
        years: Years::from(2023),
    };

    #[test]
    fn a_panicking_rule_is_reported_as_broken() {
        let outcome = run_isolated(&META, |_| panic!("index out of bounds"));
        assert_eq!(outcome, Outcome::Broken("index out of bounds".into()));
    }

    #[test]
    fn findings_carry_code_and_message() {
        let outcome = run_isolated(&META, |out| out.at("Header", 3, Some("C1"), &["DOB"]));
        let Outcome::Failed(found) = outcome else {
            panic!("expected findings")
        };
        assert_eq!(found[0].rule_code, "T1");
        assert_eq!(found[0].message, "Test rule.");
        assert_eq!(found[0].row_number, Some(3));
        assert_eq!(run_isolated(&META, |_| {}), Outcome::Passed);
    }

    #[test]
    fn years_bound_rules() {
        assert!(Years::from(2024).contains(2026));
        assert!(!Years::from(2024).contains(2023));
        assert!(!Years::between(2023, 2025).contains(2026));
    }
}
