//! Changes that do not fit the plan are refused with a typed error naming
//! their position.

use super::*;

fn refusal(changes: Vec<Change>) -> RevisionError {
    let set = ChangeSet {
        reason: String::new(),
        changes,
    };
    apply(&plan(), &set).expect_err("the change does not fit")
}

#[test]
fn changes_that_do_not_fit_are_refused_with_their_position() {
    let title = Change::SetTitle {
        title: "New".into(),
    };
    let s = |v: &str| v.to_string();
    let cases = [
        (
            Change::RemoveAction { code: s("9.9.9") },
            RevisionError::NoAction {
                index: 2,
                code: s("9.9.9"),
            },
        ),
        (
            Change::MoveAction {
                code: s("1.1.9"),
                track: s("2.1"),
            },
            RevisionError::NoAction {
                index: 2,
                code: s("1.1.9"),
            },
        ),
        (
            Change::MoveAction {
                code: s("1.1.1"),
                track: s("2.9"),
            },
            RevisionError::NoTrack {
                index: 2,
                track: s("2.9"),
            },
        ),
        (
            Change::MoveAction {
                code: s("1.1.1"),
                track: s("1.1"),
            },
            RevisionError::SameTrack {
                index: 2,
                code: s("1.1.1"),
                track: s("1.1"),
            },
        ),
        (
            Change::MergeActions {
                codes: vec![s("1.1.1")],
                text: s("One"),
            },
            RevisionError::MergeTooFew { index: 2, count: 1 },
        ),
        (
            Change::MergeActions {
                codes: vec![s("1.1.1"), s("1.1.2"), s("1.1.1")],
                text: s("One"),
            },
            RevisionError::MergeRepeats {
                index: 2,
                code: s("1.1.1"),
            },
        ),
        (
            Change::MergeActions {
                codes: vec![s("1.1.1"), s("7.7.7")],
                text: s("One"),
            },
            RevisionError::NoAction {
                index: 2,
                code: s("7.7.7"),
            },
        ),
        (
            Change::MergeActions {
                codes: vec![s("1.1.1"), s("1.1.2")],
                text: s("  "),
            },
            RevisionError::EmptyText { index: 2 },
        ),
        (
            Change::SplitAction {
                code: s("1.1.1"),
                texts: vec![s("Only one")],
            },
            RevisionError::SplitTooFew { index: 2, count: 1 },
        ),
        (
            Change::SplitAction {
                code: s("1.1.1"),
                texts: vec![s("One"), s("")],
            },
            RevisionError::EmptyText { index: 2 },
        ),
        (
            Change::SplitAction {
                code: s("4.4.4"),
                texts: vec![s("One"), s("Two")],
            },
            RevisionError::NoAction {
                index: 2,
                code: s("4.4.4"),
            },
        ),
        (
            Change::SetActionSdgs {
                code: s("1.1.1"),
                sdgs: vec![s("7"), s("18")],
            },
            RevisionError::UnknownSdg {
                index: 2,
                sdg: s("18"),
            },
        ),
        (
            Change::SetActionSdgs {
                code: s("1.1.1"),
                sdgs: vec![s("7.9")],
            },
            RevisionError::UnknownSdg {
                index: 2,
                sdg: s("7.9"),
            },
        ),
        (
            Change::SetActionSdgs {
                code: s("1.9.1"),
                sdgs: vec![s("7")],
            },
            RevisionError::NoAction {
                index: 2,
                code: s("1.9.1"),
            },
        ),
        (
            Change::AddTrack {
                line: 5,
                title: s("Trade"),
            },
            RevisionError::NoLine { index: 2, line: 5 },
        ),
        (
            Change::AddTrack {
                line: 1,
                title: s(""),
            },
            RevisionError::EmptyText { index: 2 },
        ),
        (
            Change::SetTrackTitle {
                track: s("3.1"),
                title: s("Trade"),
            },
            RevisionError::NoTrack {
                index: 2,
                track: s("3.1"),
            },
        ),
        (
            Change::AddLine { title: s("\n") },
            RevisionError::EmptyText { index: 2 },
        ),
        (
            Change::AddAction {
                track: s("1.9"),
                text: s("Workshops"),
            },
            RevisionError::NoTrack {
                index: 2,
                track: s("1.9"),
            },
        ),
    ];
    for (change, expected) in cases {
        assert_eq!(
            refusal(vec![title.clone(), change.clone()]),
            expected,
            "{change:?}"
        );
    }
    assert_eq!(
        apply(&plan(), &ChangeSet::default()),
        Err(RevisionError::Empty)
    );
}

#[test]
fn a_refused_set_names_the_rule_in_its_message() {
    let e = refusal(vec![Change::MergeActions {
        codes: vec!["1.1.1".into()],
        text: "One".into(),
    }]);
    assert_eq!(
        e.to_string(),
        "change 1: merging needs at least two actions, got 1"
    );
}
