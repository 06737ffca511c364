//! `POST /plans/{slug}/actions/{code}/reports`: the action page's form to
//! report progress. The party is the account's own; a reporter's report
//! names its organisation. The store asks `core::access` whether the
//! account may report here; a mistake in the form comes back on the
//! action page with what was typed kept.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use jointplan_core::progress::{Level, Report, ReportError, Status};
use serde::Deserialize;

use crate::auth::CsrfForm;
use crate::error::WebError;
use crate::i18n::Tr;
use crate::state::{AppState, lang_of};

/// The report form's fields, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReportForm {
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    /// A [`Status`] word.
    #[serde(default)]
    pub status: String,
    /// A [`Level`] word.
    #[serde(default)]
    pub level: String,
    /// What happened.
    #[serde(default)]
    pub narrative: String,
    /// One link to evidence.
    #[serde(default)]
    pub evidence: String,
}

/// A report form sent back to its author: what was typed, and what is wrong.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The fields as typed.
    pub form: ReportForm,
    /// What to correct, in the page's language.
    pub error: String,
}

impl ReportForm {
    /// An empty form for today.
    pub fn today() -> ReportForm {
        ReportForm {
            date: jiff::tz::Offset::UTC
                .to_datetime(jiff::Timestamp::now())
                .date()
                .to_string(),
            ..ReportForm::default()
        }
    }

    /// The report this form files for `party` (and a reporter's
    /// `organisation`) on `code`, or what to correct, in `t`'s words.
    fn report(
        &self,
        t: &Tr,
        code: &str,
        party: &str,
        organisation: Option<&str>,
    ) -> Result<Report, String> {
        let status = self
            .status
            .parse::<Status>()
            .map_err(|_| t.get("report-form-bad-status"))?;
        let level = self
            .level
            .parse::<Level>()
            .map_err(|_| t.get("report-form-bad-level"))?;
        let evidence = self.evidence.trim();
        Ok(Report {
            action: code.to_owned(),
            party: party.to_owned(),
            organisation: organisation.map(str::to_owned),
            date: self.date.trim().to_owned(),
            status,
            level,
            narrative: self.narrative.trim().to_owned(),
            evidence: if evidence.is_empty() {
                Vec::new()
            } else {
                vec![evidence.to_owned()]
            },
        })
    }
}

/// `POST /plans/{slug}/actions/{code}/reports`.
pub async fn submit(
    State(state): State<AppState>,
    Path((slug, code)): Path<(String, String)>,
    headers: HeaderMap,
    CsrfForm { viewer, form }: CsrfForm<ReportForm>,
) -> Result<Response, WebError> {
    let t = Tr::of(lang_of(&headers));
    let data = state.plan_with_action(&viewer, &slug, &code).await?;
    let signed = viewer.signed().ok_or(WebError::Unauthenticated)?;
    // The party is the account's own: no one reports for the other side.
    // An account of no party (an independent evaluator) is put to the rules
    // as reporting for the plan's first party, so that the store refuses
    // it with the rule's own words.
    let party = signed
        .rules
        .party
        .clone()
        .or_else(|| data.info.party_codes().into_iter().next())
        .ok_or(WebError::NotFound)?;
    let organisation = signed.rules.organisation.clone();
    let back = |error: String| Draft {
        form: form.clone(),
        error,
    };
    let report = match form.report(t, &code, &party, organisation.as_deref()) {
        Ok(r) => r,
        Err(error) => return again(&state, &viewer, &headers, &slug, &code, back(error)).await,
    };
    if let Err(ReportError::BadDate(date)) = report.validate(&data.plan) {
        let error = t.arg("report-form-bad-date", "date", &date);
        return again(&state, &viewer, &headers, &slug, &code, back(error)).await;
    }
    let id = state
        .data
        .add_report(&slug, &report, &viewer.actor())
        .await?;
    state.wrote();
    tracing::info!(plan = %slug, action = %code, report = id, account = %signed.account.name, "progress reported");
    Ok(Redirect::to(&format!(
        "/plans/{slug}/actions/{code}?reported={id}#reports"
    ))
    .into_response())
}

/// The action page again, its form filled with what was sent and the error.
async fn again(
    state: &AppState,
    viewer: &crate::auth::Viewer,
    headers: &HeaderMap,
    slug: &str,
    code: &str,
    draft: Draft,
) -> Result<Response, WebError> {
    let path = format!("/plans/{slug}/actions/{code}");
    let response = super::plan_page(state, viewer, headers, path, slug, |data, cx| {
        super::action::render(data, cx, code, Some(&draft), None)
    })
    .await?;
    Ok(super::with_status(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
    ))
}
