//! Revisions over the reference plan (the Denmark–Korea Joint Action Plan):
//! every action moved, merged with its neighbour, split and given SDGs, and
//! random sequences of such changes, checking that codes stay identities
//! and that no progress history is lost.

use std::collections::BTreeSet;

use jointplan_core::revision::{self, Change, ChangeSet, Difference, Op};
use jointplan_core::{Plan, canonical};

fn reference() -> Plan {
    jointplan_import::example::import()
        .expect("the example imports")
        .plan
}

fn apply(plan: &Plan, changes: Vec<Change>) -> Plan {
    let set = ChangeSet {
        reason: String::new(),
        changes,
    };
    revision::apply(plan, &set).expect("the change fits the plan")
}

fn codes(plan: &Plan) -> Vec<String> {
    plan.actions().map(|a| a.code.clone()).collect()
}

/// The track an action stands in.
fn track_of(plan: &Plan, code: &str) -> String {
    plan.tracks()
        .find(|t| t.actions.iter().any(|a| a.code == code))
        .map(|t| t.code.clone())
        .unwrap_or_default()
}

/// What holds in every version a revision gives: codes unique and under
/// their track, never an earlier code again, mechanisms naming actions
/// that exist, and every code of the reference plan in some lineage.
fn check_invariants(plan: &Plan, originals: &[String]) {
    let current = codes(plan);
    let unique: BTreeSet<&String> = current.iter().collect();
    assert_eq!(unique.len(), current.len(), "codes are unique: {current:?}");
    for t in plan.tracks() {
        for a in &t.actions {
            let (prefix, item) = a.code.rsplit_once('.').expect("dotted code");
            assert_eq!(prefix, t.code, "{} stands in its own track", a.code);
            assert!(item.parse::<u32>().is_ok(), "{} ends in a number", a.code);
            for o in &a.origins {
                assert!(!unique.contains(o), "earlier code {o} is not given again");
            }
        }
    }
    for m in &plan.mechanisms {
        for c in &m.actions {
            assert!(
                unique.contains(c),
                "mechanism {} names {c}, which exists",
                m.id
            );
        }
    }
    let traced: BTreeSet<String> = current
        .iter()
        .flat_map(|c| revision::lineage(plan, c))
        .collect();
    for c in originals {
        assert!(
            traced.contains(c),
            "the reports of {c} still count somewhere"
        );
    }
}

#[test]
fn the_reference_plan_writes_no_origins_so_its_hash_holds() {
    let plan = reference();
    assert!(!canonical::to_json(&plan).contains("\"origins\""));
    assert!(
        plan.actions()
            .all(|a| revision::lineage(&plan, &a.code) == [a.code.clone()])
    );
}

#[test]
fn every_action_moved_to_another_track_is_named_as_moved_and_nothing_else_changes() {
    let base = reference();
    let originals = codes(&base);
    let tracks: Vec<String> = base.tracks().map(|t| t.code.clone()).collect();
    assert!(tracks.len() > 1 && originals.len() > 50);
    for code in &originals {
        let from = track_of(&base, code);
        let to = tracks.iter().find(|t| **t != from).expect("another track");
        let next = apply(
            &base,
            vec![Change::MoveAction {
                code: code.clone(),
                track: to.clone(),
            }],
        );
        let d = revision::diff(&base, &next);
        assert_eq!(d.len(), 1, "{code}: {d:?}");
        assert_eq!((d[0].op, &d[0].from), (Op::Moved, &vec![code.clone()]));
        let new_code = d[0].item.trim_start_matches("action ");
        assert_eq!(track_of(&next, new_code), *to);
        assert_eq!(
            revision::lineage(&next, new_code),
            [new_code, code.as_str()]
        );
        let kept: Vec<String> = codes(&next).into_iter().filter(|c| c != new_code).collect();
        let expected: Vec<String> = originals.iter().filter(|c| *c != code).cloned().collect();
        let (mut kept, mut expected) = (kept, expected);
        kept.sort();
        expected.sort();
        assert_eq!(kept, expected, "no other code changes when {code} moves");
        check_invariants(&next, &originals);
        assert_eq!(
            canonical::from_json(&canonical::to_json(&next)).expect("reads back"),
            next
        );
    }
}

