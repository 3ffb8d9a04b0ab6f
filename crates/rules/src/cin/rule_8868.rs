//! 8868: an episode is closed but one of its section 47 enquiries has neither an initial
//! conference date nor `ICPCnotRequired` true (DfE CIN census validation rules 2025-26). One
//! finding per such enquiry of a closed episode.
//!
//! Differs from the DfE tool in three ways: the tool's left join flags a closed episode with no
//! enquiry at all (the DfE text is about "all instances of the Section47 group"); it also flags
//! enquiries with both a conference date and `ICPCnotRequired` true, which the DfE text does not
//! ask; and it reads an invalid closure date as no closure.

use super::util_b::{child_id, is_true};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8868;

static META: RuleMeta = RuleMeta {
    code: "8868",
    message: "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag",
    severity: Severity::Error,
    tables: &["Section47", "CINdetails"],
    fields: &["CINclosureDate", "DateOfInitialCPC", "ICPCnotRequired"],
    years: Years::from(2023),
};

impl Rule for Rule8868 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in child
            .cin_details
            .iter()
            .filter(|e| !e.closure_date.is_blank())
        {
            for enquiry in &episode.section47s {
                if enquiry.date_of_initial_cpc.is_blank() && !is_true(&enquiry.icpc_not_required) {
                    out.at(
                        "Section47",
                        enquiry.position,
                        child_id(child),
                        &["CINclosureDate", "DateOfInitialCPC", "ICPCnotRequired"],
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

    const CLOSED: &str = "<CINclosureDate>2025-09-01</CINclosureDate>";

    #[test]
    fn unfinished_enquiry_in_a_closed_episode_fails() {
        let xml = child(
            "A",
            "",
            &[
                episode(&format!(
                    "{CLOSED}{}{}{}{}",
                    s47("<ICPCnotRequired>false</ICPCnotRequired>"),
                    s47("<ICPCnotRequired>true</ICPCnotRequired>"),
                    s47("<DateOfInitialCPC>2025-06-01</DateOfInitialCPC>"),
                    s47("")
                )),
                // Open episode: the enquiry may still be going.
                episode(&s47("<ICPCnotRequired>false</ICPCnotRequired>")),
                // Closed without any enquiry.
                episode(CLOSED),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8868, &xml),
            vec![("Section47", 1, "A".into()), ("Section47", 4, "A".into())]
        );
    }
}
