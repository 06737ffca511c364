//! Reading the plan a command works on: a document, a plan's JSON, or the example.

use std::path::Path;

use anyhow::Result;
use jointplan_core::{Plan, canonical};
use jointplan_import::{Format, ImportError, Imported, Outcome};

use crate::cli::InputArgs;

/// Input jointplan cannot use; the command exits with code 2.
#[derive(Debug)]
pub struct BadInput(pub String);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

impl From<ImportError> for BadInput {
    fn from(e: ImportError) -> Self {
        BadInput(e.one_line())
    }
}

/// Loads the plan named by the arguments.
pub fn load(args: &InputArgs) -> Result<Imported> {
    load_with_guesses(args).map(|o| o.imported)
}

/// Loads the plan named by the arguments, with what the import guessed
/// (none for a plan's JSON or the example), so `lint` can show JP090.
pub fn load_with_guesses(args: &InputArgs) -> Result<Outcome> {
    let format = match &args.format {
        Some(f) => Some(Format::from_name(f).map_err(BadInput::from)?),
        None => None,
    };
    if args.example {
        let imported = jointplan_import::example::import().map_err(BadInput::from)?;
        return Ok(without_guesses(imported));
    }
    let Some(path) = &args.file else {
        return Err(BadInput("no FILE given (or use --example)".into()).into());
    };
    load_path_with_guesses(path, format)
}

fn without_guesses(imported: Imported) -> Outcome {
    Outcome {
        imported,
        guesses: Vec::new(),
    }
}

/// Loads a document (with the import's guesses) or a plan's JSON from a path.
fn load_path_with_guesses(path: &Path, format: Option<Format>) -> Result<Outcome> {
    if format.is_none()
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        let text = std::fs::read_to_string(path)
            .map_err(|e| BadInput(format!("{}: cannot read: {e}", path.display())))?;
        return Ok(without_guesses(from_json(path, text)?));
    }
    // A JSON plan under another name is still a plan: peek at its start.
    if format.is_none() && starts_like_plan_json(path) {
        let text = std::fs::read_to_string(path)
            .map_err(|e| BadInput(format!("{}: cannot read: {e}", path.display())))?;
        return Ok(without_guesses(from_json(path, text)?));
    }
    Ok(jointplan_import::import_file_with_guesses(path, format).map_err(BadInput::from)?)
}

fn from_json(path: &Path, text: String) -> Result<Imported, BadInput> {
    let plan: Plan =
        canonical::from_json(&text).map_err(|e| BadInput(format!("{}: {e}", path.display())))?;
    Ok(Imported {
        plan,
        source: String::new(),
    })
}

fn starts_like_plan_json(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::with_capacity(4096);
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
    read.is_ok() && canonical::looks_like_plan_json(&String::from_utf8_lossy(&head))
}
