//! `POST /plans/{slug}/mechanisms/{id}/meetings`: the mechanism page's
//! form to log a meeting, held, planned, postponed or cancelled. The host
//! is the account's own party; the store asks `core::access`
//! (`LogMeeting { host }`) whether it may. A mistake comes back on the
//! mechanism page with what was typed kept.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use jointplan_core::progress::is_iso_date;
use jointplan_store::{Occurrence, OccurrenceStatus};
use serde::Deserialize;

use super::Cx;
use super::party::acting_party;
use crate::auth::{CsrfForm, Viewer};
use crate::data::PlanData;
use crate::error::WebError;
use crate::i18n::Tr;
use crate::permits;
use crate::state::{AppState, lang_of};
use crate::view::labels;

/// Every meeting status, in the order the form offers them.
const STATUSES: [OccurrenceStatus; 4] = [
    OccurrenceStatus::Held,
    OccurrenceStatus::Planned,
    OccurrenceStatus::Postponed,
    OccurrenceStatus::Cancelled,
];

/// The meeting form's fields, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MeetingForm {
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    /// An [`OccurrenceStatus`] word.
    #[serde(default)]
    pub status: String,
    /// Where.
    #[serde(default)]
    pub place: String,
    /// What came out of it, or why it did not take place.
    #[serde(default)]
    pub outcomes: String,
}

/// A meeting form sent back: what was typed and what to correct.
#[derive(Debug, Clone)]
pub struct MeetingDraft {
    /// The fields as typed.
    pub form: MeetingForm,
    /// What to correct, in the page's language.
    pub error: String,
}

/// One choice of the status select.
pub struct StatusChoice {
    /// The status word.
    pub value: &'static str,
    /// Its name in the language.
    pub label: String,
    /// Whether it is chosen.
    pub selected: bool,
}

/// The form, for a viewer who may log a meeting of this mechanism.
pub struct MeetingFormView {
    /// Where it is sent.
    pub action: String,
    /// Who logs it, as host.
    pub intro: String,
    /// The session's CSRF token.
    pub csrf: String,
    /// The date as typed.
    pub date: String,
    /// The statuses.
    pub statuses: Vec<StatusChoice>,
    /// The place as typed.
    pub place: String,
    /// The outcomes as typed.
    pub outcomes: String,
    /// What to correct, when sent back.
    pub error: Option<String>,
}

/// The meeting form of mechanism `id`, when the rules let the viewer log one.
pub fn form(
    data: &PlanData,
    cx: &Cx,
    id: &str,
    draft: Option<&MeetingDraft>,
) -> Option<MeetingFormView> {
    let t = cx.t;
    let host = permits::meeting_host(cx.viewer, data)?;
    let fresh = MeetingForm {
        date: crate::view::today(),
        status: OccurrenceStatus::Held.as_str().to_owned(),
        ..MeetingForm::default()
    };
    let form = draft.map_or(&fresh, |d| &d.form);
    Some(MeetingFormView {
        action: format!("/plans/{}/mechanisms/{id}/meetings", data.info.slug),
        intro: t.arg(
            "meeting-form-intro",
            "party",
            &labels::party(t, &data.plan, &host),
        ),
        csrf: cx.viewer.csrf().unwrap_or_default().to_owned(),
        date: form.date.clone(),
        statuses: STATUSES
            .into_iter()
            .map(|s| StatusChoice {
                value: s.as_str(),
                label: labels::meeting_status(t, s),
                selected: form.status == s.as_str(),
            })
            .collect(),
        place: form.place.clone(),
        outcomes: form.outcomes.clone(),
        error: draft.map(|d| d.error.clone()),
    })
}

impl MeetingForm {
    /// The meeting this form logs of `mechanism`, hosted by `host`, or
    /// what to correct, in `t`'s words.
    fn occurrence(&self, t: &Tr, mechanism: &str, host: &str) -> Result<Occurrence, String> {
        let status = OccurrenceStatus::parse(&self.status)
            .ok_or_else(|| t.get("meeting-form-bad-status"))?;
        let date = self.date.trim();
        if !is_iso_date(date) {
            return Err(t.arg("meeting-form-bad-date", "date", date));
        }
        let place = self.place.trim();
        Ok(Occurrence {
            mechanism: mechanism.to_owned(),
            status,
            date: date.to_owned(),
            place: (!place.is_empty()).then(|| place.to_owned()),
            host_party: Some(host.to_owned()),
            participants: Vec::new(),
            outcomes: self.outcomes.trim().to_owned(),
            actions: Vec::new(),
            supersedes: None,
        })
    }
}

/// `POST /plans/{slug}/mechanisms/{id}/meetings`.
pub async fn submit(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    headers: HeaderMap,
    CsrfForm { viewer, form }: CsrfForm<MeetingForm>,
) -> Result<Response, WebError> {
    let t = Tr::of(lang_of(&headers));
    let data = state.plan_for(&viewer, &slug).await?;
    if !data.plan.mechanisms.iter().any(|m| m.id == id) {
        return Err(WebError::NotFound);
    }
    let host = acting_party(&viewer, &data)?;
    let occurrence = match form.occurrence(t, &id, &host) {
        Ok(o) => o,
        Err(error) => {
            let draft = MeetingDraft { form, error };
            return again(&state, &viewer, &headers, &slug, &id, draft).await;
        }
    };
    let record = state
        .data
        .add_occurrence(&slug, &occurrence, &viewer.actor())
        .await?;
    state.wrote();
    tracing::info!(plan = %slug, mechanism = %id, meeting = record, "meeting logged");
    Ok(Redirect::to(&format!(
        "/plans/{slug}/mechanisms/{id}?logged={record}#meetings"
    ))
    .into_response())
}

/// The mechanism page again, its form filled with what was sent and the error.
async fn again(
    state: &AppState,
    viewer: &Viewer,
    headers: &HeaderMap,
    slug: &str,
    id: &str,
    draft: MeetingDraft,
) -> Result<Response, WebError> {
    let path = format!("/plans/{slug}/mechanisms/{id}");
    let response = super::plan_page(state, viewer, headers, path, slug, |data, cx| {
        super::mechanism::render(data, cx, id, Some(&draft), false)
    })
    .await?;
    Ok(super::with_status(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
    ))
}
