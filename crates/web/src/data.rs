//! Every read of the store, behind one module: when the store's API
//! changes, this file changes and the pages do not.

use std::sync::{Arc, OnceLock};

use jointplan_core::Plan;
use jointplan_core::evaluation::{Agreed, Assessment};
use jointplan_core::life::status::PlanStatus;
use jointplan_core::progress::Report;
use jointplan_core::revision::ChangeSet;
use jointplan_store::{
    AccountInfo, Actor, AuditEntry, LineProgress, PartyContent, PlanInfo, RevisionInfo, SavePlan,
    Session, Store, StoreError, StoredOccurrence, StoredReport, VersionInfo,
};

use jointplan_core::access::PlanScope;

use crate::auth::Viewer;
use crate::error::WebError;

/// The store, as the web reads it.
#[derive(Clone)]
pub struct Data {
    store: Arc<dyn Store>,
}

/// Everything the pages of one plan show, read together.
#[derive(Debug, Clone)]
pub struct PlanData {
    /// The stored plan.
    pub info: PlanInfo,
    /// Where it stands in its life.
    pub status: PlanStatus,
    /// The current version.
    pub version: VersionInfo,
    /// The plan as of the current version.
    pub plan: Plan,
    /// Every version, oldest first, with its plan.
    pub versions: Vec<(VersionInfo, Plan)>,
    /// Progress reports, oldest first.
    pub reports: Vec<StoredReport>,
    /// Meeting records, oldest first.
    pub occurrences: Vec<StoredOccurrence>,
    /// Revisions, oldest first.
    pub revisions: Vec<RevisionInfo>,
    /// Evaluations, in the order they were first assessed.
    pub evaluations: Vec<Evaluation>,
    /// The signed text the plan's spans index, when the server has it.
    pub signed_text: Option<Arc<str>>,
    /// Each party's leads, partners and restrictions.
    pub content: PartyContent,
}

/// What an edit of the plan's content made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// A new version of a draft, by its number.
    Version(i64),
    /// A revision proposal of a plan in force, by its id.
    Proposed(i64),
}

/// One evaluation's records.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// Its name (`mid-term`, `final`).
    pub name: String,
    /// Each party's assessments, oldest first.
    pub assessments: Vec<Assessment>,
    /// The agreed results, oldest first.
    pub agreed: Vec<Agreed>,
}

/// One plan of the portfolio with its roll-up rows.
#[derive(Debug, Clone)]
pub struct PortfolioPlan {
    /// The stored plan.
    pub info: PlanInfo,
    /// Where it stands.
    pub status: PlanStatus,
    /// The current version's plan.
    pub plan: Plan,
    /// Completion per line and party.
    pub progress: Vec<LineProgress>,
}

impl Data {
    /// Reads through this store.
    pub fn new(store: Arc<dyn Store>) -> Data {
        Data { store }
    }

    /// Whether the database answers.
    pub async fn healthy(&self) -> Result<(), WebError> {
        self.store.plans().await?;
        Ok(())
    }

    /// A number that grows with every change to the store: the last audit
    /// record's id (every change appends one). The page cache is valid for
    /// one generation.
    // SEAM(store): one `SELECT max(id)` once the store offers it; reading
    // the log is fine at the reference scale and runs at most once a second.
    pub async fn generation(&self) -> Result<i64, WebError> {
        Ok(self.store.audit().await?.last().map_or(0, |e| e.id))
    }

    /// Every plan the viewer may read, with its roll-up.
    pub async fn portfolio(&self, viewer: &Viewer) -> Result<Vec<PortfolioPlan>, WebError> {
        let progress = self.store.portfolio_progress().await?;
        let mut out = Vec::new();
        for info in self.store.plans().await? {
            let status = status_of(&info);
            if !viewer.may_read(&scope(&info)) {
                continue;
            }
            let plan = self.store.version(&info.slug, None).await?.plan;
            let rows = progress
                .iter()
                .filter(|r| r.plan == info.slug)
                .cloned()
                .collect();
            out.push(PortfolioPlan {
                info,
                status,
                plan,
                progress: rows,
            });
        }
        Ok(out)
    }

    /// One plan and everything its pages show, whoever asks: callers
    /// decide with [`PlanData::scope`] and `Viewer::may_read` what the
    /// viewer sees (`AppState::plan_for` does).
    pub async fn plan(&self, slug: &str) -> Result<PlanData, WebError> {
        let info = self.store.plan(slug).await?;
        let status = status_of(&info);
        let current = self.store.version(slug, None).await?;
        let mut versions = Vec::new();
        for v in self.store.versions(slug).await? {
            let plan = if v.number == current.info.number {
                current.plan.clone()
            } else {
                self.store.version(slug, Some(v.number)).await?.plan
            };
            versions.push((v, plan));
        }
        let audit = self.store.audit().await?;
        let mut revisions = Vec::new();
        for id in revision_ids(&audit, slug) {
            revisions.push(self.store.revision(id).await?);
        }
        let mut evaluations = Vec::new();
        for name in evaluation_names(&audit, slug) {
            let (assessments, agreed) = self.store.evaluation(slug, &name).await?;
            evaluations.push(Evaluation {
                name,
                assessments,
                agreed,
            });
        }
        Ok(PlanData {
            status,
            signed_text: signed_text(&current.plan),
            version: current.info,
            plan: current.plan,
            versions,
            reports: self.store.reports(slug).await?,
            occurrences: self.store.occurrences(slug).await?,
            revisions,
            evaluations,
            content: self.store.party_content(slug).await?,
            info,
        })
    }

