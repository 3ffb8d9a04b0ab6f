//! Progress bars and status lines on stderr, silenced by `--quiet`.

use indicatif::{ProgressBar, ProgressStyle};
use std::time::Duration;

/// How the command talks to the person at the terminal.
pub struct Ui {
    quiet: bool,
}

impl Ui {
    pub fn new(quiet: bool) -> Ui {
        Ui { quiet }
    }

    /// A spinner for a step of unknown length, finished with a tick line.
    pub fn step(&self, message: &str) -> ProgressBar {
        if self.quiet {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new_spinner().with_message(message.to_owned());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    }

    /// A bar for a step whose length is known.
    pub fn bar(&self, message: &str, len: u64) -> ProgressBar {
        if self.quiet {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new(len).with_message(message.to_owned());
        bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar
    }

    /// Finishes a step with a one-line outcome.
    pub fn done(&self, bar: ProgressBar, message: String) {
        bar.finish_and_clear();
        if !self.quiet {
            eprintln!("  {message}");
        }
    }
}
