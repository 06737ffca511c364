//! The audit chain and `verify`.

use jointplan_core::progress::Level;

use crate::common::TestDb;
use crate::fixture::{World, first_action, raw, report, who};

conformance!(
    every_write_is_audited_with_its_actor,
    audit_chain_detects_tampering,
    verify_checks_the_derived_tables,
    verify_checks_the_records_of_authority,
);

async fn every_write_is_audited_with_its_actor(db: TestDb) {
    let w = World::in_force(db).await;
    let s = w.store();
    s.set_leads(World::SLUG, "1.2.2", "DK", Some("mhes"), &[], &who("mette"))
        .await
        .expect("lead");
    s.restrict(World::SLUG, "1.2.2", "KR", true, &who("jisoo"))
        .await
        .expect("restrict");
    let log = s.audit().await.expect("audit");
    let by = |action: &str| {
        log.iter()
            .filter(|a| a.action == action)
            .map(|a| a.actor.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(by("plan.save"), ["operator"]);
    assert_eq!(by("account.add")[..2], ["operator", "operator"]);
    assert_eq!(by("account.disable"), ["mette"]);
    assert_eq!(by("plan.adopt"), ["mette", "jisoo"]);
    assert_eq!(by("lead.set"), ["mette"]);
    assert_eq!(by("action.restrict"), ["jisoo"]);
}

async fn audit_chain_detects_tampering(db: TestDb) {
    let w = World::new(db).await;
    let code = first_action(&w.plan);
    for day in 1..=3 {
        let r = report(&code, "DK", &format!("2022-01-0{day}"), Level::Limited);
        w.store()
            .add_reports(World::SLUG, &[r], &who("mette"))
            .await
            .expect("report");
    }
    let ok = w.store().verify().await.expect("verify");
    assert_eq!(ok.problem, None);
    assert_eq!(ok.versions, 1);
    let log = w.store().audit().await.expect("audit");
    assert_eq!(log[0].action, "plan.save");
    assert_eq!(log[1].prev_hash, log[0].hash);
    raw(&w.db, "UPDATE audit_log SET actor = 'mallory' WHERE id = 3")
        .await
        .expect("tamper");
    let bad = w.store().verify().await.expect("verify");
    assert!(
        bad.problem
            .as_deref()
            .is_some_and(|p| p.starts_with("audit record 3:")),
        "{bad:?}"
    );
    raw(
        &w.db,
        &format!(
            "UPDATE audit_log SET actor = '{}' WHERE id = 3",
            log[2].actor
        ),
    )
    .await
    .expect("undo");
    assert_eq!(w.store().verify().await.expect("verify").problem, None);
    raw(
        &w.db,
        "UPDATE plan_versions SET canonical_json = REPLACE(canonical_json, 'Denmark', 'Danmark')",
    )
    .await
    .expect("tamper");
    let bad = w.store().verify().await.expect("verify");
    assert!(
        bad.problem
            .as_deref()
            .is_some_and(|p| p.contains("plan version 1")),
        "{bad:?}"
    );
}

async fn verify_checks_the_derived_tables(db: TestDb) {
    let w = World::new(db).await;
    let code = first_action(&w.plan);
    for (date, level) in [
        ("2022-01-01", Level::Limited),
        ("2022-02-01", Level::Complete),
    ] {
        w.store()
            .add_reports(
                World::SLUG,
                &[report(&code, "DK", date, level)],
                &who("mette"),
            )
            .await
            .expect("report");
    }
    assert_eq!(w.store().verify().await.expect("verify").problem, None);
    raw(
        &w.db,
        "UPDATE progress_current SET level = 'limited', date = '2022-01-01', report_id = 1",
    )
    .await
    .expect("tamper");
    let bad = w.store().verify().await.expect("verify");
    let named = format!("progress_current (plan 1, action {code}, party DK)");
    assert!(
        bad.problem
            .as_deref()
            .is_some_and(|p| p.starts_with(&named)),
        "{bad:?}"
    );
    raw(
        &w.db,
        "UPDATE progress_current SET level = 'complete', date = '2022-02-01', report_id = 2",
    )
    .await
    .expect("undo");
    assert_eq!(w.store().verify().await.expect("verify").problem, None);
    raw(
        &w.db,
        "UPDATE current_lines SET actions = actions + 1 WHERE line_number = 2",
    )
    .await
    .expect("tamper");
    let bad = w.store().verify().await.expect("verify");
    assert_eq!(
        bad.problem.as_deref(),
        Some("current_lines (plan 1, line 2) does not match the plan's current version")
    );
    raw(
        &w.db,
        "UPDATE current_lines SET actions = actions - 1 WHERE line_number = 2",
    )
    .await
    .expect("undo");
    raw(
        &w.db,
        "UPDATE progress_line_levels SET actions = actions + 1 WHERE level = 'complete'",
    )
    .await
    .expect("tamper");
    let bad = w.store().verify().await.expect("verify");
    assert!(
        bad.problem.as_deref().is_some_and(
            |p| p.starts_with("progress_line_levels (plan 1, line 1, party DK, level ")
        ),
        "{bad:?}"
    );
}

async fn verify_checks_the_records_of_authority(db: TestDb) {
    let w = World::new(db).await;
    // A password stored in the clear is named.
    raw(
        &w.db,
        "UPDATE users SET password_hash = 'pw-Secret-1' WHERE name = 'lars'",
    )
    .await
    .expect("tamper");
    let bad = w.store().verify().await.expect("verify");
    assert_eq!(
        bad.problem.as_deref(),
        Some("account lars: its password is not stored as an argon2id hash")
    );
    raw(
        &w.db,
        "UPDATE users SET password_hash = NULL WHERE name = 'lars'",
    )
    .await
    .expect("undo");
    // A plan put in force behind the parties' backs is named.
    raw(&w.db, "UPDATE plans SET status = 'in_force'")
        .await
        .expect("tamper");
    let bad = w.store().verify().await.expect("verify");
    assert_eq!(
        bad.problem.as_deref(),
        Some("plan dk-kr-2021-2024: it is in force without every party's adoption")
    );
    raw(&w.db, "UPDATE plans SET status = 'draft'")
        .await
        .expect("undo");
    w.adopt(World::SLUG).await;
    assert_eq!(w.store().verify().await.expect("verify").problem, None);
}
