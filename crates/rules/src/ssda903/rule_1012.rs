//! 1012: rows are returned in other tables for a child who has no episodes this year (DfE 903
//! validation rules).
//!
//! Checks PlacedAdoption, Missing, Reviews, AD1, PrevPerm and OC2, as the tool does: every row
//! of a child with no Episodes row is reported in its own table. Absent tables are simply not
//! checked.

use super::util_d::{children_with_episodes, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Cell;
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::ids::ChildId;

pub(crate) struct Rule1012;

static META: RuleMeta = RuleMeta {
    code: "1012",
    message: "No other data should be returned for OC3 children who had no episodes in the current year",
    severity: Severity::Error,
    tables: &[
        "Episodes",
        "PlacedAdoption",
        "Missing",
        "Reviews",
        "AD1",
        "PrevPerm",
        "OC2",
    ],
    fields: &["CHILD"],
    years: Years::from(2023),
};

fn report<'a>(
    out: &mut Findings,
    table: &'static str,
    looked_after: &HashSet<&str>,
    rows: impl Iterator<Item = (u64, &'a Cell<ChildId>)>,
) {
    for (row_number, child) in rows {
        if let Some(child) = id(child).filter(|c| !looked_after.contains(c)) {
            out.at(table, row_number, Some(child), &["CHILD"]);
        }
    }
}

impl Rule for Rule1012 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let t = data.current;
        let looked_after = children_with_episodes(&t.episodes);
        let seen = &looked_after;
        report(
            out,
            "PlacedAdoption",
            seen,
            t.placed_for_adoption
                .iter()
                .map(|r| (r.at.row_number, &r.child)),
        );
        report(
            out,
            "Missing",
            seen,
            t.missing.iter().map(|r| (r.at.row_number, &r.child)),
        );
        report(
            out,
            "Reviews",
            seen,
            t.reviews.iter().map(|r| (r.at.row_number, &r.child)),
        );
        report(
            out,
            "AD1",
            seen,
            t.ad1.iter().map(|r| (r.at.row_number, &r.child)),
        );
        report(
            out,
            "PrevPerm",
            seen,
            t.previous_permanence
                .iter()
                .map(|r| (r.at.row_number, &r.child)),
        );
        report(
            out,
            "OC2",
            seen,
            t.oc2.iter().map(|r| (r.at.row_number, &r.child)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Findings;
    use crate::ssda903::fixture::{current, tables};

    #[test]
    fn rows_for_children_without_episodes_fail_in_each_table() {
        let t = tables(
            "//- Episodes
             CHILD
             1
             //- Missing
             CHILD
             1
             2
             //- Reviews
             CHILD
             3
             //- OC2
             CHILD
             1",
        );
        let mut out = Findings::new(Rule1012.meta());
        Rule1012.check(&current(&t), &mut out);
        let found: Vec<(&str, Option<u64>, Option<String>)> = out
            .into_vec()
            .into_iter()
            .map(|f| (f.table, f.row_number, f.child_id))
            .collect();
        assert_eq!(
            found,
            vec![
                ("Missing", Some(2), Some("2".into())),
                ("Reviews", Some(1), Some("3".into()))
            ]
        );
    }
}
