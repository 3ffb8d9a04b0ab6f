//! 8620: a CIN closure date is present but outside the census year (DfE CIN census validation
//! rules 2025-26). One finding per episode.
//!
//! Differs from the DfE tool, which compares with strict inequalities and so also flags closures
//! on 1 April and on the 31 March reference date; the census year includes both days (the DfE
//! text: "within [Period_of_Census]", which its sibling rules 8696/8930 treat as inclusive).

use super::util_b::{child_id, in_census_year};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8620;

static META: RuleMeta = RuleMeta {
    code: "8620",
    message: "CIN Closure Date present and does not fall within the Census year",
    severity: Severity::Error,
    tables: &["CINdetails"],
    fields: &["CINclosureDate"],
    years: Years::from(2023),
};

impl Rule for Rule8620 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            if let Some(closed) = episode.closure_date.get()
                && !in_census_year(data, closed)
            {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["CINclosureDate"],
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

    fn closed(date: &str) -> String {
        episode(&format!("<CINclosureDate>{date}</CINclosureDate>"))
    }

    #[test]
    fn closures_either_side_of_the_year_fail_and_its_ends_pass() {
        let xml = child(
            "A",
            "",
            &[
                closed("2025-03-31"),
                closed("2025-04-01"),
                closed("2026-03-31"),
                closed("2026-04-01"),
                episode(""),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8620, &xml),
            vec![("CINdetails", 1, "A".into()), ("CINdetails", 4, "A".into())]
        );
    }
}
