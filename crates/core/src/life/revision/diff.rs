//! The readable difference between two versions: what a coordinator reads
//! before approving a revision.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::{Action, Plan};

/// What happened to one item between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In both, different.
    Changed,
    /// An action under a new code in another track, from one old action.
    Moved,
    /// A new action made of two or more old ones.
    Merged,
    /// One of the new actions an old action was split into.
    Split,
}

/// One difference between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// Added, removed, changed, moved, merged or split.
    pub op: Op,
    /// What it is: `title`, `line 2`, `action 1.1.3`, `action 1.1.3 SDGs`, `organisation mofa`, …
    pub item: String,
    /// The old text, for removed and changed items (and a moved action
    /// whose words changed too).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// The new text, for added, changed, moved, merged and split items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// The old actions' codes a moved, merged or split action comes from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<String>,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let how = match self.op {
            Op::Moved => "moved",
            Op::Merged => "merged",
            Op::Split => "split",
            Op::Added | Op::Removed | Op::Changed => "",
        };
        let item = if how.is_empty() {
            self.item.clone()
        } else {
            format!("{} ({how} from {})", self.item, self.from.join(", "))
        };
        match (self.op, &self.before, &self.after) {
            (Op::Removed, Some(b), _) => write!(f, "- {item}: {b}"),
            (Op::Changed, _, _) | (_, Some(_), _) => write!(
                f,
                "~ {item}: {} → {}",
                self.before.as_deref().unwrap_or(""),
                self.after.as_deref().unwrap_or("")
            ),
            (_, None, a) => write!(f, "+ {item}: {}", a.as_deref().unwrap_or("")),
        }
    }
}

/// The differences between two versions, in plan order: title, lines,
/// tracks, actions, organisations, mechanisms, agreements, targets.
///
/// Actions are matched by code, and an action under a new code is matched
/// to the old actions its origins name: it is moved from one, merged from
/// several, or split from one old action that has several successors.
pub fn diff(old: &Plan, new: &Plan) -> Vec<Difference> {
    let mut out = Vec::new();
    compare(
        &mut out,
        vec![("title".into(), old.title.clone())],
        vec![("title".into(), new.title.clone())],
    );
    let lines = |p: &Plan| {
        p.lines
            .iter()
            .map(|l| (format!("line {}", l.number), l.title.clone()))
            .collect()
    };
    compare(&mut out, lines(old), lines(new));
    let tracks = |p: &Plan| {
        p.tracks()
            .map(|t| (format!("track {}", t.code), t.heading.clone()))
            .collect()
    };
    compare(&mut out, tracks(old), tracks(new));
    actions(&mut out, old, new);
    let orgs = |p: &Plan| {
        p.organisations
            .iter()
            .map(|o| {
                (
                    format!("organisation {}", o.id),
                    o.name.clone().unwrap_or_else(|| o.label().to_string()),
                )
            })
            .collect()
    };
    compare(&mut out, orgs(old), orgs(new));
    let mechs = |p: &Plan| {
        p.mechanisms
            .iter()
            .map(|m| {
                (
                    format!("mechanism {}", m.id),
                    format!("{} ({})", m.name, m.recurrence.frequency.describe()),
                )
            })
            .collect()
    };
    compare(&mut out, mechs(old), mechs(new));
    let agreements = |p: &Plan| {
        p.agreements
            .iter()
            .map(|a| {
                (
                    format!("agreement {}", a.title),
                    format!("{:?}", a.status).to_lowercase(),
                )
            })
            .collect()
    };
    compare(&mut out, agreements(old), agreements(new));
    let targets = |p: &Plan| {
        p.targets
            .iter()
            .map(|t| (format!("target {}", t.measure), t.text.clone()))
            .collect()
    };
    compare(&mut out, targets(old), targets(new));
    out
}

