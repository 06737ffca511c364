//! `jointplan revision propose|approve|show|diff`: changing a plan with
//! every party's approval.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;
use jointplan_core::revision::{self, Change, ChangeSet};
use jointplan_store::RevisionInfo;

use super::storage::{self, StoreArgs};
use crate::input::BadInput;

/// Revisions.
#[derive(Debug, Subcommand)]
pub enum RevisionCommand {
    /// Propose changes to the current version.
    ///
    /// Example: jointplan revision propose --edit '1.1.3=Possible joint events' --remove 2.1.4 --reason "mid-term review"
    Propose {
        /// A change set as JSON ({"reason": …, "changes": [{"op": "set_action_text", …}]}).
        #[arg(long, value_name = "FILE.json")]
        changes: Option<PathBuf>,
        /// Reword an action: CODE=TEXT; repeat for more.
        #[arg(long, value_name = "CODE=TEXT")]
        edit: Vec<String>,
        /// Add an action to a track: TRACK=TEXT; repeat for more.
        #[arg(long, value_name = "TRACK=TEXT")]
        add: Vec<String>,
        /// Remove an action; repeat for more.
        #[arg(long, value_name = "CODE")]
        remove: Vec<String>,
        /// Rename the plan.
        #[arg(long)]
        title: Option<String>,
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
                changes,
                edit,
                add,
                remove,
                title,
                reason,
                plan,
            } => {
                let set = change_set(changes.as_ref(), edit, add, remove, title.as_ref(), reason)?;
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

/// The change set the flags (or a file) describe.
fn change_set(
    file: Option<&PathBuf>,
    edit: &[String],
    add: &[String],
    remove: &[String],
    title: Option<&String>,
    reason: &str,
) -> Result<ChangeSet, BadInput> {
    let mut set = match file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| BadInput(format!("{}: cannot read: {e}", path.display())))?;
            serde_json::from_str(&text)
                .map_err(|e| BadInput(format!("{}: not a change set: {e}", path.display())))?
        }
        None => ChangeSet::default(),
    };
    let pair = |s: &String, what: &str| {
        s.split_once('=')
            .map(|(a, b)| (a.trim().to_string(), b.to_string()))
            .ok_or_else(|| BadInput(format!("{s:?}: expected {what}=TEXT")))
    };
    for e in edit {
        let (code, text) = pair(e, "CODE")?;
        set.changes.push(Change::SetActionText { code, text });
    }
    for a in add {
        let (track, text) = pair(a, "TRACK")?;
        set.changes.push(Change::AddAction { track, text });
    }
    for code in remove {
        set.changes
            .push(Change::RemoveAction { code: code.clone() });
    }
    if let Some(t) = title {
        set.changes.push(Change::SetTitle { title: t.clone() });
    }
    if !reason.is_empty() {
        set.reason = reason.to_string();
    }
    if set.changes.is_empty() {
        return Err(BadInput(
            "no changes: use --edit, --add, --remove, --title or --changes FILE".into(),
        ));
    }
    Ok(set)
}
