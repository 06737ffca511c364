//! The reads the web lists by plan: revisions, evaluations, the plan's
//! audit trail, and the store's generation.

use jointplan_core::evaluation::{Agreed, Assessment};
use jointplan_core::progress::Level;
use jointplan_store::{Actor, RevisionStatus, StoreError};

use crate::common::TestDb;
use crate::fixture::{World, bulk, example_as, first_action, report, retitle, who};

conformance!(
    revisions_are_listed_per_plan_with_where_they_stand,
    evaluations_are_listed_per_plan_with_every_record,
    a_plans_audit_trail_is_its_own_records_newest_first,
    the_generation_moves_with_every_write_and_only_then
);

/// The reference plan in force, and a second plan in force beside it.
async fn two_plans(db: TestDb) -> World {
    let w = World::in_force(db).await;
    w.store()
        .save_plan(&example_as("other"), &Default::default())
        .await
        .expect("a second plan");
    w.adopt("other").await;
    w
}

async fn revisions_are_listed_per_plan_with_where_they_stand(db: TestDb) {
    let w = two_plans(db).await;
    let (s, slug) = (w.store(), World::SLUG);
    assert!(s.revisions(slug).await.expect("none yet").is_empty());
    let stale = s
        .propose_revision(slug, &retitle("First"), &who("jisoo"))
        .await
        .expect("KR proposes");
    s.approve_revision(stale.id, "DK", &who("mette"))
        .await
        .expect("DK approves");
    let elsewhere = s
        .propose_revision("other", &retitle("Elsewhere"), &who("mette"))
        .await
        .expect("a revision of the other plan");
    let listed = s.revisions(slug).await.expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].status, RevisionStatus::Pending);
    assert_eq!(listed[0].proposer_party.as_deref(), Some("KR"));
    assert_eq!(listed[0].proposed_by, "jisoo");
    assert_eq!(
        listed[0].approvals,
        [("DK".to_string(), "mette".to_string())]
    );
    assert_eq!(listed[0].pending, ["KR"]);

    let applied = w.revise(&retitle("Second")).await;
    let listed = s.revisions(slug).await.expect("list");
    let ids: Vec<i64> = listed.iter().map(|r| r.id).collect();
    assert_eq!(ids, [stale.id, applied], "oldest first, this plan's only");
    assert_eq!(
        listed[0].status,
        RevisionStatus::Superseded,
        "the plan moved past the version it changes"
    );
    assert_eq!(listed[1].status, RevisionStatus::Applied);
    assert_eq!(listed[1].applied_as, Some(2));
    assert_eq!(listed[1].proposer_party.as_deref(), Some("DK"));
    assert_eq!(listed[1].changes, retitle("Second"));
    // Each listed revision is what the one-revision read says.
    for r in &listed {
        assert_eq!(*r, s.revision(r.id).await.expect("one"));
    }
    let other = s.revisions("other").await.expect("list");
    assert_eq!(other.len(), 1);
    assert_eq!(other[0].id, elsewhere.id);
    assert!(matches!(
        s.revisions("no-such-plan").await,
        Err(StoreError::NotFound(_))
    ));
}

async fn evaluations_are_listed_per_plan_with_every_record(db: TestDb) {
    let w = two_plans(db).await;
    let (s, slug) = (w.store(), World::SLUG);
    let code = first_action(&w.plan);
    let rate = |evaluation: &str, party: &str, score: u8| Assessment {
        evaluation: evaluation.into(),
        action: code.clone(),
        party: party.into(),
        score,
        note: format!("{party} says {score}"),
    };
    let agreed = |evaluation: &str, score: u8| Agreed {
        evaluation: evaluation.into(),
        action: code.clone(),
        score,
        note: "agreed".into(),
    };
    assert!(s.evaluations(slug).await.expect("none yet").is_empty());
    s.add_assessment(slug, &rate("mid-term", "DK", 4), &who("anne"))
        .await
        .expect("DK rates");
    s.add_assessment(slug, &rate("mid-term", "KR", 2), &who("jun"))
        .await
        .expect("KR rates");
    // The final evaluation starts with an agreed result, not an assessment.
    s.add_agreed(slug, &agreed("final", 4), &who("jisoo"))
        .await
        .expect("KR agrees");
    let mid = s
        .add_agreed(slug, &agreed("mid-term", 3), &who("mette"))
        .await
        .expect("DK agrees");
    s.confirm_agreed(mid, &who("jisoo"))
        .await
        .expect("KR confirms");
    s.add_assessment("other", &rate("other-review", "DK", 1), &who("anne"))
        .await
        .expect("the other plan's evaluation");

    let listed = s.evaluations(slug).await.expect("list");
    let names: Vec<&str> = listed.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["mid-term", "final"], "in the order first recorded");
    let mid_term = &listed[0];
    assert_eq!(
        mid_term.assessments,
        [rate("mid-term", "DK", 4), rate("mid-term", "KR", 2)]
    );
    assert_eq!(mid_term.agreed.len(), 1);
    assert!(mid_term.agreed[0].stands);
    assert_eq!(mid_term.standing(), [agreed("mid-term", 3)]);
    let last = &listed[1];
    assert!(last.assessments.is_empty());
    assert_eq!(last.agreed.len(), 1);
    assert!(!last.agreed[0].stands, "only KR confirmed it");
    assert!(last.standing().is_empty());
    // The same records the one-evaluation reads give.
    for e in &listed {
        let (assessments, standing) = s.evaluation(slug, &e.name).await.expect("one");
        assert_eq!(assessments, e.assessments);
        assert_eq!(standing, e.standing());
        assert_eq!(
            s.agreed_results(slug, &e.name).await.expect("agreed"),
            e.agreed
        );
    }
    let other = s.evaluations("other").await.expect("list");
    assert_eq!(other.len(), 1);
    assert_eq!(other[0].name, "other-review");
}

