//! 453: the placement distance of this year's first episode must match last year's episode that
//! was still open at 31 March (to within 0.2 miles), when the two have the same reason for new
//! episode (DfE 903 validation rules).
//!
//! `PL_DISTANCE` is derived in both years from the postcodes with the postcode reference; a
//! distance that cannot be derived in either year is not compared, as in the tool.

use super::util_c::{continued_from_last_year, distances_differ, id, placement_distance};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule453;

static META: RuleMeta = RuleMeta {
    code: "453",
    message: "Contradiction between placement distance in the last episode of the previous year and in the first episode of the current year.",
    severity: Severity::Error,
    tables: &["Episodes", "Episodes_last"],
    fields: &["PL_DISTANCE"],
    years: Years::from(2023),
};

impl Rule for Rule453 {
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
            let differs = distances_differ(
                placement_distance(postcodes, first),
                placement_distance(postcodes, last),
            );
            if first.rne == last.rne && differs {
                out.at(
                    "Episodes",
                    first.at.row_number,
                    id(&first.child),
                    &["PL_DISTANCE"],
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
    fn a_changed_distance_fails() {
        // 1: 5.0 then 5.2 miles (rounded from 5.15). 2: 5.0 then 20.0. 3: unknown postcode.
        let now = tables(
            "//- Episodes
             CHILD,DECOM,RNE,HOME_POST,PL_POST
             1,01/01/2025,S,HD1 2AB,HD3 3AA
             2,01/01/2025,S,HD1 2AB,LS1 1AA
             3,01/01/2025,S,HD1 2AB,ZZ9 9ZZ",
        );
        let last = tables(
            "//- Episodes
             CHILD,DECOM,RNE,HOME_POST,PL_POST
             1,01/01/2025,S,HD1 2AB,HD2 1AA
             2,01/01/2025,S,HD1 2AB,HD2 1AA
             3,01/01/2025,S,HD1 2AB,HD2 1AA",
        );
        let mut data = with_previous(&now, &last);
        data.postcodes = Some(&Postcodes);
        assert_eq!(
            findings(&Rule453, &data),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
