//! Developer tasks, run as `cargo run -p xtask -- TASK …`: tools for
//! benchmarks that have no place in the `jointplan` users install.

mod portfolio;

use anyhow::Result;
use clap::{Parser, Subcommand};

/// jointplan's developer tasks.
#[derive(Debug, Parser)]
#[command(name = "xtask")]
struct Xtask {
    /// The task.
    #[command(subcommand)]
    task: Task,
    /// Database URL: sqlite://PATH or postgres://… (default: jointplan's SQLite file in the data directory).
    #[arg(
        long,
        global = true,
        env = "JOINTPLAN_DATABASE_URL",
        value_name = "URL"
    )]
    database_url: Option<String>,
}

/// The tasks.
#[derive(Debug, Subcommand)]
enum Task {
    /// Build a benchmark portfolio: the reference plan saved under PLANS
    /// slugs (portfolio-0001…; existing ones are kept) and OUT/reports.csv
    /// with REPORTS progress reports for them, grouped by plan, in date order.
    ///
    /// Example: cargo run --release -p xtask -- portfolio --plans 1000 --reports 1000000 --out bench/data
    Portfolio(portfolio::Args),
}

fn main() -> Result<()> {
    let xtask = Xtask::parse();
    match xtask.task {
        Task::Portfolio(args) => {
            let url = xtask
                .database_url
                .unwrap_or_else(jointplan_store::default_url);
            portfolio::run(&url, &args)
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn command_is_well_formed() {
        super::Xtask::command().debug_assert();
    }
}
