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
