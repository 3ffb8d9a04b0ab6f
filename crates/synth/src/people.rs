//! Who the children are: sex, ethnicity, disability, referral sources and needs, in proportions
//! typical of a West Yorkshire council.

use crate::dice::Dice;
use sightline_model::codes::{
    AssessmentFactor, Disability, Ethnicity, PrimaryNeed, ReferralSource, Sex,
};

/// Ethnicity of children in the general 0-17 population of a West Yorkshire council.
const ETHNICITY_GENERAL: &[(Ethnicity, f64)] = &[
    (Ethnicity::WBRI, 60.0),
    (Ethnicity::APKN, 14.0),
    (Ethnicity::AIND, 5.0),
    (Ethnicity::MWBC, 3.0),
    (Ethnicity::MWAS, 2.0),
    (Ethnicity::MOTH, 2.0),
    (Ethnicity::MWBA, 0.6),
    (Ethnicity::WOTH, 3.5),
    (Ethnicity::WIRI, 0.3),
    (Ethnicity::WROM, 0.6),
    (Ethnicity::WIRT, 0.2),
    (Ethnicity::ABAN, 0.6),
    (Ethnicity::AOTH, 1.5),
    (Ethnicity::BCRB, 1.2),
    (Ethnicity::BAFR, 2.0),
    (Ethnicity::BOTH, 0.5),
    (Ethnicity::CHNE, 0.3),
    (Ethnicity::OOTH, 1.2),
    (Ethnicity::NOBT, 0.8),
    (Ethnicity::REFU, 0.2),
];

/// Ethnicity of children entering care: more mixed and Black heritage, fewer Asian.
const ETHNICITY_CARE: &[(Ethnicity, f64)] = &[
    (Ethnicity::WBRI, 66.0),
    (Ethnicity::APKN, 7.0),
    (Ethnicity::AIND, 2.0),
    (Ethnicity::MWBC, 6.0),
    (Ethnicity::MWAS, 3.0),
    (Ethnicity::MOTH, 3.0),
    (Ethnicity::MWBA, 1.0),
    (Ethnicity::WOTH, 3.0),
    (Ethnicity::WROM, 0.8),
    (Ethnicity::WIRT, 0.3),
    (Ethnicity::AOTH, 1.0),
    (Ethnicity::BCRB, 2.0),
    (Ethnicity::BAFR, 2.0),
    (Ethnicity::BOTH, 1.0),
    (Ethnicity::OOTH, 1.0),
    (Ethnicity::NOBT, 0.9),
];

/// Unaccompanied asylum-seeking children (Afghanistan, Eritrea, Sudan, Iran, Iraq, Vietnam...).
const ETHNICITY_UASC: &[(Ethnicity, f64)] = &[
    (Ethnicity::AOTH, 35.0),
    (Ethnicity::BAFR, 30.0),
    (Ethnicity::OOTH, 25.0),
    (Ethnicity::WOTH, 5.0),
    (Ethnicity::CHNE, 2.0),
    (Ethnicity::NOBT, 3.0),
];

pub(crate) fn ethnicity_general(d: &mut Dice) -> Ethnicity {
    d.pick(ETHNICITY_GENERAL)
}

pub(crate) fn ethnicity_care(d: &mut Dice) -> Ethnicity {
    d.pick(ETHNICITY_CARE)
}

pub(crate) fn ethnicity_uasc(d: &mut Dice) -> Ethnicity {
    d.pick(ETHNICITY_UASC)
}

pub(crate) fn sex(d: &mut Dice, male_share: f64) -> Sex {
    if d.chance(male_share) {
        Sex::Male
    } else {
        Sex::Female
    }
}

const DISABILITIES: &[(Disability, f64)] = &[
    (Disability::LD, 24.0),
    (Disability::AUT, 24.0),
    (Disability::COMM, 14.0),
    (Disability::BEH, 14.0),
    (Disability::MOB, 7.0),
    (Disability::HAND, 3.0),
    (Disability::PC, 4.0),
    (Disability::INC, 3.0),
    (Disability::HEAR, 4.0),
    (Disability::VIS, 4.0),
    (Disability::CON, 3.0),
    (Disability::DDA, 9.0),
];

/// One to three distinct disability codes.
pub(crate) fn disabilities(d: &mut Dice) -> Vec<Disability> {
    let n = d.pick(&[(1usize, 0.6), (2, 0.3), (3, 0.1)]);
    let mut out: Vec<Disability> = Vec::with_capacity(n);
    for _ in 0..n * 3 {
        let x = d.pick(DISABILITIES);
        if !out.contains(&x) {
            out.push(x);
        }
        if out.len() == n {
            break;
        }
    }
    out
}

