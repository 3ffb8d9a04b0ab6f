//! 174: a date of birth of the mother's child is recorded for a male child (DfE 903 validation
//! rules, 2024-25 definition with sex codes M/F/U).
//!
//! The reader reads the legacy code `1` as male too, so a pre-2024-25 return is checked the same
//! way.

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::Sex;

pub(crate) struct Rule174;

static META: RuleMeta = RuleMeta {
    code: "174",
    message: "Mother's child date of birth is recorded but sex shows that the child is a male.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["MC_DOB", "SEX"],
    years: Years::from(2023),
};

impl Rule for Rule174 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.header {
            if crate::ssda903::sex_in_year(&row.sex, data.year) == Some(Sex::Male)
                && !row.mc_dob.is_blank()
            {
                out.at(
                    "Header",
                    row.at.row_number,
                    id(&row.child),
                    &["SEX", "MC_DOB"],
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
    fn a_male_child_with_a_child_date_of_birth_fails() {
        let t = tables(
            "//- Header
             CHILD,SEX,MC_DOB
             1,M,
             2,M,19/02/2025
             3,F,
             4,F,19/02/2025
             5,U,19/02/2025
             6,M,not a date",
        );
        assert_eq!(
            findings(&Rule174, &current(&t)),
            vec![(2, "2".into()), (6, "6".into())]
        );
    }
}
