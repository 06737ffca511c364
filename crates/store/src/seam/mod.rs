//! The seam between the store's logic and its two databases: one pool and
//! one transaction type over both, a query with its bound values, and the
//! few things that truly differ per backend (beginning a write, the bulk
//! fast paths, the JSON aggregate). Everything above this module is
//! written once.

mod postgres;
mod sqlite;
mod whole_rows;

use sqlx::postgres::{PgPool, PgRow};
use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, FromRow, Postgres, Sqlite, Transaction};

use crate::bulk::NewReport;
use crate::derived::JsonRows;
use crate::error::Result;
use crate::types::Backend;

pub(crate) use postgres::connect as connect_postgres;
pub use sqlite::integrity_check;
pub(crate) use sqlite::open as open_sqlite;

/// A row type both backends decode (`#[derive(FromRow)]` gives both).
pub(crate) trait Row:
    for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}
impl<T> Row for T where T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{}

/// A value bound to a query parameter.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    /// A 64-bit integer or NULL.
    Int(Option<i64>),
    /// A 64-bit float or NULL.
    Real(Option<f64>),
    /// Text or NULL.
    Text(Option<String>),
}

impl From<i64> for Val {
    fn from(v: i64) -> Self {
        Val::Int(Some(v))
    }
}
impl From<Option<i64>> for Val {
    fn from(v: Option<i64>) -> Self {
        Val::Int(v)
    }
}
impl From<f64> for Val {
    fn from(v: f64) -> Self {
        Val::Real(Some(v))
    }
}
impl From<String> for Val {
    fn from(v: String) -> Self {
        Val::Text(Some(v))
    }
}
impl From<&str> for Val {
    fn from(v: &str) -> Self {
        Val::Text(Some(v.to_string()))
    }
}
impl From<&String> for Val {
    fn from(v: &String) -> Self {
        Val::Text(Some(v.clone()))
    }
}
impl From<Option<String>> for Val {
    fn from(v: Option<String>) -> Self {
        Val::Text(v)
    }
}
impl From<Option<&str>> for Val {
    fn from(v: Option<&str>) -> Self {
        Val::Text(v.map(str::to_string))
    }
}
impl From<&Option<String>> for Val {
    fn from(v: &Option<String>) -> Self {
        Val::Text(v.clone())
    }
}

/// SQL with `$n` placeholders (the same text on both backends) and its values.
#[derive(Debug, Clone)]
pub(crate) struct Q {
    sql: String,
    args: Vec<Val>,
    persistent: bool,
}

/// A query of `sql`, to be given its values with [`Q::bind`].
pub(crate) fn q(sql: impl Into<String>) -> Q {
    Q {
        sql: sql.into(),
        args: Vec::new(),
        persistent: true,
    }
}

impl Q {
    /// Binds the next parameter.
    pub fn bind(mut self, v: impl Into<Val>) -> Self {
        self.args.push(v.into());
        self
    }

    /// Binds a value already a [`Val`] (whole rows from the schema).
    pub fn bind_val(mut self, v: Val) -> Self {
        self.args.push(v);
        self
    }

    /// Plans the statement afresh each time: PostgreSQL keeps a prepared
    /// statement's plan, and one made while a table was empty scans it whole.
    pub fn unprepared(mut self) -> Self {
        self.persistent = false;
        self
    }
}

/// Binds `args` to any sqlx query builder with a `bind` for our three types.
macro_rules! bind_all {
    ($query:expr, $args:expr) => {{
        let mut query = $query;
        for v in $args {
            query = match v {
                Val::Int(i) => query.bind(i),
                Val::Real(r) => query.bind(r),
                Val::Text(t) => query.bind(t),
            };
        }
        query
    }};
}

/// A pool of connections to one of the two databases.
#[derive(Debug, Clone)]
pub(crate) enum Pool {
    /// SQLite: readers share a pool; writers take turns on one connection.
    Sqlite(sqlite::Pools),
    Pg(PgPool),
}

impl Pool {
    /// Which database.
    pub fn backend(&self) -> Backend {
        match self {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Pg(_) => Backend::Postgres,
        }
    }

    /// A read transaction: one consistent view for a read method.
    pub async fn read(&self) -> Result<Tx> {
        Ok(match self {
            Pool::Sqlite(p) => Tx::Sqlite(p.read.begin().await?),
            Pool::Pg(p) => Tx::Pg(p.begin().await?),
        })
    }

