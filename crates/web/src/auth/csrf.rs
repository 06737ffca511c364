//! CSRF protection for forms. A signed-in browser's forms carry a token
//! derived from its session's secret, which another site cannot read (the
//! cookie is `HttpOnly`) and so cannot put in a forged form. The sign-in
//! form, sent before there is a session, carries a random value that must
//! equal a cookie of its own (double submit).

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use super::viewer::Viewer;
use crate::error::WebError;
use crate::state::AppState;

/// The name of every form's CSRF field.
pub const CSRF_FIELD: &str = "csrf";

/// The CSRF token of a session: a digest of its secret, so it needs no
/// storage and ends with the session.
pub fn csrf_token(session_secret: &str) -> String {
    let mut digest = Sha256::new();
    digest.update(b"jointplan csrf\n");
    digest.update(session_secret.as_bytes());
    hex::encode(digest.finalize())
}

/// Whether two tokens are equal, in time that does not depend on where
/// they differ.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A form sent by a signed-in browser, its CSRF token checked, with the
/// viewer who sent it. Nobody signed in: 401; a missing or wrong token: 403.
/// A request with an API token needs no CSRF token (it is not a browser's).
#[derive(Debug)]
pub struct CsrfForm<T> {
    /// Who sent it.
    pub viewer: Viewer,
    /// The form's fields.
    pub form: T,
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = WebError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, WebError> {
        let (mut parts, body) = request.into_parts();
        let viewer = Viewer::from_request_parts(&mut parts, state).await?;
        let request = Request::from_parts(parts, body);
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| WebError::BadForm("the form could not be read".into()))?;
        match &viewer {
            Viewer::Public => return Err(WebError::Unauthenticated),
            Viewer::Signed(_) => {
                if let Some(expected) = viewer.csrf() {
                    let sent = field(&bytes, CSRF_FIELD).unwrap_or_default();
                    if !same_token(&sent, expected) {
                        return Err(WebError::BadCsrf);
                    }
                }
            }
        }
        let form = parse(&bytes)?;
        Ok(CsrfForm { viewer, form })
    }
}

/// A form body's fields as `T` (unknown fields, such as `csrf`, are ignored).
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, WebError> {
    serde_urlencoded::from_bytes(bytes).map_err(|e| WebError::BadForm(e.to_string()))
}

/// One field of a form body.
pub fn field(bytes: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(bytes)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_depends_on_the_session() {
        let a = csrf_token("secret-a");
        assert_eq!(a.len(), 64);
        assert_eq!(a, csrf_token("secret-a"));
        assert_ne!(a, csrf_token("secret-b"));
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same_token("abc", "abc"));
        assert!(!same_token("abc", "abd"));
        assert!(!same_token("abc", "ab"));
        assert!(!same_token("", "a"));
    }

    #[test]
    fn a_field_is_found_among_others() {
        let body = b"text=hello+world&csrf=t0k&level=3";
        assert_eq!(field(body, "csrf").as_deref(), Some("t0k"));
        assert_eq!(field(body, "text").as_deref(), Some("hello world"));
        assert_eq!(field(body, "none"), None);
    }
}
