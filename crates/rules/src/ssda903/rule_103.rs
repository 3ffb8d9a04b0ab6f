//! 103: the ethnicity code is either not valid or has not been entered (DfE 903 validation rules).

use super::{Needs, Rule, Ssda903Return};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule103;

static META: RuleMeta = RuleMeta {
    code: "103",
    message: "The ethnicity code is either not valid or has not been entered.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["ETHNIC"],
    years: Years::from(2023),
};

impl Rule for Rule103 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.header {
            if row.ethnic.value().is_none() {
                out.at(
                    "Header",
                    row.at.row_number,
                    row.child.value().map(|c| c.as_str()),
                    &["ETHNIC"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{current, findings, tables};
    use super::*;

    #[test]
    fn blank_and_unknown_codes_fail_valid_codes_pass() {
        let t = tables(
            "//- Header
             CHILD,ETHNIC
             1,WBRI
             2,XXXX
             3,
             4,refu",
        );
        assert_eq!(
            findings(&Rule103, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
