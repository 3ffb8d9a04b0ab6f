//! 8615: a section 47 enquiry with an initial conference date has no start date, or starts after
//! the conference (DfE CIN census validation rules 2025-26). One finding per enquiry.
//!
//! The start date must be present: a start written but invalid fails too (the DfE tool reads it
//! as missing and also fails it). A conference date written but invalid cannot be compared: not
//! checked.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8615;

static META: RuleMeta = RuleMeta {
    code: "8615",
    message: "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference",
    severity: Severity::Error,
    tables: &["Section47"],
    fields: &["S47ActualStartDate", "DateOfInitialCPC"],
    years: Years::from(2023),
};

impl Rule for Rule8615 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for enquiry in child.cin_details.iter().flat_map(|e| &e.section47s) {
            let Some(conference) = enquiry.date_of_initial_cpc.get() else {
                continue;
            };
            if enquiry.start.get().is_none_or(|start| start > conference) {
                out.at(
                    "Section47",
                    enquiry.position,
                    child_id(child),
                    &["S47ActualStartDate", "DateOfInitialCPC"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::{child, episode, s47};

    fn enquiry(start: &str, conference: &str) -> String {
        s47(&format!(
            "<S47ActualStartDate>{start}</S47ActualStartDate><DateOfInitialCPC>{conference}</DateOfInitialCPC>"
        ))
    }

    #[test]
    fn start_after_conference_or_missing_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    enquiry("2025-06-02", "2025-06-01"),
                    enquiry("2025-06-01", "2025-06-01"),
                    enquiry("", "2025-06-01"),
                    enquiry("2025-06-01", ""),
                    enquiry("2025-13-01", "2025-06-01"),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8615, &xml),
            vec![
                ("Section47", 1, "A".into()),
                ("Section47", 3, "A".into()),
                ("Section47", 5, "A".into())
            ]
        );
    }
}
