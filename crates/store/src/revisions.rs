//! Revisions of a plan in force: proposed by a coordinator, approved by
//! every party's coordinator on the same result hash.

use async_trait::async_trait;
use jointplan_core::access::Act;
use jointplan_core::canonical;
use jointplan_core::revision::{self, ChangeSet};
use serde_json::json;

use crate::api::RevisionStore;
use crate::authority::Actor;
use crate::error::{Clash, Missing, Result, StoreError};
use crate::guard::{allow, principal};
use crate::lookup::{load_version, party_of, plan_by_slug};
use crate::rows::{Audit, append_audit, insert_new, now};
use crate::seam::{Tx, q};
use crate::sql_store::SqlStore;
use crate::types::{RevisionInfo, RevisionStatus, split_parties};
use crate::versions::advance;

#[derive(sqlx::FromRow)]
struct RevisionRow {
    id: i64,
    slug: String,
    base_version: i64,
    changes: String,
    result_hash: String,
    proposed_at: String,
    proposed_by: String,
    parties: String,
    current_version: i64,
    proposer_party: Option<String>,
}

#[derive(sqlx::FromRow)]
struct RevisionId {
    id: i64,
}

#[derive(sqlx::FromRow)]
struct ApprovalRow {
    party: String,
    approved_by: String,
}

#[derive(sqlx::FromRow)]
struct Applied {
    number: i64,
}

/// Revision `id` and where it stands.
async fn revision_info(tx: &mut Tx, id: i64) -> Result<RevisionInfo> {
    let row: RevisionRow = tx
        .optional(q("SELECT r.id, p.slug, r.base_version, r.changes, r.result_hash, r.proposed_at, r.proposed_by, p.parties, \
                     p.current_version, u.party AS proposer_party \
                     FROM revisions r JOIN plans p ON p.id = r.plan_id LEFT JOIN users u ON u.name = r.proposed_by \
                     WHERE r.id = $1").bind(id))
        .await?
        .ok_or(StoreError::NotFound(Missing::Revision(id)))?;
    let changes: ChangeSet = serde_json::from_str(&row.changes)
        .map_err(|e| StoreError::Corrupt(format!("revision {id}: {e}")))?;
    let approvals: Vec<ApprovalRow> = tx
        .all(q("SELECT party, approved_by FROM revision_approvals WHERE revision_id = $1 ORDER BY id").bind(id))
        .await?;
    let approvals: Vec<(String, String)> = approvals
        .into_iter()
        .map(|a| (a.party, a.approved_by))
        .collect();
    let pending = split_parties(&row.parties)
        .filter(|p| !approvals.iter().any(|(a, _)| a == p))
        .map(str::to_string)
        .collect();
    let applied: Option<Applied> = tx
        .optional(q("SELECT number FROM plan_versions WHERE revision_id = $1").bind(id))
        .await?;
    let applied_as = applied.map(|a| a.number);
    let status = match applied_as {
        Some(_) => RevisionStatus::Applied,
        None if row.current_version == row.base_version => RevisionStatus::Pending,
        None => RevisionStatus::Superseded,
    };
    Ok(RevisionInfo {
        id: row.id,
        plan: row.slug,
        base_version: row.base_version,
        changes,
        result_hash: row.result_hash,
        proposed_at: row.proposed_at,
        proposed_by: row.proposed_by,
        approvals,
        pending,
        applied_as,
        status,
        proposer_party: row.proposer_party,
    })
}

#[async_trait]
impl RevisionStore for SqlStore {
    async fn propose_revision(
        &self,
        slug: &str,
        changes: &ChangeSet,
        actor: &Actor,
    ) -> Result<RevisionInfo> {
        let mut tx = self.pool().write().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        let who = principal(&mut tx, actor).await?;
        allow(&who, &Act::ProposeRevision, Some(&info))?;
        let base = load_version(&mut tx, &info, info.current_version).await?;
        let next = revision::apply(&base.plan, changes)?;
        let result_hash = canonical::content_hash(&next);
        let text =
            serde_json::to_string(changes).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let by = who.audit_name();
        let values = vec![
            json!(info.id),
            json!(info.current_version),
            json!(text),
            json!(result_hash),
            json!(now()),
            json!(by),
        ];
        let id = insert_new(&mut tx, "revisions", values).await?;
        let detail =
            json!({"plan": slug, "base_version": info.current_version, "result_hash": result_hash});
        let entity_id = id.to_string();
        append_audit(
            &mut tx,
            Audit {
                actor: by,
                action: "revision.propose",
                entity: "revision",
                entity_id: &entity_id,
                detail,
            },
        )
        .await?;
        let r = revision_info(&mut tx, id).await?;
        tx.commit().await?;
        Ok(r)
    }

    async fn approve_revision(&self, id: i64, party: &str, actor: &Actor) -> Result<RevisionInfo> {
        let mut tx = self.pool().write().await?;
        let r = revision_info(&mut tx, id).await?;
        let info = plan_by_slug(&mut tx, &r.plan).await?;
        let who = principal(&mut tx, actor).await?;
        allow(&who, &Act::ApproveRevision { party }, Some(&info))?;
        let party = party_of(&info, party)?;
        if let Some(version) = r.applied_as {
            return Err(StoreError::Conflict(Clash::RevisionApplied { id, version }));
        }
        if r.approvals.iter().any(|(p, _)| *p == party) {
            return Err(StoreError::Conflict(Clash::AlreadyApproved { id, party }));
        }
        let by = who.audit_name();
        let values = vec![
            json!(id),
            json!(party),
            json!(r.result_hash),
            json!(now()),
            json!(by),
        ];
        insert_new(&mut tx, "revision_approvals", values).await?;
        let detail = json!({"party": party, "content_hash": r.result_hash});
        let entity_id = id.to_string();
        append_audit(
            &mut tx,
            Audit {
                actor: by,
                action: "revision.approve",
                entity: "revision",
                entity_id: &entity_id,
                detail,
            },
        )
        .await?;
        if r.pending.len() == 1 && r.pending[0] == party {
            // The last party approved: the revision takes effect, if the plan has not moved on.
            let base = load_version(&mut tx, &info, r.base_version).await?;
            let next = revision::apply(&base.plan, &r.changes)?;
            if canonical::content_hash(&next) != r.result_hash {
                return Err(StoreError::Corrupt(format!(
                    "revision {id} no longer gives the version its approvals signed"
                )));
            }
            advance(&mut tx, &info, r.base_version, &next, Some(id), by).await?;
        }
        let r = revision_info(&mut tx, id).await?;
        tx.commit().await?;
        Ok(r)
    }

    async fn revision(&self, id: i64) -> Result<RevisionInfo> {
        let mut tx = self.pool().read().await?;
        revision_info(&mut tx, id).await
    }

    async fn revisions(&self, slug: &str) -> Result<Vec<RevisionInfo>> {
        let mut tx = self.pool().read().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        let ids: Vec<RevisionId> = tx
            .all(q("SELECT id FROM revisions WHERE plan_id = $1 ORDER BY id").bind(info.id))
            .await?;
        let mut out = Vec::with_capacity(ids.len());
        for r in ids {
            out.push(revision_info(&mut tx, r.id).await?);
        }
        Ok(out)
    }
}
