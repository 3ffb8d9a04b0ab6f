//! Generate → write → import, as functions the CLI verbs compose.

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use sightline_formats::{ExtractSpec, Format, faults::FaultSpec};
use sightline_model::{CaseRecords, collection_year_ending, ids::LaCode};
use sightline_store::{FileProvenance, NewSnapshot, SnapshotId, SnapshotStore, SqliteStore};
use sightline_synth::{SynthConfig, Synthetic};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Generates the synthetic council; `progress(done, total)` is called as it goes.
pub fn synthesise(config: &SynthConfig, progress: &(dyn Fn(u64, u64) + Sync)) -> Synthetic {
    sightline_synth::generate_with_progress(config, progress)
}

/// The extract spec for a synthetic council: the collection year is the last complete DfE year
/// (1 April to 31 March) ending on or before the extract date.
pub fn extract_spec(synthetic: &Synthetic) -> ExtractSpec {
    let end = synthetic.end;
    let year = collection_year_ending(end);
    let complete_year = if end == NaiveDate::from_ymd_opt(year, 3, 31).unwrap_or(end) {
        year
    } else {
        year - 1
    };
    ExtractSpec {
        council: synthetic.council.clone(),
        extract_date: end,
        collection_year_ending: complete_year,
    }
}

/// Writes every statutory format of the council into `dir`; returns the files by format.
pub fn write_files(
    dir: &Path,
    synthetic: &Synthetic,
    faults: Option<&FaultSpec>,
) -> Result<Vec<(Format, PathBuf)>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let spec = extract_spec(synthetic);
    Ok(sightline_formats::write_extract(
        dir,
        &synthetic.records,
        &spec,
        faults,
    )?)
}

/// One format's files read into records, ready to store.
pub struct ReadGroup {
    /// The format.
    pub format: Format,
    /// The files, in a stable order.
    pub files: Vec<PathBuf>,
    /// The records read from them.
    pub records: CaseRecords,
}

/// Detects the format of every file under `paths` and reads each format's files.
pub fn read_paths(paths: &[PathBuf]) -> Result<Vec<ReadGroup>> {
    let detected = sightline_formats::detect(paths)?;
    if detected.is_empty() {
        bail!("no files found in {}", display_paths(paths));
    }
    let mut by_format: BTreeMap<Format, Vec<PathBuf>> = BTreeMap::new();
    for file in detected {
        by_format.entry(file.format).or_default().push(file.path);
    }
    by_format
        .into_iter()
        .map(|(format, files)| {
            let records = sightline_formats::read_group(format, &files)?;
            Ok(ReadGroup {
                format,
                files,
                records,
            })
        })
        .collect()
}

/// Stores the groups as one snapshot each, all in one transaction: all are stored or none.
pub fn import_groups(
    store: &mut SqliteStore,
    groups: &[ReadGroup],
    la_code: Option<LaCode>,
    extract_date: Option<NaiveDate>,
) -> Result<Vec<SnapshotId>> {
    let imported_at = now();
    let mut snapshots = Vec::with_capacity(groups.len());
    for group in groups {
        let files = group
            .files
            .iter()
            .map(|path| {
                let (sha256, bytes) = sightline_store::sha256_file(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                Ok(FileProvenance {
                    name: path.display().to_string(),
                    sha256,
                    bytes,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let extract_date = match extract_date.or_else(|| group.records.latest_event_date()) {
            Some(date) => date,
            None => bail!(
                "cannot tell the extract date of the {} files (no dated records): pass --extract-date",
                group.format.name()
            ),
        };
        snapshots.push(NewSnapshot {
            source_format: group.format.name().to_owned(),
            la_code,
            extract_date,
            imported_at,
            files,
            records: &group.records,
        });
    }
    Ok(store.import(&snapshots)?)
}

/// Wall-clock time of the import: the only place the clock is read.
fn now() -> chrono::NaiveDateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.naive_utc())
        .unwrap_or_default()
}

fn display_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
