//! Each party's own content of an action, from the action page: its lead
//! organisation and partners (`POST /plans/{slug}/actions/{code}/leads`)
//! and its restriction (`POST /plans/{slug}/actions/{code}/restriction`).
//! The forms are offered to whom `permits` says the store would accept
//! them from; the store asks `core::access` again on submit.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::Cx;
use crate::auth::{CsrfForm, Viewer};
use crate::data::PlanData;
use crate::error::WebError;
use crate::permits;
use crate::state::AppState;
use crate::view::labels;

/// One organisation of the register, as a choice of the leads form.
pub struct OrgChoice {
    /// Its id in the register.
    pub id: String,
    /// Its label and, when known, its name.
    pub label: String,
    /// Whether it is the party's lead now.
    pub lead: bool,
    /// Whether it is one of the party's partners now.
    pub partner: bool,
}

/// The register's organisations of one party (or of none), for the form.
pub struct OrgGroup {
    /// The party's name, or "International and other bodies".
    pub label: String,
    /// Its organisations, in register order.
    pub organisations: Vec<OrgChoice>,
    /// Whether its partner checkboxes show at first: the party's own
    /// group, and any group with a partner chosen.
    pub open: bool,
}

/// The leads form for the viewer's party.
pub struct LeadsFormView {
    /// Where it is sent.
    pub action: String,
    /// "Denmark's lead and partners".
    pub heading: String,
    /// The register's organisations: the viewer's party's first, then the
    /// other parties', then the rest.
    pub groups: Vec<OrgGroup>,
}

/// The restrict or lift form for the viewer's party.
pub struct RestrictFormView {
    /// Where it is sent.
    pub action: String,
    /// Whether the viewer's party restricts the action now.
    pub restricted: bool,
    /// What the action's restriction is now, in words.
    pub state: String,
}

/// The forms of a party's own content on the action page; each is none
/// when the rules would refuse it to the viewer.
pub struct ActionForms {
    /// The session's CSRF token.
    pub csrf: String,
    /// Lead and partners.
    pub leads: Option<LeadsFormView>,
    /// Restriction.
    pub restrict: Option<RestrictFormView>,
}

/// The forms the viewer may use on action `code`, none if neither.
pub fn forms(data: &PlanData, cx: &Cx, code: &str) -> Option<ActionForms> {
    let t = cx.t;
    let slug = &data.info.slug;
    let leads = permits::leads_party(cx.viewer, data).map(|party| {
        let current = data.content.lead(code, &party);
        let is = |set: Option<&str>, id: &str| set.is_some_and(|s| s.eq_ignore_ascii_case(id));
        LeadsFormView {
            action: format!("/plans/{slug}/actions/{code}/leads"),
            heading: t.arg(
                "party-leads-heading",
                "party",
                &labels::party(t, &data.plan, &party),
            ),
            groups: org_groups(t, data, &party, |o| OrgChoice {
                id: o.id.clone(),
                label: match &o.name {
                    Some(name) if name != o.label() => format!("{} – {name}", o.label()),
                    _ => o.label().to_owned(),
                },
                lead: is(current.and_then(|l| l.lead.as_deref()), &o.id),
                partner: current.is_some_and(|l| l.partners.iter().any(|p| is(Some(p), &o.id))),
            }),
        }
    });
    let restrict = permits::restrict_party(cx.viewer, data).map(|party| {
        let by: Vec<&str> = data
            .content
            .restrictions
            .iter()
            .filter(|r| r.action == code)
            .map(|r| r.party.as_str())
            .collect();
        let restricted = by.iter().any(|p| p.eq_ignore_ascii_case(&party));
        let state = if by.is_empty() {
            t.get("party-restrict-none")
        } else {
            let names: Vec<String> = by.iter().map(|p| labels::party(t, &data.plan, p)).collect();
            t.arg("party-restrict-by", "parties", &names.join(", "))
        };
        RestrictFormView {
            action: format!("/plans/{slug}/actions/{code}/restriction"),
            restricted,
            state,
        }
    });
    if leads.is_none() && restrict.is_none() {
        return None;
    }
    Some(ActionForms {
        csrf: cx.viewer.csrf().unwrap_or_default().to_owned(),
        leads,
        restrict,
    })
}

