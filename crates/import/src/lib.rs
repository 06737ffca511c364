//! Documents in, plans out: reads plain text, Markdown, HTML and DOCX into a
//! [`jointplan_core::Plan`] with source spans, and writes plans as Markdown.
//!
//! Pipeline: bytes → [`decode`] → a format reader → [`document::Document`]
//! → [`structure`] → `Plan`. Readers know formats; the structuring step knows
//! what a line, a track and an action look like; the meaning of sentences
//! comes from `jointplan_core::extract`.

mod builder;
pub mod decode;
pub mod document;
pub mod docx;
mod error;
pub mod example;
pub mod format;
pub mod html;
pub mod markdown;
pub mod render;
pub mod structure;
pub mod text;

use jointplan_core::lint::{self, Diagnostic, LintConfig, Report};
use jointplan_core::{Plan, SourceInfo};
use sha2::{Digest, Sha256};
use std::path::Path;

pub use document::{Block, BlockKind, Document};
pub use error::ImportError;
pub use format::Format;

/// Largest file jointplan will read: a DOCX may carry images.
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;

/// Largest text document (text, Markdown, HTML): a signed plan is rarely over
/// 1 MB, and a plan 100 times the reference one is 2.4 MB.
pub const MAX_TEXT_BYTES: u64 = 32 * 1024 * 1024;

/// A plan with the text its spans index.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The plan.
    pub plan: Plan,
    /// The source text the plan's spans index (for diagnostics).
    pub source: String,
}

/// An import with what it had to guess where the document's structure is
/// weak (lines without headings, actions read from prose).
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The plan and its source.
    pub imported: Imported,
    /// The guesses, as findings of rule JP090 for the coordinator to check.
    pub guesses: Vec<Diagnostic>,
}

impl Outcome {
    /// Lints the plan together with the import's guesses.
    pub fn lint(&self, config: &LintConfig) -> Report {
        lint::lint_with_guesses(&self.imported.plan, &self.guesses, config)
    }
}

/// Reads a file from disk and imports it.
pub fn import_file(path: &Path, format: Option<Format>) -> Result<Imported, ImportError> {
    import_file_with_guesses(path, format).map(|o| o.imported)
}

/// Reads a file from disk and imports it, with the import's guesses.
pub fn import_file_with_guesses(
    path: &Path,
    format: Option<Format>,
) -> Result<Outcome, ImportError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let io = |source| ImportError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(io(std::io::Error::other("it is a directory")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            name,
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    import_bytes_with_guesses(&name, &bytes, format)
}

/// Imports a document's bytes; `name` is used for format detection and messages.
pub fn import_bytes(
    name: &str,
    bytes: &[u8],
    format: Option<Format>,
) -> Result<Imported, ImportError> {
    import_bytes_with_guesses(name, bytes, format).map(|o| o.imported)
}

/// Imports a document's bytes, with the import's guesses.
pub fn import_bytes_with_guesses(
    name: &str,
    bytes: &[u8],
    format: Option<Format>,
) -> Result<Outcome, ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            name: name.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty {
            name: name.to_owned(),
        });
    }
    let format = format.unwrap_or_else(|| Format::detect(name, bytes));
    if format != Format::Docx && bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(ImportError::TooLarge {
            name: name.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_TEXT_BYTES,
        });
    }
    let (document, encoding) = read_document(name, bytes, format)?;
    let (mut plan, guesses) = structure::build(name, &document)?;
    plan.source = Some(SourceInfo {
        name: name.to_owned(),
        format: format.name().to_owned(),
        encoding: encoding.to_owned(),
        sha256: hex::encode(Sha256::digest(bytes)),
        bytes: bytes.len() as u64,
    });
    Ok(Outcome {
        imported: Imported {
            plan,
            source: document.source,
        },
        guesses,
    })
}

/// Reads bytes in a format into the document model.
pub fn read_document(
    name: &str,
    bytes: &[u8],
    format: Format,
) -> Result<(Document, &'static str), ImportError> {
    match format {
        Format::Docx => Ok((docx::read(name, bytes)?, "UTF-8")),
        Format::Text | Format::Markdown | Format::Html => {
            let decoded = decode::decode(name, bytes)?;
            let doc = match format {
                Format::Markdown => markdown::parse(&decoded.text),
                Format::Html => html::parse(&decoded.text),
                _ => text::parse(&decoded.text),
            };
            Ok((doc, decoded.encoding))
        }
    }
}
