//! 8650: a primary need code is written but is not one of N0-N9 (DfE CIN census validation rules
//! 2025-26). One finding per episode; a missing code is 8610's business.
//!
//! The reader accepts codes in any letter case (`n4` is N4); the DfE tool compares exactly.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8650;

static META: RuleMeta = RuleMeta {
    code: "8650",
    message: "Primary Need Code invalid (see Primary Need table in CIN census code set)",
    severity: Severity::Error,
    tables: &["CINdetails"],
    fields: &["PrimaryNeedCode"],
    years: Years::from(2023),
};

impl Rule for Rule8650 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            if episode.primary_need.is_invalid() {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["PrimaryNeedCode"],
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
    fn unknown_need_fails_and_valid_or_blank_passes() {
        let xml = [
            child("A", "", &episode("<PrimaryNeedCode>N10</PrimaryNeedCode>")),
            child("B", "", &episode("<PrimaryNeedCode>N4</PrimaryNeedCode>")),
            child("C", "", &episode("")),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8650, &xml),
            vec![("CINdetails", 1, "A".into())]
        );
    }
}
