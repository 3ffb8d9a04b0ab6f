//! 134: a care leaver in the OC3 cohort must not also have adoption (AD1) data (DfE 903
//! validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Ad1Row, Oc3Row, Ssda903Table};

pub(crate) struct Rule134;

static META: RuleMeta = RuleMeta {
    code: "134",
    message: "Data on adoption should not be entered for the OC3 cohort.",
    severity: Severity::Error,
    tables: &["AD1", "OC3"],
    fields: &[
        "ACCOM",
        "ACTIV",
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "IN_TOUCH",
        "LS_ADOPTR",
        "NB_ADOPTR",
        "SEX_ADOPTR",
    ],
    years: Years::from(2023),
};

/// The AD1 items this rule reports.
const AD1_FIELDS: &[&str] = &[
    "DATE_INT",
    "DATE_MATCH",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
];

fn has_care_leaver_data(row: &Oc3Row) -> bool {
    !(row.in_touch.is_blank() && row.activ.is_blank() && row.accom.is_blank())
}

fn has_adoption_data(row: &Ad1Row) -> bool {
    !(row.date_int.is_blank()
        && row.date_match.is_blank()
        && row.foster_care.is_blank()
        && row.nb_adoptr.is_blank()
        && row.sex_adoptr.is_blank()
        && row.ls_adoptr.is_blank())
}

impl Rule for Rule134 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Ad1),
            Needs::Table(Ssda903Table::Oc3),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let care_leavers: HashSet<&str> = data
            .current
            .oc3
            .iter()
            .filter(|row| has_care_leaver_data(row))
            .filter_map(|row| id(&row.child))
            .collect();
        for row in &data.current.ad1 {
            let child = id(&row.child);
            if has_adoption_data(row) && child.is_some_and(|c| care_leavers.contains(c)) {
                out.at("AD1", row.at.row_number, child, AD1_FIELDS);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn adoption_data_for_a_care_leaver_fails() {
        // 1: blank OC3 row. 2: care leaver with adoption data. 3: care leaver, blank AD1 row.
        // 4: adoption data, no OC3 row.
        let t = tables(
            "//- OC3
             CHILD,IN_TOUCH,ACTIV,ACCOM
             1,,,
             2,YES,F1,B1
             3,NO,0,0
             //- AD1
             CHILD,DATE_INT,LS_ADOPTR
             1,01/05/2025,L0
             2,,L0
             3,,
             4,01/05/2025,L0",
        );
        assert_eq!(findings(&Rule134, &current(&t)), vec![(2, "2".into())]);
    }
}
