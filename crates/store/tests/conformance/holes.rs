//! The holes the issue "Authority" found, one test each: each failed
//! before the store asked `core::access`.

use jointplan_core::access::Role;
use jointplan_core::evaluation::Agreed;
use jointplan_core::progress::Level;
use jointplan_store::{Actor, NewAccount, Occurrence, OccurrenceStatus, SavePlan, StoreError};

use crate::common::TestDb;
use crate::fixture::{PASSWORD, World, example, example_as, report, retitle, who};

conformance!(
    no_coordinator_creates_the_other_partys_coordinator,
    every_write_checks_its_actor,
    commit_version_cannot_bypass_a_revision,
    a_reporters_organisation_is_checked,
    a_store_with_no_accounts_allows_only_the_operator,
);

fn refused<T: std::fmt::Debug>(r: Result<T, StoreError>) -> bool {
    matches!(r, Err(StoreError::Refused(_)))
}

async fn no_coordinator_creates_the_other_partys_coordinator(db: TestDb) {
    let s = db.store.as_ref();
    s.save_plan(
        &example(),
        &SavePlan {
            in_force: true,
            ..Default::default()
        },
    )
    .await
    .expect("save");
    let dk = NewAccount {
        name: "mette".into(),
        role: Role::Coordinator,
        party: Some("DK".into()),
        organisation: None,
    };
    s.add_account(&dk, PASSWORD, &Actor::Operator)
        .await
        .expect("DK's first coordinator");
    // KR has no coordinator yet; before, any coordinator could make one, and so approve for both.
    let kr = NewAccount {
        name: "mallory".into(),
        role: Role::Coordinator,
        party: Some("KR".into()),
        organisation: None,
    };
    assert!(refused(s.add_account(&kr, PASSWORD, &who("mette")).await));
    let r = s
        .propose_revision(World::SLUG, &retitle("one-sided"), &who("mette"))
        .await
        .expect("propose");
    assert!(refused(s.approve_revision(r.id, "KR", &who("mette")).await));
    assert!(refused(
        s.approve_revision(r.id, "KR", &who("mallory")).await
    ));
}

async fn every_write_checks_its_actor(db: TestDb) {
    let w = World::in_force(db).await;
    let s = w.store();
    for stranger in [who("nobody"), who("lars"), Actor::Public] {
        assert!(refused(
            s.save_plan(
                &example_as("x"),
                &SavePlan {
                    actor: stranger.clone(),
                    ..Default::default()
                }
            )
            .await
        ));
        assert!(refused(
            s.commit_version(World::SLUG, 1, &w.plan, &stranger).await
        ));
        assert!(refused(
            s.propose_revision(World::SLUG, &retitle("x"), &stranger)
                .await
        ));
        let agreed = Agreed {
            evaluation: "e".into(),
            action: "1.1.1".into(),
            score: 3,
            note: String::new(),
        };
        assert!(refused(s.add_agreed(World::SLUG, &agreed, &stranger).await));
        let o = Occurrence {
            mechanism: "jcm".into(),
            status: OccurrenceStatus::Held,
            date: "2022-06-01".into(),
            place: None,
            host_party: Some("KR".into()),
            participants: vec![],
            outcomes: String::new(),
            actions: vec![],
            supersedes: None,
        };
        assert!(refused(s.add_occurrence(World::SLUG, &o, &stranger).await));
    }
    assert_eq!(s.plans().await.expect("plans").len(), 1);
}

async fn commit_version_cannot_bypass_a_revision(db: TestDb) {
    let w = World::in_force(db).await;
    let mut changed = w.plan.clone();
    changed.title = "changed without the other party".into();
    for c in ["mette", "jisoo"] {
        assert!(
            refused(
                w.store()
                    .commit_version(World::SLUG, 1, &changed, &who(c))
                    .await
            ),
            "{c}"
        );
    }
    assert_eq!(
        w.store().version(World::SLUG, None).await.expect("v").plan,
        w.plan
    );
}

async fn a_reporters_organisation_is_checked(db: TestDb) {
    let w = World::new(db).await;
    let s = w.store();
    let mut r = report("1.2.2", "DK", "2022-01-01", Level::Limited);
    r.organisation = Some("anything at all".into());
    assert!(matches!(
        s.add_reports(World::SLUG, &[r.clone()], &who("mette"))
            .await,
        Err(StoreError::Invalid(_))
    ));
    s.set_leads(World::SLUG, "1.2.2", "DK", Some("mibf"), &[], &who("mette"))
        .await
        .expect("lead");
    r.organisation = None;
    assert!(
        refused(s.add_reports(World::SLUG, &[r], &who("lars")).await),
        "MHES neither leads nor partners 1.2.2"
    );
}

async fn a_store_with_no_accounts_allows_only_the_operator(db: TestDb) {
    let s = db.store.as_ref();
    assert!(refused(
        s.save_plan(
            &example(),
            &SavePlan {
                actor: who("anyone"),
                ..Default::default()
            }
        )
        .await
    ));
    s.save_plan(&example(), &SavePlan::default())
        .await
        .expect("the operator saves");
    let r = report("1.1.1", "DK", "2022-01-01", Level::Limited);
    assert!(refused(
        s.add_reports(World::SLUG, std::slice::from_ref(&r), &who("anyone"))
            .await
    ));
    assert!(
        refused(s.add_reports(World::SLUG, &[r], &Actor::Operator).await),
        "the operator reports for no party"
    );
}
