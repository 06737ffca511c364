//! The friendly error page.

use askama::Template;
use axum::http::StatusCode;

use crate::error::messages;
use crate::i18n::{Lang, Tr};
use crate::view::frame::Frame;

/// An error, as a person reads it.
#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    frame: Frame,
    heading: String,
    detail: String,
    back: String,
    /// For 401: the way to sign in.
    sign_in: Option<String>,
}

/// The page for an error status in a language, with the error's own
/// explanation when it has one.
pub fn page(lang: Lang, status: StatusCode, detail: Option<String>) -> String {
    let t = Tr::of(lang);
    let (title, generic) = messages(status);
    let page = ErrorPage {
        frame: Frame::public(t, "/", t.get(title), Vec::new()),
        heading: t.get(title),
        detail: detail.unwrap_or_else(|| t.get(generic)),
        back: t.get("error-back"),
        sign_in: (status == StatusCode::UNAUTHORIZED).then(|| t.get("sign-in")),
    };
    // The error page has no data to fail on; should it fail all the same,
    // the status and a plain sentence still answer.
    page.render().unwrap_or_else(|e| {
        tracing::error!(error = %e, "error page did not render");
        format!(
            "<!DOCTYPE html><title>{0}</title><p>{0}</p>",
            status.as_u16()
        )
    })
}
