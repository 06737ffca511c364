//! Lineage: progress history follows an action through moves, merges and
//! splits, over several revisions.

use super::*;

fn revise(plan: &Plan, change: Change) -> Plan {
    let set = ChangeSet {
        reason: String::new(),
        changes: vec![change],
    };
    apply(plan, &set).expect("fits")
}

#[test]
fn lineage_gathers_every_earlier_code_over_several_revisions() {
    let v1 = plan();
    assert_eq!(
        lineage(&v1, "1.1.2"),
        ["1.1.2"],
        "an unrevised action is its own"
    );
    let v2 = revise(
        &v1,
        Change::SplitAction {
            code: "1.1.2".into(),
            texts: vec![
                "Cooperation on rivers".into(),
                "Cooperation on lakes".into(),
            ],
        },
    );
    let v3 = revise(
        &v2,
        Change::MergeActions {
            codes: vec!["1.1.5".into(), "1.1.3".into()],
            text: "Cooperation on lakes and wind".into(),
        },
    );
    let v4 = revise(
        &v3,
        Change::MoveAction {
            code: "1.1.6".into(),
            track: "2.1".into(),
        },
    );
    assert_eq!(
        lineage(&v4, "2.1.2"),
        ["2.1.2", "1.1.2", "1.1.5", "1.1.3", "1.1.6"]
    );
    assert_eq!(lineage(&v4, "1.1.4"), ["1.1.4", "1.1.2"]);
    assert!(
        lineage(&v4, "1.1.2").is_empty(),
        "1.1.2 is no longer an action"
    );
    assert_eq!(codes(&v4, "1.1"), ["1.1.1", "1.1.4"]);
    // The diff across all three revisions still names the old codes.
    let lines: Vec<String> = diff(&v1, &v4).iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "+ action 1.1.4 (split from 1.1.2): Cooperation on rivers",
            "+ action 2.1.2 (merged from 1.1.2, 1.1.3): Cooperation on lakes and wind",
        ]
    );
}

#[test]
fn a_plan_without_revisions_writes_no_origins() {
    let json = crate::canonical::to_json(&plan());
    assert!(!json.contains("origins"));
    let moved = revise(
        &plan(),
        Change::MoveAction {
            code: "1.1.1".into(),
            track: "1.2".into(),
        },
    );
    let json = crate::canonical::to_json(&moved);
    assert!(json.contains("\"origins\": [\n"));
    assert_eq!(
        crate::canonical::from_json(&json).expect("reads back"),
        moved
    );
}
