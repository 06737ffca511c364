//! From a document's blocks to a plan: the outline decides what is a line, a
//! track, an action or an agreement; the core's extraction rules read each
//! sentence; this module puts the pieces together with their spans.

mod action_read;
mod appendix;
mod front_matter;
mod guesses;
mod lines;
mod numbering;
mod outline;
mod prose;
mod spans;
mod titles;

use jointplan_core::canonical::FORMAT_VERSION;
use jointplan_core::extract::organisations::Register;
use jointplan_core::extract::targets;
use jointplan_core::lint::Diagnostic;
use jointplan_core::span::MappedText;
use jointplan_core::{LineIndex, Plan, Target};

use crate::ImportError;
use crate::document::{Block, Document};

use spans::SpanMap;

/// Builds a plan from a document, with what had to be guessed about its
/// structure (as lint findings); `name` is used in errors.
pub(crate) fn build(name: &str, doc: &Document) -> Result<(Plan, Vec<Diagnostic>), ImportError> {
    let outline = outline::outline(&doc.blocks);
    if outline.lines.is_empty() {
        return Err(ImportError::NoSentences {
            name: name.to_owned(),
        });
    }
    let index = LineIndex::new(&doc.source);
    let mut register = learn_organisations(&outline, &index);
    let (mut plan, texts) = all_but_organisations(&outline, &index);
    lines::attach_organisations(&mut plan.lines, &texts, &index, &mut register);
    plan.organisations = register.into_organisations();
    let guesses = guesses::findings(&outline, &plan, &index);
    Ok((plan, guesses))
}

/// The plan without its organisations (which need the register), and the
/// actions' texts in plan order, to find their organisations in later.
fn all_but_organisations(
    outline: &outline::Outline<'_>,
    index: &LineIndex<'_>,
) -> (Plan, Vec<MappedText>) {
    let front = front_matter::read(outline, index);
    let reads = action_read::read_all(outline, index);
    let targets = targets_in(outline, index);
    let entries = appendix::entries(outline, index);
    let (lines, mechanisms, texts) = lines::build(outline, &front.title, index, reads);
    let agreements = appendix::agreements(entries, &lines, &front.party_codes());
    let plan = Plan {
        format: FORMAT_VERSION,
        slug: front.slug(),
        title: front.title,
        partnership: front.partnership,
        period: front.period,
        signed: front.signed,
        signatories: front.signatories,
        preamble: front.preamble,
        cross_cutting: front.cross_cutting,
        lines,
        organisations: Vec::new(),
        mechanisms,
        agreements,
        targets,
        source: None,
    };
    (plan, texts)
}

/// The plan's register of organisations: every definition learnt first, so
/// a mention before the definition (or in another line) still resolves;
/// then the bodies the prose names without defining. Actions get their
/// mentions afterwards, in plan order (`lines::attach_organisations`).
fn learn_organisations(outline: &outline::Outline<'_>, index: &LineIndex<'_>) -> Register {
    let mut register = Register::new();
    let prose = prose_blocks(outline);
    for block in content_blocks(outline, &prose) {
        let map = SpanMap::new(index, &block.text);
        register.learn(block.as_str(), &map.as_fn());
    }
    for block in prose {
        let map = SpanMap::new(index, &block.text);
        register.note_mentions(block.as_str(), &map.as_fn());
    }
    register
}

/// National and joint targets, stated in the preamble and the lines' ambitions.
fn targets_in(outline: &outline::Outline<'_>, index: &LineIndex<'_>) -> Vec<Target> {
    let blocks = outline
        .preamble
        .iter()
        .chain(outline.lines.iter().flat_map(|l| l.ambition.iter()));
    let mut out = Vec::new();
    for block in blocks {
        let map = SpanMap::new(index, &block.text);
        for t in targets::find(block.as_str()) {
            out.push(Target {
                party: t.party,
                measure: t.measure,
                value: t.value,
                unit: t.unit,
                direction: t.direction,
                year: t.year,
                baseline: None,
                text: block.as_str()[t.range.clone()].to_owned(),
                span: map.span(t.range),
            });
        }
    }
    out
}

/// Every block whose prose may define or mention organisations: the
/// `prose` blocks (from [`prose_blocks`]), the actions and their sub-items.
fn content_blocks<'d>(outline: &'d outline::Outline<'d>, prose: &[&'d Block]) -> Vec<&'d Block> {
    let mut out = prose.to_vec();
    for track in outline.lines.iter().flat_map(|l| l.tracks.iter()) {
        for action in &track.actions {
            out.push(&*action.main);
            out.extend(action.sub.iter().copied());
            out.extend(action.context);
        }
    }
    // Document order, so acronyms are listed in order of first appearance;
    // a lead-in stands before each of its items, and is learnt once.
    out.sort_by_key(|b| b.range.start);
    out.dedup_by_key(|b| b.range.start);
    out
}

/// The blocks other than actions: preamble, ambitions, appendix, governance.
fn prose_blocks<'d>(outline: &'d outline::Outline<'d>) -> Vec<&'d Block> {
    let mut out: Vec<&Block> = Vec::new();
    out.extend(outline.preamble.iter().copied());
    for line in &outline.lines {
        out.extend(line.ambition.iter().copied());
    }
    for block in outline.appendix.iter().chain(outline.governance.iter()) {
        collect_leaves(block, &mut out);
    }
    out
}

/// The text blocks inside a block (a table's cells, or the block itself).
fn collect_leaves<'d>(block: &'d Block, out: &mut Vec<&'d Block>) {
    match &block.kind {
        crate::BlockKind::Table { rows } => {
            for cell in rows.iter().flatten() {
                for b in cell {
                    collect_leaves(b, out);
                }
            }
        }
        _ => out.push(block),
    }
}
