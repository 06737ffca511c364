//! The HTML pages: one module per page type, one askama template each.
//! Pages are rendered once per store generation and language (see
//! [`crate::cache`]) and work without JavaScript.

pub mod action;
pub mod error;
pub mod evaluations;
pub mod line;
pub mod mechanism;
pub mod plan;
pub mod portfolio;
pub mod registers;
pub mod revisions;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use bytes::Bytes;
use serde::Deserialize;

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
        .route("/plans/{slug}/mechanisms/{id}", get(mechanism::handler))
        .route("/plans/{slug}/agreements", get(registers::agreements))
        .route("/plans/{slug}/organisations", get(registers::organisations))
        .route("/plans/{slug}/revisions", get(revisions::handler))
        .route("/plans/{slug}/evaluations", get(evaluations::handler))
        .route("/lang/{code}", get(switch_language))
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

/// Answers with the page of one plan at `path`, rendered by `render` from
/// the plan's data unless this generation of the store already has it.
pub async fn plan_page<F>(
    state: &AppState,
    headers: &HeaderMap,
    path: String,
    slug: &str,
    render: F,
) -> Result<Response, WebError>
where
    F: FnOnce(&PlanData, &Tr, &str) -> Result<String, WebError>,
{
    let lang = lang_of(headers);
    let body = state
        .cache
        .page(&path, lang, || async {
            let data: Arc<PlanData> = state.cache.plan(slug).await?;
            render(&data, Tr::of(lang), &path)
        })
        .await?;
    Ok(html(body))
}

/// Answers with a page that is not one plan's, cached as [`plan_page`].
pub async fn other_page<F, Fut>(
    state: &AppState,
    headers: &HeaderMap,
    path: &str,
    render: F,
) -> Result<Response, WebError>
where
    F: FnOnce(&'static Tr) -> Fut,
    Fut: Future<Output = Result<String, WebError>>,
{
    let lang = lang_of(headers);
    let body = state
        .cache
        .page(path, lang, || render(Tr::of(lang)))
        .await?;
    Ok(html(body))
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

/// `GET /lang/{code}?next=PATH`: remembers the language in a cookie and
/// goes back (a plain link, so switching works without JavaScript).
async fn switch_language(Path(code): Path<String>, Query(q): Query<Next>) -> Response {
    let Some(lang) = Lang::from_tag(&code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // Only a path on this site: never a redirect elsewhere.
    let next = q
        .next
        .filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
        .unwrap_or_else(|| "/".into());
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
