//! `jointplan import`: a document in, canonical JSON out.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use jointplan_core::canonical;

use crate::cli::InputArgs;
use crate::input;

/// Runs the command.
pub fn run(args: &InputArgs, output: Option<&Path>) -> Result<ExitCode> {
    let imported = input::load(args)?;
    super::write_out(output, &canonical::to_json(&imported.plan))?;
    if let Some(path) = output {
        let p = &imported.plan;
        eprintln!(
            "wrote {} ({} lines, {} actions, {} agreements)",
            path.display(),
            p.lines.len(),
            p.actions().count(),
            p.agreements.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}
