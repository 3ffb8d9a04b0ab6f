//! 406: a child who is or was an unaccompanied asylum-seeking child must have no placement
//! distance (DfE 903 validation rules).
//!
//! `PL_DISTANCE` is derived from the home and placement postcodes with the postcode reference;
//! it is "given" when the reference can compute it. A child is UASC now or formerly with a row in
//! this year's or last year's UASC table; the DfE also looks two years back, which a run does not
//! have (hence the message's note on false negatives).

use super::util_c::{id, placement_distance};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::group_a::util_a::uasc_children;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule406;

static META: RuleMeta = RuleMeta {
    code: "406",
    message: "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank. [NOTE: This check will result in false negatives for children formerly UASC not identified as such in loaded data]",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PL_DISTANCE"],
    years: Years::from(2023),
};

impl Rule for Rule406 {
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
        let uasc = uasc_children(data);
        for row in &data.current.episodes {
            let child = id(&row.child);
            let is_uasc = child.is_some_and(|c| uasc.contains(c));
            if is_uasc && placement_distance(postcodes, row).is_some() {
                out.at("Episodes", row.at.row_number, child, &["PL_DISTANCE"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::{Postcodes, with_previous};
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn a_distance_for_a_current_or_former_uasc_fails() {
        // 1: UASC this year, distance derivable. 2: UASC last year. 3: not UASC.
        // 4: UASC, unknown placement postcode so no distance.
        let now = tables(
            "//- Episodes
             CHILD,HOME_POST,PL_POST
             1,HD1 2AB,HD2 1AA
             2,HD1 2AB,LS1 1AA
             3,HD1 2AB,LS1 1AA
             4,HD1 2AB,ZZ9 9ZZ
             //- UASC
             CHILD,DUC
             1,
             4,",
        );
        let last = tables("//- UASC\nCHILD,DUC\n2,");
        let mut data = with_previous(&now, &last);
        data.postcodes = Some(&Postcodes);
        assert_eq!(
            findings(&Rule406, &data),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
