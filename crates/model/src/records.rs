//! The records of a child's journey, from first contact to leaving care, and the workforce around it.
//!
//! Each struct is one kind of record a council's case system holds (the Standard Safeguarding
//! Dataset is the map). Dates are calendar dates; an open episode has `end: None`. Records link to
//! their parents by `RecordId` (an assessment names its referral), never by position.

use crate::codes::*;
use crate::ids::*;
use chrono::NaiveDate;

/// A child (or unborn child) known to children's services.
#[derive(Clone, Debug, PartialEq)]
pub struct Child {
    /// The council's identifier.
    pub id: ChildId,
    /// Unique Pupil Number, when known.
    pub upn: Option<Upn>,
    /// Why there is no UPN.
    pub upn_unknown: Option<UpnUnknown>,
    /// Former UPN, when it changed.
    pub former_upn: Option<Upn>,
    /// Sex.
    pub sex: Sex,
    /// Date of birth; `None` for an unborn child.
    pub date_of_birth: Option<NaiveDate>,
    /// Expected date of birth of an unborn child.
    pub expected_date_of_birth: Option<NaiveDate>,
    /// Date of death.
    pub date_of_death: Option<NaiveDate>,
    /// Ethnic origin.
    pub ethnicity: Ethnicity,
    /// Disabilities (`Disability::NONE` is not stored: an empty list means none recorded).
    pub disabilities: Vec<Disability>,
    /// Unaccompanied asylum-seeking child status.
    pub uasc: Option<UascStatus>,
    /// Postcode of the home address.
    pub home_postcode: Option<Postcode>,
    /// Locality (district) of the council the child lives in.
    pub locality: Option<Locality>,
    /// Whether the child is a mother, and the birth date of her first child (903 `MOTHER`, `MC_DOB`).
    pub motherhood: Option<Motherhood>,
}

/// UASC status: when it began (if known) and when it ceased (normally the 18th birthday).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UascStatus {
    /// Date the child became (or was recorded as) UASC, if known.
    pub from: Option<NaiveDate>,
    /// Date UASC status ceased.
    pub ceased: Option<NaiveDate>,
}

/// A looked-after girl who is a mother.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Motherhood {
    /// Birth date of her (first) child, if known.
    pub first_child_born: Option<NaiveDate>,
}

/// A locality (geographic district) within the council, used for breakdowns and early help.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locality(pub String);

/// The outcome of a contact at the front door.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContactOutcome {
    /// No further action.
    NoFurtherAction,
    /// Advice, information or signposting to another service.
    Signposting,
    /// Passed to early help.
    EarlyHelp,
    /// Accepted as a referral to social care.
    Referral,
}

/// A contact about a child received by the front door (one record per child per contact).
#[derive(Clone, Debug, PartialEq)]
pub struct Contact {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// Date received.
    pub date: NaiveDate,
    /// Who made the contact.
    pub source: ReferralSource,
    /// What happened next.
    pub outcome: ContactOutcome,
}

/// How an early help episode relates to social care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepChange {
    /// Stepped up to social care from early help.
    StepUp,
    /// Stepped down from social care to early help.
    StepDown,
}

/// An episode of early help (early support) for a child.
#[derive(Clone, Debug, PartialEq)]
pub struct EarlyHelpEpisode {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// Locality delivering the help.
    pub locality: Option<Locality>,
    /// Organisation that led the assessment (school, early help team...).
    pub organisation: Option<String>,
    /// Start date.
    pub start: NaiveDate,
    /// End date, if closed.
    pub end: Option<NaiveDate>,
    /// Step up to, or down from, social care.
    pub step: Option<StepChange>,
    /// Allocated worker.
    pub worker: Option<WorkerId>,
}

/// A referral to children's social care: one CIN episode (CIN census `CINdetails`).
#[derive(Clone, Debug, PartialEq)]
pub struct Referral {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// Referral date (CIN `CINreferralDate`).
    pub date: NaiveDate,
    /// Referral source.
    pub source: ReferralSource,
    /// Primary need (N0-N9); may be absent until assessed.
    pub primary_need: Option<PrimaryNeed>,
    /// Whether the referral led to no further action (CIN `ReferralNFA`).
    pub nfa: bool,
    /// Episode closure date.
    pub closure_date: Option<NaiveDate>,
    /// Reason the episode closed.
    pub closure_reason: Option<ReasonForClosure>,
    /// Team holding the episode.
    pub team: Option<TeamId>,
}

