//! Loading a snapshot and computing its indicators: moved to `sightline-service` (shared with the
//! web server); re-exported here so the verbs and `sightline-bench` keep their paths.

pub use sightline_service::{
    IndicatorLine, Loaded, context, good_is, indicator_lines, load_snapshot, population,
};
