//! The store's commands as a user runs them, on a SQLite file: import
//! --save, progress, meetings, target values, revisions, backup/restore
//! and verify.

mod support;

use std::process::Output;

use support::{jp, jp_as};

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_plan_lives_through_the_store_commands() {
    let dir = tempfile::tempdir().expect("tmp");
    let a = dir.path().join("a.db");
    assert!(
        ok(jp(&a, &["import", "--example", "--save"])).contains("saved dk-kr-2021-2024 version 1")
    );
    let out = jp(&a, &["plans"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("database: sqlite://"),
        "the database is named at start"
    );
    assert!(ok(out).contains("dk-kr-2021-2024"));
    // Every write needs an account of the party it is for.
    support::coordinators(&a);

    ok(jp_as(
        &a,
        "mette",
        &[
            "progress",
            "report",
            "1.1.1",
            "--status",
            "on_track",
            "--level",
            "complete",
            "--note",
            "done",
            "--party",
            "DK",
            "--date",
            "2022-03-01",
        ],
    ));
    let bad = jp_as(
        &a,
        "mette",
        &[
            "progress", "report", "1.1.1", "--status", "on_track", "--level", "halfway", "--party",
            "DK",
        ],
    );
    assert_eq!(
        bad.status.code(),
        Some(2),
        "a bad level is the user's mistake"
    );
    assert_eq!(
        jp_as(
            &a,
            "mette",
            &[
                "progress", "report", "9.9.9", "--status", "done", "--level", "complete",
                "--party", "DK"
            ]
        )
        .status
        .code(),
        Some(2)
    );
    assert!(ok(jp(&a, &["progress", "list"])).contains("1.1.1"));

    ok(jp_as(
        &a,
        "jisoo",
        &[
            "meeting",
            "add",
            "jcm",
            "--date",
            "2022-06-15",
            "--status",
            "held",
            "--host",
            "KR",
        ],
    ));
    assert!(ok(jp(&a, &["meeting", "list"])).contains("jcm"));

    assert!(ok(jp(&a, &["target", "list"])).contains("no values recorded"));
    ok(jp_as(
        &a,
        "jisoo",
        &[
            "target",
            "record",
            "1",
            "--value",
            "-2.5",
            "--date",
            "2023-12-31",
            "--note",
            "DST",
        ],
    ));
    assert!(ok(jp(&a, &["target", "list"])).contains("2023-12-31 -2.5"));
    assert_eq!(
        jp_as(
            &a,
            "jisoo",
            &[
                "target",
                "record",
                "99",
                "--value",
                "1",
                "--date",
                "2023-12-31"
            ]
        )
        .status
        .code(),
        Some(2),
        "an unknown target is the user's mistake"
    );

    // Revisions change a plan in force: both coordinators adopt it first.
    ok(jp_as(&a, "mette", &["plan", "adopt"]));
    ok(jp_as(&a, "jisoo", &["plan", "adopt"]));
    assert!(
        ok(jp_as(
            &a,
            "mette",
            &[
                "revision",
                "propose",
                "--edit",
                "1.1.2=Possible cooperation on water",
                "--reason",
                "review"
            ]
        ))
        .contains("waiting for: DK, KR")
    );
    assert!(
        ok(jp_as(
            &a,
            "mette",
            &["revision", "approve", "1", "--party", "DK"]
        ))
        .contains("waiting for: KR")
    );
    assert!(
        ok(jp_as(
            &a,
            "jisoo",
            &["revision", "approve", "1", "--party", "KR"]
        ))
        .contains("in effect as version 2")
    );
    assert!(ok(jp(&a, &["revision", "diff", "1"])).contains("~ action 1.1.2:"));

    let dump = dir.path().join("dump.jsonl");
    ok(jp(&a, &["backup", dump.to_str().expect("utf-8 path")]));
    let b = dir.path().join("b.db");
    ok(jp(&b, &["restore", dump.to_str().expect("utf-8 path")]));
    assert!(ok(jp(&b, &["verify"])).starts_with("ok:"));
    assert!(
        !jp(&b, &["restore", dump.to_str().expect("utf-8 path")])
            .status
            .success(),
        "restore needs an empty store"
    );

    // Tampering with the audit log is found and named.
    {
        use sqlx::Connection;
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async {
            let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", b.display()))
                .await
                .expect("open");
            sqlx::query("UPDATE audit_log SET actor = 'mallory' WHERE id = 2")
                .execute(&mut c)
                .await
                .expect("tamper");
        });
    }
    let out = jp(&b, &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("audit record 2"));
}

