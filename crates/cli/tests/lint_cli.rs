//! `jointplan lint` as a user runs it: exit codes, JSON, --explain, configuration.

use std::path::Path;
use std::process::{Command, Output};

fn jointplan(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jointplan"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn clean_plan() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/clean-plan.txt").to_owned()
}

fn codes(out: &Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    v.as_array()
        .expect("an array")
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn exit_codes_follow_errors_and_bad_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The reference plan has an error (JP001): exit 1.
    let out = jointplan(dir.path(), &["lint", "--example"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("JP001(sdg-title-mismatch)"), "{text}");
    assert!(text.contains("help:"));
    // No colour codes when stdout is not a terminal.
    assert!(!text.contains('\u{1b}'));
    // A clean plan: exit 0.
    let out = jointplan(dir.path(), &["lint", &clean_plan()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // A missing file, and a file that is no plan: exit 2.
    let out = jointplan(dir.path(), &["lint", "no-such-plan.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "   \n").expect("write");
    let out = jointplan(dir.path(), &["lint", empty.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn json_output_has_the_documented_fields() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = jointplan(dir.path(), &["lint", "--example", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let first = &v[0];
    for field in [
        "code",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "help",
    ] {
        assert!(first.get(field).is_some(), "missing {field}");
    }
    let sdg = v
        .as_array()
        .and_then(|a| a.iter().find(|d| d["code"] == "JP001"))
        .expect("JP001 reported");
    assert_eq!(sdg["severity"], "error");
    assert_eq!(sdg["line"], 110);
}

#[test]
fn plan_json_input_prints_locations_without_snippets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = jointplan(dir.path(), &["import", "--example", "-o", "plan.json"]);
    assert!(out.status.success());
    let out = jointplan(dir.path(), &["lint", "plan.json"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("plan.json:110:1244: error[JP001]"), "{text}");
}

#[test]
fn explain_prints_the_rule_or_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = jointplan(dir.path(), &["lint", "--explain", "JP020"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("ambiguous-frequency") && text.contains("Fix:"),
        "{text}"
    );
    let out = jointplan(dir.path(), &["lint", "--explain"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("JP081"));
    let out = jointplan(dir.path(), &["lint", "--explain", "JP999"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn config_file_and_flags_allow_and_deny() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("jointplan.toml"),
        "[lint]\nallow = [\"JP001\", \"hedged-action\"]\ndeny = [\"JP060\"]\n\n[lint.severity]\nJP012 = \"error\"\n",
    )
    .expect("write config");
    let out = jointplan(dir.path(), &["lint", "--example", "--format", "json"]);
    let c = codes(&out);
    assert!(!c.contains(&"JP001".to_owned()) && !c.contains(&"JP030".to_owned()));
    assert_eq!(out.status.code(), Some(1), "JP060 and JP012 are errors now");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let severity = |code: &str| {
        v.as_array()
            .and_then(|a| a.iter().find(|d| d["code"] == code))
            .map(|d| d["severity"].clone())
    };
    assert_eq!(severity("JP012"), Some("error".into()));
    assert_eq!(severity("JP060"), Some("error".into()));
    // Flags override the file.
    let out = jointplan(
        dir.path(),
        &[
            "lint",
            "--example",
            "--format",
            "json",
            "--allow",
            "JP060",
            "--allow",
            "JP012",
            "--deny",
            "JP001",
        ],
    );
    let c = codes(&out);
    assert!(c.contains(&"JP001".to_owned()) && !c.contains(&"JP060".to_owned()));
    // A clean plan stays clean unless a rule is denied that fires nowhere.
    let out = jointplan(dir.path(), &["lint", &clean_plan(), "--deny", "JP010"]);
    assert_eq!(out.status.code(), Some(0));
    // An unknown rule in the file is unusable input.
    std::fs::write(dir.path().join("bad.toml"), "[lint]\nallow = [\"JP999\"]\n").expect("write");
    let out = jointplan(dir.path(), &["lint", "--example", "--config", "bad.toml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn summary_prints_one_row_per_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = jointplan(dir.path(), &["lint", "--example", "--summary"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Health & Life Science"), "{text}");
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
            .count(),
        4
    );
}

#[test]
fn lint_shows_what_the_import_guessed_in_a_prose_only_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let prose = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../import/tests/fixtures/shapes/joint-statement-nl-id.txt"
    );
    let out = jointplan(dir.path(), &["lint", "--format", "json", prose]);
    let found = codes(&out);
    assert!(
        found.iter().any(|c| c == "JP090"),
        "JP090 inferred-structure reaches the CLI: {found:?}"
    );
    let text = jointplan(dir.path(), &["lint", prose]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("JP090(inferred-structure)"), "{text}");
    // A plan with real structure has nothing guessed.
    let out = jointplan(dir.path(), &["lint", "--format", "json", &clean_plan()]);
    assert!(!codes(&out).iter().any(|c| c == "JP090"));
}
