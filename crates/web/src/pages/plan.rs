//! `/plans/{slug}`: the plan at a glance.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use jointplan_core::rollup;

use super::Cx;
use super::portfolio::{parties, period};
use crate::auth::Viewer;
use crate::data::PlanData;
use crate::error::WebError;
use crate::format;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::findings::{self, Finding};
use crate::view::frame::Frame;
use crate::view::matrix::{self, Matrix};
use crate::view::meetings::{self, Meeting};
use crate::view::{Link, labels, progress, today};

/// How many upcoming meetings the plan page lists.
const NEXT_MEETINGS: usize = 5;

/// One action in a line's list.
pub struct ActionItem {
    pub code: String,
    pub href: String,
    pub text: String,
}

/// A line with its actions.
struct LineItem {
    number: u32,
    label: String,
    href: String,
    sdgs: String,
    actions: Vec<ActionItem>,
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage<'a> {
    frame: Frame,
    t: &'a Tr,
    slug: String,
    parties: String,
    partnership: Option<String>,
    period: String,
    status: String,
    signed: String,
    signatories: Vec<String>,
    version: String,
    agreements: String,
    organisations: String,
    progress: progress::Table,
    progress_caption: String,
    lines: Vec<LineItem>,
    matrix: Matrix,
    mechanisms: Vec<Link>,
    next_meetings: Vec<Meeting>,
    findings_summary: String,
    has_source: bool,
    findings: Vec<Finding>,
    adoption: Option<super::adopt::AdoptionView>,
    audit_href: Option<String>,
}

/// `GET /plans/{slug}`.
pub async fn handler(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let path = format!("/plans/{slug}");
    super::plan_page(&state, &viewer, &headers, path, &slug, render).await
}

/// The actions of a line as list items.
pub fn action_items(slug: &str, line: &jointplan_core::Line) -> Vec<ActionItem> {
    line.actions()
        .map(|a| ActionItem {
            code: a.code.clone(),
            href: format!("/plans/{slug}/actions/{}", a.code),
            text: a.text.clone(),
        })
        .collect()
}

/// The goals a list of mentions names, with their titles in the language.
pub fn goal_list(t: &Tr, mentions: &[jointplan_core::SdgMention]) -> String {
    let mut goals: Vec<u32> = mentions.iter().map(|m| m.goal).collect();
    goals.sort_unstable();
    goals.dedup();
    goals
        .into_iter()
        .map(|g| labels::goal(t, g))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn render(data: &PlanData, cx: &Cx) -> Result<String, WebError> {
    let t = cx.t;
    let plan = &data.plan;
    let lang = t.lang();
    let reports: Vec<_> = data.reports.iter().map(|r| r.report.clone()).collect();
    let rollups = rollup::plan_rollups(plan, &reports);
    let found = findings::of(t, plan, data.signed_text.as_deref());
    let page = PlanPage {
        frame: Frame::new(
            cx,
            plan.title.clone(),
            vec![Link::new("/", t.get("portfolio-title"))],
        ),
        t,
        slug: plan.slug.clone(),
        parties: parties(t, plan),
        partnership: plan.partnership.name.clone(),
        period: period(t, plan),
        status: labels::plan_status(t, data.status),
        signed: plan.signed.map_or_else(
            || t.get("plan-not-stated"),
            |d| format::date(t, &d.to_string()),
        ),
        signatories: plan
            .signatories
            .iter()
            .map(|s| match &s.party {
                Some(p) => format!("{}, {} ({})", s.name, s.title, labels::party(t, plan, p)),
                None => format!("{}, {}", s.name, s.title),
            })
            .collect(),
        version: t.args(
            "plan-version-of",
            &[
                ("number", format::integer(lang, data.version.number as u64)),
                (
                    "date",
                    format::date(t, data.version.created_at.get(..10).unwrap_or_default()),
                ),
            ],
        ),
        agreements: format::integer(lang, plan.agreements.len() as u64),
        organisations: format::integer(lang, plan.organisations.len() as u64),
        progress: progress::from_rollups(t, plan, &rollups),
        progress_caption: t.arg("progress-caption", "plan", &plan.title),
        lines: plan
            .lines
            .iter()
            .map(|l| LineItem {
                number: l.number,
                label: format!("{}. {}", l.number, l.title),
                href: format!("/plans/{}/lines/{}", plan.slug, l.number),
                sdgs: goal_list(t, &l.sdgs),
                actions: action_items(&plan.slug, l),
            })
            .collect(),
        matrix: matrix::of(t, plan),
        mechanisms: plan
            .mechanisms
            .iter()
            .map(|m| {
                Link::new(
                    format!("/plans/{}/mechanisms/{}", plan.slug, m.id),
                    m.name.clone(),
                )
            })
            .collect(),
        next_meetings: meetings::next(t, plan, &data.occurrences, &today(), NEXT_MEETINGS),
        findings_summary: t.count("findings-count", found.len()),
        has_source: data.signed_text.is_some(),
        findings: found,
        adoption: super::adopt::view(data, cx),
        audit_href: crate::permits::read_audit(cx.viewer, data)
            .then(|| format!("/plans/{}/audit", data.info.slug)),
    };
    Ok(page.render()?)
}
