//! 8839: within one episode, more than one section 47 enquiry is open: no initial conference
//! date and the conference not marked as not required (DfE CIN census validation rules
//! 2025-26). One finding per open enquiry of such an episode.
//!
//! Differs from the DfE tool, which compares `ICPCnotRequired` (text) with the number 1, a test
//! that never matches, so it counts enquiries marked "not required" as open too.

use super::util_b::{child_id, is_true};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::{CinChild, CinSection47};

pub(crate) struct Rule8839;

static META: RuleMeta = RuleMeta {
    code: "8839",
    message: "Within one CINDetails group there are 2 or more open S47 Assessments",
    severity: Severity::Error,
    tables: &["Section47"],
    fields: &["DateOfInitialCPC", "ICPCnotRequired"],
    years: Years::from(2023),
};

impl Rule for Rule8839 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            let open: Vec<&CinSection47> = episode
                .section47s
                .iter()
                .filter(|s| s.date_of_initial_cpc.is_blank() && !is_true(&s.icpc_not_required))
                .collect();
            if open.len() > 1 {
                for enquiry in open {
                    out.at(
                        "Section47",
                        enquiry.position,
                        child_id(child),
                        &["DateOfInitialCPC", "ICPCnotRequired"],
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

    const OPEN: &str = "<ICPCnotRequired>false</ICPCnotRequired>";
    const NOT_REQUIRED: &str = "<ICPCnotRequired>1</ICPCnotRequired>";
    const HELD: &str = "<DateOfInitialCPC>2025-06-01</DateOfInitialCPC>";

    #[test]
    fn two_open_enquiries_in_one_episode_fail() {
        let xml = child(
            "A",
            "",
            &episode(&[s47(OPEN), s47(HELD), s47(""), s47(NOT_REQUIRED)].concat()),
        );
        assert_eq!(
            findings(&Rule8839, &xml),
            vec![("Section47", 1, "A".into()), ("Section47", 3, "A".into())]
        );
    }

    #[test]
    fn one_open_enquiry_per_episode_passes() {
        let xml = child(
            "B",
            "",
            &[
                episode(&[s47(OPEN), s47(NOT_REQUIRED), s47(HELD)].concat()),
                episode(&s47(OPEN)),
            ]
            .concat(),
        );
        assert!(findings(&Rule8839, &xml).is_empty());
    }
}
