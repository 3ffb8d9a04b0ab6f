//! 187: a child looked after continuously for 12 months at 31 March (the OC2 cohort) must not
//! have adoption (AD1) or care leaver (OC3) data (DfE 903 validation rules).
//!
//! Reported on each AD1 or OC3 row with any item given. The tool needs both tables; here either
//! may be missing (its rows are then simply absent).

use super::util_a::{continuously_looked_after, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule187;

static META: RuleMeta = RuleMeta {
    code: "187",
    message: "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.",
    severity: Severity::Error,
    tables: &["AD1", "Episodes", "OC3"],
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

impl Rule for Rule187 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let cohort = continuously_looked_after(data);
        let in_cohort = |child: Option<&str>| child.is_some_and(|c| cohort.contains(c));
        for row in &data.current.oc3 {
            let given = !(row.in_touch.is_blank() && row.activ.is_blank() && row.accom.is_blank());
            let child = id(&row.child);
            if given && in_cohort(child) {
                out.at(
                    "OC3",
                    row.at.row_number,
                    child,
                    &["IN_TOUCH", "ACTIV", "ACCOM"],
                );
            }
        }
        for row in &data.current.ad1 {
            let given = !(row.date_int.is_blank()
                && row.date_match.is_blank()
                && row.foster_care.is_blank()
                && row.nb_adoptr.is_blank()
                && row.sex_adoptr.is_blank()
                && row.ls_adoptr.is_blank());
            let child = id(&row.child);
            if given && in_cohort(child) {
                out.at(
                    "AD1",
                    row.at.row_number,
                    child,
                    &[
                        "DATE_INT",
                        "DATE_MATCH",
                        "FOSTER_CARE",
                        "NB_ADOPTR",
                        "SEX_ADOPTR",
                        "LS_ADOPTR",
                    ],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Findings;
    use crate::ssda903::fixture::{current, tables};

    #[test]
    fn care_leaver_or_adoption_data_in_the_cohort_fails() {
        // 1 and 3 are in the cohort; 2 started care in the year.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,LS
             1,01/01/2020,S,C2
             2,01/06/2025,S,C2
             3,01/01/2020,S,C2
             //- OC3
             CHILD,IN_TOUCH,ACTIV,ACCOM
             1,YES,,
             2,YES,F1,B1
             3,,,
             //- AD1
             CHILD,DATE_INT,LS_ADOPTR
             2,01/05/2025,L0
             3,,L0",
        );
        let mut out = Findings::new(Rule187.meta());
        Rule187.check(&current(&t), &mut out);
        let found: Vec<(&str, u64)> = out
            .into_vec()
            .into_iter()
            .map(|f| (f.table, f.row_number.unwrap_or(0)))
            .collect();
        assert_eq!(found, vec![("OC3", 1), ("AD1", 2)]);
    }
}
