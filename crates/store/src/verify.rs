//! `verify`: the audit chain, every version's content hash, the derived
//! tables, and the records of authority (hashed secrets only; a plan in
//! force was adopted by every party or saved in force by the operator).

use std::collections::BTreeSet;

use jointplan_core::audit::{self, ChainRecord};
use jointplan_core::canonical;
use jointplan_core::life::status::adopted_by_all;
use serde_json::Value;

use crate::authority::Adoption;
use crate::derived;
use crate::dump;
use crate::error::Result;
use crate::rows::table;
use crate::seam::{Tx, q};
use crate::types::{Verification, split_parties};

#[derive(sqlx::FromRow)]
struct VersionCheck {
    id: i64,
    slug: String,
    number: i64,
    content_hash: String,
    canonical_json: String,
}

#[derive(sqlx::FromRow)]
struct PlanInForce {
    id: i64,
    slug: String,
    parties: String,
}

#[derive(sqlx::FromRow)]
struct Named {
    name: String,
}

/// What the audit chain says, beside whether it is intact.
#[derive(Default)]
struct Chain {
    records: Vec<ChainRecord>,
    /// Every content or result hash a record names.
    hashes: BTreeSet<String>,
    /// Plans the operator saved in force.
    saved_in_force: BTreeSet<String>,
}

