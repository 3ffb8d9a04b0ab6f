//! 301: the date of birth falls after the end of the collection year (DfE 903 validation rules).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule301;

static META: RuleMeta = RuleMeta {
    code: "301",
    message: "Date of birth falls after the year ended.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["DOB"],
    years: Years::from(2023),
};

impl Rule for Rule301 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.header {
            if row.dob.get().is_some_and(|dob| dob > data.year_end()) {
                out.at("Header", row.at.row_number, id(&row.child), &["DOB"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn births_after_31_march_fail() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,31/03/2026
             2,01/04/2026
             3,",
        );
        assert_eq!(findings(&Rule301, &current(&t)), vec![(2, "2".into())]);
    }
}
