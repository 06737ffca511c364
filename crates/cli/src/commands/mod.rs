//! One module per subcommand.

mod backup;
pub(crate) mod db;
pub(crate) mod evaluation;
mod export;
mod import;
pub(crate) mod lead;
pub(crate) mod lint;
pub(crate) mod meeting;
pub(crate) mod plan;
mod plans;
pub(crate) mod progress;
mod progress_import;
pub(crate) mod restrict;
pub(crate) mod revision;
pub(crate) mod serve;
pub(crate) mod storage;
mod summary;
pub(crate) mod target;
pub(crate) mod token;
pub(crate) mod user;
mod verify;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command};

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Import {
            input,
            output,
            save,
        } => import::run(&input, output.as_deref(), save.then_some(&cli.store)),
        Command::Plans { json } => plans::run(&cli.store, json),
        Command::Progress(cmd) => progress::run(&cli.store, &cmd),
        Command::Meeting(cmd) => meeting::run(&cli.store, &cmd),
        Command::Target(cmd) => target::run(&cli.store, &cmd),
        Command::Evaluation(cmd) => evaluation::run(&cli.store, &cmd),
        Command::User(cmd) => user::run(&cli.store, &cmd),
        Command::Token(cmd) => token::run(&cli.store, &cmd),
        Command::Plan(cmd) => plan::run(&cli.store, &cmd),
        Command::Lead(cmd) => lead::run(&cli.store, &cmd),
        Command::Restrict(args) => restrict::run(&cli.store, &args),
        Command::Revision(cmd) => revision::run(&cli.store, &cmd),
        Command::Backup { output } => backup::backup(&cli.store, &output),
        Command::Restore { input } => backup::restore(&cli.store, &input),
        Command::Verify => verify::run(&cli.store),
        Command::Lint(args) => lint::run(&args),
        Command::Db(cmd) => db::run(&cli.store, &cmd),
        Command::Serve(args) => serve::run(&cli.store, &args),
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
