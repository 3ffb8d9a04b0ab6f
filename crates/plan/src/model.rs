//! The improvement plan as typed values: what the TOML file says once parsed and checked.
//!
//! Not `Deserialize`: the file's shape lives in `parse.rs` (STYLE.md §3), so the model can change
//! without changing the format, and every value here has already passed validation.

use chrono::NaiveDate;
use sightline_measures::benchmarks::SnVersion;
use sightline_measures::indicator::Polarity;
use sightline_measures::period::Month;
use sightline_measures::targets::Tolerance;
use sightline_model::ids::LaCode;

/// A whole improvement plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Title, e.g. "Children's Services Improvement Plan 2019/20".
    pub title: String,
    /// The council, e.g. "Kirklees Council".
    pub council: String,
    /// DfE LA number of the council, for benchmarks.
    pub la_code: LaCode,
    /// First day the plan runs.
    pub start: NaiveDate,
    /// Last day the plan runs (inclusive).
    pub end: NaiveDate,
    /// Statistical-neighbour groupings for benchmarks.
    pub statistical_neighbours: SnVersion,
    /// Default amber band of the plan's targets.
    pub tolerance: Tolerance,
    /// The improvement journey's phases, in order.
    pub phases: Vec<Phase>,
    /// Inspections whose judgements and recommendations the plan answers.
    pub inspections: Vec<Inspection>,
    /// Recommendations of every body (Ofsted, safeguarding board...).
    pub recommendations: Vec<Recommendation>,
    /// The priorities, each a "plan on a page".
    pub priorities: Vec<Priority>,
    /// Boards and panels that oversee the plan.
    pub governance: Vec<GovernanceBody>,
    /// The progress log as written in the file, oldest first.
    pub updates: Vec<ProgressUpdate>,
}

impl Plan {
    /// Whether `date` falls in the plan period.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// The priority with this id.
    pub fn priority(&self, id: &str) -> Option<&Priority> {
        self.priorities.iter().find(|p| p.id == id)
    }

    /// The recommendation with this id.
    pub fn recommendation(&self, id: &str) -> Option<&Recommendation> {
        self.recommendations.iter().find(|r| r.id == id)
    }

    /// Every action that cites recommendation `id`, with its priority.
    pub fn actions_addressing<'a>(
        &'a self,
        id: &'a str,
    ) -> impl Iterator<Item = (&'a Priority, &'a Action)> + 'a {
        self.priorities.iter().flat_map(move |p| {
            p.actions
                .iter()
                .filter(move |a| a.recommendations.iter().any(|r| r == id))
                .map(move |a| (p, a))
        })
    }
}

/// A phase of the improvement journey ("Responding", "Strengthening", ...).
#[derive(Clone, Debug, PartialEq)]
pub struct Phase {
    /// Short id, e.g. `"3"`.
    pub id: String,
    /// Name, e.g. "Embedding and adapting".
    pub name: String,
    /// When it began.
    pub start: NaiveDate,
    /// Sub-title, e.g. "Improvement plan year three".
    pub subtitle: Option<String>,
    /// What the phase is for.
    pub description: Option<String>,
    /// Its milestones, as printed.
    pub milestones: Vec<String>,
}

/// An inspection and its graded judgements.
#[derive(Clone, Debug, PartialEq)]
pub struct Inspection {
    /// Short id, e.g. `ofsted-2019`.
    pub id: String,
    /// The inspecting body, e.g. "Ofsted".
    pub body: String,
    /// What was inspected.
    pub title: String,
    /// Date the inspection ended or was published.
    pub date: NaiveDate,
    /// Judgements, in the report's order.
    pub judgements: Vec<Judgement>,
}

/// One graded judgement of an inspection.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    /// What is judged, e.g. "Overall effectiveness".
    pub area: String,
    /// The grade as published, e.g. "Requires improvement to be good".
    pub grade: String,
}

/// A recommendation the plan must address.
#[derive(Clone, Debug, PartialEq)]
pub struct Recommendation {
    /// Id used in references, e.g. `O1` or `KSCB3`.
    pub id: String,
    /// The body that made it, e.g. "Ofsted".
    pub body: String,
    /// The inspection it comes from, if listed.
    pub inspection: Option<String>,
    /// The recommendation's text.
    pub text: String,
}

