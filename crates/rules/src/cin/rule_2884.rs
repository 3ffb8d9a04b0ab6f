//! 2884: an initial child protection conference is recorded at both the Section47 and the
//! CINdetails level (DfE CIN census validation rules 2025-26).
//!
//! As in the DfE community tool, a Section47 `DateOfInitialCPC` fails when the same date is also
//! a CINdetails-level `DateOfInitialCPC` of the same child, in any of the child's episodes (one
//! conference recorded twice). One finding per Section47 element; the tool also marks the
//! CINdetails row, which here would repeat the same error.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::NaiveDate;
use sightline_formats::cin::CinChild;

pub(crate) struct Rule2884;

static META: RuleMeta = RuleMeta {
    code: "2884",
    message: "An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one",
    severity: Severity::Error,
    tables: &["Section47", "CINdetails"],
    fields: &["DateOfInitialCPC"],
    years: Years::from(2023),
};

impl Rule for Rule2884 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let episode_level: Vec<NaiveDate> = child
            .cin_details
            .iter()
            .filter_map(|e| e.date_of_initial_cpc.value().copied())
            .collect();
        if episode_level.is_empty() {
            return;
        }
        for s47 in child.cin_details.iter().flat_map(|e| &e.section47s) {
            if s47
                .date_of_initial_cpc
                .value()
                .is_some_and(|d| episode_level.contains(d))
            {
                out.at(
                    "Section47",
                    s47.position,
                    child_id(child),
                    &["DateOfInitialCPC"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::{child, episode};

    fn s47(icpc: &str) -> String {
        format!("<Section47><DateOfInitialCPC>{icpc}</DateOfInitialCPC></Section47>")
    }

    #[test]
    fn same_conference_at_both_levels_fails() {
        let xml = [
            // Same date in another episode of the same child: fails.
            child(
                "A",
                "",
                &[
                    episode("<DateOfInitialCPC>2025-06-01</DateOfInitialCPC>"),
                    episode(&[s47("2025-06-01"), s47("2025-07-01")].concat()),
                ]
                .concat(),
            ),
            // Different dates: passes.
            child(
                "B",
                "",
                &episode(&format!(
                    "<DateOfInitialCPC>2025-06-02</DateOfInitialCPC>{}",
                    s47("2025-06-01")
                )),
            ),
            // Another child's date does not count.
            child("C", "", &episode(&s47("2025-06-02"))),
        ]
        .concat();
        assert_eq!(
            findings(&Rule2884, &xml),
            vec![("Section47", 1, "A".into())]
        );
    }
}
