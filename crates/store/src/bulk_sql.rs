//! The SQL of a bulk load: the multi-row statements and the derived
//! `progress_current` upserts, and which report of a batch is latest.

use std::collections::HashMap;

use crate::bulk::NewReport;
use crate::derived::CURRENT_COLUMNS;

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
