//! Helpers the store-command tests share: running the binary against a
//! SQLite store.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs jointplan against the store at `db`, as the operator.
pub fn jp(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jointplan"))
        .args(args)
        .env(
            "JOINTPLAN_DATABASE_URL",
            format!("sqlite://{}", db.display()),
        )
        .env_remove("JOINTPLAN_USER")
        .output()
        .expect("runs")
}

/// Runs jointplan against the store at `db`, as the account `who`.
pub fn jp_as(db: &Path, who: &str, args: &[&str]) -> Output {
    let mut all = vec!["--as", who];
    all.extend_from_slice(args);
    jp(db, &all)
}

/// Runs jointplan with `input` on its standard input.
pub fn jp_with_input(db: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_jointplan"))
        .args(args)
        .env(
            "JOINTPLAN_DATABASE_URL",
            format!("sqlite://{}", db.display()),
        )
        .env_remove("JOINTPLAN_USER")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input.as_bytes()).expect("stdin");
    }
    child.wait_with_output().expect("runs")
}

/// The operator creates each party's first coordinator: mette (DK) and jisoo (KR).
pub fn coordinators(db: &Path) {
    for (name, party) in [("mette", "DK"), ("jisoo", "KR")] {
        let args = [
            "user",
            "add",
            name,
            "--role",
            "coordinator",
            "--party",
            party,
            "--password-stdin",
        ];
        let out = jp_with_input(db, &args, "pw-Secret-1\n");
        assert!(out.status.success(), "{}", stderr(&out));
    }
}

/// A run's standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
