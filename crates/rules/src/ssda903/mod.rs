//! The SSDA903 validation rules (collection 2025-26, with year ranges for other years): one file
//! per DfE code, registered in [`RULES`], run by [`validate`].
//!
//! A rule reads the lenient tables of the current return (and last year's, for rules comparing
//! the two), never raw strings: invalid values arrive as `Cell::Invalid` and are findings.
//! Rules that need something the run lacks (a table, last year's return, the postcode reference,
//! the Ofsted provider lists) are skipped with the reason.

mod catalogue;
mod fixture;
mod reference;
mod urn;

pub use reference::PostcodeReference;

use crate::engine::{Findings, Outcome, RuleMeta, RuleReport, run_isolated};
use rayon::prelude::*;
use sightline_formats::ssda903::{Ssda903Table, Ssda903Tables};
use sightline_model::ids::LaCode;

/// The hash map every 903 rule uses: std's map with foldhash instead of SipHash, whose DoS
/// resistance a validator of the council's own files does not need and which was a third of
/// the run time on 100,000 children. Build with `HashMap::default()`.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// The hash set every 903 rule uses (see [`HashMap`]). Build with `HashSet::default()`.
pub(crate) type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// An empty [`HashMap`] with room for `n` keys: the per-child look-ups know their size, and
/// growing a 100,000-key map step by step rehashes it several times.
pub(crate) fn map_with_capacity<K, V>(n: usize) -> HashMap<K, V> {
    HashMap::with_capacity_and_hasher(n, foldhash::fast::RandomState::default())
}

mod rule_103;

// The catalogue is kept in four registry files by code range (A: 101-199, B: 200-399,
// C: 400-599, D: 600+, INT, SW, EPI, NoE), each with its shared helpers; `RULES` joins them.
mod group_a;
mod group_b;
mod group_c;
mod group_d;

/// Everything a 903 rule may read.
pub struct Ssda903Return<'a> {
    /// This year's tables.
    pub current: &'a Ssda903Tables,
    /// Last year's tables, for the rules that compare the two.
    pub previous: Option<&'a Ssda903Tables>,
    /// The collection year, named by its ending year (2026 = 2025-26).
    pub year: i32,
    /// Postcode reference data, for placement distance and placement LA.
    pub postcodes: Option<&'a dyn PostcodeReference>,
    /// The submitting council, when known.
    pub la_code: Option<LaCode>,
    /// Ofsted's provider lists (`--providers`), for the URN rules.
    pub providers: Option<&'a crate::providers::ProviderList>,
}

impl Ssda903Return<'_> {
    /// First day of the collection year (1 April).
    pub fn year_start(&self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(self.year - 1, 4, 1).unwrap_or(chrono::NaiveDate::MIN)
    }

    /// Last day of the collection year (31 March).
    pub fn year_end(&self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(self.year, 3, 31).unwrap_or(chrono::NaiveDate::MAX)
    }
}

/// Something a rule needs beyond its own tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// This table in the current return.
    Table(Ssda903Table),
    /// This table in last year's return.
    PreviousTable(Ssda903Table),
    /// The postcode reference file (`--postcodes`).
    Postcodes,
    /// Ofsted's lists of children's homes and social care providers (`--providers`).
    OfstedProviders,
    /// The submitting council's LA code (`--la`).
    LaCode,
}

/// One SSDA903 validation rule.
pub trait Rule: Sync {
    /// Code, message, tables, fields, years.
    fn meta(&self) -> &'static RuleMeta;
    /// What the rule needs to run.
    fn needs(&self) -> &'static [Needs];
    /// Writes a finding for every offending row. Never fails: bad data is the output.
    fn check(&self, data: &Ssda903Return, out: &mut Findings);
}

/// Every 903 rule, in code order.
pub static RULES: std::sync::LazyLock<Vec<&'static dyn Rule>> = std::sync::LazyLock::new(|| {
    let mut all: Vec<&'static dyn Rule> = vec![&rule_103::Rule103];
    for part in [
        group_a::RULES,
        group_b::RULES,
        group_c::RULES,
        group_d::RULES,
    ] {
        all.extend_from_slice(part);
    }
    all
});

/// A row's `SEX` as the collection year codes it: `M`/`F`/`U` from 2024-25, and before that
/// also the legacy `1` (male) and `2` (female), which the reader keeps as invalid text.
pub(crate) fn sex_in_year(
    cell: &sightline_formats::ssda903::Cell<sightline_model::codes::Sex>,
    year: i32,
) -> Option<sightline_model::codes::Sex> {
    use sightline_formats::ssda903::{Cell, legacy_sex_code};
    match cell {
        Cell::Value(sex) => Some(*sex),
        Cell::Invalid(text) if year < SEX_M_F_FROM => legacy_sex_code(text),
        _ => None,
    }
}

/// The sex a `SEX` cell records in either coding (for comparing a child across years).
pub(crate) fn sex_any_coding(
    cell: &sightline_formats::ssda903::Cell<sightline_model::codes::Sex>,
) -> Option<sightline_model::codes::Sex> {
    sex_in_year(cell, SEX_M_F_FROM - 1)
}

/// First collection year (named by its ending year) whose `SEX` codes are `M`/`F`/`U` (2024-25).
pub(crate) const SEX_M_F_FROM: i32 = 2025;

/// Why a rule needing Ofsted's provider lists is skipped without them.
pub const PROVIDERS_NOT_SUPPLIED: &str =
    "reference list not supplied: Ofsted's provider lists (--providers)";

/// Why a rule cannot run on this data, if it cannot.
fn skip_reason(rule: &dyn Rule, data: &Ssda903Return) -> Option<String> {
    rule.needs().iter().find_map(|need| match *need {
        Needs::Table(t) if !data.current.has(t) => {
            Some(format!("no {} table was supplied", t.name()))
        }
        Needs::PreviousTable(t) if data.previous.is_none_or(|p| !p.has(t)) => Some(format!(
            "last year's {} table was not supplied (--previous)",
            t.name()
        )),
        Needs::Postcodes if data.postcodes.is_none() => {
            Some("no postcode reference was supplied (--postcodes)".to_owned())
        }
        Needs::OfstedProviders if data.providers.is_none() => {
            Some(PROVIDERS_NOT_SUPPLIED.to_owned())
        }
        Needs::LaCode if data.la_code.is_none() => {
            Some("the council's LA code was not supplied (--la)".to_owned())
        }
        _ => None,
    })
}

/// Runs every rule that applies to `data.year`, in parallel; reports in registry order.
pub fn validate(data: &Ssda903Return) -> Vec<RuleReport> {
    RULES
        .par_iter()
        .map(|rule| {
            let meta = rule.meta();
            let outcome = if !meta.years.contains(data.year) {
                Outcome::NotThisYear
            } else if let Some(reason) = skip_reason(*rule, data) {
                Outcome::Skipped(reason)
            } else {
                run_isolated(meta, |out| rule.check(data, out))
            };
            RuleReport { meta, outcome }
        })
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
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/ssda903"))
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

    #[test]
    fn a_missing_table_skips_the_rule_with_its_reason() {
        let tables = Ssda903Tables::default();
        let data = Ssda903Return {
            current: &tables,
            previous: None,
            year: 2026,
            postcodes: None,
            la_code: None,
            providers: None,
        };
        let reports = validate(&data);
        let r103 = reports.iter().find(|r| r.meta.code == "103").unwrap();
        assert_eq!(
            r103.outcome,
            Outcome::Skipped("no Header table was supplied".into())
        );
    }
}
