//! Plans and their versions: saving, editing a draft, adoption by every
//! party, and the reads.

use async_trait::async_trait;
use jointplan_core::Plan;
use jointplan_core::access::Act;
use jointplan_core::life::status::{PlanStatus, adopted_by_all};
use serde_json::json;

use crate::api::PlanStore;
use crate::authority::{Actor, Adoption};
use crate::error::{Clash, Result, StoreError};
use crate::guard::{acting_party, allow, principal};
use crate::lookup::{VERSION_COLUMNS, all_plans, load_version, party_of, plan_by_slug};
use crate::rows::{Audit, append_audit, insert_new, now};
use crate::seam::q;
use crate::sources::{current_source, insert_source};
use crate::sql_store::SqlStore;
use crate::types::{PlanInfo, SavePlan, SourceText, StoredVersion, VersionInfo};
use crate::versions::{advance, insert_plan};

#[derive(sqlx::FromRow)]
struct Slug {
    slug: String,
}

#[async_trait]
impl PlanStore for SqlStore {
    async fn save_plan(&self, plan: &Plan, how: &SavePlan) -> Result<VersionInfo> {
        self.save_new(plan, None, how).await
    }

    async fn save_imported(&self, plan: &Plan, text: &str, how: &SavePlan) -> Result<VersionInfo> {
        self.save_new(plan, Some(text), how).await
    }

    async fn source_text(&self, slug: &str) -> Result<Option<SourceText>> {
        let mut tx = self.pool().read().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        current_source(&mut tx, info.id).await
    }

    async fn plans(&self) -> Result<Vec<PlanInfo>> {
        let mut tx = self.pool().read().await?;
        all_plans(&mut tx).await
    }

    async fn plan(&self, slug: &str) -> Result<PlanInfo> {
        let mut tx = self.pool().read().await?;
        plan_by_slug(&mut tx, slug).await
    }

    async fn successors(&self, slug: &str) -> Result<Vec<String>> {
        let mut tx = self.pool().read().await?;
        let rows: Vec<Slug> = tx
            .all(q("SELECT slug FROM plans WHERE predecessor = $1 ORDER BY slug").bind(slug))
            .await?;
        Ok(rows.into_iter().map(|r| r.slug).collect())
    }

    async fn version(&self, slug: &str, number: Option<i64>) -> Result<StoredVersion> {
        let mut tx = self.pool().read().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        load_version(&mut tx, &info, number.unwrap_or(info.current_version)).await
    }

    async fn versions(&self, slug: &str) -> Result<Vec<VersionInfo>> {
        let mut tx = self.pool().read().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        let sql = format!(
            "SELECT {VERSION_COLUMNS} FROM plan_versions WHERE plan_id = $1 ORDER BY number"
        );
        tx.all(q(sql).bind(info.id)).await
    }

    async fn commit_version(
        &self,
        slug: &str,
        expected: i64,
        plan: &Plan,
        actor: &Actor,
    ) -> Result<VersionInfo> {
        let mut tx = self.pool().write().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        let who = principal(&mut tx, actor).await?;
        allow(&who, &Act::EditDraft, Some(&info))?;
        let v = advance(&mut tx, &info, expected, plan, None, who.audit_name()).await?;
        tx.commit().await?;
        Ok(v)
    }

    async fn adopt_plan(&self, slug: &str, actor: &Actor) -> Result<PlanInfo> {
        let mut tx = self.pool().write().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        let who = principal(&mut tx, actor).await?;
        let party = acting_party(&who, &info);
        allow(&who, &Act::Adopt { party: &party }, Some(&info))?;
        let party = party_of(&info, &party)?;
        let hash = load_version(&mut tx, &info, info.current_version)
            .await?
            .info
            .content_hash;
        let approvals = adoptions_of(&mut tx, info.id).await?;
        if approvals
            .iter()
            .any(|a| a.party == party && a.content_hash == hash)
        {
            return Err(StoreError::Conflict(Clash::AlreadyAdopted(party)));
        }
        let actor = who.audit_name();
        let at = now();
        insert_new(
            &mut tx,
            "plan_adoptions",
            vec![
                json!(info.id),
                json!(party),
                json!(hash),
                json!(at),
                json!(actor),
            ],
        )
        .await?;
        let pairs = approvals
            .iter()
            .map(|a| (a.party.as_str(), a.content_hash.as_str()))
            .chain([(party.as_str(), hash.as_str())]);
        let pairs: Vec<(&str, &str)> = pairs.collect();
        let in_force = adopted_by_all(&info.party_codes(), &hash, pairs.iter().copied());
        if in_force {
            tx.execute(
                q("UPDATE plans SET status = $1 WHERE id = $2")
                    .bind(PlanStatus::InForce.as_str())
                    .bind(info.id),
            )
            .await?;
        }
        append_audit(
            &mut tx,
            Audit {
                actor,
                action: "plan.adopt",
                entity: "plan",
                entity_id: slug,
                detail: json!({"party": party, "content_hash": hash, "in_force": in_force}),
            },
        )
        .await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        tx.commit().await?;
        Ok(info)
    }

    async fn adoptions(&self, slug: &str) -> Result<Vec<Adoption>> {
        let mut tx = self.pool().read().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        adoptions_of(&mut tx, info.id).await
    }
}

impl SqlStore {
    /// Saves a new plan as version 1, with the text it was imported from when given.
    async fn save_new(
        &self,
        plan: &Plan,
        text: Option<&str>,
        how: &SavePlan,
    ) -> Result<VersionInfo> {
        if plan.slug.trim().is_empty() {
            return Err(StoreError::Invalid("the plan has no slug".into()));
        }
        let mut tx = self.pool().write().await?;
        let who = principal(&mut tx, &how.actor).await?;
        allow(
            &who,
            &Act::SavePlan {
                in_force: how.in_force,
            },
            None,
        )?;
        let exists: Option<Slug> = tx
            .optional(q("SELECT slug FROM plans WHERE slug = $1").bind(plan.slug.as_str()))
            .await?;
        if exists.is_some() {
            return Err(StoreError::Conflict(Clash::PlanExists(plan.slug.clone())));
        }
        let status = if how.in_force {
            PlanStatus::InForce
        } else {
            PlanStatus::Draft
        };
        let actor = who.audit_name();
        let v = insert_plan(
            &mut tx,
            plan,
            status.as_str(),
            how.predecessor.as_deref(),
            actor,
        )
        .await?;
        if let Some(text) = text {
            insert_source(&mut tx, v.id, plan, text).await?;
        }
        append_audit(
            &mut tx,
            Audit {
                actor,
                action: "plan.save",
                entity: "plan",
                entity_id: &plan.slug,
                detail: json!({"version": 1, "content_hash": v.content_hash, "status": status.as_str(), "predecessor": how.predecessor}),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(v)
    }
}

/// A plan's approvals of its content, oldest first.
async fn adoptions_of(tx: &mut crate::seam::Tx, plan_id: i64) -> Result<Vec<Adoption>> {
    tx.all(
        q("SELECT party, content_hash, approved_at, approved_by FROM plan_adoptions WHERE plan_id = $1 ORDER BY id")
            .bind(plan_id),
    )
    .await
}
