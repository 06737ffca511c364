//! Security headers on every response.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::http::header::{self, HeaderName};
use axum::middleware::Next;
use axum::response::Response;

/// No inline script but one: the pages carry no script at all and work
/// without it, styles, fonts and images come from this server only,
/// nothing may frame the pages, forms post only here.
///
/// The one inline script allowed, by its SHA-256, is axe-core 4.14.1's
/// `axe.source`: the accessibility audit (the browser tests and the
/// acceptance check) injects it into the page, and a hash admits exactly
/// that text, never anything an attacker could write. `e2e/` checks the
/// hash against the axe-core it installs, so a new version fails loudly.
pub const CSP: &str = "default-src 'none'; script-src 'self' 'sha256-k35wD+oSMKewb69Rv5r6VY3q7XEr4Aoh9hiH+7H21Zc='; \
style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; \
base-uri 'none'; frame-ancestors 'none'";

/// The headers and their values.
const HEADERS: [(HeaderName, &str); 5] = [
    (header::CONTENT_SECURITY_POLICY, CSP),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "same-origin"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    ),
];

/// Adds the security headers to a response.
pub async fn secure(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}
