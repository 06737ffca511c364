//! `jointplan export`: the plan as JSON or Markdown.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use jointplan_core::canonical;

use crate::cli::{ExportFormat, InputArgs};
use crate::input;

/// Runs the command.
pub fn run(args: &InputArgs, to: ExportFormat, output: Option<&Path>) -> Result<ExitCode> {
    let imported = input::load(args)?;
    let text = match to {
        ExportFormat::Json => canonical::to_json(&imported.plan),
        ExportFormat::Markdown => jointplan_import::render::markdown(&imported.plan),
    };
    super::write_out(output, &text)?;
    Ok(ExitCode::SUCCESS)
}
