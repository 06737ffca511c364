//! Evaluations: each party's view, and agreed results confirmed by both.

use jointplan_core::evaluation::{self, Agreed, Assessment};
use jointplan_store::{Clash, StoreError};

use crate::common::TestDb;
use crate::fixture::{World, first_action, who};

conformance!(evaluations_keep_each_partys_view_until_both_confirm);

async fn evaluations_keep_each_partys_view_until_both_confirm(db: TestDb) {
    let w = World::new(db).await;
    let (s, slug) = (w.store(), World::SLUG);
    let code = first_action(&w.plan);
    let a = |party: &str, score: u8| Assessment {
        evaluation: "mid-term".into(),
        action: code.clone(),
        party: party.into(),
        score,
        note: String::new(),
    };
    s.add_assessment(slug, &a("DK", 4), &who("anne"))
        .await
        .expect("DK's evaluator");
    s.add_assessment(slug, &a("KR", 2), &who("jun"))
        .await
        .expect("KR's evaluator");
    assert!(matches!(
        s.add_assessment(slug, &a("KR", 2), &who("anne")).await,
        Err(StoreError::Refused(_))
    ));
    assert!(matches!(
        s.add_assessment(slug, &a("KR", 9), &who("jun")).await,
        Err(StoreError::Invalid(_))
    ));
    let parties = vec!["DK".to_string(), "KR".to_string()];
    let state = |assessments: &[Assessment], agreed: &[Agreed]| {
        evaluation::reconcile(std::slice::from_ref(&code), &parties, assessments, agreed)[0]
            .state
            .clone()
    };
    let (assessments, agreed) = s.evaluation(slug, "mid-term").await.expect("read");
    assert_eq!(
        state(&assessments, &agreed),
        evaluation::State::Disagreeing { spread: 2 }
    );

    let settled = Agreed {
        evaluation: "mid-term".into(),
        action: code.clone(),
        score: 3,
        note: "settled".into(),
    };
    let id = s
        .add_agreed(slug, &settled, &who("mette"))
        .await
        .expect("DK confirms");
    let (assessments, agreed) = s.evaluation(slug, "mid-term").await.expect("read");
    assert!(
        agreed.is_empty(),
        "one party's confirmation does not settle it"
    );
    assert_eq!(
        state(&assessments, &agreed),
        evaluation::State::Disagreeing { spread: 2 }
    );
    let again = s
        .add_agreed(slug, &settled, &who("jisoo"))
        .await
        .expect("KR confirms the same result");
    assert_eq!(again, id, "the same result, confirmed by the other party");
    let (assessments, agreed) = s.evaluation(slug, "mid-term").await.expect("read");
    assert_eq!(
        state(&assessments, &agreed),
        evaluation::State::Settled { score: 3 }
    );
    let kept = s.agreed_results(slug, "mid-term").await.expect("agreed");
    assert_eq!(kept.len(), 1);
    assert!(kept[0].stands);
    assert_eq!(
        kept[0].confirmations,
        [
            ("DK".to_string(), "mette".to_string()),
            ("KR".to_string(), "jisoo".to_string())
        ]
    );
    assert!(matches!(
        s.confirm_agreed(id, &who("jisoo")).await,
        Err(StoreError::Conflict(Clash::AlreadyConfirmed { .. }))
    ));
    assert!(matches!(
        s.add_agreed(slug, &settled, &who("anne")).await,
        Err(StoreError::Refused(_))
    ));
}
