//! 387: an episode ends with a move to independent living (E5/E6) before the child's 14th birthday (DfE 903 validation rules).

use super::util_b::ceased_younger_than;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonEpisodeCeased::{E5, E6};

pub(crate) struct Rule387;

static META: RuleMeta = RuleMeta {
    code: "387",
    message: "Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["REC"],
    years: Years::from(2023),
};

impl Rule for Rule387 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        ceased_younger_than(data, out, &[E5, E6], 14);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn ceasing_before_the_birthday_fails() {
        // Born 01/01/2012: the birthday that matters falls on 1 January 2026.
        let t = tables(
            "//- Header
             CHILD,DOB
             1,01/01/2012
             2,01/01/2012
             3,01/01/2012
             //- Episodes
             CHILD,DEC,REC
             1,31/12/2025,E5
             2,01/01/2026,E5
             3,31/12/2025,E8",
        );
        assert_eq!(findings(&Rule387, &current(&t)), vec![(1, "1".into())]);
    }
}
