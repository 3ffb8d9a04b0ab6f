//! Registry of part C of the 903 catalogue (codes 406-586), kept apart while the parts are
//! written in parallel.
//!
//! The rule files are siblings of this file (hence `#[path]`); they reach the engine through
//! `crate::ssda903` and part C's shared helpers through `super::util_c`.

#[path = "util_c.rs"]
mod util_c;

#[path = "rule_406.rs"]
mod rule_406;
#[path = "rule_407.rs"]
mod rule_407;
#[path = "rule_408.rs"]
mod rule_408;
#[path = "rule_411.rs"]
mod rule_411;
#[path = "rule_420.rs"]
mod rule_420;
#[path = "rule_426.rs"]
mod rule_426;
#[path = "rule_431.rs"]
mod rule_431;
#[path = "rule_432.rs"]
mod rule_432;
#[path = "rule_433.rs"]
mod rule_433;
#[path = "rule_434.rs"]
mod rule_434;
#[path = "rule_435.rs"]
mod rule_435;
#[path = "rule_436.rs"]
mod rule_436;
#[path = "rule_437.rs"]
mod rule_437;
#[path = "rule_440.rs"]
mod rule_440;
#[path = "rule_441.rs"]
mod rule_441;
#[path = "rule_442.rs"]
mod rule_442;
#[path = "rule_444.rs"]
mod rule_444;
#[path = "rule_446.rs"]
mod rule_446;
#[path = "rule_452.rs"]
mod rule_452;
#[path = "rule_453.rs"]
mod rule_453;
#[path = "rule_454.rs"]
mod rule_454;
#[path = "rule_460.rs"]
mod rule_460;
#[path = "rule_501.rs"]
mod rule_501;
#[path = "rule_502.rs"]
mod rule_502;
#[path = "rule_503a.rs"]
mod rule_503a;
#[path = "rule_503b.rs"]
mod rule_503b;
#[path = "rule_503c.rs"]
mod rule_503c;
#[path = "rule_503d.rs"]
mod rule_503d;
#[path = "rule_503e.rs"]
mod rule_503e;
#[path = "rule_503f.rs"]
mod rule_503f;
#[path = "rule_503g.rs"]
mod rule_503g;
#[path = "rule_503h.rs"]
mod rule_503h;
#[path = "rule_503j.rs"]
mod rule_503j;
#[path = "rule_504.rs"]
mod rule_504;
#[path = "rule_511.rs"]
mod rule_511;
#[path = "rule_514.rs"]
mod rule_514;
#[path = "rule_516.rs"]
mod rule_516;
#[path = "rule_517.rs"]
mod rule_517;
#[path = "rule_518.rs"]
mod rule_518;
#[path = "rule_519.rs"]
mod rule_519;
#[path = "rule_520.rs"]
mod rule_520;
#[path = "rule_521.rs"]
mod rule_521;
#[path = "rule_522.rs"]
mod rule_522;
#[path = "rule_523.rs"]
mod rule_523;
#[path = "rule_524.rs"]
mod rule_524;
#[path = "rule_525.rs"]
mod rule_525;
#[path = "rule_526.rs"]
mod rule_526;
#[path = "rule_527.rs"]
mod rule_527;
#[path = "rule_528.rs"]
mod rule_528;
#[path = "rule_529.rs"]
mod rule_529;
#[path = "rule_530.rs"]
mod rule_530;
#[path = "rule_531.rs"]
mod rule_531;
#[path = "rule_542.rs"]
mod rule_542;
#[path = "rule_543.rs"]
mod rule_543;
#[path = "rule_544.rs"]
mod rule_544;
#[path = "rule_545.rs"]
mod rule_545;
#[path = "rule_546.rs"]
mod rule_546;
#[path = "rule_547.rs"]
mod rule_547;
#[path = "rule_550.rs"]
mod rule_550;
#[path = "rule_551.rs"]
mod rule_551;
#[path = "rule_552.rs"]
mod rule_552;
#[path = "rule_553.rs"]
mod rule_553;
#[path = "rule_554.rs"]
mod rule_554;
#[path = "rule_557.rs"]
mod rule_557;
#[path = "rule_558.rs"]
mod rule_558;
#[path = "rule_559.rs"]
mod rule_559;
#[path = "rule_560.rs"]
mod rule_560;
#[path = "rule_561.rs"]
mod rule_561;
#[path = "rule_562.rs"]
mod rule_562;
#[path = "rule_563.rs"]
mod rule_563;
#[path = "rule_564.rs"]
mod rule_564;
#[path = "rule_565.rs"]
mod rule_565;
#[path = "rule_566.rs"]
mod rule_566;
#[path = "rule_567.rs"]
mod rule_567;
#[path = "rule_570.rs"]
mod rule_570;
#[path = "rule_571.rs"]
mod rule_571;
#[path = "rule_574.rs"]
mod rule_574;
#[path = "rule_575.rs"]
mod rule_575;
#[path = "rule_576.rs"]
mod rule_576;
#[path = "rule_577.rs"]
mod rule_577;
#[path = "rule_578.rs"]
mod rule_578;
#[path = "rule_579.rs"]
mod rule_579;
#[path = "rule_580.rs"]
mod rule_580;
#[path = "rule_581.rs"]
mod rule_581;
#[path = "rule_582.rs"]
mod rule_582;
#[path = "rule_583.rs"]
mod rule_583;
#[path = "rule_584.rs"]
mod rule_584;
#[path = "rule_586.rs"]
mod rule_586;

