//! 352: a child started to be looked after (RNE S) aged 18 or over (DfE 903 validation rules).

use super::util_b::{birthday, dob_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonNewEpisode;

pub(crate) struct Rule352;

static META: RuleMeta = RuleMeta {
    code: "352",
    message: "Child who started to be looked after was aged 18 or over.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["DECOM", "RNE"],
    years: Years::from(2023),
};

impl Rule for Rule352 {
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
            let Some(child) = id(&row.child) else {
                continue;
            };
            let (Some(decom), Some(dob)) = (row.decom.get(), dobs.get(child)) else {
                continue;
            };
            if row.rne.get() == Some(ReasonNewEpisode::S) && decom >= birthday(*dob, 18) {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    Some(child),
                    &["DECOM", "RNE"],
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
    fn starting_care_at_18_fails() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,16/03/2008
             2,23/09/2007
             3,31/12/2006
             //- Episodes
             CHILD,DECOM,RNE
             1,15/03/2026,S
             2,23/09/2025,S
             3,20/03/2026,P",
        );
        assert_eq!(findings(&Rule352, &current(&t)), vec![(2, "2".into())]);
    }
}
