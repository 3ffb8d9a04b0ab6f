//! 357: a child's first episode does not have the reason for new episode S (DfE 903 validation
//! rules).
//!
//! As in the tool: only a child's first episode in the return, and only when it starts within
//! the collection year (an earlier one continues last year's return). A blank RNE fails; an
//! invalid one is left to rule 143.

use super::util_b::{episodes_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::codes::ReasonNewEpisode;

pub(crate) struct Rule357;

static META: RuleMeta = RuleMeta {
    code: "357",
    message: "If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["RNE"],
    years: Years::from(2023),
};

impl Rule for Rule357 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut found: Vec<_> = episodes_by_child(data.current)
            .into_values()
            .filter_map(|episodes| episodes.first().copied())
            .filter(|first| first.decom.get().is_some_and(|d| d >= data.year_start()))
            .filter(|first| match &first.rne {
                Cell::Value(rne) => *rne != ReasonNewEpisode::S,
                Cell::Blank => true,
                Cell::Invalid(_) => false,
            })
            .collect();
        found.sort_by_key(|row| row.at.row_number);
        for row in found {
            out.at("Episodes", row.at.row_number, id(&row.child), &["RNE"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_first_episode_in_the_year_must_start_care() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE
             1,01/05/2025,P
             2,11/11/2025,P
             2,01/05/2025,S
             3,01/01/2025,P
             4,05/05/2025,",
        );
        assert_eq!(
            findings(&Rule357, &current(&t)),
            vec![(1, "1".into()), (5, "4".into())]
        );
    }
}
