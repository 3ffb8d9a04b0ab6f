//! Registry of part D of the 903 catalogue (codes 601-635, 1000-1016, 3001, EPI, NoE, INT01-INT36,
//! SW02STG1-SW19STG2).

#[path = "util_d.rs"]
mod util_d;

#[path = "rule_1000.rs"]
mod rule_1000;
#[path = "rule_1001.rs"]
mod rule_1001;
#[path = "rule_1002.rs"]
mod rule_1002;
#[path = "rule_1003.rs"]
mod rule_1003;
#[path = "rule_1004.rs"]
mod rule_1004;
#[path = "rule_1005.rs"]
mod rule_1005;
#[path = "rule_1006.rs"]
mod rule_1006;
#[path = "rule_1007.rs"]
mod rule_1007;
#[path = "rule_1008.rs"]
mod rule_1008;
#[path = "rule_1009.rs"]
mod rule_1009;
#[path = "rule_1010.rs"]
mod rule_1010;
#[path = "rule_1011.rs"]
mod rule_1011;
#[path = "rule_1012.rs"]
mod rule_1012;
#[path = "rule_1014.rs"]
mod rule_1014;
#[path = "rule_1015.rs"]
mod rule_1015;
#[path = "rule_1016.rs"]
mod rule_1016;
#[path = "rule_3001.rs"]
mod rule_3001;
#[path = "rule_601.rs"]
mod rule_601;
#[path = "rule_602.rs"]
mod rule_602;
#[path = "rule_607.rs"]
mod rule_607;
#[path = "rule_611.rs"]
mod rule_611;
#[path = "rule_612.rs"]
mod rule_612;
#[path = "rule_620.rs"]
mod rule_620;
#[path = "rule_621.rs"]
mod rule_621;
#[path = "rule_624.rs"]
mod rule_624;
#[path = "rule_625.rs"]
mod rule_625;
#[path = "rule_626.rs"]
mod rule_626;
#[path = "rule_628.rs"]
mod rule_628;
#[path = "rule_630.rs"]
mod rule_630;
#[path = "rule_631.rs"]
mod rule_631;
#[path = "rule_632.rs"]
mod rule_632;
#[path = "rule_633.rs"]
mod rule_633;
#[path = "rule_634.rs"]
mod rule_634;
#[path = "rule_635.rs"]
mod rule_635;
#[path = "rule_epi.rs"]
mod rule_epi;
#[path = "rule_int01.rs"]
mod rule_int01;
#[path = "rule_int02.rs"]
mod rule_int02;
#[path = "rule_int03.rs"]
mod rule_int03;
#[path = "rule_int04.rs"]
mod rule_int04;
#[path = "rule_int05.rs"]
mod rule_int05;
#[path = "rule_int06.rs"]
mod rule_int06;
#[path = "rule_int07.rs"]
mod rule_int07;
#[path = "rule_int08.rs"]
mod rule_int08;
#[path = "rule_int09.rs"]
mod rule_int09;
#[path = "rule_int11.rs"]
mod rule_int11;
#[path = "rule_int12.rs"]
mod rule_int12;
#[path = "rule_int13.rs"]
mod rule_int13;
#[path = "rule_int14.rs"]
mod rule_int14;
#[path = "rule_int15.rs"]
mod rule_int15;
#[path = "rule_int16.rs"]
mod rule_int16;
#[path = "rule_int17.rs"]
mod rule_int17;
#[path = "rule_int18.rs"]
mod rule_int18;
#[path = "rule_int21.rs"]
mod rule_int21;
#[path = "rule_int31.rs"]
mod rule_int31;
#[path = "rule_int32.rs"]
mod rule_int32;
#[path = "rule_int33.rs"]
mod rule_int33;
#[path = "rule_int34.rs"]
mod rule_int34;
#[path = "rule_int35.rs"]
mod rule_int35;
#[path = "rule_int36.rs"]
mod rule_int36;
#[path = "rule_noe.rs"]
mod rule_noe;
#[path = "rule_sw02stg1.rs"]
mod rule_sw02stg1;
#[path = "rule_sw04stg1.rs"]
mod rule_sw04stg1;
#[path = "rule_sw05stg1.rs"]
mod rule_sw05stg1;
#[path = "rule_sw06stg2.rs"]
mod rule_sw06stg2;
#[path = "rule_sw07stg2.rs"]
mod rule_sw07stg2;
#[path = "rule_sw08stg2.rs"]
mod rule_sw08stg2;
#[path = "rule_sw09stg2.rs"]
mod rule_sw09stg2;
#[path = "rule_sw10astg2.rs"]
mod rule_sw10astg2;
#[path = "rule_sw10bstg2.rs"]
mod rule_sw10bstg2;
#[path = "rule_sw10stg2.rs"]
mod rule_sw10stg2;
#[path = "rule_sw11bstg2.rs"]
mod rule_sw11bstg2;
#[path = "rule_sw12stg2.rs"]
mod rule_sw12stg2;
#[path = "rule_sw13stg1.rs"]
mod rule_sw13stg1;
#[path = "rule_sw17stg2.rs"]
mod rule_sw17stg2;
#[path = "rule_sw18stg2.rs"]
mod rule_sw18stg2;
#[path = "rule_sw19stg2.rs"]
mod rule_sw19stg2;

