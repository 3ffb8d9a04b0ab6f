//! 8585Q: an episode closed with reason RC2 (died) but the child has no valid date of death (DfE
//! CIN census validation rules 2025-26). One finding per such episode.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;
use sightline_model::codes::ReasonForClosure;

pub(crate) struct Rule8585Q;

static META: RuleMeta = RuleMeta {
    code: "8585Q",
    message: "Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death",
    severity: Severity::Query,
    tables: &["CINdetails", "ChildIdentifiers"],
    fields: &["ReasonForClosure", "PersonDeathDate"],
    years: Years::from(2023),
};

impl Rule for Rule8585Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        if child.person_death_date.value().is_some() {
            return;
        }
        for episode in &child.cin_details {
            if episode.reason_for_closure.value() == Some(&ReasonForClosure::RC2) {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["ReasonForClosure", "PersonDeathDate"],
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
    fn died_without_death_date_is_queried() {
        let rc2 = episode("<ReasonForClosure>RC2</ReasonForClosure>");
        let xml = [
            child("A", "<PersonDeathDate>2025-06-01</PersonDeathDate>", &rc2),
            child("B", "", &rc2),
            child("C", "<PersonDeathDate>01/06/2025</PersonDeathDate>", &rc2),
            child(
                "D",
                "",
                &episode("<ReasonForClosure>RC1</ReasonForClosure>"),
            ),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8585Q, &xml),
            vec![("CINdetails", 2, "B".into()), ("CINdetails", 3, "C".into())]
        );
    }
}
