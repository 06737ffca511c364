//! The linter on the reference plan finds what a careful reviewer would; on
//! a clean plan it finds no errors; its JSON output has a committed schema
//! and a reviewed snapshot.

use jointplan_core::lint::{self, JsonDiagnostic, LintConfig, Severity};

fn reference() -> Vec<JsonDiagnostic> {
    let imported = jointplan_import::example::import().expect("the example imports");
    lint::lint(&imported.plan, &LintConfig::default()).to_json()
}

/// True when a finding of `code` stands on source line `line` and its message contains `text`.
fn has(found: &[JsonDiagnostic], code: &str, line: u32, text: &str) -> bool {
    found
        .iter()
        .any(|d| d.code == code && d.line == line && d.message.contains(text))
}

#[test]
fn reference_plan_findings_a_reviewer_would_make() {
    let f = reference();
    let expect = [
        // Line 3 declares "SDG 13 (Responsible Consumption and Production)".
        ("JP001", 110, "SDG 12's"),
        // "National Insurance Service (NHIS)": there is no H.
        ("JP013", 117, "NHIS"),
        // The Danish Medicines Agency as DKMA and DMA.
        ("JP012", 189, "DKMA and DMA"),
        // Acronyms never spelled out.
        ("JP010", 188, "KIAT"),
        ("JP010", 118, "RWD"),
        // "bi-annual" Arctic consultations.
        ("JP020", 156, "bi-annual"),
        // "Regular" and "Frequent" consultations.
        ("JP021", 149, "Regular"),
        ("JP021", 77, "Frequent"),
        // The Joint Statement 2011 under lines 1 and 4.
        ("JP061", 190, "lines 1, 4"),
        // "70% GHG emissions by 2030".
        ("JP080", 37, "70% GHG emissions"),
        // Declared goals no action serves.
        ("JP071", 70, "SDG 12"),
        ("JP071", 110, "SDG 13"),
        // Hedged actions, per line.
        ("JP031", 35, "line 1"),
        ("JP031", 108, "line 3"),
    ];
    for (code, line, text) in expect {
        assert!(
            has(&f, code, line, text),
            "missing {code} on line {line} ({text})"
        );
    }
    // Three agreements are still to be confirmed.
    assert_eq!(f.iter().filter(|d| d.code == "JP060").count(), 3);
    // 4iR is spelled out ("Fourth Industrial Revolution (4iR)").
    assert!(
        !f.iter()
            .any(|d| d.code == "JP010" && d.message.starts_with("4iR"))
    );
    // The only error is the SDG title.
    let errors: Vec<&str> = f
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(errors, ["JP001"]);
}

#[test]
fn reference_plan_summary_reports_every_line() {
    let imported = jointplan_import::example::import().expect("the example imports");
    let report = lint::lint(&imported.plan, &LintConfig::default());
    assert_eq!(report.lines.len(), 4);
    assert_eq!(report.actions.len(), imported.plan.actions().count());
    let hedged: usize = report.lines.iter().map(|l| l.hedged).sum();
    assert_eq!(
        hedged,
        imported
            .plan
            .actions()
            .filter(|a| a.strength.is_hedged())
            .count()
    );
    assert_eq!(report.lines[2].sdgs_declared, [3, 13, 17]);
    assert_eq!(report.lines[2].sdgs_served, [3, 17]);
}

#[test]
fn clean_plan_has_no_errors() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/clean-plan.txt");
    let imported = jointplan_import::import_file(std::path::Path::new(path), None)
        .expect("the clean plan imports");
    assert!(imported.plan.actions().count() >= 9);
    let report = lint::lint(&imported.plan, &LintConfig::default());
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(!report.has_errors());
}

#[test]
fn configuration_changes_what_is_reported() {
    let imported = jointplan_import::example::import().expect("the example imports");
    let mut config = LintConfig::default();
    config.allow_rule("JP001");
    config.severity.insert("JP012".into(), Severity::Error);
    let report = lint::lint(&imported.plan, &config);
    assert!(!report.diagnostics.iter().any(|d| d.code == "JP001"));
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code == "JP012" && d.severity == Severity::Error)
    );
}

#[test]
fn committed_schema_is_current() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/lint-output.schema.json"
    );
    let generated = format!(
        "{}\n",
        serde_json::to_string_pretty(&lint::output_schema()).expect("schema serialises")
    );
    // JOINTPLAN_BLESS=1 rewrites the committed file after a deliberate change.
    if std::env::var_os("JOINTPLAN_BLESS").is_some() {
        std::fs::write(path, &generated).expect("schema written");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(
        committed, generated,
        "docs/lint-output.schema.json is stale: rerun with JOINTPLAN_BLESS=1"
    );
}

#[test]
fn json_output_on_the_reference_plan() {
    insta::assert_json_snapshot!("reference_plan_lint", reference());
}
