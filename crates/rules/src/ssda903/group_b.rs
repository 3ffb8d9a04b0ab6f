//! Registry of part B of the 903 catalogue (codes 202-399), kept apart while the parts are
//! written in parallel.

#[path = "util_b.rs"]
mod util_b;

#[path = "rule_202.rs"]
mod rule_202;
#[path = "rule_203.rs"]
mod rule_203;
#[path = "rule_204.rs"]
mod rule_204;
#[path = "rule_205a.rs"]
mod rule_205a;
#[path = "rule_205b.rs"]
mod rule_205b;
#[path = "rule_205c.rs"]
mod rule_205c;
#[path = "rule_205d.rs"]
mod rule_205d;
#[path = "rule_207.rs"]
mod rule_207;
#[path = "rule_208.rs"]
mod rule_208;
#[path = "rule_209.rs"]
mod rule_209;
#[path = "rule_210.rs"]
mod rule_210;
#[path = "rule_213.rs"]
mod rule_213;
#[path = "rule_214.rs"]
mod rule_214;
#[path = "rule_215.rs"]
mod rule_215;
#[path = "rule_217.rs"]
mod rule_217;
#[path = "rule_218.rs"]
mod rule_218;
#[path = "rule_219.rs"]
mod rule_219;
#[path = "rule_221.rs"]
mod rule_221;
#[path = "rule_222.rs"]
mod rule_222;
#[path = "rule_224.rs"]
mod rule_224;
#[path = "rule_225.rs"]
mod rule_225;
#[path = "rule_226.rs"]
mod rule_226;
#[path = "rule_227.rs"]
mod rule_227;
#[path = "rule_228.rs"]
mod rule_228;
#[path = "rule_229.rs"]
mod rule_229;
#[path = "rule_231.rs"]
mod rule_231;
#[path = "rule_232.rs"]
mod rule_232;
#[path = "rule_233.rs"]
mod rule_233;
#[path = "rule_234.rs"]
mod rule_234;
#[path = "rule_241.rs"]
mod rule_241;
#[path = "rule_242.rs"]
mod rule_242;
#[path = "rule_243.rs"]
mod rule_243;
#[path = "rule_301.rs"]
mod rule_301;
#[path = "rule_302.rs"]
mod rule_302;
#[path = "rule_303.rs"]
mod rule_303;
#[path = "rule_304.rs"]
mod rule_304;
#[path = "rule_331.rs"]
mod rule_331;
#[path = "rule_333.rs"]
mod rule_333;
#[path = "rule_334.rs"]
mod rule_334;
#[path = "rule_335.rs"]
mod rule_335;
#[path = "rule_336.rs"]
mod rule_336;
#[path = "rule_344.rs"]
mod rule_344;
#[path = "rule_345.rs"]
mod rule_345;
#[path = "rule_347.rs"]
mod rule_347;
#[path = "rule_348.rs"]
mod rule_348;
#[path = "rule_351.rs"]
mod rule_351;
#[path = "rule_352.rs"]
mod rule_352;
#[path = "rule_353.rs"]
mod rule_353;
#[path = "rule_354.rs"]
mod rule_354;
#[path = "rule_355.rs"]
mod rule_355;
#[path = "rule_356.rs"]
mod rule_356;
#[path = "rule_357.rs"]
mod rule_357;
#[path = "rule_358.rs"]
mod rule_358;
#[path = "rule_359.rs"]
mod rule_359;
#[path = "rule_361.rs"]
mod rule_361;
#[path = "rule_362.rs"]
mod rule_362;
#[path = "rule_363.rs"]
mod rule_363;
#[path = "rule_364.rs"]
mod rule_364;
#[path = "rule_365.rs"]
mod rule_365;
#[path = "rule_366.rs"]
mod rule_366;
#[path = "rule_367.rs"]
mod rule_367;
#[path = "rule_371.rs"]
mod rule_371;
#[path = "rule_372.rs"]
mod rule_372;
#[path = "rule_373.rs"]
mod rule_373;
#[path = "rule_374.rs"]
mod rule_374;
#[path = "rule_375.rs"]
mod rule_375;
#[path = "rule_376.rs"]
mod rule_376;
#[path = "rule_377.rs"]
mod rule_377;
#[path = "rule_378.rs"]
mod rule_378;
#[path = "rule_379.rs"]
mod rule_379;
#[path = "rule_380.rs"]
mod rule_380;
#[path = "rule_381.rs"]
mod rule_381;
#[path = "rule_382.rs"]
mod rule_382;
#[path = "rule_383.rs"]
mod rule_383;
#[path = "rule_384.rs"]
mod rule_384;
#[path = "rule_385.rs"]
mod rule_385;
#[path = "rule_386.rs"]
mod rule_386;
#[path = "rule_387.rs"]
mod rule_387;
#[path = "rule_388.rs"]
mod rule_388;
#[path = "rule_389.rs"]
mod rule_389;
#[path = "rule_390.rs"]
mod rule_390;
#[path = "rule_391.rs"]
mod rule_391;
#[path = "rule_392a.rs"]
mod rule_392a;
#[path = "rule_392b.rs"]
mod rule_392b;
#[path = "rule_392c.rs"]
mod rule_392c;
#[path = "rule_392d.rs"]
mod rule_392d;
#[path = "rule_393.rs"]
mod rule_393;
#[path = "rule_398.rs"]
mod rule_398;
#[path = "rule_399.rs"]
mod rule_399;

