//! Accounts and their credentials: creation by the right people, passwords,
//! sessions and API tokens, disabling and role changes.

use std::time::Duration;

use async_trait::async_trait;
use jointplan_core::access::{Act, Principal, Role};
use serde_json::{Value, json};

use crate::api::AccountStore;
use crate::authority::{AccountInfo, Actor, NewAccount, NewToken, Session, TokenInfo};
use crate::credentials::{
    check_password, hash_password, new_secret, password_matches, secret_hash,
};
use crate::error::{AuthFailure, Clash, Missing, Result, StoreError};
use crate::guard::{AccountRow, account_row, allow, principal};
use crate::rows::{Audit, append_audit, from_now, insert_new, now};
use crate::seam::{Tx, q};
use crate::sql_store::SqlStore;

/// How long a session lasts.
const SESSION_LIFETIME: Duration = Duration::from_secs(12 * 60 * 60);

const ACCOUNT_COLUMNS: &str =
    "u.id, u.name, u.role, u.party, u.organisation, u.created_at, u.disabled_at";

#[derive(sqlx::FromRow)]
struct Count {
    n: i64,
}

#[derive(sqlx::FromRow)]
struct TokenOwner {
    name: String,
}

/// The account `name`, or [`Missing::Account`].
async fn target(tx: &mut Tx, name: &str) -> Result<AccountRow> {
    account_row(tx, name)
        .await?
        .ok_or_else(|| StoreError::NotFound(Missing::Account(name.to_string())))
}

/// Appends an audit record about account `name`.
async fn audit_account(
    tx: &mut Tx,
    who: &Principal,
    action: &str,
    name: &str,
    detail: Value,
) -> Result<()> {
    append_audit(
        tx,
        Audit {
            actor: who.audit_name(),
            action,
            entity: "account",
            entity_id: name,
            detail,
        },
    )
    .await
}

/// The enabled account a secret's row names, or why not.
async fn live_account(
    tx: &mut Tx,
    sql: &str,
    secret: &str,
    failure: AuthFailure,
) -> Result<AccountInfo> {
    let found: Option<AccountInfo> = tx
        .optional(q(sql).bind(secret_hash(secret)).bind(now()))
        .await?;
    let account = found.ok_or(StoreError::NotAuthenticated(failure))?;
    if account.disabled_at.is_some() {
        return Err(StoreError::NotAuthenticated(AuthFailure::Disabled));
    }
    Ok(account)
}

#[async_trait]
impl AccountStore for SqlStore {
    async fn add_account(&self, new: &NewAccount, password: &str, actor: &Actor) -> Result<i64> {
        let name = new.name.trim();
        if name.is_empty()
            || name.chars().any(char::is_whitespace)
            || name == "operator"
            || name == "public"
        {
            return Err(StoreError::Invalid(format!(
                "{:?} cannot be an account's name",
                new.name
            )));
        }
        check_password(password)?;
        let party = new
            .party
            .as_deref()
            .map(|p| p.trim().to_uppercase())
            .filter(|p| !p.is_empty());
        // Hashed before the write lock is taken: argon2 takes a while on purpose.
        let hash = hash_password(password).await?;
        let mut tx = self.pool().write().await?;
        let who = principal(&mut tx, actor).await?;
        let coordinators: Count = tx
            .one(q("SELECT COUNT(*) AS n FROM users WHERE role = 'coordinator' AND party = $1 AND disabled_at IS NULL").bind(party.as_deref()))
            .await?;
        let act = Act::CreateAccount {
            party: party.as_deref(),
            role: new.role,
            party_has_coordinator: coordinators.n > 0,
        };
        allow(&who, &act, None)?;
        if account_row(&mut tx, name).await?.is_some() {
            return Err(StoreError::Conflict(Clash::AccountExists(name.to_string())));
        }
        let values = vec![
            json!(name),
            json!(new.role.as_str()),
            json!(party),
            json!(new.organisation),
            json!(now()),
            json!(hash),
            Value::Null,
        ];
        let id = insert_new(&mut tx, "users", values).await?;
        let detail =
            json!({"role": new.role.as_str(), "party": party, "organisation": new.organisation});
        audit_account(&mut tx, &who, "account.add", name, detail).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn set_password(&self, name: &str, password: &str, actor: &Actor) -> Result<()> {
        check_password(password)?;
        let hash = hash_password(password).await?;
        let mut tx = self.pool().write().await?;
        let who = principal(&mut tx, actor).await?;
        allow(&who, &Act::ManageCredentials { name }, None)?;
        let row = target(&mut tx, name).await?;
        tx.execute(
            q("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(hash)
                .bind(row.id),
        )
        .await?;
        // A new password ends every session the old one opened.
        tx.execute(q("DELETE FROM sessions WHERE user_id = $1").bind(row.id))
            .await?;
        audit_account(&mut tx, &who, "account.password", name, json!({})).await?;
        tx.commit().await
    }

    async fn disable_account(&self, name: &str, actor: &Actor) -> Result<()> {
        let mut tx = self.pool().write().await?;
        let who = principal(&mut tx, actor).await?;
        let row = target(&mut tx, name).await?;
        allow(
            &who,
            &Act::ManageAccount {
                party: row.party.as_deref(),
                disabling: true,
            },
            None,
        )?;
        if row.disabled_at.is_none() {
            tx.execute(
                q("UPDATE users SET disabled_at = $1 WHERE id = $2")
                    .bind(now())
                    .bind(row.id),
            )
            .await?;
            tx.execute(q("DELETE FROM sessions WHERE user_id = $1").bind(row.id))
                .await?;
            audit_account(&mut tx, &who, "account.disable", name, json!({})).await?;
        }
        tx.commit().await
    }

    async fn set_role(&self, name: &str, role: Role, actor: &Actor) -> Result<()> {
        let mut tx = self.pool().write().await?;
        let who = principal(&mut tx, actor).await?;
        let row = target(&mut tx, name).await?;
        allow(
            &who,
            &Act::ManageAccount {
                party: row.party.as_deref(),
                disabling: false,
            },
            None,
        )?;
        tx.execute(
            q("UPDATE users SET role = $1 WHERE id = $2")
                .bind(role.as_str())
                .bind(row.id),
        )
        .await?;
        audit_account(
            &mut tx,
            &who,
            "account.role",
            name,
            json!({"from": row.role, "to": role.as_str()}),
        )
        .await?;
        tx.commit().await
    }

    async fn accounts(&self) -> Result<Vec<AccountInfo>> {
        let mut tx = self.pool().read().await?;
        tx.all(q(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM users u ORDER BY u.id"
        )))
        .await
    }

    async fn sign_in(&self, name: &str, password: &str) -> Result<Session> {
        let bad = StoreError::NotAuthenticated(AuthFailure::BadCredentials);
        let row = {
            let mut tx = self.pool().read().await?;
            account_row(&mut tx, name).await?
        };
        let Some(row) = row else { return Err(bad) };
        let Some(hash) = row.password_hash.as_deref() else {
            return Err(bad);
        };
        if !password_matches(password, hash).await? {
            return Err(bad);
        }
        if row.disabled_at.is_some() {
            return Err(StoreError::NotAuthenticated(AuthFailure::Disabled));
        }
        let session = Session {
            token: new_secret()?,
            expires_at: from_now(SESSION_LIFETIME),
        };
        let mut tx = self.pool().write().await?;
        let values = vec![
            json!(row.id),
            json!(secret_hash(&session.token)),
            json!(now()),
            json!(session.expires_at),
        ];
        insert_new(&mut tx, "sessions", values).await?;
        let who = Principal::Account(row.account()?);
        audit_account(
            &mut tx,
            &who,
            "session.start",
            name,
            json!({"expires_at": session.expires_at}),
        )
        .await?;
        tx.commit().await?;
        Ok(session)
    }

    async fn session(&self, token: &str) -> Result<AccountInfo> {
        let mut tx = self.pool().read().await?;
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2"
        );
        live_account(&mut tx, &sql, token, AuthFailure::SessionEnded).await
    }

