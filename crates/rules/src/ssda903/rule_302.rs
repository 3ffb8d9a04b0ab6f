//! 302: the child's first episode starts before their date of birth (DfE 903 validation rules).
//!
//! Reported on the first episode (earliest DECOM); the tool also reports the Header row.

use super::util_b::{dob_by_child, episodes_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule302;

static META: RuleMeta = RuleMeta {
    code: "302",
    message: "First episode starts before child was born.",
    severity: Severity::Error,
    tables: &["Episodes", "Header"],
    fields: &["DECOM", "DOB"],
    years: Years::from(2023),
};

impl Rule for Rule302 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let dobs = dob_by_child(data.current);
        let mut found: Vec<_> = episodes_by_child(data.current)
            .into_iter()
            .filter_map(|(child, episodes)| {
                let first = episodes.first()?;
                let before_birth = first.decom.get()? < *dobs.get(child)?;
                before_birth.then_some(*first)
            })
            .collect();
        found.sort_by_key(|row| row.at.row_number);
        for row in found {
            out.at(
                "Episodes",
                row.at.row_number,
                id(&row.child),
                &["DECOM", "DOB"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_first_episode_before_birth_fails() {
        let t = tables(
            "//- Header
             CHILD,DOB
             1,16/03/2021
             2,23/09/2019
             3,01/01/1995
             //- Episodes
             CHILD,DECOM
             1,16/03/2021
             2,17/06/2020
             1,20/03/2020
             3,03/04/1994
             3,01/02/1988",
        );
        assert_eq!(
            findings(&Rule302, &current(&t)),
            vec![(3, "1".into()), (5, "3".into())]
        );
    }
}
