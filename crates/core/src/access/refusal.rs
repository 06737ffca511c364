//! Why an act was refused: which rule, in words a person reads, with a
//! message id and arguments for translation.

use super::Role;
use crate::life::status::PlanStatus;

/// The English words of a phrase id that refusals name (`set-leads`):
/// the same ids name the phrases in the Fluent files (`act-set-leads`).
pub fn phrase(id: &str) -> &'static str {
    match id {
        "save-plan" => "save a new plan",
        "save-in-force" => "save a plan in force without both parties' adoption",
        "edit-draft" => "edit the plan's text",
        "adopt" => "approve the plan",
        "propose-revision" => "propose a revision",
        "approve-revision" => "approve a revision",
        "set-leads" => "set the lead and partners",
        "restrict" => "restrict an action or lift a restriction",
        "report-progress" => "report progress",
        "log-meeting" => "log a meeting",
        "assess" => "record assessments",
        "confirm-agreed" => "confirm an agreed result",
        "record-target-value" => "record a target's value",
        "create-account" => "create accounts",
        "manage-account" => "change or disable accounts",
        "create-independent" => "create or change an independent evaluator",
        "administer" => "administer the store",
        "read-audit" => "read the audit trail",
        _ => "do this",
    }
}

/// How a refusal maps onto the caller's world (HTTP status, exit code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusalKind {
    /// Nobody is signed in (HTTP 401).
    Unauthenticated,
    /// Signed in, but the rules do not allow it (HTTP 403).
    Forbidden,
    /// The plan's stage does not allow it now (HTTP 409).
    WrongStage,
    /// The act names something that does not fit the plan (HTTP 422).
    Invalid,
}

/// A refused act: the rule that refused it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The public reads; it changes nothing.
    #[error("sign in first: without an account you may only read what is published")]
    NotSignedIn,
    /// A disabled account keeps its history and does nothing more.
    #[error("the account {name} is disabled")]
    Disabled {
        /// The account.
        name: String,
    },
    /// The operator administers the store and never acts for a party.
    #[error("the operator administers the store and does not {phrase}; a party's coordinator does", phrase = phrase(.what))]
    OperatorNotAParty {
        /// What was asked: a phrase id (see [`phrase`]).
        what: &'static str,
    },
    /// Only the operator administers the store.
    #[error("only the operator who holds the database may {phrase}", phrase = phrase(.what))]
    OperatorOnly {
        /// What was asked: a phrase id (see [`phrase`]).
        what: &'static str,
    },
    /// A party named that is not a party to the plan.
    #[error("{party} is not a party to this plan")]
    NotAParty {
        /// The party named.
        party: String,
    },
    /// The account's party is not a party to the plan.
    #[error("{name} acts for {party}, which is not a party to this plan")]
    OutsidePlan {
        /// The account.
        name: String,
        /// Its party.
        party: String,
    },
    /// The act belongs to one party's people with a given role.
    #[error("only {party}'s {roles} may {phrase} for {party}", phrase = phrase(.what))]
    OnlyParty {
        /// Whose act it is.
        party: String,
        /// Who of that party may, in words ("coordinators", "coordinators or reporters").
        roles: &'static str,
        /// What was asked: a phrase id (see [`phrase`]).
        what: &'static str,
    },
    /// The act needs the plan at another stage.
    #[error("to {phrase}, the plan must be {needed}; this one is {status}", phrase = phrase(.what))]
    WrongStage {
        /// What was asked: a phrase id (see [`phrase`]).
        what: &'static str,
        /// The stage it needs, in words.
        needed: &'static str,
        /// The stage it is at.
        status: PlanStatus,
    },
    /// A reporter reports only for its own organisation.
    #[error("{name} reports for {own}, not for {named}")]
    OtherOrganisation {
        /// The reporter.
        name: String,
        /// Its organisation.
        own: String,
        /// The organisation the report names.
        named: String,
    },
    /// A reporter reports only on actions its organisation leads or joins.
    #[error(
        "{organisation} is neither {party}'s lead nor a partner of this action, so {name} may not report on it"
    )]
    NotEngaged {
        /// The reporter.
        name: String,
        /// Its organisation.
        organisation: String,
        /// Its party.
        party: String,
    },
    /// A party's first coordinator is the operator's to create; the rest are its coordinators'.
    #[error("{party} already has a coordinator; only {party}'s coordinators create its accounts")]
    PartyHasCoordinator {
        /// The party.
        party: String,
    },
    /// Before a party has a coordinator, only its first coordinator can be created.
    #[error(
        "{party} has no coordinator yet; the operator creates its first coordinator, not a {role}"
    )]
    FirstCoordinatorFirst {
        /// The party.
        party: String,
        /// The role asked for.
        role: Role,
    },
    /// An account of no party must be an independent evaluator.
    #[error("only an evaluator may be independent of both parties; a {role} needs a party")]
    NeedsParty {
        /// The role asked for.
        role: Role,
    },
    /// Credentials are their owner's.
    #[error("only {name} may change {name}'s password and tokens")]
    OwnCredentials {
        /// Whose credentials.
        name: String,
    },
}

