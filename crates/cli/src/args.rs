//! The command line: every verb, flag and default, in one place.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Sightline: a clear line of sight from front-line practice to the Improvement Board.
///
/// Exit codes: 0 success, 1 the work failed (the message says where and why; nothing was
/// stored), 2 the command line was wrong, 3 `validate` found errors in the return.
#[derive(Parser, Debug)]
#[command(name = "sightline", version, about, long_about = None)]
pub struct Cli {
    /// Print only results and errors: no progress bars (for scripts).
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Generate a synthetic council and write its statutory files (SSD, SSDA903, CIN census, Annex A).
    Generate(GenerateArgs),
    /// Import statutory files into the snapshot store: one immutable snapshot per format found.
    Import(ImportArgs),
    /// List the snapshots in the store, or show one.
    Snapshots(SnapshotsArgs),
    /// The main job on the embedded default: generate the synthetic council, write its files,
    /// import them and print a summary.
    Demo(DemoArgs),
    /// Check a return against the DfE validation rules (exit code 3 when errors are found).
    #[command(subcommand)]
    Validate(ValidateCommand),
    /// Every indicator of the improvement plan for a month, computed from a snapshot's records.
    Indicators(IndicatorsArgs),
    /// Statutory timescales per child: what is overdue or due soon, by team and worker.
    Timescales(TimescalesArgs),
}

/// Which snapshot to compute from.
#[derive(Args, Debug)]
pub struct SnapshotChoice {
    /// The snapshot store.
    #[arg(long, default_value = "sightline.db", env = "SIGHTLINE_DB")]
    pub db: PathBuf,
    /// Snapshot id (default: the latest SSD snapshot, else the latest of any format).
    #[arg(long)]
    pub snapshot: Option<i64>,
    /// Children aged 0-17 for rates (default: the ONS mid-year estimate for the council).
    #[arg(long)]
    pub population: Option<u64>,
}

