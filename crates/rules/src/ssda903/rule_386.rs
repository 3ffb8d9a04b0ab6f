//! 386: an episode ends in adoption (E11/E12) on or after the child's 18th birthday (DfE 903
//! validation rules).

use super::util_b::{birthday, dob_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonEpisodeCeased;

pub(crate) struct Rule386;

static META: RuleMeta = RuleMeta {
    code: "386",
    message: "Reason episode ceased is adopted but child has reached age 18.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["REC"],
    years: Years::from(2023),
};

impl Rule for Rule386 {
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
                row.rec.get(),
                Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
            ) {
                continue;
            }
            let Some(child) = id(&row.child) else {
                continue;
            };
            let (Some(dec), Some(dob)) = (row.dec.get(), dobs.get(child)) else {
                continue;
            };
            if dec >= birthday(*dob, 18) {
                out.at("Episodes", row.at.row_number, Some(child), &["REC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn adoption_at_18_fails() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,16/03/2020
             2,23/09/2007
             3,31/12/2007
             //- Episodes
             CHILD,DEC,REC
             1,15/03/2026,E11
             2,23/09/2025,E12
             3,30/12/2025,E11",
        );
        assert_eq!(findings(&Rule386, &current(&t)), vec![(2, "2".into())]);
    }
}
