//! 575: a missing or away period that started during an episode which has ended must have an
//! end date (DfE 903 validation rules).

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule575;

static META: RuleMeta = RuleMeta {
    code: "575",
    message: "If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.",
    severity: Severity::Error,
    tables: &["Episodes", "Missing"],
    fields: &["MIS_END"],
    years: Years::from(2023),
};

impl Rule for Rule575 {
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
        let mut ended: HashMap<&str, Vec<(NaiveDate, NaiveDate)>> = HashMap::default();
        for row in &data.current.episodes {
            if let (Some(child), Some(start), Some(end)) =
                (id(&row.child), row.decom.get(), row.dec.get())
            {
                ended.entry(child).or_default().push((start, end));
            }
        }
        for row in &data.current.missing {
            let (Some(child), Some(start)) = (id(&row.child), row.mis_start.get()) else {
                continue;
            };
            let in_ended_episode = ended
                .get(child)
                .is_some_and(|spans| spans.iter().any(|(s, e)| *s <= start && start <= *e));
            if in_ended_episode && row.mis_end.is_blank() {
                out.at("Missing", row.at.row_number, Some(child), &["MIS_END"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn an_open_period_from_an_ended_placement_fails() {
        // 1: closed. 2: open, from an ended episode. 3: open, episode still open.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC
             1,01/06/2025,10/06/2025
             2,08/06/2025,10/06/2025
             3,06/06/2025,
             //- Missing
             CHILD,MIS_START,MIS_END
             1,01/06/2025,05/06/2025
             2,08/06/2025,
             3,06/06/2025,",
        );
        assert_eq!(findings(&Rule575, &current(&t)), vec![(2, "2".into())]);
    }
}
