//! 303: a date UASC status ceased is given but the child's Header UASC flag is not 1 (DfE 903
//! validation rules).
//!
//! Sightline derives the Header UASC flag from the child having a row in the UASC table (see
//! `util_b`), and the DUC is recorded on that very row: on CSV returns this rule therefore
//! cannot fail, as with the tool's own CSV derivation. The check is kept so the catalogue is
//! complete and so it starts reporting if returns ever carry an explicit UASC flag.

use super::util_b::{header_by_child, id, uasc_children};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule303;

static META: RuleMeta = RuleMeta {
    code: "303",
    message: "If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status must be coded 1.",
    severity: Severity::Error,
    tables: &["Header", "UASC"],
    fields: &["DUC", "UASC"],
    years: Years::from(2023),
};

impl Rule for Rule303 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Uasc),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let flagged = uasc_children(&data.current.uasc);
        let headers = header_by_child(&data.current.header);
        for row in &data.current.uasc {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if !row.duc.is_blank() && headers.contains_key(child) && !flagged.contains(child) {
                out.at("UASC", row.at.row_number, Some(child), &["DUC", "UASC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_ceasing_date_sets_the_derived_flag_so_nothing_fails() {
        let t = tables(
            "//- Header
             CHILD
             1
             2
             //- UASC
             CHILD,DUC
             1,04/04/2025
             2,",
        );
        assert_eq!(findings(&Rule303, &current(&t)), vec![]);
    }
}
