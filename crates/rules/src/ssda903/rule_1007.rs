//! 1007: care-leaver information is given for a 17- or 18-year-old who is still looked after
//! (DfE 903 validation rules).
//!
//! The DfE rule: when the young person is 17 or 18 at the end of the collection year and their
//! current episode has no end date or no reason it ended, `IN_TOUCH`, `ACTIV` and `ACCOM` must
//! not be given. The tool instead tests whether an episode spans the birthday and ends after
//! it, which misses young people still looked after (an open episode has no end date to compare)
//! and fails on 29 February births; leaving care after the birthday is 1016's check. Age comes
//! from the OC3 date of birth (as in the tool), else the Header's.

use super::util_d::{care_leaver_items_given, dob_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule1007;

static META: RuleMeta = RuleMeta {
    code: "1007",
    message: "Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]",
    severity: Severity::Error,
    tables: &["Episodes", "OC3"],
    fields: &["ACCOM", "ACTIV", "IN_TOUCH"],
    years: Years::from(2023),
};

impl Rule for Rule1007 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Oc3),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let still_looked_after: HashSet<&str> = data
            .current
            .episodes
            .iter()
            .filter(|row| row.decom.get().is_some_and(|d| d <= data.year_end()))
            .filter(|row| row.dec.is_blank() || row.rec.is_blank())
            .filter_map(|row| id(&row.child))
            .collect();
        let header_dobs = dob_by_child(data.current);
        for row in &data.current.oc3 {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let dob = row.dob.get().or_else(|| header_dobs.get(child).copied());
            let aged_17_or_18 = dob.is_some_and(|dob| {
                (17..=18).contains(&sightline_model::age_on(dob, data.year_end()))
            });
            if aged_17_or_18 && still_looked_after.contains(child) && care_leaver_items_given(row) {
                out.at(
                    "OC3",
                    row.at.row_number,
                    Some(child),
                    &["IN_TOUCH", "ACTIV", "ACCOM"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn care_leaver_items_for_17_and_18_year_olds_still_in_care_fail() {
        // 1: 17, still looked after. 2: 18 (29 February birth), still looked after. 3: 17, left
        // care. 4: 19. 5: 17, items blank.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC,REC
             1,01/02/2024,,
             2,01/02/2024,,
             3,01/02/2024,01/09/2025,E8
             4,01/02/2024,,
             5,01/02/2024,,
             //- OC3
             CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
             1,01/02/2008,YES,,
             2,29/02/2008,YES,F2,B1
             3,01/02/2008,YES,,
             4,01/02/2007,YES,,
             5,01/02/2008,,,",
        );
        assert_eq!(
            findings(&Rule1007, &current(&t)),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
