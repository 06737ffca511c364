//! Turns a stream of reader events (text pieces, block starts and ends, list,
//! table, row and cell boundaries) into [`Block`]s.
//!
//! Shared by the HTML, Markdown and DOCX readers so that white-space
//! collapsing, list depth, bullet splitting and table assembly work the same
//! way whatever the markup.

use std::ops::Range;

use jointplan_core::MappedText;

use crate::{Block, BlockKind};

mod tables;

/// The bullet that the reference plan writes inside its HTML lists.
pub(crate) const BULLET: char = '•';

/// Deepest list nesting kept; deeper lists read as this depth. Bounds the
/// work per item on hostile input (`- - - - …` nests a list per two bytes).
const MAX_LIST_NESTING: usize = 32;

/// Deepest table nesting kept; deeper tables' cells read as the outer cell.
const MAX_TABLE_NESTING: usize = 8;

/// How a piece of text relates to the source it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// The text stands byte for byte in the source at the given offset.
    Verbatim,
    /// The text was decoded (an entity, an escape) from `raw_len` source bytes.
    Decoded {
        /// Length of the source text it was decoded from.
        raw_len: usize,
    },
}

/// How an ordered list numbers its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Numbering {
    /// No numbers: every item gets `•`.
    Bullet,
    /// 1, 2, 3
    Decimal,
    /// a, b, c
    LowerAlpha,
    /// A, B, C
    UpperAlpha,
    /// i, ii, iii
    LowerRoman,
    /// I, II, III
    UpperRoman,
}

impl Numbering {
    /// The bare number `n` in this style (`3`, `c`, `iii`); `None` for bullets.
    pub(crate) fn format(self, n: i64) -> Option<String> {
        let alpha = |upper: bool| {
            let mut n = n.max(1);
            let mut out = Vec::new();
            while n > 0 {
                let rem = ((n - 1) % 26) as u8;
                out.push(if upper { b'A' + rem } else { b'a' + rem } as char);
                n = (n - 1) / 26;
            }
            out.iter().rev().collect::<String>()
        };
        match self {
            Numbering::Bullet => None,
            Numbering::Decimal => Some(n.to_string()),
            Numbering::LowerAlpha => Some(alpha(false)),
            Numbering::UpperAlpha => Some(alpha(true)),
            Numbering::LowerRoman => Some(roman(n).to_lowercase()),
            Numbering::UpperRoman => Some(roman(n)),
        }
    }

    /// The marker of item `n` as an HTML list would show it (`3.`, `c.`, `•`).
    fn marker(self, n: i64) -> String {
        self.format(n)
            .map(|s| format!("{s}."))
            .unwrap_or_else(|| BULLET.to_string())
    }
}

/// Roman numerals; numbers outside 1..4000 fall back to digits.
fn roman(n: i64) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// True for a paragraph short enough, and without a closing full stop, to
/// be a title when it is all bold: "Climate and Clean Energy".
fn is_title(text: &str) -> bool {
    text.split_whitespace().count() <= 12
        && !text.ends_with(['.', ';', ','])
        && !text.starts_with("For the ")
}

/// A block being filled with text.
#[derive(Debug)]
struct Leaf {
    kind: BlockKind,
    text: MappedText,
    start: usize,
    end: usize,
    /// A collapsed run of white space waiting for the next word, at this offset.
    space_at: Option<usize>,
    /// Part of a run of `•`-led items: each further `•` starts the next item.
    bulleted: bool,
    /// Some of its words stand outside bold or underlined text.
    plain: bool,
}

/// An open list.
#[derive(Debug)]
struct ListFrame {
    numbering: Numbering,
    next: i64,
}

/// An open table.
#[derive(Debug)]
struct TableFrame {
    start: usize,
    rows: Vec<Vec<Vec<Block>>>,
    /// False after `</tr>`, so that the next cell starts a new row.
    row_open: bool,
}

/// The open containers, innermost last.
#[derive(Debug)]
enum Frame {
    List(ListFrame),
    Table(TableFrame),
    Cell(Vec<Block>),
}

