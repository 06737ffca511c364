//! Applying a change set: the edits that keep every code in place.

use super::restructure;
use super::{Change, ChangeSet, RevisionError};
use crate::{Action, ActionKind, Line, Plan, SdgMention, Span, Track, TrackKind, sdg, strength};

/// Applies a change set to a version, giving the next version's plan.
pub fn apply(base: &Plan, set: &ChangeSet) -> Result<Plan, RevisionError> {
    if set.changes.is_empty() {
        return Err(RevisionError::Empty);
    }
    let mut plan = base.clone();
    for (i, change) in set.changes.iter().enumerate() {
        apply_one(&mut plan, change, i + 1)?;
    }
    Ok(plan)
}

/// Applies change number `index` (1-based, for errors).
fn apply_one(plan: &mut Plan, change: &Change, index: usize) -> Result<(), RevisionError> {
    match change {
        Change::SetTitle { title } => plan.title = text(title, index)?,
        Change::SetLineTitle { line, title } => {
            let title = text(title, index)?;
            line_mut(plan, *line, index)?.title = title;
        }
        Change::SetActionText { code, text: new } => {
            let new = text(new, index)?;
            let a = action_mut(plan, code, index)?;
            a.kind = ActionKind::classify(&new);
            // The revised text has no place in the source document.
            a.strength = strength::assess(&new, &|_| Span::default());
            a.text = new;
        }
        Change::AddAction { track, text: new } => {
            let new = text(new, index)?;
            let code = restructure::next_code(plan, track).ok_or_else(|| no_track(track, index))?;
            track_mut(plan, track, index)?
                .actions
                .push(drafted(code, new));
        }
        Change::RemoveAction { code } => remove_action(plan, code, index)?,
        Change::AddLine { title } => {
            let title = text(title, index)?;
            let number = plan.lines.iter().map(|l| l.number).max().unwrap_or(0) + 1;
            plan.lines.push(Line {
                number,
                title,
                ambition: vec![],
                sdgs: vec![],
                tracks: vec![],
                span: Span::default(),
            });
        }
        Change::AddTrack { line, title } => {
            let heading = text(title, index)?;
            let l = line_mut(plan, *line, index)?;
            let next = l
                .tracks
                .iter()
                .filter_map(|t| item_number(&t.code))
                .max()
                .unwrap_or(0)
                + 1;
            l.tracks.push(Track {
                code: format!("{}.{next}", l.number),
                kind: TrackKind::from_heading(&heading),
                heading,
                actions: vec![],
                span: Span::default(),
            });
        }
        Change::SetTrackTitle { track, title } => {
            let heading = text(title, index)?;
            let t = track_mut(plan, track, index)?;
            t.kind = TrackKind::from_heading(&heading);
            t.heading = heading;
        }
        Change::MoveAction { code, track } => restructure::move_action(plan, code, track, index)?,
        Change::MergeActions { codes, text } => restructure::merge(plan, codes, text, index)?,
        Change::SplitAction { code, texts } => restructure::split(plan, code, texts, index)?,
        Change::SetActionSdgs { code, sdgs } => {
            let declared = declared_sdgs(sdgs, index)?;
            action_mut(plan, code, index)?.sdgs = declared;
        }
    }
    Ok(())
}

/// The text trimmed, or an error when nothing is left.
pub(super) fn text(text: &str, index: usize) -> Result<String, RevisionError> {
    match text.trim() {
        "" => Err(RevisionError::EmptyText { index }),
        t => Ok(t.to_string()),
    }
}

/// The last number of a dotted code (`3` of `1.2.3`).
pub(super) fn item_number(code: &str) -> Option<u32> {
    code.rsplit('.').next()?.parse().ok()
}

/// A new action with only what its words say: its kind and strength.
pub(super) fn drafted(code: String, text: String) -> Action {
    Action {
        code,
        kind: ActionKind::classify(&text),
        strength: strength::assess(&text, &|_| Span::default()),
        text,
        organisations: vec![],
        sdgs: vec![],
        recurrence: None,
        mechanisms: vec![],
        origins: vec![],
        span: Span::default(),
    }
}

fn line_mut(plan: &mut Plan, line: u32, index: usize) -> Result<&mut Line, RevisionError> {
    plan.lines
        .iter_mut()
        .find(|l| l.number == line)
        .ok_or(RevisionError::NoLine { index, line })
}

pub(super) fn track_mut<'p>(
    plan: &'p mut Plan,
    track: &str,
    index: usize,
) -> Result<&'p mut Track, RevisionError> {
    plan.lines
        .iter_mut()
        .flat_map(|l| l.tracks.iter_mut())
        .find(|t| t.code == track)
        .ok_or_else(|| no_track(track, index))
}

pub(super) fn no_track(track: &str, index: usize) -> RevisionError {
    RevisionError::NoTrack {
        index,
        track: track.to_string(),
    }
}

pub(super) fn no_action(code: &str, index: usize) -> RevisionError {
    RevisionError::NoAction {
        index,
        code: code.to_string(),
    }
}

fn action_mut<'p>(
    plan: &'p mut Plan,
    code: &str,
    index: usize,
) -> Result<&'p mut Action, RevisionError> {
    plan.lines
        .iter_mut()
        .flat_map(|l| l.tracks.iter_mut())
        .flat_map(|t| t.actions.iter_mut())
        .find(|a| a.code == code)
        .ok_or_else(|| no_action(code, index))
}

/// Removes an action and its place in the mechanisms that name it.
fn remove_action(plan: &mut Plan, code: &str, index: usize) -> Result<(), RevisionError> {
    let mut found = false;
    for t in plan.lines.iter_mut().flat_map(|l| l.tracks.iter_mut()) {
        let before = t.actions.len();
        t.actions.retain(|a| a.code != code);
        found |= t.actions.len() != before;
    }
    if !found {
        return Err(no_action(code, index));
    }
    for m in &mut plan.mechanisms {
        m.actions.retain(|c| c != code);
    }
    Ok(())
}

/// Goal numbers and target ids as declared mentions, in the order given,
/// each once. A revision's SDGs stand nowhere in the source document.
fn declared_sdgs(ids: &[String], index: usize) -> Result<Vec<SdgMention>, RevisionError> {
    let mut out: Vec<SdgMention> = Vec::new();
    for id in ids {
        let (goal, target) = match id.trim().parse::<u32>() {
            Ok(n) if sdg::goal(n).is_some() => (n, None),
            _ => match sdg::target(id) {
                Some(t) => (t.goal, Some(t.id.clone())),
                None => {
                    return Err(RevisionError::UnknownSdg {
                        index,
                        sdg: id.clone(),
                    });
                }
            },
        };
        if !out.iter().any(|m| m.goal == goal && m.target == target) {
            out.push(SdgMention {
                goal,
                target,
                title_as_written: None,
                span: Span::default(),
            });
        }
    }
    Ok(out)
}
