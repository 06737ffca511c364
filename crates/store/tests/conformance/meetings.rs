//! Meetings of the plan's mechanisms.

use jointplan_store::{Occurrence, OccurrenceStatus, StoreError};

use crate::common::TestDb;
use crate::fixture::{World, first_action, who};

conformance!(meetings_are_logged_against_mechanisms);

async fn meetings_are_logged_against_mechanisms(db: TestDb) {
    let w = World::new(db).await;
    let (s, slug) = (w.store(), World::SLUG);
    let mechanism = w
        .plan
        .mechanisms
        .first()
        .expect("the example has mechanisms")
        .id
        .clone();
    let planned = Occurrence {
        mechanism: mechanism.clone(),
        status: OccurrenceStatus::Planned,
        date: "2022-06-01".into(),
        place: Some("Seoul".into()),
        host_party: Some("kr".into()),
        participants: vec!["MOTIE".into(), "DEA".into()],
        outcomes: String::new(),
        actions: vec![first_action(&w.plan)],
        supersedes: None,
    };
    // KR hosts: its reporter logs it, DK's reporter may not, a coordinator of either may.
    let first = s
        .add_occurrence(slug, &planned, &who("minho"))
        .await
        .expect("planned");
    let err = s.add_occurrence(slug, &planned, &who("lars")).await;
    assert!(matches!(err, Err(StoreError::Refused(_))), "{err:?}");
    let held = Occurrence {
        status: OccurrenceStatus::Held,
        date: "2022-06-15".into(),
        outcomes: "joint statement".into(),
        supersedes: Some(first),
        ..planned.clone()
    };
    s.add_occurrence(slug, &held, &who("mette"))
        .await
        .expect("held");
    let all = s.occurrences(slug).await.expect("list");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].occurrence.host_party.as_deref(), Some("KR"));
    assert_eq!(all[1].occurrence.supersedes, Some(first));
    assert_eq!(all[1].recorded_by, "mette");
    let unknown = Occurrence {
        mechanism: "no-such-body".into(),
        ..planned
    };
    assert!(matches!(
        s.add_occurrence(slug, &unknown, &who("minho")).await,
        Err(StoreError::Invalid(_))
    ));
}
