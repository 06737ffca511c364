//! Revisions: a change set applied to a plan version gives the next version,
//! and a readable diff between any two versions.
//!
//! A revision takes effect only when every party approves it; approvals
//! sign the content hash of the version it would produce
//! ([`crate::canonical::content_hash`]), so what was approved is exactly
//! what is stored.

use serde::{Deserialize, Serialize};

use crate::{Action, ActionKind, Plan, Span, strength};

/// One change to a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Change {
    /// Rename the plan.
    SetTitle {
        /// The new title.
        title: String,
    },
    /// Rename a line of effort.
    SetLineTitle {
        /// The line's number.
        line: u32,
        /// The new title.
        title: String,
    },
    /// Reword an action (its kind and strength follow the new words).
    SetActionText {
        /// The action's code.
        code: String,
        /// The new text.
        text: String,
    },
    /// Add an action at the end of a track; it gets the track's next code.
    AddAction {
        /// The track's code (`1.2`).
        track: String,
        /// The action's text.
        text: String,
    },
    /// Remove an action. Codes of the others do not change.
    RemoveAction {
        /// The action's code.
        code: String,
    },
}

/// A proposed set of changes, applied in order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChangeSet {
    /// Why the parties change the plan.
    #[serde(default)]
    pub reason: String,
    /// The changes.
    pub changes: Vec<Change>,
}

/// A change that does not fit the version it is applied to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RevisionError {
    /// Nothing to change.
    #[error("the change set is empty")]
    Empty,
    /// No such line.
    #[error("change {index}: the plan has no line {line}")]
    NoLine {
        /// 1-based position of the change.
        index: usize,
        /// The line asked for.
        line: u32,
    },
    /// No such track.
    #[error("change {index}: the plan has no track {track}")]
    NoTrack {
        /// 1-based position of the change.
        index: usize,
        /// The track asked for.
        track: String,
    },
    /// No such action.
    #[error("change {index}: the plan has no action {code}")]
    NoAction {
        /// 1-based position of the change.
        index: usize,
        /// The action asked for.
        code: String,
    },
    /// Empty text where text is needed.
    #[error("change {index}: the text is empty")]
    EmptyText {
        /// 1-based position of the change.
        index: usize,
    },
}

/// Applies a change set to a version, giving the next version's plan.
pub fn apply(base: &Plan, set: &ChangeSet) -> Result<Plan, RevisionError> {
    if set.changes.is_empty() {
        return Err(RevisionError::Empty);
    }
    let mut plan = base.clone();
    for (i, change) in set.changes.iter().enumerate() {
        let index = i + 1;
        match change {
            Change::SetTitle { title } => {
                non_empty(title, index)?;
                plan.title = title.trim().to_string();
            }
            Change::SetLineTitle { line, title } => {
                non_empty(title, index)?;
                let l = plan
                    .lines
                    .iter_mut()
                    .find(|l| l.number == *line)
                    .ok_or(RevisionError::NoLine { index, line: *line })?;
                l.title = title.trim().to_string();
            }
            Change::SetActionText { code, text } => {
                non_empty(text, index)?;
                let a = plan
                    .lines
                    .iter_mut()
                    .flat_map(|l| l.tracks.iter_mut())
                    .flat_map(|t| t.actions.iter_mut())
                    .find(|a| a.code == *code)
                    .ok_or_else(|| RevisionError::NoAction {
                        index,
                        code: code.clone(),
                    })?;
                a.text = text.trim().to_string();
                a.kind = ActionKind::classify(&a.text);
                // The revised text has no place in the source document.
                a.strength = strength::assess(&a.text, &|_| Span::default());
            }
            Change::AddAction { track, text } => {
                non_empty(text, index)?;
                let t = plan
                    .lines
                    .iter_mut()
                    .flat_map(|l| l.tracks.iter_mut())
                    .find(|t| t.code == *track)
                    .ok_or_else(|| RevisionError::NoTrack {
                        index,
                        track: track.clone(),
                    })?;
                let next = t
                    .actions
                    .iter()
                    .filter_map(|a| a.code.rsplit('.').next()?.parse::<u32>().ok())
                    .max()
                    .unwrap_or(0)
                    + 1;
                let text = text.trim().to_string();
                t.actions.push(Action {
                    code: format!("{}.{next}", t.code),
                    kind: ActionKind::classify(&text),
                    strength: strength::assess(&text, &|_| Span::default()),
                    text,
                    organisations: vec![],
                    sdgs: vec![],
                    recurrence: None,
                    mechanisms: vec![],
                    span: Span::default(),
                });
            }
            Change::RemoveAction { code } => {
                let mut found = false;
                for t in plan.lines.iter_mut().flat_map(|l| l.tracks.iter_mut()) {
                    let before = t.actions.len();
                    t.actions.retain(|a| a.code != *code);
                    found |= t.actions.len() != before;
                }
                if !found {
                    return Err(RevisionError::NoAction {
                        index,
                        code: code.clone(),
                    });
                }
                for m in &mut plan.mechanisms {
                    m.actions.retain(|c| c != code);
                }
            }
        }
    }
    Ok(plan)
}

