//! 392c: a home or placement postcode is not a valid postcode (DfE 903 validation rules).
//!
//! Text that is not shaped like a postcode always fails. A well-formed postcode fails when a
//! postcode reference is supplied and does not know it; without one, only the shape is
//! checked (the tool always looks postcodes up in the ONS list).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, PostcodeReference, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::ids::Postcode;

pub(crate) struct Rule392c;

static META: RuleMeta = RuleMeta {
    code: "392c",
    message: "Postcode(s) provided are invalid.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["HOME_POST", "PL_POST"],
    years: Years::from(2023),
};

fn invalid(cell: &Cell<Postcode>, reference: Option<&dyn PostcodeReference>) -> bool {
    match cell {
        Cell::Blank => false,
        Cell::Invalid(_) => true,
        Cell::Value(postcode) => reference.is_some_and(|r| !r.is_known(postcode)),
    }
}

impl Rule for Rule392c {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            if invalid(&row.home_post, data.postcodes) || invalid(&row.pl_post, data.postcodes) {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["HOME_POST", "PL_POST"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_b::testing::FakePostcodes;
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn malformed_or_unknown_postcodes_fail() {
        let t = tables(
            "//- Episodes
             CHILD,HOME_POST,PL_POST
             1,M1 1AE,M1 1AE
             2,invalid,M1 1AE
             3,M1 1AE,ZZ9 9ZZ
             4,,",
        );
        assert_eq!(findings(&Rule392c, &current(&t)), vec![(2, "2".into())]);
        let postcodes = FakePostcodes(vec![("M1 1AE", "E08000003", 0.0, 0.0)]);
        let mut data = current(&t);
        data.postcodes = Some(&postcodes);
        assert_eq!(
            findings(&Rule392c, &data),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
