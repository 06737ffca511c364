//! The stored JSON form of change sets: old revisions still load, and each
//! new kind has the form documented here.

use super::*;

#[test]
fn change_sets_stored_before_the_new_kinds_still_load() {
    let stored = r#"{"reason":"mid-term review","changes":[
        {"op":"set_title","title":"New"},
        {"op":"set_line_title","line":2,"title":"Health"},
        {"op":"set_action_text","code":"1.1.2","text":"Possible cooperation"},
        {"op":"add_action","track":"1.1","text":"Workshops"},
        {"op":"remove_action","code":"1.1.1"}]}"#;
    let set: ChangeSet = serde_json::from_str(stored).expect("loads");
    assert_eq!(set.changes.len(), 5);
    assert_eq!(
        set.changes[3],
        Change::AddAction {
            track: "1.1".into(),
            text: "Workshops".into()
        }
    );
    let next = apply(&plan(), &set).expect("fits");
    assert_eq!(codes(&next, "1.1"), ["1.1.2", "1.1.3", "1.1.4"]);
}

#[test]
fn the_new_kinds_have_a_stable_json_form() {
    let s = |v: &str| v.to_string();
    let cases = [
        (
            Change::AddLine {
                title: s("Digital"),
            },
            r#"{"op":"add_line","title":"Digital"}"#,
        ),
        (
            Change::AddTrack {
                line: 1,
                title: s("Trade"),
            },
            r#"{"op":"add_track","line":1,"title":"Trade"}"#,
        ),
        (
            Change::SetTrackTitle {
                track: s("1.2"),
                title: s("Science"),
            },
            r#"{"op":"set_track_title","track":"1.2","title":"Science"}"#,
        ),
        (
            Change::MoveAction {
                code: s("1.1.3"),
                track: s("2.1"),
            },
            r#"{"op":"move_action","code":"1.1.3","track":"2.1"}"#,
        ),
        (
            Change::MergeActions {
                codes: vec![s("1.1.1"), s("1.1.2")],
                text: s("Both"),
            },
            r#"{"op":"merge_actions","codes":["1.1.1","1.1.2"],"text":"Both"}"#,
        ),
        (
            Change::SplitAction {
                code: s("1.1.3"),
                texts: vec![s("A"), s("B")],
            },
            r#"{"op":"split_action","code":"1.1.3","texts":["A","B"]}"#,
        ),
        (
            Change::SetActionSdgs {
                code: s("1.1.3"),
                sdgs: vec![s("7"), s("7.2")],
            },
            r#"{"op":"set_action_sdgs","code":"1.1.3","sdgs":["7","7.2"]}"#,
        ),
    ];
    for (change, json) in cases {
        assert_eq!(serde_json::to_string(&change).expect("writes"), json);
        assert_eq!(serde_json::from_str::<Change>(json).expect("reads"), change);
    }
}

#[test]
fn a_diff_serialises_the_old_codes_only_when_there_are_some() {
    let (next, _) = applied(vec![
        Change::MoveAction {
            code: "1.1.3".into(),
            track: "2.1".into(),
        },
        Change::SetTitle {
            title: "Plan 2".into(),
        },
    ]);
    let json = serde_json::to_string(&diff(&plan(), &next)).expect("writes");
    assert_eq!(
        json,
        r#"[{"op":"changed","item":"title","before":"Plan","after":"Plan 2"},{"op":"moved","item":"action 2.1.2","after":"Knowledge-sharing on wind energy","from":["1.1.3"]}]"#
    );
}
