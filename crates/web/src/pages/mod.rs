//! The HTML pages: one module per page type, one askama template each.
//! Pages are rendered once per store generation and language (see
//! [`crate::cache`]) and work without JavaScript.

pub mod account;
pub mod action;
pub mod adopt;
pub mod approve;
pub mod audit;
pub mod edit;
pub mod error;
pub mod evaluations;
pub mod line;
pub mod mechanism;
pub mod meeting;
pub mod party;
pub mod plan;
pub mod portfolio;
pub mod registers;
pub mod report;
pub mod revisions;
pub mod session;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use bytes::Bytes;
use serde::Deserialize;

use crate::auth::Viewer;
use crate::data::PlanData;
use crate::error::WebError;
use crate::i18n::{LANG_COOKIE, Lang, Tr};
use crate::state::{AppState, lang_of};
use crate::view::Link;

/// The pages' routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(portfolio::handler))
        .route("/plans/{slug}", get(plan::handler))
        .route("/plans/{slug}/lines/{number}", get(line::handler))
        .route("/plans/{slug}/actions/{code}", get(action::handler))
        .route("/plans/{slug}/actions/{code}/reports", post(report::submit))
        .route("/plans/{slug}/mechanisms/{id}", get(mechanism::handler))
        .route("/plans/{slug}/agreements", get(registers::agreements))
        .route("/plans/{slug}/organisations", get(registers::organisations))
        .route("/plans/{slug}/revisions", get(revisions::handler))
        .route("/plans/{slug}/actions/{code}/edit", post(edit::submit))
        .route(
            "/plans/{slug}/revisions/{id}/approval",
            post(approve::submit),
        )
        .route("/plans/{slug}/evaluations", get(evaluations::handler))
        .route("/plans/{slug}/actions/{code}/leads", post(party::set_leads))
        .route(
            "/plans/{slug}/actions/{code}/restriction",
            post(party::restrict),
        )
        .route(
            "/plans/{slug}/mechanisms/{id}/meetings",
            post(meeting::submit),
        )
        .route("/plans/{slug}/adoption", post(adopt::submit))
        .route("/plans/{slug}/audit", get(audit::handler))
        .route("/lang/{code}", get(switch_language))
        .route("/sign-in", get(session::form).post(session::submit))
        .route("/sign-out", post(session::sign_out))
        .route("/account", get(account::page))
        .route("/account/password", post(account::change_password))
}

/// A rendered page as a response.
pub fn html(body: Bytes) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    // The same URL answers in the language the cookie or the header asks for.
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    response
}

/// What every page's rendering knows of its request: the language, the
/// page's own path (for the language switcher and sign-in's way back) and
/// who asks.
pub struct Cx<'a> {
    /// The messages of the page's language.
    pub t: &'a Tr,
    /// The page's path.
    pub path: &'a str,
    /// Who asks.
    pub viewer: &'a Viewer,
}

/// Answers with the page of one plan at `path`, rendered by `render` from
/// the plan's data. The public's pages are rendered once per generation of
/// the store and language, and a page in the cache is answered without
/// loading the plan again (it was rendered for the public at this very
/// generation, so the public may still read it); a signed-in viewer's carry
/// its forms and are rendered for it. A plan the viewer may not read is not
/// found.
pub async fn plan_page<F>(
    state: &AppState,
    viewer: &Viewer,
    headers: &HeaderMap,
    path: String,
    slug: &str,
    render: F,
) -> Result<Response, WebError>
where
    F: FnOnce(&PlanData, &Cx) -> Result<String, WebError>,
{
    let lang = lang_of(headers);
    let cx = Cx {
        t: Tr::of(lang),
        path: &path,
        viewer,
    };
    if !viewer.is_public() {
        let data: Arc<PlanData> = state.plan_for(viewer, slug).await?;
        return Ok(private_html(Bytes::from(render(&data, &cx)?)));
    }
    let body = state
        .cache
        .page(&path, lang, || async {
            let data = state.plan_for(viewer, slug).await?;
            render(&data, &cx)
        })
        .await?;
    Ok(html(body))
}

/// Answers with a page that is not one plan's, cached for the public as
/// [`plan_page`].
pub async fn other_page<'a, F, Fut>(
    state: &AppState,
    viewer: &'a Viewer,
    headers: &HeaderMap,
    path: &'a str,
    render: F,
) -> Result<Response, WebError>
where
    F: FnOnce(Cx<'a>) -> Fut,
    Fut: Future<Output = Result<String, WebError>>,
{
    let lang = lang_of(headers);
    let cx = Cx {
        t: Tr::of(lang),
        path,
        viewer,
    };
    if !viewer.is_public() {
        return Ok(private_html(Bytes::from(render(cx).await?)));
    }
    let body = state.cache.page(path, lang, || render(cx)).await?;
    Ok(html(body))
}

/// A page rendered for one signed-in viewer: never stored by a shared cache.
pub fn private_html(body: Bytes) -> Response {
    let mut response = html(body);
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

/// A page answered with an error status, its body already the page to
/// show (a form sent back with what to correct), so that the error
/// pages do not replace it.
pub fn with_status(mut response: Response, status: StatusCode) -> Response {
    *response.status_mut() = status;
    response.extensions_mut().insert(crate::error::Rendered);
    response
}

/// The breadcrumbs of a page under a plan: the portfolio, then the plan.
pub fn plan_crumbs(t: &Tr, data: &PlanData) -> Vec<Link> {
    vec![
        Link::new("/", t.get("portfolio-title")),
        Link::new(
            format!("/plans/{}", data.info.slug),
            data.plan.title.clone(),
        ),
    ]
}

/// Where to go back to after switching language.
#[derive(Debug, Deserialize)]
pub struct Next {
    next: Option<String>,
}

/// Where to go back to: a path on this site, never a redirect elsewhere
/// (`//host` and `\\host` would leave it); the portfolio otherwise.
pub fn safe_next(next: Option<String>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
        .unwrap_or_else(|| "/".into())
}

/// `GET /lang/{code}?next=PATH`: remembers the language in a cookie and
/// goes back (a plain link, so switching works without JavaScript).
async fn switch_language(Path(code): Path<String>, Query(q): Query<Next>) -> Response {
    let Some(lang) = Lang::from_tag(&code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let next = safe_next(q.next);
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        lang.code()
    );
    let mut response = Redirect::to(&next).into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
    response
}
