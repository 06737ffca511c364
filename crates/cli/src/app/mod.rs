//! The application layer every command runs in: one async runtime, the
//! logging set-up, and one mapping from errors to exit codes. `main` parses
//! the command line and hands it here; commands only do their work.

pub mod exit;
pub mod logging;
pub mod runtime;

use std::process::ExitCode;

use crate::cli::Cli;

/// Runs a parsed command line to its exit code.
pub fn run(cli: Cli) -> ExitCode {
    logging::init(&cli.log);
    let result = crate::commands::run(cli);
    exit::report(result)
}
