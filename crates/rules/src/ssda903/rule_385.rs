//! 385: an episode ends after the end of the collection year (DfE 903 validation rules).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule385;

static META: RuleMeta = RuleMeta {
    code: "385",
    message: "Date episode ceased must be on or before the end of the current collection year.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DEC"],
    years: Years::from(2023),
};

impl Rule for Rule385 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            if row.dec.get().is_some_and(|dec| dec > data.year_end()) {
                out.at("Episodes", row.at.row_number, id(&row.child), &["DEC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn ends_after_31_march_fail() {
        let t = tables(
            "//- Episodes
             CHILD,DEC
             1,31/03/2026
             2,01/04/2026
             3,",
        );
        assert_eq!(findings(&Rule385, &current(&t)), vec![(2, "2".into())]);
    }
}
