//! `/plans/{slug}/actions/{code}`: one commitment, and both parties'
//! report history.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use jointplan_core::progress::{Level, Status};
use serde::Deserialize;

use super::Cx;
use super::edit::{EditDraft, EditForm};
use super::plan::goal_list;
use super::report::{Draft, ReportForm};
use crate::auth::Viewer;
use crate::data::PlanData;
use crate::error::WebError;
use crate::format;
use crate::i18n::Tr;
use crate::permits;
use crate::state::AppState;
use crate::view::frame::Frame;
use crate::view::{Link, labels};

struct ReportRow {
    date: String,
    level: String,
    status: String,
    organisation: String,
    narrative: String,
}

struct PartyReports {
    code: String,
    name: String,
    lead: Option<String>,
    partners: Vec<String>,
    reports: Vec<ReportRow>,
}

/// One choice of a select of the report form.
struct Choice {
    value: &'static str,
    label: String,
    selected: bool,
}

/// The report form, for a viewer who may report here.
struct ReportFormView {
    action: String,
    intro: String,
    csrf: String,
    date: String,
    statuses: Vec<Choice>,
    levels: Vec<Choice>,
    narrative: String,
    evidence: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "action.html")]
struct ActionPage<'a> {
    frame: Frame,
    t: &'a Tr,
    text: String,
    line: Link,
    track: String,
    kind: String,
    strength: String,
    sdgs: String,
    organisations: String,
    mechanisms: Vec<Link>,
    parties: Vec<PartyReports>,
    form: Option<ReportFormView>,
    edit: Option<EditFormView>,
    notice: Option<String>,
    party_forms: Option<super::party::ActionForms>,
}

/// The edit form, for a coordinator who may change the plan's text.
struct EditFormView {
    action: String,
    intro: String,
    csrf: String,
    hash: String,
    text: String,
    tracks: Vec<TrackChoice>,
    sdgs: String,
    reason: String,
    submit: String,
    error: Option<String>,
}

/// One track the action may move to.
struct TrackChoice {
    value: String,
    label: String,
    selected: bool,
}

/// The query of the action page: a report just saved.
#[derive(Debug, Deserialize)]
pub struct ActionQuery {
    reported: Option<i64>,
    /// What of the party's own content was just saved (`leads`, `restriction`).
    saved: Option<String>,
}

/// `GET /plans/{slug}/actions/{code}`.
pub async fn handler(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((slug, code)): Path<(String, String)>,
    Query(q): Query<ActionQuery>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let path = format!("/plans/{slug}/actions/{code}");
    // The public's page is shared: a notice is only for whoever just reported.
    let notice = q
        .reported
        .map(|_| "report-form-sent")
        .or_else(|| super::party::saved_notice(q.saved.as_deref()))
        .filter(|_| !viewer.is_public());
    super::plan_page(&state, &viewer, &headers, path, &slug, move |data, cx| {
        render(data, cx, &code, None, notice)
    })
    .await
}

/// The action page; `draft` is a report form sent back to be corrected,
/// `notice` the message id of what was just saved.
pub fn render(
    data: &PlanData,
    cx: &Cx,
    code: &str,
    draft: Option<&Draft>,
    notice: Option<&str>,
) -> Result<String, WebError> {
    render_with(data, cx, code, draft, None, notice)
}

/// The action page, with an edit form sent back to be corrected.
pub fn render_with(
    data: &PlanData,
    cx: &Cx,
    code: &str,
    draft: Option<&Draft>,
    edit: Option<&EditDraft>,
    notice: Option<&str>,
) -> Result<String, WebError> {
    let t = cx.t;
    let plan = &data.plan;
    let (line, track, action) = plan
        .lines
        .iter()
        .flat_map(|l| l.tracks.iter().map(move |tr| (l, tr)))
        .find_map(|(l, tr)| {
            tr.actions
                .iter()
                .find(|a| a.code == code)
                .map(|a| (l, tr, a))
        })
        .ok_or(WebError::NotFound)?;
    let org_label = |id: &str| {
        plan.organisation(id)
            .map_or(id.to_owned(), |o| o.label().to_owned())
    };
    let mut orgs: Vec<String> = action
        .organisations
        .iter()
        .map(|o| org_label(&o.id))
        .collect();
    orgs.dedup();
    let parties = plan
        .partnership
        .parties
        .iter()
        .map(|p| PartyReports {
            code: p.code.to_ascii_lowercase(),
            name: labels::party(t, plan, &p.code),
            lead: data
                .content
                .lead(code, &p.code)
                .and_then(|l| l.lead.as_deref())
                .map(org_label),
            partners: data
                .content
                .lead(code, &p.code)
                .map(|l| l.partners.iter().map(|o| org_label(o)).collect())
                .unwrap_or_default(),
            reports: data
                .reports
                .iter()
                .filter(|r| r.report.action == code && r.report.party.eq_ignore_ascii_case(&p.code))
                .map(|r| ReportRow {
                    date: format::date(t, &r.report.date),
                    level: labels::level(t, r.report.level),
                    status: labels::report_status(t, r.report.status),
                    organisation: r
                        .report
                        .organisation
                        .as_deref()
                        .map(org_label)
                        .unwrap_or_default(),
                    narrative: r.report.narrative.clone(),
                })
                .collect(),
        })
        .collect();
    let page = ActionPage {
        frame: Frame::new(
            cx,
            t.arg("action-title", "code", &action.code),
            super::plan_crumbs(t, data),
        ),
        t,
        text: action.text.clone(),
        line: Link::new(
            format!("/plans/{}/lines/{}", plan.slug, line.number),
            format!("{}. {}", line.number, line.title),
        ),
        track: format!("{} {}", track.code, track.heading),
        kind: labels::action_kind(t, action.kind),
        strength: labels::strength(t, &action.strength),
        sdgs: goal_list(t, &action.sdgs),
        organisations: orgs.join(", "),
        mechanisms: action
            .mechanisms
            .iter()
            .map(|id| {
                let name = plan
                    .mechanisms
                    .iter()
                    .find(|m| &m.id == id)
                    .map_or(id.clone(), |m| m.name.clone());
                Link::new(format!("/plans/{}/mechanisms/{id}", plan.slug), name)
            })
            .collect(),
        parties,
        form: report_form(data, cx, code, draft),
        notice: notice.map(|id| t.get(id)),
        party_forms: super::party::forms(data, cx, code),
        edit: edit_form(data, cx, action, &track.code, edit),
    };
    Ok(page.render()?)
}

