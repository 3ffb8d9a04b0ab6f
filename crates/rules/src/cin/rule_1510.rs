//! 1510: the UPN's first character is not the check letter of the other twelve (DfE CIN census
//! validation rules 2025-26; DfE "Unique Pupil Numbers" guide for the check letter).
//!
//! Checked, as by the DfE, only for a 13-character UPN whose characters 2-13 are all digits (a
//! temporary UPN ends in a letter and has no check letter to verify); other shapes are the
//! business of 1530-1550. The letter is compared as written (upper case), as the DfE community
//! tool does.

use super::util_a::{child_id, raw_upn};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule1510;

static META: RuleMeta = RuleMeta {
    code: "1510",
    message: "UPN invalid (wrong check letter at character 1)",
    severity: Severity::Error,
    tables: &["ChildIdentifiers"],
    fields: &["UPN"],
    years: Years::from(2023),
};

/// Check letters for remainders 0..22 (I, O and S are never used).
const CHECK_LETTERS: &[u8; 23] = b"ABCDEFGHJKLMNPQRTUVWXYZ";

/// The check letter of a UPN whose characters 2-13 are digits, `None` for any other shape.
fn check_letter(upn: &str) -> Option<char> {
    let bytes = upn.as_bytes();
    if bytes.len() != 13 || !upn.is_ascii() {
        return None;
    }
    let mut sum = 0u32;
    for (weight, byte) in (2u32..).zip(bytes.iter().skip(1)) {
        if !byte.is_ascii_digit() {
            return None;
        }
        sum += u32::from(byte - b'0') * weight;
    }
    let remainder = usize::try_from(sum % 23).ok()?;
    CHECK_LETTERS.get(remainder).map(|b| char::from(*b))
}

impl Rule for Rule1510 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let Some(upn) = raw_upn(&child.upn) else {
            return;
        };
        if let Some(expected) = check_letter(upn)
            && !upn.starts_with(expected)
        {
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
    fn check_letter_follows_the_mod_23_weights() {
        // 9*2 + 5*3 + 1*8 + 7*9 + 8*10 + 3*11 + 1*13 = 230 = 10 * 23: remainder 0, letter A.
        assert_eq!(check_letter("A950000178301"), Some('A'));
        assert_eq!(check_letter("A95000017830B"), None);
        assert_eq!(check_letter("A9500001783"), None);
    }

    #[test]
    fn wrong_check_letter_fails() {
        let xml = [
            child("A", "<UPN>A950000178301</UPN>", ""),
            child("B", "<UPN>B950000178301</UPN>", ""),
            child("C", "<UPN>H243278544154</UPN>", ""),
            child("D", "<UPN>R247962919251</UPN>", ""),
            // Temporary UPN and nonsense: not this rule's business.
            child("E", "<UPN>B95000017830B</UPN>", ""),
            child("F", "<UPN>R325</UPN>", ""),
            child("G", "", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule1510, &xml),
            vec![
                ("ChildIdentifiers", 2, "B".into()),
                ("ChildIdentifiers", 4, "D".into())
            ]
        );
    }
}
