//! Every write asks `core::access`, inside its own transaction: the store
//! loads the acting account, gathers the facts the act needs, and obeys
//! the answer. No rule about roles lives here.

use jointplan_core::access::{self, Account, Act, PlanScope, Principal, Refusal, Role};

use crate::authority::Actor;
use crate::error::{Result, StoreError};
use crate::seam::{Tx, q};
use crate::types::PlanInfo;

/// An account row as the guard needs it.
#[derive(sqlx::FromRow)]
pub(crate) struct AccountRow {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub party: Option<String>,
    pub organisation: Option<String>,
    pub password_hash: Option<String>,
    pub disabled_at: Option<String>,
}

impl AccountRow {
    /// The account as `core::access` sees it.
    pub fn account(&self) -> Result<Account> {
        let role = Role::parse(&self.role).ok_or_else(|| {
            StoreError::Corrupt(format!("account {}: role {:?}", self.id, self.role))
        })?;
        Ok(Account {
            name: self.name.clone(),
            role,
            party: self.party.clone(),
            organisation: self.organisation.clone(),
            disabled: self.disabled_at.is_some(),
        })
    }
}

/// The account named `name`, if there is one.
pub(crate) async fn account_row(tx: &mut Tx, name: &str) -> Result<Option<AccountRow>> {
    tx.optional(
        q("SELECT id, name, role, party, organisation, password_hash, disabled_at FROM users WHERE name = $1")
            .bind(name),
    )
    .await
}

/// Who `actor` is, as `core::access` sees it. A name with no account is
/// nobody signed in: a store with no accounts allows only the operator.
pub(crate) async fn principal(tx: &mut Tx, actor: &Actor) -> Result<Principal> {
    match actor {
        Actor::Operator => Ok(Principal::Operator),
        Actor::Public => Ok(Principal::Public),
        Actor::Account(name) => match account_row(tx, name).await? {
            Some(row) => Ok(Principal::Account(row.account()?)),
            None => Err(StoreError::Refused(Refusal::NotSignedIn)),
        },
    }
}

/// What `core::access` knows of a plan.
pub(crate) fn scope(info: &PlanInfo) -> PlanScope {
    PlanScope {
        parties: info.party_codes(),
        status: info.stage,
    }
}

/// Asks `core::access`; a refusal becomes [`StoreError::Refused`].
pub(crate) fn allow(who: &Principal, act: &Act, plan: Option<&PlanInfo>) -> Result<()> {
    let scope = plan.map(scope);
    access::check(who, act, scope.as_ref()).map_err(StoreError::Refused)
}

/// The party an act "for my party" (adopting, confirming) is done for:
/// the account's own party; for the operator, the public or an account of
/// no party, the plan's first party, so that the rules answer with their
/// refusal rather than the store inventing one.
pub(crate) fn acting_party(who: &Principal, info: &PlanInfo) -> String {
    who.account()
        .and_then(|a| a.party.clone())
        .or_else(|| info.party_codes().into_iter().next())
        .unwrap_or_default()
}
