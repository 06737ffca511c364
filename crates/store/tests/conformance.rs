//! The store's conformance suite: written once, run against every backend
//! (SQLite always; PostgreSQL when JOINTPLAN_TEST_DATABASE_URL is set).

mod common;

use std::sync::Arc;

use common::TestDb;
use jointplan_core::evaluation::{self, Agreed, Assessment};
use jointplan_core::progress::{Level, Report, Status};
use jointplan_core::revision::{Change, ChangeSet};
use jointplan_core::{Plan, canonical};
use jointplan_store::{
    BulkRow, Occurrence, OccurrenceStatus, SavePlan, Store, StoreError, TargetValue, User,
};

conformance!(
    plan_round_trips_with_its_hash,
    normalized_rows_follow_the_plan,
    progress_is_append_only_and_latest_wins,
    meetings_are_logged_against_mechanisms,
    target_values_are_kept_over_time,
    evaluations_keep_each_partys_view,
    revision_needs_every_partys_approval,
    roles_limit_who_may_act_for_a_party,
    audit_chain_detects_tampering,
    verify_checks_the_derived_current_reports,
    backup_restores_with_equal_contents,
    concurrent_writers_one_wins_the_other_conflicts,
    bulk_import_keeps_good_rows_and_names_bad_ones,
    atomic_bulk_import_writes_all_or_nothing,
    bulk_import_rechecks_a_plan_revised_meanwhile,
    portfolio_rollup_matches_the_core_rules,
);

fn example() -> Plan {
    jointplan_import::example::import()
        .expect("the example imports")
        .plan
}

async fn saved(db: &TestDb) -> Plan {
    let plan = example();
    common::save_as_tester(db.store.as_ref(), &plan)
        .await
        .expect("save");
    plan
}

/// Approves revision `id` for both parties, each by its own actor.
async fn approve_by_both(store: &dyn Store, id: i64) {
    for (party, actor) in [("DK", "dk"), ("KR", "kr")] {
        store
            .approve_revision(id, party, actor)
            .await
            .expect("approve");
    }
}

fn report(action: &str, party: &str, date: &str, level: Level) -> Report {
    Report {
        action: action.into(),
        party: party.into(),
        organisation: None,
        date: date.into(),
        status: Status::OnTrack,
        level,
        narrative: "reported".into(),
        evidence: vec!["https://example.invalid/e".into()],
    }
}

fn first_action(plan: &Plan) -> String {
    plan.actions().next().expect("an action").code.clone()
}

/// Runs raw SQL on the store's database (for tampering), on either backend.
async fn raw(db: &TestDb, sql: &str) -> Result<u64, sqlx::Error> {
    use sqlx::Connection;
    let sql = sqlx::AssertSqlSafe(sql.to_string());
    if db.url.starts_with("sqlite") {
        let mut c = sqlx::SqliteConnection::connect(&db.url).await?;
        Ok(sqlx::query(sql).execute(&mut c).await?.rows_affected())
    } else {
        let mut c = sqlx::PgConnection::connect(&db.url).await?;
        Ok(sqlx::query(sql).execute(&mut c).await?.rows_affected())
    }
}

async fn plan_round_trips_with_its_hash(db: TestDb) {
    let plan = example();
    let v = common::save_as_tester(db.store.as_ref(), &plan)
        .await
        .expect("save");
    assert_eq!(v.number, 1);
    assert_eq!(v.content_hash, canonical::content_hash(&plan));
    let back = db.store.version(&plan.slug, None).await.expect("load");
    assert_eq!(back.plan, plan);
    let plans = db.store.plans().await.expect("plans");
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0].status, "draft");
    assert_eq!(plans[0].party_codes(), ["DK", "KR"]);
    assert!(matches!(
        db.store.save_plan(&plan, &SavePlan::default()).await,
        Err(StoreError::PlanExists(_))
    ));

    // A successor plan names its predecessor.
    let mut next = plan.clone();
    next.slug = "dk-kr-2025-2028".into();
    db.store
        .save_plan(
            &next,
            &SavePlan {
                actor: "tester".into(),
                predecessor: Some(plan.slug.clone()),
                ..Default::default()
            },
        )
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
    let plan = saved(&db).await;
    let lines = db.store.dump().await.expect("dump");
    let count = |table: &str| {
        lines
            .iter()
            .filter(|l| l.contains(&format!("\"table\":\"{table}\"")))
            .count()
    };
    assert_eq!(count("actions"), plan.actions().count());
    assert_eq!(count("lines"), plan.lines.len());
    assert_eq!(count("organisations"), plan.organisations.len());
    assert_eq!(count("agreements"), plan.agreements.len());
    assert_eq!(count("mechanisms"), plan.mechanisms.len());
    assert_eq!(count("targets"), plan.targets.len());
}

