//! A bulk load of progress reports: read what checking needs, check each
//! batch on a blocking thread while the previous one is written, write
//! each batch by the backend's fast path with one audit record.

use std::collections::HashMap;
use std::sync::Arc;

use jointplan_core::access::Principal;
use serde_json::json;

use crate::authority::Actor;
use crate::bulk::{self, BulkOutcome, BulkRow, CheckedBatch, Leads, PlanCheck, PlanChecks};
use crate::error::{Result, StoreError};
use crate::guard::{principal, scope};
use crate::lookup::plan_by_slug;
use crate::party::current_leads;
use crate::rows::{Audit, append_audit, next_id, now};
use crate::seam::{Tx, q};
use crate::sql_store::SqlStore;

#[derive(sqlx::FromRow)]
struct ActionLine {
    code: String,
    line_number: i64,
}

/// The organisations of a plan's current version.
const CURRENT_REGISTER: &str = "SELECT o.org_id, o.acronyms FROM plans p \
     JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.current_version \
     JOIN organisations o ON o.version_id = v.id WHERE p.id = $1 ORDER BY o.org_id";

/// What checking a report on plan `slug` needs, if the plan exists.
pub(crate) async fn plan_check(tx: &mut Tx, slug: &str) -> Result<Option<PlanCheck>> {
    let info = match plan_by_slug(tx, slug).await {
        Ok(info) => info,
        Err(StoreError::NotFound(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    let actions: Vec<ActionLine> = tx.all(q(bulk::CURRENT_ACTIONS).bind(info.id)).await?;
    let register = tx.all(q(CURRENT_REGISTER).bind(info.id)).await?;
    let mut leads: HashMap<String, Vec<(String, Leads)>> = HashMap::new();
    for l in current_leads(tx, info.id).await? {
        let entry = Leads {
            lead: l.lead,
            partners: l.partners,
        };
        leads.entry(l.action).or_default().push((l.party, entry));
    }
    Ok(Some(PlanCheck {
        id: info.id,
        version: info.current_version,
        parties: info.party_codes(),
        scope: scope(&info),
        actions: actions
            .into_iter()
            .map(|a| (a.code, a.line_number))
            .collect(),
        register,
        leads,
    }))
}

/// Reads the plans `batch` names that `cache` lacks; returns the plans of
/// the batch, for [`bulk::check_batch`].
async fn read_for_batch(
    tx: &mut Tx,
    batch: &[BulkRow],
    cache: &mut PlanChecks,
) -> Result<PlanChecks> {
    let mut plans = PlanChecks::new();
    for row in batch {
        if !cache.contains_key(&row.plan) {
            let check = plan_check(tx, &row.plan).await?.map(Arc::new);
            cache.insert(row.plan.clone(), check);
        }
        if !plans.contains_key(&row.plan) {
            plans.insert(row.plan.clone(), cache.get(&row.plan).cloned().flatten());
        }
    }
    Ok(plans)
}

/// Writes a checked batch in the caller's write transaction, with one
/// audit record, after re-checking reports on plans that moved to a new
/// version since they were checked. Returns (rows stored, rows refused).
async fn write_batch(
    tx: &mut Tx,
    mut batch: CheckedBatch,
    cache: &mut PlanChecks,
    actor: &str,
    rejected: &mut (dyn for<'r> FnMut(u64, &'r str) + Send),
) -> Result<(usize, usize)> {
    #[derive(sqlx::FromRow)]
    struct Current {
        current_version: i64,
    }
    let checked: Vec<(String, (i64, i64))> =
        batch.plans.iter().map(|(s, v)| (s.clone(), *v)).collect();
    for (slug, (plan_id, checked_version)) in checked {
        let now_at: Option<Current> = tx
            .optional(q("SELECT current_version FROM plans WHERE id = $1").bind(plan_id))
            .await?;
        if now_at.map(|c| c.current_version) != Some(checked_version) {
            let fresh = plan_check(tx, &slug)
                .await?
                .ok_or_else(|| StoreError::no_plan(&slug))?;
            batch.recheck(plan_id, &fresh);
            cache.insert(slug, Some(Arc::new(fresh)));
        }
    }
    for (line, why) in &batch.refused {
        rejected(*line, why);
    }
    let stored = batch.good.len();
    if stored > 0 {
        let first = next_id(tx, "progress_reports").await?;
        for (r, id) in batch.good.iter_mut().zip(first..) {
            r.id = id;
        }
        let last = first + i64::try_from(stored).unwrap_or(i64::MAX) - 1;
        // The derived table first: the insert takes the rows' strings without copying them.
        tx.upsert_current(&batch.good).await?;
        tx.insert_reports(batch.good, &now(), actor).await?;
        let detail = json!({"reports": [first, last], "count": stored, "plans": batch.plans.keys().collect::<Vec<_>>()});
        let entity_id = format!("{first}-{last}");
        append_audit(
            tx,
            Audit {
                actor,
                action: "progress.import",
                entity: "progress_reports",
                entity_id: &entity_id,
                detail,
            },
        )
        .await?;
    }
    Ok((stored, batch.refused.len()))
}

/// Checks `batch` on a blocking thread.
fn check_later(
    batch: Vec<BulkRow>,
    plans: PlanChecks,
    who: Arc<Principal>,
) -> tokio::task::JoinHandle<CheckedBatch> {
    tokio::task::spawn_blocking(move || bulk::check_batch(batch, &plans, &who))
}

impl SqlStore {
    /// [`crate::ProgressStore::import_reports`].
    pub(crate) async fn load_reports(
        &self,
        batches: &mut (dyn Iterator<Item = Vec<BulkRow>> + Send),
        atomic: bool,
        actor: &Actor,
        rejected: &mut (dyn for<'r> FnMut(u64, &'r str) + Send),
    ) -> Result<BulkOutcome> {
        let mut out = BulkOutcome::default();
        let mut cache = PlanChecks::new();
        if atomic {
            let mut tx = self.pool().write().await?;
            let who = principal(&mut tx, actor).await?;
            for batch in &mut *batches {
                let plans = read_for_batch(&mut tx, &batch, &mut cache).await?;
                let mut checked = bulk::check_batch(batch, &plans, &who);
                if out.rejected > 0 {
                    // After the first refused row, keep checking (to name every bad row) but stop writing.
                    checked.good.clear();
                    checked.lines.clear();
                }
                let (good, bad) =
                    write_batch(&mut tx, checked, &mut cache, who.audit_name(), rejected).await?;
                out.imported += good;
                out.rejected += bad;
                out.batches += usize::from(good > 0);
            }
            if out.rejected > 0 {
                tx.rollback().await?;
                out.imported = 0;
                out.batches = 0;
            } else {
                tx.commit().await?;
            }
            return Ok(out);
        }
        // A pipeline: plans are read outside the write transaction, so each
        // write first re-checks plans a revision has moved on since; the
        // account is read again in each write, so a disabled one stops there.
        let who = {
            let mut reader = self.pool().read().await?;
            let who = principal(&mut reader, actor).await?;
            reader.rollback().await?;
            Arc::new(who)
        };
        let mut next = None;
        if let Some(batch) = batches.next() {
            let plans = self.plans_for(&batch, &mut cache).await?;
            next = Some(check_later(batch, plans, who.clone()));
        }
        while let Some(checking) = next.take() {
            let checked = checking
                .await
                .map_err(|e| StoreError::Invalid(format!("checking a batch failed: {e}")))?;
            if let Some(batch) = batches.next() {
                let plans = self.plans_for(&batch, &mut cache).await?;
                next = Some(check_later(batch, plans, who.clone()));
            }
            let mut tx = self.pool().write().await?;
            let now_who = principal(&mut tx, actor).await?;
            if now_who != *who {
                return Err(StoreError::Invalid(
                    "the acting account changed during the load".into(),
                ));
            }
            let (good, bad) =
                write_batch(&mut tx, checked, &mut cache, who.audit_name(), rejected).await?;
            tx.commit().await?;
            out.imported += good;
            out.rejected += bad;
            out.batches += usize::from(good > 0);
        }
        Ok(out)
    }

    /// The plans a batch names, read in a short read transaction of their
    /// own (a long one would keep SQLite from checkpointing its WAL).
    async fn plans_for(&self, batch: &[BulkRow], cache: &mut PlanChecks) -> Result<PlanChecks> {
        let mut reader = self.pool().read().await?;
        let plans = read_for_batch(&mut reader, batch, cache).await?;
        reader.rollback().await?;
        Ok(plans)
    }
}
