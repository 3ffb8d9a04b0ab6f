//! Registry of part A of the 903 catalogue.
//!
//! The rule files are siblings of this file (hence `#[path]`); they reach the engine through
//! `crate::ssda903` and part A's shared helpers through `super::util_a`.

#[path = "util_a.rs"]
pub(super) mod util_a;

#[path = "rule_101.rs"]
mod rule_101;
#[path = "rule_102.rs"]
mod rule_102;
#[path = "rule_104.rs"]
mod rule_104;
#[path = "rule_105.rs"]
mod rule_105;
#[path = "rule_112.rs"]
mod rule_112;
#[path = "rule_113.rs"]
mod rule_113;
#[path = "rule_114.rs"]
mod rule_114;
#[path = "rule_115.rs"]
mod rule_115;
#[path = "rule_116.rs"]
mod rule_116;
#[path = "rule_117.rs"]
mod rule_117;
#[path = "rule_118.rs"]
mod rule_118;
#[path = "rule_119.rs"]
mod rule_119;
#[path = "rule_120.rs"]
mod rule_120;
#[path = "rule_131.rs"]
mod rule_131;
#[path = "rule_132.rs"]
mod rule_132;
#[path = "rule_133.rs"]
mod rule_133;
#[path = "rule_134.rs"]
mod rule_134;
#[path = "rule_141.rs"]
mod rule_141;
#[path = "rule_142.rs"]
mod rule_142;
#[path = "rule_143.rs"]
mod rule_143;
#[path = "rule_144.rs"]
mod rule_144;
#[path = "rule_145.rs"]
mod rule_145;
#[path = "rule_146.rs"]
mod rule_146;
#[path = "rule_147.rs"]
mod rule_147;
#[path = "rule_148.rs"]
mod rule_148;
#[path = "rule_149.rs"]
mod rule_149;
#[path = "rule_151.rs"]
mod rule_151;
#[path = "rule_153.rs"]
mod rule_153;
#[path = "rule_157.rs"]
mod rule_157;
#[path = "rule_158.rs"]
mod rule_158;
#[path = "rule_159.rs"]
mod rule_159;
#[path = "rule_164.rs"]
mod rule_164;
#[path = "rule_165.rs"]
mod rule_165;
#[path = "rule_166.rs"]
mod rule_166;
#[path = "rule_167.rs"]
mod rule_167;
#[path = "rule_168.rs"]
mod rule_168;
#[path = "rule_169.rs"]
mod rule_169;
#[path = "rule_171.rs"]
mod rule_171;
#[path = "rule_174.rs"]
mod rule_174;
#[path = "rule_175.rs"]
mod rule_175;
#[path = "rule_176.rs"]
mod rule_176;
#[path = "rule_177.rs"]
mod rule_177;
#[path = "rule_178.rs"]
mod rule_178;
#[path = "rule_179.rs"]
mod rule_179;
#[path = "rule_180.rs"]
mod rule_180;
#[path = "rule_181.rs"]
mod rule_181;
#[path = "rule_182.rs"]
mod rule_182;
#[path = "rule_184.rs"]
mod rule_184;
#[path = "rule_185.rs"]
mod rule_185;
#[path = "rule_186.rs"]
mod rule_186;
#[path = "rule_187.rs"]
mod rule_187;
#[path = "rule_188.rs"]
mod rule_188;
#[path = "rule_189.rs"]
mod rule_189;
#[path = "rule_190.rs"]
mod rule_190;
#[path = "rule_191.rs"]
mod rule_191;
#[path = "rule_192.rs"]
mod rule_192;
#[path = "rule_193.rs"]
mod rule_193;
#[path = "rule_196.rs"]
mod rule_196;
#[path = "rule_197a.rs"]
mod rule_197a;
#[path = "rule_197b.rs"]
mod rule_197b;
#[path = "rule_198.rs"]
mod rule_198;
#[path = "rule_199.rs"]
mod rule_199;

/// The rules of this part, in code order.
pub(super) static RULES: &[&dyn super::Rule] = &[
    &rule_101::Rule101,
    &rule_102::Rule102,
    &rule_104::Rule104,
    &rule_105::Rule105,
    &rule_112::Rule112,
    &rule_113::Rule113,
    &rule_114::Rule114,
    &rule_115::Rule115,
    &rule_116::Rule116,
    &rule_117::Rule117,
    &rule_118::Rule118,
    &rule_119::Rule119,
    &rule_120::Rule120,
    &rule_131::Rule131,
    &rule_132::Rule132,
    &rule_133::Rule133,
    &rule_134::Rule134,
    &rule_141::Rule141,
    &rule_142::Rule142,
    &rule_143::Rule143,
    &rule_144::Rule144,
    &rule_145::Rule145,
    &rule_146::Rule146,
    &rule_147::Rule147,
    &rule_148::Rule148,
    &rule_149::Rule149,
    &rule_151::Rule151,
    &rule_153::Rule153,
    &rule_157::Rule157,
    &rule_158::Rule158,
    &rule_159::Rule159,
    &rule_164::Rule164,
    &rule_165::Rule165,
    &rule_166::Rule166,
    &rule_167::Rule167,
    &rule_168::Rule168,
    &rule_169::Rule169,
    &rule_171::Rule171,
    &rule_174::Rule174,
    &rule_175::Rule175,
    &rule_176::Rule176,
    &rule_177::Rule177,
    &rule_178::Rule178,
    &rule_179::Rule179,
    &rule_180::Rule180,
    &rule_181::Rule181,
    &rule_182::Rule182,
    &rule_184::Rule184,
    &rule_185::Rule185,
    &rule_186::Rule186,
    &rule_187::Rule187,
    &rule_188::Rule188,
    &rule_189::Rule189,
    &rule_190::Rule190,
    &rule_191::Rule191,
    &rule_192::Rule192,
    &rule_193::Rule193,
    &rule_196::Rule196,
    &rule_197a::Rule197a,
    &rule_197b::Rule197B,
    &rule_198::Rule198,
    &rule_199::Rule199,
];