/// The actions' differences: removed and changed ones in old order, then
/// the new codes in new order, each with the old codes it comes from.
fn actions(out: &mut Vec<Difference>, old: &Plan, new: &Plan) {
    let old_by_code: BTreeMap<&str, &Action> =
        old.actions().map(|a| (a.code.as_str(), a)).collect();
    let new_by_code: BTreeMap<&str, &Action> =
        new.actions().map(|a| (a.code.as_str(), a)).collect();
    // Each new code with the old codes, gone from the new version, it came from.
    let fresh: Vec<(&Action, Vec<String>)> = new
        .actions()
        .filter(|a| !old_by_code.contains_key(a.code.as_str()))
        .map(|a| {
            let sources = a
                .origins
                .iter()
                .filter(|c| {
                    old_by_code.contains_key(c.as_str()) && !new_by_code.contains_key(c.as_str())
                })
                .cloned()
                .collect();
            (a, sources)
        })
        .collect();
    let successors = |code: &str| {
        fresh
            .iter()
            .filter(|(_, s)| s.iter().any(|c| c == code))
            .count()
    };
    for a in old.actions() {
        let item = format!("action {}", a.code);
        match new_by_code.get(a.code.as_str()) {
            None if successors(&a.code) == 0 => out.push(Difference {
                op: Op::Removed,
                item,
                before: Some(a.text.clone()),
                after: None,
                from: vec![],
            }),
            None => {}
            Some(n) => {
                if n.text != a.text {
                    out.push(changed(item.clone(), &a.text, &n.text));
                }
                let (before, after) = (sdg_list(a), sdg_list(n));
                if before != after {
                    out.push(changed(format!("{item} SDGs"), &before, &after));
                }
            }
        }
    }
    for (a, from) in &fresh {
        let op = match from.as_slice() {
            [] => Op::Added,
            [one] if successors(one) == 1 => Op::Moved,
            [_] => Op::Split,
            _ => Op::Merged,
        };
        let before = match (op, from.first().and_then(|c| old_by_code.get(c.as_str()))) {
            (Op::Moved, Some(was)) if was.text != a.text => Some(was.text.clone()),
            _ => None,
        };
        let item = format!("action {}", a.code);
        out.push(Difference {
            op,
            item: item.clone(),
            before,
            after: Some(a.text.clone()),
            from: from.clone(),
        });
        // Merged and split actions start from their sources' SDGs by rule;
        // a moved one keeps its own, so a change to them is the parties' doing.
        if let (Op::Moved, Some(was)) = (op, from.first().and_then(|c| old_by_code.get(c.as_str())))
        {
            let (before, after) = (sdg_list(was), sdg_list(a));
            if before != after {
                out.push(changed(format!("{item} SDGs"), &before, &after));
            }
        }
    }
}

fn changed(item: String, before: &str, after: &str) -> Difference {
    Difference {
        op: Op::Changed,
        item,
        before: Some(before.to_string()),
        after: Some(after.to_string()),
        from: vec![],
    }
}

/// An action's declared SDGs as a reader writes them: `7, 13.2`, or `none`.
fn sdg_list(a: &Action) -> String {
    if a.sdgs.is_empty() {
        return "none".into();
    }
    a.sdgs
        .iter()
        .map(|m| m.target.clone().unwrap_or_else(|| m.goal.to_string()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Compares keyed texts: keys in old order (removed and changed), then added keys in new order.
fn compare(out: &mut Vec<Difference>, old: Vec<(String, String)>, new: Vec<(String, String)>) {
    for (k, before) in &old {
        match new.iter().find(|(nk, _)| nk == k) {
            None => out.push(Difference {
                op: Op::Removed,
                item: k.clone(),
                before: Some(before.clone()),
                after: None,
                from: vec![],
            }),
            Some((_, after)) if after != before => out.push(changed(k.clone(), before, after)),
            Some(_) => {}
        }
    }
    for (k, after) in &new {
        if !old.iter().any(|(ok, _)| ok == k) {
            out.push(Difference {
                op: Op::Added,
                item: k.clone(),
                before: None,
                after: Some(after.clone()),
                from: vec![],
            });
        }
    }
}
