//! The plan's registers: `/plans/{slug}/agreements` and
//! `/plans/{slug}/organisations`.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use jointplan_core::{AgreementKind, AgreementStatus};

use super::Cx;
use crate::auth::Viewer;
use crate::data::PlanData;
use crate::error::WebError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::frame::Frame;
use crate::view::{Link, labels};

struct AgreementRow {
    title: String,
    kind: String,
    parties: String,
    years: String,
    status: String,
    pending: bool,
    lines: Vec<Link>,
}

#[derive(Template)]
#[template(path = "agreements.html")]
struct AgreementsPage<'a> {
    frame: Frame,
    t: &'a Tr,
    summary: String,
    agreements: Vec<AgreementRow>,
}

struct OrganisationRow {
    name: String,
    acronyms: String,
    actions: Vec<Link>,
    engaged: Vec<Engaged>,
}

/// An action an organisation leads or joins for a party, as that party set it.
struct Engaged {
    link: Link,
    role: String,
}

/// What organisation `id` leads or joins, for each party that says so,
/// in plan order; actions the viewer may not see (restricted) are left out.
fn engagements(t: &Tr, data: &PlanData, id: &str) -> Vec<Engaged> {
    let plan = &data.plan;
    let same = |o: &str| o.eq_ignore_ascii_case(id);
    plan.actions()
        .flat_map(|a| {
            data.content
                .leads
                .iter()
                .filter(move |l| l.action == a.code)
                .filter_map(move |l| {
                    let role_id = if l.lead.as_deref().is_some_and(same) {
                        "organisation-leads-for"
                    } else if l.partners.iter().any(|p| same(p)) {
                        "organisation-joins-for"
                    } else {
                        return None;
                    };
                    Some(Engaged {
                        link: Link::new(
                            format!("/plans/{}/actions/{}", plan.slug, a.code),
                            a.code.clone(),
                        ),
                        role: t.arg(role_id, "party", &labels::party(t, plan, &l.party)),
                    })
                })
        })
        .collect()
}

struct Group {
    heading: String,
    organisations: Vec<OrganisationRow>,
}

#[derive(Template)]
#[template(path = "organisations.html")]
struct OrganisationsPage<'a> {
    frame: Frame,
    t: &'a Tr,
    summary: String,
    groups: Vec<Group>,
}

/// `GET /plans/{slug}/agreements`.
pub async fn agreements(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let path = format!("/plans/{slug}/agreements");
    super::plan_page(&state, &viewer, &headers, path, &slug, render_agreements).await
}

/// `GET /plans/{slug}/organisations`.
pub async fn organisations(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let path = format!("/plans/{slug}/organisations");
    super::plan_page(&state, &viewer, &headers, path, &slug, render_organisations).await
}

fn kind_id(kind: AgreementKind) -> &'static str {
    match kind {
        AgreementKind::Mou => "agreement-kind-mou",
        AgreementKind::Moc => "agreement-kind-moc",
        AgreementKind::Agreement => "agreement-kind-agreement",
        AgreementKind::JointStatement => "agreement-kind-joint-statement",
        AgreementKind::ActionPlan => "agreement-kind-action-plan",
        AgreementKind::Other => "agreement-kind-other",
    }
}

fn render_agreements(data: &PlanData, cx: &Cx) -> Result<String, WebError> {
    let t = cx.t;
    let plan = &data.plan;
    let rows = plan
        .agreements
        .iter()
        .map(|a| {
            let pending = a.status == AgreementStatus::Pending;
            AgreementRow {
                title: a.title.clone(),
                kind: t.get(kind_id(a.kind)),
                parties: a
                    .parties
                    .iter()
                    .map(|p| labels::party(t, plan, p))
                    .collect::<Vec<_>>()
                    .join(", "),
                years: a
                    .years
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join("–"),
                status: t.get(if pending {
                    "agreement-pending"
                } else {
                    "agreement-signed"
                }),
                pending,
                lines: a
                    .lines
                    .iter()
                    .map(|n| Link::new(format!("/plans/{}/lines/{n}", plan.slug), n.to_string()))
                    .collect(),
            }
        })
        .collect();
    let page = AgreementsPage {
        frame: Frame::new(cx, t.get("agreements-title"), super::plan_crumbs(t, data)),
        t,
        summary: t.args(
            "agreements-summary",
            &[
                ("count", plan.agreements.len().to_string()),
                ("pending", plan.agreements_pending().to_string()),
            ],
        ),
        agreements: rows,
    };
    Ok(page.render()?)
}

fn render_organisations(data: &PlanData, cx: &Cx) -> Result<String, WebError> {
    let t = cx.t;
    let plan = &data.plan;
    let mut keys: Vec<Option<String>> = plan
        .partnership
        .parties
        .iter()
        .map(|p| Some(p.code.clone()))
        .collect();
    keys.push(None);
    let groups = keys
        .into_iter()
        .map(|key| Group {
            heading: match &key {
                Some(code) => labels::party(t, plan, code),
                None => t.get("organisations-other"),
            },
            organisations: plan
                .organisations
                .iter()
                .filter(|o| match &key {
                    Some(code) => o
                        .party
                        .as_deref()
                        .is_some_and(|p| p.eq_ignore_ascii_case(code)),
                    None => !plan.partnership.parties.iter().any(|p| {
                        o.party
                            .as_deref()
                            .is_some_and(|op| op.eq_ignore_ascii_case(&p.code))
                    }),
                })
                .map(|o| OrganisationRow {
                    name: o.name.clone().unwrap_or_else(|| o.label().to_owned()),
                    acronyms: o.acronyms.join(", "),
                    actions: plan
                        .actions()
                        .filter(|a| a.organisations.iter().any(|r| r.id == o.id))
                        .map(|a| {
                            Link::new(
                                format!("/plans/{}/actions/{}", plan.slug, a.code),
                                a.code.clone(),
                            )
                        })
                        .collect(),
                    engaged: engagements(t, data, &o.id),
                })
                .collect(),
        })
        .filter(|g| !g.organisations.is_empty())
        .collect();
    let page = OrganisationsPage {
        frame: Frame::new(
            cx,
            t.get("organisations-title"),
            super::plan_crumbs(t, data),
        ),
        t,
        summary: t.count("organisations-summary", plan.organisations.len()),
        groups,
    };
    Ok(page.render()?)
}
