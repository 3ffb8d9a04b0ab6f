//! 144: the legal status is not a valid code (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule144;

static META: RuleMeta = RuleMeta {
    code: "144",
    message: "The legal status code is not a valid code.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["LS"],
    years: Years::from(2023),
};

impl Rule for Rule144 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // Blank is allowed here; only text that is not a valid value is reported.
        for row in &data.current.episodes {
            if row.ls.is_invalid() {
                out.at("Episodes", row.at.row_number, id(&row.child), &["LS"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: C1, V4, blank. Failing: section 20, C3.
    #[test]
    fn bad_values_fail_and_blank_passes() {
        let t = tables(
            "//- Episodes
             CHILD,LS
             1,C1
             2,V4
             3,section 20
             4,C3
             5,",
        );
        assert_eq!(
            findings(&Rule144, &current(&t)),
            vec![(3, "3".into()), (4, "4".into())]
        );
    }
}
