//! 205C: a date UASC ceased is given for a child identified as UASC in neither year (DfE 903
//! validation rules).
//!
//! Sightline derives a child's UASC status in a year from their having a row in that year's
//! UASC table (see `util_b`), and a DUC can only be recorded on such a row: on CSV returns this
//! rule therefore cannot fail, exactly as the tool's own derivation makes it pass (its CSV
//! fallback sets the flag when the row has a DUC). The check is kept so the catalogue is
//! complete and so it starts reporting if returns ever carry an explicit UASC flag.

use super::util_b::{id, uasc_children};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Ssda903Table, UascRow};

pub(crate) struct Rule205C;

static META: RuleMeta = RuleMeta {
    code: "205C",
    message: "Child not identified as UASC either this year or last year but date UASC ceased has been provided.",
    severity: Severity::Error,
    tables: &["Header", "Header_last", "UASC", "UASC_last"],
    fields: &["DUC", "UASC"],
    years: Years::from(2023),
};

impl Rule for Rule205C {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Uasc),
            Needs::PreviousTable(Ssda903Table::Uasc),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(previous) = data.previous else {
            return;
        };
        let identified: HashSet<&str> = uasc_children(&data.current.uasc)
            .union(&uasc_children(&previous.uasc))
            .copied()
            .collect();
        let has_duc = |row: &UascRow| !row.duc.is_blank();
        for row in data.current.uasc.iter().filter(|row| has_duc(row)) {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if !identified.contains(child) {
                out.at("UASC", row.at.row_number, Some(child), &["DUC", "UASC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_b::testing::with_previous;
    use super::*;
    use crate::ssda903::fixture::{findings, tables};

    #[test]
    fn a_ceasing_date_identifies_the_child_as_uasc_so_nothing_fails() {
        let now = tables(
            "//- UASC
             CHILD,DUC
             1,01/05/2025
             2,",
        );
        let last = tables(
            "//- UASC
             CHILD,DUC
             3,01/05/2024",
        );
        assert_eq!(findings(&Rule205C, &with_previous(&now, &last)), vec![]);
    }
}
