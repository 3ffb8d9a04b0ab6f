//! 1530: characters 2-4 of a 13-character UPN are not a post-April-1998 LA code or a recognised
//! pseudo-LA code (DfE CIN census validation rules 2025-26; list as in the 2023-24 rules).

use super::util_a::{child_id, raw_upn};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule1530;

static META: RuleMeta = RuleMeta {
    code: "1530",
    message: "UPN invalid (characters 2-4 not a recognised LA code)",
    severity: Severity::Error,
    tables: &["ChildIdentifiers"],
    fields: &["UPN"],
    years: Years::from(2023),
};

/// Recognised codes, as inclusive ranges.
const LA_CODES: &[(u16, u16)] = &[
    (1, 5),
    (201, 213),
    (301, 320),
    (330, 336),
    (340, 344),
    (350, 359),
    (370, 373),
    (380, 384),
    (390, 394),
    (420, 420),
    (660, 681),
    (701, 708),
    (800, 803),
    (805, 808),
    (810, 813),
    (815, 816),
    (820, 823),
    (825, 826),
    (830, 831),
    (835, 841),
    (845, 846),
    (850, 852),
    (855, 857),
    (860, 861),
    (865, 896),
    (908, 909),
    (916, 916),
    (919, 919),
    (921, 921),
    (925, 926),
    (928, 929),
    (931, 931),
    (933, 933),
    (935, 938),
    (940, 943),
];

/// Whether characters 2-4 are three digits forming a recognised code.
fn recognised(upn: &str) -> bool {
    let code: String = upn.chars().skip(1).take(3).collect();
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    code.parse::<u16>()
        .is_ok_and(|n| LA_CODES.iter().any(|(lo, hi)| (*lo..=*hi).contains(&n)))
}

impl Rule for Rule1530 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let Some(upn) = raw_upn(&child.upn) else {
            return;
        };
        // Other lengths are a format problem reported by the other UPN rules.
        if upn.chars().count() == 13 && !recognised(upn) {
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
    fn codes_at_the_edges_of_ranges() {
        assert!(recognised("A001000000000"));
        assert!(recognised("A943000000000"));
        assert!(recognised("A838000000000"));
        assert!(!recognised("A000000000000"));
        assert!(!recognised("A944000000000"));
        assert!(!recognised("A804000000000"));
        assert!(!recognised("ASFFAGSVSV123"));
    }

    #[test]
    fn unknown_la_code_fails() {
        let xml = [
            child("A", "<UPN>H003278544154</UPN>", ""),
            child("B", "<UPN>R421962919251</UPN>", ""),
            child("C", "<UPN>ASFFAGSVSV123</UPN>", ""),
            child("D", "<UPN>R34</UPN>", ""),
            child("E", "<UPN>A38200178301B</UPN>", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule1530, &xml),
            vec![
                ("ChildIdentifiers", 2, "B".into()),
                ("ChildIdentifiers", 3, "C".into())
            ]
        );
    }
}
