//! 158: when an intervention for substance misuse was received, whether one was offered must be
//! left blank (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule158;

static META: RuleMeta = RuleMeta {
    code: "158",
    message: "If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.",
    severity: Severity::Error,
    tables: &["OC2"],
    fields: &["INTERVENTION_OFFERED", "INTERVENTION_RECEIVED"],
    years: Years::from(2023),
};

impl Rule for Rule158 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc2)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.oc2 {
            if row.intervention_received.get() == Some(true) && !row.intervention_offered.is_blank()
            {
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
    fn offered_given_although_received_fails() {
        let t = tables(
            "//- OC2
             CHILD,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
             1,1,
             2,,1
             3,0,0
             4,1,1
             5,1,0
             6,0,1",
        );
        assert_eq!(
            findings(&Rule158, &current(&t)),
            vec![(4, "4".into()), (5, "5".into())]
        );
    }
}
