//! `/plans/{slug}/lines/{number}`: one line of effort, its tracks and
//! actions, and each party's progress on them.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use jointplan_core::progress::latest;
use jointplan_core::rollup;

use super::Cx;
use crate::auth::Viewer;
use crate::data::PlanData;
use crate::error::WebError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::frame::Frame;
use crate::view::{labels, progress};

struct ActionRow {
    code: String,
    href: String,
    text: String,
    strength: String,
    /// Each party's current level.
    levels: Vec<String>,
}

struct TrackItem {
    code: String,
    heading: String,
    actions: Vec<ActionRow>,
}

#[derive(Template)]
#[template(path = "line.html")]
struct LinePage<'a> {
    frame: Frame,
    t: &'a Tr,
    ambition: Vec<String>,
    sdgs: Vec<String>,
    progress: progress::Table,
    progress_caption: String,
    party_names: Vec<String>,
    tracks: Vec<TrackItem>,
}

/// `GET /plans/{slug}/lines/{number}`.
pub async fn handler(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((slug, number)): Path<(String, u32)>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let path = format!("/plans/{slug}/lines/{number}");
    super::plan_page(&state, &viewer, &headers, path, &slug, move |data, cx| {
        render(data, cx, number)
    })
    .await
}

fn render(data: &PlanData, cx: &Cx, number: u32) -> Result<String, WebError> {
    let t = cx.t;
    let plan = &data.plan;
    let line = plan
        .lines
        .iter()
        .find(|l| l.number == number)
        .ok_or(WebError::NotFound)?;
    let reports: Vec<_> = data.reports.iter().map(|r| r.report.clone()).collect();
    let current = latest(&reports);
    let parties: Vec<&str> = plan
        .partnership
        .parties
        .iter()
        .map(|p| p.code.as_str())
        .collect();
    let rollups = rollup::plan_rollups(plan, &reports);
    let index = plan
        .lines
        .iter()
        .position(|l| l.number == number)
        .unwrap_or(0);
    let title = format!("{}. {}", line.number, line.title);
    let page = LinePage {
        frame: Frame::new(cx, title, super::plan_crumbs(t, data)),
        t,
        ambition: line.ambition.iter().map(|p| p.text.clone()).collect(),
        sdgs: {
            let mut goals: Vec<u32> = line.sdgs.iter().map(|m| m.goal).collect();
            goals.sort_unstable();
            goals.dedup();
            goals
                .into_iter()
                .map(|g| format!("{g}: {}", labels::goal_title(t, g)))
                .collect()
        },
        progress: progress::for_line(t, plan, &rollups, index),
        progress_caption: t.arg("progress-caption", "plan", &line.title),
        party_names: parties.iter().map(|p| labels::party(t, plan, p)).collect(),
        tracks: line
            .tracks
            .iter()
            .map(|track| TrackItem {
                code: track.code.clone(),
                heading: track.heading.clone(),
                actions: track
                    .actions
                    .iter()
                    .map(|a| ActionRow {
                        code: a.code.clone(),
                        href: format!("/plans/{}/actions/{}", plan.slug, a.code),
                        text: a.text.clone(),
                        strength: labels::strength(t, &a.strength),
                        levels: parties
                            .iter()
                            .map(|p| {
                                current.get(&(a.code.clone(), p.to_string())).map_or_else(
                                    || t.get("level-unreported"),
                                    |r| labels::level(t, r.level),
                                )
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    Ok(page.render()?)
}
