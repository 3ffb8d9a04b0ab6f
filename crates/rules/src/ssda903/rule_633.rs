//! 633: the local authority code where the previous permanence option was arranged is not a
//! valid value (DfE 903 validation rules).
//!
//! Valid: the old 3-digit LA numbers of English authorities (shared/reference/ssda903/
//! codes_la_perm.csv, with the tool's `999`), or WAL, SCO, NIR, NUK in any letter case. The
//! numbers of the councils created since 2021 (940 North and 941 West Northamptonshire, 942
//! Cumberland, 943 Westmorland and Furness) are added: the tool's list predates them, and an
//! order they arranged is a valid previous permanence.

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};

pub(crate) struct Rule633;

static META: RuleMeta = RuleMeta {
    code: "633",
    message: "Local authority code where previous permanence option was arranged is not a valid value.",
    severity: Severity::Error,
    tables: &["PrevPerm"],
    fields: &["LA_PERM"],
    years: Years::from(2023),
};

/// The 3-digit LA numbers the DfE accepts.
const LA_NUMBERS: &[&str] = &[
    "201", "202", "203", "204", "205", "206", "207", "208", "209", "210", "211", "212", "213",
    "301", "302", "303", "304", "305", "306", "307", "308", "309", "310", "311", "312", "313",
    "314", "315", "316", "317", "318", "319", "320", "330", "331", "332", "333", "334", "335",
    "336", "340", "341", "342", "343", "344", "350", "351", "352", "353", "354", "355", "356",
    "357", "358", "359", "370", "371", "372", "373", "380", "381", "382", "383", "384", "390",
    "391", "392", "393", "394", "420", "800", "801", "802", "803", "805", "806", "807", "808",
    "810", "811", "812", "813", "815", "816", "821", "822", "823", "825", "826", "830", "831",
    "835", "836", "837", "840", "841", "845", "846", "850", "851", "852", "855", "856", "857",
    "860", "861", "865", "866", "867", "868", "869", "870", "871", "872", "873", "874", "876",
    "877", "878", "879", "880", "881", "882", "883", "884", "885", "886", "887", "888", "889",
    "890", "891", "892", "893", "894", "895", "896", "908", "909", "916", "919", "921", "925",
    "926", "928", "929", "931", "933", "935", "936", "937", "938", "940", "941", "942", "943",
    "999",
];

fn valid(la_perm: &str) -> bool {
    matches!(la_perm, "WAL" | "SCO" | "NIR" | "NUK") || LA_NUMBERS.contains(&la_perm)
}

impl Rule for Rule633 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::PreviousPermanence)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.previous_permanence {
            let bad = match &row.la_perm {
                Cell::Value(code) => !valid(code),
                Cell::Invalid(_) => true,
                Cell::Blank => false,
            };
            if bad {
                out.at("PrevPerm", row.at.row_number, id(&row.child), &["LA_PERM"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn unknown_la_codes_fail() {
        let t = tables(
            "//- PrevPerm
             CHILD,LA_PERM
             1,
             2,SCO
             3,204
             4,458
             5,176
             6,wal
             7,Leeds
             8,942",
        );
        assert_eq!(
            findings(&Rule633, &current(&t)),
            vec![(4, "4".into()), (5, "5".into()), (7, "7".into())]
        );
    }
}
