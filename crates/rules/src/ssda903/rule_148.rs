//! 148: the episode end date and the reason the episode ceased must both be given or both be
//! blank (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule148;

static META: RuleMeta = RuleMeta {
    code: "148",
    message: "Date episode ceased and reason episode ceased must both be coded, or both left blank.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DEC", "REC"],
    years: Years::from(2023),
};

impl Rule for Rule148 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            if row.dec.is_blank() != row.rec.is_blank() {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["DEC", "REC"],
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
    fn one_without_the_other_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC,REC
             1,01/06/2025,04/06/2025,
             2,05/06/2025,06/06/2025,X1
             3,06/06/2025,,X1
             4,07/06/2025,,",
        );
        assert_eq!(
            findings(&Rule148, &current(&t)),
            vec![(1, "1".into()), (3, "3".into())]
        );
    }
}
