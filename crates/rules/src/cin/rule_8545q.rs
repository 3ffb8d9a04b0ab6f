//! 8545Q: the child's date of death is outside the census year (1 April to the reference date,
//! both included) (DfE CIN census validation rules 2025-26).

use super::util_a::{child_id, in_census_year};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8545Q;

static META: RuleMeta = RuleMeta {
    code: "8545Q",
    message: "Please check and either amend data or provide a reason: Child's date of death should be within the census year",
    severity: Severity::Query,
    tables: &["ChildIdentifiers"],
    fields: &["PersonDeathDate"],
    years: Years::from(2023),
};

impl Rule for Rule8545Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        if child
            .person_death_date
            .value()
            .is_some_and(|death| !in_census_year(data, *death))
        {
            out.at(
                "ChildIdentifiers",
                child.position,
                child_id(child),
                &["PersonDeathDate"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::child;

    fn died(id: &str, date: &str) -> String {
        child(
            id,
            &format!("<PersonDeathDate>{date}</PersonDeathDate>"),
            "",
        )
    }

    #[test]
    fn death_outside_the_year_is_queried() {
        let xml = [
            died("A", "2025-03-31"),
            died("B", "2025-04-01"),
            died("C", "2026-03-31"),
            died("D", "2026-04-01"),
            child("E", "", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8545Q, &xml),
            vec![
                ("ChildIdentifiers", 1, "A".into()),
                ("ChildIdentifiers", 4, "D".into())
            ]
        );
    }
}
