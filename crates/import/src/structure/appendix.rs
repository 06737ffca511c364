//! Agreements from the appendix: a table of [line, agreements] rows, or
//! list items under an appendix heading.

use jointplan_core::extract::agreements::{AgreementKey, ParsedAgreement, parse};
use jointplan_core::extract::normalise;
use jointplan_core::{Agreement, AgreementKind, Line, LineIndex, Span};

use super::outline::Outline;
use super::spans::SpanMap;
use crate::document::{Block, BlockKind};

/// One entry of the appendix, parsed: the agreement, the label of the
/// table row it stands in (naming a line of effort), and where it stands.
pub struct Entry {
    parsed: ParsedAgreement,
    row_label: Option<usize>,
    span: Span,
}

/// The appendix as read before the plan's lines are known: its entries,
/// in order, and the labels of the table rows they stand in.
pub struct Entries {
    entries: Vec<Entry>,
    /// Indexed by [`Entry::row_label`].
    labels: Vec<String>,
}

/// The appendix's entries; they do not depend on the plan's lines, so they
/// can be read early.
pub fn entries(outline: &Outline<'_>, index: &LineIndex<'_>) -> Entries {
    let mut entries: Vec<Entry> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    for block in &outline.appendix {
        match &block.kind {
            BlockKind::Table { rows } => {
                for (ri, row) in rows.iter().enumerate() {
                    let label_cell = row.first().map(|c| cell_text(c)).unwrap_or_default();
                    if ri == 0 && label_cell.trim().is_empty() && row.len() > 1 {
                        continue;
                    }
                    let (label, cells) = if row.len() > 1 {
                        labels.push(label_cell);
                        (Some(labels.len() - 1), &row[1..])
                    } else {
                        (None, &row[..])
                    };
                    for b in cells.iter().flatten() {
                        push_entry(b, label, index, &mut entries);
                    }
                }
            }
            _ => push_entry(block, None, index, &mut entries),
        }
    }
    Entries { entries, labels }
}

/// Every agreement of the appendix, listed twice or not, counted once,
/// with the lines whose row lists it.
pub fn agreements(
    Entries { entries, labels }: Entries,
    lines: &[Line],
    parties: &[String],
) -> Vec<Agreement> {
    let line_words: Vec<Vec<String>> = lines.iter().map(|l| title_words(&l.title)).collect();
    let label_lines: Vec<Option<u32>> = labels
        .iter()
        .map(|l| match_line(l, lines, &line_words))
        .collect();
    let entries: Vec<(ParsedAgreement, Option<u32>, Span)> = entries
        .into_iter()
        .map(|e| (e.parsed, e.row_label.and_then(|l| label_lines[l]), e.span))
        .collect();
    let keys: Vec<AgreementKey<'_>> = entries
        .iter()
        .map(|(p, _, _)| AgreementKey::new(p))
        .collect();
    // Each agreement kept, by the entry that first listed it.
    let mut out: Vec<(usize, Agreement)> = Vec::new();
    for (i, (parsed, line, span)) in entries.iter().enumerate() {
        let (line, span) = (*line, *span);
        if let Some((_, a)) = out.iter_mut().find(|(k, _)| keys[*k].same(&keys[i])) {
            if let Some(l) = line.filter(|l| !a.lines.contains(l)) {
                a.lines.push(l);
            }
            a.spans.push(span);
            continue;
        }
        let agreement = Agreement {
            title: parsed.title.clone(),
            kind: parsed.kind,
            parties: if parsed.parties.is_empty() {
                parties.to_vec()
            } else {
                parsed.parties.clone()
            },
            years: parsed.years.clone(),
            status: parsed.status,
            lines: line.into_iter().collect(),
            spans: vec![span],
        };
        out.push((i, agreement));
    }
    out.into_iter().map(|(_, a)| a).collect()
}

fn push_entry(
    block: &Block,
    row_label: Option<usize>,
    index: &LineIndex<'_>,
    entries: &mut Vec<Entry>,
) {
    let text = block.as_str();
    let parsed = parse(text);
    // A list item is an entry if it names a year or an instrument; a
    // paragraph only if it does both (headers and notes are neither).
    let instrument = parsed.kind != AgreementKind::Other;
    let ok = match block.kind {
        BlockKind::ListItem { .. } => instrument || !parsed.years.is_empty(),
        BlockKind::Paragraph => instrument && !parsed.years.is_empty(),
        _ => false,
    };
    if ok && !parsed.title.is_empty() {
        let map = SpanMap::new(index, &block.text);
        entries.push(Entry {
            parsed,
            row_label,
            span: map.whole(),
        });
    }
}

fn cell_text(cell: &[Block]) -> String {
    cell.iter().map(Block::as_str).collect::<Vec<_>>().join(" ")
}

/// The words of a title that matching a row label with a line counts.
fn title_words(s: &str) -> Vec<String> {
    normalise(s)
        .split(' ')
        .filter(|w| w.len() > 2 && *w != "and")
        .map(str::to_owned)
        .collect()
}

/// The line whose title shares most words with a row label ("Science &
/// Innovation" → "Science, Technology & Innovation"); `line_words` holds
/// the [`title_words`] of each line's title.
fn match_line(label: &str, lines: &[Line], line_words: &[Vec<String>]) -> Option<u32> {
    let lw = title_words(label);
    if lw.is_empty() {
        return None;
    }
    lines
        .iter()
        .zip(line_words)
        .map(|(l, tw)| {
            let common = lw.iter().filter(|w| tw.contains(w)).count();
            (
                common as f64 / lw.len().max(tw.len()).max(1) as f64,
                l.number,
            )
        })
        .filter(|(score, _)| *score > 0.0)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n)
}
