//! 564: a missing or away period (MISSING given) must have a start date (DfE 903 validation rules).

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule564;

static META: RuleMeta = RuleMeta {
    code: "564",
    message: "Child was missing or away from placement without authorisation and the date started is blank.",
    severity: Severity::Error,
    tables: &["Missing"],
    fields: &["MISSING", "MIS_START"],
    years: Years::from(2023),
};

impl Rule for Rule564 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Missing)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.missing {
            if !row.missing.is_blank() && row.mis_start.is_blank() {
                out.at("Missing", row.at.row_number, id(&row.child), META.fields);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_half_completed_period_fails() {
        let t = tables(
            "//- Missing
             CHILD,MISSING,MIS_START
             1,M,01/05/2025
             2,A,
             3,,",
        );
        assert_eq!(findings(&Rule564, &current(&t)), vec![(2, "2".into())]);
    }
}