/// A priority: one "plan on a page".
#[derive(Clone, Debug, PartialEq)]
pub struct Priority {
    /// Id, e.g. `P1`.
    pub id: String,
    /// Title, e.g. "Early Support".
    pub title: String,
    /// Strategic owner, as printed.
    pub owner: String,
    /// Recommendations the priority is aligned to (the plan's alignment table).
    pub alignment: Vec<String>,
    /// Free-text alignment where there is no reference (e.g. "Whole system approach").
    pub alignment_note: Option<String>,
    /// "What we are aiming for".
    pub aims: Vec<String>,
    /// "How we will do this".
    pub actions: Vec<Action>,
    /// "How we will know we are succeeding".
    pub measures: Vec<SuccessMeasure>,
}

/// One action of a priority.
#[derive(Clone, Debug, PartialEq)]
pub struct Action {
    /// Id within the priority, e.g. `A3`.
    pub id: String,
    /// What will be done.
    pub text: String,
    /// Sub-bullets, as printed.
    pub details: Vec<String>,
    /// Who is accountable (the priority's owner when the file names none).
    pub owner: String,
    /// When it is due, within the plan period.
    pub due: Option<NaiveDate>,
    /// Recommendations it addresses.
    pub recommendations: Vec<String>,
    /// Status as written in the file; progress updates may move it on
    /// ([`crate::updates::current_status`]).
    pub status: ActionStatus,
}

/// Where an action stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActionStatus {
    /// Not begun.
    NotStarted,
    /// Progressing as planned.
    OnTrack,
    /// Might miss its due date or outcome.
    AtRisk,
    /// Will miss its due date or outcome without intervention.
    OffTrack,
    /// Done.
    Complete,
}

impl ActionStatus {
    /// Every status, in the order reports list them.
    pub const ALL: [ActionStatus; 5] = [
        ActionStatus::NotStarted,
        ActionStatus::OnTrack,
        ActionStatus::AtRisk,
        ActionStatus::OffTrack,
        ActionStatus::Complete,
    ];

    /// The name used in the file: `not started`, `on track`, `at risk`, `off track`, `complete`.
    pub fn name(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "not started",
            ActionStatus::OnTrack => "on track",
            ActionStatus::AtRisk => "at risk",
            ActionStatus::OffTrack => "off track",
            ActionStatus::Complete => "complete",
        }
    }

    /// Label for reports.
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "Not started",
            ActionStatus::OnTrack => "On track",
            ActionStatus::AtRisk => "At risk",
            ActionStatus::OffTrack => "Off track",
            ActionStatus::Complete => "Complete",
        }
    }

    /// Parses a file name (case and `-`/`_`/space insensitive).
    pub fn parse(text: &str) -> Option<ActionStatus> {
        let norm: String = text
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == '-' || c == '_' { ' ' } else { c })
            .collect();
        ActionStatus::ALL.into_iter().find(|s| s.name() == norm)
    }
}

/// A "how we will know we are succeeding" line, optionally measured by an indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct SuccessMeasure {
    /// The plan's wording.
    pub text: String,
    /// Indicator id in the measures catalogue, when one measures it.
    pub indicator: Option<String>,
    /// Target: green when met.
    pub target: Option<f64>,
    /// Stretch target: blue when met (green when there is no target).
    pub stretch: Option<f64>,
    /// Overrides the indicator's polarity when the plan judges differently.
    pub polarity: Option<Polarity>,
    /// This target's own amber band (else the plan's).
    pub tolerance: Option<Tolerance>,
    /// First month the target applies (default: the plan's first month).
    pub from: Option<Month>,
    /// Last month the target applies (default: the plan's last month).
    pub to: Option<Month>,
    /// Status text for measures reported without figures (e.g. "Due to be rolled out").
    pub update: Option<String>,
    /// Free text shown with the target.
    pub note: Option<String>,
    /// Line of the measure in the file, for messages.
    pub line: usize,
}

/// A board, panel or partnership that oversees the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct GovernanceBody {
    /// Id, e.g. `improvement-board`.
    pub id: String,
    /// Name, e.g. "Improvement Board".
    pub name: String,
    /// Its role, as printed.
    pub role: String,
    /// Who chairs it.
    pub chair: Option<String>,
    /// The reports it receives.
    pub receives: Vec<ReportSchedule>,
}