    /// The account a live session belongs to.
    pub async fn session(&self, secret: &str) -> Result<AccountInfo, WebError> {
        Ok(self.store.session(secret).await?)
    }

    /// The account a live API token acts for.
    pub async fn token_account(&self, secret: &str) -> Result<AccountInfo, WebError> {
        Ok(self.store.token_account(secret).await?)
    }

    /// Signs in: a new session, or `Unauthenticated` for a wrong name or password.
    pub async fn sign_in(&self, name: &str, password: &str) -> Result<Session, WebError> {
        Ok(self.store.sign_in(name, password).await?)
    }

    /// Ends a session.
    pub async fn sign_out(&self, secret: &str) -> Result<(), WebError> {
        Ok(self.store.sign_out(secret).await?)
    }

    /// Sets the acting account's own password.
    pub async fn set_password(
        &self,
        name: &str,
        password: &str,
        actor: &Actor,
    ) -> Result<(), WebError> {
        Ok(self.store.set_password(name, password, actor).await?)
    }

    /// The stored plans, drafts included: what each viewer may see of
    /// them is decided by the caller with `Viewer::may_read`.
    pub async fn plan_infos(&self) -> Result<Vec<(PlanInfo, PlanStatus)>, WebError> {
        Ok(self
            .store
            .plans()
            .await?
            .into_iter()
            .map(|i| {
                let s = status_of(&i);
                (i, s)
            })
            .collect())
    }

    /// Files one progress report for `actor`; the store asks
    /// `core::access` whether it may, and checks it against the plan.
    pub async fn add_report(
        &self,
        slug: &str,
        report: &Report,
        actor: &Actor,
    ) -> Result<i64, WebError> {
        let ids = self
            .store
            .add_reports(slug, std::slice::from_ref(report), actor)
            .await?;
        ids.first()
            .copied()
            .ok_or_else(|| WebError::Invalid("the store accepted no report".into()))
    }

    /// The current version's number and content hash, read from the store
    /// now (not the page cache), for an edit's `If-Match`.
    pub async fn current_version(&self, slug: &str) -> Result<VersionInfo, WebError> {
        Ok(self.store.version(slug, None).await?.info)
    }

    /// Changes the plan's joint content as `version` stood: a draft by a
    /// new version (refused if another edit came first), a plan in force
    /// by a revision proposal that `party` (the proposer's) approves at
    /// once. The store asks `core::access` on each call.
    pub async fn change_plan(
        &self,
        slug: &str,
        version: &VersionInfo,
        changes: &ChangeSet,
        party: Option<&str>,
        actor: &Actor,
    ) -> Result<Changed, WebError> {
        let info = self.store.plan(slug).await?;
        if info.stage != PlanStatus::Draft {
            let proposed = self.store.propose_revision(slug, changes, actor).await?;
            if let Some(party) = party {
                self.store
                    .approve_revision(proposed.id, party, actor)
                    .await?;
            }
            return Ok(Changed::Proposed(proposed.id));
        }
        let base = self.store.version(slug, Some(version.number)).await?;
        let next = jointplan_core::revision::apply(&base.plan, changes)
            .map_err(|e| WebError::Invalid(e.to_string()))?;
        let made = self
            .store
            .commit_version(slug, version.number, &next, actor)
            .await?;
        Ok(Changed::Version(made.number))
    }

    /// One revision.
    pub async fn revision(&self, id: i64) -> Result<RevisionInfo, WebError> {
        Ok(self.store.revision(id).await?)
    }

    /// Approves revision `id` for `party`; the last party's approval makes
    /// the new version.
    pub async fn approve_revision(
        &self,
        id: i64,
        party: &str,
        actor: &Actor,
    ) -> Result<RevisionInfo, WebError> {
        Ok(self.store.approve_revision(id, party, actor).await?)
    }

    /// The store itself, for the writes of forms and the API (every write
    /// takes the viewer's `Actor`, so the store asks `core::access`).
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// On an empty database, saves the built-in reference plan, in force;
    /// returns its slug when it did.
    pub async fn seed_reference(&self) -> Result<Option<String>, WebError> {
        if !self.store.plans().await?.is_empty() {
            return Ok(None);
        }
        let imported = jointplan_import::example::import()?;
        let how = SavePlan {
            // The operator saves the signed reference plan in force.
            actor: Actor::Operator,
            in_force: true,
            predecessor: None,
        };
        self.store.save_plan(&imported.plan, &how).await?;
        Ok(Some(imported.plan.slug))
    }
}

