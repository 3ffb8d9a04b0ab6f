//! 503H: the placement authority of this year's first episode must match last year's episode
//! that was still open at 31 March (DfE 903 validation rules).
//!
//! `PL_LA` is derived in both years from the placement postcode with the postcode reference; two
//! placements no authority can be found for are equal, as in the tool.

use super::util_c::{first_episode_differs_from_last_year, placement_authority};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule503H;

static META: RuleMeta = RuleMeta {
    code: "503H",
    message: "The placement LA in first episode does not match open episode at end of last year.",
    severity: Severity::Error,
    tables: &["Episodes", "Episodes_last"],
    fields: &["PL_LA"],
    years: Years::from(2023),
};

impl Rule for Rule503H {
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
        first_episode_differs_from_last_year(data, out, "PL_LA", |first, last| {
            placement_authority(postcodes, first) != placement_authority(postcodes, last)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::{Postcodes, with_previous};
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn a_changed_placement_authority_fails() {
        // 1: moved within the authority. 2: moved to another authority. 3: unknown both years.
        let now = tables(
            "//- Episodes
             CHILD,DECOM,PL_POST
             1,01/01/2025,HD2 1AA
             2,01/01/2025,LS1 1AA
             3,01/01/2025,",
        );
        let last = tables(
            "//- Episodes
             CHILD,DECOM,PL_POST
             1,01/01/2025,HD1 2AB
             2,01/01/2025,HD1 2AB
             3,01/01/2025,ZZ9 9ZZ",
        );
        let mut data = with_previous(&now, &last);
        data.postcodes = Some(&Postcodes);
        assert_eq!(findings(&Rule503H, &data), vec![(2, "2".into())]);
    }
}
