//! `/`: every plan the viewer may read, with parties, period, status and
//! progress per line and party, a page of [`PER_PAGE`] plans at a time
//! (`/?page=2`), so that a foreign ministry's whole portfolio stays a page
//! a person can load on a ministry laptop.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Deserialize;

use super::Cx;
use crate::auth::Viewer;
use crate::data::{Page, PortfolioPlan};
use crate::error::WebError;
use crate::format;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::frame::Frame;
use crate::view::{Link, labels, progress};

/// Plans per page of the portfolio.
pub const PER_PAGE: usize = 50;

/// The query of `/`: which page.
#[derive(Debug, Deserialize)]
pub struct PortfolioQuery {
    page: Option<usize>,
}

/// The links between the portfolio's pages.
struct Pager {
    showing: String,
    previous: Option<Link>,
    next: Option<Link>,
}

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
    pager: Option<Pager>,
}

/// `GET /`.
pub async fn handler(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Query(q): Query<PortfolioQuery>,
) -> Result<Response, WebError> {
    let data = state.data.clone();
    let page = Page {
        number: q.page.unwrap_or(1).max(1),
        size: PER_PAGE,
    };
    let path = match page.number {
        1 => "/".to_owned(),
        n => format!("/?page={n}"),
    };
    super::other_page(&state, &viewer, &headers, &path, |cx| async move {
        let (plans, total) = data.portfolio(cx.viewer, page).await?;
        if page.number > page.count(total) {
            return Err(WebError::NotFound);
        }
        render(&cx, &plans, page, total)
    })
    .await
}

fn render(cx: &Cx, plans: &[PortfolioPlan], page: Page, total: usize) -> Result<String, WebError> {
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
        pager: pager(t, page, plans.len(), total),
    };
    Ok(page.render()?)
}

/// Where this page stands among the portfolio's pages; none when one page
/// holds every plan.
fn pager(t: &Tr, page: Page, shown: usize, total: usize) -> Option<Pager> {
    let pages = page.count(total);
    if pages <= 1 {
        return None;
    }
    let lang = t.lang();
    let first = page.skip() + 1;
    let link = |n: usize, id: &str| {
        let href = if n == 1 {
            "/".to_owned()
        } else {
            format!("/?page={n}")
        };
        Link::new(href, t.get(id))
    };
    Some(Pager {
        showing: t.args(
            "portfolio-showing",
            &[
                ("first", format::integer(lang, first as u64)),
                (
                    "last",
                    format::integer(lang, (first + shown).saturating_sub(1) as u64),
                ),
                ("total", format::integer(lang, total as u64)),
            ],
        ),
        previous: (page.number > 1).then(|| link(page.number - 1, "portfolio-previous")),
        next: (page.number < pages).then(|| link(page.number + 1, "portfolio-next")),
    })
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
