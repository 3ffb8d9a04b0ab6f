//! The groupings the scrutiny report prints: ethnic groups, placement groups and legal-status
//! groups, each folding DfE codes into the handful of categories councillors read.

use sightline_model::codes::{Ethnicity, LegalStatus, PlacementType};

/// Ethnic groups as the DfE's children-looked-after statistics print them (the report's "White,
/// Black, Mixed ethnicity, Asian, Other ethnicities, Ethnicity not yet recorded").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EthnicGroup {
    /// WBRI, WIRI, WOTH, WIRT, WROM.
    White,
    /// MWBC, MWBA, MWAS, MOTH.
    Mixed,
    /// AIND, APKN, ABAN, AOTH.
    Asian,
    /// BCRB, BAFR, BOTH.
    Black,
    /// CHNE, OOTH (Chinese sits with "other ethnic groups" in the DfE's looked-after tables).
    Other,
    /// REFU, NOBT.
    NotRecorded,
}

impl EthnicGroup {
    /// Every group, in the DfE's order.
    pub const ALL: [EthnicGroup; 6] = [
        EthnicGroup::White,
        EthnicGroup::Mixed,
        EthnicGroup::Asian,
        EthnicGroup::Black,
        EthnicGroup::Other,
        EthnicGroup::NotRecorded,
    ];

    /// The group of a DfE ethnicity code.
    pub fn of(ethnicity: Ethnicity) -> EthnicGroup {
        use Ethnicity::*;
        match ethnicity {
            WBRI | WIRI | WOTH | WIRT | WROM => EthnicGroup::White,
            MWBC | MWBA | MWAS | MOTH => EthnicGroup::Mixed,
            AIND | APKN | ABAN | AOTH => EthnicGroup::Asian,
            BCRB | BAFR | BOTH => EthnicGroup::Black,
            CHNE | OOTH => EthnicGroup::Other,
            REFU | NOBT => EthnicGroup::NotRecorded,
        }
    }

    /// Label as a report prints it.
    pub fn label(self) -> &'static str {
        match self {
            EthnicGroup::White => "White",
            EthnicGroup::Mixed => "Mixed ethnicity",
            EthnicGroup::Asian => "Asian or Asian British",
            EthnicGroup::Black => "Black or Black British",
            EthnicGroup::Other => "Other ethnicities",
            EthnicGroup::NotRecorded => "Refused or not yet recorded",
        }
    }
}

/// Placement groups, as the report's "foster care, children's homes, semi-independent homes,
/// youth custody or other specialist settings".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlacementGroup {
    /// Foster placements U1-U6.
    Foster,
    /// Placed for adoption A3-A6.
    Adoption,
    /// Placed with parents P1.
    WithParents,
    /// Children's homes and secure units: K1, K2.
    ChildrensHome,
    /// Semi-independent and supported accommodation, independent living: H5, K3, P2.
    SemiIndependent,
    /// Youth custody R5.
    Custody,
    /// Residential schools, health and other residential settings: S1, R1, R2, R3, P3.
    OtherResidential,
    /// Temporary moves T0-T4 and other placements Z1, Z11-Z14.
    Other,
}

impl PlacementGroup {
    /// Every group, in display order.
    pub const ALL: [PlacementGroup; 8] = [
        PlacementGroup::Foster,
        PlacementGroup::Adoption,
        PlacementGroup::WithParents,
        PlacementGroup::ChildrensHome,
        PlacementGroup::SemiIndependent,
        PlacementGroup::Custody,
        PlacementGroup::OtherResidential,
        PlacementGroup::Other,
    ];

    /// The group of a placement type.
    pub fn of(placement: PlacementType) -> PlacementGroup {
        use PlacementType::*;
        match placement {
            U1 | U2 | U3 | U4 | U5 | U6 => PlacementGroup::Foster,
            A3 | A4 | A5 | A6 => PlacementGroup::Adoption,
            P1 => PlacementGroup::WithParents,
            K1 | K2 => PlacementGroup::ChildrensHome,
            H5 | K3 | P2 => PlacementGroup::SemiIndependent,
            R5 => PlacementGroup::Custody,
            S1 | R1 | R2 | R3 | P3 => PlacementGroup::OtherResidential,
            T0 | T1 | T2 | T3 | T4 | Z1 | Z11 | Z12 | Z13 | Z14 => PlacementGroup::Other,
        }
    }

