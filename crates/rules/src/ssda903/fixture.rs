//! Compact multi-table fixtures for rule tests: `//- Table` sections of CSV holding only the
//! columns a test needs; the other columns of the table are added blank.
#![cfg(test)]

use super::Ssda903Return;
use sightline_formats::ssda903::{Ssda903Table, Ssda903Tables, parse_tables};
use std::path::PathBuf;

/// Parses a fixture such as
/// ```text
/// //- Header
/// CHILD,ETHNIC
/// 1,WBRI
/// 2,XXXX
/// ```
pub fn tables(text: &str) -> Ssda903Tables {
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for section in text.split("//- ").filter(|s| !s.trim().is_empty()) {
        let (name, body) = section.split_once('\n').unwrap_or((section, ""));
        let table = Ssda903Table::from_name(name.trim())
            .unwrap_or_else(|| panic!("unknown table {name:?} in fixture"));
        let mut lines = body.lines().map(str::trim).filter(|l| !l.is_empty());
        let given: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
        let all = table.columns();
        let mut csv = all.join(",");
        csv.push('\n');
        for line in lines {
            let cells: Vec<&str> = line.split(',').collect();
            let row: Vec<&str> = all
                .iter()
                .map(|col| {
                    given
                        .iter()
                        .position(|g| g == col)
                        .and_then(|i| cells.get(i).copied())
                        .unwrap_or("")
                })
                .collect();
            csv.push_str(&row.join(","));
            csv.push('\n');
        }
        files.push((
            PathBuf::from(format!("{}.csv", table.file_name())),
            csv.into_bytes(),
        ));
    }
    let inputs: Vec<(&std::path::Path, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.as_path(), b.as_slice()))
        .collect();
    parse_tables(&inputs).expect("fixture parses")
}

/// A return for the 2025-26 collection over `current`.
pub fn current(current: &Ssda903Tables) -> Ssda903Return<'_> {
    Ssda903Return {
        current,
        previous: None,
        year: 2026,
        postcodes: None,
        la_code: None,
        providers: None,
    }
}

/// The row numbers and children the rule `code` reports on `data`.
pub fn findings(rule: &dyn super::Rule, data: &Ssda903Return) -> Vec<(u64, String)> {
    let mut out = crate::engine::Findings::new(rule.meta());
    rule.check(data, &mut out);
    out.into_vec()
        .into_iter()
        .map(|f| (f.row_number.unwrap_or(0), f.child_id.unwrap_or_default()))
        .collect()
}
