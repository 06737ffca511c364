//! Evaluations: each party's assessments, and agreed results that stand
//! once every party's coordinator confirmed them.

use async_trait::async_trait;
use jointplan_core::access::{Act, Principal};
use jointplan_core::evaluation::{Agreed, Assessment, check_score};
use serde_json::json;

use crate::api::EvaluationStore;
use crate::authority::Actor;
use crate::error::{Clash, Missing, Result, StoreError};
use crate::guard::{acting_party, allow, principal};
use crate::lookup::{current, has_action, party_of, plan_by_slug};
use crate::rows::{Audit, append_audit, insert_new, now};
use crate::seam::{Tx, q};
use crate::sql_store::SqlStore;
use crate::types::{PlanInfo, StoredAgreed, StoredEvaluation};

#[derive(sqlx::FromRow)]
struct AssessmentRow {
    action_code: String,
    party: String,
    score: i64,
    note: String,
}

#[derive(sqlx::FromRow)]
struct AgreedRow {
    id: i64,
    evaluation: String,
    action_code: String,
    score: i64,
    note: String,
}

#[derive(sqlx::FromRow)]
struct ConfirmationRow {
    agreed_id: i64,
    party: String,
    confirmed_by: String,
}

#[derive(sqlx::FromRow)]
struct EvaluationName {
    evaluation: String,
}

#[derive(sqlx::FromRow)]
struct AgreedPlan {
    slug: String,
}

fn score(s: i64) -> Result<u8> {
    u8::try_from(s).map_err(|_| StoreError::Corrupt(format!("score {s}")))
}

/// An evaluation's agreed results (or the one with id `only`) with their confirmations.
async fn agreed_of(
    tx: &mut Tx,
    info: &PlanInfo,
    evaluation: Option<&str>,
    only: Option<i64>,
) -> Result<Vec<StoredAgreed>> {
    let rows: Vec<AgreedRow> = tx
        .all(
            q("SELECT id, evaluation, action_code, score, note FROM agreed_results \
               WHERE plan_id = $1 AND ($2 IS NULL OR evaluation = $2) AND ($3 IS NULL OR id = $3) ORDER BY id")
            .bind(info.id)
            .bind(evaluation)
            .bind(only),
        )
        .await?;
    let confirmations: Vec<ConfirmationRow> = tx
        .all(
            q(
                "SELECT c.agreed_id, c.party, c.confirmed_by FROM agreed_confirmations c \
               JOIN agreed_results a ON a.id = c.agreed_id WHERE a.plan_id = $1 ORDER BY c.id",
            )
            .bind(info.id),
        )
        .await?;
    let parties = info.party_codes();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let confirmed: Vec<(String, String)> = confirmations
            .iter()
            .filter(|c| c.agreed_id == r.id)
            .map(|c| (c.party.clone(), c.confirmed_by.clone()))
            .collect();
        let stands = parties
            .iter()
            .all(|p| confirmed.iter().any(|(c, _)| c == p));
        out.push(StoredAgreed {
            id: r.id,
            agreed: Agreed {
                evaluation: r.evaluation,
                action: r.action_code,
                score: score(r.score)?,
                note: r.note,
            },
            confirmations: confirmed,
            stands,
        });
    }
    Ok(out)
}

/// Records `party`'s confirmation of agreed result `id`, audited.
async fn confirm(tx: &mut Tx, who: &Principal, slug: &str, id: i64, party: &str) -> Result<()> {
    let a = who.audit_name();
    insert_new(
        tx,
        "agreed_confirmations",
        vec![json!(id), json!(party), json!(now()), json!(a)],
    )
    .await?;
    let detail = json!({"plan": slug, "agreed": id, "party": party});
    let entity_id = id.to_string();
    append_audit(
        tx,
        Audit {
            actor: a,
            action: "evaluation.confirm",
            entity: "agreed_result",
            entity_id: &entity_id,
            detail,
        },
    )
    .await
}