impl Refusal {
    /// How the refusal maps onto HTTP statuses and exit codes.
    pub fn kind(&self) -> RefusalKind {
        match self {
            Refusal::NotSignedIn => RefusalKind::Unauthenticated,
            Refusal::WrongStage { .. } => RefusalKind::WrongStage,
            Refusal::NotAParty { .. } | Refusal::NeedsParty { .. } => RefusalKind::Invalid,
            _ => RefusalKind::Forbidden,
        }
    }

    /// The message's id in the Fluent files (`access-…`).
    pub fn message_id(&self) -> &'static str {
        match self {
            Refusal::NotSignedIn => "access-not-signed-in",
            Refusal::Disabled { .. } => "access-disabled",
            Refusal::OperatorNotAParty { .. } => "access-operator-not-a-party",
            Refusal::OperatorOnly { .. } => "access-operator-only",
            Refusal::NotAParty { .. } => "access-not-a-party",
            Refusal::OutsidePlan { .. } => "access-outside-plan",
            Refusal::OnlyParty { .. } => "access-only-party",
            Refusal::WrongStage { .. } => "access-wrong-stage",
            Refusal::OtherOrganisation { .. } => "access-other-organisation",
            Refusal::NotEngaged { .. } => "access-not-engaged",
            Refusal::PartyHasCoordinator { .. } => "access-party-has-coordinator",
            Refusal::FirstCoordinatorFirst { .. } => "access-first-coordinator-first",
            Refusal::NeedsParty { .. } => "access-needs-party",
            Refusal::OwnCredentials { .. } => "access-own-credentials",
        }
    }

    /// The message's arguments, by name, for translation. Phrases (`what`,
    /// `roles`, `needed`) are given as the ids of their own messages.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let s = |v: &str| v.to_string();
        match self {
            Refusal::NotSignedIn => vec![],
            Refusal::Disabled { name } | Refusal::OwnCredentials { name } => {
                vec![("name", s(name))]
            }
            Refusal::OperatorNotAParty { what } | Refusal::OperatorOnly { what } => {
                vec![("what", s(what))]
            }
            Refusal::NotAParty { party } | Refusal::PartyHasCoordinator { party } => {
                vec![("party", s(party))]
            }
            Refusal::OutsidePlan { name, party } => vec![("name", s(name)), ("party", s(party))],
            Refusal::OnlyParty { party, roles, what } => {
                vec![("party", s(party)), ("roles", s(roles)), ("what", s(what))]
            }
            Refusal::WrongStage {
                what,
                needed,
                status,
            } => vec![
                ("what", s(what)),
                ("needed", s(needed)),
                ("status", s(status.as_str())),
            ],
            Refusal::OtherOrganisation { name, own, named } => {
                vec![("name", s(name)), ("own", s(own)), ("named", s(named))]
            }
            Refusal::NotEngaged {
                name,
                organisation,
                party,
            } => vec![
                ("name", s(name)),
                ("organisation", s(organisation)),
                ("party", s(party)),
            ],
            Refusal::FirstCoordinatorFirst { party, role } => {
                vec![("party", s(party)), ("role", s(role.as_str()))]
            }
            Refusal::NeedsParty { role } => vec![("role", s(role.as_str()))],
        }
    }
}
