//! INT21: the sex in the UASC table differs from the child's Header sex (DfE 903 validation
//! rules, internal integrity check).
//!
//! Codes are compared as parsed, so a legacy `2` equals `F` (the tool compares the text); blank
//! or invalid codes are not compared, as in the tool.

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::Sex;

pub(crate) struct RuleInt21;

static META: RuleMeta = RuleMeta {
    code: "INT21",
    message: "Internal Check: SEX in UASC is different to SEX in Header.",
    severity: Severity::Error,
    tables: &["Header", "UASC"],
    fields: &["SEX"],
    years: Years::from(2023),
};

impl Rule for RuleInt21 {
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
        let mut header_sex: HashMap<&str, Vec<Sex>> = HashMap::default();
        for row in &data.current.header {
            if let (Some(child), Some(sex)) =
                (id(&row.child), crate::ssda903::sex_any_coding(&row.sex))
            {
                header_sex.entry(child).or_default().push(sex);
            }
        }
        for row in &data.current.uasc {
            let (Some(child), Some(sex)) =
                (id(&row.child), crate::ssda903::sex_any_coding(&row.sex))
            else {
                continue;
            };
            if header_sex
                .get(child)
                .is_some_and(|known| known.iter().any(|s| *s != sex))
            {
                out.at("UASC", row.at.row_number, Some(child), &["SEX"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_different_sex_fails_and_legacy_codes_match() {
        let t = tables(
            "//- Header
             CHILD,SEX
             1,F
             2,M
             3,
             //- UASC
             CHILD,SEX
             1,2
             2,F
             3,M
             4,M",
        );
        assert_eq!(findings(&RuleInt21, &current(&t)), vec![(2, "2".into())]);
    }
}
