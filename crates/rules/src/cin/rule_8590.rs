//! 8590: a child has no CINdetails episode (DfE CIN census validation rules 2025-26).

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8590;

static META: RuleMeta = RuleMeta {
    code: "8590",
    message: "Child does not have a recorded CIN episode.",
    severity: Severity::Error,
    tables: &["ChildIdentifiers", "CINdetails"],
    fields: &["LAchildID"],
    years: Years::from(2023),
};

impl Rule for Rule8590 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        if child.cin_details.is_empty() {
            out.at(
                "ChildIdentifiers",
                child.position,
                child_id(child),
                &["LAchildID"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::{child, episode};

    #[test]
    fn child_without_episode_fails() {
        let xml = [child("A", "", &episode("")), child("B", "", "")].concat();
        assert_eq!(
            findings(&Rule8590, &xml),
            vec![("ChildIdentifiers", 2, "B".into())]
        );
    }
}
