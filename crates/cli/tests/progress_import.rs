//! `jointplan progress import` as a user runs it: bad rows named by line,
//! good rows kept; `--atomic` writes nothing when any row is bad.

mod support;

use std::path::Path;

use support::{jp, jp_as, stderr};

/// A store holding the example plan, and a CSV with good and bad rows.
fn setup(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let db = dir.join("a.db");
    let out = jp(&db, &["import", "--example", "--save"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Reports need an account of their party (a store with no accounts
    // once allowed anyone): every row is DK's, loaded by DK's coordinator.
    support::coordinators(&db);
    let csv = dir.join("reports.csv");
    std::fs::write(
        &csv,
        "Action,Date,Party,Organisation,Status,Level,Note,Evidence\n\
         1.1.1,2022-01-01,DK,,on_track,limited,\"First workshop, Copenhagen\",https://a.invalid/1 https://a.invalid/2\n\
         9.9.9,2022-01-01,DK,,on_track,limited,,\n\
         1.1.2,2022-02-30x,DK,,on_track,limited,,\n\
         1.1.2,2022-03-01,DK,,on_track,halfway,,\n\
         1.1.3,2022-03-01,DK,,done,complete,\"A note\n\
         over two lines\",\n\
         1.1.3,2022-03-01,SE,,done,complete,,\n\
         1.1.4,2022-04-01,dk,,delayed,substantial,,\n",
    )
    .expect("write csv");
    (db, csv)
}

fn listed(db: &Path) -> Vec<serde_json::Value> {
    let out = jp(db, &["progress", "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn bad_rows_are_named_by_line_and_good_rows_kept() {
    let dir = tempfile::tempdir().expect("tmp");
    let (db, csv) = setup(dir.path());
    let out = jp_as(
        &db,
        "mette",
        &["progress", "import", csv.to_str().expect("utf-8")],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "some rows were refused: {err}");
    for expected in [
        "line 3: the plan has no action 9.9.9",
        "line 4: date \"2022-02-30x\" is not a calendar date written YYYY-MM-DD",
        "line 5: \"halfway\" is not a completion level",
        "line 8: SE is not a party",
        "imported 3 reports, 4 bad rows, in ",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(err.contains(" rows/s)"), "{err}");
    let reports = listed(&db);
    let actions: Vec<&str> = reports
        .iter()
        .map(|r| r["action"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(actions, ["1.1.1", "1.1.3", "1.1.4"]);
    assert_eq!(reports[0]["narrative"], "First workshop, Copenhagen");
    assert_eq!(reports[0]["evidence"].as_array().map(Vec::len), Some(2));
    assert_eq!(reports[1]["narrative"], "A note\nover two lines");
    assert_eq!(reports[2]["party"], "DK"); // "dk" normalised
    let verify = jp(&db, &["verify"]);
    assert!(verify.status.success(), "{}", stderr(&verify));
}

#[test]
fn atomic_import_writes_nothing_when_a_row_is_bad() {
    let dir = tempfile::tempdir().expect("tmp");
    let (db, csv) = setup(dir.path());
    let path = csv.to_str().expect("utf-8");
    let out = jp_as(&db, "mette", &["progress", "import", path, "--atomic"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("line 3: the plan has no action 9.9.9"),
        "{err}"
    );
    assert!(
        err.contains("line 8: SE is not a party"),
        "every bad row is named: {err}"
    );
    assert!(err.contains("imported nothing: 4 bad rows"), "{err}");
    assert!(listed(&db).is_empty(), "nothing was written");

    // The same file without its bad rows goes in whole.
    let good: String = std::fs::read_to_string(&csv)
        .expect("read")
        .lines()
        .enumerate()
        .filter(|(i, _)| ![3, 4, 5, 8].contains(&(i + 1)))
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    std::fs::write(&csv, good).expect("write");
    let out = jp_as(&db, "mette", &["progress", "import", path, "--atomic"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("imported 3 reports, 0 bad rows"));
    assert_eq!(listed(&db).len(), 3);
}

#[test]
fn a_file_without_the_needed_columns_is_refused_before_any_write() {
    let dir = tempfile::tempdir().expect("tmp");
    let (db, csv) = setup(dir.path());
    std::fs::write(&csv, "action,date,party,status\n1.1.1,2022-01-01,DK,done\n").expect("write");
    let out = jp_as(
        &db,
        "mette",
        &["progress", "import", csv.to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("lacks column(s) level"),
        "{}",
        stderr(&out)
    );
    std::fs::write(&csv, "action,date,party,status,level,colour\n").expect("write");
    let out = jp_as(
        &db,
        "mette",
        &["progress", "import", csv.to_str().expect("utf-8")],
    );
    assert!(
        stderr(&out).contains("unknown column \"colour\""),
        "{}",
        stderr(&out)
    );
    assert!(listed(&db).is_empty());
}
