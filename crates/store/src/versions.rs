//! Writing a plan's versions: the canonical JSON, its normalized rows, the
//! derived line counts, and the plan row's period and title.

use jointplan_core::{PartialDate, Plan, canonical};
use serde_json::json;

use crate::derived;
use crate::error::{Clash, Result, StoreError};
use crate::rows::{Audit, append_audit, insert_row, next_id, now, table};
use crate::seam::{Tx, q};
use crate::types::{PlanInfo, VersionInfo};

/// A signing date as stored: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub(crate) fn signed_on(date: Option<&PartialDate>) -> Option<String> {
    let d = date?;
    Some(match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{:04}-{m:02}-{day:02}", d.year),
        (Some(m), None) => format!("{:04}-{m:02}", d.year),
        _ => format!("{:04}", d.year),
    })
}

/// Inserts version `number` of plan `plan_id` with its normalized rows.
pub(crate) async fn insert_version(
    tx: &mut Tx,
    plan_id: i64,
    number: i64,
    plan: &Plan,
    revision_id: Option<i64>,
    actor: &str,
) -> Result<VersionInfo> {
    let id = next_id(tx, "plan_versions").await?;
    let info = VersionInfo {
        id,
        number,
        content_hash: canonical::content_hash(plan),
        revision_id,
        created_at: now(),
        created_by: actor.to_string(),
    };
    let values = vec![
        json!(id),
        json!(plan_id),
        json!(number),
        json!(info.content_hash),
        json!(canonical::to_json(plan)),
        json!(revision_id),
        json!(info.created_at),
        json!(actor),
    ];
    insert_row(tx, table("plan_versions")?, &values).await?;
    for (t, values) in crate::normalize::rows(id, plan) {
        insert_row(tx, t, &values).await?;
    }
    Ok(info)
}

/// Refreshes `current_lines` for plan `plan_id`, whose current version is now `version_id`.
pub(crate) async fn count_lines(tx: &mut Tx, plan_id: i64, version_id: i64) -> Result<()> {
    tx.execute(q(derived::UNLINE_PLAN).bind(plan_id)).await?;
    tx.execute(q(derived::RELINE_PLAN).bind(version_id).bind(plan_id))
        .await?;
    Ok(())
}

/// Writes the plan row's title, period and signing date from `plan`.
async fn describe(tx: &mut Tx, plan_id: i64, plan: &Plan) -> Result<()> {
    let (first, last) = match &plan.period {
        Some(p) => (Some(i64::from(p.start)), Some(i64::from(p.end))),
        None => (None, None),
    };
    tx.execute(
        q("UPDATE plans SET title = $1, first_year = $2, last_year = $3, signed_on = $4 WHERE id = $5")
            .bind(plan.title.as_str())
            .bind(first)
            .bind(last)
            .bind(signed_on(plan.signed.as_ref()))
            .bind(plan_id),
    )
    .await?;
    Ok(())
}

/// Stores a new plan as version 1 with status `status`.
pub(crate) async fn insert_plan(
    tx: &mut Tx,
    plan: &Plan,
    status: &str,
    predecessor: Option<&str>,
    actor: &str,
) -> Result<VersionInfo> {
    let id = next_id(tx, "plans").await?;
    let parties: Vec<&str> = plan
        .partnership
        .parties
        .iter()
        .map(|p| p.code.as_str())
        .collect();
    let t = table("plans")?;
    let mut values = vec![
        json!(id),
        json!(plan.slug),
        json!(plan.title),
        json!(parties.join(",")),
        json!(plan.partnership.name),
        json!(status),
        json!(predecessor),
        json!(1),
        json!(now()),
        json!(actor),
    ];
    // The period and signing date: written by `describe` below.
    values.resize(t.columns.len(), serde_json::Value::Null);
    insert_row(tx, t, &values).await?;
    describe(tx, id, plan).await?;
    let v = insert_version(tx, id, 1, plan, None, actor).await?;
    count_lines(tx, id, v.id).await?;
    Ok(v)
}

/// Moves a plan from version `expected` to the next one, or reports who got there first.
pub(crate) async fn advance(
    tx: &mut Tx,
    info: &PlanInfo,
    expected: i64,
    plan: &Plan,
    revision_id: Option<i64>,
    actor: &str,
) -> Result<VersionInfo> {
    if plan.slug != info.slug {
        return Err(StoreError::Invalid(format!(
            "the plan's slug is {:?}, not {:?}",
            plan.slug, info.slug
        )));
    }
    let done = tx
        .execute(
            q("UPDATE plans SET current_version = $1 WHERE id = $2 AND current_version = $3")
                .bind(expected + 1)
                .bind(info.id)
                .bind(expected),
        )
        .await?;
    if done == 0 {
        let current_version: i64 = tx
            .scalar(q("SELECT current_version FROM plans WHERE id = $1").bind(info.id))
            .await?;
        return Err(StoreError::Conflict(Clash::VersionMoved {
            current_version,
        }));
    }
    describe(tx, info.id, plan).await?;
    let v = insert_version(tx, info.id, expected + 1, plan, revision_id, actor).await?;
    tx.execute(q(derived::RELINE_CURRENT).bind(v.id).bind(info.id))
        .await?;
    count_lines(tx, info.id, v.id).await?;
    append_audit(
        tx,
        Audit {
            actor,
            action: "plan.version",
            entity: "plan",
            entity_id: &info.slug,
            detail: json!({"version": v.number, "content_hash": v.content_hash, "revision": revision_id}),
        },
    )
    .await?;
    Ok(v)
}
