//! One table per record kind, the same for every backend: which columns hold which field, in
//! which order.
//!
//! Each table is named after its `CaseRecords` field and starts with `snapshot_id` and `seq` (the
//! record's index within its kind, which restores the original order). The column lists here must
//! match the migrations exactly; a test compares them, and the keys, with the live schema.
//!
//! `read` builds each record with a struct literal naming every field, so a field added to the
//! model fails to compile here until it is stored.

use super::columns::{ColumnError, ColumnSink, ColumnSource, Columns};
use sightline_model::ids::ChildId;
use sightline_model::records::*;

/// How a table relates to children, which decides its keys (see the migration's header).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ChildKey {
    /// Every record names a child: keyed and clustered by `(snapshot_id, child_id, seq)`.
    Required,
    /// Records may name a child: keyed by `(snapshot_id, seq)`, indexed `<table>_by_child`.
    Optional,
    /// No child column.
    Absent,
}

/// How one record kind maps to its table.
pub(crate) trait Table: Sized {
    /// The record's columns after `snapshot_id` and `seq`, in order.
    const COLUMNS: &'static [&'static str];
    /// Whether and how the table has a `child_id` column.
    const CHILD: ChildKey;
    /// The child the record names, if any.
    fn child_id(&self) -> Option<&ChildId>;
    fn write<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError>;
    fn read<R: ColumnSource>(r: &mut R) -> Result<Self, ColumnError>;
}

macro_rules! table {
    (@child $record:ident, required $field:ident) => { Some(&$record.$field) };
    (@child $record:ident, optional $field:ident) => { $record.$field.as_ref() };
    (@child $record:ident, absent) => { None };
    (@key required $field:ident) => { ChildKey::Required };
    (@key optional $field:ident) => { ChildKey::Optional };
    (@key absent) => { ChildKey::Absent };
    (
        $ty:ident, child: $how:ident $($child:ident)? {
            $($field:ident: $($column:literal),+;)+
        }
    ) => {
        impl Table for $ty {
            const COLUMNS: &'static [&'static str] = &[$($($column,)+)+];
            const CHILD: ChildKey = table!(@key $how $($child)?);

            fn child_id(&self) -> Option<&ChildId> {
                table!(@child self, $how $($child)?)
            }

            fn write<W: ColumnSink>(&self, w: &mut W) -> Result<(), ColumnError> {
                $(self.$field.write(w)?;)+
                Ok(())
            }

            fn read<R: ColumnSource>(r: &mut R) -> Result<Self, ColumnError> {
                Ok($ty { $($field: Columns::read(r)?,)+ })
            }
        }
    };
}

table!(Child, child: required id {
    id: "child_id";
    upn: "upn";
    upn_unknown: "upn_unknown";
    former_upn: "former_upn";
    sex: "sex";
    date_of_birth: "date_of_birth";
    expected_date_of_birth: "expected_date_of_birth";
    date_of_death: "date_of_death";
    ethnicity: "ethnicity";
    disabilities: "disabilities";
    uasc: "is_uasc", "uasc_from", "uasc_ceased";
    home_postcode: "home_postcode";
    locality: "locality";
    motherhood: "is_mother", "mother_first_child_born";
});

table!(Contact, child: required child {
    id: "id";
    child: "child_id";
    date: "date";
    source: "source";
    outcome: "outcome";
});

table!(EarlyHelpEpisode, child: required child {
    id: "id";
    child: "child_id";
    locality: "locality";
    organisation: "organisation";
    start: "start_date";
    end: "end_date";
    step: "step";
    worker: "worker_id";
});

table!(Referral, child: required child {
    id: "id";
    child: "child_id";
    date: "date";
    source: "source";
    primary_need: "primary_need";
    nfa: "nfa";
    closure_date: "closure_date";
    closure_reason: "closure_reason";
    team: "team_id";
});

table!(Assessment, child: required child {
    id: "id";
    child: "child_id";
    referral: "referral_id";
    start: "start_date";
    authorised: "authorised";
    factors: "factors";
    outcome: "outcome";
    worker: "worker_id";
});

table!(StrategyDiscussion, child: required child {
    id: "id";
    child: "child_id";
    referral: "referral_id";
    date: "date";
    s47_started: "s47_started";
});

table!(Section47, child: required child {
    id: "id";
    child: "child_id";
    referral: "referral_id";
    strategy_discussion: "strategy_discussion_id";
    start: "start_date";
    end: "end_date";
    icpc_target: "icpc_target";
    icpc_required: "icpc_required";
    outcome: "outcome";
});

table!(ChildProtectionConference, child: required child {
    id: "id";
    child: "child_id";
    referral: "referral_id";
    kind: "kind";
    s47: "s47_id";
    plan: "plan_id";
    date: "date";
    plan_decided: "plan_decided";
});

