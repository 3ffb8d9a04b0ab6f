//! 345: the council is in touch with the care leaver but activity or accommodation is coded 0
//! (DfE 903 validation rules).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{Accommodation, Activity, InTouch};

pub(crate) struct Rule345;

static META: RuleMeta = RuleMeta {
    code: "345",
    message: "The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.",
    severity: Severity::Error,
    tables: &["OC3"],
    fields: &["ACCOM", "ACTIV", "IN_TOUCH"],
    years: Years::from(2023),
};

impl Rule for Rule345 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc3)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.oc3 {
            let zero =
                row.activ.get() == Some(Activity::A0) || row.accom.get() == Some(Accommodation::A0);
            if row.in_touch.get() == Some(InTouch::YES) && zero {
                out.at(
                    "OC3",
                    row.at.row_number,
                    id(&row.child),
                    &["ACCOM", "ACTIV", "IN_TOUCH"],
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
    fn zero_activity_or_accommodation_when_in_touch_fails() {
        let t = tables(
            "//- OC3
             CHILD,IN_TOUCH,ACTIV,ACCOM
             1,NO,,0
             2,YES,0,
             3,YES,F1,0
             4,YES,F1,B1",
        );
        assert_eq!(
            findings(&Rule345, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