/// Assembles blocks from reader events.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    blocks: Vec<Block>,
    frames: Vec<Frame>,
    leaf: Option<Leaf>,
    /// Where the next implicitly opened block starts (a `<p>` seen, no text yet).
    pending_start: Option<usize>,
    /// Split list text at `•` into one item per bullet (HTML lists written as
    /// `<ul> • a • b`).
    split_list_bullets: bool,
    /// Turn top-level paragraphs that start with `•` into list items (DOCX
    /// paragraphs bulleted by hand); in table cells this is always done.
    split_leading_bullets: bool,
    /// Lists opened past [`MAX_LIST_NESTING`], whose ends are ignored too.
    lists_ignored: usize,
    /// Tables opened past [`MAX_TABLE_NESTING`], whose ends are ignored too.
    tables_ignored: usize,
    /// The furthest source offset seen, to close containers left open at the end.
    last_end: usize,
    /// How many bold or underline elements are open: a paragraph all of
    /// whose words are emphasised is a heading.
    emphasis: usize,
}

impl Builder {
    /// A builder; `split_list_bullets` makes `•` inside list markup start a new item.
    pub(crate) fn new(split_list_bullets: bool) -> Builder {
        Builder {
            split_list_bullets,
            ..Builder::default()
        }
    }

    /// Makes paragraphs that begin with `•` list items, one per bullet.
    pub(crate) fn split_leading_bullets(mut self) -> Builder {
        self.split_leading_bullets = true;
        self
    }

    /// Starts a block of a known kind at `at`, ending any open one.
    pub(crate) fn open_leaf(&mut self, kind: BlockKind, at: usize) {
        self.flush();
        self.pending_start = None;
        self.leaf = Some(Leaf {
            kind,
            text: MappedText::new(),
            start: at,
            end: at,
            space_at: None,
            bulleted: false,
            plain: false,
        });
    }

    /// A block-level element starts (`<p>`, `<div>`, a Markdown paragraph).
    /// Inside a list item it only separates words: the item goes on.
    pub(crate) fn start_block(&mut self, at: usize) {
        // Bold never runs from one block into the next: an unclosed `<b>`
        // does not make the rest of a page headings.
        self.emphasis = 0;
        if self.in_item() {
            self.space(at);
        } else {
            self.flush();
            self.pending_start = Some(at);
        }
    }

    /// A block-level element ends at `at`.
    pub(crate) fn end_block(&mut self, at: usize) {
        if self.in_item() {
            self.space(at);
        } else {
            self.extend(at);
            self.flush();
        }
    }

    /// True while the open block is a list item.
    fn in_item(&self) -> bool {
        self.leaf
            .as_ref()
            .is_some_and(|l| matches!(l.kind, BlockKind::ListItem { .. }))
    }

    /// Extends the open block (if it has text) to end at `at`.
    pub(crate) fn extend(&mut self, at: usize) {
        self.last_end = self.last_end.max(at);
        if let Some(leaf) = self.leaf.as_mut().filter(|l| !l.text.as_str().is_empty()) {
            leaf.end = leaf.end.max(at);
        }
    }

    /// Adds text that stands verbatim at `at` in the source: white space
    /// collapses to one space, and a `•` that starts an item (see
    /// [`Builder::bullet_starts_item`]) does so.
    pub(crate) fn text(&mut self, piece: &str, at: usize) {
        self.add(piece, at, Piece::Verbatim);
    }

    /// Adds text that is not the source's own bytes (a decoded entity, an
    /// unescaped character) standing, whole, for the source bytes `source`.
    pub(crate) fn decoded(&mut self, piece: &str, source: Range<usize>) {
        self.add(
            piece,
            source.start,
            Piece::Decoded {
                raw_len: source.len(),
            },
        );
    }

    /// Bold or underlined text starts (`on`) or ends.
    pub(crate) fn emphasis(&mut self, on: bool) {
        self.emphasis = if on {
            self.emphasis.saturating_add(1)
        } else {
            self.emphasis.saturating_sub(1)
        };
    }

    fn add(&mut self, piece: &str, at: usize, how: Piece) {
        let bytes = piece.as_bytes();
        let mut word_start: Option<usize> = None;
        let mut i = 0;
        while i < bytes.len() {
            // ASCII bytes (most) are told apart without decoding a char;
            // `char::is_whitespace` of an ASCII char is this test.
            let b = bytes[i];
            let (ch, len) = if b.is_ascii() {
                if !matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                    word_start.get_or_insert(i);
                    i += 1;
                    continue;
                }
                (char::from(b), 1)
            } else {
                // `i` is at a char boundary: every other step is a whole char.
                let ch = piece[i..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                (ch, ch.len_utf8())
            };
            let bullet = ch == BULLET && self.bullet_starts_item();
            if ch.is_whitespace() || bullet {
                if let Some(ws) = word_start.take() {
                    self.word(&piece[ws..i], at, ws, how);
                }
                let pos = Self::position(at, i, how);
                if bullet {
                    self.bullet(pos);
                } else {
                    self.space(pos);
                }
            } else if word_start.is_none() {
                word_start = Some(i);
            }
            i += len;
        }
        if let Some(ws) = word_start {
            self.word(&piece[ws..], at, ws, how);
        }
    }

