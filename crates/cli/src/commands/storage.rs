//! Opening the store for a command: which database, who acts, and an
//! async runtime for the store's async API.

use std::future::Future;

use anyhow::Result;
use clap::Args;
use jointplan_store::{Actor, Missing, Store, StoreError};

use crate::input::BadInput;

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
    /// Act as this account, with exactly its authority (default: the
    /// operator, who holds the database).
    #[arg(
        long = "as",
        global = true,
        env = "JOINTPLAN_USER",
        value_name = "USER"
    )]
    pub user: Option<String>,
}

impl StoreArgs {
    /// The URL to open, printed on stderr so the user knows which database is used.
    pub fn url(&self) -> String {
        let url = self
            .database_url
            .clone()
            .unwrap_or_else(jointplan_store::default_url);
        eprintln!("database: {}", redact(&url));
        url
    }

    /// Who acts: the account `--as` names, else the operator. No password
    /// is asked: whoever runs the CLI holds the database.
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

/// Runs a future on a fresh single-threaded runtime.
pub fn block_on<F: Future>(future: F) -> Result<F::Output> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    Ok(rt.block_on(future))
}

/// Opens the store, ready for use.
pub async fn open(args: &StoreArgs) -> Result<Box<dyn Store>> {
    jointplan_store::open(&args.url()).await.map_err(user_error)
}

/// Opens the store without checking its schema (for migrate and restore).
pub async fn connect(args: &StoreArgs) -> Result<Box<dyn Store>> {
    jointplan_store::connect(&args.url())
        .await
        .map_err(user_error)
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

/// A store error as the CLI reports it: the user's mistakes exit 2.
pub fn user_error(e: StoreError) -> anyhow::Error {
    match e {
        StoreError::WhichPlan(_) => BadInput(format!("{e}: name one with --plan SLUG")).into(),
        StoreError::NotFound(Missing::NoPlans) => {
            BadInput(format!("{e}; run `jointplan import FILE --save`")).into()
        }
        StoreError::NotMigrated => anyhow::anyhow!("{e}: run `jointplan db migrate`"),
        StoreError::BadUrl(_)
        | StoreError::NotFound(_)
        | StoreError::Invalid(_)
        | StoreError::BadDump { .. } => BadInput(e.to_string()).into(),
        other => other.into(),
    }
}

/// Today, `YYYY-MM-DD` (UTC).
pub fn today() -> String {
    humantime::format_rfc3339(std::time::SystemTime::now())
        .to_string()
        .chars()
        .take(10)
        .collect()
}

#[cfg(test)]
mod tests {
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
