//! 331: the date the child was matched with adopters is after the adoption placement ended in
//! adoption (DfE 903 validation rules).
//!
//! As in the tool: DATE_MATCH must be on or before the start (DECOM) of every episode of the
//! child that ended in adoption (REC E11/E12). Reported once on the AD1 row.

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonEpisodeCeased;

pub(crate) struct Rule331;

static META: RuleMeta = RuleMeta {
    code: "331",
    message: "Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.",
    severity: Severity::Error,
    tables: &["AD1", "Episodes"],
    fields: &["DATE_MATCH", "DECOM", "REC"],
    years: Years::from(2023),
};

impl Rule for Rule331 {
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
        let episodes = super::util_b::episodes_by_child(data.current);
        for row in &data.current.ad1 {
            let (Some(child), Some(matched)) = (id(&row.child), row.date_match.get()) else {
                continue;
            };
            let late = episodes.get(child).into_iter().flatten().any(|ep| {
                matches!(
                    ep.rec.get(),
                    Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
                ) && ep.decom.get().is_some_and(|decom| matched > decom)
            });
            if late {
                out.at("AD1", row.at.row_number, Some(child), &["DATE_MATCH"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn matching_after_the_adoption_placement_fails() {
        let t = tables(
            "//- AD1
             CHILD,DATE_MATCH
             1,01/01/2026
             2,02/06/2025
             3,
             4,04/06/2025
             //- Episodes
             CHILD,DECOM,REC
             1,01/01/2026,E12
             2,01/06/2025,E11
             3,01/02/2025,E11
             4,01/01/2025,X1
             4,05/06/2025,E11",
        );
        assert_eq!(findings(&Rule331, &current(&t)), vec![(2, "2".into())]);
    }
}
