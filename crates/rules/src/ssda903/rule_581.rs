//! 581: a child cannot be missing or away before they started to be looked after (DfE 903
//! validation rules).
//!
//! A period is reported when it starts before the child's first episode (of those in this
//! year's return). The tool reports any start outside every episode; starts after the child
//! left care are rule 578's finding and are left to it. Children without episodes are not
//! checked, as in the tool.

use super::util_c::{episode_by_start, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule581;

static META: RuleMeta = RuleMeta {
    code: "581",
    message: "Child is missing but has not yet started to be looked after.",
    severity: Severity::Error,
    tables: &["Episodes", "Missing"],
    fields: &["MIS_START"],
    years: Years::from(2023),
};

impl Rule for Rule581 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Missing),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let first = episode_by_start(&data.current.episodes, false);
        for row in &data.current.missing {
            let (Some(child), Some(start)) = (id(&row.child), row.mis_start.get()) else {
                continue;
            };
            let care_start = first.get(child).and_then(|e| e.decom.get());
            if care_start.is_some_and(|care| start < care) {
                out.at("Missing", row.at.row_number, Some(child), &["MIS_START"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_start_before_care_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC
             1,06/06/2025,10/06/2025
             2,01/06/2025,
             //- Missing
             CHILD,MIS_START
             1,05/06/2025
             2,01/06/2025
             3,01/01/2025",
        );
        assert_eq!(findings(&Rule581, &current(&t)), vec![(1, "1".into())]);
    }
}
