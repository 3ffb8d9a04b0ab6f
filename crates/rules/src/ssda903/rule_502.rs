//! 502: when last year's return ended with an open episode, this year's first episode must
//! start on the same date (DfE 903 validation rules).
//!
//! Last year's episode is the child's latest there; the tool compares with any open episode of
//! last year, which differs only when an earlier episode was also left open (a finding of
//! last year's rule 142).

use super::util_c::first_episode_differs_from_last_year;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule502;

static META: RuleMeta = RuleMeta {
    code: "502",
    message: "Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record.",
    severity: Severity::Error,
    tables: &["Episodes", "Episodes_last"],
    fields: &["DECOM"],
    years: Years::from(2023),
};

impl Rule for Rule502 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::PreviousTable(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        first_episode_differs_from_last_year(data, out, "DECOM", |first, last| {
            first.decom.get() != last.decom.get()
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn a_first_episode_not_continuing_last_years_open_one_fails() {
        let now = tables(
            "//- Episodes
             CHILD,DECOM
             1,01/06/2024
             1,05/06/2025
             2,08/06/2024
             3,05/06/2025",
        );
        let last = tables(
            "//- Episodes
             CHILD,DECOM,DEC
             1,05/06/2024,
             2,08/06/2024,
             3,09/06/2024,01/01/2025",
        );
        assert_eq!(
            findings(&Rule502, &with_previous(&now, &last)),
            vec![(1, "1".into())]
        );
    }
}
