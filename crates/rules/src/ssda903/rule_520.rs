//! 520: married adopters of different sex (LS_ADOPTR `L11`) must have sex code MF (DfE 903
//! validation rules).
//!
//! A blank or invalid sex code is not an allowed one, as in the tool.

use super::util_c::adopter_sex_outside;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{AdopterLegalStatus, AdopterSex};

pub(crate) struct Rule520;

static META: RuleMeta = RuleMeta {
    code: "520",
    message: "Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.",
    severity: Severity::Error,
    tables: &["AD1"],
    fields: &["LS_ADOPTR", "SEX_ADOPTR"],
    years: Years::from(2023),
};

impl Rule for Rule520 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Ad1)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        adopter_sex_outside(data, out, AdopterLegalStatus::L11, &[AdopterSex::MF]);
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
             1,L11,MM
             2,L11,FF
             3,L11,MF
             4,L4,MM",
        );
        assert_eq!(
            findings(&Rule520, &current(&t)),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
