//! Registry of part B of the CIN census catalogue, kept apart while the parts are written in parallel.

/// The rules of this part.
pub(super) static RULES: &[&dyn super::Rule] = &[];
