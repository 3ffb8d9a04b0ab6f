//! 571: a missing or away period's end date must fall within the collection year (DfE 903
//! validation rules).

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule571;

static META: RuleMeta = RuleMeta {
    code: "571",
    message: "The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.",
    severity: Severity::Error,
    tables: &["Missing"],
    fields: &["MIS_END"],
    years: Years::from(2023),
};

impl Rule for Rule571 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Missing)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let year = data.year_start()..=data.year_end();
        for row in &data.current.missing {
            if row.mis_end.get().is_some_and(|end| !year.contains(&end)) {
                out.at("Missing", row.at.row_number, id(&row.child), &["MIS_END"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn an_end_outside_the_year_fails() {
        let t = tables(
            "//- Missing
             CHILD,MIS_END
             1,31/03/2025
             2,01/04/2025
             3,31/03/2026
             4,01/04/2026
             5,",
        );
        assert_eq!(
            findings(&Rule571, &current(&t)),
            vec![(1, "1".into()), (4, "4".into())]
        );
    }
}
