//! Generate → write → import, as functions the CLI verbs compose.

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use sightline_formats::{ExtractSpec, Format, faults::FaultSpec};
use sightline_model::{CaseRecords, collection_year_ending, ids::LaCode};
use sightline_store::{FileProvenance, NewSnapshot, SnapshotId, SnapshotStore, SqliteStore};
use sightline_synth::{SynthConfig, Synthetic};
use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
    if faults.is_some() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let spec = extract_spec(synthetic);
        return Ok(sightline_formats::write_extract(
            dir,
            &synthetic.records,
            &spec,
            faults,
        )?);
    }
    Ok(write_formats(dir, synthetic)?
        .into_iter()
        .flat_map(|w| w.files.into_iter().map(move |path| (w.format, path)))
        .collect())
}

/// One format's files as written, and how long writing them took.
pub struct Written {
    /// The format.
    pub format: Format,
    /// Its files.
    pub files: Vec<PathBuf>,
    /// Time spent writing them (on its own thread).
    pub elapsed: Duration,
}

/// Writes every statutory format of the council into `dir/<format>`, each format on its own
/// thread (the files are the same as [`sightline_formats::write_extract`]'s); returns them in
/// [`Format::ALL`] order.
pub fn write_formats(dir: &Path, synthetic: &Synthetic) -> Result<Vec<Written>> {
    use sightline_formats::{annex_a, cin, ssd, ssda903};
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let spec = extract_spec(synthetic);
    let records = &synthetic.records;
    std::thread::scope(|scope| {
        let handles: Vec<_> = Format::ALL
            .into_iter()
            .map(|format| {
                let (sub, spec) = (dir.join(format.name()), &spec);
                scope.spawn(move || {
                    let started = Instant::now();
                    let files = match format {
                        Format::Ssd => ssd::write(&sub, records, spec),
                        Format::Ssda903 => ssda903::write(&sub, records, spec),
                        Format::CinCensus => cin::write(&sub, records, spec),
                        Format::AnnexA => annex_a::write(&sub, records, spec),
                    }?;
                    Ok(Written {
                        format,
                        files,
                        elapsed: started.elapsed(),
                    })
                })
            })
            .collect();
        handles.into_iter().map(join).collect()
    })
}

/// The result of a scoped thread; a panic becomes an error rather than crossing threads.
fn join<T>(handle: std::thread::ScopedJoinHandle<'_, Result<T>>) -> Result<T> {
    handle
        .join()
        .unwrap_or_else(|_| Err(anyhow::anyhow!("a worker thread panicked")))
}

/// One format's files read into records, ready to store.
pub struct ReadGroup {
    /// The format.
    pub format: Format,
    /// The files, in a stable order.
    pub files: Vec<PathBuf>,
    /// The records read from them.
    pub records: CaseRecords,
    /// Each file's name, SHA-256 and size, taken as it was read.
    pub provenance: Vec<FileProvenance>,
    /// Time spent reading and hashing them (on its own thread).
    pub elapsed: Duration,
}

/// Detects the format of every file under `paths` and reads each format's files, each format on
/// its own thread; the groups come in format order.
pub fn read_paths(paths: &[PathBuf]) -> Result<Vec<ReadGroup>> {
    read_formats(paths, &Format::ALL)
}

/// [`read_paths`], reading only the files of `formats` (the others are detected and skipped).
pub fn read_formats(paths: &[PathBuf], formats: &[Format]) -> Result<Vec<ReadGroup>> {
    let detected = sightline_formats::detect(paths)?;
    if detected.is_empty() {
        bail!("no files found in {}", display_paths(paths));
    }
    let mut by_format: BTreeMap<Format, Vec<PathBuf>> = BTreeMap::new();
    for file in detected {
        if formats.contains(&file.format) {
            by_format.entry(file.format).or_default().push(file.path);
        }
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = by_format
            .into_iter()
            .map(|(format, files)| {
                scope.spawn(move || {
                    let started = Instant::now();
                    let records = sightline_formats::read_group(format, &files)?;
                    let provenance = provenance(&files)?;
                    Ok(ReadGroup {
                        format,
                        files,
                        records,
                        provenance,
                        elapsed: started.elapsed(),
                    })
                })
            })
            .collect();
        handles.into_iter().map(join).collect()
    })
}

/// Stores the groups as one snapshot each, all in one transaction: all are stored or none.
pub fn import_groups(
    store: &mut SqliteStore,
    groups: &[ReadGroup],
    la_code: Option<LaCode>,
    extract_date: Option<NaiveDate>,
) -> Result<Vec<SnapshotId>> {
    import_groups_timed(store, groups, la_code, extract_date).map(|(ids, _)| ids)
}

/// [`import_groups`], also returning the time spent writing each group's snapshot.
pub fn import_groups_timed(
    store: &mut SqliteStore,
    groups: &[ReadGroup],
    la_code: Option<LaCode>,
    extract_date: Option<NaiveDate>,
) -> Result<(Vec<SnapshotId>, Vec<Duration>)> {
    let snapshots = new_snapshots(groups, la_code, extract_date, now())?;
    let mut times = vec![Duration::ZERO; groups.len()];
    let mut mark = Instant::now();
    let ids = store.import_with_progress(&snapshots, &mut |progress| {
        if let Some(time) = times.get_mut(progress.snapshot) {
            *time += mark.elapsed();
        }
        mark = Instant::now();
        ControlFlow::Continue(())
    })?;
    // The commit comes after the last progress call; count it with the last snapshot.
    if let Some(last) = times.last_mut() {
        *last += mark.elapsed();
    }
    Ok((ids, times))
}

/// One snapshot per format read, dated `extract_date` or the latest event in its records.
pub fn new_snapshots(
    groups: &[ReadGroup],
    la_code: Option<LaCode>,
    extract_date: Option<NaiveDate>,
    imported_at: chrono::NaiveDateTime,
) -> Result<Vec<NewSnapshot<'_>>> {
    groups
        .iter()
        .map(|group| {
            let Some(extract_date) = extract_date.or_else(|| group.records.latest_event_date())
            else {
                bail!(
                    "cannot tell the extract date of the {} files (no dated records): pass --extract-date",
                    group.format.name()
                );
            };
            Ok(NewSnapshot {
                source_format: group.format.name().to_owned(),
                la_code,
                extract_date,
                imported_at,
                files: group.provenance.clone(),
                records: &group.records,
            })
        })
        .collect()
}

/// Name, SHA-256 and size of each file, in order.
fn provenance(files: &[PathBuf]) -> Result<Vec<FileProvenance>> {
    files
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
        .collect()
}

/// Wall-clock time of an import, in whole seconds: the only place the clock is read.
pub fn now() -> chrono::NaiveDateTime {
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
