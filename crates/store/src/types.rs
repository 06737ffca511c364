//! What the store hands back: stored records with their ids and provenance.

use jointplan_core::Plan;
use jointplan_core::life::status::PlanStatus;
use jointplan_core::progress::Report;
use jointplan_core::revision::ChangeSet;
use serde::{Deserialize, Serialize};

use crate::authority::Actor;

/// Which database a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded, one file.
    Sqlite,
    /// Shared server.
    Postgres,
}

/// A stored plan: its identity, current version and stage in its life.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanInfo {
    /// Store id.
    pub id: i64,
    /// The plan's slug.
    pub slug: String,
    /// Title of the current version.
    pub title: String,
    /// Party codes, comma-separated (`DK,KR`).
    pub parties: String,
    /// Name of the partnership, when the plan states it.
    pub partnership: Option<String>,
    /// `draft`, `in_force` or `closed` ([`PlanStatus::as_str`]): closed is
    /// derived from the period and the successors.
    pub status: String,
    /// Slug of the plan this one follows.
    pub predecessor: Option<String>,
    /// The current version number, from 1.
    pub current_version: i64,
    /// When it was first saved.
    pub created_at: String,
    /// The first year of the plan's period, as its current version states it.
    pub first_year: Option<i64>,
    /// The last year of the plan's period.
    pub last_year: Option<i64>,
    /// When it was signed: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub signed_on: Option<String>,
    /// The stage `core::access` judges acts by: closed only once a
    /// successor is in force, so that the parties can still extend a plan
    /// past its period by a revision. `status` also closes it by date.
    pub stage: PlanStatus,
}

impl PlanInfo {
    /// The plan's stage as shown (closed after its period too).
    pub fn plan_status(&self) -> PlanStatus {
        PlanStatus::parse(&self.status).unwrap_or(PlanStatus::Draft)
    }

    /// The party codes.
    pub fn party_codes(&self) -> Vec<String> {
        split_parties(&self.parties).map(str::to_string).collect()
    }
}

/// The codes in a stored `parties` column (`DK,KR`).
pub(crate) fn split_parties(parties: &str) -> impl Iterator<Item = &str> {
    parties.split(',').filter(|p| !p.is_empty())
}

/// A version's identity: which plan, which number, which content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct VersionInfo {
    /// Store id.
    pub id: i64,
    /// Version number, from 1.
    pub number: i64,
    /// [`jointplan_core::canonical::content_hash`] of the version.
    pub content_hash: String,
    /// The revision that made it, if any.
    pub revision_id: Option<i64>,
    /// When it was stored.
    pub created_at: String,
    /// Who stored it.
    pub created_by: String,
}

/// A version with its plan.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredVersion {
    /// The version's identity.
    pub info: VersionInfo,
    /// The plan as of this version.
    pub plan: Plan,
}

/// How to save a new plan.
#[derive(Debug, Clone, Default)]
pub struct SavePlan {
    /// Who saves it.
    pub actor: Actor,
    /// Saved in force rather than as a draft: only the operator, for a
    /// plan already signed (the built-in example).
    pub in_force: bool,
    /// Slug of the plan this one follows (2025-2028 follows 2021-2024).
    pub predecessor: Option<String>,
}

/// A stored progress report.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredReport {
    /// Store id (recording order).
    pub id: i64,
    /// The report.
    pub report: Report,
    /// When it was recorded.
    pub recorded_at: String,
    /// Who recorded it.
    pub recorded_by: String,
}

/// Where a mechanism's meeting stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OccurrenceStatus {
    /// Scheduled.
    Planned,
    /// Took place.
    Held,
    /// Moved to a later date.
    Postponed,
    /// Will not take place.
    Cancelled,
}

impl OccurrenceStatus {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            OccurrenceStatus::Planned => "planned",
            OccurrenceStatus::Held => "held",
            OccurrenceStatus::Postponed => "postponed",
            OccurrenceStatus::Cancelled => "cancelled",
        }
    }

    /// Reads the snake_case name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Planned, Self::Held, Self::Postponed, Self::Cancelled]
            .into_iter()
            .find(|v| v.as_str() == s.trim().to_lowercase())
    }
}

/// One meeting of a mechanism, as logged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occurrence {
    /// The mechanism's id in the plan.
    pub mechanism: String,
    /// Planned, held, postponed or cancelled.
    pub status: OccurrenceStatus,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Where.
    pub place: Option<String>,
    /// The hosting party's code.
    pub host_party: Option<String>,
    /// Who took part.
    pub participants: Vec<String>,
    /// What came out of it.
    pub outcomes: String,
    /// Codes of the actions it advanced.
    pub actions: Vec<String>,
    /// The earlier record this one updates (a postponed meeting held later).
    pub supersedes: Option<i64>,
}