async fn read_chain(tx: &mut Tx) -> Result<Chain> {
    let t = table("audit_log")?;
    let mut chain = Chain::default();
    for values in tx.table_rows(t).await? {
        let mut fields = dump::row_object(t, &values);
        let text = |f: &serde_json::Map<String, Value>, k: &str| {
            f.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        let hash = text(&fields, "hash");
        fields.remove("hash");
        let prev_hash = text(&fields, "prev_hash");
        let id = fields.get("id").and_then(Value::as_i64).unwrap_or_default();
        let detail: Value = serde_json::from_str(&text(&fields, "detail")).unwrap_or(Value::Null);
        for key in ["content_hash", "result_hash"] {
            if let Some(h) = detail.get(key).and_then(Value::as_str) {
                chain.hashes.insert(h.to_string());
            }
        }
        if text(&fields, "action") == "plan.save"
            && detail.get("status").and_then(Value::as_str) == Some("in_force")
        {
            chain.saved_in_force.insert(text(&fields, "entity_id"));
        }
        chain.records.push(ChainRecord {
            id,
            prev_hash,
            hash,
            fields: Value::Object(fields),
        });
    }
    Ok(chain)
}

/// The first version whose content does not match its hash or the log.
async fn version_problem(
    tx: &mut Tx,
    chain: &Chain,
    report: &mut Verification,
) -> Result<Option<String>> {
    let versions: Vec<VersionCheck> = tx
        .all(q("SELECT v.id, p.slug, v.number, v.content_hash, v.canonical_json FROM plan_versions v JOIN plans p ON p.id = v.plan_id ORDER BY v.id"))
        .await?;
    for v in versions {
        report.versions += 1;
        let name = format!("plan version {} ({} v{})", v.id, v.slug, v.number);
        let problem = match canonical::from_json(&v.canonical_json) {
            Err(e) => Some(format!("{name}: its JSON does not read: {e}")),
            Ok(plan) if canonical::content_hash(&plan) != v.content_hash => Some(format!(
                "{name}: its content does not match its content hash"
            )),
            Ok(_) if !chain.hashes.contains(&v.content_hash) => {
                Some(format!("{name}: its content hash is not in the audit log"))
            }
            Ok(_) => None,
        };
        if problem.is_some() {
            return Ok(problem);
        }
    }
    Ok(None)
}

/// The first derived row that does not match what it derives from.
async fn derived_problem(tx: &mut Tx) -> Result<Option<String>> {
    #[derive(sqlx::FromRow)]
    struct Orphan {
        id: i64,
        plan_id: i64,
    }
    #[derive(sqlx::FromRow)]
    struct Current {
        plan_id: i64,
        action_code: String,
        party: String,
    }
    #[derive(sqlx::FromRow)]
    struct Line {
        plan_id: i64,
        line_number: i64,
    }
    #[derive(sqlx::FromRow)]
    struct Level {
        plan_id: i64,
        line_number: i64,
        party: String,
        level: String,
    }
    if let Some(o) = tx.optional::<Orphan>(q(derived::ORPHAN_REPORT)).await? {
        return Ok(Some(format!(
            "progress report {}: its plan {} does not exist",
            o.id, o.plan_id
        )));
    }
    if let Some(c) = tx
        .optional::<Current>(q(derived::current_mismatch_sql()))
        .await?
    {
        return Ok(Some(format!(
            "progress_current (plan {}, action {}, party {}) does not match the reports it is derived from",
            c.plan_id, c.action_code, c.party
        )));
    }
    if let Some(l) = tx
        .optional::<Line>(q(derived::lines_mismatch_sql()))
        .await?
    {
        return Ok(Some(format!(
            "current_lines (plan {}, line {}) does not match the plan's current version",
            l.plan_id, l.line_number
        )));
    }
    if let Some(l) = tx
        .optional::<Level>(q(derived::levels_mismatch_sql()))
        .await?
    {
        return Ok(Some(format!(
            "progress_line_levels (plan {}, line {}, party {}, level {}) does not match progress_current",
            l.plan_id, l.line_number, l.party, l.level
        )));
    }
    Ok(None)
}

/// The first record of authority that breaks the rules.
async fn authority_problem(tx: &mut Tx, chain: &Chain) -> Result<Option<String>> {
    let plain: Option<Named> = tx
        .optional(q("SELECT name FROM users WHERE password_hash IS NOT NULL AND password_hash NOT LIKE '$argon2id$%' ORDER BY id"))
        .await?;
    if let Some(u) = plain {
        return Ok(Some(format!(
            "account {}: its password is not stored as an argon2id hash",
            u.name
        )));
    }
    let bad_token: Option<Named> = tx
        .optional(q(
            "SELECT label AS name FROM api_tokens WHERE LENGTH(token_hash) <> 64 ORDER BY id",
        ))
        .await?;
    if let Some(t) = bad_token {
        return Ok(Some(format!(
            "API token {:?}: it is not stored as a SHA-256 hash",
            t.name
        )));
    }
    let in_force: Vec<PlanInForce> = tx
        .all(q(
            "SELECT id, slug, parties FROM plans WHERE status = 'in_force' ORDER BY id",
        ))
        .await?;
    for p in in_force {
        if chain.saved_in_force.contains(&p.slug) {
            continue;
        }
        let approvals: Vec<Adoption> = tx
            .all(q("SELECT party, content_hash, approved_at, approved_by FROM plan_adoptions WHERE plan_id = $1 ORDER BY id").bind(p.id))
            .await?;
        let parties: Vec<String> = split_parties(&p.parties).map(str::to_string).collect();
        let pairs: Vec<(&str, &str)> = approvals
            .iter()
            .map(|a| (a.party.as_str(), a.content_hash.as_str()))
            .collect();
        let adopted = approvals
            .iter()
            .any(|a| adopted_by_all(&parties, &a.content_hash, pairs.iter().copied()));
        if !adopted {
            return Ok(Some(format!(
                "plan {}: it is in force without every party's adoption",
                p.slug
            )));
        }
    }
    Ok(None)
}

/// Checks the whole store in one read transaction.
pub(crate) async fn verify(tx: &mut Tx) -> Result<Verification> {
    let chain = read_chain(tx).await?;
    let mut report = Verification {
        audit_records: chain.records.len(),
        versions: 0,
        problem: None,
    };
    if let Err(broken) = audit::verify_chain(&chain.records) {
        report.problem = Some(broken.to_string());
        return Ok(report);
    }
    report.problem = match version_problem(tx, &chain, &mut report).await? {
        Some(p) => Some(p),
        None => match derived_problem(tx).await? {
            Some(p) => Some(p),
            None => authority_problem(tx, &chain).await?,
        },
    };
    Ok(report)
}
