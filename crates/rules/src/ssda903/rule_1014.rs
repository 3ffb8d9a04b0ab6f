//! 1014: UASC information is given for a care leaver who was not looked after during the year
//! (DfE 903 validation rules).
//!
//! A child with a UASC row, care-leaver items given in OC3, and no episode open at any time in
//! the year (started by 31 March and ended on or after 1 April, or still open). The finding goes
//! on the UASC row, whose information is not required (the tool also reports the OC3 row, and
//! skips children with no episodes at all, who are no more looked after in the year).

use super::util_d::{care_leaver_items_given, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, EpisodeRow, Ssda903Table};

pub(crate) struct Rule1014;

static META: RuleMeta = RuleMeta {
    code: "1014",
    message: "UASC information is not required for care leavers",
    severity: Severity::Error,
    tables: &["Episodes", "OC3", "UASC"],
    fields: &["ACCOM", "ACTIV", "DUC", "IN_TOUCH"],
    years: Years::from(2023),
};

fn in_year(row: &EpisodeRow, data: &Ssda903Return) -> bool {
    let started = row.decom.get().is_some_and(|d| d <= data.year_end());
    let not_ended_before = match &row.dec {
        Cell::Blank => true,
        Cell::Value(dec) => *dec >= data.year_start(),
        Cell::Invalid(_) => false,
    };
    started && not_ended_before
}

impl Rule for Rule1014 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Uasc),
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Oc3),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let looked_after: HashSet<&str> = data
            .current
            .episodes
            .iter()
            .filter(|row| in_year(row, data))
            .filter_map(|row| id(&row.child))
            .collect();
        let care_leavers: HashSet<&str> = data
            .current
            .oc3
            .iter()
            .filter(|row| care_leaver_items_given(row))
            .filter_map(|row| id(&row.child))
            .collect();
        for row in &data.current.uasc {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if care_leavers.contains(child) && !looked_after.contains(child) {
                out.at("UASC", row.at.row_number, Some(child), &["DUC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn uasc_rows_for_care_leavers_not_looked_after_fail() {
        // 1: left care last year. 2: looked after in the year. 3: no OC3 items. 4: still open.
        let t = tables(
            "//- UASC
             CHILD,DUC
             1,05/06/2024
             2,
             3,01/06/2024
             4,02/06/2024
             //- Episodes
             CHILD,DECOM,DEC
             1,01/01/2024,01/01/2025
             2,01/01/2024,11/05/2025
             3,01/01/2024,01/01/2025
             4,01/01/2020,
             //- OC3
             CHILD,IN_TOUCH,ACTIV,ACCOM
             1,YES,,
             2,YES,,
             3,,,
             4,YES,,",
        );
        assert_eq!(findings(&Rule1014, &current(&t)), vec![(1, "1".into())]);
    }
}
