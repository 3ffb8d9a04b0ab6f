//! 1000: a child recorded as having died in care has a care-leaver (OC3) row (DfE 903 validation
//! rules).
//!
//! A death (REC `E2`) in this year's episodes, or last year's when that return is given, as in
//! the tool; the OC3 row is reported whatever it holds, as in the tool.

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonEpisodeCeased;

pub(crate) struct Rule1000;

static META: RuleMeta = RuleMeta {
    code: "1000",
    message: "This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]",
    severity: Severity::Error,
    tables: &["Episodes", "OC3"],
    fields: &["IN_TOUCH", "ACTIV", "ACCOM"],
    years: Years::from(2023),
};

impl Rule for Rule1000 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Oc3),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let last_year = data
            .previous
            .map(|p| p.episodes.as_slice())
            .unwrap_or_default();
        let died: HashSet<&str> = data
            .current
            .episodes
            .iter()
            .chain(last_year)
            .filter(|row| row.rec.get() == Some(ReasonEpisodeCeased::E2))
            .filter_map(|row| id(&row.child))
            .collect();
        for row in &data.current.oc3 {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if died.contains(child) {
                out.at(
                    "OC3",
                    row.at.row_number,
                    Some(child),
                    &["IN_TOUCH", "ACTIV", "ACCOM"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_d::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn care_leaver_rows_for_children_who_died_fail() {
        let now = tables(
            "//- Episodes
             CHILD,REC
             4,X1
             5,E2
             //- OC3
             CHILD
             1
             2
             3
             4
             5",
        );
        let last = tables(
            "//- Episodes
             CHILD,REC
             1,X1
             2,E2
             3,E4A",
        );
        assert_eq!(findings(&Rule1000, &current(&now)), vec![(5, "5".into())]);
        assert_eq!(
            findings(&Rule1000, &with_previous(&now, &last)),
            vec![(2, "2".into()), (5, "5".into())]
        );
    }
}
