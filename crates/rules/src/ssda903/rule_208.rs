//! 208: the child's UPN differs from the one recorded last year (DfE 903 validation rules).
//!
//! Allowed changes, as in the tool: from an unknown-UPN code (or blank) to a real UPN, and from
//! UN1 (or blank) to UN2-UN5. Everything else that differs fails, including a real UPN replaced
//! by a code or a blank, and a blank replaced by UN1. UPNs are compared in upper case; invalid
//! text counts as a (wrong) UPN, as the tool compares the text.

use super::util_b::{header_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table, UpnField};
use sightline_model::codes::UpnUnknown;

pub(crate) struct Rule208;

static META: RuleMeta = RuleMeta {
    code: "208",
    message: "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.",
    severity: Severity::Error,
    tables: &["Header", "Header_last"],
    fields: &["UPN"],
    years: Years::from(2023),
};

/// A UPN cell reduced to what the rule compares.
#[derive(PartialEq)]
enum Upn {
    Blank,
    Unknown(UpnUnknown),
    Known(String),
}

fn upn(cell: &Cell<UpnField>) -> Upn {
    match cell {
        Cell::Blank => Upn::Blank,
        Cell::Value(UpnField::Unknown(code)) => Upn::Unknown(*code),
        Cell::Value(UpnField::Upn(upn)) => Upn::Known(upn.as_str().to_ascii_uppercase()),
        Cell::Invalid(text) => Upn::Known(text.trim().to_ascii_uppercase()),
    }
}

fn allowed_change(last: &Upn, now: &Upn) -> bool {
    use UpnUnknown::{UN1, UN2, UN3, UN4, UN5};
    let was_unknown = matches!(last, Upn::Blank | Upn::Unknown(_));
    let un1_or_blank = matches!(last, Upn::Blank | Upn::Unknown(UN1));
    (was_unknown && matches!(now, Upn::Known(_)))
        || (un1_or_blank && matches!(now, Upn::Unknown(UN2 | UN3 | UN4 | UN5)))
}

impl Rule for Rule208 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::PreviousTable(Ssda903Table::Header),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let header_last = header_by_child(&previous.header);
        for row in &data.current.header {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let Some(last) = header_last.get(child) else {
                continue;
            };
            let (last, now) = (upn(&last.upn), upn(&row.upn));
            if last != now && !allowed_change(&last, &now) {
                out.at("Header", row.at.row_number, Some(child), &["UPN"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_b::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn only_unknown_to_known_and_un1_to_other_codes_may_change() {
        let now = tables(
            "//- Header
             CHILD,UPN
             1,H801200001001
             2,O------------
             3,UN1
             4,UN2
             5,
             6,UN3
             7,
             8,UN4
             9,a801200001001
             10,UN1",
        );
        let last = tables(
            "//- Header
             CHILD,UPN
             1,UN5
             2,X888888888888
             3,UN1
             4,UN1
             5,
             6,UN4
             7,UN1
             8,
             9,A801200001001
             10,",
        );
        assert_eq!(
            findings(&Rule208, &with_previous(&now, &last)),
            vec![
                (2, "2".into()),
                (6, "6".into()),
                (7, "7".into()),
                (10, "10".into())
            ]
        );
    }
}
