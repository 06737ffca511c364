//! Each change kind: applying it, then diffing, names exactly what it did.

use super::*;
use crate::lint::sdg_served::served_by_action;

#[test]
fn applying_a_change_set_gives_a_new_version_and_a_readable_diff() {
    let base = plan();
    let set = ChangeSet {
        reason: "mid-term review".into(),
        changes: vec![
            Change::SetActionText {
                code: "1.1.2".into(),
                text: "Possible cooperation on water".into(),
            },
            Change::AddAction {
                track: "1.1".into(),
                text: "Joint workshop on hydrogen".into(),
            },
            Change::RemoveAction {
                code: "1.1.1".into(),
            },
        ],
    };
    let next = apply(&base, &set).expect("fits");
    assert!(next.action("1.1.2").expect("kept").strength.is_hedged());
    assert_eq!(
        next.action("1.1.4").expect("added").kind,
        ActionKind::JointEvent
    );
    let lines: Vec<String> = diff(&base, &next).iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "- action 1.1.1: Annual meetings",
            "~ action 1.1.2: Cooperation on water → Possible cooperation on water",
            "+ action 1.1.4: Joint workshop on hydrogen",
        ]
    );
    assert_eq!(gga_actions(&next), ["1.1.2"]);
    assert_ne!(
        crate::canonical::content_hash(&base),
        crate::canonical::content_hash(&next)
    );
}

#[test]
fn identical_versions_have_no_diff() {
    assert!(diff(&plan(), &plan()).is_empty());
}

#[test]
fn a_moved_action_gets_the_next_code_of_its_new_track_and_no_other_code_shifts() {
    let (next, lines) = applied(vec![Change::MoveAction {
        code: "1.1.2".into(),
        track: "2.1".into(),
    }]);
    assert_eq!(
        lines,
        ["+ action 2.1.2 (moved from 1.1.2): Cooperation on water"]
    );
    assert_eq!(codes(&next, "1.1"), ["1.1.1", "1.1.3"]);
    assert_eq!(codes(&next, "2.1"), ["2.1.1", "2.1.2"]);
    assert_eq!(next.action("2.1.2").expect("moved").origins, ["1.1.2"]);
    assert_eq!(gga_actions(&next), ["1.1.1", "2.1.2"]);
    let d = &diff(&plan(), &next)[0];
    assert_eq!(
        (d.op, d.from.as_slice()),
        (Op::Moved, ["1.1.2".to_string()].as_slice())
    );
}

#[test]
fn a_moved_and_reworded_action_shows_both_texts() {
    let (_, lines) = applied(vec![
        Change::SetActionText {
            code: "1.1.2".into(),
            text: "Possible cooperation on water".into(),
        },
        Change::MoveAction {
            code: "1.1.2".into(),
            track: "1.2".into(),
        },
    ]);
    assert_eq!(
        lines,
        ["~ action 1.2.2 (moved from 1.1.2): Cooperation on water → Possible cooperation on water"]
    );
}

#[test]
fn a_moved_action_whose_sdgs_change_shows_both() {
    let (_, lines) = applied(vec![
        Change::MoveAction {
            code: "1.1.2".into(),
            track: "2.1".into(),
        },
        Change::SetActionSdgs {
            code: "2.1.2".into(),
            sdgs: vec!["6".into()],
        },
    ]);
    assert_eq!(
        lines,
        [
            "+ action 2.1.2 (moved from 1.1.2): Cooperation on water",
            "~ action 2.1.2 SDGs: none → 6",
        ]
    );
}

#[test]
fn a_code_moved_away_from_the_end_of_a_track_is_not_given_again() {
    let (next, _) = applied(vec![
        Change::MoveAction {
            code: "1.1.3".into(),
            track: "1.2".into(),
        },
        Change::AddAction {
            track: "1.1".into(),
            text: "Joint workshop on solar energy".into(),
        },
    ]);
    assert_eq!(codes(&next, "1.1"), ["1.1.1", "1.1.2", "1.1.4"]);
    assert_eq!(lineage(&next, "1.2.2"), ["1.2.2", "1.1.3"]);
}

#[test]
fn merged_actions_become_one_where_the_first_stood_linked_to_both() {
    let (next, lines) = applied(vec![Change::MergeActions {
        codes: vec!["1.1.2".into(), "1.1.1".into()],
        text: "Annual meetings on water".into(),
    }]);
    assert_eq!(
        lines,
        ["+ action 1.1.4 (merged from 1.1.2, 1.1.1): Annual meetings on water"]
    );
    assert_eq!(codes(&next, "1.1"), ["1.1.4", "1.1.3"]);
    let merged = next.action("1.1.4").expect("merged");
    assert_eq!(merged.origins, ["1.1.2", "1.1.1"]);
    assert_eq!(merged.kind, ActionKind::Dialogue);
    assert_eq!(
        merged.recurrence.as_ref().map(|r| r.frequency),
        Some(Frequency::Years { interval: 1 }),
        "the new words say how often"
    );
    assert_eq!(
        merged.mechanisms,
        ["gga"],
        "the mechanism 1.1.1 named stays"
    );
    assert_eq!(gga_actions(&next), ["1.1.4"]);
}

