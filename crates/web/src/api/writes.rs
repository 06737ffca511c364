//! The JSON API, write side. Each write names who sends it with an API
//! token (or a session and its CSRF header, see [`ApiWriter`]) before its
//! body is read, so a request without credentials is refused whatever it
//! carries; the store asks `core::access` whether the account may.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jointplan_core::progress::{Level, Report, Status};
use serde::Deserialize;

use crate::auth::ApiWriter;
use crate::error::WebError;
use crate::state::AppState;

/// A progress report as a program sends it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewReport {
    /// The action's code.
    pub action: String,
    /// The reporting party; the account's own when left out.
    #[serde(default)]
    pub party: Option<String>,
    /// The reporting organisation; a reporter's own when left out.
    #[serde(default)]
    pub organisation: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Where the action stands.
    pub status: Status,
    /// How much is done.
    pub level: Level,
    /// What happened.
    #[serde(default)]
    pub narrative: String,
    /// Links to evidence.
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// `POST /api/plans/{slug}/reports`: files one report; 201 with its id.
pub async fn add_report(
    State(state): State<AppState>,
    ApiWriter(viewer): ApiWriter,
    Path(slug): Path<String>,
    body: Result<Json<NewReport>, JsonRejection>,
) -> Result<Response, WebError> {
    let Json(new) = body.map_err(|e| WebError::BadForm(e.body_text()))?;
    let info = state.plan_info_for(&viewer, &slug).await?;
    let signed = viewer.signed().ok_or(WebError::Unauthenticated)?;
    let party = new
        .party
        .or_else(|| signed.rules.party.clone())
        .or_else(|| info.party_codes().into_iter().next())
        .ok_or(WebError::NotFound)?;
    let report = Report {
        action: new.action,
        party,
        organisation: new
            .organisation
            .or_else(|| signed.rules.organisation.clone()),
        date: new.date,
        status: new.status,
        level: new.level,
        narrative: new.narrative,
        evidence: new.evidence,
    };
    let id = state
        .data
        .add_report(&slug, &report, &viewer.actor())
        .await?;
    state.wrote();
    let body = serde_json::json!({ "id": id, "plan": slug, "action": report.action });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
