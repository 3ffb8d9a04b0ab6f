//! 8555Q: a referral is dated after the child's date of death (DfE CIN census validation rules
//! 2025-26). One finding per episode.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8555Q;

static META: RuleMeta = RuleMeta {
    code: "8555Q",
    message: "Child cannot be referred after its recorded date of death",
    severity: Severity::Query,
    tables: &["CINdetails", "ChildIdentifiers"],
    fields: &["CINreferralDate", "PersonDeathDate"],
    years: Years::from(2023),
};

impl Rule for Rule8555Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let Some(death) = child.person_death_date.value() else {
            return;
        };
        for episode in &child.cin_details {
            if episode
                .referral_date
                .value()
                .is_some_and(|referral| referral > death)
            {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["CINreferralDate", "PersonDeathDate"],
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

    fn referral(date: &str) -> String {
        episode(&format!("<CINreferralDate>{date}</CINreferralDate>"))
    }

    #[test]
    fn referral_after_death_is_queried() {
        let xml = [
            child(
                "A",
                "<PersonDeathDate>2025-06-01</PersonDeathDate>",
                &[referral("2025-06-01"), referral("2025-06-02")].concat(),
            ),
            child("B", "", &referral("2025-06-02")),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8555Q, &xml),
            vec![("CINdetails", 2, "A".into())]
        );
    }
}
