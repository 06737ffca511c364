//! What a viewer's pages offer: a form is shown only to whom the store
//! would accept it from. Each question is put to `core::access` exactly as
//! the store puts it on submit, so the pages never decide authority on
//! their own (and the store checks again when the form arrives).

use jointplan_core::access::{Act, Engagement, check};

use crate::auth::Viewer;
use crate::data::PlanData;

/// The party the viewer would report for on action `code`, when the rules
/// let it report there: its own party, as coordinator, or as reporter of
/// an organisation that leads or joins the action for that party.
pub fn report_party(viewer: &Viewer, data: &PlanData, code: &str) -> Option<String> {
    let signed = viewer.signed()?;
    let party = signed.rules.party.as_deref()?;
    let lead = data.content.lead(code, party);
    let engagement = Engagement {
        lead: lead.and_then(|l| l.lead.as_deref()),
        partners: lead.map_or(&[], |l| l.partners.as_slice()),
    };
    let act = Act::ReportProgress {
        party,
        organisation: signed.rules.organisation.as_deref(),
        engagement,
    };
    check(&viewer.principal(), &act, Some(&data.scope()))
        .ok()
        .map(|()| party.to_owned())
}

/// The codes of the plan's actions the viewer may report on, in plan order.
pub fn reportable(viewer: &Viewer, data: &PlanData) -> Vec<String> {
    data.plan
        .actions()
        .filter(|a| report_party(viewer, data, &a.code).is_some())
        .map(|a| a.code.clone())
        .collect()
}

/// The viewer's own party, when the rules let it do the act `act_for`
/// names for that party on this plan: the party's own content (leads,
/// restrictions, adoption) is set by that party alone.
fn own_party_may(
    viewer: &Viewer,
    data: &PlanData,
    act_for: impl Fn(&str) -> Act<'_>,
) -> Option<String> {
    let party = viewer.signed()?.rules.party.as_deref()?;
    check(&viewer.principal(), &act_for(party), Some(&data.scope()))
        .ok()
        .map(|()| party.to_owned())
}

/// The party whose lead and partners the viewer may set (its own, as coordinator).
pub fn leads_party(viewer: &Viewer, data: &PlanData) -> Option<String> {
    own_party_may(viewer, data, |party| Act::SetLeads { party })
}

/// The party whose restriction of an action the viewer may set or lift.
pub fn restrict_party(viewer: &Viewer, data: &PlanData) -> Option<String> {
    own_party_may(viewer, data, |party| Act::Restrict { party })
}

/// The party for which the viewer may approve the draft's content.
pub fn adopt_party(viewer: &Viewer, data: &PlanData) -> Option<String> {
    own_party_may(viewer, data, |party| Act::Adopt { party })
}

/// The party the viewer may log a meeting as host for (its own).
pub fn meeting_host(viewer: &Viewer, data: &PlanData) -> Option<String> {
    own_party_may(viewer, data, |party| Act::LogMeeting { host: Some(party) })
}

/// Whether the viewer may read the plan's audit trail.
pub fn read_audit(viewer: &Viewer, data: &PlanData) -> bool {
    check(&viewer.principal(), &Act::ReadAudit, Some(&data.scope())).is_ok()
}

/// How the viewer may change the plan's joint content, if at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editing {
    /// A draft: the edit is a new version at once.
    Draft,
    /// In force: the edit is a revision proposal every party approves.
    Propose,
}

/// How the viewer may edit the plan's text: the act the store will be
/// asked for at this stage, put to the rules first.
pub fn editing(viewer: &Viewer, data: &PlanData) -> Option<Editing> {
    viewer.signed()?;
    let principal = viewer.principal();
    let scope = data.scope();
    if check(&principal, &Act::EditDraft, Some(&scope)).is_ok() {
        Some(Editing::Draft)
    } else if check(&principal, &Act::ProposeRevision, Some(&scope)).is_ok() {
        Some(Editing::Propose)
    } else {
        None
    }
}

/// The party the viewer would approve revision `pending` for: its own,
/// when that party's approval is still awaited and the rules let it approve.
pub fn approve_party(viewer: &Viewer, data: &PlanData, pending: &[String]) -> Option<String> {
    let party = viewer.signed()?.rules.party.as_deref()?;
    if !pending.iter().any(|p| p.eq_ignore_ascii_case(party)) {
        return None;
    }
    check(
        &viewer.principal(),
        &Act::ApproveRevision { party },
        Some(&data.scope()),
    )
    .ok()
    .map(|()| party.to_owned())
}