    /// Label as a report prints it.
    pub fn label(self) -> &'static str {
        match self {
            PlacementGroup::Foster => "Foster care",
            PlacementGroup::Adoption => "Placed for adoption",
            PlacementGroup::WithParents => "Placed with parents",
            PlacementGroup::ChildrensHome => "Children's homes and secure units",
            PlacementGroup::SemiIndependent => "Semi-independent and supported accommodation",
            PlacementGroup::Custody => "Youth custody",
            PlacementGroup::OtherResidential => "Residential schools, health and other settings",
            PlacementGroup::Other => "Temporary and other placements",
        }
    }
}

/// Legal-status groups, as the DfE's looked-after tables print them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LegalGroup {
    /// Interim care order C1.
    InterimCareOrder,
    /// Full care order C2.
    FullCareOrder,
    /// Placement or freeing order: E1, D1.
    PlacementOrder,
    /// Voluntary accommodation under section 20: V2.
    Section20,
    /// Police protection, emergency protection or child assessment order: L1-L3.
    Emergency,
    /// Youth justice: J1-J3.
    YouthJustice,
    /// Short breaks V3/V4 (never in a looked-after count; kept so every code has a group).
    ShortBreaks,
}

impl LegalGroup {
    /// Every group, in display order.
    pub const ALL: [LegalGroup; 7] = [
        LegalGroup::InterimCareOrder,
        LegalGroup::FullCareOrder,
        LegalGroup::PlacementOrder,
        LegalGroup::Section20,
        LegalGroup::Emergency,
        LegalGroup::YouthJustice,
        LegalGroup::ShortBreaks,
    ];

    /// The group of a legal status.
    pub fn of(status: LegalStatus) -> LegalGroup {
        use LegalStatus::*;
        match status {
            C1 => LegalGroup::InterimCareOrder,
            C2 => LegalGroup::FullCareOrder,
            D1 | E1 => LegalGroup::PlacementOrder,
            V2 => LegalGroup::Section20,
            L1 | L2 | L3 => LegalGroup::Emergency,
            J1 | J2 | J3 => LegalGroup::YouthJustice,
            V3 | V4 => LegalGroup::ShortBreaks,
        }
    }

    /// Label as a report prints it.
    pub fn label(self) -> &'static str {
        match self {
            LegalGroup::InterimCareOrder => "Interim care order",
            LegalGroup::FullCareOrder => "Full care order",
            LegalGroup::PlacementOrder => "Placement order",
            LegalGroup::Section20 => "Voluntary agreement (section 20)",
            LegalGroup::Emergency => "Police or emergency protection",
            LegalGroup::YouthJustice => "Youth justice",
            LegalGroup::ShortBreaks => "Short breaks",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_group() {
        // The matches are exhaustive; these pin a few boundaries a reader might doubt.
        assert_eq!(EthnicGroup::of(Ethnicity::CHNE), EthnicGroup::Other);
        assert_eq!(EthnicGroup::of(Ethnicity::WROM), EthnicGroup::White);
        assert_eq!(EthnicGroup::of(Ethnicity::REFU), EthnicGroup::NotRecorded);
        assert_eq!(
            PlacementGroup::of(PlacementType::K3),
            PlacementGroup::SemiIndependent
        );
        assert_eq!(
            PlacementGroup::of(PlacementType::R5),
            PlacementGroup::Custody
        );
        assert_eq!(LegalGroup::of(LegalStatus::E1), LegalGroup::PlacementOrder);
        for e in Ethnicity::ALL {
            assert!(EthnicGroup::ALL.contains(&EthnicGroup::of(*e)));
        }
    }
}
