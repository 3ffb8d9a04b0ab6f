//! 217: a placement for adoption with current foster carers (A3/A5) starting from 1 April 2015
//! must have a reason for new episode of S, T or U (DfE 903 validation rules).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::codes::{PlacementType, ReasonNewEpisode};

pub(crate) struct Rule217;

static META: RuleMeta = RuleMeta {
    code: "217",
    message: "Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DECOM", "PLACE", "RNE"],
    years: Years::from(2023),
};

impl Rule for Rule217 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(from) = NaiveDate::from_ymd_opt(2015, 4, 1) else {
            return;
        };
        for row in &data.current.episodes {
            let with_carers =
                matches!(row.place.get(), Some(PlacementType::A3 | PlacementType::A5));
            let in_scope = row.decom.get().is_some_and(|d| d >= from);
            let allowed = match &row.rne {
                Cell::Value(rne) => matches!(
                    rne,
                    ReasonNewEpisode::S | ReasonNewEpisode::T | ReasonNewEpisode::U
                ),
                Cell::Blank => false,
                Cell::Invalid(_) => true,
            };
            if with_carers && in_scope && !allowed {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["DECOM", "PLACE", "RNE"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a3_a5_need_rne_s_t_or_u() {
        let t = tables(
            "//- Episodes
             CHILD,PLACE,DECOM,RNE
             1,A3,01/04/2015,S
             2,A5,31/12/2015,T
             3,A3,20/02/2016,P
             4,A5,01/01/2017,B
             5,A5,01/04/2013,P
             6,U1,01/10/2017,P
             7,A3,01/05/2025,",
        );
        assert_eq!(
            findings(&Rule217, &current(&t)),
            vec![(3, "3".into()), (4, "4".into()), (7, "7".into())]
        );
    }
}
