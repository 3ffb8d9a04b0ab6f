//! 580: a child who is missing when they leave care on their 18th birthday must have the
//! episode end with E8 (period of care ended for any other reason) (DfE 903 validation rules).
//!
//! As in the tool: a Missing row ending on the child's 18th birthday (from that row's date of
//! birth) and an episode ending the same day must have REC `E8`; a blank REC fails, an invalid
//! one is left to rule 149. Reported on the episode.

use super::util_c::{birthday, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonEpisodeCeased;

pub(crate) struct Rule580;

static META: RuleMeta = RuleMeta {
    code: "580",
    message: "Child is missing when cease being looked after but reason episode ceased not ‘E8’.",
    severity: Severity::Error,
    tables: &["Episodes", "Missing"],
    fields: &["REC"],
    years: Years::from(2023),
};

impl Rule for Rule580 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Missing),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut missing_at_18: HashMap<&str, Vec<NaiveDate>> = HashMap::default();
        for row in &data.current.missing {
            if let (Some(child), Some(end), Some(dob)) =
                (id(&row.child), row.mis_end.get(), row.dob.get())
                && end == birthday(dob, 18)
            {
                missing_at_18.entry(child).or_default().push(end);
            }
        }
        for row in &data.current.episodes {
            let (Some(child), Some(dec)) = (id(&row.child), row.dec.get()) else {
                continue;
            };
            let not_e8 = row.rec.is_blank()
                || row
                    .rec
                    .get()
                    .is_some_and(|rec| rec != ReasonEpisodeCeased::E8);
            let missing_then = missing_at_18
                .get(child)
                .is_some_and(|ends| ends.contains(&dec));
            if missing_then && not_e8 {
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
    fn leaving_care_missing_at_18_needs_e8() {
        // 1: E7. 2: E8 (passes). 3: missing ended another day (passes).
        let t = tables(
            "//- Episodes
             CHILD,DEC,REC
             1,01/06/2025,E7
             2,05/06/2025,E8
             3,06/06/2025,E5
             //- Missing
             CHILD,DOB,MIS_END
             1,01/06/2007,01/06/2025
             2,05/06/2007,05/06/2025
             3,06/06/2007,07/06/2025",
        );
        assert_eq!(findings(&Rule580, &current(&t)), vec![(1, "1".into())]);
    }
}
