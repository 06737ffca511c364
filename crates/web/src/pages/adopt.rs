//! Adopting a draft from its plan page (`POST /plans/{slug}/adoption`):
//! a coordinator approves the draft's current content for its party; the
//! plan comes into force once every party approved the same content hash.
//! The form carries the content hash it was shown, so that approving
//! content that has changed since is a 409, not a silent approval.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use jointplan_core::life::status::PlanStatus;
use serde::Deserialize;

use super::Cx;
use crate::auth::CsrfForm;
use crate::data::PlanData;
use crate::error::WebError;
use crate::format;
use crate::permits;
use crate::state::AppState;
use crate::view::labels;

/// The adopt form's fields.
#[derive(Debug, Deserialize)]
pub struct AdoptForm {
    /// The content hash of the version the coordinator read.
    #[serde(default)]
    pub content_hash: String,
}

/// A draft's approvals and, for a coordinator who may, the form to approve it.
pub struct AdoptionView {
    /// Each party's approval of the current content, or that it is awaited.
    pub approvals: Vec<String>,
    /// The form, when the rules let the viewer approve.
    pub form: Option<AdoptFormView>,
}

/// The approve form.
pub struct AdoptFormView {
    /// Where it is sent.
    pub action: String,
    /// The session's CSRF token.
    pub csrf: String,
    /// The current content hash.
    pub content_hash: String,
    /// "Approve this draft for Denmark".
    pub submit: String,
}

/// What the plan page shows of a draft's adoption; none once in force.
pub fn view(data: &PlanData, cx: &Cx) -> Option<AdoptionView> {
    if data.status != PlanStatus::Draft {
        return None;
    }
    let t = cx.t;
    let hash = &data.version.content_hash;
    let approvals = data
        .info
        .party_codes()
        .iter()
        .map(|party| {
            let name = labels::party(t, &data.plan, party);
            let approval = data
                .adoptions
                .iter()
                .rev()
                .find(|a| a.party.eq_ignore_ascii_case(party) && &a.content_hash == hash);
            match approval {
                Some(a) => t.args(
                    "adopt-approved",
                    &[
                        ("party", name),
                        (
                            "date",
                            format::date(t, a.approved_at.get(..10).unwrap_or_default()),
                        ),
                    ],
                ),
                None => t.arg("adopt-awaited", "party", &name),
            }
        })
        .collect();
    let form = permits::adopt_party(cx.viewer, data)
        .filter(|party| {
            !data
                .adoptions
                .iter()
                .any(|a| a.party.eq_ignore_ascii_case(party) && &a.content_hash == hash)
        })
        .map(|party| AdoptFormView {
            action: format!("/plans/{}/adoption", data.info.slug),
            csrf: cx.viewer.csrf().unwrap_or_default().to_owned(),
            content_hash: hash.clone(),
            submit: t.arg(
                "adopt-submit",
                "party",
                &labels::party(t, &data.plan, &party),
            ),
        });
    Some(AdoptionView { approvals, form })
}

/// Refuses an approval of content other than the current version's.
pub fn check_hash(data: &PlanData, sent: &str) -> Result<(), WebError> {
    let current = &data.version.content_hash;
    if sent.trim() == current {
        Ok(())
    } else {
        Err(WebError::Conflict(format!(
            "the draft has changed since it was read: its content hash is now {current}"
        )))
    }
}

/// `POST /plans/{slug}/adoption`.
pub async fn submit(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    CsrfForm { viewer, form }: CsrfForm<AdoptForm>,
) -> Result<Response, WebError> {
    let data = state.plan_for(&viewer, &slug).await?;
    check_hash(&data, &form.content_hash)?;
    // SEAM(store): `adopt_plan` approves whatever is current when it runs;
    // once it takes the expected hash, the check above moves into its
    // transaction and the narrow race between the two closes.
    let info = state.data.adopt(&slug, &viewer.actor()).await?;
    state.wrote();
    tracing::info!(plan = %slug, status = %info.status, "draft approved");
    Ok(Redirect::to(&format!("/plans/{slug}#adoption")).into_response())
}
