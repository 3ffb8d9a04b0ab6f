//! Rates and sizes of the synthetic council, per 100,000 children aged 0-17, in one place; the
//! public constants are the practice-standard intervals the generator aims at, for tests and
//! reports that measure timeliness the same way.
//!
//! Volumes scale linearly with the population. The figures are calibrated against the Kirklees
//! 2019/20 improvement plan (about 100,000 children) and national DfE figures; the calibration
//! test checks the outcome within 15%.

/// Random stream ids: each kind of unit draws from its own streams.
pub(crate) const STREAM_WORKFORCE: u64 = 1;
pub(crate) const STREAM_PLAN: u64 = 2;
pub(crate) const STREAM_HOUSEHOLDS: u64 = 3;
pub(crate) const STREAM_UNITS: u64 = 10;

/// New children reaching the front door per month (their first contact in the simulation).
pub(crate) const FRONT_DOOR_UNITS: f64 = 790.0;
/// Children starting a first period of care per month (re-entries come on top).
pub(crate) const CARE_ENTRANTS: f64 = 15.0;
/// Disabled children starting a series of short breaks per month.
pub(crate) const SHORT_BREAK_UNITS: f64 = 0.45;
/// Private fostering notifications per month.
pub(crate) const PRIVATE_FOSTERING_UNITS: f64 = 1.0;

/// Years of front-door history simulated before the range, so re-referrals, open cases and
/// child protection plans are at their steady level from the first month.
pub(crate) const FRONT_DOOR_WARM_UP_YEARS: u32 = 3;
/// Years of care entries simulated before the range: long enough for a child who entered care as
/// a baby to be a care leaver aged 21 at the start.
pub(crate) const CARE_WARM_UP_YEARS: u32 = 22;

/// Case-holding posts per 100,000 children, by team kind (average caseload about 17 per FTE).
pub(crate) const AI_POSTS: f64 = 112.0;
pub(crate) const CWD_POSTS: f64 = 9.0;
pub(crate) const CLA_POSTS: f64 = 42.0;
pub(crate) const PA_POSTS: f64 = 9.0;
pub(crate) const EH_POSTS: f64 = 60.0;
/// Share of social workers who are agency (locum) staff.
pub(crate) const AGENCY_SHARE: f64 = 0.18;

/// Subsequent core groups are due this many working days after the previous one (4 weeks), the
/// interval the calibration test uses; the initial core group is due within 10 working days.
pub const CORE_GROUP_INTERVAL_WORKING_DAYS: u32 = 20;
/// Child protection visits are due within this many working days of the previous visit.
pub const CP_VISIT_INTERVAL_WORKING_DAYS: u32 = 15;
/// Looked-after visits are due within this many days of the previous one (six weeks).
pub const CLA_VISIT_INTERVAL_DAYS: i64 = 42;

/// Foster households approved (in-house and family and friends) per month.
pub(crate) const FOSTER_APPROVALS: f64 = 2.0;
/// Mean time a household stays approved, in months (about 3 de-registrations a month at the
/// range's stock).
pub(crate) const FOSTER_MEAN_TENURE_MONTHS: f64 = 64.0;
/// In-house and family-and-friends households approved at the start of the range (the household
/// register is simulated from then on; earlier approvals appear only as approval dates).
pub(crate) const FOSTER_INITIAL_STOCK: f64 = 285.0;
