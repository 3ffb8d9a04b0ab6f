//! 222: a URN is recorded for a placement type whose provider is not registered with Ofsted
//! (DfE 903 validation rules).
//!
//! The placement types are those of `util_b::NO_URN_PLACEMENTS`: the 2025-26 list (P1, P3, R1,
//! R2, R5, T0-T4, Z11-Z14) with the withdrawn H5, P2 and Z1 of earlier years. The placeholder
//! URN `XXXXXXX` is allowed, as in the tool (rule 242 limits where it may be used).

use super::util_b::{NO_URN_PLACEMENTS, id, is_placeholder_urn};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};

pub(crate) struct Rule222;

static META: RuleMeta = RuleMeta {
    code: "222",
    message: "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["URN"],
    years: Years::from(2023),
};

impl Rule for Rule222 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            let unregistered = row
                .place
                .get()
                .is_some_and(|p| NO_URN_PLACEMENTS.contains(&p));
            let real_urn = match &row.urn {
                Cell::Value(urn) => !is_placeholder_urn(urn),
                Cell::Blank => false,
                Cell::Invalid(_) => true,
            };
            if unregistered && real_urn {
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
    fn urns_on_unregistered_placements_fail() {
        let t = tables(
            "//- Episodes
             CHILD,PLACE,URN
             1,P1,XXXXXXX
             2,U1,SC000001
             3,U2,
             4,T1,
             5,R1,SC000002
             6,Z12,SC000003",
        );
        assert_eq!(
            findings(&Rule222, &current(&t)),
            vec![(5, "5".into()), (6, "6".into())]
        );
    }
}
