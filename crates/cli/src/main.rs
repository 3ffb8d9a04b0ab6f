//! The `sightline` command: parses arguments, wires the library crates together and maps errors
//! to exit codes. No domain logic lives here.
//!
//! Exit codes: 0 success; 1 the work failed (bad input, I/O, storage: the message names the file,
//! line or element, field and value, and nothing was stored); 2 the command line was wrong.

mod args;
mod commands;
mod progress;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = args::Cli::parse();
    let ui = progress::Ui::new(args.quiet);
    let outcome = match args.command {
        args::Command::Generate(a) => commands::generate::run(&a, &ui),
        args::Command::Import(a) => commands::import::run(&a, &ui),
        args::Command::Snapshots(a) => commands::snapshots::run(&a),
        args::Command::Demo(a) => commands::demo::run(&a, &ui),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}
