//! 578: a missing or away period cannot start after the child ceased to be looked after (DfE
//! 903 validation rules).
//!
//! A period is reported when its start falls in no period of care of the child and after the
//! end of one (after leaving care, or between two periods of care). The tool also reports
//! starts before the child's first period of care; those are rule 581's finding ("has not yet
//! started to be looked after") and are left to it.

use super::util_c::{id, periods_of_care};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule578;

static META: RuleMeta = RuleMeta {
    code: "578",
    message: "The date that the child started to be missing is after the child ceased to be looked after.",
    severity: Severity::Error,
    tables: &["Episodes", "Missing"],
    fields: &["MIS_START"],
    years: Years::from(2023),
};

impl Rule for Rule578 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Missing),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let periods = periods_of_care(&data.current.episodes);
        for row in &data.current.missing {
            let (Some(child), Some(start)) = (id(&row.child), row.mis_start.get()) else {
                continue;
            };
            let Some(child_periods) = periods.get(child) else {
                continue;
            };
            let in_care = child_periods.iter().any(|p| p.contains(start));
            let after_leaving = child_periods
                .iter()
                .any(|p| p.end.is_some_and(|end| end < start));
            if !in_care && after_leaving {
                out.at("Missing", row.at.row_number, Some(child), &["MIS_START"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_start_after_leaving_care_fails() {
        // 1: after the only period ended. 2: between two periods. 3: in care. 4: before care
        // (rule 581's).
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC
             1,01/05/2025,01/06/2025
             2,01/05/2025,01/06/2025
             2,01/09/2025,
             3,01/05/2025,
             4,01/05/2025,
             //- Missing
             CHILD,MIS_START
             1,02/06/2025
             2,01/07/2025
             3,01/07/2025
             4,01/04/2025",
        );
        assert_eq!(
            findings(&Rule578, &current(&t)),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
