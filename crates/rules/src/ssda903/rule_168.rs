//! 168: the UPN is not a valid UPN nor an unknown-UPN code UN1-UN5 (DfE 903 validation rules:
//! a letter other than I, O or S, then 12 digits, or 11 digits and a letter).
//!
//! The reader accepts any 13-character letter-digits-alphanumeric text as a UPN, so the stricter
//! shape is checked here; it also accepts the CIN census codes UN6 and UN7, which the 903 does
//! not have. Blank is left to rule 442.

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table, UpnField};
use sightline_model::codes::UpnUnknown;

pub(crate) struct Rule168;

static META: RuleMeta = RuleMeta {
    code: "168",
    message: "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["UPN"],
    years: Years::from(2023),
};

/// Whether `upn` has the DfE's shape: an upper-case check letter other than I, O or S, 11
/// digits, and a final digit or upper-case letter.
fn is_well_formed(upn: &str) -> bool {
    let bytes = upn.as_bytes();
    let check_letter = bytes
        .first()
        .is_some_and(|b| b.is_ascii_uppercase() && !matches!(b, b'I' | b'O' | b'S'));
    let digits = bytes
        .get(1..12)
        .is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let last = bytes
        .get(12)
        .is_some_and(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
    bytes.len() == 13 && check_letter && digits && last
}

impl Rule for Rule168 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.header {
            let bad = match &row.upn {
                Cell::Blank => false,
                Cell::Value(UpnField::Unknown(code)) => {
                    matches!(code, UpnUnknown::UN6 | UpnUnknown::UN7)
                }
                Cell::Value(UpnField::Upn(upn)) => !is_well_formed(upn.as_str()),
                Cell::Invalid(_) => true,
            };
            if bad {
                out.at("Header", row.at.row_number, id(&row.child), &["UPN"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn malformed_upns_and_unknown_codes_fail() {
        let t = tables(
            "//- Header
             CHILD,UPN
             1,UN3
             2,E07295962325C1556
             3,UN7
             4,X06805040829A
             5,5035247309594
             6,
             7,I072272729588
             8,N075491517151
             9,S074885779408
             10,a123456789012
             11,K06014812931
             12,UN6
             13,un5",
        );
        let expected: Vec<(u64, String)> = [2, 3, 5, 7, 9, 10, 11, 12]
            .map(|n| (n, n.to_string()))
            .into();
        assert_eq!(findings(&Rule168, &current(&t)), expected);
    }
}
