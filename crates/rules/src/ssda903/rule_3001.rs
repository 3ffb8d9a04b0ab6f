//! 3001: care-leaver information returned around a young person's 17th birthday gives their
//! accommodation as with former foster carers (DfE 903 validation rules).
//!
//! A young person turning 17 during the collection year (Header date of birth) whose OC3
//! accommodation is `Z1` or `Z2`. The tool lists `REC` as the affected field; the field at fault
//! is `ACCOM`.

use super::util_d::{birthday, dob_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::Accommodation;

pub(crate) struct Rule3001;

static META: RuleMeta = RuleMeta {
    code: "3001",
    message: "Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).",
    severity: Severity::Error,
    tables: &["Header", "OC3"],
    fields: &["ACCOM", "DOB"],
    years: Years::from(2023),
};

impl Rule for Rule3001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Header),
            Needs::Table(Ssda903Table::Oc3),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let dobs = dob_by_child(data.current);
        for row in &data.current.oc3 {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let with_former_carers =
                matches!(row.accom.get(), Some(Accommodation::Z1 | Accommodation::Z2));
            let turns_17_in_year = dobs.get(child).is_some_and(|dob| {
                let seventeen = birthday(*dob, 17);
                seventeen >= data.year_start() && seventeen <= data.year_end()
            });
            if with_former_carers && turns_17_in_year {
                out.at("OC3", row.at.row_number, Some(child), &["ACCOM"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn seventeen_year_olds_with_former_foster_carers_fail() {
        // 1: turns 17 in March 2026. 2: turned 17 in 2024. 3: turns 17, other accommodation.
        let t = tables(
            "//- Header
             CHILD,DOB
             1,16/03/2009
             2,23/09/2007
             3,16/03/2009
             //- OC3
             CHILD,ACCOM
             1,Z1
             2,Z2
             3,T1
             1,z2",
        );
        assert_eq!(
            findings(&Rule3001, &current(&t)),
            vec![(1, "1".into()), (4, "1".into())]
        );
    }
}
