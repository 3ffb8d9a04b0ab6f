//! 398: postcodes (from which distance is derived) are given for a short-break (V3/V4) episode
//! (DfE 903 validation rules).

use super::util_b::{id, is_short_break};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule398;

static META: RuleMeta = RuleMeta {
    code: "398",
    message: "Distance field completed but child looked after under legal status V3 or V4.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["HOME_POST", "LS", "PL_POST"],
    years: Years::from(2023),
};

impl Rule for Rule398 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            if is_short_break(&row.ls) && (!row.home_post.is_blank() || !row.pl_post.is_blank()) {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["HOME_POST", "LS", "PL_POST"],
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
    fn postcodes_on_short_breaks_fail() {
        let t = tables(
            "//- Episodes
             CHILD,LS,HOME_POST,PL_POST
             1,V3,AB1 0JD,AB1 0JD
             2,C2,invalid,AB1 0JD
             3,V4,AB1 0JD,
             4,V4,,",
        );
        assert_eq!(
            findings(&Rule398, &current(&t)),
            vec![(1, "1".into()), (3, "3".into())]
        );
    }
}
