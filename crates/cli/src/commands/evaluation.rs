//! `jointplan evaluation assess|agree|show`: each party's assessment of
//! each action, kept apart, and the results both sides settle on.

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;
use jointplan_core::evaluation::{self, Agreed, Assessment, State};

use super::storage::{self, StoreArgs};

/// The evaluation a command speaks of when none is named.
const DEFAULT_EVALUATION: &str = "mid-term";

/// Evaluations.
#[derive(Debug, Subcommand)]
pub enum EvaluationCommand {
    /// Record one party's assessment of an action: a score from 1 (not
    /// achieved) to 5 (fully achieved). A later assessment replaces the
    /// party's earlier one; both stay on record.
    ///
    /// Example: jointplan evaluation assess 1.1.2 --party DK --score 4 --note "two GGA meetings held"
    Assess {
        /// The action's code.
        action: String,
        /// The assessing party.
        #[arg(long)]
        party: String,
        /// 1 (not achieved) to 5 (fully achieved).
        #[arg(long)]
        score: u8,
        /// The assessor's reasoning.
        #[arg(long, default_value = "")]
        note: String,
        /// Which evaluation (`mid-term`, `final`, …).
        #[arg(long, default_value = DEFAULT_EVALUATION)]
        evaluation: String,
        /// The plan, when the store holds more than one.
        #[arg(long, value_name = "SLUG")]
        plan: Option<String>,
    },
    /// Record the result both parties agreed for an action, settling any disagreement.
    ///
    /// Example: jointplan evaluation agree 1.1.2 --score 4 --note "agreed at the 2023 JCM"
    Agree {
        /// The action's code.
        action: String,
        /// The agreed score, 1 to 5.
        #[arg(long)]
        score: u8,
        /// The agreed wording.
        #[arg(long, default_value = "")]
        note: String,
        /// Which evaluation.
        #[arg(long, default_value = DEFAULT_EVALUATION)]
        evaluation: String,
        /// The plan, when the store holds more than one.
        #[arg(long, value_name = "SLUG")]
        plan: Option<String>,
    },
    /// Show where each action's evaluation stands: each party's score,
    /// disagreements and settled results.
    Show {
        /// Which evaluation.
        #[arg(long, default_value = DEFAULT_EVALUATION)]
        evaluation: String,
        /// Only actions whose parties disagree.
        #[arg(long)]
        disagreements: bool,
        /// The plan, when the store holds more than one.
        #[arg(long, value_name = "SLUG")]
        plan: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs the command.
pub fn run(store: &StoreArgs, cmd: &EvaluationCommand) -> Result<ExitCode> {
    storage::block_on(async {
        let s = storage::open(store).await?;
        let result = match cmd {
            EvaluationCommand::Assess {
                action,
                party,
                score,
                note,
                evaluation,
                plan,
            } => {
                let info = storage::plan(s.as_ref(), plan.as_deref()).await?;
                let a = Assessment {
                    evaluation: evaluation.clone(),
                    action: action.clone(),
                    party: party.clone(),
                    score: *score,
                    note: note.clone(),
                };
                let id = s
                    .add_assessment(&info.slug, &a, &store.actor())
                    .await
                    .map_err(storage::user_error)?;
                tracing::info!(
                    "recorded assessment {id}: {party} scores {action} {score}/5 ({evaluation})"
                );
                Ok(ExitCode::SUCCESS)
            }
            EvaluationCommand::Agree {
                action,
                score,
                note,
                evaluation,
                plan,
            } => {
                let info = storage::plan(s.as_ref(), plan.as_deref()).await?;
                let a = Agreed {
                    evaluation: evaluation.clone(),
                    action: action.clone(),
                    score: *score,
                    note: note.clone(),
                };
                let id = s
                    .add_agreed(&info.slug, &a, &store.actor())
                    .await
                    .map_err(storage::user_error)?;
                tracing::info!("recorded agreed result {id}: {action} {score}/5 ({evaluation})");
                Ok(ExitCode::SUCCESS)
            }
            EvaluationCommand::Show {
                evaluation: name,
                disagreements,
                plan,
                json,
            } => {
                let (info, current) = storage::current_plan(s.as_ref(), plan.as_deref()).await?;
                let (assessments, agreed) = s
                    .evaluation(&info.slug, name)
                    .await
                    .map_err(storage::user_error)?;
                let actions: Vec<String> = current.plan.actions().map(|a| a.code.clone()).collect();
                let mut rows =
                    evaluation::reconcile(&actions, &info.party_codes(), &assessments, &agreed);
                if *disagreements {
                    rows.retain(|r| matches!(r.state, State::Disagreeing { .. }));
                }
                if *json {
                    println!("{}", serde_json::to_string_pretty(&rows)?);
                } else {
                    for r in &rows {
                        let scores: Vec<String> =
                            r.by_party.iter().map(|(p, s)| format!("{p} {s}")).collect();
                        let state = match &r.state {
                            State::Waiting { missing } => {
                                format!("waiting for {}", missing.join(", "))
                            }
                            State::Concurring => "parties concur".to_string(),
                            State::Disagreeing { spread } => format!("DISAGREE (spread {spread})"),
                            State::Settled { score } => format!("settled at {score}"),
                        };
                        println!("{:<8} {:<12} {state}", r.action, scores.join(" / "));
                    }
                    let open = rows
                        .iter()
                        .filter(|r| matches!(r.state, State::Disagreeing { .. }))
                        .count();
                    tracing::info!("{} actions, {open} disagreements ({name})", rows.len());
                }
                Ok(ExitCode::SUCCESS)
            }
        };
        s.close().await;
        result
    })?
}
