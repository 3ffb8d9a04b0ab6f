//! 503J: the placement location (in or out of the council's area) of this year's first episode
//! must match last year's episode that was still open at 31 March (DfE 903 validation rules).
//!
//! `PL_LOCATION` is derived in both years from the placement authority and the council's own
//! authority code. The return does not carry the council's ONS code yet (see
//! `util_c::own_authority`), so until it does every location is blank and the rule passes; the
//! comparison itself is tested on derived locations.

use super::util_c::{
    Location, first_episode_differs_from_last_year, own_authority, placement_authority,
    placement_location,
};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, PostcodeReference, Rule, Ssda903Return};
use sightline_formats::ssda903::{EpisodeRow, Ssda903Table};

pub(crate) struct Rule503J;

static META: RuleMeta = RuleMeta {
    code: "503J",
    message: "The placement location in first episode does not match open episode at end of last year.",
    severity: Severity::Error,
    tables: &["Episodes", "Episodes_last"],
    fields: &["PL_LOCATION"],
    years: Years::from(2023),
};

/// The derived `PL_LOCATION` of an episode for a council whose authority code is `own`.
fn location(
    postcodes: &dyn PostcodeReference,
    row: &EpisodeRow,
    own: Option<&str>,
) -> Option<Location> {
    placement_location(placement_authority(postcodes, row).as_deref(), own)
}

/// Reports first episodes whose location differs from last year's, for the council `own`.
fn check_for(data: &Ssda903Return, out: &mut Findings, own: Option<&str>) {
    let Some(postcodes) = data.postcodes else {
        return;
    };
    first_episode_differs_from_last_year(data, out, "PL_LOCATION", |first, last| {
        location(postcodes, first, own) != location(postcodes, last, own)
    });
}

impl Rule for Rule503J {
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
        check_for(data, out, own_authority(data).as_deref());
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::{Postcodes, with_previous};
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    fn years() -> (
        sightline_formats::ssda903::Ssda903Tables,
        sightline_formats::ssda903::Ssda903Tables,
    ) {
        // 1: moved within the council's area. 2: moved out of it.
        let now = tables(
            "//- Episodes
             CHILD,DECOM,PL_POST
             1,01/01/2025,HD2 1AA
             2,01/01/2025,LS1 1AA",
        );
        let last = tables(
            "//- Episodes
             CHILD,DECOM,PL_POST
             1,01/01/2025,HD1 2AB
             2,01/01/2025,HD1 2AB",
        );
        (now, last)
    }

    #[test]
    fn a_placement_moving_out_of_the_area_fails() {
        let (now, last) = years();
        let mut data = with_previous(&now, &last);
        data.postcodes = Some(&Postcodes);
        let mut out = Findings::new(&META);
        check_for(&data, &mut out, Some("E08000034"));
        let rows: Vec<Option<u64>> = out.into_vec().iter().map(|f| f.row_number).collect();
        assert_eq!(rows, vec![Some(2)]);
    }

    #[test]
    fn without_the_councils_authority_code_nothing_is_found() {
        let (now, last) = years();
        let mut data = with_previous(&now, &last);
        data.postcodes = Some(&Postcodes);
        assert!(findings(&Rule503J, &data).is_empty());
    }
}
