//! Bulk loading of progress reports: the rows a caller hands in, the rows
//! as the store writes them, and the shared SQL that keeps the derived
//! `progress_current` table (the latest report per action and party).

use std::collections::HashMap;

use jointplan_core::progress::{Report, ReportError};

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
    /// The stored form of `report` for plan `plan_id`, with the party code
    /// already normalised by the caller.
    pub fn new(id: i64, plan_id: i64, party: String, report: Report) -> NewReport {
        NewReport {
            id,
            plan_id,
            party,
            evidence: serde_json::to_string(&report.evidence).unwrap_or_else(|_| "[]".into()),
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
/// parties and current action codes (from the normalized tables, so no
/// version is parsed).
#[derive(Debug, Clone)]
pub(crate) struct PlanCheck {
    pub id: i64,
    pub parties: Vec<String>,
    pub actions: std::collections::HashSet<String>,
}

impl PlanCheck {
    /// Checks `report` as [`Report::validate`] would against the plan;
    /// gives the reporting party's code as the plan spells it.
    pub fn check(&self, report: &Report) -> Result<String, ReportError> {
        report.validate_against(|code| self.actions.contains(code), &self.parties)?;
        // validate_against found the party, so this finds its canonical code.
        Ok(self
            .parties
            .iter()
            .find(|p| p.eq_ignore_ascii_case(&report.party))
            .cloned()
            .unwrap_or_default())
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

/// Rows per upsert statement: 6 parameters each stays far below both
/// backends' parameter limits.
pub(crate) const UPSERT_CHUNK: usize = 1000;

/// `n` rows of `width` parameters for a multi-row VALUES list. Numbered
/// (`$1`) for PostgreSQL; anonymous (`?`) for SQLite, whose parameter-name
/// lookup is a linear scan that sqlx makes per parameter, quadratic in
/// thousands of numbered ones.
pub(crate) fn values_list(n: usize, width: usize, numbered: bool) -> String {
    let mut sql = String::with_capacity(n * width * 6);
    for i in 0..n {
        sql.push_str(if i > 0 { ", (" } else { "(" });
        for c in 0..width {
            if c > 0 {
                sql.push_str(", ");
            }
            if numbered {
                sql.push_str(&format!("${}", i * width + c + 1));
            } else {
                sql.push('?');
            }
        }
        sql.push(')');
    }
    sql
}

/// `INSERT … ON CONFLICT` for `n` rows of `progress_current`; a newer or
/// equally dated report replaces the current one (reports arrive in id order).
pub(crate) fn upsert_current_sql(n: usize, numbered: bool) -> String {
    format!(
        "INSERT INTO progress_current (plan_id, action_code, party, report_id, date, level) VALUES {} \
         ON CONFLICT (plan_id, action_code, party) DO UPDATE SET report_id = excluded.report_id, \
         date = excluded.date, level = excluded.level WHERE excluded.date >= progress_current.date",
        values_list(n, 6, numbered)
    )
}

/// `INSERT INTO progress_reports` of `n` rows (SQLite's `?` parameters).
pub(crate) fn insert_reports_sql(n: usize) -> String {
    format!(
        "INSERT INTO progress_reports (id, plan_id, action_code, party, organisation, date, status, level, narrative, evidence, recorded_at, recorded_by) VALUES {}",
        values_list(n, 12, false)
    )
}

/// Rebuilds `progress_current` from every report (after a restore).
pub(crate) const REBUILD_CURRENT: &str = "INSERT INTO progress_current (plan_id, action_code, party, report_id, date, level) \
     SELECT plan_id, action_code, party, id, date, level FROM ( \
       SELECT plan_id, action_code, party, id, date, level, \
              ROW_NUMBER() OVER (PARTITION BY plan_id, action_code, party ORDER BY date DESC, id DESC) AS rn \
       FROM progress_reports) latest WHERE rn = 1";

/// The action codes of a plan's current version, from the normalized table.
pub(crate) const CURRENT_ACTIONS: &str = "SELECT a.code FROM plans p \
     JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.current_version \
     JOIN actions a ON a.version_id = v.id WHERE p.id = $1";

/// Actions per line of every plan's current version.
pub(crate) const PORTFOLIO_LINES: &str = "SELECT p.id, p.slug, p.parties, a.line_number, COUNT(*) FROM plans p \
     JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.current_version \
     JOIN actions a ON a.version_id = v.id \
     GROUP BY p.id, p.slug, p.parties, a.line_number ORDER BY p.slug, a.line_number";

/// Current reports per line, party and level, counting only actions the
/// current version still has.
pub(crate) const PORTFOLIO_LEVELS: &str = "SELECT c.plan_id, a.line_number, c.party, c.level, COUNT(*) FROM progress_current c \
     JOIN plans p ON p.id = c.plan_id \
     JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.current_version \
     JOIN actions a ON a.version_id = v.id AND a.code = c.action_code \
     GROUP BY c.plan_id, a.line_number, c.party, c.level";

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, action: &str, date: &str) -> NewReport {
        NewReport {
            id,
            plan_id: 1,
            action: action.into(),
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
    fn upsert_numbers_its_parameters() {
        let sql = upsert_current_sql(2, true);
        assert!(sql.contains("($7, $8, $9, $10, $11, $12)"), "{sql}");
        assert!(upsert_current_sql(2, false).contains("(?, ?, ?, ?, ?, ?), (?, ?"));
    }
}
