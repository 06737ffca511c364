//! Reading a plan's identity, stage and versions: what nearly every call
//! starts with.

use jointplan_core::life::status::{PlanStatus, effective_status};
use jointplan_core::{Plan, canonical};

use crate::error::{Missing, Result, StoreError};
use crate::rows::this_year;
use crate::seam::{Tx, q};
use crate::types::{PlanInfo, StoredVersion, VersionInfo};

/// The `plans` row with whether a successor is in force, as decoded.
#[derive(sqlx::FromRow)]
struct PlanRow {
    id: i64,
    slug: String,
    title: String,
    parties: String,
    partnership: Option<String>,
    status: String,
    predecessor: Option<String>,
    current_version: i64,
    created_at: String,
    first_year: Option<i64>,
    last_year: Option<i64>,
    signed_on: Option<String>,
    successor_in_force: i64,
}

/// Every plan with whether a successor is in force; `WHERE`/`ORDER BY` follow.
const PLAN_SELECT: &str = "SELECT p.id, p.slug, p.title, p.parties, p.partnership, p.status, \
     p.predecessor, p.current_version, p.created_at, p.first_year, p.last_year, p.signed_on, \
     CAST(CASE WHEN EXISTS (SELECT 1 FROM plans s WHERE s.predecessor = p.slug AND s.status = 'in_force') \
     THEN 1 ELSE 0 END AS BIGINT) AS successor_in_force FROM plans p";

impl PlanRow {
    /// The plan as the store hands it out, its stage as of this year.
    fn info(self) -> PlanInfo {
        let recorded = PlanStatus::parse(&self.status).unwrap_or(PlanStatus::Draft);
        let last_year = self.last_year.and_then(|y| u16::try_from(y).ok());
        let successor = self.successor_in_force != 0;
        let status = effective_status(recorded, last_year, this_year(), successor);
        let stage = effective_status(recorded, None, this_year(), successor);
        PlanInfo {
            id: self.id,
            slug: self.slug,
            title: self.title,
            parties: self.parties,
            partnership: self.partnership,
            status: status.as_str().to_string(),
            predecessor: self.predecessor,
            current_version: self.current_version,
            created_at: self.created_at,
            first_year: self.first_year,
            last_year: self.last_year,
            signed_on: self.signed_on,
            stage,
        }
    }
}

/// Every plan, by slug.
pub(crate) async fn all_plans(tx: &mut Tx) -> Result<Vec<PlanInfo>> {
    let rows: Vec<PlanRow> = tx.all(q(format!("{PLAN_SELECT} ORDER BY p.slug"))).await?;
    Ok(rows.into_iter().map(PlanRow::info).collect())
}

/// The plan with this slug.
pub(crate) async fn plan_by_slug(tx: &mut Tx, slug: &str) -> Result<PlanInfo> {
    let row: Option<PlanRow> = tx
        .optional(q(format!("{PLAN_SELECT} WHERE p.slug = $1")).bind(slug))
        .await?;
    row.map(PlanRow::info)
        .ok_or_else(|| StoreError::no_plan(slug))
}

/// The columns of [`VersionInfo`].
pub(crate) const VERSION_COLUMNS: &str =
    "id, number, content_hash, revision_id, created_at, created_by";

/// A version row with its canonical JSON.
#[derive(sqlx::FromRow)]
struct VersionRow {
    #[sqlx(flatten)]
    info: VersionInfo,
    canonical_json: String,
}

/// Version `number` of a plan, parsed.
pub(crate) async fn load_version(
    tx: &mut Tx,
    info: &PlanInfo,
    number: i64,
) -> Result<StoredVersion> {
    let sql = format!(
        "SELECT {VERSION_COLUMNS}, canonical_json FROM plan_versions WHERE plan_id = $1 AND number = $2"
    );
    let row: VersionRow = tx
        .optional(q(sql).bind(info.id).bind(number))
        .await?
        .ok_or_else(|| {
            StoreError::NotFound(Missing::Version {
                slug: info.slug.clone(),
                version: number,
            })
        })?;
    let plan = canonical::from_json(&row.canonical_json)
        .map_err(|e| StoreError::Corrupt(format!("plan version {}: {e}", row.info.id)))?;
    Ok(StoredVersion {
        info: row.info,
        plan,
    })
}

/// A plan's current version, parsed.
pub(crate) async fn current(tx: &mut Tx, slug: &str) -> Result<(PlanInfo, Plan)> {
    let info = plan_by_slug(tx, slug).await?;
    let v = load_version(tx, &info, info.current_version).await?;
    Ok((info, v.plan))
}

/// The plan's code for `party`, however it is cased.
pub(crate) fn party_of(info: &PlanInfo, party: &str) -> Result<String> {
    info.party_codes()
        .into_iter()
        .find(|p| p.eq_ignore_ascii_case(party))
        .ok_or_else(|| {
            StoreError::Refused(jointplan_core::access::Refusal::NotAParty {
                party: party.to_string(),
            })
        })
}

/// The action `code` of `plan`, or why not.
pub(crate) fn has_action(plan: &Plan, code: &str) -> Result<()> {
    match plan.action(code) {
        Some(_) => Ok(()),
        None => Err(StoreError::Invalid(format!(
            "{} has no action {code}",
            plan.slug
        ))),
    }
}