/// What an assessment concluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AssessmentOutcome {
    /// No further action.
    NoFurtherAction,
    /// Stepped down to early help.
    EarlyHelp,
    /// Child in need plan.
    CinPlan,
    /// Strategy discussion / section 47 enquiry.
    StrategyDiscussion,
    /// Child became looked after.
    LookedAfter,
}

/// A single (continuous) social work assessment within a CIN episode.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// The referral (CIN episode) it belongs to.
    pub referral: RecordId,
    /// Actual start date (`AssessmentActualStartDate`).
    pub start: NaiveDate,
    /// Authorisation (completion) date (`AssessmentAuthorisationDate`).
    pub authorised: Option<NaiveDate>,
    /// Factors identified at assessment.
    pub factors: Vec<AssessmentFactor>,
    /// Outcome, where the case system records one.
    pub outcome: Option<AssessmentOutcome>,
    /// Assessing worker.
    pub worker: Option<WorkerId>,
}

/// A multi-agency strategy discussion about possible significant harm.
#[derive(Clone, Debug, PartialEq)]
pub struct StrategyDiscussion {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// The referral it belongs to.
    pub referral: RecordId,
    /// Date held.
    pub date: NaiveDate,
    /// Whether it decided to start a section 47 enquiry.
    pub s47_started: bool,
}

/// The outcome of a section 47 enquiry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum S47Outcome {
    /// Concerns not substantiated; no further action.
    NoFurtherAction,
    /// Concerns substantiated, child not at continuing risk: CIN plan.
    CinPlan,
    /// Initial child protection conference to be held.
    Icpc,
}

/// A section 47 (child protection) enquiry.
#[derive(Clone, Debug, PartialEq)]
pub struct Section47 {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// The referral it belongs to.
    pub referral: RecordId,
    /// The strategy discussion that started it, if recorded.
    pub strategy_discussion: Option<RecordId>,
    /// Actual start date (`S47ActualStartDate`).
    pub start: NaiveDate,
    /// Date the enquiry concluded.
    pub end: Option<NaiveDate>,
    /// Target date for the ICPC (`InitialCPCtarget`).
    pub icpc_target: Option<NaiveDate>,
    /// Whether an ICPC is required (`ICPCnotRequired` inverted).
    pub icpc_required: bool,
    /// Outcome.
    pub outcome: Option<S47Outcome>,
}

/// The kind of child protection conference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConferenceKind {
    /// Initial child protection conference.
    Initial,
    /// Transfer-in conference for a child already on a plan in another council.
    TransferIn,
    /// Review conference of an existing plan.
    Review,
}

/// A child protection conference (initial, transfer-in or review).
#[derive(Clone, Debug, PartialEq)]
pub struct ChildProtectionConference {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// The referral it belongs to.
    pub referral: RecordId,
    /// Initial, transfer-in or review.
    pub kind: ConferenceKind,
    /// The section 47 enquiry that led to it (initial conferences).
    pub s47: Option<RecordId>,
    /// The plan it started (initial) or reviewed (review).
    pub plan: Option<RecordId>,
    /// Date held.
    pub date: NaiveDate,
    /// Whether the child was made (or kept) subject to a plan.
    pub plan_decided: bool,
}

/// A child protection plan.
#[derive(Clone, Debug, PartialEq)]
pub struct ChildProtectionPlan {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// The referral it belongs to.
    pub referral: RecordId,
    /// Start date (`CPPstartDate`).
    pub start: NaiveDate,
    /// End date (`CPPendDate`).
    pub end: Option<NaiveDate>,
    /// Initial category of abuse.
    pub initial_category: CategoryOfAbuse,
    /// Latest category of abuse.
    pub latest_category: CategoryOfAbuse,
    /// Number of previous plans the child had (`NumberOfPreviousCPP`).
    pub previous_plans: u32,
}

/// A core group meeting under a child protection plan.
#[derive(Clone, Debug, PartialEq)]
pub struct CoreGroup {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// The plan.
    pub plan: RecordId,
    /// Date held.
    pub date: NaiveDate,
}

/// Which plan a statutory visit was made under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VisitKind {
    /// Child in need visit.
    ChildInNeed,
    /// Child protection visit.
    ChildProtection,
    /// Looked-after child visit.
    LookedAfter,
}

