//! 612: a girl's first child's date of birth is given but she is not recorded as a mother (DfE
//! 903 validation rules, 2024-25 definition: `SEX` coded `F`).

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::Sex;

pub(crate) struct Rule612;

static META: RuleMeta = RuleMeta {
    code: "612",
    message: "Date of birth field has been completed but mother field indicates child is not a mother.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["MC_DOB", "MOTHER", "SEX"],
    years: Years::from(2023),
};

impl Rule for Rule612 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.header {
            // Blank or 0: an invalid MOTHER is 165's finding, as the tool leaves it alone.
            let not_a_mother = row.mother.is_blank() || row.mother.get() == Some(false);
            if not_a_mother
                && crate::ssda903::sex_in_year(&row.sex, data.year) == Some(Sex::Female)
                && !row.mc_dob.is_blank()
            {
                out.at(
                    "Header",
                    row.at.row_number,
                    id(&row.child),
                    &["MC_DOB", "MOTHER"],
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
    fn a_child_date_of_birth_for_a_non_mother_fails() {
        let t = tables(
            "//- Header
             CHILD,SEX,MOTHER,MC_DOB
             1,F,0,19/02/2016
             2,F,,dd/mm/yyyy
             3,F,,
             4,F,1,19/02/2019
             5,M,0,12/10/2010",
        );
        assert_eq!(
            findings(&Rule612, &current(&t)),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
