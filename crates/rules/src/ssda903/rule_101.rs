//! 101: the child's sex is not a valid code for the collection year (DfE 903 validation rules;
//! `M`/`F`/`U` from 2024-25, `1`/`2` before).
//!
//! The reader accepts the legacy codes `1`/`2` (and `0`/`9`) as male/female/unknown, so from
//! 2024-25 this rule cannot tell `1` from `M` and reports only blank and unknown text there; the
//! tool also reports `1` and `2`. Before 2024-25 the unknown code was not in the list, so `U` is
//! reported then.

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::Sex;

pub(crate) struct Rule101;

static META: RuleMeta = RuleMeta {
    code: "101",
    message: "The child or young person’s reported sex is not valid.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["SEX"],
    years: Years::from(2023),
};

/// First collection year whose list is `M`/`F`/`U` (2024-25).
const UNKNOWN_SEX_FROM: i32 = 2025;

impl Rule for Rule101 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.header {
            let valid = match row.sex.get() {
                None => false,
                Some(Sex::Unknown) => data.year >= UNKNOWN_SEX_FROM,
                Some(Sex::Male | Sex::Female) => true,
            };
            if !valid {
                out.at("Header", row.at.row_number, id(&row.child), &["SEX"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    const HEADER: &str = "//- Header
        CHILD,SEX
        1,M
        2,F
        3,U
        4,X
        5,";

    #[test]
    fn blank_and_unknown_text_fail_m_f_u_pass_in_2025_26() {
        let t = tables(HEADER);
        assert_eq!(
            findings(&Rule101, &current(&t)),
            vec![(4, "4".into()), (5, "5".into())]
        );
    }

    #[test]
    fn unknown_sex_was_not_a_code_before_2024_25() {
        let t = tables(HEADER);
        let mut data = current(&t);
        data.year = 2024;
        assert_eq!(
            findings(&Rule101, &data),
            vec![(3, "3".into()), (4, "4".into()), (5, "5".into())]
        );
    }
}
