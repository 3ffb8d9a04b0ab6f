//! 358: a child under 10 has a youth-justice legal status (J1, J2, J3) (DfE 903 validation
//! rules).
//!
//! Under 10 at the episode start. On the 10th birthday itself the child is 10 and passes, as
//! the DfE condition says ("DOB should be <= 10 years prior to DECOM"); the tool also reports
//! episodes starting on the birthday. Reported on the episode; the tool also reports the Header.

use super::util_b::{dob_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::LegalStatus;

pub(crate) struct Rule358;

static META: RuleMeta = RuleMeta {
    code: "358",
    message: "Child with this legal status should not be under 10.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["DECOM", "DOB", "LS"],
    years: Years::from(2023),
};

impl Rule for Rule358 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let dobs = dob_by_child(data.current);
        for row in &data.current.episodes {
            if !matches!(
                row.ls.get(),
                Some(LegalStatus::J1 | LegalStatus::J2 | LegalStatus::J3)
            ) {
                continue;
            }
            let Some(child) = id(&row.child) else {
                continue;
            };
            let (Some(decom), Some(dob)) = (row.decom.get(), dobs.get(child)) else {
                continue;
            };
            if sightline_model::age_on(*dob, decom) < 10 {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    Some(child),
                    &["DECOM", "DOB", "LS"],
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
    fn youth_justice_status_under_10_fails() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,01/01/2016
             2,03/01/2015
             3,01/01/2016
             4,04/05/2015
             //- Episodes
             CHILD,DECOM,LS
             1,01/01/2025,J3
             2,03/04/2025,J1
             3,01/01/2025,C2
             4,04/05/2025,J2",
        );
        assert_eq!(findings(&Rule358, &current(&t)), vec![(1, "1".into())]);
    }
}
