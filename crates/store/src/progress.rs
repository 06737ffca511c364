//! Progress reports (one at a time; bulk loads are in `bulk_load`), the
//! portfolio roll-up, and target values.

use std::collections::HashMap;

use async_trait::async_trait;
use jointplan_core::access::Act;
use jointplan_core::progress::{Report, is_iso_date};
use jointplan_core::rollup::Score;
use serde_json::json;

use crate::api::ProgressStore;
use crate::authority::Actor;
use crate::bulk::{BulkOutcome, BulkRow, NewReport};
use crate::bulk_load::plan_check;
use crate::derived;
use crate::error::{Result, StoreError};
use crate::guard::{allow, principal};
use crate::lookup::{current, party_of, plan_by_slug};
use crate::rows::{Audit, append_audit, insert_new, next_id, now, read_list};
use crate::seam::q;
use crate::sql_store::SqlStore;
use crate::types::{LineProgress, StoredReport, StoredTargetValue, TargetValue, split_parties};

#[derive(sqlx::FromRow)]
struct ReportRow {
    id: i64,
    action_code: String,
    party: String,
    organisation: Option<String>,
    date: String,
    status: String,
    level: String,
    narrative: String,
    evidence: String,
    recorded_at: String,
    recorded_by: String,
}

impl ReportRow {
    fn stored(self) -> Result<StoredReport> {
        let id = self.id;
        let corrupt = |what: &str| StoreError::Corrupt(format!("progress report {id}: {what}"));
        Ok(StoredReport {
            id,
            report: Report {
                action: self.action_code,
                party: self.party,
                organisation: self.organisation,
                date: self.date,
                status: self.status.parse().map_err(|_| corrupt("status"))?,
                level: self.level.parse().map_err(|_| corrupt("level"))?,
                narrative: self.narrative,
                evidence: read_list(&self.evidence, &format!("progress report {id}: evidence"))?,
            },
            recorded_at: self.recorded_at,
            recorded_by: self.recorded_by,
        })
    }
}

#[derive(sqlx::FromRow)]
struct Text {
    text: String,
}

/// Reads a JSON aggregate of the roll-up.
fn json_rows<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("portfolio {what}: {e}")))
}

#[async_trait]
impl ProgressStore for SqlStore {
    async fn add_reports(&self, slug: &str, reports: &[Report], actor: &Actor) -> Result<Vec<i64>> {
        if reports.is_empty() {
            return Ok(vec![]);
        }
        let mut tx = self.pool().write().await?;
        let check = plan_check(&mut tx, slug)
            .await?
            .ok_or_else(|| StoreError::no_plan(slug))?;
        let who = principal(&mut tx, actor).await?;
        let first = next_id(&mut tx, "progress_reports").await?;
        let mut rows = Vec::with_capacity(reports.len());
        for (r, id) in reports.iter().zip(first..) {
            let placed = check.check(r, &who)?;
            rows.push(NewReport::new(id, check.id, placed, r.clone()));
        }
        let last = first + i64::try_from(rows.len()).unwrap_or(i64::MAX) - 1;
        let detail = match rows.as_slice() {
            [one] => json!({"report": first, "action": one.action, "party": one.party}),
            _ => json!({"reports": [first, last], "count": rows.len()}),
        };
        tx.upsert_current(&rows).await?;
        tx.insert_reports(rows, &now(), who.audit_name()).await?;
        let audit = Audit {
            actor: who.audit_name(),
            action: "progress.report",
            entity: "plan",
            entity_id: slug,
            detail,
        };
        append_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok((first..=last).collect())
    }

