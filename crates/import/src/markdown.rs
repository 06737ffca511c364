//! Markdown reader: CommonMark with GFM tables (pulldown-cmark) into the
//! document model. Inline markup is dropped, its text kept; HTML blocks are
//! read by the HTML reader.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::builder::{Builder, Numbering};
use crate::html;
use crate::{BlockKind, Document};

/// Reads a Markdown document; spans index `source` as given.
pub fn parse(source: &str) -> Document {
    let mut reader = MarkdownReader {
        source,
        build: Builder::new(false),
        image_depth: 0,
        cell: None,
    };
    for (event, range) in Parser::new_ext(source, Options::ENABLE_TABLES).into_offset_iter() {
        reader.event(event, range);
    }
    Document {
        source: source.to_owned(),
        blocks: reader.build.finish(),
    }
}

/// An open table cell: its source range, and whether it holds inline HTML.
struct Cell {
    range: Range<usize>,
    has_html: bool,
}

/// State of one pass over a Markdown text.
struct MarkdownReader<'s> {
    source: &'s str,
    build: Builder,
    /// Inside an image: its alt text is not document text.
    image_depth: usize,
    cell: Option<Cell>,
}

impl MarkdownReader<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) => self.text(&text, range),
            Event::Code(code) => self.code(&code, range),
            Event::SoftBreak | Event::HardBreak => self.build.space(range.start),
            Event::InlineHtml(tag) => self.inline_html(&tag, range),
            Event::Rule => self.build.flush(),
            // Inside an HTML block: the whole block is read at its end.
            Event::Html(_) => {}
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        let b = &mut self.build;
        match tag {
            Tag::Paragraph | Tag::CodeBlock(_) | Tag::BlockQuote(_) => b.start_block(range.start),
            Tag::Heading { level, .. } => b.open_leaf(
                BlockKind::Heading {
                    level: Some(heading_level(level)),
                },
                range.start,
            ),
            Tag::List(first) => match first {
                Some(n) => b.open_list(Numbering::Decimal, i64::try_from(n).unwrap_or(i64::MAX)),
                None => b.open_list(Numbering::Bullet, 1),
            },
            Tag::Item => b.open_item(
                range.start,
                item_marker(self.source.get(range.clone()).unwrap_or_default()),
            ),
            Tag::HtmlBlock => b.flush(),
            Tag::Table(_) => b.open_table(range.start),
            Tag::TableHead | Tag::TableRow => b.open_row(),
            Tag::TableCell => {
                b.open_cell();
                self.cell = Some(Cell {
                    range,
                    has_html: false,
                });
            }
            Tag::Image { .. } => self.image_depth += 1,
            Tag::Strong => b.emphasis(true),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        let end = trimmed_end(self.source, &range);
        let b = &mut self.build;
        match tag {
            TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::BlockQuote(_) => b.end_block(end),
            TagEnd::Heading(_) => {
                b.extend(end);
                b.flush();
            }
            TagEnd::Item => b.flush(),
            TagEnd::List(_) => b.close_list(),
            TagEnd::HtmlBlock => {
                for block in html::parse_fragment(self.source, range) {
                    b.push_block(block);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => b.close_row(),
            TagEnd::TableCell => self.end_cell(),
            TagEnd::Table => b.close_table(end),
            TagEnd::Image => self.image_depth = self.image_depth.saturating_sub(1),
            TagEnd::Strong => b.emphasis(false),
            _ => {}
        }
    }

    /// A cell with inline HTML (`<ul><li>…`, `<br>`) is read again as HTML,
    /// so that its lists become list items.
    fn end_cell(&mut self) {
        if let Some(cell) = self.cell.take()
            && cell.has_html
        {
            self.build.flush();
            let blocks = html::parse_fragment(self.source, cell.range);
            self.build.set_cell_blocks(blocks);
        }
        self.build.close_cell();
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        if self.image_depth > 0 {
            return;
        }
        // Escapes and entities (`\*`, `&amp;`) make the text differ from its source.
        if self.source.get(range.clone()) == Some(text) {
            self.build.text(text, range.start);
        } else {
            self.build.decoded(text, range);
        }
    }

    /// Inline code: the text between the backticks.
    fn code(&mut self, code: &str, range: Range<usize>) {
        let raw = self.source.get(range.clone()).unwrap_or_default();
        match raw.find(code) {
            Some(at) if !code.is_empty() => self.build.text(code, range.start + at),
            _ => self.build.decoded(code, range),
        }
    }

    fn inline_html(&mut self, tag: &str, range: Range<usize>) {
        if let Some(cell) = self.cell.as_mut() {
            cell.has_html = true;
        }
        if tag.get(..3).is_some_and(|t| t.eq_ignore_ascii_case("<br")) {
            self.build.space(range.start);
        }
    }
}

/// `##` → 2.
fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The marker an item's source starts with, as written: `-`, `*`, `+`, `3.`, `3)`.
fn item_marker(item: &str) -> Option<String> {
    let item = item.trim_start();
    let digits = item.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let delimiter = item
            .as_bytes()
            .get(digits)
            .filter(|d| matches!(d, b'.' | b')'))?;
        return Some(format!("{}{}", &item[..digits], *delimiter as char));
    }
    item.chars()
        .next()
        .filter(|c| matches!(c, '-' | '*' | '+'))
        .map(String::from)
}

/// The end of `range` with trailing white space (the block's newline) left out.
fn trimmed_end(source: &str, range: &Range<usize>) -> usize {
    source
        .get(range.clone())
        .map_or(range.end, |s| range.start + s.trim_end().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_as_written() {
        assert_eq!(item_marker("3) x").as_deref(), Some("3)"));
        assert_eq!(item_marker("12. x").as_deref(), Some("12."));
        assert_eq!(item_marker("+ x").as_deref(), Some("+"));
        assert_eq!(item_marker("x"), None);
    }
}
