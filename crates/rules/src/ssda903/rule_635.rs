//! 635: the date of the order or the LA where the previous permanence option was arranged is
//! given although the previous permanence code says there was none (DfE 903 validation rules).
//!
//! The message names `Z1` (no previous permanence order); the tool checks a blank `PREV_PERM`
//! instead. Both are reported here: either way the order date and LA have no order to describe.

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::codes::PreviousPermanence;

pub(crate) struct Rule635;

static META: RuleMeta = RuleMeta {
    code: "635",
    message: "There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1",
    severity: Severity::Error,
    tables: &["PrevPerm"],
    fields: &["DATE_PERM", "LA_PERM", "PREV_PERM"],
    years: Years::from(2023),
};

impl Rule for Rule635 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::PreviousPermanence)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.previous_permanence {
            let no_order = matches!(
                row.prev_perm,
                Cell::Blank | Cell::Value(PreviousPermanence::Z1)
            );
            let order_details = !row.la_perm.is_blank() || !row.date_perm.is_blank();
            if no_order && order_details {
                out.at(
                    "PrevPerm",
                    row.at.row_number,
                    id(&row.child),
                    &["DATE_PERM", "LA_PERM", "PREV_PERM"],
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
    fn order_details_without_an_order_fail() {
        let t = tables(
            "//- PrevPerm
             CHILD,PREV_PERM,LA_PERM,DATE_PERM
             1,Z1,,
             2,,352,
             3,,,01/05/2000
             4,Z1,352,
             5,,,
             6,P1,352,05/05/2020",
        );
        assert_eq!(
            findings(&Rule635, &current(&t)),
            vec![(2, "2".into()), (3, "3".into()), (4, "4".into())]
        );
    }
}