/// The report form, when the rules let the viewer report on `code`.
fn report_form(
    data: &PlanData,
    cx: &Cx,
    code: &str,
    draft: Option<&Draft>,
) -> Option<ReportFormView> {
    let t = cx.t;
    let party = permits::report_party(cx.viewer, data, code)?;
    let signed = cx.viewer.signed()?;
    let organisation = signed.rules.organisation.as_deref().map_or_else(
        || "none".to_owned(),
        |id| {
            data.plan
                .organisation(id)
                .map_or(id.to_owned(), |o| o.label().to_owned())
        },
    );
    let fresh = ReportForm::today();
    let form = draft.map_or(&fresh, |d| &d.form);
    Some(ReportFormView {
        action: format!("/plans/{}/actions/{code}/reports", data.info.slug),
        intro: t.args(
            "report-form-intro",
            &[
                ("party", labels::party(t, &data.plan, &party)),
                ("organisation", organisation),
            ],
        ),
        csrf: cx.viewer.csrf().unwrap_or_default().to_owned(),
        date: form.date.clone(),
        statuses: Status::ALL
            .into_iter()
            .map(|s| Choice {
                value: s.as_str(),
                label: labels::report_status(t, s),
                selected: form.status == s.as_str(),
            })
            .collect(),
        levels: Level::ALL
            .into_iter()
            .map(|l| Choice {
                value: l.as_str(),
                label: labels::level(t, l),
                selected: form.level == l.as_str(),
            })
            .collect(),
        narrative: form.narrative.clone(),
        evidence: form.evidence.clone(),
        error: draft.map(|d| d.error.clone()),
    })
}

/// The edit form, when the rules let the viewer change the plan's text:
/// its button says whether the change applies now or goes to the other
/// party for approval.
fn edit_form(
    data: &PlanData,
    cx: &Cx,
    action: &jointplan_core::Action,
    track: &str,
    draft: Option<&EditDraft>,
) -> Option<EditFormView> {
    let t = cx.t;
    let editing = permits::editing(cx.viewer, data)?;
    let plan = &data.plan;
    let fresh = EditForm::of(action, track, &data.version.content_hash);
    let form = draft.map_or(&fresh, |d| &d.form);
    let own = cx.viewer.signed()?.rules.party.clone().unwrap_or_default();
    let others: Vec<String> = plan
        .partnership
        .parties
        .iter()
        .filter(|p| !p.code.eq_ignore_ascii_case(&own))
        .map(|p| labels::party(t, plan, &p.code))
        .collect();
    let (intro, submit) = match editing {
        permits::Editing::Draft => (t.get("edit-intro-draft"), t.get("edit-submit-draft")),
        permits::Editing::Propose => (
            t.get("edit-intro-propose"),
            t.arg("edit-submit-propose", "party", &others.join(", ")),
        ),
    };
    Some(EditFormView {
        action: format!("/plans/{}/actions/{}/edit", data.info.slug, action.code),
        intro,
        csrf: cx.viewer.csrf().unwrap_or_default().to_owned(),
        hash: form.hash.clone(),
        text: form.text.clone(),
        tracks: plan
            .lines
            .iter()
            .flat_map(|l| l.tracks.iter())
            .map(|tr| TrackChoice {
                value: tr.code.clone(),
                label: format!("{} {}", tr.code, tr.heading),
                selected: tr.code == form.track,
            })
            .collect(),
        sdgs: form.sdgs.clone(),
        reason: form.reason.clone(),
        submit,
        error: draft.map(|d| d.error.clone()),
    })
}
