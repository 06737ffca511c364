//! The storage API, split by concern; [`Store`] is their sum, so a
//! `Box<dyn Store>` offers every method. Every write takes the [`Actor`],
//! asks `core::access` inside its transaction, and appends a record to the
//! hash-chained audit log in that same transaction.

use async_trait::async_trait;
use jointplan_core::Plan;
use jointplan_core::evaluation::{Agreed, Assessment};
use jointplan_core::progress::Report;
use jointplan_core::revision::ChangeSet;

use crate::authority::{Actor, Adoption};
use crate::bulk::{BulkOutcome, BulkRow};
use crate::error::{Missing, Result, StoreError};
use crate::types::*;

pub use crate::api_people::{AccountStore, PartyStore};

/// Plans, their versions and their life (draft, in force, closed).
#[async_trait]
pub trait PlanStore: Send + Sync {
    /// Saves a new plan as version 1 (a draft unless `how.in_force`).
    async fn save_plan(&self, plan: &Plan, how: &SavePlan) -> Result<VersionInfo>;

    /// Saves a new plan as [`PlanStore::save_plan`] does, with the text it
    /// was imported from (what its spans index), described by the plan's
    /// `source`; refused as invalid when the plan names no source.
    async fn save_imported(&self, plan: &Plan, text: &str, how: &SavePlan) -> Result<VersionInfo>;

    /// The text the plan's current version was imported from (or revised
    /// from), when it was saved with one.
    async fn source_text(&self, slug: &str) -> Result<Option<SourceText>>;

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

    /// Stores `plan` as the next version of a draft, if the current version
    /// is still `expected`; otherwise fails with [`crate::Clash::VersionMoved`].
    async fn commit_version(
        &self,
        slug: &str,
        expected: i64,
        plan: &Plan,
        actor: &Actor,
    ) -> Result<VersionInfo>;

    /// The acting coordinator's party approves the plan's current content;
    /// the plan comes into force when every party approved the same hash.
    async fn adopt_plan(&self, slug: &str, actor: &Actor) -> Result<PlanInfo>;

    /// Every approval of a plan's content, oldest first.
    async fn adoptions(&self, slug: &str) -> Result<Vec<Adoption>>;

    /// The plan named, or the only plan when none is named.
    async fn resolve_plan(&self, slug: Option<&str>) -> Result<PlanInfo> {
        if let Some(slug) = slug {
            return self.plan(slug).await;
        }
        let mut plans = self.plans().await?;
        match plans.len() {
            0 => Err(StoreError::NotFound(Missing::NoPlans)),
            1 => Ok(plans.remove(0)),
            n => Err(StoreError::WhichPlan(n)),
        }
    }
}

/// Progress reports, their bulk load and roll-up, and target values.
#[async_trait]
pub trait ProgressStore: Send + Sync {
    /// Appends progress reports in one transaction; returns their ids.
    async fn add_reports(&self, slug: &str, reports: &[Report], actor: &Actor) -> Result<Vec<i64>>;

    /// Bulk-loads progress reports, for any plans, as `batches` yields them.
    /// Each row is checked as [`ProgressStore::add_reports`] checks it (the
    /// actor's authority included); a refused row goes to `rejected` with
    /// its line and reason, and the good rows are kept. Each committed batch
    /// gets one audit record. Not `atomic`: one transaction per batch;
    /// `atomic`: one transaction for all, rolled back if any row is refused.
    async fn import_reports(
        &self,
        batches: &mut (dyn Iterator<Item = Vec<BulkRow>> + Send),
        atomic: bool,
        actor: &Actor,
        rejected: &mut (dyn for<'r> FnMut(u64, &'r str) + Send),
    ) -> Result<BulkOutcome>;

    /// Completion per line and party for every plan's current version.
    async fn portfolio_progress(&self) -> Result<Vec<LineProgress>>;

    /// A plan's progress reports, oldest first.
    async fn reports(&self, slug: &str) -> Result<Vec<StoredReport>>;

    /// Records a measured value of one of a plan's targets; returns its id.
    async fn add_target_value(&self, slug: &str, value: &TargetValue, actor: &Actor)
    -> Result<i64>;

    /// A plan's recorded target values, oldest record first.
    async fn target_values(&self, slug: &str) -> Result<Vec<StoredTargetValue>>;
}

