//! 601: a child adopted during the year (an episode ending E11 or E12 in the year) lacks some
//! of the adoption items of AD1 (DfE 903 validation rules).
//!
//! A blank item is reported on the child's AD1 row. An adopted child with no AD1 row at all has
//! none of the items; the tool's inner join skips such children, here the adoption episode is
//! reported.

use super::util_d::{adopted_in_year, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Ad1Row, Ssda903Table};

pub(crate) struct Rule601;

static META: RuleMeta = RuleMeta {
    code: "601",
    message: "The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.",
    severity: Severity::Error,
    tables: &["AD1", "Episodes"],
    fields: &[
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "LS_ADOPTR",
        "NB_ADOPTR",
        "REC",
        "SEX_ADOPTR",
    ],
    years: Years::from(2023),
};

/// Whether any of the six adoption items is blank.
fn some_item_blank(row: &Ad1Row) -> bool {
    row.date_int.is_blank()
        || row.date_match.is_blank()
        || row.foster_care.is_blank()
        || row.nb_adoptr.is_blank()
        || row.sex_adoptr.is_blank()
        || row.ls_adoptr.is_blank()
}

impl Rule for Rule601 {
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
        let with_ad1: HashSet<&str> = data
            .current
            .ad1
            .iter()
            .filter_map(|r| id(&r.child))
            .collect();
        for row in &data.current.ad1 {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if adopted.contains(child) && some_item_blank(row) {
                out.at(
                    "AD1",
                    row.at.row_number,
                    Some(child),
                    &[
                        "DATE_INT",
                        "DATE_MATCH",
                        "FOSTER_CARE",
                        "NB_ADOPTR",
                        "SEX_ADOPTR",
                        "LS_ADOPTR",
                    ],
                );
            }
        }
        for row in &data.current.episodes {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if adopted_in_year(row, data) && !with_ad1.contains(child) {
                out.at("Episodes", row.at.row_number, Some(child), &["REC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn adopted_children_without_every_adoption_item_fail() {
        // 1: adopted, items missing. 2: adopted, items complete. 3: adopted last year.
        // 4: adopted, no AD1 row (reported on the episode).
        let t = tables(
            "//- Episodes
             CHILD,DEC,REC
             1,01/01/2026,E11
             2,01/01/2026,E12
             3,01/01/2025,E11
             4,01/01/2026,E12
             //- AD1
             CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR
             1,01/01/2025,,0,1,M1,L0
             2,01/01/2025,01/02/2025,0,1,M1,L0
             3,,,,,,",
        );
        assert_eq!(
            findings(&Rule601, &current(&t)),
            vec![(1, "1".into()), (4, "4".into())]
        );
    }
}
