//! 104: the date UASC status ceased is not a valid date, or falls before the collection year
//! (DfE 903 validation rules: if provided, `DUC` must be a valid date on or after the start of
//! the collection year, as the tool checks).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule104;

static META: RuleMeta = RuleMeta {
    code: "104",
    message: "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.",
    severity: Severity::Error,
    tables: &["UASC"],
    fields: &["DUC"],
    years: Years::from(2023),
};

impl Rule for Rule104 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Uasc)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let start = data.year_start();
        for row in &data.current.uasc {
            let bad = row.duc.is_invalid() || row.duc.get().is_some_and(|duc| duc < start);
            if bad {
                out.at("UASC", row.at.row_number, id(&row.child), &["DUC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn bad_dates_and_dates_before_the_year_fail() {
        let t = tables(
            "//- UASC
             CHILD,DUC
             1,01/04/2025
             2,31/03/2025
             3,31/02/2026
             4,",
        );
        assert_eq!(
            findings(&Rule104, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
