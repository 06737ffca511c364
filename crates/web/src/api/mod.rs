//! The JSON API: `/api/plans`, `/api/plans/{slug}` (the canonical plan),
//! its progress, reports, meetings and findings, the writes in
//! [`writes`], and the OpenAPI document that describes them.

pub mod openapi;
pub mod party;
pub mod revisions;
pub mod writes;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use jointplan_core::{canonical, lint, rollup};
use serde::Serialize;

use crate::auth::Viewer;
use crate::error::WebError;
use crate::state::AppState;

/// The API's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi::handler))
        .route("/api/plans", get(plans))
        .route("/api/plans/{slug}", get(plan))
        .route("/api/plans/{slug}/progress", get(progress))
        .route(
            "/api/plans/{slug}/reports",
            get(reports).post(writes::add_report),
        )
        .route(
            "/api/plans/{slug}/meetings",
            get(meetings).post(party::add_meeting),
        )
        .route(
            "/api/plans/{slug}/actions/{code}/leads",
            post(party::set_leads),
        )
        .route(
            "/api/plans/{slug}/actions/{code}/restriction",
            post(party::restrict),
        )
        .route("/api/plans/{slug}/adoption", post(party::adopt))
        .route("/api/plans/{slug}/audit", get(party::audit))
        .route("/api/plans/{slug}/revisions", post(revisions::propose))
        .route(
            "/api/plans/{slug}/revisions/{id}/approval",
            post(revisions::approve),
        )
        .route("/api/plans/{slug}/findings", get(findings))
}

/// A JSON body with its media type.
fn json_text(text: String) -> Response {
    let mut response = text.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// A serialisable value as JSON.
fn json<T: Serialize>(value: &T) -> Response {
    axum::Json(value).into_response()
}

/// One plan in the list.
#[derive(Debug, Serialize)]
pub struct PlanEntry {
    /// The plan's slug.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// Its parties' codes.
    pub parties: Vec<String>,
    /// `draft`, `in_force` or `closed` (the public sees no drafts).
    pub status: &'static str,
    /// The current version's number.
    pub version: i64,
}

async fn plans(State(state): State<AppState>, viewer: Viewer) -> Result<Response, WebError> {
    let list: Vec<PlanEntry> = state
        .data
        .plan_infos()
        .await?
        .into_iter()
        .filter(|(info, _)| viewer.may_read(&crate::data::scope(info)))
        .map(|(info, status)| PlanEntry {
            parties: info.party_codes(),
            slug: info.slug,
            title: info.title,
            status: status.as_str(),
            version: info.current_version,
        })
        .collect();
    Ok(json(&list))
}

async fn plan(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let data = state.plan_for(&viewer, &slug).await?;
    let mut response = json_text(canonical::to_json(&data.plan));
    // The content hash names exactly this content: the edits of the next
    // round send it back in `If-Match`.
    if let Ok(v) = HeaderValue::from_str(&format!("\"{}\"", data.version.content_hash)) {
        response.headers_mut().insert(header::ETAG, v);
    }
    Ok(response)
}

async fn progress(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let data = state.plan_for(&viewer, &slug).await?;
    let reports: Vec<_> = data.reports.iter().map(|r| r.report.clone()).collect();
    Ok(json(&rollup::plan_rollups(&data.plan, &reports)))
}

/// A stored report as the API shows it.
#[derive(Debug, Serialize)]
struct ReportEntry<'a> {
    id: i64,
    #[serde(flatten)]
    report: &'a jointplan_core::progress::Report,
    recorded_at: &'a str,
}

async fn reports(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let data = state.plan_for(&viewer, &slug).await?;
    let list: Vec<ReportEntry> = data
        .reports
        .iter()
        .map(|r| ReportEntry {
            id: r.id,
            report: &r.report,
            recorded_at: &r.recorded_at,
        })
        .collect();
    Ok(json(&list))
}

/// A stored meeting as the API shows it.
#[derive(Debug, Serialize)]
struct MeetingEntry<'a> {
    id: i64,
    #[serde(flatten)]
    occurrence: &'a jointplan_store::Occurrence,
    recorded_at: &'a str,
}

async fn meetings(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let data = state.plan_for(&viewer, &slug).await?;
    let list: Vec<MeetingEntry> = data
        .occurrences
        .iter()
        .map(|o| MeetingEntry {
            id: o.id,
            occurrence: &o.occurrence,
            recorded_at: &o.recorded_at,
        })
        .collect();
    Ok(json(&list))
}

async fn findings(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let data = state.plan_for(&viewer, &slug).await?;
    let report = lint::lint(&data.plan, &lint::LintConfig::default());
    Ok(json(&report.to_json()))
}
