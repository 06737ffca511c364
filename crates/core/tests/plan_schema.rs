//! The JSON Schema of the canonical plan form, committed in docs/, stays
//! current: run with `UPDATE_SCHEMA=1` to rewrite it after a model change.

use jointplan_core::Plan;

#[test]
fn committed_schema_matches_the_model() {
    let schema = schemars::schema_for!(Plan);
    let mut text = serde_json::to_string_pretty(&schema).expect("schema serialises");
    text.push('\n');
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/plan.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &text).expect("write schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "docs/plan.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test -p jointplan-core --test plan_schema`"
    );
}
