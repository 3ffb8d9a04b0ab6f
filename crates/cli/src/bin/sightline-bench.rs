//! `sightline-bench`: times the foundation pipeline (generate → write → read → import) and reports
//! the peak memory of the process, for the default council and for England size.
//!
//! It runs exactly the functions the `sightline` verbs run (`sightline_cli::pipeline`).
//!
//! Up to 1,000,000 children the population is one council (the default council is 100,000), run
//! stage after stage. Above that (or with `--england`) it is England: the population is split
//! over England's 153 children's services authorities in proportion to their ONS 0-17
//! populations (`sightline_synth::england`), and each council is generated, written to its own
//! folder and read back on worker threads (largest council first), while this thread imports
//! finished councils into one store, one transaction per council, as they arrive. A bounded queue keeps only a few
//! councils in memory, and each council's files are deleted once imported (`--keep-files` keeps
//! them). Every council is also a valid council-sized extract, so no file exceeds what its format
//! allows (an Excel sheet's 1,048,576 rows, for one).

use anyhow::{Context, Result, bail};
use clap::Parser;
use sightline_cli::pipeline::{self, ReadGroup};
use sightline_formats::Format;
use sightline_store::SqliteStore;
use sightline_synth::SynthConfig;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

/// Populations above this are run as England's councils rather than one council.
const ONE_COUNCIL_MAX: u64 = 1_000_000;

/// Time each stage of generate → write → read → import.
#[derive(Parser, Debug)]
struct Args {
    /// Children aged 0-17 (100000 = the default council; 12000000 = England). Above 1,000,000
    /// the population is split over England's 153 councils.
    #[arg(long, default_value_t = 100_000)]
    population: u64,
    /// Random seed (at England size, the master seed of every council's own seed).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Working folder (default: a temporary folder, removed afterwards).
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Formats to read back and import, comma-separated (ssd, ssda903, cin, annex_a); all four
    /// are always written.
    #[arg(long, value_delimiter = ',', default_value = "ssd,ssda903,cin,annex_a")]
    import: Vec<String>,
    /// Split the population over England's councils whatever its size (by default only above
    /// 1,000,000 children).
    #[arg(long)]
    england: bool,
    /// England size: councils generated, written and read at once (default: one per core).
    #[arg(long)]
    jobs: Option<usize>,
    /// England size: councils read and waiting for the importer, at most.
    #[arg(long, default_value_t = 1)]
    queue: usize,
    /// England size: keep each council's files after import (needs far more disk).
    #[arg(long)]
    keep_files: bool,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let formats = import_formats(&args.import)?;
    let temp;
    let dir = match &args.dir {
        Some(dir) => dir.clone(),
        None => {
            temp = tempfile::tempdir().context("cannot create a temporary folder")?;
            temp.path().to_path_buf()
        }
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let config = SynthConfig {
        population: args.population,
        seed: args.seed,
        ..SynthConfig::default()
    };
    println!(
        "population {} (seed {}), importing {}",
        args.population,
        args.seed,
        formats
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(",")
    );
    let total = Instant::now();
    if args.population <= ONE_COUNCIL_MAX && !args.england {
        one_council(&config, &dir, &formats)?;
    } else {
        england(&config, &dir, &formats, &args)?;
    }
    println!(
        "total {:>8.2} s   peak RSS {}",
        total.elapsed().as_secs_f64(),
        peak_rss().unwrap_or_else(|| "unknown".into())
    );
    Ok(())
}

fn import_formats(names: &[String]) -> Result<Vec<Format>> {
    names
        .iter()
        .map(|name| {
            Format::from_name(name.trim()).with_context(|| {
                format!("unknown format {name:?}: expected ssd, ssda903, cin or annex_a")
            })
        })
        .collect()
}

/// One council, stage after stage, files kept in `dir/extract`.
fn one_council(config: &SynthConfig, dir: &Path, formats: &[Format]) -> Result<()> {
    let t = Timer::start();
    let synthetic = pipeline::synthesise(config, &|_, _| {});
    t.report("generate", format!("{} records", synthetic.records.total()));

    let t = Timer::start();
    let extract = dir.join("extract");
    let written = pipeline::write_formats(&extract, &synthetic)?;
    let mut by_format = ByFormat::default();
    for w in &written {
        by_format.add(w.format, w.elapsed);
    }
    let files: Vec<&PathBuf> = written.iter().flat_map(|w| &w.files).collect();
    t.report(
        "write",
        format!(
            "{} files, {:.1} MB; formats in parallel: {by_format}",
            files.len(),
            mb(files.iter().map(|p| file_len(p)).sum())
        ),
    );
    let la_code = synthetic.council.la_code;
    let end = synthetic.end;
    drop(synthetic);

    let t = Timer::start();
    let groups = pipeline::read_formats(std::slice::from_ref(&extract), formats)?;
    let read: usize = groups.iter().map(|g| g.records.total()).sum();
    let mut by_format = ByFormat::default();
    for g in &groups {
        by_format.add(g.format, g.elapsed);
    }
    t.report(
        "detect + read",
        format!(
            "{read} records in {} formats; in parallel: {by_format}",
            groups.len()
        ),
    );

    let imported: usize = groups.iter().map(|g| g.records.total()).sum();
    let t = Timer::start();
    let db = dir.join("bench.db");
    remove_store(&db);
    let mut store = SqliteStore::open(&db)?;
    let (ids, times) =
        pipeline::import_groups_timed(&mut store, &groups, Some(la_code), Some(end))?;
    let elapsed = t.started.elapsed();
    let mut by_format = ByFormat::default();
    for (g, time) in groups.iter().zip(times) {
        by_format.add(g.format, time);
    }
    t.report(
        "import",
        format!(
            "{imported} records in {} snapshots ({:.0} records/s), {:.1} MB store: {by_format}",
            ids.len(),
            imported as f64 / elapsed.as_secs_f64().max(1e-9),
            mb(file_len(&db))
        ),
    );
    Ok(())
}

/// Time spent per format, printed in [`Format::ALL`] order.
#[derive(Default)]
struct ByFormat([Duration; 4]);

impl ByFormat {
    fn add(&mut self, format: Format, time: Duration) {
        if let Some(i) = Format::ALL.iter().position(|&f| f == format) {
            self.0[i] += time;
        }
    }