/// Output formats of tables.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    /// Aligned text for the terminal.
    Table,
    /// CSV.
    Csv,
    /// JSON: an array of objects.
    Json,
    /// An XLSX workbook (needs --out).
    Xlsx,
}

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct IndicatorsArgs {
    #[command(subcommand)]
    pub explain: Option<IndicatorsAction>,
    #[command(flatten)]
    pub snapshot: SnapshotChoice,
    /// The month to report (YYYY-MM; default: the latest complete month of the snapshot).
    #[arg(long)]
    pub month: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Targets and stretch targets (TOML; see crates/measures/targets/README.md).
    #[arg(long)]
    pub targets: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum IndicatorsAction {
    /// Print an indicator's definition: numerator, denominator, period, exclusions, source.
    Explain {
        /// Indicator id, e.g. assessments_45wd_pct.
        id: String,
    },
}

#[derive(Args, Debug)]
pub struct TimescalesArgs {
    #[command(flatten)]
    pub snapshot: SnapshotChoice,
    /// The date to assess tasks on (default: the snapshot's extract date).
    #[arg(long)]
    pub as_of: Option<NaiveDate>,
    /// Only this team (team id or name).
    #[arg(long)]
    pub team: Option<String>,
    /// Group by worker rather than team.
    #[arg(long)]
    pub by_worker: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum ValidateCommand {
    /// The SSDA903 children-looked-after return: a folder (or files) of CSV tables.
    Ssda903(Validate903Args),
    /// The CIN census: one XML file, streamed.
    Cin(ValidateCinArgs),
}

/// How findings are written.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindingsFormat {
    /// `rule_code,table,row_number,child_id,fields,message` (plus `severity` for the CIN census).
    Csv,
    /// A workbook: by rule, by child, every finding.
    Xlsx,
    /// A self-contained HTML data-quality report.
    Html,
}

/// Options shared by both returns.
#[derive(Args, Debug)]
pub struct FindingsOutput {
    /// The collection year, named by its ending year (2026 = 2025-26).
    #[arg(long)]
    pub year: i32,
    /// Write the findings to this file (default: only the summary is printed).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Format of --out (default: from its extension, else csv).
    #[arg(long, value_enum)]
    pub format: Option<FindingsFormat>,
}

#[derive(Args, Debug)]
pub struct Validate903Args {
    /// The return's CSV files, or a folder holding them; tables are recognised by their columns.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Last year's return, for the rules that compare the two years.
    #[arg(long)]
    pub previous: Option<PathBuf>,
    /// Postcode reference (CSV: sector,easting,northing and la_code or utla_code), for distance
    /// and placement-authority rules; without it those rules are skipped.
    #[arg(long)]
    pub postcodes: Option<PathBuf>,
    /// The submitting council's 3-digit DfE LA code.
    #[arg(long = "la")]
    pub la_code: Option<String>,
    #[command(flatten)]
    pub output: FindingsOutput,
}

#[derive(Args, Debug)]
pub struct ValidateCinArgs {
    /// The CIN census XML file.
    pub file: PathBuf,
    #[command(flatten)]
    pub output: FindingsOutput,
}

/// Options shared by every command that generates a synthetic council.
#[derive(Args, Debug, Clone)]
pub struct SynthArgs {
    /// Children aged 0-17 in the synthetic council.
    #[arg(long, default_value_t = 100_000)]
    pub population: u64,
    /// Random seed: the same seed always gives the same council.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Years of history to generate.
    #[arg(long, default_value_t = 5)]
    pub years: u32,
    /// Last day of the generated history, which is also the extract date (YYYY-MM-DD).
    #[arg(long, default_value = "2026-03-31")]
    pub end: NaiveDate,
    /// The council's 3-digit DfE LA code (default: Kirklees, the council in the seeds).
    #[arg(long = "la", default_value = "382")]
    pub la_code: String,
}

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// Folder to write the files into (created if missing).
    #[arg(long)]
    pub out: PathBuf,
    #[command(flatten)]
    pub synth: SynthArgs,
    /// Probability per record of an injected recording error in the SSDA903 and CIN files
    /// (missing or invalid codes, dates out of order, overlapping episodes, duplicate ids).
    #[arg(long, default_value_t = 0.0)]
    pub faults: f64,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Files or folders to import; formats are recognised from content.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The snapshot store (SQLite file, created if missing).
    #[arg(long, default_value = "sightline.db", env = "SIGHTLINE_DB")]
    pub db: PathBuf,
    /// The date the extract was taken (default: the latest event date in the records).
    #[arg(long)]
    pub extract_date: Option<NaiveDate>,
}

#[derive(Args, Debug)]
pub struct SnapshotsArgs {
    /// The snapshot store.
    #[arg(long, default_value = "sightline.db", env = "SIGHTLINE_DB")]
    pub db: PathBuf,
    #[command(subcommand)]
    pub action: Option<SnapshotsAction>,
}

#[derive(Subcommand, Debug)]
pub enum SnapshotsAction {
    /// Show one snapshot: provenance of every file and the record counts.
    Show {
        /// Snapshot id, as listed.
        id: i64,
    },
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Folder for the demo: files go to DIR/extract, the store to DIR/sightline.db.
    #[arg(long, default_value = "sightline-demo")]
    pub dir: PathBuf,
    #[command(flatten)]
    pub synth: SynthArgs,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn demo_has_defaults() {
        let cli = Cli::try_parse_from(["sightline", "demo"]).unwrap();
        let Command::Demo(demo) = cli.command else {
            panic!("not demo")
        };
        assert_eq!(demo.dir, PathBuf::from("sightline-demo"));
        assert_eq!(demo.synth.population, 100_000);
    }

    #[test]
    fn import_needs_a_path() {
        assert!(Cli::try_parse_from(["sightline", "import"]).is_err());
    }
}
