//! `xtask portfolio`: many copies of the reference plan in a store, and a
//! CSV of progress reports for them, for the store's benchmarks.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use jointplan_core::Plan;
use jointplan_core::progress::{Level, Status};
use jointplan_store::{Actor, Clash, SavePlan, StoreError};

/// Arguments of `portfolio`.
#[derive(Debug, clap::Args)]
pub struct Args {
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
    /// Save the plans in force (the public reads them), not as drafts.
    #[arg(long)]
    in_force: bool,
}

/// Saves the plans (unless `--csv-only`) and writes the CSV.
pub fn run(url: &str, args: &Args) -> Result<()> {
    let plan = jointplan_import::example::import()?.plan;
    if !args.csv_only {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        rt.block_on(save_plans(url, &plan, args.plans, args.in_force))?;
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create", args.out.display()))?;
    let path = args.out.join("reports.csv");
    write_csv(&path, &plan, args.plans, args.reports)?;
    eprintln!(
        "wrote {} reports for {} plans to {}",
        args.reports,
        args.plans,
        path.display()
    );
    Ok(())
}

/// The slug of portfolio plan `i` (from 1).
fn slug(i: usize) -> String {
    format!("portfolio-{i:04}")
}

/// Saves the reference plan under `n` slugs (in force or as drafts),
/// skipping those already stored.
async fn save_plans(url: &str, plan: &Plan, n: usize, in_force: bool) -> Result<()> {
    let store = jointplan_store::open(url).await?;
    let how = SavePlan {
        actor: Actor::Operator,
        in_force,
        ..Default::default()
    };
    let mut saved = 0;
    for i in 1..=n {
        let mut p = plan.clone();
        p.slug = slug(i);
        match store.save_plan(&p, &how).await {
            Ok(_) => saved += 1,
            Err(StoreError::Conflict(Clash::PlanExists(_))) => {}
            Err(e) => return Err(e.into()),
        }
    }
    eprintln!("saved {saved} plans ({} were there already)", n - saved);
    store.close().await;
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

/// The date of report `j` of `count`: 4 years of 12 months of 28 days
/// from 2021, walked in order (every date exists).
fn date(j: usize, count: usize) -> String {
    let day = j * 1344 / count.max(1);
    format!(
        "{:04}-{:02}-{:02}",
        2021 + day / 336,
        1 + (day / 28) % 12,
        1 + day % 28
    )
}

/// Writes `reports` rows spread evenly over `plans` plans, each plan's rows
/// together and in date order across the plan's four years, as a ministry's
/// export would be.
fn write_csv(path: &Path, plan: &Plan, plans: usize, reports: usize) -> Result<()> {
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
            let date = date(j, count);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_date_is_real_and_in_order() {
        let dates: Vec<String> = (0..500).map(|j| date(j, 500)).collect();
        assert!(
            dates
                .iter()
                .all(|d| jointplan_core::progress::is_iso_date(d))
        );
        assert!(dates.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(dates[0], "2021-01-01");
        assert!(dates[499].starts_with("2024-12"), "{}", dates[499]);
    }

    #[test]
    fn the_csv_has_the_rows_asked_for_grouped_by_plan() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("reports.csv");
        let plan = jointplan_import::example::import().expect("example").plan;
        write_csv(&path, &plan, 3, 10).expect("written");
        let mut reader = csv::Reader::from_path(&path).expect("readable");
        let plans: Vec<String> = reader
            .records()
            .map(|r| r.expect("a record")[0].to_string())
            .collect();
        assert_eq!(plans.len(), 10);
        assert_eq!(plans.iter().filter(|p| *p == "portfolio-0001").count(), 4);
        assert!(plans.windows(2).all(|w| w[0] <= w[1]), "grouped by plan");
    }
}