async fn progress_is_append_only_and_latest_wins(db: TestDb) {
    let plan = saved(&db).await;
    let code = first_action(&plan);
    let s = &db.store;
    s.add_reports(
        &plan.slug,
        &[report(&code, "DK", "2022-01-01", Level::Limited)],
        "dk",
    )
    .await
    .expect("report");
    s.add_reports(
        &plan.slug,
        &[
            report(&code, "dk", "2023-01-01", Level::Complete),
            report(&code, "KR", "2023-01-01", Level::Substantial),
        ],
        "both",
    )
    .await
    .expect("reports");
    let stored = s.reports(&plan.slug).await.expect("reports");
    assert_eq!(stored.len(), 3, "nothing replaced");
    assert_eq!(stored[1].report.party, "DK", "party codes are normalised");
    let reports: Vec<Report> = stored.into_iter().map(|r| r.report).collect();
    let rollups = jointplan_core::rollup::plan_rollups(&plan, &reports);
    assert_eq!(rollups[0].score.by_level[Level::Complete.index()], 1);
    assert_eq!(rollups[1].score.by_level[Level::Substantial.index()], 1);

    // Bad reports are refused whole.
    let err = s
        .add_reports(
            &plan.slug,
            &[
                report(&code, "DK", "2023-02-01", Level::Limited),
                report("99.9.9", "DK", "2023-02-01", Level::Limited),
            ],
            "dk",
        )
        .await;
    assert!(matches!(err, Err(StoreError::Invalid(_))), "{err:?}");
    assert!(matches!(
        s.add_reports(
            &plan.slug,
            &[report(&code, "SE", "2023-02-01", Level::Limited)],
            "dk"
        )
        .await,
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(s.reports(&plan.slug).await.expect("reports").len(), 3);

    // The database itself refuses to rewrite history.
    assert!(
        raw(&db, "UPDATE progress_reports SET level = 'complete'")
            .await
            .is_err()
    );
    assert!(raw(&db, "DELETE FROM progress_reports").await.is_err());
}

async fn meetings_are_logged_against_mechanisms(db: TestDb) {
    let plan = saved(&db).await;
    let mechanism = plan
        .mechanisms
        .first()
        .expect("the example has mechanisms")
        .id
        .clone();
    let code = first_action(&plan);
    let planned = Occurrence {
        mechanism: mechanism.clone(),
        status: OccurrenceStatus::Planned,
        date: "2022-06-01".into(),
        place: Some("Seoul".into()),
        host_party: Some("kr".into()),
        participants: vec!["MOTIE".into(), "DEA".into()],
        outcomes: String::new(),
        actions: vec![code.clone()],
        supersedes: None,
    };
    let first = db
        .store
        .add_occurrence(&plan.slug, &planned, "kr")
        .await
        .expect("planned");
    let held = Occurrence {
        status: OccurrenceStatus::Held,
        date: "2022-06-15".into(),
        outcomes: "joint statement".into(),
        supersedes: Some(first),
        ..planned.clone()
    };
    db.store
        .add_occurrence(&plan.slug, &held, "kr")
        .await
        .expect("held");
    let all = db.store.occurrences(&plan.slug).await.expect("list");
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].occurrence.host_party.as_deref(), Some("KR"));
    assert_eq!(all[1].occurrence, held.clone().with_host("KR"));
    let unknown = Occurrence {
        mechanism: "no-such-body".into(),
        ..planned
    };
    assert!(matches!(
        db.store.add_occurrence(&plan.slug, &unknown, "kr").await,
        Err(StoreError::Invalid(_))
    ));
}

trait WithHost {
    fn with_host(self, host: &str) -> Self;
}
impl WithHost for Occurrence {
    fn with_host(mut self, host: &str) -> Self {
        self.host_party = Some(host.into());
        self
    }
}

