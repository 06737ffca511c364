//! Bulk loading of progress reports: the rows a caller hands in, the rows
//! as the store writes them, and the shared SQL that keeps the derived
//! `progress_current` table (the latest report per action and party).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jointplan_core::progress::{Report, ReportError};

use crate::derived::CURRENT_COLUMNS;

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
    /// The stored form of `report` for plan `plan_id`, as [`PlanCheck::check`]
    /// placed it (party code as the plan spells it, the action's line).
    pub fn new(id: i64, plan_id: i64, placed: Placed, report: Report) -> NewReport {
        NewReport {
            id,
            plan_id,
            party: placed.party,
            line: placed.line,
            evidence: if report.evidence.is_empty() {
                "[]".into()
            } else {
                serde_json::to_string(&report.evidence).unwrap_or_else(|_| "[]".into())
            },
            action: report.action,
            organisation: report.organisation,
            date: report.date,
            status: report.status.as_str(),
            level: report.level.as_str(),
            narrative: report.narrative,
        }
    }
}

/// What the store needs to know about a plan to check a report: its id,
/// parties and current action codes with their lines (from the normalized
/// tables, so no version is parsed).
#[derive(Debug, Clone)]
pub(crate) struct PlanCheck {
    pub id: i64,
    /// The plan's current version when this was read: a write checks it
    /// is still current.
    pub version: i64,
    pub parties: Vec<String>,
    /// Action code → line number, in the current version.
    pub actions: HashMap<String, i64>,
}

/// Where a checked report belongs in its plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placed {
    /// The reporting party's code as the plan spells it.
    pub party: String,
    /// The line of the action reported on.
    pub line: i64,
}

impl PlanCheck {
    /// The plan's code for `party`, however the reporter cased it.
    pub fn party(&self, party: &str) -> Option<&String> {
        self.parties.iter().find(|p| p.eq_ignore_ascii_case(party))
    }

    /// Checks `report` as [`Report::validate`] would against the plan.
    pub fn check(&self, report: &Report) -> Result<Placed, ReportError> {
        report.validate_against(|code| self.actions.contains_key(code), &self.parties)?;
        // validate_against found the party and the action, so these find them.
        let party = self.party(&report.party).cloned().unwrap_or_default();
        let line = self
            .actions
            .get(&report.action)
            .copied()
            .unwrap_or_default();
        Ok(Placed { party, line })
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
/// hold). Pure and `Send`, so a load can check the next batch on another
/// thread while the current one is written.
pub(crate) fn check_batch(batch: Vec<BulkRow>, plans: &PlanChecks) -> CheckedBatch {
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
                .push((row.line, format!("no plan {:?} in the store", row.plan)));
            continue;
        };
        match check.check(&report) {
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

/// The latest report per (plan, action, party) among `rows`: the one with
/// the latest date, ties going to the later id, as `core::progress::latest`
/// decides. One upsert row per key, which PostgreSQL requires of a single
/// `ON CONFLICT DO UPDATE` statement.
pub(crate) fn latest_per_key(rows: &[NewReport]) -> Vec<&NewReport> {
    let mut best: HashMap<(i64, &str, &str), &NewReport> = HashMap::new();
    for r in rows {
        let key = (r.plan_id, r.action.as_str(), r.party.as_str());
        match best.get(&key) {
            Some(prev) if (prev.date.as_str(), prev.id) > (r.date.as_str(), r.id) => {}
            _ => {
                best.insert(key, r);
            }
        }
    }
    let mut out: Vec<&NewReport> = best.into_values().collect();
    // A stable order keeps lock order and statement text predictable.
    out.sort_by_key(|r| r.id);
    out
}

/// Rows per upsert statement: 7 parameters each stays far below SQLite's
/// parameter limit.
pub(crate) const UPSERT_CHUNK: usize = 1000;

/// `n` rows of `width` anonymous (`?`) parameters for a multi-row VALUES
/// list: SQLite's parameter-name lookup is a linear scan that sqlx makes
/// per parameter, quadratic in thousands of numbered (`$1`) ones.
pub(crate) fn values_list(n: usize, width: usize) -> String {
    let row = format!("({})", vec!["?"; width].join(", "));
    vec![row; n].join(", ")
}

/// A newer or equally dated report replaces the current one (reports
/// arrive in id order, so a tie goes to the later one).
const CURRENT_ON_CONFLICT: &str = "ON CONFLICT (plan_id, action_code, party) DO UPDATE SET report_id = excluded.report_id, \
     date = excluded.date, level = excluded.level, line_number = excluded.line_number \
     WHERE excluded.date >= progress_current.date";

/// `INSERT … ON CONFLICT` of `n` rows of `progress_current` (SQLite).
pub(crate) fn upsert_current_sql(n: usize) -> String {
    format!(
        "INSERT INTO progress_current ({CURRENT_COLUMNS}) VALUES {} {CURRENT_ON_CONFLICT}",
        values_list(n, 7)
    )
}

/// `INSERT … ON CONFLICT` of `progress_current` rows given as seven arrays
/// (PostgreSQL): one small statement per batch instead of VALUES lists of
/// thousands of parameters, which the server re-plans on every execution.
pub(crate) fn upsert_current_unnest_sql() -> String {
    format!(
        "INSERT INTO progress_current ({CURRENT_COLUMNS}) \
         SELECT * FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::bigint[]) \
         {CURRENT_ON_CONFLICT}"
    )
}

/// `INSERT INTO progress_reports` of `n` rows (SQLite's `?` parameters).
pub(crate) fn insert_reports_sql(n: usize) -> String {
    format!(
        "INSERT INTO progress_reports (id, plan_id, action_code, party, organisation, date, status, level, narrative, evidence, recorded_at, recorded_by) VALUES {}",
        values_list(n, 12)
    )
}

/// The action codes and lines of a plan's current version, from the normalized table.
pub(crate) const CURRENT_ACTIONS: &str = "SELECT a.code, a.line_number FROM plans p \
     JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.current_version \
     JOIN actions a ON a.version_id = v.id WHERE p.id = $1";

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, action: &str, date: &str) -> NewReport {
        NewReport {
            id,
            plan_id: 1,
            action: action.into(),
            line: 1,
            party: "DK".into(),
            organisation: None,
            date: date.into(),
            status: "on_track",
            level: "limited",
            narrative: String::new(),
            evidence: "[]".into(),
        }
    }

    #[test]
    fn latest_by_date_then_id() {
        let rows = [
            row(1, "1.1.1", "2022-05-01"),
            row(2, "1.1.1", "2022-01-01"),
            row(3, "1.1.2", "2022-01-01"),
            row(4, "1.1.2", "2022-01-01"),
        ];
        let ids: Vec<i64> = latest_per_key(&rows).iter().map(|r| r.id).collect();
        assert_eq!(ids, [1, 4]);
    }

    #[test]
    fn upsert_lists_anonymous_parameters() {
        let sql = upsert_current_sql(2);
        assert!(
            sql.contains("VALUES (?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?) ON CONFLICT"),
            "{sql}"
        );
    }
}
