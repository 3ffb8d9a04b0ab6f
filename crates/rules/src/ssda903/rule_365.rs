//! 365: a single short break (V3) lasts more than 17 days (DfE 903 validation rules).
//!
//! An open episode runs to the end of the year, as in the tool.

use super::util_b::{end_or_year_end, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::LegalStatus;

pub(crate) struct Rule365;

static META: RuleMeta = RuleMeta {
    code: "365",
    message: "Any individual short- term respite placement must not exceed 17 days.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DEC", "DECOM", "LS"],
    years: Years::from(2023),
};

impl Rule for Rule365 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            if row.ls.get() != Some(LegalStatus::V3) {
                continue;
            }
            let (Some(decom), Some(end)) = (row.decom.get(), end_or_year_end(row, data)) else {
                continue;
            };
            if (end - decom).num_days() > 17 {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["DEC", "DECOM", "LS"],
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
    fn breaks_over_17_days_fail() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC,LS
             1,01/01/2026,18/01/2026,V3
             2,01/02/2026,19/02/2026,V3
             3,01/02/2026,19/02/2026,V4
             4,10/03/2026,,V3",
        );
        assert_eq!(
            findings(&Rule365, &current(&t)),
            vec![(2, "2".into()), (4, "4".into())]
        );
    }
}
