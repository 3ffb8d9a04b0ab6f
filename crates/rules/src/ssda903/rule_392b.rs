//! 392b: a looked-after episode has no home or placement postcode (DfE 903 validation rules).
//!
//! As in the tool, short-break episodes (V3/V4) and children identified as UASC this year or
//! last year are exempt. Invalid postcodes count as given (rule 392c reports them).

use super::util_b::{id, uasc_this_or_last_year};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};

pub(crate) struct Rule392b;

static META: RuleMeta = RuleMeta {
    code: "392b",
    message: "Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["HOME_POST", "PL_POST"],
    years: Years::from(2023),
};

impl Rule for Rule392b {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let uasc = uasc_this_or_last_year(data);
        for row in &data.current.episodes {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let short_break = match &row.ls {
                Cell::Value(ls) => ls.is_short_break(),
                Cell::Blank => false,
                Cell::Invalid(_) => continue,
            };
            if short_break || uasc.contains(child) {
                continue;
            }
            if row.home_post.is_blank() || row.pl_post.is_blank() {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    Some(child),
                    &["HOME_POST", "PL_POST"],
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
    fn missing_postcodes_fail_except_short_breaks_and_uasc() {
        let t = tables(
            "//- Episodes
             CHILD,LS,HOME_POST,PL_POST
             1,C2,M1 1AE,M2 2BB
             2,C2,M1 1AE,
             3,V3,,M2 2BB
             4,C2,XX,M2 2BB
             5,C2,,
             //- UASC
             CHILD
             5",
        );
        assert_eq!(findings(&Rule392b, &current(&t)), vec![(2, "2".into())]);
    }
}
