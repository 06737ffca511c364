//! The document model every format is read into: a flat list of blocks
//! (headings, paragraphs, list items, tables) with their place in the source.
//!
//! Each format's reader produces a [`Document`]; one structuring step turns
//! any document into a plan, so the rules of what is a line, a track or an
//! action are written once.

use std::ops::Range;

use jointplan_core::MappedText;

/// A document read from any format.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The text that spans index: the decoded file for text formats, the
    /// extracted text (one paragraph a line) for DOCX.
    pub source: String,
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text with a map back to `Document::source` (white space collapsed,
    /// markup removed, list markers and heading numbers kept for headings).
    pub text: MappedText,
    /// Byte range of the whole block in the source.
    pub range: Range<usize>,
}

/// The kinds of block.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    /// A heading. `level` is the markup's level (Markdown `#`, HTML `h1`,
    /// DOCX `Heading 1`) or `None` for a plain-text heading recognised by its
    /// look (UPPER CASE, numbered, short).
    Heading {
        /// Markup level, 1 = top.
        level: Option<u8>,
    },
    /// A paragraph of prose.
    Paragraph,
    /// A list item. `marker` is the bullet or number as written (`-`, `•`,
    /// `a)`, `(i)`, `1.1.3`); `depth` is 0 for a top-level item.
    ListItem {
        /// Nesting depth, 0 = top level.
        depth: u8,
        /// The marker as written.
        marker: String,
    },
    /// A table: rows of cells, each cell a list of blocks.
    Table {
        /// Rows in order; the first may be a header row.
        rows: Vec<Vec<Vec<Block>>>,
    },
}

impl Block {
    /// A block whose text stands verbatim at `range` in the source.
    pub fn verbatim(kind: BlockKind, source: &str, range: Range<usize>) -> Block {
        Block {
            kind,
            text: MappedText::verbatim(&source[range.clone()], range.start),
            range,
        }
    }

    /// The block's text.
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// True for a heading.
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading { .. })
    }

    /// True for a list item.
    pub fn is_list_item(&self) -> bool {
        matches!(self.kind, BlockKind::ListItem { .. })
    }
}
