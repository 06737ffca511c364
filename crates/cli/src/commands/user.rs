//! `jointplan user add|list`: who may act for which party. A store with no
//! users is a single-user store where anyone may do anything; once a user
//! exists, every write is checked against the acting user's role and party.

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;
use jointplan_store::User;

use super::storage::{self, StoreArgs};

/// Users.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user with a role, scoped to a party (and organisation).
    ///
    /// Roles: coordinator (reports, approves revisions, records agreed
    /// evaluation results), reporter (reports progress, logs meetings,
    /// records target values), evaluator (assesses actions). Act as a user
    /// with the global --as NAME.
    ///
    /// Example: jointplan user add mette --role coordinator --party DK --organisation MFA
    Add {
        /// The login name (what --as names).
        name: String,
        /// coordinator, reporter or evaluator.
        #[arg(long)]
        role: String,
        /// The party the user acts for.
        #[arg(long)]
        party: String,
        /// The organisation the user acts for.
        #[arg(long)]
        organisation: Option<String>,
    },
    /// List the store's users.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs the command.
pub fn run(store: &StoreArgs, cmd: &UserCommand) -> Result<ExitCode> {
    storage::block_on(async {
        let s = storage::open(store).await?;
        let result = match cmd {
            UserCommand::Add {
                name,
                role,
                party,
                organisation,
            } => {
                let user = User {
                    id: 0,
                    name: name.clone(),
                    role: role.clone(),
                    party: Some(party.clone()),
                    organisation: organisation.clone(),
                    created_at: String::new(),
                };
                let id = s
                    .add_user(&user, &store.actor())
                    .await
                    .map_err(storage::user_error)?;
                tracing::info!("added user {id}: {name}, {role} for {party}");
                Ok(ExitCode::SUCCESS)
            }
            UserCommand::List { json } => {
                let users = s.users().await.map_err(storage::user_error)?;
                if *json {
                    println!("{}", serde_json::to_string_pretty(&users)?);
                } else if users.is_empty() {
                    println!("no users: anyone may act (a single-user store)");
                } else {
                    for u in &users {
                        println!(
                            "{:<16} {:<12} {:<4} {}",
                            u.name,
                            u.role,
                            u.party.as_deref().unwrap_or("-"),
                            u.organisation.as_deref().unwrap_or("")
                        );
                    }
                }
                Ok(ExitCode::SUCCESS)
            }
        };
        s.close().await;
        result
    })?
}