    /// Source offset of byte `i` of a piece found at `at`.
    fn position(at: usize, i: usize, how: Piece) -> usize {
        match how {
            Piece::Verbatim => at + i,
            Piece::Decoded { .. } => at,
        }
    }

    /// Appends one word (no white space in it) of a piece found at `at`.
    fn word(&mut self, word: &str, at: usize, offset_in_piece: usize, how: Piece) {
        let pos = Self::position(at, offset_in_piece, how);
        let end = match how {
            Piece::Verbatim => pos + word.len(),
            Piece::Decoded { raw_len } => at + raw_len,
        };
        self.ensure_leaf(pos);
        let emphasised = self.emphasis > 0;
        if let Some(leaf) = self.leaf.as_mut() {
            leaf.plain |= !emphasised;
            if let Some(space) = leaf.space_at.take()
                && !leaf.text.as_str().is_empty()
            {
                leaf.text.push_synthetic(" ", space);
            }
            match how {
                // Decoded text is not the source's bytes: it stands, whole,
                // for the raw source it came from.
                Piece::Decoded { .. } => leaf.text.push_decoded(word, at..end),
                Piece::Verbatim => leaf.text.push(word, pos),
            }
            leaf.end = leaf.end.max(end);
        }
        self.last_end = self.last_end.max(end);
    }

    /// Records a word break at `at` (white space, `<br>`, a soft line break).
    pub(crate) fn space(&mut self, at: usize) {
        if let Some(leaf) = self.leaf.as_mut()
            && !leaf.text.as_str().is_empty()
            && leaf.space_at.is_none()
        {
            leaf.space_at = Some(at);
        }
    }

    /// Whether a `•` here starts a list item: inside list markup (HTML), in a
    /// run of `•`-led items, or at the start of a paragraph in a table cell
    /// (or anywhere, for DOCX) so `• MoU A. • MoU B.` reads as two agreements.
    fn bullet_starts_item(&self) -> bool {
        if self.split_list_bullets && self.in_list() {
            return true;
        }
        match &self.leaf {
            Some(leaf) if leaf.bulleted => true,
            Some(leaf) if leaf.kind != BlockKind::Paragraph || !leaf.text.as_str().is_empty() => {
                false
            }
            _ => self.split_leading_bullets || self.cell_index().is_some(),
        }
    }

    /// A `•` that starts an item: the block so far ends, a new item starts.
    fn bullet(&mut self, at: usize) {
        let depth = self.depth();
        self.open_leaf(
            BlockKind::ListItem {
                depth,
                marker: BULLET.to_string(),
            },
            at,
        );
        if let Some(leaf) = self.leaf.as_mut() {
            leaf.bulleted = true;
        }
    }

    /// Opens a paragraph (or, directly inside a list, an item) for text at `at`.
    fn ensure_leaf(&mut self, at: usize) {
        if self.leaf.is_some() {
            return;
        }
        let start = self.pending_start.take().unwrap_or(at);
        let kind = if self.in_list() {
            BlockKind::ListItem {
                depth: self.depth(),
                marker: self.next_marker(),
            }
        } else {
            BlockKind::Paragraph
        };
        self.open_leaf(kind, start);
    }

    /// Ends the open block, keeping it if it has text.
    pub(crate) fn flush(&mut self) {
        let Some(leaf) = self.leaf.take() else {
            return;
        };
        if leaf.text.as_str().is_empty() {
            return;
        }
        let kind =
            if leaf.kind == BlockKind::Paragraph && !leaf.plain && is_title(leaf.text.as_str()) {
                BlockKind::Heading { level: None }
            } else {
                leaf.kind
            };
        let block = Block {
            kind,
            text: leaf.text,
            range: leaf.start..leaf.end.max(leaf.start),
        };
        self.sink().push(block);
    }

    /// Adds a finished block (from a nested reader) where text would go now.
    pub(crate) fn push_block(&mut self, block: Block) {
        self.flush();
        self.last_end = self.last_end.max(block.range.end);
        self.sink().push(block);
    }

    /// The innermost open cell, if no table lies between it and the top.
    fn cell_index(&self) -> Option<usize> {
        for (i, frame) in self.frames.iter().enumerate().rev() {
            match frame {
                Frame::Cell(_) => return Some(i),
                Frame::Table(_) => return None,
                Frame::List(_) => {}
            }
        }
        None
    }

