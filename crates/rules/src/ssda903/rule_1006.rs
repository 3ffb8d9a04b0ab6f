//! 1006: the missing type is not `M` (missing) or `A` (away without authorisation) (DfE 903
//! validation rules). A blank type is 564-566's concern, as in the tool; lower case is accepted
//! (the tool is case-sensitive).

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule1006;

static META: RuleMeta = RuleMeta {
    code: "1006",
    message: "Missing type invalid.",
    severity: Severity::Error,
    tables: &["Missing"],
    fields: &["MISSING"],
    years: Years::from(2023),
};

impl Rule for Rule1006 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Missing)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.missing {
            if row.missing.is_invalid() {
                out.at("Missing", row.at.row_number, id(&row.child), &["MISSING"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn unknown_missing_types_fail() {
        let t = tables(
            "//- Missing
             CHILD,MISSING
             1,M
             2,A
             3,AWAY
             4,
             5,m",
        );
        assert_eq!(findings(&Rule1006, &current(&t)), vec![(3, "3".into())]);
    }
}
