//! SW02STG1: the social worker id does not begin with `SW` or `XX`, or is too short (DfE 903
//! validation rules, 2025-26 definition).
//!
//! The prefix is case-sensitive, as in the DfE text and the tool (`xx000` fails); an id needs at
//! least four characters; a blank id fails, as in the tool.

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleSw02stg1;

static META: RuleMeta = RuleMeta {
    code: "SW02STG1",
    message: "Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_ID"],
    years: Years::from(2024),
};

fn well_formed(sw_id: &str) -> bool {
    (sw_id.starts_with("SW") || sw_id.starts_with("XX")) && sw_id.chars().count() >= 4
}

impl Rule for RuleSw02stg1 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::SwEpisodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.sw_episodes {
            if !row.sw_id.value().is_some_and(|w| well_formed(w.as_str())) {
                out.at("SWEpisodes", row.at.row_number, id(&row.child), &["SW_ID"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn ids_not_starting_sw_or_xx_fail() {
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_ID
             1,SW000
             2,XX000
             3,aa00
             4,xx000
             5,SW
             6,",
        );
        assert_eq!(
            findings(&RuleSw02stg1, &current(&t)),
            vec![
                (3, "3".into()),
                (4, "4".into()),
                (5, "5".into()),
                (6, "6".into())
            ]
        );
    }
}
