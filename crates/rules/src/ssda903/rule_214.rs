//! 214: placement postcode or URN given for a short-break (V3/V4) episode (DfE 903 validation
//! rules).

use super::util_b::{id, is_short_break};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule214;

static META: RuleMeta = RuleMeta {
    code: "214",
    message: "Placement location information not required.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PL_POST", "URN"],
    years: Years::from(2023),
};

impl Rule for Rule214 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            if is_short_break(&row.ls) && (!row.pl_post.is_blank() || !row.urn.is_blank()) {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["PL_POST", "URN"],
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
    fn location_on_short_breaks_fails() {
        let t = tables(
            "//- Episodes
             CHILD,LS,PL_POST,URN
             1,V3,M2 3RT,XXXXXX
             2,C2,M2 3RT,SC045099
             3,V4,M2 3RT,
             4,V4,,SC045099
             5,V3,,",
        );
        assert_eq!(
            findings(&Rule214, &current(&t)),
            vec![(1, "1".into()), (3, "3".into()), (4, "4".into())]
        );
    }
}
