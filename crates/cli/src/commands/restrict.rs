//! `jointplan restrict CODE --party P [--lift]`: a party hides an action
//! from the public, or lifts its own restriction.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::storage::{self, StoreArgs};

/// Restrict an action, or lift a restriction.
#[derive(Debug, Args)]
pub struct RestrictArgs {
    /// The action's code.
    pub code: String,
    /// The party restricting (or lifting its own restriction).
    #[arg(long)]
    pub party: String,
    /// Lift the party's restriction instead.
    #[arg(long)]
    pub lift: bool,
    /// The plan (default: the store's only plan).
    #[arg(long, value_name = "SLUG")]
    pub plan: Option<String>,
}

/// Runs the command.
pub fn run(store: &StoreArgs, args: &RestrictArgs) -> Result<ExitCode> {
    storage::block_on(async {
        let s = storage::open(store).await?;
        let info = storage::plan(s.as_ref(), args.plan.as_deref()).await?;
        let restricted = !args.lift;
        let result = s
            .restrict(
                &info.slug,
                &args.code,
                &args.party,
                restricted,
                &store.actor(),
            )
            .await;
        s.close().await;
        result.map_err(storage::user_error)?;
        let what = if restricted {
            "restricted"
        } else {
            "no longer restricted"
        };
        eprintln!("{} is {what} by {}", args.code, args.party.to_uppercase());
        Ok(ExitCode::SUCCESS)
    })?
}
