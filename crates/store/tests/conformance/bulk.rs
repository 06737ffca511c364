//! Bulk loads of progress reports and the portfolio roll-up.

use std::sync::Arc;

use jointplan_core::progress::{Level, Report};
use jointplan_core::revision::{Change, ChangeSet};
use jointplan_store::{BulkRow, LineProgress, Store};

use crate::common::{self, TestDb};
use crate::fixture::{World, bulk, example_as, first_action, report, who};

conformance!(
    bulk_import_keeps_good_rows_and_names_bad_ones,
    atomic_bulk_import_writes_all_or_nothing,
    bulk_import_rechecks_a_plan_revised_meanwhile,
    portfolio_rollup_matches_the_core_rules,
);

async fn bulk_import_keeps_good_rows_and_names_bad_ones(db: TestDb) {
    let w = World::new(db).await;
    let slug = World::SLUG;
    let code = first_action(&w.plan);
    let mut foreign = report(&code, "DK", "2022-01-01", Level::Limited);
    foreign.organisation = Some("nobody-we-know".into());
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
            bulk(10, slug, foreign),
        ],
    ];
    let (outcome, refused) = w.import(batches, false, &who("mette")).await;
    assert_eq!(
        (outcome.imported, outcome.rejected, outcome.batches),
        (2, 7, 2)
    );
    let lines: Vec<u64> = refused.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8, 10]);
    assert!(refused[0].1.contains("9.9.9"), "{refused:?}");
    assert!(refused[4].1.contains("no-such-plan"), "{refused:?}");
    assert!(
        refused[5].1.contains("only KR's"),
        "DK's coordinator may not report for KR: {refused:?}"
    );
    assert!(refused[6].1.contains("organisations"), "{refused:?}");

    let stored = w.store().reports(slug).await.expect("reports");
    assert_eq!(stored.len(), 2);
    assert_eq!(stored[0].report.party, "DK", "party codes are normalised");
    assert_eq!(stored[0].recorded_by, "mette");
    let audit = w.store().audit().await.expect("audit");
    assert_eq!(
        audit
            .iter()
            .filter(|a| a.action == "progress.import")
            .count(),
        2
    );
    assert_eq!(w.store().verify().await.expect("verify").problem, None);

    // The operator reports for no party: every row refused, nothing written.
    let (outcome, refused) = w
        .import(
            vec![vec![bulk(
                2,
                slug,
                report(&code, "DK", "2022-01-01", Level::Limited),
            )]],
            false,
            &jointplan_store::Actor::Operator,
        )
        .await;
    assert_eq!((outcome.imported, outcome.rejected), (0, 1));
    assert!(refused[0].1.contains("operator"), "{refused:?}");
}

async fn atomic_bulk_import_writes_all_or_nothing(db: TestDb) {
    let w = World::new(db).await;
    let slug = World::SLUG;
    let code = first_action(&w.plan);
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
    let (outcome, refused) = w.import(batches, true, &who("sofie")).await;
    assert_eq!(
        (outcome.imported, outcome.rejected, outcome.batches),
        (0, 2, 0)
    );
    assert_eq!(
        refused.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        [5, 7],
        "every bad row is named"
    );
    assert!(w.store().reports(slug).await.expect("reports").is_empty());
    let (outcome, refused) = w
        .import(
            vec![vec![good(2)], vec![good(3), good(4)]],
            true,
            &who("sofie"),
        )
        .await;
    assert!(refused.is_empty());
    assert_eq!((outcome.imported, outcome.batches), (3, 2));
    assert_eq!(w.store().verify().await.expect("verify").problem, None);
}