    async fn import_reports(
        &self,
        batches: &mut (dyn Iterator<Item = Vec<BulkRow>> + Send),
        atomic: bool,
        actor: &Actor,
        rejected: &mut (dyn for<'r> FnMut(u64, &'r str) + Send),
    ) -> Result<BulkOutcome> {
        self.load_reports(batches, atomic, actor, rejected).await
    }

    async fn portfolio_progress(&self) -> Result<Vec<LineProgress>> {
        let mut tx = self.pool().read().await?;
        let json = tx.json_rows();
        let text: Text = tx.one(q(derived::portfolio_lines_sql(json))).await?;
        let mut lines: Vec<(i64, String, String, i64, i64)> = json_rows("lines", &text.text)?;
        lines.sort_by(|a, b| (&a.1, a.3).cmp(&(&b.1, b.3)));
        let text: Text = tx.one(q(derived::portfolio_levels_sql(json))).await?;
        // One count per level, in Level::ALL order.
        let levels: Vec<(i64, i64, String, usize, usize, usize, usize)> =
            json_rows("levels", &text.text)?;
        let reported: HashMap<(i64, i64, String), [usize; 4]> = levels
            .into_iter()
            .map(|(plan_id, line, party, a, b, c, d)| ((plan_id, line, party), [a, b, c, d]))
            .collect();
        let mut out = Vec::with_capacity(lines.len() * 2);
        for (plan_id, slug, parties, line, actions) in lines {
            for party in split_parties(&parties) {
                let counts = reported
                    .get(&(plan_id, line, party.to_string()))
                    .copied()
                    .unwrap_or_default();
                out.push(LineProgress {
                    plan: slug.clone(),
                    party: party.to_string(),
                    line,
                    score: Score::from_counts(usize::try_from(actions).unwrap_or(0), counts),
                });
            }
        }
        Ok(out)
    }

    async fn reports(&self, slug: &str) -> Result<Vec<StoredReport>> {
        let mut tx = self.pool().read().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        let rows: Vec<ReportRow> = tx
            .all(q("SELECT id, action_code, party, organisation, date, status, level, narrative, evidence, recorded_at, recorded_by FROM progress_reports WHERE plan_id = $1 ORDER BY id").bind(info.id))
            .await?;
        rows.into_iter().map(ReportRow::stored).collect()
    }

    async fn add_target_value(&self, slug: &str, v: &TargetValue, actor: &Actor) -> Result<i64> {
        if !is_iso_date(&v.date) {
            return Err(StoreError::Invalid(format!(
                "date {:?} is not YYYY-MM-DD",
                v.date
            )));
        }
        if !v.value.is_finite() {
            return Err(StoreError::Invalid(format!(
                "value {} is not a number",
                v.value
            )));
        }
        let mut tx = self.pool().write().await?;
        let (info, plan) = current(&mut tx, slug).await?;
        let targets = &plan.targets;
        let target = v
            .target
            .checked_sub(1)
            .and_then(|i| targets.get(i))
            .ok_or_else(|| {
                StoreError::Invalid(match targets.len() {
                    0 => format!("{slug} has no targets"),
                    n => format!("{slug} has no target {} (targets: 1 to {n})", v.target),
                })
            })?;
        let party = target
            .party
            .as_deref()
            .map(|p| party_of(&info, p))
            .transpose()?;
        let who = principal(&mut tx, actor).await?;
        allow(
            &who,
            &Act::RecordTargetValue {
                party: party.as_deref(),
            },
            Some(&info),
        )?;
        let a = who.audit_name();
        let values = vec![
            json!(info.id),
            json!(target.measure),
            json!(v.date),
            json!(v.value),
            json!(v.note),
            json!(now()),
            json!(a),
        ];
        let id = insert_new(&mut tx, "target_values", values).await?;
        let detail = json!({"value": id, "measure": target.measure, "date": v.date});
        append_audit(
            &mut tx,
            Audit {
                actor: a,
                action: "target.value",
                entity: "plan",
                entity_id: slug,
                detail,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn target_values(&self, slug: &str) -> Result<Vec<StoredTargetValue>> {
        let mut tx = self.pool().read().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        tx.all(
            q("SELECT id, measure, date, value, note, recorded_at, recorded_by FROM target_values WHERE plan_id = $1 ORDER BY id")
                .bind(info.id),
        )
        .await
    }
}
