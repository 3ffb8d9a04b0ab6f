//! 354: an episode starts after the end of the collection year (DfE 903 validation rules).
//!
//! The message is the DfE's, which speaks of the date the episode ceased although the rule
//! checks its start date (DECOM).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule354;

static META: RuleMeta = RuleMeta {
    code: "354",
    message: "Date episode ceased must be on or before the end of the current collection year.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DECOM"],
    years: Years::from(2023),
};

impl Rule for Rule354 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            if row.decom.get().is_some_and(|decom| decom > data.year_end()) {
                out.at("Episodes", row.at.row_number, id(&row.child), &["DECOM"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn starts_after_31_march_fail() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM
             1,31/03/2026
             2,01/04/2026",
        );
        assert_eq!(findings(&Rule354, &current(&t)), vec![(2, "2".into())]);
    }
}
