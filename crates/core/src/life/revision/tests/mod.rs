//! Tests of revisions on a small plan: each change kind applied and diffed,
//! the errors, lineage, and the stored JSON form.

mod errors;
mod json;
mod kinds;
mod lineage;

use super::*;
use crate::{
    ActionKind, Frequency, Line, Mechanism, Partnership, Plan, Recurrence, Span, Track, TrackKind,
};

/// Two lines: 1 "Green" with tracks 1.1 (three actions) and 1.2 (one), and
/// 2 "Health" with track 2.1 (one); mechanism `gga` names 1.1.1 and 1.1.2.
fn plan() -> Plan {
    let action = |code: &str, text: &str| super::apply::drafted(code.into(), text.into());
    let track = |code: &str, heading: &str, actions| Track {
        code: code.into(),
        kind: TrackKind::from_heading(heading),
        heading: heading.into(),
        actions,
        span: Span::default(),
    };
    let line = |number, title: &str, tracks| Line {
        number,
        title: title.into(),
        ambition: vec![],
        sdgs: vec![],
        tracks,
        span: Span::default(),
    };
    let mut gga = action("1.1.1", "Annual meetings");
    gga.mechanisms = vec!["gga".into()];
    Plan {
        format: 1,
        slug: "p".into(),
        title: "Plan".into(),
        partnership: Partnership::default(),
        period: None,
        signed: None,
        signatories: vec![],
        preamble: vec![],
        cross_cutting: vec![],
        lines: vec![
            line(
                1,
                "Green",
                vec![
                    track(
                        "1.1",
                        "",
                        vec![
                            gga,
                            action("1.1.2", "Cooperation on water"),
                            action("1.1.3", "Knowledge-sharing on wind energy"),
                        ],
                    ),
                    track(
                        "1.2",
                        "Science cooperation",
                        vec![action("1.2.1", "Research on hydrogen")],
                    ),
                ],
            ),
            line(
                2,
                "Health",
                vec![track(
                    "2.1",
                    "Government-to-government",
                    vec![action("2.1.1", "Dialogue on health")],
                )],
            ),
        ],
        organisations: vec![],
        mechanisms: vec![Mechanism {
            id: "gga".into(),
            name: "GGA ministerial meeting".into(),
            recurrence: Recurrence {
                phrase: "annual".into(),
                frequency: Frequency::Years { interval: 1 },
                alternative: None,
                span: Span::default(),
            },
            actions: vec!["1.1.1".into(), "1.1.2".into()],
            span: Span::default(),
        }],
        agreements: vec![],
        targets: vec![],
        source: None,
    }
}

/// The plan with `changes` applied, and the diff from the plan, as text lines.
fn applied(changes: Vec<Change>) -> (Plan, Vec<String>) {
    let set = ChangeSet {
        reason: String::new(),
        changes,
    };
    let next = apply(&plan(), &set).expect("the change fits the plan");
    let lines = diff(&plan(), &next)
        .iter()
        .map(ToString::to_string)
        .collect();
    (next, lines)
}

/// The codes of a track's actions, in order.
fn codes(plan: &Plan, track: &str) -> Vec<String> {
    plan.tracks()
        .find(|t| t.code == track)
        .map(|t| t.actions.iter().map(|a| a.code.clone()).collect())
        .unwrap_or_default()
}

/// The codes mechanism `gga` names.
fn gga_actions(plan: &Plan) -> Vec<String> {
    plan.mechanisms
        .iter()
        .find(|m| m.id == "gga")
        .map(|m| m.actions.clone())
        .unwrap_or_default()
}
