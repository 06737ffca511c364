//! The storage API for people and each party's own content: accounts and
//! their credentials, leads and partners, restrictions.

use async_trait::async_trait;
use jointplan_core::access::Role;

use crate::authority::*;
use crate::error::Result;

/// Accounts, passwords (argon2id), sessions and API tokens.
#[async_trait]
pub trait AccountStore: Send + Sync {
    /// Creates an account with its password; returns its id. The operator
    /// creates each party's first coordinator; after that only that
    /// party's coordinators create its accounts.
    async fn add_account(&self, account: &NewAccount, password: &str, actor: &Actor)
    -> Result<i64>;

    /// Sets an account's password (its holder only).
    async fn set_password(&self, name: &str, password: &str, actor: &Actor) -> Result<()>;

    /// Disables an account: it can no longer sign in or act; its history stays.
    async fn disable_account(&self, name: &str, actor: &Actor) -> Result<()>;

    /// Changes an account's role.
    async fn set_role(&self, name: &str, role: Role, actor: &Actor) -> Result<()>;

    /// Every account, by id.
    async fn accounts(&self) -> Result<Vec<AccountInfo>>;

    /// Signs in with a name and password: a new session.
    async fn sign_in(&self, name: &str, password: &str) -> Result<Session>;

    /// The account a session token belongs to, if the session is live and
    /// the account enabled.
    async fn session(&self, token: &str) -> Result<AccountInfo>;

    /// Ends a session.
    async fn sign_out(&self, token: &str) -> Result<()>;

    /// Creates an API token for the acting account; its secret is shown once.
    async fn create_token(&self, label: &str, actor: &Actor) -> Result<NewToken>;

    /// Revokes one of the acting account's API tokens.
    async fn revoke_token(&self, id: i64, actor: &Actor) -> Result<()>;

    /// The API tokens of account `name`, by id.
    async fn tokens(&self, name: &str) -> Result<Vec<TokenInfo>>;

    /// The account an API token acts for, if the token is live and the
    /// account enabled.
    async fn token_account(&self, secret: &str) -> Result<AccountInfo>;
}

/// Each party's own content of a plan, outside its hash.
#[async_trait]
pub trait PartyStore: Send + Sync {
    /// Sets `party`'s lead organisation and partners of action `code`
    /// (organisations of the plan's register, by id or acronym). Returns
    /// the lead as stored.
    async fn set_leads(
        &self,
        slug: &str,
        code: &str,
        party: &str,
        lead: Option<&str>,
        partners: &[String],
        actor: &Actor,
    ) -> Result<Lead>;

    /// Restricts action `code` for `party` (hidden from the public), or
    /// lifts `party`'s own restriction.
    async fn restrict(
        &self,
        slug: &str,
        code: &str,
        party: &str,
        restricted: bool,
        actor: &Actor,
    ) -> Result<()>;

    /// A plan's current leads and restrictions.
    async fn party_content(&self, slug: &str) -> Result<PartyContent>;
}
