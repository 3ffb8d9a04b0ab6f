//! Registry of part B of the CIN census catalogue (codes 8610 to 8950Q), kept apart while the
//! parts are written in parallel.
//!
//! The rule files are siblings of this file (hence `#[path]`); they reach the engine through
//! `crate::cin` and `crate::engine`, and part B's shared helpers through `super::util_b`.
//! Every part-B rule checks one child at a time (`check_child`): none needs the return summary.

#[path = "util_b.rs"]
mod util_b;

#[path = "rule_8610.rs"]
mod rule_8610;
#[path = "rule_8614.rs"]
mod rule_8614;
#[path = "rule_8615.rs"]
mod rule_8615;
#[path = "rule_8620.rs"]
mod rule_8620;
#[path = "rule_8630.rs"]
mod rule_8630;
#[path = "rule_8640.rs"]
mod rule_8640;
#[path = "rule_8650.rs"]
mod rule_8650;
#[path = "rule_8670q.rs"]
mod rule_8670q;
#[path = "rule_8675q.rs"]
mod rule_8675q;
#[path = "rule_8696.rs"]
mod rule_8696;
#[path = "rule_8715.rs"]
mod rule_8715;
#[path = "rule_8720.rs"]
mod rule_8720;
#[path = "rule_8730.rs"]
mod rule_8730;
#[path = "rule_8736.rs"]
mod rule_8736;
#[path = "rule_8740.rs"]
mod rule_8740;
#[path = "rule_8750.rs"]
mod rule_8750;
#[path = "rule_8770q.rs"]
mod rule_8770q;
#[path = "rule_8772.rs"]
mod rule_8772;
#[path = "rule_8775q.rs"]
mod rule_8775q;
#[path = "rule_8790.rs"]
mod rule_8790;
#[path = "rule_8794.rs"]
mod rule_8794;
#[path = "rule_8805.rs"]
mod rule_8805;
#[path = "rule_8810.rs"]
mod rule_8810;
#[path = "rule_8815.rs"]
mod rule_8815;
#[path = "rule_8816.rs"]
mod rule_8816;
#[path = "rule_8820.rs"]
mod rule_8820;
#[path = "rule_8825q.rs"]
mod rule_8825q;
#[path = "rule_8831.rs"]
mod rule_8831;
#[path = "rule_8832.rs"]
mod rule_8832;
#[path = "rule_8839.rs"]
mod rule_8839;
#[path = "rule_8840.rs"]
mod rule_8840;
#[path = "rule_8841.rs"]
mod rule_8841;
#[path = "rule_8842q.rs"]
mod rule_8842q;
#[path = "rule_8863q.rs"]
mod rule_8863q;
#[path = "rule_8866.rs"]
mod rule_8866;
#[path = "rule_8867.rs"]
mod rule_8867;
#[path = "rule_8868.rs"]
mod rule_8868;
#[path = "rule_8869.rs"]
mod rule_8869;
#[path = "rule_8870q.rs"]
mod rule_8870q;
#[path = "rule_8873q.rs"]
mod rule_8873q;
#[path = "rule_8875.rs"]
mod rule_8875;
#[path = "rule_8890.rs"]
mod rule_8890;
#[path = "rule_8896.rs"]
mod rule_8896;
#[path = "rule_8897q.rs"]
mod rule_8897q;
#[path = "rule_8898.rs"]
mod rule_8898;
#[path = "rule_8905.rs"]
mod rule_8905;
#[path = "rule_8910.rs"]
mod rule_8910;
#[path = "rule_8915.rs"]
mod rule_8915;
#[path = "rule_8920.rs"]
mod rule_8920;
#[path = "rule_8925.rs"]
mod rule_8925;
#[path = "rule_8930.rs"]
mod rule_8930;
#[path = "rule_8935.rs"]
mod rule_8935;
#[path = "rule_8940.rs"]
mod rule_8940;
#[path = "rule_8945q.rs"]
mod rule_8945q;
#[path = "rule_8950q.rs"]
mod rule_8950q;

/// The rules of this part, in code order.
pub(super) static RULES: &[&dyn super::Rule] = &[
    &rule_8610::Rule8610,
    &rule_8614::Rule8614,
    &rule_8615::Rule8615,
    &rule_8620::Rule8620,
    &rule_8630::Rule8630,
    &rule_8640::Rule8640,
    &rule_8650::Rule8650,
    &rule_8670q::Rule8670Q,
    &rule_8675q::Rule8675Q,
    &rule_8696::Rule8696,
    &rule_8715::Rule8715,
    &rule_8720::Rule8720,
    &rule_8730::Rule8730,
    &rule_8736::Rule8736,
    &rule_8740::Rule8740,
    &rule_8750::Rule8750,
    &rule_8770q::Rule8770Q,
    &rule_8772::Rule8772,
    &rule_8775q::Rule8775Q,
    &rule_8790::Rule8790,
    &rule_8794::Rule8794,
    &rule_8805::Rule8805,
    &rule_8810::Rule8810,
    &rule_8815::Rule8815,
    &rule_8816::Rule8816,
    &rule_8820::Rule8820,
    &rule_8825q::Rule8825Q,
    &rule_8831::Rule8831,
    &rule_8832::Rule8832,
    &rule_8839::Rule8839,
    &rule_8840::Rule8840,
    &rule_8841::Rule8841,
    &rule_8842q::Rule8842Q,
    &rule_8863q::Rule8863Q,
    &rule_8866::Rule8866,
    &rule_8867::Rule8867,
    &rule_8868::Rule8868,
    &rule_8869::Rule8869,
    &rule_8870q::Rule8870Q,
    &rule_8873q::Rule8873Q,
    &rule_8875::Rule8875,
    &rule_8890::Rule8890,
    &rule_8896::Rule8896,
    &rule_8897q::Rule8897Q,
    &rule_8898::Rule8898,
    &rule_8905::Rule8905,
    &rule_8910::Rule8910,
    &rule_8915::Rule8915,
    &rule_8920::Rule8920,
    &rule_8925::Rule8925,
    &rule_8930::Rule8930,
    &rule_8935::Rule8935,
    &rule_8940::Rule8940,
    &rule_8945q::Rule8945Q,
    &rule_8950q::Rule8950Q,
];
