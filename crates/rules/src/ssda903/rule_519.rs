//! 519: civil-partner adopters (LS_ADOPTR `L2`) must have a couple's sex code (MM, FF or MF) (DfE
//! 903 validation rules).
//!
//! A blank or invalid sex code is not an allowed one, as in the tool.

use super::util_c::adopter_sex_outside;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{AdopterLegalStatus, AdopterSex};

pub(crate) struct Rule519;

static META: RuleMeta = RuleMeta {
    code: "519",
    message: "Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.",
    severity: Severity::Error,
    tables: &["AD1"],
    fields: &["LS_ADOPTR", "SEX_ADOPTR"],
    years: Years::from(2023),
};

impl Rule for Rule519 {
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
            AdopterLegalStatus::L2,
            &[AdopterSex::MM, AdopterSex::FF, AdopterSex::MF],
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
             1,L2,MM
             2,L2,M1
             3,L2,MF
             4,L2,",
        );
        assert_eq!(
            findings(&Rule519, &current(&t)),
            vec![(2, "2".into()), (4, "4".into())]
        );
    }
}
