//! Progress reports and target values.

use jointplan_core::progress::{Level, Report};
use jointplan_store::{StoreError, TargetValue};

use crate::common::TestDb;
use crate::fixture::{World, first_action, raw, report, who};

conformance!(
    progress_is_append_only_and_latest_wins,
    a_reporter_reports_where_its_organisation_leads_or_partners,
    a_report_names_one_of_the_plans_organisations,
    target_values_are_kept_over_time,
);

async fn progress_is_append_only_and_latest_wins(db: TestDb) {
    let w = World::new(db).await;
    let (s, slug) = (w.store(), World::SLUG);
    let code = first_action(&w.plan);
    s.add_reports(
        slug,
        &[report(&code, "DK", "2022-01-01", Level::Limited)],
        &who("mette"),
    )
    .await
    .expect("report");
    s.add_reports(
        slug,
        &[report(&code, "dk", "2023-01-01", Level::Complete)],
        &who("mette"),
    )
    .await
    .expect("report");
    s.add_reports(
        slug,
        &[report(&code, "KR", "2023-01-01", Level::Substantial)],
        &who("jisoo"),
    )
    .await
    .expect("report");
    let stored = s.reports(slug).await.expect("reports");
    assert_eq!(stored.len(), 3, "nothing replaced");
    assert_eq!(stored[1].report.party, "DK", "party codes are normalised");
    assert_eq!(stored[1].recorded_by, "mette");
    let reports: Vec<Report> = stored.into_iter().map(|r| r.report).collect();
    let rollups = jointplan_core::rollup::plan_rollups(&w.plan, &reports);
    assert_eq!(rollups[0].score.by_level[Level::Complete.index()], 1);
    assert_eq!(rollups[1].score.by_level[Level::Substantial.index()], 1);

    // Bad reports are refused whole.
    let two = [
        report(&code, "DK", "2023-02-01", Level::Limited),
        report("99.9.9", "DK", "2023-02-01", Level::Limited),
    ];
    assert!(matches!(
        s.add_reports(slug, &two, &who("mette")).await,
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(s.reports(slug).await.expect("reports").len(), 3);

    // The database itself refuses to rewrite history.
    assert!(
        raw(&w.db, "UPDATE progress_reports SET level = 'complete'")
            .await
            .is_err()
    );
    assert!(raw(&w.db, "DELETE FROM progress_reports").await.is_err());
}

async fn a_reporter_reports_where_its_organisation_leads_or_partners(db: TestDb) {
    let w = World::new(db).await;
    let (s, slug) = (w.store(), World::SLUG);
    let id = |name: &str| who(name);
    let refused = |r: Result<Vec<i64>, StoreError>| match r {
        Err(StoreError::Refused(r)) => r.message_id(),
        other => panic!("expected a refusal, got {other:?}"),
    };
    // lars (MHES) before any lead is set: not engaged.
    let on = |code: &str| report(code, "DK", "2022-05-01", Level::Limited);
    assert_eq!(
        refused(s.add_reports(slug, &[on("1.2.2")], &id("lars")).await),
        "access-not-engaged"
    );
    s.set_leads(slug, "1.2.2", "DK", Some("mhes"), &[], &id("mette"))
        .await
        .expect("DK's lead");
    s.set_leads(
        slug,
        "1.1.2",
        "DK",
        Some("mibf"),
        &["MHES".to_string()],
        &id("mette"),
    )
    .await
    .expect("DK's lead");
    s.add_reports(slug, &[on("1.2.2")], &id("lars"))
        .await
        .expect("lead");
    s.add_reports(slug, &[on("1.1.2")], &id("lars"))
        .await
        .expect("partner");
    // Not where KR made MHES nothing, not for KR, not naming another organisation.
    assert_eq!(
        refused(s.add_reports(slug, &[on("1.1.1")], &id("lars")).await),
        "access-not-engaged"
    );
    let kr = report("1.2.2", "KR", "2022-05-01", Level::Limited);
    assert_eq!(
        refused(s.add_reports(slug, &[kr], &id("lars")).await),
        "access-only-party"
    );
    let mut other_org = on("1.2.2");
    other_org.organisation = Some("mibf".into());
    assert_eq!(
        refused(s.add_reports(slug, &[other_org], &id("lars")).await),
        "access-other-organisation"
    );
    // A reporter without an organisation, and coordinators, report on any action of their party.
    s.add_reports(slug, &[on("1.1.1")], &id("sofie"))
        .await
        .expect("sofie");
    s.add_reports(slug, &[on("1.1.1")], &id("mette"))
        .await
        .expect("mette");
    assert_eq!(
        refused(s.add_reports(slug, &[on("1.1.1")], &id("jisoo")).await),
        "access-only-party"
    );
    assert_eq!(
        refused(s.add_reports(slug, &[on("1.1.1")], &id("anne")).await),
        "access-only-party"
    );
}

async fn a_report_names_one_of_the_plans_organisations(db: TestDb) {
    let w = World::new(db).await;
    let mut r = report("1.2.2", "DK", "2022-05-01", Level::Limited);
    r.organisation = Some("Ministry of Silly Walks".into());
    let err = w
        .store()
        .add_reports(World::SLUG, &[r.clone()], &who("mette"))
        .await;
    assert!(
        matches!(&err, Err(StoreError::Invalid(m)) if m.contains("not one of the plan's organisations")),
        "{err:?}"
    );
    r.organisation = Some("mhes".into());
    w.store()
        .add_reports(World::SLUG, &[r], &who("mette"))
        .await
        .expect("a known organisation");
    let stored = w.store().reports(World::SLUG).await.expect("reports");
    assert_eq!(
        stored[0].report.organisation.as_deref(),
        Some("mhes"),
        "stored as the register names it"
    );
}

async fn target_values_are_kept_over_time(db: TestDb) {
    let w = World::new(db).await;
    let (s, slug) = (w.store(), World::SLUG);
    let n = w.plan.targets.len();
    let value = |target: usize, date: &str, value: f64| TargetValue {
        target,
        date: date.into(),
        value,
        note: "statistics".into(),
    };
    // Target 1 is KR's, target 2 DK's.
    assert_eq!(w.plan.targets[0].party.as_deref(), Some("KR"));
    let first = s
        .add_target_value(slug, &value(1, "2022-12-31", 31.5), &who("minho"))
        .await
        .expect("KR's reporter");
    s.add_target_value(slug, &value(1, "2023-12-31", 38.0), &who("jisoo"))
        .await
        .expect("KR's coordinator");
    s.add_target_value(slug, &value(2, "2023-12-31", 12.0), &who("lars"))
        .await
        .expect("DK's reporter");
    let err = s
        .add_target_value(slug, &value(1, "2024-01-01", 40.0), &who("lars"))
        .await;
    assert!(matches!(err, Err(StoreError::Refused(_))), "{err:?}");
    let kept = s.target_values(slug).await.expect("values");
    assert_eq!(kept.len(), 3);
    assert_eq!(kept[0].id, first);
    assert_eq!(kept[0].measure, w.plan.targets[0].measure);
    assert_eq!((kept[1].date.as_str(), kept[1].value), ("2023-12-31", 38.0));
    assert_eq!(kept[2].recorded_by, "lars");
    let err = s
        .add_target_value(slug, &value(n + 1, "2023-12-31", 1.0), &who("lars"))
        .await
        .expect_err("no such target");
    assert!(
        err.to_string().contains(&format!("targets: 1 to {n}")),
        "{err}"
    );
    assert!(
        s.add_target_value(slug, &value(1, "end of 2023", 1.0), &who("minho"))
            .await
            .is_err()
    );
    assert_eq!(s.verify().await.expect("verify").problem, None);
}
