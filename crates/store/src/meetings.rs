//! Meetings of the plan's mechanisms.

use async_trait::async_trait;
use jointplan_core::access::Act;
use jointplan_core::progress::is_iso_date;
use serde_json::json;

use crate::api::MeetingStore;
use crate::authority::Actor;
use crate::error::{Result, StoreError};
use crate::guard::{allow, principal};
use crate::lookup::{current, has_action, party_of, plan_by_slug};
use crate::rows::{Audit, append_audit, insert_new, json_list, now, read_list};
use crate::seam::q;
use crate::sql_store::SqlStore;
use crate::types::{Occurrence, OccurrenceStatus, StoredOccurrence};

#[derive(sqlx::FromRow)]
struct OccurrenceRow {
    id: i64,
    mechanism_id: String,
    status: String,
    date: String,
    place: Option<String>,
    host_party: Option<String>,
    participants: String,
    outcomes: String,
    actions: String,
    supersedes: Option<i64>,
    recorded_at: String,
    recorded_by: String,
}

impl OccurrenceRow {
    fn stored(self) -> Result<StoredOccurrence> {
        let what = |field: &str| format!("meeting {}: {field}", self.id);
        let status = OccurrenceStatus::parse(&self.status)
            .ok_or_else(|| StoreError::Corrupt(what("status")))?;
        Ok(StoredOccurrence {
            id: self.id,
            occurrence: Occurrence {
                status,
                participants: read_list(&self.participants, &what("participants"))?,
                actions: read_list(&self.actions, &what("actions"))?,
                mechanism: self.mechanism_id,
                date: self.date,
                place: self.place,
                host_party: self.host_party,
                outcomes: self.outcomes,
                supersedes: self.supersedes,
            },
            recorded_at: self.recorded_at,
            recorded_by: self.recorded_by,
        })
    }
}

#[async_trait]
impl MeetingStore for SqlStore {
    async fn add_occurrence(&self, slug: &str, o: &Occurrence, actor: &Actor) -> Result<i64> {
        if !is_iso_date(&o.date) {
            return Err(StoreError::Invalid(format!(
                "date {:?} is not YYYY-MM-DD",
                o.date
            )));
        }
        let mut tx = self.pool().write().await?;
        let (info, plan) = current(&mut tx, slug).await?;
        let host = o
            .host_party
            .as_deref()
            .map(|p| party_of(&info, p))
            .transpose()?;
        let who = principal(&mut tx, actor).await?;
        allow(
            &who,
            &Act::LogMeeting {
                host: host.as_deref(),
            },
            Some(&info),
        )?;
        if !plan.mechanisms.iter().any(|m| m.id == o.mechanism) {
            let known: Vec<&str> = plan.mechanisms.iter().map(|m| m.id.as_str()).collect();
            return Err(StoreError::Invalid(format!(
                "{slug} has no mechanism {:?} (mechanisms: {})",
                o.mechanism,
                known.join(", ")
            )));
        }
        for code in &o.actions {
            has_action(&plan, code)?;
        }
        let a = who.audit_name();
        let values = vec![
            json!(info.id),
            json!(o.mechanism),
            json!(o.status.as_str()),
            json!(o.date),
            json!(o.place),
            json!(host),
            json!(json_list(&o.participants)),
            json!(o.outcomes),
            json!(json_list(&o.actions)),
            json!(o.supersedes),
            json!(now()),
            json!(a),
        ];
        let id = insert_new(&mut tx, "occurrences", values).await?;
        let detail = json!({"plan": slug, "mechanism": o.mechanism, "status": o.status.as_str(), "date": o.date});
        let entity_id = id.to_string();
        append_audit(
            &mut tx,
            Audit {
                actor: a,
                action: "meeting.add",
                entity: "occurrence",
                entity_id: &entity_id,
                detail,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn occurrences(&self, slug: &str) -> Result<Vec<StoredOccurrence>> {
        let mut tx = self.pool().read().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        let rows: Vec<OccurrenceRow> = tx
            .all(q("SELECT id, mechanism_id, status, date, place, host_party, participants, outcomes, actions, supersedes, recorded_at, recorded_by FROM occurrences WHERE plan_id = $1 ORDER BY id").bind(info.id))
            .await?;
        rows.into_iter().map(OccurrenceRow::stored).collect()
    }
}