/// A report a body receives and how often.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportSchedule {
    /// Which report.
    pub report: ReportKind,
    /// How often.
    pub frequency: Frequency,
    /// Free text (e.g. which priorities it covers).
    pub note: Option<String>,
}

/// The reports Sightline produces, and others a body receives.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ReportKind {
    /// The Improvement Board performance pack (`board-pack`).
    BoardPack,
    /// The "Number of children in care" scrutiny report (`children-in-care`).
    ChildrenInCare,
    /// Team managers' worklists (`worklists`).
    Worklists,
    /// The data-quality report (`data-quality`).
    DataQuality,
    /// A report Sightline does not produce (`other`, described by its title).
    Other(String),
}

impl ReportKind {
    /// The name used in the file (`other` for [`ReportKind::Other`]).
    pub fn name(&self) -> &str {
        match self {
            ReportKind::BoardPack => "board-pack",
            ReportKind::ChildrenInCare => "children-in-care",
            ReportKind::Worklists => "worklists",
            ReportKind::DataQuality => "data-quality",
            ReportKind::Other(_) => "other",
        }
    }

    /// Label for reports.
    pub fn label(&self) -> &str {
        match self {
            ReportKind::BoardPack => "Improvement Board performance pack",
            ReportKind::ChildrenInCare => "Number of children in care report",
            ReportKind::Worklists => "Team manager worklists",
            ReportKind::DataQuality => "Data-quality report",
            ReportKind::Other(title) => title,
        }
    }
}

/// How often a report is received.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Frequency {
    /// Every week.
    Weekly,
    /// Every month.
    Monthly,
    /// Every two months.
    BiMonthly,
    /// Every three months.
    Quarterly,
    /// Every six months.
    SixMonthly,
    /// Once a year.
    Annually,
    /// When the body asks or the work programme schedules it.
    AsRequired,
}

impl Frequency {
    /// Every frequency.
    pub const ALL: [Frequency; 7] = [
        Frequency::Weekly,
        Frequency::Monthly,
        Frequency::BiMonthly,
        Frequency::Quarterly,
        Frequency::SixMonthly,
        Frequency::Annually,
        Frequency::AsRequired,
    ];

    /// The name used in the file.
    pub fn name(self) -> &'static str {
        match self {
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
            Frequency::BiMonthly => "bi-monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::SixMonthly => "six-monthly",
            Frequency::Annually => "annually",
            Frequency::AsRequired => "as required",
        }
    }
}

/// One entry of the append-only progress log.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressUpdate {
    /// Date of the update.
    pub date: NaiveDate,
    /// Who wrote it (a name or role; never a child's details).
    pub author: String,
    /// Priority id it is about.
    pub priority: String,
    /// Action id within the priority, when it is about one action.
    pub action: Option<String>,
    /// The author's rating of progress.
    pub rag: ProgressRag,
    /// The action's status from this date, when the update moves it on.
    pub status: Option<ActionStatus>,
    /// What happened.
    pub commentary: String,
}

/// The rating an update gives to progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProgressRag {
    /// Delivered or on track.
    Green,
    /// Some slippage or risk.
    Amber,
    /// Significant slippage.
    Red,
}

impl ProgressRag {
    /// The name used in the file.
    pub fn name(self) -> &'static str {
        match self {
            ProgressRag::Green => "green",
            ProgressRag::Amber => "amber",
            ProgressRag::Red => "red",
        }
    }

    /// Parses `red`, `amber` or `green` (case-insensitive).
    pub fn parse(text: &str) -> Option<ProgressRag> {
        [ProgressRag::Green, ProgressRag::Amber, ProgressRag::Red]
            .into_iter()
            .find(|r| r.name().eq_ignore_ascii_case(text.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_parse_loosely_and_print_canonically() {
        assert_eq!(ActionStatus::parse("On Track"), Some(ActionStatus::OnTrack));
        assert_eq!(
            ActionStatus::parse("off-track"),
            Some(ActionStatus::OffTrack)
        );
        assert_eq!(
            ActionStatus::parse("not_started"),
            Some(ActionStatus::NotStarted)
        );
        assert_eq!(ActionStatus::parse("done"), None);
        for s in ActionStatus::ALL {
            assert_eq!(ActionStatus::parse(s.name()), Some(s));
        }
        assert_eq!(ProgressRag::parse("AMBER"), Some(ProgressRag::Amber));
        assert_eq!(ProgressRag::parse("blue"), None);
    }
}
