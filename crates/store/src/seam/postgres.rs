//! PostgreSQL: a shared server, migrated by `jointplan db migrate`; its
//! bulk path is `COPY`.

use sqlx::postgres::{PgPool, PgPoolOptions};

/// The migrations for PostgreSQL, compiled in.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Connects; with `check`, fails unless every migration has been applied.
pub(crate) async fn connect(url: &str, check: bool) -> crate::Result<PgPool> {
    let pool = PgPoolOptions::new().max_connections(8).connect(url).await?;
    if check {
        // A missing table means the database was never migrated.
        let applied: Vec<i64> =
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
                .fetch_all(&pool)
                .await
                .map_err(|_| crate::StoreError::NotMigrated)?;
        if MIGRATOR.iter().any(|m| !applied.contains(&m.version)) {
            return Err(crate::StoreError::NotMigrated);
        }
    }
    Ok(pool)
}

/// Up to this many reports go in one INSERT rather than a COPY.
const INSERT_AT_MOST: usize = 100;

/// Inserts validated reports with `COPY … FROM STDIN` (text format): the
/// server's bulk path, several times faster than INSERTs of bound rows.
/// A few rows (a reporter's write) go in one INSERT instead: a COPY of one
/// row took about 50 ms here, its small messages waiting on TCP's delayed
/// acknowledgement (20 writes/s in bench/RESULTS.md, "Store writes").
pub(crate) async fn insert_reports(
    conn: &mut sqlx::PgConnection,
    rows: Vec<crate::bulk::NewReport>,
    at: &str,
    actor: &str,
) -> crate::Result<()> {
    if rows.len() <= INSERT_AT_MOST {
        return insert_few(conn, rows, at, actor).await;
    }
    /// Flush to the server in pieces of about this size, so memory stays bounded.
    const PIECE: usize = 256 * 1024;
    let mut copy = conn
        .copy_in_raw("COPY progress_reports (id, plan_id, action_code, party, organisation, date, status, level, narrative, evidence, recorded_at, recorded_by) FROM STDIN")
        .await?;
    let mut buf: Vec<u8> = Vec::with_capacity(PIECE + 4096);
    for r in &rows {
        let fields: [Option<&str>; 10] = [
            Some(&r.action),
            Some(&r.party),
            r.organisation.as_deref(),
            Some(&r.date),
            Some(r.status),
            Some(r.level),
            Some(&r.narrative),
            Some(&r.evidence),
            Some(at),
            Some(actor),
        ];
        use std::io::Write as _;
        // Writing to a Vec cannot fail.
        let _ = write!(buf, "{}\t{}", r.id, r.plan_id);
        for f in fields {
            buf.push(b'\t');
            match f {
                Some(text) => copy_escape(&mut buf, text),
                None => buf.extend_from_slice(b"\\N"),
            }
        }
        buf.push(b'\n');
        if buf.len() >= PIECE {
            copy.send(std::mem::take(&mut buf)).await?;
            buf.reserve(PIECE + 4096);
        }
    }
    if !buf.is_empty() {
        copy.send(buf).await?;
    }
    copy.finish().await?;
    Ok(())
}

/// Inserts a few reports in one multi-row INSERT.
async fn insert_few(
    conn: &mut sqlx::PgConnection,
    rows: Vec<crate::bulk::NewReport>,
    at: &str,
    actor: &str,
) -> crate::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    // `insert_reports_sql` has SQLite's `?` placeholders; PostgreSQL numbers them.
    let values: Vec<String> = (0..rows.len())
        .map(|r| {
            let row: Vec<String> = (1..=12).map(|c| format!("${}", r * 12 + c)).collect();
            format!("({})", row.join(", "))
        })
        .collect();
    let sql = format!(
        "INSERT INTO progress_reports (id, plan_id, action_code, party, organisation, date, status, level, narrative, evidence, recorded_at, recorded_by) VALUES {}",
        values.join(", ")
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for r in rows {
        q = q
            .bind(r.id)
            .bind(r.plan_id)
            .bind(r.action)
            .bind(r.party)
            .bind(r.organisation)
            .bind(r.date)
            .bind(r.status)
            .bind(r.level)
            .bind(r.narrative)
            .bind(r.evidence)
            .bind(at.to_string())
            .bind(actor.to_string());
    }
    q.execute(&mut *conn).await?;
    Ok(())
}

/// Appends `text` escaped for COPY's text format: backslash, tab, newline
/// and carriage return are the characters it gives meaning to.
fn copy_escape(buf: &mut Vec<u8>, text: &str) {
    let special = |b: &u8| matches!(b, b'\\' | b'\t' | b'\n' | b'\r');
    let bytes = text.as_bytes();
    // Most fields have nothing to escape: copy them whole.
    if !bytes.iter().any(special) {
        buf.extend_from_slice(bytes);
        return;
    }
    for &b in bytes {
        match b {
            b'\\' => buf.extend_from_slice(b"\\\\"),
            b'\t' => buf.extend_from_slice(b"\\t"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            b'\r' => buf.extend_from_slice(b"\\r"),
            _ => buf.push(b),
        }
    }
}

/// Brings `progress_current` up to date with freshly inserted reports, in
/// one upsert of arrays.
pub(crate) async fn upsert_current(
    conn: &mut sqlx::PgConnection,
    rows: &[crate::bulk::NewReport],
) -> crate::Result<()> {
    let latest = crate::bulk::latest_per_key(rows);
    if latest.is_empty() {
        return Ok(());
    }
    let column = |f: fn(&crate::bulk::NewReport) -> &str| -> Vec<&str> {
        latest.iter().map(|r| f(r)).collect()
    };
    let number = |f: fn(&crate::bulk::NewReport) -> i64| -> Vec<i64> {
        latest.iter().map(|r| f(r)).collect()
    };
    sqlx::query(sqlx::AssertSqlSafe(crate::bulk::upsert_current_unnest_sql()))
        .bind(number(|r| r.plan_id))
        .bind(column(|r| &r.action))
        .bind(column(|r| &r.party))
        .bind(number(|r| r.id))
        .bind(column(|r| &r.date))
        .bind(column(|r| r.level))
        .bind(number(|r| r.line))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// A plan's audit records, newest first ($1 its slug, $2 its id, $3 how
/// many): records about the plan itself, records whose detail names it,
/// approvals of its revisions (their detail names only the revision), and
/// bulk loads that list it among their plans.
pub(crate) const PLAN_AUDIT: &str = "SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log \
     WHERE (entity = 'plan' AND entity_id = $1) \
        OR detail::jsonb ->> 'plan' = $1 \
        OR (entity = 'revision' AND entity_id IN (SELECT id::text FROM revisions WHERE plan_id = $2)) \
        OR (action = 'progress.import' AND jsonb_exists(detail::jsonb -> 'plans', $1)) \
     ORDER BY id DESC LIMIT $3";

/// PostgreSQL's aggregate of rows into one JSON array (`json_agg` of no rows is NULL).
pub(crate) const JSON_ROWS: crate::derived::JsonRows = crate::derived::JsonRows {
    open: "COALESCE(json_agg(json_build_array(",
    close: "))::text, '[]')",
};

#[cfg(test)]
mod tests {
    #[test]
    fn copy_text_is_escaped() {
        let mut buf = Vec::new();
        super::copy_escape(&mut buf, "a\tb\nc\\d\re");
        assert_eq!(buf, b"a\\tb\\nc\\\\d\\re");
        buf.clear();
        super::copy_escape(&mut buf, "plain text");
        assert_eq!(buf, b"plain text");
    }
}