/// The rules of this part.
pub(super) static RULES: &[&dyn super::Rule] = &[
    &rule_202::Rule202,
    &rule_203::Rule203,
    &rule_204::Rule204,
    &rule_205a::Rule205A,
    &rule_205b::Rule205B,
    &rule_205c::Rule205C,
    &rule_205d::Rule205D,
    &rule_207::Rule207,
    &rule_208::Rule208,
    &rule_209::Rule209,
    &rule_210::Rule210,
    &rule_213::Rule213,
    &rule_214::Rule214,
    &rule_215::Rule215,
    &rule_217::Rule217,
    &rule_218::Rule218,
    &rule_219::Rule219,
    &rule_221::Rule221,
    &rule_222::Rule222,
    &rule_224::Rule224,
    &rule_225::Rule225,
    &rule_226::Rule226,
    &rule_227::Rule227,
    &rule_228::Rule228,
    &rule_229::Rule229,
    &rule_231::Rule231,
    &rule_232::Rule232,
    &rule_233::Rule233,
    &rule_234::Rule234,
    &rule_241::Rule241,
    &rule_242::Rule242,
    &rule_243::Rule243,
    &rule_301::Rule301,
    &rule_302::Rule302,
    &rule_303::Rule303,
    &rule_304::Rule304,
    &rule_331::Rule331,
    &rule_333::Rule333,
    &rule_334::Rule334,
    &rule_335::Rule335,
    &rule_336::Rule336,
    &rule_344::Rule344,
    &rule_345::Rule345,
    &rule_347::Rule347,
    &rule_348::Rule348,
    &rule_351::Rule351,
    &rule_352::Rule352,
    &rule_353::Rule353,
    &rule_354::Rule354,
    &rule_355::Rule355,
    &rule_356::Rule356,
    &rule_357::Rule357,
    &rule_358::Rule358,
    &rule_359::Rule359,
    &rule_361::Rule361,
    &rule_362::Rule362,
    &rule_363::Rule363,
    &rule_364::Rule364,
    &rule_365::Rule365,
    &rule_366::Rule366,
    &rule_367::Rule367,
    &rule_371::Rule371,
    &rule_372::Rule372,
    &rule_373::Rule373,
    &rule_374::Rule374,
    &rule_375::Rule375,
    &rule_376::Rule376,
    &rule_377::Rule377,
    &rule_378::Rule378,
    &rule_379::Rule379,
    &rule_380::Rule380,
    &rule_381::Rule381,
    &rule_382::Rule382,
    &rule_383::Rule383,
    &rule_384::Rule384,
    &rule_385::Rule385,
    &rule_386::Rule386,
    &rule_387::Rule387,
    &rule_388::Rule388,
    &rule_389::Rule389,
    &rule_390::Rule390,
    &rule_391::Rule391,
    &rule_392a::Rule392a,
    &rule_392b::Rule392b,
    &rule_392c::Rule392c,
    &rule_392d::Rule392d,
    &rule_393::Rule393,
    &rule_398::Rule398,
    &rule_399::Rule399,
];
