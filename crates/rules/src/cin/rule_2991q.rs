//! 2991Q: an episode has a Section 47 enquiry but no assessment (DfE CIN census validation rules
//! 2025-26). One finding per episode.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule2991Q;

static META: RuleMeta = RuleMeta {
    code: "2991Q",
    message: "Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode",
    severity: Severity::Query,
    tables: &["CINdetails", "Section47", "Assessments"],
    fields: &["Section47", "Assessments"],
    years: Years::from(2023),
};

impl Rule for Rule2991Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            if !episode.section47s.is_empty() && episode.assessments.is_empty() {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["Section47", "Assessments"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::{child, episode};

    #[test]
    fn s47_without_assessment_is_queried() {
        let xml = child(
            "A",
            "",
            &[
                episode("<Section47/><Assessments/>"),
                episode("<Section47/>"),
                episode("<Assessments/>"),
                episode(""),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule2991Q, &xml),
            vec![("CINdetails", 2, "A".into())]
        );
    }
}
