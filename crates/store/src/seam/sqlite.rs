//! SQLite: one file, WAL, migrated on open; its bulk path is multi-row INSERTs.

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

/// The migrations for SQLite, compiled in.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// The connections to one SQLite file: SQLite lets one connection write
/// at a time, so writes go through a pool of one and queue there, woken in
/// turn when the writer before them commits. With several connections
/// able to write, the losers of `BEGIN IMMEDIATE` wait in SQLite's busy
/// handler, which sleeps and polls (up to 100 ms a sleep) instead of
/// being woken: throughput halved and a few writes waited seconds
/// (bench/RESULTS.md, "Store writes"). Another process writing the same
/// file (the CLI beside `serve`) still waits in the busy handler.
#[derive(Debug, Clone)]
pub(crate) struct Pools {
    /// For read transactions.
    pub read: SqlitePool,
    /// The one connection for write transactions.
    pub write: SqlitePool,
}

/// Opens (creating if missing) the file a `sqlite://PATH` URL names and migrates it.
pub(crate) async fn open(url: &str) -> crate::Result<Pools> {
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or_else(|| crate::StoreError::BadUrl(url.into()))?;
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let synchronous = synchronous(query).ok_or_else(|| crate::StoreError::BadUrl(url.into()))?;
    if path.is_empty() {
        return Err(crate::StoreError::BadUrl(url.into()));
    }
    if let Some(dir) = Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).map_err(|e| {
            crate::StoreError::Invalid(format!("{}: cannot create: {e}", dir.display()))
        })?;
    }
    let options = SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(synchronous)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(30));
    let write = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options.clone())
        .await?;
    MIGRATOR.run(&write).await?;
    let read = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await?;
    Ok(Pools { read, write })
}

/// How a commit reaches the disk, from the URL's `synchronous=` (`full` or
/// `normal`). NORMAL by default: in WAL mode a commit is then written to
/// the log but synced only at checkpoints, so an acknowledged write
/// survives the process dying (`tests/durability.rs` kills it with
/// SIGKILL) but the last commits before a power cut or OS crash can be
/// lost, the file staying sound. FULL syncs the log at every commit and
/// keeps those too, at about half the write rate on this machine's disk
/// (bench/RESULTS.md, "Store writes"). None for any other value.
fn synchronous(query: &str) -> Option<SqliteSynchronous> {
    let mut mode = SqliteSynchronous::Normal;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("synchronous", "full")) => mode = SqliteSynchronous::Full,
            Some(("synchronous", "normal")) => mode = SqliteSynchronous::Normal,
            Some(("synchronous", _)) => return None,
            // Other parameters were always ignored here; they still are.
            _ => {}
        }
    }
    Some(mode)
}

/// `PRAGMA integrity_check` of a SQLite store: `ok` for a sound file.
pub async fn integrity_check(store: &crate::SqlStore) -> crate::Result<String> {
    match store.pool() {
        super::Pool::Sqlite(p) => Ok(sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&p.read)
            .await?),
        super::Pool::Pg(_) => Ok("ok".into()),
    }
}

/// Inserts validated reports as multi-row INSERTs of 500 rows: one
/// prepared statement execution per chunk instead of per row, each row a
/// round trip through sqlx's worker thread otherwise. The rows' strings
/// move into the arguments, and values shared by every row are bound as
/// one `Arc<str>`: allocation was a quarter of a bulk load's time.
pub(crate) async fn insert_reports(
    conn: &mut sqlx::SqliteConnection,
    rows: Vec<crate::bulk::NewReport>,
    at: &str,
    actor: &str,
) -> crate::Result<()> {
    /// 500 rows of 12 parameters stay under SQLite's 32,766-parameter limit.
    const CHUNK: usize = 500;
    let at: Arc<str> = Arc::from(at);
    let actor: Arc<str> = Arc::from(actor);
    let mut words = SharedWords::default();
    let full_chunk = crate::bulk::insert_reports_sql(CHUNK);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<_> = rows.by_ref().take(CHUNK).collect();
        let sql = if chunk.len() == CHUNK {
            full_chunk.clone()
        } else {
            crate::bulk::insert_reports_sql(chunk.len())
        };
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for r in chunk {
            q = q
                .bind(r.id)
                .bind(r.plan_id)
                .bind(r.action)
                .bind(words.get(&r.party))
                .bind(r.organisation)
                .bind(r.date)
                .bind(words.get(r.status))
                .bind(words.get(r.level))
                .bind(r.narrative)
                .bind(r.evidence)
                .bind(at.clone())
                .bind(actor.clone());
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// The few distinct short values of a bulk load (parties, statuses,
/// levels), each allocated once and shared by every row that binds it.
#[derive(Default)]
struct SharedWords(Vec<Arc<str>>);

impl SharedWords {
    fn get(&mut self, word: &str) -> Arc<str> {
        if let Some(w) = self.0.iter().find(|w| ***w == *word) {
            return w.clone();
        }
        let w: Arc<str> = Arc::from(word);
        self.0.push(w.clone());
        w
    }
}

/// A plan's audit records, newest first ($1 its slug, $2 its id, $3 how
/// many): records about the plan itself, records whose detail names it,
/// approvals of its revisions (their detail names only the revision), and
/// bulk loads that list it among their plans.
pub(crate) const PLAN_AUDIT: &str = "SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log \
     WHERE (entity = 'plan' AND entity_id = $1) \
        OR json_extract(detail, '$.plan') = $1 \
        OR (entity = 'revision' AND entity_id IN (SELECT CAST(id AS TEXT) FROM revisions WHERE plan_id = $2)) \
        OR (action = 'progress.import' AND EXISTS (SELECT 1 FROM json_each(detail, '$.plans') WHERE value = $1)) \
     ORDER BY id DESC LIMIT $3";

/// SQLite's aggregate of rows into one JSON array.
pub(crate) const JSON_ROWS: crate::derived::JsonRows = crate::derived::JsonRows {
    open: "json_group_array(json_array(",
    close: "))",
};

/// Brings `progress_current` up to date with freshly inserted reports, in
/// multi-row upserts.
pub(crate) async fn upsert_current(
    conn: &mut sqlx::SqliteConnection,
    rows: &[crate::bulk::NewReport],
) -> crate::Result<()> {
    let latest = crate::bulk::latest_per_key(rows);
    for chunk in latest.chunks(crate::bulk::UPSERT_CHUNK) {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(crate::bulk::upsert_current_sql(
            chunk.len(),
        )));
        for r in chunk {
            q = q
                .bind(r.plan_id)
                .bind(r.action.clone())
                .bind(r.party.clone())
                .bind(r.id)
                .bind(r.date.clone())
                .bind(r.level)
                .bind(r.line);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use sqlx::sqlite::SqliteSynchronous;

    #[test]
    fn the_url_chooses_how_commits_reach_the_disk() {
        let mode = |q| super::synchronous(q).map(|m| format!("{m:?}"));
        let normal = Some(format!("{:?}", SqliteSynchronous::Normal));
        let full = Some(format!("{:?}", SqliteSynchronous::Full));
        assert_eq!(mode(""), normal);
        assert_eq!(mode("synchronous=full"), full);
        assert_eq!(mode("mode=rwc&synchronous=full"), full);
        assert_eq!(mode("synchronous=normal"), normal);
        assert_eq!(mode("synchronous=off"), None);
    }
}
