//! 626: the child is a mother whose first child was born before this collection year, but last
//! year's return said she was not a mother (DfE 903 validation rules).

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule626;

static META: RuleMeta = RuleMeta {
    code: "626",
    message: "Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.",
    severity: Severity::Error,
    tables: &["Header", "Header_last"],
    fields: &["MOTHER", "MC_DOB"],
    years: Years::from(2023),
};

impl Rule for Rule626 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::PreviousTable(Ssda903Table::Header),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let not_mothers_last_year: HashSet<&str> = previous
            .header
            .iter()
            .filter(|row| row.mother.get() == Some(false))
            .filter_map(|row| id(&row.child))
            .collect();
        for row in &data.current.header {
            let (Some(child), Some(mc_dob)) = (id(&row.child), row.mc_dob.get()) else {
                continue;
            };
            if row.mother.get() == Some(true)
                && mc_dob < data.year_start()
                && not_mothers_last_year.contains(child)
            {
                out.at(
                    "Header",
                    row.at.row_number,
                    Some(child),
                    &["MOTHER", "MC_DOB"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_d::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn a_first_child_born_before_the_year_contradicting_last_year_fails() {
        let now = tables(
            "//- Header
             CHILD,MOTHER,MC_DOB
             1,1,
             2,1,04/01/2025
             3,0,
             4,1,01/04/2025
             5,1,04/01/2025",
        );
        let last = tables(
            "//- Header
             CHILD,MOTHER
             1,1
             2,0
             3,1
             4,0
             5,1",
        );
        assert_eq!(
            findings(&Rule626, &with_previous(&now, &last)),
            vec![(2, "2".into())]
        );
    }
}
