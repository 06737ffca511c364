//! Helpers the reader tests share: walking blocks and checking spans.
#![allow(dead_code)]

use jointplan_import::{Block, BlockKind};

/// Every block, table cells' blocks included, in reading order.
pub fn flatten(blocks: &[Block]) -> Vec<&Block> {
    let mut out = Vec::new();
    for block in blocks {
        out.push(block);
        if let BlockKind::Table { rows } = &block.kind {
            for cell in rows.iter().flatten() {
                out.extend(flatten(cell));
            }
        }
    }
    out
}

/// Asserts that `needle`, found in the block's text, maps back to the same
/// text in the source.
pub fn assert_maps(source: &str, block: &Block, needle: &str) {
    let at = block
        .as_str()
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {:?}", block.as_str()));
    let range = block.text.source_range(at..at + needle.len());
    assert_eq!(
        &source[range],
        needle,
        "span of {needle:?} in {:?}",
        block.as_str()
    );
}

/// The first block, table cells' blocks included, whose text starts with `start`.
pub fn find<'b>(blocks: &'b [Block], start: &str) -> &'b Block {
    flatten(blocks)
        .into_iter()
        .find(|b| b.as_str().starts_with(start))
        .unwrap_or_else(|| panic!("no block starting {start:?}"))
}

/// Each heading as (level, text).
pub fn headings(blocks: &[Block]) -> Vec<(Option<u8>, &str)> {
    blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading { level } => Some((level, b.as_str())),
            _ => None,
        })
        .collect()
}

/// Each list item as (depth, marker, text).
pub fn items(blocks: &[Block]) -> Vec<(u8, &str, &str)> {
    blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::ListItem { depth, marker } => Some((*depth, marker.as_str(), b.as_str())),
            _ => None,
        })
        .collect()
}

/// The rows of the first table among `blocks`.
pub fn first_table(blocks: &[Block]) -> &Vec<Vec<Vec<Block>>> {
    blocks
        .iter()
        .find_map(|b| match &b.kind {
            BlockKind::Table { rows } => Some(rows),
            _ => None,
        })
        .expect("a table")
}

/// Block ranges and text maps stay inside the source, on character boundaries.
pub fn assert_ranges_valid(source: &str, blocks: &[Block]) {
    for block in flatten(blocks) {
        assert!(
            source.get(block.range.clone()).is_some(),
            "range {:?} of {block:?}",
            block.range
        );
        let whole = block.text.source_range(0..block.as_str().len());
        assert!(
            source.get(whole.clone()).is_some(),
            "text map {whole:?} of {block:?}"
        );
    }
}

/// Ranges and text maps are valid, and no block's text starts or ends with a space.
pub fn assert_spans_valid(source: &str, blocks: &[Block]) {
    assert_ranges_valid(source, blocks);
    for block in flatten(blocks) {
        assert!(!block.as_str().starts_with(' ') && !block.as_str().ends_with(' '));
    }
}