async fn target_values_are_kept_over_time(db: TestDb) {
    let plan = saved(&db).await;
    let n = plan.targets.len();
    assert!(n >= 2, "the reference plan has national targets");
    let value = |target: usize, date: &str, value: f64| TargetValue {
        target,
        date: date.into(),
        value,
        note: "national statistics".into(),
    };
    let first = db
        .store
        .add_target_value(&plan.slug, &value(1, "2022-12-31", 31.5), "dk")
        .await
        .expect("first value");
    db.store
        .add_target_value(&plan.slug, &value(1, "2023-12-31", 38.0), "dk")
        .await
        .expect("second value");
    db.store
        .add_target_value(&plan.slug, &value(2, "2023-12-31", 12.0), "kr")
        .await
        .expect("other target");
    let kept = db.store.target_values(&plan.slug).await.expect("values");
    assert_eq!(kept.len(), 3);
    assert_eq!(kept[0].id, first);
    assert_eq!(kept[0].measure, plan.targets[0].measure);
    assert_eq!((kept[1].date.as_str(), kept[1].value), ("2023-12-31", 38.0));
    assert_eq!(kept[2].measure, plan.targets[1].measure);
    assert_eq!(kept[2].recorded_by, "kr");

    // Refusals name what is wrong.
    let err = db
        .store
        .add_target_value(&plan.slug, &value(n + 1, "2023-12-31", 1.0), "dk")
        .await
        .expect_err("no such target");
    assert!(
        err.to_string().contains(&format!("targets: 1 to {n}")),
        "{err}"
    );
    assert!(
        db.store
            .add_target_value(&plan.slug, &value(1, "end of 2023", 1.0), "dk")
            .await
            .is_err()
    );

    // Only a reporter of the target's party may record it.
    let (i, target) = plan
        .targets
        .iter()
        .enumerate()
        .find(|(_, t)| t.party.is_some())
        .expect("a national target");
    let party = target.party.clone().unwrap_or_default();
    let other = if party.eq_ignore_ascii_case("DK") {
        "KR"
    } else {
        "DK"
    };
    let user = |name: &str, party: &str| User {
        id: 0,
        name: name.into(),
        role: "reporter".into(),
        party: Some(party.into()),
        organisation: None,
        created_at: String::new(),
    };
    let mut boss = user("boss", &party);
    boss.role = "coordinator".into();
    db.store.add_user(&boss, "setup").await.expect("first user");
    for (name, p) in [("own", party.as_str()), ("stranger", other)] {
        db.store
            .add_user(&user(name, p), "boss")
            .await
            .expect("user");
    }
    assert!(matches!(
        db.store
            .add_target_value(&plan.slug, &value(i + 1, "2024-01-01", 40.0), "stranger")
            .await,
        Err(StoreError::Forbidden(_))
    ));
    db.store
        .add_target_value(&plan.slug, &value(i + 1, "2024-01-01", 40.0), "own")
        .await
        .expect("own party's reporter");
    assert_eq!(db.store.verify().await.expect("verify").problem, None);
}

async fn evaluations_keep_each_partys_view(db: TestDb) {
    let plan = saved(&db).await;
    let code = first_action(&plan);
    let a = |party: &str, score: u8| Assessment {
        evaluation: "mid-term".into(),
        action: code.clone(),
        party: party.into(),
        score,
        note: String::new(),
    };
    db.store
        .add_assessment(&plan.slug, &a("DK", 4), "dk")
        .await
        .expect("dk");
    db.store
        .add_assessment(&plan.slug, &a("KR", 2), "kr")
        .await
        .expect("kr");
    assert!(matches!(
        db.store.add_assessment(&plan.slug, &a("KR", 9), "kr").await,
        Err(StoreError::Invalid(_))
    ));
    let parties = vec!["DK".to_string(), "KR".to_string()];
    let (assessments, agreed) = db
        .store
        .evaluation(&plan.slug, "mid-term")
        .await
        .expect("read");
    let r = evaluation::reconcile(std::slice::from_ref(&code), &parties, &assessments, &agreed);
    assert_eq!(r[0].state, evaluation::State::Disagreeing { spread: 2 });
    db.store
        .add_agreed(
            &plan.slug,
            &Agreed {
                evaluation: "mid-term".into(),
                action: code.clone(),
                score: 3,
                note: "settled".into(),
            },
            "both",
        )
        .await
        .expect("agree");
    let (assessments, agreed) = db
        .store
        .evaluation(&plan.slug, "mid-term")
        .await
        .expect("read");
    let r = evaluation::reconcile(&[code], &parties, &assessments, &agreed);
    assert_eq!(r[0].state, evaluation::State::Settled { score: 3 });
    assert_eq!(r[0].by_party.len(), 2, "each party's own view stays");
}

