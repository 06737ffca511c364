//! Which format a document is in, from its content first and its name second.

use crate::ImportError;

/// The formats jointplan reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown (CommonMark).
    Markdown,
    /// HTML.
    Html,
    /// Word (Office Open XML).
    Docx,
}

impl Format {
    /// The name used on the command line and in [`jointplan_core::SourceInfo`].
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }

    /// The format a name stands for (`text`, `txt`, `md`, `markdown`, `html`, `htm`, `docx`).
    pub fn from_name(name: &str) -> Result<Format, ImportError> {
        match name.to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            "docx" | "word" => Ok(Format::Docx),
            other => Err(ImportError::UnknownFormat(other.to_owned())),
        }
    }

    /// Detects the format: the bytes decide where they can (a ZIP is DOCX,
    /// `<html` is HTML); otherwise the file's extension; otherwise text.
    pub fn detect(file_name: &str, bytes: &[u8]) -> Format {
        if bytes.starts_with(b"PK\x03\x04") {
            return Format::Docx;
        }
        let ext = file_name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
        let head = head.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with("<!doctype html") || head.starts_with("<html") {
            return Format::Html;
        }
        match ext.as_str() {
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "docx" => Format::Docx,
            "txt" | "text" => Format::Text,
            _ if looks_like_markdown(head) => Format::Markdown,
            _ => Format::Text,
        }
    }
}

fn looks_like_markdown(head: &str) -> bool {
    head.lines()
        .take(40)
        .filter(|l| l.starts_with("# ") || l.starts_with("## ") || l.starts_with("### "))
        .count()
        >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_beats_name() {
        assert_eq!(Format::detect("plan.txt", b"PK\x03\x04rest"), Format::Docx);
        assert_eq!(
            Format::detect("plan.txt", b"<!DOCTYPE html><html>"),
            Format::Html
        );
        assert_eq!(
            Format::detect("plan", b"# Plan\n\n## Line\n"),
            Format::Markdown
        );
        assert_eq!(Format::detect("plan.md", b"just text"), Format::Markdown);
        assert_eq!(Format::detect("plan.txt", b"just text"), Format::Text);
        assert_eq!(Format::detect("plan.htm", b"<p>x</p>"), Format::Html);
    }

    #[test]
    fn names() {
        assert_eq!(Format::from_name("MD").ok(), Some(Format::Markdown));
        assert!(Format::from_name("pdf").is_err());
    }
}
