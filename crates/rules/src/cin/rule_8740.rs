//! 8740: a section 47 enquiry whose initial conference has not been held (no conference date)
//! and is required (`ICPCnotRequired` false or 0) started outside the census year (DfE CIN
//! census validation rules 2025-26). One finding per enquiry.
//!
//! Differs from the DfE tool, which recognises only `0` as false, not `false`.

use super::util_b::{child_id, in_census_year, is_false};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8740;

static META: RuleMeta = RuleMeta {
    code: "8740",
    message: "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year",
    severity: Severity::Error,
    tables: &["Section47", "Header"],
    fields: &[
        "S47ActualStartDate",
        "DateOfInitialCPC",
        "ICPCnotRequired",
        "ReferenceDate",
    ],
    years: Years::from(2023),
};

impl Rule for Rule8740 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for enquiry in child.cin_details.iter().flat_map(|e| &e.section47s) {
            if let Some(start) = enquiry.start.get()
                && enquiry.date_of_initial_cpc.is_blank()
                && is_false(&enquiry.icpc_not_required)
                && !in_census_year(data, start)
            {
                out.at(
                    "Section47",
                    enquiry.position,
                    child_id(child),
                    &["S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired"],
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

    fn enquiry(start: &str, not_required: &str, conference: &str) -> String {
        s47(&format!(
            "<S47ActualStartDate>{start}</S47ActualStartDate><ICPCnotRequired>{not_required}</ICPCnotRequired><DateOfInitialCPC>{conference}</DateOfInitialCPC>"
        ))
    }

    #[test]
    fn unfinished_enquiry_started_before_the_year_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    enquiry("2025-03-31", "false", ""),
                    enquiry("2025-04-01", "0", ""),
                    enquiry("2025-03-31", "true", ""),
                    enquiry("2025-03-31", "false", "2025-04-02"),
                    enquiry("2024-12-01", "0", ""),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8740, &xml),
            vec![("Section47", 1, "A".into()), ("Section47", 5, "A".into())]
        );
    }
}
