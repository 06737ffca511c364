//! `jointplan import`: a document in, canonical JSON out.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use jointplan_core::canonical;

use super::storage::{self, StoreArgs};
use crate::cli::InputArgs;
use crate::input;

/// Runs the command; with a store, saves the plan there as a draft.
pub fn run(args: &InputArgs, output: Option<&Path>, save: Option<&StoreArgs>) -> Result<ExitCode> {
    let imported = input::load(args)?;
    if let Some(store) = save {
        return save_plan(&imported, output, store);
    }
    super::write_out(output, &canonical::to_json(&imported.plan))?;
    if let Some(path) = output {
        let p = &imported.plan;
        tracing::info!(
            "wrote {} ({} lines, {} actions, {} agreements)",
            path.display(),
            p.lines.len(),
            p.actions().count(),
            p.agreements.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `import --save`: stores the plan as a draft with the text it was
/// imported from (and writes JSON only when asked with -o). A plan read
/// from its JSON has no text to keep.
fn save_plan(
    imported: &jointplan_import::Imported,
    output: Option<&Path>,
    store: &StoreArgs,
) -> Result<ExitCode> {
    let plan = &imported.plan;
    if let Some(path) = output {
        super::write_out(Some(path), &canonical::to_json(plan))?;
    }
    storage::block_on(async {
        let s = storage::open(store).await?;
        let how = jointplan_store::SavePlan {
            actor: store.actor(),
            ..Default::default()
        };
        let saved = if plan.source.is_some() && !imported.source.is_empty() {
            s.save_imported(plan, &imported.source, &how).await
        } else {
            s.save_plan(plan, &how).await
        };
        let v = saved.map_err(storage::user_error)?;
        s.close().await;
        println!(
            "saved {} version {} as a draft ({} actions, content {})",
            plan.slug,
            v.number,
            plan.actions().count(),
            v.content_hash
        );
        Ok(ExitCode::SUCCESS)
    })?
}
