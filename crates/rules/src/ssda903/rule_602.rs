//! 602: adoption items are given in AD1 for a child whose episodes show no adoption during the
//! year (DfE 903 validation rules).

use super::util_d::{adopted_in_year, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Ad1Row, Ssda903Table};

pub(crate) struct Rule602;

static META: RuleMeta = RuleMeta {
    code: "602",
    message: "The episode data submitted for this child does not show that he/she was adopted during the year.",
    severity: Severity::Error,
    tables: &["AD1", "Episodes"],
    fields: &["CHILD"],
    years: Years::from(2023),
};

fn some_item_given(row: &Ad1Row) -> bool {
    !row.date_int.is_blank()
        || !row.date_match.is_blank()
        || !row.foster_care.is_blank()
        || !row.nb_adoptr.is_blank()
        || !row.sex_adoptr.is_blank()
        || !row.ls_adoptr.is_blank()
}

impl Rule for Rule602 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Ad1),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let adopted: HashSet<&str> = data
            .current
            .episodes
            .iter()
            .filter(|row| adopted_in_year(row, data))
            .filter_map(|row| id(&row.child))
            .collect();
        for row in &data.current.ad1 {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if !adopted.contains(child) && some_item_given(row) {
                out.at("AD1", row.at.row_number, Some(child), &["CHILD"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn adoption_items_without_an_adoption_in_the_year_fail() {
        // 1: adopted in the year. 2: left for another reason. 3: adopted last year.
        // 4: no episodes. 5: no items given.
        let t = tables(
            "//- Episodes
             CHILD,DEC,REC
             1,08/06/2025,E11
             2,09/07/2025,E13
             3,22/03/2025,E11
             //- AD1
             CHILD,DATE_INT
             1,01/01/2025
             2,01/01/2025
             3,01/01/2025
             4,01/01/2025
             5,",
        );
        assert_eq!(
            findings(&Rule602, &current(&t)),
            vec![(2, "2".into()), (3, "3".into()), (4, "4".into())]
        );
    }
}