async fn revision_needs_every_partys_approval(db: TestDb) {
    let plan = saved(&db).await;
    let code = first_action(&plan);
    let set = ChangeSet {
        reason: "review".into(),
        changes: vec![Change::SetActionText {
            code: code.clone(),
            text: "Possible annual meetings".into(),
        }],
    };
    let r = db
        .store
        .propose_revision(&plan.slug, &set, "dk")
        .await
        .expect("propose");
    assert_eq!(r.pending, ["DK", "KR"]);
    let r = db
        .store
        .approve_revision(r.id, "dk", "dk")
        .await
        .expect("dk approves");
    assert_eq!(
        r.applied_as, None,
        "one party alone does not change the plan"
    );
    assert_eq!(
        db.store
            .plan(&plan.slug)
            .await
            .expect("plan")
            .current_version,
        1
    );
    assert!(matches!(
        db.store.approve_revision(r.id, "DK", "dk").await,
        Err(StoreError::AlreadyApproved { .. })
    ));
    assert!(matches!(
        db.store.approve_revision(r.id, "SE", "se").await,
        Err(StoreError::Invalid(_))
    ));
    let r = db
        .store
        .approve_revision(r.id, "KR", "kr")
        .await
        .expect("kr approves");
    assert_eq!(r.applied_as, Some(2));
    let v2 = db.store.version(&plan.slug, None).await.expect("v2");
    assert_eq!(
        v2.info.content_hash, r.result_hash,
        "the stored version is what the approvals signed"
    );
    assert!(v2.plan.action(&code).expect("action").strength.is_hedged());
    assert!(matches!(
        db.store.approve_revision(r.id, "KR", "kr").await,
        Err(StoreError::RevisionApplied { version: 2, .. })
    ));

    // A revision proposed against version 1 cannot take effect on version 2.
    let stale = db
        .store
        .propose_revision(&plan.slug, &set, "dk")
        .await
        .expect("propose");
    let other = ChangeSet {
        reason: String::new(),
        changes: vec![Change::SetTitle {
            title: "Renamed".into(),
        }],
    };
    let newer = db
        .store
        .propose_revision(&plan.slug, &other, "dk")
        .await
        .expect("propose");
    approve_by_both(db.store.as_ref(), newer.id).await;
    db.store
        .approve_revision(stale.id, "DK", "dk")
        .await
        .expect("approve");
    let err = db.store.approve_revision(stale.id, "KR", "kr").await;
    assert!(
        matches!(err, Err(StoreError::Conflict { current_version: 3 })),
        "{err:?}"
    );
    assert!(
        db.store
            .revision(stale.id)
            .await
            .expect("stale")
            .approvals
            .len()
            == 1,
        "the failed approval left no trace"
    );
}

async fn roles_limit_who_may_act_for_a_party(db: TestDb) {
    let plan = saved(&db).await;
    let code = first_action(&plan);
    let user = |name: &str, role: &str, party: &str| User {
        id: 0,
        name: name.into(),
        role: role.into(),
        party: Some(party.into()),
        organisation: None,
        created_at: String::new(),
    };
    db.store
        .add_user(&user("kim", "coordinator", "KR"), "setup")
        .await
        .expect("kim");
    // Once a user exists, coordinators add users: any coordinator while the
    // new user's party has none, then only that party's coordinators.
    assert!(matches!(
        db.store
            .add_user(&user("dea", "reporter", "DK"), "setup")
            .await,
        Err(StoreError::Forbidden(_))
    ));
    db.store
        .add_user(&user("dea", "reporter", "DK"), "kim")
        .await
        .expect("DK has no coordinator yet");
    assert!(matches!(
        db.store
            .add_user(&user("kr-2", "reporter", "KR"), "dea")
            .await,
        Err(StoreError::Forbidden(_))
    ));
    db.store
        .add_user(&user("dk-lead", "coordinator", "DK"), "kim")
        .await
        .expect("DK's first coordinator");
    assert!(matches!(
        db.store
            .add_user(&user("dk-2", "reporter", "DK"), "kim")
            .await,
        Err(StoreError::Forbidden(_))
    ));
    db.store
        .add_user(&user("dk-2", "reporter", "DK"), "dk-lead")
        .await
        .expect("DK's coordinator adds DK users");
    assert!(
        db.store
            .add_user(&user("x", "king", "DK"), "setup")
            .await
            .is_err()
    );
    assert!(
        db.store
            .add_reports(
                &plan.slug,
                &[report(&code, "DK", "2022-01-01", Level::Limited)],
                "dea"
            )
            .await
            .is_ok()
    );
    assert!(matches!(
        db.store
            .add_reports(
                &plan.slug,
                &[report(&code, "KR", "2022-01-01", Level::Limited)],
                "dea"
            )
            .await,
        Err(StoreError::Forbidden(_))
    ));
    let set = ChangeSet {
        reason: String::new(),
        changes: vec![Change::SetTitle {
            title: "New".into(),
        }],
    };
    let r = db
        .store
        .propose_revision(&plan.slug, &set, "kim")
        .await
        .expect("propose");
    assert!(matches!(
        db.store.approve_revision(r.id, "DK", "kim").await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        db.store.approve_revision(r.id, "DK", "dea").await,
        Err(StoreError::Forbidden(_))
    ));
    assert_eq!(db.store.users().await.expect("users").len(), 4);
}

