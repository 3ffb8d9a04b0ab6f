//! 8640: a reason for closure is written but is not one of RC1-RC9 (DfE CIN census validation
//! rules 2025-26). One finding per episode; a blank reason is 8805's business.
//!
//! The reader accepts codes in any letter case (`rc8` is RC8); the DfE tool compares exactly,
//! so it would flag `rc8`.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8640;

static META: RuleMeta = RuleMeta {
    code: "8640",
    message: "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
    severity: Severity::Error,
    tables: &["CINdetails"],
    fields: &["ReasonForClosure"],
    years: Years::from(2023),
};

impl Rule for Rule8640 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            if episode.reason_for_closure.is_invalid() {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["ReasonForClosure"],
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
    fn unknown_reason_fails_and_valid_or_blank_passes() {
        let xml = child(
            "A",
            "",
            &[
                episode("<ReasonForClosure>RC10</ReasonForClosure>"),
                episode("<ReasonForClosure>RC8</ReasonForClosure>"),
                episode(""),
                episode("<ReasonForClosure>RC0</ReasonForClosure>"),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8640, &xml),
            vec![("CINdetails", 1, "A".into()), ("CINdetails", 4, "A".into())]
        );
    }
}
