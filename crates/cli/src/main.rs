//! The `sightline` command: parses arguments, wires the library crates together and maps errors
//! to exit codes. No domain logic lives here.
//!
//! Exit codes: 0 success; 1 the work failed (bad input, I/O, storage: the message names the file,
//! line or element, field and value, and nothing was stored); 2 the command line was wrong;
//! 3 `validate` found errors in the return (queries alone do not count).

mod args;
mod commands;
mod progress;

use clap::Parser;
use commands::Done;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = args::Cli::parse();
    let ui = progress::Ui::new(args.quiet);
    let outcome = match args.command {
        args::Command::Generate(a) => commands::generate::run(&a, &ui).map(|()| Done::Clean),
        args::Command::Import(a) => commands::import::run(&a, &ui).map(|()| Done::Clean),
        args::Command::Snapshots(a) => commands::snapshots::run(&a).map(|()| Done::Clean),
        args::Command::Demo(a) => commands::demo::run(&a, &ui).map(|()| Done::Clean),
        args::Command::Validate(a) => commands::validate::run(&a, &ui),
        args::Command::Indicators(a) => commands::indicators::run(&a, &ui).map(|()| Done::Clean),
        args::Command::Timescales(a) => commands::timescales::run(&a, &ui).map(|()| Done::Clean),
        args::Command::Serve(a) => commands::serve::run(&a).map(|()| Done::Clean),
        args::Command::Users(a) => commands::users::run(&a).map(|()| Done::Clean),
        args::Command::Audit(a) => commands::audit::run(&a).map(|()| Done::Clean),
        args::Command::Plan(a) => commands::plan::run(&a).map(|()| Done::Clean),
        args::Command::Report(a) => commands::report::run(&a, &ui).map(|()| Done::Clean),
    };
    match outcome {
        Ok(Done::Clean) => ExitCode::SUCCESS,
        Ok(Done::ErrorsFound) => ExitCode::from(3),
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}
