//! 460: an episode cannot end with the child staying with their carers at 18 or over (E17)
//! before the child's 18th birthday (DfE 903 validation rules).

use super::util_c::{birthday, dob_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonEpisodeCeased;

pub(crate) struct Rule460;

static META: RuleMeta = RuleMeta {
    code: "460",
    message: "Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["DEC", "REC"],
    years: Years::from(2023),
};

impl Rule for Rule460 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Header),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let dobs = dob_by_child(data.current);
        for row in &data.current.episodes {
            if row.rec.get() != Some(ReasonEpisodeCeased::E17) {
                continue;
            }
            let Some(child) = id(&row.child) else {
                continue;
            };
            let (Some(dec), Some(dob)) = (row.dec.get(), dobs.get(child)) else {
                continue;
            };
            if dec < birthday(*dob, 18) {
                out.at("Episodes", row.at.row_number, Some(child), &["DEC", "REC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn staying_put_before_18_fails() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,16/03/2008
             2,23/09/2007
             3,
             //- Episodes
             CHILD,DEC,REC
             1,16/03/2026,E17
             2,17/06/2025,E17
             1,20/03/2025,X1
             3,23/08/2025,E17",
        );
        assert_eq!(findings(&Rule460, &current(&t)), vec![(2, "2".into())]);
    }
}
