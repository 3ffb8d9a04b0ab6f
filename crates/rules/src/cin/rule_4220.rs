//! 4220: ethnicity missing or not a valid code (DfE CIN census validation rules 2025-26).

use super::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule4220;

static META: RuleMeta = RuleMeta {
    code: "4220",
    message: "Ethnicity is missing or invalid (see Ethnicity table)",
    severity: Severity::Error,
    tables: &["ChildCharacteristics"],
    fields: &["Ethnicity"],
    years: Years::from(2023),
};

impl Rule for Rule4220 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        if child.ethnicity.value().is_none() {
            let id = child.la_child_id.value().map(|c| c.as_str());
            out.at("ChildCharacteristics", child.position, id, &["Ethnicity"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::findings;
    use super::*;

    fn child(id: &str, ethnicity: &str) -> String {
        format!(
            "<Child><ChildIdentifiers><LAchildID>{id}</LAchildID></ChildIdentifiers><ChildCharacteristics>{ethnicity}</ChildCharacteristics><CINdetails><CINreferralDate>2025-06-01</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>false</ReferralNFA></CINdetails></Child>"
        )
    }

    #[test]
    fn missing_and_invalid_ethnicity_fail() {
        let xml = [
            child("A", "<Ethnicity>WBRI</Ethnicity>"),
            child("B", "<Ethnicity>ZZZZ</Ethnicity>"),
            child("C", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule4220, &xml),
            vec![
                ("ChildCharacteristics", 2, "B".into()),
                ("ChildCharacteristics", 3, "C".into())
            ]
        );
    }
}
