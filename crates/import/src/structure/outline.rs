//! The outline of a plan document: which blocks are the title page, the
//! preamble, each line of effort with its tracks and actions, and the appendix.
//!
//! Documents mark their structure three ways, and the outline accepts each:
//! numbered headings ("1. ENERGY", "1.1", "I.", "A."), markup levels
//! (Markdown `#`, HTML `h2`, DOCX "Heading 2"), or neither (plain headings
//! before lists, read as the tracks of a single line).

use std::borrow::Cow;

use jointplan_core::AgreementKind;
use jointplan_core::extract::commitments;

use crate::document::{Block, BlockKind};

use super::numbering::{self, Numbering};
use super::prose;

/// What a heading's title says the section is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// A table of contents: its items are not actions.
    Contents,
    /// Preamble, introduction, background.
    Preamble,
    /// Appendix, annex, basis of agreement: agreements live here.
    Appendix,
    /// Implementation, monitoring, follow-up: not a line of effort.
    Governance,
    /// Anything else: possibly a line of effort or a track.
    Content,
}

/// Classifies a heading title (without its number).
pub fn section_kind(title: &str) -> SectionKind {
    let t = title
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let starts = |words: &[&str]| {
        words.iter().any(|w| {
            t.strip_prefix(w)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
        })
    };
    if starts(&["content", "contents", "table of contents", "index"]) {
        SectionKind::Contents
    } else if starts(&[
        "preamble",
        "introduction",
        "background",
        "foreword",
        "purpose",
        "overview",
        "summary",
        "executive summary",
        "context",
        "preface",
    ]) {
        SectionKind::Preamble
    } else if starts(&[
        "appendix",
        "appendices",
        "annex",
        "annexes",
        "attachment",
        "attachments",
        "basis of agreement",
        "basis of agreements",
        "list of agreements",
        "agreements",
        "references",
        "glossary",
        "abbreviations",
        "acronyms",
        "signatures",
        "signature",
    ]) {
        SectionKind::Appendix
    } else if starts(&[
        "implementation",
        "monitoring",
        "follow-up",
        "follow up",
        "evaluation",
        "review",
        "final provisions",
        "governance",
        "reporting",
    ]) {
        SectionKind::Governance
    } else {
        SectionKind::Content
    }
}

/// One action's blocks: the item and its sub-items.
#[derive(Debug)]
pub struct ActionBlocks<'d> {
    /// The item (or, for an action found in prose, its sentence).
    pub main: Cow<'d, Block>,
    /// Nested items, joined to the action's text.
    pub sub: Vec<&'d Block>,
    /// The lead-in sentence the item stands under ("The leaders will:").
    pub context: Option<&'d Block>,
    /// For an action inferred from prose, the word that made its sentence
    /// a commitment ("agreed to"); `None` for an item.
    pub found_by: Option<String>,
}

/// A track: its heading (none for items directly under a line) and actions.
#[derive(Debug)]
pub struct TrackBlocks<'d> {
    /// The heading block.
    pub heading: Option<&'d Block>,
    /// Heading text without its number.
    pub title: String,
    /// Actions in order.
    pub actions: Vec<ActionBlocks<'d>>,
    /// Paragraphs under the heading: where the actions of a section without
    /// items are written.
    pub prose: Vec<&'d Block>,
}

impl<'d> TrackBlocks<'d> {
    /// A track under `heading` (none: the line's one untitled track).
    pub(super) fn new(heading: Option<&'d Block>, title: &str) -> Self {
        TrackBlocks {
            heading,
            title: title.to_owned(),
            actions: Vec::new(),
            prose: Vec::new(),
        }
    }
}

/// A line of effort.
#[derive(Debug)]
pub struct LineBlocks<'d> {
    /// The heading (none for the implicit single line).
    pub heading: Option<&'d Block>,
    /// Number from the heading, if any.
    pub number: Option<u32>,
    /// Title without the number.
    pub title: String,
    /// Paragraphs before the first track.
    pub ambition: Vec<&'d Block>,
    /// Tracks in order.
    pub tracks: Vec<TrackBlocks<'d>>,
}

