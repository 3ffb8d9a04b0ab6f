//! 452: the placement authority of this year's first episode must match last year's episode
//! that was still open at 31 March, when the two have the same reason for new episode (DfE 903
//! validation rules).
//!
//! `PL_LA` is derived in both years from the placement postcode with the postcode reference; two
//! placements no authority can be found for are equal, as in the tool.

use super::util_c::{continued_from_last_year, id, placement_authority};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule452;

static META: RuleMeta = RuleMeta {
    code: "452",
    message: "Contradiction between local authority of placement code in the last episode of the previous year and in the first episode of the current year.",
    severity: Severity::Error,
    tables: &["Episodes", "Episodes_last"],
    fields: &["PL_LA"],
    years: Years::from(2023),
};

impl Rule for Rule452 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::PreviousTable(Ssda903Table::Episodes),
            Needs::Postcodes,
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(postcodes) = data.postcodes else {
            return;
        };
        for (first, last) in continued_from_last_year(data) {
            let differs =
                placement_authority(postcodes, first) != placement_authority(postcodes, last);
            if first.rne == last.rne && differs {
                out.at(
                    "Episodes",
                    first.at.row_number,
                    id(&first.child),
                    &["PL_LA"],
                );
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
    fn a_changed_placement_authority_fails() {
        // 1: same authority. 2: moved authority. 3: moved, but RNE differs. 4: last year closed.
        let now = tables(
            "//- Episodes
             CHILD,DECOM,RNE,PL_POST
             1,01/01/2025,S,HD2 1AA
             2,01/01/2025,S,LS1 1AA
             3,01/01/2025,P,LS1 1AA
             4,01/01/2025,S,LS1 1AA",
        );
        let last = tables(
            "//- Episodes
             CHILD,DECOM,RNE,PL_POST,DEC
             1,01/01/2025,S,HD1 2AB,
             2,01/01/2025,S,HD1 2AB,
             3,01/01/2025,S,HD1 2AB,
             4,01/01/2025,S,HD1 2AB,01/03/2025",
        );
        let mut data = with_previous(&now, &last);
        data.postcodes = Some(&Postcodes);
        assert_eq!(findings(&Rule452, &data), vec![(2, "2".into())]);
    }
}
