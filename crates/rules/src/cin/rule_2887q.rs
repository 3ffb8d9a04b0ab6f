//! 2887Q: fewer than 8 different disability codes are used across the return (DfE CIN census
//! validation rules 2025-26; return-level query: "excluding `NONE`, the number of different
//! disability codes used by a LA should be more than 7").
//!
//! Only valid codes count. The DfE tool keeps the `NONE` rows instead of dropping them and counts
//! rows rather than distinct codes, so it queries a return with few `NONE`s and not one with few
//! codes; this follows the DfE text.

use crate::cin::{CinReturn, ReturnSummary, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};

pub(crate) struct Rule2887Q;

static META: RuleMeta = RuleMeta {
    code: "2887Q",
    message: "Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return",
    severity: Severity::Query,
    tables: &["Disabilities"],
    fields: &["Disability"],
    years: Years::from(2023),
};

impl Rule for Rule2887Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_return(&self, _data: &CinReturn, summary: &ReturnSummary, out: &mut Findings) {
        if summary.disability_codes.len() <= 7 {
            out.on_return("Disabilities", &["Disability"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::child;

    fn disabled(id: &str, codes: &[&str]) -> String {
        let items: String = codes
            .iter()
            .map(|c| format!("<Disability>{c}</Disability>"))
            .collect();
        child(
            id,
            "",
            &format!(
                "<ChildCharacteristics><Disabilities>{items}</Disabilities></ChildCharacteristics>"
            ),
        )
    }

    #[test]
    fn seven_codes_are_queried() {
        // Seven distinct codes (MOB twice), plus NONE and an invalid code, which do not count.
        let xml = [
            disabled("A", &["MOB", "HAND", "PC"]),
            disabled("B", &["INC", "COMM", "LD", "MOB"]),
            disabled("C", &["HEAR"]),
            disabled("D", &["NONE"]),
            disabled("E", &["XYZ"]),
        ]
        .concat();
        assert_eq!(
            findings(&Rule2887Q, &xml),
            vec![("Disabilities", 0, String::new())]
        );
    }

    #[test]
    fn eight_codes_pass() {
        let xml = [
            disabled("A", &["MOB", "HAND", "PC", "INC"]),
            disabled("B", &["COMM", "LD", "HEAR", "VIS"]),
        ]
        .concat();
        assert!(findings(&Rule2887Q, &xml).is_empty());
    }
}
