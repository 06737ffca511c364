//! What the outline guessed about a document's structure, as lint findings
//! (rule JP090) that name the guess and where it was made.

use jointplan_core::lint::Diagnostic;
use jointplan_core::{LineIndex, Plan, Span};

use super::outline::Outline;
use super::spans::SpanMap;

/// The rule of these findings.
const RULE: &str = "JP090";

/// One finding per guess of the outline, then one per action inferred from
/// a sentence, naming the word that made it a commitment.
pub fn findings(outline: &Outline<'_>, plan: &Plan, index: &LineIndex<'_>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = outline
        .guesses
        .iter()
        .map(|g| {
            Diagnostic::new(RULE, span_of(index, g.range.clone()), capitalised(&g.what)).help(
                "check the lines and actions the import made here, and correct them in the plan",
            )
        })
        .collect();
    let blocks = outline
        .lines
        .iter()
        .flat_map(|l| l.tracks.iter())
        .flat_map(|t| t.actions.iter());
    for (ab, action) in blocks.zip(plan.actions()) {
        let Some(word) = &ab.found_by else { continue };
        let map = SpanMap::new(index, &ab.main.text);
        let message = if word == "paragraph" {
            format!(
                "action {} is a whole paragraph, guessed for want of any list or commitment",
                action.code
            )
        } else {
            format!(
                "action {} was inferred from a sentence, by the word \"{word}\"",
                action.code
            )
        };
        out.push(
            Diagnostic::new(RULE, map.whole(), message)
                .for_action(Some(&action.code))
                .help("confirm it is a commitment of the plan, or remove it"),
        );
    }
    out
}

fn span_of(index: &LineIndex<'_>, range: std::ops::Range<usize>) -> Span {
    index.span(range.start, range.end)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
