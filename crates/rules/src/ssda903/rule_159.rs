//! 159: when a child with a substance misuse problem received no intervention, whether one was
//! offered must be completed (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule159;

static META: RuleMeta = RuleMeta {
    code: "159",
    message: "If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.",
    severity: Severity::Error,
    tables: &["OC2"],
    fields: &[
        "INTERVENTION_OFFERED",
        "INTERVENTION_RECEIVED",
        "SUBSTANCE_MISUSE",
    ],
    years: Years::from(2023),
};

impl Rule for Rule159 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc2)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.oc2 {
            let bad = row.substance_misuse.get() == Some(true)
                && row.intervention_received.get() == Some(false)
                && row.intervention_offered.is_blank();
            if bad {
                out.at(
                    "OC2",
                    row.at.row_number,
                    id(&row.child),
                    &["INTERVENTION_OFFERED"],
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
    fn offered_left_blank_when_none_received_fails() {
        let t = tables(
            "//- OC2
             CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
             1,1,1,
             2,1,0,0
             3,1,0,
             4,1,,
             5,,0,
             6,0,0,",
        );
        assert_eq!(findings(&Rule159, &current(&t)), vec![(3, "3".into())]);
    }
}
