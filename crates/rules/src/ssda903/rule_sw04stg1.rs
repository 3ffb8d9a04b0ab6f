//! SW04STG1: the date the social worker episode began is blank or not a valid date (DfE 903
//! validation rules, 2025-26 definition).

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleSw04stg1;

static META: RuleMeta = RuleMeta {
    code: "SW04STG1",
    message: "Date social worker episode began is not a valid date..",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_DECOM"],
    years: Years::from(2024),
};

impl Rule for RuleSw04stg1 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::SwEpisodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.sw_episodes {
            if row.sw_decom.get().is_none() {
                out.at(
                    "SWEpisodes",
                    row.at.row_number,
                    id(&row.child),
                    &["SW_DECOM"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn blank_and_invalid_start_dates_fail() {
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DECOM
             1,ZZ/ZZ/ZZZZ
             2,01/01/2001
             3,
             4,1999/12/01",
        );
        assert_eq!(
            findings(&RuleSw04stg1, &current(&t)),
            vec![(1, "1".into()), (3, "3".into()), (4, "4".into())]
        );
    }
}
