//! The steps the `sightline` command and the benchmark binary share: generate, write, import.
//!
//! Each step is a plain function over the library crates, so the CLI verbs and `sightline-bench`
//! measure exactly the same code path.

pub mod measures;
pub mod pipeline;
pub mod reports;
pub mod validation;
