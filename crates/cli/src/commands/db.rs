//! `jointplan db migrate`: bring the database's schema up to date.

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;

use super::storage::{self, StoreArgs};

/// Database maintenance.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Apply this version's migrations (SQLite is also migrated on open).
    Migrate,
}

/// Runs the command.
pub fn run(store: &StoreArgs, cmd: &DbCommand) -> Result<ExitCode> {
    match cmd {
        DbCommand::Migrate => storage::block_on(async {
            let s = storage::connect(store).await?;
            s.migrate().await.map_err(storage::user_error)?;
            s.close().await;
            tracing::info!("migrated");
            Ok(ExitCode::SUCCESS)
        })?,
    }
}
