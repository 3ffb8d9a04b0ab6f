//! 145: the category of need is not a valid code (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule145;

static META: RuleMeta = RuleMeta {
    code: "145",
    message: "Category of need code is not a valid code.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["CIN"],
    years: Years::from(2023),
};

impl Rule for Rule145 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // Blank is allowed here; only text that is not a valid value is reported.
        for row in &data.current.episodes {
            if row.cin.is_invalid() {
                out.at("Episodes", row.at.row_number, id(&row.child), &["CIN"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: N1, N8, blank. Failing: N0, N9.
    #[test]
    fn bad_values_fail_and_blank_passes() {
        let t = tables(
            "//- Episodes
             CHILD,CIN
             1,N1
             2,N8
             3,N0
             4,N9
             5,",
        );
        assert_eq!(
            findings(&Rule145, &current(&t)),
            vec![(3, "3".into()), (4, "4".into())]
        );
    }
}
