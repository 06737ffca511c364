//! `/plans/{slug}/mechanisms/{id}`: a recurring body and its meetings,
//! past and planned.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use jointplan_core::Frequency;

use super::Cx;
use crate::auth::Viewer;
use crate::data::PlanData;
use crate::error::WebError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::view::frame::Frame;
use crate::view::meetings::{self, Meeting};
use crate::view::{Link, today};

#[derive(Template)]
#[template(path = "mechanism.html")]
struct MechanismPage<'a> {
    frame: Frame,
    t: &'a Tr,
    recurrence: String,
    actions: Vec<Link>,
    meetings: Vec<Meeting>,
    form: Option<super::meeting::MeetingFormView>,
    notice: Option<String>,
}

/// The query of the mechanism page: a meeting just logged.
#[derive(Debug, serde::Deserialize)]
pub struct MechanismQuery {
    logged: Option<i64>,
}

/// `GET /plans/{slug}/mechanisms/{id}`.
pub async fn handler(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<MechanismQuery>,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    let path = format!("/plans/{slug}/mechanisms/{id}");
    // The public's page is shared: a notice is only for whoever just logged.
    let logged = q.logged.is_some() && !viewer.is_public();
    super::plan_page(&state, &viewer, &headers, path, &slug, move |data, cx| {
        render(data, cx, &id, None, logged)
    })
    .await
}

/// How often, in the language, with the plan's words.
fn frequency(t: &Tr, f: Frequency) -> String {
    match f {
        Frequency::Years { interval } => t.count("every-years", interval as usize),
        Frequency::Months { interval } => t.count("every-months", interval as usize),
        Frequency::Weeks { interval } => t.count("every-weeks", interval as usize),
        Frequency::Unspecified => t.get("every-unspecified"),
    }
}

/// The mechanism page; `draft` is a meeting form sent back to be
/// corrected, `logged` says a meeting was just logged.
pub fn render(
    data: &PlanData,
    cx: &Cx,
    id: &str,
    draft: Option<&super::meeting::MeetingDraft>,
    logged: bool,
) -> Result<String, WebError> {
    let t = cx.t;
    let plan = &data.plan;
    let mechanism = plan
        .mechanisms
        .iter()
        .find(|m| m.id == id)
        .ok_or(WebError::NotFound)?;
    let r = &mechanism.recurrence;
    let mut recurrence = format!("{} (“{}”)", frequency(t, r.frequency), r.phrase);
    if let Some(other) = r.alternative {
        recurrence.push_str(&format!(
            "; {}",
            t.arg("recurrence-or", "other", &frequency(t, other))
        ));
    }
    let page = MechanismPage {
        frame: Frame::new(cx, mechanism.name.clone(), super::plan_crumbs(t, data)),
        t,
        recurrence,
        actions: mechanism
            .actions
            .iter()
            .map(|c| Link::new(format!("/plans/{}/actions/{c}", plan.slug), c.clone()))
            .collect(),
        meetings: meetings::all(t, plan, &data.occurrences, Some(id), &today()),
        form: super::meeting::form(data, cx, id, draft),
        notice: logged.then(|| t.get("meeting-form-sent")),
    };
    Ok(page.render()?)
}
