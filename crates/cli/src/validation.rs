//! Reading a return and running its rules: shared by `sightline validate`, `demo` and the bench.

use anyhow::{Context, Result, bail};
use sightline_formats::Format;
use sightline_formats::cin::CinChildren;
use sightline_rules::RuleReport;
use sightline_rules::cin::{CinReturn, Validator};
use sightline_rules::postcodes::SectorTable;
use sightline_rules::ssda903::{PostcodeReference, Ssda903Return};
use std::path::{Path, PathBuf};

/// The files of one format under the paths, found by content with the formats crate's
/// [`sightline_formats::detect`] (folders searched recursively, hidden entries skipped).
pub fn files_of(format: Format, paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let files: Vec<PathBuf> = sightline_formats::detect(paths)?
        .into_iter()
        .filter(|f| f.format == format)
        .map(|f| f.path)
        .collect();
    if files.is_empty() {
        bail!("no {} files found", format.name());
    }
    Ok(files)
}

/// Loads a postcode reference file (CSV with sector centroids).
pub fn load_postcodes(path: &Path) -> Result<SectorTable> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the postcode reference {}", path.display()))?;
    parse_postcodes(&text).with_context(|| format!("postcode reference {}", path.display()))
}

/// Parses postcode reference text (authorities answered as ONS codes).
pub fn parse_postcodes(text: &str) -> Result<SectorTable> {
    SectorTable::parse(text, &sightline_measures::benchmarks::council_codes())
        .map_err(anyhow::Error::msg)
}

/// Validates a 903 return (and optionally last year's) with the rules of `year`.
pub fn validate_903(
    paths: &[PathBuf],
    previous: Option<&Path>,
    postcodes: Option<&Path>,
    la_code: Option<&str>,
    year: i32,
) -> Result<Vec<RuleReport>> {
    let current = sightline_formats::ssda903::read_tables(&files_of(Format::Ssda903, paths)?)?;
    let previous = previous
        .map(|p| {
            sightline_formats::ssda903::read_tables(&files_of(Format::Ssda903, &[p.to_path_buf()])?)
                .map_err(anyhow::Error::from)
        })
        .transpose()?;
    let postcodes = postcodes.map(load_postcodes).transpose()?;
    let la_code = la_code
        .map(|c| {
            c.parse()
                .with_context(|| format!("--la {c}: expected a 3-digit DfE LA code"))
        })
        .transpose()?;
    Ok(validate_903_tables(
        &current,
        previous.as_ref(),
        postcodes.as_ref().map(|p| p as &dyn PostcodeReference),
        la_code,
        year,
    ))
}

/// Validates already-read 903 tables.
pub fn validate_903_tables(
    current: &sightline_formats::ssda903::Ssda903Tables,
    previous: Option<&sightline_formats::ssda903::Ssda903Tables>,
    postcodes: Option<&dyn PostcodeReference>,
    la_code: Option<sightline_model::ids::LaCode>,
    year: i32,
) -> Vec<RuleReport> {
    let data = Ssda903Return {
        current,
        previous,
        year,
        postcodes,
        la_code,
    };
    sightline_rules::ssda903::validate(&data)
}

/// Streams a CIN census file through the rules of `year`.
pub fn validate_cin(file: &Path, year: i32) -> Result<Vec<RuleReport>> {
    let mut children = CinChildren::open(file)?;
    let header = children.read_header()?.cloned();
    let data = CinReturn {
        header: header.as_ref(),
        year,
        la_code: None,
    };
    let mut validator = Validator::new(&data);
    for child in children.by_ref() {
        validator.child(&child?);
    }
    Ok(validator.finish())
}
