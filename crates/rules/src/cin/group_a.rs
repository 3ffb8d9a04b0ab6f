//! Registry of part A of the CIN census catalogue (codes 100 to 8608), kept apart while the parts
//! are written in parallel.
//!
//! The rule files are siblings of this file (hence `#[path]`); they reach the engine through
//! `crate::cin` and `crate::engine`, and part A's shared helpers through `super::util_a`.
//!
//! The return-level rules 2883, 2886Q, 2887Q and 2888Q read counts that [`super::ReturnSummary`]
//! gathers as the file streams.

#[path = "util_a.rs"]
pub(super) mod util_a;

#[path = "rule_100.rs"]
mod rule_100;
#[path = "rule_1103.rs"]
mod rule_1103;
#[path = "rule_1104.rs"]
mod rule_1104;
#[path = "rule_1105.rs"]
mod rule_1105;
#[path = "rule_1510.rs"]
mod rule_1510;
#[path = "rule_1520.rs"]
mod rule_1520;
#[path = "rule_1530.rs"]
mod rule_1530;
#[path = "rule_1540.rs"]
mod rule_1540;
#[path = "rule_1550.rs"]
mod rule_1550;
#[path = "rule_1560q.rs"]
mod rule_1560q;
#[path = "rule_1570.rs"]
mod rule_1570;
#[path = "rule_1580.rs"]
mod rule_1580;
#[path = "rule_2883.rs"]
mod rule_2883;
#[path = "rule_2884.rs"]
mod rule_2884;
#[path = "rule_2885.rs"]
mod rule_2885;
#[path = "rule_2886q.rs"]
mod rule_2886q;
#[path = "rule_2887q.rs"]
mod rule_2887q;
#[path = "rule_2888q.rs"]
mod rule_2888q;
#[path = "rule_2889.rs"]
mod rule_2889;
#[path = "rule_2990.rs"]
mod rule_2990;
#[path = "rule_2991q.rs"]
mod rule_2991q;
#[path = "rule_4000.rs"]
mod rule_4000;
#[path = "rule_4001.rs"]
mod rule_4001;
#[path = "rule_4003.rs"]
mod rule_4003;
#[path = "rule_4004.rs"]
mod rule_4004;
#[path = "rule_4008.rs"]
mod rule_4008;
#[path = "rule_4009q.rs"]
mod rule_4009q;
#[path = "rule_4010.rs"]
mod rule_4010;
#[path = "rule_4011.rs"]
mod rule_4011;
#[path = "rule_4012q.rs"]
mod rule_4012q;
#[path = "rule_4013.rs"]
mod rule_4013;
#[path = "rule_4014.rs"]
mod rule_4014;
#[path = "rule_4015.rs"]
mod rule_4015;
#[path = "rule_4016.rs"]
mod rule_4016;
#[path = "rule_4017.rs"]
mod rule_4017;
#[path = "rule_4180.rs"]
mod rule_4180;
#[path = "rule_8500.rs"]
mod rule_8500;
#[path = "rule_8510.rs"]
mod rule_8510;
#[path = "rule_8520.rs"]
mod rule_8520;
#[path = "rule_8525q.rs"]
mod rule_8525q;
#[path = "rule_8530q.rs"]
mod rule_8530q;
#[path = "rule_8535q.rs"]
mod rule_8535q;
#[path = "rule_8540.rs"]
mod rule_8540;
#[path = "rule_8545q.rs"]
mod rule_8545q;
#[path = "rule_8555q.rs"]
mod rule_8555q;
#[path = "rule_8565.rs"]
mod rule_8565;
#[path = "rule_8568.rs"]
mod rule_8568;
#[path = "rule_8569q.rs"]
mod rule_8569q;
#[path = "rule_8585q.rs"]
mod rule_8585q;
#[path = "rule_8590.rs"]
mod rule_8590;
#[path = "rule_8600.rs"]
mod rule_8600;
#[path = "rule_8606.rs"]
mod rule_8606;
#[path = "rule_8608.rs"]
mod rule_8608;

/// The rules of this part, in code order.
pub(super) static RULES: &[&dyn super::Rule] = &[
    &rule_100::Rule100,
    &rule_1103::Rule1103,
    &rule_1104::Rule1104,
    &rule_1105::Rule1105,
    &rule_1510::Rule1510,
    &rule_1520::Rule1520,
    &rule_1530::Rule1530,
    &rule_1540::Rule1540,
    &rule_1550::Rule1550,
    &rule_1560q::Rule1560Q,
    &rule_1570::Rule1570,
    &rule_1580::Rule1580,
    &rule_2883::Rule2883,
    &rule_2884::Rule2884,
    &rule_2885::Rule2885,
    &rule_2886q::Rule2886Q,
    &rule_2887q::Rule2887Q,
    &rule_2888q::Rule2888Q,
    &rule_2889::Rule2889,
    &rule_2990::Rule2990,
    &rule_2991q::Rule2991Q,
    &rule_4000::Rule4000,
    &rule_4001::Rule4001,
    &rule_4003::Rule4003,
    &rule_4004::Rule4004,
    &rule_4008::Rule4008,
    &rule_4009q::Rule4009Q,
    &rule_4010::Rule4010,
    &rule_4011::Rule4011,
    &rule_4012q::Rule4012Q,
    &rule_4013::Rule4013,
    &rule_4014::Rule4014,
    &rule_4015::Rule4015,
    &rule_4016::Rule4016,
    &rule_4017::Rule4017,
    &rule_4180::Rule4180,
    &rule_8500::Rule8500,
    &rule_8510::Rule8510,
    &rule_8520::Rule8520,
    &rule_8525q::Rule8525Q,
    &rule_8530q::Rule8530Q,
    &rule_8535q::Rule8535Q,
    &rule_8540::Rule8540,
    &rule_8545q::Rule8545Q,
    &rule_8555q::Rule8555Q,
    &rule_8565::Rule8565,
    &rule_8568::Rule8568,
    &rule_8569q::Rule8569Q,
    &rule_8585q::Rule8585Q,
    &rule_8590::Rule8590,
    &rule_8600::Rule8600,
    &rule_8606::Rule8606,
    &rule_8608::Rule8608,
];
