//! `POST /plans/{slug}/revisions/{id}/approval`: the revisions page's
//! form by which a coordinator approves a proposal for its own party; the
//! last party's approval makes the new version. An approval is appended,
//! not an edit of the content, so it carries no content hash.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::auth::CsrfForm;
use crate::error::WebError;
use crate::state::AppState;

/// The approval form: nothing but its CSRF token.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ApprovalForm {}

/// `POST /plans/{slug}/revisions/{id}/approval`.
pub async fn submit(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
    CsrfForm { viewer, form: _ }: CsrfForm<ApprovalForm>,
) -> Result<Response, WebError> {
    let data = state.plan_for(&viewer, &slug).await?;
    let signed = viewer.signed().ok_or(WebError::Unauthenticated)?;
    let revision = state.data.revision(id).await?;
    if revision.plan != slug {
        return Err(WebError::NotFound);
    }
    // A party approves only through its own coordinator: the form approves
    // for the account's own party. An account of no party is put to the
    // rules as approving for the plan's first party, so that the store
    // refuses it with the rule's own words.
    let party = signed
        .rules
        .party
        .clone()
        .or_else(|| data.info.party_codes().into_iter().next())
        .ok_or(WebError::NotFound)?;
    let approved = state
        .data
        .approve_revision(id, &party, &viewer.actor())
        .await?;
    state.wrote();
    tracing::info!(plan = %slug, revision = id, party = %party, applied = ?approved.applied_as, account = %signed.account.name, "revision approved");
    Ok(Redirect::to(&format!("/plans/{slug}/revisions#revision-{id}")).into_response())
}
