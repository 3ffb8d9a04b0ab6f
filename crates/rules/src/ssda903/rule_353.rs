//! 353: an episode starts before 14 October 1991, when the Children Act 1989 came into force (DfE
//! 903 validation rules).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule353;

static META: RuleMeta = RuleMeta {
    code: "353",
    message: "No episode submitted can start before 14 October 1991.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DECOM"],
    years: Years::from(2023),
};

impl Rule for Rule353 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(act) = NaiveDate::from_ymd_opt(1991, 10, 14) else {
            return;
        };
        for row in &data.current.episodes {
            if row.decom.get().is_some_and(|decom| decom < act) {
                out.at("Episodes", row.at.row_number, id(&row.child), &["DECOM"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn episodes_before_the_act_fail() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM
             1,13/10/1991
             2,14/10/1991
             3,",
        );
        assert_eq!(findings(&Rule353, &current(&t)), vec![(1, "1".into())]);
    }
}
