//! The rules of DESIGN.md's "Who may do what", one function.

use super::{Account, Act, PlanScope, Principal, Refusal, Role};
use crate::life::status::PlanStatus;

const COORDINATORS: &str = "coordinators";
const REPORTING: &str = "coordinators or reporters";
const EVALUATING: &str = "evaluators or coordinators";

/// Whether `who` may do `act` on `plan` (none for acts on the store itself:
/// accounts, administration). The first rule that refuses is named.
pub fn check(who: &Principal, act: &Act, plan: Option<&PlanScope>) -> Result<(), Refusal> {
    if let (Some(plan), Some(party)) = (plan, party_named(act))
        && !plan.has_party(party)
    {
        return Err(Refusal::NotAParty {
            party: party.to_string(),
        });
    }
    match who {
        Principal::Public => Err(Refusal::NotSignedIn),
        Principal::Operator => operator(act),
        Principal::Account(account) => {
            if account.disabled {
                return Err(Refusal::Disabled {
                    name: account.name.clone(),
                });
            }
            if let (Some(plan), Some(own)) = (plan, account.party.as_deref())
                && !plan.has_party(own)
            {
                return Err(Refusal::OutsidePlan {
                    name: account.name.clone(),
                    party: own.to_string(),
                });
            }
            account_may(account, act)?;
            stage_allows(act, plan)
        }
    }
}

/// Whether `who` may read `plan` at all: the public reads plans in force
/// and closed; accounts read every plan of their party, and independent
/// evaluators every plan.
pub fn may_read_plan(who: &Principal, plan: &PlanScope) -> bool {
    match who {
        Principal::Operator => true,
        Principal::Account(a) if !a.disabled => {
            a.party.as_deref().is_none_or(|p| plan.has_party(p)) || plan.status.is_public()
        }
        _ => plan.status.is_public(),
    }
}

/// Whether `who` sees the actions a party restricted (hidden from the public).
pub fn may_read_restricted(who: &Principal, plan: &PlanScope) -> bool {
    match who {
        Principal::Operator => true,
        Principal::Account(a) if !a.disabled => {
            a.party.as_deref().is_none_or(|p| plan.has_party(p))
        }
        _ => false,
    }
}

/// The party an act is done for, which must be a party to the plan.
fn party_named<'a>(act: &Act<'a>) -> Option<&'a str> {
    match *act {
        Act::Adopt { party }
        | Act::ApproveRevision { party }
        | Act::SetLeads { party }
        | Act::Restrict { party }
        | Act::ReportProgress { party, .. }
        | Act::Assess { party }
        | Act::ConfirmAgreed { party } => Some(party),
        Act::LogMeeting { host } => host,
        Act::RecordTargetValue { party } => party,
        _ => None,
    }
}

/// The operator administers the store and creates each party's first
/// coordinator; it never acts for a party.
fn operator(act: &Act) -> Result<(), Refusal> {
    match *act {
        Act::SavePlan { .. } | Act::Administer | Act::ReadAudit => Ok(()),
        Act::CreateAccount {
            party: None,
            role: Role::Evaluator,
            ..
        } => Ok(()),
        Act::CreateAccount {
            party: None, role, ..
        } => Err(Refusal::NeedsParty { role }),
        Act::CreateAccount {
            party: Some(party),
            role,
            party_has_coordinator,
        } => match (role, party_has_coordinator) {
            (_, true) => Err(Refusal::PartyHasCoordinator {
                party: party.to_string(),
            }),
            (Role::Coordinator, false) => Ok(()),
            (role, false) => Err(Refusal::FirstCoordinatorFirst {
                party: party.to_string(),
                role,
            }),
        },
        Act::ManageAccount { party: None, .. }
        | Act::ManageAccount {
            disabling: true, ..
        } => Ok(()),
        Act::ManageAccount { .. } => Err(Refusal::OperatorNotAParty {
            what: "manage-account",
        }),
        Act::ManageCredentials { name } => Err(Refusal::OwnCredentials {
            name: name.to_string(),
        }),
        ref other => Err(Refusal::OperatorNotAParty {
            what: phrase_id(other),
        }),
    }
}

