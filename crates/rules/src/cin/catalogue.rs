//! Catalogue tests: the registry holds exactly the 2025-26 codes less those deliberately left
//! out (listed with the reason), each tested.
#![cfg(test)]

use std::collections::BTreeSet;

/// Every code of the 2025-26 CIN census rules (`shared/reference/cin-census/rules.csv`).
const EXPECTED_2026: &[&str] = &[
    "100", "1103", "1104", "1105", "1510", "1520", "1530", "1540", "1550", "1560Q", "1570", "1580",
    "2883", "2884", "2885", "2886Q", "2887Q", "2888Q", "2889", "2990", "2991Q", "4000", "4001",
    "4003", "4004", "4008", "4009Q", "4010", "4011", "4012Q", "4013", "4014", "4015", "4016",
    "4017", "4180", "4220", "8500", "8510", "8520", "8525Q", "8530Q", "8535Q", "8540", "8545Q",
    "8555Q", "8565", "8568", "8569Q", "8585Q", "8590", "8600", "8606", "8608", "8610", "8614",
    "8615", "8620", "8630", "8640", "8650", "8670Q", "8675Q", "8696", "8715", "8720", "8730",
    "8736", "8740", "8750", "8770Q", "8772", "8775Q", "8790", "8794", "8805", "8810", "8815",
    "8816", "8820", "8825Q", "8831", "8832", "8839", "8840", "8841", "8842Q", "8863Q", "8866",
    "8867", "8868", "8869", "8870Q", "8873Q", "8875", "8890", "8896", "8897Q", "8898", "8905",
    "8910", "8915", "8920", "8925", "8930", "8935", "8940", "8945Q", "8950Q",
];

/// Codes deliberately not implemented, and why (none: every 2025-26 code is registered).
pub const LEFT_OUT: &[(&str, &str)] = &[];

#[test]
fn the_registry_holds_the_2025_26_catalogue_less_the_listed_gaps() {
    let left_out: BTreeSet<&str> = LEFT_OUT.iter().map(|(c, _)| *c).collect();
    let expected: BTreeSet<&str> = EXPECTED_2026
        .iter()
        .copied()
        .filter(|c| !left_out.contains(c))
        .collect();
    let registered: BTreeSet<&str> = super::RULES.iter().map(|r| r.meta().code).collect();
    assert_eq!(registered, expected);
}

#[test]
fn every_rule_file_has_tests() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/cin");
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let name = entry.file_name().into_string().unwrap();
        if name.starts_with("rule_") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert!(text.contains("#[test]"), "{name} has no test");
        }
    }
}