    /// A write transaction that holds the write lock from its start, so
    /// writers queue and the audit chain stays linear: SQLite's `BEGIN
    /// IMMEDIATE`, PostgreSQL's exclusive lock on the audit log.
    pub async fn write(&self) -> Result<Tx> {
        Ok(match self {
            Pool::Sqlite(p) => Tx::Sqlite(p.write.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Pg(p) => {
                let mut tx = p.begin().await?;
                sqlx::query("LOCK TABLE audit_log IN EXCLUSIVE MODE")
                    .execute(&mut *tx)
                    .await?;
                Tx::Pg(tx)
            }
        })
    }

    /// Applies this backend's migrations.
    pub async fn migrate(&self) -> Result<()> {
        match self {
            Pool::Sqlite(p) => sqlite::MIGRATOR.run(&p.write).await?,
            Pool::Pg(p) => postgres::MIGRATOR.run(p).await?,
        }
        Ok(())
    }

    /// Closes every connection.
    pub async fn close(&self) {
        match self {
            Pool::Sqlite(p) => {
                p.write.close().await;
                p.read.close().await;
            }
            Pool::Pg(p) => p.close().await,
        }
    }
}

/// A transaction on either database.
pub(crate) enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Pg(Transaction<'static, Postgres>),
}

impl Tx {
    /// Runs a statement; returns the rows it changed.
    pub async fn execute(&mut self, q: Q) -> Result<u64> {
        let sql = AssertSqlSafe(q.sql);
        Ok(match self {
            Tx::Sqlite(tx) => bind_all!(sqlx::query(sql).persistent(q.persistent), q.args)
                .execute(&mut **tx)
                .await?
                .rows_affected(),
            Tx::Pg(tx) => bind_all!(sqlx::query(sql).persistent(q.persistent), q.args)
                .execute(&mut **tx)
                .await?
                .rows_affected(),
        })
    }

    /// Every row the query gives.
    pub async fn all<T: Row>(&mut self, q: Q) -> Result<Vec<T>> {
        let sql = AssertSqlSafe(q.sql);
        Ok(match self {
            Tx::Sqlite(tx) => {
                bind_all!(
                    sqlx::query_as::<Sqlite, T>(sql).persistent(q.persistent),
                    q.args
                )
                .fetch_all(&mut **tx)
                .await?
            }
            Tx::Pg(tx) => {
                bind_all!(
                    sqlx::query_as::<Postgres, T>(sql).persistent(q.persistent),
                    q.args
                )
                .fetch_all(&mut **tx)
                .await?
            }
        })
    }

    /// The first row the query gives, if any.
    pub async fn optional<T: Row>(&mut self, q: Q) -> Result<Option<T>> {
        let sql = AssertSqlSafe(q.sql);
        Ok(match self {
            Tx::Sqlite(tx) => {
                bind_all!(
                    sqlx::query_as::<Sqlite, T>(sql).persistent(q.persistent),
                    q.args
                )
                .fetch_optional(&mut **tx)
                .await?
            }
            Tx::Pg(tx) => {
                bind_all!(
                    sqlx::query_as::<Postgres, T>(sql).persistent(q.persistent),
                    q.args
                )
                .fetch_optional(&mut **tx)
                .await?
            }
        })
    }

    /// The one row the query must give.
    pub async fn one<T: Row>(&mut self, q: Q) -> Result<T> {
        self.optional(q)
            .await?
            .ok_or(crate::StoreError::Database(sqlx::Error::RowNotFound))
    }

    /// The first column of the one row the query must give.
    pub async fn scalar<T>(&mut self, q: Q) -> Result<T>
    where
        (T,): Row,
    {
        Ok(self.one::<(T,)>(q).await?.0)
    }

    /// Makes the transaction's writes durable.
    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Pg(tx) => tx.commit().await?,
        }
        Ok(())
    }

    /// Undoes the transaction's writes.
    pub async fn rollback(self) -> Result<()> {
        match self {
            Tx::Sqlite(tx) => tx.rollback().await?,
            Tx::Pg(tx) => tx.rollback().await?,
        }
        Ok(())
    }

    /// How this backend folds rows into one JSON text.
    pub fn json_rows(&self) -> JsonRows {
        match self {
            Tx::Sqlite(_) => sqlite::JSON_ROWS,
            Tx::Pg(_) => postgres::JSON_ROWS,
        }
    }

    /// This backend's query of one plan's audit records ([`sqlite::PLAN_AUDIT`]):
    /// it reads fields of the JSON detail, which the two spell differently.
    pub fn plan_audit_sql(&self) -> &'static str {
        match self {
            Tx::Sqlite(_) => sqlite::PLAN_AUDIT,
            Tx::Pg(_) => postgres::PLAN_AUDIT,
        }
    }

    /// Inserts validated reports by the backend's bulk path (multi-row
    /// INSERT on SQLite, COPY on PostgreSQL).
    pub async fn insert_reports(
        &mut self,
        rows: Vec<NewReport>,
        at: &str,
        actor: &str,
    ) -> Result<()> {
        match self {
            Tx::Sqlite(tx) => sqlite::insert_reports(tx, rows, at, actor).await,
            Tx::Pg(tx) => postgres::insert_reports(tx, rows, at, actor).await,
        }
    }

    /// Brings `progress_current` up to date with freshly inserted reports.
    pub async fn upsert_current(&mut self, rows: &[NewReport]) -> Result<()> {
        match self {
            Tx::Sqlite(tx) => sqlite::upsert_current(tx, rows).await,
            Tx::Pg(tx) => postgres::upsert_current(tx, rows).await,
        }
    }
}
