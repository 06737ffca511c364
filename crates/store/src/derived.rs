//! The store's derived tables, what they must hold, and the portfolio
//! roll-up that reads them. Both are kept by the writes that change what
//! they derive from, are not dumped, are rebuilt on restore, and are
//! compared by `verify` with a fresh derivation:
//! - `progress_current`: the latest report per (plan, action, party), with
//!   the action's line in the plan's current version;
//! - `current_lines`: the number of actions per line of each plan's
//!   current version;
//! - `progress_line_levels`: `progress_current` counted per line, party and
//!   level, kept by triggers on `progress_current` (migration 0004).

use jointplan_core::progress::Level;

/// The current report per (plan, action, party), derived from every report,
/// with the action's line in the plan's current version (NULL when that
/// version no longer has the action): what `progress_current` must hold.
const DERIVED_CURRENT: &str = "SELECT l.plan_id, l.action_code, l.party, l.id AS report_id, l.date, l.level, a.line_number FROM ( \
       SELECT plan_id, action_code, party, id, date, level, \
              ROW_NUMBER() OVER (PARTITION BY plan_id, action_code, party ORDER BY date DESC, id DESC) AS rn \
       FROM progress_reports) l \
     JOIN plans p ON p.id = l.plan_id \
     JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.current_version \
     LEFT JOIN actions a ON a.version_id = v.id AND a.code = l.action_code \
     WHERE l.rn = 1";

/// The columns of `progress_current`, in the order every statement here
/// and in `bulk` writes them.
pub(crate) const CURRENT_COLUMNS: &str =
    "plan_id, action_code, party, report_id, date, level, line_number";

/// Rebuilds `progress_current` from every report (after a restore).
pub(crate) fn rebuild_current_sql() -> String {
    format!("INSERT INTO progress_current ({CURRENT_COLUMNS}) {DERIVED_CURRENT}")
}

/// The first row where `progress_current` and what the reports derive
/// differ (either side missing, or any column unequal), for `verify`.
pub(crate) fn current_mismatch_sql() -> String {
    first_difference_sql(
        DERIVED_CURRENT,
        &format!("SELECT {CURRENT_COLUMNS} FROM progress_current"),
        "plan_id, action_code, party",
    )
}

/// Points a plan's current reports at the lines of its version `$1` (the
/// new current one); reports on actions it dropped get no line.
pub(crate) const RELINE_CURRENT: &str = "UPDATE progress_current SET line_number = \
     (SELECT a.line_number FROM actions a WHERE a.version_id = $1 AND a.code = progress_current.action_code) \
     WHERE plan_id = $2";

/// The first progress report whose plan does not exist (PostgreSQL keeps no
/// foreign key there; see its migration 0003).
pub(crate) const ORPHAN_REPORT: &str = "SELECT r.id, r.plan_id FROM progress_reports r \
     LEFT JOIN plans p ON p.id = r.plan_id WHERE p.id IS NULL ORDER BY r.id LIMIT 1";

/// Actions per line of each plan's current version: what `current_lines`
/// must hold.
const DERIVED_LINES: &str = "SELECT p.id AS plan_id, a.line_number, COUNT(*) AS actions FROM plans p \
     JOIN plan_versions v ON v.plan_id = p.id AND v.number = p.current_version \
     JOIN actions a ON a.version_id = v.id \
     GROUP BY p.id, a.line_number";

/// Rebuilds `current_lines` for every plan (after a restore).
pub(crate) fn rebuild_lines_sql() -> String {
    format!("INSERT INTO current_lines (plan_id, line_number, actions) {DERIVED_LINES}")
}

/// Forgets a plan's `current_lines` (`$1`: plan id), before [`RELINE_PLAN`].
pub(crate) const UNLINE_PLAN: &str = "DELETE FROM current_lines WHERE plan_id = $1";

