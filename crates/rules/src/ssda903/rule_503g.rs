//! 503G: the placement distance of this year's first episode must match last year's episode
//! that was still open at 31 March, to within 0.2 miles (DfE 903 validation rules).
//!
//! `PL_DISTANCE` is derived in both years from the postcodes with the postcode reference; a
//! distance that cannot be derived in either year is not compared, as in the tool.

use super::util_c::{distances_differ, first_episode_differs_from_last_year, placement_distance};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule503G;

static META: RuleMeta = RuleMeta {
    code: "503G",
    message: "The distance in first episode does not match open episode at end of last year.",
    severity: Severity::Error,
    tables: &["Episodes", "Episodes_last"],
    fields: &["PL_DISTANCE"],
    years: Years::from(2023),
};

impl Rule for Rule503G {
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
        first_episode_differs_from_last_year(data, out, "PL_DISTANCE", |first, last| {
            distances_differ(
                placement_distance(postcodes, first),
                placement_distance(postcodes, last),
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::{Postcodes, with_previous};
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn a_changed_distance_fails() {
        // 1: 5.0 and 5.0. 2: 20.0 against 5.0. 3: no distance this year.
        let now = tables(
            "//- Episodes
             CHILD,DECOM,HOME_POST,PL_POST
             1,01/01/2025,HD1 2AB,HD2 1AA
             2,01/01/2025,HD1 2AB,LS1 1AA
             3,01/01/2025,HD1 2AB,",
        );
        let last = tables(
            "//- Episodes
             CHILD,DECOM,HOME_POST,PL_POST
             1,01/01/2025,HD1 2AB,HD2 1AA
             2,01/01/2025,HD1 2AB,HD2 1AA
             3,01/01/2025,HD1 2AB,HD2 1AA",
        );
        let mut data = with_previous(&now, &last);
        data.postcodes = Some(&Postcodes);
        assert_eq!(findings(&Rule503G, &data), vec![(2, "2".into())]);
    }
}
