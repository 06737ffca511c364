//! The canonical JSON form of a plan and its content hash.
//!
//! The canonical form is the plan serialised with the model's field order,
//! pretty-printed with two spaces and a final newline; reading it back gives
//! an equal plan. The content hash is SHA-256 over the compact form with
//! keys sorted, so it does not depend on formatting.

use serde_json::{Map, Value};
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

/// JSON with object keys sorted at every depth and no spaces: one text per
/// value, whatever order its maps keep. Hashes are taken over this form.
pub fn compact_json(value: &Value) -> String {
    fn sorted(v: &Value) -> Value {
        match v {
            Value::Object(m) => {
                let mut keys: Vec<&String> = m.keys().collect();
                keys.sort();
                let mut out = Map::new();
                for k in keys {
                    out.insert(k.clone(), sorted(&m[k]));
                }
                Value::Object(out)
            }
            Value::Array(a) => Value::Array(a.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    // Writing a Value to a String cannot fail.
    serde_json::to_string(&sorted(value)).unwrap_or_default()
}

/// SHA-256 of the plan's content, hex: its [`compact_json`].
pub fn content_hash(plan: &Plan) -> String {
    let value = serde_json::to_value(plan).unwrap_or(Value::Null);
    hex::encode(Sha256::digest(compact_json(&value).as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn canonical_json_sorts_keys_at_every_depth() {
        assert_eq!(
            compact_json(&json!({"b": {"d": 1, "c": 2}, "a": [ {"z":1,"y":2} ]})),
            r#"{"a":[{"y":2,"z":1}],"b":{"c":2,"d":1}}"#
        );
    }
}