impl PlanData {
    /// The plan as the access rules see it: its parties and status.
    pub fn scope(&self) -> PlanScope {
        scope(&self.info)
    }

    /// The plan as someone who may not see restricted actions reads it:
    /// those actions, and their reports, left out.
    pub fn without_restricted(&self) -> PlanData {
        let hidden = |code: &str| self.content.is_restricted(code);
        let mut out = self.clone();
        for line in &mut out.plan.lines {
            for track in &mut line.tracks {
                track.actions.retain(|a| !hidden(&a.code));
            }
        }
        out.reports.retain(|r| !hidden(&r.report.action));
        out
    }
}

/// A stored plan as the access rules see it: by its stage, which closes
/// only once a successor is in force (the store judges writes the same way).
pub fn scope(info: &PlanInfo) -> PlanScope {
    PlanScope {
        parties: info.party_codes(),
        status: info.stage,
    }
}

/// A stored plan's stage.
fn status_of(info: &PlanInfo) -> PlanStatus {
    PlanStatus::parse(&info.status).unwrap_or(PlanStatus::Draft)
}

/// The ids of a plan's revisions, from the audit log (the store lists no
/// revisions by plan).
fn revision_ids(audit: &[AuditEntry], slug: &str) -> Vec<i64> {
    audit
        .iter()
        .filter(|e| e.action == "revision.propose" && detail_plan(e).as_deref() == Some(slug))
        .filter_map(|e| e.entity_id.parse().ok())
        .collect()
}

/// The names of a plan's evaluations, in the order first assessed.
fn evaluation_names(audit: &[AuditEntry], slug: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for e in audit {
        if !e.action.starts_with("evaluation.") || detail_plan(e).as_deref() != Some(slug) {
            continue;
        }
        if let Some(name) = detail_field(e, "evaluation").filter(|n| !names.contains(n)) {
            names.push(name);
        }
    }
    names
}

/// The `plan` an audit record's detail names.
fn detail_plan(e: &AuditEntry) -> Option<String> {
    detail_field(e, "plan")
}

/// A string field of an audit record's JSON detail.
fn detail_field(e: &AuditEntry, field: &str) -> Option<String> {
    let detail: serde_json::Value = serde_json::from_str(&e.detail).ok()?;
    detail.get(field)?.as_str().map(str::to_owned)
}

/// The text the plan's spans index, when the server has it: the store
/// keeps only the source's name and digest, so only the built-in
/// reference plan's text is known.
// SEAM(store): read the stored signed document once the store keeps it.
fn signed_text(plan: &Plan) -> Option<Arc<str>> {
    static REFERENCE: OnceLock<Option<(String, Arc<str>)>> = OnceLock::new();
    let reference = REFERENCE.get_or_init(|| {
        let imported = jointplan_import::example::import().ok()?;
        let sha = imported.plan.source.as_ref()?.sha256.clone();
        Some((sha, Arc::from(imported.source)))
    });
    let (sha, text) = reference.as_ref()?;
    (plan.source.as_ref()?.sha256 == *sha).then(|| text.clone())
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> WebError {
        match e {
            StoreError::NotFound(_) => WebError::NotFound,
            StoreError::Refused(r) => WebError::Refused(r),
            StoreError::NotAuthenticated(_) => WebError::Unauthenticated,
            StoreError::Conflict(c) => WebError::Conflict(c.to_string()),
            StoreError::Invalid(text) => WebError::Invalid(text),
            other => WebError::Store(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(action: &str, entity_id: &str, detail: &str) -> AuditEntry {
        AuditEntry {
            id: 1,
            at: String::new(),
            actor: "t".into(),
            action: action.into(),
            entity: String::new(),
            entity_id: entity_id.into(),
            detail: detail.into(),
            prev_hash: String::new(),
            hash: String::new(),
        }
    }

    #[test]
    fn revisions_and_evaluations_are_found_per_plan() {
        let audit = vec![
            entry("revision.propose", "4", r#"{"plan":"a","base_version":1}"#),
            entry("revision.propose", "5", r#"{"plan":"b","base_version":1}"#),
            entry(
                "evaluation.assess",
                "1",
                r#"{"plan":"a","evaluation":"mid-term"}"#,
            ),
            entry(
                "evaluation.agree",
                "2",
                r#"{"plan":"a","evaluation":"mid-term"}"#,
            ),
            entry(
                "evaluation.assess",
                "3",
                r#"{"plan":"a","evaluation":"final"}"#,
            ),
        ];
        assert_eq!(revision_ids(&audit, "a"), vec![4]);
        assert_eq!(evaluation_names(&audit, "a"), vec!["mid-term", "final"]);
        assert!(evaluation_names(&audit, "b").is_empty());
    }
}
