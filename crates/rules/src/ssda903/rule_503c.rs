//! 503C: the category of need of this year's first episode must match last year's episode that was
//! still open at 31 March (DfE 903 validation rules).
//!
//! Values are compared as recorded (a blank equals a blank, invalid text its own text), as the
//! tool compares them as text.

use super::util_c::first_episode_differs_from_last_year;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule503C;

static META: RuleMeta = RuleMeta {
    code: "503C",
    message: "The category of need in the first episode does not match open episode at end of last year.",
    severity: Severity::Error,
    tables: &["Episodes", "Episodes_last"],
    fields: &["CIN"],
    years: Years::from(2023),
};

impl Rule for Rule503C {
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
        first_episode_differs_from_last_year(data, out, "CIN", |first, last| first.cin != last.cin);
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
             CHILD,DECOM,CIN
             1,01/01/2025,N1
             2,01/01/2025,N2
             2,01/06/2025,N1
             3,01/01/2025,N2
             4,01/01/2025,",
        );
        let last = tables(
            "//- Episodes
             CHILD,DECOM,CIN,DEC
             1,01/01/2025,N1,
             2,01/01/2025,N1,
             3,01/01/2025,N1,01/03/2025
             4,01/01/2025,N1,",
        );
        assert_eq!(
            findings(&Rule503C, &with_previous(&now, &last)),
            vec![(2, "2".into()), (5, "4".into())]
        );
    }
}
