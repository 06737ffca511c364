//! Source spans: where an extracted item stands in the document it came from.

use std::cell::Cell;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A range of the source document: bytes, and 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based column of `start`, counted in characters.
    pub column: u32,
    /// 1-based line of `end`.
    pub end_line: u32,
    /// 1-based column of `end`, counted in characters (exclusive).
    pub end_column: u32,
}

impl Span {
    /// The byte range of this span.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Turns byte offsets of one source text into lines and columns.
///
/// Built once per document so that each lookup is a binary search, not a scan:
/// a plan has thousands of spans and the scan would make import quadratic.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// Per line (with its line break): ASCII only, so that a column is a
    /// byte count and needs no scan of the characters before it.
    ascii: Vec<bool>,
    /// The last column counted in a line that is not ASCII: its line, byte
    /// offset and column. Spans come mostly in order, so the next column in
    /// the same line is counted on (or back) from there, not from the
    /// line's start (a long table row has dozens of spans).
    last_counted: Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = Vec::with_capacity(bytes.len() / 64 + 1);
        let mut ascii = Vec::with_capacity(bytes.len() / 64 + 1);
        let mut start = 0;
        while start < bytes.len() {
            let end = text[start..]
                .find('\n')
                .map_or(bytes.len(), |i| start + i + 1);
            line_starts.push(start);
            ascii.push(bytes[start..end].is_ascii());
            start = end;
        }
        // After a final line break (or in an empty text) an empty line starts.
        if line_starts.is_empty() || text.ends_with('\n') {
            line_starts.push(text.len());
            ascii.push(true);
        }
        Self {
            text,
            line_starts,
            ascii,
            last_counted: Cell::new((usize::MAX, 0, 0)),
        }
    }

    /// The 1-based line and character column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        // A character never spans a line break, so the line is the same
        // before and after flooring the offset to a character boundary.
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let column = if self.ascii[line] {
            offset - start + 1
        } else {
            let offset = floor_char_boundary(self.text, offset);
            let column = match self.last_counted.get() {
                (l, at, column) if l == line && at <= offset => {
                    column + self.text[at..offset].chars().count()
                }
                // Back from the last column, when that is nearer than the start.
                (l, at, column) if l == line && at - offset < offset - start => {
                    column - self.text[offset..at].chars().count()
                }
                _ => 1 + self.text[start..offset].chars().count(),
            };
            self.last_counted.set((line, offset, column));
            column
        };
        (line as u32 + 1, column as u32)
    }

    /// A span for a byte range of the source.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (line, column) = self.line_col(start);
        let (end_line, end_column) = self.line_col(end.max(start));
        Span {
            start,
            end: end.max(start),
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// The text this index was built over.
    pub fn text(&self) -> &'a str {
        self.text
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Text assembled from pieces of a source (an item that runs over several
/// lines, an HTML element with entities) that remembers where each piece came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MappedText {
    text: String,
    pieces: Vec<Piece>,
}

/// Where one piece of a [`MappedText`] came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Offset of the piece in the assembled text.
    text: usize,
    /// Offset in the source where it starts.
    source: usize,
    /// For text that is not the source's bytes (a decoded entity): the length of the source it stands for. Every offset inside
    /// such a piece maps to its start, and its end to `source + len`, so no
    /// offset ever lands inside a character of the source.
    stands_for: Option<usize>,
}

impl MappedText {
    /// Empty text.
    pub fn new() -> Self {
        Self::default()
    }

    /// Text that stands verbatim at `source_start` in the source.
    pub fn verbatim(text: &str, source_start: usize) -> Self {
        let mut m = Self::new();
        m.push(text, source_start);
        m
    }

    /// Appends a piece that stands verbatim (byte for byte) at `source_start` in the source.
    pub fn push(&mut self, piece: &str, source_start: usize) {
        self.push_piece(piece, source_start, None);
    }

    /// Appends text that is not the source's own bytes (a decoded entity, an
    /// unescaped character) standing for the source bytes `source`.
    pub fn push_decoded(&mut self, piece: &str, source: std::ops::Range<usize>) {
        self.push_piece(piece, source.start, Some(source.len()));
    }

    /// Appends text that has no place of its own in the source (a joining
    /// space for a line break), mapped to `source_at`: the white space it
    /// replaces, one byte for each of its bytes.
    pub fn push_synthetic(&mut self, piece: &str, source_at: usize) {
        self.push_piece(piece, source_at, None);
    }

    fn push_piece(&mut self, piece: &str, source: usize, stands_for: Option<usize>) {
        if piece.is_empty() {
            return;
        }
        // A verbatim piece that goes on where the last one ends in the source
        // extends it: the mapping is the same, and readers push word by word.
        if stands_for.is_none()
            && let Some(last) = self.pieces.last()
            && last.stands_for.is_none()
            && last.source + (self.text.len() - last.text) == source
        {
            self.text.push_str(piece);
            return;
        }
        self.pieces.push(Piece {
            text: self.text.len(),
            source,
            stands_for,
        });
        self.text.push_str(piece);
    }

