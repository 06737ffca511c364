//! `jointplan plan adopt`: the acting coordinator's party approves the
//! plan's current content; it comes into force when every party has.

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;

use super::storage::{self, StoreArgs};

/// The plan's life.
#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Approve the plan's current content for your party (as its coordinator).
    ///
    /// Example: jointplan --as mette plan adopt
    Adopt {
        /// The plan (default: the store's only plan).
        #[arg(long, value_name = "SLUG")]
        plan: Option<String>,
    },
}

/// Runs the command.
pub fn run(store: &StoreArgs, cmd: &PlanCommand) -> Result<ExitCode> {
    storage::block_on(async {
        let s = storage::open(store).await?;
        let PlanCommand::Adopt { plan } = cmd;
        let info = storage::plan(s.as_ref(), plan.as_deref()).await?;
        let result = s.adopt_plan(&info.slug, &store.actor()).await;
        let adoptions = s.adoptions(&info.slug).await;
        s.close().await;
        let info = result.map_err(storage::user_error)?;
        let parties: Vec<String> = adoptions
            .map_err(storage::user_error)?
            .into_iter()
            .map(|a| a.party)
            .collect();
        println!(
            "{}: approved by {}; the plan is {}",
            info.slug,
            parties.join(", "),
            info.plan_status()
        );
        Ok(ExitCode::SUCCESS)
    })?
}