    fn merge(&mut self, other: &ByFormat) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a += b;
        }
    }
}

impl std::fmt::Display for ByFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = Format::ALL
            .iter()
            .zip(self.0)
            .map(|(format, time)| format!("{} {:.2} s", format.name(), time.as_secs_f64()))
            .collect();
        write!(f, "{}", parts.join(", "))
    }
}

/// One council generated, written and read, waiting to be imported.
struct Prepared {
    config: SynthConfig,
    extract: PathBuf,
    end: chrono::NaiveDate,
    generated: usize,
    files: usize,
    bytes: u64,
    read: usize,
    groups: Vec<ReadGroup>,
    generate: Duration,
    write: Duration,
    read_time: Duration,
    write_by_format: ByFormat,
    read_by_format: ByFormat,
}

/// Generates, writes and reads one council (on a worker thread).
fn prepare(config: &SynthConfig, extract: PathBuf, formats: &[Format]) -> Result<Prepared> {
    let t = Instant::now();
    let synthetic = pipeline::synthesise(config, &|_, _| {});
    let generate = t.elapsed();
    let generated = synthetic.records.total();
    let end = synthetic.end;

    let t = Instant::now();
    let written = pipeline::write_formats(&extract, &synthetic)?;
    let write = t.elapsed();
    drop(synthetic);
    let mut write_by_format = ByFormat::default();
    for w in &written {
        write_by_format.add(w.format, w.elapsed);
    }

    let t = Instant::now();
    let groups = pipeline::read_formats(std::slice::from_ref(&extract), formats)?;
    let read_time = t.elapsed();
    let read = groups.iter().map(|g| g.records.total()).sum();
    let mut read_by_format = ByFormat::default();
    for g in &groups {
        read_by_format.add(g.format, g.elapsed);
    }
    Ok(Prepared {
        config: config.clone(),
        extract,
        end,
        generated,
        files: written.iter().map(|w| w.files.len()).sum(),
        bytes: written
            .iter()
            .flat_map(|w| &w.files)
            .map(|p| file_len(p))
            .sum(),
        read,
        groups,
        generate,
        write,
        read_time,
        write_by_format,
        read_by_format,
    })
}

