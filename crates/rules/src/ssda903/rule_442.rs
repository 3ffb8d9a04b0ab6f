//! 442: a child with an episode that is not a short break (legal status other than V3/V4) must
//! have a UPN or an unknown-UPN code (DfE 903 validation rules).
//!
//! Reported once on the Header row. An episode with a blank or invalid legal status counts as
//! not a short break, as in the tool.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::group_a::util_a::is_short_break;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule442;

static META: RuleMeta = RuleMeta {
    code: "442",
    message: "Unique Pupil Number (UPN) field is not completed.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["UPN"],
    years: Years::from(2023),
};

impl Rule for Rule442 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Header),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let looked_after: HashSet<&str> = data
            .current
            .episodes
            .iter()
            .filter(|row| !is_short_break(&row.ls))
            .filter_map(|row| id(&row.child))
            .collect();
        for row in &data.current.header {
            let child = id(&row.child);
            if row.upn.is_blank() && child.is_some_and(|c| looked_after.contains(c)) {
                out.at("Header", row.at.row_number, child, &["UPN"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_blank_upn_for_a_looked_after_child_fails() {
        // 1: blank UPN, in care. 2: UN1. 3: blank, short breaks only. 4: blank, no episodes.
        let t = tables(
            "//- Header
             CHILD,UPN
             1,
             2,UN1
             3,
             4,
             //- Episodes
             CHILD,LS
             1,C2
             2,C2
             3,V3",
        );
        assert_eq!(findings(&Rule442, &current(&t)), vec![(1, "1".into())]);
    }
}
