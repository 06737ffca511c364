//! One error type for every handler, and the one place where errors
//! become responses: a friendly page for people, RFC 9457 problem+json
//! for `/api/…`. The cause is logged; the body never carries it.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use jointplan_core::access::{Refusal, RefusalKind};

use crate::i18n::Tr;

/// What can go wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// No such plan, page or record (or not one the asker may see).
    #[error("not found")]
    NotFound,
    /// The store failed.
    #[error("store: {0}")]
    Store(jointplan_store::StoreError),
    /// The built-in reference plan did not import.
    #[error("import: {0}")]
    Import(#[from] jointplan_import::ImportError),
    /// A template did not render.
    #[error("render: {0}")]
    Render(#[from] askama::Error),
    /// The server could not bind or serve.
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
    /// The rules of `core::access` refused the act.
    #[error("refused: {0}")]
    Refused(Refusal),
    /// Nobody is signed in, or the session, token or password does not sign anyone in.
    #[error("not signed in")]
    Unauthenticated,
    /// A form whose CSRF token is missing or not this session's.
    #[error("the form's CSRF token is missing or wrong")]
    BadCsrf,
    /// A form or JSON body that cannot be read as the fields asked for.
    #[error("bad form: {0}")]
    BadForm(String),
    /// What was sent clashes with what the store holds now (a stale
    /// `If-Match`, a revision already applied).
    #[error("conflict: {0}")]
    Conflict(String),
    /// What was sent breaks a rule of the plan.
    #[error("invalid: {0}")]
    Invalid(String),
    /// Too many failed sign-ins; try again after this long.
    #[error("too many failed sign-ins")]
    TooManyAttempts(std::time::Duration),
}

impl WebError {
    /// The HTTP status this error answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Store(_) | WebError::Import(_) | WebError::Render(_) | WebError::Io(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
            WebError::Refused(r) => match r.kind() {
                RefusalKind::Unauthenticated => StatusCode::UNAUTHORIZED,
                RefusalKind::Forbidden => StatusCode::FORBIDDEN,
                RefusalKind::WrongStage => StatusCode::CONFLICT,
                RefusalKind::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
            },
            WebError::Unauthenticated => StatusCode::UNAUTHORIZED,
            WebError::BadCsrf => StatusCode::FORBIDDEN,
            WebError::BadForm(_) | WebError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::Conflict(_) => StatusCode::CONFLICT,
            WebError::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
        }
    }

    /// What the error page or problem document says beyond its status, if
    /// anything: the refusal's rule, the field that is wrong.
    fn detail(&self) -> Option<Detail> {
        match self {
            WebError::Refused(r) => Some(Detail::Refusal(r.clone())),
            WebError::BadCsrf => Some(Detail::Message("error-csrf-detail")),
            WebError::Unauthenticated => Some(Detail::Message("error-unauthenticated-detail")),
            WebError::TooManyAttempts(_) => Some(Detail::Message("error-too-many-detail")),
            WebError::BadForm(text) | WebError::Invalid(text) | WebError::Conflict(text) => {
                Some(Detail::Text(text.clone()))
            }
            _ => None,
        }
    }
}

/// The explanation an error response carries to [`render_errors`], which
/// knows the language to write it in.
#[derive(Debug, Clone)]
pub enum Detail {
    /// A refusal of `core::access`, translated from its message id.
    Refusal(Refusal),
    /// A message of the Fluent files.
    Message(&'static str),
    /// A text from the store or a parser, shown as it is (English).
    Text(String),
}

impl Detail {
    /// The explanation in `t`'s language.
    pub fn text(&self, t: &Tr) -> String {
        match self {
            Detail::Refusal(r) => crate::messages::refusal(t, r),
            Detail::Message(id) => t.get(id),
            Detail::Text(text) => text.clone(),
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        } else {
            tracing::debug!(error = %self, "request refused");
        }
        // The body is written by `render_errors`, which knows the path and the language.
        let mut response = status.into_response();
        if let WebError::TooManyAttempts(wait) = &self
            && let Ok(v) = header::HeaderValue::from_str(&wait.as_secs().max(1).to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
        if let Some(detail) = self.detail() {
            response.extensions_mut().insert(detail);
        }
        response
    }
}

/// Marks a response whose error body is already written.
#[derive(Debug, Clone, Copy)]
pub struct Rendered;

/// Gives every error response its body: problem+json under `/api/`, a
/// page in the asker's language elsewhere. Also covers the router's own
/// refusals (unknown path, wrong method, body too large).
pub async fn render_errors(request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let lang = crate::state::lang_of(request.headers());
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error())
        || response.extensions().get::<Rendered>().is_some()
    {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    let t = Tr::of(lang);
    let detail = parts.extensions.get::<Detail>().map(|d| d.text(t));
    let body = if api {
        parts.headers.insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("application/problem+json"),
        );
        problem_json(t, status, detail)
    } else {
        parts.headers.insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("text/html; charset=utf-8"),
        );
        crate::pages::error::page(lang, status, detail)
    };
    Response::from_parts(parts, Body::from(body))
}

/// The Fluent ids of an error's title and explanation.
pub fn messages(status: StatusCode) -> (&'static str, &'static str) {
    match status {
        StatusCode::NOT_FOUND => ("error-not-found", "error-not-found-detail"),
        StatusCode::METHOD_NOT_ALLOWED => ("error-method", "error-method-detail"),
        StatusCode::PAYLOAD_TOO_LARGE => ("error-too-large", "error-too-large-detail"),
        StatusCode::UNAUTHORIZED => ("error-unauthenticated", "error-unauthenticated-detail"),
        StatusCode::FORBIDDEN => ("error-forbidden", "error-forbidden-detail"),
        StatusCode::CONFLICT => ("error-conflict", "error-conflict-detail"),
        StatusCode::UNPROCESSABLE_ENTITY => ("error-invalid", "error-invalid-detail"),
        StatusCode::TOO_MANY_REQUESTS => ("error-too-many", "error-too-many-detail"),
        s if s.is_client_error() => ("error-bad-request", "error-bad-request-detail"),
        _ => ("error-server", "error-server-detail"),
    }
}

/// An RFC 9457 problem document for a status, with the error's own
/// explanation when it has one.
fn problem_json(t: &Tr, status: StatusCode, detail: Option<String>) -> String {
    let (title, generic) = messages(status);
    serde_json::json!({
        "type": "about:blank",
        "title": t.get(title),
        "status": status.as_u16(),
        "detail": detail.unwrap_or_else(|| t.get(generic)),
    })
    .to_string()
}
