//! 501: an episode cannot start before the previous episode of the child ended (DfE 903
//! validation rules).

use super::util_c::{consecutive_episodes, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule501;

static META: RuleMeta = RuleMeta {
    code: "501",
    message: "A new episode has started before the end date of the previous episode.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DEC", "DECOM"],
    years: Years::from(2023),
};

impl Rule for Rule501 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for (previous, row) in consecutive_episodes(&data.current.episodes) {
            let (Some(start), Some(previous_end)) = (row.decom.get(), previous.dec.get()) else {
                continue;
            };
            if start < previous_end {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["DECOM", "DEC"],
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
    fn overlapping_episodes_fail() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC
             1,01/06/2025,04/06/2025
             1,02/06/2025,06/06/2025
             1,06/06/2025,
             2,08/06/2025,09/06/2025
             2,08/06/2025,10/06/2025",
        );
        assert_eq!(
            findings(&Rule501, &current(&t)),
            vec![(2, "1".into()), (5, "2".into())]
        );
    }
}
