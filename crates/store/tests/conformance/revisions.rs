//! Revisions of a plan in force.

use jointplan_core::revision::{Change, ChangeSet};
use jointplan_store::{Clash, StoreError};

use crate::common::TestDb;
use crate::fixture::{World, first_action, retitle, who};

conformance!(
    revision_needs_every_partys_approval,
    a_revision_of_a_draft_is_refused
);

async fn revision_needs_every_partys_approval(db: TestDb) {
    let w = World::in_force(db).await;
    let (s, slug) = (w.store(), World::SLUG);
    let code = first_action(&w.plan);
    let set = ChangeSet {
        reason: "review".into(),
        changes: vec![Change::SetActionText {
            code: code.clone(),
            text: "Possible annual meetings".into(),
        }],
    };
    let r = s
        .propose_revision(slug, &set, &who("jisoo"))
        .await
        .expect("propose");
    assert_eq!(r.pending, ["DK", "KR"]);
    let r = s
        .approve_revision(r.id, "dk", &who("mette"))
        .await
        .expect("DK approves");
    assert_eq!(
        r.applied_as, None,
        "one party alone does not change the plan"
    );
    assert!(matches!(
        s.approve_revision(r.id, "DK", &who("mette")).await,
        Err(StoreError::Conflict(Clash::AlreadyApproved { .. }))
    ));
    let r = s
        .approve_revision(r.id, "KR", &who("jisoo"))
        .await
        .expect("KR approves");
    assert_eq!(r.applied_as, Some(2));
    let v2 = s.version(slug, None).await.expect("v2");
    assert_eq!(
        v2.info.content_hash, r.result_hash,
        "the stored version is what the approvals signed"
    );
    assert!(v2.plan.action(&code).expect("action").strength.is_hedged());
    assert!(matches!(
        s.approve_revision(r.id, "KR", &who("jisoo")).await,
        Err(StoreError::Conflict(Clash::RevisionApplied {
            version: 2,
            ..
        }))
    ));

    // A revision proposed against version 2 cannot take effect on version 3.
    let stale = s
        .propose_revision(slug, &set, &who("mette"))
        .await
        .expect("propose");
    w.revise(&retitle("Renamed")).await;
    s.approve_revision(stale.id, "DK", &who("mette"))
        .await
        .expect("approve");
    let err = s.approve_revision(stale.id, "KR", &who("jisoo")).await;
    assert!(
        matches!(
            err,
            Err(StoreError::Conflict(Clash::VersionMoved {
                current_version: 3
            }))
        ),
        "{err:?}"
    );
    assert_eq!(
        s.revision(stale.id).await.expect("stale").approvals.len(),
        1,
        "the failed approval left no trace"
    );
}

async fn a_revision_of_a_draft_is_refused(db: TestDb) {
    let w = World::new(db).await;
    let err = w
        .store()
        .propose_revision(World::SLUG, &retitle("x"), &who("mette"))
        .await;
    assert!(
        matches!(&err, Err(StoreError::Refused(r)) if r.message_id() == "access-wrong-stage"),
        "{err:?}"
    );
}
