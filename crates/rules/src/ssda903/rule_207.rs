//! 207: a child recorded as a mother last year is no longer recorded as one (DfE 903 validation
//! rules).
//!
//! Applies to children in both years' Headers who have episodes this year, as in the tool. This
//! year's MOTHER blank or 0 after a 1 last year fails; invalid text is left to rule 165.

use super::util_b::{header_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule207;

static META: RuleMeta = RuleMeta {
    code: "207",
    message: "Mother status for the current year disagrees with the mother status already recorded for this child.",
    severity: Severity::Error,
    tables: &["Episodes", "Header", "Header_last"],
    fields: &["MOTHER"],
    years: Years::from(2023),
};

impl Rule for Rule207 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Episodes),
            Needs::PreviousTable(Ssda903Table::Header),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let header_last = header_by_child(&previous.header);
        let with_episodes: HashSet<&str> = data
            .current
            .episodes
            .iter()
            .filter_map(|e| id(&e.child))
            .collect();
        for row in &data.current.header {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if !with_episodes.contains(child) || row.mother.is_invalid() {
                continue;
            }
            let was_mother = header_last
                .get(child)
                .is_some_and(|last| last.mother.get() == Some(true));
            if was_mother && row.mother.get() != Some(true) {
                out.at("Header", row.at.row_number, Some(child), &["MOTHER"]);
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
    fn a_mother_last_year_must_stay_one() {
        let now = tables(
            "//- Header
             CHILD,MOTHER
             1,1
             2,0
             3,1
             4,
             5,0
             //- Episodes
             CHILD
             1
             2
             3
             4",
        );
        let last = tables(
            "//- Header
             CHILD,MOTHER
             1,1
             2,1
             3,0
             4,1
             5,1",
        );
        // 5 has no episodes this year.
        assert_eq!(
            findings(&Rule207, &with_previous(&now, &last)),
            vec![(2, "2".into()), (4, "4".into())]
        );
    }
}
