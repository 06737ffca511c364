//! Opening the store for a command: which database, who acts. The one
//! place a command gets its store from.

use std::future::Future;

use anyhow::Result;
use clap::Args;
use jointplan_store::{Actor, Store, StoreError};

/// Where the store is and who acts on it; global to every command.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    /// Database URL: sqlite://PATH or postgres://… (default: a SQLite file in the data directory).
    #[arg(
        long,
        global = true,
        env = "JOINTPLAN_DATABASE_URL",
        value_name = "URL"
    )]
    pub database_url: Option<String>,
    /// The account to act as: its rights are checked and the audit log names
    /// it (default: the operator who holds the database).
    #[arg(
        long = "as",
        global = true,
        env = "JOINTPLAN_USER",
        value_name = "USER"
    )]
    pub user: Option<String>,
}

impl StoreArgs {
    /// The URL to open: `--database-url`, else `JOINTPLAN_DATABASE_URL`
    /// (clap reads both), else a SQLite file in the data directory. Said on
    /// stderr so the user knows which database is used.
    pub fn url(&self) -> String {
        let url = self
            .database_url
            .clone()
            .unwrap_or_else(jointplan_store::default_url);
        tracing::info!("database: {}", redact(&url));
        url
    }

    /// Who acts: the account named by `--as`, else the operator (whoever
    /// holds the database).
    pub fn actor(&self) -> Actor {
        match self.user.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => Actor::account(name),
            _ => Actor::Operator,
        }
    }
}

/// The URL without a password.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if url[s + 3..at].contains(':') => {
            let user_end = s + 3 + url[s + 3..at].find(':').unwrap_or(0);
            format!("{}:***{}", &url[..user_end], &url[at..])
        }
        _ => url.to_string(),
    }
}

/// Runs a future on the process's one runtime.
pub fn block_on<F: Future>(future: F) -> Result<F::Output> {
    crate::app::runtime::block_on(future)
}

/// Opens the store, ready for use.
pub async fn open(args: &StoreArgs) -> Result<Box<dyn Store>> {
    let url = args.url();
    timed(jointplan_store::open(&url)).await
}

/// Opens the store without checking its schema (for migrate and restore).
pub async fn connect(args: &StoreArgs) -> Result<Box<dyn Store>> {
    let url = args.url();
    timed(jointplan_store::connect(&url)).await
}

/// Awaits an opening store, noting how long it took at debug level.
async fn timed(
    opening: impl Future<Output = Result<Box<dyn Store>, StoreError>>,
) -> Result<Box<dyn Store>> {
    let started = std::time::Instant::now();
    let store = opening.await.map_err(user_error)?;
    tracing::debug!(
        "store open in {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    Ok(store)
}

/// The plan a command names with `--plan`, or the store's only plan.
pub async fn plan(store: &dyn Store, slug: Option<&str>) -> Result<jointplan_store::PlanInfo> {
    store.resolve_plan(slug).await.map_err(user_error)
}

/// The plan a command names (or the only one) and its current version.
pub async fn current_plan(
    store: &dyn Store,
    slug: Option<&str>,
) -> Result<(jointplan_store::PlanInfo, jointplan_store::StoredVersion)> {
    let info = plan(store, slug).await?;
    let current = store.version(&info.slug, None).await.map_err(user_error)?;
    Ok((info, current))
}

/// A store error as the CLI reports it: with the CLI's hint where one
/// helps; its exit code is decided in [`crate::app::exit`].
pub fn user_error(e: StoreError) -> anyhow::Error {
    crate::app::exit::with_hint(e)
}

/// Today, `YYYY-MM-DD` (UTC).
pub fn today() -> String {
    jiff::tz::Offset::UTC
        .to_datetime(jiff::Timestamp::now())
        .date()
        .to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_is_a_real_iso_date() {
        let today = super::today();
        assert!(jointplan_core::progress::is_iso_date(&today), "{today}");
    }

    #[test]
    fn passwords_are_not_printed() {
        assert_eq!(
            super::redact("postgres://u:secret@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(super::redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(super::redact("sqlite:///tmp/a.db"), "sqlite:///tmp/a.db");
    }
}
