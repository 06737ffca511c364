//! Who sends a write to the JSON API. A program proves it with an API
//! token; a browser script of a signed-in page may use its session, but
//! then must send the session's CSRF token in `X-CSRF-Token` (a JSON
//! body alone would not stop another site's `fetch` with `no-cors`).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use super::csrf::same_token;
use super::viewer::Viewer;
use crate::error::WebError;
use crate::state::AppState;

/// The header that carries the CSRF token of an API write sent with a session.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// A viewer allowed to send API writes: signed in, and for a session,
/// with its CSRF token. Nobody signed in: 401; a session without its
/// token: 403. What the account may do is still the store's to decide.
#[derive(Debug)]
pub struct ApiWriter(pub Viewer);

impl FromRequestParts<AppState> for ApiWriter {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let viewer = Viewer::from_request_parts(parts, state).await?;
        if viewer.is_public() {
            return Err(WebError::Unauthenticated);
        }
        if let Some(expected) = viewer.csrf() {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            if !same_token(sent, expected) {
                return Err(WebError::BadCsrf);
            }
        }
        Ok(ApiWriter(viewer))
    }
}
