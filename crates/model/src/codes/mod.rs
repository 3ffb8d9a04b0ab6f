//! DfE code lists as enums: one variant per code, with its official code text and a description.
//!
//! Every enum here is generated from the public code lists (see `generated.rs`); `Sex` is written
//! by hand because the DfE changed it from 1/2 to M/F/U in 2024-25 and readers accept both.

mod generated;

pub use generated::*;

/// Declares a DfE code list as an enum with `code()`, `from_code()`, `description()` and `ALL`.
#[macro_export]
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal, $desc:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(missing_docs)]
        pub enum $name { $(#[doc = $desc] $variant,)+ }

        impl $name {
            /// Every code in the list, in the DfE's order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The code exactly as the DfE spells it in returns.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// A short plain-English description of the code.
            pub fn description(self) -> &'static str {
                match self { $($name::$variant => $desc,)+ }
            }

            /// Parses a code, ignoring surrounding white space and letter case.
            pub fn from_code(text: &str) -> Option<Self> {
                let text = text.trim();
                $(if text.eq_ignore_ascii_case($code) { return Some($name::$variant); })+
                None
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::UnknownCode;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Self::from_code(text).ok_or_else(|| $crate::UnknownCode {
                    list: stringify!($name),
                    value: text.to_owned(),
                })
            }
        }
    };
}

/// Sex of a child as returned from 2024-25 (`M`, `F`, `U`); readers also accept the legacy 1/2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sex {
    /// Male.
    Male,
    /// Female.
    Female,
    /// Unknown, not recorded, or unborn.
    Unknown,
}

impl Sex {
    /// Every code, in DfE order.
    pub const ALL: &'static [Sex] = &[Sex::Male, Sex::Female, Sex::Unknown];

    /// The 2024-25 onward code: `M`, `F` or `U`.
    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "M",
            Sex::Female => "F",
            Sex::Unknown => "U",
        }
    }

    /// Plain-English label.
    pub fn description(self) -> &'static str {
        match self {
            Sex::Male => "Male",
            Sex::Female => "Female",
            Sex::Unknown => "Unknown",
        }
    }

    /// Parses `M`/`F`/`U`, and the legacy `1` (male), `2` (female), `0`/`9` (unknown).
    pub fn from_code(text: &str) -> Option<Self> {
        match text.trim() {
            "M" | "m" | "1" => Some(Sex::Male),
            "F" | "f" | "2" => Some(Sex::Female),
            "U" | "u" | "0" | "9" => Some(Sex::Unknown),
            _ => None,
        }
    }
}

impl std::fmt::Display for Sex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Sex {
    type Err = crate::UnknownCode;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::from_code(text).ok_or_else(|| crate::UnknownCode {
            list: "Sex",
            value: text.to_owned(),
        })
    }
}

impl LegalStatus {
    /// Short breaks (V3/V4): excluded from looked-after counts by DfE convention.
    pub fn is_short_break(self) -> bool {
        matches!(self, LegalStatus::V3 | LegalStatus::V4)
    }

    /// Any care order, interim or full.
    pub fn is_care_order(self) -> bool {
        matches!(self, LegalStatus::C1 | LegalStatus::C2)
    }
}

impl PlacementType {
    /// Foster placements U1-U6.
    pub fn is_foster(self) -> bool {
        use PlacementType::*;
        matches!(self, U1 | U2 | U3 | U4 | U5 | U6)
    }

    /// Foster placements with a relative or friend (connected person), U1-U3.
    pub fn is_family_and_friends(self) -> bool {
        use PlacementType::*;
        matches!(self, U1 | U2 | U3)
    }

    /// Foster placements with carers who are not a relative or friend, U4-U6.
    pub fn is_foster_with_other_carers(self) -> bool {
        use PlacementType::*;
        matches!(self, U4 | U5 | U6)
    }

    /// A children's home: secure (K1) or registered (K2).
    pub fn is_childrens_home(self) -> bool {
        matches!(self, PlacementType::K1 | PlacementType::K2)
    }

    /// Placed for adoption, A3-A6.
    pub fn is_placed_for_adoption(self) -> bool {
        use PlacementType::*;
        matches!(self, A3 | A4 | A5 | A6)
    }

    /// Temporary placements T0-T4, which carry no provider.
    pub fn is_temporary(self) -> bool {
        use PlacementType::*;
        matches!(self, T0 | T1 | T2 | T3 | T4)
    }
}

impl Activity {
    /// In education, employment or training (any F* or P* code).
    pub fn is_eet(self) -> bool {
        self.code().starts_with('F') || self.code().starts_with('P')
    }
}

impl Accommodation {
    /// Suitability is the digit after the letter: 1 suitable, 2 unsuitable; `0` is not known.
    pub fn is_suitable(self) -> Option<bool> {
        match self.code().as_bytes().get(1) {
            Some(b'1') => Some(true),
            Some(b'2') => Some(false),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_text() {
        for ls in LegalStatus::ALL {
            assert_eq!(LegalStatus::from_code(ls.code()), Some(*ls));
        }
        for f in AssessmentFactor::ALL {
            assert_eq!(f.code().parse::<AssessmentFactor>().unwrap(), *f);
        }
        assert_eq!(ReferralSource::from_code(" 1a "), Some(ReferralSource::S1A));
        assert_eq!(ReferralSource::from_code("10"), Some(ReferralSource::S10));
    }

    #[test]
    fn unknown_code_names_list_and_value() {
        let err = "ZZ".parse::<PlacementType>().unwrap_err();
        assert_eq!(err.to_string(), "'ZZ' is not a PlacementType code");
    }

    #[test]
    fn sex_accepts_legacy_codes() {
        assert_eq!(Sex::from_code("1"), Some(Sex::Male));
        assert_eq!(Sex::from_code("2"), Some(Sex::Female));
        assert_eq!(Sex::from_code("F"), Some(Sex::Female));
        assert_eq!(Sex::from_code("X"), None);
    }

    #[test]
    fn accommodation_suitability_comes_from_the_digit() {
        assert_eq!(Accommodation::B1.is_suitable(), Some(true));
        assert_eq!(Accommodation::S2.is_suitable(), Some(false));
        assert_eq!(Accommodation::A0.is_suitable(), None);
    }

    #[test]
    fn placement_groups() {
        assert!(PlacementType::U2.is_family_and_friends());
        assert!(!PlacementType::U4.is_family_and_friends());
        assert!(PlacementType::U4.is_foster());
        assert!(PlacementType::T3.is_temporary());
        assert!(LegalStatus::V4.is_short_break());
    }
}
