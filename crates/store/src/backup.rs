//! Backup and restore: the whole store as dump lines, and back.

use crate::dump;
use crate::error::{Clash, Result, StoreError};
use crate::schema::TABLES;
use crate::seam::q;
use crate::sql_store::SqlStore;
use crate::{derived, rows};

#[derive(sqlx::FromRow)]
struct Count {
    n: i64,
}

impl SqlStore {
    /// [`crate::AdminStore::dump`].
    pub(crate) async fn dump_lines(&self) -> Result<Vec<String>> {
        let mut tx = self.pool().read().await?;
        let mut lines = vec![dump::header()];
        for t in TABLES {
            for values in tx.table_rows(t).await? {
                lines.push(dump::row_line(t, &values));
            }
        }
        tx.rollback().await?;
        Ok(lines)
    }

    /// [`crate::AdminStore::restore`].
    pub(crate) async fn restore_lines(&self, lines: &[String]) -> Result<usize> {
        self.pool().migrate().await?;
        let first = lines.first().ok_or(StoreError::BadDump {
            line: 1,
            message: "empty dump".into(),
        })?;
        dump::check_header(first)?;
        let mut tx = self.pool().write().await?;
        for t in TABLES {
            let held: Count = tx
                .one(q(format!("SELECT COUNT(*) AS n FROM {}", t.name)))
                .await?;
            if held.n > 0 {
                return Err(StoreError::Conflict(Clash::NotEmpty));
            }
        }
        let mut count = 0;
        for (i, text) in lines.iter().enumerate().skip(1) {
            if text.trim().is_empty() {
                continue;
            }
            let (t, values) = dump::parse_row(i + 1, text)?;
            rows::insert_row(&mut tx, t, &values)
                .await
                .map_err(|e| StoreError::BadDump {
                    line: i + 1,
                    message: e.to_string(),
                })?;
            count += 1;
        }
        // The derived tables are not dumped; rebuild them.
        tx.execute(q(derived::rebuild_current_sql())).await?;
        tx.execute(q(derived::rebuild_lines_sql())).await?;
        tx.commit().await?;
        Ok(count)
    }
}
