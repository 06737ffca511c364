//! Accounts, passwords, sessions and API tokens.

use jointplan_core::access::Role;
use jointplan_store::{Actor, AuthFailure, Clash, NewAccount, StoreError};

use crate::common::TestDb;
use crate::fixture::{PASSWORD, World, who};

conformance!(
    the_operator_creates_each_partys_first_coordinator_only,
    passwords_sign_in_and_sessions_end,
    api_tokens_are_shown_once_and_revocable,
    a_disabled_account_keeps_its_history_and_loses_its_authority,
);

fn account(name: &str, role: Role, party: Option<&str>) -> NewAccount {
    NewAccount {
        name: name.into(),
        role,
        party: party.map(str::to_string),
        organisation: None,
    }
}

fn refusal(r: Result<i64, StoreError>) -> &'static str {
    match r {
        Err(StoreError::Refused(r)) => r.message_id(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn the_operator_creates_each_partys_first_coordinator_only(db: TestDb) {
    let s = db.store.as_ref();
    let op = Actor::Operator;
    // No account yet: only the operator acts, and only to create a first coordinator.
    assert_eq!(
        refusal(
            s.add_account(&account("r", Role::Reporter, Some("DK")), PASSWORD, &op)
                .await
        ),
        "access-first-coordinator-first"
    );
    assert_eq!(
        refusal(
            s.add_account(
                &account("x", Role::Coordinator, Some("DK")),
                PASSWORD,
                &who("nobody")
            )
            .await
        ),
        "access-not-signed-in"
    );
    s.add_account(
        &account("mette", Role::Coordinator, Some("dk")),
        PASSWORD,
        &op,
    )
    .await
    .expect("DK's first coordinator");
    // DK's coordinator cannot make KR's: the hole of the first user.
    assert_eq!(
        refusal(
            s.add_account(
                &account("fake", Role::Coordinator, Some("KR")),
                PASSWORD,
                &who("mette")
            )
            .await
        ),
        "access-only-party"
    );
    assert_eq!(
        refusal(
            s.add_account(&account("m2", Role::Coordinator, Some("DK")), PASSWORD, &op)
                .await
        ),
        "access-party-has-coordinator"
    );
    s.add_account(
        &account("jisoo", Role::Coordinator, Some("KR")),
        PASSWORD,
        &op,
    )
    .await
    .expect("KR's first coordinator");
    s.add_account(
        &account("lars", Role::Reporter, Some("DK")),
        PASSWORD,
        &who("mette"),
    )
    .await
    .expect("DK's reporter");
    assert!(matches!(
        s.add_account(
            &account("lars", Role::Reporter, Some("DK")),
            PASSWORD,
            &who("mette")
        )
        .await,
        Err(StoreError::Conflict(Clash::AccountExists(_)))
    ));
    assert!(matches!(
        s.add_account(
            &account("short", Role::Reporter, Some("DK")),
            "pw",
            &who("mette")
        )
        .await,
        Err(StoreError::Invalid(_))
    ));
    let accounts = s.accounts().await.expect("accounts");
    assert_eq!(
        accounts.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
        ["mette", "jisoo", "lars"]
    );
    assert_eq!(accounts[0].party.as_deref(), Some("DK"));
    let audit = s.audit().await.expect("audit");
    assert_eq!(
        (audit[0].actor.as_str(), audit[0].action.as_str()),
        ("operator", "account.add")
    );
    assert!(
        audit
            .iter()
            .all(|a| !a.detail.contains("argon2") && !a.detail.contains(PASSWORD)),
        "no secret in the log"
    );
}

async fn passwords_sign_in_and_sessions_end(db: TestDb) {
    let w = World::new(db).await;
    let s = w.store();
    let session = s.sign_in("lars", PASSWORD).await.expect("sign in");
    assert_eq!(session.token.len(), 64);
    assert_eq!(
        s.session(&session.token).await.expect("session").name,
        "lars"
    );
    for (name, pw) in [("lars", "wrong-password"), ("nobody", PASSWORD)] {
        assert!(matches!(
            s.sign_in(name, pw).await,
            Err(StoreError::NotAuthenticated(AuthFailure::BadCredentials))
        ));
    }
    // Only lars changes lars's password; the change ends his sessions.
    assert!(matches!(
        s.set_password("lars", "new-Secret-2", &who("mette")).await,
        Err(StoreError::Refused(_))
    ));
    assert!(matches!(
        s.set_password("lars", "new-Secret-2", &Actor::Operator)
            .await,
        Err(StoreError::Refused(_))
    ));
    s.set_password("lars", "new-Secret-2", &who("lars"))
        .await
        .expect("own password");
    assert!(matches!(
        s.session(&session.token).await,
        Err(StoreError::NotAuthenticated(AuthFailure::SessionEnded))
    ));
    assert!(s.sign_in("lars", PASSWORD).await.is_err());
    let session = s
        .sign_in("lars", "new-Secret-2")
        .await
        .expect("new password");
    s.sign_out(&session.token).await.expect("sign out");
    assert!(s.session(&session.token).await.is_err());
    assert!(s.session("not a token").await.is_err());
    assert!(matches!(
        s.sign_in("old", PASSWORD).await,
        Err(StoreError::NotAuthenticated(AuthFailure::Disabled))
    ));
}

async fn api_tokens_are_shown_once_and_revocable(db: TestDb) {
    let w = World::new(db).await;
    let s = w.store();
    let t = s
        .create_token("script", &who("minho"))
        .await
        .expect("token");
    assert_eq!(
        s.token_account(&t.secret).await.expect("lookup").name,
        "minho"
    );
    let listed = s.tokens("minho").await.expect("tokens");
    assert_eq!((listed[0].id, listed[0].label.as_str()), (t.id, "script"));
    assert!(
        !s.dump()
            .await
            .expect("dump")
            .iter()
            .any(|l| l.contains(&t.secret)),
        "only its hash is stored"
    );
    assert!(matches!(
        s.create_token("x", &Actor::Operator).await,
        Err(StoreError::Refused(_))
    ));
    assert!(matches!(
        s.revoke_token(t.id, &who("jisoo")).await,
        Err(StoreError::Refused(_))
    ));
    s.revoke_token(t.id, &who("minho")).await.expect("revoke");
    assert!(matches!(
        s.token_account(&t.secret).await,
        Err(StoreError::NotAuthenticated(AuthFailure::BadToken))
    ));
    assert!(
        s.tokens("minho").await.expect("tokens")[0]
            .revoked_at
            .is_some()
    );
}

async fn a_disabled_account_keeps_its_history_and_loses_its_authority(db: TestDb) {
    let w = World::new(db).await;
    let s = w.store();
    let t = s
        .create_token("script", &who("sofie"))
        .await
        .expect("token");
    let r = crate::fixture::report(
        "1.1.1",
        "DK",
        "2022-01-01",
        jointplan_core::progress::Level::Limited,
    );
    s.add_reports(World::SLUG, std::slice::from_ref(&r), &who("sofie"))
        .await
        .expect("report");
    assert!(
        matches!(
            s.disable_account("sofie", &who("jisoo")).await,
            Err(StoreError::Refused(_))
        ),
        "not by the other party"
    );
    s.disable_account("sofie", &who("mette"))
        .await
        .expect("DK's coordinator disables");
    let err = s.add_reports(World::SLUG, &[r], &who("sofie")).await;
    assert!(
        matches!(&err, Err(StoreError::Refused(r)) if r.message_id() == "access-disabled"),
        "{err:?}"
    );
    assert!(matches!(
        s.token_account(&t.secret).await,
        Err(StoreError::NotAuthenticated(AuthFailure::Disabled))
    ));
    assert_eq!(
        s.reports(World::SLUG).await.expect("reports")[0].recorded_by,
        "sofie",
        "history stays"
    );
    // Roles change by the party's coordinator only.
    assert!(matches!(
        s.set_role("spare", Role::Evaluator, &who("jisoo")).await,
        Err(StoreError::Refused(_))
    ));
    s.set_role("spare", Role::Evaluator, &who("mette"))
        .await
        .expect("role change");
    let spare = s
        .accounts()
        .await
        .expect("accounts")
        .into_iter()
        .find(|a| a.name == "spare")
        .expect("spare");
    assert_eq!(spare.role, "evaluator");
}
