//! What every command shares: exit codes (2 for bad input, 1 for a refusal
//! or failure), one error line, diagnostics on stderr that -q, -v and
//! RUST_LOG change, real calendar dates, and no developer tools.

mod support;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use support::{coordinators, jp, jp_as, stderr};

/// Runs jointplan against `db` with extra environment variables.
fn jp_env(db: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jointplan"))
        .args(args)
        .env(
            "JOINTPLAN_DATABASE_URL",
            format!("sqlite://{}", db.display()),
        )
        .env_remove("RUST_LOG")
        .envs(env.iter().copied())
        .output()
        .expect("runs")
}

/// A store holding the example plan.
fn store(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("a.db");
    let out = jp(&db, &["import", "--example", "--save"]);
    assert!(out.status.success(), "{}", stderr(&out));
    coordinators(&db);
    db
}

fn report_on(db: &Path, date: &str) -> Output {
    jp_as(
        db,
        "mette",
        &[
            "progress", "report", "1.1.1", "--party", "DK", "--status", "on_track", "--level",
            "limited", "--date", date,
        ],
    )
}

#[test]
fn a_day_that_does_not_exist_is_bad_input() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = store(dir.path());
    let out = report_on(&db, "2023-02-31");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(errors[0].contains("2023-02-31"), "{err}");
    let leap = report_on(&db, "2024-02-29");
    assert!(leap.status.success(), "{}", stderr(&leap));

    // The bulk load refuses it by line, and keeps the good row.
    let csv = dir.path().join("reports.csv");
    std::fs::write(
        &csv,
        "action,date,party,status,level\n\
         1.1.1,2023-02-31,DK,on_track,limited\n\
         1.1.1,2023-02-28,DK,on_track,limited\n",
    )
    .expect("write csv");
    let out = jp_as(
        &db,
        "mette",
        &["progress", "import", csv.to_str().expect("utf-8")],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("line 2: date \"2023-02-31\""), "{err}");
    assert!(err.contains("imported 1 reports, 1 bad rows"), "{err}");
}

#[test]
fn bad_input_exits_2_with_the_clis_hint_and_a_refusal_exits_1() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = store(dir.path());
    let out = jp(&db, &["progress", "list", "--plan", "no-such-plan"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no plan \"no-such-plan\""), "{err}");
    assert!(err.contains("`jointplan plans`"), "{err}");

    // Saving the same plan twice is refused, not a mistake in the input.
    let again = jp(&db, &["import", "--example", "--save"]);
    assert_eq!(again.status.code(), Some(1), "{}", stderr(&again));
    assert_eq!(
        stderr(&again)
            .lines()
            .filter(|l| l.starts_with("error:"))
            .count(),
        1
    );
}

#[test]
fn diagnostics_follow_quiet_verbose_and_rust_log() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = store(dir.path());
    let plain = jp_env(&db, &[], &["plans"]);
    assert!(
        stderr(&plain).starts_with("database: sqlite://"),
        "{}",
        stderr(&plain)
    );
    assert!(!stderr(&plain).contains("debug:"), "{}", stderr(&plain));

    let quiet = jp_env(&db, &[], &["-q", "plans"]);
    assert!(quiet.status.success());
    assert_eq!(stderr(&quiet), "");
    assert_eq!(quiet.stdout, plain.stdout, "the result stays on stdout");

    let by_env = jp_env(&db, &[("RUST_LOG", "warn")], &["plans"]);
    assert_eq!(stderr(&by_env), "");

    let verbose = jp_env(&db, &[("RUST_LOG", "off")], &["plans", "-v"]);
    let err = stderr(&verbose);
    assert!(
        err.contains("debug: jointplan"),
        "-v wins over RUST_LOG: {err}"
    );
    assert!(err.contains("store open in "), "{err}");

    // RUST_LOG=off silences diagnostics, never the reason for a failure.
    let failed = jp_env(
        &db,
        &[("RUST_LOG", "off")],
        &["progress", "list", "--plan", "x"],
    );
    assert_eq!(failed.status.code(), Some(2));
    assert!(
        stderr(&failed).starts_with("error: no plan"),
        "{}",
        stderr(&failed)
    );
}

#[test]
fn developer_tools_are_not_in_the_users_binary() {
    let out = Command::new(env!("CARGO_BIN_EXE_jointplan"))
        .args(["dev", "portfolio", "--out", "x"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "clap refuses an unknown command"
    );
    assert!(
        stderr(&out).contains("unrecognized subcommand 'dev'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jointplan"))
        .args(["export", "--example", "--format", "markdown"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // Close the read end before the command writes (as `| head -0` does).
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("read stderr");
    let status = child.wait().expect("exits");
    assert!(status.success(), "{err}");
    assert_eq!(err, "");
}

#[test]
fn the_database_is_the_flag_else_the_environment_else_the_default() {
    let dir = tempfile::tempdir().expect("tmp");
    let run = |env: &[(&str, &str)], args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_jointplan"))
            .args(args)
            .env_remove("JOINTPLAN_DATABASE_URL")
            .env_remove("RUST_LOG")
            .env("XDG_DATA_HOME", dir.path())
            .envs(env.iter().copied())
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", stderr(&out));
        stderr(&out).lines().next().unwrap_or_default().to_string()
    };
    let by_env = format!("sqlite://{}/env.db", dir.path().display());
    let by_flag = format!("sqlite://{}/flag.db", dir.path().display());
    let default = format!(
        "database: sqlite://{}/jointplan/jointplan.db",
        dir.path().display()
    );
    assert_eq!(run(&[], &["plans"]), default);
    let env = [("JOINTPLAN_DATABASE_URL", by_env.as_str())];
    assert_eq!(run(&env, &["plans"]), format!("database: {by_env}"));
    assert_eq!(
        run(&env, &["plans", "--database-url", &by_flag]),
        format!("database: {by_flag}")
    );
}
