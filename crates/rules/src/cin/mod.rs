//! The CIN census validation rules (2025-26; 2026-27 drafts behind a year range): one file per
//! DfE code, registered in [`RULES`], run over a streamed file by [`validate_stream`].
//!
//! The census is read one `<Child>` at a time, so memory is bounded by one child. Most rules look
//! at one child ([`Rule::check_child`]); the few that compare children or read the header
//! ([`Rule::check_return`]) see a [`ReturnSummary`] the engine gathers as the file streams
//! (identifiers and UPNs with their positions, not whole records).

mod catalogue;
mod fixture;

use crate::engine::{Finding, Findings, Outcome, RuleMeta, RuleReport};
use sightline_formats::cin::{Cell, CinChild, CinHeader};
use sightline_model::ids::LaCode;
use std::panic::{AssertUnwindSafe, catch_unwind};

mod rule_4220;
// Schema-level checks run with the catalogue but are not DfE-numbered rules.
mod schema;

// The catalogue is kept in two registry files by code (A: 100-8608, B: 8610 onwards), each with
// its shared helpers; `RULES` joins them.
mod group_a;
mod group_b;

/// What every CIN rule may read besides the child.
pub struct CinReturn<'a> {
    /// The file's header, if it has one.
    pub header: Option<&'a CinHeader>,
    /// The collection year, named by its ending year (2026 = 2025-26).
    pub year: i32,
    /// The submitting council, when known from outside the file.
    pub la_code: Option<LaCode>,
}

impl CinReturn<'_> {
    /// First day of the census year (1 April).
    pub fn year_start(&self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(self.year - 1, 4, 1).unwrap_or(chrono::NaiveDate::MIN)
    }

    /// The reference date (31 March of the collection year).
    pub fn reference_date(&self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(self.year, 3, 31).unwrap_or(chrono::NaiveDate::MAX)
    }
}

/// What the engine gathers across children for return-level rules: identifiers with their
/// positions, and a few counts. Everything here is small per child (no records are kept).
#[derive(Clone, Debug, Default)]
pub struct ReturnSummary {
    /// Number of `<Child>` elements.
    pub children: u64,
    /// Every `LAchildID` text with the child's position.
    pub child_ids: Vec<(String, u64)>,
    /// Every UPN text with the child's position and id.
    pub upns: Vec<(String, u64, String)>,
    /// `CPPstartDate`s falling in the census year (rule 2883).
    pub cp_plans_started_in_year: u64,
    /// `DateOfInitialCPC`s falling in the census year, of `CINdetails` and `Section47` elements
    /// together (rule 2883).
    pub initial_conferences_in_year: u64,
    /// Children with `Sex` blank or `U` and no `ExpectedPersonBirthDate` (rule 2886Q).
    pub born_children_without_sex: u64,
    /// The valid disability codes used anywhere in the return, `NONE` excluded (rule 2887Q).
    pub disability_codes: std::collections::BTreeSet<sightline_model::codes::Disability>,
    /// Children with at least one `Disability` other than `NONE` (rule 2888Q).
    pub children_with_a_disability: u64,
    /// Children with more than one `Disability` other than `NONE` (rule 2888Q).
    pub children_with_several_disabilities: u64,
}

impl ReturnSummary {
    /// Adds one child's identifiers and counts.
    pub fn add(&mut self, data: &CinReturn, child: &CinChild) {
        self.children += 1;
        let id = child
            .la_child_id
            .value()
            .map(|c| c.as_str().to_owned())
            .unwrap_or_default();
        if let Some(upn) = child.upn.value() {
            self.upns
                .push((upn.as_str().to_owned(), child.position, id.clone()));
        }
        self.child_ids.push((id, child.position));
        self.count_conferences_and_plans(data, child);
        let no_sex = matches!(
            child.sex,
            Cell::Blank | Cell::Value(sightline_model::codes::Sex::Unknown)
        );
        if no_sex && child.expected_person_birth_date.is_blank() {
            self.born_children_without_sex += 1;
        }
        self.count_disabilities(child);
    }

    fn count_conferences_and_plans(&mut self, data: &CinReturn, child: &CinChild) {
        let in_year = |cell: &Cell<chrono::NaiveDate>| {
            cell.value()
                .is_some_and(|d| data.year_start() <= *d && *d <= data.reference_date())
        };
        for episode in &child.cin_details {
            let s47s = episode
                .section47s
                .iter()
                .filter(|s| in_year(&s.date_of_initial_cpc));
            let plans = episode.cp_plans.iter().filter(|p| in_year(&p.start));
            self.initial_conferences_in_year +=
                u64::from(in_year(&episode.date_of_initial_cpc)) + s47s.count() as u64;
            self.cp_plans_started_in_year += plans.count() as u64;
        }
    }

    fn count_disabilities(&mut self, child: &CinChild) {
        use sightline_model::codes::Disability;
        let mut recorded = 0;
        for item in &child.disabilities {
            match &item.value {
                Cell::Value(Disability::NONE) | Cell::Blank => {}
                Cell::Value(code) => {
                    self.disability_codes.insert(*code);
                    recorded += 1;
                }
                // An invalid code is still a disability recorded (rule 8610 reports the code).
                Cell::Invalid(_) => recorded += 1,
            }
        }
        self.children_with_a_disability += u64::from(recorded > 0);
        self.children_with_several_disabilities += u64::from(recorded > 1);
    }
}