/// A stored meeting record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredOccurrence {
    /// Store id.
    pub id: i64,
    /// The record.
    pub occurrence: Occurrence,
    /// When it was recorded.
    pub recorded_at: String,
    /// Who recorded it.
    pub recorded_by: String,
}

/// A measured value of one of a plan's targets (an indicator), as of a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetValue {
    /// The target's number in the plan's current version, from 1 (as
    /// `jointplan target list` shows it).
    pub target: usize,
    /// The date the value speaks for, `YYYY-MM-DD`.
    pub date: String,
    /// The value, in the target's unit.
    pub value: f64,
    /// Source or remark.
    pub note: String,
}

/// A recorded target value.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct StoredTargetValue {
    /// Store id.
    pub id: i64,
    /// The target's measure, as the plan words it: what ties values to a
    /// target across versions.
    pub measure: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The value.
    pub value: f64,
    /// Source or remark.
    pub note: String,
    /// When it was recorded.
    pub recorded_at: String,
    /// Who recorded it.
    pub recorded_by: String,
}

/// A revision and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct RevisionInfo {
    /// Store id.
    pub id: i64,
    /// The plan's slug.
    pub plan: String,
    /// The version it changes.
    pub base_version: i64,
    /// The changes.
    pub changes: ChangeSet,
    /// Content hash of the version it would make; approvals sign this.
    pub result_hash: String,
    /// When and by whom it was proposed.
    pub proposed_at: String,
    /// Who proposed it.
    pub proposed_by: String,
    /// Parties that approved, with who approved.
    pub approvals: Vec<(String, String)>,
    /// Parties still to approve.
    pub pending: Vec<String>,
    /// The version it made, once every party approved.
    pub applied_as: Option<i64>,
    /// Pending, applied, or superseded by another version.
    pub status: RevisionStatus,
    /// The proposer's party; none when the operator proposed it.
    pub proposer_party: Option<String>,
}

/// Where a revision stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RevisionStatus {
    /// Waiting for a party's approval, against the current version.
    Pending,
    /// Every party approved: it made a new version.
    Applied,
    /// Never applied, and the plan has moved past the version it changes,
    /// so it can no longer take effect.
    Superseded,
}

impl RevisionStatus {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionStatus::Pending => "pending",
            RevisionStatus::Applied => "applied",
            RevisionStatus::Superseded => "superseded",
        }
    }
}

/// One evaluation of a plan (`mid-term`, `final`) with all its records.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEvaluation {
    /// Its name.
    pub name: String,
    /// Each party's assessment of each action, oldest first.
    pub assessments: Vec<jointplan_core::evaluation::Assessment>,
    /// The agreed results with their confirmations, standing or not, oldest first.
    pub agreed: Vec<StoredAgreed>,
}

impl StoredEvaluation {
    /// The agreed results that stand (every party confirmed them).
    pub fn standing(&self) -> Vec<jointplan_core::evaluation::Agreed> {
        self.agreed
            .iter()
            .filter(|a| a.stands)
            .map(|a| a.agreed.clone())
            .collect()
    }
}

/// The text a plan version was imported from: what its lint spans index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct SourceText {
    /// The file's name, without directories.
    pub name: String,
    /// The format it was read as (`text`, `markdown`, `html`, `docx`).
    pub format: String,
    /// SHA-256 of the file's bytes, as the plan's `source` states it.
    pub sha256: String,
    /// The text itself.
    pub text: String,
}

/// An agreed evaluation result and the parties that confirmed it; it
/// stands once every party has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredAgreed {
    /// Store id.
    pub id: i64,
    /// The result.
    pub agreed: jointplan_core::evaluation::Agreed,
    /// The parties that confirmed it, with who confirmed.
    pub confirmations: Vec<(String, String)>,
    /// Whether every party confirmed.
    pub stands: bool,
}

/// One audit record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AuditEntry {
    /// Position in the chain, from 1.
    pub id: i64,
    /// When.
    pub at: String,
    /// Who.
    pub actor: String,
    /// What (`plan.save`, `progress.report`, …).
    pub action: String,
    /// Which kind of record.
    pub entity: String,
    /// Which record.
    pub entity_id: String,
    /// Details as JSON.
    pub detail: String,
    /// The previous record's hash.
    pub prev_hash: String,
    /// This record's hash.
    pub hash: String,
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verification {
    /// Audit records checked.
    pub audit_records: usize,
    /// Plan versions checked.
    pub versions: usize,
    /// The first problem, naming its record; none when all is intact.
    pub problem: Option<String>,
}

/// One line's completion for one party of one plan: a row of the portfolio roll-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineProgress {
    /// The plan's slug.
    pub plan: String,
    /// The party.
    pub party: String,
    /// The line's number.
    pub line: i64,
    /// Completion over the line's actions (unreported count as not started).
    pub score: jointplan_core::rollup::Score,
}
