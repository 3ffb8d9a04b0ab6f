//! 567: a missing or away period cannot end before it started (DfE 903 validation rules).

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule567;

static META: RuleMeta = RuleMeta {
    code: "567",
    message: "The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.",
    severity: Severity::Error,
    tables: &["Missing"],
    fields: &["MIS_END", "MIS_START"],
    years: Years::from(2023),
};

impl Rule for Rule567 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Missing)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.missing {
            let (Some(start), Some(end)) = (row.mis_start.get(), row.mis_end.get()) else {
                continue;
            };
            if end < start {
                out.at("Missing", row.at.row_number, id(&row.child), META.fields);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn an_end_before_the_start_fails() {
        let t = tables(
            "//- Missing
             CHILD,MIS_START,MIS_END
             1,01/05/2025,01/05/2025
             2,02/05/2025,01/05/2025
             3,02/05/2025,",
        );
        assert_eq!(findings(&Rule567, &current(&t)), vec![(2, "2".into())]);
    }
}
