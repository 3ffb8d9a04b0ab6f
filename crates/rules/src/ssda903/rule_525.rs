//! 525: a child whose decision to be placed for adoption was reversed (DATE_PLACED_CEASED given)
//! cannot have adoption data (AD1) this year (DfE 903 validation rules).
//!
//! Reported on the PlacedAdoption row and on the AD1 row with any item given, each once, as the
//! tool reports both.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Ad1Row, Ssda903Table};

pub(crate) struct Rule525;

static META: RuleMeta = RuleMeta {
    code: "525",
    message: "A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.",
    severity: Severity::Error,
    tables: &["AD1", "PlacedAdoption"],
    fields: &[
        "DATE_INT",
        "DATE_MATCH",
        "DATE_PLACED_CEASED",
        "FOSTER_CARE",
        "LS_ADOPTR",
        "NB_ADOPTR",
        "SEX_ADOPTR",
    ],
    years: Years::from(2023),
};

/// The AD1 items.
const AD1_FIELDS: &[&str] = &[
    "DATE_INT",
    "DATE_MATCH",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
];

/// Whether any adoption item of an AD1 row is given.
fn adopted(row: &Ad1Row) -> bool {
    !(row.date_int.is_blank()
        && row.date_match.is_blank()
        && row.foster_care.is_blank()
        && row.nb_adoptr.is_blank()
        && row.sex_adoptr.is_blank()
        && row.ls_adoptr.is_blank())
}

impl Rule for Rule525 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Ad1),
            Needs::Table(Ssda903Table::PlacedForAdoption),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let with_adoption: HashSet<&str> = data
            .current
            .ad1
            .iter()
            .filter(|row| adopted(row))
            .filter_map(|row| id(&row.child))
            .collect();
        let mut reversed: HashSet<&str> = HashSet::default();
        for row in &data.current.placed_for_adoption {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if !row.date_placed_ceased.is_blank() && with_adoption.contains(child) {
                reversed.insert(child);
                out.at(
                    "PlacedAdoption",
                    row.at.row_number,
                    Some(child),
                    &["DATE_PLACED_CEASED"],
                );
            }
        }
        for row in &data.current.ad1 {
            let child = id(&row.child);
            if adopted(row) && child.is_some_and(|c| reversed.contains(c)) {
                out.at("AD1", row.at.row_number, child, AD1_FIELDS);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::rows;
    use super::*;
    use crate::ssda903::fixture::{current, tables};

    #[test]
    fn adoption_data_after_a_reversal_fails_on_both_rows() {
        // 1: reversed, no AD1 items. 2: reversed and adopted. 3: not reversed, adopted.
        let t = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED_CEASED
             1,08/03/2025
             2,22/06/2025
             3,
             //- AD1
             CHILD,DATE_MATCH,LS_ADOPTR
             1,,
             2,01/01/2026,
             3,01/01/2026,L0",
        );
        assert_eq!(
            rows(&Rule525, &current(&t)),
            vec![("PlacedAdoption", 2), ("AD1", 2)]
        );
    }
}
