//! What is asked: each act carries the facts its rule needs.

use super::Role;
use crate::life::status::PlanStatus;

/// The plan an act is about, as far as the rules need to know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanScope {
    /// The parties' codes.
    pub parties: Vec<String>,
    /// Where the plan stands.
    pub status: PlanStatus,
}

impl PlanScope {
    /// Whether `party` is a party to the plan.
    pub fn has_party(&self, party: &str) -> bool {
        self.parties.iter().any(|p| p.eq_ignore_ascii_case(party))
    }
}

/// One party's organisations on one action: its lead and its partners.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Engagement<'a> {
    /// The party's lead organisation, if set.
    pub lead: Option<&'a str>,
    /// The party's partner organisations.
    pub partners: &'a [String],
}

impl Engagement<'_> {
    /// Whether `organisation` leads or joins the action for its party.
    pub fn involves(&self, organisation: &str) -> bool {
        let same = |o: &str| o.eq_ignore_ascii_case(organisation);
        self.lead.is_some_and(same) || self.partners.iter().any(|p| same(p))
    }
}

/// Everything the store offers to change, and the reads that are not public.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Act<'a> {
    /// Save a newly imported plan: as a draft, or in force when it is
    /// already signed (the built-in example), which only the operator may.
    SavePlan {
        /// Saved in force rather than as a draft.
        in_force: bool,
    },
    /// Change a draft's joint content directly (a new version).
    EditDraft,
    /// Approve the draft's content hash for `party`, towards coming into force.
    Adopt {
        /// The party approving.
        party: &'a str,
    },
    /// Propose a revision of a plan in force.
    ProposeRevision,
    /// Approve a revision for `party`.
    ApproveRevision {
        /// The party approving.
        party: &'a str,
    },
    /// Set `party`'s lead and partner organisations of an action.
    SetLeads {
        /// Whose leads.
        party: &'a str,
    },
    /// Restrict an action on behalf of `party`, or lift `party`'s restriction.
    Restrict {
        /// Whose restriction.
        party: &'a str,
    },
    /// Report progress for `party` on an action.
    ReportProgress {
        /// The party reporting.
        party: &'a str,
        /// The organisation the report names, if any.
        organisation: Option<&'a str>,
        /// The party's lead and partners on the action.
        engagement: Engagement<'a>,
    },
    /// Log a meeting of a mechanism, hosted by `host` when known.
    LogMeeting {
        /// The hosting party.
        host: Option<&'a str>,
    },
    /// Record `party`'s assessment of an action in an evaluation.
    Assess {
        /// The party assessing.
        party: &'a str,
    },
    /// Confirm an agreed evaluation result for `party`.
    ConfirmAgreed {
        /// The party confirming.
        party: &'a str,
    },
    /// Record a measured value of a target of `party` (none: a joint target).
    RecordTargetValue {
        /// The target's party.
        party: Option<&'a str>,
    },
    /// Create an account of `party` with `role`.
    CreateAccount {
        /// The new account's party (none: an independent evaluator).
        party: Option<&'a str>,
        /// The new account's role.
        role: Role,
        /// Whether `party` already has an active coordinator.
        party_has_coordinator: bool,
    },
    /// Change an account of `party` (its role or organisation), or disable it.
    ManageAccount {
        /// The account's party (none: an independent evaluator).
        party: Option<&'a str>,
        /// Disabling, which the operator may also do.
        disabling: bool,
    },
    /// Change the password or tokens of account `name`.
    ManageCredentials {
        /// Whose credentials.
        name: &'a str,
    },
    /// Back up, restore, migrate or verify the store.
    Administer,
    /// Read a plan's audit trail.
    ReadAudit,
}

impl Act<'_> {
    /// Whether the act changes something (reads are not refused as writes).
    pub fn is_write(&self) -> bool {
        !matches!(self, Act::ReadAudit)
    }
}