/// The rules of this part, in code order.
pub(super) static RULES: &[&dyn super::Rule] = &[
    &rule_406::Rule406,
    &rule_407::Rule407,
    &rule_408::Rule408,
    &rule_411::Rule411,
    &rule_420::Rule420,
    &rule_426::Rule426,
    &rule_431::Rule431,
    &rule_432::Rule432,
    &rule_433::Rule433,
    &rule_434::Rule434,
    &rule_435::Rule435,
    &rule_436::Rule436,
    &rule_437::Rule437,
    &rule_440::Rule440,
    &rule_441::Rule441,
    &rule_442::Rule442,
    &rule_444::Rule444,
    &rule_446::Rule446,
    &rule_452::Rule452,
    &rule_453::Rule453,
    &rule_454::Rule454,
    &rule_460::Rule460,
    &rule_501::Rule501,
    &rule_502::Rule502,
    &rule_503a::Rule503A,
    &rule_503b::Rule503B,
    &rule_503c::Rule503C,
    &rule_503d::Rule503D,
    &rule_503e::Rule503E,
    &rule_503f::Rule503F,
    &rule_503g::Rule503G,
    &rule_503h::Rule503H,
    &rule_503j::Rule503J,
    &rule_504::Rule504,
    &rule_511::Rule511,
    &rule_514::Rule514,
    &rule_516::Rule516,
    &rule_517::Rule517,
    &rule_518::Rule518,
    &rule_519::Rule519,
    &rule_520::Rule520,
    &rule_521::Rule521,
    &rule_522::Rule522,
    &rule_523::Rule523,
    &rule_524::Rule524,
    &rule_525::Rule525,
    &rule_526::Rule526,
    &rule_527::Rule527,
    &rule_528::Rule528,
    &rule_529::Rule529,
    &rule_530::Rule530,
    &rule_531::Rule531,
    &rule_542::Rule542,
    &rule_543::Rule543,
    &rule_544::Rule544,
    &rule_545::Rule545,
    &rule_546::Rule546,
    &rule_547::Rule547,
    &rule_550::Rule550,
    &rule_551::Rule551,
    &rule_552::Rule552,
    &rule_553::Rule553,
    &rule_554::Rule554,
    &rule_557::Rule557,
    &rule_558::Rule558,
    &rule_559::Rule559,
    &rule_560::Rule560,
    &rule_561::Rule561,
    &rule_562::Rule562,
    &rule_563::Rule563,
    &rule_564::Rule564,
    &rule_565::Rule565,
    &rule_566::Rule566,
    &rule_567::Rule567,
    &rule_570::Rule570,
    &rule_571::Rule571,
    &rule_574::Rule574,
    &rule_575::Rule575,
    &rule_576::Rule576,
    &rule_577::Rule577,
    &rule_578::Rule578,
    &rule_579::Rule579,
    &rule_580::Rule580,
    &rule_581::Rule581,
    &rule_582::Rule582,
    &rule_583::Rule583,
    &rule_584::Rule584,
    &rule_586::Rule586,
];
