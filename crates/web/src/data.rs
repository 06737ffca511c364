//! Every read of the store, behind one module: when the store's API
//! changes, this file changes and the pages do not.

use std::sync::Arc;

use jointplan_core::Plan;
use jointplan_core::evaluation::{Agreed, Assessment};
use jointplan_core::life::status::PlanStatus;
use jointplan_core::progress::Report;
use jointplan_core::revision::ChangeSet;
use jointplan_store::{
    AccountInfo, Actor, Adoption, AuditEntry, Lead, LineProgress, Occurrence, PartyContent,
    PlanInfo, RevisionInfo, SavePlan, Session, Store, StoreError, StoredOccurrence, StoredReport,
    VersionInfo,
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
    /// Each party's approvals of the plan's content, oldest first.
    pub adoptions: Vec<Adoption>,
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

/// A page of a long list: its number (from 1) and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// The page's number, from 1.
    pub number: usize,
    /// How many entries a page holds.
    pub size: usize,
}

impl Page {
    /// How many entries come before this page.
    pub fn skip(self) -> usize {
        self.number.saturating_sub(1).saturating_mul(self.size)
    }

    /// How many pages `total` entries fill (at least one).
    pub fn count(self, total: usize) -> usize {
        total.div_ceil(self.size.max(1)).max(1)
    }
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
    pub async fn generation(&self) -> Result<i64, WebError> {
        Ok(self.store.generation().await?)
    }

    /// One page of the plans the viewer may read, with their roll-ups,
    /// and how many plans there are in all. Only the page's plans are
    /// loaded whole, so a large portfolio costs one page's memory.
    pub async fn portfolio(
        &self,
        viewer: &Viewer,
        page: Page,
    ) -> Result<(Vec<PortfolioPlan>, usize), WebError> {
        let progress = self.store.portfolio_progress().await?;
        let readable: Vec<PlanInfo> = self
            .store
            .plans()
            .await?
            .into_iter()
            .filter(|info| viewer.may_read(&scope(info)))
            .collect();
        let total = readable.len();
        let mut out = Vec::new();
        for info in readable.into_iter().skip(page.skip()).take(page.size) {
            let status = status_of(&info);
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
        Ok((out, total))
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
        let evaluations = self
            .store
            .evaluations(slug)
            .await?
            .into_iter()
            .map(|e| Evaluation {
                agreed: e.standing(),
                name: e.name,
                assessments: e.assessments,
            })
            .collect();
        let signed_text = self
            .store
            .source_text(slug)
            .await?
            .map(|s| Arc::from(s.text));
        Ok(PlanData {
            status,
            signed_text,
            version: current.info,
            plan: current.plan,
            versions,
            reports: self.store.reports(slug).await?,
            occurrences: self.store.occurrences(slug).await?,
            revisions: self.store.revisions(slug).await?,
            evaluations,
            content: self.store.party_content(slug).await?,
            adoptions: self.store.adoptions(slug).await?,
            info,
        })
    }

    /// One stored plan's row.
    pub async fn plan_info(&self, slug: &str) -> Result<PlanInfo, WebError> {
        Ok(self.store.plan(slug).await?)
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

    /// Sets `party`'s lead and partners of action `code`; the store asks
    /// `core::access` whether the actor may.
    pub async fn set_leads(
        &self,
        slug: &str,
        code: &str,
        party: &str,
        lead: Option<&str>,
        partners: &[String],
        actor: &Actor,
    ) -> Result<Lead, WebError> {
        Ok(self
            .store
            .set_leads(slug, code, party, lead, partners, actor)
            .await?)
    }

    /// Restricts action `code` for `party`, or lifts that party's restriction.
    pub async fn restrict(
        &self,
        slug: &str,
        code: &str,
        party: &str,
        restricted: bool,
        actor: &Actor,
    ) -> Result<(), WebError> {
        Ok(self
            .store
            .restrict(slug, code, party, restricted, actor)
            .await?)
    }

    /// Logs a meeting of one of the plan's mechanisms; returns its id.
    pub async fn add_occurrence(
        &self,
        slug: &str,
        occurrence: &Occurrence,
        actor: &Actor,
    ) -> Result<i64, WebError> {
        Ok(self.store.add_occurrence(slug, occurrence, actor).await?)
    }

    /// The acting coordinator's party approves the draft's current content.
    pub async fn adopt(&self, slug: &str, actor: &Actor) -> Result<PlanInfo, WebError> {
        Ok(self.store.adopt_plan(slug, actor).await?)
    }

    /// The audit records about plan `slug`, newest first, at most `limit`.
    pub async fn plan_audit(&self, slug: &str, limit: u32) -> Result<Vec<AuditEntry>, WebError> {
        Ok(self.store.plan_audit(slug, limit).await?)
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
        // With its signed text, so the lint findings show the text around each.
        self.store
            .save_imported(&imported.plan, &imported.source, &how)
            .await?;
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
