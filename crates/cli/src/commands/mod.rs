//! One module per subcommand.

mod export;
mod import;
mod summary;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command};

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Import { input, output } => import::run(&input, output.as_deref()),
        Command::Summary { input, json } => summary::run(&input, json),
        Command::Export { input, to, output } => export::run(&input.into(), to, output.as_deref()),
    }
}

/// Writes text to a file, or to standard output when no file is given.
pub fn write_out(output: Option<&Path>, text: &str) -> Result<()> {
    match output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("{}: cannot write", path.display()))
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(())
        }
    }
}
