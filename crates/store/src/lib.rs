//! Persistence for jointplan: one async API ([`Store`], the sum of one
//! trait per concern), one implementation ([`SqlStore`]) over a small seam
//! per database. Every write is guarded by `core::access` and audited in
//! its own transaction.
//!
//! SQLite is the embedded default (one file, WAL, migrated on open);
//! PostgreSQL serves a ministry's shared portfolio (migrated by
//! `jointplan db migrate`). The database is chosen by URL.

mod accounts;
mod admin;
mod api;
mod api_people;
mod authority;
mod backup;
mod bulk;
mod bulk_load;
mod bulk_sql;
mod credentials;
mod derived;
pub mod dump;
mod error;
mod evaluation;
mod guard;
mod lookup;
mod meetings;
mod normalize;
mod party;
mod plans;
mod progress;
mod revisions;
mod rows;
pub mod schema;
mod seam;
mod sources;
mod sql_store;
mod types;
mod verify;
mod versions;

pub use api::{
    AccountStore, AdminStore, EvaluationStore, MeetingStore, PartyStore, PlanStore, ProgressStore,
    RevisionStore, Store,
};
pub use authority::*;

/// Every concern's trait, for calling the API on a concrete [`SqlStore`]
/// (a `dyn Store` needs no import).
pub mod prelude {
    pub use crate::api::{
        AccountStore, AdminStore, EvaluationStore, MeetingStore, PartyStore, PlanStore,
        ProgressStore, RevisionStore, Store,
    };
}
pub use bulk::{BulkOutcome, BulkRow};
pub use error::{AuthFailure, Clash, Missing, Result, StoreError};
pub use rows::now;
pub use sql_store::{PgStore, SqlStore, SqliteStore};
pub use types::*;

/// The environment variable naming the database.
pub const URL_ENV: &str = "JOINTPLAN_DATABASE_URL";

/// The default database: `jointplan.db` in the platform's data directory
/// (`~/.local/share/jointplan` on Linux), or the working directory when
/// the platform has none.
pub fn default_url() -> String {
    let dir = dirs::data_dir()
        .map(|d| d.join("jointplan"))
        .unwrap_or_else(|| std::path::PathBuf::from("."));
    format!("sqlite://{}", dir.join("jointplan.db").display())
}

/// Which backend a URL names.
pub fn backend_of(url: &str) -> Result<Backend> {
    if url.starts_with("sqlite:") {
        Ok(Backend::Sqlite)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Backend::Postgres)
    } else {
        Err(StoreError::BadUrl(url.to_string()))
    }
}

/// Opens the store a URL names, ready for use (SQLite is migrated; a
/// PostgreSQL database must have been migrated).
pub async fn open(url: &str) -> Result<Box<dyn Store>> {
    Ok(Box::new(SqlStore::open(url).await?))
}

/// Opens the store a URL names without checking its schema, for
/// `migrate` and `restore`.
pub async fn connect(url: &str) -> Result<Box<dyn Store>> {
    Ok(Box::new(SqlStore::connect(url).await?))
}
