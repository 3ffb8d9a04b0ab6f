//! 335: the adoption "by former foster carer" flag contradicts the type of the placement that
//! ended in adoption (DfE 903 validation rules).
//!
//! For an episode ending in adoption (REC E11/E12): placed with current foster carers (A3/A5)
//! needs FOSTER_CARE 1, placed with others (A4/A6) needs 0. The DfE text and the tool's message
//! still name the withdrawn codes A1/A2 and REC E1, which no longer occur. Reported once on the
//! AD1 row.

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{PlacementType, ReasonEpisodeCeased};

pub(crate) struct Rule335;

static META: RuleMeta = RuleMeta {
    code: "335",
    message: "The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.",
    severity: Severity::Error,
    tables: &["AD1", "Episodes"],
    fields: &["FOSTER_CARE", "PLACE"],
    years: Years::from(2023),
};

impl Rule for Rule335 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Ad1),
            Needs::Table(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        use PlacementType::{A3, A4, A5, A6};
        // Every episode of each child (whatever its start date), looked up once per AD1 row.
        let mut episodes: crate::ssda903::HashMap<&str, Vec<_>> = Default::default();
        for ep in &data.current.episodes {
            if let Some(child) = id(&ep.child) {
                episodes.entry(child).or_default().push(ep);
            }
        }
        for row in &data.current.ad1 {
            let (Some(child), Some(foster_carer)) = (id(&row.child), row.foster_care.get()) else {
                continue;
            };
            let contradicts = episodes.get(child).into_iter().flatten().any(|ep| {
                matches!(
                    ep.rec.get(),
                    Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
                ) && match ep.place.get() {
                    Some(A3 | A5) => !foster_carer,
                    Some(A4 | A6) => foster_carer,
                    _ => false,
                }
            });
            if contradicts {
                out.at(
                    "AD1",
                    row.at.row_number,
                    Some(child),
                    &["FOSTER_CARE", "PLACE"],
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
    fn flag_must_match_the_adoption_placement() {
        let t = tables(
            "//- AD1
             CHILD,FOSTER_CARE
             1,0
             2,1
             3,1
             4,0
             5,
             //- Episodes
             CHILD,PLACE,REC
             1,A3,E11
             2,A5,E12
             3,A6,E11
             4,A4,X1
             5,A3,E11",
        );
        assert_eq!(
            findings(&Rule335, &current(&t)),
            vec![(1, "1".into()), (3, "3".into())]
        );
    }
}
