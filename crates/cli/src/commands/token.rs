//! `jointplan token create|revoke|list`: API tokens for machine clients,
//! of the account `--as` names. A token's secret is printed once.

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;
use jointplan_store::Actor;

use super::storage::{self, StoreArgs};
use crate::input::BadInput;

/// API tokens.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token for the acting account and print its secret (shown once).
    ///
    /// Example: jointplan --as mette token create --label "reporting script"
    Create {
        /// What the token is for.
        #[arg(long)]
        label: String,
    },
    /// Revoke one of the acting account's tokens.
    Revoke {
        /// The token's id, as `token list` shows it.
        id: i64,
    },
    /// List the acting account's tokens (never their secrets).
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs the command.
pub fn run(store: &StoreArgs, cmd: &TokenCommand) -> Result<ExitCode> {
    storage::block_on(async {
        let s = storage::open(store).await?;
        let actor = store.actor();
        let result = match cmd {
            TokenCommand::Create { label } => s.create_token(label, &actor).await.map(|t| {
                eprintln!("token {} created; its secret is shown only now:", t.id);
                println!("{}", t.secret);
            }),
            TokenCommand::Revoke { id } => s
                .revoke_token(*id, &actor)
                .await
                .map(|()| eprintln!("token {id} revoked")),
            TokenCommand::List { json } => {
                let Actor::Account(name) = &actor else {
                    s.close().await;
                    return Err(BadInput(
                        "tokens belong to accounts: name one with --as NAME".into(),
                    )
                    .into());
                };
                s.tokens(name).await.map(|tokens| {
                    if *json {
                        println!(
                            "{}",
                            serde_json::to_string_pretty(&tokens).unwrap_or_default()
                        );
                    }
                    for t in tokens.iter().filter(|_| !*json) {
                        let state = t
                            .revoked_at
                            .as_deref()
                            .map_or("live".to_string(), |at| format!("revoked {at}"));
                        println!("{:>4}  {:<24} {}  {state}", t.id, t.label, t.created_at);
                    }
                })
            }
        };
        s.close().await;
        result.map_err(storage::user_error)?;
        Ok(ExitCode::SUCCESS)
    })?
}
