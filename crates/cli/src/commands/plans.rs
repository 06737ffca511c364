//! `jointplan plans`: the plans in the store.

use std::process::ExitCode;

use anyhow::Result;

use super::storage::{self, StoreArgs};

/// Runs the command.
pub fn run(store: &StoreArgs, json: bool) -> Result<ExitCode> {
    storage::block_on(async {
        let s = storage::open(store).await?;
        let plans = s.plans().await.map_err(storage::user_error)?;
        if json {
            println!("{}", serde_json::to_string_pretty(&plans)?);
        } else if plans.is_empty() {
            tracing::info!("no plans stored yet; add one with `jointplan import FILE --save`");
        } else {
            println!(
                "{:<24} {:>7}  {:<8} {:<8} title",
                "plan", "version", "status", "parties"
            );
            for p in &plans {
                println!(
                    "{:<24} {:>7}  {:<8} {:<8} {}",
                    p.slug, p.current_version, p.status, p.parties, p.title
                );
            }
        }
        s.close().await;
        Ok(ExitCode::SUCCESS)
    })?
}
