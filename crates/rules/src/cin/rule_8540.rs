//! 8540: a born child with a further-action referral has no disability code, or one that is not
//! valid (DfE CIN census validation rules 2025-26: if PersonBirthDate is present and at least one
//! ReferralNFA is false, one or more Disability must be present and all must be valid codes).
//!
//! Findings sit on `Disabilities` with the child's position: one when there is no disability at
//! all, one per invalid or empty `Disability` otherwise.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8540;

static META: RuleMeta = RuleMeta {
    code: "8540",
    message: "Child’s disability is missing or invalid (see Disability table)",
    severity: Severity::Error,
    tables: &["Disabilities", "ChildIdentifiers", "CINdetails"],
    fields: &["Disability", "PersonBirthDate", "ReferralNFA"],
    years: Years::from(2023),
};

impl Rule for Rule8540 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let further_action = child
            .cin_details
            .iter()
            .any(|e| e.referral_nfa.value() == Some(&false));
        if child.person_birth_date.value().is_none() || !further_action {
            return;
        }
        let id = child_id(child);
        if child.disabilities.is_empty() {
            out.at("Disabilities", child.position, id, &["Disability"]);
        }
        for _ in child
            .disabilities
            .iter()
            .filter(|d| d.value.value().is_none())
        {
            out.at("Disabilities", child.position, id, &["Disability"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::{child, episode};

    const BORN: &str = "<PersonBirthDate>2015-01-01</PersonBirthDate>";

    fn characteristics(codes: &[&str]) -> String {
        let codes: String = codes
            .iter()
            .map(|c| format!("<Disability>{c}</Disability>"))
            .collect();
        format!("<ChildCharacteristics><Disabilities>{codes}</Disabilities></ChildCharacteristics>")
    }

    #[test]
    fn missing_or_invalid_disability_fails() {
        let further = episode("<ReferralNFA>false</ReferralNFA>");
        let nfa = episode("<ReferralNFA>true</ReferralNFA>");
        let xml = [
            child(
                "A",
                BORN,
                &[characteristics(&["MOB", "AUT"]), further.clone()].concat(),
            ),
            child("B", BORN, &further),
            child(
                "C",
                BORN,
                &[characteristics(&["MOB", "XYZ"]), further.clone()].concat(),
            ),
            // NFA only, or unborn: not checked.
            child("D", BORN, &nfa),
            child("E", "", &further),
            child(
                "F",
                BORN,
                &[characteristics(&["NONE"]), nfa, further].concat(),
            ),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8540, &xml),
            vec![
                ("Disabilities", 2, "B".into()),
                ("Disabilities", 3, "C".into())
            ]
        );
    }
}
