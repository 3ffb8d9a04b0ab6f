//! 407: an episode cannot end with a special guardianship order (E45-E48) once the child is 18
//! (DfE 903 validation rules).
//!
//! The tool reports a `DEC` after the 18th birthday; the DfE text and message say "has reached
//! age 18", so here an episode ending on the 18th birthday is reported too.

use super::util_c::{birthday, dob_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonEpisodeCeased;

pub(crate) struct Rule407;

static META: RuleMeta = RuleMeta {
    code: "407",
    message: "Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["DEC", "DOB", "REC"],
    years: Years::from(2023),
};

impl Rule for Rule407 {
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
        use ReasonEpisodeCeased::{E45, E46, E47, E48};
        let dobs = dob_by_child(data.current);
        for row in &data.current.episodes {
            if !matches!(row.rec.get(), Some(E45 | E46 | E47 | E48)) {
                continue;
            }
            let Some(child) = id(&row.child) else {
                continue;
            };
            let (Some(dec), Some(dob)) = (row.dec.get(), dobs.get(child)) else {
                continue;
            };
            if dec >= birthday(*dob, 18) {
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
    fn a_guardianship_order_at_18_or_later_fails() {
        // 1: SGO the day before 18. 2: on the 18th birthday. 3: after. 4: other reason.
        let t = tables(
            "//- Header
             CHILD,DOB
             1,10/05/2007
             2,10/05/2007
             3,10/05/2007
             4,10/05/2007
             //- Episodes
             CHILD,DEC,REC
             1,09/05/2025,E45
             2,10/05/2025,E46
             3,11/06/2025,E48
             4,11/06/2025,E13",
        );
        assert_eq!(
            findings(&Rule407, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
