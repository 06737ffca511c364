//! `jointplan meeting add|list`: meetings of the plan's mechanisms.

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;
use jointplan_store::{Occurrence, OccurrenceStatus};

use super::storage::{self, StoreArgs};
use crate::input::BadInput;

/// Meetings.
#[derive(Debug, Subcommand)]
// Parsed once per run; boxing the larger variant would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum MeetingCommand {
    /// Log a meeting (planned, held, postponed or cancelled) of a mechanism.
    ///
    /// Example: jointplan meeting add gga-ministerial --date 2022-06-15 --status held --place Seoul --host KR
    Add {
        /// The mechanism's id in the plan (see `jointplan summary`).
        mechanism: String,
        /// `YYYY-MM-DD`.
        #[arg(long)]
        date: String,
        /// planned, held, postponed or cancelled.
        #[arg(long, default_value = "held")]
        status: String,
        /// Where.
        #[arg(long)]
        place: Option<String>,
        /// The hosting party.
        #[arg(long)]
        host: Option<String>,
        /// Who took part; repeat for more.
        #[arg(long = "participant")]
        participants: Vec<String>,
        /// What came out of it.
        #[arg(long, default_value = "")]
        outcomes: String,
        /// An action it advanced; repeat for more.
        #[arg(long = "action", value_name = "CODE")]
        actions: Vec<String>,
        /// The earlier record this one updates.
        #[arg(long, value_name = "ID")]
        supersedes: Option<i64>,
        /// The plan, when the store holds more than one.
        #[arg(long, value_name = "SLUG")]
        plan: Option<String>,
    },
    /// List a plan's meetings.
    List {
        /// The plan, when the store holds more than one.
        #[arg(long, value_name = "SLUG")]
        plan: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs the command.
pub fn run(store: &StoreArgs, cmd: &MeetingCommand) -> Result<ExitCode> {
    storage::block_on(async {
        let s = storage::open(store).await?;
        let result = match cmd {
            MeetingCommand::Add {
                mechanism,
                date,
                status,
                place,
                host,
                participants,
                outcomes,
                actions,
                supersedes,
                plan,
            } => {
                let status = OccurrenceStatus::parse(status).ok_or_else(|| {
                    BadInput(format!(
                        "status {status:?} is not planned, held, postponed or cancelled"
                    ))
                })?;
                let info = storage::plan(s.as_ref(), plan.as_deref()).await?;
                let o = Occurrence {
                    mechanism: mechanism.clone(),
                    status,
                    date: date.clone(),
                    place: place.clone(),
                    host_party: host.clone(),
                    participants: participants.clone(),
                    outcomes: outcomes.clone(),
                    actions: actions.clone(),
                    supersedes: *supersedes,
                };
                let id = s
                    .add_occurrence(&info.slug, &o, &store.actor())
                    .await
                    .map_err(storage::user_error)?;
                tracing::info!("recorded meeting {id} of {mechanism}");
                Ok(ExitCode::SUCCESS)
            }
            MeetingCommand::List { plan, json } => {
                let info = storage::plan(s.as_ref(), plan.as_deref()).await?;
                let all = s
                    .occurrences(&info.slug)
                    .await
                    .map_err(storage::user_error)?;
                if *json {
                    println!("{}", serde_json::to_string_pretty(&all)?);
                } else {
                    for m in &all {
                        let o = &m.occurrence;
                        println!(
                            "{:>4} {} {:<10} {:<30} {} {}",
                            m.id,
                            o.date,
                            o.status.as_str(),
                            o.mechanism,
                            o.place.as_deref().unwrap_or(""),
                            o.host_party.as_deref().unwrap_or("")
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
