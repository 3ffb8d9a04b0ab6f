//! 8810: a reason for closure is written without a CIN closure date (DfE CIN census validation
//! rules 2025-26). One finding per episode.
//!
//! Any reason text counts, valid or not (8640 reports an unknown code).

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8810;

static META: RuleMeta = RuleMeta {
    code: "8810",
    message: "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
    severity: Severity::Error,
    tables: &["CINdetails"],
    fields: &["ReasonForClosure", "CINclosureDate"],
    years: Years::from(2023),
};

impl Rule for Rule8810 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            if !episode.reason_for_closure.is_blank() && episode.closure_date.is_blank() {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["ReasonForClosure", "CINclosureDate"],
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
    fn reason_without_closure_fails() {
        let xml = child(
            "A",
            "",
            &[
                episode("<ReasonForClosure>RC7</ReasonForClosure>"),
                episode(
                    "<CINclosureDate>2025-06-01</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>",
                ),
                episode("<ReasonForClosure>XX</ReasonForClosure>"),
                episode(""),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8810, &xml),
            vec![("CINdetails", 1, "A".into()), ("CINdetails", 3, "A".into())]
        );
    }
}