/// Who contacts the front door about a child of this age.
pub(crate) fn contact_source(d: &mut Dice, age: i32) -> ReferralSource {
    use ReferralSource::*;
    let school = if (4..=16).contains(&age) { 22.0 } else { 0.5 };
    let health_visitor = if age < 5 { 7.0 } else { 0.2 };
    d.pick(&[
        (S6, 28.0),
        (S2A, school),
        (S2B, 2.0),
        (S3A, 3.0),
        (S3B, health_visitor),
        (S3C, if age >= 5 { 1.0 } else { 0.0 }),
        (S3D, 2.0),
        (S3E, 4.0),
        (S3F, 4.0),
        (S4, 2.0),
        (S5A, 4.0),
        (S5B, 3.0),
        (S5C, 2.5),
        (S5D, 4.0),
        (S1A, 7.0),
        (S1B, 1.5),
        (S1C, if age >= 11 { 1.5 } else { 0.0 }),
        (S1D, 1.0),
        (S7, 2.0),
        (S8, 4.0),
        (S9, 2.0),
        (S10, 0.5),
    ])
}

/// Primary need at referral; abuse or neglect dominates where a child protection enquiry
/// follows.
pub(crate) fn primary_need(d: &mut Dice, protection: bool) -> PrimaryNeed {
    use PrimaryNeed::*;
    if protection {
        return d.pick(&[(N1, 88.0), (N4, 4.0), (N5, 6.0), (N6, 2.0)]);
    }
    d.pick(&[
        (N0, 1.0),
        (N1, 48.0),
        (N2, 7.0),
        (N3, 3.5),
        (N4, 11.0),
        (N5, 14.0),
        (N6, 5.0),
        (N7, 0.5),
        (N8, 2.0),
        (N9, 8.0),
    ])
}

const FACTORS: &[(AssessmentFactor, f64)] = &[
    (AssessmentFactor::F3B, 24.0),
    (AssessmentFactor::F3A, 10.0),
    (AssessmentFactor::F4B, 20.0),
    (AssessmentFactor::F4A, 9.0),
    (AssessmentFactor::F16A, 14.0),
    (AssessmentFactor::F17A, 13.0),
    (AssessmentFactor::F2B, 10.0),
    (AssessmentFactor::F1B, 8.0),
    (AssessmentFactor::F18C, 7.0),
    (AssessmentFactor::F18B, 1.5),
    (AssessmentFactor::F19C, 2.5),
    (AssessmentFactor::F19B, 1.0),
    (AssessmentFactor::F14A, 4.0),
    (AssessmentFactor::F15A, 4.0),
    (AssessmentFactor::F10A, 3.0),
    (AssessmentFactor::F11A, 2.5),
    (AssessmentFactor::F24A, 2.5),
    (AssessmentFactor::F13A, 1.0),
    (AssessmentFactor::F5B, 2.0),
    (AssessmentFactor::F6B, 2.0),
    (AssessmentFactor::F5A, 1.5),
    (AssessmentFactor::F6A, 1.5),
    (AssessmentFactor::F7A, 1.0),
    (AssessmentFactor::F2A, 1.5),
    (AssessmentFactor::F1A, 1.0),
    (AssessmentFactor::F22A, 0.2),
    (AssessmentFactor::F23A, 0.2),
    (AssessmentFactor::F20, 5.0),
];

/// Which factors an assessment records.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum FactorKind {
    /// Ordinary assessment: one to four distinct factors.
    Usual,
    /// May record "21: no factors identified", alone (only on episodes closed RC8/RC9).
    MaybeNone,
    /// Unaccompanied asylum-seeking child.
    Uasc,
    /// Privately fostered child.
    PrivateFostering,
}

pub(crate) fn factors(d: &mut Dice, kind: FactorKind) -> Vec<AssessmentFactor> {
    match kind {
        FactorKind::MaybeNone if d.chance(0.3) => return vec![AssessmentFactor::F21],
        FactorKind::Uasc => {
            let mut v = vec![AssessmentFactor::F9A];
            if d.chance(0.2) {
                v.push(AssessmentFactor::F12A);
            }
            if d.chance(0.2) {
                v.push(AssessmentFactor::F4A);
            }
            return v;
        }
        FactorKind::PrivateFostering => {
            return vec![d.pick(&[
                (AssessmentFactor::F8B, 2.0),
                (AssessmentFactor::F8C, 2.0),
                (AssessmentFactor::F8D, 3.0),
                (AssessmentFactor::F8E, 5.0),
                (AssessmentFactor::F8F, 1.0),
            ])];
        }
        _ => {}
    }
    let n = d.pick(&[(1usize, 0.3), (2, 0.35), (3, 0.22), (4, 0.13)]);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n * 3 {
        let f = d.pick(FACTORS);
        if !out.contains(&f) {
            out.push(f);
        }
        if out.len() == n {
            break;
        }
    }
    out
}
