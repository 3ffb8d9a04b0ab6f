//! 503E: the placement provider of this year's first episode must match last year's episode that
//! was still open at 31 March (DfE 903 validation rules).
//!
//! Values are compared as recorded (a blank equals a blank, invalid text its own text), as the tool
//! compares them as text.

use super::util_c::first_episode_differs_from_last_year;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule503E;

static META: RuleMeta = RuleMeta {
    code: "503E",
    message: "The placement provider in the first episode does not match open episode at end of last year.",
    severity: Severity::Error,
    tables: &["Episodes", "Episodes_last"],
    fields: &["PLACE_PROVIDER"],
    years: Years::from(2023),
};

impl Rule for Rule503E {
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
        first_episode_differs_from_last_year(data, out, "PLACE_PROVIDER", |first, last| {
            first.place_provider != last.place_provider
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn a_changed_value_fails() {
        // 1: same. 2: changed. 3: changed, but last year's episode had ended. 4: blank now.
        let now = tables(
            "//- Episodes
             CHILD,DECOM,PLACE_PROVIDER
             1,01/01/2025,PR1
             2,01/01/2025,PR4
             2,01/06/2025,PR1
             3,01/01/2025,PR4
             4,01/01/2025,",
        );
        let last = tables(
            "//- Episodes
             CHILD,DECOM,PLACE_PROVIDER,DEC
             1,01/01/2025,PR1,
             2,01/01/2025,PR1,
             3,01/01/2025,PR1,01/03/2025
             4,01/01/2025,PR1,",
        );
        assert_eq!(
            findings(&Rule503E, &with_previous(&now, &last)),
            vec![(2, "2".into()), (5, "4".into())]
        );
    }
}
