//! 192: a child with a substance misuse problem has no answer on whether an intervention was
//! received (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule192;

static META: RuleMeta = RuleMeta {
    code: "192",
    message: "Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.",
    severity: Severity::Error,
    tables: &["OC2"],
    fields: &["INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE"],
    years: Years::from(2023),
};

impl Rule for Rule192 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc2)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.oc2 {
            if row.substance_misuse.get() == Some(true) && row.intervention_received.is_blank() {
                out.at(
                    "OC2",
                    row.at.row_number,
                    id(&row.child),
                    &["INTERVENTION_RECEIVED"],
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
    fn substance_misuse_without_the_intervention_answer_fails() {
        let t = tables(
            "//- OC2
             CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED
             1,0,0
             2,,
             3,0,1
             4,1,1
             5,1,
             6,0,",
        );
        assert_eq!(findings(&Rule192, &current(&t)), vec![(5, "5".into())]);
    }
}
