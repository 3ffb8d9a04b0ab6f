//! Reading a return and running its rules: shared by `sightline validate`, `demo` and the bench.

use anyhow::{Context, Result, bail};
use sightline_formats::Format;
use sightline_rules::RuleReport;
use sightline_rules::postcodes::SectorTable;
use sightline_rules::providers::ProviderList;
use sightline_rules::ssda903::{PostcodeReference, Ssda903Return};
use std::path::{Path, PathBuf};

/// Validating already-read 903 tables and streaming a CIN census file: shared with the web app's
/// uploads, so they live in `sightline-service`.
pub use sightline_service::validation::{validate_903_tables, validate_cin};

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

/// Loads Ofsted's provider lists: XLSX workbooks as Ofsted publishes them (every sheet with a
/// `URN` column is read) or CSV files with the same columns.
pub fn load_providers(paths: &[PathBuf]) -> Result<ProviderList> {
    let mut list = ProviderList::default();
    for path in paths {
        let xlsx = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "xlsx" | "xlsm" | "xls" | "ods"
            )
        });
        let sheets = if xlsx {
            workbook_sheets(path)?
        } else {
            vec![("CSV".to_owned(), csv_rows(path)?)]
        };
        let mut added = 0;
        for (name, rows) in sheets {
            added += list.add_sheet(&rows).map_err(|e| {
                anyhow::anyhow!("Ofsted provider list {}, sheet {name}: {e}", path.display())
            })?;
        }
        if added == 0 {
            bail!(
                "Ofsted provider list {}: no provider rows (expected a sheet with a URN column)",
                path.display()
            );
        }
    }
    Ok(list)
}

type Sheet = (String, Vec<Vec<String>>);

fn workbook_sheets(path: &Path) -> Result<Vec<Sheet>> {
    use calamine::{Data, Reader};
    // calamine may panic on a malformed workbook: turn that into an error naming the file.
    let read = std::panic::catch_unwind(|| -> Result<Vec<Sheet>> {
        let mut book = calamine::open_workbook_auto(path)
            .with_context(|| format!("cannot open the workbook {}", path.display()))?;
        let mut sheets = Vec::new();
        for name in book.sheet_names() {
            let range = book
                .worksheet_range(&name)
                .with_context(|| format!("{}: cannot read sheet {name}", path.display()))?;
            let rows = range
                .rows()
                .map(|row| {
                    row.iter()
                        .map(|cell| match cell {
                            Data::DateTime(dt) => {
                                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                                format!("{y:04}-{m:02}-{d:02}")
                            }
                            Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            sheets.push((name, rows));
        }
        Ok(sheets)
    });
    read.unwrap_or_else(|_| bail!("{}: not a readable workbook", path.display()))
}

fn csv_rows(path: &Path) -> Result<Vec<Vec<String>>> {
    let bytes = std::fs::read(path)
        .with_context(|| format!("cannot read the provider list {}", path.display()))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    reader
        .records()
        .map(|r| {
            r.map(|r| r.iter().map(str::to_owned).collect())
                .with_context(|| format!("provider list {}", path.display()))
        })
        .collect()
}

/// Validates a 903 return (and optionally last year's) with the rules of `year`; `providers`
/// are Ofsted's provider list files (none: the URN rules are skipped).
pub fn validate_903(
    paths: &[PathBuf],
    previous: Option<&Path>,
    postcodes: Option<&Path>,
    providers: &[PathBuf],
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
    let providers = (!providers.is_empty())
        .then(|| load_providers(providers))
        .transpose()?;
    let la_code = la_code
        .map(|c| {
            c.parse()
                .with_context(|| format!("--la {c}: expected a 3-digit DfE LA code"))
        })
        .transpose()?;
    let data = Ssda903Return {
        current: &current,
        previous: previous.as_ref(),
        year,
        postcodes: postcodes.as_ref().map(|p| p as &dyn PostcodeReference),
        la_code,
        providers: providers.as_ref(),
    };
    Ok(sightline_rules::ssda903::validate(&data))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sightline_rules::Outcome;
    use sightline_rules::ssda903::PROVIDERS_NOT_SUPPLIED;

    const HEADER: &str = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,M,01/01/2010,WBRI,UN1,,\n";
    const EPISODES: &str = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n\
        1,01/05/2025,S,C2,N1,K2,PR4,,,,,,SC000001\n\
        1,01/06/2025,P,C2,N1,K2,PR4,,,,,,SC999999\n";

    fn outcome<'r>(reports: &'r [RuleReport], code: &str) -> &'r Outcome {
        &reports
            .iter()
            .find(|r| r.meta.code == code)
            .unwrap()
            .outcome
    }

    #[test]
    fn urn_rules_run_with_a_provider_list_and_are_skipped_without() {
        let dir = tempfile::tempdir().unwrap();
        let ret = dir.path().join("return");
        std::fs::create_dir_all(&ret).unwrap();
        std::fs::write(ret.join("header.csv"), HEADER).unwrap();
        std::fs::write(ret.join("episodes.csv"), EPISODES).unwrap();
        let list = dir.path().join("providers.csv");
        std::fs::write(
            &list,
            "\u{feff}URN,Local authority,Placement code,Placement provider code,Deregistration date,Setting address postcode\n\
             SC000001,Kirklees,K2,PR4,,HD1 2AB\n",
        )
        .unwrap();
        let paths = [ret];

        let without = validate_903(&paths, None, None, &[], None, 2026).unwrap();
        assert_eq!(
            outcome(&without, "1008"),
            &Outcome::Skipped(PROVIDERS_NOT_SUPPLIED.to_owned())
        );

        let with = validate_903(&paths, None, None, &[list], None, 2026).unwrap();
        let Outcome::Failed(findings) = outcome(&with, "1008") else {
            panic!("1008 should fail on the unlisted URN");
        };
        let rows: Vec<Option<u64>> = findings.iter().map(|f| f.row_number).collect();
        assert_eq!(rows, [Some(2)]);
        assert_eq!(outcome(&with, "219"), &Outcome::Passed);
    }

    #[test]
    fn a_provider_list_without_urns_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("providers.csv");
        std::fs::write(&list, "Name,Town\nHome,Leeds\n").unwrap();
        let err = load_providers(&[list]).unwrap_err().to_string();
        assert!(
            err.contains("providers.csv") && err.contains("URN column"),
            "{err}"
        );
    }
}
