//! 359: a young person looked after past their 18th birthday must be accommodated under section
//! 20(5) (V2) in a children's home (K2) (DfE 903 validation rules).
//!
//! As in the tool: episodes still open at the end of the year of children whose 18th birthday
//! falls before 31 March, other than V2 episodes in K2 placements. An invalid legal status or
//! placement is left to rules 144 and 146.

use super::util_b::{birthday, dob_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{LegalStatus, PlacementType};

pub(crate) struct Rule359;

static META: RuleMeta = RuleMeta {
    code: "359",
    message: "Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["DEC", "LS", "PLACE"],
    years: Years::from(2023),
};

impl Rule for Rule359 {
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
            if !row.dec.is_blank() || row.ls.is_invalid() || row.place.is_invalid() {
                continue;
            }
            let Some(child) = id(&row.child) else {
                continue;
            };
            let Some(dob) = dobs.get(child) else { continue };
            let adult = birthday(*dob, 18) < data.year_end();
            let allowed =
                row.ls.get() == Some(LegalStatus::V2) && row.place.get() == Some(PlacementType::K2);
            if adult && !allowed {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    Some(child),
                    &["DEC", "LS", "PLACE"],
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
    fn adults_still_in_care_outside_v2_k2_fail() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,05/06/2007
             2,05/06/2007
             3,06/06/2007
             4,06/06/2015
             5,01/01/2007
             //- Episodes
             CHILD,DEC,LS,PLACE
             1,,V2,K2
             2,,V2,K1
             3,,C2,U4
             4,,C2,U4
             5,01/02/2026,C2,U4",
        );
        assert_eq!(
            findings(&Rule359, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
