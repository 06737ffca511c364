//! The changes that give actions new codes: moving, merging and splitting.
//! Each new action keeps the codes it came from as its origins, and the
//! mechanisms that named the old codes name the new ones.

use super::RevisionError;
use super::apply::{drafted, item_number, no_action, no_track, text};
use crate::{Action, Plan, Recurrence, Span, recurrence};

/// The next code of track `track` (`1.2.7`), or `None` when there is no
/// such track. It is past every code the track's actions hold and every
/// code of the track any action keeps as an origin, so a code moved,
/// merged or split away is not given again.
pub(super) fn next_code(plan: &Plan, track: &str) -> Option<String> {
    let t = plan.tracks().find(|t| t.code == track)?;
    let prefix = format!("{track}.");
    let in_track = |c: &&String| {
        c.strip_prefix(&prefix)
            .is_some_and(|rest| !rest.contains('.'))
    };
    let held = t.actions.iter().filter_map(|a| item_number(&a.code));
    let earlier = plan
        .actions()
        .flat_map(|a| &a.origins)
        .filter(in_track)
        .filter_map(|c| item_number(c));
    let next = held.chain(earlier).max().unwrap_or(0) + 1;
    Some(format!("{prefix}{next}"))
}

/// Where action `code` stands: indices of its line, track and place.
fn locate(plan: &Plan, code: &str) -> Option<(usize, usize, usize)> {
    plan.lines.iter().enumerate().find_map(|(l, line)| {
        line.tracks.iter().enumerate().find_map(|(t, track)| {
            let a = track.actions.iter().position(|a| a.code == code)?;
            Some((l, t, a))
        })
    })
}

/// Moves action `code` to the end of track `track`, under the track's next code.
pub(super) fn move_action(
    plan: &mut Plan,
    code: &str,
    track: &str,
    index: usize,
) -> Result<(), RevisionError> {
    let (l, t, a) = locate(plan, code).ok_or_else(|| no_action(code, index))?;
    if plan.lines[l].tracks[t].code == track {
        return Err(RevisionError::SameTrack {
            index,
            code: code.to_string(),
            track: track.to_string(),
        });
    }
    let new_code = next_code(plan, track).ok_or_else(|| no_track(track, index))?;
    let mut moved = plan.lines[l].tracks[t].actions.remove(a);
    moved.origins.push(moved.code.clone());
    moved.code = new_code.clone();
    super::apply::track_mut(plan, track, index)?
        .actions
        .push(moved);
    relink(plan, &[code.to_string()], &[new_code]);
    Ok(())
}

/// Merges actions `codes` into one action worded `words`, standing where
/// the first of them stood, with what each named (organisations, SDGs,
/// mechanisms) once.
pub(super) fn merge(
    plan: &mut Plan,
    codes: &[String],
    words: &str,
    index: usize,
) -> Result<(), RevisionError> {
    if codes.len() < 2 {
        return Err(RevisionError::MergeTooFew {
            index,
            count: codes.len(),
        });
    }
    if let Some(code) = codes
        .iter()
        .enumerate()
        .find_map(|(i, c)| codes[..i].contains(c).then_some(c))
    {
        return Err(RevisionError::MergeRepeats {
            index,
            code: code.clone(),
        });
    }
    let new_text = text(words, index)?;
    let mut sources = Vec::with_capacity(codes.len());
    for code in codes {
        sources.push(
            plan.action(code)
                .ok_or_else(|| no_action(code, index))?
                .clone(),
        );
    }
    let (l, t, a) = locate(plan, &codes[0]).ok_or_else(|| no_action(&codes[0], index))?;
    let track = &plan.lines[l].tracks[t];
    let code = next_code(plan, &track.code).ok_or_else(|| no_track(&track.code, index))?;
    let mut merged = successor(code.clone(), new_text);
    for s in &sources {
        for o in s.origins.iter().chain([&s.code]) {
            push_new(&mut merged.origins, o);
        }
        for org in &s.organisations {
            if !merged.organisations.iter().any(|m| m.id == org.id) {
                merged.organisations.push(org.clone());
            }
        }
        for m in &s.sdgs {
            if !merged
                .sdgs
                .iter()
                .any(|d| d.goal == m.goal && d.target == m.target)
            {
                merged.sdgs.push(m.clone());
            }
        }
        for m in &s.mechanisms {
            push_new(&mut merged.mechanisms, m);
        }
    }
    plan.lines[l].tracks[t].actions.insert(a, merged);
    for track in plan.lines.iter_mut().flat_map(|l| l.tracks.iter_mut()) {
        track.actions.retain(|a| !codes.contains(&a.code));
    }
    relink(plan, codes, &[code]);
    Ok(())
}

/// Splits action `code` into actions worded `texts`, standing where it
/// stood, each naming what it named.
pub(super) fn split(
    plan: &mut Plan,
    code: &str,
    texts: &[String],
    index: usize,
) -> Result<(), RevisionError> {
    if texts.len() < 2 {
        return Err(RevisionError::SplitTooFew {
            index,
            count: texts.len(),
        });
    }
    let texts = texts
        .iter()
        .map(|t| text(t, index))
        .collect::<Result<Vec<_>, _>>()?;
    let (l, t, a) = locate(plan, code).ok_or_else(|| no_action(code, index))?;
    let original = plan.lines[l].tracks[t].actions[a].clone();
    let mut codes = Vec::with_capacity(texts.len());
    for (k, piece_text) in texts.into_iter().enumerate() {
        // The original is still in place, so its code is not given again.
        let track = &plan.lines[l].tracks[t].code;
        let piece_code = next_code(plan, track).ok_or_else(|| no_track(track, index))?;
        let mut piece = successor(piece_code.clone(), piece_text);
        piece.origins = original.origins.clone();
        piece.origins.push(original.code.clone());
        piece.organisations = original.organisations.clone();
        piece.sdgs = original.sdgs.clone();
        piece.mechanisms = original.mechanisms.clone();
        plan.lines[l].tracks[t].actions.insert(a + 1 + k, piece);
        codes.push(piece_code);
    }
    plan.lines[l].tracks[t].actions.remove(a);
    relink(plan, &[code.to_string()], &codes);
    Ok(())
}

/// A new action with new words: its kind, strength and recurrence follow
/// them; what it inherits is the caller's to give.
fn successor(code: String, text: String) -> Action {
    let mut a = drafted(code, text);
    a.recurrence = recurrence::find(&a.text).map(|(range, frequency, alternative)| Recurrence {
        phrase: a.text[range].to_string(),
        frequency,
        alternative,
        span: Span::default(),
    });
    a
}

fn push_new(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}

/// Mechanisms naming any of the `old` codes name the `new` ones instead,
/// where the first old one stood.
fn relink(plan: &mut Plan, old: &[String], new: &[String]) {
    for m in &mut plan.mechanisms {
        let Some(at) = m.actions.iter().position(|c| old.contains(c)) else {
            continue;
        };
        let (before, after) = m.actions.split_at(at);
        let mut actions = Vec::with_capacity(m.actions.len() + new.len());
        for c in before
            .iter()
            .chain(new)
            .chain(after.iter().filter(|c| !old.contains(c)))
        {
            push_new(&mut actions, c);
        }
        m.actions = actions;
    }
}