/// One CIN census validation rule.
pub trait Rule: Sync {
    /// Code, message, severity, elements, years.
    fn meta(&self) -> &'static RuleMeta;
    /// Checks one child. Never fails: bad data is the output.
    fn check_child(&self, _data: &CinReturn, _child: &CinChild, _out: &mut Findings) {}
    /// Checks the return as a whole, after every child has been seen.
    fn check_return(&self, _data: &CinReturn, _summary: &ReturnSummary, _out: &mut Findings) {}
}

/// Every CIN rule of the DfE catalogue, in code order.
pub static RULES: std::sync::LazyLock<Vec<&'static dyn Rule>> = std::sync::LazyLock::new(|| {
    let mut all: Vec<&'static dyn Rule> = vec![&rule_4220::Rule4220];
    all.extend_from_slice(group_a::RULES);
    all.extend_from_slice(group_b::RULES);
    all
});

/// Checks the census schema makes before the DfE rules (`DATE`: impossible dates), run by the
/// [`Validator`] after [`RULES`] so that bad values are reported, never silently dropped.
pub static SCHEMA_CHECKS: &[&dyn Rule] = &[&schema::RuleDate];

/// Runs rules over children as they stream; keeps findings per rule and isolates panics.
pub struct Validator<'a> {
    data: &'a CinReturn<'a>,
    states: Vec<RuleState>,
    summary: ReturnSummary,
}

struct RuleState {
    meta: &'static RuleMeta,
    rule: &'static dyn Rule,
    findings: Findings,
    broken: Option<String>,
}

impl<'a> Validator<'a> {
    /// A validator for the rules of `data.year`.
    pub fn new(data: &'a CinReturn<'a>) -> Self {
        let states = RULES
            .iter()
            .chain(SCHEMA_CHECKS)
            .map(|rule| RuleState {
                meta: rule.meta(),
                rule: *rule,
                findings: Findings::new(rule.meta()),
                broken: None,
            })
            .collect();
        Validator {
            data,
            states,
            summary: ReturnSummary::default(),
        }
    }

    /// Checks one child with every rule that applies this year.
    pub fn child(&mut self, child: &CinChild) {
        let data = self.data;
        self.summary.add(data, child);
        for state in self
            .states
            .iter_mut()
            .filter(|s| s.broken.is_none() && s.meta.years.contains(data.year))
        {
            let rule = state.rule;
            let findings = &mut state.findings;
            if let Err(panic) =
                catch_unwind(AssertUnwindSafe(|| rule.check_child(data, child, findings)))
            {
                state.broken = Some(panic_text(&panic));
            }
        }
    }

    /// Runs the return-level checks and reports every rule's outcome, in registry order.
    pub fn finish(mut self) -> Vec<RuleReport> {
        let data = self.data;
        let summary = &self.summary;
        self.states
            .drain(..)
            .map(|mut state| {
                let meta = state.meta;
                if !meta.years.contains(data.year) {
                    return RuleReport {
                        meta,
                        outcome: Outcome::NotThisYear,
                    };
                }
                if state.broken.is_none() {
                    let rule = state.rule;
                    let findings = &mut state.findings;
                    if let Err(panic) = catch_unwind(AssertUnwindSafe(|| {
                        rule.check_return(data, summary, findings)
                    })) {
                        state.broken = Some(panic_text(&panic));
                    }
                }
                let outcome = match state.broken {
                    Some(text) => Outcome::Broken(text),
                    None if state.findings.is_empty() => Outcome::Passed,
                    None => Outcome::Failed(state.findings.into_vec()),
                };
                RuleReport { meta, outcome }
            })
            .collect()
    }
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned())
}

/// Validates children from any source (a stream, or a test's list).
pub fn validate_children<'c>(
    data: &CinReturn,
    children: impl IntoIterator<Item = &'c CinChild>,
) -> Vec<RuleReport> {
    let mut validator = Validator::new(data);
    for child in children {
        validator.child(child);
    }
    validator.finish()
}

/// Every finding of a set of reports, in rule order.
pub fn all_findings(reports: &[RuleReport]) -> Vec<&Finding> {
    reports
        .iter()
        .filter_map(|r| match &r.outcome {
            Outcome::Failed(f) => Some(f.iter()),
            _ => None,
        })
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique() {
        let mut seen = HashSet::new();
        for rule in RULES.iter() {
            assert!(
                seen.insert(rule.meta().code),
                "duplicate {}",
                rule.meta().code
            );
        }
    }

    #[test]
    fn every_rule_file_is_registered() {
        let files: HashSet<String> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/cin"))
                .unwrap()
                .filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter_map(|n| {
                    n.strip_prefix("rule_")
                        .and_then(|n| n.strip_suffix(".rs"))
                        .map(str::to_lowercase)
                })
                .collect();
        let registered: HashSet<String> =
            RULES.iter().map(|r| r.meta().code.to_lowercase()).collect();
        assert_eq!(files, registered);
    }
}