#[test]
fn every_pair_of_neighbours_merged_is_named_as_one_merge() {
    let base = reference();
    let originals = codes(&base);
    let mut pairs = 0;
    for t in base.tracks() {
        for w in t.actions.windows(2) {
            let pair = vec![w[0].code.clone(), w[1].code.clone()];
            let next = apply(
                &base,
                vec![Change::MergeActions {
                    codes: pair.clone(),
                    text: format!("{} and {}", w[0].text, w[1].text),
                }],
            );
            let d = revision::diff(&base, &next);
            assert_eq!(d.len(), 1, "{pair:?}: {d:?}");
            assert_eq!((d[0].op, &d[0].from), (Op::Merged, &pair));
            assert_eq!(next.actions().count(), originals.len() - 1);
            check_invariants(&next, &originals);
            pairs += 1;
        }
    }
    assert!(
        pairs > 40,
        "the reference plan has many neighbours ({pairs})"
    );
}

#[test]
fn every_action_split_in_two_is_named_as_two_splits() {
    let base = reference();
    let originals = codes(&base);
    for a in base.actions() {
        let next = apply(
            &base,
            vec![Change::SplitAction {
                code: a.code.clone(),
                texts: vec![format!("{} (first part)", a.text), "Joint workshops".into()],
            }],
        );
        let d = revision::diff(&base, &next);
        assert_eq!(d.len(), 2, "{}: {d:?}", a.code);
        assert!(
            d.iter()
                .all(|x| x.op == Op::Split && x.from == [a.code.clone()])
        );
        assert_eq!(next.actions().count(), originals.len() + 1);
        check_invariants(&next, &originals);
    }
}

#[test]
fn every_action_given_sdgs_shows_only_its_sdgs_changing() {
    let base = reference();
    for a in base.actions() {
        let next = apply(
            &base,
            vec![Change::SetActionSdgs {
                code: a.code.clone(),
                sdgs: vec!["9.5".into(), "17".into()],
            }],
        );
        let d: Vec<String> = revision::diff(&base, &next)
            .iter()
            .map(Difference::to_string)
            .collect();
        assert_eq!(d.len(), 1, "{}: {d:?}", a.code);
        assert!(
            d[0].starts_with(&format!("~ action {} SDGs: ", a.code)) && d[0].ends_with("→ 9.5, 17"),
            "{d:?}"
        );
    }
}

/// One random change that fits `plan`, drawing from `below`.
fn random_change(plan: &Plan, below: &mut impl FnMut(usize) -> usize) -> Change {
    let actions = codes(plan);
    let tracks: Vec<String> = plan.tracks().map(|t| t.code.clone()).collect();
    let pick =
        |list: &[String], below: &mut dyn FnMut(usize) -> usize| list[below(list.len())].clone();
    let words = [
        "Annual dialogue on energy",
        "Possible joint seminar",
        "Research on water",
    ];
    match below(6) {
        0 => {
            let code = pick(&actions, below);
            let from = track_of(plan, &code);
            let others: Vec<String> = tracks.iter().filter(|t| **t != from).cloned().collect();
            Change::MoveAction {
                code,
                track: pick(&others, below),
            }
        }
        1 => {
            let first = pick(&actions, below);
            let rest: Vec<String> = actions.iter().filter(|c| **c != first).cloned().collect();
            Change::MergeActions {
                codes: vec![first, pick(&rest, below)],
                text: words[below(words.len())].into(),
            }
        }
        2 => Change::SplitAction {
            code: pick(&actions, below),
            texts: (0..2 + below(2)).map(|i| words[i].to_string()).collect(),
        },
        3 => Change::AddTrack {
            line: plan.lines[below(plan.lines.len())].number,
            title: "Trade & economy".into(),
        },
        4 => Change::AddAction {
            track: pick(&tracks, below),
            text: words[below(words.len())].into(),
        },
        _ => Change::SetActionSdgs {
            code: pick(&actions, below),
            sdgs: vec![(1 + below(17)).to_string()],
        },
    }
}

/// A deterministic xorshift generator: each call gives a number below `n`,
/// the same sequence on every run, so a failure reproduces.
fn xorshift_below(mut state: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    }
}

#[test]
fn random_revisions_keep_codes_as_identities_and_lose_no_history() {
    let base = reference();
    let originals = codes(&base);
    let mut below = xorshift_below(0x5eed_cafe_f00d_1234);
    for _ in 0..40 {
        let mut plan = base.clone();
        let mut all = Vec::new();
        for _ in 0..12 {
            let change = random_change(&plan, &mut below);
            plan = apply(&plan, vec![change.clone()]);
            all.push(change);
            check_invariants(&plan, &originals);
        }
        // One change set of all of them gives the same version: what the
        // parties approve is what the store makes.
        let at_once = apply(&base, all);
        assert_eq!(
            canonical::content_hash(&at_once),
            canonical::content_hash(&plan)
        );
        for d in revision::diff(&base, &plan) {
            assert!(
                d.from.iter().all(|c| originals.contains(c)),
                "the diff names codes of the base version: {d}"
            );
        }
    }
}
