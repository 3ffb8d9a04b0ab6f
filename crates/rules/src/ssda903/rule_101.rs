//! 101: the child's sex is not a valid code for the collection year (DfE 903 validation rules;
//! `M`/`F`/`U` from 2024-25, `1`/`2` before).
//!
//! The reader takes only `M`/`F`/`U` as codes and keeps `1`/`2` as invalid text, so from 2024-25
//! the legacy codes are reported here as the rule text says; before 2024-25 `1`/`2` are the codes
//! and anything else (`M`, `F`, `U` included) is reported. Lower-case `m`/`f`/`u` are not codes.

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::SEX_M_F_FROM;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_formats::ssda903::{Cell, legacy_sex_code};

pub(crate) struct Rule101;

static META: RuleMeta = RuleMeta {
    code: "101",
    message: "The child or young person’s reported sex is not valid.",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["SEX"],
    years: Years::from(2023),
};

impl Rule for Rule101 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.header {
            let valid = if data.year >= SEX_M_F_FROM {
                row.sex.value().is_some()
            } else {
                matches!(&row.sex, Cell::Invalid(text) if legacy_sex_code(text).is_some())
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
        5,
        6,1
        7,2
        8,m";

    #[test]
    fn legacy_and_unknown_codes_fail_m_f_u_pass_in_2025_26() {
        let t = tables(HEADER);
        assert_eq!(
            findings(&Rule101, &current(&t)),
            vec![
                (4, "4".into()),
                (5, "5".into()),
                (6, "6".into()),
                (7, "7".into()),
                (8, "8".into())
            ]
        );
    }

    #[test]
    fn only_1_and_2_were_codes_before_2024_25() {
        let t = tables(HEADER);
        let mut data = current(&t);
        data.year = 2024;
        assert_eq!(
            findings(&Rule101, &data),
            vec![
                (1, "1".into()),
                (2, "2".into()),
                (3, "3".into()),
                (4, "4".into()),
                (5, "5".into()),
                (8, "8".into())
            ]
        );
    }
}
