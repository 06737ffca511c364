//! The store itself: backend, migrations, audit log, verify, backup.

use async_trait::async_trait;

use crate::api::AdminStore;
use crate::error::Result;
use crate::lookup::plan_by_slug;
use crate::seam::q;
use crate::sql_store::SqlStore;
use crate::types::{AuditEntry, Backend, Verification};

#[async_trait]
impl AdminStore for SqlStore {
    fn backend(&self) -> Backend {
        self.pool().backend()
    }

    async fn migrate(&self) -> Result<()> {
        self.pool().migrate().await
    }

    async fn audit(&self) -> Result<Vec<AuditEntry>> {
        let mut tx = self.pool().read().await?;
        tx.all(q("SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit_log ORDER BY id"))
            .await
    }

    async fn plan_audit(&self, slug: &str, limit: u32) -> Result<Vec<AuditEntry>> {
        let mut tx = self.pool().read().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        let sql = tx.plan_audit_sql();
        tx.all(q(sql).bind(slug).bind(info.id).bind(i64::from(limit)))
            .await
    }

    async fn generation(&self) -> Result<i64> {
        let mut tx = self.pool().read().await?;
        tx.scalar(q("SELECT COALESCE(MAX(id), 0) FROM audit_log"))
            .await
    }

    async fn verify(&self) -> Result<Verification> {
        let mut tx = self.pool().read().await?;
        crate::verify::verify(&mut tx).await
    }

    async fn dump(&self) -> Result<Vec<String>> {
        self.dump_lines().await
    }

    async fn restore(&self, lines: &[String]) -> Result<usize> {
        self.restore_lines(lines).await
    }

    async fn close(&self) {
        self.pool().close().await;
    }
}
