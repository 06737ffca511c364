//! Plans, versions and the plan's life.

use jointplan_core::canonical;
use jointplan_core::life::status::PlanStatus;
use jointplan_store::{Clash, SavePlan, StoreError};

use crate::common::TestDb;
use crate::fixture::{World, example, example_as, who};

conformance!(
    plan_round_trips_with_its_hash,
    normalized_rows_follow_the_plan,
    a_plan_comes_into_force_when_both_adopt_the_same_content,
    a_draft_is_edited_directly_and_a_plan_in_force_is_not,
    concurrent_editors_one_wins_the_other_conflicts,
    the_operator_may_load_a_signed_plan_in_force,
);

async fn plan_round_trips_with_its_hash(db: TestDb) {
    let plan = example();
    let v = db
        .store
        .save_plan(&plan, &SavePlan::default())
        .await
        .expect("save");
    assert_eq!(v.number, 1);
    assert_eq!(v.content_hash, canonical::content_hash(&plan));
    assert_eq!(v.created_by, "operator");
    let back = db.store.version(&plan.slug, None).await.expect("load");
    assert_eq!(back.plan, plan);
    let plans = db.store.plans().await.expect("plans");
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0].status, "draft");
    assert_eq!(plans[0].party_codes(), ["DK", "KR"]);
    assert_eq!(
        (plans[0].first_year, plans[0].last_year),
        (Some(2021), Some(2024))
    );
    assert_eq!(plans[0].signed_on.as_deref(), Some("2021-04"));
    assert!(matches!(
        db.store.save_plan(&plan, &SavePlan::default()).await,
        Err(StoreError::Conflict(Clash::PlanExists(_)))
    ));
    let how = SavePlan {
        predecessor: Some(plan.slug.clone()),
        ..Default::default()
    };
    db.store
        .save_plan(&example_as("dk-kr-2025-2028"), &how)
        .await
        .expect("save successor");
    assert_eq!(
        db.store.successors(&plan.slug).await.expect("successors"),
        ["dk-kr-2025-2028"]
    );
    assert!(matches!(
        db.store.resolve_plan(None).await,
        Err(StoreError::WhichPlan(2))
    ));
}

async fn normalized_rows_follow_the_plan(db: TestDb) {
    let w = World::new(db).await;
    let lines = w.store().dump().await.expect("dump");
    let count = |table: &str| {
        lines
            .iter()
            .filter(|l| l.contains(&format!("\"table\":\"{table}\"")))
            .count()
    };
    assert_eq!(count("actions"), w.plan.actions().count());
    assert_eq!(count("lines"), w.plan.lines.len());
    assert_eq!(count("organisations"), w.plan.organisations.len());
    assert_eq!(count("mechanisms"), w.plan.mechanisms.len());
    assert_eq!(count("targets"), w.plan.targets.len());
}

async fn a_plan_comes_into_force_when_both_adopt_the_same_content(db: TestDb) {
    let w = World::new(db).await;
    let s = w.store();
    let info = s
        .adopt_plan(World::SLUG, &who("mette"))
        .await
        .expect("DK adopts");
    assert_eq!(
        info.stage,
        PlanStatus::Draft,
        "one party alone does not bring it into force"
    );
    assert!(matches!(
        s.adopt_plan(World::SLUG, &who("mette")).await,
        Err(StoreError::Conflict(Clash::AlreadyAdopted(p))) if p == "DK"
    ));
    // KR edits the draft meanwhile: DK's approval was of other content.
    let mut edited = w.plan.clone();
    edited.title = "Edited".into();
    s.commit_version(World::SLUG, 1, &edited, &who("jisoo"))
        .await
        .expect("KR edits the draft");
    let info = s
        .adopt_plan(World::SLUG, &who("jisoo"))
        .await
        .expect("KR adopts");
    assert_eq!(
        info.stage,
        PlanStatus::Draft,
        "the approvals are of different content"
    );
    let info = s
        .adopt_plan(World::SLUG, &who("mette"))
        .await
        .expect("DK adopts again");
    assert_eq!(info.stage, PlanStatus::InForce);
    // Its period is over on this machine's clock: shown closed, still revisable.
    assert_eq!(info.status, "closed");
    let adoptions = s.adoptions(World::SLUG).await.expect("adoptions");
    assert_eq!(adoptions.len(), 3);
    assert_eq!(s.verify().await.expect("verify").problem, None);
}

async fn a_draft_is_edited_directly_and_a_plan_in_force_is_not(db: TestDb) {
    let w = World::in_force(db).await;
    let mut edited = w.plan.clone();
    edited.title = "Edited".into();
    let err = w
        .store()
        .commit_version(World::SLUG, 1, &edited, &who("mette"))
        .await;
    assert!(
        matches!(&err, Err(StoreError::Refused(r)) if r.message_id() == "access-wrong-stage"),
        "{err:?}"
    );
    assert_eq!(
        w.store()
            .plan(World::SLUG)
            .await
            .expect("plan")
            .current_version,
        1
    );
}

async fn concurrent_editors_one_wins_the_other_conflicts(db: TestDb) {
    let w = World::new(db).await;
    for round in 0..4 {
        let expected = 1 + round;
        let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(2));
        let writers: Vec<_> = ["mette", "jisoo"]
            .into_iter()
            .map(|name| {
                let store = w.db.store.clone();
                let barrier = barrier.clone();
                let mut mine = w.plan.clone();
                mine.title = format!("{name} {round}");
                tokio::spawn(async move {
                    barrier.wait().await;
                    store
                        .commit_version(&mine.slug, expected, &mine, &who(name))
                        .await
                })
            })
            .collect();
        let (mut wins, mut conflicts) = (0, 0);
        for writer in writers {
            match writer.await.expect("writer task") {
                Ok(v) => {
                    assert_eq!(v.number, expected + 1);
                    wins += 1;
                }
                Err(StoreError::Conflict(Clash::VersionMoved { current_version })) => {
                    assert_eq!(
                        current_version,
                        expected + 1,
                        "the conflict names the version that won"
                    );
                    conflicts += 1;
                }
                Err(e) => panic!("unexpected error: {e}"),
            }
        }
        assert_eq!((wins, conflicts), (1, 1), "round {round}");
    }
    assert_eq!(w.store().verify().await.expect("verify").problem, None);
}

async fn the_operator_may_load_a_signed_plan_in_force(db: TestDb) {
    let how = SavePlan {
        in_force: true,
        ..Default::default()
    };
    let info_v = db
        .store
        .save_plan(&example(), &how)
        .await
        .expect("the operator loads the example in force");
    assert_eq!(info_v.number, 1);
    let info = db.store.plan(World::SLUG).await.expect("plan");
    assert_eq!(info.stage, PlanStatus::InForce);
    assert_eq!(db.store.verify().await.expect("verify").problem, None);
}
