//! Each party's own content: leads and partners, restrictions.

use jointplan_store::StoreError;

use crate::common::TestDb;
use crate::fixture::{World, who};

conformance!(
    leads_are_each_partys_own_with_history,
    a_party_lifts_only_its_own_restriction
);

async fn leads_are_each_partys_own_with_history(db: TestDb) {
    let w = World::in_force(db).await;
    let (s, slug) = (w.store(), World::SLUG);
    let refused = |r: Result<jointplan_store::Lead, StoreError>| match r {
        Err(StoreError::Refused(r)) => r.message_id(),
        other => panic!("expected a refusal, got {other:?}"),
    };
    let lead = s
        .set_leads(
            slug,
            "1.2.2",
            "DK",
            Some("MHES"),
            &["dkma".into(), "DMA".into()],
            &who("mette"),
        )
        .await
        .expect("DK sets");
    assert_eq!(
        (lead.lead.as_deref(), lead.partners.as_slice()),
        (Some("mhes"), ["dkma".to_string()].as_slice()),
        "ids from acronyms, once each"
    );
    assert_eq!(
        refused(
            s.set_leads(slug, "1.2.2", "KR", Some("msit"), &[], &who("mette"))
                .await
        ),
        "access-only-party"
    );
    assert_eq!(
        refused(
            s.set_leads(slug, "1.2.2", "DK", Some("mibf"), &[], &who("lars"))
                .await
        ),
        "access-only-party"
    );
    assert_eq!(
        refused(
            s.set_leads(
                slug,
                "1.2.2",
                "DK",
                Some("mibf"),
                &[],
                &jointplan_store::Actor::Operator
            )
            .await
        ),
        "access-operator-not-a-party"
    );
    assert!(matches!(
        s.set_leads(slug, "1.2.2", "DK", Some("acme"), &[], &who("mette"))
            .await,
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        s.set_leads(slug, "9.9.9", "DK", Some("mhes"), &[], &who("mette"))
            .await,
        Err(StoreError::Invalid(_))
    ));
    s.set_leads(slug, "1.2.2", "KR", Some("msit"), &[], &who("jisoo"))
        .await
        .expect("KR sets");
    s.set_leads(slug, "1.2.2", "DK", Some("mibf"), &[], &who("mette"))
        .await
        .expect("DK changes its lead");
    let content = s.party_content(slug).await.expect("content");
    assert_eq!(content.leads.len(), 2, "the current lead per party");
    assert_eq!(
        content.lead("1.2.2", "DK").and_then(|l| l.lead.as_deref()),
        Some("mibf")
    );
    assert_eq!(
        content.lead("1.2.2", "KR").and_then(|l| l.lead.as_deref()),
        Some("msit")
    );
    let history = s
        .dump()
        .await
        .expect("dump")
        .iter()
        .filter(|l| l.contains("\"table\":\"action_leads\""))
        .count();
    assert_eq!(history, 3, "every change kept");
    // The plan's hash is untouched: leads live beside it.
    assert_eq!(s.plan(slug).await.expect("plan").current_version, 1);
    assert_eq!(s.verify().await.expect("verify").problem, None);
}

async fn a_party_lifts_only_its_own_restriction(db: TestDb) {
    let w = World::in_force(db).await;
    let (s, slug) = (w.store(), World::SLUG);
    s.restrict(slug, "1.1.1", "DK", true, &who("mette"))
        .await
        .expect("DK restricts");
    s.restrict(slug, "1.1.1", "KR", true, &who("jisoo"))
        .await
        .expect("KR restricts");
    assert!(
        matches!(
            s.restrict(slug, "1.1.1", "DK", false, &who("jisoo")).await,
            Err(StoreError::Refused(_))
        ),
        "KR lifts DK's"
    );
    assert!(matches!(
        s.restrict(slug, "1.1.1", "DK", false, &who("lars")).await,
        Err(StoreError::Refused(_))
    ));
    s.restrict(slug, "1.1.1", "KR", false, &who("jisoo"))
        .await
        .expect("KR lifts its own");
    let content = s.party_content(slug).await.expect("content");
    assert!(content.is_restricted("1.1.1"), "DK's restriction stands");
    assert_eq!(content.restrictions.len(), 1);
    assert_eq!(content.restrictions[0].party, "DK");
    s.restrict(slug, "1.1.1", "DK", false, &who("mette"))
        .await
        .expect("DK lifts its own");
    assert!(
        !s.party_content(slug)
            .await
            .expect("content")
            .is_restricted("1.1.1")
    );
}
