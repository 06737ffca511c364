//! Persistence for jointplan: one async API ([`Store`]), two backends.
//!
//! SQLite is the embedded default (one file, WAL, migrated on open);
//! PostgreSQL serves a ministry's shared portfolio (migrated by
//! `jointplan db migrate`). The database is chosen by URL.

mod api;
mod backend;
mod bulk;
mod derived;
pub mod dump;
mod error;
mod normalize;
mod postgres;
pub mod schema;
mod sqlite;
mod types;

pub use api::Store;
pub use bulk::{BulkOutcome, BulkRow};
pub use error::{Result, StoreError};
pub use postgres::PgStore;
pub use sqlite::SqliteStore;
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
    Ok(match backend_of(url)? {
        Backend::Sqlite => Box::new(SqliteStore::open(url).await?),
        Backend::Postgres => Box::new(PgStore::open(url).await?),
    })
}

/// Opens the store a URL names without checking its schema, for
/// `migrate` and `restore`.
pub async fn connect(url: &str) -> Result<Box<dyn Store>> {
    Ok(match backend_of(url)? {
        Backend::Sqlite => Box::new(SqliteStore::open(url).await?),
        Backend::Postgres => Box::new(PgStore::connect(url).await?),
    })
}
