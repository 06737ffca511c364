//! What each action says on its own: its text, kind, strength, SDGs,
//! recurrence and the mechanisms it names. None of it depends on the rest
//! of the plan, so every action can be read before (or while) the plan's
//! organisations are learnt; `lines` then adds what does depend on the
//! plan: organisation mentions and mechanism identities.

use jointplan_core::action_words;
use jointplan_core::extract::mechanisms;
use jointplan_core::recurrence::Recurrence;
use jointplan_core::{ActionKind, LineIndex, MappedText, SdgMention, Span, Strength, strength};

use super::lines::sdg_list;
use super::outline::{ActionBlocks, Outline};
use super::spans::SpanMap;

/// One action, read.
pub struct ActionRead {
    /// The item, then its sub-items after "; ".
    pub text: MappedText,
    /// What kind of commitment it is.
    pub kind: ActionKind,
    /// Firm or hedged.
    pub strength: Strength,
    /// SDGs it names.
    pub sdgs: Vec<SdgMention>,
    /// Its first recurrence word.
    pub recurrence: Option<Recurrence>,
    /// The mechanisms it names, in order.
    pub mechanisms: Vec<NamedMechanism>,
    /// The span of the whole action.
    pub span: Span,
    /// The text the action's organisations are found in: its lead-in, if
    /// it stands under one, then its own text.
    pub reading: MappedText,
}

/// A mechanism as one action names it, before it is merged with the same
/// mechanism named elsewhere (by `key`).
pub struct NamedMechanism {
    /// Identifies the same mechanism named twice.
    pub key: String,
    /// The name phrase.
    pub name: String,
    /// How often it meets.
    pub recurrence: Recurrence,
    /// Where the name stands.
    pub span: Span,
}

/// Every action of the outline, read, in document order (line by line,
/// track by track).
pub fn read_all(outline: &Outline<'_>, index: &LineIndex<'_>) -> Vec<ActionRead> {
    outline
        .lines
        .iter()
        .flat_map(|l| l.tracks.iter())
        .flat_map(|t| t.actions.iter())
        .map(|ab| read(ab, index))
        .collect()
}

/// The action's text: the item, then its sub-items after "; " (or after a
/// space, where the text before already ends in ':', ';' or '.').
fn action_text(ab: &ActionBlocks<'_>) -> MappedText {
    let mut text = ab.main.text.clone();
    for sub in &ab.sub {
        let joint = if text.as_str().ends_with([':', ';', '.']) {
            " "
        } else {
            "; "
        };
        text.push_synthetic(joint, sub.range.start);
        text.append(&sub.text);
    }
    text
}

/// The lead-in the action stands under, then the action's text: what a
/// reader takes in, so what the organisations, SDGs and strength come from.
fn with_context(ab: &ActionBlocks<'_>, text: &MappedText) -> MappedText {
    let Some(context) = ab.context else {
        return text.clone();
    };
    let mut reading = context.text.clone();
    reading.push_synthetic(" ", context.range.end);
    reading.append(text);
    reading
}

fn read(ab: &ActionBlocks<'_>, index: &LineIndex<'_>) -> ActionRead {
    let text = action_text(ab);
    let reading = with_context(ab, &text);
    let map = SpanMap::new(index, &text);
    let s = text.as_str();
    // One scan finds the hedges and the recurrence words; the words serve
    // both the action's recurrence (the first word) and its mechanisms.
    let found = action_words::scan(s);
    let words = &found.recurrences;
    let recurrence = words
        .first()
        .cloned()
        .map(|(r, frequency, alternative)| Recurrence {
            phrase: s[r.clone()].to_owned(),
            frequency,
            alternative,
            span: map.span(r),
        });
    let mechanisms = mechanisms::find_among(s, words)
        .into_iter()
        .map(|found| NamedMechanism {
            recurrence: Recurrence {
                phrase: s[found.recurrence_range.clone()].to_owned(),
                frequency: found.frequency,
                alternative: found.alternative,
                span: map.span(found.recurrence_range),
            },
            span: map.span(found.range),
            key: found.key,
            name: found.name,
        })
        .collect();
    let kind = ActionKind::classify(s);
    let reading_map = SpanMap::new(index, &reading);
    let r = reading.as_str();
    let strength = strength::from_hedges(r, strength::find_hedges(r), &reading_map.as_fn());
    let sdgs = sdg_list(r, &reading_map);
    let span = map.whole();
    ActionRead {
        text,
        kind,
        strength,
        sdgs,
        recurrence,
        mechanisms,
        span,
        reading,
    }
}
