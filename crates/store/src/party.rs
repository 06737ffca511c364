//! Each party's own content of a plan, outside its hash: per action its
//! lead organisation and partners, and its restrictions. Append-only:
//! the latest row per (action, party) is the current one.

use async_trait::async_trait;
use jointplan_core::access::Act;
use serde_json::json;

use crate::api::PartyStore;
use crate::authority::{Actor, Lead, PartyContent, Restriction};
use crate::bulk::PlanCheck;
use crate::bulk_load::plan_check;
use crate::error::{Result, StoreError};
use crate::guard::{allow, principal};
use crate::lookup::{party_of, plan_by_slug};
use crate::rows::{Audit, append_audit, insert_new, json_list, now, read_list};
use crate::seam::{Tx, q};
use crate::sql_store::SqlStore;

#[derive(sqlx::FromRow)]
struct LeadRow {
    action_code: String,
    party: String,
    lead: Option<String>,
    partners: String,
    set_at: String,
    set_by: String,
}

/// The latest row per (action, party) of a plan in `table`.
fn latest(table: &str, columns: &str, extra: &str) -> String {
    format!(
        "SELECT {columns} FROM {table} t WHERE t.plan_id = $1 {extra} AND t.id = \
         (SELECT MAX(m.id) FROM {table} m WHERE m.plan_id = t.plan_id AND m.action_code = t.action_code AND m.party = t.party) \
         ORDER BY t.action_code, t.party"
    )
}

/// A plan's current leads and partners, by action then party.
pub(crate) async fn current_leads(tx: &mut Tx, plan_id: i64) -> Result<Vec<Lead>> {
    let sql = latest(
        "action_leads",
        "t.action_code, t.party, t.lead, t.partners, t.set_at, t.set_by",
        "",
    );
    let rows: Vec<LeadRow> = tx.all(q(sql).bind(plan_id)).await?;
    rows.into_iter()
        .map(|r| {
            let what = format!("lead of {} for {}", r.action_code, r.party);
            Ok(Lead {
                partners: read_list(&r.partners, &what)?,
                action: r.action_code,
                party: r.party,
                lead: r.lead,
                set_at: r.set_at,
                set_by: r.set_by,
            })
        })
        .collect()
}

/// A plan's current restrictions, by action then party.
async fn current_restrictions(tx: &mut Tx, plan_id: i64) -> Result<Vec<Restriction>> {
    let sql = latest(
        "restrictions",
        "t.action_code, t.party, t.set_at, t.set_by",
        "AND t.restricted = 1",
    );
    tx.all(q(sql).bind(plan_id)).await
}

/// What checking plan `slug` needs, once it is known to have action `code`.
async fn with_action(tx: &mut Tx, slug: &str, code: &str) -> Result<PlanCheck> {
    let check = plan_check(tx, slug)
        .await?
        .ok_or_else(|| StoreError::no_plan(slug))?;
    if !check.actions.contains_key(code) {
        return Err(StoreError::Invalid(format!("{slug} has no action {code}")));
    }
    Ok(check)
}

#[async_trait]
impl PartyStore for SqlStore {
    async fn set_leads(
        &self,
        slug: &str,
        code: &str,
        party: &str,
        lead: Option<&str>,
        partners: &[String],
        actor: &Actor,
    ) -> Result<Lead> {
        let mut tx = self.pool().write().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        let who = principal(&mut tx, actor).await?;
        allow(&who, &Act::SetLeads { party }, Some(&info))?;
        let party = party_of(&info, party)?;
        let check = with_action(&mut tx, slug, code).await?;
        let known = |name: &str| {
            check.organisation(name).map(str::to_string).ok_or_else(|| {
                StoreError::Invalid(format!(
                    "{name:?} is not in the plan's register of organisations"
                ))
            })
        };
        let lead = lead.map(known).transpose()?;
        let mut ids: Vec<String> = Vec::with_capacity(partners.len());
        for p in partners {
            let id = known(p)?;
            if !ids.contains(&id) && Some(&id) != lead.as_ref() {
                ids.push(id);
            }
        }
        let by = who.audit_name();
        let at = now();
        let values = vec![
            json!(info.id),
            json!(code),
            json!(party),
            json!(lead),
            json!(json_list(&ids)),
            json!(at),
            json!(by),
        ];
        insert_new(&mut tx, "action_leads", values).await?;
        let detail = json!({"plan": slug, "party": party, "lead": lead, "partners": ids});
        append_audit(
            &mut tx,
            Audit {
                actor: by,
                action: "lead.set",
                entity: "action",
                entity_id: code,
                detail,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Lead {
            action: code.to_string(),
            party,
            lead,
            partners: ids,
            set_at: at,
            set_by: by.to_string(),
        })
    }

    async fn restrict(
        &self,
        slug: &str,
        code: &str,
        party: &str,
        restricted: bool,
        actor: &Actor,
    ) -> Result<()> {
        let mut tx = self.pool().write().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        let who = principal(&mut tx, actor).await?;
        allow(&who, &Act::Restrict { party }, Some(&info))?;
        let party = party_of(&info, party)?;
        with_action(&mut tx, slug, code).await?;
        let by = who.audit_name();
        let values = vec![
            json!(info.id),
            json!(code),
            json!(party),
            json!(i64::from(restricted)),
            json!(now()),
            json!(by),
        ];
        insert_new(&mut tx, "restrictions", values).await?;
        let action = if restricted {
            "action.restrict"
        } else {
            "action.lift"
        };
        let detail = json!({"plan": slug, "party": party});
        append_audit(
            &mut tx,
            Audit {
                actor: by,
                action,
                entity: "action",
                entity_id: code,
                detail,
            },
        )
        .await?;
        tx.commit().await
    }

    async fn party_content(&self, slug: &str) -> Result<PartyContent> {
        let mut tx = self.pool().read().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        Ok(PartyContent {
            leads: current_leads(&mut tx, info.id).await?,
            restrictions: current_restrictions(&mut tx, info.id).await?,
        })
    }
}
