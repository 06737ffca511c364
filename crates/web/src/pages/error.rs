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
}

/// The page for an error status in a language.
pub fn page(lang: Lang, status: StatusCode) -> String {
    let t = Tr::of(lang);
    let (title, detail) = messages(status);
    let page = ErrorPage {
        frame: Frame::new(t, "/", t.get(title), Vec::new()),
        heading: t.get(title),
        detail: t.get(detail),
        back: t.get("error-back"),
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
