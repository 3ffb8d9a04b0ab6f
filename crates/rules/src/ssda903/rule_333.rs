//! 333: the date the child should be placed for adoption is after the date they were matched
//! with adopters (DfE 903 validation rules).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule333;

static META: RuleMeta = RuleMeta {
    code: "333",
    message: "Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).",
    severity: Severity::Error,
    tables: &["AD1"],
    fields: &["DATE_INT"],
    years: Years::from(2023),
};

impl Rule for Rule333 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Ad1)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.ad1 {
            let (Some(decided), Some(matched)) = (row.date_int.get(), row.date_match.get()) else {
                continue;
            };
            if decided > matched {
                out.at("AD1", row.at.row_number, id(&row.child), &["DATE_INT"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn deciding_after_matching_fails() {
        let t = tables(
            "//- AD1
             CHILD,DATE_INT,DATE_MATCH
             1,01/05/2025,01/06/2025
             2,02/06/2025,01/06/2025
             3,01/06/2025,01/06/2025
             4,,01/06/2025",
        );
        assert_eq!(findings(&Rule333, &current(&t)), vec![(2, "2".into())]);
    }
}
