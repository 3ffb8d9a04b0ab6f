//! 149: the reason the episode ceased is not a valid code (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule149;

static META: RuleMeta = RuleMeta {
    code: "149",
    message: "Reason episode ceased code is not valid. ",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["REC"],
    years: Years::from(2023),
};

impl Rule for Rule149 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // Blank is allowed here; only text that is not a valid value is reported.
        for row in &data.current.episodes {
            if row.rec.is_invalid() {
                out.at("Episodes", row.at.row_number, id(&row.child), &["REC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: E4A, X1, blank. Failing: X, E10.
    #[test]
    fn bad_values_fail_and_blank_passes() {
        let t = tables(
            "//- Episodes
             CHILD,REC
             1,E4A
             2,X1
             3,X
             4,E10
             5,",
        );
        assert_eq!(
            findings(&Rule149, &current(&t)),
            vec![(3, "3".into()), (4, "4".into())]
        );
    }
}
