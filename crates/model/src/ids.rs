//! Identifiers as newtypes, so a worker id can never be passed where a child id is expected.
//!
//! Identifiers of people are personal data: their `Debug` output is redacted, and they have no
//! `Display`, so they reach a log or an error message only through an explicit `as_str()`.

use std::fmt;

macro_rules! redacted_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(String);

        impl $name {
            /// Wraps an identifier exactly as the source system spells it (surrounding space trimmed).
            pub fn new(id: impl Into<String>) -> Self {
                let id: String = id.into();
                let trimmed = id.trim();
                if trimmed.len() == id.len() { $name(id) } else { $name(trimmed.to_owned()) }
            }

            /// The identifier text, for writers and storage. Never log it.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "(***)"))
            }
        }
    };
}

macro_rules! plain_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(String);

        impl $name {
            /// Wraps an identifier (surrounding space trimmed).
            pub fn new(id: impl Into<String>) -> Self {
                let id: String = id.into();
                let trimmed = id.trim();
                if trimmed.len() == id.len() { $name(id) } else { $name(trimmed.to_owned()) }
            }

            /// The identifier text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

redacted_id!(
    /// The council's own identifier for a child (903 `CHILD`, CIN `LAchildID`, SSD `pers_person_id`).
    ChildId
);
redacted_id!(
    /// A child's Unique Pupil Number (13 characters).
    Upn
);
redacted_id!(
    /// A postcode, normalised to upper case with one space before the inward code.
    Postcode
);
plain_id!(
    /// A pseudonymised worker identifier (903 `SW_ID`, SSD `prof_professional_id`).
    WorkerId
);
plain_id!(
    /// A team identifier (SSD `dept_team_id`).
    TeamId
);
plain_id!(
    /// The identifier of one record (an episode, an assessment...), unique within its kind.
    RecordId
);
plain_id!(
    /// A foster household identifier.
    HouseholdId
);

impl Postcode {
    /// Normalises a postcode: upper case, single space before the last three characters.
    pub fn normalised(text: &str) -> Postcode {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_uppercase)
            .collect();
        if compact.len() > 3 {
            let (outward, inward) = compact.split_at(compact.len() - 3);
            Postcode(format!("{outward} {inward}"))
        } else {
            Postcode(compact)
        }
    }

    /// The postcode sector (outward code plus the first inward digit), e.g. `HD1 2`.
    pub fn sector(&self) -> &str {
        let s = self.0.as_str();
        match s.find(' ') {
            Some(i) if s.len() > i + 1 => &s[..i + 2],
            _ => s,
        }
    }

    /// The outward code (district), e.g. `HD1`.
    pub fn district(&self) -> &str {
        self.0.split(' ').next().unwrap_or("")
    }
}

/// A local authority's 3-digit DfE code (e.g. `382`), as used in returns and UPNs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LaCode(pub u16);

impl fmt::Display for LaCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.0)
    }
}

impl std::str::FromStr for LaCode {
    type Err = crate::UnknownCode;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let t = text.trim();
        match t.parse::<u16>() {
            Ok(n) if t.len() == 3 => Ok(LaCode(n)),
            _ => Err(crate::UnknownCode {
                list: "LaCode",
                value: text.to_owned(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_identifiers_never_debug_print() {
        let child = ChildId::new("C123456");
        assert_eq!(format!("{child:?}"), "ChildId(***)");
        let pc = Postcode::normalised("hd1 2ab");
        assert_eq!(format!("{pc:?}"), "Postcode(***)");
        assert_eq!(child.as_str(), "C123456");
    }

    #[test]
    fn postcodes_normalise() {
        let pc = Postcode::normalised(" hd12ab ");
        assert_eq!(pc.as_str(), "HD1 2AB");
        assert_eq!(pc.sector(), "HD1 2");
        assert_eq!(pc.district(), "HD1");
    }

    #[test]
    fn la_codes_are_three_digits() {
        assert_eq!("382".parse::<LaCode>().unwrap().to_string(), "382");
        assert!("38".parse::<LaCode>().is_err());
        assert_eq!(LaCode(1).to_string(), "001");
    }
}
