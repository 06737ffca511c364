//! Backup and restore, across backends, with the records of authority.

use jointplan_core::progress::Level;
use jointplan_core::revision::{Change, ChangeSet};
use jointplan_store::{Clash, StoreError};

use crate::common::{self, TestDb};
use crate::fixture::{PASSWORD, World, first_action, report, who};

conformance!(backup_restores_with_equal_contents);

async fn backup_restores_with_equal_contents(db: TestDb) {
    // Source: a SQLite store with some of everything.
    let source = World::in_force(common::sqlite().await).await;
    let s = source.store();
    let code = first_action(&source.plan);
    s.add_reports(
        World::SLUG,
        &[report(&code, "DK", "2022-01-01", Level::Limited)],
        &who("mette"),
    )
    .await
    .expect("report");
    s.set_leads(
        World::SLUG,
        "1.2.2",
        "DK",
        Some("mhes"),
        &["dkma".into()],
        &who("mette"),
    )
    .await
    .expect("lead");
    s.restrict(World::SLUG, "1.2.2", "KR", true, &who("jisoo"))
        .await
        .expect("restrict");
    let token = s
        .create_token("script", &who("minho"))
        .await
        .expect("token");
    let session = s.sign_in("lars", PASSWORD).await.expect("session");
    source
        .revise(&ChangeSet {
            reason: String::new(),
            changes: vec![Change::RemoveAction { code: code.clone() }],
        })
        .await;
    let dump = s.dump().await.expect("dump");
    let hash = jointplan_store::dump::contents_hash(&dump);
    assert!(!dump.iter().any(|l| l.contains(PASSWORD)
        || l.contains(&token.secret)
        || l.contains("\"table\":\"sessions\"")));

    // SQLite → the backend under test → SQLite.
    db.store.restore(&dump).await.expect("restore");
    assert_eq!(db.store.contents_hash().await.expect("hash"), hash);
    assert_eq!(db.store.verify().await.expect("verify").problem, None);
    assert!(matches!(
        db.store.restore(&dump).await,
        Err(StoreError::Conflict(Clash::NotEmpty))
    ));
    let back = common::sqlite().await;
    back.store
        .restore(&db.store.dump().await.expect("dump"))
        .await
        .expect("restore back");
    assert_eq!(back.store.contents_hash().await.expect("hash"), hash);

    // What the restored store carries: accounts with their hashes, tokens,
    // leads, restrictions, the plan's life; not sessions.
    let r = db.store.as_ref();
    assert_eq!(
        r.token_account(&token.secret).await.expect("token").name,
        "minho"
    );
    assert!(
        r.session(&session.token).await.is_err(),
        "sessions are dropped"
    );
    r.sign_in("lars", PASSWORD)
        .await
        .expect("passwords carried as hashes");
    let content = r.party_content(World::SLUG).await.expect("content");
    assert_eq!(
        content.lead("1.2.2", "DK").map(|l| l.partners.clone()),
        Some(vec!["dkma".to_string()])
    );
    assert!(content.is_restricted("1.2.2"));
    assert_eq!(
        r.plan(World::SLUG).await.expect("plan").stage,
        jointplan_core::life::status::PlanStatus::InForce
    );
    assert_eq!(r.adoptions(World::SLUG).await.expect("adoptions").len(), 2);
    // It goes on working where the source left off.
    r.add_reports(
        World::SLUG,
        &[report("1.1.2", "KR", "2022-02-01", Level::Limited)],
        &who("jisoo"),
    )
    .await
    .expect("report after restore");
    assert_eq!(r.verify().await.expect("verify").problem, None);
}
