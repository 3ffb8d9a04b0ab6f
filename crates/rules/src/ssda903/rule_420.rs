//! 420: a short-break episode (V3/V4) must have no placement authority (DfE 903 validation
//! rules).
//!
//! `PL_LA` is derived from the placement postcode with the postcode reference: it is given when
//! the reference places the postcode in an authority.

use super::util_c::{id, placement_authority};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::group_a::util_a::is_short_break;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule420;

static META: RuleMeta = RuleMeta {
    code: "420",
    message: "LA of placement completed but child is looked after under legal status V3 or V4.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PL_LA"],
    years: Years::from(2023),
};

impl Rule for Rule420 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes), Needs::Postcodes]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(postcodes) = data.postcodes else {
            return;
        };
        for row in &data.current.episodes {
            if is_short_break(&row.ls) && placement_authority(postcodes, row).is_some() {
                out.at("Episodes", row.at.row_number, id(&row.child), &["PL_LA"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::Postcodes;
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_placement_authority_on_a_short_break_fails() {
        let t = tables(
            "//- Episodes
             CHILD,LS,PL_POST
             1,V3,HD2 1AA
             2,V4,
             3,C2,HD2 1AA
             4,V4,LS1 1AA",
        );
        let mut data = current(&t);
        data.postcodes = Some(&Postcodes);
        assert_eq!(
            findings(&Rule420, &data),
            vec![(1, "1".into()), (4, "4".into())]
        );
    }

    #[test]
    fn without_the_postcode_reference_the_rule_is_skipped() {
        let t = tables("//- Episodes\nCHILD,LS\n1,V3");
        let reason = crate::ssda903::skip_reason(&Rule420, &current(&t));
        assert_eq!(
            reason.as_deref(),
            Some("no postcode reference was supplied (--postcodes)")
        );
    }
}
