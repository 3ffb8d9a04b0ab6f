//! 1540: characters 5-12 of the UPN are not all numeric (DfE CIN census validation rules
//! 2025-26). As in the DfE community tool, a UPN too short to have characters 5-12 fails too.

use super::util_a::{child_id, raw_upn};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule1540;

static META: RuleMeta = RuleMeta {
    code: "1540",
    message: "UPN invalid (characters 5-12 not all numeric)",
    severity: Severity::Error,
    tables: &["ChildIdentifiers"],
    fields: &["UPN"],
    years: Years::from(2023),
};

impl Rule for Rule1540 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let Some(upn) = raw_upn(&child.upn) else {
            return;
        };
        let middle: Vec<char> = upn.chars().skip(4).take(8).collect();
        if middle.is_empty() || !middle.iter().all(char::is_ascii_digit) {
            out.at(
                "ChildIdentifiers",
                child.position,
                child_id(child),
                &["UPN"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::child;

    #[test]
    fn letters_in_characters_5_to_12_fail() {
        let xml = [
            child("A", "<UPN>X000000000000</UPN>", ""),
            child("B", "<UPN>X0000y0000000</UPN>", ""),
            child("C", "<UPN>XABC00000000Z</UPN>", ""),
            child("D", "<UPN>R34</UPN>", ""),
            child("E", "", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule1540, &xml),
            vec![
                ("ChildIdentifiers", 2, "B".into()),
                ("ChildIdentifiers", 4, "D".into())
            ]
        );
    }
}
