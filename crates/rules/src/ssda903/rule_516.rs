//! 516: an episode ending in a special guardianship order to former foster carers (E45/E46)
//! must be a foster placement (U1-U6) (DfE 903 validation rules).
//!
//! A blank placement fails, as in the tool; an invalid one is left to rule 146.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{PlacementType, ReasonEpisodeCeased};

pub(crate) struct Rule516;

static META: RuleMeta = RuleMeta {
    code: "516",
    message: "The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE", "REC"],
    years: Years::from(2023),
};

impl Rule for Rule516 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            let to_foster_carers = matches!(
                row.rec.get(),
                Some(ReasonEpisodeCeased::E45 | ReasonEpisodeCeased::E46)
            );
            let not_foster = row.place.is_blank()
                || row
                    .place
                    .get()
                    .is_some_and(|p| !PlacementType::is_foster(p));
            if to_foster_carers && not_foster {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["PLACE", "REC"],
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
    fn sgo_to_foster_carers_outside_foster_care_fails() {
        let t = tables(
            "//- Episodes
             CHILD,REC,PLACE
             1,E45,U1
             2,E46,R1
             3,E45,
             4,E47,R1
             5,E46,U6",
        );
        assert_eq!(
            findings(&Rule516, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
