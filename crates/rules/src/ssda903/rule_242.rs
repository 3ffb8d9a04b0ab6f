//! 242: the placeholder URN `XXXXXXX` is used for a placement other than adoption or fostering
//! (A3-A6, U1-U6) (DfE 903 validation rules, from 2025-26).

use super::util_b::{id, is_placeholder_urn};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};

pub(crate) struct Rule242;

static META: RuleMeta = RuleMeta {
    code: "242",
    message: "URN = 'XXXXXXX' can only be used for regional adoption agencies",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE", "URN"],
    years: Years::from(2026),
};

impl Rule for Rule242 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            if !row.urn.value().is_some_and(|urn| is_placeholder_urn(urn)) {
                continue;
            }
            let allowed = match &row.place {
                Cell::Value(place) => place.is_placed_for_adoption() || place.is_foster(),
                Cell::Blank => false,
                Cell::Invalid(_) => true,
            };
            if !allowed {
                out.at("Episodes", row.at.row_number, id(&row.child), &["URN"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn placeholder_urn_outside_adoption_and_fostering_fails() {
        let t = tables(
            "//- Episodes
             CHILD,PLACE,URN
             1,A3,XXXXXXX
             2,K3,XXXXXXX
             3,K3,SC000001
             4,U5,xxxxxxx",
        );
        assert_eq!(findings(&Rule242, &current(&t)), vec![(2, "2".into())]);
    }
}
