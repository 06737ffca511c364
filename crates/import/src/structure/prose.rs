//! Sections, or whole documents, with no list: their actions are read
//! from prose, the sentences that state a commitment, and each such guess
//! is recorded so the linter can name it (JP090).

use std::borrow::Cow;

use jointplan_core::extract::commitments;

use super::outline::{ActionBlocks, Guess, LineBlocks, Outline, TrackBlocks};
use crate::document::{Block, BlockKind};

/// The sentences of `block` that state a commitment, as actions, each with
/// the word that makes it one.
fn commitment_sentences(block: &Block) -> Vec<ActionBlocks<'_>> {
    commitments::sentences(block.as_str())
        .into_iter()
        .filter_map(|r| {
            let word = commitments::commitment_word(&block.as_str()[r.clone()])?;
            let found_by = Some(word.to_owned());
            let text = block.text.slice(r);
            let range = text.source_range(0..text.as_str().len());
            let sentence = Block {
                kind: BlockKind::Paragraph,
                text,
                range,
            };
            Some(ActionBlocks {
                main: Cow::Owned(sentence),
                sub: Vec::new(),
                context: None,
                found_by,
            })
        })
        .collect()
}

/// A line without items: its actions are the sentences of its prose that
/// state commitments, section by section (the ambition when it has no sections).
pub(super) fn actions_from_prose<'d>(line: &mut LineBlocks<'d>, guesses: &mut Vec<Guess>) {
    if line.tracks.is_empty() {
        let (stated, ambition): (Vec<&Block>, Vec<&Block>) = line
            .ambition
            .iter()
            .partition(|b| !commitment_sentences(b).is_empty());
        if stated.is_empty() {
            return;
        }
        line.ambition = ambition;
        let mut track = TrackBlocks::new(None, "");
        track.prose = stated;
        line.tracks.push(track);
    }
    for track in &mut line.tracks {
        for block in &track.prose {
            track.actions.extend(commitment_sentences(block));
        }
    }
    if let Some(range) = line.heading.map(|h| h.range.clone()) {
        guesses.push(Guess {
            what: format!(
                "the section \"{}\" has no list: its actions are the sentences that state a commitment",
                line.title
            ),
            range,
        });
    }
}

/// A document whose outline found no action anywhere: one line for the
/// whole document, its actions the sentences that state commitments, or
/// failing those every paragraph and item after the title.
pub(super) fn whole_document<'d>(blocks: &'d [Block], out: &mut Outline<'d>) {
    let title = out.front.first().map(|b| b.range.clone());
    let body: Vec<&Block> = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem { .. }))
        .filter(|b| Some(&b.range) != title.as_ref())
        .filter(|b| {
            !out.signatures
                .iter()
                .any(|s| s.blocks().any(|x| x.range == b.range))
        })
        .collect();
    let mut actions: Vec<ActionBlocks<'d>> =
        body.iter().flat_map(|b| commitment_sentences(b)).collect();
    let what = if actions.is_empty() {
        // Nothing states a commitment in so many words: every paragraph
        // (or, for a bare title, the title itself) is offered as one.
        let with_words = |b: &&Block| b.as_str().chars().any(char::is_alphabetic);
        let mut chosen: Vec<&Block> = body.iter().copied().filter(with_words).collect();
        if chosen.is_empty() {
            chosen = blocks
                .iter()
                .filter(|b| !matches!(b.kind, BlockKind::Table { .. }))
                .filter(with_words)
                .collect();
        }
        actions = chosen
            .into_iter()
            .map(|b| ActionBlocks {
                main: Cow::Borrowed(b),
                sub: Vec::new(),
                context: None,
                found_by: Some("paragraph".to_owned()),
            })
            .collect();
        "no heading, list or commitment was found: the whole document is one line, each paragraph an action"
    } else {
        "no section with items was found: the whole document is one line, its actions the sentences that state a commitment"
    };
    if actions.is_empty() {
        return;
    }
    let start = actions.first().map_or(0, |a| a.main.range.start);
    out.guesses.push(Guess {
        what: what.to_owned(),
        range: start..start,
    });
    let mut track = TrackBlocks::new(None, "");
    track.actions = actions;
    let mut line = LineBlocks::new(None, Some(1), "");
    line.tracks.push(track);
    out.lines = vec![line];
}