/// A statutory visit to a child.
#[derive(Clone, Debug, PartialEq)]
pub struct Visit {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// Under which plan.
    pub kind: VisitKind,
    /// Date of the visit.
    pub date: NaiveDate,
    /// Whether the child was seen.
    pub seen: bool,
    /// Whether the child was seen alone.
    pub seen_alone: bool,
    /// Visiting worker.
    pub worker: Option<WorkerId>,
}

/// A child in need plan (CIN census `CINPlanDates`).
#[derive(Clone, Debug, PartialEq)]
pub struct CinPlan {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// The referral it belongs to.
    pub referral: RecordId,
    /// Start date.
    pub start: NaiveDate,
    /// End date.
    pub end: Option<NaiveDate>,
}

/// A review of a child in need plan.
#[derive(Clone, Debug, PartialEq)]
pub struct CinPlanReview {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// The plan reviewed.
    pub plan: RecordId,
    /// Date held.
    pub date: NaiveDate,
}

/// One episode of care: a row of the SSDA903 Episodes table. A new episode starts whenever the
/// legal status or placement changes; a period of care is a run of episodes joined by `X1`.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaEpisode {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// Start date (`DECOM`).
    pub start: NaiveDate,
    /// Reason the episode started (`RNE`).
    pub reason_new: ReasonNewEpisode,
    /// Legal status (`LS`).
    pub legal_status: LegalStatus,
    /// Category of need (`CIN`).
    pub category_of_need: CategoryOfNeed,
    /// Placement type (`PLACE`).
    pub placement: PlacementType,
    /// Placement provider (`PLACE_PROVIDER`); absent for temporary placements.
    pub provider: Option<PlacementProvider>,
    /// End date (`DEC`).
    pub end: Option<NaiveDate>,
    /// Reason the episode ended (`REC`).
    pub reason_ceased: Option<ReasonEpisodeCeased>,
    /// Reason the placement changed (`REASON_PLACE_CHANGE`).
    pub reason_place_change: Option<ReasonPlaceChange>,
    /// Home postcode when the period of care began (`HOME_POST`).
    pub home_postcode: Option<Postcode>,
    /// Placement postcode (`PL_POST`).
    pub placement_postcode: Option<Postcode>,
    /// Ofsted URN of the provider (`URN`).
    pub urn: Option<String>,
    /// Council in whose area the placement lies, when known (derived from the postcode).
    pub placement_la: Option<LaCode>,
    /// Straight-line distance from home to placement in miles, when known.
    pub placement_distance_miles: Option<f64>,
}

/// A looked-after child review (903 Reviews).
#[derive(Clone, Debug, PartialEq)]
pub struct ClaReview {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// Date of the review.
    pub date: NaiveDate,
    /// How the child took part.
    pub participation: ReviewParticipation,
}

/// A missing or away-from-placement episode, with the return home interview.
#[derive(Clone, Debug, PartialEq)]
pub struct MissingEpisode {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// Missing (whereabouts unknown) or away.
    pub kind: MissingKind,
    /// Start date.
    pub start: NaiveDate,
    /// Return date.
    pub end: Option<NaiveDate>,
    /// Date a return home interview was offered.
    pub rhi_offered: Option<NaiveDate>,
    /// Date a return home interview took place.
    pub rhi_completed: Option<NaiveDate>,
}

/// A care leaver's circumstances around a birthday from 17 to 21 (903 OC3).
#[derive(Clone, Debug, PartialEq)]
pub struct CareLeaverContact {
    /// Record id.
    pub id: RecordId,
    /// The young person.
    pub child: ChildId,
    /// The birthday the information relates to (17 to 21).
    pub birthday_age: u8,
    /// Date of the latest contact around that birthday.
    pub contact_date: Option<NaiveDate>,
    /// Whether the council is in touch.
    pub in_touch: InTouch,
    /// Main activity.
    pub activity: Activity,
    /// Accommodation and its suitability.
    pub accommodation: Accommodation,
}

/// A pathway plan (or its review) for a care leaver.
#[derive(Clone, Debug, PartialEq)]
pub struct PathwayPlan {
    /// Record id.
    pub id: RecordId,
    /// The young person.
    pub child: ChildId,
    /// Date the plan was made or last reviewed.
    pub date: NaiveDate,
    /// Personal adviser.
    pub personal_adviser: Option<WorkerId>,
}