/// Meetings of the plan's mechanisms.
#[async_trait]
pub trait MeetingStore: Send + Sync {
    /// Logs a meeting of one of the plan's mechanisms.
    async fn add_occurrence(
        &self,
        slug: &str,
        occurrence: &Occurrence,
        actor: &Actor,
    ) -> Result<i64>;

    /// A plan's meeting records, oldest first.
    async fn occurrences(&self, slug: &str) -> Result<Vec<StoredOccurrence>>;
}

/// Evaluations: each party's assessments, and results both agree.
#[async_trait]
pub trait EvaluationStore: Send + Sync {
    /// Records one party's assessment of an action.
    async fn add_assessment(
        &self,
        slug: &str,
        assessment: &Assessment,
        actor: &Actor,
    ) -> Result<i64>;

    /// The acting coordinator's party confirms an agreed result: the same
    /// result pending the other party's confirmation gets this one, else a
    /// new result is recorded. Returns the result's id.
    async fn add_agreed(&self, slug: &str, agreed: &Agreed, actor: &Actor) -> Result<i64>;

    /// The acting coordinator's party confirms agreed result `id`.
    async fn confirm_agreed(&self, id: i64, actor: &Actor) -> Result<StoredAgreed>;

    /// An evaluation's assessments and the agreed results that stand
    /// (confirmed by every party), oldest first.
    async fn evaluation(
        &self,
        slug: &str,
        evaluation: &str,
    ) -> Result<(Vec<Assessment>, Vec<Agreed>)>;

    /// An evaluation's agreed results with their confirmations, standing or not.
    async fn agreed_results(&self, slug: &str, evaluation: &str) -> Result<Vec<StoredAgreed>>;

    /// Every evaluation of a plan with its assessments and agreed results,
    /// in the order they were first recorded.
    async fn evaluations(&self, slug: &str) -> Result<Vec<StoredEvaluation>>;
}

/// Revisions of a plan in force, approved by every party.
#[async_trait]
pub trait RevisionStore: Send + Sync {
    /// Proposes a change set against the current version.
    async fn propose_revision(
        &self,
        slug: &str,
        changes: &ChangeSet,
        actor: &Actor,
    ) -> Result<RevisionInfo>;

    /// Records one party's approval; the last approval makes the new version.
    async fn approve_revision(&self, id: i64, party: &str, actor: &Actor) -> Result<RevisionInfo>;

    /// One revision.
    async fn revision(&self, id: i64) -> Result<RevisionInfo>;

    /// A plan's revisions, oldest first.
    async fn revisions(&self, slug: &str) -> Result<Vec<RevisionInfo>>;
}

/// The store itself: its backend, schema, audit log, backup and restore.
#[async_trait]
pub trait AdminStore: Send + Sync {
    /// Which database this is.
    fn backend(&self) -> Backend;

    /// Applies this backend's migrations.
    async fn migrate(&self) -> Result<()>;

    /// The audit log, oldest first.
    async fn audit(&self) -> Result<Vec<AuditEntry>>;

    /// The audit records about one plan (its versions, life, reports,
    /// meetings, evaluations, revisions, leads and restrictions, and bulk
    /// loads that touched it), newest first, at most `limit`.
    async fn plan_audit(&self, slug: &str, limit: u32) -> Result<Vec<AuditEntry>>;

    /// A number that changes with every write: the last audit record's id
    /// (every write appends one), 0 for an empty store.
    async fn generation(&self) -> Result<i64>;

    /// Checks the audit chain, every version's content hash, the derived
    /// tables and the records of authority.
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
}

/// Persistence for plans and their life, on any backend: every concern's trait.
pub trait Store:
    PlanStore
    + ProgressStore
    + MeetingStore
    + EvaluationStore
    + RevisionStore
    + AccountStore
    + PartyStore
    + AdminStore
{
}

impl<T> Store for T where
    T: PlanStore
        + ProgressStore
        + MeetingStore
        + EvaluationStore
        + RevisionStore
        + AccountStore
        + PartyStore
        + AdminStore
{
}
