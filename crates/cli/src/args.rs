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
    /// Run the web application (dashboard, drill-down, worklists) on the latest snapshot.
    Serve(ServeArgs),
    /// Manage the web application's accounts.
    #[command(subcommand)]
    Users(UsersCommand),
    /// Read the audit log of views of child-level data, and check its hash chain.
    Audit(AuditArgs),
    /// The improvement plan file: `plan check [FILE]` validates it.
    Plan(PlanArgs),
    /// Write a month's report: board pack, children in care (Scrutiny Panel), team worklists or
    /// data quality, as HTML, XLSX or PDF.
    Report(ReportArgs),
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
    /// Targets and stretch targets: a targets file (crates/measures/targets/README.md) or an
    /// improvement plan file (docs/plan-format.md), e.g. plans/kirklees-2019-20.toml.
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
    /// Ofsted's provider lists (the children's homes and social care providers lists, or the
    /// combined list; XLSX as published, or CSV with the same columns), for the URN rules;
    /// repeat for several files. Without it those rules are skipped.
    #[arg(long = "providers", value_name = "FILE")]
    pub providers: Vec<PathBuf>,
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
    /// The snapshot store: an SQLite file (created if missing) or a `postgres://` URL.
    #[arg(long, default_value = "sightline.db", env = "SIGHTLINE_DB")]
    pub db: PathBuf,
    /// The date the extract was taken (default: the latest event date in the records).
    #[arg(long)]
    pub extract_date: Option<NaiveDate>,
}

#[derive(Args, Debug)]
pub struct SnapshotsArgs {
    /// The snapshot store: an SQLite file or a `postgres://` URL.
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

/// The reports `sightline report` writes.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportName {
    /// The Improvement Board performance pack.
    Board,
    /// The Scrutiny Panel's "Number of children in care" report.
    ChildrenInCare,
    /// Team managers' overdue and due-soon statutory tasks (names children: never public).
    Worklists,
    /// Validation findings of the statutory returns (names children: never public).
    DataQuality,
}

/// Formats of a report.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// Self-contained HTML that prints on A4.
    Html,
    /// Excel workbook, one sheet per table.
    Xlsx,
    /// A4 PDF for committee agenda packs.
    Pdf,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Which report.
    #[arg(value_enum)]
    pub report: ReportName,
    /// The month reported (YYYY-MM); the snapshot must cover all of it.
    #[arg(long, value_name = "YYYY-MM", value_parser = sightline_cli::reports::parse_month)]
    pub month: sightline_measures::period::Month,
    /// The public version: counts of 1 to 5 shown as c, with secondary suppression. Refused for
    /// reports that list children.
    #[arg(long)]
    pub public: bool,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ReportFormat,
    /// The file to write.
    #[arg(long)]
    pub out: PathBuf,
    /// The store (SQLite file, or a postgres:// URL).
    #[arg(long, default_value = "sightline.db", env = "SIGHTLINE_DB")]
    pub db: PathBuf,
    /// Snapshot id (default: the latest SSD snapshot, else the latest of any format).
    #[arg(long)]
    pub snapshot: Option<i64>,
    /// Children aged 0-17 for rates (default: the ONS mid-year estimate for the council).
    #[arg(long)]
    pub population: Option<u64>,
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Folder for the demo: files go to DIR/extract, the store to DIR/sightline.db.
    #[arg(long, default_value = "sightline-demo")]
    pub dir: PathBuf,
    #[command(flatten)]
    pub synth: SynthArgs,
}

/// The database the web application uses: an SQLite file (`sightline demo` writes
/// `sightline-demo/sightline.db`), `sqlite://PATH` or `postgres://...`.
#[derive(Args, Debug, Clone)]
pub struct DatabaseChoice {
    /// The database: a file path, sqlite://PATH or postgres://USER@HOST/DB.
    #[arg(
        long,
        default_value = "sightline-demo/sightline.db",
        env = "SIGHTLINE_DATABASE"
    )]
    pub database: String,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub database: DatabaseChoice,
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: std::net::SocketAddr,
    /// Mark cookies `Secure` (HTTPS only): on by default except when listening on loopback,
    /// where plain HTTP is usual. Use --secure-cookies=true behind a TLS-terminating proxy.
    #[arg(long)]
    pub secure_cookies: Option<bool>,
    /// Targets and stretch targets for RAG ratings: a bare targets file (TOML; see
    /// crates/measures/targets/README.md) or an improvement plan. Default: the plan's targets.
    #[arg(long)]
    pub targets: Option<PathBuf>,
    /// The improvement plan the plan pages, board pack downloads and (without --targets) the
    /// ratings use (TOML; see docs/plan-format.md). Default: the shipped 2019/20 plan.
    #[arg(long)]
    pub plan: Option<PathBuf>,
    /// Seconds between checks for a newer snapshot to compute.
    #[arg(long, default_value_t = 60)]
    pub reload_seconds: u64,
}

#[derive(Subcommand, Debug)]
pub enum UsersCommand {
    /// Add an account; the password is read from standard input (never from the command line).
    Add(UsersAddArgs),
    /// List the accounts.
    List(UsersListArgs),
    /// Disable an account: its sessions stop working at once and it cannot sign in.
    Disable(UsersNameArgs),
    /// Enable a disabled account again.
    Enable(UsersNameArgs),
}

#[derive(Args, Debug)]
pub struct UsersNameArgs {
    /// Login name.
    pub name: String,
    #[command(flatten)]
    pub database: DatabaseChoice,
}

#[derive(Args, Debug)]
pub struct UsersAddArgs {
    /// Login name.
    pub name: String,
    /// Role: admin, analyst, leader, manager or board.
    #[arg(long)]
    pub role: String,
    /// Team (id or name) of a manager: they see only that team's children.
    #[arg(long)]
    pub team: Option<String>,
    /// Read the password from standard input (first line). Required.
    #[arg(long, required = true)]
    pub password_stdin: bool,
    #[command(flatten)]
    pub database: DatabaseChoice,
}

#[derive(Args, Debug)]
pub struct UsersListArgs {
    #[command(flatten)]
    pub database: DatabaseChoice,
}

#[derive(Args, Debug)]
pub struct AuditArgs {
    #[command(flatten)]
    pub database: DatabaseChoice,
    /// Only this user's entries.
    #[arg(long)]
    pub user: Option<String>,
    /// Only entries on or after this date (YYYY-MM-DD, UTC).
    #[arg(long)]
    pub since: Option<NaiveDate>,
    /// At most this many entries (newest first).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Check the hash chain; exit code 1 if an entry was changed or removed.
    #[arg(long)]
    pub verify: bool,
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

/// `sightline plan ...`.
#[derive(Args, Debug)]
pub struct PlanArgs {
    #[command(subcommand)]
    pub command: PlanCommand,
}

#[derive(Subcommand, Debug)]
pub enum PlanCommand {
    /// Validate a plan file (exit 1 on errors) and list warnings: recommendations no action
    /// addresses, indicator ids that no longer exist. Format: docs/plan-format.md.
    Check {
        /// The plan file (default: the shipped example plans/kirklees-2019-20.toml, embedded).
        file: Option<PathBuf>,
        /// Treat warnings as errors (exit 1).
        #[arg(long)]
        strict: bool,
    },
}