/// The order that secured permanence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PermanenceOrder {
    /// Adoption order.
    Adoption,
    /// Special guardianship order.
    SpecialGuardianship,
    /// Child arrangements (formerly residence) order.
    ChildArrangements,
}

/// The adopters' details returned in 903 AD1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adopters {
    /// Adopted by former foster carers.
    pub foster_carers: bool,
    /// Number of adopters (1 or 2).
    pub count: u8,
    /// Sex of the adopter(s).
    pub sex: AdopterSex,
    /// Legal status of the adopter(s).
    pub legal_status: AdopterLegalStatus,
}

/// Permanence milestones for one period of care (SSD `ssd_permanence`, 903 AD1 and PlacedAdoption).
#[derive(Clone, Debug, PartialEq)]
pub struct Permanence {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// Date the permanence plan was agreed (e.g. at the second review).
    pub plan_date: Option<NaiveDate>,
    /// Agency decision maker's decision that the child should be placed for adoption (903 `DATE_INT`/`DATE_PLACED`).
    pub adm_decision: Option<NaiveDate>,
    /// Placement order granted.
    pub placement_order: Option<NaiveDate>,
    /// Matched with adopters.
    pub matched: Option<NaiveDate>,
    /// Placed for adoption.
    pub placed_for_adoption: Option<NaiveDate>,
    /// Decision that the child should no longer be placed for adoption.
    pub decision_reversed: Option<NaiveDate>,
    /// Why the decision was reversed.
    pub reversal_reason: Option<ReasonPlacedCeased>,
    /// The order made, if any.
    pub order: Option<PermanenceOrder>,
    /// Date of the order.
    pub order_date: Option<NaiveDate>,
    /// Adopters, for adoptions.
    pub adopters: Option<Adopters>,
}

/// A permanence order the child had before this period of care (903 PrevPerm).
#[derive(Clone, Debug, PartialEq)]
pub struct PreviousPermanenceRecord {
    /// The child.
    pub child: ChildId,
    /// Kind of previous permanence.
    pub kind: PreviousPermanence,
    /// Council that arranged it (old 3-digit code or WAL/SCO/NIR/NUK).
    pub la: Option<String>,
    /// Date of the order; day or month may be unknown (`ZZ` in the 903).
    pub date: Option<PartialDate>,
}

/// A date whose day, month or year may be unknown, as the 903 allows for previous permanence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    /// Day of month, if known.
    pub day: Option<u8>,
    /// Month, if known.
    pub month: Option<u8>,
    /// Year, if known.
    pub year: Option<u16>,
}

/// Health and wellbeing outcomes of a child looked after for 12+ months (903 OC2).
#[derive(Clone, Debug, PartialEq)]
pub struct ClaHealthOutcome {
    /// The child.
    pub child: ChildId,
    /// Year ending 31 March that the outcomes relate to.
    pub year_ending: i32,
    /// SDQ score 0-40.
    pub sdq_score: Option<u8>,
    /// Why no SDQ score.
    pub sdq_reason: Option<SdqReason>,
    /// Convicted or warned in the year (aged 10+).
    pub convicted: Option<bool>,
    /// Development assessments up to date (under 5s).
    pub health_check: Option<bool>,
    /// Immunisations up to date.
    pub immunisations: Option<bool>,
    /// Dental check.
    pub teeth_check: Option<bool>,
    /// Annual health assessment.
    pub health_assessment: Option<bool>,
    /// Substance misuse identified.
    pub substance_misuse: Option<bool>,
    /// Intervention received.
    pub intervention_received: Option<bool>,
    /// Intervention offered.
    pub intervention_offered: Option<bool>,
}

/// The role a member of staff plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WorkerRole {
    /// Qualified social worker who can hold cases.
    SocialWorker,
    /// Personal adviser to care leavers.
    PersonalAdviser,
    /// Team manager.
    TeamManager,
    /// Early help practitioner.
    EarlyHelpWorker,
}

/// A member of staff.
#[derive(Clone, Debug, PartialEq)]
pub struct Worker {
    /// Pseudonymised id (starts `SW` for social workers).
    pub id: WorkerId,
    /// Team.
    pub team: TeamId,
    /// Role.
    pub role: WorkerRole,
    /// Full-time equivalent, e.g. 1.0 or 0.6.
    pub fte: f64,
    /// Agency (locum) worker.
    pub agency: bool,
    /// Start in post.
    pub start: NaiveDate,
    /// Left post.
    pub end: Option<NaiveDate>,
}

