//! 514: a single adopter (LS_ADOPTR `L0`) must have a single-adopter sex code (M1 or F1) (DfE 903
//! validation rules).
//!
//! A blank or invalid sex code is not an allowed one, as in the tool.

use super::util_c::adopter_sex_outside;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{AdopterLegalStatus, AdopterSex};

pub(crate) struct Rule514;

static META: RuleMeta = RuleMeta {
    code: "514",
    message: "Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.",
    severity: Severity::Error,
    tables: &["AD1"],
    fields: &["LS_ADOPTR", "SEX_ADOPTR"],
    years: Years::from(2023),
};

impl Rule for Rule514 {
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
            AdopterLegalStatus::L0,
            &[AdopterSex::M1, AdopterSex::F1],
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
             1,L0,M1
             2,L0,MF
             3,L11,MF
             4,L0,",
        );
        assert_eq!(
            findings(&Rule514, &current(&t)),
            vec![(2, "2".into()), (4, "4".into())]
        );
    }
}