/// A signature block: "For the Government of …" and the short lines under
/// it (a name, an office), if any.
#[derive(Debug)]
pub struct Signature<'d> {
    /// "For the Government of …".
    pub head: &'d Block,
    /// Up to two short paragraphs after the head.
    pub lines: Vec<&'d Block>,
}

impl<'d> Signature<'d> {
    /// The head, then its lines.
    pub fn blocks(&self) -> impl Iterator<Item = &'d Block> + '_ {
        std::iter::once(self.head).chain(self.lines.iter().copied())
    }
}

impl<'d> LineBlocks<'d> {
    /// A line under `heading` (none: the whole document as one line).
    pub(super) fn new(heading: Option<&'d Block>, number: Option<u32>, title: &str) -> Self {
        LineBlocks {
            heading,
            number,
            title: title.to_owned(),
            ambition: Vec::new(),
            tracks: Vec::new(),
        }
    }
}

/// The whole outline.
#[derive(Debug, Default)]
pub struct Outline<'d> {
    /// Blocks before the first section: title, parties, date.
    pub front: Vec<&'d Block>,
    /// Preamble paragraphs.
    pub preamble: Vec<&'d Block>,
    /// Lines of effort.
    pub lines: Vec<LineBlocks<'d>>,
    /// Blocks of appendix sections, and tables outside lines.
    pub appendix: Vec<&'d Block>,
    /// Blocks of governance sections.
    pub governance: Vec<&'d Block>,
    /// Signature blocks ("For the Government of …") and the lines under them.
    pub signatures: Vec<Signature<'d>>,
    /// Headings in the document.
    pub headings: usize,
    /// List items in the document.
    pub list_items: usize,
    /// What the outline had to guess, where the document's structure is weak.
    pub guesses: Vec<Guess>,
}

/// A guess the outline made about a document's structure, for the
/// coordinator to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    /// What was guessed, in words.
    pub what: String,
    /// The source range it concerns.
    pub range: std::ops::Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Front,
    Contents,
    Preamble,
    Line,
    Appendix,
    Governance,
}

/// How headings rank in this document.
#[derive(Debug, Clone, Copy)]
enum Scheme {
    /// Depth-1 numbered headings are lines.
    Numbered,
    /// Headings at this markup level are lines.
    Level(u8),
    /// No line headings: one implicit line.
    Flat,
}

/// What the outline needs to know of a heading, computed once per block.
#[derive(Debug, Clone)]
struct HeadInfo<'d> {
    level: Option<u8>,
    num: Option<Numbering>,
    /// The heading without its number.
    title: &'d str,
    kind: SectionKind,
}

fn head_infos(blocks: &[Block]) -> Vec<Option<HeadInfo<'_>>> {
    blocks
        .iter()
        .map(|b| match b.kind {
            BlockKind::Heading { level } => {
                let (num, title) = numbering::split(b.as_str());
                // "Research and innovation:" is titled "Research and innovation".
                let title = title.strip_suffix(':').map_or(title, str::trim_end);
                Some(HeadInfo {
                    level,
                    num,
                    title,
                    kind: section_kind(title),
                })
            }
            _ => None,
        })
        .collect()
}

/// Rank of a heading: 0 above lines (a document title), 1 a line or a
/// top-level section, 2 a track, 3 an action written as a heading; 9 for
/// anything that is not a heading.
fn rank(scheme: Scheme, info: Option<&HeadInfo<'_>>) -> u8 {
    let Some(info) = info else { return 9 };
    let special = info.kind != SectionKind::Content;
    match scheme {
        Scheme::Numbered => match &info.num {
            _ if special => 1,
            Some(n) if n.depth() >= 3 => 3,
            Some(Numbering {
                parts,
                letter: false,
            }) if parts.len() == 1 => 1,
            _ => 2,
        },
        Scheme::Level(line_level) => match info.level {
            Some(l) if l < line_level => 0,
            _ if special => 1,
            Some(l) if l == line_level => 1,
            _ => 2,
        },
        Scheme::Flat => {
            if special {
                1
            } else {
                2
            }
        }
    }
}

