//! The account and plan-life commands as the README's example session
//! runs them: the operator creates both first coordinators, DK sets its
//! leads, both adopt, a DK reporter reports, KR's coordinator cannot touch
//! DK's content; tokens, restrictions, disabling.

mod support;

use std::path::Path;
use std::process::Output;

use support::{jp, jp_as, jp_with_input, stderr};

fn ok(out: Output) -> String {
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn refused(out: Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(1),
        "refused, not a usage error: {}",
        stderr(&out)
    );
    stderr(&out)
}

fn add(db: &Path, who: Option<&str>, args: &[&str]) -> Output {
    let mut all: Vec<&str> = who.map_or(vec![], |w| vec!["--as", w]);
    all.extend(["user", "add"]);
    all.extend_from_slice(args);
    all.push("--password-stdin");
    jp_with_input(db, &all, "pw-Secret-1\n")
}

fn status(db: &Path) -> String {
    let plans: serde_json::Value =
        serde_json::from_str(&ok(jp(db, &["plans", "--json"]))).expect("json");
    plans[0]["status"].as_str().unwrap_or_default().to_string()
}

#[test]
fn the_example_session_of_the_readme() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("a.db");
    ok(jp(&db, &["import", "--example", "--save"]));
    assert_eq!(status(&db), "draft");
    ok(add(
        &db,
        None,
        &["mette", "--role", "coordinator", "--party", "DK"],
    ));
    ok(add(
        &db,
        None,
        &["jisoo", "--role", "coordinator", "--party", "KR"],
    ));
    let err = refused(add(
        &db,
        None,
        &["mette2", "--role", "coordinator", "--party", "DK"],
    ));
    assert!(err.contains("DK already has a coordinator"), "{err}");
    ok(add(
        &db,
        Some("mette"),
        &[
            "lars",
            "--role",
            "reporter",
            "--party",
            "DK",
            "--organisation",
            "MHES",
        ],
    ));
    refused(add(
        &db,
        Some("mette"),
        &["kim", "--role", "reporter", "--party", "KR"],
    ));

    ok(jp_as(
        &db,
        "mette",
        &[
            "lead",
            "set",
            "1.2.2",
            "--party",
            "DK",
            "--lead",
            "mhes",
            "--partner",
            "DKMA",
        ],
    ));
    let err = refused(jp_as(
        &db,
        "jisoo",
        &["lead", "set", "1.2.2", "--party", "DK", "--lead", "msit"],
    ));
    assert!(
        err.contains("only DK's coordinators may set the lead and partners for DK"),
        "{err}"
    );
    let leads = ok(jp(&db, &["lead", "list"]));
    assert!(
        leads.contains("1.2.2") && leads.contains("mhes") && leads.contains("dkma"),
        "{leads}"
    );

    ok(jp_as(&db, "mette", &["plan", "adopt"]));
    assert_eq!(status(&db), "draft", "one party alone");
    refused(jp(&db, &["plan", "adopt"]));
    ok(jp_as(&db, "jisoo", &["plan", "adopt"]));
    assert!(
        matches!(status(&db).as_str(), "in_force" | "closed"),
        "{}",
        status(&db)
    );

    let report = [
        "progress", "report", "1.2.2", "--party", "DK", "--status", "on_track", "--level",
        "limited",
    ];
    ok(jp_as(&db, "lars", &report));
    let err = refused(jp_as(&db, "jisoo", &report));
    assert!(err.contains("only DK's"), "{err}");
    let err = refused(jp_as(&db, "nobody", &report));
    assert!(err.contains("sign in"), "{err}");
    assert!(ok(jp(&db, &["verify"])).starts_with("ok:"));
}

#[test]
fn passwords_come_from_a_terminal_or_standard_input_only() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("a.db");
    let out = jp(
        &db,
        &[
            "user",
            "add",
            "mette",
            "--role",
            "coordinator",
            "--party",
            "DK",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--password-stdin"),
        "{}",
        stderr(&out)
    );
    let out = jp_with_input(
        &db,
        &[
            "user",
            "add",
            "mette",
            "--role",
            "coordinator",
            "--party",
            "DK",
            "--password-stdin",
        ],
        "short\n",
    );
    assert_eq!(out.status.code(), Some(2), "too short: {}", stderr(&out));
    let out = add(&db, None, &["mette", "--role", "king", "--party", "DK"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(ok(jp(&db, &["user", "list"])).contains("no accounts"));
}

#[test]
fn tokens_restrictions_and_disabling() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("a.db");
    ok(jp(&db, &["import", "--example", "--save"]));
    ok(add(
        &db,
        None,
        &["mette", "--role", "coordinator", "--party", "DK"],
    ));
    ok(add(
        &db,
        None,
        &["jisoo", "--role", "coordinator", "--party", "KR"],
    ));
    ok(add(
        &db,
        Some("mette"),
        &["sofie", "--role", "reporter", "--party", "DK"],
    ));

    let secret = ok(jp_as(
        &db,
        "mette",
        &["token", "create", "--label", "script"],
    ));
    assert_eq!(secret.trim().len(), 64, "the secret, once: {secret}");
    let listed = ok(jp_as(&db, "mette", &["token", "list"]));
    assert!(
        listed.contains("script") && !listed.contains(secret.trim()),
        "{listed}"
    );
    refused(jp_as(&db, "jisoo", &["token", "revoke", "1"]));
    ok(jp_as(&db, "mette", &["token", "revoke", "1"]));
    assert!(ok(jp_as(&db, "mette", &["token", "list"])).contains("revoked"));
    assert_eq!(
        jp(&db, &["token", "list"]).status.code(),
        Some(2),
        "the operator has no tokens"
    );

    ok(jp_as(&db, "mette", &["restrict", "1.1.1", "--party", "DK"]));
    refused(jp_as(
        &db,
        "jisoo",
        &["restrict", "1.1.1", "--party", "DK", "--lift"],
    ));
    ok(jp_as(
        &db,
        "mette",
        &["restrict", "1.1.1", "--party", "DK", "--lift"],
    ));

    refused(jp_as(
        &db,
        "jisoo",
        &["user", "role", "sofie", "--role", "evaluator"],
    ));
    ok(jp_as(
        &db,
        "mette",
        &["user", "role", "sofie", "--role", "evaluator"],
    ));
    refused(jp_as(&db, "jisoo", &["user", "disable", "sofie"]));
    ok(jp(&db, &["user", "disable", "sofie"]));
    let listed = ok(jp(&db, &["user", "list"]));
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("sofie") && l.contains("evaluator") && l.contains("disabled")),
        "{listed}"
    );
    let err = refused(jp_as(
        &db,
        "sofie",
        &[
            "evaluation",
            "assess",
            "1.1.1",
            "--party",
            "DK",
            "--score",
            "3",
        ],
    ));
    assert!(err.contains("disabled"), "{err}");
    assert!(ok(jp(&db, &["verify"])).starts_with("ok:"));
}
