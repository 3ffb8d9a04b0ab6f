//! 205D: a child identified as UASC this year was in last year's return but not identified as
//! UASC there (DfE 903 validation rules).
//!
//! UASC status is derived from the UASC tables (see `util_b`); only children in both years'
//! Headers are compared, as in the tool.

use super::util_b::{header_by_child, id, uasc_children};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule205D;

static META: RuleMeta = RuleMeta {
    code: "205D",
    message: "Child identified as UASC this year but not identified as UASC status provided for the child last year.",
    severity: Severity::Error,
    tables: &["Header", "Header_last", "UASC", "UASC_last"],
    fields: &["CHILD", "UASC"],
    years: Years::from(2023),
};

impl Rule for Rule205D {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Uasc),
            Needs::PreviousTable(Ssda903Table::Header),
            Needs::PreviousTable(Ssda903Table::Uasc),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let header_last = header_by_child(&previous.header);
        let (uasc_now, uasc_last) = (
            uasc_children(&data.current.uasc),
            uasc_children(&previous.uasc),
        );
        for row in &data.current.header {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if header_last.contains_key(child)
                && uasc_now.contains(child)
                && !uasc_last.contains(child)
            {
                out.at("Header", row.at.row_number, Some(child), &["CHILD", "UASC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_b::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn newly_uasc_child_from_last_year_fails() {
        let now = tables(
            "//- Header
             CHILD
             1
             2
             3
             //- UASC
             CHILD
             1
             2
             3",
        );
        let last = tables(
            "//- Header
             CHILD
             1
             2
             //- UASC
             CHILD
             1",
        );
        // 2 was in last year's return without UASC status; 3 is new this year.
        assert_eq!(
            findings(&Rule205D, &with_previous(&now, &last)),
            vec![(2, "2".into())]
        );
    }
}
