//! HTML reader: real-world HTML (unclosed `<p>` and `<li>`, entities,
//! scripts, comments) into the document model.
//!
//! Tokenising is html5gum's (a WHATWG tokenizer that reports byte spans);
//! there is no DOM: a small stack of open lists, tables and cells is enough
//! for the shapes a plan has, and it never fails, whatever the input.

use std::collections::HashMap;
use std::ops::Range;

use html5gum::{DefaultEmitter, EndTag, StartTag, Token, Tokenizer};

use crate::builder::{Builder, Numbering};
use crate::{Block, BlockKind, Document};

/// Reads an HTML document.
pub fn parse(source: &str) -> Document {
    Document {
        source: source.to_owned(),
        blocks: parse_fragment(source, 0..source.len()),
    }
}

/// Elements whose content is not document text.
const SKIPPED: &[&str] = &[
    "script", "style", "template", "title", "noscript", "svg", "math", "iframe", "textarea",
    "select", "object", "nav", "footer",
];

/// Inline elements that make their text bold or underlined: a paragraph in
/// nothing else is a heading.
const EMPHASIS: &[&str] = &["b", "strong", "u"];

/// Deepest nesting of skipped elements tracked (bounds the work per end tag).
const MAX_SKIP_NESTING: usize = 64;

/// Elements that start and end a block of text without meaning of their own.
const BLOCK_BREAKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "main",
    "nav",
    "blockquote",
    "address",
    "figure",
    "figcaption",
    "pre",
    "dl",
    "dt",
    "dd",
    "form",
    "fieldset",
    "legend",
    "details",
    "summary",
    "center",
    "body",
    "html",
    "head",
    "hgroup",
    "caption",
    "hr",
];

/// Reads the HTML fragment `source[range]`; block ranges and text maps index
/// the whole `source`. A range that is out of bounds or splits a character
/// yields no blocks.
pub fn parse_fragment(source: &str, range: Range<usize>) -> Vec<Block> {
    let Some(fragment) = source.get(range.clone()) else {
        return Vec::new();
    };
    tokenized(HtmlReader::new(source, range.start), fragment)
}

/// Reads `fragment` token by token with the tokenizer.
fn tokenized(mut reader: HtmlReader<'_>, fragment: &str) -> Vec<Block> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Switch to raw-text states after <script>, <style>, <title>, so markup-like
    // text inside them is not read as tags.
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(fragment, emitter) {
        let Ok(token) = token;
        reader.token(token);
    }
    reader.build.finish()
}

/// State of one pass over an HTML text.
struct HtmlReader<'s> {
    /// The whole source (spans index it).
    source: &'s str,
    /// Offset of the fragment being tokenised within `source`.
    base: usize,
    build: Builder,
    /// Open elements whose text is skipped (`<script>`, `<svg>` …).
    skip: Vec<String>,
    /// Entities already decoded, by their source text.
    entities: HashMap<String, String>,
}

impl<'s> HtmlReader<'s> {
    /// A reader of a fragment of `source` that starts at `base`.
    fn new(source: &'s str, base: usize) -> Self {
        HtmlReader {
            source,
            base,
            build: Builder::new(true),
            skip: Vec::new(),
            entities: HashMap::new(),
        }
    }

    fn token(&mut self, token: Token<usize>) {
        match token {
            Token::StartTag(tag) => self.start_tag(&tag),
            Token::EndTag(tag) => self.end_tag(&tag),
            Token::String(text) => {
                self.string(self.base + text.span.start..self.base + text.span.end);
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }

    fn start_tag(&mut self, tag: &StartTag<usize>) {
        let name = String::from_utf8_lossy(&tag.name);
        let start = self.base + tag.span.start;
        self.start_tag_named(&name, start, tag.self_closing, |a| attribute(tag, a));
    }

    /// A start tag `name` at `start`, whose attributes `attribute` gives.
    fn start_tag_named(
        &mut self,
        name: &str,
        start: usize,
        self_closing: bool,
        attribute: impl Fn(&str) -> Option<String>,
    ) {
        if SKIPPED.contains(&name) {
            if !self_closing && self.skip.len() < MAX_SKIP_NESTING {
                self.skip.push(name.to_owned());
            }
            return;
        }
        if !self.skip.is_empty() {
            return;
        }
        let b = &mut self.build;
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = heading_level(name);
                b.open_leaf(BlockKind::Heading { level }, start);
            }
            "br" => b.space(start),
            "ul" | "menu" | "dir" => b.open_list(Numbering::Bullet, 1),
            "ol" => {
                let start_at = attribute("start").and_then(|v| v.trim().parse().ok());
                b.open_list(
                    ol_numbering(attribute("type").as_deref()),
                    start_at.unwrap_or(1),
                );
            }
            "li" => {
                if let Some(n) = attribute("value").and_then(|v| v.trim().parse().ok()) {
                    b.set_next_number(n);
                }
                b.open_item(start, None);
            }
            "table" => b.open_table(start),
            "tr" => b.open_row(),
            "td" | "th" => b.open_cell(),
            _ if EMPHASIS.contains(&name) => b.emphasis(true),
            _ if BLOCK_BREAKS.contains(&name) => b.start_block(start),
            // Inline elements (a, b, span, …) neither break nor add text.
            _ => {}
        }
    }

