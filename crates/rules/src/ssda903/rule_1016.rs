//! 1016: care-leaver information is given for a 17- or 18-year-old who ceased to be looked after
//! after their birthday (DfE 903 validation rules, from 2023-24).
//!
//! The DfE rule: when the young person is 17 or 18 at the end of the collection year and an
//! episode ended after their birthday in the year (the 17th or 18th), `IN_TOUCH`, `ACTIV` and
//! `ACCOM` must not be given. The tool compares every end date with the 17th birthday, so an
//! 18-year-old who left care at 17½, before the birthday the information is collected for, is
//! reported too; Sightline uses the birthday in the year. Age comes from the OC3 date of birth
//! (as in the tool), else the Header's.

use super::util_d::{care_leaver_items_given, dob_by_child, id, last_birthday};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule1016;

static META: RuleMeta = RuleMeta {
    code: "1016",
    message: "Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.",
    severity: Severity::Error,
    tables: &["Episodes", "OC3"],
    fields: &["ACCOM", "ACTIV", "IN_TOUCH"],
    years: Years::from(2024),
};

impl Rule for Rule1016 {
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
        let mut last_end: HashMap<&str, NaiveDate> = HashMap::default();
        for row in &data.current.episodes {
            if let (Some(child), Some(dec)) = (id(&row.child), row.dec.get()) {
                let end = last_end.entry(child).or_insert(dec);
                *end = (*end).max(dec);
            }
        }
        let header_dobs = dob_by_child(data.current);
        for row in &data.current.oc3 {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let Some(dob) = row.dob.get().or_else(|| header_dobs.get(child).copied()) else {
                continue;
            };
            let (age, birthday) = last_birthday(dob, data.year_end());
            let left_after_birthday = last_end.get(child).is_some_and(|end| *end > birthday);
            if (17..=18).contains(&age) && left_after_birthday && care_leaver_items_given(row) {
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
    fn care_leaver_items_for_those_leaving_after_the_birthday_fail() {
        // 1: 17 on 1 June 2025, left 2 June. 2: 18 on 1 June 2025, left at 17 in 2024.
        // 3: 17, left on the birthday. 4: 19. 5: items blank.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC
             1,01/02/2024,02/06/2025
             2,01/02/2023,01/09/2024
             3,01/02/2024,01/06/2025
             4,01/02/2024,02/06/2025
             5,01/02/2024,02/06/2025
             //- OC3
             CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
             1,01/06/2008,YES,,
             2,01/06/2007,YES,,
             3,01/06/2008,YES,,
             4,01/06/2006,YES,,
             5,01/06/2008,,,",
        );
        assert_eq!(findings(&Rule1016, &current(&t)), vec![(1, "1".into())]);
    }
}
