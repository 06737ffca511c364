//! `/plans/{slug}/actions/{code}`: one commitment, and both parties'
//! report history.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::Cx;
use super::plan::goal_list;
use crate::auth::Viewer;
use crate::data::PlanData;
use crate::error::WebError;
use crate::format;
use crate::i18n::Tr;
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
    reports: Vec<ReportRow>,
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
}

/// `GET /plans/{slug}/actions/{code}`.
pub async fn handler(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((slug, code)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let path = format!("/plans/{slug}/actions/{code}");
    super::plan_page(&state, &viewer, &headers, path, &slug, move |data, cx| {
        render(data, cx, &code)
    })
    .await
}

fn render(data: &PlanData, cx: &Cx, code: &str) -> Result<String, WebError> {
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
    };
    Ok(page.render()?)
}
