//! `jointplan revision propose|approve|show|diff`: changing a plan with
//! every party's approval. The flags that describe changes are in `flags`.

mod flags;

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;
use jointplan_core::revision;
use jointplan_store::RevisionInfo;

use super::storage::{self, StoreArgs};
use crate::input::BadInput;
pub use flags::ChangeFlags;

/// Revisions.
#[derive(Debug, Subcommand)]
pub enum RevisionCommand {
    /// Propose changes to the current version.
    ///
    /// Examples:
    ///   jointplan revision propose --edit '1.1.3=Possible joint events' --reason "mid-term review"
    ///   jointplan revision propose --move 1.1.3=2.1 --merge '1.2.1,1.2.2=Joint research on water'
    ///   jointplan revision propose --split '3.1.4=Dialogue on health|Seminar on ageing' --sdgs 3.1.4=3
    ///   jointplan revision propose --add-line Digital --add-track 5=Science --move 1.3.2=5.1
    ///
    /// Each flag may be repeated. The changes apply after those of --changes FILE,
    /// kind by kind in the order the options are listed below; for another
    /// order, write the change set as JSON.
    #[command(verbatim_doc_comment)]
    Propose {
        #[command(flatten)]
        flags: Box<ChangeFlags>,
        /// Why.
        #[arg(long, default_value = "")]
        reason: String,
        /// The plan, when the store holds more than one.
        #[arg(long, value_name = "SLUG")]
        plan: Option<String>,
    },
    /// Approve a revision for one party; the last party's approval makes the new version.
    Approve {
        /// The revision's id.
        id: i64,
        /// The approving party.
        #[arg(long)]
        party: String,
    },
    /// Show a revision and its approvals.
    Show {
        /// The revision's id.
        id: i64,
    },
    /// Show what a revision changes.
    Diff {
        /// The revision's id.
        id: i64,
    },
}

/// Runs the command.
pub fn run(store: &StoreArgs, cmd: &RevisionCommand) -> Result<ExitCode> {
    storage::block_on(async {
        let s = storage::open(store).await?;
        let result = match cmd {
            RevisionCommand::Propose {
                flags,
                reason,
                plan,
            } => {
                let set = flags.change_set(reason)?;
                let info = storage::plan(s.as_ref(), plan.as_deref()).await?;
                let r = s
                    .propose_revision(&info.slug, &set, &store.actor())
                    .await
                    .map_err(storage::user_error)?;
                print_revision(&r);
                Ok(ExitCode::SUCCESS)
            }
            RevisionCommand::Approve { id, party } => {
                let r = s
                    .approve_revision(*id, party, &store.actor())
                    .await
                    .map_err(storage::user_error)?;
                print_revision(&r);
                Ok(ExitCode::SUCCESS)
            }
            RevisionCommand::Show { id } => {
                print_revision(&s.revision(*id).await.map_err(storage::user_error)?);
                Ok(ExitCode::SUCCESS)
            }
            RevisionCommand::Diff { id } => {
                let r = s.revision(*id).await.map_err(storage::user_error)?;
                let base = s
                    .version(&r.plan, Some(r.base_version))
                    .await
                    .map_err(storage::user_error)?;
                let next =
                    revision::apply(&base.plan, &r.changes).map_err(|e| BadInput(e.to_string()))?;
                println!(
                    "revision {} of {} (version {} →)",
                    r.id, r.plan, r.base_version
                );
                for d in revision::diff(&base.plan, &next) {
                    println!("{d}");
                }
                Ok(ExitCode::SUCCESS)
            }
        };
        s.close().await;
        result
    })?
}

fn print_revision(r: &RevisionInfo) {
    println!(
        "revision {} of {} against version {}",
        r.id, r.plan, r.base_version
    );
    if !r.changes.reason.is_empty() {
        println!("  reason: {}", r.changes.reason);
    }
    println!(
        "  changes: {}; result hash {}",
        r.changes.changes.len(),
        r.result_hash
    );
    for (party, by) in &r.approvals {
        println!("  approved for {party} by {by}");
    }
    match r.applied_as {
        Some(v) => println!("  in effect as version {v}"),
        None => println!("  waiting for: {}", r.pending.join(", ")),
    }
}
