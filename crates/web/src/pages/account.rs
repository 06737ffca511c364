//! `/account`: who the signed-in person is, the plans they work on and
//! the actions they may report on; and changing their password.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::session::{ClientAddr, append_cookie, secure, session_cookie};
use super::{Cx, private_html, with_status};
use crate::auth::{CsrfForm, Viewer};
use crate::error::WebError;
use crate::i18n::Tr;
use crate::permits;
use crate::state::{AppState, lang_of};
use crate::view::Link;
use crate::view::frame::Frame;

/// How long the session opened after a password change lasts.
const SESSION_SECONDS: u32 = 12 * 60 * 60;

/// One plan the account works on, with the actions it may report on.
struct PlanRow {
    plan: Link,
    reportable: Vec<Link>,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage<'a> {
    frame: Frame,
    t: &'a Tr,
    csrf: String,
    role: String,
    party: String,
    organisation: String,
    plans: Vec<PlanRow>,
    notice: Option<String>,
    error: Option<String>,
}

/// The query of `GET /account`: what just happened.
#[derive(Debug, Deserialize)]
pub struct AccountQuery {
    #[serde(default)]
    changed: Option<String>,
}

/// The fields of the password form.
#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    current: String,
    new: String,
    repeat: String,
}

/// `GET /account`; the public is sent to sign in first.
pub async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Query(q): Query<AccountQuery>,
) -> Result<Response, WebError> {
    if viewer.is_public() {
        return Ok(Redirect::to("/sign-in?next=%2Faccount").into_response());
    }
    let t = Tr::of(lang_of(&headers));
    let notice = q.changed.map(|_| t.get("password-changed"));
    render(&state, &viewer, t, notice, None).await
}

/// `POST /account/password`: checks the current password, sets the new
/// one (which ends every session of the account) and signs in again.
pub async fn change_password(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    headers: HeaderMap,
    CsrfForm { viewer, form }: CsrfForm<PasswordForm>,
) -> Result<Response, WebError> {
    let signed = viewer.signed().ok_or(WebError::Unauthenticated)?;
    let name = signed.account.name.clone();
    let t = Tr::of(lang_of(&headers));
    if form.new != form.repeat {
        let error = Some(t.get("password-mismatch"));
        return render(&state, &viewer, t, None, error).await;
    }
    state
        .limiter
        .check(&name, addr)
        .map_err(WebError::TooManyAttempts)?;
    if let Err(e) = state.data.sign_in(&name, &form.current).await {
        if matches!(e, WebError::Unauthenticated) {
            state.limiter.failed(&name, addr);
            let error = Some(t.get("sign-in-failed"));
            return render(&state, &viewer, t, None, error).await;
        }
        return Err(e);
    }
    match state
        .data
        .set_password(&name, &form.new, &viewer.actor())
        .await
    {
        Ok(()) => {}
        Err(WebError::Invalid(text)) => return render(&state, &viewer, t, None, Some(text)).await,
        Err(e) => return Err(e),
    }
    let session = state.data.sign_in(&name, &form.new).await?;
    tracing::info!(account = %name, "password changed");
    let mut response = Redirect::to("/account?changed=1").into_response();
    append_cookie(
        response.headers_mut(),
        &session_cookie(&session.token, SESSION_SECONDS, secure(&state, &headers)),
    );
    Ok(response)
}

async fn render(
    state: &AppState,
    viewer: &Viewer,
    t: &'static Tr,
    notice: Option<String>,
    error: Option<String>,
) -> Result<Response, WebError> {
    let signed = viewer.signed().ok_or(WebError::Unauthenticated)?;
    let account = &signed.account;
    let mut plans = Vec::new();
    for (info, _) in state.data.plan_infos().await? {
        let works_on = match &account.party {
            Some(party) => info
                .party_codes()
                .iter()
                .any(|p| p.eq_ignore_ascii_case(party)),
            None => true,
        };
        if !works_on || !viewer.may_read(&crate::data::scope(&info)) {
            continue;
        }
        let data = state.plan_for(viewer, &info.slug).await?;
        let reportable = permits::reportable(viewer, &data)
            .into_iter()
            .map(|code| {
                Link::new(
                    format!("/plans/{}/actions/{code}", info.slug),
                    t.arg("action-title", "code", &code),
                )
            })
            .collect();
        plans.push(PlanRow {
            plan: Link::new(format!("/plans/{}", info.slug), info.title.clone()),
            reportable,
        });
    }
    let none = || t.get("account-none");
    let cx = Cx {
        t,
        path: "/account",
        viewer,
    };
    let page = AccountPage {
        frame: Frame::new(&cx, t.get("account-title"), Vec::new()),
        t,
        csrf: viewer.csrf().unwrap_or_default().to_owned(),
        role: t.get(&format!("access-role-{}", account.role)),
        party: match &account.party {
            Some(p) => p.clone(),
            None => t.get("account-independent"),
        },
        organisation: account.organisation.clone().unwrap_or_else(none),
        plans,
        notice,
        error,
    };
    let status = if page.error.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    Ok(with_status(private_html(page.render()?.into()), status))
}
