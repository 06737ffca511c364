//! What every handler shares: the store's reads and the page cache; and
//! what every handler asks of a request: its language.

use std::sync::Arc;

use axum::http::{HeaderMap, header};

use crate::auth::{LoginLimiter, Viewer};
use crate::cache::PageCache;
use crate::data::{Data, PlanData};
use crate::error::WebError;
use crate::i18n::{LANG_COOKIE, Lang};
use jointplan_store::PlanInfo;

/// The application's shared state.
#[derive(Clone)]
pub struct AppState {
    /// The store, as the web reads it.
    pub data: Data,
    /// Rendered pages, per generation of the store.
    pub cache: Arc<PageCache>,
    /// Failed sign-ins, per account and address.
    pub limiter: Arc<LoginLimiter>,
    /// Whether cookies are marked `Secure` (served over TLS, directly or
    /// behind a proxy).
    pub secure_cookies: bool,
}

impl AppState {
    /// State over a store.
    pub fn new(store: Arc<dyn jointplan_store::Store>) -> AppState {
        let data = Data::new(store);
        AppState {
            cache: Arc::new(PageCache::new(data.clone())),
            data,
            limiter: Arc::default(),
            secure_cookies: false,
        }
    }

    /// A plan as [`AppState::plan_for`] gives it, when it also has (and
    /// shows the viewer) action `code`; not found otherwise. For the
    /// writes on one action.
    pub async fn plan_with_action(
        &self,
        viewer: &Viewer,
        slug: &str,
        code: &str,
    ) -> Result<Arc<PlanData>, WebError> {
        let data = self.plan_for(viewer, slug).await?;
        if data.plan.action(code).is_none() {
            return Err(WebError::NotFound);
        }
        Ok(data)
    }

    /// A stored plan's row, if `viewer` may read the plan; not found
    /// otherwise. For writes: one row read, where [`AppState::plan_for`]
    /// would load everything the pages show.
    pub async fn plan_info_for(&self, viewer: &Viewer, slug: &str) -> Result<PlanInfo, WebError> {
        let info = self.data.plan_info(slug).await?;
        if viewer.may_read(&crate::data::scope(&info)) {
            Ok(info)
        } else {
            Err(WebError::NotFound)
        }
    }

    /// Says that a request of this server changed the store, so that the
    /// pages it is sent back to show the change.
    pub fn wrote(&self) {
        self.cache.changed();
    }

    /// A plan and what its pages show, if `viewer` may read it, without
    /// the actions a party restricted unless the viewer may see them; not
    /// found otherwise (a draft is not the public's to see, and saying more than
    /// for a missing plan would tell that it exists).
    pub async fn plan_for(&self, viewer: &Viewer, slug: &str) -> Result<Arc<PlanData>, WebError> {
        let data = self.cache.plan(slug).await?;
        let scope = data.scope();
        if !viewer.may_read(&scope) {
            return Err(WebError::NotFound);
        }
        if data.content.restrictions.is_empty() || viewer.sees_restricted(&scope) {
            return Ok(data);
        }
        Ok(Arc::new(data.without_restricted()))
    }
}

/// The language a request is answered in: its `lang` cookie, else its
/// `Accept-Language`, else English.
pub fn lang_of(headers: &HeaderMap) -> Lang {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Lang::negotiate(cookie(headers, LANG_COOKIE).as_deref(), accept)
}

/// The value of a cookie, from any `Cookie` header.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, "a=1; lang=ko; b=2".parse().expect("header"));
        h.insert(header::ACCEPT_LANGUAGE, "da".parse().expect("header"));
        assert_eq!(cookie(&h, "lang").as_deref(), Some("ko"));
        assert_eq!(lang_of(&h), Lang::Ko);
        h.remove(header::COOKIE);
        assert_eq!(lang_of(&h), Lang::Da);
    }
}