/// The rules for an account that is active and of a party to the plan.
fn account_may(account: &Account, act: &Act) -> Result<(), Refusal> {
    let what = phrase_id(act);
    let must_be = |party: &str, roles: &[Role], words: &'static str| {
        if roles.iter().any(|&role| account.is(role, party)) {
            Ok(())
        } else {
            Err(Refusal::OnlyParty {
                party: party.to_string(),
                roles: words,
                what,
            })
        }
    };
    // A coordinator of a party to the plan (or of any party, for a new plan).
    let any_coordinator = || match account.party.as_deref() {
        Some(own) => must_be(own, &[Role::Coordinator], COORDINATORS),
        None => Err(Refusal::NeedsParty { role: account.role }),
    };
    match *act {
        Act::SavePlan { in_force: true } => Err(Refusal::OperatorOnly { what }),
        Act::SavePlan { in_force: false }
        | Act::EditDraft
        | Act::ProposeRevision
        | Act::ReadAudit => any_coordinator(),
        Act::Adopt { party }
        | Act::ApproveRevision { party }
        | Act::SetLeads { party }
        | Act::Restrict { party }
        | Act::ConfirmAgreed { party } => must_be(party, &[Role::Coordinator], COORDINATORS),
        Act::ReportProgress {
            party,
            organisation,
            engagement,
        } => {
            must_be(party, &[Role::Coordinator, Role::Reporter], REPORTING)?;
            match (account.role, account.organisation.as_deref()) {
                (Role::Reporter, Some(own)) => {
                    if let Some(named) = organisation.filter(|o| !o.eq_ignore_ascii_case(own)) {
                        return Err(Refusal::OtherOrganisation {
                            name: account.name.clone(),
                            own: own.to_string(),
                            named: named.to_string(),
                        });
                    }
                    if !engagement.involves(own) {
                        return Err(Refusal::NotEngaged {
                            name: account.name.clone(),
                            organisation: own.to_string(),
                            party: party.to_string(),
                        });
                    }
                    Ok(())
                }
                _ => Ok(()),
            }
        }
        Act::LogMeeting { host } => {
            if account.role == Role::Coordinator && account.party.is_some() {
                return Ok(());
            }
            match host {
                Some(host) => must_be(host, &[Role::Coordinator, Role::Reporter], REPORTING),
                None => any_coordinator(),
            }
        }
        Act::Assess { party } => must_be(party, &[Role::Evaluator, Role::Coordinator], EVALUATING),
        Act::RecordTargetValue { party: Some(party) } => {
            must_be(party, &[Role::Coordinator, Role::Reporter], REPORTING)
        }
        Act::RecordTargetValue { party: None } => match account.party.as_deref() {
            Some(own) => must_be(own, &[Role::Coordinator, Role::Reporter], REPORTING),
            None => Err(Refusal::NeedsParty { role: account.role }),
        },
        Act::CreateAccount {
            party: Some(party), ..
        }
        | Act::ManageAccount {
            party: Some(party), ..
        } => must_be(party, &[Role::Coordinator], COORDINATORS),
        Act::CreateAccount { party: None, .. } | Act::ManageAccount { party: None, .. } => {
            Err(Refusal::OperatorOnly {
                what: "create-independent",
            })
        }
        Act::ManageCredentials { name } if name == account.name => Ok(()),
        Act::ManageCredentials { name } => Err(Refusal::OwnCredentials {
            name: name.to_string(),
        }),
        Act::Administer => Err(Refusal::OperatorOnly { what }),
    }
}

/// Joint content changes directly only in a draft, by revision only in
/// force; a closed plan takes only records (reports, meetings, values,
/// assessments) and restrictions.
fn stage_allows(act: &Act, plan: Option<&PlanScope>) -> Result<(), Refusal> {
    use PlanStatus::{Draft, InForce};
    let Some(plan) = plan else { return Ok(()) };
    let (stages, needed): (&[PlanStatus], &'static str) = match act {
        Act::EditDraft | Act::Adopt { .. } => (&[Draft], "a draft"),
        Act::ProposeRevision | Act::ApproveRevision { .. } => (&[InForce], "in force"),
        Act::SetLeads { .. } => (&[Draft, InForce], "a draft or in force"),
        _ => return Ok(()),
    };
    if stages.contains(&plan.status) {
        Ok(())
    } else {
        Err(Refusal::WrongStage {
            what: phrase_id(act),
            needed,
            status: plan.status,
        })
    }
}

/// The phrase id that names an act in refusals.
fn phrase_id(act: &Act) -> &'static str {
    match act {
        Act::SavePlan { in_force: false } => "save-plan",
        Act::SavePlan { in_force: true } => "save-in-force",
        Act::EditDraft => "edit-draft",
        Act::Adopt { .. } => "adopt",
        Act::ProposeRevision => "propose-revision",
        Act::ApproveRevision { .. } => "approve-revision",
        Act::SetLeads { .. } => "set-leads",
        Act::Restrict { .. } => "restrict",
        Act::ReportProgress { .. } => "report-progress",
        Act::LogMeeting { .. } => "log-meeting",
        Act::Assess { .. } => "assess",
        Act::ConfirmAgreed { .. } => "confirm-agreed",
        Act::RecordTargetValue { .. } => "record-target-value",
        Act::CreateAccount { .. } => "create-account",
        Act::ManageAccount { .. } => "manage-account",
        Act::ManageCredentials { .. } => "manage-account",
        Act::Administer => "administer",
        Act::ReadAudit => "read-audit",
    }
}
