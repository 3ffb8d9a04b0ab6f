//! 524: married adopters of the same sex (LS_ADOPTR `L12`) must have sex code MM or FF (DfE 903
//! validation rules).
//!
//! A blank or invalid sex code is not an allowed one, as in the tool.

use super::util_c::adopter_sex_outside;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{AdopterLegalStatus, AdopterSex};

pub(crate) struct Rule524;

static META: RuleMeta = RuleMeta {
    code: "524",
    message: "If reporting legal status of adopters is L12 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females",
    severity: Severity::Error,
    tables: &["AD1"],
    fields: &["LS_ADOPTR", "SEX_ADOPTR"],
    years: Years::from(2023),
};

impl Rule for Rule524 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Ad1)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        adopter_sex_outside(
            data,
            out,
            AdopterLegalStatus::L12,
            &[AdopterSex::MM, AdopterSex::FF],
        );
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
             1,L12,MM
             2,L12,FF
             3,L12,MF
             4,L12,M1",
        );
        assert_eq!(
            findings(&Rule524, &current(&t)),
            vec![(3, "3".into()), (4, "4".into())]
        );
    }
}
