//! Plain-text reader: headings by their look (UPPER CASE, numbered, short
//! lines before a list), bullets of every common kind, items that run over
//! several lines, blank lines inside lists, tab-separated tables and HTML
//! fragments inside the text.

use std::ops::Range;
use std::sync::LazyLock;

use jointplan_core::MappedText;
use jointplan_core::extract::commitments::is_lead_in;
use regex::Regex;

use crate::document::{Block, BlockKind, Document};

/// A bullet or list number at the start of a line: `-`, `*`, `•`, `–`,
/// the Korean `○` and `ㅇ`, `a)`, `(i)`, `1.`, `1)`, `1.2.3`, `a.`.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([-*•–—·▪◦○●■□ㅇ➢►✓]|\((?:[a-z]|[ivxlc]{1,5}|[0-9]{1,3})\)|(?:[a-z]|[ivxlc]{1,5}|[A-Z]|[IVXLC]{1,5}|[0-9]{1,3})[.)]|[0-9]{1,3}(?:\.[0-9]{1,3})+\.?)\s+",
    )
    .expect("marker pattern is valid")
});

/// A line that is bold and nothing else: "**Climate and Clean Energy**".
static BOLD_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\*\*[^*]+\*\*$").expect("bold line pattern is valid"));

/// A heading in a Korean plan: "가. 에너지 전환" (numbered by syllable) or
/// "□ 해상풍력 협력" (the first level of a Korean outline).
static KOREAN_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[가나다라마바사아자차카타파하]\.|□)\s*\S")
        .expect("Korean heading pattern is valid")
});

/// Reads plain text.
pub fn parse(source: &str) -> Document {
    let lines = split_lines(source);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.is_blank() {
            i += 1;
            continue;
        }
        if let Some(end) = html_fragment_end(&lines, i) {
            let range = line.start..lines[end].end;
            let blocks = crate::html::parse_fragment(source, range.clone());
            if blocks.is_empty() {
                out.push(paragraph_of(&lines[i..=end]));
            } else {
                out.extend(blocks);
            }
            i = end + 1;
            continue;
        }
        if line.table_row {
            let first = i;
            while i < lines.len() && lines[i].table_row {
                i += 1;
            }
            out.push(table(source, &lines[first..i]));
            continue;
        }
        if let Some(marker) = line.marker.clone() {
            let (block, next) = list_item(&lines, i, marker);
            out.push(block);
            i = next;
            continue;
        }
        // A paragraph: consecutive non-blank lines that are not items.
        let first = i;
        i += 1;
        while i < lines.len()
            && !lines[i].is_blank()
            && lines[i].marker.is_none()
            && !lines[i].table_row
        {
            i += 1;
        }
        let para = &lines[first..i];
        let next_is_item = lines[i..]
            .iter()
            .find(|l| !l.is_blank())
            .is_some_and(|l| l.marker.is_some());
        let mut block = paragraph_of(para);
        if looks_like_heading(block.as_str(), para.len(), next_is_item)
            || numbered_heading(para)
            || own_heading(para)
        {
            block.kind = BlockKind::Heading { level: None };
        }
        out.push(block);
    }
    Document {
        source: source.to_owned(),
        blocks: out,
    }
}

/// One line of the source, without its line ending, classified once: the
/// reader looks at most lines several times (is it an item? does it end a
/// paragraph? does it continue the item above?).
#[derive(Debug, Clone)]
struct Line<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// The list marker at the start of the line, if it is a list item.
    marker: Option<Range<usize>>,
    /// A row of a tab-separated table.
    table_row: bool,
}

impl<'a> Line<'a> {
    fn new(text: &'a str, start: usize, end: usize) -> Self {
        let t = text.trim_end();
        Line {
            text,
            start,
            end,
            marker: marker_of(text),
            table_row: t.contains('\t') && !t.trim().is_empty(),
        }
    }

    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    fn indent(&self) -> usize {
        self.text
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum()
    }
}

/// The list marker at the start of a line, if it is a list item.
fn marker_of(text: &str) -> Option<Range<usize>> {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let marker_end = marker_end(trimmed)?;
    let marker = trimmed[..marker_end].trim_end();
    let rest = &trimmed[marker_end..];
    if marker == "□" {
        return None;
    }
    // "1. SUSTAINABILITY & GREEN TRANSITION" and "A. Energy" are headings, not items.
    let numbered = marker.chars().next().is_some_and(|c| c.is_alphanumeric());
    if numbered && heading_like_after_number(rest) {
        return None;
    }
    if rest.trim().is_empty() {
        return None;
    }
    Some(lead..lead + marker.len())
}

