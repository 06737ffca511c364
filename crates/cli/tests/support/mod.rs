//! Helpers the store-command tests share: running the binary against a
//! SQLite store.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs jointplan against the store at `db`, acting as `tester`.
pub fn jp(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jointplan"))
        .args(args)
        .env(
            "JOINTPLAN_DATABASE_URL",
            format!("sqlite://{}", db.display()),
        )
        .env("JOINTPLAN_USER", "tester")
        .output()
        .expect("runs")
}

/// A run's standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
