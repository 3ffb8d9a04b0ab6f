//! EPI: a Header child has neither episodes nor an OC3 row, so most checks cannot be made (DfE
//! 903 validation rules; a warning in the DfE portal).
//!
//! An absent Episodes or OC3 table counts as empty, as in the tool.

use super::util_d::{children_with_episodes, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleEpi;

static META: RuleMeta = RuleMeta {
    code: "EPI",
    message: "WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This refers to the DfE portal - here, all checks that can be performed with only the available data will be.]",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["CHILD"],
    years: Years::from(2023),
};

impl Rule for RuleEpi {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let with_episodes = children_with_episodes(&data.current.episodes);
        let care_leavers: HashSet<&str> = data
            .current
            .oc3
            .iter()
            .filter_map(|r| id(&r.child))
            .collect();
        for row in &data.current.header {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if !with_episodes.contains(child) && !care_leavers.contains(child) {
                out.at("Header", row.at.row_number, Some(child), &["CHILD"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn children_with_no_episodes_or_care_leaver_row_fail() {
        let t = tables(
            "//- Header
             CHILD
             1
             2
             3
             4
             //- Episodes
             CHILD
             1
             1
             3
             //- OC3
             CHILD
             4",
        );
        assert_eq!(findings(&RuleEpi, &current(&t)), vec![(2, "2".into())]);
        let header_only = tables(
            "//- Header
             CHILD
             1",
        );
        assert_eq!(
            findings(&RuleEpi, &current(&header_only)),
            vec![(1, "1".into())]
        );
    }
}
