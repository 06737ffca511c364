//! The viewer of a request: the public, or an account signed in by a
//! session cookie or an API token.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use jointplan_core::access::{
    Account, PlanScope, Principal, Role, may_read_plan, may_read_restricted,
};
use jointplan_store::{AccountInfo, Actor, StoreError};

use crate::error::WebError;
use crate::state::{AppState, cookie};

/// The cookie that carries a session's secret.
pub const SESSION_COOKIE: &str = "jp_session";

/// Who asks.
#[derive(Debug, Clone)]
pub enum Viewer {
    /// Nobody signed in (or a session that has ended).
    Public,
    /// A signed-in account (boxed: the public variant is carried far more often).
    Signed(Box<Signed>),
}

/// A signed-in account and how it proved who it is.
#[derive(Debug, Clone)]
pub struct Signed {
    /// The account, as the store lists it.
    pub account: AccountInfo,
    /// The account as the rules see it.
    pub rules: Account,
    /// Session cookie or API token.
    pub via: Via,
}

/// How a request proved who sent it.
#[derive(Debug, Clone)]
pub enum Via {
    /// A browser's session cookie; its forms carry this CSRF token.
    Session {
        /// The session's secret (never shown; the CSRF token derives from it).
        secret: String,
        /// The token every form of this session carries.
        csrf: String,
    },
    /// An API token in `Authorization: Bearer …`: a program, not a
    /// browser, so no CSRF token is needed.
    Token,
}

impl Viewer {
    /// The actor the store records for this viewer's writes.
    pub fn actor(&self) -> Actor {
        match self {
            Viewer::Public => Actor::Public,
            Viewer::Signed(s) => Actor::account(s.account.name.clone()),
        }
    }

    /// The viewer as `core::access` sees it.
    pub fn principal(&self) -> Principal {
        match self {
            Viewer::Public => Principal::Public,
            Viewer::Signed(s) => Principal::Account(s.rules.clone()),
        }
    }

    /// The signed-in account, if any.
    pub fn signed(&self) -> Option<&Signed> {
        match self {
            Viewer::Public => None,
            Viewer::Signed(s) => Some(s),
        }
    }

    /// Whether the viewer is the public (its pages are shared and cached).
    pub fn is_public(&self) -> bool {
        matches!(self, Viewer::Public)
    }

    /// The CSRF token this viewer's forms carry; none for the public and
    /// for API tokens.
    pub fn csrf(&self) -> Option<&str> {
        match self {
            Viewer::Signed(s) => match &s.via {
                Via::Session { csrf, .. } => Some(csrf),
                Via::Token => None,
            },
            Viewer::Public => None,
        }
    }

    /// Whether the viewer may read a plan at all (the public: only plans
    /// in force or closed; an account: also its parties' drafts).
    pub fn may_read(&self, plan: &PlanScope) -> bool {
        may_read_plan(&self.principal(), plan)
    }

    /// Whether the viewer sees the actions a party restricted.
    pub fn sees_restricted(&self, plan: &PlanScope) -> bool {
        may_read_restricted(&self.principal(), plan)
    }
}

impl Signed {
    /// A signed-in account from the store's listing.
    pub fn new(account: AccountInfo, via: Via) -> Result<Signed, WebError> {
        let role = Role::parse(&account.role).ok_or_else(|| {
            WebError::Store(StoreError::Corrupt(format!(
                "account {}: role {:?}",
                account.name, account.role
            )))
        })?;
        let rules = Account {
            name: account.name.clone(),
            role,
            party: account.party.clone(),
            organisation: account.organisation.clone(),
            disabled: account.disabled_at.is_some(),
        };
        Ok(Signed {
            account,
            rules,
            via,
        })
    }
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = WebError;

    /// A bearer token, when given, must be good (a program is told at once
    /// that its token fails); a session cookie that has ended is the public.
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Viewer, WebError> {
        if let Some(secret) = bearer(parts) {
            let account = state.data.token_account(&secret).await?;
            return Ok(Viewer::Signed(Box::new(Signed::new(account, Via::Token)?)));
        }
        let Some(secret) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Ok(Viewer::Public);
        };
        match state.data.session(&secret).await {
            Ok(account) => {
                let csrf = super::csrf_token(&secret);
                let signed = Signed::new(account, Via::Session { secret, csrf })?;
                Ok(Viewer::Signed(Box::new(signed)))
            }
            Err(WebError::Unauthenticated) => Ok(Viewer::Public),
            Err(e) => Err(e),
        }
    }
}

/// The secret of `Authorization: Bearer SECRET`.
fn bearer(parts: &Parts) -> Option<String> {
    let value = parts.headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, secret) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| secret.trim().to_owned())
        .filter(|s| !s.is_empty())
}
