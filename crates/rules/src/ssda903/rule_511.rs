//! 511: two adopters (NB_ADOPTR 2) cannot have a single adopter's sex code (M1 or F1) (DfE 903
//! validation rules).

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::AdopterSex;

pub(crate) struct Rule511;

static META: RuleMeta = RuleMeta {
    code: "511",
    message: "If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.",
    severity: Severity::Error,
    tables: &["AD1"],
    fields: &["NB_ADOPTR", "SEX_ADOPTR"],
    years: Years::from(2023),
};

impl Rule for Rule511 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Ad1)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.ad1 {
            let single = matches!(row.sex_adoptr.get(), Some(AdopterSex::M1 | AdopterSex::F1));
            if row.nb_adoptr.get() == Some(2) && single {
                out.at(
                    "AD1",
                    row.at.row_number,
                    id(&row.child),
                    &["NB_ADOPTR", "SEX_ADOPTR"],
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
    fn two_adopters_with_a_single_adopter_code_fail() {
        let t = tables(
            "//- AD1
             CHILD,NB_ADOPTR,SEX_ADOPTR
             1,2,MM
             2,2,M1
             3,1,F1
             4,2,F1
             5,2,",
        );
        assert_eq!(
            findings(&Rule511, &current(&t)),
            vec![(2, "2".into()), (4, "4".into())]
        );
    }
}
