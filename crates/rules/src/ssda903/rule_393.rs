//! 393: the mother field is blank for a looked-after girl (DfE 903 validation rules, 2024-25
//! definition).
//!
//! Looked after: at least one episode this year that is not a short break (V3/V4); an episode
//! with a blank legal status counts, as in the tool.

use super::util_b::{id, is_short_break};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::Sex;

pub(crate) struct Rule393;

static META: RuleMeta = RuleMeta {
    code: "393",
    message: "Child is looked after but mother field is not completed.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["MOTHER"],
    years: Years::from(2023),
};

impl Rule for Rule393 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let looked_after: HashSet<&str> = data
            .current
            .episodes
            .iter()
            .filter(|row| !is_short_break(&row.ls))
            .filter_map(|row| id(&row.child))
            .collect();
        for row in &data.current.header {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if crate::ssda903::sex_in_year(&row.sex, data.year) == Some(Sex::Female)
                && looked_after.contains(child)
                && row.mother.is_blank()
            {
                out.at("Header", row.at.row_number, Some(child), &["MOTHER"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_looked_after_girl_needs_the_mother_field() {
        let t = tables(
            "//- Header
             CHILD,SEX,MOTHER
             1,F,1
             2,M,
             3,F,0
             4,F,
             5,F,
             //- Episodes
             CHILD,LS
             1,C2
             2,C2
             3,c2
             4,C1
             5,v4",
        );
        assert_eq!(findings(&Rule393, &current(&t)), vec![(4, "4".into())]);
    }
}
