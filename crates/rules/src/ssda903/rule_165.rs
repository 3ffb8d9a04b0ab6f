//! 165: the mother status is invalid or does not fit the child's sex, episodes and care leaver
//! data (DfE 903 validation rules: if given, `MOTHER` must be 0 or 1 and the child not male; if
//! not given, the child must be male, or have no episode in the year and care leaver data).
//!
//! Reported on the Header row when `MOTHER` is not 0/1; is given for a male child; is blank for a
//! female child with an episode (other than a V3/V4 short break) in the year; or is given for a
//! female child with no such episode but with OC3 data. An episode without an end date runs to
//! the year end. Differences from the tool: it still compares sex with the pre-2024-25 codes 1/2
//! (so it never fires on M/F returns), and it checks only children who have episodes; here sex is
//! read as male/female whatever the code, and every Header row is checked. The OC3 table is
//! optional: without it no child has care leaver data.

use super::util_a::{id, is_short_break};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{HeaderRow, Ssda903Table};
use sightline_model::codes::Sex;

pub(crate) struct Rule165;

static META: RuleMeta = RuleMeta {
    code: "165",
    message: "Data entry for mother status is invalid.",
    severity: Severity::Error,
    tables: &["Episodes", "Header", "OC3"],
    fields: &["ACCOM", "ACTIV", "DECOM", "IN_TOUCH", "MOTHER", "SEX"],
    years: Years::from(2023),
};

impl Rule for Rule165 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let (start, end) = (data.year_start(), data.year_end());
        let looked_after: HashSet<&str> = data
            .current
            .episodes
            .iter()
            .filter(|e| !is_short_break(&e.ls))
            .filter(|e| {
                e.decom.get().is_some_and(|d| d <= end) && e.dec.get().unwrap_or(end) >= start
            })
            .filter_map(|e| id(&e.child))
            .collect();
        let care_leavers: HashSet<&str> = data
            .current
            .oc3
            .iter()
            .filter(|r| !(r.in_touch.is_blank() && r.activ.is_blank() && r.accom.is_blank()))
            .filter_map(|r| id(&r.child))
            .collect();
        for row in &data.current.header {
            let child = id(&row.child);
            let in_care = child.is_some_and(|c| looked_after.contains(c));
            let leaver = child.is_some_and(|c| care_leavers.contains(c));
            if mother_status_is_wrong(row, data.year, in_care, leaver) {
                out.at("Header", row.at.row_number, child, &["MOTHER"]);
            }
        }
    }
}

fn mother_status_is_wrong(
    row: &HeaderRow,
    year: i32,
    looked_after_in_year: bool,
    care_leaver: bool,
) -> bool {
    let given = !row.mother.is_blank();
    let sex = crate::ssda903::sex_in_year(&row.sex, year);
    let female = sex == Some(Sex::Female);
    row.mother.is_invalid()
        || (given && sex == Some(Sex::Male))
        || (!given && female && looked_after_in_year)
        || (given && female && !looked_after_in_year && care_leaver)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn mother_status_must_fit_sex_episodes_and_care_leaver_data() {
        // 1: male, blank. 2: female in care, 0. 3: female in care, blank. 4: female, 2.
        // 5: male, 1. 6: female in care with OC3 data, blank. 7: female care leaver not in care
        // this year, blank. 8: female with only short breaks, blank. 9: female care leaver not
        // in care this year, 1.
        let t = tables(
            "//- Header
             CHILD,SEX,MOTHER
             1,M,
             2,F,0
             3,F,
             4,F,2
             5,M,1
             6,F,
             7,F,
             8,F,
             9,F,1
             //- Episodes
             CHILD,DECOM,DEC,LS
             1,01/01/2025,,C2
             2,01/01/2025,01/05/2025,C2
             3,01/01/2025,,C2
             4,01/01/2025,,C2
             5,01/01/2025,,C2
             6,01/01/2025,,C2
             7,01/01/2024,25/03/2025,C2
             8,01/11/2025,02/11/2025,V3
             9,01/01/2024,25/03/2025,C2
             //- OC3
             CHILD,IN_TOUCH,ACTIV,ACCOM
             6,YES,F1,B1
             7,YES,F1,B1
             9,YES,F1,B1",
        );
        let expected: Vec<(u64, String)> = [3, 4, 5, 6, 9].map(|n| (n, n.to_string())).into();
        assert_eq!(findings(&Rule165, &current(&t)), expected);
    }
}
