//! 426: a child on short breaks cannot have both legal statuses V3 and V4 in the same year
//! (DfE 903 validation rules).
//!
//! Every V3 and V4 episode of such a child is reported, as in the tool.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::LegalStatus;

pub(crate) struct Rule426;

static META: RuleMeta = RuleMeta {
    code: "426",
    message: "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["LS"],
    years: Years::from(2023),
};

impl Rule for Rule426 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let with = |ls: LegalStatus| -> HashSet<&str> {
            data.current
                .episodes
                .iter()
                .filter(|row| row.ls.get() == Some(ls))
                .filter_map(|row| id(&row.child))
                .collect()
        };
        let (v3, v4) = (with(LegalStatus::V3), with(LegalStatus::V4));
        for row in &data.current.episodes {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let short_break = matches!(row.ls.get(), Some(LegalStatus::V3 | LegalStatus::V4));
            if short_break && v3.contains(child) && v4.contains(child) {
                out.at("Episodes", row.at.row_number, Some(child), &["LS"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn both_v3_and_v4_fail_on_every_short_break_episode() {
        let t = tables(
            "//- Episodes
             CHILD,LS
             1,V3
             1,V3
             2,V3
             2,V4
             2,C2
             3,V4",
        );
        assert_eq!(
            findings(&Rule426, &current(&t)),
            vec![(3, "2".into()), (4, "2".into())]
        );
    }
}