    fn end_tag(&mut self, tag: &EndTag<usize>) {
        let name = String::from_utf8_lossy(&tag.name);
        let end = self.base + tag.span.end;
        if let Some(i) = self.skip.iter().rposition(|s| *s == name) {
            self.skip.truncate(i);
            return;
        }
        if !self.skip.is_empty() {
            return;
        }
        let b = &mut self.build;
        match name.as_ref() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" => {
                b.extend(end);
                b.flush();
            }
            "br" => b.space(end),
            // Their end tags come after the text's own; they only close it.
            "body" | "html" => b.flush(),
            "ul" | "ol" | "menu" | "dir" => b.close_list(),
            "table" => b.close_table(end),
            "tr" => b.close_row(),
            "td" | "th" => b.close_cell(),
            _ if EMPHASIS.contains(&name.as_ref()) => {
                b.extend(end);
                b.emphasis(false);
            }
            _ if BLOCK_BREAKS.contains(&name.as_ref()) => b.end_block(end),
            _ => b.extend(end),
        }
    }

    /// A run of text at `range` of the source, unless it is inside a
    /// skipped element.
    fn string(&mut self, range: Range<usize>) {
        if self.skip.is_empty() {
            self.text(range);
        }
    }

    /// Feeds the text at `range` of the source: plain runs verbatim, entities
    /// decoded and mapped to where they start.
    fn text(&mut self, range: Range<usize>) {
        let Some(raw) = self.source.get(range.clone()) else {
            return;
        };
        let mut rest = 0;
        while let Some(amp) = raw[rest..].find('&').map(|i| rest + i) {
            self.build.text(&raw[rest..amp], range.start + rest);
            let len = entity_len(&raw[amp..]);
            let entity = &raw[amp..amp + len];
            let decoded = self.decode_entity(entity);
            let at = range.start + amp;
            if decoded == entity {
                self.build.text(&decoded, at);
            } else {
                self.build.decoded(&decoded, at..at + len);
            }
            rest = amp + len;
        }
        self.build.text(&raw[rest..], range.start + rest);
    }

    /// Decodes one character reference the way the tokenizer does in text, by
    /// letting it read the reference alone (a reference's meaning does not
    /// depend on what surrounds it).
    fn decode_entity(&mut self, entity: &str) -> String {
        if let Some(known) = self.entities.get(entity) {
            return known.clone();
        }
        let mut decoded = Vec::new();
        for token in Tokenizer::new(entity) {
            let Ok(token) = token;
            if let Token::String(s) = token {
                decoded.extend_from_slice(&s.value);
            }
        }
        let decoded = String::from_utf8_lossy(&decoded).into_owned();
        self.entities.insert(entity.to_owned(), decoded.clone());
        decoded
    }
}

/// Length of the character reference candidate at the start of `s` (which
/// starts with `&`): `&`, an optional `#` and `x`, then letters and digits,
/// then an optional `;`. It covers all the tokenizer could consume.
fn entity_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 1;
    if bytes.get(i) == Some(&b'#') {
        i += 1;
        if matches!(bytes.get(i), Some(b'x' | b'X')) {
            i += 1;
        }
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    if bytes.get(i) == Some(&b';') {
        i += 1;
    }
    i
}

/// The value of attribute `name` of a start tag.
fn attribute(tag: &StartTag<usize>, name: &str) -> Option<String> {
    tag.attributes
        .get(name.as_bytes())
        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
}

/// `h3` → 3.
fn heading_level(name: &str) -> Option<u8> {
    name.strip_prefix('h').and_then(|d| d.parse().ok())
}

/// How `<ol type=…>` numbers its items.
fn ol_numbering(kind: Option<&str>) -> Numbering {
    match kind.map(str::trim) {
        Some("a") => Numbering::LowerAlpha,
        Some("A") => Numbering::UpperAlpha,
        Some("i") => Numbering::LowerRoman,
        Some("I") => Numbering::UpperRoman,
        _ => Numbering::Decimal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_candidates() {
        assert_eq!(entity_len("&amp; x"), 5);
        assert_eq!(entity_len("&#8211;"), 7);
        assert_eq!(entity_len("&#x2013x"), 8);
        assert_eq!(entity_len("& x"), 1);
        assert_eq!(entity_len("&notit;"), 7);
    }

    #[test]
    fn reference_plan_appendix_row() {
        let src = "Energy\t<ul style=\"list-style-type: none\"> • MoU A, 2018. • The Copenhagen Commitment, 2018.";
        let start = src.find('<').unwrap_or(0);
        let blocks = parse_fragment(src, start..src.len());
        let texts: Vec<&str> = blocks.iter().map(Block::as_str).collect();
        assert_eq!(texts, ["MoU A, 2018.", "The Copenhagen Commitment, 2018."]);
        assert!(blocks.iter().all(|b| b.kind
            == BlockKind::ListItem {
                depth: 0,
                marker: "•".into()
            }));
        let r = blocks[1].text.source_range(4..14);
        assert_eq!(&src[r], "Copenhagen");
    }
}
