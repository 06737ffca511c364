//! `jointplan progress report|import|list|show|portfolio`: progress reports and their roll-up.

use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;
use jointplan_core::progress::{Level, Report, Status};
use jointplan_core::rollup;

use super::storage::{self, StoreArgs};
use crate::input::BadInput;

/// Progress reports.
#[derive(Debug, Subcommand)]
pub enum ProgressCommand {
    /// Report progress on one action (appended; earlier reports stay).
    ///
    /// Example: jointplan progress report 1.1.3 --status on_track --level limited --note "First workshop held" --party DK
    Report {
        /// The action's code.
        #[arg(value_name = "ACTION-CODE")]
        action: String,
        /// on_track, delayed, blocked, done or dropped.
        #[arg(long)]
        status: String,
        /// not_started, limited, substantial or complete.
        #[arg(long)]
        level: String,
        /// What happened.
        #[arg(long, default_value = "")]
        note: String,
        /// The plan, when the store holds more than one.
        #[arg(long, value_name = "SLUG")]
        plan: Option<String>,
        /// The reporting party (default: the organisation's party).
        #[arg(long)]
        party: Option<String>,
        /// The reporting organisation's id in the plan.
        #[arg(long, value_name = "ORG")]
        org: Option<String>,
        /// The date the report speaks for (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// A link to evidence; repeat for more.
        #[arg(long, value_name = "URL")]
        evidence: Vec<String>,
    },
    /// Load progress reports in bulk from a CSV file.
    ///
    /// The CSV (RFC 4180, UTF-8) starts with a header row naming its columns,
    /// in any order (names are case-insensitive):
    ///
    ///   plan          the plan's slug (optional: default --plan, or the only plan)
    ///   action        the action's code, e.g. 1.1.3 (also: action_code, code)
    ///   date          the date the report speaks for, YYYY-MM-DD
    ///   party         the reporting party's code, e.g. DK
    ///   organisation  the reporting organisation's id (optional; also: org)
    ///   status        on_track, delayed, blocked, done or dropped
    ///   level         not_started, limited, substantial or complete
    ///   note          what happened (optional; also: narrative)
    ///   evidence      links to evidence, separated by spaces (optional)
    ///
    /// Rows are read and stored in batches of 5,000, one transaction and one
    /// audit record each. A bad row (unknown action code, bad date, level or
    /// status, unknown party…) is reported on stderr by its line number and
    /// skipped; the good rows are kept. With --atomic any bad row aborts the
    /// import and nothing is written. Exits 0 when every row was imported, 1
    /// when some were refused, 2 when the file cannot be used at all.
    ///
    /// Example: jointplan progress import reports.csv --plan dk-kr-2021-2024
    #[command(verbatim_doc_comment)]
    Import(super::progress_import::ImportArgs),
    /// List a plan's progress reports, oldest first.
    List {
        /// The plan, when the store holds more than one.
        #[arg(long, value_name = "SLUG")]
        plan: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show completion per line for each party.
    Show {
        /// The plan, when the store holds more than one.
        #[arg(long, value_name = "SLUG")]
        plan: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show completion per line for every plan and party (the portfolio roll-up).
    Portfolio {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs the command.
pub fn run(store: &StoreArgs, cmd: &ProgressCommand) -> Result<ExitCode> {
    storage::block_on(async {
        let s = storage::open(store).await?;
        let result = match cmd {
            ProgressCommand::Report {
                action,
                status,
                level,
                note,
                plan,
                party,
                org,
                date,
                evidence,
            } => {
                let status: Status = status.parse().map_err(|e| BadInput(format!("{e}")))?;
                let level: Level = level.parse().map_err(|e| BadInput(format!("{e}")))?;
                let (info, current) = storage::current_plan(s.as_ref(), plan.as_deref()).await?;
                let org_party = org
                    .as_deref()
                    .and_then(|o| current.plan.organisation(o))
                    .and_then(|o| o.party.clone());
                if let Some(o) = org
                    && current.plan.organisation(o).is_none()
                {
                    return Err(BadInput(format!("{} has no organisation {o:?}", info.slug)).into());
                }
                let party = party.clone().or(org_party).ok_or_else(|| {
                    BadInput(format!(
                        "say which party reports: --party {}",
                        info.party_codes().join("|")
                    ))
                })?;
                let report = Report {
                    action: action.clone(),
                    party,
                    organisation: org.clone(),
                    date: date.clone().unwrap_or_else(storage::today),
                    status,
                    level,
                    narrative: note.clone(),
                    evidence: evidence.clone(),
                };
                let ids = s
                    .add_reports(&info.slug, &[report], &store.actor())
                    .await
                    .map_err(storage::user_error)?;
                tracing::info!(
                    "recorded report {} on {action} in {}",
                    ids.first().copied().unwrap_or_default(),
                    info.slug
                );
                Ok(ExitCode::SUCCESS)
            }
            ProgressCommand::Import(args) => {
                super::progress_import::run(s.as_ref(), args, &store.actor()).await
            }
            ProgressCommand::Portfolio { json } => portfolio(s.as_ref(), *json).await,
            ProgressCommand::List { plan, json } => {
                let info = storage::plan(s.as_ref(), plan.as_deref()).await?;
                let reports = s.reports(&info.slug).await.map_err(storage::user_error)?;
                if *json {
                    let list: Vec<&Report> = reports.iter().map(|r| &r.report).collect();
                    println!("{}", serde_json::to_string_pretty(&list)?);
                } else {
                    for r in &reports {
                        let p = &r.report;
                        println!(
                            "{:>6} {} {:<8} {:<3} {:<9} {:<12} {}",
                            r.id,
                            p.date,
                            p.action,
                            p.party,
                            p.status.as_str(),
                            p.level.as_str(),
                            p.narrative
                        );
                    }
                }
                Ok(ExitCode::SUCCESS)
            }
            ProgressCommand::Show { plan, json } => {
                let (info, current) = storage::current_plan(s.as_ref(), plan.as_deref()).await?;
                let reports: Vec<Report> = s
                    .reports(&info.slug)
                    .await
                    .map_err(storage::user_error)?
                    .into_iter()
                    .map(|r| r.report)
                    .collect();
                let rollups = rollup::plan_rollups(&current.plan, &reports);
                if *json {
                    println!("{}", serde_json::to_string_pretty(&rollups)?);
                } else {
                    for r in &rollups {
                        println!(
                            "{} {}: {}% complete ({} of {} actions reported)",
                            r.plan,
                            r.party,
                            r.score.percent(),
                            r.score.reported,
                            r.score.actions
                        );
                        for l in &r.lines {
                            println!("  {}. {:<50} {:>3}%", l.number, l.title, l.score.percent());
                        }
                    }
                }
                Ok(ExitCode::SUCCESS)
            }
        };
        s.close().await;
        result
    })?
}

/// Prints the portfolio roll-up, and on stderr how long the query took.
async fn portfolio(s: &dyn jointplan_store::Store, json: bool) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let lines = s.portfolio_progress().await.map_err(storage::user_error)?;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let plans = lines
        .iter()
        .map(|l| l.plan.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    if json {
        println!("{}", serde_json::to_string_pretty(&lines)?);
    } else {
        use std::io::Write;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for l in &lines {
            writeln!(
                out,
                "{} {} line {}: {}% ({} of {} actions reported)",
                l.plan,
                l.party,
                l.line,
                l.score.percent(),
                l.score.reported,
                l.score.actions
            )?;
        }
        out.flush()?;
    }
    tracing::info!(
        "rolled up {plans} plans ({} line rows) in {ms:.1} ms",
        lines.len()
    );
    Ok(ExitCode::SUCCESS)
}