#[test]
fn evaluations_show_disagreements_until_settled() {
    let dir = tempfile::tempdir().expect("tmp");
    let a = dir.path().join("a.db");
    ok(jp(&a, &["import", "--example", "--save"]));
    support::coordinators(&a);
    for (who, party, score) in [("mette", "DK", "4"), ("jisoo", "KR", "2")] {
        ok(jp_as(
            &a,
            who,
            &[
                "evaluation",
                "assess",
                "1.1.1",
                "--party",
                party,
                "--score",
                score,
            ],
        ));
    }
    let shown = ok(jp(&a, &["evaluation", "show", "--disagreements"]));
    assert!(
        shown.contains("1.1.1") && shown.contains("DK 4 / KR 2") && shown.contains("DISAGREE"),
        "{shown}"
    );
    assert_eq!(
        shown.lines().count(),
        1,
        "only the disagreement is listed: {shown}"
    );
    // An agreed result stands once each party's coordinator confirmed it.
    for who in ["mette", "jisoo"] {
        assert!(
            !ok(jp(&a, &["evaluation", "show"])).contains("settled at 3"),
            "not settled before {who} confirms"
        );
        ok(jp_as(
            &a,
            who,
            &[
                "evaluation",
                "agree",
                "1.1.1",
                "--score",
                "3",
                "--note",
                "JCM 2023",
            ],
        ));
    }
    assert!(ok(jp(&a, &["evaluation", "show"])).contains("settled at 3"));
    assert_eq!(
        jp_as(
            &a,
            "mette",
            &[
                "evaluation",
                "assess",
                "1.1.1",
                "--party",
                "DK",
                "--score",
                "9"
            ]
        )
        .status
        .code(),
        Some(2),
        "a score outside 1 to 5 is the user's mistake"
    );
}

#[test]
fn users_scope_who_may_write() {
    // Before issue "Authority" this test had DK's coordinator create a KR
    // account (any coordinator could while KR had none): now refused.
    let dir = tempfile::tempdir().expect("tmp");
    let a = dir.path().join("a.db");
    ok(jp(&a, &["import", "--example", "--save"]));
    assert!(ok(jp(&a, &["user", "list"])).contains("no accounts"));
    let add = |who: Option<&str>, name: &str, role: &str, party: &str| {
        let mut args = vec![];
        if let Some(who) = who {
            args.extend(["--as", who]);
        }
        args.extend([
            "user",
            "add",
            name,
            "--role",
            role,
            "--party",
            party,
            "--password-stdin",
        ]);
        support::jp_with_input(&a, &args, "pw-Secret-1\n")
    };
    assert!(add(None, "mette", "coordinator", "DK").status.success());
    let refused = add(Some("mette"), "minho", "reporter", "KR");
    assert!(
        !refused.status.success(),
        "DK's coordinator creates no KR account"
    );
    assert!(
        support::stderr(&refused).contains("KR"),
        "{}",
        support::stderr(&refused)
    );
    assert!(add(None, "jisoo", "coordinator", "KR").status.success());
    assert!(
        add(Some("jisoo"), "minho", "reporter", "KR")
            .status
            .success()
    );
    let listed = ok(jp(&a, &["user", "list"]));
    assert!(
        listed.contains("mette") && listed.contains("minho"),
        "{listed}"
    );
    let report = |who: &str, party: &str| {
        jp_as(
            &a,
            who,
            &[
                "progress", "report", "1.1.1", "--party", party, "--status", "on_track", "--level",
                "limited",
            ],
        )
    };
    assert!(report("minho", "KR").status.success());
    let refused = report("minho", "DK");
    assert!(
        !refused.status.success(),
        "a KR reporter may not report for DK"
    );
    assert!(support::stderr(&refused).contains("DK"));
}
