//! The canonical JSON form of a plan and its content hash.
//!
//! The canonical form is the plan serialised with the model's field order,
//! pretty-printed with two spaces and a final newline; reading it back gives
//! an equal plan. The content hash is SHA-256 over the compact form with
//! keys sorted, so it does not depend on formatting.

use sha2::{Digest, Sha256};

use crate::model::Plan;

/// Version of the canonical JSON format written in [`Plan::format`].
pub const FORMAT_VERSION: u32 = 1;

/// Errors reading a plan's JSON.
#[derive(Debug, thiserror::Error)]
pub enum CanonicalError {
    /// Not JSON, or not a plan.
    #[error("not a jointplan plan: {0}")]
    Invalid(#[from] serde_json::Error),
    /// A plan in a format this version cannot read.
    #[error("plan format {found} is newer than this jointplan understands ({FORMAT_VERSION})")]
    UnsupportedFormat {
        /// The format found.
        found: u32,
    },
}

/// The plan as canonical JSON text.
pub fn to_json(plan: &Plan) -> String {
    // Serialising plain data to a String cannot fail.
    let mut s = serde_json::to_string_pretty(plan).unwrap_or_default();
    s.push('\n');
    s
}

/// Reads a plan from JSON text.
pub fn from_json(text: &str) -> Result<Plan, CanonicalError> {
    let plan: Plan = serde_json::from_str(text)?;
    if plan.format > FORMAT_VERSION {
        return Err(CanonicalError::UnsupportedFormat { found: plan.format });
    }
    Ok(plan)
}

/// True when `text` looks like a plan's JSON (so a CLI can accept either a document or a plan).
pub fn looks_like_plan_json(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('{') && t.contains("\"slug\"") && t.contains("\"partnership\"")
}

/// SHA-256 of the plan's content, hex: key-sorted compact JSON.
pub fn content_hash(plan: &Plan) -> String {
    // serde_json's Value keeps keys in a BTreeMap, so this is key-sorted.
    let value = serde_json::to_value(plan).unwrap_or(serde_json::Value::Null);
    let bytes = serde_json::to_vec(&value).unwrap_or_default();
    hex::encode(Sha256::digest(&bytes))
}