/// Number of list items (or tables) after heading `i` before a heading of rank ≤ `stop_rank`.
fn items_under(
    blocks: &[Block],
    infos: &[Option<HeadInfo<'_>>],
    i: usize,
    scheme: Scheme,
    stop_rank: u8,
) -> usize {
    (i + 1..blocks.len())
        .take_while(|&k| rank(scheme, infos[k].as_ref()) > stop_rank)
        .filter(|&k| {
            let b = &blocks[k];
            b.is_list_item()
                || matches!(b.kind, BlockKind::Table { .. })
                || rank(scheme, infos[k].as_ref()) == 3
        })
        .count()
}

fn is_content_heading(info: &Option<HeadInfo<'_>>) -> bool {
    info.as_ref()
        .is_some_and(|h| h.kind == SectionKind::Content)
}

fn choose_scheme(blocks: &[Block], infos: &[Option<HeadInfo<'_>>]) -> Scheme {
    let numbered_lines = (0..blocks.len()).any(|i| {
        rank(Scheme::Numbered, infos[i].as_ref()) == 1
            && is_content_heading(&infos[i])
            && items_under(blocks, infos, i, Scheme::Numbered, 1) > 0
    });
    if numbered_lines {
        return Scheme::Numbered;
    }
    let mut levels: Vec<u8> = infos.iter().flatten().filter_map(|h| h.level).collect();
    levels.sort_unstable();
    levels.dedup();
    let with_items = |l: u8| {
        (0..blocks.len())
            .filter(|&i| {
                infos[i].as_ref().is_some_and(|h| h.level == Some(l))
                    && is_content_heading(&infos[i])
                    && items_under(blocks, infos, i, Scheme::Level(l), 1) > 0
            })
            .count()
    };
    levels
        .iter()
        .copied()
        .find(|&l| with_items(l) >= 2)
        .or_else(|| levels.iter().copied().find(|&l| with_items(l) >= 1))
        .map_or(Scheme::Flat, Scheme::Level)
}

fn is_signature(block: &Block) -> bool {
    let t = block.as_str().trim_start_matches(['*', '_']).trim_start();
    // Only the start is compared: lower-case enough characters for the
    // longest opening, not the whole block (which may be a long paragraph).
    let lower: String = t.chars().take(32).flat_map(char::to_lowercase).collect();
    (lower.starts_with("for the government")
        || lower.starts_with("for the kingdom")
        || lower.starts_with("for the republic")
        || lower.starts_with("for the ministry")
        || lower.starts_with("on behalf of the government"))
        && t.split_whitespace().count() <= 20
}

/// The markup level given to a heading recognised by its look, below every
/// markup level: UPPER CASE ranks above any other look ("EDUCATION" above
/// "Higher education:" or a bold title).
fn look_level(title: &str) -> u8 {
    let letters: Vec<char> = title.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    if letters.len() >= 2 && upper * 10 >= letters.len() * 9 {
        7
    } else {
        8
    }
}

/// Gives the headings recognised by their look a level of their own when
/// the document ranks them: beside markup headings (a Markdown title over
/// bold section titles), or when two looks both head items (UPPER-CASE
/// lines over "Higher education:" titles).
fn rank_looks(blocks: &[Block], infos: &mut [Option<HeadInfo<'_>>]) {
    let has_markup = infos.iter().flatten().any(|h| h.level.is_some());
    let looks: Vec<Option<u8>> = infos
        .iter()
        .map(|h| {
            h.as_ref()
                .filter(|h| h.level.is_none() && h.num.is_none())
                .map(|h| look_level(h.title))
        })
        .collect();
    let mut looks_with_items = [false; 2];
    for (i, look) in looks.iter().enumerate() {
        let Some(look) = *look else { continue };
        // The items up to the next heading of this look or a higher one.
        let items = (i + 1..blocks.len())
            .take_while(|&k| {
                looks[k].is_none_or(|l| l > look)
                    && infos[k].as_ref().is_none_or(|h| h.num.is_none())
            })
            .filter(|&k| blocks[k].is_list_item())
            .count();
        if items > 0
            && infos[i]
                .as_ref()
                .is_some_and(|h| h.kind == SectionKind::Content)
        {
            looks_with_items[usize::from(look - 7)] = true;
        }
    }
    let two_looks = looks_with_items[0] && looks_with_items[1];
    if !(has_markup || two_looks) {
        return;
    }
    for h in infos.iter_mut().flatten() {
        if h.level.is_none() && h.num.is_none() {
            h.level = Some(look_level(h.title));
        }
    }
}

/// Builds the outline of a document's blocks.
pub fn outline(blocks: &[Block]) -> Outline<'_> {
    let mut infos = head_infos(blocks);
    rank_looks(blocks, &mut infos);
    let scheme = choose_scheme(blocks, &infos);
    let mut out = Outline::default();
    let mut mode = Mode::Front;
    let mut after_signature = 0u8;
    // The lead-in paragraph the items that follow stand under.
    let mut lead_in: Option<&Block> = None;
    for (i, block) in blocks.iter().enumerate() {
        match &block.kind {
            BlockKind::Heading { .. } => {
                out.headings += 1;
                after_signature = 0;
                let Some(info) = infos[i].as_ref() else {
                    continue;
                };
                let r = rank(scheme, Some(info));
                let (title, kind) = (info.title, info.kind);
                lead_in = None;
                if r == 3 && mode == Mode::Line {
                    push_action(&mut out, block, 0, None);
                    continue;
                }
                if r <= 1 && kind != SectionKind::Content {
                    mode = match kind {
                        SectionKind::Contents => Mode::Contents,
                        SectionKind::Preamble => Mode::Preamble,
                        SectionKind::Appendix => Mode::Appendix,
                        _ => Mode::Governance,
                    };
                } else if r == 1
                    && mode == Mode::Front
                    && out.headings == 1
                    && items_under(blocks, &infos, i, scheme, 1) == 0
                {
                    // The document's first heading, with no items of its
                    // own: its title ("IRELAND – INDIA WORK PROGRAMME").
                    out.front.push(block);
                } else if r == 1 {
                    mode = Mode::Line;
                    let number = info.num.as_ref().and_then(|n| n.parts.first().copied());
                    out.lines.push(LineBlocks::new(Some(block), number, title));
                } else if r == 0 {
                    if !out.lines.is_empty() {
                        mode = Mode::Governance;
                    } else {
                        out.front.push(block);
                    }
                } else if mode == Mode::Line
                    || (matches!(scheme, Scheme::Flat)
                        && matches!(mode, Mode::Front | Mode::Preamble | Mode::Line)
                        && items_under(blocks, &infos, i, scheme, 2) > 0)
                {
                    if out.lines.is_empty() {
                        out.lines.push(LineBlocks::new(None, Some(1), ""));
                    }
                    mode = Mode::Line;
                    if let Some(line) = out.lines.last_mut() {
                        line.tracks.push(TrackBlocks::new(Some(block), title));
                    }
                } else if mode == Mode::Front {
                    out.front.push(block);
                }
            }
            BlockKind::Paragraph => {
                if is_signature(block) {
                    out.signatures.push(Signature {
                        head: block,
                        lines: Vec::new(),
                    });
                    after_signature = 2;
                    continue;
                }
                if after_signature > 0
                    && block.as_str().split_whitespace().count() <= 8
                    && let Some(sig) = out.signatures.last_mut()
                {
                    sig.lines.push(block);
                    after_signature -= 1;
                    continue;
                }
                after_signature = 0;
                lead_in = None;
                match mode {
                    Mode::Front => out.front.push(block),
                    Mode::Preamble => out.preamble.push(block),
                    Mode::Appendix => out.appendix.push(block),
                    Mode::Governance => out.governance.push(block),
                    Mode::Contents => {}
                    Mode::Line if commitments::is_lead_in(block.as_str()) => lead_in = Some(block),
                    Mode::Line => {
                        if let Some(line) = out.lines.last_mut() {
                            match line.tracks.last_mut() {
                                None => line.ambition.push(block),
                                Some(track) => track.prose.push(block),
                            }
                        }
                    }
                }
            }
            BlockKind::ListItem { depth, .. } => {
                out.list_items += 1;
                after_signature = 0;
                match mode {
                    Mode::Line => push_action(&mut out, block, *depth, lead_in),
                    Mode::Appendix => out.appendix.push(block),
                    Mode::Governance => out.governance.push(block),
                    Mode::Front | Mode::Contents | Mode::Preamble => {}
                }
            }
            BlockKind::Table { rows } => {
                after_signature = 0;
                lead_in = None;
                if mode == Mode::Line && !looks_like_agreements(rows) {
                    for row in rows.iter().skip(1) {
                        if let Some(first) = row.iter().flatten().find(|b| b.as_str().len() > 20) {
                            push_action(&mut out, first, 0, None);
                        }
                    }
                } else {
                    out.appendix.push(block);
                }
            }
        }
    }
    out.lines
        .retain(|l| !l.tracks.is_empty() || !l.ambition.is_empty());
    for line in &mut out.lines {
        if line.actions() == 0 {
            prose::actions_from_prose(line, &mut out.guesses);
        }
    }
    if out.lines.iter().all(|l| l.actions() == 0) {
        prose::whole_document(blocks, &mut out);
    }
    out
}

impl LineBlocks<'_> {
    /// How many actions the line has.
    pub fn actions(&self) -> usize {
        self.tracks.iter().map(|t| t.actions.len()).sum()
    }
}

/// True when a table's cells read like a list of agreements (MoU, 2018 …).
fn looks_like_agreements(rows: &[Vec<Vec<Block>>]) -> bool {
    let texts: Vec<&str> = rows.iter().flatten().flatten().map(Block::as_str).collect();
    // The same rule that names an agreement's kind decides what reads like one.
    let hits = texts
        .iter()
        .filter(|t| AgreementKind::from_title(t) != AgreementKind::Other)
        .count();
    hits * 3 >= texts.len().max(1)
}

fn push_action<'d>(out: &mut Outline<'d>, block: &'d Block, depth: u8, context: Option<&'d Block>) {
    let Some(line) = out.lines.last_mut() else {
        return;
    };
    if line.tracks.is_empty() {
        line.tracks.push(TrackBlocks::new(None, ""));
    }
    let Some(track) = line.tracks.last_mut() else {
        return;
    };
    match track.actions.last_mut() {
        Some(prev) if depth > 0 => prev.sub.push(block),
        _ => track.actions.push(ActionBlocks {
            main: Cow::Borrowed(block),
            sub: Vec::new(),
            context,
            found_by: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_kinds() {
        assert_eq!(section_kind("CONTENT"), SectionKind::Contents);
        assert_eq!(section_kind("PREAMBLE"), SectionKind::Preamble);
        assert_eq!(section_kind("APPENDIX"), SectionKind::Appendix);
        assert_eq!(section_kind("Annex 1: Agreements"), SectionKind::Appendix);
        assert_eq!(
            section_kind("Implementation and follow-up"),
            SectionKind::Governance
        );
        assert_eq!(
            section_kind("SCIENCE, TECHNOLOGY & INNOVATION"),
            SectionKind::Content
        );
        assert_eq!(
            section_kind("Reviewing the energy sector"),
            SectionKind::Content
        );
    }
}
