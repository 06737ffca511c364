//! The one storage API every backend implements.

use async_trait::async_trait;
use jointplan_core::Plan;
use jointplan_core::evaluation::{Agreed, Assessment};
use jointplan_core::progress::Report;
use jointplan_core::revision::ChangeSet;

use crate::bulk::{BulkOutcome, BulkRow};
use crate::error::{Result, StoreError};
use crate::types::*;

/// Persistence for plans and their life, on any backend.
///
/// Every change appends a record to the hash-chained audit log in the same
/// transaction, so the log and the data cannot disagree.
#[async_trait]
pub trait Store: Send + Sync {
    /// Which database this is.
    fn backend(&self) -> Backend;

    /// Applies this backend's migrations.
    async fn migrate(&self) -> Result<()>;

    /// Saves a new plan as version 1.
    async fn save_plan(&self, plan: &Plan, how: &SavePlan) -> Result<VersionInfo>;

    /// Every stored plan, by slug.
    async fn plans(&self) -> Result<Vec<PlanInfo>>;

    /// One plan by slug.
    async fn plan(&self, slug: &str) -> Result<PlanInfo>;

    /// The plans that follow this one (their predecessor is `slug`).
    async fn successors(&self, slug: &str) -> Result<Vec<String>>;

    /// A version of a plan; the current one when `number` is none.
    async fn version(&self, slug: &str, number: Option<i64>) -> Result<StoredVersion>;

    /// Every version of a plan, oldest first.
    async fn versions(&self, slug: &str) -> Result<Vec<VersionInfo>>;

    /// Stores `plan` as the next version, if the current version is still
    /// `expected`; otherwise fails with [`StoreError::Conflict`].
    async fn commit_version(
        &self,
        slug: &str,
        expected: i64,
        plan: &Plan,
        actor: &str,
    ) -> Result<VersionInfo>;

    /// Records a measured value of one of a plan's targets; returns its id.
    /// A reporter or coordinator of the target's party may record it (of
    /// either party for a joint target).
    async fn add_target_value(&self, slug: &str, value: &TargetValue, actor: &str) -> Result<i64>;

    /// A plan's recorded target values, oldest record first.
    async fn target_values(&self, slug: &str) -> Result<Vec<StoredTargetValue>>;

    /// Appends progress reports in one transaction; returns their ids.
    async fn add_reports(&self, slug: &str, reports: &[Report], actor: &str) -> Result<Vec<i64>>;

    /// Bulk-loads progress reports, for any plans, as `batches` yields them.
    /// Each row is checked as [`Store::add_reports`] checks it; a refused row
    /// goes to `rejected` with its line and reason, and the good rows are
    /// kept. Each committed batch gets one audit record. Not `atomic`: one
    /// transaction per batch, so memory stays flat; `atomic`: one
    /// transaction for all, rolled back if any row is refused.
    async fn import_reports(
        &self,
        batches: &mut (dyn Iterator<Item = Vec<BulkRow>> + Send),
        atomic: bool,
        actor: &str,
        rejected: &mut (dyn for<'r> FnMut(u64, &'r str) + Send),
    ) -> Result<BulkOutcome>;

    /// Completion per line and party for every plan's current version (the
    /// portfolio roll-up), from one aggregate over the current reports.
    async fn portfolio_progress(&self) -> Result<Vec<LineProgress>>;

    /// A plan's progress reports, oldest first.
    async fn reports(&self, slug: &str) -> Result<Vec<StoredReport>>;

    /// Logs a meeting of one of the plan's mechanisms.
    async fn add_occurrence(&self, slug: &str, occurrence: &Occurrence, actor: &str)
    -> Result<i64>;

    /// A plan's meeting records, oldest first.
    async fn occurrences(&self, slug: &str) -> Result<Vec<StoredOccurrence>>;

    /// Records one party's assessment of an action.
    async fn add_assessment(&self, slug: &str, assessment: &Assessment, actor: &str)
    -> Result<i64>;

    /// Records the result both parties agreed for an action.
    async fn add_agreed(&self, slug: &str, agreed: &Agreed, actor: &str) -> Result<i64>;

    /// An evaluation's assessments and agreed results, oldest first.
    async fn evaluation(
        &self,
        slug: &str,
        evaluation: &str,
    ) -> Result<(Vec<Assessment>, Vec<Agreed>)>;

    /// Proposes a change set against the current version.
    async fn propose_revision(
        &self,
        slug: &str,
        changes: &ChangeSet,
        actor: &str,
    ) -> Result<RevisionInfo>;

    /// Records one party's approval; the last approval makes the new version.
    async fn approve_revision(&self, id: i64, party: &str, actor: &str) -> Result<RevisionInfo>;

    /// One revision.
    async fn revision(&self, id: i64) -> Result<RevisionInfo>;

    /// Adds a user with a role, scoped to a party and organisation. The
    /// first user may be added by anyone; after that a coordinator of the
    /// new user's party, or any coordinator while that party has none.
    async fn add_user(&self, user: &User, actor: &str) -> Result<i64>;

    /// Every user.
    async fn users(&self) -> Result<Vec<User>>;

    /// The audit log, oldest first.
    async fn audit(&self) -> Result<Vec<AuditEntry>>;

    /// Checks the audit chain and every version's content hash.
    async fn verify(&self) -> Result<Verification>;

    /// The whole store as dump lines (a header, then one JSON row per line).
    async fn dump(&self) -> Result<Vec<String>>;

    /// Loads dump lines into this store, which must be empty; migrates first.
    async fn restore(&self, lines: &[String]) -> Result<usize>;

    /// Closes the connections.
    async fn close(&self);

    /// SHA-256 over every row of every table: equal for equal contents, on any backend.
    async fn contents_hash(&self) -> Result<String> {
        Ok(crate::dump::contents_hash(&self.dump().await?))
    }

    /// The plan named, or the only plan when none is named.
    async fn resolve_plan(&self, slug: Option<&str>) -> Result<PlanInfo> {
        if let Some(slug) = slug {
            return self.plan(slug).await;
        }
        let mut plans = self.plans().await?;
        match plans.len() {
            0 => Err(StoreError::NoPlan(
                "(none stored yet; run `jointplan import FILE --save`)".into(),
            )),
            1 => Ok(plans.remove(0)),
            n => Err(StoreError::WhichPlan(n)),
        }
    }
}