#[async_trait]
impl EvaluationStore for SqlStore {
    async fn add_assessment(&self, slug: &str, a: &Assessment, actor: &Actor) -> Result<i64> {
        check_score(a.score).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let mut tx = self.pool().write().await?;
        let (info, plan) = current(&mut tx, slug).await?;
        let party = party_of(&info, &a.party)?;
        let who = principal(&mut tx, actor).await?;
        allow(&who, &Act::Assess { party: &party }, Some(&info))?;
        has_action(&plan, &a.action)?;
        let by = who.audit_name();
        let values = vec![
            json!(info.id),
            json!(a.evaluation),
            json!(a.action),
            json!(party),
            json!(a.score),
            json!(a.note),
            json!(now()),
            json!(by),
        ];
        let id = insert_new(&mut tx, "assessments", values).await?;
        let detail = json!({"plan": slug, "evaluation": a.evaluation, "action": a.action, "party": party, "score": a.score});
        let entity_id = id.to_string();
        append_audit(
            &mut tx,
            Audit {
                actor: by,
                action: "evaluation.assess",
                entity: "assessment",
                entity_id: &entity_id,
                detail,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn add_agreed(&self, slug: &str, a: &Agreed, actor: &Actor) -> Result<i64> {
        check_score(a.score).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let mut tx = self.pool().write().await?;
        let (info, plan) = current(&mut tx, slug).await?;
        let who = principal(&mut tx, actor).await?;
        let party = acting_party(&who, &info);
        allow(&who, &Act::ConfirmAgreed { party: &party }, Some(&info))?;
        let party = party_of(&info, &party)?;
        has_action(&plan, &a.action)?;
        let known = agreed_of(&mut tx, &info, Some(&a.evaluation), None).await?;
        let pending = known
            .iter()
            .find(|k| k.agreed == *a && !k.confirmations.iter().any(|(p, _)| *p == party));
        let id = match pending {
            Some(k) => k.id,
            None => {
                let values = vec![
                    json!(info.id),
                    json!(a.evaluation),
                    json!(a.action),
                    json!(a.score),
                    json!(a.note),
                    json!(now()),
                    json!(who.audit_name()),
                ];
                let id = insert_new(&mut tx, "agreed_results", values).await?;
                let detail = json!({"plan": slug, "evaluation": a.evaluation, "action": a.action, "score": a.score});
                let entity_id = id.to_string();
                append_audit(
                    &mut tx,
                    Audit {
                        actor: who.audit_name(),
                        action: "evaluation.agree",
                        entity: "agreed_result",
                        entity_id: &entity_id,
                        detail,
                    },
                )
                .await?;
                id
            }
        };
        confirm(&mut tx, &who, slug, id, &party).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn confirm_agreed(&self, id: i64, actor: &Actor) -> Result<StoredAgreed> {
        let mut tx = self.pool().write().await?;
        let plan: AgreedPlan = tx
            .optional(q("SELECT p.slug FROM agreed_results a JOIN plans p ON p.id = a.plan_id WHERE a.id = $1").bind(id))
            .await?
            .ok_or(StoreError::NotFound(Missing::Agreed(id)))?;
        let info = plan_by_slug(&mut tx, &plan.slug).await?;
        let who = principal(&mut tx, actor).await?;
        let party = acting_party(&who, &info);
        allow(&who, &Act::ConfirmAgreed { party: &party }, Some(&info))?;
        let party = party_of(&info, &party)?;
        let before = agreed_of(&mut tx, &info, None, Some(id)).await?;
        if before
            .iter()
            .any(|k| k.confirmations.iter().any(|(p, _)| *p == party))
        {
            return Err(StoreError::Conflict(Clash::AlreadyConfirmed { id, party }));
        }
        confirm(&mut tx, &who, &info.slug, id, &party).await?;
        let after = agreed_of(&mut tx, &info, None, Some(id)).await?;
        tx.commit().await?;
        after
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound(Missing::Agreed(id)))
    }

    async fn evaluation(&self, slug: &str, name: &str) -> Result<(Vec<Assessment>, Vec<Agreed>)> {
        let mut tx = self.pool().read().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        let assessments = assessments_of(&mut tx, &info, name).await?;
        let agreed = agreed_of(&mut tx, &info, Some(name), None).await?;
        Ok((
            assessments,
            agreed
                .into_iter()
                .filter(|a| a.stands)
                .map(|a| a.agreed)
                .collect(),
        ))
    }

    async fn agreed_results(&self, slug: &str, evaluation: &str) -> Result<Vec<StoredAgreed>> {
        let mut tx = self.pool().read().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        agreed_of(&mut tx, &info, Some(evaluation), None).await
    }

    async fn evaluations(&self, slug: &str) -> Result<Vec<StoredEvaluation>> {
        let mut tx = self.pool().read().await?;
        let info = plan_by_slug(&mut tx, slug).await?;
        // Timestamps are RFC 3339 UTC with a fixed width, so text order is time order.
        let names: Vec<EvaluationName> = tx
            .all(
                q("SELECT evaluation FROM ( \
                     SELECT evaluation, MIN(recorded_at) AS first FROM assessments WHERE plan_id = $1 GROUP BY evaluation \
                     UNION ALL \
                     SELECT evaluation, MIN(recorded_at) AS first FROM agreed_results WHERE plan_id = $1 GROUP BY evaluation \
                   ) AS firsts GROUP BY evaluation ORDER BY MIN(first), evaluation")
                .bind(info.id),
            )
            .await?;
        let mut out = Vec::with_capacity(names.len());
        for n in names {
            out.push(StoredEvaluation {
                assessments: assessments_of(&mut tx, &info, &n.evaluation).await?,
                agreed: agreed_of(&mut tx, &info, Some(&n.evaluation), None).await?,
                name: n.evaluation,
            });
        }
        Ok(out)
    }
}

/// The assessments of evaluation `name` of a plan, oldest first.
async fn assessments_of(tx: &mut Tx, info: &PlanInfo, name: &str) -> Result<Vec<Assessment>> {
    let rows: Vec<AssessmentRow> = tx
        .all(q("SELECT action_code, party, score, note FROM assessments WHERE plan_id = $1 AND evaluation = $2 ORDER BY id").bind(info.id).bind(name))
        .await?;
    let mut assessments = Vec::with_capacity(rows.len());
    for r in rows {
        assessments.push(Assessment {
            evaluation: name.to_string(),
            action: r.action_code,
            party: r.party,
            score: score(r.score)?,
            note: r.note,
        });
    }
    Ok(assessments)
}