    async fn sign_out(&self, token: &str) -> Result<()> {
        let mut tx = self.pool().write().await?;
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND $2 <> ''"
        );
        let found: Option<AccountInfo> = tx
            .optional(q(sql).bind(secret_hash(token)).bind(now()))
            .await?;
        if let Some(account) = found {
            tx.execute(q("DELETE FROM sessions WHERE token_hash = $1").bind(secret_hash(token)))
                .await?;
            let actor = Actor::Account(account.name.clone());
            let who = principal(&mut tx, &actor).await?;
            audit_account(&mut tx, &who, "session.end", &account.name, json!({})).await?;
        }
        tx.commit().await
    }

    async fn create_token(&self, label: &str, actor: &Actor) -> Result<NewToken> {
        let mut tx = self.pool().write().await?;
        let who = principal(&mut tx, actor).await?;
        let name = actor.audit_name().to_string();
        allow(&who, &Act::ManageCredentials { name: &name }, None)?;
        let row = target(&mut tx, &name).await?;
        let secret = new_secret()?;
        let values = vec![
            json!(row.id),
            json!(label),
            json!(secret_hash(&secret)),
            json!(now()),
            Value::Null,
        ];
        let id = insert_new(&mut tx, "api_tokens", values).await?;
        audit_account(
            &mut tx,
            &who,
            "token.create",
            &name,
            json!({"token": id, "label": label}),
        )
        .await?;
        tx.commit().await?;
        Ok(NewToken { id, secret })
    }

    async fn revoke_token(&self, id: i64, actor: &Actor) -> Result<()> {
        let mut tx = self.pool().write().await?;
        let who = principal(&mut tx, actor).await?;
        let owner: TokenOwner = tx
            .optional(q("SELECT u.name FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = $1").bind(id))
            .await?
            .ok_or(StoreError::NotFound(Missing::Token(id)))?;
        allow(&who, &Act::ManageCredentials { name: &owner.name }, None)?;
        let done = tx
            .execute(
                q("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
                    .bind(now())
                    .bind(id),
            )
            .await?;
        if done > 0 {
            audit_account(
                &mut tx,
                &who,
                "token.revoke",
                &owner.name,
                json!({"token": id}),
            )
            .await?;
        }
        tx.commit().await
    }

    async fn tokens(&self, name: &str) -> Result<Vec<TokenInfo>> {
        let mut tx = self.pool().read().await?;
        tx.all(
            q("SELECT t.id, u.name AS account, t.label, t.created_at, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.name = $1 ORDER BY t.id")
                .bind(name),
        )
        .await
    }

    async fn token_account(&self, secret: &str) -> Result<AccountInfo> {
        let mut tx = self.pool().read().await?;
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND $2 <> ''"
        );
        live_account(&mut tx, &sql, secret, AuthFailure::BadToken).await
    }
}
