//! 8875: an initial child protection conference is dated on a Saturday or Sunday (DfE CIN census
//! validation rules 2025-26). One finding per date; bank holidays are not weekends.
//!
//! `DateOfInitialCPC` (N00110) is checked in each `Section47` (finding on `Section47`) and on the
//! episode (finding on `CINdetails`). Differs from the DfE tool, which reads only the
//! `Section47` one.

use super::util_b::{child_id, is_weekend};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8875;

static META: RuleMeta = RuleMeta {
    code: "8875",
    message: "The Date of Initial Child Protection Conference cannot be a weekend",
    severity: Severity::Error,
    tables: &["Section47", "CINdetails"],
    fields: &["DateOfInitialCPC"],
    years: Years::from(2023),
};

impl Rule for Rule8875 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            if episode.date_of_initial_cpc.get().is_some_and(is_weekend) {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["DateOfInitialCPC"],
                );
            }
            for enquiry in &episode.section47s {
                if enquiry.date_of_initial_cpc.get().is_some_and(is_weekend) {
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
    fn weekend_conference_fails_at_either_level() {
        let xml = child(
            "A",
            "",
            &[
                // Sunday 5 October 2025 in an enquiry; Monday 6 October passes.
                episode(
                    &[
                        s47(&conference("2025-10-05")),
                        s47(&conference("2025-10-06")),
                    ]
                    .concat(),
                ),
                // Saturday 4 October on the episode.
                episode(&conference("2025-10-04")),
                episode(&conference("2025-10-03")),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8875, &xml),
            vec![("Section47", 1, "A".into()), ("CINdetails", 2, "A".into())]
        );
    }
}
