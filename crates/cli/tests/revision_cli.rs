//! `jointplan revision propose` with each kind of change a coordinator
//! needs (move, merge, split, SDGs, tracks and lines), on the reference
//! plan in a SQLite store: the stored revision's diff names what it does.

mod support;

use std::path::Path;
use std::process::Output;

use support::{coordinators, jp, jp_as, stderr};

/// A store holding the reference plan, in force: both coordinators exist
/// and have adopted it, as a revision needs.
fn plan_in_force(db: &Path) {
    ok(jp(db, &["import", "--example", "--save"]));
    coordinators(db);
    ok(jp_as(db, "mette", &["plan", "adopt"]));
    ok(jp_as(db, "jisoo", &["plan", "adopt"]));
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Proposes `flags` and returns the diff of the new revision, each line cut
/// before the action's text (`+ action 2.1.6 (moved from 1.1.3)`).
fn propose(db: &Path, flags: &[&str]) -> Vec<String> {
    let mut args = vec!["revision", "propose"];
    args.extend(flags);
    let proposed = ok(jp_as(db, "mette", &args));
    let id = proposed
        .split_whitespace()
        .nth(1)
        .expect("revision N of …")
        .to_string();
    ok(jp(db, &["revision", "diff", &id]))
        .lines()
        .skip(1)
        .map(|l| l.split(':').next().unwrap_or(l).to_string())
        .collect()
}

#[test]
fn each_new_kind_of_change_is_proposed_and_its_diff_names_it() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("plan.db");
    plan_in_force(&db);

    assert_eq!(
        propose(&db, &["--move", "1.1.3=2.1", "--reason", "fits line 2"]),
        ["+ action 2.1.6 (moved from 1.1.3)"]
    );
    assert_eq!(
        propose(
            &db,
            &["--merge", "1.2.1,1.2.2=Joint research on water and energy"]
        ),
        ["+ action 1.2.3 (merged from 1.2.1, 1.2.2)"]
    );
    assert_eq!(
        propose(
            &db,
            &[
                "--split",
                "3.1.4=Dialogue on health|Possible joint seminar on ageing"
            ]
        ),
        [
            "+ action 3.1.6 (split from 3.1.4)",
            "+ action 3.1.7 (split from 3.1.4)"
        ]
    );
    let sdgs = propose(&db, &["--sdgs", "4.1.1=16, 5.1"]);
    assert_eq!(sdgs, ["~ action 4.1.1 SDGs"]);
    assert_eq!(
        propose(
            &db,
            &[
                "--track-title",
                "2.2=Regional and local cooperation",
                "--line-title",
                "2=Science & Innovation"
            ]
        ),
        ["~ line 2", "~ track 2.2"]
    );
    assert_eq!(
        propose(
            &db,
            &[
                "--add-line",
                "Digital partnership",
                "--add-track",
                "5=Science cooperation",
                "--add-track",
                "1=Trade & economy",
                "--move",
                "1.3.2=5.1",
            ]
        ),
        [
            "+ line 5",
            "+ track 1.4",
            "+ track 5.1",
            "+ action 5.1.1 (moved from 1.3.2)"
        ]
    );
}

#[test]
fn an_approved_restructuring_becomes_a_version_that_verifies() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("plan.db");
    plan_in_force(&db);
    ok(jp_as(
        &db,
        "mette",
        &[
            "revision",
            "propose",
            "--move",
            "1.1.3=2.1",
            "--merge",
            "1.2.1,1.2.2=Joint research on water and energy",
            "--split",
            "3.1.4=Dialogue on health|Joint seminar on ageing",
            "--sdgs",
            "4.1.1=16",
        ],
    ));
    ok(jp_as(
        &db,
        "mette",
        &["revision", "approve", "1", "--party", "DK"],
    ));
    assert!(
        ok(jp_as(
            &db,
            "jisoo",
            &["revision", "approve", "1", "--party", "KR"]
        ))
        .contains("in effect as version 2")
    );
    assert!(ok(jp(&db, &["verify"])).starts_with("ok:"));
}

#[test]
fn malformed_and_unfitting_proposals_are_the_users_mistake() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("plan.db");
    plan_in_force(&db);
    let refused = |flags: &[&str], says: &str| {
        let mut args = vec!["revision", "propose"];
        args.extend(flags);
        let out = jp_as(&db, "mette", &args);
        assert_eq!(out.status.code(), Some(2), "{flags:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{flags:?}: {}", stderr(&out));
    };
    refused(
        &["--merge", "1.1.1=One action"],
        "merging needs at least two actions",
    );
    refused(
        &["--split", "1.1.1=Only one text"],
        "splitting needs at least two texts",
    );
    refused(&["--move", "1.1.1=9.9"], "the plan has no track 9.9");
    refused(&["--move", "9.9.9=1.2"], "the plan has no action 9.9.9");
    refused(
        &["--sdgs", "1.1.1=18"],
        "neither an SDG goal nor an SDG target",
    );
    refused(&["--add-track", "one=Trade"], "is not a line number");
    refused(&["--add-line", " "], "the text is empty");
}