async fn audit_chain_detects_tampering(db: TestDb) {
    let plan = saved(&db).await;
    let code = first_action(&plan);
    for day in 1..=3 {
        db.store
            .add_reports(
                &plan.slug,
                &[report(
                    &code,
                    "DK",
                    &format!("2022-01-0{day}"),
                    Level::Limited,
                )],
                "dk",
            )
            .await
            .expect("report");
    }
    let ok = db.store.verify().await.expect("verify");
    assert_eq!(ok.problem, None);
    assert_eq!(ok.audit_records, 4);
    assert_eq!(ok.versions, 1);
    let log = db.store.audit().await.expect("audit");
    assert_eq!(log[0].action, "plan.save");
    assert_eq!(log[1].prev_hash, log[0].hash);

    raw(&db, "UPDATE audit_log SET actor = 'mallory' WHERE id = 3")
        .await
        .expect("tamper");
    let bad = db.store.verify().await.expect("verify");
    assert!(
        bad.problem
            .as_deref()
            .is_some_and(|p| p.starts_with("audit record 3:")),
        "{bad:?}"
    );
    raw(&db, "UPDATE audit_log SET actor = 'dk' WHERE id = 3")
        .await
        .expect("undo");
    assert_eq!(db.store.verify().await.expect("verify").problem, None);

    // A version whose content no longer matches its hash is named.
    raw(
        &db,
        "UPDATE plan_versions SET canonical_json = REPLACE(canonical_json, 'Denmark', 'Danmark')",
    )
    .await
    .expect("tamper");
    let bad = db.store.verify().await.expect("verify");
    assert!(
        bad.problem
            .as_deref()
            .is_some_and(|p| p.contains("plan version 1")),
        "{bad:?}"
    );
}

async fn verify_checks_the_derived_current_reports(db: TestDb) {
    let plan = saved(&db).await;
    let code = first_action(&plan);
    for (date, level) in [
        ("2022-01-01", Level::Limited),
        ("2022-02-01", Level::Complete),
    ] {
        db.store
            .add_reports(&plan.slug, &[report(&code, "DK", date, level)], "dk")
            .await
            .expect("report");
    }
    assert_eq!(db.store.verify().await.expect("verify").problem, None);

    // The current-state table says the older report is the latest.
    raw(
        &db,
        "UPDATE progress_current SET level = 'limited', date = '2022-01-01', report_id = 1",
    )
    .await
    .expect("tamper");
    let bad = db.store.verify().await.expect("verify");
    let named = format!("progress_current (plan 1, action {code}, party DK)");
    assert!(
        bad.problem
            .as_deref()
            .is_some_and(|p| p.starts_with(&named)),
        "{bad:?}"
    );

    // A report whose plan is gone is named too (PostgreSQL has no foreign key there).
    raw(
        &db,
        "UPDATE progress_current SET level = 'complete', date = '2022-02-01', report_id = 2",
    )
    .await
    .expect("undo");
    assert_eq!(db.store.verify().await.expect("verify").problem, None);

    // The per-line action counts of the current version are checked too.
    raw(
        &db,
        "UPDATE current_lines SET actions = actions + 1 WHERE line_number = 2",
    )
    .await
    .expect("tamper");
    let bad = db.store.verify().await.expect("verify");
    assert_eq!(
        bad.problem.as_deref(),
        Some("current_lines (plan 1, line 2) does not match the plan's current version")
    );
    raw(
        &db,
        "UPDATE current_lines SET actions = actions - 1 WHERE line_number = 2",
    )
    .await
    .expect("undo");

    // So are the per-line, per-level counts of the current reports.
    raw(
        &db,
        "UPDATE progress_line_levels SET actions = actions + 1 WHERE level = 'complete'",
    )
    .await
    .expect("tamper");
    let bad = db.store.verify().await.expect("verify");
    assert!(
        bad.problem.as_deref().is_some_and(
            |p| p.starts_with("progress_line_levels (plan 1, line 1, party DK, level ")
        ),
        "{bad:?}"
    );
    raw(
        &db,
        "UPDATE progress_line_levels SET actions = actions - 1 WHERE level = 'complete'",
    )
    .await
    .expect("undo");
    assert_eq!(db.store.verify().await.expect("verify").problem, None);
    if !db.url.starts_with("sqlite") {
        raw(
            &db,
            "INSERT INTO progress_reports (id, plan_id, action_code, party, date, status, level, narrative, evidence, recorded_at, recorded_by) \
             VALUES (3, 99, '1.1.1', 'DK', '2022-03-01', 'on_track', 'limited', '', '[]', '2022-03-01T00:00:00Z', 'mallory')",
        )
        .await
        .expect("tamper");
        let bad = db.store.verify().await.expect("verify");
        assert_eq!(
            bad.problem.as_deref(),
            Some("progress report 3: its plan 99 does not exist")
        );
    }
}

