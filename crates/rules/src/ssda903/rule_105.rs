//! 105: the Header UASC flag is missing or not 0/1 (DfE 903 validation rules; XML returns only).
//!
//! The flag is a column of the XML return only. Sightline reads the CSV return, where the Header
//! has no UASC column and the flag is derived from the UASC table (a row there means 1), so it is
//! 0 or 1 by construction and this rule never finds anything. The tool likewise returns nothing
//! for CSV uploads. The rule is kept so the catalogue is complete and reports as passed.

use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule105;

static META: RuleMeta = RuleMeta {
    code: "105",
    message: "Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has not been completed.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["UASC"],
    years: Years::from(2023),
};

impl Rule for Rule105 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, _data: &Ssda903Return, _out: &mut Findings) {
        // Nothing to check: the derived flag of a CSV return is always 0 or 1.
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn the_derived_flag_of_a_csv_return_always_passes() {
        let t = tables(
            "//- Header
             CHILD,SEX
             1,M
             2,F
             //- UASC
             CHILD,DUC
             2,01/06/2025",
        );
        assert!(findings(&Rule105, &current(&t)).is_empty());
        assert!(
            Rule105
                .needs()
                .contains(&Needs::Table(Ssda903Table::Header))
        );
    }
}
