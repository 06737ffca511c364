//! One error type for every handler, and the one place where errors
//! become responses: a friendly page for people, RFC 9457 problem+json
//! for `/api/…`. The cause is logged; the body never carries it.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

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
}

impl WebError {
    /// The HTTP status this error answers with.
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Store(_) | WebError::Import(_) | WebError::Render(_) | WebError::Io(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        // The body is written by `render_errors`, which knows the path and the language.
        status.into_response()
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
    let body = if api {
        parts.headers.insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("application/problem+json"),
        );
        problem_json(t, status)
    } else {
        parts.headers.insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("text/html; charset=utf-8"),
        );
        crate::pages::error::page(lang, status)
    };
    Response::from_parts(parts, Body::from(body))
}

/// The Fluent ids of an error's title and explanation.
pub fn messages(status: StatusCode) -> (&'static str, &'static str) {
    match status {
        StatusCode::NOT_FOUND => ("error-not-found", "error-not-found-detail"),
        StatusCode::METHOD_NOT_ALLOWED => ("error-method", "error-method-detail"),
        StatusCode::PAYLOAD_TOO_LARGE => ("error-too-large", "error-too-large-detail"),
        s if s.is_client_error() => ("error-bad-request", "error-bad-request-detail"),
        _ => ("error-server", "error-server-detail"),
    }
}

/// An RFC 9457 problem document for a status.
fn problem_json(t: &Tr, status: StatusCode) -> String {
    let (title, detail) = messages(status);
    serde_json::json!({
        "type": "about:blank",
        "title": t.get(title),
        "status": status.as_u16(),
        "detail": t.get(detail),
    })
    .to_string()
}