async fn bulk_import_rechecks_a_plan_revised_meanwhile(db: TestDb) {
    // A bulk load checks the next batch while it writes the current one;
    // here a revision removing an action lands after the first batch was
    // checked, so both batches must be re-checked against the new version.
    let w = World::in_force(db).await;
    let codes: Vec<String> = w.plan.actions().map(|a| a.code.clone()).collect();
    let row = |line: u64, code: &str| {
        bulk(
            line,
            World::SLUG,
            report(code, "DK", "2022-01-01", Level::Limited),
        )
    };
    let batches = vec![
        vec![row(2, &codes[0]), row(3, &codes[1])],
        vec![row(4, &codes[1]), row(5, &codes[2])],
    ];
    let store = w.db.store.clone();
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
                        .propose_revision(World::SLUG, &set, &who("mette"))
                        .await
                        .expect("propose");
                    store
                        .approve_revision(r.id, "DK", &who("mette"))
                        .await
                        .expect("DK");
                    store
                        .approve_revision(r.id, "KR", &who("jisoo"))
                        .await
                        .expect("KR");
                })
            });
        }
    });
    let mut refused = Vec::new();
    let mut sink = |line: u64, why: &str| refused.push((line, why.to_string()));
    let outcome = w
        .store()
        .import_reports(&mut source, false, &who("sofie"), &mut sink)
        .await
        .expect("import runs");
    assert_eq!(outcome.imported, 2);
    let why = format!("the plan has no action {}", codes[1]);
    assert_eq!(refused, [(3, why.clone()), (4, why)]);
    assert_eq!(w.store().verify().await.expect("verify").problem, None);
}

async fn portfolio_rollup_matches_the_core_rules(db: TestDb) {
    let w = World::in_force(db).await;
    let other = example_as("other-plan");
    common::save_as_operator(w.store(), &other)
        .await
        .expect("save other");
    let codes: Vec<String> = w.plan.actions().map(|a| a.code.clone()).collect();
    let (mut dk, mut kr) = (Vec::new(), Vec::new());
    for (i, code) in codes.iter().enumerate().take(30) {
        let slug = if i % 3 == 0 {
            "other-plan"
        } else {
            World::SLUG
        };
        let (rows, party) = if i % 2 == 0 {
            (&mut dk, "DK")
        } else {
            (&mut kr, "kr")
        };
        let date = format!("2022-0{}-01", 1 + i % 3);
        rows.push(bulk(
            i as u64,
            slug,
            report(code, party, &date, Level::ALL[i % 4]),
        ));
        // A later report on the same action, and an earlier one that must not win.
        rows.push(bulk(
            i as u64,
            slug,
            report(code, party, "2022-06-01", Level::ALL[(i + 1) % 4]),
        ));
        rows.push(bulk(
            i as u64,
            slug,
            report(code, party, "2021-06-01", Level::Complete),
        ));
    }
    let chunks = |rows: &[BulkRow]| rows.chunks(7).map(<[BulkRow]>::to_vec).collect::<Vec<_>>();
    assert_eq!(
        w.import(chunks(&dk), false, &who("mette")).await.0.imported,
        45
    );
    assert_eq!(
        w.import(chunks(&kr), false, &who("jisoo")).await.0.imported,
        45
    );
    // A revision removes an action: its reports stop counting, as in core.
    w.revise(&ChangeSet {
        reason: String::new(),
        changes: vec![Change::RemoveAction {
            code: codes[1].clone(),
        }],
    })
    .await;

    let expected = |store: Arc<dyn Store>| async move {
        let mut out = Vec::new();
        for slug in [World::SLUG, "other-plan"] {
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
    let actual = |lines: Vec<LineProgress>| {
        let mut out: Vec<_> = lines
            .into_iter()
            .map(|l| (l.plan, l.party, l.line, l.score))
            .collect();
        out.sort_by(|a, b| (&a.0, a.2, &a.1).cmp(&(&b.0, b.2, &b.1)));
        out
    };
    let want = expected(w.db.store.clone()).await;
    assert!(want.iter().any(|w| w.3.reported > 0));
    assert_eq!(
        actual(w.store().portfolio_progress().await.expect("portfolio")),
        want
    );
    // Restore rebuilds the derived tables.
    let back = common::sqlite().await;
    back.store
        .restore(&w.store().dump().await.expect("dump"))
        .await
        .expect("restore");
    assert_eq!(
        actual(back.store.portfolio_progress().await.expect("portfolio")),
        want
    );
}
