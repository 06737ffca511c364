//! Why a document could not be imported.

use std::path::PathBuf;

/// Errors of import. Each names what was wrong in words a coordinator understands.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is empty (or only white space).
    #[error("{name}: the file is empty")]
    Empty {
        /// The file's name.
        name: String,
    },
    /// Larger than the limit.
    #[error(
        "{name}: the file is {size} bytes; the limit is {limit} bytes (a plan is rarely over 10 MB)"
    )]
    TooLarge {
        /// The file's name.
        name: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Binary content that is no supported format.
    #[error(
        "{name}: this is binary data, not a document (expected plain text, Markdown, HTML or DOCX)"
    )]
    Binary {
        /// The file's name.
        name: String,
    },
    /// Text in no encoding jointplan could decode.
    #[error(
        "{name}: the text is in no encoding jointplan can read (tried UTF-8, UTF-16, and the detected legacy encoding)"
    )]
    Encoding {
        /// The file's name.
        name: String,
    },
    /// A DOCX that is damaged or not really DOCX.
    #[error("{name}: not a readable DOCX file: {reason}")]
    Docx {
        /// The file's name.
        name: String,
        /// What was wrong.
        reason: String,
    },
    /// A format name that does not exist.
    #[error("unknown format '{0}' (use text, markdown, html or docx)")]
    UnknownFormat(String),
    /// Readable, but without a single sentence to import (no words at all):
    /// anything with words imports, as a plan whose weak structure the
    /// import's guesses name.
    #[error("{name}: no sentences found: the text has no words to import")]
    NoSentences {
        /// The file's name.
        name: String,
    },
}

impl ImportError {
    /// A one-line message (the error's own text never spans lines).
    pub fn one_line(&self) -> String {
        self.to_string().replace('\n', " ")
    }
}
