//! SW05STG1: the date the social worker episode ended is not a valid date (DfE 903 validation
//! rules, 2025-26 definition; the DfE message says "began" for the end date).
//!
//! A blank end date is allowed: an episode still open at 31 March has none (the 903 guide, and
//! SW17STG2 requires the latest episode to be open). The tool reports blanks too.

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleSw05stg1;

static META: RuleMeta = RuleMeta {
    code: "SW05STG1",
    message: "Date social worker episode began is not a valid date.",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_DEC"],
    years: Years::from(2024),
};

impl Rule for RuleSw05stg1 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::SwEpisodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.sw_episodes {
            if row.sw_dec.is_invalid() {
                out.at("SWEpisodes", row.at.row_number, id(&row.child), &["SW_DEC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn invalid_end_dates_fail_and_open_episodes_pass() {
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DEC
             1,ZZ/ZZ/ZZZZ
             2,01/01/2001
             3,
             4,31/04/2025",
        );
        assert_eq!(
            findings(&RuleSw05stg1, &current(&t)),
            vec![(1, "1".into()), (4, "4".into())]
        );
    }
}
