//! Signing in and out: `GET/POST /sign-in`, `POST /sign-out`.
//!
//! The sign-in form is sent before there is a session, so its CSRF guard
//! is a random value that the form and a cookie of its own must both carry
//! (another site can make a browser send the cookie, but cannot read it to
//! put it in the form). Failed attempts are limited per account and per
//! address before the password is even checked.

use std::net::{IpAddr, SocketAddr};

use askama::Template;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{Cx, Next, private_html, safe_next, with_status};
use crate::auth::csrf::{CSRF_FIELD, parse, same_token};
use crate::auth::{CsrfForm, SESSION_COOKIE, Viewer};
use crate::error::WebError;
use crate::i18n::Tr;
use crate::state::{AppState, cookie, lang_of};
use crate::view::frame::Frame;

/// The cookie that carries the sign-in form's double-submit value.
const SIGN_IN_COOKIE: &str = "jp_signin";

/// How long a session lasts, as its cookie says (the store ends it too).
const SESSION_SECONDS: u32 = 12 * 60 * 60;

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage<'a> {
    frame: Frame,
    t: &'a Tr,
    csrf: String,
    next: String,
    name: String,
    failed: bool,
    signed_out: bool,
}

/// The fields of the sign-in form.
#[derive(Debug, Deserialize)]
struct SignInForm {
    name: String,
    password: String,
    #[serde(default)]
    next: Option<String>,
}

/// The query of `GET /sign-in`.
#[derive(Debug, Deserialize)]
pub struct SignInQuery {
    next: Option<String>,
    #[serde(default)]
    signed_out: Option<String>,
}

/// The address a request came from, when the server knows it (not in
/// tests that call the router directly). A proxy's `X-Forwarded-For` is
/// not trusted: anyone could write it.
pub struct ClientAddr(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let addr = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        Ok(ClientAddr(addr))
    }
}

/// `GET /sign-in?next=PATH`: the form, with a fresh double-submit value.
pub async fn form(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Query(q): Query<SignInQuery>,
) -> Result<Response, WebError> {
    let next = safe_next(q.next);
    let page = SignInView {
        name: String::new(),
        failed: false,
        signed_out: q.signed_out.is_some(),
    };
    render(&state, &viewer, &headers, &next, page, StatusCode::OK)
}

/// `POST /sign-in`: checks the double-submit value and the limits, then
/// the password; on success sets the session cookie and goes to `next`.
pub async fn submit(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    let sent = crate::auth::csrf::field(&body, CSRF_FIELD).unwrap_or_default();
    let expected = cookie(&headers, SIGN_IN_COOKIE).unwrap_or_default();
    if expected.is_empty() || !same_token(&sent, &expected) {
        return Err(WebError::BadCsrf);
    }
    let form: SignInForm = parse(&body)?;
    let next = safe_next(form.next);
    let name = form.name.trim();
    state
        .limiter
        .check(name, addr)
        .map_err(WebError::TooManyAttempts)?;
    match state.data.sign_in(name, &form.password).await {
        Ok(session) => {
            state.limiter.succeeded(name);
            tracing::info!(account = name, "signed in");
            let mut response = Redirect::to(&next).into_response();
            let secure = secure(&state, &headers);
            let cookies = response.headers_mut();
            append_cookie(
                cookies,
                &session_cookie(&session.token, SESSION_SECONDS, secure),
            );
            append_cookie(
                cookies,
                &format!("{SIGN_IN_COOKIE}=; Path=/sign-in; Max-Age=0"),
            );
            Ok(response)
        }
        Err(WebError::Unauthenticated) => {
            state.limiter.failed(name, addr);
            tracing::info!(account = name, "sign-in failed");
            let page = SignInView {
                name: name.to_owned(),
                failed: true,
                signed_out: false,
            };
            render(
                &state,
                &Viewer::Public,
                &headers,
                &next,
                page,
                StatusCode::UNAUTHORIZED,
            )
        }
        Err(e) => Err(e),
    }
}

/// `POST /sign-out`: ends the session and clears its cookie.
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: CsrfForm<Next>,
) -> Result<Response, WebError> {
    if let Viewer::Signed(s) = &form.viewer {
        if let crate::auth::Via::Session { secret, .. } = &s.via {
            state.data.sign_out(secret).await?;
        }
        tracing::info!(account = %s.account.name, "signed out");
    }
    let mut response = Redirect::to("/sign-in?signed_out=1").into_response();
    append_cookie(
        response.headers_mut(),
        &session_cookie("", 0, secure(&state, &headers)),
    );
    Ok(response)
}

/// What the sign-in form shows besides its fields.
struct SignInView {
    name: String,
    failed: bool,
    signed_out: bool,
}

/// The sign-in page with a new double-submit value in form and cookie.
fn render(
    state: &AppState,
    viewer: &Viewer,
    headers: &HeaderMap,
    next: &str,
    view: SignInView,
    status: StatusCode,
) -> Result<Response, WebError> {
    let t = Tr::of(lang_of(headers));
    let path = format!("/sign-in?next={}", crate::view::frame::encode_path(next));
    let cx = Cx {
        t,
        path: &path,
        viewer,
    };
    let csrf = random_token()?;
    let page = SignInPage {
        frame: Frame::new(&cx, t.get("sign-in-title"), Vec::new()),
        t,
        csrf: csrf.clone(),
        next: next.to_owned(),
        name: view.name,
        failed: view.failed,
        signed_out: view.signed_out,
    };
    let mut response = with_status(private_html(Bytes::from(page.render()?)), status);
    let secure = if secure(state, headers) {
        "; Secure"
    } else {
        ""
    };
    append_cookie(
        response.headers_mut(),
        &format!("{SIGN_IN_COOKIE}={csrf}; Path=/sign-in; HttpOnly; SameSite=Strict{secure}"),
    );
    Ok(response)
}

/// The `Set-Cookie` value of a session (an empty secret and no age: the
/// cookie's removal).
pub fn session_cookie(secret: &str, max_age: u32, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={secret}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}")
}

/// Whether cookies must be `Secure`: the server is set so, or a proxy in
/// front of it says the browser came over TLS.
pub fn secure(state: &AppState, headers: &HeaderMap) -> bool {
    state.secure_cookies
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

/// Adds a `Set-Cookie` header (cookie values here are ours: hex and fixed
/// words, always a valid header).
pub fn append_cookie(headers: &mut HeaderMap, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        headers.append(header::SET_COOKIE, v);
    }
}

/// 128 random bits as hex.
fn random_token() -> Result<String, WebError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)
        .map_err(|e| WebError::Io(std::io::Error::other(format!("no randomness: {e}"))))?;
    Ok(hex::encode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_cookie_is_http_only_and_lax() {
        let c = session_cookie("abc", 60, false);
        assert_eq!(
            c,
            "jp_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax"
        );
        assert!(session_cookie("abc", 60, true).ends_with("; Secure"));
    }

    #[test]
    fn random_tokens_differ() {
        let a = random_token().expect("randomness");
        assert_eq!(a.len(), 32);
        assert_ne!(a, random_token().expect("randomness"));
    }
}
