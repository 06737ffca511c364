//! DOCX reader (placeholder: being written).
use crate::{Document, ImportError};
/// Reads DOCX.
pub fn read(name: &str, _bytes: &[u8]) -> Result<Document, ImportError> { Err(ImportError::Docx { name: name.into(), reason: "not yet supported".into() }) }
