//! Who asks: the operator, an account of one party, or the public.

use serde::{Deserialize, Serialize};

/// What an account does for its party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Structures the plan, sets the party's leads, approves for the party.
    Coordinator,
    /// Reports progress for an agency or ministry of the party.
    Reporter,
    /// Reads everything and records the party's assessments.
    Evaluator,
}

impl Role {
    /// Every role, in the order people meet them.
    pub const ALL: [Role; 3] = [Role::Coordinator, Role::Reporter, Role::Evaluator];

    /// The snake_case name, as stored and typed on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::Reporter => "reporter",
            Role::Evaluator => "evaluator",
        }
    }

    /// Reads a role's name, in any case.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An account as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// Login name.
    pub name: String,
    /// What the account does.
    pub role: Role,
    /// The party it acts for; none only for an evaluator independent of both.
    pub party: Option<String>,
    /// The organisation a reporter reports for; none: any of its party's actions.
    pub organisation: Option<String>,
    /// A disabled account keeps its history and may do nothing.
    pub disabled: bool,
}

impl Account {
    /// Whether the account acts for `party` (party codes compare in any case).
    pub fn is_of(&self, party: &str) -> bool {
        self.party
            .as_deref()
            .is_some_and(|p| p.eq_ignore_ascii_case(party))
    }

    /// Whether the account is a `role` of `party`.
    pub fn is(&self, role: Role, party: &str) -> bool {
        self.role == role && self.is_of(party)
    }
}

/// Who asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// Whoever holds the database: runs the CLI on the server without `--as`.
    /// Administers the store, and never acts for a party.
    Operator,
    /// A signed-in account (or the CLI's `--as NAME`).
    Account(Account),
    /// Nobody signed in.
    Public,
}

impl Principal {
    /// The name written in the audit log.
    pub fn audit_name(&self) -> &str {
        match self {
            Principal::Operator => "operator",
            Principal::Account(a) => &a.name,
            Principal::Public => "public",
        }
    }

    /// The account, when one asks.
    pub fn account(&self) -> Option<&Account> {
        match self {
            Principal::Account(a) => Some(a),
            _ => None,
        }
    }
}