/// The service a team provides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Service {
    /// Front door / MASH.
    FrontDoor,
    /// Early support.
    EarlySupport,
    /// Assessment and intervention (including child protection).
    AssessmentIntervention,
    /// Children with disabilities.
    Disabilities,
    /// Children looked after.
    LookedAfter,
    /// Leaving care.
    LeavingCare,
    /// Fostering and adoption.
    FosteringAdoption,
}

/// A team.
#[derive(Clone, Debug, PartialEq)]
pub struct Team {
    /// Id.
    pub id: TeamId,
    /// Display name.
    pub name: String,
    /// Service.
    pub service: Service,
    /// Locality served, if geographic.
    pub locality: Option<Locality>,
}

/// Allocation of a child's case to a worker: caseloads, and the 903 social worker episodes.
#[derive(Clone, Debug, PartialEq)]
pub struct Allocation {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// The worker.
    pub worker: WorkerId,
    /// Start.
    pub start: NaiveDate,
    /// End.
    pub end: Option<NaiveDate>,
    /// Why the worker changed (903 `SW_REASON`).
    pub reason: Option<SwChangeReason>,
}

/// A case supervision of a worker by a manager, about one child.
#[derive(Clone, Debug, PartialEq)]
pub struct Supervision {
    /// Record id.
    pub id: RecordId,
    /// Worker supervised.
    pub worker: WorkerId,
    /// The child discussed.
    pub child: Option<ChildId>,
    /// Date.
    pub date: NaiveDate,
}

/// A case audit grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AuditGrade {
    /// Outstanding.
    Outstanding,
    /// Good.
    Good,
    /// Requires improvement to be good.
    RequiresImprovement,
    /// Inadequate.
    Inadequate,
}

/// A quality-assurance audit of a child's case file.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseAudit {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// Worker whose practice was audited.
    pub worker: Option<WorkerId>,
    /// Due date.
    pub due: NaiveDate,
    /// Completion date.
    pub completed: Option<NaiveDate>,
    /// Grade, once completed.
    pub grade: Option<AuditGrade>,
}

/// A complaint about children's services.
#[derive(Clone, Debug, PartialEq)]
pub struct Complaint {
    /// Record id.
    pub id: RecordId,
    /// The child concerned, if any.
    pub child: Option<ChildId>,
    /// Received.
    pub received: NaiveDate,
    /// Responded to.
    pub responded: Option<NaiveDate>,
}

/// Kind of foster household.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FosterHouseholdKind {
    /// Approved by the council's own fostering service.
    InHouse,
    /// Independent fostering agency.
    IndependentAgency,
    /// Connected persons (family and friends, including regulation 24).
    FamilyAndFriends,
}

/// A foster household.
#[derive(Clone, Debug, PartialEq)]
pub struct FosterHousehold {
    /// Id.
    pub id: HouseholdId,
    /// Kind.
    pub kind: FosterHouseholdKind,
    /// Approval date.
    pub approved: NaiveDate,
    /// De-registration date.
    pub deregistered: Option<NaiveDate>,
    /// Approved places.
    pub places: u8,
}

/// A private fostering arrangement notified to the council.
#[derive(Clone, Debug, PartialEq)]
pub struct PrivateFostering {
    /// Record id.
    pub id: RecordId,
    /// The child.
    pub child: ChildId,
    /// Date notified.
    pub notified: NaiveDate,
    /// Arrangement start.
    pub start: NaiveDate,
    /// Arrangement end.
    pub end: Option<NaiveDate>,
    /// Suitability assessment completed.
    pub assessed: Option<NaiveDate>,
}

/// Outcome of an allegation against a professional.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LadoOutcome {
    /// Substantiated.
    Substantiated,
    /// Unsubstantiated.
    Unsubstantiated,
    /// False or malicious.
    False,
    /// Unfounded.
    Unfounded,
}

/// An allegation against a professional who works with children, managed by the LADO.
#[derive(Clone, Debug, PartialEq)]
pub struct LadoAllegation {
    /// Record id.
    pub id: RecordId,
    /// The child concerned, if recorded.
    pub child: Option<ChildId>,
    /// Received.
    pub received: NaiveDate,
    /// Concluded.
    pub concluded: Option<NaiveDate>,
    /// Outcome.
    pub outcome: Option<LadoOutcome>,
}
