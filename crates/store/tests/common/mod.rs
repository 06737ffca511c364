//! The store tests' harness: a fresh store per test, on SQLite always and
//! on PostgreSQL when `JOINTPLAN_TEST_DATABASE_URL` is set (a new database
//! per test on that server, dropped afterwards), and shared setup.

#![allow(dead_code)]

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use jointplan_core::Plan;
use jointplan_store::prelude::*;
use jointplan_store::{PgStore, SavePlan, SqliteStore, VersionInfo};
use sqlx::Connection;

/// The variable naming a PostgreSQL server the suite may create databases on.
pub const PG_ENV: &str = "JOINTPLAN_TEST_DATABASE_URL";

/// A store under test and where it lives.
pub struct TestDb {
    /// The store.
    pub store: Arc<dyn Store>,
    /// Its URL.
    pub url: String,
    /// Keeps a SQLite file's directory alive.
    pub dir: Option<tempfile::TempDir>,
}

/// A fresh, migrated SQLite store in its own directory.
pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("store.db").display());
    let store = SqliteStore::open(&url).await.expect("open sqlite");
    TestDb {
        store: Arc::new(store),
        url,
        dir: Some(dir),
    }
}

/// Saves `plan` as a new draft, acting as the operator.
pub async fn save_as_operator(
    store: &dyn Store,
    plan: &Plan,
) -> jointplan_store::Result<VersionInfo> {
    store.save_plan(plan, &SavePlan::default()).await
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// `base` with its database name replaced.
fn with_database(base: &str, name: &str) -> String {
    let (url, query) = match base.split_once('?') {
        Some((u, q)) => (u, format!("?{q}")),
        None => (base, String::new()),
    };
    let scheme_end = url.find("://").map(|i| i + 3).unwrap_or(0);
    let root = match url[scheme_end..].find('/') {
        Some(i) => &url[..scheme_end + i],
        None => url,
    };
    format!("{root}/{name}{query}")
}

/// Runs `test` on a fresh SQLite store.
pub async fn on_sqlite<F, Fut>(test: F)
where
    F: FnOnce(TestDb) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    test(sqlite().await).await;
}

/// Runs `test` on a new PostgreSQL database, dropped afterwards even when
/// the test fails; prints a skip line when no server is configured.
pub async fn on_postgres<F, Fut>(name: &str, test: F)
where
    F: FnOnce(TestDb) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let Ok(base) = std::env::var(PG_ENV) else {
        // Written past the test harness's capture, once, so every run shows it.
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "skipped: no PostgreSQL (set {PG_ENV}); the postgres:: conformance tests ran nothing");
        });
        println!("skipped: no PostgreSQL (set {PG_ENV}) for {name}");
        return;
    };
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let db = format!(
        "jp_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        nanos
    );
    let mut admin = sqlx::PgConnection::connect(&base)
        .await
        .expect("connect to JOINTPLAN_TEST_DATABASE_URL");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db}")))
        .execute(&mut admin)
        .await
        .expect("create test database");
    let url = with_database(&base, &db);
    let store = PgStore::connect(&url)
        .await
        .expect("connect to test database");
    store.migrate().await.expect("migrate test database");
    let store: Arc<dyn Store> = Arc::new(store);
    // Run in a task so a failing test still reaches the cleanup below.
    let outcome = tokio::spawn(test(TestDb {
        store: store.clone(),
        url,
        dir: None,
    }))
    .await;
    store.close().await;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {db} WITH (FORCE)"
    )))
    .execute(&mut admin)
    .await
    .expect("drop test database");
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Generates one test per backend for each named async fn taking a [`TestDb`].
#[macro_export]
macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    $crate::common::on_sqlite(super::$name).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    $crate::common::on_postgres(stringify!($name), super::$name).await;
                }
            )*
        }
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn database_name_is_replaced() {
        assert_eq!(
            super::with_database("postgres://postgres@127.0.0.1/postgres", "x"),
            "postgres://postgres@127.0.0.1/x"
        );
        assert_eq!(
            super::with_database("postgres://u@h:5432/db?sslmode=disable", "x"),
            "postgres://u@h:5432/x?sslmode=disable"
        );
        assert_eq!(
            super::with_database("postgres://u@h", "x"),
            "postgres://u@h/x"
        );
    }
}