async fn a_plans_audit_trail_is_its_own_records_newest_first(db: TestDb) {
    let w = two_plans(db).await;
    let (s, slug) = (w.store(), World::SLUG);
    let code = first_action(&w.plan);
    s.add_reports(
        slug,
        &[report(&code, "DK", "2022-01-01", Level::Limited)],
        &who("mette"),
    )
    .await
    .expect("a report");
    s.add_reports(
        "other",
        &[report(&code, "DK", "2022-01-01", Level::Limited)],
        &who("mette"),
    )
    .await
    .expect("a report on the other plan");
    let revision = w.revise(&retitle("Renamed")).await;
    let rows = vec![
        bulk(
            2,
            slug,
            report(&code, "KR", "2022-02-01", Level::Substantial),
        ),
        bulk(
            3,
            "other",
            report(&code, "KR", "2022-02-01", Level::Substantial),
        ),
    ];
    w.import(vec![rows], false, &who("jisoo")).await;
    w.import(
        vec![vec![bulk(
            2,
            "other",
            report(&code, "KR", "2022-03-01", Level::Complete),
        )]],
        false,
        &who("jisoo"),
    )
    .await;

    let trail = s.plan_audit(slug, 1000).await.expect("trail");
    let ids: Vec<i64> = trail.iter().map(|e| e.id).collect();
    let mut newest_first = ids.clone();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(ids, newest_first, "newest first");
    let actions: Vec<&str> = trail.iter().rev().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "plan.save",
            "plan.adopt",
            "plan.adopt",
            "progress.report",
            "revision.propose",
            "revision.approve",
            "revision.approve",
            "plan.version",
            "progress.import",
        ],
        "the plan's records, oldest to newest: its approvals by revision id, \
         the bulk load that touched it, nothing of the other plan or of accounts"
    );
    let approvals = trail.iter().filter(|e| e.action == "revision.approve");
    assert!(
        approvals
            .into_iter()
            .all(|e| e.entity_id == revision.to_string())
    );
    // Each record is the log's own, hash and all.
    let all = s.audit().await.expect("log");
    for e in &trail {
        assert_eq!(Some(e), all.iter().find(|a| a.id == e.id));
    }
    let newest = s.plan_audit(slug, 3).await.expect("limited");
    assert_eq!(newest, trail[..3]);
    assert!(s.plan_audit(slug, 0).await.expect("none").is_empty());
    let other = s.plan_audit("other", 1000).await.expect("trail");
    assert_eq!(
        other
            .iter()
            .filter(|e| e.action == "progress.import")
            .count(),
        2
    );
    assert!(other.iter().all(|e| !e.action.starts_with("revision.")));
    assert!(matches!(
        s.plan_audit("no-such-plan", 10).await,
        Err(StoreError::NotFound(_))
    ));
}

async fn the_generation_moves_with_every_write_and_only_then(db: TestDb) {
    let s = db.store.as_ref();
    assert_eq!(s.generation().await.expect("empty"), 0);
    let w = World::new(db).await;
    let s = w.store();
    let last = |log: Vec<jointplan_store::AuditEntry>| log.last().map_or(0, |e| e.id);
    let g1 = s.generation().await.expect("generation");
    assert!(g1 > 0);
    assert_eq!(g1, last(s.audit().await.expect("log")));
    // Reads do not move it.
    s.plans().await.expect("read");
    s.plan_audit(World::SLUG, 10).await.expect("read");
    assert_eq!(s.generation().await.expect("generation"), g1);
    // A refused write does not either.
    assert!(s.adopt_plan(World::SLUG, &Actor::Public).await.is_err());
    assert_eq!(s.generation().await.expect("generation"), g1);
    // Every accepted write does.
    s.adopt_plan(World::SLUG, &who("mette"))
        .await
        .expect("DK adopts");
    let g2 = s.generation().await.expect("generation");
    assert!(g2 > g1);
    let code = first_action(&w.plan);
    s.restrict(World::SLUG, &code, "KR", true, &who("jisoo"))
        .await
        .expect("KR restricts");
    assert!(s.generation().await.expect("generation") > g2);
}