/// Totals over the councils imported so far.
#[derive(Default)]
struct Totals {
    councils: usize,
    children: u64,
    generated: usize,
    files: usize,
    bytes: u64,
    read: usize,
    imported: usize,
    snapshots: usize,
    generate: Duration,
    write: Duration,
    read_time: Duration,
    import: Duration,
    largest_council: usize,
    write_by_format: ByFormat,
    read_by_format: ByFormat,
    import_by_format: ByFormat,
    /// CPU time of the importer thread in the import calls.
    import_cpu: Duration,
}

/// England: councils prepared on `jobs` worker threads, imported on this one as they arrive.
fn england(national: &SynthConfig, dir: &Path, formats: &[Format], args: &Args) -> Result<()> {
    let mut councils = sightline_synth::england(national);
    // Largest first, so the last councils to finish are small ones and the workers end together.
    councils.sort_by(|a, b| {
        b.population
            .cmp(&a.population)
            .then(a.la_code.0.cmp(&b.la_code.0))
    });
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .max(1);
    println!(
        "{} councils (largest {}, smallest {}), {jobs} worker threads, queue {}",
        councils.len(),
        councils.first().map_or(0, |c| c.population),
        councils.last().map_or(0, |c| c.population),
        args.queue
    );
    let db = dir.join("bench.db");
    remove_store(&db);
    let mut store = SqliteStore::open(&db)?;
    let extracts = dir.join("extract");

    let started = Instant::now();
    let cpu = process_cpu();
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (sender, receiver) = sync_channel::<Result<Prepared>>(args.queue);
    let mut totals = Totals::default();
    let mut waited = Duration::ZERO;
    let outcome = std::thread::scope(|scope| -> Result<()> {
        for _ in 0..jobs {
            let sender = sender.clone();
            let (councils, next, stop, extracts) = (&councils, &next, &stop, &extracts);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let Some(config) = councils.get(next.fetch_add(1, Ordering::Relaxed)) else {
                        break;
                    };
                    let extract = extracts.join(format!("{:03}", config.la_code.0));
                    if sender.send(prepare(config, extract, formats)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let result = (|| -> Result<()> {
            loop {
                let t = Instant::now();
                let Ok(prepared) = receiver.recv() else {
                    break;
                };
                waited += t.elapsed();
                let prepared = prepared?;
                import_council(&mut store, &prepared, &mut totals)?;
                if !args.keep_files {
                    std::fs::remove_dir_all(&prepared.extract)
                        .with_context(|| format!("cannot remove {}", prepared.extract.display()))?;
                }
                if totals.councils % 10 == 0 || totals.councils == councils.len() {
                    println!(
                        "  {:>3}/{} councils, {:>9} children, {:>10} records imported, {:>7.1} s",
                        totals.councils,
                        councils.len(),
                        totals.children,
                        totals.imported,
                        started.elapsed().as_secs_f64()
                    );
                }
            }
            Ok(())
        })();
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
            // Unblock workers waiting to send, so the scope can end.
            drop(receiver);
        }
        result
    });
    outcome?;
    if totals.councils != councils.len() {
        bail!(
            "only {} of {} councils were imported",
            totals.councils,
            councils.len()
        );
    }
    let wall = started.elapsed();
    let cpu = cpu
        .zip(process_cpu())
        .map(|(from, to)| to.saturating_sub(from));
    print_totals(&totals, wall, waited, cpu, jobs, &db);
    Ok(())
}

fn import_council(store: &mut SqliteStore, prepared: &Prepared, totals: &mut Totals) -> Result<()> {
    let t = Instant::now();
    let cpu = thread_cpu();
    let (ids, times) = pipeline::import_groups_timed(
        store,
        &prepared.groups,
        Some(prepared.config.la_code),
        Some(prepared.end),
    )
    .with_context(|| format!("importing council {:03}", prepared.config.la_code.0))?;
    totals.import += t.elapsed();
    if let (Some(from), Some(to)) = (cpu, thread_cpu()) {
        totals.import_cpu += to.saturating_sub(from);
    }
    for (g, time) in prepared.groups.iter().zip(times) {
        totals.import_by_format.add(g.format, time);
    }
    totals.write_by_format.merge(&prepared.write_by_format);
    totals.read_by_format.merge(&prepared.read_by_format);
    totals.councils += 1;
    totals.children += prepared.config.population;
    totals.generated += prepared.generated;
    totals.largest_council = totals.largest_council.max(prepared.generated);
    totals.files += prepared.files;
    totals.bytes += prepared.bytes;
    totals.read += prepared.read;
    totals.imported += prepared
        .groups
        .iter()
        .map(|g| g.records.total())
        .sum::<usize>();
    totals.snapshots += ids.len();
    totals.generate += prepared.generate;
    totals.write += prepared.write;
    totals.read_time += prepared.read_time;
    Ok(())
}

fn print_totals(
    t: &Totals,
    wall: Duration,
    waited: Duration,
    cpu: Option<Duration>,
    jobs: usize,
    db: &Path,
) {
    println!(
        "stage wall times summed over councils ({jobs} workers in parallel, so they overlap and \
         include time spent waiting for a core):"
    );
    report(
        "generate",
        t.generate,
        format!(
            "{} records ({} in the largest council)",
            t.generated, t.largest_council
        ),
    );
    report(
        "write",
        t.write,
        format!(
            "{} files, {:.1} MB; formats in parallel: {}",
            t.files,
            mb(t.bytes),
            t.write_by_format
        ),
    );
    report(
        "detect + read",
        t.read_time,
        format!("{} records; in parallel: {}", t.read, t.read_by_format),
    );
    report(
        "import",
        t.import,
        format!(
            "{} records in {} snapshots ({:.0} records/s), one thread; {:.1} MB store: {}",
            t.imported,
            t.snapshots,
            t.imported as f64 / t.import.as_secs_f64().max(1e-9),
            mb(file_len(db)),
            t.import_by_format
        ),
    );
    println!(
        "pipeline wall {:.2} s: importer busy {:.2} s ({:.0}%), waiting for councils {:.2} s",
        wall.as_secs_f64(),
        t.import.as_secs_f64(),
        100.0 * t.import.as_secs_f64() / wall.as_secs_f64().max(1e-9),
        waited.as_secs_f64()
    );
    if let Some(cpu) = cpu {
        println!(
            "pipeline CPU {:.2} s: importer thread {:.2} s, generate + write + read {:.2} s",
            cpu.as_secs_f64(),
            t.import_cpu.as_secs_f64(),
            cpu.saturating_sub(t.import_cpu).as_secs_f64()
        );
    }
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// Removes a store left by an earlier run, with its write-ahead log.
fn remove_store(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut path = db.as_os_str().to_owned();
        path.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(path));
    }
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// Wall and process CPU time of a stage run alone.
struct Timer {
    started: Instant,
    cpu: Option<Duration>,
}

impl Timer {
    fn start() -> Timer {
        Timer {
            started: Instant::now(),
            cpu: process_cpu(),
        }
    }

    fn report(&self, stage: &str, detail: String) {
        println!(
            "{stage:<14} {:>8.2} s wall {:>8} s CPU   {detail}",
            self.started.elapsed().as_secs_f64(),
            cpu_between(self.cpu, process_cpu())
        );
    }
}

fn report(stage: &str, elapsed: Duration, detail: String) {
    println!("{stage:<14} {:>8.2} s   {detail}", elapsed.as_secs_f64());
}

/// CPU time (user + system) used so far by the whole process (Linux `/proc/self/stat`, whose
/// times are in clock ticks of 1/100 s).
fn process_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in brackets and may hold spaces): state is field 3,
    // utime field 14, stime field 15.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

/// CPU time used so far by the calling thread (Linux `/proc/thread-self/schedstat`, in ns).
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(
        stat.split_whitespace().next()?.parse().ok()?,
    ))
}

/// CPU seconds between two readings, or `?` when the platform gives none.
fn cpu_between(from: Option<Duration>, to: Option<Duration>) -> String {
    match (from, to) {
        (Some(a), Some(b)) => format!("{:.2}", b.saturating_sub(a).as_secs_f64()),
        _ => "?".into(),
    }
}

/// Peak resident set size of this process (Linux `VmHWM`).
fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.0} MB", kb / 1024.0))
}
