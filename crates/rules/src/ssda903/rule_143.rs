//! 143: the reason for new episode is not a valid code (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule143;

static META: RuleMeta = RuleMeta {
    code: "143",
    message: "The reason for new episode code is not a valid code.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["RNE"],
    years: Years::from(2023),
};

impl Rule for Rule143 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // Blank is allowed here; only text that is not a valid value is reported.
        for row in &data.current.episodes {
            if row.rne.is_invalid() {
                out.at("Episodes", row.at.row_number, id(&row.child), &["RNE"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: S, p, blank. Failing: SP, a.
    #[test]
    fn bad_values_fail_and_blank_passes() {
        let t = tables(
            "//- Episodes
             CHILD,RNE
             1,S
             2,p
             3,SP
             4,a
             5,",
        );
        assert_eq!(
            findings(&Rule143, &current(&t)),
            vec![(3, "3".into()), (4, "4".into())]
        );
    }
}
