//! Turning ranges of a block's text into source spans.

use std::ops::Range;

use jointplan_core::{LineIndex, MappedText, Span};

/// Maps ranges of one block's text to spans of the source.
pub struct SpanMap<'a> {
    index: &'a LineIndex<'a>,
    text: &'a MappedText,
}

impl<'a> SpanMap<'a> {
    /// A map for `text`, whose offsets point into the indexed source.
    pub fn new(index: &'a LineIndex<'a>, text: &'a MappedText) -> Self {
        Self { index, text }
    }

    /// The span of a range of the text.
    pub fn span(&self, range: Range<usize>) -> Span {
        let r = self.text.source_range(range);
        self.index.span(r.start, r.end)
    }

    /// The span of the whole text.
    pub fn whole(&self) -> Span {
        self.span(0..self.text.as_str().len())
    }

    /// A closure form for the core's extraction rules.
    pub fn as_fn(&self) -> impl Fn(Range<usize>) -> Span + '_ {
        move |r| self.span(r)
    }
}
