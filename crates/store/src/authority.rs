//! Who acts on the store, and the records of authority it keeps:
//! accounts, sessions, API tokens, adoptions, each party's leads and
//! restrictions.

use serde::Serialize;

/// Who performs a store call. The store turns it into a
/// [`jointplan_core::access::Principal`] inside the call's transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum Actor {
    /// Whoever holds the database: the CLI run without `--as`.
    #[default]
    Operator,
    /// An account, by name (from a session, a token or `--as NAME`).
    Account(String),
    /// Nobody signed in.
    Public,
}

impl Actor {
    /// The account named `name`.
    pub fn account(name: impl Into<String>) -> Self {
        Actor::Account(name.into())
    }

    /// The name the audit log records.
    pub fn audit_name(&self) -> &str {
        match self {
            Actor::Operator => "operator",
            Actor::Account(name) => name,
            Actor::Public => "public",
        }
    }
}

/// An account as the store lists it (never its password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AccountInfo {
    /// Store id.
    pub id: i64,
    /// The sign-in name.
    pub name: String,
    /// `coordinator`, `reporter` or `evaluator`.
    pub role: String,
    /// The party it acts for; none for an independent evaluator.
    pub party: Option<String>,
    /// The organisation a reporter reports for.
    pub organisation: Option<String>,
    /// When it was created.
    pub created_at: String,
    /// When it was disabled; its history stays.
    pub disabled_at: Option<String>,
}

/// An account to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    /// The sign-in name.
    pub name: String,
    /// Its role.
    pub role: jointplan_core::access::Role,
    /// The party it acts for.
    pub party: Option<String>,
    /// The organisation a reporter reports for.
    pub organisation: Option<String>,
}

/// A signed-in session: the token is shown to its holder once and stored
/// only as its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The secret (64 hex digits, 256 random bits).
    pub token: String,
    /// When it stops working (RFC 3339 UTC).
    pub expires_at: String,
}

/// An API token just created: its secret is shown once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewToken {
    /// Store id (what `revoke` names).
    pub id: i64,
    /// The secret.
    pub secret: String,
}

/// An API token as listed (never its secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct TokenInfo {
    /// Store id.
    pub id: i64,
    /// The account it acts for.
    pub account: String,
    /// What it is for.
    pub label: String,
    /// When it was created.
    pub created_at: String,
    /// When it was revoked.
    pub revoked_at: Option<String>,
}

/// A party's approval of a plan's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Adoption {
    /// The party.
    pub party: String,
    /// The content hash approved.
    pub content_hash: String,
    /// When.
    pub approved_at: String,
    /// Who (the party's coordinator).
    pub approved_by: String,
}

/// An action's current lead organisation and partners for one party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lead {
    /// The action's code.
    pub action: String,
    /// The party.
    pub party: String,
    /// The lead organisation's id in the plan's register.
    pub lead: Option<String>,
    /// The partner organisations' ids.
    pub partners: Vec<String>,
    /// When it was set.
    pub set_at: String,
    /// Who set it.
    pub set_by: String,
}

/// A party's current restriction of an action (hidden from the public).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Restriction {
    /// The action's code.
    #[sqlx(rename = "action_code")]
    pub action: String,
    /// The party that restricted it.
    pub party: String,
    /// When.
    pub set_at: String,
    /// Who.
    pub set_by: String,
}

/// Each party's own content of a plan, outside its hash: current leads
/// and restrictions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PartyContent {
    /// Current leads and partners, by action then party.
    pub leads: Vec<Lead>,
    /// Current restrictions, by action then party.
    pub restrictions: Vec<Restriction>,
}

impl PartyContent {
    /// Whether any party restricts `action`.
    pub fn is_restricted(&self, action: &str) -> bool {
        self.restrictions.iter().any(|r| r.action == action)
    }

    /// The lead and partners `party` set for `action`.
    pub fn lead(&self, action: &str, party: &str) -> Option<&Lead> {
        self.leads
            .iter()
            .find(|l| l.action == action && l.party.eq_ignore_ascii_case(party))
    }
}