    /// Appends another mapped text, keeping its mapping.
    pub fn append(&mut self, other: &MappedText) {
        for (k, p) in other.pieces.iter().enumerate() {
            let end = other.pieces.get(k + 1).map_or(other.text.len(), |n| n.text);
            self.push_piece(&other.text[p.text..end], p.source, p.stands_for);
        }
    }

    /// The assembled text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The piece holding byte `text_offset`, if any.
    fn piece_at(&self, text_offset: usize) -> Option<&Piece> {
        match self.pieces.binary_search_by_key(&text_offset, |p| p.text) {
            Ok(i) => self.pieces.get(i),
            Err(0) => None,
            Err(i) => self.pieces.get(i - 1),
        }
    }

    /// The source offset of a byte offset of the assembled text.
    pub fn source_offset(&self, text_offset: usize) -> usize {
        match self.piece_at(text_offset) {
            None => text_offset,
            Some(p) if p.stands_for.is_some() => p.source,
            Some(p) => p.source + (text_offset - p.text),
        }
    }

    /// The source range of a range of the assembled text.
    pub fn source_range(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.source_offset(range.start);
        // The end maps through the last byte inside the range so that a range
        // ending at a piece boundary does not jump to the next piece.
        let end = if range.end > range.start {
            match self.piece_at(range.end - 1) {
                None => range.end,
                Some(p) => match p.stands_for {
                    Some(len) => p.source + len,
                    None => p.source + (range.end - 1 - p.text) + 1,
                },
            }
        } else {
            start
        };
        start..end.max(start)
    }

    /// Trims white space at both ends, keeping the mapping right.
    pub fn trimmed(&self) -> MappedText {
        let start = self.text.len() - self.text.trim_start().len();
        let end = self.text.trim_end().len().max(start);
        self.slice(start..end)
    }

    /// A sub-range of the text with its mapping.
    pub fn slice(&self, range: std::ops::Range<usize>) -> MappedText {
        let mut out = MappedText::new();
        if range.start >= range.end {
            return out;
        }
        let mut bounds: Vec<usize> = self
            .pieces
            .iter()
            .map(|p| p.text)
            .filter(|&t| t > range.start && t < range.end)
            .collect();
        bounds.insert(0, range.start);
        bounds.push(range.end);
        for w in bounds.windows(2) {
            let piece = &self.text[w[0]..w[1]];
            match self.piece_at(w[0]) {
                Some(p) if p.stands_for.is_some() => out.push_piece(piece, p.source, p.stands_for),
                _ => out.push(piece, self.source_offset(w[0])),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let text = "ab\nkø x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(3), (2, 1));
        let x = text.find('x').expect("x");
        assert_eq!(idx.line_col(x), (2, 4));
        // Inside "ø" (two bytes): the column of the character itself.
        let o = text.find('ø').expect("ø");
        assert_eq!(idx.line_col(o + 1), (2, 2));
        assert_eq!(idx.line_col(text.len()), (3, 1));
        assert_eq!(idx.line_col(usize::MAX), (3, 1));
        assert_eq!(LineIndex::new("").line_col(0), (1, 1));
        assert_eq!(LineIndex::new("ab").line_col(2), (1, 3));
    }

    #[test]
    fn columns_counted_on_from_the_last_agree_with_counts_from_the_line_start() {
        let text = "ab\nkø x • y – z\n\nØ\tå\u{1F600}b\nlast";
        let idx = LineIndex::new(text);
        let naive = |offset: usize| {
            let before = &text[..floor_char_boundary(text, offset.min(text.len()))];
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            (
                line as u32,
                (before[line_start..].chars().count() + 1) as u32,
            )
        };
        // Forwards, backwards and jumping, so each count starts from another place.
        let forwards = 0..text.len() + 3;
        let offsets = forwards
            .clone()
            .chain(forwards.clone().rev())
            .chain(forwards.step_by(7));
        for offset in offsets {
            assert_eq!(idx.line_col(offset), naive(offset), "{offset}");
        }
    }

    #[test]
    fn mapped_text_maps_joined_lines_back() {
        let src = "- first part\n  second part\n";
        let mut m = MappedText::new();
        m.push("first part", 2);
        m.push_synthetic(" ", 12);
        m.push("second part", 15);
        assert_eq!(m.as_str(), "first part second part");
        let at = m.as_str().find("second").expect("second");
        let r = m.source_range(at..at + 6);
        assert_eq!(&src[r], "second");
        let r = m.source_range(0..5);
        assert_eq!(&src[r], "first");
    }

    #[test]
    fn trimmed_keeps_mapping() {
        let m = MappedText::verbatim("  hello ", 10);
        let t = m.trimmed();
        assert_eq!(t.as_str(), "hello");
        assert_eq!(t.source_offset(0), 12);
    }
}
