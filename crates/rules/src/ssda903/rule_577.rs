//! 577: a child who has ceased to be looked after cannot have a missing or away period without
//! an end date (DfE 903 validation rules).
//!
//! An open period (valid start, blank end) of a child with episodes is reported unless it lies
//! in a period of care still open, that is one which started on or before it and has not
//! ended, as in the tool. The tool also reports closed periods ending outside every period of
//! care, which the message and DfE text do not cover (rules 578 and 581 report periods outside
//! care by their start).

use super::util_c::{id, periods_of_care};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule577;

static META: RuleMeta = RuleMeta {
    code: "577",
    message: "Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.",
    severity: Severity::Error,
    tables: &["Episodes", "Missing"],
    fields: &["MIS_END"],
    years: Years::from(2023),
};

impl Rule for Rule577 {
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
        let periods = periods_of_care(&data.current.episodes);
        for row in &data.current.missing {
            let (Some(child), Some(start)) = (id(&row.child), row.mis_start.get()) else {
                continue;
            };
            if !row.mis_end.is_blank() {
                continue;
            }
            let Some(child_periods) = periods.get(child) else {
                continue;
            };
            let in_open_care = child_periods
                .iter()
                .any(|p| p.end.is_none() && p.start <= start);
            if !in_open_care {
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
    fn an_open_period_after_leaving_care_fails() {
        // 1: in care, open period (passes). 2: care ended, period open. 3: care ended, period
        // closed (passes). 4: no episodes.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC
             1,01/05/2025,01/06/2025
             1,01/06/2025,
             2,01/05/2025,01/08/2025
             3,01/05/2025,01/08/2025
             //- Missing
             CHILD,MIS_START,MIS_END
             1,10/06/2025,
             2,10/06/2025,
             3,10/06/2025,12/06/2025
             4,10/06/2025,",
        );
        assert_eq!(findings(&Rule577, &current(&t)), vec![(2, "2".into())]);
    }
}
