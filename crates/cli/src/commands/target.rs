//! `jointplan target list|record`: the plan's quantitative targets and the
//! values measured against them over time.

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;
use jointplan_store::{StoredTargetValue, TargetValue};
use serde::Serialize;

use super::storage::{self, StoreArgs};

/// Targets.
#[derive(Debug, Subcommand)]
pub enum TargetCommand {
    /// List the plan's targets, numbered, with the values recorded for each.
    List {
        /// The plan, when the store holds more than one.
        #[arg(long, value_name = "SLUG")]
        plan: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Record a measured value of a target (an indicator value).
    ///
    /// Example: jointplan target record 1 --value 38.5 --date 2023-12-31 --note "Danish Energy Agency"
    Record {
        /// The target's number, as `jointplan target list` shows it.
        target: usize,
        /// The value, in the target's unit.
        #[arg(long, allow_negative_numbers = true)]
        value: f64,
        /// The date the value speaks for, `YYYY-MM-DD`.
        #[arg(long)]
        date: String,
        /// Source or remark.
        #[arg(long, default_value = "")]
        note: String,
        /// The plan, when the store holds more than one.
        #[arg(long, value_name = "SLUG")]
        plan: Option<String>,
    },
}

/// One target with its recorded values, as `--json` prints it.
#[derive(Serialize)]
struct Listed<'a> {
    number: usize,
    party: Option<&'a str>,
    measure: &'a str,
    value: f64,
    unit: &'a str,
    year: Option<i32>,
    values: Vec<&'a StoredTargetValue>,
}

/// Runs the command.
pub fn run(store: &StoreArgs, cmd: &TargetCommand) -> Result<ExitCode> {
    storage::block_on(async {
        let s = storage::open(store).await?;
        let result = match cmd {
            TargetCommand::List { plan, json } => {
                let (info, current) = storage::current_plan(s.as_ref(), plan.as_deref()).await?;
                let values = s
                    .target_values(&info.slug)
                    .await
                    .map_err(storage::user_error)?;
                let listed: Vec<Listed> = current
                    .plan
                    .targets
                    .iter()
                    .enumerate()
                    .map(|(i, t)| Listed {
                        number: i + 1,
                        party: t.party.as_deref(),
                        measure: &t.measure,
                        value: t.value,
                        unit: &t.unit,
                        year: t.year,
                        values: values.iter().filter(|v| v.measure == t.measure).collect(),
                    })
                    .collect();
                if *json {
                    println!("{}", serde_json::to_string_pretty(&listed)?);
                } else if listed.is_empty() {
                    println!("{} states no quantitative targets", info.slug);
                } else {
                    for t in &listed {
                        let by = t.year.map(|y| format!(" by {y}")).unwrap_or_default();
                        // "0 net zero" says the same thing twice.
                        let aim = if t.unit == "net zero" {
                            t.unit.to_string()
                        } else {
                            format!("{} {}", t.value, t.unit)
                        };
                        println!(
                            "{:>2}. [{}] {}: {aim}{by}",
                            t.number,
                            t.party.unwrap_or("joint"),
                            t.measure,
                        );
                        if t.values.is_empty() {
                            println!("      no values recorded");
                        }
                        for v in &t.values {
                            let note = if v.note.is_empty() {
                                String::new()
                            } else {
                                format!(" ({})", v.note)
                            };
                            println!("      {} {} {}{note}", v.date, v.value, t.unit);
                        }
                    }
                }
                Ok(ExitCode::SUCCESS)
            }
            TargetCommand::Record {
                target,
                value,
                date,
                note,
                plan,
            } => {
                let info = storage::plan(s.as_ref(), plan.as_deref()).await?;
                let v = TargetValue {
                    target: *target,
                    date: date.clone(),
                    value: *value,
                    note: note.clone(),
                };
                let id = s
                    .add_target_value(&info.slug, &v, &store.actor())
                    .await
                    .map_err(storage::user_error)?;
                tracing::info!("recorded value {id} of target {target} of {}", info.slug);
                Ok(ExitCode::SUCCESS)
            }
        };
        s.close().await;
        result
    })?
}
