//! 517: unmarried adopters of different sex (LS_ADOPTR `L3`) must have sex code MF (DfE 903
//! validation rules).
//!
//! A blank or invalid sex code is not an allowed one, as in the tool.

use super::util_c::adopter_sex_outside;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{AdopterLegalStatus, AdopterSex};

pub(crate) struct Rule517;

static META: RuleMeta = RuleMeta {
    code: "517",
    message: "If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.",
    severity: Severity::Error,
    tables: &["AD1"],
    fields: &["LS_ADOPTR", "SEX_ADOPTR"],
    years: Years::from(2023),
};

impl Rule for Rule517 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Ad1)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        adopter_sex_outside(data, out, AdopterLegalStatus::L3, &[AdopterSex::MF]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_sex_code_not_matching_the_legal_status_fails() {
        let t = tables(
            "//- AD1
             CHILD,LS_ADOPTR,SEX_ADOPTR
             1,L3,MF
             2,L3,MM
             3,L4,MM
             4,L3,",
        );
        assert_eq!(
            findings(&Rule517, &current(&t)),
            vec![(2, "2".into()), (4, "4".into())]
        );
    }
}
