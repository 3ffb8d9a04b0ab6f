//! 1550: character 13 of a 13-character UPN is neither a digit nor an upper-case letter other
//! than I, O and S (DfE CIN census validation rules 2025-26).

use super::util_a::{child_id, raw_upn};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule1550;

static META: RuleMeta = RuleMeta {
    code: "1550",
    message: "UPN invalid (character 13 not a recognised value)",
    severity: Severity::Error,
    tables: &["ChildIdentifiers"],
    fields: &["UPN"],
    years: Years::from(2023),
};

fn allowed_last(c: char) -> bool {
    c.is_ascii_digit() || (c.is_ascii_uppercase() && !matches!(c, 'I' | 'O' | 'S'))
}

impl Rule for Rule1550 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let Some(upn) = raw_upn(&child.upn) else {
            return;
        };
        let chars: Vec<char> = upn.chars().collect();
        if chars.len() == 13 && !chars.last().copied().is_some_and(allowed_last) {
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
    fn i_o_s_and_symbols_fail_as_character_13() {
        let xml = [
            child("A", "<UPN>A123456789123</UPN>", ""),
            child("B", "<UPN>A12345678912I</UPN>", ""),
            child("C", "<UPN>A12345678912Z</UPN>", ""),
            child("D", "<UPN>A12345678912S</UPN>", ""),
            child("E", "<UPN>A12345678912-</UPN>", ""),
            child("F", "<UPN>A1234S</UPN>", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule1550, &xml),
            vec![
                ("ChildIdentifiers", 2, "B".into()),
                ("ChildIdentifiers", 4, "D".into()),
                ("ChildIdentifiers", 5, "E".into())
            ]
        );
    }
}
