//! 8715: a date of initial child protection conference falls outside the census year (DfE CIN
//! census validation rules 2025-26). One finding per date.
//!
//! `DateOfInitialCPC` (N00110) is checked where it occurs: in a `Section47` (finding on
//! `Section47`) and on the episode itself, where it records a conference without an enquiry in
//! this episode (finding on `CINdetails`). Differs from the DfE tool, which reads only the
//! `Section47` one (and whose version read for this work is a draft with the 2021-22 year
//! written in).

use super::util_b::{child_id, in_census_year};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::NaiveDate;
use sightline_formats::cin::{Cell, CinChild};

pub(crate) struct Rule8715;

static META: RuleMeta = RuleMeta {
    code: "8715",
    message: "Date of Initial Child Protection Conference must fall within the census year",
    severity: Severity::Error,
    tables: &["Section47", "CINdetails", "Header"],
    fields: &["DateOfInitialCPC", "ReferenceDate"],
    years: Years::from(2023),
};

impl Rule for Rule8715 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let outside = |cell: &Cell<NaiveDate>| cell.get().is_some_and(|d| !in_census_year(data, d));
        for episode in &child.cin_details {
            if outside(&episode.date_of_initial_cpc) {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["DateOfInitialCPC"],
                );
            }
            for enquiry in &episode.section47s {
                if outside(&enquiry.date_of_initial_cpc) {
                    out.at(
                        "Section47",
                        enquiry.position,
                        child_id(child),
                        &["DateOfInitialCPC"],
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::{child, episode, s47};

    fn conference(date: &str) -> String {
        format!("<DateOfInitialCPC>{date}</DateOfInitialCPC>")
    }

    #[test]
    fn conferences_outside_the_year_fail_at_either_level() {
        let xml = child(
            "A",
            "",
            &[
                episode(
                    &[
                        s47(&conference("2025-03-31")),
                        s47(&conference("2025-04-01")),
                        s47(&conference("2026-03-31")),
                        s47(&conference("2026-04-01")),
                    ]
                    .concat(),
                ),
                episode(&conference("2025-03-01")),
                episode(&conference("2025-12-01")),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8715, &xml),
            vec![
                ("Section47", 1, "A".into()),
                ("Section47", 4, "A".into()),
                ("CINdetails", 2, "A".into())
            ]
        );
    }
}
