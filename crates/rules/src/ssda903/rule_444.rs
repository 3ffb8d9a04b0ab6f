//! 444: a UPN must not be reported for more than one child (DfE 903 validation rules, from
//! 2025-26).
//!
//! Unknown-UPN codes (UN1-UN5) may repeat. Every row holding a repeated UPN is reported. A UPN
//! that is not well formed is compared as written (trimmed, upper-cased), as the tool compares
//! the raw text; rule 168 reports its shape.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, HeaderRow, Ssda903Table, UpnField};

pub(crate) struct Rule444;

static META: RuleMeta = RuleMeta {
    code: "444",
    message: "Duplicate UPN has been reported",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["UPN"],
    years: Years::from(2026),
};

/// The UPN a row reports, when it reports one (not blank, not an unknown-UPN code).
fn reported_upn(row: &HeaderRow) -> Option<String> {
    match &row.upn {
        Cell::Value(UpnField::Upn(upn)) => Some(upn.as_str().to_ascii_uppercase()),
        Cell::Invalid(text) => Some(text.trim().to_ascii_uppercase()),
        Cell::Value(UpnField::Unknown(_)) | Cell::Blank => None,
    }
}

impl Rule for Rule444 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Header)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut count: HashMap<String, usize> = HashMap::default();
        for row in &data.current.header {
            if let Some(upn) = reported_upn(row) {
                *count.entry(upn).or_default() += 1;
            }
        }
        for row in &data.current.header {
            let repeated =
                reported_upn(row).is_some_and(|upn| count.get(&upn).is_some_and(|n| *n > 1));
            if repeated {
                out.at("Header", row.at.row_number, id(&row.child), &["UPN"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_repeated_upn_fails_unknown_codes_may_repeat() {
        let t = tables(
            "//- Header
             CHILD,UPN
             1,UN1
             2,UN1
             3,A123456789012
             4,B123456789012
             5,B123456789012
             6,",
        );
        assert_eq!(
            findings(&Rule444, &current(&t)),
            vec![(4, "4".into()), (5, "5".into())]
        );
    }

    #[test]
    fn the_rule_starts_in_2025_26() {
        assert!(!META.years.contains(2025));
        assert!(META.years.contains(2026));
    }
}