async fn backup_restores_with_equal_contents(db: TestDb) {
    // Source: a SQLite store with some of everything.
    let source = common::sqlite().await;
    let plan = saved(&source).await;
    let code = first_action(&plan);
    source
        .store
        .add_reports(
            &plan.slug,
            &[report(&code, "DK", "2022-01-01", Level::Limited)],
            "dk",
        )
        .await
        .expect("report");
    let set = ChangeSet {
        reason: String::new(),
        changes: vec![Change::RemoveAction { code: code.clone() }],
    };
    let r = source
        .store
        .propose_revision(&plan.slug, &set, "dk")
        .await
        .expect("propose");
    approve_by_both(source.store.as_ref(), r.id).await;
    let dump = source.store.dump().await.expect("dump");
    let hash = jointplan_store::dump::contents_hash(&dump);

    // SQLite → the backend under test → SQLite.
    db.store.restore(&dump).await.expect("restore");
    assert_eq!(db.store.contents_hash().await.expect("hash"), hash);
    assert_eq!(db.store.verify().await.expect("verify").problem, None);
    assert!(matches!(
        db.store.restore(&dump).await,
        Err(StoreError::NotEmpty)
    ));
    let back = common::sqlite().await;
    back.store
        .restore(&db.store.dump().await.expect("dump"))
        .await
        .expect("restore back");
    assert_eq!(back.store.contents_hash().await.expect("hash"), hash);
    assert_eq!(back.store.verify().await.expect("verify").problem, None);

    // The restored store goes on working where the source left off.
    back.store
        .add_reports(
            &plan.slug,
            &[report("1.1.2", "KR", "2022-02-01", Level::Limited)],
            "kr",
        )
        .await
        .expect("report after restore");
    assert_eq!(back.store.verify().await.expect("verify").problem, None);
}

