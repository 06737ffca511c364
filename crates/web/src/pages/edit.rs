//! `POST /plans/{slug}/actions/{code}/edit`: the action page's form to
//! correct an action's text, move it to another track or set its SDGs.
//! A draft changes at once (a new version); a plan in force gets a
//! revision proposal that the proposer's party approves with it. The form
//! carries the content hash it was shown with: if the plan changed
//! meanwhile, the page comes back with what was typed and a 409 notice.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use jointplan_core::Action;
use jointplan_core::revision::{Change, ChangeSet};
use serde::Deserialize;

use crate::auth::{CsrfForm, Viewer};
use crate::data::{Changed, PlanData};
use crate::error::WebError;
use crate::i18n::Tr;
use crate::state::{AppState, lang_of};

/// The edit form's fields, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct EditForm {
    /// The content hash the form was shown with.
    #[serde(default)]
    pub hash: String,
    /// The action's text.
    #[serde(default)]
    pub text: String,
    /// The track's code (`1.2`).
    #[serde(default)]
    pub track: String,
    /// Goals and targets, separated by commas or spaces (`7, 7.2`).
    #[serde(default)]
    pub sdgs: String,
    /// Why the parties change the plan.
    #[serde(default)]
    pub reason: String,
}

/// An edit form sent back: what was typed, and what is wrong.
#[derive(Debug, Clone)]
pub struct EditDraft {
    /// The fields as typed.
    pub form: EditForm,
    /// What to correct, in the page's language.
    pub error: String,
}

impl EditForm {
    /// The form for `action` of `track`, as the plan stands at `hash`.
    pub fn of(action: &Action, track: &str, hash: &str) -> EditForm {
        EditForm {
            hash: hash.to_owned(),
            text: action.text.clone(),
            track: track.to_owned(),
            sdgs: sdg_text(action),
            reason: String::new(),
        }
    }

    /// The changes this form asks of `action` (in track `track`): the
    /// text and SDGs first, the move last, since a move gives the action
    /// a new code.
    fn changes(&self, action: &Action, track: &str) -> Vec<Change> {
        let code = &action.code;
        let mut out = Vec::new();
        let text = self.text.trim();
        if text != action.text {
            out.push(Change::SetActionText {
                code: code.clone(),
                text: text.to_owned(),
            });
        }
        let sdgs = sdg_list(&self.sdgs);
        if sdgs != sdg_list(&sdg_text(action)) {
            out.push(Change::SetActionSdgs {
                code: code.clone(),
                sdgs,
            });
        }
        let to = self.track.trim();
        if !to.is_empty() && to != track {
            out.push(Change::MoveAction {
                code: code.clone(),
                track: to.to_owned(),
            });
        }
        out
    }
}

/// An action's declared SDGs as the form shows them: targets where named.
fn sdg_text(action: &Action) -> String {
    let mut ids: Vec<String> = action
        .sdgs
        .iter()
        .map(|m| m.target.clone().unwrap_or_else(|| m.goal.to_string()))
        .collect();
    ids.dedup();
    ids.join(", ")
}

/// The SDG ids typed, in order, each once.
fn sdg_list(typed: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in typed.split(|c: char| c == ',' || c.is_whitespace()) {
        if !id.is_empty() && !out.iter().any(|o| o == id) {
            out.push(id.to_owned());
        }
    }
    out
}

/// The action `code` and its track's code.
pub fn find<'a>(data: &'a PlanData, code: &str) -> Option<(&'a Action, &'a str)> {
    data.plan
        .lines
        .iter()
        .flat_map(|l| l.tracks.iter())
        .find_map(|t| {
            t.actions
                .iter()
                .find(|a| a.code == code)
                .map(|a| (a, t.code.as_str()))
        })
}

/// `POST /plans/{slug}/actions/{code}/edit`.
pub async fn submit(
    State(state): State<AppState>,
    Path((slug, code)): Path<(String, String)>,
    headers: HeaderMap,
    CsrfForm { viewer, form }: CsrfForm<EditForm>,
) -> Result<Response, WebError> {
    let t = Tr::of(lang_of(&headers));
    let data = state.plan_for(&viewer, &slug).await?;
    let signed = viewer.signed().ok_or(WebError::Unauthenticated)?;
    let (action, track) = find(&data, &code).ok_or(WebError::NotFound)?;
    let version = state.data.current_version(&slug).await?;
    if form.hash != version.content_hash {
        // The form comes back with the current hash, so that sending it
        // again, once read, applies it to the plan as it now stands.
        let draft = EditDraft {
            form: EditForm {
                hash: version.content_hash.clone(),
                ..form.clone()
            },
            error: t.get("edit-stale"),
        };
        return again(
            &state,
            &viewer,
            &headers,
            &slug,
            &code,
            draft,
            StatusCode::CONFLICT,
        )
        .await;
    }
    let changes = form.changes(action, track);
    if changes.is_empty() {
        let draft = EditDraft {
            form: form.clone(),
            error: t.get("edit-nothing"),
        };
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return again(&state, &viewer, &headers, &slug, &code, draft, status).await;
    }
    let set = ChangeSet {
        reason: form.reason.trim().to_owned(),
        changes,
    };
    let party = signed.rules.party.clone();
    let made = state
        .data
        .change_plan(&slug, &version, &set, party.as_deref(), &viewer.actor())
        .await;
    state.wrote();
    let made = match made {
        Ok(m) => m,
        Err(WebError::Invalid(text)) => {
            let draft = EditDraft {
                form: form.clone(),
                error: text,
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return again(&state, &viewer, &headers, &slug, &code, draft, status).await;
        }
        Err(e) => return Err(e),
    };
    tracing::info!(plan = %slug, action = %code, made = ?made, account = %signed.account.name, "plan edited");
    let to = match made {
        Changed::Proposed(id) => format!("/plans/{slug}/revisions#revision-{id}"),
        Changed::Version(_) if form.track.trim() == track => {
            format!("/plans/{slug}/actions/{code}")
        }
        Changed::Version(_) => format!("/plans/{slug}"),
    };
    Ok(Redirect::to(&to).into_response())
}

/// The action page again, its edit form filled with what was sent.
async fn again(
    state: &AppState,
    viewer: &Viewer,
    headers: &HeaderMap,
    slug: &str,
    code: &str,
    draft: EditDraft,
    status: StatusCode,
) -> Result<Response, WebError> {
    let path = format!("/plans/{slug}/actions/{code}");
    let response = super::plan_page(state, viewer, headers, path, slug, |data, cx| {
        super::action::render_with(data, cx, code, None, Some(&draft), None)
    })
    .await?;
    Ok(super::with_status(response, status))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdgs_are_read_in_order_once() {
        assert_eq!(sdg_list("7, 7.2 13,,7"), vec!["7", "7.2", "13"]);
        assert!(sdg_list(" , ").is_empty());
    }
}