/// The rules of this part.
pub(super) static RULES: &[&dyn super::Rule] = &[
    &rule_601::Rule601,
    &rule_602::Rule602,
    &rule_607::Rule607,
    &rule_611::Rule611,
    &rule_612::Rule612,
    &rule_620::Rule620,
    &rule_621::Rule621,
    &rule_624::Rule624,
    &rule_625::Rule625,
    &rule_626::Rule626,
    &rule_628::Rule628,
    &rule_630::Rule630,
    &rule_631::Rule631,
    &rule_632::Rule632,
    &rule_633::Rule633,
    &rule_634::Rule634,
    &rule_635::Rule635,
    &rule_1000::Rule1000,
    &rule_1001::Rule1001,
    &rule_1002::Rule1002,
    &rule_1003::Rule1003,
    &rule_1004::Rule1004,
    &rule_1005::Rule1005,
    &rule_1006::Rule1006,
    &rule_1007::Rule1007,
    &rule_1008::Rule1008,
    &rule_1009::Rule1009,
    &rule_1010::Rule1010,
    &rule_1011::Rule1011,
    &rule_1012::Rule1012,
    &rule_1014::Rule1014,
    &rule_1015::Rule1015,
    &rule_1016::Rule1016,
    &rule_3001::Rule3001,
    &rule_epi::RuleEpi,
    &rule_int01::RuleInt01,
    &rule_int02::RuleInt02,
    &rule_int03::RuleInt03,
    &rule_int04::RuleInt04,
    &rule_int05::RuleInt05,
    &rule_int06::RuleInt06,
    &rule_int07::RuleInt07,
    &rule_int08::RuleInt08,
    &rule_int09::RuleInt09,
    &rule_int11::RuleInt11,
    &rule_int12::RuleInt12,
    &rule_int13::RuleInt13,
    &rule_int14::RuleInt14,
    &rule_int15::RuleInt15,
    &rule_int16::RuleInt16,
    &rule_int17::RuleInt17,
    &rule_int18::RuleInt18,
    &rule_int21::RuleInt21,
    &rule_int31::RuleInt31,
    &rule_int32::RuleInt32,
    &rule_int33::RuleInt33,
    &rule_int34::RuleInt34,
    &rule_int35::RuleInt35,
    &rule_int36::RuleInt36,
    &rule_noe::RuleNoe,
    &rule_sw02stg1::RuleSw02stg1,
    &rule_sw04stg1::RuleSw04stg1,
    &rule_sw05stg1::RuleSw05stg1,
    &rule_sw06stg2::RuleSw06stg2,
    &rule_sw07stg2::RuleSw07stg2,
    &rule_sw08stg2::RuleSw08stg2,
    &rule_sw09stg2::RuleSw09stg2,
    &rule_sw10astg2::RuleSw10astg2,
    &rule_sw10bstg2::RuleSw10bstg2,
    &rule_sw10stg2::RuleSw10stg2,
    &rule_sw11bstg2::RuleSw11bstg2,
    &rule_sw12stg2::RuleSw12stg2,
    &rule_sw13stg1::RuleSw13stg1,
    &rule_sw17stg2::RuleSw17stg2,
    &rule_sw18stg2::RuleSw18stg2,
    &rule_sw19stg2::RuleSw19stg2,
];
