//! The `jointplan` binary as a user runs it: outputs, files and exit codes.

use std::path::PathBuf;
use std::process::{Command, Output};

fn jointplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jointplan"))
        .args(args)
        .output()
        .expect("runs")
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jp-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    dir
}

#[test]
fn summary_json_of_the_example() {
    let out = jointplan(&["summary", "--example", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    for (k, want) in [
        ("lines", 4),
        ("tracks", 16),
        ("actions", 69),
        ("agreements", 19),
        ("agreements_pending", 3),
        ("signatories", 2),
        ("period_start", 2021),
        ("period_end", 2024),
    ] {
        assert_eq!(v[k], want, "{k}");
    }
    assert!(v["organisations"].as_u64().unwrap_or(0) >= 25);
    assert!(v["mechanisms"].as_u64().unwrap_or(0) >= 5);
}

#[test]
fn summary_tree_shows_lines_and_totals() {
    let out = jointplan(&["summary", "--example"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("1. Sustainability & Green Transition"),
        "{text}"
    );
    assert!(
        text.contains("totals: 4 lines, 16 tracks, 69 actions"),
        "{text}"
    );
}

#[test]
fn import_writes_json_that_summary_reads_back() {
    let dir = tmp("import");
    let doc = dir.join("plan.txt");
    std::fs::write(&doc, jointplan_import_example()).expect("write");
    let json = dir.join("plan.json");
    let out = jointplan(&[
        "import",
        doc.to_str().unwrap_or_default(),
        "-o",
        json.to_str().unwrap_or_default(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = jointplan(&["summary", json.to_str().unwrap_or_default(), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["actions"], 69);
    // Export of the JSON equals the JSON: the round trip is lossless.
    let out = jointplan(&[
        "export",
        json.to_str().unwrap_or_default(),
        "--format",
        "json",
    ]);
    assert_eq!(out.stdout, std::fs::read(&json).expect("read"));
    let _ = std::fs::remove_dir_all(&dir);
}

fn jointplan_import_example() -> String {
    let out = jointplan(&["export", "--example", "--format", "markdown"]);
    assert!(out.status.success());
    // Use the Markdown rendering as a second document shape as well.
    let md = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(md.contains("## 1. Sustainability & Green Transition"));
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/dk-kr-joint-action-plan-2021-2024.txt"
    ))
    .expect("example text")
}

#[test]
fn markdown_export_reimports_with_the_same_structure() {
    let dir = tmp("md");
    let out = jointplan(&["export", "--example", "--format", "markdown"]);
    let md = dir.join("plan.md");
    std::fs::write(&md, &out.stdout).expect("write");
    let out = jointplan(&["summary", md.to_str().unwrap_or_default(), "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["lines"], 4);
    assert_eq!(v["actions"], 69);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_input_exits_2_with_one_line_naming_the_file() {
    let dir = tmp("bad");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    let bin = dir.join("random.bin");
    std::fs::write(
        &bin,
        (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 5) as u8)
            .collect::<Vec<u8>>(),
    )
    .expect("write");
    let docx = dir.join("broken.docx");
    std::fs::write(&docx, b"PK\x03\x04garbage").expect("write");
    let missing = dir.join("missing.txt");
    for path in [&empty, &bin, &docx, &missing] {
        let out = jointplan(&["import", path.to_str().unwrap_or_default()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", path.display());
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(
            err.contains(
                path.file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
            ),
            "{err}"
        );
        assert!(!err.contains("panicked"));
    }
    let out = jointplan(&[
        "import",
        empty.to_str().unwrap_or_default(),
        "--format",
        "pdf",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn format_flag_overrides_detection() {
    let dir = tmp("fmt");
    let path = dir.join("plan.data");
    std::fs::write(
        &path,
        "# Plan\n\n## 1. Energy\n\n### Trade\n\n- Annual energy dialogue.\n",
    )
    .expect("write");
    let out = jointplan(&[
        "summary",
        path.to_str().unwrap_or_default(),
        "--format",
        "markdown",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["actions"], 1);
    let _ = std::fs::remove_dir_all(&dir);
}
