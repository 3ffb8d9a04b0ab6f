//! 8770Q: a child of school age with a referral that led to further action has no UPN and no
//! reason for it other than UN1 ("not of school age") (DfE CIN census validation rules, school-age
//! wording from 2024-25). One finding per child.
//!
//! School age: born on or before 31 August four years before the reference date's year (for
//! 2025-26, on or before 31 August 2022), the cohort the DfE tool derives as the reference date
//! plus four months and 31 days, less four years. The DfE text this comes from could not be
//! checked; the cut-off is the tool's. Up to 2023-24 the rule asked about children "more than 5
//! years old" (born 6 years before the reference date) with its own message; that version is not
//! carried, so the rule starts in 2024-25. A UPN written in a bad shape is still a UPN here
//! (the UPN rules report its shape). The valid reasons are UN2 to UN7; a blank, UN1 or
//! unknown code is no valid reason.

use super::util_b::{child_id, is_further_action};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::NaiveDate;
use sightline_formats::cin::CinChild;
use sightline_model::codes::UpnUnknown;

pub(crate) struct Rule8770Q;

static META: RuleMeta = RuleMeta {
    code: "8770Q",
    message: "Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.",
    severity: Severity::Query,
    tables: &["ChildIdentifiers", "CINdetails", "Header"],
    fields: &[
        "UPN",
        "UPNunknown",
        "PersonBirthDate",
        "ReferralNFA",
        "ReferenceDate",
    ],
    years: Years::from(2025),
};

/// The last birth date of the school-age cohort for the census ending `year`.
fn school_age_born_by(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year - 4, 8, 31).unwrap_or(NaiveDate::MIN)
}

impl Rule for Rule8770Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let school_age = child
            .person_birth_date
            .get()
            .is_some_and(|born| born <= school_age_born_by(data.year));
        let further_action = child.cin_details.iter().any(is_further_action);
        let valid_reason = child
            .upn_unknown
            .get()
            .is_some_and(|reason| reason != UpnUnknown::UN1);
        if school_age && further_action && child.upn.is_blank() && !valid_reason {
            out.at(
                "ChildIdentifiers",
                child.position,
                child_id(child),
                &["UPN", "UPNunknown"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::{child, episode};

    fn kid(id: &str, born: &str, upn: &str, nfa: &str) -> String {
        child(
            id,
            &format!("<PersonBirthDate>{born}</PersonBirthDate>{upn}"),
            &episode(&format!("<ReferralNFA>{nfa}</ReferralNFA>")),
        )
    }

    #[test]
    fn school_age_child_without_upn_or_reason_is_queried() {
        let xml = [
            kid("A", "2022-08-31", "", "false"),
            kid("B", "2015-01-01", "<UPNunknown>UN1</UPNunknown>", "0"),
            kid("C", "2015-01-01", "<UPNunknown>UN9</UPNunknown>", "0"),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8770Q, &xml),
            vec![
                ("ChildIdentifiers", 1, "A".into()),
                ("ChildIdentifiers", 2, "B".into()),
                ("ChildIdentifiers", 3, "C".into())
            ]
        );
    }

    #[test]
    fn young_nfa_or_identified_children_pass() {
        let xml = [
            // Born after the school-age cut-off.
            kid("D", "2022-09-01", "", "false"),
            // Only a referral with no further action.
            kid("E", "2015-01-01", "", "true"),
            kid("F", "2015-01-01", "<UPN>A123456789012</UPN>", "false"),
            kid("G", "2015-01-01", "<UPNunknown>UN3</UPNunknown>", "false"),
        ]
        .concat();
        assert!(findings(&Rule8770Q, &xml).is_empty());
    }
}
