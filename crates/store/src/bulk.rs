//! Checking progress reports, one at a time or in bulk: the rows a caller
//! hands in, what the store knows of a plan to check them (its actions,
//! organisations and each party's leads), and the rows as the store writes
//! them. The checks are pure and `Send`, so a bulk load checks the next
//! batch on another thread while the current one is written.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jointplan_core::access::{self, Act, Engagement, PlanScope, Principal};
use jointplan_core::progress::{Report, ReportError};

use crate::error::StoreError;

pub(crate) use crate::bulk_sql::*;

/// One row of a bulk load, as the caller read it.
#[derive(Debug, Clone)]
pub struct BulkRow {
    /// Where the row came from (a CSV line number), for error messages.
    pub line: u64,
    /// The plan's slug.
    pub plan: String,
    /// The report, or why the caller could not read one from the row.
    pub report: Result<Report, String>,
}

/// What a bulk load did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BulkOutcome {
    /// Reports stored (0 when an atomic load was rolled back).
    pub imported: usize,
    /// Rows refused.
    pub rejected: usize,
    /// Transactions committed (one audit record each).
    pub batches: usize,
}

/// A report ready to insert: validated, with its id and normalised party.
#[derive(Debug, Clone)]
pub(crate) struct NewReport {
    pub id: i64,
    pub plan_id: i64,
    pub action: String,
    /// The action's line in the plan's current version.
    pub line: i64,
    pub party: String,
    pub organisation: Option<String>,
    pub date: String,
    pub status: &'static str,
    pub level: &'static str,
    pub narrative: String,
    /// The evidence links as a JSON array.
    pub evidence: String,
}

impl NewReport {
    /// The stored form of `report` for plan `plan_id`, as [`PlanCheck::check`] placed it.
    pub fn new(id: i64, plan_id: i64, placed: Placed, report: Report) -> NewReport {
        NewReport {
            id,
            plan_id,
            party: placed.party,
            line: placed.line,
            organisation: placed.organisation,
            evidence: if report.evidence.is_empty() {
                "[]".into()
            } else {
                serde_json::to_string(&report.evidence).unwrap_or_else(|_| "[]".into())
            },
            action: report.action,
            date: report.date,
            status: report.status.as_str(),
            level: report.level.as_str(),
            narrative: report.narrative,
        }
    }
}

/// An organisation of a plan's register: its id and the names it goes by.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct RegisterEntry {
    pub org_id: String,
    /// Comma-separated acronyms.
    pub acronyms: String,
}

/// A party's lead and partners of an action.
#[derive(Debug, Clone, Default)]
pub(crate) struct Leads {
    pub lead: Option<String>,
    pub partners: Vec<String>,
}

/// What the store needs to know about a plan to check a report, read from
/// the normalized tables so no version is parsed.
#[derive(Debug, Clone)]
pub(crate) struct PlanCheck {
    pub id: i64,
    /// The plan's current version when this was read: a write checks it
    /// is still current.
    pub version: i64,
    pub parties: Vec<String>,
    /// Parties and stage, for `core::access`.
    pub scope: PlanScope,
    /// Action code → line number, in the current version.
    pub actions: HashMap<String, i64>,
    /// The register of organisations of the current version.
    pub register: Vec<RegisterEntry>,
    /// Action → each party's current lead and partners (keyed by action
    /// alone, so a row's lookup borrows its strings instead of copying them).
    pub leads: HashMap<String, Vec<(String, Leads)>>,
}

/// Where a checked report belongs in its plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placed {
    /// The reporting party's code as the plan spells it.
    pub party: String,
    /// The line of the action reported on.
    pub line: i64,
    /// The report's organisation as the register names it.
    pub organisation: Option<String>,
}

impl PlanCheck {
    /// The plan's code for `party`, however the reporter cased it.
    pub fn party(&self, party: &str) -> Option<&String> {
        self.parties.iter().find(|p| p.eq_ignore_ascii_case(party))
    }

    /// The register's id of an organisation named by id or acronym, any case.
    pub fn organisation(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        self.register
            .iter()
            .find(|o| {
                o.org_id.eq_ignore_ascii_case(name)
                    || o.acronyms.split(',').any(|a| a.eq_ignore_ascii_case(name))
            })
            .map(|o| o.org_id.as_str())
    }