fn non_empty(text: &str, index: usize) -> Result<(), RevisionError> {
    if text.trim().is_empty() {
        Err(RevisionError::EmptyText { index })
    } else {
        Ok(())
    }
}

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
}

/// One difference between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// Added, removed or changed.
    pub op: Op,
    /// What it is: `title`, `line 2`, `action 1.1.3`, `organisation mofa`, …
    pub item: String,
    /// The old text, for removed and changed items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// The new text, for added and changed items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.op, &self.before, &self.after) {
            (Op::Added, _, Some(a)) => write!(f, "+ {}: {a}", self.item),
            (Op::Removed, Some(b), _) => write!(f, "- {}: {b}", self.item),
            (_, b, a) => write!(
                f,
                "~ {}: {} → {}",
                self.item,
                b.as_deref().unwrap_or(""),
                a.as_deref().unwrap_or("")
            ),
        }
    }
}

/// The differences between two versions, in plan order: title, lines,
/// tracks, actions, organisations, mechanisms, agreements, targets.
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
    let actions = |p: &Plan| {
        p.actions()
            .map(|a| (format!("action {}", a.code), a.text.clone()))
            .collect()
    };
    compare(&mut out, actions(old), actions(new));
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

/// Compares keyed texts: keys in old order (removed and changed), then added keys in new order.
fn compare(out: &mut Vec<Difference>, old: Vec<(String, String)>, new: Vec<(String, String)>) {
    for (k, before) in &old {
        match new.iter().find(|(nk, _)| nk == k) {
            None => out.push(Difference {
                op: Op::Removed,
                item: k.clone(),
                before: Some(before.clone()),
                after: None,
            }),
            Some((_, after)) if after != before => out.push(Difference {
                op: Op::Changed,
                item: k.clone(),
                before: Some(before.clone()),
                after: Some(after.clone()),
            }),
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
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Line, Partnership, Track, TrackKind};

    fn plan() -> Plan {
        let action = |code: &str, text: &str| Action {
            code: code.into(),
            text: text.into(),
            kind: ActionKind::classify(text),
            strength: crate::Strength::Firm,
            organisations: vec![],
            sdgs: vec![],
            recurrence: None,
            mechanisms: vec![],
            span: Span::default(),
        };
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
            lines: vec![Line {
                number: 1,
                title: "Green".into(),
                ambition: vec![],
                sdgs: vec![],
                tracks: vec![Track {
                    code: "1.1".into(),
                    kind: TrackKind::Other,
                    heading: String::new(),
                    actions: vec![
                        action("1.1.1", "Annual meetings"),
                        action("1.1.2", "Cooperation on water"),
                    ],
                    span: Span::default(),
                }],
                span: Span::default(),
            }],
            organisations: vec![],
            mechanisms: vec![],
            agreements: vec![],
            targets: vec![],
            source: None,
        }
    }

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
        let next = apply(&base, &set).unwrap();
        assert!(next.action("1.1.2").unwrap().strength.is_hedged());
        assert_eq!(next.action("1.1.3").unwrap().kind, ActionKind::JointEvent);
        let lines: Vec<String> = diff(&base, &next).iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "- action 1.1.1: Annual meetings",
                "~ action 1.1.2: Cooperation on water → Possible cooperation on water",
                "+ action 1.1.3: Joint workshop on hydrogen",
            ]
        );
        assert_ne!(
            crate::canonical::content_hash(&base),
            crate::canonical::content_hash(&next)
        );
    }

    #[test]
    fn changes_that_do_not_fit_are_refused_with_their_position() {
        let set = ChangeSet {
            reason: String::new(),
            changes: vec![
                Change::SetTitle {
                    title: "New".into(),
                },
                Change::RemoveAction {
                    code: "9.9.9".into(),
                },
            ],
        };
        assert_eq!(
            apply(&plan(), &set),
            Err(RevisionError::NoAction {
                index: 2,
                code: "9.9.9".into()
            })
        );
        assert_eq!(
            apply(&plan(), &ChangeSet::default()),
            Err(RevisionError::Empty)
        );
    }

    #[test]
    fn identical_versions_have_no_diff() {
        assert!(diff(&plan(), &plan()).is_empty());
    }
}
