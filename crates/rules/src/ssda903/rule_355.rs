//! 355: an episode ends on the day it starts, so appears to have lasted under 24 hours (DfE 903
//! validation rules).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule355;

static META: RuleMeta = RuleMeta {
    code: "355",
    message: "Episode appears to have lasted for less than 24 hours",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DEC", "DECOM"],
    years: Years::from(2023),
};

impl Rule for Rule355 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            if row.decom.get().is_some() && row.decom.get() == row.dec.get() {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["DEC", "DECOM"],
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
    fn same_day_episodes_fail() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC
             1,01/01/2026,01/01/2026
             2,01/02/2026,01/03/2026
             3,01/03/2026,
             4,1/6/2025,01/06/2025",
        );
        assert_eq!(
            findings(&Rule355, &current(&t)),
            vec![(1, "1".into()), (4, "4".into())]
        );
    }
}
