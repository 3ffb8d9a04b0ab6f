//! 151: the adoption (AD1) items must be all completed or all blank (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule151;

static META: RuleMeta = RuleMeta {
    code: "151",
    message: "All data items relating to a childs adoption must be coded or left blank.",
    severity: Severity::Error,
    tables: &["AD1"],
    fields: &[
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "LS_ADOPTR",
        "NB_ADOPTR",
        "SEX_ADOPTR",
    ],
    years: Years::from(2023),
};

impl Rule for Rule151 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Ad1)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.ad1 {
            let blanks = [
                row.date_int.is_blank(),
                row.date_match.is_blank(),
                row.foster_care.is_blank(),
                row.nb_adoptr.is_blank(),
                row.sex_adoptr.is_blank(),
                row.ls_adoptr.is_blank(),
            ];
            let mixed = blanks.contains(&true) && blanks.contains(&false);
            if mixed {
                out.at("AD1", row.at.row_number, id(&row.child), META.fields);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn partly_completed_rows_fail() {
        let t = tables(
            "//- AD1
             CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR
             1,,,,,,
             2,01/05/2025,01/06/2025,0,2,MF,L11
             3,01/05/2025,,,,,
             4,,,,,,L0
             5,01/05/2025,01/06/2025,0,2,MF,",
        );
        assert_eq!(
            findings(&Rule151, &current(&t)),
            vec![(3, "3".into()), (4, "4".into()), (5, "5".into())]
        );
    }
}