/// The register's organisations grouped by party, `party`'s group first,
/// then the plan's other parties', then those of neither.
fn org_groups(
    t: &crate::i18n::Tr,
    data: &PlanData,
    party: &str,
    choice: impl Fn(&jointplan_core::Organisation) -> OrgChoice,
) -> Vec<OrgGroup> {
    let plan = &data.plan;
    let mut parties = data.info.party_codes();
    parties.sort_by_key(|p| !p.eq_ignore_ascii_case(party));
    let of = |o: &jointplan_core::Organisation, p: &str| {
        o.party
            .as_deref()
            .is_some_and(|op| op.eq_ignore_ascii_case(p))
    };
    let mut groups: Vec<OrgGroup> = parties
        .iter()
        .map(|p| OrgGroup {
            label: labels::party(t, plan, p),
            organisations: plan
                .organisations
                .iter()
                .filter(|o| of(o, p))
                .map(&choice)
                .collect(),
            open: false,
        })
        .collect();
    groups.push(OrgGroup {
        label: t.get("organisations-other"),
        organisations: plan
            .organisations
            .iter()
            .filter(|o| !parties.iter().any(|p| of(o, p)))
            .map(&choice)
            .collect(),
        open: false,
    });
    groups.retain(|g| !g.organisations.is_empty());
    for (i, g) in groups.iter_mut().enumerate() {
        g.open = i == 0 || g.organisations.iter().any(|o| o.partner);
    }
    groups
}

/// The message id of the notice for what the action page's `saved` names.
pub fn saved_notice(saved: Option<&str>) -> Option<&'static str> {
    match saved? {
        "leads" => Some("party-leads-saved"),
        "restriction" => Some("party-restrict-saved"),
        _ => None,
    }
}

/// The party a write of the viewer's is put to the rules for: its own; an
/// account of no party is put to them for the plan's first party, so that
/// the store refuses it with the rule's own words.
pub fn acting_party(viewer: &Viewer, data: &PlanData) -> Result<String, WebError> {
    let signed = viewer.signed().ok_or(WebError::Unauthenticated)?;
    signed
        .rules
        .party
        .clone()
        .or_else(|| data.info.party_codes().into_iter().next())
        .ok_or(WebError::NotFound)
}

/// The values a form sent under `name`, in order (checkboxes repeat it).
fn values(fields: &[(String, String)], name: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(k, v)| k == name && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_owned())
        .collect()
}

/// `POST /plans/{slug}/actions/{code}/leads`: `lead` (empty: none) and
/// any number of `partners`.
pub async fn set_leads(
    State(state): State<AppState>,
    Path((slug, code)): Path<(String, String)>,
    CsrfForm { viewer, form }: CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let data = state.plan_with_action(&viewer, &slug, &code).await?;
    let party = acting_party(&viewer, &data)?;
    let lead = values(&form, "lead").into_iter().next();
    let partners = values(&form, "partners");
    state
        .data
        .set_leads(
            &slug,
            &code,
            &party,
            lead.as_deref(),
            &partners,
            &viewer.actor(),
        )
        .await?;
    state.wrote();
    tracing::info!(plan = %slug, action = %code, party = %party, "leads set");
    Ok(Redirect::to(&format!(
        "/plans/{slug}/actions/{code}?saved=leads#party-content"
    ))
    .into_response())
}

/// `POST /plans/{slug}/actions/{code}/restriction`: `restricted` is
/// `true` to restrict, `false` to lift the party's own restriction.
pub async fn restrict(
    State(state): State<AppState>,
    Path((slug, code)): Path<(String, String)>,
    CsrfForm { viewer, form }: CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let data = state.plan_with_action(&viewer, &slug, &code).await?;
    let party = acting_party(&viewer, &data)?;
    let restricted = match values(&form, "restricted").first().map(String::as_str) {
        Some("true") => true,
        Some("false") => false,
        _ => return Err(WebError::BadForm("restricted must be true or false".into())),
    };
    state
        .data
        .restrict(&slug, &code, &party, restricted, &viewer.actor())
        .await?;
    state.wrote();
    tracing::info!(plan = %slug, action = %code, party = %party, restricted, "restriction set");
    Ok(Redirect::to(&format!(
        "/plans/{slug}/actions/{code}?saved=restriction#party-content"
    ))
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_fields_are_all_read_and_empty_ones_dropped() {
        let fields: Vec<(String, String)> = [
            ("csrf", "x"),
            ("lead", ""),
            ("partners", "mhes"),
            ("partners", " dea "),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        assert!(values(&fields, "lead").is_empty());
        assert_eq!(values(&fields, "partners"), ["mhes", "dea"]);
    }
}