/// Counts the actions per line of a plan's version `$1` (`$2`: plan id),
/// the version that has just become current.
pub(crate) const RELINE_PLAN: &str = "INSERT INTO current_lines (plan_id, line_number, actions) \
     SELECT $2, line_number, COUNT(*) FROM actions WHERE version_id = $1 GROUP BY line_number";

/// The first (plan, line) where `current_lines` and a fresh count differ.
pub(crate) fn lines_mismatch_sql() -> String {
    first_difference_sql(
        DERIVED_LINES,
        "SELECT plan_id, line_number, actions FROM current_lines",
        "plan_id, line_number",
    )
}

/// The first (plan, line, party, level) where `progress_line_levels` and a
/// fresh count of `progress_current` differ (rows counting 0 are as good as
/// absent).
pub(crate) fn levels_mismatch_sql() -> String {
    first_difference_sql(
        "SELECT plan_id, line_number, party, level, COUNT(*) AS actions FROM progress_current \
         WHERE line_number IS NOT NULL GROUP BY plan_id, line_number, party, level",
        "SELECT plan_id, line_number, party, level, actions FROM progress_line_levels WHERE actions <> 0",
        "plan_id, line_number, party, level",
    )
}

/// The `key` of the first row (in key order) that one of `derived` and
/// `stored` has and the other lacks, comparing whole rows: how `verify`
/// checks a derived table. CTEs and compound subqueries rather than
/// parenthesised compounds, which SQLite does not parse.
fn first_difference_sql(derived: &str, stored: &str, key: &str) -> String {
    format!(
        "WITH derived AS ({derived}), stored AS ({stored}) \
         SELECT {key} FROM (SELECT * FROM stored EXCEPT SELECT * FROM derived) extra \
         UNION ALL \
         SELECT {key} FROM (SELECT * FROM derived EXCEPT SELECT * FROM stored) missing \
         ORDER BY {key} LIMIT 1"
    )
}

/// How a backend folds a query's rows into one JSON text (an array of
/// row arrays): SQLite hands sqlx each row through a channel to another
/// thread, so 12,000 roll-up rows cost more in wake-ups than in the query.
#[derive(Debug, Clone, Copy)]
pub(crate) struct JsonRows {
    /// Opens the aggregate around the row's columns.
    pub open: &'static str,
    /// Closes it; an empty result must give `[]`.
    pub close: &'static str,
}

impl JsonRows {
    /// `SELECT` of one JSON text holding `columns` of every row of `from`.
    fn select(self, columns: &str, from: &str) -> String {
        format!(
            "SELECT {}{columns}{} AS text FROM ({from}) g",
            self.open, self.close
        )
    }
}

/// Actions per line of every plan's current version, as JSON rows of
/// (plan id, slug, parties, line, actions); unordered.
pub(crate) fn portfolio_lines_sql(json: JsonRows) -> String {
    json.select(
        "id, slug, parties, line_number, actions",
        "SELECT p.id, p.slug, p.parties, l.line_number, l.actions FROM current_lines l \
         JOIN plans p ON p.id = l.plan_id",
    )
}

/// Current reports per line and party as JSON rows of (plan id, line,
/// party, then one count per level in [`Level::ALL`] order), counting only
/// actions the current version still has; from `progress_line_levels`.
pub(crate) fn portfolio_levels_sql(json: JsonRows) -> String {
    let names: Vec<String> = (0..Level::ALL.len()).map(|i| format!("n{i}")).collect();
    let counts: Vec<String> = Level::ALL
        .iter()
        .zip(&names)
        .map(|(l, n)| {
            format!(
                "SUM(CASE WHEN level = '{}' THEN actions ELSE 0 END) AS {n}",
                l.as_str()
            )
        })
        .collect();
    json.select(
        &format!("plan_id, line_number, party, {}", names.join(", ")),
        &format!(
            "SELECT plan_id, line_number, party, {} FROM progress_line_levels \
             GROUP BY plan_id, line_number, party",
            counts.join(", ")
        ),
    )
}