table!(ChildProtectionPlan, child: required child {
    id: "id";
    child: "child_id";
    referral: "referral_id";
    start: "start_date";
    end: "end_date";
    initial_category: "initial_category";
    latest_category: "latest_category";
    previous_plans: "previous_plans";
});

table!(CoreGroup, child: required child {
    id: "id";
    child: "child_id";
    plan: "plan_id";
    date: "date";
});

table!(Visit, child: required child {
    id: "id";
    child: "child_id";
    kind: "kind";
    date: "date";
    seen: "seen";
    seen_alone: "seen_alone";
    worker: "worker_id";
});

table!(CinPlan, child: required child {
    id: "id";
    child: "child_id";
    referral: "referral_id";
    start: "start_date";
    end: "end_date";
});

table!(CinPlanReview, child: required child {
    id: "id";
    child: "child_id";
    plan: "plan_id";
    date: "date";
});

table!(ClaEpisode, child: required child {
    id: "id";
    child: "child_id";
    start: "start_date";
    reason_new: "reason_new";
    legal_status: "legal_status";
    category_of_need: "category_of_need";
    placement: "placement";
    provider: "provider";
    end: "end_date";
    reason_ceased: "reason_ceased";
    reason_place_change: "reason_place_change";
    home_postcode: "home_postcode";
    placement_postcode: "placement_postcode";
    urn: "urn";
    placement_la: "placement_la";
    placement_distance_miles: "placement_distance_miles";
});

table!(ClaReview, child: required child {
    id: "id";
    child: "child_id";
    date: "date";
    participation: "participation";
});

table!(MissingEpisode, child: required child {
    id: "id";
    child: "child_id";
    kind: "kind";
    start: "start_date";
    end: "end_date";
    rhi_offered: "rhi_offered";
    rhi_completed: "rhi_completed";
});

table!(CareLeaverContact, child: required child {
    id: "id";
    child: "child_id";
    birthday_age: "birthday_age";
    contact_date: "contact_date";
    in_touch: "in_touch";
    activity: "activity";
    accommodation: "accommodation";
});

table!(PathwayPlan, child: required child {
    id: "id";
    child: "child_id";
    date: "date";
    personal_adviser: "personal_adviser_id";
});

table!(Permanence, child: required child {
    id: "id";
    child: "child_id";
    plan_date: "plan_date";
    adm_decision: "adm_decision";
    placement_order: "placement_order";
    matched: "matched";
    placed_for_adoption: "placed_for_adoption";
    decision_reversed: "decision_reversed";
    reversal_reason: "reversal_reason";
    order: "order_kind";
    order_date: "order_date";
    adopters: "adopters_foster_carers", "adopters_count", "adopters_sex", "adopters_legal_status";
});

table!(PreviousPermanenceRecord, child: required child {
    child: "child_id";
    kind: "kind";
    la: "la";
    date: "has_date", "date_day", "date_month", "date_year";
});

table!(ClaHealthOutcome, child: required child {
    child: "child_id";
    year_ending: "year_ending";
    sdq_score: "sdq_score";
    sdq_reason: "sdq_reason";
    convicted: "convicted";
    health_check: "health_check";
    immunisations: "immunisations";
    teeth_check: "teeth_check";
    health_assessment: "health_assessment";
    substance_misuse: "substance_misuse";
    intervention_received: "intervention_received";
    intervention_offered: "intervention_offered";
});

table!(Team, child: absent {
    id: "id";
    name: "name";
    service: "service";
    locality: "locality";
});

table!(Worker, child: absent {
    id: "id";
    team: "team_id";
    role: "role";
    fte: "fte";
    agency: "agency";
    start: "start_date";
    end: "end_date";
});

table!(Allocation, child: required child {
    id: "id";
    child: "child_id";
    worker: "worker_id";
    start: "start_date";
    end: "end_date";
    reason: "reason";
});

table!(Supervision, child: optional child {
    id: "id";
    worker: "worker_id";
    child: "child_id";
    date: "date";
});

table!(CaseAudit, child: required child {
    id: "id";
    child: "child_id";
    worker: "worker_id";
    due: "due";
    completed: "completed";
    grade: "grade";
});

table!(Complaint, child: optional child {
    id: "id";
    child: "child_id";
    received: "received";
    responded: "responded";
});

table!(FosterHousehold, child: absent {
    id: "id";
    kind: "kind";
    approved: "approved";
    deregistered: "deregistered";
    places: "places";
});

table!(PrivateFostering, child: required child {
    id: "id";
    child: "child_id";
    notified: "notified";
    start: "start_date";
    end: "end_date";
    assessed: "assessed";
});

table!(LadoAllegation, child: optional child {
    id: "id";
    child: "child_id";
    received: "received";
    concluded: "concluded";
    outcome: "outcome";
});
