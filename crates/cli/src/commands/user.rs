//! `jointplan user add|passwd|disable|role|list`: the accounts that act
//! for each party. The operator (the CLI without `--as`) creates each
//! party's first coordinator; after that a party's coordinators create its
//! accounts. Nobody creates or changes an account of the other party.

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;
use jointplan_core::access::Role;
use jointplan_store::NewAccount;

use super::storage::{self, StoreArgs};
use crate::input::BadInput;

/// Accounts.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account with a role, for a party (and organisation).
    ///
    /// Roles: coordinator (edits a draft, adopts, approves revisions, sets
    /// leads, restricts, reports), reporter (reports progress on its
    /// organisation's actions, logs meetings its party hosts), evaluator
    /// (assesses actions; without --party, independent of both). The
    /// password is read from a terminal twice, or once from standard input
    /// with --password-stdin.
    ///
    /// Example: printf 'secret-pw\n' | jointplan user add mette --role coordinator --party DK --password-stdin
    Add {
        /// The sign-in name (what --as names).
        name: String,
        /// coordinator, reporter or evaluator.
        #[arg(long)]
        role: String,
        /// The party the account acts for.
        #[arg(long)]
        party: Option<String>,
        /// The organisation a reporter reports for (an id or acronym of the plan's register).
        #[arg(long)]
        organisation: Option<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set an account's password (as that account: --as NAME).
    Passwd {
        /// The account.
        name: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Disable an account: it can no longer sign in or act; its history stays.
    Disable {
        /// The account.
        name: String,
    },
    /// Change an account's role.
    Role {
        /// The account.
        name: String,
        /// coordinator, reporter or evaluator.
        #[arg(long)]
        role: String,
    },
    /// List the accounts.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// A role named on the command line.
pub(crate) fn role(name: &str) -> Result<Role> {
    Role::parse(name).ok_or_else(|| {
        BadInput(format!(
            "role {name:?} is not coordinator, reporter or evaluator"
        ))
        .into()
    })
}

/// The new password: one line of standard input, or typed twice on a terminal.
fn password(from_stdin: bool) -> Result<String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        let pw = line.trim_end_matches(['\n', '\r']).to_string();
        if pw.is_empty() {
            return Err(BadInput("no password on standard input".into()).into());
        }
        return Ok(pw);
    }
    if !std::io::stdin().is_terminal() {
        return Err(BadInput(
            "standard input is not a terminal: give the password with --password-stdin".into(),
        )
        .into());
    }
    let first = rpassword::prompt_password("password: ")?;
    let again = rpassword::prompt_password("again: ")?;
    if first != again {
        return Err(BadInput("the two passwords differ".into()).into());
    }
    Ok(first)
}

/// Runs the command.
pub fn run(store: &StoreArgs, cmd: &UserCommand) -> Result<ExitCode> {
    // Read before the store opens, so a prompt is not mixed with its messages.
    let secret = match cmd {
        UserCommand::Add { password_stdin, .. } | UserCommand::Passwd { password_stdin, .. } => {
            Some(password(*password_stdin)?)
        }
        _ => None,
    };
    let secret = secret.unwrap_or_default();
    storage::block_on(async {
        let s = storage::open(store).await?;
        let actor = store.actor();
        let result = match cmd {
            UserCommand::Add {
                name,
                role: r,
                party,
                organisation,
                ..
            } => {
                let account = NewAccount {
                    name: name.clone(),
                    role: role(r)?,
                    party: party.clone(),
                    organisation: organisation.clone(),
                };
                let id = s.add_account(&account, &secret, &actor).await;
                id.map(|id| {
                    let party = party.as_deref().unwrap_or("no party");
                    tracing::info!("added account {id}: {name}, {r} for {party}");
                })
            }
            UserCommand::Passwd { name, .. } => s
                .set_password(name, &secret, &actor)
                .await
                .map(|()| tracing::info!("password of {name} changed")),
            UserCommand::Disable { name } => s
                .disable_account(name, &actor)
                .await
                .map(|()| tracing::info!("account {name} disabled")),
            UserCommand::Role { name, role: r } => s
                .set_role(name, role(r)?, &actor)
                .await
                .map(|()| tracing::info!("{name} is now a {r}")),
            UserCommand::List { json } => s.accounts().await.map(|accounts| {
                if *json {
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&accounts).unwrap_or_default()
                    );
                } else if accounts.is_empty() {
                    println!("no accounts: only the operator may act");
                } else {
                    for a in &accounts {
                        println!(
                            "{:<16} {:<12} {:<4} {:<12} {}",
                            a.name,
                            a.role,
                            a.party.as_deref().unwrap_or("-"),
                            a.organisation.as_deref().unwrap_or(""),
                            if a.disabled_at.is_some() {
                                "disabled"
                            } else {
                                ""
                            }
                        );
                    }
                }
            }),
        };
        s.close().await;
        result.map_err(storage::user_error)?;
        Ok(ExitCode::SUCCESS)
    })?
}