async fn concurrent_writers_one_wins_the_other_conflicts(db: TestDb) {
    let plan = saved(&db).await;
    for round in 0..5 {
        let expected = 1 + round;
        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let writers: Vec<_> = ["DK edit", "KR edit"]
            .into_iter()
            .map(|title| {
                let store = db.store.clone();
                let barrier = barrier.clone();
                let mut mine = plan.clone();
                mine.title = format!("{title} {round}");
                tokio::spawn(async move {
                    barrier.wait().await;
                    store
                        .commit_version(&mine.slug, expected, &mine, title)
                        .await
                })
            })
            .collect();
        let mut wins = 0;
        let mut conflicts = 0;
        for w in writers {
            match w.await.expect("writer task") {
                Ok(v) => {
                    assert_eq!(v.number, expected + 1);
                    wins += 1;
                }
                Err(StoreError::Conflict { current_version }) => {
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
    assert_eq!(
        db.store
            .plan(&plan.slug)
            .await
            .expect("plan")
            .current_version,
        6
    );
    assert_eq!(db.store.verify().await.expect("verify").problem, None);
}

/// A bulk row for `plan` at `line`.
fn bulk(line: u64, plan: &str, report: Report) -> BulkRow {
    BulkRow {
        line,
        plan: plan.into(),
        report: Ok(report),
    }
}

/// Runs a bulk import of `batches`, returning the outcome and the refused lines.
async fn import(
    db: &TestDb,
    batches: Vec<Vec<BulkRow>>,
    atomic: bool,
) -> (jointplan_store::BulkOutcome, Vec<(u64, String)>) {
    let mut refused = Vec::new();
    let mut sink = |line: u64, why: &str| refused.push((line, why.to_string()));
    let outcome = db
        .store
        .import_reports(&mut batches.into_iter(), atomic, "loader", &mut sink)
        .await
        .expect("import runs");
    (outcome, refused)
}

async fn bulk_import_keeps_good_rows_and_names_bad_ones(db: TestDb) {
    let plan = saved(&db).await;
    let slug = plan.slug.as_str();
    let code = first_action(&plan);
    let batches = vec![
        vec![
            bulk(2, slug, report(&code, "dk", "2022-01-01", Level::Limited)),
            bulk(3, slug, report("9.9.9", "DK", "2022-01-01", Level::Limited)),
            bulk(4, slug, report(&code, "DK", "2022-31-01", Level::Limited)),
            bulk(5, slug, report(&code, "SE", "2022-01-01", Level::Limited)),
            BulkRow {
                line: 6,
                plan: slug.into(),
                report: Err("\"halfway\" is not a level".into()),
            },
            bulk(
                7,
                "no-such-plan",
                report(&code, "DK", "2022-01-01", Level::Limited),
            ),
        ],
        vec![
            bulk(
                8,
                slug,
                report(&code, "KR", "2022-02-01", Level::Substantial),
            ),
            bulk(9, slug, report(&code, "DK", "2022-03-01", Level::Complete)),
        ],
    ];
    let (outcome, refused) = import(&db, batches, false).await;
    assert_eq!(
        (outcome.imported, outcome.rejected, outcome.batches),
        (3, 5, 2)
    );
    let lines: Vec<u64> = refused.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7]);
    assert!(refused[0].1.contains("9.9.9"), "{refused:?}");
    assert!(refused[4].1.contains("no-such-plan"), "{refused:?}");

    let stored = db.store.reports(slug).await.expect("reports");
    assert_eq!(stored.len(), 3);
    assert_eq!(stored[0].report.party, "DK", "party codes are normalised");
    assert_eq!(stored[0].recorded_by, "loader");
    assert_eq!(stored[2].report.evidence, ["https://example.invalid/e"]);

    // One audit record per committed batch, and the chain holds.
    let audit = db.store.audit().await.expect("audit");
    assert_eq!(
        audit
            .iter()
            .filter(|a| a.action == "progress.import")
            .count(),
        2
    );
    assert_eq!(db.store.verify().await.expect("verify").problem, None);

    // Single reports and bulk loads share ids and the current-state table.
    db.store
        .add_reports(
            slug,
            &[report(&code, "KR", "2021-01-01", Level::Complete)],
            "kr",
        )
        .await
        .expect("an older report");
    let ids: Vec<i64> = db
        .store
        .reports(slug)
        .await
        .expect("reports")
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, [1, 2, 3, 4]);
}

async fn atomic_bulk_import_writes_all_or_nothing(db: TestDb) {
    let plan = saved(&db).await;
    let slug = plan.slug.as_str();
    let code = first_action(&plan);
    let good = |line| {
        bulk(
            line,
            slug,
            report(&code, "DK", "2022-01-01", Level::Limited),
        )
    };
    let batches = vec![
        vec![good(2), good(3)],
        vec![
            good(4),
            bulk(5, slug, report("9.9.9", "DK", "2022-01-01", Level::Limited)),
        ],
        vec![
            good(6),
            bulk(7, slug, report(&code, "DK", "bad", Level::Limited)),
        ],
    ];
    let (outcome, refused) = import(&db, batches, true).await;
    assert_eq!(
        (outcome.imported, outcome.rejected, outcome.batches),
        (0, 2, 0)
    );
    assert_eq!(
        refused.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        [5, 7],
        "every bad row is named"
    );
    assert!(db.store.reports(slug).await.expect("reports").is_empty());
    assert!(
        db.store
            .audit()
            .await
            .expect("audit")
            .iter()
            .all(|a| a.action != "progress.import")
    );

    let (outcome, refused) = import(&db, vec![vec![good(2)], vec![good(3), good(4)]], true).await;
    assert!(refused.is_empty());
    assert_eq!((outcome.imported, outcome.batches), (3, 2));
    assert_eq!(db.store.reports(slug).await.expect("reports").len(), 3);
    assert_eq!(db.store.verify().await.expect("verify").problem, None);
}

async fn bulk_import_rechecks_a_plan_revised_meanwhile(db: TestDb) {
    // A bulk load checks the next batch while it writes the current one;
    // here a revision removing an action lands after the first batch was
    // checked (while the loader asks for the second), so both batches must
    // be re-checked against the new version when written.
    let plan = saved(&db).await;
    let codes: Vec<String> = plan.actions().map(|a| a.code.clone()).collect();
    let row = |line: u64, code: &str| {
        bulk(
            line,
            &plan.slug,
            report(code, "DK", "2022-01-01", Level::Limited),
        )
    };
    let batches = vec![
        vec![row(2, &codes[0]), row(3, &codes[1])],
        vec![row(4, &codes[1]), row(5, &codes[2])],
    ];
    let store = db.store.clone();
    let slug = plan.slug.clone();
    let removed = codes[1].clone();
    let mut asked = 0;
    let mut source = batches.into_iter().inspect(move |_| {
        asked += 1;
        if asked == 2 {
            let set = ChangeSet {
                reason: String::new(),
                changes: vec![Change::RemoveAction {
                    code: removed.clone(),
                }],
            };
            tokio::task::block_in_place(|| {
                tokio::runtime::Handle::current().block_on(async {
                    let r = store
                        .propose_revision(&slug, &set, "dk")
                        .await
                        .expect("propose");
                    approve_by_both(store.as_ref(), r.id).await;
                })
            });
        }
    });
    let mut refused = Vec::new();
    let mut sink = |line: u64, why: &str| refused.push((line, why.to_string()));
    let outcome = db
        .store
        .import_reports(&mut source, false, "loader", &mut sink)
        .await
        .expect("import runs");
    assert_eq!(outcome.imported, 2);
    let why = format!("the plan has no action {}", codes[1]);
    assert_eq!(refused, [(3, why.clone()), (4, why)]);
    let stored: Vec<String> = db
        .store
        .reports(&plan.slug)
        .await
        .expect("reports")
        .into_iter()
        .map(|r| r.report.action)
        .collect();
    assert_eq!(stored, [codes[0].clone(), codes[2].clone()]);
    assert_eq!(db.store.verify().await.expect("verify").problem, None);
}

async fn portfolio_rollup_matches_the_core_rules(db: TestDb) {
    let plan = saved(&db).await;
    let mut other = plan.clone();
    other.slug = "other-plan".into();
    common::save_as_tester(db.store.as_ref(), &other)
        .await
        .expect("save other");
    let codes: Vec<String> = plan.actions().map(|a| a.code.clone()).collect();
    let mut rows = Vec::new();
    for (i, code) in codes.iter().enumerate().take(30) {
        let level = Level::ALL[i % 4];
        let date = format!("2022-0{}-01", 1 + i % 3);
        let slug = if i % 3 == 0 { &other.slug } else { &plan.slug };
        rows.push(bulk(
            i as u64,
            slug,
            report(code, if i % 2 == 0 { "DK" } else { "kr" }, &date, level),
        ));
        // A later report on the same action, and an earlier one that must not win.
        rows.push(bulk(
            i as u64,
            slug,
            report(
                code,
                if i % 2 == 0 { "DK" } else { "KR" },
                "2022-06-01",
                Level::ALL[(i + 1) % 4],
            ),
        ));
        rows.push(bulk(
            i as u64,
            slug,
            report(
                code,
                if i % 2 == 0 { "dk" } else { "KR" },
                "2021-06-01",
                Level::Complete,
            ),
        ));
    }
    let (outcome, _) = import(
        &db,
        rows.chunks(7).map(<[BulkRow]>::to_vec).collect(),
        false,
    )
    .await;
    assert_eq!(outcome.imported, 90);
    db.store
        .add_reports(
            &plan.slug,
            &[report(&codes[40], "DK", "2023-01-01", Level::Substantial)],
            "dk",
        )
        .await
        .expect("single report");

    // A revision removes an action: its reports stop counting, as in core.
    let set = ChangeSet {
        reason: String::new(),
        changes: vec![Change::RemoveAction {
            code: codes[1].clone(),
        }],
    };
    let r = db
        .store
        .propose_revision(&plan.slug, &set, "dk")
        .await
        .expect("propose");
    approve_by_both(db.store.as_ref(), r.id).await;

    let expected = |store: Arc<dyn jointplan_store::Store>| async move {
        let mut out = Vec::new();
        for slug in ["dk-kr-2021-2024", "other-plan"] {
            let current = store.version(slug, None).await.expect("version").plan;
            let reports: Vec<Report> = store
                .reports(slug)
                .await
                .expect("reports")
                .into_iter()
                .map(|r| r.report)
                .collect();
            for r in jointplan_core::rollup::plan_rollups(&current, &reports) {
                for l in r.lines {
                    out.push((
                        slug.to_string(),
                        r.party.clone(),
                        i64::from(l.number),
                        l.score,
                    ));
                }
            }
        }
        out.sort_by(|a, b| (&a.0, a.2, &a.1).cmp(&(&b.0, b.2, &b.1)));
        out
    };
    let actual = |lines: Vec<jointplan_store::LineProgress>| {
        let mut out: Vec<_> = lines
            .into_iter()
            .map(|l| (l.plan, l.party, l.line, l.score))
            .collect();
        out.sort_by(|a, b| (&a.0, a.2, &a.1).cmp(&(&b.0, b.2, &b.1)));
        out
    };
    let want = expected(db.store.clone()).await;
    assert!(want.iter().any(|w| w.3.reported > 0));
    assert_eq!(
        actual(db.store.portfolio_progress().await.expect("portfolio")),
        want
    );

    // Restore rebuilds the derived current-state table.
    let back = common::sqlite().await;
    back.store
        .restore(&db.store.dump().await.expect("dump"))
        .await
        .expect("restore");
    assert_eq!(
        actual(back.store.portfolio_progress().await.expect("portfolio")),
        want
    );
}
