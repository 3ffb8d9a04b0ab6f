//! 193: intervention items are completed for a child with no substance misuse problem
//! identified (DfE 903 validation rules). "No problem" is `SUBSTANCE_MISUSE` 0 or blank.

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule193;

static META: RuleMeta = RuleMeta {
    code: "193",
    message: "Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.",
    severity: Severity::Error,
    tables: &["OC2"],
    fields: &[
        "INTERVENTION_OFFERED",
        "INTERVENTION_RECEIVED",
        "SUBSTANCE_MISUSE",
    ],
    years: Years::from(2023),
};

impl Rule for Rule193 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc2)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.oc2 {
            let no_misuse =
                row.substance_misuse.is_blank() || row.substance_misuse.get() == Some(false);
            let intervention_given =
                !(row.intervention_received.is_blank() && row.intervention_offered.is_blank());
            if no_misuse && intervention_given {
                out.at(
                    "OC2",
                    row.at.row_number,
                    id(&row.child),
                    &["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn intervention_items_without_substance_misuse_fail() {
        let t = tables(
            "//- OC2
             CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
             1,0,0,0
             2,,,
             3,0,1,1
             4,1,1,1
             5,,1,
             6,,,0
             7,0,,",
        );
        let expected: Vec<(u64, String)> = [1, 3, 5, 6].map(|n| (n, n.to_string())).into();
        assert_eq!(findings(&Rule193, &current(&t)), expected);
    }
}
