//! The stylesheets, fonts and icons, embedded in the binary and served
//! with long cache lifetimes (their URLs carry the content's digest).

use std::collections::HashMap;
use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

/// The files under `crates/web/assets/`.
#[derive(RustEmbed)]
#[folder = "assets/"]
#[exclude = "vendor.sh"]
pub struct Assets;

/// Each asset's URL with the start of its digest as a version (`?v=…`),
/// so that a changed file is fetched anew despite the long cache life.
static URLS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    Assets::iter()
        .filter_map(|name| {
            let file = Assets::get(&name)?;
            let digest: String = file.metadata.sha256_hash()[..6]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            Some((name.to_string(), format!("/assets/{name}?v={digest}")))
        })
        .collect()
});

/// The URL to link an asset by.
pub fn url(name: &str) -> String {
    URLS.get(name)
        .cloned()
        .unwrap_or_else(|| format!("/assets/{name}"))
}

/// `GET /assets/{*path}`.
pub async fn serve(Path(path): Path<String>) -> Response {
    let Some(file) = Assets::get(&path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut response = file.data.into_owned().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(&path)),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    response
}

/// The media type of an asset, by its extension.
fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "css" => "text/css; charset=utf-8",
        "woff2" => "font/woff2",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stylesheets_are_embedded_with_versioned_urls() {
        for name in ["dkfds/dkfds.css", "site.css"] {
            assert!(Assets::get(name).is_some(), "{name} is embedded");
            assert!(url(name).starts_with(&format!("/assets/{name}?v=")));
        }
    }
}
