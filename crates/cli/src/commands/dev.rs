//! `jointplan dev …`: tools for developers and benchmarks, hidden from the
//! main help.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Subcommand;
use jointplan_core::progress::{Level, Status};
use jointplan_store::{SavePlan, StoreError};

use super::storage::{self, StoreArgs};
use crate::input::BadInput;

/// Developer tools.
#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Build a benchmark portfolio: the reference plan saved under PLANS
    /// slugs (portfolio-0001…; existing ones are kept) and OUT/reports.csv
    /// with REPORTS progress reports for them, grouped by plan, in date order.
    ///
    /// Example: jointplan dev portfolio --plans 1000 --reports 1000000 --out bench/data
    Portfolio {
        /// How many plans.
        #[arg(long, default_value_t = 1000)]
        plans: usize,
        /// How many progress reports in the CSV.
        #[arg(long, default_value_t = 1_000_000)]
        reports: usize,
        /// Directory for reports.csv.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Only write the CSV; do not touch the store.
        #[arg(long)]
        csv_only: bool,
    },
}

/// Runs the command.
pub fn run(store: &StoreArgs, cmd: &DevCommand) -> Result<ExitCode> {
    match cmd {
        DevCommand::Portfolio {
            plans,
            reports,
            out,
            csv_only,
        } => {
            let plan = jointplan_import::example::import()
                .map_err(BadInput::from)?
                .plan;
            if !csv_only {
                storage::block_on(save_plans(store, &plan, *plans))??;
            }
            std::fs::create_dir_all(out)
                .with_context(|| format!("{}: cannot create", out.display()))?;
            let path = out.join("reports.csv");
            write_csv(&path, &plan, *plans, *reports)?;
            eprintln!(
                "wrote {reports} reports for {plans} plans to {}",
                path.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The slug of portfolio plan `i` (from 1).
fn slug(i: usize) -> String {
    format!("portfolio-{i:04}")
}

/// Saves the reference plan under `n` slugs, skipping those already stored.
async fn save_plans(store: &StoreArgs, plan: &jointplan_core::Plan, n: usize) -> Result<()> {
    let s = storage::open(store).await?;
    let how = SavePlan {
        actor: store.actor(),
        ..Default::default()
    };
    let mut saved = 0;
    for i in 1..=n {
        let mut p = plan.clone();
        p.slug = slug(i);
        match s.save_plan(&p, &how).await {
            Ok(_) => saved += 1,
            Err(StoreError::Conflict(jointplan_store::Clash::PlanExists(_))) => {}
            Err(e) => return Err(storage::user_error(e)),
        }
    }
    eprintln!("saved {saved} plans ({} were there already)", n - saved);
    s.close().await;
    Ok(())
}

/// A small deterministic generator (xorshift64*), so every run writes the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Writes `reports` rows spread evenly over `plans` plans, each plan's rows
/// together and in date order across the plan's four years, as a ministry's
/// export would be.
fn write_csv(
    path: &std::path::Path,
    plan: &jointplan_core::Plan,
    plans: usize,
    reports: usize,
) -> Result<()> {
    let codes: Vec<&str> = plan.actions().map(|a| a.code.as_str()).collect();
    let mut w = csv::Writer::from_path(path)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    w.write_record([
        "plan", "action", "date", "party", "status", "level", "note", "evidence",
    ])?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let plans = plans.max(1);
    for i in 1..=plans {
        let slug = slug(i);
        let count = reports / plans + usize::from(i <= reports % plans);
        for j in 0..count {
            // 4 years of 12 months of 28 days, walked in order.
            let day = j * 1344 / count.max(1);
            let date = format!(
                "{:04}-{:02}-{:02}",
                2021 + day / 336,
                1 + (day / 28) % 12,
                1 + day % 28
            );
            let code = codes[rng.below(codes.len())];
            let party = if rng.below(2) == 0 { "DK" } else { "KR" };
            let status = Status::ALL[rng.below(Status::ALL.len())].as_str();
            let level = Level::ALL[rng.below(Level::ALL.len())].as_str();
            let note = format!("Report {j} on {code}: meeting held, next steps agreed");
            let evidence = format!("https://evidence.invalid/{slug}/{j}");
            w.write_record([&slug, code, &date, party, status, level, &note, &evidence])?;
        }
    }
    w.flush()?;
    Ok(())
}
