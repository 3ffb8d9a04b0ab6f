//! Practice standards that differ between councils, with documented defaults.
//!
//! Indicators and per-child timescales read the same settings, so a figure on the board pack and
//! the due date on a team manager's worklist can never disagree.

/// An interval between two events of a plan (visits, core groups, reviews).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interval {
    /// N working days (Monday to Friday less bank holidays).
    WorkingDays(u32),
    /// N calendar days.
    Days(u32),
    /// N calendar weeks.
    Weeks(u32),
    /// N calendar months (clamped to month end).
    Months(u32),
}

/// Where the 45-working-day clock of a single assessment starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssessmentClockStart {
    /// The assessment's actual start date: the DfE CIN census statistic
    /// ("assessments completed within 45 working days", start to authorisation).
    AssessmentStart,
    /// The referral date: Working Together's "45 working days from the point of referral".
    Referral,
}

/// Where the 15-working-day clock of an initial child protection conference starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IcpcClockStart {
    /// The section 47 enquiry's actual start date: the DfE CIN census statistic.
    EnquiryStart,
    /// The strategy discussion that started the enquiry, when linked and earlier (Working
    /// Together's wording); the enquiry start otherwise.
    StrategyDiscussion,
}

/// The council's practice standards.
#[derive(Clone, Debug, PartialEq)]
pub struct PracticeStandards {
    /// Maximum time from one child protection visit (child seen) to the next.
    /// Default 15 working days, as the seed plan's "Child Protection Visits - Statutory Timescales (15 working days)".
    pub cp_visit_interval: Interval,
    /// Maximum time between core group meetings after the first. Default 20 working days (4 weeks).
    pub core_group_interval: Interval,
    /// Maximum time from ICPC to the first core group. Default 10 working days (Working Together).
    pub first_core_group: Interval,
    /// Maximum time from a CIN plan start to its first review, then between reviews. Default 6 weeks.
    pub cin_review_interval: Interval,
    /// Maximum time between CIN visits. Default 20 working days.
    pub cin_visit_interval: Interval,
    /// Maximum time between visits to a looked-after child. Default 6 weeks (CPPR reg 28).
    pub cla_visit_interval: Interval,
    /// Maximum time between pathway plan reviews. Default 6 months.
    pub pathway_plan_interval: Interval,
    /// A referral within this many months of a previous one of the same child is a re-referral.
    /// Default 12 (DfE).
    pub rereferral_window_months: u32,
    /// Return home interview due within this many hours of return. Default 72. Records carry
    /// dates only, so 72 hours is read as 3 calendar days after the return date.
    pub rhi_hours: u32,
    /// A task due within this many calendar days is "due soon". Default 5.
    pub due_soon_days: u32,
    /// Where the assessment clock starts. Default the assessment start (the DfE statistic), so the
    /// board figure can be benchmarked; Working Together counts from the referral.
    pub assessment_clock: AssessmentClockStart,
    /// Where the ICPC clock starts. Default the enquiry start (the DfE statistic, and the
    /// `icpc_15wd_pct` indicator); the strategy discussion is usually the same day.
    pub icpc_clock: IcpcClockStart,
    /// Time from the start of a period of care to an agreed permanence plan. Default 4 months: the
    /// plan is expected by the second looked-after review (20 working days + 3 months).
    pub permanence_plan_due: Interval,
    /// Time from the placement order to the match with adopters. Default 121 days, the DfE adoption
    /// scorecard A2 threshold (2016-19; figure not re-verified against the latest scorecard).
    pub adoption_match_due: Interval,
    /// Time from entering care (start of the period of care) to moving in with the adoptive family,
    /// for children with an adoption decision. Default 426 days, the DfE adoption scorecard A1
    /// threshold (2016-19; figure not re-verified against the latest scorecard).
    pub adoption_placement_due: Interval,
}

impl Default for PracticeStandards {
    fn default() -> Self {
        PracticeStandards {
            cp_visit_interval: Interval::WorkingDays(15),
            core_group_interval: Interval::WorkingDays(20),
            first_core_group: Interval::WorkingDays(10),
            cin_review_interval: Interval::Weeks(6),
            cin_visit_interval: Interval::WorkingDays(20),
            cla_visit_interval: Interval::Weeks(6),
            pathway_plan_interval: Interval::Months(6),
            rereferral_window_months: 12,
            rhi_hours: 72,
            due_soon_days: 5,
            assessment_clock: AssessmentClockStart::AssessmentStart,
            icpc_clock: IcpcClockStart::EnquiryStart,
            permanence_plan_due: Interval::Months(4),
            adoption_match_due: Interval::Days(121),
            adoption_placement_due: Interval::Days(426),
        }
    }
}

impl Interval {
    /// The due date: `from` plus this interval.
    pub fn after(self, from: chrono::NaiveDate) -> chrono::NaiveDate {
        use chrono::Duration;
        match self {
            Interval::WorkingDays(n) => {
                sightline_calendar::Calendar::england_and_wales().add_working_days(from, n)
            }
            Interval::Days(n) => from + Duration::days(i64::from(n)),
            Interval::Weeks(n) => from + Duration::weeks(i64::from(n)),
            Interval::Months(n) => sightline_calendar::add_months(from, n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn intervals_give_due_dates() {
        // Friday 19 Dec 2025 + 10 working days skips the weekend, Christmas, Boxing Day and New Year.
        assert_eq!(
            Interval::WorkingDays(10).after(d(2025, 12, 19)),
            d(2026, 1, 7)
        );
        assert_eq!(Interval::Weeks(6).after(d(2025, 12, 19)), d(2026, 1, 30));
        assert_eq!(Interval::Months(6).after(d(2025, 8, 31)), d(2026, 2, 28));
        assert_eq!(Interval::Days(3).after(d(2025, 12, 30)), d(2026, 1, 2));
    }
}
