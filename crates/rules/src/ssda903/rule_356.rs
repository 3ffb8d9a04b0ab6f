//! 356: an episode ends before it starts (DfE 903 validation rules).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule356;

static META: RuleMeta = RuleMeta {
    code: "356",
    message: "The date the episode ceased is before the date the same episode started.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DECOM"],
    years: Years::from(2023),
};

impl Rule for Rule356 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            if let (Some(decom), Some(dec)) = (row.decom.get(), row.dec.get())
                && dec < decom
            {
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
    fn ending_before_starting_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC
             1,04/05/2025,01/05/2025
             2,01/05/2025,01/05/2025
             3,01/05/2025,",
        );
        assert_eq!(findings(&Rule356, &current(&t)), vec![(1, "1".into())]);
    }
}
