//! A plan version as rows of the normalized tables (lines, tracks, actions,
//! organisations, agreements, mechanisms, targets), so queries and
//! roll-ups need not parse the canonical JSON.

use jointplan_core::Plan;
use serde_json::{Value, json};

use crate::schema::{Table, table};

/// The normalized rows of one version, table by table, in insertion order.
pub fn rows(version_id: i64, plan: &Plan) -> Vec<(&'static Table, Vec<Value>)> {
    let mut out = Vec::new();
    let mut push = |name: &str, values: Vec<Value>| {
        // The names below are the schema's own; a miss is a programming error caught by the tests.
        if let Some(t) = table(name) {
            out.push((t, values));
        }
    };
    let v = json!(version_id);
    for line in &plan.lines {
        let sdgs: Vec<String> = line
            .sdgs
            .iter()
            .map(|s| s.target.clone().unwrap_or_else(|| s.goal.to_string()))
            .collect();
        push(
            "lines",
            vec![
                v.clone(),
                json!(line.number),
                json!(line.title),
                json!(sdgs.join(",")),
            ],
        );
        for track in &line.tracks {
            push(
                "tracks",
                vec![
                    v.clone(),
                    json!(track.code),
                    json!(line.number),
                    json!(format!("{:?}", track.kind)),
                    json!(track.heading),
                ],
            );
        }
    }
    for (i, a) in plan.actions().enumerate() {
        let track = a.code.rsplit_once('.').map(|(t, _)| t).unwrap_or("");
        let line: i64 = a
            .code
            .split('.')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        push(
            "actions",
            vec![
                v.clone(),
                json!(a.code),
                json!(i as i64 + 1),
                json!(line),
                json!(track),
                json!(a.text),
                json!(a.kind.label()),
                json!(i64::from(a.strength.is_hedged())),
            ],
        );
        let mut orgs: Vec<&str> = a.organisations.iter().map(|o| o.id.as_str()).collect();
        orgs.sort_unstable();
        orgs.dedup();
        for o in orgs {
            push(
                "action_organisations",
                vec![v.clone(), json!(a.code), json!(o)],
            );
        }
    }
    for o in &plan.organisations {
        push(
            "organisations",
            vec![
                v.clone(),
                json!(o.id),
                json!(o.name),
                json!(o.acronyms.join(",")),
                json!(o.party),
                json!(i64::from(o.multilateral)),
            ],
        );
    }
    for (i, a) in plan.agreements.iter().enumerate() {
        let years: Vec<String> = a.years.iter().map(i32::to_string).collect();
        push(
            "agreements",
            vec![
                v.clone(),
                json!(i as i64 + 1),
                json!(a.title),
                json!(format!("{:?}", a.kind)),
                json!(format!("{:?}", a.status)),
                json!(years.join(",")),
            ],
        );
    }
    for m in &plan.mechanisms {
        push(
            "mechanisms",
            vec![
                v.clone(),
                json!(m.id),
                json!(m.name),
                json!(m.recurrence.frequency.describe()),
            ],
        );
    }
    for (i, t) in plan.targets.iter().enumerate() {
        push(
            "targets",
            vec![
                v.clone(),
                json!(i as i64 + 1),
                json!(t.party),
                json!(t.measure),
                json!(t.value),
                json!(t.unit),
                json!(t.year),
            ],
        );
    }
    out
}