#[test]
fn actions_of_two_tracks_merge_into_the_first_ones_track() {
    let (next, lines) = applied(vec![Change::MergeActions {
        codes: vec!["1.2.1".into(), "2.1.1".into(), "1.1.3".into()],
        text: "Research on hydrogen, health and wind".into(),
    }]);
    assert_eq!(
        lines,
        ["+ action 1.2.2 (merged from 1.2.1, 2.1.1, 1.1.3): Research on hydrogen, health and wind"]
    );
    assert!(codes(&next, "2.1").is_empty());
    assert_eq!(codes(&next, "1.1"), ["1.1.1", "1.1.2"]);
}

#[test]
fn a_split_action_becomes_several_in_its_place_each_linked_to_it() {
    let (next, lines) = applied(vec![Change::SplitAction {
        code: "1.1.2".into(),
        texts: vec![
            "Cooperation on drinking water".into(),
            " Possible joint seminar on wastewater ".into(),
        ],
    }]);
    assert_eq!(
        lines,
        [
            "+ action 1.1.4 (split from 1.1.2): Cooperation on drinking water",
            "+ action 1.1.5 (split from 1.1.2): Possible joint seminar on wastewater",
        ]
    );
    assert_eq!(codes(&next, "1.1"), ["1.1.1", "1.1.4", "1.1.5", "1.1.3"]);
    let second = next.action("1.1.5").expect("split");
    assert!(second.strength.is_hedged(), "its own words are hedged");
    assert_eq!(second.kind, ActionKind::JointEvent);
    assert_eq!(lineage(&next, "1.1.4"), ["1.1.4", "1.1.2"]);
    assert_eq!(lineage(&next, "1.1.5"), ["1.1.5", "1.1.2"]);
    assert_eq!(gga_actions(&next), ["1.1.1", "1.1.4", "1.1.5"]);
}

#[test]
fn setting_sdgs_replaces_the_declared_ones_and_inference_still_reads_the_words() {
    let (next, lines) = applied(vec![
        Change::SetActionSdgs {
            code: "1.1.2".into(),
            sdgs: vec!["13".into(), "6.A".into(), " 13 ".into()],
        },
        Change::SetActionSdgs {
            code: "1.1.3".into(),
            sdgs: vec![],
        },
    ]);
    assert_eq!(lines, ["~ action 1.1.2 SDGs: none → 13, 6.a"]);
    let water = next.action("1.1.2").expect("kept");
    let declared: Vec<(u32, Option<&str>)> = water
        .sdgs
        .iter()
        .map(|m| (m.goal, m.target.as_deref()))
        .collect();
    assert_eq!(declared, [(13, None), (6, Some("6.a"))]);
    assert_eq!(
        served_by_action(water).into_iter().collect::<Vec<_>>(),
        [6, 13, 17],
        "13 declared; 6 from \"water\"; 17 for every joint action"
    );
    let (cleared, lines) = {
        let set = ChangeSet {
            reason: String::new(),
            changes: vec![Change::SetActionSdgs {
                code: "1.1.2".into(),
                sdgs: vec!["7".into()],
            }],
        };
        let again = apply(&next, &set).expect("fits");
        let lines: Vec<String> = diff(&next, &again)
            .iter()
            .map(ToString::to_string)
            .collect();
        (again, lines)
    };
    assert_eq!(lines, ["~ action 1.1.2 SDGs: 13, 6.a → 7"]);
    assert_eq!(cleared.action("1.1.2").expect("kept").sdgs.len(), 1);
}

#[test]
fn a_new_track_gets_the_lines_next_code_and_the_kind_its_title_names() {
    let (next, lines) = applied(vec![Change::AddTrack {
        line: 1,
        title: " Trade & economy ".into(),
    }]);
    assert_eq!(lines, ["+ track 1.3: Trade & economy"]);
    let t = next.tracks().find(|t| t.code == "1.3").expect("added");
    assert_eq!(t.kind, TrackKind::TradeEconomy);
}

#[test]
fn a_retitled_track_takes_the_kind_its_new_title_names() {
    let (next, lines) = applied(vec![Change::SetTrackTitle {
        track: "1.2".into(),
        title: "Multilateral cooperation".into(),
    }]);
    assert_eq!(
        lines,
        ["~ track 1.2: Science cooperation → Multilateral cooperation"]
    );
    let t = next.tracks().find(|t| t.code == "1.2").expect("kept");
    assert_eq!(t.kind, TrackKind::Multilateral);
    assert_eq!(codes(&next, "1.2"), ["1.2.1"]);
}

#[test]
fn a_new_line_gets_the_next_number_and_can_take_tracks_and_actions_at_once() {
    let (next, lines) = applied(vec![
        Change::AddLine {
            title: "Digital".into(),
        },
        Change::AddTrack {
            line: 3,
            title: "Science and innovation".into(),
        },
        Change::MoveAction {
            code: "1.2.1".into(),
            track: "3.1".into(),
        },
    ]);
    assert_eq!(
        lines,
        [
            "+ line 3: Digital",
            "+ track 3.1: Science and innovation",
            "+ action 3.1.1 (moved from 1.2.1): Research on hydrogen",
        ]
    );
    assert_eq!(next.lines.last().map(|l| l.number), Some(3));
}

#[test]
fn a_retitled_line_keeps_its_number() {
    let (next, lines) = applied(vec![Change::SetLineTitle {
        line: 2,
        title: "Health and life science".into(),
    }]);
    assert_eq!(lines, ["~ line 2: Health → Health and life science"]);
    assert_eq!(next.lines[1].number, 2);
}
