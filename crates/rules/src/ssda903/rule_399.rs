//! 399: mother, review or participation data is given for a child looked after only under
//! short breaks (V3/V4) (DfE 903 validation rules).
//!
//! As in the tool, the rule applies only when every episode of the child is a short break.
//! Reported on the Header row when MOTHER is given and on each Reviews row with a date or
//! participation code; the tool also reports the episodes.

use super::util_b::{id, is_short_break};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule399;

static META: RuleMeta = RuleMeta {
    code: "399",
    message: "Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.",
    severity: Severity::Error,
    tables: &["Episodes", "Header", "Reviews"],
    fields: &["LS", "MOTHER", "REVIEW", "REVIEW_CODE"],
    years: Years::from(2023),
};

impl Rule for Rule399 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Reviews),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut only_breaks: HashMap<&str, bool> = HashMap::default();
        for row in &data.current.episodes {
            if let Some(child) = id(&row.child) {
                let all = only_breaks.entry(child).or_insert(true);
                *all = *all && is_short_break(&row.ls);
            }
        }
        let short_breaks_only = |child: &str| only_breaks.get(child).copied().unwrap_or(false);
        for row in &data.current.header {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if short_breaks_only(child) && !row.mother.is_blank() {
                out.at("Header", row.at.row_number, Some(child), &["LS", "MOTHER"]);
            }
        }
        for row in &data.current.reviews {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if short_breaks_only(child) && (!row.review.is_blank() || !row.review_code.is_blank()) {
                out.at(
                    "Reviews",
                    row.at.row_number,
                    Some(child),
                    &["LS", "REVIEW", "REVIEW_CODE"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Findings;
    use crate::ssda903::fixture::{current, tables};

    #[test]
    fn mother_and_reviews_for_short_break_children_fail() {
        let t = tables(
            "//- Episodes
             CHILD,LS
             1,V4
             1,V4
             2,C2
             3,V3
             3,C2
             //- Header
             CHILD,MOTHER
             1,0
             2,1
             3,1
             //- Reviews
             CHILD,REVIEW,REVIEW_CODE
             1,01/01/2026,PN1
             2,01/01/2026,PN1
             3,01/01/2026,PN7",
        );
        let mut out = Findings::new(Rule399.meta());
        Rule399.check(&current(&t), &mut out);
        let found: Vec<(&str, Option<u64>)> = out
            .into_vec()
            .iter()
            .map(|f| (f.table, f.row_number))
            .collect();
        assert_eq!(found, vec![("Header", Some(1)), ("Reviews", Some(1))]);
    }
}