    /// Checks `report` as [`Report::validate`] would against the plan, that
    /// its organisation is one of the plan's, and that `who` may report it.
    pub fn check(&self, report: &Report, who: &Principal) -> Result<Placed, StoreError> {
        report.validate_against(|code| self.actions.contains_key(code), &self.parties)?;
        // validate_against found the party and the action, so these find them.
        let party = self.party(&report.party).cloned().unwrap_or_default();
        let line = self
            .actions
            .get(&report.action)
            .copied()
            .unwrap_or_default();
        let organisation = match report.organisation.as_deref() {
            Some(name) => Some(self.organisation(name).map(str::to_string).ok_or_else(|| {
                StoreError::Invalid(format!("{name:?} is not one of the plan's organisations"))
            })?),
            None => None,
        };
        let leads = self
            .leads
            .get(&report.action)
            .and_then(|by_party| by_party.iter().find(|(p, _)| *p == party))
            .map(|(_, l)| l);
        let engagement = Engagement {
            lead: leads.and_then(|l| l.lead.as_deref()),
            partners: leads.map_or(&[], |l| l.partners.as_slice()),
        };
        let who = self.in_register(who);
        let act = Act::ReportProgress {
            party: &party,
            organisation: organisation.as_deref(),
            engagement,
        };
        access::check(&who, &act, Some(&self.scope))?;
        Ok(Placed {
            party,
            line,
            organisation,
        })
    }

    /// `who` with its organisation named as this plan's register names it
    /// (an account may give an acronym where the register has an id).
    fn in_register<'a>(&self, who: &'a Principal) -> std::borrow::Cow<'a, Principal> {
        let Principal::Account(a) = who else {
            return std::borrow::Cow::Borrowed(who);
        };
        match a.organisation.as_deref().and_then(|o| self.organisation(o)) {
            Some(id) if Some(id) != a.organisation.as_deref() => {
                let mut a = a.clone();
                a.organisation = Some(id.to_string());
                std::borrow::Cow::Owned(Principal::Account(a))
            }
            _ => std::borrow::Cow::Borrowed(who),
        }
    }
}

/// Plans by slug as a bulk load has read them (`None`: no such plan).
pub(crate) type PlanChecks = HashMap<String, Option<Arc<PlanCheck>>>;

/// A batch of a bulk load after checking: the reports to store (ids not
/// yet assigned) with their CSV lines, and the refused rows.
#[derive(Debug, Default)]
pub(crate) struct CheckedBatch {
    pub good: Vec<NewReport>,
    /// The CSV line of each of `good`.
    pub lines: Vec<u64>,
    pub refused: Vec<(u64, String)>,
    /// The plans `good` reports on, by slug: (id, the version checked against).
    pub plans: BTreeMap<String, (i64, i64)>,
}

/// Checks a batch against the plans it names (all of which `plans` must
/// hold), for `who`.
pub(crate) fn check_batch(
    batch: Vec<BulkRow>,
    plans: &PlanChecks,
    who: &Principal,
) -> CheckedBatch {
    let mut out = CheckedBatch {
        good: Vec::with_capacity(batch.len()),
        lines: Vec::with_capacity(batch.len()),
        ..CheckedBatch::default()
    };
    for row in batch {
        let report = match row.report {
            Ok(r) => r,
            Err(why) => {
                out.refused.push((row.line, why));
                continue;
            }
        };
        let Some(Some(check)) = plans.get(&row.plan) else {
            out.refused
                .push((row.line, StoreError::no_plan(&row.plan).to_string()));
            continue;
        };
        match check.check(&report, who) {
            Ok(placed) => {
                out.good.push(NewReport::new(0, check.id, placed, report));
                out.lines.push(row.line);
                out.plans
                    .entry(row.plan)
                    .or_insert((check.id, check.version));
            }
            Err(e) => out.refused.push((row.line, e.to_string())),
        }
    }
    out
}

impl CheckedBatch {
    /// Re-checks the reports on plan `plan_id` against its newer version
    /// `fresh` (a revision committed since the check): reports on actions
    /// it dropped are refused, the rest take the action's line in it.
    pub fn recheck(&mut self, plan_id: i64, fresh: &PlanCheck) {
        let good = std::mem::take(&mut self.good);
        let lines = std::mem::take(&mut self.lines);
        for (mut r, line) in good.into_iter().zip(lines) {
            if r.plan_id == plan_id {
                match fresh.actions.get(&r.action) {
                    Some(&l) => r.line = l,
                    None => {
                        let e = ReportError::UnknownAction(r.action);
                        self.refused.push((line, e.to_string()));
                        continue;
                    }
                }
            }
            self.good.push(r);
            self.lines.push(line);
        }
        self.refused.sort_by_key(|(line, _)| *line);
    }
}
