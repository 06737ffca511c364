//! `/`: every plan the public may read, with parties, period, status and
//! progress per line and party.

use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

use super::Cx;
use crate::auth::Viewer;
use crate::data::PortfolioPlan;
use crate::error::WebError;
use crate::format;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::frame::Frame;
use crate::view::{labels, progress};

/// One plan of the portfolio.
struct Entry {
    href: String,
    title: String,
    parties: String,
    period: String,
    status: String,
    actions: String,
    caption: String,
    progress: progress::Table,
}

#[derive(Template)]
#[template(path = "portfolio.html")]
struct Portfolio<'a> {
    frame: Frame,
    t: &'a Tr,
    plans: Vec<Entry>,
}

/// `GET /`.
pub async fn handler(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let data = state.data.clone();
    super::other_page(&state, &viewer, &headers, "/", |cx| async move {
        let plans = data.portfolio(cx.viewer).await?;
        render(&cx, &plans)
    })
    .await
}

fn render(cx: &Cx, plans: &[PortfolioPlan]) -> Result<String, WebError> {
    let t = cx.t;
    let entries = plans
        .iter()
        .map(|p| Entry {
            href: format!("/plans/{}", p.info.slug),
            title: p.plan.title.clone(),
            parties: parties(t, &p.plan),
            period: period(t, &p.plan),
            status: labels::plan_status(t, p.status),
            actions: format::integer(t.lang(), p.plan.actions().count() as u64),
            caption: t.arg("progress-caption", "plan", &p.plan.title),
            progress: progress::from_rows(t, &p.plan, &p.progress),
        })
        .collect();
    let page = Portfolio {
        frame: Frame::new(cx, t.get("portfolio-title"), Vec::new()),
        t,
        plans: entries,
    };
    Ok(page.render()?)
}

/// The parties' names, joined.
pub fn parties(t: &Tr, plan: &jointplan_core::Plan) -> String {
    plan.partnership
        .parties
        .iter()
        .map(|p| labels::party(t, plan, &p.code))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The period, or that the plan states none.
pub fn period(t: &Tr, plan: &jointplan_core::Plan) -> String {
    plan.period.map_or_else(
        || t.get("plan-no-period"),
        |p| format!("{}–{}", p.start, p.end),
    )
}
