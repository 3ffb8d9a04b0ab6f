//! 8870Q: the target date for the initial child protection conference falls on a Saturday or
//! Sunday (DfE CIN census validation rules 2025-26). One finding per enquiry; bank holidays are
//! not weekends.

use super::util_b::{child_id, is_weekend};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8870Q;

static META: RuleMeta = RuleMeta {
    code: "8870Q",
    message: "Please check: The Target Date for Initial Child Protection Conference should not be a weekend",
    severity: Severity::Query,
    tables: &["Section47"],
    fields: &["InitialCPCtarget"],
    years: Years::from(2023),
};

impl Rule for Rule8870Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for enquiry in child.cin_details.iter().flat_map(|e| &e.section47s) {
            if enquiry.initial_cpc_target.get().is_some_and(is_weekend) {
                out.at(
                    "Section47",
                    enquiry.position,
                    child_id(child),
                    &["InitialCPCtarget"],
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

    fn target(date: &str) -> String {
        s47(&format!("<InitialCPCtarget>{date}</InitialCPCtarget>"))
    }

    #[test]
    fn weekend_target_is_queried() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    // Saturday 4 and Sunday 5 October 2025.
                    target("2025-10-04"),
                    target("2025-10-05"),
                    // Monday 6 October.
                    target("2025-10-06"),
                    // Thursday 25 December: a bank holiday, not a weekend.
                    target("2025-12-25"),
                    s47(""),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8870Q, &xml),
            vec![("Section47", 1, "A".into()), ("Section47", 2, "A".into())]
        );
    }
}
