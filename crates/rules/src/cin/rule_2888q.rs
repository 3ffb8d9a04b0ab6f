//! 2888Q: no child has more than one disability recorded (DfE CIN census validation rules
//! 2025-26; return-level query: "excluding `NONE`, one or more children should have more than one
//! disability recorded").
//!
//! Raised when at least one child has a disability and none has two or more (`Disability`
//! elements other than `NONE`, an invalid code counting as recorded). A return where no child has
//! a disability is not queried, as in the DfE tool (rule 2887Q covers it).

use crate::cin::{CinReturn, ReturnSummary, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};

pub(crate) struct Rule2888Q;

static META: RuleMeta = RuleMeta {
    code: "2888Q",
    message: "Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.",
    severity: Severity::Query,
    tables: &["Disabilities"],
    fields: &["Disability"],
    years: Years::from(2023),
};

impl Rule for Rule2888Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_return(&self, _data: &CinReturn, summary: &ReturnSummary, out: &mut Findings) {
        if summary.children_with_a_disability > 0 && summary.children_with_several_disabilities == 0
        {
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
    fn one_disability_per_child_is_queried() {
        let xml = [
            disabled("A", &["MOB"]),
            disabled("B", &["NONE"]),
            disabled("C", &["HEAR"]),
        ]
        .concat();
        assert_eq!(
            findings(&Rule2888Q, &xml),
            vec![("Disabilities", 0, String::new())]
        );
    }

    #[test]
    fn a_child_with_two_disabilities_or_none_disabled_passes() {
        let xml = [disabled("A", &["MOB"]), disabled("B", &["HEAR", "VIS"])].concat();
        assert!(findings(&Rule2888Q, &xml).is_empty());
        assert!(findings(&Rule2888Q, &disabled("C", &["NONE"])).is_empty());
    }
}
