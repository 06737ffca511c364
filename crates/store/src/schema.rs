//! What the store's tables hold, column by column, for the code that works
//! on whole rows: backup, restore, content hashing and the audit chain.
//! It mirrors `migrations/*/0001_initial.sql`, `0005_authority.sql` and
//! `0006_plan_sources.sql`; the conformance suite's
//! backup round trip fails if the two drift apart.

/// The type of a column, the same on both backends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 64-bit integer.
    Int,
    /// Text.
    Text,
    /// 64-bit float.
    Real,
}

/// One table.
#[derive(Debug)]
pub struct Table {
    /// Table name.
    pub name: &'static str,
    /// Columns in declaration order.
    pub columns: &'static [(&'static str, Kind)],
    /// The ORDER BY that lists rows in a stable order.
    pub order_by: &'static str,
}

use Kind::{Int as I, Real as R, Text as T};

/// Every dumped table, parents before children (the order restore inserts
/// them). Sessions are not dumped: a restore signs everyone out.
pub const TABLES: &[Table] = &[
    Table {
        name: "users",
        columns: &[
            ("id", I),
            ("name", T),
            ("role", T),
            ("party", T),
            ("organisation", T),
            ("created_at", T),
            ("password_hash", T),
            ("disabled_at", T),
        ],
        order_by: "id",
    },
    Table {
        name: "api_tokens",
        columns: &[
            ("id", I),
            ("user_id", I),
            ("label", T),
            ("token_hash", T),
            ("created_at", T),
            ("revoked_at", T),
        ],
        order_by: "id",
    },
    Table {
        name: "plans",
        columns: &[
            ("id", I),
            ("slug", T),
            ("title", T),
            ("parties", T),
            ("partnership", T),
            ("status", T),
            ("predecessor", T),
            ("current_version", I),
            ("created_at", T),
            ("created_by", T),
            ("first_year", I),
            ("last_year", I),
            ("signed_on", T),
        ],
        order_by: "id",
    },
    Table {
        name: "plan_versions",
        columns: &[
            ("id", I),
            ("plan_id", I),
            ("number", I),
            ("content_hash", T),
            ("canonical_json", T),
            ("revision_id", I),
            ("created_at", T),
            ("created_by", T),
        ],
        order_by: "id",
    },
    Table {
        name: "plan_sources",
        columns: &[
            ("version_id", I),
            ("name", T),
            ("format", T),
            ("sha256", T),
            ("text", T),
        ],
        order_by: "version_id",
    },
    Table {
        name: "lines",
        columns: &[("version_id", I), ("number", I), ("title", T), ("sdgs", T)],
        order_by: "version_id, number",
    },
    Table {
        name: "tracks",
        columns: &[
            ("version_id", I),
            ("code", T),
            ("line_number", I),
            ("kind", T),
            ("heading", T),
        ],
        order_by: "version_id, code",
    },
    Table {
        name: "actions",
        columns: &[
            ("version_id", I),
            ("code", T),
            ("ordinal", I),
            ("line_number", I),
            ("track_code", T),
            ("text", T),
            ("kind", T),
            ("hedged", I),
        ],
        order_by: "version_id, code",
    },
    Table {
        name: "action_organisations",
        columns: &[
            ("version_id", I),
            ("action_code", T),
            ("organisation_id", T),
        ],
        order_by: "version_id, action_code, organisation_id",
    },
    Table {
        name: "organisations",
        columns: &[
            ("version_id", I),
            ("org_id", T),
            ("name", T),
            ("acronyms", T),
            ("party", T),
            ("multilateral", I),
        ],
        order_by: "version_id, org_id",
    },
    Table {
        name: "agreements",
        columns: &[
            ("version_id", I),
            ("ordinal", I),
            ("title", T),
            ("kind", T),
            ("status", T),
            ("years", T),
        ],
        order_by: "version_id, ordinal",
    },
    Table {
        name: "mechanisms",
        columns: &[
            ("version_id", I),
            ("mechanism_id", T),
            ("name", T),
            ("recurrence", T),
        ],
        order_by: "version_id, mechanism_id",
    },
    Table {
        name: "targets",
        columns: &[
            ("version_id", I),
            ("ordinal", I),
            ("party", T),
            ("measure", T),
            ("value", R),
            ("unit", T),
            ("year", I),
        ],
        order_by: "version_id, ordinal",
    },
    Table {
        name: "target_values",
        columns: &[
            ("id", I),
            ("plan_id", I),
            ("measure", T),
            ("date", T),
            ("value", R),
            ("note", T),
            ("recorded_at", T),
            ("recorded_by", T),
        ],
        order_by: "id",
    },
    Table {
        name: "progress_reports",
        columns: &[
            ("id", I),
            ("plan_id", I),
            ("action_code", T),
            ("party", T),
            ("organisation", T),
            ("date", T),
            ("status", T),
            ("level", T),
            ("narrative", T),
            ("evidence", T),
            ("recorded_at", T),
            ("recorded_by", T),
        ],
        order_by: "id",
    },
    Table {
        name: "occurrences",
        columns: &[
            ("id", I),
            ("plan_id", I),
            ("mechanism_id", T),
            ("status", T),
            ("date", T),
            ("place", T),
            ("host_party", T),
            ("participants", T),
            ("outcomes", T),
            ("actions", T),
            ("supersedes", I),
            ("recorded_at", T),
            ("recorded_by", T),
        ],
        order_by: "id",
    },
    Table {
        name: "assessments",
        columns: &[
            ("id", I),
            ("plan_id", I),
            ("evaluation", T),
            ("action_code", T),
            ("party", T),
            ("score", I),
            ("note", T),
            ("recorded_at", T),
            ("recorded_by", T),
        ],
        order_by: "id",
    },
    Table {
        name: "agreed_results",
        columns: &[
            ("id", I),
            ("plan_id", I),
            ("evaluation", T),
            ("action_code", T),
            ("score", I),
            ("note", T),
            ("recorded_at", T),
            ("recorded_by", T),
        ],
        order_by: "id",
    },
    Table {
        name: "revisions",
        columns: &[
            ("id", I),
            ("plan_id", I),
            ("base_version", I),
            ("changes", T),
            ("result_hash", T),
            ("proposed_at", T),
            ("proposed_by", T),
        ],
        order_by: "id",
    },
    Table {
        name: "revision_approvals",
        columns: &[
            ("id", I),
            ("revision_id", I),
            ("party", T),
            ("content_hash", T),
            ("approved_at", T),
            ("approved_by", T),
        ],
        order_by: "id",
    },
    Table {
        name: "plan_adoptions",
        columns: &[
            ("id", I),
            ("plan_id", I),
            ("party", T),
            ("content_hash", T),
            ("approved_at", T),
            ("approved_by", T),
        ],
        order_by: "id",
    },
    Table {
        name: "action_leads",
        columns: &[
            ("id", I),
            ("plan_id", I),
            ("action_code", T),
            ("party", T),
            ("lead", T),
            ("partners", T),
            ("set_at", T),
            ("set_by", T),
        ],
        order_by: "id",
    },
    Table {
        name: "restrictions",
        columns: &[
            ("id", I),
            ("plan_id", I),
            ("action_code", T),
            ("party", T),
            ("restricted", I),
            ("set_at", T),
            ("set_by", T),
        ],
        order_by: "id",
    },
    Table {
        name: "agreed_confirmations",
        columns: &[
            ("id", I),
            ("agreed_id", I),
            ("party", T),
            ("confirmed_at", T),
            ("confirmed_by", T),
        ],
        order_by: "id",
    },
    Table {
        name: "audit_log",
        columns: &[
            ("id", I),
            ("at", T),
            ("actor", T),
            ("action", T),
            ("entity", T),
            ("entity_id", T),
            ("detail", T),
            ("prev_hash", T),
            ("hash", T),
        ],
        order_by: "id",
    },
];

/// The table with this name.
pub fn table(name: &str) -> Option<&'static Table> {
    if name == SESSIONS.name {
        return Some(&SESSIONS);
    }
    TABLES.iter().find(|t| t.name == name)
}

impl Table {
    /// `SELECT cols FROM name ORDER BY …`.
    pub fn select_all(&self) -> String {
        format!(
            "SELECT {} FROM {} ORDER BY {}",
            self.column_list(),
            self.name,
            self.order_by
        )
    }

    /// `INSERT INTO name (cols) VALUES ($1, …)`.
    pub fn insert(&self) -> String {
        let params: Vec<String> = (1..=self.columns.len()).map(|i| format!("${i}")).collect();
        format!(
            "INSERT INTO {} ({}) VALUES ({})",
            self.name,
            self.column_list(),
            params.join(", ")
        )
    }

    fn column_list(&self) -> String {
        self.columns
            .iter()
            .map(|(c, _)| *c)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The table that holds sessions: written through [`Table::insert`] but
/// never dumped.
pub const SESSIONS: Table = Table {
    name: "sessions",
    columns: &[
        ("id", I),
        ("user_id", I),
        ("token_hash", T),
        ("created_at", T),
        ("expires_at", T),
    ],
    order_by: "id",
};
