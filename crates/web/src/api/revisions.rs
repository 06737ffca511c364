//! The API's edits of a plan's content: `POST /api/plans/{slug}/revisions`
//! with a change set (a draft changes at once, a plan in force gets a
//! proposal its proposer's party approves), which must name the content it
//! changes in `If-Match` (missing: 428; stale: 412); and
//! `POST /api/plans/{slug}/revisions/{id}/approval`, an appended record
//! that needs none.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use jointplan_core::revision::ChangeSet;
use serde::Deserialize;

use crate::auth::ApiWriter;
use crate::data::Changed;
use crate::error::{Detail, WebError};
use crate::state::AppState;

/// An approval as a program sends it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewApproval {
    /// The approving party; the account's own when left out.
    #[serde(default)]
    pub party: Option<String>,
}

/// A refusal of a precondition, with its explanation.
fn precondition(status: StatusCode, text: &str) -> Response {
    let mut response = status.into_response();
    response
        .extensions_mut()
        .insert(Detail::Text(text.to_owned()));
    response
}

/// The hash `If-Match` names, without quotes or a weak prefix.
fn if_match(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::IF_MATCH)?.to_str().ok()?.trim();
    let value = value.strip_prefix("W/").unwrap_or(value);
    Some(value.trim_matches('"').to_owned())
}

/// `POST /api/plans/{slug}/revisions`: 201 with the new version's number
/// or the proposal's id.
pub async fn propose(
    State(state): State<AppState>,
    ApiWriter(viewer): ApiWriter,
    Path(slug): Path<String>,
    headers: HeaderMap,
    body: Result<Json<ChangeSet>, JsonRejection>,
) -> Result<Response, WebError> {
    let Json(set) = body.map_err(|e| WebError::BadForm(e.body_text()))?;
    state.plan_for(&viewer, &slug).await?;
    let signed = viewer.signed().ok_or(WebError::Unauthenticated)?;
    let Some(sent) = if_match(&headers) else {
        let text = "send If-Match with the ETag of GET /api/plans/{slug}";
        return Ok(precondition(StatusCode::PRECONDITION_REQUIRED, text));
    };
    let version = state.data.current_version(&slug).await?;
    if sent != version.content_hash {
        let text = "the plan changed meanwhile: read it again and send its new ETag";
        return Ok(precondition(StatusCode::PRECONDITION_FAILED, text));
    }
    let party = signed.rules.party.clone();
    let made = state
        .data
        .change_plan(&slug, &version, &set, party.as_deref(), &viewer.actor())
        .await;
    state.wrote();
    let body = match made? {
        Changed::Version(n) => serde_json::json!({ "id": n, "plan": slug, "version": n }),
        Changed::Proposed(id) => serde_json::json!({ "id": id, "plan": slug, "revision": id }),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// `POST /api/plans/{slug}/revisions/{id}/approval`: 201 with the
/// revision's id and, once every party approved, the version it made.
pub async fn approve(
    State(state): State<AppState>,
    ApiWriter(viewer): ApiWriter,
    Path((slug, id)): Path<(String, i64)>,
    body: Result<Json<NewApproval>, JsonRejection>,
) -> Result<Response, WebError> {
    let Json(new) = body.map_err(|e| WebError::BadForm(e.body_text()))?;
    let data = state.plan_for(&viewer, &slug).await?;
    let signed = viewer.signed().ok_or(WebError::Unauthenticated)?;
    if state.data.revision(id).await?.plan != slug {
        return Err(WebError::NotFound);
    }
    let party = new
        .party
        .or_else(|| signed.rules.party.clone())
        .or_else(|| data.info.party_codes().into_iter().next())
        .ok_or(WebError::NotFound)?;
    let r = state
        .data
        .approve_revision(id, &party, &viewer.actor())
        .await?;
    state.wrote();
    let body = serde_json::json!({ "id": id, "plan": slug, "pending": r.pending, "version": r.applied_as });
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
