//! 566: a missing or away period with an end date must say whether the child was missing or away
//! (DfE 903 validation rules).

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule566;

static META: RuleMeta = RuleMeta {
    code: "566",
    message: "The date that the child's episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed.",
    severity: Severity::Error,
    tables: &["Missing"],
    fields: &["MISSING", "MIS_END"],
    years: Years::from(2023),
};

impl Rule for Rule566 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Missing)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.missing {
            if !row.mis_end.is_blank() && row.missing.is_blank() {
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
             CHILD,MISSING,MIS_END
             1,A,01/05/2025
             2,,01/05/2025
             3,,",
        );
        assert_eq!(findings(&Rule566, &current(&t)), vec![(2, "2".into())]);
    }
}
