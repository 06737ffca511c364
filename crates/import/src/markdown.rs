//! Markdown reader (placeholder: being written).
use crate::Document;
/// Reads Markdown.
pub fn parse(source: &str) -> Document { crate::text::parse(source) }
