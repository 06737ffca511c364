//! A test application: the real router over a fresh SQLite store that
//! holds the reference plan, driven in-process with `oneshot`.

#![allow(dead_code)]

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, header};
use http_body_util::BodyExt;
use jointplan_store::Store;
use jointplan_web::{AppState, router};
use tower::ServiceExt;

/// The reference plan's slug.
pub const SLUG: &str = "dk-kr-2021-2024";

/// The application and its store.
pub struct TestApp {
    pub store: Arc<dyn Store>,
    pub router: Router,
    _dir: tempfile::TempDir,
}

/// A response read whole.
pub struct Answer {
    pub status: u16,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Answer {
    /// A header's value, or "" when absent.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl TestApp {
    /// A fresh store with the reference plan, as `jointplan serve` starts.
    pub async fn new() -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let store: Arc<dyn Store> =
            Arc::from(jointplan_store::open(&url).await.expect("store opens"));
        let state = AppState::new(store.clone());
        state
            .data
            .seed_reference()
            .await
            .expect("reference plan loads");
        TestApp {
            router: router(state),
            store,
            _dir: dir,
        }
    }

    /// Sends a request and reads the answer.
    pub async fn send(&self, request: Request<Body>) -> Answer {
        let response: Response<Body> = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router answers");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        Answer {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> Answer {
        self.send(Request::get(path).body(Body::empty()).expect("request"))
            .await
    }

    /// `GET path` asking for a language.
    pub async fn get_in(&self, path: &str, accept_language: &str) -> Answer {
        let request = Request::get(path)
            .header(header::ACCEPT_LANGUAGE, accept_language)
            .body(Body::empty())
            .expect("request");
        self.send(request).await
    }
}

/// The text of a page without its tags, whitespace folded: what a reader sees.
pub fn text_of(html: &str) -> String {
    static TAG: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"<[^>]*>").expect("tag pattern"));
    TAG.replace_all(html, " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
