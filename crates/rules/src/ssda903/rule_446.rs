//! 446: legal status E1 (placement order) is not valid for an episode starting before
//! 1 December 2005 (DfE 903 validation rules).

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::LegalStatus;

pub(crate) struct Rule446;

static META: RuleMeta = RuleMeta {
    code: "446",
    message: "E1 is not a valid code for episodes starting before December 2005.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DECOM", "LS"],
    years: Years::from(2023),
};

impl Rule for Rule446 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(first_allowed) = NaiveDate::from_ymd_opt(2005, 12, 1) else {
            return;
        };
        for row in &data.current.episodes {
            let early = row.decom.get().is_some_and(|d| d < first_allowed);
            if row.ls.get() == Some(LegalStatus::E1) && early {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["DECOM", "LS"],
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
    fn e1_before_december_2005_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,LS
             1,01/12/2005,E1
             2,30/11/2005,E1
             3,20/02/2005,C1
             4,,E1",
        );
        assert_eq!(findings(&Rule446, &current(&t)), vec![(2, "2".into())]);
    }
}
