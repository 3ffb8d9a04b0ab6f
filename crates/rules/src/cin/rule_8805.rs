//! 8805: a CIN closure date is written without a reason for closure (DfE CIN census validation
//! rules 2025-26). One finding per episode.
//!
//! A closure date that is not a valid date is still a closure date written (the DfE tool turns
//! it into a blank and so does not flag it here).

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8805;

static META: RuleMeta = RuleMeta {
    code: "8805",
    message: "A CIN case cannot have a CIN closure date without a Reason for Closure",
    severity: Severity::Error,
    tables: &["CINdetails"],
    fields: &["CINclosureDate", "ReasonForClosure"],
    years: Years::from(2023),
};

impl Rule for Rule8805 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            if !episode.closure_date.is_blank() && episode.reason_for_closure.is_blank() {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["CINclosureDate", "ReasonForClosure"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::{child, episode};

    #[test]
    fn closure_without_reason_fails() {
        let xml = child(
            "A",
            "",
            &[
                episode("<CINclosureDate>2025-06-01</CINclosureDate>"),
                episode(
                    "<CINclosureDate>2025-06-01</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>",
                ),
                episode("<CINclosureDate>2025-02-30</CINclosureDate>"),
                episode(""),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8805, &xml),
            vec![("CINdetails", 1, "A".into()), ("CINdetails", 3, "A".into())]
        );
    }
}
