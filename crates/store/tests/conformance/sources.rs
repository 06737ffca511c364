//! The signed text kept with an imported plan, for lint findings in context.

use jointplan_store::{Actor, SavePlan, StoreError};

use crate::common::{self, TestDb};
use crate::fixture::{World, example_as, who};

conformance!(
    an_imported_plan_keeps_the_text_its_spans_index,
    a_plan_without_a_document_has_no_source_text,
    the_source_text_survives_backup_and_cannot_be_changed
);

/// The reference plan as imported, with its text.
fn imported() -> jointplan_import::Imported {
    jointplan_import::example::import().expect("the example imports")
}

/// The operator saves the reference plan in force with its text, as the
/// web's seed does.
fn seed() -> SavePlan {
    SavePlan {
        actor: Actor::Operator,
        in_force: true,
        predecessor: None,
    }
}

async fn an_imported_plan_keeps_the_text_its_spans_index(db: TestDb) {
    let s = db.store.as_ref();
    let doc = imported();
    s.save_imported(&doc.plan, &doc.source, &seed())
        .await
        .expect("the operator seeds the signed plan");
    let kept = s
        .source_text(World::SLUG)
        .await
        .expect("read")
        .expect("the text is kept");
    let described = doc
        .plan
        .source
        .as_ref()
        .expect("the import names its source");
    assert_eq!(kept.text, doc.source);
    assert_eq!(kept.name, described.name);
    assert_eq!(kept.format, described.format);
    assert_eq!(kept.sha256, described.sha256);
    // The point of keeping it: every action's span picks out its words.
    let stored = s.version(World::SLUG, None).await.expect("v1").plan;
    for a in stored.actions() {
        let words = kept
            .text
            .get(a.span.range())
            .expect("the span is inside the text");
        assert!(!words.trim().is_empty(), "action {} spans no words", a.code);
    }
    assert!(matches!(
        s.source_text("no-such-plan").await,
        Err(StoreError::NotFound(_))
    ));
}

async fn a_plan_without_a_document_has_no_source_text(db: TestDb) {
    let w = World::in_force(db).await;
    let s = w.store();
    assert_eq!(s.source_text(World::SLUG).await.expect("read"), None);
    // A plan that names no source document cannot be given a text.
    let mut bare = example_as("bare");
    bare.source = None;
    assert!(matches!(
        s.save_imported(&bare, "some text", &SavePlan::default())
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert!(
        matches!(s.plan("bare").await, Err(StoreError::NotFound(_))),
        "a refused save stores nothing"
    );
    // Nor an empty text.
    let doc = imported();
    let mut other = doc.plan.clone();
    other.slug = "empty-text".into();
    assert!(matches!(
        s.save_imported(&other, "", &SavePlan::default()).await,
        Err(StoreError::Invalid(_))
    ));
    // Saving with a text takes the same authority as saving without one.
    other.slug = "by-a-coordinator".into();
    assert!(matches!(
        s.save_imported(&other, &doc.source, &seed_as("mette"))
            .await,
        Err(StoreError::Refused(_))
    ));
}

fn seed_as(name: &str) -> SavePlan {
    SavePlan {
        actor: who(name),
        in_force: true,
        predecessor: None,
    }
}

async fn the_source_text_survives_backup_and_cannot_be_changed(db: TestDb) {
    let w = World::new(db).await;
    let doc = imported();
    let mut plan = doc.plan.clone();
    plan.slug = "with-text".into();
    w.store()
        .save_imported(&plan, &doc.source, &SavePlan::default())
        .await
        .expect("the operator saves a draft with its text");
    // A coordinator's edit of the draft is a new version without a
    // document of its own: its spans still index the imported text.
    plan.title = "Edited".into();
    w.store()
        .commit_version("with-text", 1, &plan, &who("mette"))
        .await
        .expect("a coordinator edits the draft");
    let before = w.store().source_text("with-text").await.expect("read");
    assert_eq!(
        before.as_ref().map(|t| t.text.as_str()),
        Some(doc.source.as_str())
    );
    let db = &w.db;

    let lines = db.store.dump().await.expect("dump");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("\"table\":\"plan_sources\""))
    );
    let back = common::sqlite().await;
    back.store.restore(&lines).await.expect("restore");
    assert_eq!(
        back.store.source_text("with-text").await.expect("read"),
        before
    );
    assert_eq!(
        back.store.contents_hash().await.expect("hash"),
        db.store.contents_hash().await.expect("hash")
    );

    for sql in [
        "UPDATE plan_sources SET text = 'forged'",
        "DELETE FROM plan_sources",
    ] {
        assert!(
            crate::fixture::raw(db, sql).await.is_err(),
            "{sql} is refused"
        );
    }
    assert_eq!(
        db.store.source_text("with-text").await.expect("read"),
        before
    );
}
