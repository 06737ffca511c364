//! `jointplan lead set|list`: each party's lead organisation and partners
//! of an action, set by that party's coordinators alone.

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;

use super::storage::{self, StoreArgs};

/// Leads and partners.
#[derive(Debug, Subcommand)]
pub enum LeadCommand {
    /// Set a party's lead organisation and partners of an action.
    ///
    /// Example: jointplan --as mette lead set 1.2.2 --party DK --lead MHES --partner DEA
    Set {
        /// The action's code.
        code: String,
        /// The party whose lead this is.
        #[arg(long)]
        party: String,
        /// The lead organisation (an id or acronym of the plan's register).
        #[arg(long)]
        lead: Option<String>,
        /// A partner organisation; repeat for several.
        #[arg(long = "partner")]
        partners: Vec<String>,
        /// The plan (default: the store's only plan).
        #[arg(long, value_name = "SLUG")]
        plan: Option<String>,
    },
    /// List the plan's current leads and partners.
    List {
        /// The plan (default: the store's only plan).
        #[arg(long, value_name = "SLUG")]
        plan: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs the command.
pub fn run(store: &StoreArgs, cmd: &LeadCommand) -> Result<ExitCode> {
    storage::block_on(async {
        let s = storage::open(store).await?;
        let result = match cmd {
            LeadCommand::Set {
                code,
                party,
                lead,
                partners,
                plan,
            } => {
                let info = storage::plan(s.as_ref(), plan.as_deref()).await?;
                let set = s
                    .set_leads(
                        &info.slug,
                        code,
                        party,
                        lead.as_deref(),
                        partners,
                        &store.actor(),
                    )
                    .await;
                set.map(|l| {
                    let lead = l.lead.as_deref().unwrap_or("none");
                    eprintln!(
                        "{code} for {}: lead {lead}, partners {}",
                        l.party,
                        l.partners.join(", ")
                    );
                })
            }
            LeadCommand::List { plan, json } => {
                let info = storage::plan(s.as_ref(), plan.as_deref()).await?;
                s.party_content(&info.slug).await.map(|content| {
                    if *json {
                        println!(
                            "{}",
                            serde_json::to_string_pretty(&content.leads).unwrap_or_default()
                        );
                    } else if content.leads.is_empty() {
                        eprintln!("no leads set yet");
                    }
                    for l in content.leads.iter().filter(|_| !*json) {
                        let lead = l.lead.as_deref().unwrap_or("-");
                        println!(
                            "{:<8} {:<4} {:<12} {}",
                            l.action,
                            l.party,
                            lead,
                            l.partners.join(", ")
                        );
                    }
                })
            }
        };
        s.close().await;
        result.map_err(storage::user_error)?;
        Ok(ExitCode::SUCCESS)
    })?
}