    /// Where finished blocks go: the open cell, or the document. Text inside a
    /// table but outside any cell goes before the table, as browsers show it.
    fn sink(&mut self) -> &mut Vec<Block> {
        let cell = self
            .frames
            .iter()
            .rposition(|f| matches!(f, Frame::Cell(_)));
        match cell.and_then(|i| self.frames.get_mut(i)) {
            Some(Frame::Cell(blocks)) => blocks,
            _ => &mut self.blocks,
        }
    }

    /// True when the innermost container is a list.
    fn in_list(&self) -> bool {
        matches!(self.frames.last(), Some(Frame::List(_)))
    }

    /// Nesting depth of the current list, 0 = top level (counted within the
    /// innermost table cell, so a list in a cell starts again at 0).
    fn depth(&self) -> u8 {
        u8::try_from(self.depth_of_lists().saturating_sub(1)).unwrap_or(u8::MAX)
    }

    /// Number of lists open in the current cell (or document).
    fn depth_of_lists(&self) -> usize {
        self.frames
            .iter()
            .rev()
            .take_while(|f| matches!(f, Frame::List(_)))
            .count()
    }

    /// The marker of the next item of the innermost list, advancing its count.
    fn next_marker(&mut self) -> String {
        match self.frames.last_mut() {
            Some(Frame::List(list)) => {
                let marker = list.numbering.marker(list.next);
                list.next = list.next.saturating_add(1);
                marker
            }
            _ => BULLET.to_string(),
        }
    }

    /// Opens a list whose first item is numbered `start`.
    pub(crate) fn open_list(&mut self, numbering: Numbering, start: i64) {
        self.flush();
        self.pending_start = None;
        if self.depth_of_lists() >= MAX_LIST_NESTING {
            self.lists_ignored += 1;
            return;
        }
        self.frames.push(Frame::List(ListFrame {
            numbering,
            next: start,
        }));
    }

    /// Closes the innermost list of the current cell (or document), if any.
    pub(crate) fn close_list(&mut self) {
        if self.lists_ignored > 0 {
            self.lists_ignored -= 1;
            return;
        }
        if self.in_list() {
            self.flush();
            self.frames.pop();
        }
    }

    /// Sets the number of the next item of the innermost list (`<li value>`).
    pub(crate) fn set_next_number(&mut self, n: i64) {
        if let Some(Frame::List(list)) = self.frames.last_mut() {
            list.next = n;
        }
    }

    /// Starts a list item at `at`; `marker` as written, or `None` to number it
    /// from the enclosing list.
    pub(crate) fn open_item(&mut self, at: usize, marker: Option<String>) {
        self.flush();
        let counted = self.next_marker();
        let kind = BlockKind::ListItem {
            depth: self.depth(),
            marker: marker.unwrap_or(counted),
        };
        self.open_leaf(kind, at);
    }

    /// Closes everything still open and returns the blocks.
    pub(crate) fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.tables_ignored = 0;
        while let Some(frame) = self.frames.last() {
            match frame {
                Frame::Cell(_) => self.close_cell(),
                Frame::Table(_) => self.close_table(self.last_end),
                Frame::List(_) => {
                    self.frames.pop();
                }
            }
        }
        self.blocks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_formats() {
        assert_eq!(Numbering::Decimal.marker(3), "3.");
        assert_eq!(Numbering::LowerAlpha.marker(28), "ab.");
        assert_eq!(Numbering::UpperRoman.marker(14), "XIV.");
        assert_eq!(Numbering::Bullet.marker(1), "•");
    }

    #[test]
    fn collapses_white_space_and_keeps_mapping() {
        let src = "  a \n b  ";
        let mut b = Builder::new(false);
        b.text(src, 0);
        let blocks = b.finish();
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].as_str(), "a b");
        assert_eq!(blocks[0].range, 2..7);
        let r = blocks[0].text.source_range(2..3);
        assert_eq!(&src[r], "b");
    }

    #[test]
    fn bullet_paragraphs_in_cells_become_items() {
        let src = "• MoU A. • MoU B.";
        let mut b = Builder::new(false);
        b.open_table(0);
        b.open_cell();
        b.text(src, 0);
        let blocks = b.finish();
        let BlockKind::Table { rows } = &blocks[0].kind else {
            panic!("not a table: {blocks:?}");
        };
        let items: Vec<&str> = rows[0][0].iter().map(Block::as_str).collect();
        assert_eq!(items, ["MoU A.", "MoU B."]);
        assert_eq!(&src[rows[0][0][1].range.clone()], "• MoU B.");
    }
}