/// Where [`MARKER`] ends its match at the start of `text`, if it matches.
fn marker_end(text: &str) -> Option<usize> {
    MARKER.find(text).map(|m| m.end())
}

fn split_lines(source: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in source.match_indices('\n') {
        let end = if i > start && source.as_bytes()[i - 1] == b'\r' {
            i - 1
        } else {
            i
        };
        out.push(Line::new(&source[start..end], start, end));
        start = i + 1;
    }
    if start < source.len() {
        out.push(Line::new(&source[start..], start, source.len()));
    }
    out
}

/// True when the words after a number make a heading: UPPER CASE, or a
/// short title without a closing full stop.
fn heading_like_after_number(rest: &str) -> bool {
    let rest = strip_emphasis(rest.trim());
    if is_upper_case(rest) {
        return true;
    }
    let words = rest.split_whitespace().count();
    words <= 8 && !rest.ends_with(['.', ';', ',']) && !is_lead_in(rest) && starts_upper(rest)
}

/// A single line that a document marks as a heading in its own way: bold
/// and nothing else (not a signature), or a Korean heading.
fn own_heading(lines: &[Line<'_>]) -> bool {
    let [line] = lines else { return false };
    let t = line.text.trim();
    let bold = BOLD_LINE.is_match(t)
        && t.split_whitespace().count() <= 12
        && !t.trim_end_matches('*').ends_with('.')
        && !t.trim_start_matches('*').starts_with("For the ");
    bold || KOREAN_HEADING.is_match(t)
}

/// A single line "2. Renewable Energy" or "2.1 Trade and investment": a
/// number followed by a short title.
fn numbered_heading(lines: &[Line<'_>]) -> bool {
    let [line] = lines else { return false };
    let t = line.text.trim();
    marker_end(t).is_some_and(|end| {
        let marker = t[..end].trim_end();
        marker
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c.is_uppercase())
            && heading_like_after_number(&t[end..])
    })
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

fn strip_emphasis(text: &str) -> &str {
    text.trim_matches(|c| c == '*' || c == '_').trim()
}

/// Letters are mostly capitals (at least two letters).
fn is_upper_case(text: &str) -> bool {
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    letters >= 2 && upper * 10 >= letters * 9
}

fn looks_like_heading(text: &str, line_count: usize, next_is_item: bool) -> bool {
    let text = strip_emphasis(text);
    if text.len() > 200 {
        return false;
    }
    if is_upper_case(text) {
        return true;
    }
    // A short title line right before a list: "Government-to-government
    // cooperation", "Research:" (but not a lead-in, "The parties will:").
    line_count == 1
        && next_is_item
        && text.split_whitespace().count() <= 8
        && starts_upper(text)
        && !text.ends_with(['.', ';', ','])
        && !is_lead_in(text)
}

/// Joins lines into one block text, collapsing line breaks into spaces and
/// dropping Markdown-style emphasis (`**`) around the block.
fn joined(lines: &[Line<'_>], skip_first: usize) -> MappedText {
    let mut text = MappedText::new();
    for (k, line) in lines.iter().enumerate() {
        let offset = if k == 0 { skip_first } else { 0 };
        let body = &line.text[offset..];
        let trimmed = body.trim();
        if trimmed.is_empty() {
            continue;
        }
        let at = line.start + offset + (body.len() - body.trim_start().len());
        if !text.as_str().is_empty() {
            text.push_synthetic(" ", line.start.saturating_sub(1));
        }
        text.push(trimmed, at);
    }
    strip_block_emphasis(text)
}

fn strip_block_emphasis(text: MappedText) -> MappedText {
    let s = text.as_str();
    // `strip_prefix` in a loop is `trim_start_matches` without building a
    // substring searcher for every block.
    let mut head = s;
    while let Some(rest) = head.strip_prefix("**") {
        head = rest;
    }
    let mut tail = s;
    while let Some(rest) = tail.strip_suffix("**") {
        tail = rest;
    }
    let start = s.len() - head.len();
    let end = tail.len().max(start);
    if start == 0 && end == s.len() {
        return text;
    }
    text.slice(start..end).trimmed()
}

fn paragraph_of(lines: &[Line<'_>]) -> Block {
    let range = lines[0].start..lines[lines.len() - 1].end;
    Block {
        kind: BlockKind::Paragraph,
        text: joined(lines, 0),
        range,
    }
}

/// A list item starting at line `i`, with the lines that continue it.
/// Returns the block and the index of the next unread line.
fn list_item(lines: &[Line<'_>], i: usize, marker: Range<usize>) -> (Block, usize) {
    let first = &lines[i];
    let indent = first.indent();
    let mut j = i + 1;
    let mut last = i;
    while j < lines.len() {
        let l = &lines[j];
        if l.is_blank() {
            // After a blank line only a deeper-indented line continues the item.
            let next = lines[j..].iter().position(|l| !l.is_blank()).map(|p| j + p);
            match next {
                Some(n)
                    if lines[n].marker.is_none()
                        && lines[n].indent() > indent
                        && !lines[n].table_row =>
                {
                    j = n;
                    continue;
                }
                _ => break,
            }
        }
        if l.marker.is_some() || l.table_row || html_fragment_end(lines, j).is_some() {
            break;
        }
        // An UPPER-CASE line after an item is the next heading, not more of
        // the item; so is a Korean heading.
        if (is_upper_case(l.text.trim()) && l.indent() <= indent)
            || KOREAN_HEADING.is_match(l.text.trim())
        {
            break;
        }
        last = j;
        j += 1;
    }
    let mut text = joined(&lines[i..=last], marker.end);
    text = text.trimmed();
    let marker_text = first.text[marker.clone()].to_owned();
    let depth = u8::try_from(indent / 2).unwrap_or(u8::MAX).min(8);
    let block = Block {
        kind: BlockKind::ListItem {
            depth,
            marker: marker_text,
        },
        text,
        range: first.start..lines[last].end,
    };
    (block, j)
}

/// If line `i` opens an HTML fragment (`<table`, `<ul`, `<ol`, `<div`), the
/// index of the line that closes it.
fn html_fragment_end(lines: &[Line<'_>], i: usize) -> Option<usize> {
    let t = lines[i].text.trim_start();
    if !t.starts_with('<') {
        return None;
    }
    let t = t.to_ascii_lowercase();
    let tag = ["table", "ul", "ol", "div", "dl"]
        .into_iter()
        .find(|tag| t.starts_with(&format!("<{tag}")))?;
    let close = format!("</{tag}>");
    for (k, l) in lines.iter().enumerate().skip(i) {
        if l.text.to_ascii_lowercase().contains(&close) {
            return Some(k);
        }
        if k > i && l.is_blank() {
            return Some(k - 1);
        }
    }
    Some(lines.len() - 1)
}

/// A run of tab-separated lines as a table; a cell with HTML or inline
/// bullets (`•`) is read into blocks.
fn table(source: &str, lines: &[Line<'_>]) -> Block {
    let mut rows = Vec::new();
    for line in lines {
        let mut cells = Vec::new();
        let mut at = line.start;
        for cell in line.text.split('\t') {
            let range = at..at + cell.len();
            cells.push(cell_blocks(source, range));
            at += cell.len() + 1;
        }
        rows.push(cells);
    }
    Block {
        kind: BlockKind::Table { rows },
        text: MappedText::new(),
        range: lines[0].start..lines[lines.len() - 1].end,
    }
}

static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<[^<>]*>").expect("tag pattern is valid"));

fn cell_blocks(source: &str, range: Range<usize>) -> Vec<Block> {
    let cell = &source[range.clone()];
    if cell.trim().is_empty() {
        return Vec::new();
    }
    if TAG.is_match(cell) {
        let blocks = crate::html::parse_fragment(source, range.clone());
        if !blocks.is_empty() {
            return blocks;
        }
    }
    inline_bullets(source, range)
}

/// Splits a cell at inline bullets, ignoring tags: "<ul> • A. • B." → items A., B.
fn inline_bullets(source: &str, range: Range<usize>) -> Vec<Block> {
    let cell = &source[range.clone()];
    // Text pieces between tags, with offsets.
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    let mut last = 0;
    for m in TAG.find_iter(cell) {
        pieces.push((last, &cell[last..m.start()]));
        last = m.end();
    }
    pieces.push((last, &cell[last..]));
    let mut items: Vec<MappedText> = vec![MappedText::new()];
    let mut bulleted = false;
    for (off, piece) in pieces {
        let mut from = 0;
        for (k, _) in piece.match_indices('•') {
            if let Some(t) = items.last_mut() {
                t.push(&piece[from..k], range.start + off + from);
            }
            items.push(MappedText::new());
            bulleted = true;
            from = k + '•'.len_utf8();
        }
        if let Some(t) = items.last_mut() {
            t.push(&piece[from..], range.start + off + from);
        }
    }
    let kind = |b: bool| {
        if b {
            BlockKind::ListItem {
                depth: 0,
                marker: "•".into(),
            }
        } else {
            BlockKind::Paragraph
        }
    };
    items
        .into_iter()
        .enumerate()
        .map(|(k, t)| (k, t.trimmed()))
        .filter(|(_, t)| !t.as_str().is_empty())
        .map(|(k, t)| {
            let r = t.source_range(0..t.as_str().len());
            Block {
                kind: kind(bulleted && k > 0),
                text: t,
                range: r,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(doc: &Document) -> Vec<String> {
        doc.blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Heading { .. } => format!("H:{}", b.as_str()),
                BlockKind::Paragraph => format!("P:{}", b.as_str()),
                BlockKind::ListItem { depth, marker } => format!("L{depth}{marker}:{}", b.as_str()),
                BlockKind::Table { rows } => format!("T:{}", rows.len()),
            })
            .collect()
    }

    #[test]
    fn headings_paragraphs_and_items() {
        let doc = parse(
            "1. ENERGY\n\nThe ambition is big.\nIt spans lines.\n\nGOVERNMENT COOPERATION\n\n- First item\n  continues here.\n- Second item\n\n- Third after blank\n",
        );
        assert_eq!(
            kinds(&doc),
            [
                "H:1. ENERGY",
                "P:The ambition is big. It spans lines.",
                "H:GOVERNMENT COOPERATION",
                "L0-:First item continues here.",
                "L0-:Second item",
                "L0-:Third after blank",
            ]
        );
    }

    #[test]
    fn every_bullet_kind() {
        let doc = parse(
            "Intro text that is long enough to be prose, ending here.\n\n• a\n– b\n* c\na) d\n(i) e\n(ii) f\n1) g\n1.2.3 h is an item with words that run on and on.\n",
        );
        let markers: Vec<String> = doc
            .blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::ListItem { marker, .. } => Some(marker.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(markers, ["•", "–", "*", "a)", "(i)", "(ii)", "1)", "1.2.3"]);
    }

    #[test]
    fn spans_map_back_to_the_source() {
        let src = "HEAD\n\n- alpha beta\n  gamma\n";
        let doc = parse(src);
        let item = &doc.blocks[1];
        assert_eq!(item.as_str(), "alpha beta gamma");
        let at = item.as_str().find("gamma").expect("gamma");
        assert_eq!(&src[item.text.source_range(at..at + 5)], "gamma");
    }

    #[test]
    fn tables_with_inline_bullets() {
        let src = "\tBasis\nEnergy\t<ul style=\"x\"> • MoU on A, 2018. • MoU on B, 2019 TBC.\n";
        let doc = parse(src);
        let BlockKind::Table { rows } = &doc.blocks[0].kind else {
            panic!("not a table: {:?}", kinds(&doc))
        };
        assert_eq!(rows.len(), 2);
        let items: Vec<&str> = rows[1][1].iter().map(|b| b.as_str()).collect();
        assert_eq!(items, ["MoU on A, 2018.", "MoU on B, 2019 TBC."]);
        let b = &rows[1][1][1];
        assert_eq!(&src[b.text.source_range(0..3)], "MoU");
    }

    #[test]
    fn title_case_line_before_list_is_heading() {
        let doc = parse("Trade and economy\n- Promote trade.\n");
        assert_eq!(kinds(&doc), ["H:Trade and economy", "L0-:Promote trade."]);
        let doc = parse("The parties will:\n- Promote trade.\n");
        assert_eq!(kinds(&doc)[0], "P:The parties will:");
    }

    #[test]
    fn crlf_and_emphasis() {
        let doc = parse("**For the Government\r\nof Denmark, April 2021**\r\n");
        assert_eq!(kinds(&doc), ["P:For the Government of Denmark, April 2021"]);
    }
}
