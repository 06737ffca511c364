//! The one store implementation, over either database's pool.

use crate::error::Result;
use crate::seam::{self, Pool};

/// A store on SQLite or PostgreSQL; the URL decides.
#[derive(Debug, Clone)]
pub struct SqlStore {
    pool: Pool,
}

/// The store on SQLite (the same type: the URL decides).
pub type SqliteStore = SqlStore;
/// The store on PostgreSQL (the same type: the URL decides).
pub type PgStore = SqlStore;

impl SqlStore {
    /// Opens the store a URL names, ready for use: a SQLite file is created
    /// and migrated; a PostgreSQL database must have been migrated.
    pub async fn open(url: &str) -> Result<Self> {
        Self::connect_checked(url, true).await
    }

    /// Opens without checking a PostgreSQL schema (for migrate and restore).
    pub async fn connect(url: &str) -> Result<Self> {
        Self::connect_checked(url, false).await
    }

    async fn connect_checked(url: &str, check: bool) -> Result<Self> {
        let pool = match crate::backend_of(url)? {
            crate::Backend::Sqlite => Pool::Sqlite(seam::open_sqlite(url).await?),
            crate::Backend::Postgres => Pool::Pg(seam::connect_postgres(url, check).await?),
        };
        Ok(SqlStore { pool })
    }

    /// The pool, for the modules that implement the API.
    pub(crate) fn pool(&self) -> &Pool {
        &self.pool
    }

    /// `PRAGMA integrity_check` on SQLite (`ok` for a sound file); `ok` on PostgreSQL.
    pub async fn integrity_check(&self) -> Result<String> {
        seam::integrity_check(self).await
    }
}
