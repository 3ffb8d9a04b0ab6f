//! Postcode reference data the distance and placement-LA rules need, supplied by the caller.

use sightline_model::ids::{LaCode, Postcode};

/// Looks up postcodes; loaded from a reference file outside this crate.
pub trait PostcodeReference: Sync {
    /// Whether the postcode (or its sector) is known.
    fn is_known(&self, postcode: &Postcode) -> bool;
    /// Straight-line distance in miles between two postcodes, when both are known.
    fn distance_miles(&self, a: &Postcode, b: &Postcode) -> Option<f64>;
    /// The children's services authority (ONS code, e.g. `E08000034`) a postcode lies in.
    fn authority(&self, postcode: &Postcode) -> Option<String>;
    /// The ONS code of the council with this 3-digit DfE LA number, in the form `authority`
    /// returns, so rules can tell a placement inside the council from one outside it.
    fn council_authority(&self, _la: LaCode) -> Option<String> {
        None
    }
}
